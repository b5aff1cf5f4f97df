#include "validation.h"

#include <QJsonDocument>
#include <QTest>

using namespace portal;

namespace {

const QString kUsernameShort = QStringLiteral("Username must be at least 3 characters.");
const QString kEmailInvalid = QStringLiteral("Enter a valid email address.");
const QString kPasswordShort = QStringLiteral("Password must be at least 8 characters.");
const QString kPasswordsDiffer = QStringLiteral("Passwords do not match.");
const QString kDateFormat = QStringLiteral("Enter the birth date as YYYY-MM-DD.");
const QString kDateFuture = QStringLiteral("Birth date can't be in the future.");
const QString kDateMissing = QStringLiteral("That date doesn't exist.");

const QDate kToday(2024, 6, 15);

RegistrationInput validInput()
{
    return RegistrationInput{QStringLiteral("carol"), QStringLiteral("carol@example.com"),
                             QStringLiteral("correct horse"), QStringLiteral("correct horse"),
                             QStringLiteral("1985-01-31")};
}

} // namespace

class tst_Validation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void username_data();
    void username();
    void email_data();
    void email();
    void password_data();
    void password();
    void confirmation_data();
    void confirmation();
    void birthDate_data();
    void birthDate();
    void parseIsoDate_data();
    void parseIsoDate();
    void registration_data();
    void registration();
    void profile_data();
    void profile();
    void registrationJson_data();
    void registrationJson();
};

void tst_Validation::username_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << QString() << kUsernameShort;
    QTest::newRow("two characters") << QStringLiteral("ab") << kUsernameShort;
    QTest::newRow("three characters") << QStringLiteral("abc") << QString();
    QTest::newRow("long") << QStringLiteral("a_rather_long_username") << QString();
    QTest::newRow("two characters padded with spaces") << QStringLiteral("  ab ") << kUsernameShort;
    QTest::newRow("three non-ASCII characters") << QStringLiteral("Zoë") << QString();
}

void tst_Validation::username()
{
    QFETCH(QString, username);
    QFETCH(QString, message);
    QCOMPARE(validateUsername(username), message);
}

void tst_Validation::email_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("message");

    QTest::newRow("plain") << QStringLiteral("a@example.com") << QString();
    QTest::newRow("subdomain and plus")
        << QStringLiteral("first.last+tag@mail.example.co.uk") << QString();
    QTest::newRow("surrounding spaces") << QStringLiteral(" a@example.com ") << QString();
    QTest::newRow("empty") << QString() << kEmailInvalid;
    QTest::newRow("no at") << QStringLiteral("example.com") << kEmailInvalid;
    QTest::newRow("two ats") << QStringLiteral("a@b@example.com") << kEmailInvalid;
    QTest::newRow("empty local part") << QStringLiteral("@example.com") << kEmailInvalid;
    QTest::newRow("empty domain") << QStringLiteral("a@") << kEmailInvalid;
    QTest::newRow("domain without dot") << QStringLiteral("a@localhost") << kEmailInvalid;
    QTest::newRow("space inside") << QStringLiteral("a b@example.com") << kEmailInvalid;
    QTest::newRow("domain ends with dot") << QStringLiteral("a@example.") << kEmailInvalid;
    QTest::newRow("domain starts with dot") << QStringLiteral("a@.example.com") << kEmailInvalid;
    QTest::newRow("empty domain label") << QStringLiteral("a@example..com") << kEmailInvalid;
}

void tst_Validation::email()
{
    QFETCH(QString, email);
    QFETCH(QString, message);
    QCOMPARE(validateEmail(email), message);
}

void tst_Validation::password_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << QString() << kPasswordShort;
    QTest::newRow("seven characters") << QStringLiteral("1234567") << kPasswordShort;
    QTest::newRow("eight characters") << QStringLiteral("12345678") << QString();
    QTest::newRow("long passphrase") << QStringLiteral("correct horse battery staple") << QString();
}

void tst_Validation::password()
{
    QFETCH(QString, password);
    QFETCH(QString, message);
    QCOMPARE(validatePassword(password), message);
}

