#include "testenv.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTcpServer>

namespace portal::test {

namespace {

QString env(const char *name)
{
    return QProcessEnvironment::systemEnvironment().value(QString::fromLatin1(name));
}

} // namespace

QUrl referenceServerUrl()
{
    const QString dir = env("PORTAL_TEST_SERVER_DIR");
    QFile file(dir + QStringLiteral("/server.url"));
    if (dir.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    return QUrl(QString::fromUtf8(file.readAll().trimmed()));
}

QByteArray manage(const QStringList &args, QString *error)
{
    QProcess process;
    QStringList all{env("PORTAL_SERVERCTL"), QStringLiteral("exec"), QStringLiteral("--state-dir"),
                    env("PORTAL_TEST_SERVER_DIR"), QStringLiteral("--")};
    all += args;
    // Tests may block: this is test code, and the command takes well under a second.
    process.start(env("PORTAL_PYTHON"), all);
    const bool finished = process.waitForFinished(60000);
    if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("manage.py %1 failed: %2")
                         .arg(args.join(QLatin1Char(' ')),
                              QString::fromUtf8(process.readAllStandardError()));
        return {};
    }
    return process.readAllStandardOutput();
}

bool hasSessionBus()
{
    return !env("DBUS_SESSION_BUS_ADDRESS").isEmpty();
}

QString uniqueUsername(const QString &prefix)
{
    static QAtomicInt counter;
    return QStringLiteral("%1_%2_%3_%4")
        .arg(prefix)
        .arg(QCoreApplication::applicationPid())
        .arg(QDateTime::currentMSecsSinceEpoch() % 100000)
        .arg(counter.fetchAndAddRelaxed(1));
}

bool serverctl(const QStringList &args, QString *output)
{
    QProcess process;
    process.start(env("PORTAL_PYTHON"), QStringList{env("PORTAL_SERVERCTL")} + args);
    const bool ok = process.waitForFinished(60000) &&
                    process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (output)
        *output =
            QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    return ok;
}

QStringList sentMails(const QString &stateDir)
{
    // One message a file, named <time in ns>-<pid>-<n>.eml: name order is the order they were sent.
    const QDir dir((stateDir.isEmpty() ? env("PORTAL_TEST_SERVER_DIR") : stateDir) +
                   QStringLiteral("/mail"));
    QStringList mails;
    for (const QString &name : dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            mails << QString::fromUtf8(file.readAll());
    }
    return mails;
}

QString latestMailTo(const QString &address, const QString &stateDir)
{
    const QStringList mails = sentMails(stateDir);
    for (auto it = mails.crbegin(); it != mails.crend(); ++it) {
        const QString headers = it->left(it->indexOf(QStringLiteral("\n\n")));
        for (const QString &line : headers.split(QLatin1Char('\n'))) {
            if (line.startsWith(QStringLiteral("To: ")) &&
                line.mid(4).trimmed().compare(address, Qt::CaseInsensitive) == 0)
                return *it;
        }
    }
    return {};
}

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost) ? probe.serverPort() : 0;
}

} // namespace portal::test
