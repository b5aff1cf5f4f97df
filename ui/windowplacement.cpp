#include "windowplacement.h"

#include <QDataStream>
#include <QGuiApplication>
#include <QScreen>
#include <QStyle>
#include <QWidget>

#include <algorithm>

namespace portal {

namespace {

// Room around the window inside the screen's free area, and above it for a title bar that is not
// known before the window is shown (in logical pixels: scaled displays need the same).
constexpr int kScreenMargin = 16;
constexpr int kTitleBarAllowance = 40;

// The start of every QWidget::saveGeometry() record (versions 1 to 3, Qt 4.2 to Qt 6).
constexpr quint32 kGeometryMagic = 0x1D9D0CB;
constexpr quint16 kGeometryMaxMajorVersion = 3;

bool liesOnAScreen(const QRect &frame)
{
    const QList<QScreen *> screens = QGuiApplication::screens();
    return std::any_of(screens.cbegin(), screens.cend(), [&frame](const QScreen *screen) {
        return screen->availableGeometry().intersects(frame);
    });
}

} // namespace

std::optional<QRect> savedFrameGeometry(const QByteArray &saved)
{
    // Documented as opaque, but its head has been the same since Qt 4: a magic number, a version
    // and the frame rectangle. Only that is read; restoreGeometry() reads the rest.
    QDataStream stream(saved);
    stream.setVersion(QDataStream::Qt_4_0);
    quint32 magic = 0;
    quint16 major = 0;
    quint16 minor = 0;
    QRect frame;
    stream >> magic >> major >> minor >> frame;
    if (stream.status() != QDataStream::Ok || magic != kGeometryMagic || major == 0 ||
        major > kGeometryMaxMajorVersion || !frame.isValid())
        return std::nullopt;
    return frame;
}

QRect fittedGeometry(const QSize &preferred, const QRect &available)
{
    const QRect area = available.adjusted(kScreenMargin, kScreenMargin + kTitleBarAllowance,
                                          -kScreenMargin, -kScreenMargin);
    const QSize size = preferred.boundedTo(area.size()).expandedTo(QSize(1, 1));
    return QStyle::alignedRect(Qt::LeftToRight, Qt::AlignCenter, size, area);
}

bool placeWindow(QWidget *window, const QByteArray &saved)
{
    // A place on a screen that is gone (unplugged, or another arrangement) would put the window
    // where nobody sees it; restoreGeometry() also refuses a very different scale or screen size.
    const std::optional<QRect> frame = savedFrameGeometry(saved);
    if (frame && liesOnAScreen(*frame) && window->restoreGeometry(saved))
        return true;
    const QScreen *screen = window->screen();
    if (!screen)
        return false;
    window->setGeometry(fittedGeometry(window->size(), screen->availableGeometry()));
    return false;
}

} // namespace portal
