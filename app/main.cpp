// The executable only parses the command line and hands over to the composition root.

#include "commandline.h"
#include "portalapp.h"
#include "translations.h"

#include <QApplication>

#include <cstdio>

namespace {

int report(const portal::CommandLine &command)
{
    const bool toStdout = command.action != portal::CommandLine::Action::Fail;
    std::fputs(command.output.toLocal8Bit().constData(), toStdout ? stdout : stderr);
    return command.exitCode;
}

QStringList argumentsOf(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

} // namespace

int main(int argc, char *argv[])
{
    portal::setApplicationIdentity();
    // The operator's system-wide configuration (QSettings needs only the names set above, no
    // application object): it may lock the server, which --server obeys.
    const portal::ServerPolicy policy = portal::ServerPolicy::fromSystemScope();

    // --help, --version and a bad command line must work in a terminal without a display, where
    // a QApplication cannot start: answer them with a QCoreApplication (translated all the same).
    if (portal::parseCommandLine(argumentsOf(argc, argv), policy).action !=
        portal::CommandLine::Action::Run) {
        const QCoreApplication app(argc, argv);
        const portal::Translations translations(QLocale::system());
        return report(portal::parseCommandLine(QCoreApplication::arguments(), policy));
    }

    QApplication app(argc, argv);
    const portal::Translations translations(QLocale::system());
    const portal::CommandLine command = portal::parseCommandLine(QApplication::arguments(), policy);
    if (command.action != portal::CommandLine::Action::Run)
        return report(command);

    portal::PortalAppOptions options;
    options.serverOverride = command.server;
    options.authOverride = command.auth;
    options.apiOverride = command.api;
    options.policy = policy;
    portal::PortalApp portalApp(options);
    portalApp.start();
    return QApplication::exec();
}
