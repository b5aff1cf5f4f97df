// Saves a PNG of each screen of the real main window, driven like a user would, against a running
// reference server. Used by docs/screenshots/make.sh; not a test.
//
//   portal_screenshots --server URL --out DIR [--serverctl SERVERCTL --state-dir DIR]
//
// With --serverctl and --state-dir it also stops the server (and starts it again on the same port)
// for the "server lost" shot.

#include "accountactions.h"
#include "apiclient.h"
#include "changepassworddialog.h"
#include "conflictdialog.h"
#include "customereditor.h"
#include "customereditpage.h"
#include "customerform.h"
#include "customerhistorymodel.h"
#include "customerlistmodel.h"
#include "customerspage.h"
#include "deleteaccountdialog.h"
#include "forgotpassworddialog.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "portalapp.h"
#include "profilepage.h"
#include "registerpage.h"
#include "restoringpage.h"
#include "serverdialog.h"
#include "signinpage.h"
#include "tokenstore.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLineEdit>
#include <QPainter>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <optional>

using namespace portal;

namespace {

bool save(QWidget *window, const QString &dir, const QString &name, QWidget *dialog = nullptr)
{
    QApplication::processEvents();
    QPixmap shot = window->grab();
    if (dialog) {
        // Dialogs are separate windows: paint one centred over the main window.
        QPainter painter(&shot);
        const QPixmap overlay = dialog->grab();
        painter.fillRect(shot.rect(), QColor(0, 0, 0, 60));
        painter.drawPixmap((shot.width() / shot.devicePixelRatio() - dialog->width()) / 2,
                           (shot.height() / shot.devicePixelRatio() - dialog->height()) / 3,
                           overlay);
    }
    const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
    const bool ok = shot.save(path);
    std::fprintf(ok ? stdout : stderr, "%s %s\n", ok ? "saved" : "could not save",
                 qPrintable(path));
    return ok;
}

bool waitFor(const std::function<bool()> &condition)
{
    return QTest::qWaitFor(condition, 30000);
}

void type(QLineEdit *edit, const QString &text)
{
    edit->clear();
    QTest::keyClicks(edit, text);
}

bool isRemembered(const QUrl &server, const QString &username)
{
    TokenStore tokens(QStringLiteral(PORTAL_APP_ID));
    std::optional<TokenStoreResult> result;
    tokens.read(TokenStore::keyFor(server, username), &tokens,
                [&](const TokenStoreResult &answer) { result = answer; });
    return waitFor([&]() { return result.has_value(); }) &&
           result->status == TokenStoreResult::Status::Ok;
}

/// Sign in (empty, then a wrong password) and Create account with every field wrong.
bool shootSignedOut(PortalApp &portal, const QString &out)
{
    MainWindow *window = portal.window();
    SignInPage *signIn = window->signInPage();
    bool ok = waitFor([&]() { return window->currentPage() == signIn; });
    ok = ok && save(window, out, QStringLiteral("sign-in"));
    type(signIn->usernameEdit(), QStringLiteral("alice"));
    type(signIn->passwordEdit(), QStringLiteral("wrong-password"));
    signIn->signInButton()->click();
    ok = ok &&
         waitFor([&]() { return portal.auth()->state() == AuthStateManager::State::SignedOut; });
    ok = ok && save(window, out, QStringLiteral("sign-in-error"));

    // Forgot password?: the reset dialog's first step, an address typed.
    signIn->forgotPasswordButton()->click();
    auto *forgot = window->findChild<ForgotPasswordDialog *>();
    ok = ok && forgot && waitFor([&]() { return forgot->isVisible(); });
    if (forgot) {
        type(forgot->emailEdit(), QStringLiteral("alice@example.com"));
        ok = ok && save(window, out, QStringLiteral("forgot-password"), forgot);
        forgot->reject();
    }

    signIn->createAccountButton()->click();
    RegisterPage *registerPage = window->registerPage();
    type(registerPage->input(QStringLiteral("username")), QStringLiteral("al"));
    type(registerPage->input(QStringLiteral("email")), QStringLiteral("al@example"));
    type(registerPage->input(QStringLiteral("password")), QStringLiteral("secret"));
    type(registerPage->input(QStringLiteral("confirm_password")), QStringLiteral("secret!"));
    registerPage->createButton()->click();
    ok = ok && save(window, out, QStringLiteral("create-account"));
    registerPage->backButton()->click();
    return ok;
}

/// Profile as alice: viewing, editing, in the dark palette, and the Server address dialog.
bool shootSignedIn(PortalApp &portal, const QString &out)
{
    MainWindow *window = portal.window();
    type(window->signInPage()->passwordEdit(), QStringLiteral("alice-password-1"));
    window->signInPage()->signInButton()->click();
    bool ok = waitFor([&]() { return window->currentPage() == window->profilePage(); });
    ok = ok && save(window, out, QStringLiteral("profile"));

    ProfilePage *profile = window->profilePage();
    profile->editButton()->click();
    type(profile->form()->input(QStringLiteral("first_name")), QStringLiteral("Alicia"));
    ok = ok && save(window, out, QStringLiteral("profile-edit"));
    profile->cancelButton()->click();

    Q_EMIT window->appearanceChangeRequested(Appearance::Mode::Dark);
    ok = ok && save(window, out, QStringLiteral("profile-dark"));
    Q_EMIT window->appearanceChangeRequested(Appearance::Mode::System);

    // Profile ▸ Change password… with the confirmation mistyped, and Delete account….
    window->accountActions()->openChangePassword();
    auto *change = window->findChild<ChangePasswordDialog *>();
    ok = ok && change && waitFor([&]() { return change->isVisible(); });
    if (change) {
        type(change->currentPasswordEdit(), QStringLiteral("alice-password-1"));
        type(change->newPasswordEdit(), QStringLiteral("a-new-secret-42"));
        type(change->confirmPasswordEdit(), QStringLiteral("a-new-secret-24"));
        change->changeButton()->click();
        ok = ok && save(window, out, QStringLiteral("change-password"), change);
        change->reject();
    }
    window->accountActions()->openDeleteAccount();
    auto *remove = window->findChild<DeleteAccountDialog *>();
    ok = ok && remove && waitFor([&]() { return remove->isVisible(); });
    if (remove) {
        type(remove->passwordEdit(), QStringLiteral("alice-password-1"));
        type(remove->usernameEdit(), QStringLiteral("alice"));
        ok = ok && save(window, out, QStringLiteral("delete-account"), remove);
        remove->reject();
    }
    ok = ok && waitFor([&]() { return !window->findChild<DeleteAccountDialog *>(); });

    window->openServerDialog();
    ServerDialog *dialog = window->serverDialog();
    type(dialog->addressEdit(), QStringLiteral("http://portal.example.com"));
    ok = ok && save(window, out, QStringLiteral("server-dialog"), dialog);
    dialog->reject();
    return ok;
}

/// What stops and starts the reference server (serverctl.py and its state directory).
struct ServerControl
{
    QString serverctl;
    QString stateDir;
    QUrl url;

