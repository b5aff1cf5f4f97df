// The account dialogs (change password, reset a forgotten one, delete the account), driven like a
// person would, against the reference server's Djoser endpoints: the inline errors the server and
// the form give, what is never sent, the reset code read from the server's mail, the keys, and
// the names a screen reader hears.

#include "accountmanager.h"
#include "busyindicator.h"
#include "changepassworddialog.h"
#include "deleteaccountdialog.h"
#include "forgotpassworddialog.h"
#include "messagebanner.h"
#include "testenv.h"
#include "uitest.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace portal;
using namespace portal::test;
using State = AuthStateManager::State;

Q_DECLARE_METATYPE(portal::ApiFlavour)

namespace {

constexpr int kWaitMs = 30000;
const QString kNewPassword = QStringLiteral("a-new-secret-42");

// Every message logged while a test runs, to show that nothing of a reset is.
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void recordMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_log.append(message);
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

QString emailOf(const QString &username)
{
    return username + QStringLiteral("@example.org"); // What createAccount() registers.
}

/// The reset link of the newest mail to @p email, as a person would copy it out of the plain-text
/// part (which comes before the HTML part); empty when there is none.
QString resetLinkMailedTo(const QString &email)
{
    const QString mail = latestMailTo(email);
    const QStringList words = mail.split(QRegularExpression(QStringLiteral("\\s+")));
    for (const QString &word : words) {
        if (word.contains(QLatin1String("/password/reset/confirm/")))
            return word;
    }
    return {};
}

/// Clears @p edit and types @p text into it.
void retype(QLineEdit *edit, const QString &text)
{
    edit->clear();
    QTest::keyClicks(edit, text);
}

} // namespace

class TestAccountDialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void accessibleNamesAreTheLabels_data();
    void accessibleNamesAreTheLabels();
    void tabStopsAreNamed_data();
    void tabStopsAreNamed();
    void escapeCancels_data();
    void escapeCancels();
    void closesWhenTheSessionEnds_data();
    void closesWhenTheSessionEnds();

    void changePasswordChecksTheFormFirst_data();
    void changePasswordChecksTheFormFirst();
    void changePasswordWrongCurrentPassword_data() { flavourRows(); }
    void changePasswordWrongCurrentPassword();
    void changePasswordTooCommon_data() { flavourRows(); }
    void changePasswordTooCommon();
    void changePasswordWithEnter();
    void changePasswordWithoutTheEndpointCloses();

    void resetRequestIsNeutral_data();
    void resetRequestIsNeutral();
    void resetWithTheMailedLink();
    void resetWithAUsedCode();

    void deleteNeedsPasswordAndUsername();
    void enterInAFieldDoesNotDelete();
    void deleteAccount_data() { flavourRows(); }
    void deleteAccount();

private:
    /// A row per API flavour (column "flavour"): the sign-in before the dialog goes through it.
    static void flavourRows();
    /// The harness speaks the row's flavour.
    void useRowFlavour();
    /// A new account on the reference server, signed in; its username.
    QString signedInAccount(const QString &prefix);
    /// Opens @p dialog (kept in m_dialog) and waits until it has the keyboard.
    template<typename Dialog>
    Dialog *open(Dialog *dialog);
    /// One of the three dialogs by name: "change", "forgot", "delete".
    AccountDialog *dialogNamed(const QString &name);
    ChangePasswordDialog *filledChangePassword(const QString &current, const QString &password,
                                               const QString &confirmation);

    std::unique_ptr<AuthHarness> m_harness;
    std::unique_ptr<AccountManager> m_account;
    QPointer<QDialog> m_dialog;
};

void TestAccountDialogs::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qRegisterMetaType<ApiError>();
    QVERIFY2(referenceServerUrl().isValid(), "the reference server fixture is not running");
    QVERIFY2(hasSessionBus(), "run inside tests/keyring-session.sh");
}

void TestAccountDialogs::init()
{
    m_harness = std::make_unique<AuthHarness>();
    m_harness->connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(m_harness->auth.state(), State::SignedOut, kWaitMs);
    m_account = std::make_unique<AccountManager>(&m_harness->api, &m_harness->auth);
}

