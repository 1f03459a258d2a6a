#include "ElementEndpoint.h"

namespace sb {

static QUrl withPath(QUrl base, const QString& path)
{
    QString basePath = base.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    base.setPath(basePath + path);
    return base;
}

NetworkEndpoints NetworkEndpoints::forSimulator(const QUrl& base)
{
    NetworkEndpoints endpoints;
    endpoints.ocs.url = withPath(base, QStringLiteral("/jsonrpc"));
    endpoints.hss.url = withPath(base, QString());
    endpoints.iptv.url = withPath(base, QStringLiteral("/iptv"));
    return endpoints;
}

} // namespace sb
