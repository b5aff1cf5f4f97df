#include "accountmanager.h"

#include "apiclient.h"
#include "authstatemanager.h"
#include "logging.h"

#include <QHash>
#include <QRegularExpression>
#include <QUrl>

namespace portal {

AccountManager::AccountManager(ApiClient *api, AuthStateManager *auth, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_auth(auth)
{
    // Another server may have every endpoint; and no answer of the old one is wanted.
    connect(auth, &AuthStateManager::serverChanged, this, [this]() {
        cancel();
        m_unavailable.clear();
    });
}

AccountManager::~AccountManager()
{
    cancel();
}

bool AccountManager::isAvailable(Feature feature) const
{
    return !m_unavailable.contains(feature);
}

bool AccountManager::isBusy() const
{
    return !m_call.isNull();
}

std::optional<ResetCode> AccountManager::parseResetCode(const QString &text)
{
    // A link (http://host/#/password/reset/confirm/MQ/c0ab-1f2e...) or "MQ/c0ab-1f2e...": the last
    // two segments. Django's uid is URL-safe base64, its token letters, digits and '-'.
    QString path = text.trimmed();
    if (path.contains(QLatin1String("://"))) {
        const QUrl url(path);
        path = url.fragment().isEmpty() ? url.path() : url.fragment();
    }
    static const QRegularExpression segments(
        QStringLiteral("(?:^|/)([A-Za-z0-9_=-]+)/([A-Za-z0-9-]+)/?$"));
    const QRegularExpressionMatch match = segments.match(path);
    if (!match.hasMatch())
        return std::nullopt;
    return ResetCode{match.captured(1), match.captured(2)};
}

std::optional<AccountManager::Field> AccountManager::fieldFor(const QString &name)
{
    // The names ApiClient sends (apiclient_account.cpp), which Djoser answers under.
    static const QHash<QString, Field> fields{
        {QStringLiteral("email"), Field::Email},
        {QStringLiteral("uid"), Field::ResetCode},
        {QStringLiteral("token"), Field::ResetCode},
        {QStringLiteral("current_password"), Field::CurrentPassword},
        {QStringLiteral("new_password"), Field::NewPassword},
    };
    const auto found = fields.constFind(name);
    if (found == fields.cend())
        return std::nullopt;
    return *found;
}

template<typename Done>
void AccountManager::run(Feature feature, ApiCall *call, Done done)
{
    cancel();
    m_call = call;
    setBusy(true);
    connect(call, &ApiCall::finished, this, [this, feature, done](const ApiResult &result) {
        m_call.clear();
        setBusy(false);
        if (result.ok()) {
            done(result);
            return;
        }
        const ApiError &error = result.error();
        if (error.kind == ErrorKind::NotFound) {
            qCInfo(lcAuth) << "the server has no endpoint for" << feature;
            m_unavailable.insert(feature);
            Q_EMIT featureUnavailable(feature);
            return;
        }
        Q_EMIT failed(feature, error);
    });
}

void AccountManager::changePassword(const QString &currentPassword, const QString &newPassword)
{
    if (m_auth->state() != AuthStateManager::State::SignedIn)
        return;
    run(Feature::ChangePassword, m_api->changePassword(currentPassword, newPassword),
        [this](const ApiResult &result) {
            Q_EMIT passwordChanged();
            // After the signal: the session may end right away (a server that drops it).
            m_auth->passwordChanged(result.value().json.toObject());
        });
}

void AccountManager::requestPasswordReset(const QString &email)
{
    run(Feature::ResetPassword, m_api->requestPasswordReset(email),
        [this](const ApiResult &) { Q_EMIT resetRequested(); });
}

void AccountManager::confirmPasswordReset(const ResetCode &code, const QString &newPassword)
{
    run(Feature::ResetPassword, m_api->confirmPasswordReset(code.uid, code.token, newPassword),
        [this](const ApiResult &) { Q_EMIT resetConfirmed(); });
}

void AccountManager::deleteAccount(const QString &currentPassword)
{
    if (m_auth->state() != AuthStateManager::State::SignedIn)
        return;
    run(Feature::DeleteAccount, m_api->deleteAccount(currentPassword), [this](const ApiResult &) {
        m_auth->accountDeleted();
        Q_EMIT accountDeleted();
    });
}

void AccountManager::cancel()
{
    if (!m_call)
        return;
    ApiCall *call = m_call;
    m_call.clear();
    disconnect(call, nullptr, this, nullptr);
    call->abort();
    setBusy(false);
}

void AccountManager::setBusy(bool busy)
{
    Q_EMIT busyChanged(busy);
}

} // namespace portal
