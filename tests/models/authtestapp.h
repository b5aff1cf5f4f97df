#pragma once

#include "apiclient.h"
#include "authstatemanager.h"
#include "tokenstore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSettings>
#include <QString>
#include <QUrl>

#include <memory>

namespace portal::test {

inline const QString kTestPassword = QStringLiteral("correct-horse-9");

/// One run of the application: its own ApiClient and TokenStore, settings in a given file.
struct TestApp
{
    TestApp(const QString &settingsPath, const QUrl &server);

    QString storedKey(const QString &username) const;

    ApiClient api;
    TokenStore store;
    QSettings settings;
    std::unique_ptr<AuthStateManager> manager;
};

/// A valid registration for @p username with kTestPassword.
RegistrationInput registrationFor(const QString &username);

/// Waits for @p call to finish; a BadResponse error when it does not in time.
ApiResult waitForCall(ApiCall *call);

/// The customer as the fixture server's database has it (manage.py show_customer).
QJsonObject serverCustomer(const QString &username);

/// "yes" or "no": whether the fixture server knows @p token (manage.py token_exists).
QByteArray tokenExists(const QString &token);

/// Registers @p username on @p api's server and gives @p api its token; empty on failure.
QString registerWithToken(ApiClient &api, const QString &username);

/// Makes @p username support staff on the fixture server, or takes it away (manage.py set_staff).
bool setStaff(const QString &username, bool staff);

/// The ids GET /api/customers/ lists for @p search and @p ordering, from the fixture database.
QList<qint64> listedIds(const QString &search, const QString &ordering);

/// @p username's staff edit history as the fixture server has it (newest first).
QJsonArray serverHistory(const QString &username);

/// A second client of the same account changes the profile behind the manager's back.
ApiResult patchAsOtherClient(const QUrl &server, const QString &username, const QJsonObject &body);

} // namespace portal::test
