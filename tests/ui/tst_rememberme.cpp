#include "rememberme.h"

#include <QCheckBox>
#include <QLabel>
#include <QTest>

using namespace portal;

class TestRememberMe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checkedByDefault();
    void unavailableSaysWhy();
    void busyKeepsTheChoice();
    void backAfterUnavailable();
};

void TestRememberMe::checkedByDefault()
{
    RememberMe remember;
    remember.show();
    QVERIFY(QTest::qWaitForWindowExposed(&remember));
    QCOMPARE(remember.checkBox()->text(), QStringLiteral("Remember me"));
    QCOMPARE(remember.checkBox()->objectName(), QStringLiteral("rememberMe"));
    QVERIFY(remember.checkBox()->isEnabled());
    QVERIFY(remember.checkBox()->isChecked());
    QVERIFY(!remember.reasonLabel()->isVisible());
    QVERIFY(remember.isRequested());
    remember.checkBox()->setChecked(false);
    QVERIFY(!remember.isRequested());
}

void TestRememberMe::unavailableSaysWhy()
{
    RememberMe remember;
    remember.show();
    QVERIFY(QTest::qWaitForWindowExposed(&remember));
    remember.setAvailable(false);
    QVERIFY(!remember.checkBox()->isEnabled());
    QVERIFY(!remember.checkBox()->isChecked());
    QVERIFY(!remember.isRequested());
    QVERIFY(remember.reasonLabel()->isVisible());
    QCOMPARE(remember.reasonLabel()->textFormat(), Qt::PlainText);
    QCOMPARE(remember.reasonLabel()->text(),
             QStringLiteral("Remember me is unavailable: no keychain was found on this computer."));
    QCOMPARE(remember.checkBox()->accessibleDescription(), remember.reasonLabel()->text());
    // Busy and back: still off, it cannot come back on by itself.
    remember.setBusy(true);
    remember.setBusy(false);
    QVERIFY(!remember.checkBox()->isEnabled());
}

void TestRememberMe::busyKeepsTheChoice()
{
    RememberMe remember;
    remember.checkBox()->setChecked(false);
    remember.setBusy(true);
    QVERIFY(!remember.checkBox()->isEnabled());
    remember.setBusy(false);
    QVERIFY(remember.checkBox()->isEnabled());
    QVERIFY(!remember.checkBox()->isChecked());
}

void TestRememberMe::backAfterUnavailable()
{
    RememberMe remember;
    remember.show();
    QVERIFY(QTest::qWaitForWindowExposed(&remember));
    remember.setAvailable(false);
    remember.setAvailable(true);
    QVERIFY(remember.checkBox()->isEnabled());
    QVERIFY(remember.checkBox()->isChecked());
    QVERIFY(!remember.reasonLabel()->isVisible());
    QVERIFY(remember.checkBox()->accessibleDescription().isEmpty());
}

QTEST_MAIN(TestRememberMe)
#include "tst_rememberme.moc"
