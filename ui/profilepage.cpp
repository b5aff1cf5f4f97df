#include "profilepage.h"

#include "busyindicator.h"
#include "confirmdiscard.h"
#include "customereditor.h"
#include "customerform.h"
#include "icons.h"
#include "messagebanner.h"
#include "retrycountdown.h"

#include <QDate>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <utility>

namespace portal {

ProfilePage::ProfilePage(AuthStateManager *auth, QWidget *parent)
    : Page(tr("Profile"), parent)
    , m_auth(auth)
    , m_form(new CustomerForm)
    , m_edit(new QPushButton(icon(Icon::Edit), tr("Edit")))
    , m_save(new QPushButton(icon(Icon::Save), tr("Save")))
    , m_cancel(new QPushButton(icon(Icon::Cancel), tr("Cancel")))
    , m_refresh(new QPushButton(icon(Icon::Refresh), tr("Refresh")))
    , m_signOut(new QPushButton(icon(Icon::SignOut), tr("Sign &out")))
    , m_busy(new BusyIndicator)
    , m_countdown(new RetryCountdown(banner(), m_save, this))
    , m_refreshWait(new RetryCountdown(banner(), m_refresh, this))
{
    setObjectName(QStringLiteral("profilePage"));
    m_form->setObjectName(QStringLiteral("customerForm"));
    cardLayout()->addWidget(m_form);
    buildButtons();

    connect(m_form, &CustomerForm::submitted, this, &ProfilePage::save);
    connect(auth, &AuthStateManager::stateChanged, this, &ProfilePage::onStateChanged);
    connect(auth, &AuthStateManager::userChanged, this, &ProfilePage::onUserChanged);
    connect(auth, &AuthStateManager::sessionEnding, this, &ProfilePage::onSessionEnding);
    CustomerEditor *profile = auth->profile();
    connect(profile, &CustomerEditor::saved, this, &ProfilePage::onSaved);
    connect(profile, &CustomerEditor::saveFailed, this, &ProfilePage::onSaveFailed);
    connect(profile, &CustomerEditor::conflict, this, &ProfilePage::onConflict);
    // The session also loads the profile by itself (for its ETag): only Refresh's answer counts.
    connect(profile, &CustomerEditor::loaded, this, [this]() {
        if (!m_busyNow)
            return;
        m_refreshWait->stop();
        setBusy(false);
        banner()->clear();
    });
    connect(profile, &CustomerEditor::loadFailed, this, &ProfilePage::onRefreshFailed);
    // A refresh the server asked to wait counts down; the read goes again by itself after it.
    connect(profile, &CustomerEditor::loadWaiting, this, [this](const ApiError &error) {
        if (m_busyNow)
            m_refreshWait->startRetrying(error);
    });
    connect(m_refreshWait, &RetryCountdown::finished, this, [this]() {
        // A wait longer than the client waits by itself ended the refresh: it goes again now,
        // unless edits begun meanwhile would be thrown away (Refresh is enabled again for that).
        if (!std::exchange(m_refreshAfterWait, false)) {
            if (m_busyNow) // The client's own retry is under way.
                m_refresh->setEnabled(false);
        } else if (hasUnsavedChanges()) {
            banner()->showInfo(tr("You can refresh again now."));
        } else {
            requestRefresh();
        }
    });
    connect(auth, &AuthStateManager::keychainProblem, this,
            [this](const QString &message) { banner()->showInfo(message); });
    if (auth->state() == AuthStateManager::State::SignedIn)
        onSignedIn();
    else
        setEditingMode(false);
}

void ProfilePage::buildButtons()
{
    m_edit->setObjectName(QStringLiteral("editButton"));
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_signOut->setObjectName(QStringLiteral("signOutButton"));
    // Not Ctrl+E: on X11 a focused line edit keeps it (end of line), and a field has the focus.
    m_edit->setShortcut(QKeySequence(Qt::Key_F2));
    m_save->setShortcut(QKeySequence::Save);
    m_cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_edit->setToolTip(
        tr("Edit your profile (%1)").arg(m_edit->shortcut().toString(QKeySequence::NativeText)));
    m_save->setToolTip(m_save->shortcut().toString(QKeySequence::NativeText));
    m_cancel->setToolTip(
        tr("Discard your edits (%1)").arg(m_cancel->shortcut().toString(QKeySequence::NativeText)));
    m_refresh->setToolTip(tr("Reload from the server (%1)")
                              .arg(m_refresh->shortcut().toString(QKeySequence::NativeText)));
    m_save->setDefault(true);

    QHBoxLayout *buttons = addButtonRow();
    for (QPushButton *button : {m_edit, m_save, m_cancel, m_refresh})
        buttons->addWidget(button);
    buttons->addWidget(m_busy);
    buttons->addStretch(1);
    buttons->addWidget(m_signOut);

    connect(m_edit, &QPushButton::clicked, this, &ProfilePage::startEditing);
    connect(m_save, &QPushButton::clicked, this, &ProfilePage::save);
    connect(m_cancel, &QPushButton::clicked, this, &ProfilePage::cancelEditing);
    connect(m_refresh, &QPushButton::clicked, this, &ProfilePage::requestRefresh);
    connect(m_signOut, &QPushButton::clicked, this, &ProfilePage::requestSignOut);

    setTabOrder(m_form->lastInput(), m_edit);
    setTabOrder(m_edit, m_save);
    setTabOrder(m_save, m_cancel);
    setTabOrder(m_cancel, m_refresh);
    setTabOrder(m_refresh, m_signOut);
}

bool ProfilePage::hasUnsavedChanges() const
{
    return m_form->isDirty();
}

bool ProfilePage::holdsDraft() const
{
    return m_auth->hasDraft();
}

void ProfilePage::startEditing()
{
    banner()->clear();
    setEditingMode(true);
    m_form->input(QStringLiteral("email"))->setFocus();
}

void ProfilePage::save()
{
    if (!m_form->isEditing() || m_busyNow || m_countdown->isRunning())
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
        setEditingMode(false);
        banner()->showInfo(tr("Nothing to save: no field was changed."));
        return;
    }
    banner()->clear();
    setBusy(true);
    m_auth->profile()->save(changes);
}

