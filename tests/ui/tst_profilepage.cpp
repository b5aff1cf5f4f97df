#include "customerform.h"
#include "fielderrorlabel.h"
#include "messagebanner.h"
#include "profilepage.h"
#include "testenv.h"
#include "uitest.h"

#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace portal;
using namespace portal::test;
using State = AuthStateManager::State;

class TestProfilePage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void showsTheServersData();
    void buttonsAreNamedByTheirText_data();
    void buttonsAreNamedByTheirText();
    void editAndSaveChangesTheServer();
    void enterSaves();
    void cancelRestores();
    void clientValidationStopsTheRequest();
    void serverValidationErrorsShowInline();
    void richTextNameShowsLiterally();
    void changedElsewhereKeepsTheEdits();
    void refreshAsksFirstWithUnsavedEdits();
    void refreshReloadsFromTheServer();
    void signOutAsksFirstWithUnsavedEdits();

private:
    QLineEdit *input(const char *field) const
    {
        return m_page->form()->input(QString::fromLatin1(field));
    }
    void edit(const char *field, const QString &text);
    QString serverText(const char *field) const
    {
        return serverField(m_username, QString::fromLatin1(field)).toString();
    }

    QString m_username;
    std::unique_ptr<AuthHarness> m_harness;
    std::unique_ptr<ProfilePage> m_page;
};

void TestProfilePage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(referenceServerUrl().isValid(), "the reference server fixture is not running");
    m_username = uniqueUsername(QStringLiteral("profile"));
    QString error;
    QVERIFY2(createAccount(referenceServerUrl(), m_username, &error), qPrintable(error));
}

void TestProfilePage::init()
{
    m_harness = std::make_unique<AuthHarness>();
    m_harness->connectToServer();
    m_page = std::make_unique<ProfilePage>(&m_harness->auth);
    m_page->resize(720, 900);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QVERIFY(m_harness->signIn(m_username));
    QCOMPARE(input("username")->text(), m_username);
}

void TestProfilePage::cleanup()
{
    m_page.reset();
    m_harness.reset();
}

void TestProfilePage::edit(const char *field, const QString &text)
{
    if (!m_page->form()->isEditing())
        click(m_page->editButton());
    QLineEdit *line = input(field);
    line->selectAll();
    QTest::keyClick(line, Qt::Key_Backspace);
    QTest::keyClicks(line, text);
}

void TestProfilePage::showsTheServersData()
{
    for (const char *field : {"username", "email", "first_name", "last_name"})
        QCOMPARE(input(field)->text(), serverText(field));
    QVERIFY(serverField(m_username, QStringLiteral("birth_date")).isNull());
    QVERIFY(input("birth_date")->text().isEmpty());
    QCOMPARE(input("birth_date")->placeholderText(), QStringLiteral("Not set"));
    QVERIFY(input("email")->isReadOnly());
    QVERIFY(m_page->editButton()->isVisible());
    QVERIFY(m_page->refreshButton()->isVisible());
    QVERIFY(m_page->signOutButton()->isVisible());
    QVERIFY(!m_page->saveButton()->isVisible());
    QVERIFY(!m_page->cancelButton()->isVisible());
}

void TestProfilePage::buttonsAreNamedByTheirText_data()
{
    QTest::addColumn<QString>("objectName");
    QTest::addColumn<QString>("name");
    QTest::newRow("edit") << "editButton"
                          << "Edit";
    QTest::newRow("save") << "saveButton"
                          << "Save";
    QTest::newRow("cancel") << "cancelButton"
                            << "Cancel";
    QTest::newRow("refresh") << "refreshButton"
                             << "Refresh";
    QTest::newRow("sign out") << "signOutButton"
                              << "Sign out";
}

void TestProfilePage::buttonsAreNamedByTheirText()
{
    QFETCH(QString, objectName);
    QFETCH(QString, name);
    auto *button = m_page->findChild<QPushButton *>(objectName);
    QVERIFY(button);
    QCOMPARE(button->text(), name);
    QCOMPARE(accessibleName(button), name);
}

