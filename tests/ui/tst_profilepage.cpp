#include "customereditor.h"
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
#include <QToolButton>

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
    void editShortcutWorksFromAField();
    void tabOrderFollowsLayout();
    void refreshShortcutWorksFromAField();
    void shortcutsAreNotLineEditKeys_data();
    void shortcutsAreNotLineEditKeys();

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
    QCOMPARE(QString(button->text()).remove(QLatin1Char('&')),
             name); // "Sign &out" shows "Sign out"
    QCOMPARE(accessibleName(button), name);
}

void TestProfilePage::editAndSaveChangesTheServer()
{
    const QString lastName = serverText("last_name");
    edit("first_name", QStringLiteral("Edited"));
    QVERIFY(m_page->hasUnsavedChanges());
    QSignalSpy saved(m_harness->auth.profile(), &CustomerEditor::saved);
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
    input("last_name")->setFocus(); // where the user typed
    QSignalSpy saved(m_harness->auth.profile(), &CustomerEditor::saved);
    QTest::keyClick(input("last_name"), Qt::Key_Return);
    QVERIFY(saved.wait(30000));
    QCOMPARE(serverText("last_name"), QStringLiteral("Entered"));
    // The form was disabled while saving; the keyboard focus comes back where it was.
    QTRY_COMPARE(m_page->focusWidget(), input("last_name"));
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
    QSignalSpy saved(m_harness->auth.profile(), &CustomerEditor::saved);
    QSignalSpy failed(m_harness->auth.profile(), &CustomerEditor::saveFailed);
    click(m_page->saveButton());
    auto *error = m_page->findChild<FieldErrorLabel *>(QStringLiteral("emailError"));
    QVERIFY(error && error->isVisible());
    QCOMPARE(error->error(), QStringLiteral("Enter a valid email address."));
    QVERIFY(m_page->form()->isEditing());
    QVERIFY(m_page->saveButton()->isEnabled());
    QCOMPARE(saved.count() + failed.count(), 0);
    QCOMPARE(serverText("email"), before);
    QCOMPARE(m_page->focusWidget(), input("email"));
}

void TestProfilePage::serverValidationErrorsShowInline()
{
    // Passes the client's check; Django wants a top-level domain of two letters or more.
    edit("email", QStringLiteral("bob@example.c"));
    QSignalSpy failed(m_harness->auth.profile(), &CustomerEditor::saveFailed);
    click(m_page->saveButton());
    QVERIFY(failed.wait(30000));
    auto *error = m_page->findChild<FieldErrorLabel *>(QStringLiteral("emailError"));
    QVERIFY(error && error->isVisible());
    QVERIFY2(error->error().contains(QStringLiteral("valid email")), qPrintable(error->error()));
    QCOMPARE(m_page->banner()->kind(), MessageBanner::Kind::Error);
    QVERIFY(m_page->form()->isEditing());
    QCOMPARE(input("email")->text(), QStringLiteral("bob@example.c"));
    // A keyboard user lands on the field to correct (the save button had the focus).
    QTRY_COMPARE(m_page->focusWidget(), input("email"));
}

