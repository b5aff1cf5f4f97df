#include "mainwindow.h"
#include "portalapp.h"
#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace portal;

namespace {

QString translate(const char *context, const char *source)
{
    return QCoreApplication::translate(context, source);
}

struct Message
{
    QString context;
    QString source;
    QStringList translations; ///< One per plural form, or one.
    QString type;             ///< "unfinished", "vanished", "obsolete" or empty.
};

QList<Message> readCatalogue(const QString &path)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return messages;
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            messages.append({context, {}, {}, {}});
        } else if (xml.name() == QLatin1String("source") && !messages.isEmpty()) {
            messages.last().source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation") && !messages.isEmpty()) {
            messages.last().type = xml.attributes().value(QLatin1String("type")).toString();
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            messages.last().translations.append(text.trimmed());
        } else if (xml.name() == QLatin1String("numerusform") && !messages.isEmpty()) {
            messages.last().translations.append(xml.readElementText());
        }
    }
    return messages;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(\\d|n)"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found += it.next().captured();
    found.sort();
    found.removeDuplicates();
    return found;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsTheLocalesTranslation_data();
    void loadsTheLocalesTranslation();
    void customerCount_data();
    void customerCount();
    void germanCoversEveryLayer_data();
    void germanCoversEveryLayer();
    void germanPluralForms();
    void catalogueIsComplete();
    void everyCatalogueIsEmbedded();
    void englishPlurals_data();
    void englishPlurals();
    void windowTitlesEndWithTheDisplayName_data();
    void windowTitlesEndWithTheDisplayName();
};

void TestTranslations::loadsTheLocalesTranslation_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("signIn");
    QTest::newRow("German") << QLocale(QLocale::German, QLocale::Germany) << "de"
                            << "Anmelden";
    QTest::newRow("Austrian German") << QLocale(QLocale::German, QLocale::Austria) << "de"
                                     << "Anmelden";
    QTest::newRow("English, the source") << QLocale(QLocale::English, QLocale::UnitedStates) << ""
                                         << "Sign in";
    QTest::newRow("no translation: English") << QLocale(QLocale::Japanese, QLocale::Japan) << ""
                                             << "Sign in";
}

void TestTranslations::loadsTheLocalesTranslation()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, language);
    QFETCH(QString, signIn);
    {
        const Translations translations(locale);
        QCOMPARE(translations.language(), language);
        QCOMPARE(translate("portal::SignInPage", "Sign in"), signIn);
    }
    // Uninstalled with the object.
    QCOMPARE(translate("portal::SignInPage", "Sign in"), QStringLiteral("Sign in"));
}

void TestTranslations::englishPlurals_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<int>("seconds");
    QTest::addColumn<QString>("text");
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    QTest::newRow("English, one") << english << 1 << "Too many attempts. Try again in 1 second.";
    QTest::newRow("English, many")
        << english << 30 << "Too many attempts. Try again in 30 seconds.";
    QTest::newRow("no translation, one") << QLocale(QLocale::Japanese, QLocale::Japan) << 1
                                         << "Too many attempts. Try again in 1 second.";
    QTest::newRow("German, one") << QLocale(QLocale::German, QLocale::Germany) << 1
                                 << "Zu viele Versuche. Versuchen Sie es in 1 Sekunde erneut.";
}

void TestTranslations::englishPlurals()
{
    QFETCH(QLocale, locale);
    QFETCH(int, seconds);
    QFETCH(QString, text);
    const Translations translations(locale);
    QCOMPARE(QCoreApplication::translate("ApiError", "Too many attempts. Try again in %n seconds.",
                                         nullptr, seconds),
             text);
}

void TestTranslations::customerCount_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("text");
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    const QLocale german(QLocale::German, QLocale::Germany);
    QTest::newRow("English, one") << english << 1 << "1 customer";
    QTest::newRow("English, none") << english << 0 << "0 customers";
    QTest::newRow("English, many, grouped") << english << 100012 << "100,012 customers";
    QTest::newRow("German, one") << german << 1 << "1 Kunde";
    QTest::newRow("German, many, grouped") << german << 100012 << "100.012 Kunden";
}

void TestTranslations::customerCount()
{
    QFETCH(QLocale, locale);
    QFETCH(int, count);
    QFETCH(QString, text);
    const Translations translations(locale);
    const QLocale previous;
    QLocale::setDefault(locale); // %Ln formats with the default locale.
    const QString shown =
        QCoreApplication::translate("portal::CustomersPage", "%Ln customer(s)", nullptr, count);
    QLocale::setDefault(previous);
    QCOMPARE(shown, text);
}

