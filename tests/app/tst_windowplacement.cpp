// Where the main window opens: fitted to the screen on the first run (at any scale), where it was
// on the next, and never on a screen that is gone.

#include "mainwindow.h"
#include "portalapp.h"
#include "windowplacement.h"

#include <QApplication>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace portal;

namespace {

// What fittedGeometry() leaves around the window: a margin, and room for a title bar on top.
constexpr int kMargin = 16;
constexpr int kTitleBar = 40;

/// The screen the window is on (offscreen: the only one).
QRect availableFor(const QWidget *window)
{
    return window->screen()->availableGeometry();
}

} // namespace

class TestWindowPlacement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void fittedGeometry_data();
    void fittedGeometry();
    void savedFrameGeometry_data();
    void savedFrameGeometry();
    void firstWindowFitsTheScreen();
    void firstWindowFitsAScaledScreen_data();
    void firstWindowFitsAScaledScreen();
    void placeIsRememberedAcrossRuns();
    void placeOnAScreenThatIsGoneIsNotUsed();

private:
    std::unique_ptr<PortalApp> startApp();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
};

void TestWindowPlacement::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestWindowPlacement::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
}

void TestWindowPlacement::cleanup()
{
    m_settings.reset();
    m_dir.reset();
}

std::unique_ptr<PortalApp> TestWindowPlacement::startApp()
{
    // No server: the window opens with the Server address dialog, and nothing goes out.
    PortalAppOptions options;
    options.settings = m_settings.get();
    auto app = std::make_unique<PortalApp>(options);
    app->start();
    if (!QTest::qWaitForWindowExposed(app->window()))
        return nullptr;
    return app;
}

void TestWindowPlacement::fittedGeometry_data()
{
    QTest::addColumn<QSize>("preferred");
    QTest::addColumn<QRect>("available");
    QTest::addColumn<QSize>("expected");
    const QSize preferred(720, 680);
    // 1280×900 at 150 %: 853×600 logical pixels, less a 24-pixel panel.
    QTest::newRow("1280x900 at 150 %")
        << preferred << QRect(0, 24, 853, 576) << QSize(720, 576 - 2 * kMargin - kTitleBar);
    QTest::newRow("1280x900 at 100 %") << preferred << QRect(0, 0, 1280, 900) << preferred;
    QTest::newRow("800x600") << preferred << QRect(0, 0, 800, 600)
                             << QSize(720, 600 - 2 * kMargin - kTitleBar);
    QTest::newRow("narrow and short") << preferred << QRect(0, 0, 640, 480)
                                      << QSize(640 - 2 * kMargin, 480 - 2 * kMargin - kTitleBar);
    QTest::newRow("second screen to the right")
        << preferred << QRect(1920, 0, 1280, 1024) << preferred;
    QTest::newRow("screen above the primary")
        << preferred << QRect(0, -768, 1024, 768) << QSize(720, 680);
}

void TestWindowPlacement::fittedGeometry()
{
    QFETCH(QSize, preferred);
    QFETCH(QRect, available);
    QFETCH(QSize, expected);
    const QRect placed = portal::fittedGeometry(preferred, available);
    QCOMPARE(placed.size(), expected);
    // Inside the free area with its margin and the title bar's room, and centred in it.
    const QRect room = available.adjusted(kMargin, kMargin + kTitleBar, -kMargin, -kMargin);
    QVERIFY2(room.contains(placed), qPrintable(QStringLiteral("%1,%2 %3x%4")
                                                   .arg(placed.x())
                                                   .arg(placed.y())
                                                   .arg(placed.width())
                                                   .arg(placed.height())));
    QVERIFY(qAbs(placed.center().x() - room.center().x()) <= 1);
    QVERIFY(qAbs(placed.center().y() - room.center().y()) <= 1);
}

void TestWindowPlacement::savedFrameGeometry_data()
{
    QTest::addColumn<QByteArray>("saved");
    QTest::addColumn<QRect>("expected"); // null: nothing read
    QWidget window;
    window.setGeometry(123, 45, 300, 200);
    QTest::newRow("a window's own record") << window.saveGeometry() << window.frameGeometry();
    window.setGeometry(-5000, 4000, 300, 200);
    QTest::newRow("far off every screen") << window.saveGeometry() << window.frameGeometry();
    QTest::newRow("empty") << QByteArray() << QRect();
    QTest::newRow("garbage") << QByteArray("not a geometry at all") << QRect();
    QByteArray truncated = window.saveGeometry();
    truncated.truncate(12);
    QTest::newRow("cut short") << truncated << QRect();
}

void TestWindowPlacement::savedFrameGeometry()
{
    QFETCH(QByteArray, saved);
    QFETCH(QRect, expected);
    const std::optional<QRect> frame = portal::savedFrameGeometry(saved);
    QCOMPARE(frame.has_value(), !expected.isNull());
    if (frame)
        QCOMPARE(*frame, expected);
}