void TestAccountDialogs::cleanup()
{
    delete m_dialog.data(); // Closed ones are already gone (deleted on close).
    m_account.reset();
    m_harness.reset();
}

void TestAccountDialogs::flavourRows()
{
    QTest::addColumn<ApiFlavour>("flavour");
    QTest::newRow("seed") << ApiFlavour::Seed;
    QTest::newRow("djoser") << ApiFlavour::Djoser;
}

void TestAccountDialogs::useRowFlavour()
{
    QFETCH(ApiFlavour, flavour);
    m_harness->api.setEndpoints(ApiEndpoints::forFlavour(flavour));
}

QString TestAccountDialogs::signedInAccount(const QString &prefix)
{
    const QString username = uniqueUsername(prefix);
    QString error;
    if (!createAccount(referenceServerUrl(), username, &error)) {
        qWarning().noquote() << error;
        return {};
    }
    return m_harness->signIn(username) ? username : QString();
}

template<typename Dialog>
Dialog *TestAccountDialogs::open(Dialog *dialog)
{
    m_dialog = dialog;
    dialog->open();
    if (!QTest::qWaitForWindowActive(dialog))
        qWarning() << "the dialog did not become active";
    settle();
    return dialog;
}

AccountDialog *TestAccountDialogs::dialogNamed(const QString &name)
{
    if (name == QLatin1String("change"))
        return open(new ChangePasswordDialog(m_account.get(), &m_harness->auth));
    if (name == QLatin1String("forgot"))
        return open(new ForgotPasswordDialog(m_account.get()));
    return open(new DeleteAccountDialog(m_account.get(), &m_harness->auth));
}

ChangePasswordDialog *TestAccountDialogs::filledChangePassword(const QString &current,
                                                               const QString &password,
                                                               const QString &confirmation)
{
    auto *dialog = open(new ChangePasswordDialog(m_account.get(), &m_harness->auth));
    QTest::keyClicks(dialog->currentPasswordEdit(), current);
    QTest::keyClicks(dialog->newPasswordEdit(), password);
    QTest::keyClicks(dialog->confirmPasswordEdit(), confirmation);
    return dialog;
}

void TestAccountDialogs::accessibleNamesAreTheLabels_data()
{
    QTest::addColumn<QString>("dialog");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("objectName");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("hasCaption");
    const QString change = QStringLiteral("Change password");
    QTest::newRow("change: current") << "change" << change << "currentPassword"
                                     << "Current password" << true;
    QTest::newRow("change: new") << "change" << change << "newPassword"
                                 << "New password" << true;
    QTest::newRow("change: confirm") << "change" << change << "confirmPassword"
                                     << "Confirm new password" << true;
    QTest::newRow("change: button") << "change" << change << "changeButton"
                                    << "Change password" << false;
    const QString reset = QStringLiteral("Reset password");
    QTest::newRow("forgot: email") << "forgot" << reset << "email"
                                   << "Email" << true;
    QTest::newRow("forgot: send") << "forgot" << reset << "sendButton"
                                  << "Send reset message" << false;
    QTest::newRow("forgot: already have a code") << "forgot" << reset << "alreadyHaveCode"
                                                 << "I already have a code" << false;
    QTest::newRow("forgot: code") << "forgot" << reset << "resetCode"
                                  << "Reset code" << true;
    QTest::newRow("forgot: new") << "forgot" << reset << "newPassword"
                                 << "New password" << true;
    QTest::newRow("forgot: confirm") << "forgot" << reset << "confirmPassword"
                                     << "Confirm new password" << true;
    QTest::newRow("forgot: set") << "forgot" << reset << "setPasswordButton"
                                 << "Set new password" << false;
    QTest::newRow("forgot: new message") << "forgot" << reset << "newMessageButton"
                                         << "Ask for a new reset message" << false;
    const QString remove = QStringLiteral("Delete account");
    QTest::newRow("delete: password") << "delete" << remove << "currentPassword"
                                      << "Current password" << true;
    QTest::newRow("delete: username") << "delete" << remove << "confirmUsername"
                                      << "Type your username to confirm" << true;
    QTest::newRow("delete: button") << "delete" << remove << "deleteButton"
                                    << "Delete account" << false;
}

