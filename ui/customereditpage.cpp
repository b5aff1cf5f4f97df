#include "customereditpage.h"

#include "busyindicator.h"
#include "confirmdiscard.h"
#include "conflictdialog.h"
#include "customereditor.h"
#include "customerform.h"
#include "customerhistorymodel.h"
#include "icons.h"
#include "messagebanner.h"
#include "retrycountdown.h"

#include <QDate>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace portal {

CustomerEditPage::CustomerEditPage(AuthStateManager *auth, ApiClient *api, QWidget *parent)
    : Page(tr("Edit customer"), parent)
    , m_auth(auth)
    , m_editor(new CustomerEditor(api, CustomerEditor::Target::Customer, 0, this))
    , m_history(new CustomerHistoryModel(api, this))
    , m_form(new CustomerForm)
    , m_historyView(new QListView)
    , m_save(new QPushButton(icon(Icon::Save), tr("Save")))
    , m_cancel(new QPushButton(icon(Icon::Cancel), tr("Cancel")))
    , m_back(new QPushButton(tr("&Back to customers")))
    , m_busy(new BusyIndicator)
    , m_countdown(new RetryCountdown(banner(), m_save, this))
    , m_loadWait(new RetryCountdown(banner(), nullptr, this))
{
    setObjectName(QStringLiteral("customerEditPage"));
    m_form->setObjectName(QStringLiteral("customerForm"));
    m_form->setEditing(true);
    cardLayout()->addWidget(m_form);
    buildButtons();
    cardLayout()->addWidget(buildHistory());
    setTabOrder(m_back, m_historyView);

    connect(m_form, &CustomerForm::submitted, this, &CustomerEditPage::save);
    // "Saved." is about the values on screen until the next edit, not after it.
    connect(m_form, &CustomerForm::edited, this, [this]() {
        if (banner()->kind() == MessageBanner::Kind::Success)
            banner()->clear();
    });
    connect(m_editor, &CustomerEditor::recordChanged, this, &CustomerEditPage::onRecordChanged);
    // A load the server asked to wait for goes again by itself: counted down on the banner.
    connect(m_editor, &CustomerEditor::loadWaiting, m_loadWait, &RetryCountdown::startRetrying);
    connect(m_editor, &CustomerEditor::loaded, this, [this]() {
        m_loadWait->dismiss();
        setBusy(false);
        if (m_pendingDraft) {
            m_form->applyChanges(*std::exchange(m_pendingDraft, std::nullopt));
            banner()->showInfo(tr("You have unsaved changes from your last session. Review and "
                                  "save them."));
        }
        // Keyboard and screen reader users start at the first field they can change.
        if (std::exchange(m_focusFirstField, false))
            restoreFocus(m_form->input(QStringLiteral("email")));
    });
    connect(m_editor, &CustomerEditor::loadFailed, this, &CustomerEditPage::onLoadFailed);
    connect(m_editor, &CustomerEditor::saved, this, &CustomerEditPage::onSaved);
    connect(m_editor, &CustomerEditor::conflict, this, &CustomerEditPage::onConflict);
    connect(m_editor, &CustomerEditor::saveFailed, this, &CustomerEditPage::onSaveFailed);
    connect(auth, &AuthStateManager::sessionEnding, this,
            [this](AuthStateManager::SignOutReason reason) {
                suspend(reason == AuthStateManager::SignOutReason::SessionExpired);
            });
}

void CustomerEditPage::buildButtons()
{
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_back->setObjectName(QStringLiteral("backButton"));
    m_save->setShortcut(QKeySequence::Save);
    m_cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    m_save->setToolTip(m_save->shortcut().toString(QKeySequence::NativeText));
    m_cancel->setToolTip(
        tr("Discard your edits (%1)").arg(m_cancel->shortcut().toString(QKeySequence::NativeText)));
    m_back->setToolTip(tr("Back to the list of customers"));
    m_save->setDefault(true);

    QHBoxLayout *buttons = addButtonRow();
    buttons->addWidget(m_save);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_busy);
    buttons->addStretch(1);
    buttons->addWidget(m_back);

    connect(m_save, &QPushButton::clicked, this, &CustomerEditPage::save);
    connect(m_cancel, &QPushButton::clicked, this, &CustomerEditPage::cancelEditing);
    connect(m_back, &QPushButton::clicked, this, &CustomerEditPage::requestBack);
    setTabOrder(m_form->lastInput(), m_save);
    setTabOrder(m_save, m_cancel);
    setTabOrder(m_cancel, m_back);
}

