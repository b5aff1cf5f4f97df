#pragma once

#include "tokenstore.h"

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <optional>

namespace portal::test {

/// The application id the keychain entries are stored under (the TokenStore service).
QString appId();

/// Keychain operations waited for in test code; Failed when no answer came in time.
TokenStoreResult readStored(TokenStore &store, const QString &key);
TokenStoreResult writeStored(TokenStore &store, const QString &key, const QString &token);
TokenStoreResult removeStored(TokenStore &store, const QString &key);

/**
 * Points HOME and the XDG base directories at @p home, so anything a library would write for
 * this user lands there. Call before anything reads them. Returns the directories to scan.
 */
QStringList isolateHome(const QString &home);

/// Every regular file under @p roots (hidden ones too) whose bytes contain @p secret.
QStringList filesContaining(const QStringList &roots, const QByteArray &secret);

/// Runs a program and returns its standard output; @p exitCode gets its status (-1: did not run).
QByteArray runProgram(const QString &program, const QStringList &args, int *exitCode = nullptr,
                      QProcess::ProcessChannelMode channels = QProcess::SeparateChannels);

/**
 * A reference server of the test's own, on a fixed loopback port, that can be stopped and started
 * again with the same database: for "the server is down" and "the server came back".
 */
class PrivateServer final
{
public:
    PrivateServer();
    ~PrivateServer();
    Q_DISABLE_COPY_MOVE(PrivateServer)

    /// Starts (or restarts) the server; @p settings are K=V items for `serverctl.py --env`.
    bool start(QString *error, const QStringList &settings = {});
    void stop();
    QUrl url() const;
    /// How many requests the server has logged as "METHOD PATH" so far (runserver's log).
    int requestCount(const QByteArray &method, const QByteArray &path) const;
    /// `serverctl.py exec -- <args>` against this server's database.
    QByteArray manage(const QStringList &args, QString *error = nullptr) const;
    /// The newest e-mail this server sent to @p address (test::latestMailTo); empty if none.
    QString latestMailTo(const QString &address) const;

private:
    QTemporaryDir m_stateDir;
    quint16 m_port = 0;
    bool m_running = false;
};

/// A loopback URL where nothing listens (a port that was bound, noted and closed).
QUrl closedPortUrl();

} // namespace portal::test
