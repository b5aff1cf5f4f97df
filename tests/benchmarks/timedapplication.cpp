#include "timedapplication.h"

#include <QMetaEnum>
#include <QThread>

namespace portal::bench {

namespace {

QString name(const QMetaObject *receiver, const QString &objectName, QEvent::Type type, qint64 ns)
{
    const char *typeName = QMetaEnum::fromType<QEvent::Type>().valueToKey(type);
    return QString::fromLatin1(receiver->className()) + objectName + QLatin1Char(' ') +
           (typeName ? QString::fromLatin1(typeName) : QString::number(int(type))) +
           QLatin1Char(' ') + QString::number(double(ns) / 1e6, 'f', 1) + QStringLiteral(" ms");
}

} // namespace

QString TimedApplication::Delivery::describe() const
{
    if (!receiver)
        return {};
    QString text = name(receiver, {}, type, ns);
    if (!innerReceiver)
        return text;
    QString where;
    if (!innerName.isEmpty() || !innerParent.isEmpty())
        where = QLatin1Char('(') + innerName +
                (innerParent.isEmpty() ? QString() : QStringLiteral(" in ") + innerParent) +
                QLatin1Char(')');
    return text + QStringLiteral(" > ") + name(innerReceiver, where, innerType, innerNs);
}

TimedApplication::TimedApplication(int &argc, char **argv)
    : QApplication(argc, argv)
{
    m_clock.start();
}

bool TimedApplication::notify(QObject *receiver, QEvent *event)
{
    // Other threads (QNetworkAccessManager's HTTP thread) deliver events here too; only the
    // loop of this thread is timed. Deeper events are part of what the two outer levels time.
    if (m_depth > 1 || QThread::currentThread() != thread())
        return QApplication::notify(receiver, event);
    // Read before the delivery: the receiver may be gone after it (a deferred delete).
    const QMetaObject *meta = receiver->metaObject();
    const QEvent::Type type = event->type();
    // Implicitly shared: reading the names allocates nothing.
    const QString objectName = m_depth == 1 ? receiver->objectName() : QString();
    const QString parentName =
        m_depth == 1 && receiver->parent() ? receiver->parent()->objectName() : QString();
    const qint64 start = m_clock.nsecsElapsed();
    ++m_depth;
    const bool accepted = QApplication::notify(receiver, event);
    --m_depth;
    const qint64 ns = m_clock.nsecsElapsed() - start;
    if (m_depth == 1) {
        if (ns > m_current.innerNs) {
            m_current.innerNs = ns;
            m_current.innerReceiver = meta;
            m_current.innerType = type;
            m_current.innerName = objectName;
            m_current.innerParent = parentName;
        }
        return accepted;
    }
    if (ns > m_longest.ns) {
        m_longest = m_current;
        m_longest.ns = ns;
        m_longest.receiver = meta;
        m_longest.type = type;
    }
    m_current = {};
    return accepted;
}

TimedApplication::Delivery TimedApplication::takeLongest()
{
    const Delivery longest = m_longest;
    m_longest = {};
    return longest;
}

} // namespace portal::bench