QWidget *CustomerEditPage::buildHistory()
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 12, 0, 0);
    auto *caption = new QLabel(tr("History"));
    QFont font = caption->font();
    font.setWeight(QFont::DemiBold);
    caption->setFont(font);
    caption->setBuddy(m_historyView);
    m_historyView->setObjectName(QStringLiteral("historyView"));
    m_historyView->setAccessibleName(caption->text());
    m_historyView->setModel(m_history);
    m_historyView->setWordWrap(true);
    m_historyView->setAlternatingRowColors(true);
    m_historyView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_historyView->setMinimumHeight(fontMetrics().height() * 8);
    auto *empty = new QLabel(tr("No staff edits yet."));
    empty->setObjectName(QStringLiteral("historyEmpty"));
    const auto showEmpty = [this, empty]() {
        const bool none = m_history->rowCount() == 0;
        empty->setVisible(none && !m_history->isLoading());
        m_historyView->setVisible(!none);
    };
    connect(m_history, &QAbstractItemModel::modelReset, this, showEmpty);
    connect(m_history, &CustomerHistoryModel::loadFailed, this, [empty](const ApiError &error) {
        empty->setText(tr("The history could not be loaded: %1").arg(error.userMessage()));
        empty->setVisible(true);
    });
    connect(m_history, &CustomerHistoryModel::loaded, this,
            [empty]() { empty->setText(tr("No staff edits yet.")); });
    connect(m_history, &CustomerHistoryModel::loaded, this, showEmpty);
    empty->setWordWrap(true);
    empty->setTextFormat(Qt::PlainText);
    layout->addWidget(caption);
    layout->addWidget(empty);
    layout->addWidget(m_historyView);
    return box;
}

void CustomerEditPage::openCustomer(const Customer &customer)
{
    // A draft still waiting for its record (that load failed) goes back to the session's drafts;
    // one kept for this customer (staff access lost and back, say) is laid over it once loaded.
    if (m_pendingDraft && m_editor->customerId() != customer.id)
        m_auth->keepDraft(m_editor->customerId(), *m_pendingDraft);
    if (m_editor->customerId() != customer.id)
        m_pendingDraft.reset();
    if (!m_pendingDraft)
        m_pendingDraft = m_auth->takeDraft(customer.id);
    m_editor->setCustomerId(customer.id);
    m_editor->setRecord(customer, {});
    m_form->setCustomer(customer);
    m_countdown->stop(); // Another customer's waits are not this one's.
    m_loadWait->stop();
    banner()->clear();
    m_focusFirstField = true;
    setBusy(true);
    m_editor->load();
    m_history->load(customer.id);
}

qint64 CustomerEditPage::customerId() const
{
    return m_editor->customerId();
}

bool CustomerEditPage::restoreDraft()
{
    const qint64 id = m_editor->customerId();
    if (id <= 0)
        return false;
    std::optional<CustomerChanges> draft = m_auth->takeDraft(id);
    if (!draft)
        return false;
    m_pendingDraft = std::move(draft);
    m_focusFirstField = true;
    setBusy(true);
    m_editor->load();
    m_history->load(id);
    return true;
}

void CustomerEditPage::suspend(bool keepEdits)
{
    if (keepEdits)
        keepDraft();
    if (m_conflict) {
        QObject::disconnect(m_conflict, nullptr, this, nullptr);
        m_conflict->close();
    }
    // Nothing of one staff user's work stays on screen for whoever signs in next; the customer's
    // id stays, so restoreDraft() can reopen it for the same user.
    m_editor->setCustomerId(m_editor->customerId());
    m_pendingDraft.reset();
    m_focusFirstField = false;
    m_history->clear();
    m_form->setCustomer(Customer());
    setHeading(pageName());
    m_countdown->stop();
    m_loadWait->stop();
    banner()->clear();
    setBusy(false);
}

void CustomerEditPage::keepDraft()
{
    if (m_pendingDraft)
        m_auth->keepDraft(m_editor->customerId(), *std::exchange(m_pendingDraft, std::nullopt));
    else if (hasUnsavedChanges())
        m_auth->keepDraft(m_editor->customerId(), m_form->changes());
}

bool CustomerEditPage::hasUnsavedChanges() const
{
    return m_editor->customerId() > 0 && (m_form->isDirty() || m_pendingDraft.has_value());
}