void tst_Validation::confirmation_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("confirmation");
    QTest::addColumn<QString>("message");

    QTest::newRow("same") << QStringLiteral("secret-123") << QStringLiteral("secret-123")
                          << QString();
    QTest::newRow("different") << QStringLiteral("secret-123") << QStringLiteral("secret-124")
                               << kPasswordsDiffer;
    QTest::newRow("case differs") << QStringLiteral("Secret-123") << QStringLiteral("secret-123")
                                  << kPasswordsDiffer;
    QTest::newRow("confirmation empty")
        << QStringLiteral("secret-123") << QString() << kPasswordsDiffer;
    QTest::newRow("both empty") << QString() << QString() << QString();
}

void tst_Validation::confirmation()
{
    QFETCH(QString, password);
    QFETCH(QString, confirmation);
    QFETCH(QString, message);
    QCOMPARE(validatePasswordConfirmation(password, confirmation), message);
}

void tst_Validation::birthDate_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty is fine") << QString() << QString();
    QTest::newRow("only spaces is fine") << QStringLiteral("   ") << QString();
    QTest::newRow("yesterday") << QStringLiteral("2024-06-14") << QString();
    QTest::newRow("today") << QStringLiteral("2024-06-15") << QString();
    QTest::newRow("tomorrow") << QStringLiteral("2024-06-16") << kDateFuture;
    QTest::newRow("next year") << QStringLiteral("2025-01-01") << kDateFuture;
    QTest::newRow("long ago") << QStringLiteral("1901-02-28") << QString();
    QTest::newRow("day first") << QStringLiteral("15/06/2024") << kDateFormat;
    QTest::newRow("no zero padding") << QStringLiteral("2024-6-5") << kDateFormat;
    QTest::newRow("with time") << QStringLiteral("2020-01-01T10:00") << kDateFormat;
    QTest::newRow("words") << QStringLiteral("last spring") << kDateFormat;
    QTest::newRow("half typed") << QStringLiteral("1990-04") << kDateFormat;
    QTest::newRow("three-digit year") << QStringLiteral("990-04-12") << kDateFormat;
    // In the right shape, but not in any calendar.
    QTest::newRow("29 February, not a leap year") << QStringLiteral("2023-02-29") << kDateMissing;
    QTest::newRow("31 April") << QStringLiteral("2020-04-31") << kDateMissing;
    QTest::newRow("day 00") << QStringLiteral("2020-01-00") << kDateMissing;
    QTest::newRow("month 13") << QStringLiteral("2020-13-01") << kDateMissing;
    QTest::newRow("month 00") << QStringLiteral("2020-00-10") << kDateMissing;
    QTest::newRow("year 0000") << QStringLiteral("0000-01-01") << kDateMissing;
    // Not existing comes before the future: the date has to be fixed first.
    QTest::newRow("month 13 and day 45 in the future")
        << QStringLiteral("2099-13-45") << kDateMissing;
    QTest::newRow("far future") << QStringLiteral("2099-12-31") << kDateFuture;
    QTest::newRow("leap day that exists") << QStringLiteral("2024-02-29") << QString();
}

void tst_Validation::birthDate()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    QCOMPARE(validateBirthDate(text, kToday), message);
}

void tst_Validation::parseIsoDate_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("expected");

    QTest::newRow("valid") << QStringLiteral("1990-04-12") << QDate(1990, 4, 12);
    QTest::newRow("leap day") << QStringLiteral("2024-02-29") << QDate(2024, 2, 29);
    QTest::newRow("surrounding spaces") << QStringLiteral(" 1990-04-12 ") << QDate(1990, 4, 12);
    QTest::newRow("empty") << QString() << QDate();
    QTest::newRow("not a leap year") << QStringLiteral("2023-02-29") << QDate();
    QTest::newRow("slashes") << QStringLiteral("1990/04/12") << QDate();
    QTest::newRow("five digit year") << QStringLiteral("19900-04-12") << QDate();
    QTest::newRow("signed year") << QStringLiteral("+1990-04-12") << QDate();
    QTest::newRow("non-ASCII digits") << QStringLiteral("١٩٩٠-٠٤-١٢") << QDate();
    QTest::newRow("month 13") << QStringLiteral("2020-13-01") << QDate();
}

void tst_Validation::parseIsoDate()
{
    QFETCH(QString, text);
    QFETCH(QDate, expected);
    QCOMPARE(portal::parseIsoDate(text), expected);
}

