#include "birthdateedit.h"

#include <QCalendarWidget>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace portal;

class TestBirthDateEdit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void canStayEmpty();
    void typing_data();
    void typing();
    void dateRoundTrip();
    void calendarPicksADay();
    void calendarRefusesTheFuture();
    void readOnlyHidesTheCalendar();
    void accessibleNames();

private:
    std::unique_ptr<BirthDateEdit> m_edit;
};

void TestBirthDateEdit::init()
{
    m_edit = std::make_unique<BirthDateEdit>();
    m_edit->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_edit.get()));
}

void TestBirthDateEdit::cleanup()
{
    m_edit.reset();
}

void TestBirthDateEdit::canStayEmpty()
{
    QVERIFY(m_edit->text().isEmpty());
    QVERIFY(m_edit->date().isNull());
    QCOMPARE(m_edit->lineEdit()->placeholderText(), QStringLiteral("YYYY-MM-DD"));
}

void TestBirthDateEdit::typing_data()
{
    QTest::addColumn<QString>("keys");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("date");
    QTest::newRow("full date") << "1990-04-12"
                               << "1990-04-12" << QDate(1990, 4, 12);
    QTest::newRow("unfinished") << "1990-0"
                                << "1990-0" << QDate();
    QTest::newRow("letters are refused") << "19a90-04-12"
                                         << "1990-04-12" << QDate(1990, 4, 12);
    QTest::newRow("slashes are refused") << "1990/04/12"
                                         << "1990" << QDate();
    QTest::newRow("impossible day") << "1990-02-30"
                                    << "1990-02-30" << QDate();
}

void TestBirthDateEdit::typing()
{
    QFETCH(QString, keys);
    QFETCH(QString, text);
    QFETCH(QDate, date);
    QSignalSpy edited(m_edit.get(), &BirthDateEdit::textEdited);
    QTest::keyClicks(m_edit->lineEdit(), keys);
    QCOMPARE(m_edit->text(), text);
    QCOMPARE(m_edit->date(), date);
    QVERIFY(edited.count() > 0);
}

void TestBirthDateEdit::dateRoundTrip()
{
    m_edit->setDate(QDate(2001, 12, 31));
    QCOMPARE(m_edit->text(), QStringLiteral("2001-12-31"));
    m_edit->setDate(QDate());
    QVERIFY(m_edit->text().isEmpty());
}

void TestBirthDateEdit::calendarPicksADay()
{
    QSignalSpy edited(m_edit.get(), &BirthDateEdit::textEdited);
    // Built when first asked for: every form has a birth date, few open its calendar.
    QVERIFY(!m_edit->findChild<QCalendarWidget *>());
    QTest::mouseClick(m_edit->calendarButton(), Qt::LeftButton);
    auto *calendar = m_edit->findChild<QCalendarWidget *>();
    QVERIFY(calendar);
    QTRY_VERIFY(calendar->isVisible());
    calendar->setSelectedDate(QDate(1980, 5, 17));
    // The calendar's day grid takes the keys.
    auto *grid = calendar->findChild<QTableView *>();
    QVERIFY(grid);
    QTest::keyClick(grid, Qt::Key_Return);
    QCOMPARE(m_edit->text(), QStringLiteral("1980-05-17"));
    QCOMPARE(edited.count(), 1);
    QTRY_VERIFY(!calendar->isVisible());
}

void TestBirthDateEdit::calendarRefusesTheFuture()
{
    QTest::mouseClick(m_edit->calendarButton(), Qt::LeftButton);
    auto *calendar = m_edit->findChild<QCalendarWidget *>();
    QCOMPARE(calendar->maximumDate(), QDate::currentDate());
    calendar->setSelectedDate(QDate::currentDate().addDays(3));
    QCOMPARE(calendar->selectedDate(), QDate::currentDate());
    m_edit->findChild<QMenu *>()->hide();
}

void TestBirthDateEdit::readOnlyHidesTheCalendar()
{
    m_edit->setReadOnly(true);
    QVERIFY(m_edit->isReadOnly());
    QVERIFY(!m_edit->calendarButton()->isVisible());
    QCOMPARE(m_edit->lineEdit()->placeholderText(), QStringLiteral("Not set"));
    m_edit->setReadOnly(false);
    QVERIFY(m_edit->calendarButton()->isVisible());
}

void TestBirthDateEdit::accessibleNames()
{
    QCOMPARE(m_edit->calendarButton()->accessibleName(), QStringLiteral("Choose birth date"));
}

QTEST_MAIN(TestBirthDateEdit)
#include "tst_birthdateedit.moc"
