#include "modeltestutil.h"

#include "testenv.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTcpServer>
#include <QTest>

namespace portal::test {

namespace {

constexpr int kKeychainTimeoutMs = 30000;

QString env(const char *name)
{
    return QProcessEnvironment::systemEnvironment().value(QString::fromLatin1(name));
}

template<typename Start>
TokenStoreResult waitForStore(Start start)
{
    std::optional<TokenStoreResult> result;
    QObject context;
    start(&context, [&result](const TokenStoreResult &answer) { result = answer; });
    if (QTest::qWaitFor([&result]() { return result.has_value(); }, kKeychainTimeoutMs))
        return *result;
    TokenStoreResult timedOut;
    timedOut.errorText = QStringLiteral("the keychain did not answer in time");
    return timedOut;
}

quint16 freeLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

QString appId()
{
    return QStringLiteral(PORTAL_APP_ID);
}

TokenStoreResult readStored(TokenStore &store, const QString &key)
{
    return waitForStore([&](QObject *context, TokenStore::Callback done) {
        store.read(key, context, std::move(done));
    });
}

TokenStoreResult writeStored(TokenStore &store, const QString &key, const QString &token)
{
    return waitForStore([&](QObject *context, TokenStore::Callback done) {
        store.write(key, token, context, std::move(done));
    });
}

TokenStoreResult removeStored(TokenStore &store, const QString &key)
{
    return waitForStore([&](QObject *context, TokenStore::Callback done) {
        store.remove(key, context, std::move(done));
    });
}

QStringList isolateHome(const QString &home)
{
    const QStringList subdirs{QStringLiteral(".config"), QStringLiteral(".local/share"),
                              QStringLiteral(".cache"), QStringLiteral(".local/state")};
    const char *const names[] = {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME",
                                 "XDG_STATE_HOME"};
    qputenv("HOME", QFile::encodeName(home));
    QStringList roots{home};
    for (int i = 0; i < subdirs.size(); ++i) {
        const QString dir = home + QLatin1Char('/') + subdirs.at(i);
        QDir().mkpath(dir);
        qputenv(names[i], QFile::encodeName(dir));
        roots << dir;
    }
    const QString runtime = env("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty())
        roots << runtime;
    return roots;
}

QStringList filesContaining(const QStringList &roots, const QByteArray &secret)
{
    QStringList found;
    for (const QString &root : roots) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(secret))
                found << file.fileName();
        }
    }
    found.removeDuplicates();
    return found;
}

QByteArray runProgram(const QString &program, const QStringList &args, int *exitCode,
                      QProcess::ProcessChannelMode channels)
{
    QProcess process;
    process.setProcessChannelMode(channels);
    process.start(program, args);
    // Test code may block: these commands take well under a second.
    const bool ok = process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit;
    if (exitCode)
        *exitCode = ok ? process.exitCode() : -1;
    return process.readAllStandardOutput();
}

PrivateServer::PrivateServer()
    : m_port(freeLoopbackPort())
{}

PrivateServer::~PrivateServer()
{
    stop();
}

bool PrivateServer::start(QString *error, const QStringList &settings)
{
    QStringList args{
        env("PORTAL_SERVERCTL"), QStringLiteral("start"), QStringLiteral("--state-dir"),
        m_stateDir.path(), QStringLiteral("--port"), QString::number(m_port),
        // A test that crashes before stop() leaves no server behind.
        QStringLiteral("--watch-pid"), QString::number(QCoreApplication::applicationPid())};
    if (!settings.isEmpty())
        args << QStringLiteral("--env") << settings;
    QProcess process;
    process.start(env("PORTAL_PYTHON"), args);
    const bool ok = process.waitForFinished(120000) &&
                    process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (!ok && error)
        *error = QStringLiteral("serverctl start failed: ") +
                 QString::fromUtf8(process.readAllStandardError());
    m_running = ok;
    return ok;
}

void PrivateServer::stop()
{
    if (!m_running)
        return;
    runProgram(env("PORTAL_PYTHON"), {env("PORTAL_SERVERCTL"), QStringLiteral("stop"),
                                      QStringLiteral("--state-dir"), m_stateDir.path()});
    m_running = false;
}

QUrl PrivateServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

int PrivateServer::requestCount(const QByteArray &method, const QByteArray &path) const
{
    // runserver logs each request, before its answer goes out: "POST /api/token/refresh/ HTTP/1.1"
    QFile log(m_stateDir.filePath(QStringLiteral("server.log")));
    if (!log.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = '"' + method + ' ' + path + " HTTP/";
    return int(log.readAll().count(line));
}

QByteArray PrivateServer::manage(const QStringList &args, QString *error) const
{
    int exitCode = -1;
    const QByteArray out = runProgram(env("PORTAL_PYTHON"),
                                      QStringList{env("PORTAL_SERVERCTL"), QStringLiteral("exec"),
                                                  QStringLiteral("--state-dir"), m_stateDir.path(),
                                                  QStringLiteral("--")} +
                                          args,
                                      &exitCode);
    if (exitCode != 0 && error)
        *error = QStringLiteral("manage.py %1 failed").arg(args.join(QLatin1Char(' ')));
    return out.trimmed();
}

QString PrivateServer::latestMailTo(const QString &address) const
{
    return test::latestMailTo(address, m_stateDir.path());
}

QUrl closedPortUrl()
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(freeLoopbackPort()));
}

} // namespace portal::test
