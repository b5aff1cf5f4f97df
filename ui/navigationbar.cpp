#include "navigationbar.h"

#include "icons.h"

#include <QAction>
#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QTabBar>

namespace portal {

namespace {

int indexOf(NavigationBar::Place place)
{
    return place == NavigationBar::Place::Customers ? 0 : 1;
}

} // namespace

NavigationBar::NavigationBar(QWidget *parent)
    : QWidget(parent)
    , m_customersAction(new QAction(icon(Icon::Customers), tr("&Customers"), this))
    , m_profileAction(new QAction(icon(Icon::User), tr("My &profile"), this))
{
    setObjectName(QStringLiteral("navigationBar"));
    m_customersAction->setObjectName(QStringLiteral("customersAction"));
    m_profileAction->setObjectName(QStringLiteral("profileAction"));
    m_customersAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    m_profileAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    connect(m_customersAction, &QAction::triggered, this,
            [this]() { Q_EMIT placeRequested(Place::Customers); });
    connect(m_profileAction, &QAction::triggered, this,
            [this]() { Q_EMIT placeRequested(Place::MyProfile); });
    setAvailable(false);
}

void NavigationBar::buildTabs()
{
    m_tabs = new QTabBar(this);
    m_tabs->setObjectName(QStringLiteral("navigationTabs"));
    m_tabs->setDrawBase(false);
    m_tabs->setExpanding(false);
    m_tabs->setFocusPolicy(Qt::StrongFocus);
    m_tabs->addTab(icon(Icon::Customers), tr("Customers"));
    m_tabs->addTab(icon(Icon::User), tr("My profile"));
    m_tabs->setTabToolTip(
        0, tr("All customers (%1)")
               .arg(m_customersAction->shortcut().toString(QKeySequence::NativeText)));
    m_tabs->setTabToolTip(1,
                          tr("Your own profile (%1)")
                              .arg(m_profileAction->shortcut().toString(QKeySequence::NativeText)));
    m_tabs->setCurrentIndex(indexOf(m_current));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 12, 0);
    layout->addWidget(m_tabs);
    layout->addStretch(1);

    connect(m_tabs, &QTabBar::currentChanged, this, [this](int index) {
        Q_EMIT placeRequested(index == 0 ? Place::Customers : Place::MyProfile);
    });
}

NavigationBar::Place NavigationBar::current() const
{
    return m_current;
}

void NavigationBar::setCurrent(Place place)
{
    m_current = place;
    if (!m_tabs)
        return;
    const QSignalBlocker blocker(m_tabs);
    m_tabs->setCurrentIndex(indexOf(place));
}

void NavigationBar::setAvailable(bool available)
{
    if (available && !m_tabs)
        buildTabs();
    setVisible(available);
    m_customersAction->setEnabled(available);
    m_profileAction->setEnabled(available);
}

} // namespace portal