void TestAccountDialogs::accessibleNamesAreTheLabels()
{
    QFETCH(QString, dialog);
    QFETCH(QString, title);
    QFETCH(QString, objectName);
    QFETCH(QString, name);
    QFETCH(bool, hasCaption);
    QVERIFY(!signedInAccount(QStringLiteral("a11y")).isEmpty());
    AccountDialog *shown = dialogNamed(dialog);
    QCOMPARE(shown->windowTitle(), title);
    auto *widget = shown->findChild<QWidget *>(objectName);
    QVERIFY(widget);
    if (auto *forgot = qobject_cast<ForgotPasswordDialog *>(shown); forgot && !widget->isVisible())
        forgot->showStep(ForgotPasswordDialog::Step::Code);
    QVERIFY(widget->isVisible());
    QCOMPARE(accessibleName(widget), name);
    if (auto *button = qobject_cast<QPushButton *>(widget)) // With a key: Alt and a letter.
        QVERIFY2(!QKeySequence::mnemonic(button->text()).isEmpty(), qPrintable(button->text()));
    if (!hasCaption)
        return;
    QLabel *caption = captionOf(shown, widget);
    QVERIFY(caption);
    QVERIFY(caption->isVisible());
    QCOMPARE(caption->text(), name);
}

void TestAccountDialogs::tabStopsAreNamed_data()
{
    QTest::addColumn<QString>("dialog");
    QTest::addColumn<QStringList>("stops");
    const auto names = [](std::initializer_list<const char *> objectNames) {
        QStringList list;
        for (const char *name : objectNames)
            list.append(QString::fromLatin1(name));
        return list;
    };
    QTest::newRow("change") << "change"
                            << names({"currentPassword", "newPassword", "confirmPassword",
                                      "changeButton", "cancelButton"});
    QTest::newRow("forgot") << "forgot"
                            << names({"email", "alreadyHaveCode", "sendButton", "cancelButton"});
    QTest::newRow("delete") << "delete"
                            << names({"currentPassword", "confirmUsername", "cancelButton"});
}

void TestAccountDialogs::tabStopsAreNamed()
{
    QFETCH(QString, dialog);
    QFETCH(QStringList, stops);
    QVERIFY(!signedInAccount(QStringLiteral("tab")).isEmpty());
    AccountDialog *shown = dialogNamed(dialog);
    // The dialog opens on its first input.
    QTRY_COMPARE(QApplication::focusWidget(), shown->findChild<QWidget *>(stops.first()));
    const TabWalk walk = walkTabChain();
    QVERIFY2(walk.unnamed.isEmpty(), qPrintable(walk.unnamed.join(QStringLiteral("; "))));
    QStringList visited;
    for (QWidget *stop : walk.stops)
        visited.append(stop->objectName());
    for (const QString &stop : std::as_const(stops))
        QVERIFY2(visited.contains(stop), qPrintable(visited.join(QLatin1Char(' '))));
}

void TestAccountDialogs::escapeCancels_data()
{
    QTest::addColumn<QString>("dialog");
    QTest::newRow("change") << "change";
    QTest::newRow("forgot") << "forgot";
    QTest::newRow("delete") << "delete";
}

void TestAccountDialogs::escapeCancels()
{
    QFETCH(QString, dialog);
    QVERIFY(!signedInAccount(QStringLiteral("escape")).isEmpty());
    QSignalSpy busy(m_account.get(), &AccountManager::busyChanged);
    AccountDialog *shown = dialogNamed(dialog);
    QSignalSpy rejected(shown, &QDialog::rejected);
    QTest::keyClicks(QApplication::focusWidget(), testPassword());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QCOMPARE(rejected.count(), 1);
    QTRY_VERIFY(!m_dialog); // Deleted once closed.
    QCOMPARE(busy.count(), 0);
    QCOMPARE(m_harness->auth.state(), State::SignedIn);
}

