// The baseline child of bench_startup: a bare Qt Widgets window, nothing of the app linked. It
// prints "qapp <ms>" once QApplication exists and "painted <peak RSS kB> <ms> <PSS kB>" after its
// first paint, then quits.
//
//   bench_startup_baseline               the same widgets as the app's Sign in window (the
//                                        baseline of the targets): a 720 x 680 main window with
//                                        the same menus, status bar and sign-in card, the same
//                                        SVG logo and button icons, written as plain Qt
//   bench_startup_baseline --minimal     two line edits, a check box and a button in a form
//                                        layout (the project's first baseline, for information)

#include "firstpaintreporter.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollArea>
#include <QStatusBar>
#include <QVBoxLayout>
#include <QWidget>

#include <cstring>
#include <memory>

namespace {

std::unique_ptr<QWidget> minimalWindow()
{
    auto window = std::make_unique<QWidget>();
    window->setWindowTitle(QStringLiteral("Sign in"));
    auto *form = new QFormLayout(window.get());
    auto *password = new QLineEdit(window.get());
    password->setEchoMode(QLineEdit::Password);
    form->addRow(QStringLiteral("Username"), new QLineEdit(window.get()));
    form->addRow(QStringLiteral("Password"), password);
    form->addRow(new QCheckBox(QStringLiteral("Remember me"), window.get()));
    form->addRow(new QPushButton(QStringLiteral("Sign in"), window.get()));
    return window;
}

QIcon svg(const char *name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}

void addMenus(QMainWindow *window)
{
    QMenu *file = window->menuBar()->addMenu(QStringLiteral("&File"));
    file->addAction(svg("sign-out"), QStringLiteral("Sign &out"))->setEnabled(false);
    file->addSeparator();
    file->addAction(QStringLiteral("&Quit"))->setShortcut(QKeySequence::Quit);
    QMenu *view = window->menuBar()->addMenu(QStringLiteral("&View"));
    QAction *customers = view->addAction(svg("customers"), QStringLiteral("&Customers"));
    customers->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    customers->setEnabled(false);
    QAction *profile = view->addAction(svg("user"), QStringLiteral("My &profile"));
    profile->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    profile->setEnabled(false);
    QMenu *account = window->menuBar()->addMenu(QStringLiteral("&Profile"));
    account->addAction(QStringLiteral("Change &password…"))->setEnabled(false);
    account->addSeparator();
    account->addAction(QStringLiteral("&Delete account…"))->setEnabled(false);
    QMenu *settings = window->menuBar()->addMenu(QStringLiteral("&Settings"));
    settings->addAction(svg("server"), QStringLiteral("&Server address…"));
    QMenu *appearance = settings->addMenu(QStringLiteral("&Appearance"));
    for (const char *mode : {"S&ystem", "&Light", "&Dark"})
        appearance->addAction(QLatin1String(mode))->setCheckable(true);
    QMenu *help = window->menuBar()->addMenu(QStringLiteral("&Help"));
    help->addAction(svg("app"), QStringLiteral("&About Customer Portal"));
}

QWidget *signInCard()
{
    auto *card = new QFrame;
    card->setFrameShape(QFrame::StyledPanel);
    card->setMaximumWidth(460);
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(12);

    auto *welcomeRow = new QHBoxLayout;
    auto *logo = new QLabel;
    logo->setPixmap(svg("app").pixmap(QSize(40, 40), logo->devicePixelRatioF()));
    logo->setFixedSize(40, 40);
    auto *welcome = new QLabel(
        QStringLiteral("Welcome to Customer Portal. Sign in to see and update your account."));
    welcome->setWordWrap(true);
    welcomeRow->addWidget(logo, 0, Qt::AlignTop);
    welcomeRow->addWidget(welcome, 1);
    layout->addLayout(welcomeRow);

    auto *username = new QLineEdit;
    auto *password = new QLineEdit;
    password->setEchoMode(QLineEdit::Password);
    for (auto [caption, edit] : {std::pair{"Username", username}, {"Password", password}}) {
        auto *label = new QLabel(QLatin1String(caption));
        label->setBuddy(edit);
        layout->addWidget(label);
        layout->addWidget(edit);
    }
    auto *passwordRow = new QHBoxLayout;
    passwordRow->addWidget(new QCheckBox(QStringLiteral("Show password")));
    passwordRow->addStretch(1);
    auto *forgot = new QPushButton(QStringLiteral("Forgot pass&word?"));
    forgot->setFlat(true);
    passwordRow->addWidget(forgot);
    layout->addLayout(passwordRow);
    layout->addWidget(new QCheckBox(QStringLiteral("&Remember me")));
    auto *buttons = new QHBoxLayout;
    auto *signIn = new QPushButton(svg("sign-in"), QStringLiteral("Sign &in"));
    signIn->setDefault(true);
    auto *create = new QPushButton(svg("create-account"), QStringLiteral("&Create account"));
    create->setFlat(true);
    buttons->addWidget(signIn);
    buttons->addStretch(1);
    buttons->addWidget(create);
    layout->addLayout(buttons);
    return card;
}

std::unique_ptr<QWidget> sameWidgetsWindow()
{
    auto window = std::make_unique<QMainWindow>();
    window->setWindowTitle(QStringLiteral("Sign in — Customer Portal"));
    addMenus(window.get());

    auto *heading = new QLabel(QStringLiteral("Sign in"));
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setWeight(QFont::DemiBold);
    heading->setFont(font);
    auto *column = new QWidget;
    column->setMaximumWidth(460);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->addStretch(1);
    columnLayout->addWidget(heading);
    columnLayout->addWidget(signInCard());
    columnLayout->addStretch(1);
    auto *content = new QWidget;
    auto *centre = new QHBoxLayout(content);
    centre->setContentsMargins(24, 32, 24, 24);
    centre->addStretch(1);
    centre->addWidget(column, 100);
    centre->addStretch(1);
    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    window->setCentralWidget(scroll);

    window->statusBar()->addWidget(new QLabel(QStringLiteral("Signed out")));
    window->statusBar()->addPermanentWidget(new QLabel(QStringLiteral("Server: 127.0.0.1")));
    window->resize(720, 680);
    return window;
}

} // namespace

int main(int argc, char *argv[])
{
    portal::bench::FirstPaintReporter::startClock();
    const bool minimal = argc > 1 && std::strcmp(argv[1], "--minimal") == 0;
    QApplication app(argc, argv);
    portal::bench::FirstPaintReporter::printMilestone("qapp");

    const std::unique_ptr<QWidget> window = minimal ? minimalWindow() : sameWidgetsWindow();
    auto *reporter = new portal::bench::FirstPaintReporter(window.get());
    QObject::connect(reporter, &portal::bench::FirstPaintReporter::painted, &app,
                     &QCoreApplication::quit);
    window->show();
    return QApplication::exec();
}
