#pragma once

#include "accountmanager.h"

#include <QDialog>
#include <QHash>
#include <QList>
#include <QPointer>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QVBoxLayout;

namespace portal {

class BusyIndicator;
class FieldErrorLabel;
class MessageBanner;

/**
 * What the account dialogs share: a message area on top, captioned inputs with an inline error
 * under each, and the buttons with a busy indicator beside them. While the dialog's request to the
 * AccountManager runs, the inputs and buttons are disabled and Escape does nothing; when the
 * server has no endpoint for the dialog's feature, the dialog closes (nothing half-done stays).
 * Open it with open(); it deletes itself when closed.
 */
class AccountDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountDialog)

public:
    MessageBanner *banner() const { return m_banner; }
    QDialogButtonBox *buttonBox() const { return m_buttons; }
    QPushButton *cancelButton() const { return m_cancel; }
    BusyIndicator *busyIndicator() const { return m_busy; }
    /// The inline error under @p input (empty when none).
    QString fieldError(const QWidget *input) const;

    /// Closes unless the dialog's request is running (Escape, Cancel, the window's close button).
    void reject() override;

protected:
    /// @p account must outlive the dialog; @p feature is what the dialog does.
    AccountDialog(AccountManager *account, AccountManager::Feature feature, const QString &title,
                  QWidget *parent);

    AccountManager *account() const { return m_account; }
    /// Where the dialog's own content goes: between the message area and the buttons.
    QVBoxLayout *content() const { return m_content; }
    /// Adds to @p layout an input captioned @p label (also its accessible name), with its inline
    /// error under it, which typing in the input clears.
    QLineEdit *addInput(QVBoxLayout *layout, const QString &label, const QString &objectName,
                        bool password);
    /// A word-wrapped paragraph of plain text.
    static QLabel *paragraph(const QString &text, const QString &objectName);

    void setFieldError(QLineEdit *input, const QString &message);
    /// The first input (in the order they were added) that shows an error; null when none.
    QLineEdit *firstInputInError() const;

    /// Sends the dialog's request: @p send calls the AccountManager. Its result is this dialog's
    /// (takeResult()); results of requests the dialog did not send are not.
    void send(const std::function<void()> &send);
    /// True once for the result of the request send() started.
    bool takeResult();
    /**
     * Shows the failure @p error of the dialog's request: each message the server gave about an
     * input of @p inputs under that input, the rest in the message area, where Retry (for a
     * failure that trying again may cure) runs @p retry. The first of @p inputs with an error
     * (also one set just before) gets the focus, its text selected: nothing typed is lost.
     */
    void showFailure(const ApiError &error, const QHash<AccountManager::Field, QLineEdit *> &inputs,
                     const std::function<void()> &retry);
    /// Called for a failure of the dialog's own request.
    virtual void onFailed(const ApiError &error) = 0;

    /// Closes with @p result, at most once, whatever the dialog is doing.
    void finish(int result);
    /// Grows the dialog for wrapped text that appeared (top-level windows ignore
    /// height-for-width).
    void fitHeight();
    void showEvent(QShowEvent *event) override;

private:
    void setBusy(bool busy);

    AccountManager *m_account;
    AccountManager::Feature m_feature;
    MessageBanner *m_banner;
    QWidget *m_body;
    QVBoxLayout *m_content;
    BusyIndicator *m_busy;
    QDialogButtonBox *m_buttons;
    QPushButton *m_cancel;
    QList<QLineEdit *> m_inputs;
    QHash<const QWidget *, FieldErrorLabel *> m_errors;
    QPointer<QWidget> m_focusBeforeBusy;
    bool m_waiting = false;
    bool m_finished = false;
};

} // namespace portal