void TestAccountDialogs::closesWhenTheSessionEnds_data()
{
    QTest::addColumn<QString>("dialog");
    QTest::newRow("change") << "change";
    QTest::newRow("delete") << "delete";
}

void TestAccountDialogs::closesWhenTheSessionEnds()
{
    // Signed out while the dialog is open (elsewhere, or the session expired): nothing to do.
    QFETCH(QString, dialog);
    QVERIFY(!signedInAccount(QStringLiteral("ends")).isEmpty());
    AccountDialog *shown = dialogNamed(dialog);
    QSignalSpy rejected(shown, &QDialog::rejected);
    m_harness->auth.signOut();
    QTRY_COMPARE_WITH_TIMEOUT(m_harness->auth.state(), State::SignedOut, kWaitMs);
    QCOMPARE(rejected.count(), 1);
    QTRY_VERIFY(!m_dialog);
}

void TestAccountDialogs::changePasswordChecksTheFormFirst_data()
{
    QTest::addColumn<QString>("current");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("confirmation");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("error");
    const QString good = kNewPassword;
    QTest::newRow("no current password") << QString() << good << good << "currentPassword"
                                         << "Enter your current password.";
    QTest::newRow("too short") << testPassword() << "short"
                               << "short"
                               << "newPassword"
                               << "Password must be at least 8 characters.";
    QTest::newRow("not confirmed")
        << testPassword() << good << QString(good + QLatin1Char('3')) << "confirmPassword"
        << "Passwords do not match.";
}

void TestAccountDialogs::changePasswordChecksTheFormFirst()
{
    QFETCH(QString, current);
    QFETCH(QString, password);
    QFETCH(QString, confirmation);
    QFETCH(QString, field);
    QFETCH(QString, error);
    QVERIFY(!signedInAccount(QStringLiteral("chform")).isEmpty());
    QSignalSpy busy(m_account.get(), &AccountManager::busyChanged);
    ChangePasswordDialog *dialog = filledChangePassword(current, password, confirmation);
    click(dialog->changeButton());
    auto *input = dialog->findChild<QLineEdit *>(field);
    QVERIFY(input);
    QCOMPARE(dialog->fieldError(input), error);
    QCOMPARE(input->accessibleDescription(), error);
    QTRY_COMPARE(QApplication::focusWidget(), input);
    // Nothing was sent, nothing typed is gone, and only that field has an error.
    QCOMPARE(busy.count(), 0);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->currentPasswordEdit()->text(), current);
    QCOMPARE(dialog->newPasswordEdit()->text(), password);
    QCOMPARE(dialog->confirmPasswordEdit()->text(), confirmation);
    for (QLineEdit *other : {dialog->currentPasswordEdit(), dialog->newPasswordEdit(),
                             dialog->confirmPasswordEdit()}) {
        if (other != input)
            QCOMPARE(dialog->fieldError(other), QString());
    }
    // Typing in the field takes its error away.
    QTest::keyClick(input, Qt::Key_X);
    QCOMPARE(dialog->fieldError(input), QString());
}

