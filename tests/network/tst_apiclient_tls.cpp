// TLS is never ignored: a loopback HTTPS server (tests/support/tlsserver.py, certificates made
// for the test by a throwaway authority) is refused with a message that names the problem until
// its authority is configured, and then only when the certificate is right.

#include "apiclient.h"
#include "apiclienttest.h"

#include <QProcess>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

using namespace portal;
using namespace portal::test;

namespace {

/// tlsserver.py as a child: its certificates in a temporary folder, its port once it serves.
class TlsServer
{
public:
    explicit TlsServer(const QString &mode)
    {
        const QString python =
            qEnvironmentVariable("PORTAL_PYTHON", QStringLiteral("/usr/bin/python3"));
        m_process.start(python, {QStringLiteral(PORTAL_TLSSERVER_SCRIPT), m_dir.path(), mode});
        if (m_process.waitForReadyRead(20000))
            m_port = m_process.readLine().trimmed().toInt();
    }
    ~TlsServer()
    {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
    }
    Q_DISABLE_COPY_MOVE(TlsServer)

    bool ok() const { return m_port > 0; }
    QString error() const { return QString::fromUtf8(m_process.readAllStandardError()); }
    QUrl url(const QString &host = QStringLiteral("127.0.0.1")) const
    {
        return QUrl(QStringLiteral("https://%1:%2").arg(host).arg(m_port));
    }
    /// Connections accepted so far (TLS handshake done), from the server's "connection N" lines.
    int connections() const
    {
        while (m_process.canReadLine()) {
            if (m_process.readLine().startsWith("connection "))
                ++m_connections;
        }
        return m_connections;
    }
    QList<QSslCertificate> authority() const
    {
        return QSslCertificate::fromPath(m_dir.filePath(QStringLiteral("ca.pem")), QSsl::Pem);
    }

private:
    QTemporaryDir m_dir;
    mutable QProcess m_process;
    int m_port = 0;
    mutable int m_connections = 0;
};

} // namespace

class tst_ApiClientTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void certificates_data();
    void certificates();
    void preconnectCarriesTheRequestsTls();
};

void tst_ApiClientTls::certificates_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<bool>("trustTheAuthority");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<TlsProblem>("problem");
    QTest::addColumn<QString>("message");

    QTest::newRow("company CA not configured")
        << "good" << false << kindName(ErrorKind::TlsFailure) << TlsProblem::Untrusted
        << "is not from an authority this computer trusts";
    QTest::newRow("company CA configured") << "good" << true << "ok" << TlsProblem::None << "";
    QTest::newRow("issued for another name")
        << "wrong-name" << true << kindName(ErrorKind::TlsFailure) << TlsProblem::NameMismatch
        << "was issued for another name";
    QTest::newRow("expired") << "expired" << true << kindName(ErrorKind::TlsFailure)
                             << TlsProblem::Expired << "has expired";
}

void tst_ApiClientTls::certificates()
{
    QFETCH(QString, mode);
    QFETCH(bool, trustTheAuthority);
    QFETCH(QString, kind);
    QFETCH(TlsProblem, problem);
    QFETCH(QString, message);
    TlsServer server(mode);
    QVERIFY2(server.ok(), qPrintable(server.error()));
    ApiClient client;
    client.setBaseUrl(server.url());
    client.setToken(QStringLiteral("never-sent-over-a-refused-connection"));
    if (trustTheAuthority) {
        QCOMPARE(server.authority().size(), 1);
        client.setExtraCaCertificates(server.authority());
    }
    const auto outcome = watch(client.fetchProfile());
    WAIT_DONE(outcome);
    QCOMPARE(outcome->kind(), kind);
    if (kind == QLatin1String("ok"))
        return;
    QCOMPARE(int(outcome->error().tlsProblem), int(problem));
    QVERIFY2(outcome->error().userMessage().contains(message),
             qPrintable(outcome->error().userMessage()));
    QVERIFY(outcome->error().userMessage().contains(QStringLiteral("127.0.0.1:")));
}

void tst_ApiClientTls::preconnectCarriesTheRequestsTls()
{
    // Through a company authority (the extra CAs): the connection opened ahead, TLS and all, is
    // the one the first request takes, so the server has accepted only one when it answers.
    TlsServer server(QStringLiteral("good"));
    QVERIFY2(server.ok(), qPrintable(server.error()));
    ApiClient client;
    client.setBaseUrl(server.url());
    client.setToken(QStringLiteral("token"));
    client.setExtraCaCertificates(server.authority());
    QVERIFY(client.preconnect());
    QTRY_COMPARE_WITH_TIMEOUT(server.connections(), 1, 20000); // Before any request.
    const auto outcome = watch(client.fetchProfile());
    WAIT_DONE(outcome);
    QCOMPARE(outcome->kind(), QStringLiteral("ok"));
    QCOMPARE(outcome->json().value(QLatin1String("connections")).toInt(), 1);
}

QTEST_GUILESS_MAIN(tst_ApiClientTls)
#include "tst_apiclient_tls.moc"
