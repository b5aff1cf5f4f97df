#include "confirmdiscard.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

namespace portal {

namespace {

// Gives lupdate and tr() one context for these sentences.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(portal::ConfirmDiscard)
};

} // namespace

QMessageBox *confirmDiscard(QWidget *parent, const QString &question, const QString &discardText,
                            std::function<void()> discard)
{
    auto *box = new QMessageBox(parent);
    box->setObjectName(QStringLiteral("confirmDiscard"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Warning);
    box->setTextFormat(Qt::PlainText);
    box->setWindowTitle(Text::tr("Unsaved changes"));
    box->setText(question);
    box->setInformativeText(Text::tr("Your edits have not been saved."));
    QPushButton *discardButton = box->addButton(discardText, QMessageBox::DestructiveRole);
    QPushButton *keepButton = box->addButton(Text::tr("Keep editing"), QMessageBox::RejectRole);
    discardButton->setObjectName(QStringLiteral("discardButton"));
    keepButton->setObjectName(QStringLiteral("keepEditingButton"));
    box->setDefaultButton(keepButton);
    box->setEscapeButton(keepButton);
    QObject::connect(box, &QMessageBox::finished, box, [box, discardButton, discard]() {
        if (box->clickedButton() == discardButton)
            discard();
    });
    box->setWindowModality(Qt::WindowModal);
    box->open();
    return box;
}

} // namespace portal
