#include "benchserverprocess.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace portal::bench {

namespace {

constexpr int kStartTimeoutMs = 10000;

QString fromEnvironment(const char *name, const QString &fallback)
{
    const QString value = qEnvironmentVariable(name);
    return value.isEmpty() ? fallback : value;
}

} // namespace

BenchServerProcess::BenchServerProcess()
{
    // The server's tracebacks are worth seeing; its stdout only carries the port.
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
}

BenchServerProcess::~BenchServerProcess()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.closeWriteChannel(); // the server stops when its stdin closes
    if (!m_process.waitForFinished(3000)) {
        m_process.terminate();
        if (!m_process.waitForFinished(3000))
            m_process.kill();
        m_process.waitForFinished(1000);
    }
}

QString BenchServerProcess::python()
{
    return fromEnvironment("PORTAL_PYTHON", QStringLiteral("/usr/bin/python3"));
}

QString BenchServerProcess::script()
{
    return fromEnvironment("PORTAL_BENCHSERVER", QStringLiteral(PORTAL_BENCHSERVER_SCRIPT));
}

bool BenchServerProcess::start(QString *error, const QStringList &arguments)
{
    if (!QFileInfo::exists(script())) {
        *error = QStringLiteral("benchserver.py not found at ") + script();
        return false;
    }
    m_process.start(python(), QStringList{script()} + arguments);
    if (!m_process.waitForStarted(kStartTimeoutMs)) {
        *error = QStringLiteral("cannot start ") + python() + QStringLiteral(": ") +
                 m_process.errorString();
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    while (!m_process.canReadLine()) {
        const int left = kStartTimeoutMs - static_cast<int>(timer.elapsed());
        if (left <= 0 || !m_process.waitForReadyRead(left)) {
            *error = QStringLiteral("benchserver.py printed no port");
            return false;
        }
    }
    bool ok = false;
    const int port = m_process.readLine().trimmed().toInt(&ok);
    if (!ok || port <= 0) {
        *error = QStringLiteral("benchserver.py printed no valid port");
        return false;
    }
    m_url.setScheme(QStringLiteral("http"));
    m_url.setHost(QStringLiteral("127.0.0.1"));
    m_url.setPort(port);
    return true;
}

QUrl BenchServerProcess::url() const
{
    return m_url;
}

} // namespace portal::bench
