// The conflict dialog on its own: what it shows, and that no key sends or discards by accident.

#include "conflictdialog.h"
#include "uitest.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace portal;
using Choice = ConflictDialog::Choice;

namespace {

Customer startedFrom()
{
    Customer customer;
    customer.id = 7;
    customer.username = QStringLiteral("ada");
    customer.email = QStringLiteral("ada@example.org");
    customer.firstName = QStringLiteral("Ada");
    customer.lastName = QStringLiteral("Lovelace");
    return customer;
}

} // namespace

class TestConflictDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsStartedTheirsAndMine();
    void keys_data();
    void keys();
    void buttonsAreNamedByTheirText();
};

void TestConflictDialog::showsStartedTheirsAndMine()
{
    Customer theirs = startedFrom();
    theirs.lastName = QStringLiteral("Byron");
    theirs.email = QStringLiteral("both@example.org");
    Customer edited = startedFrom();
    edited.firstName = QStringLiteral("Augusta");
    edited.email = QStringLiteral("mine@example.org");
    const CustomerChanges mine = CustomerChanges::between(startedFrom(), edited);
    ConflictDialog dialog(startedFrom(), theirs, mine);
    QTableWidget *table = dialog.table();
    // Only the fields either side changed, in the form's order.
    QCOMPARE(table->rowCount(), 3);
    const QStringList rows[] = {
        {QStringLiteral("Email"), QStringLiteral("ada@example.org"),
         QStringLiteral("both@example.org"), QStringLiteral("mine@example.org")},
        {QStringLiteral("First name"), QStringLiteral("Ada"), QStringLiteral("Ada"),
         QStringLiteral("Augusta")},
        {QStringLiteral("Last name"), QStringLiteral("Lovelace"), QStringLiteral("Byron"),
         QStringLiteral("Byron")},
    };
    for (int row = 0; row < 3; ++row) {
        for (int column = 0; column < 4; ++column)
            QCOMPARE(table->item(row, column)->text(), rows[row].at(column));
    }
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Conflict — Customer Portal"));
}

void TestConflictDialog::keys_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("modifiers");
    QTest::addColumn<Choice>("choice");
    QTest::newRow("Enter keeps editing") << int(Qt::Key_Return) << 0 << Choice::KeepEditing;
    QTest::newRow("Escape keeps editing") << int(Qt::Key_Escape) << 0 << Choice::KeepEditing;
    QTest::newRow("Alt+K keeps mine") << int(Qt::Key_K) << int(Qt::AltModifier) << Choice::KeepMine;
    QTest::newRow("Alt+T takes theirs")
        << int(Qt::Key_T) << int(Qt::AltModifier) << Choice::TakeTheirs;
}

void TestConflictDialog::keys()
{
    QFETCH(int, key);
    QFETCH(int, modifiers);
    QFETCH(Choice, choice);
    Customer theirs = startedFrom();
    theirs.lastName = QStringLiteral("Byron");
    ConflictDialog dialog(startedFrom(), theirs, CustomerChanges());
    QSignalSpy chosen(&dialog, &ConflictDialog::chosen);
    dialog.open();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget()
                                                : static_cast<QWidget *>(&dialog),
                    Qt::Key(key), Qt::KeyboardModifiers(modifiers));
    QTRY_COMPARE(chosen.count(), 1);
    QCOMPARE(chosen.at(0).at(0).value<Choice>(), choice);
    QVERIFY(!dialog.isVisible());
}

void TestConflictDialog::buttonsAreNamedByTheirText()
{
    ConflictDialog dialog(startedFrom(), startedFrom(), CustomerChanges());
    QCOMPARE(test::accessibleName(dialog.keepMineButton()), QStringLiteral("Keep mine"));
    QCOMPARE(test::accessibleName(dialog.takeTheirsButton()), QStringLiteral("Take theirs"));
    QCOMPARE(test::accessibleName(dialog.keepEditingButton()), QStringLiteral("Keep editing"));
    QVERIFY(dialog.keepEditingButton()->isDefault());
    QVERIFY(!dialog.keepMineButton()->autoDefault());
    QVERIFY(!dialog.takeTheirsButton()->autoDefault());
}

QTEST_MAIN(TestConflictDialog)
#include "tst_conflictdialog.moc"
