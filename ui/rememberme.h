#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;

namespace portal {

/**
 * "Remember me" and, when no keychain works, the reason it is off. Checked by default while the
 * keychain is available; shared by Sign in and Create account.
 */
class RememberMe final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RememberMe)

public:
    explicit RememberMe(QWidget *parent = nullptr);

    /// Whether a keychain can store the session: enables and checks the box, or disables it and
    /// shows why.
    void setAvailable(bool available);
    /// While a request runs the box cannot be changed.
    void setBusy(bool busy);
    /// Checked and usable: the session is to be stored.
    bool isRequested() const;

    QCheckBox *checkBox() const { return m_box; }
    QLabel *reasonLabel() const { return m_reason; }

private:
    QCheckBox *m_box;
    QLabel *m_reason;
    bool m_available = true;
};

} // namespace portal
