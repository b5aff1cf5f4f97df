#include "profiledraft.h"

#include <QTest>

using portal::ProfileDraft;

namespace {

const QString kServer = QStringLiteral("http://127.0.0.1:8000");
const QString kOtherServer = QStringLiteral("http://127.0.0.1:8001");

QJsonObject edits()
{
    return QJsonObject{{QStringLiteral("first_name"), QStringLiteral("Al")},
                       {QStringLiteral("birth_date"), QJsonValue::Null}};
}

} // namespace

class tst_ProfileDraft : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsEmpty();
    void takeMatching();
    void takeOther_data();
    void takeOther();
    void keepReplaces();
    void clear();
};

void tst_ProfileDraft::startsEmpty()
{
    ProfileDraft draft;
    QVERIFY(draft.isEmpty());
    QVERIFY(!draft.take(kServer, 1));
}

void tst_ProfileDraft::takeMatching()
{
    ProfileDraft draft;
    draft.keep(kServer, 7, edits());
    QVERIFY(!draft.isEmpty());
    const std::optional<QJsonObject> taken = draft.take(kServer, 7);
    QVERIFY(taken);
    QCOMPARE(*taken, edits());
    QVERIFY(draft.isEmpty());
    QVERIFY(!draft.take(kServer, 7));
}

void tst_ProfileDraft::takeOther_data()
{
    QTest::addColumn<QString>("origin");
    QTest::addColumn<qint64>("customerId");

    QTest::newRow("other customer") << kServer << qint64(8);
    QTest::newRow("other server") << kOtherServer << qint64(7);
    QTest::newRow("nobody signed in") << kServer << qint64(0);
}

void tst_ProfileDraft::takeOther()
{
    QFETCH(QString, origin);
    QFETCH(qint64, customerId);

    ProfileDraft draft;
    draft.keep(kServer, 7, edits());
    QVERIFY(!draft.take(origin, customerId));
    // Discarded unseen: not even its owner gets it back afterwards.
    QVERIFY(draft.isEmpty());
    QVERIFY(!draft.take(kServer, 7));
}

void tst_ProfileDraft::keepReplaces()
{
    ProfileDraft draft;
    draft.keep(kServer, 7, edits());
    const QJsonObject newer{{QStringLiteral("email"), QStringLiteral("x@example.com")}};
    draft.keep(kServer, 8, newer);
    const std::optional<QJsonObject> taken = draft.take(kServer, 8);
    QVERIFY(taken);
    QCOMPARE(*taken, newer);
}

void tst_ProfileDraft::clear()
{
    ProfileDraft draft;
    draft.keep(kServer, 7, edits());
    draft.clear();
    QVERIFY(draft.isEmpty());
    QVERIFY(!draft.take(kServer, 7));
}

QTEST_APPLESS_MAIN(tst_ProfileDraft)

#include "tst_profiledraft.moc"
