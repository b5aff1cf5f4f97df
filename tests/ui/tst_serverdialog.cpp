#include "fielderrorlabel.h"
#include "icons.h"
#include "serverdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace portal;

class TestServerDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validatesAsYouType_data();
    void validatesAsYouType();
    void acceptEmitsTheNormalisedUrl();
    void cancelEmitsNothing();
    void deletesItselfWhenClosed();
    void addressFieldIsNamed();
    void buttonsUseTheAppsIcons();
    void signInMethodIsChosenAndNamed();
};

void TestServerDialog::validatesAsYouType_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("errorMentions");
    QTest::newRow("https") << "https://portal.example.com" << true << "";
    QTest::newRow("loopback http") << "http://127.0.0.1:8000" << true << "";
    QTest::newRow("localhost http") << "http://localhost:8000" << true << "";
    QTest::newRow("remote http") << "http://portal.example.com" << false << "https";
    QTest::newRow("ftp") << "ftp://portal.example.com" << false << "";
    QTest::newRow("garbage") << "not a url" << false << "";
    QTest::newRow("empty") << "" << false << "";
}

void TestServerDialog::validatesAsYouType()
{
    QFETCH(QString, typed);
    QFETCH(bool, ok);
    QFETCH(QString, errorMentions);
    ServerDialog dialog(QUrl{}, AuthMode::Token);
    dialog.setAttribute(Qt::WA_DeleteOnClose, false);
    QTest::keyClicks(dialog.addressEdit(), typed);
    QCOMPARE(dialog.okButton()->isEnabled(), ok);
    QCOMPARE(dialog.error().isEmpty(), ok || typed.isEmpty());
    QVERIFY2(dialog.error().contains(errorMentions), qPrintable(dialog.error()));
    QCOMPARE(dialog.addressEdit()->accessibleDescription(), dialog.error());
}

void TestServerDialog::acceptEmitsTheNormalisedUrl()
{
    ServerDialog dialog(QUrl{}, AuthMode::Token);
    dialog.setAttribute(Qt::WA_DeleteOnClose, false);
    dialog.show();
    QSignalSpy chosen(&dialog, &ServerDialog::serverChosen);
    QTest::keyClicks(dialog.addressEdit(), QStringLiteral("HTTPS://Portal.Example.com/"));
    QTest::keyClick(dialog.addressEdit(), Qt::Key_Return);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.first().first().toUrl(), QUrl(QStringLiteral("https://portal.example.com")));
    QCOMPARE(chosen.first().at(1).value<AuthMode>(), AuthMode::Token);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestServerDialog::cancelEmitsNothing()
{
    ServerDialog dialog(QUrl(QStringLiteral("https://old.example.com")), AuthMode::Token);
    dialog.setAttribute(Qt::WA_DeleteOnClose, false);
    dialog.show();
    QCOMPARE(dialog.addressEdit()->text(), QStringLiteral("https://old.example.com"));
    QSignalSpy chosen(&dialog, &ServerDialog::serverChosen);
    QTest::keyClick(dialog.addressEdit(), Qt::Key_Escape);
    QCOMPARE(chosen.count(), 0);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void TestServerDialog::deletesItselfWhenClosed()
{
    auto *dialog = new ServerDialog(QUrl{}, AuthMode::Token);
    QSignalSpy destroyed(dialog, &QObject::destroyed);
    dialog->open();
    // Rejected from the event loop, as a click would be: deleteLater() runs there.
    QTimer::singleShot(0, dialog, &QDialog::reject);
    QVERIFY(destroyed.wait(5000));
}

void TestServerDialog::addressFieldIsNamed()
{
    ServerDialog dialog(QUrl{}, AuthMode::Token);
    dialog.setAttribute(Qt::WA_DeleteOnClose, false);
    QCOMPARE(dialog.addressEdit()->accessibleName(), QStringLiteral("Server address"));
}

void TestServerDialog::buttonsUseTheAppsIcons()
{
    // The style's own button icons are bitmaps; the app's are SVG and sharp at any scale.
    ServerDialog dialog(QUrl(QStringLiteral("https://portal.example.com")), AuthMode::Token);
    const auto image = [](const QIcon &which) {
        return which.pixmap(QSize(32, 32)).toImage();
    };
    QVERIFY(!dialog.okButton()->icon().isNull());
    QCOMPARE(image(dialog.okButton()->icon()), image(icon(Icon::Save)));
    auto *cancel = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel);
    QVERIFY(cancel);
    QCOMPARE(image(cancel->icon()), image(icon(Icon::Cancel)));
}

void TestServerDialog::signInMethodIsChosenAndNamed()
{
    ServerDialog dialog(QUrl(QStringLiteral("https://portal.example.com")), AuthMode::Jwt);
    dialog.setAttribute(Qt::WA_DeleteOnClose, false);
    dialog.show();
    QComboBox *method = dialog.authBox();
    // The current method is shown; the label and the accessible name agree.
    QCOMPARE(method->currentData().toInt(), int(AuthMode::Jwt));
    QCOMPARE(method->accessibleName(), QStringLiteral("Sign-in method"));
    QCOMPARE(method->count(), 2);
    // Keyboard only: the mnemonic reaches the box, the arrow keys choose, Enter accepts.
    QSignalSpy chosen(&dialog, &ServerDialog::serverChosen);
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QTest::keyClick(&dialog, Qt::Key_S, Qt::AltModifier);
    QVERIFY(method->hasFocus());
    QTest::keyClick(method, Qt::Key_Up);
    QCOMPARE(method->currentData().toInt(), int(AuthMode::Token));
    QTest::keyClick(method, Qt::Key_Return);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.first().at(1).value<AuthMode>(), AuthMode::Token);
}

QTEST_MAIN(TestServerDialog)
#include "tst_serverdialog.moc"
