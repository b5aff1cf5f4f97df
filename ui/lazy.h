#pragma once

#include <functional>
#include <utility>

namespace portal {

/**
 * A widget built the first time it is asked for. Start-up builds only what the first frame shows
 * (the Sign in page, or Restoring while a stored session is checked); every other page is built
 * when the user first goes there, and then kept (with whatever was typed into it).
 * The factory parents the widget; Qt's ownership deletes it.
 */
template<typename W>
class Lazy
{
public:
    void setFactory(std::function<W *()> make) { m_make = std::move(make); }
    /// The widget, built now if it was not yet.
    W *get()
    {
        if (!m_widget)
            m_widget = m_make();
        return m_widget;
    }
    /// The widget if it was built, else nullptr: asks without building.
    W *ifBuilt() const { return m_widget; }

private:
    std::function<W *()> m_make;
    W *m_widget = nullptr;
};

} // namespace portal
