// libFuzzer target: everything a server (or whatever answers in its place) can send, through the
// pure functions that read it. docs/fuzzing.md says how to run it; make_corpus.py writes the seeds.
//
// Input layout (all of it is the fuzzer's to choose):
//   byte 0-1  HTTP status, big-endian (0: no HTTP answer)
//   byte 2    request role (see roleFrom)
//   byte 3    content type (an index into kContentTypes)
//   byte 4    transport: bit 0 timed out, bit 1 too large, bits 2-4 TLS problem (mod 5),
//             bits 5-7 network error (an index into kNetworkErrors)
//   byte 5    retry attempt, signed
//   byte 6    retry jitter (n / 256)
//   byte 7    length n of the Retry-After value
//   then      n bytes of Retry-After, then the body (the rest)
// A shorter input is padded with zeros, so every input is valid.

#include "apierror.h"
#include "customer.h"
#include "customerpage.h"
#include "responseparser.h"
#include "retrypolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iterator>

using namespace portal;

namespace {

constexpr std::size_t kHeaderSize = 8;
constexpr qsizetype kMaxMessageLength = 500; // responseparser.cpp's cap on any server sentence.

const QDateTime kNow(QDate(2024, 3, 1), QTime(12, 0, 0), Qt::UTC);

const char *const kContentTypes[] = {"application/json", "text/html; charset=utf-8", "",
                                     "application/problem+json"};

const QNetworkReply::NetworkError kNetworkErrors[] = {
    QNetworkReply::NoError,
    QNetworkReply::ConnectionRefusedError,
    QNetworkReply::RemoteHostClosedError,
    QNetworkReply::OperationCanceledError,
    QNetworkReply::SslHandshakeFailedError,
    QNetworkReply::InsecureRedirectError,
    QNetworkReply::ProxyAuthenticationRequiredError,
    QNetworkReply::AuthenticationRequiredError,
};

// Byte values 0-6 keep their meaning for the committed seeds whatever is added to the enum; the
// others reach every enumerator by value, so a role added later is fuzzed too.
// RequestRole::Authenticated is the last enumerator.
RequestRole roleFrom(quint8 byte)
{
    constexpr RequestRole kSeedRoles[] = {RequestRole::Credentials, RequestRole::Registration,
                                          RequestRole::Logout,      RequestRole::ProfileRead,
                                          RequestRole::Staff,       RequestRole::Authenticated,
                                          RequestRole::Renewal};
    constexpr int kSeedRoleCount = int(std::size(kSeedRoles));
    constexpr int kRoleCount = int(RequestRole::Authenticated) + 1;
    if (byte < kSeedRoleCount)
        return kSeedRoles[byte];
    return static_cast<RequestRole>(byte % kRoleCount);
}

struct Input
{
    RawResponse raw;
    RequestRole role = RequestRole::Authenticated;
    int attempt = 1;
    double jitter = 0.5;
};

Input decode(const std::uint8_t *data, std::size_t size)
{
    std::uint8_t header[kHeaderSize] = {};
    const std::size_t headerBytes = size < kHeaderSize ? size : kHeaderSize;
    for (std::size_t i = 0; i < headerBytes; ++i)
        header[i] = data[i];
    data += headerBytes;
    size -= headerBytes;

    Input input;
    RawResponse &raw = input.raw;
    raw.httpStatus = header[0] << 8 | header[1];
    input.role = roleFrom(header[2]);
    raw.contentType = kContentTypes[header[3] % std::size(kContentTypes)];
    raw.timedOut = header[4] & 0x01;
    raw.tooLarge = header[4] & 0x02;
    raw.tlsProblem = static_cast<TlsProblem>((header[4] >> 2 & 0x07) % 5);
    raw.networkError = kNetworkErrors[header[4] >> 5];
    input.attempt = static_cast<std::int8_t>(header[5]);
    input.jitter = header[6] / 256.0;
    const std::size_t retryAfterLength = header[7] < size ? header[7] : size;
    raw.retryAfter = QByteArray(reinterpret_cast<const char *>(data), qsizetype(retryAfterLength));
    data += retryAfterLength;
    size -= retryAfterLength;
    raw.body = QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));

    if (raw.networkError != QNetworkReply::NoError)
        raw.networkErrorString = QStringLiteral("qt says something");
    raw.etag = "\"v1\"";
    raw.server = QStringLiteral("portal.example.com:8443");
    raw.redirectTarget = QStringLiteral("https://elsewhere.example");
    return input;
}

// A broken promise is a crash, so libFuzzer keeps the input that broke it.
void check(bool condition, const char *promise)
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz_responses: broken promise: %s\n", promise);
    std::abort();
}

