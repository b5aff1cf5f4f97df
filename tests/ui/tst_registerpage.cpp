#include "birthdateedit.h"
#include "faultserver.h"
#include "messagebanner.h"
#include "registerpage.h"
#include "testenv.h"
#include "uitest.h"

#include <QCheckBox>
#include <QDate>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>

using namespace portal;
using namespace portal::test;
using State = AuthStateManager::State;
using Fields = QMap<QString, QString>;

class TestRegisterPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void accessibleNames_data();
    void accessibleNames();
    void badFieldsShowEachError_data();
    void badFieldsShowEachError();
    void typingClearsThatFieldsError();
    void serverFieldErrorsShowNextToTheirFields();
    void successSignsIn();
    void backToSignIn();
    void enterAnywhereSubmits_data();
    void enterAnywhereSubmits();
    void enterOnBackGoesBack();
    void tabOrderFollowsLayout();
    void throttledRegistrationCountsDown();

private:
    void fill(const Fields &fields);
    Fields validFields(const QString &username) const;

    std::unique_ptr<AuthHarness> m_harness;
    std::unique_ptr<RegisterPage> m_page;
};

void TestRegisterPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(referenceServerUrl().isValid(), "the reference server fixture is not running");
}

void TestRegisterPage::init()
{
    m_harness = std::make_unique<AuthHarness>();
    m_harness->connectToServer();
    m_page = std::make_unique<RegisterPage>(&m_harness->auth);
    m_page->resize(720, 900);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestRegisterPage::cleanup()
{
    m_page.reset();
    m_harness.reset();
}

Fields TestRegisterPage::validFields(const QString &username) const
{
    return {{QStringLiteral("username"), username},
            {QStringLiteral("email"), username + QStringLiteral("@example.org")},
            {QStringLiteral("password"), testPassword()},
            {QStringLiteral("confirm_password"), testPassword()},
            {QStringLiteral("birth_date"), QStringLiteral("1985-06-15")}};
}

void TestRegisterPage::fill(const Fields &fields)
{
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        QLineEdit *edit = m_page->input(it.key());
        QVERIFY2(edit, qPrintable(it.key()));
        edit->clear();
        QTest::keyClicks(edit, it.value());
    }
}

void TestRegisterPage::accessibleNames_data()
{
    QTest::addColumn<QString>("objectName");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("hasCaption");
    QTest::newRow("username") << "username"
                              << "Username" << true;
    QTest::newRow("email") << "email"
                           << "Email" << true;
    QTest::newRow("password") << "password"
                              << "Password" << true;
    QTest::newRow("confirm password") << "confirm_password"
                                      << "Confirm password" << true;
    QTest::newRow("birth date") << "birth_date"
                                << "Birth date" << true;
    QTest::newRow("remember me") << "rememberMe"
                                 << "Remember me" << false;
    QTest::newRow("create account") << "createButton"
                                    << "Create account" << false;
    QTest::newRow("back") << "backButton"
                          << "Back to sign in" << false;
}

void TestRegisterPage::accessibleNames()
{
    QFETCH(QString, objectName);
    QFETCH(QString, name);
    QFETCH(bool, hasCaption);
    auto *widget = m_page->findChild<QWidget *>(objectName);
    QVERIFY(widget);
    QCOMPARE(accessibleName(widget), name);
    if (!hasCaption)
        return;
    // The visible caption says the same words, without a colon.
    QLabel *caption = captionOf(m_page.get(), widget);
    QVERIFY(caption);
    QCOMPARE(caption->text(), name);
}

namespace {

Fields fields(std::initializer_list<std::pair<const char *, const char *>> items)
{
    Fields result;
    for (const auto &[key, value] : items)
        result.insert(QString::fromUtf8(key), QString::fromUtf8(value));
    return result;
}

} // namespace

