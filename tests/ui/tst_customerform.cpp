#include "birthdateedit.h"
#include "customerform.h"
#include "fielderrorlabel.h"
#include "valuelineedit.h"

#include <QAccessible>
#include <QImage>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace portal;

namespace {

Customer sample()
{
    Customer customer;
    customer.id = 7;
    customer.username = QStringLiteral("alice");
    customer.email = QStringLiteral("alice@example.com");
    customer.firstName = QStringLiteral("Alice");
    customer.lastName = QStringLiteral("Anderson");
    customer.birthDate = QDate(1990, 4, 12);
    return customer;
}

void retype(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

} // namespace

class TestCustomerForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void showsTheCustomer();
    void readOnlyUntilEditing();
    void emptyBirthDateShowsNotSet();
    void notSetOnlyDescribesEmptyValues();
    void birthDateMessages_data();
    void birthDateMessages();
    void richTextShowsLiterally_data();
    void richTextShowsLiterally();
    void changesHoldOnlyEditedFields_data();
    void changesHoldOnlyEditedFields();
    void rebaseKeepsEditsOverFreshData();
    void applyChangesLaysADraftOver();
    void validateChecksEmailAndBirthDate();
    void serverErrorsGoNextToTheirFields();
    void accessibleNamesMatchCaptions_data();
    void accessibleNamesMatchCaptions();
    void tabOrderFollowsLayout();
    void enterSubmitsOnlyWhileEditing();
    void longValuesShowTheirStart();
    void valuesLineUpWithTheirLabels_data();
    void valuesLineUpWithTheirLabels();
    void usernameLooksFixedWhileEditing();

private:
    QLineEdit *input(const char *field) const { return m_form->input(QString::fromLatin1(field)); }

    std::unique_ptr<CustomerForm> m_form;
};

void TestCustomerForm::init()
{
    m_form = std::make_unique<CustomerForm>();
    m_form->setCustomer(sample());
    m_form->resize(480, 480);
    m_form->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_form.get()));
}

void TestCustomerForm::cleanup()
{
    m_form.reset();
}

void TestCustomerForm::showsTheCustomer()
{
    QCOMPARE(input("username")->text(), QStringLiteral("alice"));
    QCOMPARE(input("email")->text(), QStringLiteral("alice@example.com"));
    QCOMPARE(input("first_name")->text(), QStringLiteral("Alice"));
    QCOMPARE(input("last_name")->text(), QStringLiteral("Anderson"));
    QCOMPARE(input("birth_date")->text(), QStringLiteral("1990-04-12"));
    QVERIFY(!m_form->isDirty());
}

void TestCustomerForm::readOnlyUntilEditing()
{
    for (const char *field : {"username", "email", "first_name", "last_name", "birth_date"})
        QVERIFY2(input(field)->isReadOnly(), field);
    m_form->setEditing(true);
    QVERIFY(input("username")->isReadOnly()); // never editable
    for (const char *field : {"email", "first_name", "last_name", "birth_date"})
        QVERIFY2(!input(field)->isReadOnly(), field);
    m_form->setEditing(false);
    QVERIFY(input("email")->isReadOnly());
}

void TestCustomerForm::emptyBirthDateShowsNotSet()
{
    Customer customer = sample();
    customer.birthDate = QDate();
    m_form->setCustomer(customer);
    QVERIFY(input("birth_date")->text().isEmpty());
    QCOMPARE(input("birth_date")->placeholderText(), QStringLiteral("Not set"));
    auto *calendar = m_form->findChild<QToolButton *>();
    QVERIFY(calendar && !calendar->isVisible());
    m_form->setEditing(true);
    QCOMPARE(input("birth_date")->placeholderText(), QStringLiteral("YYYY-MM-DD"));
    QVERIFY(calendar->isVisible());
}

void TestCustomerForm::notSetOnlyDescribesEmptyValues()
{
    // A screen reader reads the name, the description (here the placeholder) and the value.
    const auto description = [this](const char *field) {
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(input(field));
        return iface ? iface->text(QAccessible::Description) : QStringLiteral("(no interface)");
    };
    for (const char *field : {"username", "email", "first_name", "last_name", "birth_date"})
        QVERIFY2(!description(field).contains(QStringLiteral("Not set")), field);
    Customer customer = sample();
    customer.firstName.clear();
    customer.birthDate = QDate();
    m_form->setCustomer(customer);
    QCOMPARE(description("first_name"), QStringLiteral("Not set"));
    QCOMPARE(description("birth_date"), QStringLiteral("Not set"));
    QVERIFY(!description("last_name").contains(QStringLiteral("Not set")));
    // Back to a value: "Not set" goes.
    m_form->setCustomer(sample());
    QVERIFY(!description("first_name").contains(QStringLiteral("Not set")));
    QVERIFY(!description("birth_date").contains(QStringLiteral("Not set")));
    // Emptied while editing, then saved as empty: "Not set" again.
    m_form->setEditing(true);
    QVERIFY(!description("first_name").contains(QStringLiteral("Not set")));
    m_form->setCustomer(customer);
    m_form->setEditing(false);
    QCOMPARE(description("first_name"), QStringLiteral("Not set"));
}