void tst_Validation::registration_data()
{
    QTest::addColumn<RegistrationInput>("input");
    QTest::addColumn<FieldErrors>("expected");

    RegistrationInput noDate = validInput();
    noDate.birthDate.clear();
    RegistrationInput emptyEmail = validInput();
    emptyEmail.email.clear();
    RegistrationInput mismatch = validInput();
    mismatch.confirmPassword = QStringLiteral("correct horse!");
    RegistrationInput future = validInput();
    future.birthDate = QStringLiteral("2030-01-01");
    const RegistrationInput allWrong{QStringLiteral("ab"), QStringLiteral("nope"),
                                     QStringLiteral("short"), QStringLiteral("other"),
                                     QStringLiteral("01.01.1990")};

    QTest::newRow("all valid") << validInput() << FieldErrors();
    QTest::newRow("no birth date") << noDate << FieldErrors();
    QTest::newRow("empty email") << emptyEmail
                                 << FieldErrors{{QStringLiteral("email"), kEmailInvalid}};
    QTest::newRow("passwords differ")
        << mismatch << FieldErrors{{QStringLiteral("confirm_password"), kPasswordsDiffer}};
    QTest::newRow("future birth date")
        << future << FieldErrors{{QStringLiteral("birth_date"), kDateFuture}};
    QTest::newRow("everything wrong")
        << allWrong
        << FieldErrors{{QStringLiteral("username"), kUsernameShort},
                       {QStringLiteral("email"), kEmailInvalid},
                       {QStringLiteral("password"), kPasswordShort},
                       {QStringLiteral("confirm_password"), kPasswordsDiffer},
                       {QStringLiteral("birth_date"), kDateFormat}};
}

void tst_Validation::registration()
{
    QFETCH(RegistrationInput, input);
    QFETCH(FieldErrors, expected);
    QCOMPARE(validateRegistration(input, kToday), expected);
}

void tst_Validation::profile_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("birthDate");
    QTest::addColumn<FieldErrors>("expected");

    QTest::newRow("valid") << QStringLiteral("a@example.com") << QStringLiteral("1990-04-12")
                           << FieldErrors();
    QTest::newRow("no birth date") << QStringLiteral("a@example.com") << QString() << FieldErrors();
    QTest::newRow("empty email") << QString() << QString()
                                 << FieldErrors{{QStringLiteral("email"), kEmailInvalid}};
    QTest::newRow("both wrong") << QStringLiteral("a@b") << QStringLiteral("2024-06-16")
                                << FieldErrors{{QStringLiteral("email"), kEmailInvalid},
                                               {QStringLiteral("birth_date"), kDateFuture}};
    QTest::newRow("date that doesn't exist")
        << QStringLiteral("a@example.com") << QStringLiteral("1990-02-30")
        << FieldErrors{{QStringLiteral("birth_date"), kDateMissing}};
}

void tst_Validation::profile()
{
    QFETCH(QString, email);
    QFETCH(QString, birthDate);
    QFETCH(FieldErrors, expected);
    QCOMPARE(validateProfile(email, birthDate, kToday), expected);
}

void tst_Validation::registrationJson_data()
{
    QTest::addColumn<RegistrationInput>("input");
    QTest::addColumn<QByteArray>("expected");

    RegistrationInput noDate = validInput();
    noDate.birthDate.clear();
    RegistrationInput padded = validInput();
    padded.username = QStringLiteral(" carol ");
    padded.email = QStringLiteral(" carol@example.com ");
    padded.password = QStringLiteral(" correct horse ");

    QTest::newRow("with birth date")
        << validInput() << QByteArray(R"({"username": "carol", "email": "carol@example.com",
                          "password": "correct horse", "birth_date": "1985-01-31"})");
    QTest::newRow("without birth date")
        << noDate << QByteArray(R"({"username": "carol", "email": "carol@example.com",
                          "password": "correct horse"})");
    QTest::newRow("names trimmed, password kept as typed")
        << padded << QByteArray(R"({"username": "carol", "email": "carol@example.com",
                          "password": " correct horse ", "birth_date": "1985-01-31"})");
}

void tst_Validation::registrationJson()
{
    QFETCH(RegistrationInput, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(portal::registrationJson(input), QJsonDocument::fromJson(expected).object());
}

QTEST_APPLESS_MAIN(tst_Validation)

#include "tst_validation.moc"
