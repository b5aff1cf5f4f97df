#include "uitest.h"

#include "mainwindow.h"
#include "testenv.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QTest>

#include <algorithm>
#include <optional>

namespace portal::test {

QString testPassword()
{
    return QStringLiteral("test-password-1");
}

bool createAccount(const QUrl &server, const QString &username, QString *error)
{
    ApiClient api;
    api.setBaseUrl(server);
    QJsonObject fields;
    fields.insert(QStringLiteral("username"), username);
    fields.insert(QStringLiteral("email"), QString(username + QStringLiteral("@example.org")));
    fields.insert(QStringLiteral("password"), testPassword());
    ApiCall *call = api.registerAccount(fields);
    std::optional<ApiResult> result;
    QObject::connect(call, &ApiCall::finished, &api,
                     [&result](const ApiResult &answer) { result = answer; });
    if (!QTest::qWaitFor([&result]() { return result.has_value(); }, 30000)) {
        if (error)
            *error = QStringLiteral("register did not answer");
        return false;
    }
    if (!result->ok() && error)
        *error = QStringLiteral("register failed: ") + result->error().userMessage();
    return result->ok();
}

QJsonValue serverField(const QString &username, const QString &field)
{
    const QByteArray json = manage({QStringLiteral("show_customer"), username});
    return QJsonDocument::fromJson(json).object().value(field);
}

TokenStoreResult readToken(TokenStore &store, const QString &key)
{
    QObject context;
    std::optional<TokenStoreResult> result;
    store.read(key, &context, [&result](const TokenStoreResult &answer) { result = answer; });
    if (!QTest::qWaitFor([&result]() { return result.has_value(); }, 30000))
        return {};
    return result.value_or(TokenStoreResult{});
}

QMessageBox *findMessageBox(const QString &objectName)
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        auto *box = qobject_cast<QMessageBox *>(widget);
        if (box && box->isVisible() && box->objectName() == objectName)
            return box;
    }
    return nullptr;
}

bool clickBoxButton(QMessageBox *box, const QString &buttonName)
{
    auto *button = box->findChild<QAbstractButton *>(buttonName);
    if (!button)
        return false;
    button->click();
    return true;
}

void buildEveryPage(MainWindow *window)
{
    window->signInPage();
    window->registerPage();
    window->profilePage();
    window->restoringPage();
    window->customersPage();
    window->customerEditPage();
}

void settle()
{
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

void click(QWidget *widget)
{
    settle();
    QTest::mouseClick(widget, Qt::LeftButton);
}

QString accessibleName(QWidget *widget)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
    return iface ? iface->text(QAccessible::Name) : QString();
}

QLabel *captionOf(QWidget *parent, QWidget *widget)
{
    const QList<QLabel *> labels = parent->findChildren<QLabel *>();
    const auto found = std::find_if(labels.cbegin(), labels.cend(),
                                    [widget](QLabel *label) { return label->buddy() == widget; });
    return found == labels.cend() ? nullptr : *found;
}

namespace {

QString describe(QWidget *widget, QAccessibleInterface *iface)
{
    const QString name = iface ? iface->text(QAccessible::Name) : QString();
    return QStringLiteral("%1 \"%2\" (%3, role %4)")
        .arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName(), name)
        .arg(int(iface ? iface->role() : QAccessible::NoRole));
}

// Client is what AT-SPI calls a "filler": a container, not a control.
bool isFiller(QAccessibleInterface *iface)
{
    return !iface || iface->role() == QAccessible::Client || iface->role() == QAccessible::NoRole;
}

bool isAnonymous(QAccessibleInterface *iface)
{
    return isFiller(iface) || iface->text(QAccessible::Name).trimmed().isEmpty();
}

// What a screen reader could not name about the focused @p stop.
QStringList unnamedAt(QWidget *stop)
{
    QStringList unnamed;
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(stop);
    if (isAnonymous(iface))
        unnamed.append(describe(stop, iface));
    // A container that says it has the focus too (a focus proxy's owner does) is what a screen
    // reader may find first, and announce: a "filler".
    for (QWidget *up = stop->parentWidget(); up && !up->isWindow(); up = up->parentWidget()) {
        QAccessibleInterface *outer = QAccessible::queryAccessibleInterface(up);
        if (outer && outer->state().focused && isFiller(outer))
            unnamed.append(describe(up, outer) + QStringLiteral(" around ") +
                           describe(stop, iface));
    }
    return unnamed;
}

} // namespace

TabWalk walkTabChain()
{
    TabWalk walk;
    QWidget *first = QApplication::focusWidget();
    if (!first)
        return walk;
    constexpr int kMaxStops = 100;
    for (QWidget *now = first; now && !walk.stops.contains(now) && walk.stops.size() < kMaxStops;
         now = QApplication::focusWidget()) {
        walk.stops.append(now);
        walk.unnamed += unnamedAt(now);
        QTest::keyClick(now, Qt::Key_Tab);
    }
    return walk;
}

AuthHarness::AuthHarness()
    : settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat)
    , tokens(QStringLiteral(PORTAL_APP_ID))
    , auth(&api, &tokens, &settings)
{}

void AuthHarness::connectToServer()
{
    auth.changeServer(referenceServerUrl());
}

bool AuthHarness::signIn(const QString &username, bool remember)
{
    auth.signIn(username, testPassword(), remember);
    const bool answered = QTest::qWaitFor(
        [this]() { return auth.state() != AuthStateManager::State::SigningIn; }, 30000);
    return answered && auth.state() == AuthStateManager::State::SignedIn;
}

} // namespace portal::test