void TestTranslations::germanCoversEveryLayer_data()
{
    QTest::addColumn<QByteArray>("context");
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("german");
    QTest::newRow("network: error")
        << QByteArray("ApiError") << QByteArray("Wrong username or password.")
        << "Falscher Benutzername oder falsches Passwort.";
    QTest::newRow("network: url rule")
        << QByteArray("ServerUrl")
        << QByteArray("Plain http is allowed only to this computer; use https.")
        << "Unverschlüsseltes http ist nur zu diesem Computer erlaubt; verwenden Sie https.";
    QTest::newRow("models: validation")
        << QByteArray("portal::Validation") << QByteArray("Passwords do not match.")
        << "Die Passwörter stimmen nicht überein.";
    QTest::newRow("ui: window title")
        << QByteArray("portal::MainWindow") << QByteArray("Customer Portal") << "Kundenportal";
    QTest::newRow("ui: form") << QByteArray("portal::CustomerForm") << QByteArray("Birth date")
                              << "Geburtsdatum";
    QTest::newRow("app: command line")
        << QByteArray("portal::CommandLine") << QByteArray("Unexpected argument: %1")
        << "Unerwartetes Argument: %1";
    QTest::newRow("Qt's own buttons")
        << QByteArray("QPlatformTheme") << QByteArray("Cancel") << "Abbrechen";
}

void TestTranslations::germanCoversEveryLayer()
{
    QFETCH(QByteArray, context);
    QFETCH(QByteArray, source);
    QFETCH(QString, german);
    const Translations translations(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(translate(context.constData(), source.constData()), german);
}

void TestTranslations::germanPluralForms()
{
    const Translations translations(QLocale(QLocale::German, QLocale::Germany));
    const char *source = "Too many attempts. Try again in %n seconds.";
    QCOMPARE(QCoreApplication::translate("ApiError", source, nullptr, 1),
             QStringLiteral("Zu viele Versuche. Versuchen Sie es in 1 Sekunde erneut."));
    QCOMPARE(QCoreApplication::translate("ApiError", source, nullptr, 30),
             QStringLiteral("Zu viele Versuche. Versuchen Sie es in 30 Sekunden erneut."));
}

void TestTranslations::catalogueIsComplete()
{
    const QList<Message> messages =
        readCatalogue(QStringLiteral(PORTAL_TS_DIR "/customerportal_de.ts"));
    QVERIFY(messages.size() > 100);
    for (const Message &message : messages) {
        const QString where = message.context + QStringLiteral(": ") + message.source;
        QVERIFY2(message.type.isEmpty(), qPrintable(message.type + QLatin1Char(' ') + where));
        QVERIFY2(!message.translations.isEmpty(), qPrintable(where));
        for (const QString &translation : message.translations) {
            QVERIFY2(!translation.isEmpty(), qPrintable(where));
            QCOMPARE(placeholders(translation), placeholders(message.source));
        }
    }
}

void TestTranslations::everyCatalogueIsEmbedded()
{
    const QStringList catalogues =
        QDir(QStringLiteral(PORTAL_TS_DIR)).entryList({QStringLiteral("*.ts")}, QDir::Files);
    QVERIFY(!catalogues.isEmpty());
    for (const QString &ts : catalogues) {
        const QString qm =
            QStringLiteral(":/i18n/") + QFileInfo(ts).completeBaseName() + QStringLiteral(".qm");
        QVERIFY2(QFile::exists(qm), qPrintable(qm));
    }
}

void TestTranslations::windowTitlesEndWithTheDisplayName_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("title");
    QTest::newRow("English") << QLocale(QLocale::English, QLocale::UnitedStates)
                             << "Sign in — Customer Portal";
    QTest::newRow("German") << QLocale(QLocale::German, QLocale::Germany)
                            << "Anmelden — Kundenportal";
}

void TestTranslations::windowTitlesEndWithTheDisplayName()
{
    // Qt appends " — <display name>" to a window title that does not end with the display name;
    // in German the title must not become "Anmelden — Kundenportal — Customer Portal".
    QFETCH(QLocale, locale);
    QFETCH(QString, title);
    const Translations translations(locale);
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    PortalAppOptions options;
    options.settings = &settings;
    PortalApp app(options);
    app.window()->show(); // The first page is chosen when the window shows.
    QCOMPARE(app.window()->windowTitle(), title);
    QVERIFY(title.endsWith(QStringLiteral(" — ") + QGuiApplication::applicationDisplayName()));
    QCOMPARE(QGuiApplication::applicationDisplayName(), MainWindow::appName());
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
