#pragma once

#include "apierror.h"
#include "customer.h"
#include "customerchanges.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

namespace portal {

class ApiCall;
class ApiClient;
class ApiResult;

/**
 * Loads and saves one customer record: the signed-in customer's own profile, or (for support
 * staff) any customer by id. It holds the record and its ETag, saves only the changed fields with
 * If-Match, and never overwrites anyone's change silently: a 412 (or a 428, or a 412 without a
 * usable body, after fetching the record again) becomes conflict() with the server's current
 * record, and the caller decides.
 *
 * One request at a time: a new load() or save() aborts the one in flight. A failure that ends the
 * session (ApiError::endsSession) emits nothing here; the session's end is what the user sees.
 */
class CustomerEditor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerEditor)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)

public:
    enum class Target
    {
        OwnProfile, ///< The signed-in customer's profile.
        Customer    ///< Any customer by id (support staff only).
    };
    Q_ENUM(Target)

    /// @p customerId is the record's id (ignored for OwnProfile until a record is known).
    CustomerEditor(ApiClient *api, Target target, qint64 customerId = 0, QObject *parent = nullptr);
    ~CustomerEditor() override;

    Target target() const;
    /// The record's id (the customer's own id for OwnProfile once known).
    qint64 customerId() const;
    /// The server's version as last seen (empty until loaded or given).
    const Customer &record() const;
    /// The ETag of record(); empty when the server sent none (or it is known to be stale).
    QByteArray etag() const;
    /// True while a load or save is in flight.
    bool isBusy() const;

    /// Takes @p record as the server's version (from a sign-in answer, say); no signal but
    /// recordChanged().
    void setRecord(const Customer &record, const QByteArray &etag);
    /// Aborts what is in flight and forgets the record and its ETag.
    void reset();
    /// reset(), then edits customer @p id (Target::Customer only).
    void setCustomerId(qint64 id);

public Q_SLOTS:
    /// GET the record -> loaded() or loadFailed(). Does nothing before the record's id is known.
    void load();
    /// PATCH @p changes with If-Match -> saved(), conflict() or saveFailed(). Does nothing before
    /// the record's id is known.
    void save(const portal::CustomerChanges &changes);

Q_SIGNALS:
    void busyChanged(bool busy);
    /// record() changed (loaded, saved, taken from a conflict, or given).
    void recordChanged(const portal::Customer &record);
    void loaded(const portal::Customer &record);
    void loadFailed(const portal::ApiError &error);
    /// A load waits for the wait the server asked for (@p error.retryAfterSeconds) and is then
    /// sent again by itself; loaded() or loadFailed() follows.
    void loadWaiting(const portal::ApiError &error);
    void saved(const portal::Customer &record);
    /**
     * Someone else changed the record first: record() and etag() are already @p theirs. @p mine
     * are the changes that were not saved; save() them again to keep them on top of theirs.
     */
    void conflict(const portal::Customer &theirs, const portal::CustomerChanges &mine);
    void saveFailed(const portal::ApiError &error);

private:
    enum class Pending
    {
        None,
        Load,
        Save,
        ConflictReload ///< A load whose answer is reported as conflict() with m_unsaved.
    };

    ApiCall *startLoad();
    void begin(ApiCall *call, Pending what);
    void onFinished(const ApiResult &result);
    void onLoadAnswer(const ApiResult &result);
    void onSaveAnswer(const ApiResult &result);
    bool adopt(const QJsonValue &json, const QByteArray &etag);
    ApiError badResponse() const;
    void setBusy(bool busy);

    ApiClient *m_api;
    Target m_target;
    qint64 m_customerId;
    Customer m_record;
    QByteArray m_etag;
    QPointer<ApiCall> m_call;
    Pending m_pending = Pending::None;
    CustomerChanges m_unsaved;
    bool m_busy = false;
};

} // namespace portal