void TestProfilePage::richTextNameShowsLiterally()
{
    const QString markup = QStringLiteral("<b>Bob</b>");
    edit("first_name", markup);
    QSignalSpy saved(m_harness->auth.profile(), &CustomerEditor::saved);
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
    QSignalSpy otherSaved(other.auth.profile(), &CustomerEditor::saved);
    other.auth.profile()->save(
        CustomerChanges::fromJson({{QStringLiteral("last_name"), QStringLiteral("Elsewhere")}}));
    QVERIFY(otherSaved.wait(30000));

    QSignalSpy conflict(m_harness->auth.profile(), &CustomerEditor::conflict);
    click(m_page->saveButton());
    QVERIFY(conflict.wait(30000));
    QCOMPARE(m_page->banner()->text(),
             QStringLiteral("This profile was changed elsewhere. Your edits are kept; review and "
                            "save again."));
    QVERIFY(m_page->form()->isEditing());
    QCOMPARE(input("first_name")->text(), QStringLiteral("Mine"));
    QCOMPARE(input("last_name")->text(), QStringLiteral("Elsewhere"));
    QCOMPARE(serverText("first_name") == QStringLiteral("Mine"), false);

    QSignalSpy saved(m_harness->auth.profile(), &CustomerEditor::saved);
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
    QSignalSpy refreshed(m_harness->auth.profile(), &CustomerEditor::loaded);
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
    QSignalSpy otherSaved(other.auth.profile(), &CustomerEditor::saved);
    other.auth.profile()->save(
        CustomerChanges::fromJson({{QStringLiteral("first_name"), QStringLiteral("Reloaded")}}));
    QVERIFY(otherSaved.wait(30000));

    QSignalSpy refreshed(m_harness->auth.profile(), &CustomerEditor::loaded);
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

void TestProfilePage::editShortcutWorksFromAField()
{
    // After signing in the keyboard focus is in a (read-only) field.
    input("username")->setFocus();
    QTRY_VERIFY(input("username")->hasFocus());
    QVERIFY(!m_page->form()->isEditing());
    QTest::keySequence(input("username"), m_page->editButton()->shortcut());
    QTRY_VERIFY(m_page->form()->isEditing());
    QTRY_VERIFY(input("email")->hasFocus());
    QVERIFY(m_page->editButton()->toolTip().contains(
        m_page->editButton()->shortcut().toString(QKeySequence::NativeText)));
}

void TestProfilePage::tabOrderFollowsLayout()
{
    // Viewing: every value is reachable (a screen reader reads it), then the buttons, and round
    // again without an invisible stop in between.
    const QList<QWidget *> viewing{
        input("username"),       input("email"),          input("first_name"),
        input("last_name"),      input("birth_date"),     m_page->editButton(),
        m_page->refreshButton(), m_page->signOutButton(), input("username")};
    input("username")->setFocus();
    QTRY_VERIFY(input("username")->hasFocus());
    for (int i = 1; i < viewing.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), viewing.at(i));
    }

    click(m_page->editButton());
    const QList<QWidget *> expected{input("email"),
                                    input("first_name"),
                                    input("last_name"),
                                    input("birth_date"),
                                    m_page->findChild<QToolButton *>(),
                                    m_page->saveButton(),
                                    m_page->cancelButton(),
                                    m_page->refreshButton(),
                                    m_page->signOutButton()};
    QVERIFY(expected.at(4));
    input("email")->setFocus();
    QTRY_VERIFY(input("email")->hasFocus());
    for (int i = 1; i < expected.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), expected.at(i));
    }
}

void TestProfilePage::refreshShortcutWorksFromAField()
{
    input("first_name")->setFocus();
    QTRY_VERIFY(input("first_name")->hasFocus());
    QSignalSpy refreshed(m_harness->auth.profile(), &CustomerEditor::loaded);
    QTest::keyClick(input("first_name"), Qt::Key_F5);
    QVERIFY(refreshed.wait(30000));
    QCOMPARE(m_page->banner()->text(), QString());
}

void TestProfilePage::shortcutsAreNotLineEditKeys_data()
{
    QTest::addColumn<QString>("button");
    QTest::newRow("edit") << "editButton";
    QTest::newRow("save") << "saveButton";
    QTest::newRow("cancel") << "cancelButton";
    QTest::newRow("refresh") << "refreshButton";
}

void TestProfilePage::shortcutsAreNotLineEditKeys()
{
    // A focused line edit keeps these keys for itself on some platform (X11 adds emacs-style
    // bindings such as Ctrl+E for "end of line"), so a button shortcut using one would do nothing
    // while a field has the focus, which is most of the time. The offscreen platform of the tests
    // uses other bindings, hence the list.
    const QStringList lineEditKeys{
        QStringLiteral("Ctrl+A"),    QStringLiteral("Ctrl+B"),     QStringLiteral("Ctrl+C"),
        QStringLiteral("Ctrl+D"),    QStringLiteral("Ctrl+E"),     QStringLiteral("Ctrl+F"),
        QStringLiteral("Ctrl+H"),    QStringLiteral("Ctrl+K"),     QStringLiteral("Ctrl+U"),
        QStringLiteral("Ctrl+V"),    QStringLiteral("Ctrl+W"),     QStringLiteral("Ctrl+X"),
        QStringLiteral("Ctrl+Y"),    QStringLiteral("Ctrl+Z"),     QStringLiteral("Ctrl+Shift+Z"),
        QStringLiteral("Home"),      QStringLiteral("End"),        QStringLiteral("Del"),
        QStringLiteral("Backspace"), QStringLiteral("Left"),       QStringLiteral("Right"),
        QStringLiteral("Ctrl+Left"), QStringLiteral("Ctrl+Right"), QStringLiteral("Ctrl+Backspace"),
        QStringLiteral("Ctrl+Del"),  QStringLiteral("Shift+Del"),  QStringLiteral("Shift+Ins"),
        QStringLiteral("Ctrl+Ins"),  QStringLiteral("Meta+A"),     QStringLiteral("Meta+E")};
    QFETCH(QString, button);
    auto *pushButton = m_page->findChild<QPushButton *>(button);
    QVERIFY(pushButton);
    const QKeySequence shortcut = pushButton->shortcut();
    QVERIFY(!shortcut.isEmpty());
    for (const QString &key : lineEditKeys)
        QVERIFY2(shortcut != QKeySequence(key), qPrintable(key));
}

QTEST_MAIN(TestProfilePage)
#include "tst_profilepage.moc"
