#include "draftstore.h"

#include <QTest>

using portal::CustomerChanges;
using portal::CustomerField;
using portal::DraftStore;

namespace {

const QString kServer = QStringLiteral("http://127.0.0.1:8000");
const QString kOtherServer = QStringLiteral("http://127.0.0.1:8001");

CustomerChanges edits()
{
    portal::Customer values;
    values.firstName = QStringLiteral("Al");
    CustomerChanges changes;
    changes.set(CustomerField::FirstName, values);
    changes.set(CustomerField::BirthDate, values); // cleared
    return changes;
}

CustomerChanges otherEdits()
{
    portal::Customer values;
    values.email = QStringLiteral("x@example.com");
    CustomerChanges changes;
    changes.set(CustomerField::Email, values);
    return changes;
}

} // namespace

class tst_DraftStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsEmpty();
    void takeMatching();
    void takeOther_data();
    void takeOther();
    void otherRecordOfSameOwnerStays();
    void keepForAnotherOwnerReplaces();
    void clear();
};

void tst_DraftStore::startsEmpty()
{
    DraftStore drafts;
    QVERIFY(drafts.isEmpty());
    QVERIFY(!drafts.take(kServer, 1, 1));
}

void tst_DraftStore::takeMatching()
{
    DraftStore drafts;
    drafts.keep(kServer, 7, 7, edits());
    QVERIFY(!drafts.isEmpty());
    const std::optional<CustomerChanges> taken = drafts.take(kServer, 7, 7);
    QVERIFY(taken);
    QCOMPARE(*taken, edits());
    QVERIFY(drafts.isEmpty());
    QVERIFY(!drafts.take(kServer, 7, 7));
}

void tst_DraftStore::takeOther_data()
{
    QTest::addColumn<QString>("origin");
    QTest::addColumn<qint64>("ownerId");
    QTest::newRow("other user") << kServer << qint64(8);
    QTest::newRow("other server") << kOtherServer << qint64(7);
    QTest::newRow("nobody signed in") << kServer << qint64(0);
}

void tst_DraftStore::takeOther()
{
    QFETCH(QString, origin);
    QFETCH(qint64, ownerId);
    DraftStore drafts;
    drafts.keep(kServer, 7, 7, edits());
    drafts.keep(kServer, 7, 42, otherEdits());
    QVERIFY(!drafts.take(origin, ownerId, 7));
    // Discarded unseen: not even their owner gets them back afterwards.
    QVERIFY(drafts.isEmpty());
    QVERIFY(!drafts.take(kServer, 7, 7));
    QVERIFY(!drafts.take(kServer, 7, 42));
}

void tst_DraftStore::otherRecordOfSameOwnerStays()
{
    // A staff user's draft of customer 42 survives taking the draft of their own profile.
    DraftStore drafts;
    drafts.keep(kServer, 7, 7, edits());
    drafts.keep(kServer, 7, 42, otherEdits());
    QCOMPARE(drafts.take(kServer, 7, 7), std::optional<CustomerChanges>(edits()));
    QVERIFY(!drafts.isEmpty());
    QVERIFY(!drafts.take(kServer, 7, 43));
    QCOMPARE(drafts.take(kServer, 7, 42), std::optional<CustomerChanges>(otherEdits()));
    QVERIFY(drafts.isEmpty());
}

void tst_DraftStore::keepForAnotherOwnerReplaces()
{
    DraftStore drafts;
    drafts.keep(kServer, 7, 7, edits());
    drafts.keep(kServer, 8, 8, otherEdits());
    const std::optional<CustomerChanges> taken = drafts.take(kServer, 8, 8);
    QVERIFY(taken);
    QCOMPARE(*taken, otherEdits());
    QVERIFY(drafts.isEmpty()); // The first owner's draft went when the second one's came.
}

void tst_DraftStore::clear()
{
    DraftStore drafts;
    drafts.keep(kServer, 7, 7, edits());
    drafts.clear();
    QVERIFY(drafts.isEmpty());
    QVERIFY(!drafts.take(kServer, 7, 7));
}

QTEST_APPLESS_MAIN(tst_DraftStore)
#include "tst_draftstore.moc"