void TestProfilePage::editAndSaveChangesTheServer()
{
    const QString lastName = serverText("last_name");
    edit("first_name", QStringLiteral("Edited"));
    QVERIFY(m_page->hasUnsavedChanges());
    QSignalSpy saved(&m_harness->auth, &AuthStateManager::profileSaved);
    click(m_page->saveButton());
    QVERIFY(!m_page->saveButton()->isEnabled()); // busy until the server answers
    QVERIFY(saved.wait(30000));
    QCOMPARE(m_page->banner()->text(), QStringLiteral("Saved."));
    QCOMPARE(m_page->banner()->kind(), MessageBanner::Kind::Success);
    QVERIFY(!m_page->form()->isEditing());
    QVERIFY(!m_page->hasUnsavedChanges());
    QCOMPARE(serverText("first_name"), QStringLiteral("Edited"));
    QCOMPARE(serverText("last_name"), lastName);
    QCOMPARE(input("first_name")->text(), QStringLiteral("Edited"));
}

void TestProfilePage::enterSaves()
{
    edit("last_name", QStringLiteral("Entered"));
    QSignalSpy saved(&m_harness->auth, &AuthStateManager::profileSaved);
    QTest::keyClick(input("last_name"), Qt::Key_Return);
    QVERIFY(saved.wait(30000));
    QCOMPARE(serverText("last_name"), QStringLiteral("Entered"));
}

void TestProfilePage::cancelRestores()
{
    const QString before = serverText("first_name");
    edit("first_name", QStringLiteral("Never saved"));
    click(m_page->cancelButton());
    QVERIFY(!m_page->form()->isEditing());
    QCOMPARE(input("first_name")->text(), before);
    QCOMPARE(serverText("first_name"), before);
}

void TestProfilePage::clientValidationStopsTheRequest()
{
    const QString before = serverText("email");
    edit("email", QStringLiteral("nope"));
    QSignalSpy saved(&m_harness->auth, &AuthStateManager::profileSaved);
    QSignalSpy failed(&m_harness->auth, &AuthStateManager::profileSaveFailed);
    click(m_page->saveButton());
    auto *error = m_page->findChild<FieldErrorLabel *>(QStringLiteral("emailError"));
    QVERIFY(error && error->isVisible());
    QCOMPARE(error->error(), QStringLiteral("Enter a valid email address."));
    QVERIFY(m_page->form()->isEditing());
    QVERIFY(m_page->saveButton()->isEnabled());
    QCOMPARE(saved.count() + failed.count(), 0);
    QCOMPARE(serverText("email"), before);
}

void TestProfilePage::serverValidationErrorsShowInline()
{
    // Passes the client's check; Django wants a top-level domain of two letters or more.
    edit("email", QStringLiteral("bob@example.c"));
    QSignalSpy failed(&m_harness->auth, &AuthStateManager::profileSaveFailed);
    click(m_page->saveButton());
    QVERIFY(failed.wait(30000));
    auto *error = m_page->findChild<FieldErrorLabel *>(QStringLiteral("emailError"));
    QVERIFY(error && error->isVisible());
    QVERIFY2(error->error().contains(QStringLiteral("valid email")), qPrintable(error->error()));
    QCOMPARE(m_page->banner()->kind(), MessageBanner::Kind::Error);
    QVERIFY(m_page->form()->isEditing());
    QCOMPARE(input("email")->text(), QStringLiteral("bob@example.c"));
}

void TestProfilePage::richTextNameShowsLiterally()
{
    const QString markup = QStringLiteral("<b>Bob</b>");
    edit("first_name", markup);
    QSignalSpy saved(&m_harness->auth, &AuthStateManager::profileSaved);
    click(m_page->saveButton());
    QVERIFY(saved.wait(30000));
    QCOMPARE(serverText("first_name"), markup);
    QCOMPARE(input("first_name")->text(), markup);
    QCOMPARE(input("first_name")->displayText(), markup);
}

