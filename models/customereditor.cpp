#include "customereditor.h"

#include "apiclient.h"
#include "logging.h"

namespace portal {

CustomerEditor::CustomerEditor(ApiClient *api, Target target, qint64 customerId, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_target(target)
    , m_customerId(customerId)
{}

CustomerEditor::~CustomerEditor()
{
    if (m_call)
        QObject::disconnect(m_call, nullptr, this, nullptr);
}

CustomerEditor::Target CustomerEditor::target() const
{
    return m_target;
}

qint64 CustomerEditor::customerId() const
{
    return m_customerId;
}

const Customer &CustomerEditor::record() const
{
    return m_record;
}

QByteArray CustomerEditor::etag() const
{
    return m_etag;
}

bool CustomerEditor::isBusy() const
{
    return m_busy;
}

void CustomerEditor::setRecord(const Customer &record, const QByteArray &etag)
{
    m_record = record;
    m_etag = etag;
    if (m_target == Target::OwnProfile)
        m_customerId = record.id;
    Q_EMIT recordChanged(m_record);
}

void CustomerEditor::reset()
{
    if (m_call) {
        QObject::disconnect(m_call, nullptr, this, nullptr);
        m_call->abort();
    }
    m_call.clear();
    m_pending = Pending::None;
    m_unsaved = {};
    m_record = Customer();
    m_etag.clear();
    if (m_target == Target::OwnProfile)
        m_customerId = 0;
    setBusy(false);
}

void CustomerEditor::setCustomerId(qint64 id)
{
    Q_ASSERT(m_target == Target::Customer);
    reset();
    m_customerId = id;
}

void CustomerEditor::load()
{
    if (m_customerId > 0) // Without a record there is nobody to load (no session yet).
        begin(startLoad(), Pending::Load);
}

void CustomerEditor::save(const CustomerChanges &changes)
{
    if (m_customerId <= 0)
        return;
    m_unsaved = changes;
    const QJsonObject body = changes.toJson();
    // No ETag yet (a sign-in answer carries none): a profile save without If-Match is what the
    // server has always accepted; a staff save without it answers 428, which is handled below.
    ApiCall *call = m_target == Target::OwnProfile
                        ? m_api->updateProfile(body, m_etag)
                        : m_api->updateCustomer(m_customerId, body, m_etag);
    begin(call, Pending::Save);
}

ApiCall *CustomerEditor::startLoad()
{
    // Never from the cache: a record is read to be edited (or to see a colleague's change, or
    // whether staff access is gone), and its ETag must be the server's latest.
    return m_target == Target::OwnProfile ? m_api->fetchProfile(true)
                                          : m_api->fetchCustomer(m_customerId, true);
}

void CustomerEditor::begin(ApiCall *call, Pending what)
{
    // A newer request replaces an older one: its late answer must not land.
    if (m_call) {
        QObject::disconnect(m_call, nullptr, this, nullptr);
        m_call->abort();
    }
    m_call = call;
    m_pending = what;
    connect(call, &ApiCall::finished, this, &CustomerEditor::onFinished);
    if (what != Pending::Save)
        connect(call, &ApiCall::waiting, this, &CustomerEditor::loadWaiting);
    setBusy(true);
}

void CustomerEditor::onFinished(const ApiResult &result)
{
    const Pending what = m_pending;
    m_call.clear();
    m_pending = Pending::None;
    setBusy(false);
    // The session's end, or the client's own abort (sign-out, shutdown): nothing to report.
    if (!result.ok() && (result.error().endsSession || result.error().kind == ErrorKind::Cancelled))
        return;
    if (what == Pending::Save)
        onSaveAnswer(result);
    else if (what == Pending::ConflictReload && result.ok() &&
             adopt(result.value().json, result.value().etag))
        Q_EMIT conflict(m_record, m_unsaved);
    else if (what == Pending::ConflictReload)
        Q_EMIT saveFailed(result.ok() ? badResponse() : result.error());
    else
        onLoadAnswer(result);
}

void CustomerEditor::onLoadAnswer(const ApiResult &result)
{
    if (!result.ok()) {
        Q_EMIT loadFailed(result.error());
        return;
    }
    if (!adopt(result.value().json, result.value().etag)) {
        Q_EMIT loadFailed(badResponse());
        return;
    }
    Q_EMIT loaded(m_record);
}

void CustomerEditor::onSaveAnswer(const ApiResult &result)
{
    if (result.ok()) {
        if (!adopt(result.value().json, result.value().etag)) {
            Q_EMIT saveFailed(badResponse());
            return;
        }
        m_unsaved = {};
        Q_EMIT saved(m_record);
        return;
    }
    const ApiError &error = result.error();
    const bool conflicted = error.kind == ErrorKind::Conflict;
    if (conflicted && !error.etag.isEmpty() && adopt(error.body, error.etag)) {
        Q_EMIT conflict(m_record, m_unsaved);
        return;
    }
    if (conflicted || error.kind == ErrorKind::PreconditionRequired) {
        // Their version is unknown (a 412 without a customer) or the server wanted an ETag we
        // did not have (428): the ETag in hand is useless, so fetch the record, then ask.
        qCInfo(lcNetwork) << "save needs the current record first:" << errorKindName(error.kind);
        m_etag.clear();
        begin(startLoad(), Pending::ConflictReload);
        return;
    }
    Q_EMIT saveFailed(error);
}

bool CustomerEditor::adopt(const QJsonValue &json, const QByteArray &etag)
{
    const std::optional<Customer> customer = Customer::fromResponse(json);
    if (!customer || (m_target == Target::Customer && customer->id != m_customerId))
        return false;
    setRecord(*customer, etag);
    return true;
}

ApiError CustomerEditor::badResponse() const
{
    return m_api->badResponse(QStringLiteral("the body is not a customer"));
}

void CustomerEditor::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(m_busy);
}

} // namespace portal
