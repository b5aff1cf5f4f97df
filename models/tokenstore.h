#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

namespace QKeychain {
class Job;
}

namespace portal {

/// The outcome of one keychain operation.
struct TokenStoreResult
{
    enum class Status
    {
        Ok,          ///< read: found (token set); write/remove: done.
        NotFound,    ///< read/remove: no entry under that key.
        Unavailable, ///< no working keychain (no Secret Service, locked, denied...).
        Failed       ///< the keychain works but this operation failed.
    };
    Status status = Status::Failed;
    QString token;     ///< read only.
    QString errorText; ///< QtKeychain's text, for logs; never contains the secret.
};

/**
 * Session tokens in the operating system's keychain through QtKeychain, asynchronously, with the
 * insecure plain-text fallback off. Nothing is ever written anywhere else.
 *
 * Entries live under the service name given to the constructor (the application id) and a key
 * made of the server origin and the username, so two servers or two users never share a token.
 *
 * QtKeychain's jobs run on a thread of their own, started by the first operation, in the order
 * they were asked for: a backend that answers on its thread's event loop (libsecret's D-Bus calls
 * on GLib's main context) or blocks (Windows, macOS) never waits for, or holds up, the window.
 * There is one such thread per process, because QtKeychain's job queue is one per process and
 * bound to the thread that first uses it. Results and callbacks come back on the main thread,
 * where a store lives.
 */
class TokenStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenStore)
    Q_PROPERTY(Availability availability READ availability NOTIFY availabilityChanged)

public:
    enum class Availability
    {
        Unknown,
        Available,
        Unavailable
    };
    Q_ENUM(Availability)

    /// Called once with the outcome of one operation.
    using Callback = std::function<void(const TokenStoreResult &)>;

    /// @p service: the keychain service name, the application's reverse-DNS id.
    explicit TokenStore(const QString &service, QObject *parent = nullptr);

    /// The keychain service name every entry is stored under.
    QString service() const;
    /// Unknown until the first operation answers; Unavailable once one reports no keychain.
    Availability availability() const;

    /// The key for a server and user: "<origin> <username>".
    static QString keyFor(const QUrl &server, const QString &username);

    /// Each calls @p done once, later, from the event loop, unless @p context or the store is
    /// destroyed first.
    void read(const QString &key, QObject *context, Callback done);
    void write(const QString &key, const QString &token, QObject *context, Callback done);
    void remove(const QString &key, QObject *context, Callback done);

Q_SIGNALS:
    /// The first answer of the keychain, or the first sign that it stopped working.
    void availabilityChanged(portal::TokenStore::Availability availability);

private:
    using MakeJob = std::function<QKeychain::Job *()>;
    void start(MakeJob makeJob, const char *operation, QObject *context, Callback done);
    void finish(const char *operation, const QString &key, const TokenStoreResult &result);
    void noteResult(const TokenStoreResult &result);

    QString m_service;
    Availability m_availability = Availability::Unknown;
    QThread *m_thread = nullptr;     ///< The keychain thread, once an operation started it.
    QObject *m_jobContext = nullptr; ///< Lives on m_thread: where the jobs are made and run.
};

} // namespace portal