void TestProfilePage::changedElsewhereKeepsTheEdits()
{
    edit("first_name", QStringLiteral("Mine"));
    // Another client changes the last name first (same account, its own session).
    AuthHarness other;
    other.connectToServer();
    QVERIFY(other.signIn(m_username));
    QSignalSpy otherSaved(&other.auth, &AuthStateManager::profileSaved);
    other.auth.updateProfile({{QStringLiteral("last_name"), QStringLiteral("Elsewhere")}});
    QVERIFY(otherSaved.wait(30000));

    QSignalSpy failed(&m_harness->auth, &AuthStateManager::profileSaveFailed);
    click(m_page->saveButton());
    QVERIFY(failed.wait(30000));
    QCOMPARE(m_page->banner()->text(),
             QStringLiteral("This profile was changed elsewhere. Your edits are kept; review and "
                            "save again."));
    QVERIFY(m_page->form()->isEditing());
    QCOMPARE(input("first_name")->text(), QStringLiteral("Mine"));
    QCOMPARE(input("last_name")->text(), QStringLiteral("Elsewhere"));
    QCOMPARE(serverText("first_name") == QStringLiteral("Mine"), false);

    QSignalSpy saved(&m_harness->auth, &AuthStateManager::profileSaved);
    click(m_page->saveButton());
    QVERIFY(saved.wait(30000));
    QCOMPARE(serverText("first_name"), QStringLiteral("Mine"));
    QCOMPARE(serverText("last_name"), QStringLiteral("Elsewhere"));
}

void TestProfilePage::refreshAsksFirstWithUnsavedEdits()
{
    QCOMPARE(m_page->refreshButton()->shortcut(), QKeySequence(QKeySequence::Refresh));
    const QString before = serverText("first_name");
    edit("first_name", QStringLiteral("Unsaved"));

    click(m_page->refreshButton());
    QMessageBox *box = findMessageBox(QStringLiteral("confirmDiscard"));
    QVERIFY(box);
    QVERIFY(clickBoxButton(box, QStringLiteral("keepEditingButton")));
    QTRY_VERIFY(!findMessageBox(QStringLiteral("confirmDiscard")));
    QVERIFY(m_page->form()->isEditing());
    QCOMPARE(input("first_name")->text(), QStringLiteral("Unsaved"));

    click(m_page->refreshButton());
    box = findMessageBox(QStringLiteral("confirmDiscard"));
    QVERIFY(box);
    QSignalSpy refreshed(&m_harness->auth, &AuthStateManager::profileRefreshed);
    QVERIFY(clickBoxButton(box, QStringLiteral("discardButton")));
    QVERIFY(refreshed.wait(30000));
    QVERIFY(!m_page->form()->isEditing());
    QCOMPARE(input("first_name")->text(), before);
}

void TestProfilePage::refreshReloadsFromTheServer()
{
    AuthHarness other;
    other.connectToServer();
    QVERIFY(other.signIn(m_username));
    QSignalSpy otherSaved(&other.auth, &AuthStateManager::profileSaved);
    other.auth.updateProfile({{QStringLiteral("first_name"), QStringLiteral("Reloaded")}});
    QVERIFY(otherSaved.wait(30000));

    QSignalSpy refreshed(&m_harness->auth, &AuthStateManager::profileRefreshed);
    click(m_page->refreshButton());
    QVERIFY(!findMessageBox(QStringLiteral("confirmDiscard"))); // nothing to lose: no question
    QVERIFY(refreshed.wait(30000));
    QCOMPARE(input("first_name")->text(), QStringLiteral("Reloaded"));
}

void TestProfilePage::signOutAsksFirstWithUnsavedEdits()
{
    edit("first_name", QStringLiteral("Unsaved"));
    click(m_page->signOutButton());
    QMessageBox *box = findMessageBox(QStringLiteral("confirmDiscard"));
    QVERIFY(box);
    QCOMPARE(m_harness->auth.state(), State::SignedIn);
    QVERIFY(clickBoxButton(box, QStringLiteral("discardButton")));
    QTRY_COMPARE_WITH_TIMEOUT(m_harness->auth.state(), State::SignedOut, 30000);
    QCOMPARE(m_harness->auth.signOutReason(), AuthStateManager::SignOutReason::UserRequested);
}

QTEST_MAIN(TestProfilePage)
#include "tst_profilepage.moc"