    bool run(const QStringList &arguments) const
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(QStringLiteral("/usr/bin/python3"), QStringList{serverctl} + arguments);
        return process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit &&
               process.exitCode() == 0;
    }
    bool stop() const
    {
        return run({QStringLiteral("stop"), QStringLiteral("--state-dir"), stateDir});
    }
    bool start() const
    {
        return run({QStringLiteral("start"), QStringLiteral("--state-dir"), stateDir,
                    QStringLiteral("--port"), QString::number(url.port())});
    }
};

/// Profile as alice while the server is away: Refresh fails with the hint and Retry; then the
/// server comes back and Retry works.
bool shootServerLost(PortalApp &portal, const ServerControl &server, const QString &out)
{
    MainWindow *window = portal.window();
    ProfilePage *profile = window->profilePage();
    bool ok = server.stop();
    profile->refreshButton()->click();
    ok = ok && waitFor([&]() { return profile->banner()->retryButton()->isVisible(); });
    ok = ok && save(window, out, QStringLiteral("server-lost"));
    ok = ok && server.start();
    if (ok)
        profile->banner()->retryButton()->click();
    return ok && waitFor([&]() { return !profile->banner()->isVisible(); });
}

/// Another staff member changes @p customer's last name first, through their own client.
bool changeBehindTheBack(const QUrl &server, const Customer &customer)
{
    ApiClient other;
    other.setBaseUrl(server);
    std::optional<ApiResult> login;
    QObject::connect(other.login(QStringLiteral("support"), QStringLiteral("support-password-1")),
                     &ApiCall::finished, &other, [&](const ApiResult &result) { login = result; });
    if (!waitFor([&]() { return login.has_value(); }) || !login->ok())
        return false;
    other.setToken(login->value().json.toObject().value(QLatin1String("token")).toString());
    CustomerEditor editor(&other, CustomerEditor::Target::Customer, customer.id);
    bool done = false;
    QObject::connect(&editor, &CustomerEditor::loaded, &editor, [&]() {
        Customer theirs = editor.record();
        theirs.lastName = QStringLiteral("Baker-Smith");
        editor.save(CustomerChanges::between(editor.record(), theirs));
    });
    QObject::connect(&editor, &CustomerEditor::saved, &editor, [&]() { done = true; });
    editor.load();
    return waitFor([&]() { return done; });
}

