#pragma once

#include <QDialog>
#include <QUrl>

class QDialogButtonBox;
class QLineEdit;
class QPushButton;

namespace portal {

class FieldErrorLabel;

/**
 * Settings > Server address: checks the address as it is typed (checkServerUrl) and offers OK only
 * for a usable one. Open it with open(); it deletes itself when closed.
 */
class ServerDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerDialog)

public:
    explicit ServerDialog(const QUrl &current, QWidget *parent = nullptr);

    QLineEdit *addressEdit() const { return m_address; }
    QPushButton *okButton() const;
    QString error() const;

Q_SIGNALS:
    /// The user accepted a usable address (already normalised).
    void serverChosen(const QUrl &url);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void check();
    void fitHeight();
    void accept() override;

    QLineEdit *m_address;
    FieldErrorLabel *m_error;
    QDialogButtonBox *m_buttons;
    QUrl m_url;
};

} // namespace portal