void TestAccountDialogs::changePasswordWrongCurrentPassword()
{
    useRowFlavour();
    const QString username = signedInAccount(QStringLiteral("chwrong"));
    QVERIFY(!username.isEmpty());
    const QString wrong = QStringLiteral("not-the-password");
    ChangePasswordDialog *dialog = filledChangePassword(wrong, kNewPassword, kNewPassword);
    QSignalSpy failed(m_account.get(), &AccountManager::failed);
    click(dialog->changeButton());

    // While the server works: nothing to type in or press, a spinner, and Escape waits.
    QVERIFY(m_account->isBusy());
    QVERIFY(dialog->busyIndicator()->isRunning());
    QVERIFY(dialog->busyIndicator()->isVisible());
    for (QWidget *widget : QList<QWidget *>{
             dialog->currentPasswordEdit(), dialog->newPasswordEdit(),
             dialog->confirmPasswordEdit(), dialog->changeButton(), dialog->cancelButton()})
        QVERIFY2(!widget->isEnabled(), qPrintable(widget->objectName()));
    QTest::keyClick(dialog, Qt::Key_Escape);
    QVERIFY(dialog->isVisible());

    QVERIFY(failed.wait(kWaitMs));
    // Under Current password, in the server's words; the rest is as it was typed.
    QVERIFY(!dialog->fieldError(dialog->currentPasswordEdit()).isEmpty());
    QCOMPARE(dialog->fieldError(dialog->newPasswordEdit()), QString());
    QVERIFY(!dialog->banner()->isVisible());
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->currentPasswordEdit()->text(), wrong);
    QCOMPARE(dialog->currentPasswordEdit()->selectedText(), wrong);
    QCOMPARE(dialog->newPasswordEdit()->text(), kNewPassword);
    QCOMPARE(dialog->confirmPasswordEdit()->text(), kNewPassword);
    QVERIFY(dialog->currentPasswordEdit()->isEnabled());
    QVERIFY(dialog->changeButton()->isEnabled());
    QVERIFY(!dialog->busyIndicator()->isRunning());
    QTRY_COMPARE(QApplication::focusWidget(), dialog->currentPasswordEdit());
    QCOMPARE(m_harness->auth.state(), State::SignedIn);
}

void TestAccountDialogs::changePasswordTooCommon()
{
    useRowFlavour();
    QVERIFY(!signedInAccount(QStringLiteral("chcommon")).isEmpty());
    const QString common = QStringLiteral("password123"); // Long enough for the form.
    ChangePasswordDialog *dialog = filledChangePassword(testPassword(), common, common);
    QSignalSpy failed(m_account.get(), &AccountManager::failed);
    click(dialog->changeButton());
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(dialog->fieldError(dialog->newPasswordEdit()),
             QStringLiteral("This password is too common."));
    QCOMPARE(dialog->fieldError(dialog->currentPasswordEdit()), QString());
    QVERIFY(!dialog->banner()->isVisible());
    QTRY_COMPARE(QApplication::focusWidget(), dialog->newPasswordEdit());
    QCOMPARE(dialog->newPasswordEdit()->text(), common);
}

void TestAccountDialogs::changePasswordWithEnter()
{
    const QString username = signedInAccount(QStringLiteral("chgood"));
    QVERIFY(!username.isEmpty());
    ChangePasswordDialog *dialog = filledChangePassword(testPassword(), kNewPassword, kNewPassword);
    QVERIFY(dialog->changeButton()->isDefault());
    QSignalSpy changed(dialog, &ChangePasswordDialog::passwordChanged);
    QSignalSpy accepted(dialog, &QDialog::accepted);
    QTest::keyClick(dialog->confirmPasswordEdit(), Qt::Key_Return);
    QVERIFY(changed.wait(kWaitMs));
    QCOMPARE(accepted.count(), 1);
    QTRY_VERIFY(!m_dialog);
    QCOMPARE(ChangePasswordDialog::successMessage(), QStringLiteral("Password changed."));
    QCOMPARE(m_harness->auth.state(), State::SignedIn); // The session goes on.

    // The new password is the one that signs in now.
    m_harness->auth.signOut();
    QTRY_COMPARE_WITH_TIMEOUT(m_harness->auth.state(), State::SignedOut, kWaitMs);
    QVERIFY(!m_harness->signIn(username));
    m_harness->auth.signIn(username, kNewPassword, false);
    QTRY_COMPARE_WITH_TIMEOUT(m_harness->auth.state(), State::SignedIn, kWaitMs);
}

void TestAccountDialogs::changePasswordWithoutTheEndpointCloses()
{
    QVERIFY(!signedInAccount(QStringLiteral("chnone")).isEmpty());
    // A server without the endpoint: the reference server answers 404 for a path it lacks.
    ApiEndpoints endpoints = m_harness->api.endpoints();
    endpoints.setPasswordPath = QStringLiteral("/no_such_endpoint/");
    m_harness->api.setEndpoints(endpoints);
    QSignalSpy unavailable(m_account.get(), &AccountManager::featureUnavailable);
    ChangePasswordDialog *dialog = filledChangePassword(testPassword(), kNewPassword, kNewPassword);
    QSignalSpy changed(dialog, &ChangePasswordDialog::passwordChanged);
    click(dialog->changeButton());
    QVERIFY(unavailable.wait(kWaitMs));
    QTRY_VERIFY(!m_dialog); // Nothing half-done stays on screen.
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_harness->auth.state(), State::SignedIn);
}

