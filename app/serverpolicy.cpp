#include "serverpolicy.h"

#include "commandline.h"
#include "logging.h"
#include "portalapp.h"
#include "serverurl.h"

#include <QSettings>

namespace portal {

namespace {

// true, 1, yes, on (any case): a registry DWORD 1 and a plist boolean read as "1" and "true".
// Anything else is no lock; QVariant::toBool() would lock on "no" too.
bool isTrue(const QVariant &value)
{
    static const QStringList yes{QStringLiteral("true"), QStringLiteral("1"), QStringLiteral("yes"),
                                 QStringLiteral("on")};
    return yes.contains(value.toString().trimmed().toLower());
}

} // namespace

ServerPolicy ServerPolicy::fromSettings(const QSettings &system)
{
    ServerPolicy policy;
    const QString url = system.value(PortalApp::serverKey()).toString();
    if (!url.isEmpty()) {
        const ServerUrlCheck check = checkServerUrl(url);
        if (check.ok())
            policy.server = check.url;
        else
            qCWarning(lcNetwork).noquote() << "ignoring the system-wide" << PortalApp::serverKey()
                                           << url << ":" << check.error;
    }
    const QString auth = system.value(PortalApp::authKey()).toString();
    if (!auth.isEmpty()) {
        policy.auth = authModeFromString(auth);
        if (!policy.auth)
            qCWarning(lcNetwork).noquote()
                << "ignoring the system-wide" << PortalApp::authKey() << auth;
    }
    const QString api = system.value(PortalApp::apiKey()).toString();
    if (!api.isEmpty()) {
        policy.api = apiFlavourFromString(api);
        if (!policy.api)
            qCWarning(lcNetwork).noquote()
                << "ignoring the system-wide" << PortalApp::apiKey() << api;
    }
    const bool lockAsked = isTrue(system.value(PortalApp::lockedKey()));
    policy.locked = lockAsked && !policy.server.isEmpty();
    if (lockAsked && !policy.locked)
        qCWarning(lcNetwork).noquote()
            << "ignoring" << PortalApp::lockedKey()
            << ": the system-wide configuration has no usable" << PortalApp::serverKey();
    return policy;
}

ServerPolicy ServerPolicy::fromSystemScope()
{
    const QSettings system(QSettings::SystemScope);
    return fromSettings(system);
}

bool ServerPolicy::allows(const QUrl &url) const
{
    return !locked || sameOrigin(url, server);
}

} // namespace portal
