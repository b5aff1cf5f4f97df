#pragma once

#include "customer.h"
#include "customerchanges.h"

#include <QDialog>

class QPushButton;
class QTableWidget;

namespace portal {

/**
 * "Someone else changed this customer": per field, the value the user started from, theirs now
 * and the user's own, and three ways on. Never modal in a nested event loop: open() it and act on
 * chosen(). Closing it any other way (Escape) is Keep editing.
 */
class ConflictDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConflictDialog)

public:
    enum class Choice
    {
        KeepMine,   ///< Send my changed fields again, on top of their version.
        TakeTheirs, ///< Drop my edits and show their version.
        KeepEditing ///< Close, keep my edits, send nothing.
    };
    Q_ENUM(Choice)

    ConflictDialog(const Customer &startedFrom, const Customer &theirs, const CustomerChanges &mine,
                   QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QPushButton *keepMineButton() const { return m_keepMine; }
    QPushButton *takeTheirsButton() const { return m_takeTheirs; }
    QPushButton *keepEditingButton() const { return m_keepEditing; }

Q_SIGNALS:
    /// Exactly once, when the dialog closes.
    void chosen(portal::ConflictDialog::Choice choice);

private:
    void fillTable(const Customer &startedFrom, const Customer &theirs,
                   const CustomerChanges &mine);
    void choose(Choice choice);

    QTableWidget *m_table;
    QPushButton *m_keepMine;
    QPushButton *m_takeTheirs;
    QPushButton *m_keepEditing;
    bool m_chosen = false;
};

} // namespace portal