void TestWindowPlacement::firstWindowFitsTheScreen()
{
    const std::unique_ptr<PortalApp> app = startApp();
    QVERIFY(app);
    MainWindow *window = app->window();
    const QRect available = availableFor(window);
    // Everything the user needs to reach, the status bar too, is on the screen.
    QVERIFY2(available.contains(window->frameGeometry()),
             qPrintable(QStringLiteral("frame %1,%2 %3x%4 on %5x%6")
                            .arg(window->frameGeometry().x())
                            .arg(window->frameGeometry().y())
                            .arg(window->frameGeometry().width())
                            .arg(window->frameGeometry().height())
                            .arg(available.width())
                            .arg(available.height())));
    QVERIFY(window->width() > available.width() / 2); // Fitted, not shrunk to nothing.
    qInfo().noquote() << QStringLiteral("on %1x%2").arg(available.width()).arg(available.height());
}

void TestWindowPlacement::firstWindowFitsAScaledScreen_data()
{
    QTest::addColumn<QString>("scale");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::newRow("1280x900 at 150 %") << "1.5" << 1280 << 900;
    QTest::newRow("1280x800 at 200 %") << "2" << 1280 << 800;
    QTest::newRow("1366x768 at 125 %") << "1.25" << 1366 << 768;
}

void TestWindowPlacement::firstWindowFitsAScaledScreen()
{
    // The scale and the screen are chosen when the application starts: a child process of this
    // test runs firstWindowFitsTheScreen alone on an offscreen screen of that size, at that scale.
    QFETCH(QString, scale);
    QFETCH(int, width);
    QFETCH(int, height);
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("screens.json"));
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral(R"({"screens": [{"name": "Scaled", "x": 0, "y": 0, "width": %1,
                                 "height": %2, "logicalDpi": 96, "logicalBaseDpi": 96,
                                 "dpr": 1}]})")
                   .arg(width)
                   .arg(height)
                   .toUtf8());
    file.close();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"),
                       QStringLiteral("offscreen:configfile=") + config);
    environment.insert(QStringLiteral("QT_SCALE_FACTOR"), scale);
    QProcess child;
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("firstWindowFitsTheScreen"), QStringLiteral("-o"),
                 QStringLiteral("-,txt")});
    QVERIFY(child.waitForFinished(60000));
    const QString output = QString::fromLocal8Bit(child.readAll());
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
             qPrintable(output));
    QVERIFY2(
        output.contains(QStringLiteral("PASS   : TestWindowPlacement::firstWindowFitsTheScreen")),
        qPrintable(output));
    // It ran on the scaled screen: its size in logical pixels is the physical size / scale.
    const QRegularExpressionMatch size =
        QRegularExpression(QStringLiteral("on (\\d+)x(\\d+)")).match(output);
    QVERIFY2(size.hasMatch(), qPrintable(output));
    QVERIFY(qAbs(size.captured(1).toInt() - width / scale.toDouble()) <= 1);
    QVERIFY(qAbs(size.captured(2).toInt() - height / scale.toDouble()) <= 1);
}

void TestWindowPlacement::placeIsRememberedAcrossRuns()
{
    const QRect place(60, 70, 500, 420);
    {
        const std::unique_ptr<PortalApp> first = startApp();
        QVERIFY(first);
        first->window()->setGeometry(place);
        QTRY_COMPARE(first->window()->geometry(), place);
    }
    QVERIFY(!m_settings->value(PortalApp::windowGeometryKey()).toByteArray().isEmpty());
    const std::unique_ptr<PortalApp> second = startApp();
    QVERIFY(second);
    QCOMPARE(second->window()->geometry(), place);
}

void TestWindowPlacement::placeOnAScreenThatIsGoneIsNotUsed()
{
    // Saved on a screen to the right of this one that is no longer there.
    QWidget elsewhere;
    const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
    const QRect gone(available.right() + 400, available.top() + 100, 500, 420);
    elsewhere.setGeometry(gone);
    m_settings->setValue(PortalApp::windowGeometryKey(), elsewhere.saveGeometry());
    const std::unique_ptr<PortalApp> app = startApp();
    QVERIFY(app);
    MainWindow *window = app->window();
    QVERIFY2(availableFor(window).contains(window->frameGeometry()),
             qPrintable(QStringLiteral("at %1,%2").arg(window->x()).arg(window->y())));
    // Not the saved place moved onto this screen (as restoreGeometry() would): the first-run one.
    QVERIFY(window->size() != gone.size());
}

QTEST_MAIN(TestWindowPlacement)
#include "tst_windowplacement.moc"
