#pragma once

#include "apirequest.h"
#include "authstatemanager.h"
#include "authtestapp.h"
#include "tokenstore.h"

#include <QList>
#include <QObject>
#include <QSignalSpy>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace portal::test {

/// The states a stateChanged() spy recorded, in order.
QList<AuthStateManager::State> statesOf(const QSignalSpy &spy);

/**
 * What the AuthStateManager tests against the reference server and the keyring share: a settings
 * file per test function, applications made of real parts, and keychain polling.
 */
class AuthTestCase : public QObject
{
protected:
    static constexpr int kWaitMs = 20000;

    /// For initTestCase(): empty when the server and a working keyring are there, else why not.
    QString setUp();

    QString settingsPath() const;
    /// A new run of the application on the fixture server (or @p server), with this test's
    /// settings, speaking the row's API flavour (see useRowFlavour()).
    std::unique_ptr<TestApp> newApp(const QUrl &server = {}) const;

    /// For a _data function: a row per API flavour, "seed" and "djoser" (column "flavour").
    static void addFlavourRows();
    /// In a test with addFlavourRows(): every newApp() of this test function speaks the row's
    /// flavour (the seed's elsewhere).
    void useRowFlavour();
    /// The flavour newApp() speaks now.
    ApiFlavour flavour() const;
    /// Whether the reference server sends ETags in that flavour (Djoser's users/me has none, as
    /// on any Djoser server: saves go without If-Match there).
    bool serverSendsEtags() const { return flavour() == ApiFlavour::Seed; }
    /// Waits for the profile read that follows a sign-in; true once it is done (and, where the
    /// server sends them, the ETag is known).
    bool waitForProfileRead(TestApp &app) const;
    /// Registers @p username through the manager; true once it is SignedIn.
    bool registerAccount(TestApp &app, const QString &username, bool remember);
    /// A new app signed in as a newly registered @p username, ETag known; null on failure.
    std::unique_ptr<TestApp> signedInApp(const QString &username);
    /// Polls the keychain until the entry of @p username has @p status (or the time is up).
    TokenStoreResult waitForEntry(TestApp &app, const QString &username,
                                  TokenStoreResult::Status status);

    QTemporaryDir m_dir;
    QUrl m_server;

private:
    ApiFlavour m_flavour = ApiFlavour::Seed;
    QByteArray m_flavourFunction; ///< The test function m_flavour is for.
};

} // namespace portal::test

Q_DECLARE_METATYPE(portal::ApiFlavour)