void TestAccountDialogs::resetRequestIsNeutral_data()
{
    QTest::addColumn<bool>("known");
    QTest::newRow("an account's address") << true;
    QTest::newRow("nobody's address") << false;
}

void TestAccountDialogs::resetRequestIsNeutral()
{
    QFETCH(bool, known);
    const QString username = uniqueUsername(QStringLiteral("neutral"));
    if (known)
        QVERIFY(createAccount(referenceServerUrl(), username));
    auto *dialog = open(new ForgotPasswordDialog(m_account.get()));
    QCOMPARE(dialog->step(), ForgotPasswordDialog::Step::Email);
    QVERIFY(dialog->alreadyHaveCodeButton()->isVisible());
    QVERIFY(!dialog->haveCodeButton()->isVisible());
    QTest::keyClicks(dialog->emailEdit(), emailOf(username));
    QSignalSpy requested(m_account.get(), &AccountManager::resetRequested);
    QTest::keyClick(dialog->emailEdit(), Qt::Key_Return);
    QVERIFY(requested.wait(kWaitMs));
    // The same words either way; only the mailbox knows.
    QCOMPARE(dialog->banner()->text(),
             QStringLiteral("If an account uses this address, we sent it a reset message."));
    QCOMPARE(dialog->banner()->kind(), MessageBanner::Kind::Info);
    QCOMPARE(resetLinkMailedTo(emailOf(username)).isEmpty(), !known);
    // On to the code: the next button, and Enter's.
    QVERIFY(dialog->haveCodeButton()->isVisible());
    QVERIFY(dialog->haveCodeButton()->isDefault());
    QVERIFY(!dialog->alreadyHaveCodeButton()->isVisible());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(dialog->step(), ForgotPasswordDialog::Step::Code);
    QTRY_COMPARE(QApplication::focusWidget(), dialog->codeEdit());
}

void TestAccountDialogs::resetWithTheMailedLink()
{
    const QString username = uniqueUsername(QStringLiteral("reset"));
    QVERIFY(createAccount(referenceServerUrl(), username));
    g_log.clear();
    g_previousHandler = qInstallMessageHandler(recordMessage);
    auto restoreHandler = qScopeGuard([]() { qInstallMessageHandler(g_previousHandler); });

    auto *dialog = open(new ForgotPasswordDialog(m_account.get()));
    QSignalSpy reset(dialog, &ForgotPasswordDialog::passwordReset);
    QSignalSpy failed(m_account.get(), &AccountManager::failed);
    QSignalSpy busy(m_account.get(), &AccountManager::busyChanged);
    QTest::keyClicks(dialog->emailEdit(), emailOf(username));
    click(dialog->sendButton());
    QTRY_VERIFY_WITH_TIMEOUT(dialog->haveCodeButton()->isVisible(), kWaitMs);
    const QString link = resetLinkMailedTo(emailOf(username));
    QVERIFY2(!link.isEmpty(), qPrintable(latestMailTo(emailOf(username))));
    click(dialog->haveCodeButton());
    QCOMPARE(dialog->step(), ForgotPasswordDialog::Step::Code);

    // Something that is not the link: said under the field, and nothing sent.
    busy.clear();
    QTest::keyClicks(dialog->codeEdit(), QStringLiteral("my code is in the mail"));
    QTest::keyClicks(dialog->newPasswordEdit(), kNewPassword);
    QTest::keyClicks(dialog->confirmPasswordEdit(), kNewPassword);
    QTest::keyClick(dialog->confirmPasswordEdit(), Qt::Key_Return);
    QCOMPARE(dialog->fieldError(dialog->codeEdit()),
             QStringLiteral("Paste the link or the code from the reset message."));
    QCOMPARE(busy.count(), 0);
    QTRY_COMPARE(QApplication::focusWidget(), dialog->codeEdit());

    // The link, but too common a password: the server says so under New password.
    retype(dialog->codeEdit(), link);
    QCOMPARE(dialog->fieldError(dialog->codeEdit()), QString());
    retype(dialog->newPasswordEdit(), QStringLiteral("password123"));
    retype(dialog->confirmPasswordEdit(), QStringLiteral("password123"));
    click(dialog->setPasswordButton());
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(dialog->fieldError(dialog->newPasswordEdit()),
             QStringLiteral("This password is too common."));
    QCOMPARE(dialog->fieldError(dialog->codeEdit()), QString());

    // A good one: done, and the dialog closes for Sign in to say so.
    retype(dialog->newPasswordEdit(), kNewPassword);
    retype(dialog->confirmPasswordEdit(), kNewPassword);
    click(dialog->setPasswordButton());
    QVERIFY(reset.wait(kWaitMs));
    QTRY_VERIFY(!m_dialog);
    m_harness->auth.signIn(username, kNewPassword, false);
    QTRY_COMPARE_WITH_TIMEOUT(m_harness->auth.state(), State::SignedIn, kWaitMs);

    // Nothing of the reset was kept or logged.
    const QString token = AccountManager::parseResetCode(link)->token;
    m_harness->settings.sync();
    QFile settings(m_harness->settings.fileName());
    const QByteArray stored =
        settings.open(QIODevice::ReadOnly) ? settings.readAll() : QByteArray();
    QVERIFY(!stored.contains(token.toUtf8()));
    QVERIFY(!stored.contains(kNewPassword.toUtf8()));
    for (const QString &line : std::as_const(g_log)) {
        QVERIFY2(!line.contains(token), qPrintable(line));
        QVERIFY2(!line.contains(kNewPassword), qPrintable(line));
    }
}

