#pragma once

#include "apirequest.h"
#include "appearance.h"

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
    /// --server: used for this run only and never saved. Must have passed checkServerUrl().
    QUrl serverOverride;
    /// --auth: how that server authenticates, for this run only; nothing: the saved setting.
    std::optional<AuthMode> authOverride;
    /// Not owned, must outlive the PortalApp; null means the application's own QSettings.
    QSettings *settings = nullptr;
};

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

    MainWindow *window() const;
    AuthStateManager *auth() const;
    ApiClient *api() const;
    QSettings *settings() const;
    Appearance *appearance() const;

    /// --server if given, else the saved address if it is still acceptable; empty otherwise.
    QUrl initialServer() const;
    /// --auth if given, else the saved server/auth ("token" or "jwt"); tokens otherwise.
    AuthMode initialAuth() const;

    /// QSettings keys.
    static QString serverKey();
    /// How the saved server authenticates: "token" (the default) or "jwt".
    static QString authKey();
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
    void saveServer(const QUrl &url, AuthMode auth);
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
