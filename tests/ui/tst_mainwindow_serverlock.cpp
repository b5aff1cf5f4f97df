// MainWindow when an administrator set the server (the app layer says so with setServerLocked):
// Settings ▸ Server address… is disabled and says why, and no Server address dialog opens.

#include "mainwindow.h"
#include "serverdialog.h"
#include "uitest.h"

#include <QAction>
#include <QMenu>
#include <QTest>

#include <algorithm>

using namespace portal;
using namespace portal::test;

class TestMainWindowServerLock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void lockDisablesServerAddressAndSaysWhy();
    void unlockingOffersItAgain();
    void lockingClosesAnOpenDialog();

private:
    std::unique_ptr<AuthHarness> m_harness;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindowServerLock::init()
{
    m_harness = std::make_unique<AuthHarness>();
    m_window = std::make_unique<MainWindow>(&m_harness->auth, &m_harness->api);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindowServerLock::cleanup()
{
    m_window.reset();
    m_harness.reset();
}

void TestMainWindowServerLock::lockDisablesServerAddressAndSaysWhy()
{
    m_window->setServerLocked(true);
    QAction *action = m_window->serverAction();
    QVERIFY(!action->isEnabled());
    QCOMPARE(action->toolTip(), QStringLiteral("Your administrator set the server address."));
    // A menu shows its actions' tooltips only when asked to.
    const QList<QObject *> holders = action->associatedObjects();
    const auto menu = std::find_if(holders.cbegin(), holders.cend(),
                                   [](QObject *object) { return qobject_cast<QMenu *>(object); });
    QVERIFY(menu != holders.cend());
    QVERIFY(qobject_cast<QMenu *>(*menu)->toolTipsVisible());
    // Neither the menu nor anything else opens the dialog (the app opens it when it has no server).
    action->trigger();
    m_window->openServerDialog();
    QVERIFY(!m_window->serverDialog());
}

void TestMainWindowServerLock::unlockingOffersItAgain()
{
    m_window->setServerLocked(true);
    m_window->setServerLocked(false);
    QAction *action = m_window->serverAction();
    QVERIFY(action->isEnabled());
    QVERIFY2(!action->toolTip().contains(QStringLiteral("administrator")),
             qPrintable(action->toolTip()));
    action->trigger();
    QVERIFY(m_window->serverDialog());
    QVERIFY(m_window->serverDialog()->isVisible());
}

void TestMainWindowServerLock::lockingClosesAnOpenDialog()
{
    m_window->openServerDialog();
    QVERIFY(m_window->serverDialog());
    m_window->setServerLocked(true);
    QTRY_VERIFY(!m_window->serverDialog());
}

QTEST_MAIN(TestMainWindowServerLock)
#include "tst_mainwindow_serverlock.moc"
