// Saves a PNG of each screen of the real main window, driven like a user would, against a running
// reference server. Used by docs/screenshots/make.sh; not a test.
//
//   portal_screenshots --server URL --out DIR

#include "customerform.h"
#include "mainwindow.h"
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
#include <QPushButton>
#include <QSettings>
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

    window->openServerDialog();
    ServerDialog *dialog = window->serverDialog();
    type(dialog->addressEdit(), QStringLiteral("http://portal.example.com"));
    ok = ok && save(window, out, QStringLiteral("server-dialog"), dialog);
    dialog->reject();
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
    parser.addOptions({serverOption, outOption});
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

    // A second start finds alice's remembered session: Restoring shows while it is checked.
    ok = ok && waitFor([&]() { return isRemembered(server, QStringLiteral("alice")); });
    PortalApp again(options);
    again.window()->resize(760, 720);
    again.start();
    ok = ok && again.window()->currentPage() == again.window()->restoringPage();
    ok = ok && save(again.window(), out, QStringLiteral("restoring"));
    return ok ? 0 : 1;
}
