#pragma once

#include "apirequest.h"
#include "serverpolicy.h"

#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace portal {

/// What the command line asks for.
struct CommandLine
{
    enum class Action
    {
        Run,         ///< Start the app (server may be set).
        ShowHelp,    ///< Print output to stdout and exit with exitCode.
        ShowVersion, ///< Print output to stdout and exit with exitCode.
        Fail         ///< Print output to stderr and exit with exitCode.
    };
    Action action = Action::Run;
    QUrl server; ///< --server, already checked and normalised; empty when not given.
    std::optional<AuthMode> auth;  ///< --auth token|jwt; nothing when not given.
    std::optional<ApiFlavour> api; ///< --api seed|djoser; nothing when not given.
    QString output;                ///< What to print for every action but Run.
    int exitCode = 0;
};

/// The exit code for a bad command line, including an unusable or forbidden --server.
constexpr int kUsageExitCode = 2;

/// "token" or "jwt" (the values of --auth and of the server/auth setting); nothing otherwise.
std::optional<AuthMode> authModeFromString(const QString &value);
QString authModeToString(AuthMode mode);
/// "seed" or "djoser" (the values of --api and of the server/api setting); nothing otherwise.
std::optional<ApiFlavour> apiFlavourFromString(const QString &value);
QString apiFlavourToString(ApiFlavour flavour);

/// Parses the arguments (including the program name first): --server URL, --auth token|jwt,
/// --api seed|djoser, --version, --help. QApplication's own options (-platform NAME, -style NAME,
/// -reverse...) are left to it, so the result does not depend on whether a QApplication has removed
/// them yet. A --server that @p policy does not allow (another origin than a locked server) is
/// refused.
CommandLine parseCommandLine(const QStringList &arguments, const ServerPolicy &policy = {});

} // namespace portal
