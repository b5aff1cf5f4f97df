#pragma once

#include "apiclient.h"
#include "authstatemanager.h"
#include "tokenstore.h"

#include <QList>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

class QLabel;

class QMessageBox;
class QWidget;

namespace portal {
class MainWindow;
}

namespace portal::test {

/// The password every account made by these tests has.
QString testPassword();

/// Creates an account on the reference server. Blocks (test code only); false and @p error on
/// failure.
bool createAccount(const QUrl &server, const QString &username, QString *error = nullptr);

/// A customer field as the server has it now (manage.py show_customer), or a null value.
QJsonValue serverField(const QString &username, const QString &field);

/// Reads @p key from the keychain, blocking (test code only).
TokenStoreResult readToken(TokenStore &store, const QString &key);

/// The visible message box with this object name, if one is open.
QMessageBox *findMessageBox(const QString &objectName);

/// Clicks the button with this object name in @p box.
bool clickBoxButton(QMessageBox *box, const QString &buttonName);

/// Builds every page of @p window (pages are built when first shown): for checks that walk all
/// of them at once.
void buildEveryPage(MainWindow *window);

/// Runs pending layout requests, as the event loop does before a user's next click can land on a
/// newly shown page.
void settle();

/// Clicks @p widget with the mouse, after settle().
void click(QWidget *widget);

/// Accessible name of @p widget as assistive technology sees it.
QString accessibleName(QWidget *widget);

/// The label under @p parent whose buddy is @p widget (its visible caption), or null.
QLabel *captionOf(QWidget *parent, QWidget *widget);

/// One round of the Tab key from the focus widget back to it.
struct TabWalk
{
    QList<QWidget *> stops; ///< The widgets that had the focus, in order.
    /// What a screen reader could not name on the way: a stop with no role of its own (Client,
    /// which AT-SPI calls a "filler", or NoRole) or no name, or a container of that role that
    /// claims the focus around a stop. Empty when everything is named.
    QStringList unnamed;
};
/// Presses Tab from the focus widget until the focus comes back round.
TabWalk walkTabChain();

/**
 * Everything a page needs, like the composition root builds it: an API client for the reference
 * server, the keyring, settings in a temporary ini file and an AuthStateManager.
 */
struct AuthHarness
{
    AuthHarness();

    /// Points the manager at the reference server (restoring any session stored there).
    void connectToServer();
    /// Signs in through the manager (not through a page); true once SignedIn.
    bool signIn(const QString &username, bool remember = false);

    QTemporaryDir dir;
    QSettings settings;
    ApiClient api;
    TokenStore tokens;
    AuthStateManager auth;
};

} // namespace portal::test
