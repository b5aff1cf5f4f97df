// The executable only parses the command line and hands over to the composition root.

#include "commandline.h"
#include "portalapp.h"
#include "translations.h"

#include <QApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication::setOrganizationName(QStringLiteral("CustomerPortal"));
    QApplication::setApplicationName(QStringLiteral("CustomerPortal"));
    QApplication::setApplicationDisplayName(QStringLiteral("Customer Portal"));
    QApplication::setApplicationVersion(QStringLiteral(PORTAL_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(PORTAL_APP_ID));
    QApplication app(argc, argv);
    const portal::Translations translations(QLocale::system());

    const portal::CommandLine command = portal::parseCommandLine(QApplication::arguments());
    switch (command.action) {
    case portal::CommandLine::Action::Run:
        break;
    case portal::CommandLine::Action::ShowHelp:
    case portal::CommandLine::Action::ShowVersion:
        std::fputs(command.output.toLocal8Bit().constData(), stdout);
        return command.exitCode;
    case portal::CommandLine::Action::Fail:
        std::fputs(command.output.toLocal8Bit().constData(), stderr);
        return command.exitCode;
    }

    portal::PortalAppOptions options;
    options.serverOverride = command.server;
    portal::PortalApp portalApp(options);
    portalApp.start();
    return QApplication::exec();
}