void TestCustomerForm::birthDateMessages_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("message");
    QTest::newRow("not YYYY-MM-DD") << "1990-4-12"
                                    << "Enter the birth date as YYYY-MM-DD.";
    QTest::newRow("no such month") << "2099-13-45"
                                   << "That date doesn't exist.";
    QTest::newRow("no such day") << "1990-02-30"
                                 << "That date doesn't exist.";
    QTest::newRow("future") << "2024-06-02"
                            << "Birth date can't be in the future.";
    QTest::newRow("fine") << "1990-02-28"
                          << "";
}

void TestCustomerForm::birthDateMessages()
{
    QFETCH(QString, typed);
    QFETCH(QString, message);
    m_form->setEditing(true);
    retype(input("birth_date"), typed);
    QCOMPARE(input("birth_date")->text(), typed); // The field lets each of them be typed.
    const FieldErrors errors = m_form->validate(QDate(2024, 6, 1));
    QCOMPARE(errors.value(QStringLiteral("birth_date")), message);
    m_form->showFieldErrors(errors);
    auto *error = m_form->findChild<FieldErrorLabel *>(QStringLiteral("birth_dateError"));
    QVERIFY(error);
    QCOMPARE(error->error(), message);
    QCOMPARE(error->isVisible(), !message.isEmpty());
}

void TestCustomerForm::richTextShowsLiterally_data()
{
    QTest::addColumn<QString>("firstName");
    QTest::newRow("bold") << "<b>Bob</b>";
    QTest::newRow("script") << "<script>alert(1)</script>";
    QTest::newRow("entity") << "O'Brien &amp; <i>Co</i>";
}

void TestCustomerForm::richTextShowsLiterally()
{
    QFETCH(QString, firstName);
    Customer customer = sample();
    customer.firstName = firstName;
    m_form->setCustomer(customer);
    QCOMPARE(input("first_name")->text(), firstName);
    // No label anywhere in the form interprets markup.
    for (QLabel *label : m_form->findChildren<QLabel *>())
        QVERIFY(label->textFormat() == Qt::PlainText || !label->text().contains(QLatin1Char('<')));
}

void TestCustomerForm::changesHoldOnlyEditedFields_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QJsonObject>("changes");
    QTest::newRow("first name") << "first_name"
                                << "Alicia"
                                << QJsonObject{
                                       {QStringLiteral("first_name"), QStringLiteral("Alicia")}};
    QTest::newRow("email, trimmed")
        << "email"
        << "  new@example.com "
        << QJsonObject{{QStringLiteral("email"), QStringLiteral("new@example.com")}};
    QTest::newRow("birth date") << "birth_date"
                                << "1991-01-02"
                                << QJsonObject{{QStringLiteral("birth_date"),
                                                QStringLiteral("1991-01-02")}};
    QTest::newRow("birth date cleared")
        << "birth_date"
        << "" << QJsonObject{{QStringLiteral("birth_date"), QJsonValue::Null}};
    QTest::newRow("same text again") << "last_name"
                                     << "Anderson" << QJsonObject();
}

void TestCustomerForm::changesHoldOnlyEditedFields()
{
    QFETCH(QString, field);
    QFETCH(QString, typed);
    QFETCH(QJsonObject, changes);
    m_form->setEditing(true);
    QSignalSpy edited(m_form.get(), &CustomerForm::edited);
    retype(m_form->input(field), typed);
    QVERIFY(edited.count() > 0);
    QCOMPARE(m_form->changes().toJson(), changes);
    QCOMPARE(m_form->isDirty(), !changes.isEmpty());
    m_form->setCustomer(sample());
    QVERIFY(!m_form->isDirty());
}