void ProfilePage::cancelEditing()
{
    if (!m_form->isEditing() || m_busyNow)
        return;
    m_form->setCustomer(m_auth->user());
    setEditingMode(false);
    banner()->clear();
}

void ProfilePage::requestRefresh()
{
    if (m_busyNow || m_auth->state() != AuthStateManager::State::SignedIn)
        return;
    auto refresh = [this]() {
        m_form->setCustomer(m_auth->user());
        setEditingMode(false);
        setBusy(true);
        m_auth->profile()->load();
    };
    if (hasUnsavedChanges())
        confirmDiscard(this, tr("Discard your unsaved changes and reload the profile?"),
                       tr("Discard and reload"), refresh);
    else
        refresh();
}

void ProfilePage::requestSignOut()
{
    if (m_auth->state() != AuthStateManager::State::SignedIn)
        return;
    if (hasUnsavedChanges())
        confirmDiscard(this, tr("Discard your unsaved changes and sign out?"),
                       tr("Discard and sign out"), [this]() { m_auth->signOut(); });
    else
        m_auth->signOut();
}

void ProfilePage::onStateChanged(AuthStateManager::State state)
{
    switch (state) {
    case AuthStateManager::State::SignedIn:
        onSignedIn();
        return;
    case AuthStateManager::State::SigningOut:
        setBusy(true);
        return;
    default:
        m_refreshWait->stop();
        m_refreshAfterWait = false;
        setBusy(false);
        setEditingMode(false);
        banner()->clear();
        return;
    }
}

void ProfilePage::onSignedIn()
{
    banner()->clear();
    setBusy(false);
    m_form->setCustomer(m_auth->user());
    // Taken here, for this customer, or discarded for anyone else.
    const std::optional<CustomerChanges> draft = m_auth->takeDraft(m_auth->user().id);
    setEditingMode(draft.has_value());
    if (!draft)
        return;
    // Laid over the fresh data: Save sends only what still differs from the server's version.
    m_form->applyChanges(*draft);
    banner()->showInfo(
        tr("You have unsaved changes from your last session. Review and save them."));
}

void ProfilePage::onUserChanged()
{
    const Customer &user = m_auth->user();
    // An ending session empties the user; the page is about to be left, keep what it shows.
    if (user.id == 0 || m_auth->state() != AuthStateManager::State::SignedIn)
        return;
    if (m_form->isEditing())
        m_form->rebase(user);
    else
        m_form->setCustomer(user);
}

void ProfilePage::onSessionEnding(AuthStateManager::SignOutReason reason)
{
    if (reason == AuthStateManager::SignOutReason::SessionExpired && m_form->isDirty())
        m_auth->keepDraft(m_auth->user().id, m_form->changes());
}

void ProfilePage::onSaved()
{
    setBusy(false);
    m_form->setCustomer(m_auth->user());
    setEditingMode(false);
    banner()->showSuccess(tr("Saved."));
}

void ProfilePage::onConflict()
{
    // The editor already took the server's version; onUserChanged() laid the edits over it.
    setBusy(false);
    banner()->showError(
        tr("This profile was changed elsewhere. Your edits are kept; review and save again."));
}

void ProfilePage::onSaveFailed(const ApiError &error)
{
    setBusy(false);
    const QString message = m_form->showSaveError(error);
    // A wait the server asked for counts down (Save waits too); Retry saves the same edits again.
    if (!m_countdown->start(error))
        banner()->showFailure(error, message, [this]() { save(); });
    if (error.kind == ErrorKind::Validation) // A keyboard user lands on the field to correct.
        restoreFocus(m_form->firstInputInError());
}

void ProfilePage::onRefreshFailed(const ApiError &error)
{
    if (!m_busyNow)
        return;
    m_refreshWait->stop();
    setBusy(false);
    // A wait the client does not sit out by itself (a long Retry-After) counts down here, with
    // Refresh disabled, and the refresh goes again when it ends.
    if (m_refreshWait->startRetrying(error)) {
        m_refreshAfterWait = true;
        return;
    }
    banner()->showFailure(error, error.userMessage(), [this]() { requestRefresh(); });
}

void ProfilePage::setEditingMode(bool editing)
{
    m_form->setEditing(editing);
    m_edit->setVisible(!editing);
    m_save->setVisible(editing);
    m_cancel->setVisible(editing);
}

void ProfilePage::setBusy(bool busy)
{
    if (busy)
        rememberFocus();
    m_busyNow = busy;
    m_busy->setRunning(busy);
    for (QPushButton *button : {m_edit, m_save, m_cancel, m_refresh, m_signOut})
        button->setEnabled(!busy);
    m_save->setEnabled(!busy && !m_countdown->isRunning());
    m_refresh->setEnabled(!busy && !m_refreshWait->isRunning());
    m_form->setEnabled(!busy);
    if (!busy)
        restoreFocus();
}

} // namespace portal