void TestRegisterPage::badFieldsShowEachError_data()
{
    QTest::addColumn<Fields>("changes");
    QTest::addColumn<Fields>("errors");
    QTest::addColumn<QString>("focus");
    const QByteArray future = QDate::currentDate().addDays(1).toString(Qt::ISODate).toUtf8();
    QTest::newRow("short username")
        << fields({{"username", "ab"}})
        << fields({{"username", "Username must be at least 3 characters."}}) << "username";
    QTest::newRow("bad email") << fields({{"email", "not-an-email"}})
                               << fields({{"email", "Enter a valid email address."}}) << "email";
    QTest::newRow("short password")
        << fields({{"password", "short"}, {"confirm_password", "short"}})
        << fields({{"password", "Password must be at least 8 characters."}}) << "password";
    QTest::newRow("mismatched confirmation")
        << fields({{"confirm_password", "something-else-1"}})
        << fields({{"confirm_password", "Passwords do not match."}}) << "confirm_password";
    QTest::newRow("future birth date")
        << fields({{"birth_date", future.constData()}})
        << fields({{"birth_date", "Birth date can't be in the future."}}) << "birth_date";
    QTest::newRow("everything at once")
        << fields({{"username", "ab"},
                   {"email", "x@"},
                   {"password", "short"},
                   {"confirm_password", "other"},
                   {"birth_date", future.constData()}})
        << fields({{"username", "Username must be at least 3 characters."},
                   {"email", "Enter a valid email address."},
                   {"password", "Password must be at least 8 characters."},
                   {"confirm_password", "Passwords do not match."},
                   {"birth_date", "Birth date can't be in the future."}})
        << "username";
}

void TestRegisterPage::badFieldsShowEachError()
{
    QFETCH(Fields, changes);
    QFETCH(Fields, errors);
    QFETCH(QString, focus);
    Fields typed = validFields(uniqueUsername(QStringLiteral("reg")));
    for (auto it = changes.cbegin(); it != changes.cend(); ++it)
        typed.insert(it.key(), it.value());
    fill(typed);
    QSignalSpy changed(&m_harness->auth, &AuthStateManager::stateChanged);
    click(m_page->createButton());
    // Nothing was sent: the manager never left SignedOut.
    QCOMPARE(changed.count(), 0);
    const QStringList all = validFields(QString()).keys();
    for (const QString &field : all) {
        QCOMPARE(m_page->fieldError(field), errors.value(field));
        auto *label = m_page->findChild<QLabel *>(field + QStringLiteral("Error"));
        QVERIFY(label);
        QCOMPARE(label->isVisible(), errors.contains(field));
    }
    // Focus goes to the first field in error, in the order of the form.
    QTRY_COMPARE(QApplication::focusWidget(), m_page->input(focus));
}

void TestRegisterPage::typingClearsThatFieldsError()
{
    fill({{QStringLiteral("username"), QStringLiteral("ab")}});
    click(m_page->createButton());
    QVERIFY(!m_page->fieldError(QStringLiteral("username")).isEmpty());
    QVERIFY(!m_page->fieldError(QStringLiteral("email")).isEmpty());
    QTest::keyClicks(m_page->input(QStringLiteral("username")), QStringLiteral("c"));
    QVERIFY(m_page->fieldError(QStringLiteral("username")).isEmpty());
    QVERIFY(!m_page->fieldError(QStringLiteral("email")).isEmpty());
}

void TestRegisterPage::serverFieldErrorsShowNextToTheirFields()
{
    const QString taken = uniqueUsername(QStringLiteral("taken"));
    QString error;
    QVERIFY2(createAccount(referenceServerUrl(), taken, &error), qPrintable(error));
    fill(validFields(taken));
    QSignalSpy failed(&m_harness->auth, &AuthStateManager::registrationFailed);
    click(m_page->createButton());
    QVERIFY(failed.wait(30000));
    QVERIFY2(
        m_page->fieldError(QStringLiteral("username")).contains(QStringLiteral("already exists")),
        qPrintable(m_page->fieldError(QStringLiteral("username"))));
    QVERIFY(m_page->fieldError(QStringLiteral("email")).isEmpty());
    QCOMPARE(m_page->banner()->kind(), MessageBanner::Kind::Error);
    QCOMPARE(m_page->banner()->text(), QStringLiteral("Please correct the highlighted fields."));
    // The form is usable again and still holds what was typed.
    QVERIFY(m_page->createButton()->isEnabled());
    QCOMPARE(m_page->input(QStringLiteral("username"))->text(), taken);
    // The form was disabled while waiting; the focus lands on the field to correct.
    QTRY_COMPARE(m_page->focusWidget(), m_page->input(QStringLiteral("username")));
}