void TestAccountDialogs::resetWithAUsedCode()
{
    const QString username = uniqueUsername(QStringLiteral("used"));
    QVERIFY(createAccount(referenceServerUrl(), username));
    // The code is used once (here without the dialog).
    QSignalSpy requested(m_account.get(), &AccountManager::resetRequested);
    QSignalSpy confirmed(m_account.get(), &AccountManager::resetConfirmed);
    m_account->requestPasswordReset(emailOf(username));
    QVERIFY(requested.wait(kWaitMs));
    const QString link = resetLinkMailedTo(emailOf(username));
    QVERIFY(!link.isEmpty());
    m_account->confirmPasswordReset(*AccountManager::parseResetCode(link), kNewPassword);
    QVERIFY(confirmed.wait(kWaitMs));

    auto *dialog = open(new ForgotPasswordDialog(m_account.get()));
    click(dialog->alreadyHaveCodeButton());
    QCOMPARE(dialog->step(), ForgotPasswordDialog::Step::Code);
    const QString another = QStringLiteral("yet-another-secret-7");
    QTest::keyClicks(dialog->codeEdit(), link);
    QTest::keyClicks(dialog->newPasswordEdit(), another);
    QTest::keyClicks(dialog->confirmPasswordEdit(), another);
    QSignalSpy failed(m_account.get(), &AccountManager::failed);
    click(dialog->setPasswordButton());
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(dialog->fieldError(dialog->codeEdit()),
             QStringLiteral("This reset code is not valid any more. Ask for a new reset message."));
    QVERIFY(!dialog->banner()->isVisible());
    QTRY_COMPARE(QApplication::focusWidget(), dialog->codeEdit());
    QCOMPARE(dialog->newPasswordEdit()->text(), another);
    // The way to a new message.
    click(dialog->newMessageButton());
    QCOMPARE(dialog->step(), ForgotPasswordDialog::Step::Email);
    QTRY_COMPARE(QApplication::focusWidget(), dialog->emailEdit());
    // The password did not change.
    m_harness->auth.signIn(username, kNewPassword, false);
    QTRY_COMPARE_WITH_TIMEOUT(m_harness->auth.state(), State::SignedIn, kWaitMs);
}

