#include "authtestapp.h"

#include "modeltestutil.h"
#include "testenv.h"

#include <QJsonDocument>
#include <QTest>

namespace portal::test {

namespace {

constexpr int kCallTimeoutMs = 20000;

} // namespace

TestApp::TestApp(const QString &settingsPath, const QUrl &server)
    : store(appId())
    , settings(settingsPath, QSettings::IniFormat)
{
    api.setBaseUrl(server);
    manager = std::make_unique<AuthStateManager>(&api, &store, &settings);
}

QString TestApp::storedKey(const QString &username) const
{
    return TokenStore::keyFor(api.baseUrl(), username);
}

RegistrationInput registrationFor(const QString &username)
{
    return RegistrationInput{username, username + QStringLiteral("@example.com"), kTestPassword,
                             kTestPassword, QStringLiteral("1991-02-03")};
}

ApiResult waitForCall(ApiCall *call)
{
    std::optional<ApiResult> result;
    QObject context;
    QObject::connect(call, &ApiCall::finished, &context,
                     [&result](const ApiResult &answer) { result = answer; });
    if (QTest::qWaitFor([&result]() { return result.has_value(); }, kCallTimeoutMs))
        return *result;
    ApiError error;
    error.technicalDetail = QStringLiteral("no answer in time");
    return error;
}

QJsonObject serverCustomer(const QString &username)
{
    return QJsonDocument::fromJson(manage({QStringLiteral("show_customer"), username})).object();
}

QByteArray tokenExists(const QString &token)
{
    return manage({QStringLiteral("token_exists"), token}).trimmed();
}

QString registerWithToken(ApiClient &api, const QString &username)
{
    const ApiResult result =
        waitForCall(api.registerAccount(registrationJson(registrationFor(username))));
    if (!result.ok())
        return {};
    const QString token = result.value().json.toObject().value(QLatin1String("token")).toString();
    api.setToken(token);
    return token;
}

bool setStaff(const QString &username, bool staff)
{
    const QByteArray answer = manage({QStringLiteral("set_staff"), username,
                                      staff ? QStringLiteral("yes") : QStringLiteral("no")});
    return answer.trimmed() == (staff ? QByteArray("staff yes") : QByteArray("staff no"));
}

QList<qint64> listedIds(const QString &search, const QString &ordering)
{
    const QJsonArray ids =
        QJsonDocument::fromJson(
            manage({QStringLiteral("list_customers"), QStringLiteral("--search=") + search,
                    QStringLiteral("--ordering=") + ordering}))
            .array();
    QList<qint64> result;
    for (const QJsonValue &id : ids)
        result.append(id.toInteger());
    return result;
}

QJsonArray serverHistory(const QString &username)
{
    return QJsonDocument::fromJson(manage({QStringLiteral("customer_history"), username})).array();
}

ApiResult patchAsOtherClient(const QUrl &server, const QString &username, const QJsonObject &body)
{
    ApiClient other;
    other.setBaseUrl(server);
    const ApiResult login = waitForCall(other.login(username, kTestPassword));
    if (!login.ok())
        return login;
    other.setToken(login.value().json.toObject().value(QLatin1String("token")).toString());
    return waitForCall(other.updateProfile(body, {}));
}

} // namespace portal::test
