#include "navigationbar.h"

#include "icons.h"

#include <QAction>
#include <QButtonGroup>
#include <QHBoxLayout>
#include <QPushButton>

namespace portal {

NavigationBar::NavigationBar(QWidget *parent)
    : QWidget(parent)
    , m_customers(new QPushButton(icon(Icon::Customers), tr("Customers")))
    , m_profile(new QPushButton(icon(Icon::User), tr("My profile")))
    , m_customersAction(new QAction(icon(Icon::Customers), tr("&Customers"), this))
    , m_profileAction(new QAction(icon(Icon::User), tr("My &profile"), this))
{
    setObjectName(QStringLiteral("navigationBar"));
    m_customers->setObjectName(QStringLiteral("customersNavButton"));
    m_profile->setObjectName(QStringLiteral("profileNavButton"));
    m_customersAction->setObjectName(QStringLiteral("customersAction"));
    m_profileAction->setObjectName(QStringLiteral("profileAction"));
    m_customersAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    m_profileAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    auto *group = new QButtonGroup(this);
    for (QPushButton *button : {m_customers, m_profile}) {
        button->setCheckable(true);
        button->setFlat(true);
        button->setAutoDefault(false);
        group->addButton(button);
    }
    m_customers->setToolTip(
        tr("All customers (%1)")
            .arg(m_customersAction->shortcut().toString(QKeySequence::NativeText)));
    m_profile->setToolTip(tr("Your own profile (%1)")
                              .arg(m_profileAction->shortcut().toString(QKeySequence::NativeText)));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 12, 0);
    layout->addWidget(m_customers);
    layout->addWidget(m_profile);
    layout->addStretch(1);

    const auto request = [this](Place place) {
        Q_EMIT placeRequested(place);
    };
    connect(m_customers, &QPushButton::clicked, this, [request]() { request(Place::Customers); });
    connect(m_profile, &QPushButton::clicked, this, [request]() { request(Place::MyProfile); });
    connect(m_customersAction, &QAction::triggered, this,
            [request]() { request(Place::Customers); });
    connect(m_profileAction, &QAction::triggered, this, [request]() { request(Place::MyProfile); });
    setAvailable(false);
}

void NavigationBar::setCurrent(Place place)
{
    m_customers->setChecked(place == Place::Customers);
    m_profile->setChecked(place == Place::MyProfile);
}

void NavigationBar::setAvailable(bool available)
{
    setVisible(available);
    m_customersAction->setEnabled(available);
    m_profileAction->setEnabled(available);
}

} // namespace portal
