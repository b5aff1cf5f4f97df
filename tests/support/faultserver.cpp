#include "faultserver.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <optional>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace portal::test {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

// Takes one complete request off the front of @p buffer, if it holds one.
std::optional<FaultServer::Request> takeRequest(QByteArray &buffer)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return std::nullopt;
    FaultServer::Request request;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            request.headers.append(
                {lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
    }
    const qsizetype length = request.header("Content-Length").toLongLong();
    if (buffer.size() < headerEnd + 4 + length)
        return std::nullopt;
    request.body = buffer.mid(headerEnd + 4, length);
    buffer.remove(0, headerEnd + 4 + length);
    return request;
}

void resetConnection(QTcpSocket *socket)
{
#ifdef Q_OS_UNIX
    // Linger 0 makes close() send RST instead of FIN.
    const linger immediate{1, 0};
    ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &immediate,
                 sizeof immediate);
#endif
    socket->abort();
}

} // namespace

QByteArray FaultServer::Request::path() const
{
    const qsizetype mark = target.indexOf('?');
    return mark < 0 ? target : target.left(mark);
}

bool FaultServer::Request::hasHeader(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray FaultServer::Request::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

FaultServer::Response FaultServer::Response::json(int status, const QByteArray &body)
{
    return raw(status, "application/json", body);
}

FaultServer::Response FaultServer::Response::raw(int status, const QByteArray &contentType,
                                                 const QByteArray &body)
{
    Response response;
    response.status = status;
    response.body = body;
    if (!contentType.isEmpty())
        response.headers.append({"Content-Type", contentType});
    return response;
}

FaultServer::Response FaultServer::Response::redirect(int status, const QUrl &location)
{
    return raw(status, {}, {}).withHeader("Location", location.toEncoded());
}

FaultServer::Response FaultServer::Response::of(Behaviour behaviour)
{
    Response response = json(200, R"({"ok": true})");
    response.behaviour = behaviour;
    return response;
}

FaultServer::Response &FaultServer::Response::delayedBy(int milliseconds)
{
    delayMs = milliseconds;
    return *this;
}

FaultServer::Response &FaultServer::Response::withHeader(const QByteArray &name,
                                                         const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

FaultServer::FaultServer(QObject *parent)
    : QObject(parent)
    , m_defaultResponse(Response::json(404, R"({"detail": "Not found."})"))
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultServer::onNewConnection);
}

FaultServer::~FaultServer()
{
    // Sockets announce their disconnection while being destroyed: stop listening first.
    const QList<QTcpSocket *> sockets = m_server.findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets) {
        disconnect(socket, nullptr, this, nullptr);
        delete socket;
    }
}

bool FaultServer::listen(quint16 port)
{
    return m_server.listen(QHostAddress::LocalHost, port);
}

void FaultServer::close()
{
    m_server.close();
}

quint16 FaultServer::port() const
{
    return m_server.serverPort();
}

QUrl FaultServer::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

void FaultServer::route(const QByteArray &path, const Response &response)
{
    m_routes.insert(path, response);
}

void FaultServer::route(const QByteArray &method, const QByteArray &path, const Response &response)
{
    m_routes.insert(method + ' ' + path, response);
}

void FaultServer::route(const QByteArray &path, std::function<Response(const Request &)> handler)
{
    m_handlers.insert(path, std::move(handler));
}

void FaultServer::setDefaultResponse(const Response &response)
{
    m_defaultResponse = response;
}

void FaultServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++m_connections;
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void FaultServer::onReadyRead(QTcpSocket *socket)
{
    const QByteArray data = socket->readAll();
    m_bytesReceived += data.size();
    QByteArray &buffer = m_buffers[socket];
    buffer += data;
    if (const std::optional<Request> request = takeRequest(buffer)) {
        m_requests.append(*request);
        Q_EMIT requestReceived(*request);
        answer(socket, *request);
    }
}

void FaultServer::answer(QTcpSocket *socket, const Request &request)
{
    const auto handler = m_handlers.constFind(request.path());
    const Response response =
        handler != m_handlers.constEnd()
            ? (*handler)(request)
            : m_routes.value(request.method + ' ' + request.path(),
                             m_routes.value(request.path(), m_defaultResponse));
    if (response.delayMs > 0) {
        QPointer<QTcpSocket> target(socket);
        QTimer::singleShot(response.delayMs, this, [this, target, response, request]() {
            Response now = response;
            now.delayMs = 0;
            if (target && target->state() == QAbstractSocket::ConnectedState)
                write(target, now);
            Q_EMIT answered(request);
        });
        return;
    }
    write(socket, response);
    Q_EMIT answered(request);
}

void FaultServer::write(QTcpSocket *socket, const Response &response)
{
    switch (response.behaviour) {
    case Behaviour::Stall:
        return;
    case Behaviour::Close:
        socket->disconnectFromHost();
        return;
    case Behaviour::Reset:
        resetConnection(socket);
        return;
    case Behaviour::Respond:
    case Behaviour::Truncate:
    case Behaviour::ResetMidBody:
        break;
    }
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                      reasonPhrase(response.status) + "\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    head += "Content-Length: " + QByteArray::number(response.body.size()) +
            "\r\nConnection: close\r\n\r\n";
    const bool truncate = response.behaviour != Behaviour::Respond;
    socket->write(head + (truncate ? response.body.left(response.body.size() / 2) : response.body));
    if (response.behaviour == Behaviour::ResetMidBody) {
        // Let the client read the head and the first half before the reset, so the failure comes
        // mid-body, not before the status line.
        socket->flush();
        QPointer<QTcpSocket> target(socket);
        QTimer::singleShot(50, this, [target]() {
            if (target)
                resetConnection(target);
        });
        return;
    }
    socket->disconnectFromHost();
}

} // namespace portal::test
