// The baseline child of bench_startup: a bare Qt Widgets login window (two line edits, a check box
// and a button in a form layout), nothing of the app linked. It prints "qapp <ms>" once
// QApplication exists and "painted <peak RSS kB> <ms>" after its first paint, then quits.

#include "firstpaintreporter.h"

#include <QApplication>
#include <QCheckBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QWidget>

int main(int argc, char *argv[])
{
    portal::bench::FirstPaintReporter::startClock();
    QApplication app(argc, argv);
    portal::bench::FirstPaintReporter::printMilestone("qapp");

    QWidget window;
    window.setWindowTitle(QStringLiteral("Sign in"));
    auto *form = new QFormLayout(&window);
    auto *password = new QLineEdit(&window);
    password->setEchoMode(QLineEdit::Password);
    form->addRow(QStringLiteral("Username"), new QLineEdit(&window));
    form->addRow(QStringLiteral("Password"), password);
    form->addRow(new QCheckBox(QStringLiteral("Remember me"), &window));
    form->addRow(new QPushButton(QStringLiteral("Sign in"), &window));

    auto *reporter = new portal::bench::FirstPaintReporter(&window);
    QObject::connect(reporter, &portal::bench::FirstPaintReporter::painted, &app,
                     &QCoreApplication::quit);
    window.show();
    return QApplication::exec();
}
