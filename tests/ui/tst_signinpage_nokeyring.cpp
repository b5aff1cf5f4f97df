// The sign-in page on a desktop without any keychain (a D-Bus session with no Secret Service).

#include "registerpage.h"
#include "signinpage.h"
#include "testenv.h"
#include "uitest.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using namespace portal;
using namespace portal::test;

class TestSignInPageNoKeyring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rememberMeDisabledWithReason();
    void signInStillWorksForTheSession();
    void createAccountSaysWhyToo();

private:
    AuthHarness m_harness;
    QString m_username;
};

void TestSignInPageNoKeyring::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(referenceServerUrl().isValid(), "the reference server fixture is not running");
    m_username = uniqueUsername(QStringLiteral("nokeyring"));
    QString error;
    QVERIFY2(createAccount(referenceServerUrl(), m_username, &error), qPrintable(error));
}

void TestSignInPageNoKeyring::rememberMeDisabledWithReason()
{
    SignInPage page(&m_harness.auth);
    page.resize(720, 720);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    m_harness.connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(!m_harness.auth.isRememberAvailable(), 30000);
    QVERIFY(!page.rememberBox()->isEnabled());
    QVERIFY(!page.rememberBox()->isChecked());
    QVERIFY(page.rememberReasonLabel()->isVisible());
    QCOMPARE(page.rememberReasonLabel()->text(),
             QStringLiteral("Remember me is unavailable: no keychain was found on this computer."));
    QCOMPARE(page.rememberBox()->accessibleDescription(), page.rememberReasonLabel()->text());
}

void TestSignInPageNoKeyring::signInStillWorksForTheSession()
{
    SignInPage page(&m_harness.auth);
    page.resize(720, 720);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTest::keyClicks(page.usernameEdit(), m_username);
    QTest::keyClicks(page.passwordEdit(), testPassword());
    QTest::mouseClick(page.signInButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_harness.auth.state(), AuthStateManager::State::SignedIn, 30000);
}

void TestSignInPageNoKeyring::createAccountSaysWhyToo()
{
    // The same reason on the other page that offers Remember me.
    RegisterPage page(&m_harness.auth);
    page.resize(720, 900);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_VERIFY_WITH_TIMEOUT(!m_harness.auth.isRememberAvailable(), 30000);
    QVERIFY(!page.rememberBox()->isEnabled());
    QVERIFY(!page.rememberBox()->isChecked());
    auto *reason = page.findChild<QLabel *>(QStringLiteral("rememberReason"));
    QVERIFY(reason);
    QVERIFY(reason->isVisible());
    QCOMPARE(reason->text(),
             QStringLiteral("Remember me is unavailable: no keychain was found on this computer."));
    QCOMPARE(page.rememberBox()->accessibleDescription(), reason->text());
}

QTEST_MAIN(TestSignInPageNoKeyring)
#include "tst_signinpage_nokeyring.moc"