void TestRegisterPage::successSignsIn()
{
    const QString username = uniqueUsername(QStringLiteral("newbie"));
    fill(validFields(username));
    QTest::keyClick(m_page->input(QStringLiteral("confirm_password")), Qt::Key_Return);
    QCOMPARE(m_harness->auth.state(), State::SigningIn);
    QVERIFY(!m_page->createButton()->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(m_harness->auth.state(), State::SignedIn, 30000);
    QCOMPARE(m_harness->auth.username(), username);
    QCOMPARE(m_harness->auth.user().birthDate, QDate(1985, 6, 15));
    QCOMPARE(serverField(username, QStringLiteral("birth_date")).toString(),
             QStringLiteral("1985-06-15"));
    // Nothing typed stays behind in the form, not even in its undo history.
    // (Ctrl+Z in a password field only empties it, so the history itself is checked too.)
    for (const char *field : {"username", "password", "confirm_password"}) {
        QLineEdit *edit = m_page->input(QString::fromLatin1(field));
        QVERIFY(edit->text().isEmpty());
        QVERIFY2(!edit->isUndoAvailable(), field);
        QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY2(edit->text().isEmpty(), field);
    }
}

void TestRegisterPage::backToSignIn()
{
    QSignalSpy back(m_page.get(), &RegisterPage::backRequested);
    click(m_page->backButton());
    QCOMPARE(back.count(), 1);
}

void TestRegisterPage::enterAnywhereSubmits_data()
{
    QTest::addColumn<QString>("focus");
    QTest::newRow("remember me") << "rememberMe";
    QTest::newRow("half-typed birth date") << "birth_date";
    QTest::newRow("email") << "email";
}

void TestRegisterPage::enterAnywhereSubmits()
{
    QFETCH(QString, focus);
    Fields typed = validFields(uniqueUsername(QStringLiteral("enter")));
    typed.insert(QStringLiteral("username"), QStringLiteral("ab"));
    // Not a full date yet: the line edit itself does not accept it, the form reports it.
    typed.insert(QStringLiteral("birth_date"), QStringLiteral("1990-"));
    fill(typed);
    auto *target = m_page->findChild<QWidget *>(focus);
    QVERIFY(target);
    target->setFocus();
    QSignalSpy changed(&m_harness->auth, &AuthStateManager::stateChanged);
    QTest::keyClick(target, Qt::Key_Return);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_page->fieldError(QStringLiteral("username")),
             QStringLiteral("Username must be at least 3 characters."));
    QCOMPARE(m_page->fieldError(QStringLiteral("birth_date")),
             QStringLiteral("Enter the birth date as YYYY-MM-DD."));
}

void TestRegisterPage::enterOnBackGoesBack()
{
    fill({{QStringLiteral("username"), QStringLiteral("ab")}});
    QSignalSpy back(m_page.get(), &RegisterPage::backRequested);
    m_page->backButton()->setFocus();
    QTest::keyClick(m_page->backButton(), Qt::Key_Return);
    QCOMPARE(back.count(), 1);
    QVERIFY(m_page->fieldError(QStringLiteral("username")).isEmpty()); // nothing was submitted
}

void TestRegisterPage::throttledRegistrationCountsDown()
{
    // A server that throttles registrations: the wait counts down, Create account stays
    // disabled until it ends, the form keeps what was typed, and nothing is sent meanwhile.
    FaultServer server;
    QVERIFY(server.listen());
    server.route("/api/register/", FaultServer::Response::json(429, R"({"detail": "Throttled."})")
                                       .withHeader("Retry-After", "2"));
    m_harness->api.setBaseUrl(server.url());
    const QString username = uniqueUsername(QStringLiteral("throttled"));
    fill(validFields(username));
    QTest::keyClick(m_page->input(QStringLiteral("confirm_password")), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->banner()->text(),
                              QStringLiteral("Too many attempts. Try again in 2 seconds."), 20000);
    QVERIFY(!m_page->createButton()->isEnabled());
    QCOMPARE(m_page->input(QStringLiteral("username"))->text(), username);
    QTest::keyClick(m_page->input(QStringLiteral("confirm_password")), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->banner()->text(), QStringLiteral("You can try again now."),
                              5000);
    QVERIFY(m_page->createButton()->isEnabled());
    QCOMPARE(server.requests().size(), 1);
}

void TestRegisterPage::tabOrderFollowsLayout()
{
    QList<QWidget *> expected;
    for (const char *field : {"username", "email", "password", "confirm_password", "birth_date"})
        expected += m_page->input(QString::fromLatin1(field));
    expected += {m_page->birthDateEdit()->calendarButton(), m_page->rememberBox(),
                 m_page->createButton(), m_page->backButton()};
    expected.first()->setFocus();
    QTRY_VERIFY(expected.first()->hasFocus());
    for (int i = 1; i < expected.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), expected.at(i));
    }
}

QTEST_MAIN(TestRegisterPage)
#include "tst_registerpage.moc"
