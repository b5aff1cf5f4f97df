#include "commandline.h"

#include "serverurl.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <algorithm>

namespace portal {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(portal::CommandLine)
};

CommandLine failure(const QString &message, const QCommandLineParser &parser)
{
    CommandLine result;
    result.action = CommandLine::Action::Fail;
    result.exitCode = kUsageExitCode;
    result.output = message + QLatin1String("\n\n") + parser.helpText();
    return result;
}

// Run with --server VALUE, or the reason VALUE is unusable or not allowed (without the help text:
// the reason is what matters, and it may mention https).
CommandLine withServer(const QString &value, const ServerPolicy &policy)
{
    CommandLine result;
    const ServerUrlCheck check = checkServerUrl(value);
    if (check.ok() && policy.allows(check.url)) {
        result.server = check.url;
        return result;
    }
    result.action = CommandLine::Action::Fail;
    result.exitCode = kUsageExitCode;
    if (!check.ok())
        result.output = Text::tr("Invalid --server address \"%1\": %2").arg(value, check.error);
    else
        result.output = Text::tr("Your administrator set the server address to %1; --server "
                                 "cannot connect to %2.")
                            .arg(originOf(policy.server), originOf(check.url));
    result.output += QLatin1Char('\n');
    return result;
}

// The options QApplication and its platform plugins take for themselves (with one dash or two),
// which only a QApplication removes from the arguments: they are Qt's, not unknown ones.
QStringList withoutQtOptions(const QStringList &arguments)
{
    static const QStringList withValue{QStringLiteral("platform"),
                                       QStringLiteral("platformpluginpath"),
                                       QStringLiteral("platformtheme"),
                                       QStringLiteral("plugin"),
                                       QStringLiteral("qwindowgeometry"),
                                       QStringLiteral("qwindowtitle"),
                                       QStringLiteral("qwindowicon"),
                                       QStringLiteral("geometry"),
                                       QStringLiteral("title"),
                                       QStringLiteral("icon"),
                                       QStringLiteral("style"),
                                       QStringLiteral("stylesheet"),
                                       QStringLiteral("session"),
                                       QStringLiteral("display"),
                                       QStringLiteral("name"),
                                       QStringLiteral("visual"),
                                       QStringLiteral("qmljsdebugger")};
    static const QStringList flags{QStringLiteral("reverse"),     QStringLiteral("widgetcount"),
                                   QStringLiteral("testability"), QStringLiteral("nograb"),
                                   QStringLiteral("dograb"),      QStringLiteral("qdevel"),
                                   QStringLiteral("qdebug")};
    static const QStringList withAttachedValue{
        QStringLiteral("style="), QStringLiteral("stylesheet="), QStringLiteral("qmljsdebugger=")};
    QStringList kept;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (i == 0 || !argument.startsWith(QLatin1Char('-'))) {
            kept.append(argument);
            continue;
        }
        const QString name = argument.mid(argument.startsWith(QLatin1String("--")) ? 2 : 1);
        const bool attached =
            std::any_of(withAttachedValue.cbegin(), withAttachedValue.cend(),
                        [&name](const QString &prefix) { return name.startsWith(prefix); });
        if (withValue.contains(name))
            ++i; // Its value, as Qt takes it (even one starting with a dash).
        else if (!flags.contains(name) && !attached)
            kept.append(argument);
    }
    return kept;
}

} // namespace

std::optional<AuthMode> authModeFromString(const QString &value)
{
    if (value == QLatin1String("token"))
        return AuthMode::Token;
    if (value == QLatin1String("jwt"))
        return AuthMode::Jwt;
    return std::nullopt;
}

QString authModeToString(AuthMode mode)
{
    return mode == AuthMode::Jwt ? QStringLiteral("jwt") : QStringLiteral("token");
}

std::optional<ApiFlavour> apiFlavourFromString(const QString &value)
{
    if (value == QLatin1String("seed"))
        return ApiFlavour::Seed;
    if (value == QLatin1String("djoser"))
        return ApiFlavour::Djoser;
    return std::nullopt;
}

QString apiFlavourToString(ApiFlavour flavour)
{
    return flavour == ApiFlavour::Djoser ? QStringLiteral("djoser") : QStringLiteral("seed");
}

CommandLine parseCommandLine(const QStringList &arguments, const ServerPolicy &policy)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Customer Portal: sign in to your customer account and manage your profile."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption serverOption(
        QStringLiteral("server"),
        Text::tr("Connect to the server at <url> for this run only (not saved). Plain http is "
                 "allowed only to this computer; use https."),
        Text::tr("url"));
    parser.addOption(serverOption);
    const QCommandLineOption authOption(
        QStringLiteral("auth"),
        Text::tr("How the server signs people in, for this run only: token (Django REST "
                 "framework tokens) or jwt (simplejwt)."),
        Text::tr("method"));
    parser.addOption(authOption);
    const QCommandLineOption apiOption(
        QStringLiteral("api"),
        Text::tr("Which endpoints the server has, for this run only: seed (the portal's /api/ "
                 "views) or djoser (Djoser under /auth/)."),
        Text::tr("flavour"));
    parser.addOption(apiOption);

    if (!parser.parse(withoutQtOptions(arguments)))
        return failure(parser.errorText(), parser);

    CommandLine result;
    // --help-all (which addHelpOption() adds and --help lists) would need a QCoreApplication to
    // list Qt's own options; it shows the same help, without one, rather than starting the app.
    if (parser.isSet(helpOption) || parser.isSet(QStringLiteral("help-all"))) {
        result.action = CommandLine::Action::ShowHelp;
        result.output = parser.helpText();
        return result;
    }
    if (parser.isSet(versionOption)) {
        result.action = CommandLine::Action::ShowVersion;
        result.output =
            Text::tr("Customer Portal %1").arg(QStringLiteral(PORTAL_VERSION)) + QLatin1Char('\n');
        return result;
    }
    if (!parser.positionalArguments().isEmpty())
        return failure(
            Text::tr("Unexpected argument: %1").arg(parser.positionalArguments().first()), parser);
    if (parser.isSet(serverOption))
        result = withServer(parser.value(serverOption), policy);
    if (result.action == CommandLine::Action::Run && parser.isSet(authOption)) {
        result.auth = authModeFromString(parser.value(authOption));
        if (!result.auth)
            return failure(Text::tr("Invalid --auth value \"%1\": use token or jwt.")
                               .arg(parser.value(authOption)),
                           parser);
    }
    if (result.action == CommandLine::Action::Run && parser.isSet(apiOption)) {
        result.api = apiFlavourFromString(parser.value(apiOption));
        if (!result.api)
            return failure(Text::tr("Invalid --api value \"%1\": use seed or djoser.")
                               .arg(parser.value(apiOption)),
                           parser);
    }
    return result;
}

} // namespace portal
