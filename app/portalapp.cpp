#include "portalapp.h"

#include "apiclient.h"
#include "authstatemanager.h"
#include "commandline.h"
#include "icons.h"
#include "logging.h"
#include "mainwindow.h"
#include "serverurl.h"
#include "tokenstore.h"
#include "windowplacement.h"

#include <QApplication>
#include <QNetworkProxyFactory>
#include <QSettings>
#include <QSslCertificate>
#include <QTimer>

namespace portal {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("CustomerPortal"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("customerportal.org"));
    QCoreApplication::setApplicationName(QStringLiteral("CustomerPortal"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PORTAL_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Customer Portal"));
    QGuiApplication::setDesktopFileName(QStringLiteral(PORTAL_APP_ID));
}

PortalApp::PortalApp(const PortalAppOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_settings(options.settings ? options.settings : new QSettings(this))
    , m_api(new ApiClient(this))
    , m_tokens(new TokenStore(QStringLiteral(PORTAL_APP_ID), this))
    , m_auth(new AuthStateManager(m_api, m_tokens, m_settings, this))
    , m_appearance(new Appearance(this))
{
    // Translated, so that Qt does not append the English name to translated window titles.
    QGuiApplication::setApplicationDisplayName(MainWindow::appName());
    // What the first frame does not show waits until it is painted (start-up time and memory).
    m_auth->holdKeychainProbe();
    applyTimeoutSetting();
    applyCaSetting();
    m_api->setAuthMode(initialAuth());
    m_api->setServerAddressFixed(m_options.policy.locked);
    applyApi(initialApi());
    // Whatever proxy the desktop is set up with (a proxy that wants credentials is an error).
    QNetworkProxyFactory::setUseSystemConfiguration(true);
    const Appearance::Mode mode =
        Appearance::fromString(m_settings->value(appearanceKey()).toString());
    m_appearance->apply(mode);
}

PortalApp::~PortalApp()
{
    // Where the window was when the app ended is where the next run opens it.
    if (m_started && m_window)
        m_settings->setValue(windowGeometryKey(), m_window->saveGeometry());
    // Observers before what they observe: the window, then the state manager (which may still
    // wipe a session through the API client, the keychain and the settings), then those.
    delete m_window;
    delete m_auth;
    delete m_tokens;
    delete m_api;
}

void PortalApp::start()
{
    // The server first: a stored session's keychain read starts on the keychain thread while
    // the window is built, and the window opens on the page the state needs (Sign in, or
    // Restoring while the session is read), which is the only page built before it shows.
    const QUrl server = initialServer();
    if (!server.isEmpty())
        m_auth->changeServer(server, initialAuth());
    MainWindow *window = this->window();
    placeWindow(window, m_settings->value(windowGeometryKey()).toByteArray());
    m_started = true;
    window->show();
    if (server.isEmpty())
        window->openServerDialog();
    // A window that never paints (started minimised, say) must not keep "Remember me" unasked.
    constexpr int kProbeAtTheLatestMs = 5000;
    QTimer::singleShot(kProbeAtTheLatestMs, m_auth, &AuthStateManager::releaseKeychainProbe);
}

MainWindow *PortalApp::window()
{
    if (m_window)
        return m_window;
    m_window = new MainWindow(m_auth, m_api);
    m_window->setAppearanceMode(m_appearance->mode());
    m_window->setServerLocked(m_options.policy.locked);
    connect(m_window, &MainWindow::serverChangeRequested, this, &PortalApp::saveServer);
    connect(m_window, &MainWindow::appearanceChangeRequested, this, &PortalApp::changeAppearance);
    connect(m_window, &MainWindow::firstFramePainted, m_auth,
            &AuthStateManager::releaseKeychainProbe);
    connect(m_window, &MainWindow::firstPagePainted, this, []() {
        QApplication::setWindowIcon(icon(Icon::App)); // for every other window (dialogs)
    });
    return m_window;
}

AuthStateManager *PortalApp::auth() const
{
    return m_auth;
}

ApiClient *PortalApp::api() const
{
    return m_api;
}

QSettings *PortalApp::settings() const
{
    return m_settings;
}

Appearance *PortalApp::appearance() const
{
    return m_appearance;
}

QUrl PortalApp::initialServer() const
{
    const ServerPolicy &policy = m_options.policy;
    if (!m_options.serverOverride.isEmpty() && policy.allows(m_options.serverOverride))
        return m_options.serverOverride;
    // The user's own address is not even read: the operator's is the only one.
    if (policy.locked)
        return policy.server;
    const QString saved = m_settings->value(serverKey()).toString();
    if (saved.isEmpty())
        return {};
    // A saved address that no longer passes (edited by hand, stricter rules) is asked again.
    const ServerUrlCheck check = checkServerUrl(saved);
    return check.ok() ? check.url : QUrl();
}

AuthMode PortalApp::initialAuth() const
{
    if (m_options.authOverride)
        return *m_options.authOverride;
    // The user's own server/auth went with the address they chose, which is ignored too.
    if (m_options.policy.locked)
        return m_options.policy.auth.value_or(AuthMode::Token);
    const QString saved = m_settings->value(authKey()).toString();
    if (saved.isEmpty())
        return AuthMode::Token;
    const std::optional<AuthMode> mode = authModeFromString(saved);
    if (!mode)
        qCWarning(lcAuth).noquote() << "unknown" << authKey() << saved << "; using tokens";
    return mode.value_or(AuthMode::Token);
}

ApiFlavour PortalApp::initialApi() const
{
    if (m_options.apiOverride)
        return *m_options.apiOverride;
    if (m_options.policy.locked)
        return m_options.policy.api.value_or(ApiFlavour::Seed);
    const QString saved = m_settings->value(apiKey()).toString();
    if (saved.isEmpty())
        return ApiFlavour::Seed;
    const std::optional<ApiFlavour> flavour = apiFlavourFromString(saved);
    if (!flavour)
        qCWarning(lcNetwork).noquote() << "unknown" << apiKey() << saved << "; using seed";
    return flavour.value_or(ApiFlavour::Seed);
}

ApiEndpoints PortalApp::endpointsFor(ApiFlavour flavour) const
{
    ApiEndpoints endpoints = ApiEndpoints::forFlavour(flavour);
    // A deployment that mounts a view elsewhere says so per path (endpoints/login=/v2/login/).
    const std::pair<const char *, QString *> paths[] = {
        {"register", &endpoints.registerPath},
        {"login", &endpoints.loginPath},
        {"logout", &endpoints.logoutPath},
        {"profile", &endpoints.profilePath},
        {"customers", &endpoints.customersPath},
        {"jwtObtain", &endpoints.jwtObtainPath},
        {"jwtRefresh", &endpoints.jwtRefreshPath},
        {"jwtBlacklist", &endpoints.jwtBlacklistPath},
        {"setPassword", &endpoints.setPasswordPath},
        {"resetPassword", &endpoints.resetPasswordPath},
        {"resetPasswordConfirm", &endpoints.resetPasswordConfirmPath},
        {"account", &endpoints.accountPath},
    };
    for (const auto &[name, path] : paths) {
        const QString value =
            m_settings->value(endpointsGroup() + QLatin1Char('/') + QLatin1String(name)).toString();
        if (value.startsWith(QLatin1Char('/')))
            *path = value;
        else if (!value.isEmpty())
            qCWarning(lcNetwork).noquote()
                << "ignoring" << endpointsGroup() + QLatin1Char('/') + QLatin1String(name) << value
                << ": a path starts with /";
    }
    return endpoints;
}

void PortalApp::applyApi(ApiFlavour flavour)
{
    m_api->setEndpoints(endpointsFor(flavour));
}

QString PortalApp::apiKey()
{
    return QStringLiteral("server/api");
}

QString PortalApp::endpointsGroup()
{
    return QStringLiteral("endpoints");
}

QString PortalApp::serverKey()
{
    return QStringLiteral("server/url");
}

QString PortalApp::authKey()
{
    return QStringLiteral("server/auth");
}

QString PortalApp::lockedKey()
{
    return QStringLiteral("server/locked");
}

QString PortalApp::timeoutKey()
{
    return QStringLiteral("network/timeoutSeconds");
}

void PortalApp::applyTimeoutSetting()
{
    constexpr int kMaxSeconds = 600;
    bool ok = false;
    const int seconds = m_settings->value(timeoutKey()).toInt(&ok);
    // An unset or unusable value keeps the client's default (30 s).
    if (ok && seconds > 0 && seconds <= kMaxSeconds)
        m_api->setTransferTimeout(seconds * 1000);
}

QString PortalApp::caCertificatesKey()
{
    return QStringLiteral("network/caCertificates");
}

void PortalApp::applyCaSetting()
{
    const QString path = m_settings->value(caCertificatesKey()).toString();
    if (path.isEmpty())
        return;
    const QList<QSslCertificate> cas = QSslCertificate::fromPath(path, QSsl::Pem);
    // An unreadable file trusts nothing more: a server that needs it then fails with a
    // certificate error that names the setting.
    if (cas.isEmpty())
        qCWarning(lcNetwork).noquote() << "no certificate in" << path << "(network/caCertificates)";
    m_api->setExtraCaCertificates(cas);
}

QString PortalApp::windowGeometryKey()
{
    return QStringLiteral("window/geometry");
}

QString PortalApp::appearanceKey()
{
    return QStringLiteral("appearance/mode");
}

void PortalApp::saveServer(const QUrl &url, AuthMode auth, ApiFlavour api)
{
    // The window offers no way to change a locked server; nothing else may either.
    if (m_options.policy.locked) {
        qCWarning(lcNetwork) << "the server address is locked by the system-wide configuration";
        return;
    }
    m_settings->setValue(serverKey(), url.toString());
    m_settings->setValue(authKey(), authModeToString(auth));
    m_settings->setValue(apiKey(), apiFlavourToString(api));
    // The endpoints first: a server that is changing restores its session through them.
    applyApi(api);
    m_auth->changeServer(url, auth);
}

void PortalApp::changeAppearance(Appearance::Mode mode)
{
    m_settings->setValue(appearanceKey(), Appearance::toString(mode));
    m_appearance->apply(mode);
}

} // namespace portal