// JSON can spell a lone surrogate ("\\ud800"); only then may server text be broken UTF-16.
bool mayHoldLoneSurrogates(const QByteArray &body)
{
    static const QRegularExpression escape(QStringLiteral("\\\\u[dD][89a-fA-F]"));
    return escape.match(QString::fromLatin1(body)).hasMatch();
}

void checkMessage(const QString &message, const QByteArray &body)
{
    check(message.size() <= kMaxMessageLength, "every server message is capped");
    check(message.isValidUtf16() || mayHoldLoneSurrogates(body),
          "cutting a server message never splits a character");
}

void checkMessages(const QStringList &messages, const QByteArray &body)
{
    for (const QString &message : messages) {
        check(!message.isEmpty(), "every listed server message says something");
        checkMessage(message, body);
    }
}

// Everything readErrorBody() took from the body.
void checkServerText(const ApiError &error, const QByteArray &body)
{
    checkMessage(error.serverMessage, body);
    checkMessages(error.nonFieldErrors, body);
    for (auto it = error.fieldErrors.cbegin(); it != error.fieldErrors.cend(); ++it)
        checkMessages(it.value(), body);
}

void checkError(const ApiError &error, const Input &input)
{
    const RawResponse &raw = input.raw;
    check(error.httpStatus == raw.httpStatus, "the error carries the HTTP status");
    check(errorKindName(error.kind) != QLatin1String("Unknown"), "every kind has a name");
    check(!error.userMessage().isEmpty(), "every error has a sentence for the user");
    checkServerText(error, raw.body);
    if (endsSession(error, input.role))
        check(error.kind == ErrorKind::Unauthorized, "only Unauthorized ends a session");
    if (error.kind == ErrorKind::RateLimited)
        check(error.retryAfterSeconds == parseRetryAfter(raw.retryAfter, kNow),
              "a 429 carries its Retry-After");
    else
        check(error.retryAfterSeconds == -1, "only a 429 carries a Retry-After");

    RetryInput retry;
    retry.method = "GET";
    retry.kind = error.kind;
    retry.httpStatus = error.httpStatus;
    retry.attempt = input.attempt;
    retry.retryAfterSeconds = error.retryAfterSeconds;
    retry.jitter = input.jitter;
    const RetryPolicy policy;
    const RetryDecision decision = decideRetry(retry, policy);
    check(decision.delayMs >= 0, "a retry never waits a negative time");
    check(decision.delayMs <= qMax(policy.maxDelayMs, policy.maxRetryAfterSeconds * 1000),
          "a retry waits at most the policy's longest wait");
}

void checkCustomer(const Customer &customer)
{
    check(customer.id > 0 && !customer.username.isEmpty(), "a customer has an id and a name");
    check(!customer.displayName().isEmpty(), "a customer always has a display name");
    // What the client sends back must read as what it got.
    check(Customer::fromJson(customer.toJson()) == customer, "a customer survives a round trip");
}

// Every model reader over one JSON value: none may crash, and what they accept must hold up.
void readModels(const QJsonValue &json)
{
    if (const std::optional<Customer> customer = Customer::fromResponse(json))
        checkCustomer(*customer);
    if (const std::optional<AuthSession> session = AuthSession::fromJson(json)) {
        check(!session->token.isEmpty(), "a session has a token");
        checkCustomer(session->customer);
    }
    if (const std::optional<CustomerPage> page = CustomerPage::fromJson(json)) {
        check(page->count >= page->results.size(), "a page never holds more than its count");
        for (const Customer &customer : page->results)
            checkCustomer(customer);
    }
    if (const std::optional<QList<HistoryEntry>> history = HistoryEntry::listFromJson(json)) {
        for (const HistoryEntry &entry : *history)
            check(entry.at.isValid(), "a history entry has a time");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const Input input = decode(data, size);
    const RawResponse &raw = input.raw;

    const ApiResult result = interpretResponse(raw, input.role, kNow);
    if (result.ok()) {
        check(raw.httpStatus >= 200 && raw.httpStatus < 300, "only a 2xx succeeds");
        check(raw.networkError == QNetworkReply::NoError && !raw.timedOut && !raw.tooLarge &&
                  raw.tlsProblem == TlsProblem::None,
              "a failed transfer never succeeds");
        readModels(result.value().json);
    } else {
        checkError(result.error(), input);
    }

    // The same bytes straight into the readers, whatever the status said.
    ApiError error;
    readErrorBody(raw.body, error);
    checkServerText(error, raw.body);
    check(parseRetryAfter(raw.retryAfter, kNow) >= -1, "Retry-After is -1 or a wait");
    const QJsonDocument document = QJsonDocument::fromJson(raw.body);
    if (document.isObject())
        readModels(document.object());
    else if (document.isArray())
        readModels(document.array());
    return 0;
}