/// Support staff: the Customers page, a search, the editor and a conflict.
bool shootStaff(PortalApp &portal, const QUrl &server, const QString &out)
{
    MainWindow *window = portal.window();
    portal.auth()->signOut();
    bool ok = waitFor([&]() { return window->currentPage() == window->signInPage(); });
    type(window->signInPage()->usernameEdit(), QStringLiteral("support"));
    type(window->signInPage()->passwordEdit(), QStringLiteral("support-password-1"));
    window->signInPage()->signInButton()->click();
    CustomersPage *customers = window->customersPage();
    ok = ok && waitFor([&]() {
             return window->currentPage() == customers &&
                    customers->model()->status() == CustomerListModel::Status::Ready;
         });
    ok = ok && save(window, out, QStringLiteral("customers"));
    type(customers->searchEdit(), QStringLiteral("baker"));
    customers->searchNow();
    ok = ok && waitFor([&]() {
             return customers->model()->status() == CustomerListModel::Status::Ready &&
                    customers->model()->rowCount() > 0;
         });
    ok = ok && save(window, out, QStringLiteral("customers-search"));
    customers->openCurrent();
    CustomerEditPage *editor = window->customerEditPage();
    ok = ok && waitFor([&]() { return !editor->editor()->etag().isEmpty(); });
    type(editor->form()->input(QStringLiteral("first_name")), QStringLiteral("Robert"));
    ok = ok && save(window, out, QStringLiteral("customer-edit"));
    ok = ok && changeBehindTheBack(server, editor->editor()->record());
    editor->saveButton()->click();
    ok = ok && waitFor([&]() { return editor->conflictDialog() != nullptr; });
    // Their edit shows in the history below the dialog.
    ok = ok && waitFor([&]() { return editor->history()->rowCount() > 0; });
    ok = ok && save(window, out, QStringLiteral("conflict"), editor->conflictDialog());
    if (ok)
        editor->conflictDialog()->takeTheirsButton()->click();
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const Translations translations(QLocale::system()); // as main.cpp does
    QCommandLineParser parser;
    const QCommandLineOption serverOption(QStringLiteral("server"), QStringLiteral("server URL"),
                                          QStringLiteral("url"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("output folder"),
                                       QStringLiteral("dir"));
    const QCommandLineOption serverctlOption(QStringLiteral("serverctl"),
                                             QStringLiteral("tests/server/serverctl.py"),
                                             QStringLiteral("path"));
    const QCommandLineOption stateOption(QStringLiteral("state-dir"),
                                         QStringLiteral("the server's state directory"),
                                         QStringLiteral("dir"));
    parser.addOptions({serverOption, outOption, serverctlOption, stateOption});
    parser.process(app);
    const QString out = parser.value(outOption);
    const QUrl server(parser.value(serverOption));
    if (out.isEmpty() || !server.isValid())
        parser.showHelp(2);
    QDir().mkpath(out);

    QTemporaryDir settingsDir;
    QSettings settings(settingsDir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    PortalAppOptions options;
    options.serverOverride = server;
    options.settings = &settings;
    PortalApp portal(options);
    portal.window()->resize(760, 720);
    portal.start();
    bool ok = shootSignedOut(portal, out) && shootSignedIn(portal, out);
    const ServerControl control{parser.value(serverctlOption), parser.value(stateOption), server};
    if (ok && !control.serverctl.isEmpty())
        ok = shootServerLost(portal, control, out);
    const bool staffOk = shootStaff(portal, server, out);
    // Back as alice, remembered, for the restoring shot below.
    portal.auth()->signOut();
    ok = ok && staffOk &&
         waitFor([&]() { return portal.window()->currentPage() == portal.window()->signInPage(); });
    portal.auth()->signIn(QStringLiteral("alice"), QStringLiteral("alice-password-1"), true);

    // A second start finds alice's remembered session: Restoring shows while it is checked.
    ok = ok && waitFor([&]() { return isRemembered(server, QStringLiteral("alice")); });
    PortalApp again(options);
    again.window()->resize(760, 720);
    again.start();
    ok = ok && again.window()->currentPage() == again.window()->restoringPage();
    ok = ok && save(again.window(), out, QStringLiteral("restoring"));
    return ok ? 0 : 1;
}
