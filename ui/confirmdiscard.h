#pragma once

#include <QString>

#include <functional>

class QMessageBox;
class QWidget;

namespace portal {

/**
 * Asks whether to discard unsaved changes, window-modally and without a nested event loop: the
 * box is opened with open() and @p discard runs only if the user chooses to discard. The box
 * deletes itself; its object name is "confirmDiscard" so tests can find and answer it.
 */
QMessageBox *confirmDiscard(QWidget *parent, const QString &question, const QString &discardText,
                            std::function<void()> discard);

} // namespace portal
