#include "serverdialog.h"

#include "fielderrorlabel.h"
#include "icons.h"
#include "serverurl.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace portal {

ServerDialog::ServerDialog(const QUrl &current, AuthMode currentAuth, ApiFlavour currentApi,
                           QWidget *parent)
    : QDialog(parent)
    , m_address(new QLineEdit(this))
    , m_error(new FieldErrorLabel(m_address, this))
    , m_auth(new QComboBox(this))
    , m_api(new QComboBox(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("serverDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Server address"));
    setWindowIcon(icon(Icon::Server));
    m_address->setObjectName(QStringLiteral("serverAddress"));
    m_address->setText(current.toString());
    m_address->setPlaceholderText(tr("https://portal.example.com"));

    auto *caption = new QLabel(tr("Server address"), this);
    caption->setBuddy(m_address);
    m_address->setAccessibleName(tr("Server address"));
    auto *hint = new QLabel(tr("The address of your customer portal server. Use https; plain http "
                               "works only for a server on this computer."),
                            this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    m_auth->setObjectName(QStringLiteral("authMethod"));
    m_auth->addItem(tr("Token (Django REST framework)"), int(AuthMode::Token));
    m_auth->addItem(tr("JSON Web Token (simplejwt)"), int(AuthMode::Jwt));
    m_auth->setCurrentIndex(m_auth->findData(int(currentAuth)));
    auto *authCaption = new QLabel(tr("&Sign-in method"), this);
    authCaption->setBuddy(m_auth);
    m_auth->setAccessibleName(tr("Sign-in method"));
    auto *authHint = new QLabel(tr("Ask your server's administrator if you are unsure; most "
                                   "servers use tokens."),
                                this);
    authHint->setWordWrap(true);
    authHint->setForegroundRole(QPalette::PlaceholderText);

    m_api->setObjectName(QStringLiteral("serverApi"));
    m_api->addItem(tr("Customer Portal (/api/)"), int(ApiFlavour::Seed));
    m_api->addItem(tr("Djoser (/auth/)"), int(ApiFlavour::Djoser));
    m_api->setCurrentIndex(m_api->findData(int(currentApi)));
    auto *apiCaption = new QLabel(tr("Server &type"), this);
    apiCaption->setBuddy(m_api);
    m_api->setAccessibleName(tr("Server type"));

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(6);
    layout->addWidget(caption);
    layout->addWidget(m_address);
    layout->addWidget(m_error);
    layout->addWidget(hint);
    layout->addSpacing(6);
    layout->addWidget(authCaption);
    layout->addWidget(m_auth);
    layout->addWidget(authHint);
    layout->addSpacing(6);
    layout->addWidget(apiCaption);
    layout->addWidget(m_api);
    layout->addSpacing(6);
    layout->addWidget(m_buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 64);
    // The app's SVG icons rather than the style's bitmaps: sharp at any scale, and alike.
    okButton()->setIcon(icon(Icon::Save));
    m_buttons->button(QDialogButtonBox::Cancel)->setIcon(icon(Icon::Cancel));

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ServerDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ServerDialog::reject);
    connect(m_address, &QLineEdit::textChanged, this, &ServerDialog::check);
    check();
}

QPushButton *ServerDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QString ServerDialog::error() const
{
    return m_error->error();
}

void ServerDialog::check()
{
    const QString text = m_address->text().trimmed();
    const ServerUrlCheck result = checkServerUrl(text);
    m_url = result.ok() ? result.url : QUrl();
    // Nothing typed yet is not an error worth shouting about; OK stays off all the same.
    m_error->setError(text.isEmpty() ? QString() : result.error);
    okButton()->setEnabled(result.ok());
    fitHeight();
}

void ServerDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    fitHeight();
}

void ServerDialog::fitHeight()
{
    // Top-level windows ignore height-for-width: grow for the wrapped error and hint by hand.
    const int needed = layout()->totalHeightForWidth(width());
    setMinimumHeight(needed);
    if (height() < needed)
        resize(width(), needed);
}

void ServerDialog::accept()
{
    if (!m_url.isValid())
        return;
    Q_EMIT serverChosen(m_url, AuthMode(m_auth->currentData().toInt()),
                        ApiFlavour(m_api->currentData().toInt()));
    QDialog::accept();
}

} // namespace portal
