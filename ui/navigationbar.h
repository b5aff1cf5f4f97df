#pragma once

#include <QWidget>

class QAction;
class QTabBar;

namespace portal {

/**
 * Support staff's two places, "Customers" and "My profile": a tab bar the keyboard reaches (a
 * screen reader announces page tabs, the current one selected) and two actions (Ctrl+1, Ctrl+2)
 * for the View menu. Shown only while a staff user is signed in.
 */
class NavigationBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NavigationBar)

public:
    enum class Place
    {
        Customers,
        MyProfile
    };
    Q_ENUM(Place)

    explicit NavigationBar(QWidget *parent = nullptr);

    /// The tabs; built when the bar is first made available (nullptr until then: most sessions
    /// are customers', who never see them).
    QTabBar *tabBar() const { return m_tabs; }
    QAction *customersAction() const { return m_customersAction; }
    QAction *profileAction() const { return m_profileAction; }

    /// The place on screen; setCurrent() marks it without a signal.
    Place current() const;
    void setCurrent(Place place);
    /// Shows or hides the bar and enables or disables its actions.
    void setAvailable(bool available);

Q_SIGNALS:
    /// The user asked for @p place (the bar goes on showing the current one until it is shown).
    void placeRequested(portal::NavigationBar::Place place);

private:
    void buildTabs();

    QTabBar *m_tabs = nullptr;
    Place m_current = Place::Customers;
    QAction *m_customersAction;
    QAction *m_profileAction;
};

} // namespace portal
