#include "rememberme.h"

#include <QCheckBox>
#include <QLabel>
#include <QVBoxLayout>

namespace portal {

RememberMe::RememberMe(QWidget *parent)
    : QWidget(parent)
    , m_box(new QCheckBox(tr("Remember me"), this))
    , m_reason(new QLabel(this))
{
    m_box->setObjectName(QStringLiteral("rememberMe"));
    m_reason->setObjectName(QStringLiteral("rememberReason"));
    m_reason->setTextFormat(Qt::PlainText);
    m_reason->setWordWrap(true);
    m_reason->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_box);
    layout->addWidget(m_reason);
    // No focus proxy: its owner would report the focus too, and screen readers announce that
    // unnamed container ("filler") instead of the check box. Focus checkBox() instead.
    setAvailable(true);
}

void RememberMe::setAvailable(bool available)
{
    m_available = available;
    m_box->setEnabled(available);
    m_box->setChecked(available);
    m_reason->setText(
        available ? QString()
                  : tr("Remember me is unavailable: no keychain was found on this computer."));
    m_reason->setVisible(!available);
    m_box->setAccessibleDescription(m_reason->text());
}

void RememberMe::setBusy(bool busy)
{
    m_box->setEnabled(!busy && m_available);
}

bool RememberMe::isRequested() const
{
    return m_available && m_box->isChecked();
}

} // namespace portal