void TestCustomerForm::rebaseKeepsEditsOverFreshData()
{
    m_form->setEditing(true);
    retype(input("first_name"), QStringLiteral("Alicia"));
    Customer fresh = sample();
    fresh.lastName = QStringLiteral("Changed-Elsewhere");
    m_form->rebase(fresh);
    QCOMPARE(input("first_name")->text(), QStringLiteral("Alicia"));
    QCOMPARE(input("last_name")->text(), QStringLiteral("Changed-Elsewhere"));
    QCOMPARE(m_form->changes().toJson(),
             (QJsonObject{{QStringLiteral("first_name"), QStringLiteral("Alicia")}}));
    // Someone else made the same change: nothing is left to send.
    fresh.firstName = QStringLiteral("Alicia");
    m_form->rebase(fresh);
    QVERIFY(m_form->changes().isEmpty());
}

void TestCustomerForm::applyChangesLaysADraftOver()
{
    m_form->setEditing(true);
    m_form->applyChanges(portal::CustomerChanges::fromJson(
        {{QStringLiteral("first_name"), QStringLiteral("Draft")},
         {QStringLiteral("birth_date"), QJsonValue::Null},
         {QStringLiteral("username"), QStringLiteral("ignored")}}));
    QCOMPARE(input("first_name")->text(), QStringLiteral("Draft"));
    QVERIFY(input("birth_date")->text().isEmpty());
    QCOMPARE(input("username")->text(), QStringLiteral("alice"));
    QCOMPARE(m_form->changes().toJson(),
             (QJsonObject{{QStringLiteral("first_name"), QStringLiteral("Draft")},
                          {QStringLiteral("birth_date"), QJsonValue::Null}}));
}

void TestCustomerForm::validateChecksEmailAndBirthDate()
{
    m_form->setEditing(true);
    const QDate today(2024, 6, 1);
    QVERIFY(m_form->validate(today).isEmpty());
    retype(input("email"), QStringLiteral("nope"));
    retype(input("birth_date"), QStringLiteral("2024-06-02"));
    const FieldErrors errors = m_form->validate(today);
    QCOMPARE(errors.value(QStringLiteral("email")), QStringLiteral("Enter a valid email address."));
    QCOMPARE(errors.value(QStringLiteral("birth_date")),
             QStringLiteral("Birth date can't be in the future."));
    m_form->showFieldErrors(errors);
    auto *emailError = m_form->findChild<FieldErrorLabel *>(QStringLiteral("emailError"));
    QVERIFY(emailError && emailError->isVisible());
    QCOMPARE(input("email")->accessibleDescription(),
             QStringLiteral("Enter a valid email address."));
    m_form->setEditing(false);
    QVERIFY(!emailError->isVisible());
}

void TestCustomerForm::serverErrorsGoNextToTheirFields()
{
    m_form->setEditing(true);
    const QStringList elsewhere = m_form->showServerErrors(
        {{QStringLiteral("email"), {QStringLiteral("Enter a valid email address.")}},
         {QStringLiteral("nickname"), {QStringLiteral("Unknown field.")}}});
    QCOMPARE(elsewhere, QStringList{QStringLiteral("Unknown field.")});
    auto *emailError = m_form->findChild<FieldErrorLabel *>(QStringLiteral("emailError"));
    QCOMPARE(emailError->error(), QStringLiteral("Enter a valid email address."));
    QCOMPARE(emailError->textFormat(), Qt::PlainText);
}

void TestCustomerForm::accessibleNamesMatchCaptions_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("name");
    QTest::newRow("username") << "username"
                              << "Username";
    QTest::newRow("email") << "email"
                           << "Email";
    QTest::newRow("first name") << "first_name"
                                << "First name";
    QTest::newRow("last name") << "last_name"
                               << "Last name";
    QTest::newRow("birth date") << "birth_date"
                                << "Birth date";
}

void TestCustomerForm::accessibleNamesMatchCaptions()
{
    QFETCH(QString, field);
    QFETCH(QString, name);
    QLineEdit *edit = m_form->input(field);
    QCOMPARE(edit->accessibleName(), name);
    bool captioned = false;
    for (QLabel *label : m_form->findChildren<QLabel *>())
        captioned = captioned || (label->buddy() == edit && label->text() == name);
    QVERIFY(captioned);
}

void TestCustomerForm::tabOrderFollowsLayout()
{
    m_form->setEditing(true);
    input("username")->setFocus();
    QTRY_VERIFY(input("username")->hasFocus());
    for (const char *field : {"email", "first_name", "last_name", "birth_date"}) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), input(field));
    }
}

void TestCustomerForm::enterSubmitsOnlyWhileEditing()
{
    QSignalSpy submitted(m_form.get(), &CustomerForm::submitted);
    QTest::keyClick(input("email"), Qt::Key_Return);
    QCOMPARE(submitted.count(), 0);
    m_form->setEditing(true);
    QTest::keyClick(input("email"), Qt::Key_Return);
    QTest::keyClick(input("birth_date"), Qt::Key_Return);
    QCOMPARE(submitted.count(), 2);
}

