#pragma once

#include <QByteArray>
#include <QRect>
#include <QSize>

#include <optional>

class QWidget;

namespace portal {

/// The frame rectangle recorded in @p saved, a QWidget::saveGeometry() record; nothing when
/// @p saved is not one.
std::optional<QRect> savedFrameGeometry(const QByteArray &saved);

/// Where a window of @p preferred size goes on a screen whose free area is @p available (both in
/// the screen's logical pixels, so at any scale): no larger than that area less a margin for the
/// window's frame and title bar, and centred in it.
QRect fittedGeometry(const QSize &preferred, const QRect &available);

/**
 * Places @p window (not shown yet): where @p saved (its QWidget::saveGeometry() from an earlier
 * run) puts it when that place lies on a screen that still exists; otherwise at its current size
 * fitted to its screen. Returns whether @p saved was used.
 */
bool placeWindow(QWidget *window, const QByteArray &saved);

} // namespace portal
