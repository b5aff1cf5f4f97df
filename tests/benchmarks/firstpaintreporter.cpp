#include "firstpaintreporter.h"

#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace portal::bench {

namespace {

QElapsedTimer &clock()
{
    static QElapsedTimer timer;
    return timer;
}

} // namespace

FirstPaintReporter::FirstPaintReporter(QWidget *window)
    : QObject(window)
{
    window->installEventFilter(this);
}

long FirstPaintReporter::peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    // "VmHWM:\t   28364 kB"
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return 0;
}

long FirstPaintReporter::pssKb()
{
    QFile rollup(QStringLiteral("/proc/self/smaps_rollup"));
    if (!rollup.open(QIODevice::ReadOnly))
        return 0;
    // "Pss:               21000 kB": this process's share of every page it maps.
    for (const QByteArray &line : rollup.readAll().split('\n')) {
        if (line.startsWith("Pss:"))
            return line.mid(4).trimmed().split(' ').value(0).toLong();
    }
    return 0;
}

void FirstPaintReporter::startClock()
{
    clock().start();
}

double FirstPaintReporter::sinceStartMs()
{
    return clock().isValid() ? double(clock().nsecsElapsed()) / 1e6 : 0.0;
}

void FirstPaintReporter::printMilestone(const QByteArray &name)
{
    printLine(name + ' ' + QByteArray::number(sinceStartMs(), 'f', 2));
}

void FirstPaintReporter::printLine(const QByteArray &line)
{
    std::fputs(line.constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

bool FirstPaintReporter::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_seen && event->type() == QEvent::Paint) {
        m_seen = true;
        QTimer::singleShot(0, this, &FirstPaintReporter::report);
    }
    return QObject::eventFilter(watched, event);
}

void FirstPaintReporter::report()
{
    printLine("painted " + QByteArray::number(peakRssKb()) + ' ' +
              QByteArray::number(sinceStartMs(), 'f', 2) + ' ' + QByteArray::number(pssKb()));
    Q_EMIT painted();
}

} // namespace portal::bench
