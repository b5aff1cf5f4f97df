#pragma once

#include <QFrame>
#include <QString>

class QLabel;

namespace portal {

/**
 * The message area above a form. Its text is plain text (it often quotes the server) and stays
 * readable by screen readers: the label has no fixed accessible name, only the description
 * "Message".
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
    void clear();

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
    Kind m_kind = Kind::Info;
};

} // namespace portal
