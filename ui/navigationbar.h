#pragma once

#include <QWidget>

class QAction;
class QPushButton;

namespace portal {

/**
 * Support staff's two places, "Customers" and "My profile": a row of buttons the keyboard reaches
 * and two actions (Ctrl+1, Ctrl+2) for the View menu. Shown only while a staff user is signed in.
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

    QPushButton *customersButton() const { return m_customers; }
    QPushButton *profileButton() const { return m_profile; }
    QAction *customersAction() const { return m_customersAction; }
    QAction *profileAction() const { return m_profileAction; }

    /// Marks @p place as the one on screen (no signal).
    void setCurrent(Place place);
    /// Shows or hides the bar and enables or disables its actions.
    void setAvailable(bool available);

Q_SIGNALS:
    void placeRequested(portal::NavigationBar::Place place);

private:
    QPushButton *m_customers;
    QPushButton *m_profile;
    QAction *m_customersAction;
    QAction *m_profileAction;
};

} // namespace portal
