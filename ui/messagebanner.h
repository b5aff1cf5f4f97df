#pragma once

#include "apierror.h"

#include <QFrame>
#include <QString>

#include <functional>

class QLabel;
class QPushButton;

namespace portal {

/**
 * The message area above a form. Its text is plain text (it often quotes the server) and stays
 * readable by screen readers: the label has no fixed accessible name, only the description
 * "Message". A failed request that may work if tried again also gets a Retry button, which
 * repeats it; the next message (or clear()) takes the button away.
 */
class MessageBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBanner)

public:
    enum class Kind
    {
        Error,
        Info,
        Success
    };
    Q_ENUM(Kind)

    explicit MessageBanner(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text);
    void showError(const QString &text) { showMessage(Kind::Error, text); }
    void showInfo(const QString &text) { showMessage(Kind::Info, text); }
    void showSuccess(const QString &text) { showMessage(Kind::Success, text); }
    /**
     * Shows @p text as the error of the failed @p error; when trying again may help (no answer, a
     * timeout, a server problem, "too many attempts" with no wait given), Retry runs @p retry.
     */
    void showFailure(const portal::ApiError &error, const QString &text,
                     const std::function<void()> &retry);
    void clear();

    /// Retry after a failure that offers it (hidden otherwise).
    QPushButton *retryButton() const { return m_retry; }
    /// True for the failures Retry is offered for.
    static bool offersRetry(const portal::ApiError &error);

    Kind kind() const;
    /// Empty when no message is shown.
    QString text() const;

    /// The fill for the current kind and palette.
    QColor background() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_retry;
    std::function<void()> m_retryAction;
    Kind m_kind = Kind::Info;
};

} // namespace portal
