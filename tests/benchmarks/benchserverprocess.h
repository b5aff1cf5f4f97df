#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace portal::bench {

/**
 * benchserver.py as a child process: a keep-alive loopback HTTP/1.1 server that answers with
 * TCP_NODELAY and one write per response. It exits when its stdin closes, so it never outlives us.
 */
class BenchServerProcess final
{
public:
    BenchServerProcess();
    ~BenchServerProcess();
    BenchServerProcess(const BenchServerProcess &) = delete;
    BenchServerProcess &operator=(const BenchServerProcess &) = delete;

    /// Starts the server and waits for its port. On failure returns false and sets @p error.
    /// @p arguments go to benchserver.py after the script, e.g. {"--customers", "100000"}.
    bool start(QString *error, const QStringList &arguments = {});
    /// http://127.0.0.1:<port>, empty before start() succeeded.
    QUrl url() const;

    /// PORTAL_PYTHON, or /usr/bin/python3 (Debian's: the one on PATH may not be).
    static QString python();
    /// PORTAL_BENCHSERVER, or benchserver.py in the source tree.
    static QString script();

private:
    QProcess m_process;
    QUrl m_url;
};

} // namespace portal::bench