void TestCustomerForm::longValuesShowTheirStart()
{
    Customer customer = sample();
    customer.email = QStringLiteral("a.very.long.address.") + QString(80, QLatin1Char('x')) +
                     QStringLiteral("@example.com");
    customer.lastName = QStringLiteral("Montgomery-Fitzwilliam-Hargreaves-Smythe-Worthington");
    m_form->resize(260, 480);
    m_form->setCustomer(customer);
    auto *email = qobject_cast<ValueLineEdit *>(input("email"));
    QVERIFY(email);
    // The start shows, the end is elided; the whole value is the tooltip and the accessible value.
    QVERIFY(email->isElided());
    QVERIFY2(email->shownText().startsWith(QStringLiteral("a.very.long")),
             qPrintable(email->shownText()));
    QVERIFY(email->shownText().endsWith(QChar(0x2026)));
    QCOMPARE(email->toolTip(), customer.email);
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(email);
    QVERIFY(accessible);
    QCOMPARE(accessible->text(QAccessible::Value), customer.email);
    QCOMPARE(email->cursorPosition(), 0);
    // A short value is not elided and has no tooltip repeating it.
    QVERIFY(!qobject_cast<ValueLineEdit *>(input("first_name"))->isElided());
    QVERIFY(input("first_name")->toolTip().isEmpty());
    // Edit mode starts at the beginning of the value too.
    m_form->setEditing(true);
    QCOMPARE(email->cursorPosition(), 0);
    QCOMPARE(input("last_name")->cursorPosition(), 0);
}

void TestCustomerForm::valuesLineUpWithTheirLabels_data()
{
    QTest::addColumn<QString>("field");
    QTest::newRow("email") << QStringLiteral("email");
    QTest::newRow("birth date") << QStringLiteral("birth_date");
}

namespace {

/// The x of the leftmost ink of @p widget as drawn now, in @p form's coordinates; -1 if none.
int leftmostInk(QWidget *form, QWidget *widget)
{
    QImage image(form->size() * 2, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(2);
    image.fill(Qt::white);
    const QRect area(widget->mapTo(form, QPoint(0, 0)), widget->size());
    widget->render(&image, area.topLeft());
    for (int x = area.left() * 2; x < area.right() * 2; ++x) {
        for (int y = area.top() * 2; y < area.bottom() * 2; ++y) {
            if (qGray(image.pixel(x, y)) < 160)
                return x / 2;
        }
    }
    return -1;
}

} // namespace

void TestCustomerForm::valuesLineUpWithTheirLabels()
{
    QFETCH(QString, field);
    // The value's first character starts where its caption's does, focused or not.
    auto *value = qobject_cast<ValueLineEdit *>(m_form->input(field));
    QVERIFY(value);
    QLabel *caption = nullptr;
    for (QLabel *label : m_form->findChildren<QLabel *>()) {
        if (label->buddy() == value)
            caption = label;
    }
    QVERIFY(caption);
    const int captionX = caption->mapTo(m_form.get(), caption->contentsRect().topLeft()).x();
    // The first glyph's ink starts its left bearing after the text's origin ("1" more than "a").
    const int bearing = qMax(0, value->fontMetrics().leftBearing(value->text().at(0)));
    for (const bool focused : {false, true}) {
        if (focused)
            value->setFocus();
        else
            value->clearFocus();
        QCOMPARE(value->hasFocus(), focused);
        const int inkX = leftmostInk(m_form.get(), value);
        QVERIFY(inkX >= 0);
        QVERIFY2(qAbs(inkX - bearing - captionX) <= 1,
                 qPrintable(QStringLiteral("focused %1: value at %2 (bearing %3), caption at %4")
                                .arg(focused)
                                .arg(inkX)
                                .arg(bearing)
                                .arg(captionX)));
    }
}

void TestCustomerForm::usernameLooksFixedWhileEditing()
{
    QLineEdit *username = input("username");
    const QColor normal = username->palette().color(QPalette::Text);
    m_form->setEditing(true);
    QVERIFY(username->palette().color(QPalette::Text) != normal);
    QCOMPARE(username->accessibleDescription(), QStringLiteral("Can't be changed."));
    m_form->setEditing(false);
    QCOMPARE(username->palette().color(QPalette::Text), normal);
    QVERIFY(username->accessibleDescription().isEmpty());
}

QTEST_MAIN(TestCustomerForm)
#include "tst_customerform.moc"
