#pragma once

#include "apirequest.h"
#include "appearance.h"
#include "serverpolicy.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <optional>

class QSettings;

namespace portal {

class ApiClient;
class AuthStateManager;
class MainWindow;
class TokenStore;

/// What the command line (or a test) decides about one run.
struct PortalAppOptions
{
    /// --server: used for this run only and never saved. Must have passed checkServerUrl(); one
    /// that the policy does not allow is ignored.
    QUrl serverOverride;
    /// --auth: how that server authenticates, for this run only; nothing: the saved setting.
    std::optional<AuthMode> authOverride;
    /// --api: which endpoints that server has, for this run only; nothing: the saved setting.
    std::optional<ApiFlavour> apiOverride;
    /// Not owned, must outlive the PortalApp; null means the application's own QSettings (the
    /// user's, with the operator's system scope beneath them for every key the user has not set).
    QSettings *settings = nullptr;
    /// The operator's server/url, server/auth and server/locked (ServerPolicy::fromSystemScope()).
    ServerPolicy policy;
};

/// The application's names, version and desktop file name (PORTAL_APP_ID), as main() sets them
/// first: QSettings' files, the keychain and the desktop find the app by these. The organisation
/// domain makes macOS's preferences domain the bundle id, org.customerportal.CustomerPortal.
void setApplicationIdentity();

/**
 * The composition root: builds the API client, token store, AuthStateManager and main window,
 * wires them together and keeps what belongs in settings (server address, appearance) there.
 * The token is never written to settings.
 */
class PortalApp final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PortalApp)

public:
    explicit PortalApp(const PortalAppOptions &options, QObject *parent = nullptr);
    ~PortalApp() override;

    /// Shows the window and restores a stored session; with no server, asks for one first.
    void start();

    /// The main window, built by the first call (start() makes it after the session's start).
    MainWindow *window();
    AuthStateManager *auth() const;
    ApiClient *api() const;
    QSettings *settings() const;
    Appearance *appearance() const;

    /// --server if given (and allowed), else a locked server, else the saved address (the user's,
    /// or the operator's beneath it) if it is still acceptable; empty otherwise.
    QUrl initialServer() const;
    /// --auth if given; with a locked server the operator's server/auth (the user's is ignored
    /// like their address); else the saved server/auth ("token" or "jwt"); tokens otherwise.
    AuthMode initialAuth() const;
    /// --api if given; else server/api ("seed", the default, or "djoser"; the operator's beneath
    /// the user's, and only the operator's with a locked server).
    ApiFlavour initialApi() const;
    /// The flavour's endpoint paths, each overridden by its endpoints/<name> setting if set.
    ApiEndpoints endpointsFor(ApiFlavour flavour) const;

    /// QSettings keys.
    static QString serverKey();
    /// How the saved server authenticates: "token" (the default) or "jwt".
    static QString authKey();
    /// Which endpoints the saved server has: "seed" (the default) or "djoser".
    static QString apiKey();
    /// The group of endpoint path overrides (endpoints/login, endpoints/profile, ...).
    static QString endpointsGroup();
    /// System scope only: "true" makes the operator's server/url the only server (ServerPolicy).
    static QString lockedKey();
    static QString appearanceKey();
    /// Seconds before any request gives up (a whole number from 1 to 600; 30 when unset).
    static QString timeoutKey();
    /// A PEM file of certificate authorities to trust on top of the system's.
    static QString caCertificatesKey();
    /// The main window's size and place (QWidget::saveGeometry()), saved when the app ends.
    static QString windowGeometryKey();

private:
    void applyTimeoutSetting();
    void applyCaSetting();
    void saveServer(const QUrl &url, AuthMode auth, ApiFlavour api);
    void applyApi(ApiFlavour flavour);
    void changeAppearance(Appearance::Mode mode);

    PortalAppOptions m_options;
    QSettings *m_settings;
    ApiClient *m_api;
    TokenStore *m_tokens;
    AuthStateManager *m_auth;
    Appearance *m_appearance;
    QPointer<MainWindow> m_window;
    bool m_started = false;
};

} // namespace portal
