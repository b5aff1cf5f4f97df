#pragma once

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
    /// settings.
    std::unique_ptr<TestApp> newApp(const QUrl &server = {}) const;
    /// Registers @p username through the manager; true once it is SignedIn.
    bool registerAccount(TestApp &app, const QString &username, bool remember);
    /// A new app signed in as a newly registered @p username, ETag known; null on failure.
    std::unique_ptr<TestApp> signedInApp(const QString &username);
    /// Polls the keychain until the entry of @p username has @p status (or the time is up).
    TokenStoreResult waitForEntry(TestApp &app, const QString &username,
                                  TokenStoreResult::Status status);

    QTemporaryDir m_dir;
    QUrl m_server;
};

} // namespace portal::test
