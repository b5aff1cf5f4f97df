#include "tokenstore.h"

#include "logging.h"
#include "serverurl.h"

#include <QPointer>
#include <qt6keychain/keychain.h>

namespace portal {

namespace {

TokenStoreResult::Status statusOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return TokenStoreResult::Status::Ok;
    case QKeychain::EntryNotFound:
        return TokenStoreResult::Status::NotFound;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    // Debian's QtKeychain reports a missing Secret Service as OtherError (RECIPES.md).
    case QKeychain::OtherError:
        return TokenStoreResult::Status::Unavailable;
    case QKeychain::CouldNotDeleteEntry:
        return TokenStoreResult::Status::Failed;
    }
    return TokenStoreResult::Status::Failed;
}

const char *statusName(TokenStoreResult::Status status)
{
    switch (status) {
    case TokenStoreResult::Status::Ok:
        return "ok";
    case TokenStoreResult::Status::NotFound:
        return "not found";
    case TokenStoreResult::Status::Unavailable:
        return "keychain unavailable";
    case TokenStoreResult::Status::Failed:
        return "failed";
    }
    return "?";
}

TokenStoreResult resultOf(const QKeychain::Job &job)
{
    TokenStoreResult result;
    result.status = statusOf(job.error());
    if (result.status != TokenStoreResult::Status::Ok)
        result.errorText = job.errorString();
    return result;
}

/// Jobs have no parent on purpose: QtKeychain's backends call back into a job after it started,
/// so only the job may end its life (autoDelete), never the destruction of its owner.
template<typename JobType>
JobType *newJob(const QString &service, const QString &key)
{
    auto *job = new JobType(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

} // namespace

TokenStore::TokenStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{}

QString TokenStore::service() const
{
    return m_service;
}

TokenStore::Availability TokenStore::availability() const
{
    return m_availability;
}

QString TokenStore::keyFor(const QUrl &server, const QString &username)
{
    return originOf(server) + QLatin1Char(' ') + username;
}

void TokenStore::read(const QString &key, QObject *context, Callback done)
{
    start(newJob<QKeychain::ReadPasswordJob>(m_service, key), "read", context, std::move(done));
}

void TokenStore::write(const QString &key, const QString &token, QObject *context, Callback done)
{
    auto *job = newJob<QKeychain::WritePasswordJob>(m_service, key);
    job->setTextData(token);
    start(job, "write", context, std::move(done));
}

void TokenStore::remove(const QString &key, QObject *context, Callback done)
{
    start(newJob<QKeychain::DeletePasswordJob>(m_service, key), "remove", context, std::move(done));
}

void TokenStore::start(QKeychain::Job *job, const char *operation, QObject *context, Callback done)
{
    const QPointer<QObject> guard(context);
    connect(
        job, &QKeychain::Job::finished, this,
        [this, job, operation, guard, hasContext = context != nullptr, done = std::move(done)]() {
            TokenStoreResult result = resultOf(*job);
            const auto *readJob = qobject_cast<const QKeychain::ReadPasswordJob *>(job);
            if (readJob && result.status == TokenStoreResult::Status::Ok)
                result.token = readJob->textData();
            finish(operation, job->key(), result);
            if (done && (!hasContext || guard))
                done(result);
        });
    job->start();
}

void TokenStore::finish(const char *operation, const QString &key, const TokenStoreResult &result)
{
    // The key is "<origin> <username>": not a secret. The token itself is never logged.
    if (result.status == TokenStoreResult::Status::Ok ||
        result.status == TokenStoreResult::Status::NotFound) {
        qCDebug(lcKeychain) << operation << key << statusName(result.status);
    } else {
        qCWarning(lcKeychain) << operation << key << statusName(result.status) << result.errorText;
    }
    noteResult(result);
}

void TokenStore::noteResult(const TokenStoreResult &result)
{
    Availability availability = m_availability;
    if (result.status == TokenStoreResult::Status::Unavailable)
        availability = Availability::Unavailable;
    else if (result.status != TokenStoreResult::Status::Failed)
        availability = Availability::Available;
    if (availability == m_availability)
        return;
    m_availability = availability;
    Q_EMIT availabilityChanged(m_availability);
}

} // namespace portal
