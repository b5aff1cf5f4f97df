#include "tokenstore.h"

#include "logging.h"
#include "serverurl.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>
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

/// Where QtKeychain's jobs are made and run: an object on the process's keychain thread, which
/// the first call starts and the application's end stops (jobs still running are dropped).
QObject *keychainThreadContext()
{
    static QObject *context = nullptr;
    static QThread *thread = nullptr;
    if (!context) {
        thread = new QThread;
        thread->setObjectName(QStringLiteral("keychain"));
        context = new QObject;
        context->moveToThread(thread);
        thread->start();
        qAddPostRoutine([]() {
            thread->quit();
            thread->wait();
            delete context;
            delete thread;
            context = nullptr;
            thread = nullptr;
        });
    }
    return context;
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
    start([service = m_service, key]() { return newJob<QKeychain::ReadPasswordJob>(service, key); },
          "read", context, std::move(done));
}

void TokenStore::write(const QString &key, const QString &token, QObject *context, Callback done)
{
    start(
        [service = m_service, key, token]() {
            auto *job = newJob<QKeychain::WritePasswordJob>(service, key);
            job->setTextData(token);
            return job;
        },
        "write", context, std::move(done));
}

void TokenStore::remove(const QString &key, QObject *context, Callback done)
{
    start(
        [service = m_service, key]() { return newJob<QKeychain::DeletePasswordJob>(service, key); },
        "remove", context, std::move(done));
}

void TokenStore::start(MakeJob makeJob, const char *operation, QObject *context, Callback done)
{
    Q_ASSERT(thread() == QCoreApplication::instance()->thread());
    // Both guards are made, checked and dropped on the main thread only; the keychain thread
    // merely carries copies.
    const QPointer<TokenStore> self(this);
    const QPointer<QObject> guard(context);
    auto answer = [self, operation, guard, hasContext = context != nullptr,
                   done = std::move(done)](const QString &key, const TokenStoreResult &result) {
        if (!self)
            return;
        self->finish(operation, key, result);
        if (done && (!hasContext || guard))
            done(result);
    };
    // On the keychain thread: the job is made, started and read there. Posted in order, so the
    // operations run in the order they were asked for (QtKeychain queues them there too). The
    // answer goes to the application object, which outlives every store.
    QMetaObject::invokeMethod(
        keychainThreadContext(),
        [makeJob = std::move(makeJob), answer = std::move(answer)]() {
            QKeychain::Job *job = makeJob();
            connect(job, &QKeychain::Job::finished, job, [job, answer]() {
                TokenStoreResult result = resultOf(*job);
                const auto *readJob = qobject_cast<const QKeychain::ReadPasswordJob *>(job);
                if (readJob && result.status == TokenStoreResult::Status::Ok)
                    result.token = readJob->textData();
                QMetaObject::invokeMethod(
                    QCoreApplication::instance(),
                    [answer, key = job->key(), result]() { answer(key, result); },
                    Qt::QueuedConnection);
            });
            job->start();
        },
        Qt::QueuedConnection);
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
