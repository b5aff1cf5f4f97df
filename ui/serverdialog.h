#pragma once

#include "apirequest.h"

#include <QDialog>
#include <QUrl>

class QComboBox;
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
    ServerDialog(const QUrl &current, AuthMode currentAuth,
                 ApiFlavour currentApi = ApiFlavour::Seed, QWidget *parent = nullptr);

    QLineEdit *addressEdit() const { return m_address; }
    QComboBox *authBox() const { return m_auth; }
    QComboBox *apiBox() const { return m_api; }
    QPushButton *okButton() const;
    QString error() const;

Q_SIGNALS:
    /// The user accepted a usable address (already normalised) and a sign-in method.
    void serverChosen(const QUrl &url, portal::AuthMode auth, portal::ApiFlavour api);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void check();
    void fitHeight();
    void accept() override;

    QLineEdit *m_address;
    FieldErrorLabel *m_error;
    QComboBox *m_auth;
    QComboBox *m_api;
    QDialogButtonBox *m_buttons;
    QUrl m_url;
};

} // namespace portal
