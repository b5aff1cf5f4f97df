#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpServer>
#include <QUrl>

#include <functional>

class QTcpSocket;

namespace portal::test {

/**
 * A loopback HTTP/1.1 server for the faults a real server cannot produce on demand: stalls, resets,
 * truncated or garbage bodies, redirects to another origin. It records every request and counts
 * connections and bytes, so a test can prove that nothing reached it. One request per connection
 * (every answer says "Connection: close").
 */
class FaultServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultServer)

public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    struct Request
    {
        QByteArray method;
        QByteArray target; ///< As sent: "/path?query" (or an absolute URL when used as a proxy).
        Headers headers;
        QByteArray body;

        QByteArray path() const;
        bool hasHeader(const QByteArray &name) const;
        QByteArray header(const QByteArray &name) const;
    };

    enum class Behaviour
    {
        Respond,  ///< Send the response.
        Stall,    ///< Read the request, then never answer (the socket stays open).
        Close,    ///< Close the connection without answering.
        Reset,    ///< Reset the connection (RST where the platform allows it) without answering.
        Truncate, ///< Announce the full Content-Length, send half the body, close.
        /// Send the head and half the body, then reset the connection (RST) mid-body.
        ResetMidBody,
    };

    struct Response
    {
        int status = 200;
        Headers headers;
        QByteArray body;
        Behaviour behaviour = Behaviour::Respond;
        int delayMs = 0; ///< Respond this much later (a slow server).

        static Response json(int status, const QByteArray &body);
        static Response raw(int status, const QByteArray &contentType, const QByteArray &body);
        static Response redirect(int status, const QUrl &location);
        static Response of(Behaviour behaviour);
        Response &withHeader(const QByteArray &name, const QByteArray &value);
        Response &delayedBy(int milliseconds);
    };

    explicit FaultServer(QObject *parent = nullptr);
    ~FaultServer() override;

    /// Listens on 127.0.0.1 on @p port (a free one when 0), again after close() too.
    bool listen(quint16 port = 0);
    /// Stops listening: connecting is refused until listen() again (open connections stay).
    void close();
    quint16 port() const;
    /// "http://127.0.0.1:<port>" (no trailing slash).
    QUrl url() const;

    /// The answer for requests whose path (without the query) is @p path.
    void route(const QByteArray &path, const Response &response);
    /// The answer for @p method requests to @p path (before route()'s for any method).
    void route(const QByteArray &method, const QByteArray &path, const Response &response);
    /// The answer for requests to @p path is what @p handler makes of each (a server with logic).
    /// A handler answers every method: it comes before both route()s above for its path.
    void route(const QByteArray &path, std::function<Response(const Request &)> handler);
    /// The answer for every other request (a JSON 404 unless set).
    void setDefaultResponse(const Response &response);

    const QList<Request> &requests() const { return m_requests; }
    int connectionCount() const { return m_connections; }
    qint64 bytesReceived() const { return m_bytesReceived; }

Q_SIGNALS:
    void requestReceived(const portal::test::FaultServer::Request &request);
    /// The answer to @p request was written (or, for a delayed one, would have been: the
    /// client may have gone).
    void answered(const portal::test::FaultServer::Request &request);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const Request &request);
    void write(QTcpSocket *socket, const Response &response);

    QTcpServer m_server;
    QHash<QByteArray, Response> m_routes;
    QHash<QByteArray, std::function<Response(const Request &)>> m_handlers;
    Response m_defaultResponse;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<Request> m_requests;
    int m_connections = 0;
    qint64 m_bytesReceived = 0;
};

} // namespace portal::test
