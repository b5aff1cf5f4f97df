#include "conflictdialog.h"

#include "customerhistorymodel.h"
#include "icons.h"
#include "mainwindow.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace portal {

namespace {

QTableWidgetItem *cell(const QString &text, bool emphasised = false)
{
    auto *item = new QTableWidgetItem(text.isEmpty() ? ConflictDialog::tr("(empty)") : text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setToolTip(text);
    if (emphasised) {
        QFont font = item->font();
        font.setBold(true);
        item->setFont(font);
    }
    return item;
}

} // namespace

ConflictDialog::ConflictDialog(const Customer &startedFrom, const Customer &theirs,
                               const CustomerChanges &mine, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(this))
    , m_keepMine(new QPushButton(tr("&Keep mine")))
    , m_takeTheirs(new QPushButton(tr("&Take theirs")))
    , m_keepEditing(new QPushButton(tr("Keep &editing")))
{
    setObjectName(QStringLiteral("conflictDialog"));
    setWindowTitle(MainWindow::titleFor(tr("Conflict")));
    setWindowModality(Qt::WindowModal);
    m_keepMine->setObjectName(QStringLiteral("keepMineButton"));
    m_takeTheirs->setObjectName(QStringLiteral("takeTheirsButton"));
    m_keepEditing->setObjectName(QStringLiteral("keepEditingButton"));
    m_keepMine->setIcon(icon(Icon::Save));
    m_takeTheirs->setIcon(icon(Icon::Refresh));
    m_keepEditing->setIcon(icon(Icon::Edit));
    m_keepMine->setToolTip(tr("Save your changed fields on top of their version"));
    m_takeTheirs->setToolTip(tr("Discard your edits and show their version"));
    m_keepEditing->setToolTip(tr("Close this and keep editing; nothing is sent"));

    auto *message = new QLabel(
        //: %1 is the customer's username.
        tr("Someone else changed this customer (%1) while you were editing. Nothing has been "
           "saved yet. Compare the values and choose what to keep.")
            .arg(theirs.username));
    message->setObjectName(QStringLiteral("conflictMessage"));
    message->setTextFormat(Qt::PlainText);
    message->setWordWrap(true);

    m_table->setObjectName(QStringLiteral("conflictTable"));
    m_table->setAccessibleName(tr("Changes"));
    fillTable(startedFrom, theirs, mine);

    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_keepMine, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_takeTheirs, QDialogButtonBox::DestructiveRole);
    buttons->addButton(m_keepEditing, QDialogButtonBox::RejectRole);
    connect(m_keepMine, &QPushButton::clicked, this, [this]() { choose(Choice::KeepMine); });
    connect(m_takeTheirs, &QPushButton::clicked, this, [this]() { choose(Choice::TakeTheirs); });
    connect(m_keepEditing, &QPushButton::clicked, this, [this]() { choose(Choice::KeepEditing); });
    // Escape, the window's close button: Keep editing.
    connect(this, &QDialog::rejected, this, [this]() { choose(Choice::KeepEditing); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(message);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    // Enter never sends or discards by accident: only Keep editing is a default button. Set once
    // the buttons are in the dialog, which is what a default button belongs to.
    m_keepMine->setAutoDefault(false);
    m_takeTheirs->setAutoDefault(false);
    m_keepEditing->setDefault(true);
    resize(640, sizeHint().height());
}

void ConflictDialog::fillTable(const Customer &startedFrom, const Customer &theirs,
                               const CustomerChanges &mine)
{
    const Customer yours = mine.appliedTo(theirs);
    const CustomerChanges changedByThem = CustomerChanges::between(startedFrom, theirs);
    QList<CustomerField> rows;
    for (CustomerField field : editableFields()) {
        if (mine.has(field) || changedByThem.has(field))
            rows.append(field);
    }
    m_table->setColumnCount(4);
    m_table->setRowCount(int(rows.size()));
    m_table->setHorizontalHeaderLabels(
        {tr("Field"), tr("You started from"), tr("Theirs now"), tr("Yours")});
    for (int row = 0; row < rows.size(); ++row) {
        const CustomerField field = rows.at(row);
        m_table->setItem(row, 0, cell(CustomerHistoryModel::fieldLabel(field)));
        m_table->setItem(row, 1, cell(fieldText(startedFrom, field)));
        m_table->setItem(row, 2, cell(fieldText(theirs, field), changedByThem.has(field)));
        m_table->setItem(row, 3,
                         cell(fieldText(mine.has(field) ? yours : theirs, field), mine.has(field)));
    }
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->resizeColumnsToContents();
    // As tall as its rows: a short table, not a box of empty space.
    int height = m_table->horizontalHeader()->sizeHint().height() + 2 * m_table->frameWidth();
    for (int row = 0; row < m_table->rowCount(); ++row)
        height += m_table->rowHeight(row);
    m_table->setMinimumHeight(height);
    m_table->setMaximumHeight(height);
}

void ConflictDialog::choose(Choice choice)
{
    if (m_chosen)
        return;
    m_chosen = true;
    Q_EMIT chosen(choice);
    if (isVisible())
        done(choice == Choice::KeepEditing ? QDialog::Rejected : QDialog::Accepted);
}

} // namespace portal