void CustomerEditPage::save()
{
    if (m_busyNow || m_editor->customerId() <= 0 || m_countdown->isRunning())
        return;
    const FieldErrors errors = m_form->validate(QDate::currentDate());
    m_form->showFieldErrors(errors);
    if (!errors.isEmpty()) {
        banner()->clear();
        m_form->firstInputInError()->setFocus();
        return;
    }
    const CustomerChanges changes = m_form->changes();
    if (changes.isEmpty()) {
        banner()->showInfo(tr("Nothing to save: no field was changed."));
        return;
    }
    banner()->clear();
    m_savedFrom = m_form->customer();
    setBusy(true);
    m_editor->save(changes);
}

void CustomerEditPage::cancelEditing()
{
    if (m_busyNow)
        return;
    m_form->setCustomer(m_editor->record());
    banner()->clear();
}

void CustomerEditPage::requestBack()
{
    if (hasUnsavedChanges())
        confirmDiscard(this, tr("Discard your unsaved changes to this customer?"),
                       tr("Discard and go back"), [this]() {
                           m_form->setCustomer(m_editor->record());
                           Q_EMIT backRequested();
                       });
    else
        Q_EMIT backRequested();
}

void CustomerEditPage::onRecordChanged(const Customer &record)
{
    if (record.id == 0)
        return;
    // Someone else's newer version under the edits: the edits stay, laid over it.
    if (m_form->isDirty())
        m_form->rebase(record);
    else
        m_form->setCustomer(record);
    showHeading();
}

void CustomerEditPage::onSaved(const Customer &record)
{
    setBusy(false);
    m_form->setCustomer(record);
    banner()->showSuccess(tr("Saved."));
    m_history->load(record.id);
    Q_EMIT customerSaved(record);
}

void CustomerEditPage::onConflict(const Customer &theirs, const CustomerChanges &mine)
{
    m_loadWait->dismiss(); // The read after a conflict may have waited.
    setBusy(false);
    m_history->load(theirs.id); // Their edit is in the history now.
    Q_EMIT customerSaved(theirs);
    if (m_conflict)
        m_conflict->close();
    m_conflict = new ConflictDialog(m_savedFrom, theirs, mine, this);
    m_conflict->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_conflict, &ConflictDialog::chosen, this, [this, mine](ConflictDialog::Choice choice) {
        switch (choice) {
        case ConflictDialog::Choice::KeepMine:
            m_savedFrom = m_editor->record();
            banner()->clear();
            setBusy(true);
            m_editor->save(mine);
            return;
        case ConflictDialog::Choice::TakeTheirs:
            m_form->setCustomer(m_editor->record());
            banner()->showInfo(tr("Showing their version. Your edits were discarded."));
            return;
        case ConflictDialog::Choice::KeepEditing:
            banner()->showInfo(tr("Your edits are kept and nothing was sent. Saving will put "
                                  "your changed fields on top of their version."));
            return;
        }
    });
    m_conflict->open();
}

void CustomerEditPage::onSaveFailed(const ApiError &error)
{
    m_loadWait->stop(); // The read after a conflict may have waited; the failure has the banner.
    setBusy(false);
    const QString message = m_form->showSaveError(error);
    // A wait the server asked for counts down (Save waits too); Retry saves the same edits again.
    if (!m_countdown->start(error))
        banner()->showFailure(error, message, [this]() { save(); });
    if (error.kind == ErrorKind::Validation) // A keyboard user lands on the field to correct.
        restoreFocus(m_form->firstInputInError());
}

void CustomerEditPage::onLoadFailed(const ApiError &error)
{
    // A draft waiting for this load stays: opening the customer again, or Retry, lays it over
    // the record.
    m_loadWait->stop();
    setBusy(false);
    banner()->showFailure(error, error.userMessage(), [this]() { reload(); });
}

void CustomerEditPage::reload()
{
    const qint64 id = m_editor->customerId();
    if (m_busyNow || id <= 0)
        return;
    banner()->clear();
    setBusy(true);
    m_editor->load();
    m_history->load(id);
}

void CustomerEditPage::setBusy(bool busy)
{
    if (busy)
        rememberFocus();
    m_busyNow = busy;
    m_busy->setRunning(busy);
    m_save->setEnabled(!busy && !m_countdown->isRunning());
    m_cancel->setEnabled(!busy);
    m_form->setEnabled(!busy);
    if (!busy)
        restoreFocus();
}

void CustomerEditPage::showHeading()
{
    const Customer &record = m_editor->record();
    const QString name = record.displayName();
    //: The heading: %1 is the customer's name, %2 their username.
    setHeading(name == record.username ? name : tr("%1 (%2)").arg(name, record.username));
}

} // namespace portal
