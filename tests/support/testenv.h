#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace portal::test {

/// The reference server started by the ctest fixture (fails the test when it is not running).
QUrl referenceServerUrl();

/// Runs `serverctl.py exec -- <args>` (a manage.py command) against the fixture's database and
/// returns its standard output; QFAIL-style message in @p error on failure.
QByteArray manage(const QStringList &args, QString *error = nullptr);

/// True when the test runs in a D-Bus session (keyring-session.sh or a NO_KEYRING test's own one);
/// whether a Secret Service answers there is for a keychain read to tell.
bool hasSessionBus();

/// serverctl.py with @p args, for a server of the test's own (blocks; test code only); its
/// standard output and error in @p output.
bool serverctl(const QStringList &args, QString *output = nullptr);

/**
 * The e-mails a reference server has sent, oldest first, each as its raw text (headers, a blank
 * line, then the MIME body; Djoser's reset mail has a text and an HTML part, both carrying the link
 * `http://127.0.0.1:PORT/#/password/reset/confirm/<uid>/<token>`). They are the files of the
 * `mail/` directory in the server's state directory @p stateDir; empty: the ctest fixture's server.
 */
QStringList sentMails(const QString &stateDir = {});

/// The newest of sentMails() whose `To:` header is @p address (case-insensitive); empty if none.
/// Tests sharing the fixture's server each register their own address, so they never mix mails.
QString latestMailTo(const QString &address, const QString &stateDir = {});

/// A loopback port that was free a moment ago.
quint16 freePort();

/// A username unique to this process and call, so tests never share server or keychain state.
QString uniqueUsername(const QString &prefix);

} // namespace portal::test