void TestAccountDialogs::deleteNeedsPasswordAndUsername()
{
    const QString username = signedInAccount(QStringLiteral("delbtn"));
    QVERIFY(!username.isEmpty());
    auto *dialog = open(new DeleteAccountDialog(m_account.get(), &m_harness->auth));
    QVERIFY(dialog->cancelButton()->isDefault());
    QVERIFY(!dialog->deleteButton()->isDefault());
    QVERIFY(!dialog->deleteButton()->isEnabled());
    QTest::keyClicks(dialog->passwordEdit(), testPassword());
    QVERIFY(!dialog->deleteButton()->isEnabled());
    QTest::keyClicks(dialog->usernameEdit(), username.toUpper()); // Case counts.
    QVERIFY(!dialog->deleteButton()->isEnabled());
    retype(dialog->usernameEdit(), username.chopped(1));
    QVERIFY(!dialog->deleteButton()->isEnabled());
    retype(dialog->usernameEdit(), username);
    QVERIFY(dialog->deleteButton()->isEnabled());
    dialog->passwordEdit()->clear();
    QVERIFY(!dialog->deleteButton()->isEnabled());
}

void TestAccountDialogs::enterInAFieldDoesNotDelete()
{
    const QString username = signedInAccount(QStringLiteral("delenter"));
    QVERIFY(!username.isEmpty());
    auto *dialog = open(new DeleteAccountDialog(m_account.get(), &m_harness->auth));
    QSignalSpy busy(m_account.get(), &AccountManager::busyChanged);
    QTest::keyClicks(dialog->passwordEdit(), testPassword());
    QTest::keyClicks(dialog->usernameEdit(), username);
    QVERIFY(dialog->deleteButton()->isEnabled());
    QSignalSpy rejected(dialog, &QDialog::rejected);
    QTest::keyClick(dialog->usernameEdit(), Qt::Key_Return); // Cancel's key, not Delete's.
    QCOMPARE(rejected.count(), 1);
    QCOMPARE(busy.count(), 0);
    QCOMPARE(m_harness->auth.state(), State::SignedIn);
    QCOMPARE(serverField(username, QStringLiteral("username")).toString(), username);
}

void TestAccountDialogs::deleteAccount()
{
    useRowFlavour();
    const QString username = signedInAccount(QStringLiteral("delete"));
    QVERIFY(!username.isEmpty());
    auto *dialog = open(new DeleteAccountDialog(m_account.get(), &m_harness->auth));
    QSignalSpy failed(m_account.get(), &AccountManager::failed);
    QTest::keyClicks(dialog->passwordEdit(), QStringLiteral("not-the-password"));
    QTest::keyClicks(dialog->usernameEdit(), username);
    click(dialog->deleteButton());
    QVERIFY(dialog->busyIndicator()->isRunning());
    QVERIFY(!dialog->usernameEdit()->isEnabled());
    QVERIFY(failed.wait(kWaitMs));
    // The wrong password is said under its field; nothing is deleted.
    QVERIFY(!dialog->fieldError(dialog->passwordEdit()).isEmpty());
    QVERIFY(!dialog->banner()->isVisible());
    QTRY_COMPARE(QApplication::focusWidget(), dialog->passwordEdit());
    QCOMPARE(m_harness->auth.state(), State::SignedIn);
    QCOMPARE(serverField(username, QStringLiteral("username")).toString(), username);

    // The right one, and Enter on Delete account itself.
    retype(dialog->passwordEdit(), testPassword());
    QCOMPARE(dialog->fieldError(dialog->passwordEdit()), QString());
    dialog->deleteButton()->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(dialog->deleteButton()->hasFocus());
    QTest::keyClick(dialog->deleteButton(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_harness->auth.state(), State::SignedOut, kWaitMs);
    QCOMPARE(m_harness->auth.signOutReason(), AuthStateManager::SignOutReason::AccountDeleted);
    QTRY_VERIFY(!m_dialog);
    QCOMPARE(serverField(username, QStringLiteral("username")).toString(), QString());
}

QTEST_MAIN(TestAccountDialogs)
#include "tst_accountdialogs.moc"
