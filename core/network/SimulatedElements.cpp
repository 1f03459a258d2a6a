#include "SimulatedElements.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>
#include <QUuid>

namespace sb {

namespace {

const QString DefaultTenant = QStringLiteral("cgrates.org");
const QString IntegrityError = QStringLiteral("A database integrity error occurred: UNIQUE or FOREIGN KEY constraint "
                                              "failed (%1)");

QByteArray toJson(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

SimulatedElements::Reply jsonReply(int status, const QJsonObject& object)
{
    return {status, toJson(object)};
}

SimulatedElements::Reply hssFailure(int status, const QString& reason)
{
    return jsonReply(status,
                     {{QStringLiteral("result"), QStringLiteral("Failed")}, {QStringLiteral("reason"), reason}});
}

SimulatedElements::Reply iptvFailure(int status, const QString& reason)
{
    return jsonReply(status, {{QStringLiteral("error"), reason}});
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// CGRateS lists missing mandatory fields as "MANDATORY_IE_MISSING: [Account BalanceType]".
QString missingFields(const QJsonObject& params, const QStringList& mandatory)
{
    QStringList missing;
    for (const QString& field : mandatory) {
        const QJsonValue value = params.value(field);
        if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty()))
            missing << field;
    }
    return missing.isEmpty() ? QString()
                             : QStringLiteral("MANDATORY_IE_MISSING: [%1]").arg(missing.join(QLatin1Char(' ')));
}

QString accountKey(const QJsonObject& params)
{
    const QString tenant = params.value(QLatin1String("Tenant")).toString();
    return (tenant.isEmpty() ? DefaultTenant : tenant) + QLatin1Char(':') +
           params.value(QLatin1String("Account")).toString();
}

QJsonObject newAccount(const QString& id)
{
    return {{QStringLiteral("ID"), id},
            {QStringLiteral("BalanceMap"), QJsonValue::Null},
            {QStringLiteral("UnitCounters"), QJsonValue::Null},
            {QStringLiteral("ActionTriggers"), QJsonValue::Null},
            {QStringLiteral("AllowNegative"), false},
            {QStringLiteral("Disabled"), false},
            {QStringLiteral("UpdateTime"), now()}};
}

} // namespace

const QVector<SimulatedElements::Route>& SimulatedElements::routes()
{
    static const QVector<Route> table{
        {"POST", QRegularExpression(QStringLiteral("^/jsonrpc$")), QStringLiteral("POST /jsonrpc"),
         &SimulatedElements::jsonRpc},
        {"PUT", QRegularExpression(QStringLiteral("^/auc/?$")), QStringLiteral("PUT /auc/"),
         &SimulatedElements::putAuc},
        {"PUT", QRegularExpression(QStringLiteral("^/subscriber/?$")), QStringLiteral("PUT /subscriber/"),
         &SimulatedElements::putSubscriber},
        {"GET", QRegularExpression(QStringLiteral("^/auc/imsi/([^/]+)$")), QStringLiteral("GET /auc/imsi/{imsi}"),
         &SimulatedElements::getAucByImsi},
        {"GET", QRegularExpression(QStringLiteral("^/subscriber/imsi/([^/]+)$")),
         QStringLiteral("GET /subscriber/imsi/{imsi}"), &SimulatedElements::getSubscriberByImsi},
        {"PATCH", QRegularExpression(QStringLiteral("^/subscriber/(\\d+)$")), QStringLiteral("PATCH /subscriber/{id}"),
         &SimulatedElements::patchSubscriber},
        {"DELETE", QRegularExpression(QStringLiteral("^/subscriber/(\\d+)$")),
         QStringLiteral("DELETE /subscriber/{id}"), &SimulatedElements::deleteSubscriber},
        {"DELETE", QRegularExpression(QStringLiteral("^/auc/(\\d+)$")), QStringLiteral("DELETE /auc/{id}"),
         &SimulatedElements::deleteAuc},
        {"POST", QRegularExpression(QStringLiteral("^/iptv/devices/?$")), QStringLiteral("POST /iptv/devices"),
         &SimulatedElements::activateDevice},
        {"GET", QRegularExpression(QStringLiteral("^/iptv/devices/([^/]+)$")),
         QStringLiteral("GET /iptv/devices/{serial}"), &SimulatedElements::getDevice},
        {"DELETE", QRegularExpression(QStringLiteral("^/iptv/devices/([^/]+)$")),
         QStringLiteral("DELETE /iptv/devices/{serial}"), &SimulatedElements::deactivateDevice},
    };
    return table;
}

QString SimulatedElements::elementOf(const QString& path)
{
    if (path == QLatin1String("/jsonrpc"))
        return QStringLiteral("ocs");
    if (path == QLatin1String("/iptv") || path.startsWith(QLatin1String("/iptv/")))
        return QStringLiteral("iptv");
    return QStringLiteral("hss");
}

QString SimulatedElements::requestKey(const Request& request)
{
    if (elementOf(request.path) == QLatin1String("ocs")) {
        const QString method = QJsonDocument::fromJson(request.body).object().value(QLatin1String("method")).toString();
        if (!method.isEmpty())
            return method;
    }
    for (const Route& route : routes()) {
        if (route.verb == request.verb && route.pattern.match(request.path).hasMatch())
            return route.key;
    }
    return QString::fromLatin1(request.verb) + QLatin1Char(' ') + request.path;
}

SimulatedElements::Reply SimulatedElements::handle(const Request& request)
{
    bool pathKnown = false;
    for (const Route& route : routes()) {
        const QRegularExpressionMatch match = route.pattern.match(request.path);
        if (!match.hasMatch())
            continue;
        pathKnown = true;
        if (route.verb == request.verb)
            return (this->*route.handler)(request, QUrl::fromPercentEncoding(match.captured(1).toUtf8()));
    }
    const int status = pathKnown ? 405 : 404;
    const QString reason = pathKnown ? QStringLiteral("Method not allowed") : QStringLiteral("Not found");
    return elementError(elementOf(request.path), status, reason);
}

SimulatedElements::Reply SimulatedElements::rpcReply(const QJsonValue& id, const QJsonValue& result,
                                                     const QString& error)
{
    return jsonReply(200, {{QStringLiteral("id"), id},
                           {QStringLiteral("result"), error.isEmpty() ? result : QJsonValue::Null},
                           {QStringLiteral("error"), error.isEmpty() ? QJsonValue::Null : QJsonValue(error)}});
}

SimulatedElements::Reply SimulatedElements::elementError(const QString& element, int status, const QString& text)
{
    if (element == QLatin1String("iptv"))
        return iptvFailure(status, text);
    if (element == QLatin1String("ocs"))
        return {status, text.toUtf8()}; // CGRateS' HTTP layer answers in plain text
    return hssFailure(status, text);
}

QJsonValue SimulatedElements::rpcId(const QByteArray& body)
{
    return QJsonDocument::fromJson(body).object().value(QLatin1String("id"));
}

void SimulatedElements::clear()
{
    *this = SimulatedElements();
}

// ---- OCS: CGRateS JSON-RPC -------------------------------------------------------------------------------------

SimulatedElements::Reply SimulatedElements::jsonRpc(const Request& request, const QString&)
{
    QJsonParseError parseError{};
    const QJsonObject call = QJsonDocument::fromJson(request.body, &parseError).object();
    if (parseError.error != QJsonParseError::NoError)
        return rpcReply(QJsonValue::Null, {}, parseError.errorString());
    const QString method = call.value(QLatin1String("method")).toString();
    const QJsonObject params = call.value(QLatin1String("params")).toArray().at(0).toObject();
    const QJsonValue id = call.value(QLatin1String("id"));

    RpcOutcome outcome;
    if (method == QLatin1String("APIerSv1.SetAccount"))
        outcome = setAccount(params);
    else if (method == QLatin1String("APIerSv1.AddBalance"))
        outcome = addBalance(params);
    else if (method == QLatin1String("APIerSv2.GetAccount"))
        outcome = getAccount(params);
    else if (method == QLatin1String("APIerSv1.RemoveAccount"))
        outcome = removeAccount(params);
    else if (method.startsWith(QLatin1String("APIerSv1.")) || method.startsWith(QLatin1String("APIerSv2.")))
        outcome.error = QStringLiteral("rpc: can't find method ") + method; // Go net/rpc wording
    else
        outcome.error = QStringLiteral("rpc: can't find service ") + method;
    return rpcReply(id, outcome.result, outcome.error);
}

SimulatedElements::RpcOutcome SimulatedElements::setAccount(const QJsonObject& params)
{
    const QString missing = missingFields(params, {QStringLiteral("Account")});
    if (!missing.isEmpty())
        return {{}, missing};
    const QString key = accountKey(params);
    QJsonObject account = m_accounts.value(key, newAccount(key)); // idempotent: balances are kept
    const QJsonObject options = params.value(QLatin1String("ExtraOptions")).toObject();
    for (const QString& field : {QStringLiteral("AllowNegative"), QStringLiteral("Disabled")}) {
        if (params.value(field).isBool())
            account.insert(field, params.value(field));
        else if (options.value(field).isBool())
            account.insert(field, options.value(field));
    }
    account.insert(QStringLiteral("UpdateTime"), now());
    m_accounts.insert(key, account);
    return {QStringLiteral("OK"), {}};
}

SimulatedElements::RpcOutcome SimulatedElements::addBalance(const QJsonObject& params)
{
    const QString missing = missingFields(params, {QStringLiteral("Account"), QStringLiteral("BalanceType")});
    if (!missing.isEmpty())
        return {{}, missing};
    const QString key = accountKey(params);
    QJsonObject account = m_accounts.value(key, newAccount(key)); // CGRateS creates a missing account here
    const QString type = params.value(QLatin1String("BalanceType")).toString();
    const QJsonObject wanted = params.value(QLatin1String("Balance")).toObject();
    const QString balanceId = wanted.value(QLatin1String("ID")).toString();
    const double value = params.value(QLatin1String("Value")).toDouble();
    const bool overwrite = params.value(QLatin1String("Overwrite")).toBool();

    QJsonObject balanceMap = account.value(QLatin1String("BalanceMap")).toObject();
    QJsonArray balances = balanceMap.value(type).toArray();
    int index = 0;
    while (index < balances.size() && balances.at(index).toObject().value(QLatin1String("ID")).toString() != balanceId)
        ++index;
    QJsonObject balance =
        index < balances.size()
            ? balances.at(index).toObject()
            : QJsonObject{{QStringLiteral("Uuid"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                          {QStringLiteral("ID"), balanceId},
                          {QStringLiteral("Value"), 0.0},
                          {QStringLiteral("Weight"), 0.0},
                          {QStringLiteral("ExpirationDate"), QStringLiteral("0001-01-01T00:00:00Z")},
                          {QStringLiteral("DestinationIDs"), QJsonObject()},
                          {QStringLiteral("Disabled"), false},
                          {QStringLiteral("Blocker"), false}};
    const double previous = balance.value(QLatin1String("Value")).toDouble();
    balance.insert(QStringLiteral("Value"), overwrite ? value : previous + value);
    if (wanted.contains(QLatin1String("Weight")))
        balance.insert(QStringLiteral("Weight"), wanted.value(QLatin1String("Weight")));
    const QString expiry = wanted.value(QLatin1String("ExpiryTime")).toString();
    if (!expiry.isEmpty() && expiry != QLatin1String("*unlimited"))
        balance.insert(QStringLiteral("ExpirationDate"), expiry);
    if (wanted.contains(QLatin1String("DestinationIDs"))) {
        QJsonObject destinations;
        for (const QString& id :
             wanted.value(QLatin1String("DestinationIDs")).toString().split(QLatin1Char(';'), Qt::SkipEmptyParts))
            destinations.insert(id, true);
        balance.insert(QStringLiteral("DestinationIDs"), destinations);
    }
    if (index < balances.size())
        balances.replace(index, balance);
    else
        balances.append(balance);
    balanceMap.insert(type, balances);
    account.insert(QStringLiteral("BalanceMap"), balanceMap);
    account.insert(QStringLiteral("UpdateTime"), now());
    m_accounts.insert(key, account);
    return {QStringLiteral("OK"), {}};
}

SimulatedElements::RpcOutcome SimulatedElements::getAccount(const QJsonObject& params) const
{
    const QString missing = missingFields(params, {QStringLiteral("Account")});
    if (!missing.isEmpty())
        return {{}, missing};
    const auto it = m_accounts.constFind(accountKey(params));
    if (it == m_accounts.constEnd())
        return {{}, QStringLiteral("NOT_FOUND")};
    return {it.value(), {}};
}

SimulatedElements::RpcOutcome SimulatedElements::removeAccount(const QJsonObject& params)
{
    const QString missing = missingFields(params, {QStringLiteral("Account")});
    if (!missing.isEmpty())
        return {{}, missing};
    if (m_accounts.remove(accountKey(params)) == 0)
        return {{}, QStringLiteral("NOT_FOUND")};
    return {QStringLiteral("OK"), {}};
}

QJsonObject SimulatedElements::ocsAccount(const QString& tenant, const QString& account) const
{
    return m_accounts.value((tenant.isEmpty() ? DefaultTenant : tenant) + QLatin1Char(':') + account);
}

// ---- HSS: PyHSS REST -------------------------------------------------------------------------------------------

static bool keyRefused(const QString& expected, const QByteArray& given)
{
    return !expected.isEmpty() && given != expected.toUtf8();
}

static SimulatedElements::Reply unauthorized()
{
    return jsonReply(401, {{QStringLiteral("Result"), QStringLiteral("Unauthorized")}});
}

SimulatedElements::Reply SimulatedElements::putAuc(const Request& request, const QString&)
{
    if (keyRefused(m_provisioningKey, request.provisioningKey))
        return unauthorized();
    QJsonObject auc = QJsonDocument::fromJson(request.body).object();
    for (const char* field : {"ki", "opc", "amf"}) {
        if (auc.value(QLatin1String(field)).toString().isEmpty())
            return hssFailure(400, QStringLiteral("Missing mandatory field: %1").arg(QLatin1String(field)));
    }
    for (const QJsonObject& existing : qAsConst(m_aucs)) {
        for (const char* unique : {"imsi", "iccid"}) {
            const QString value = auc.value(QLatin1String(unique)).toString();
            if (!value.isEmpty() && existing.value(QLatin1String(unique)).toString() == value)
                return hssFailure(400, IntegrityError.arg(QStringLiteral("auc.%1").arg(QLatin1String(unique))));
        }
    }
    const qint64 id = m_nextAucId++;
    auc.insert(QStringLiteral("auc_id"), id);
    if (!auc.contains(QLatin1String("sqn")))
        auc.insert(QStringLiteral("sqn"), 1);
    auc.insert(QStringLiteral("last_modified"), now());
    m_aucs.insert(id, auc);
    return jsonReply(200, auc);
}

SimulatedElements::Reply SimulatedElements::putSubscriber(const Request& request, const QString&)
{
    if (keyRefused(m_provisioningKey, request.provisioningKey))
        return unauthorized();
    QJsonObject subscriber = QJsonDocument::fromJson(request.body).object();
    const QString imsi = subscriber.value(QLatin1String("imsi")).toString();
    const qint64 aucId = subscriber.value(QLatin1String("auc_id")).toInteger();
    if (imsi.isEmpty() || aucId <= 0)
        return hssFailure(
            400, QStringLiteral("Missing mandatory field: %1").arg(QLatin1String(imsi.isEmpty() ? "imsi" : "auc_id")));
    if (!m_aucs.contains(aucId))
        return hssFailure(400, IntegrityError.arg(QStringLiteral("subscriber.auc_id references no auc")));
    for (const QJsonObject& existing : qAsConst(m_subscribers)) {
        if (existing.value(QLatin1String("imsi")).toString() == imsi)
            return hssFailure(400, IntegrityError.arg(QStringLiteral("subscriber.imsi")));
        if (existing.value(QLatin1String("auc_id")).toInteger() == aucId)
            return hssFailure(400, IntegrityError.arg(QStringLiteral("subscriber.auc_id")));
    }
    const qint64 id = m_nextSubscriberId++;
    subscriber.insert(QStringLiteral("subscriber_id"), id);
    if (!subscriber.contains(QLatin1String("enabled")))
        subscriber.insert(QStringLiteral("enabled"), true);
    subscriber.insert(QStringLiteral("last_modified"), now());
    m_subscribers.insert(id, subscriber);
    return jsonReply(200, subscriber);
}

SimulatedElements::Reply SimulatedElements::getSubscriberByImsi(const Request& request, const QString& imsi)
{
    if (keyRefused(m_provisioningKey, request.provisioningKey))
        return unauthorized();
    const QJsonObject subscriber = hssSubscriber(imsi);
    if (subscriber.isEmpty())
        return hssFailure(404, QStringLiteral("Subscriber not found: IMSI %1").arg(imsi));
    return jsonReply(200, subscriber);
}

SimulatedElements::Reply SimulatedElements::getAucByImsi(const Request& request, const QString& imsi)
{
    if (keyRefused(m_provisioningKey, request.provisioningKey))
        return unauthorized();
    const QJsonObject auc = hssAuc(imsi);
    if (auc.isEmpty())
        return hssFailure(404, QStringLiteral("AuC not found: IMSI %1").arg(imsi));
    return jsonReply(200, auc);
}

SimulatedElements::Reply SimulatedElements::patchSubscriber(const Request& request, const QString& id)
{
    if (keyRefused(m_provisioningKey, request.provisioningKey))
        return unauthorized();
    const auto it = m_subscribers.find(id.toLongLong());
    if (it == m_subscribers.end())
        return hssFailure(404, QStringLiteral("Subscriber not found: id %1").arg(id));
    const QJsonObject changes = QJsonDocument::fromJson(request.body).object();
    for (auto change = changes.begin(); change != changes.end(); ++change) {
        if (change.key() != QLatin1String("subscriber_id"))
            it->insert(change.key(), change.value());
    }
    it->insert(QStringLiteral("last_modified"), now());
    return jsonReply(200, *it);
}

SimulatedElements::Reply SimulatedElements::deleteSubscriber(const Request& request, const QString& id)
{
    if (keyRefused(m_provisioningKey, request.provisioningKey))
        return unauthorized();
    if (m_subscribers.remove(id.toLongLong()) == 0)
        return hssFailure(404, QStringLiteral("Subscriber not found: id %1").arg(id));
    return jsonReply(200, {{QStringLiteral("Result"), QStringLiteral("OK")}});
}

SimulatedElements::Reply SimulatedElements::deleteAuc(const Request& request, const QString& id)
{
    if (keyRefused(m_provisioningKey, request.provisioningKey))
        return unauthorized();
    const qint64 aucId = id.toLongLong();
    if (!m_aucs.contains(aucId))
        return hssFailure(404, QStringLiteral("AuC not found: id %1").arg(id));
    for (const QJsonObject& subscriber : qAsConst(m_subscribers)) {
        if (subscriber.value(QLatin1String("auc_id")).toInteger() == aucId)
            return hssFailure(400, IntegrityError.arg(QStringLiteral("auc is used by a subscriber")));
    }
    m_aucs.remove(aucId);
    return jsonReply(200, {{QStringLiteral("Result"), QStringLiteral("OK")}});
}

QJsonObject SimulatedElements::hssSubscriber(const QString& imsi) const
{
    for (const QJsonObject& subscriber : m_subscribers) {
        if (subscriber.value(QLatin1String("imsi")).toString() == imsi)
            return subscriber;
    }
    return {};
}

QJsonObject SimulatedElements::hssAuc(const QString& imsi) const
{
    for (const QJsonObject& auc : m_aucs) {
        if (auc.value(QLatin1String("imsi")).toString() == imsi)
            return auc;
    }
    return {};
}

// ---- IPTV middleware -------------------------------------------------------------------------------------------

SimulatedElements::Reply SimulatedElements::activateDevice(const Request& request, const QString&)
{
    if (keyRefused(m_provisioningKey, request.apiKey))
        return iptvFailure(401, QStringLiteral("invalid API key"));
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString serial = body.value(QLatin1String("serial")).toString();
    const QString account = body.value(QLatin1String("account")).toString();
    if (serial.isEmpty() || account.isEmpty())
        return iptvFailure(400, QStringLiteral("serial and account are required"));
    const QJsonValue packages = body.value(QLatin1String("packages"));
    if (!packages.isUndefined() && !packages.isArray())
        return iptvFailure(400, QStringLiteral("packages must be a list"));

    QJsonObject device = m_devices.value(serial);
    const bool active = device.value(QLatin1String("status")).toString() == QLatin1String("active");
    if (active && device.value(QLatin1String("account")).toString() != account)
        return iptvFailure(409, QStringLiteral("device %1 is active on another account").arg(serial));
    const bool created = device.isEmpty();
    if (created)
        device.insert(QStringLiteral("device_id"), m_nextDeviceId++);
    device.insert(QStringLiteral("serial"), serial);
    device.insert(QStringLiteral("account"), account);
    device.insert(QStringLiteral("packages"), packages.isArray() ? packages : QJsonArray());
    device.insert(QStringLiteral("status"), QStringLiteral("active"));
    device.insert(QStringLiteral("activated_at"), now());
    m_devices.insert(serial, device);
    return jsonReply(created ? 201 : 200, device);
}

SimulatedElements::Reply SimulatedElements::getDevice(const Request& request, const QString& serial)
{
    if (keyRefused(m_provisioningKey, request.apiKey))
        return iptvFailure(401, QStringLiteral("invalid API key"));
    if (!m_devices.contains(serial))
        return iptvFailure(404, QStringLiteral("unknown device %1").arg(serial));
    return jsonReply(200, m_devices.value(serial));
}

SimulatedElements::Reply SimulatedElements::deactivateDevice(const Request& request, const QString& serial)
{
    if (keyRefused(m_provisioningKey, request.apiKey))
        return iptvFailure(401, QStringLiteral("invalid API key"));
    const auto it = m_devices.find(serial);
    if (it == m_devices.end() || it->value(QLatin1String("status")).toString() != QLatin1String("active"))
        return iptvFailure(404, QStringLiteral("no active device %1").arg(serial));
    it->insert(QStringLiteral("status"), QStringLiteral("inactive"));
    it->insert(QStringLiteral("deactivated_at"), now());
    return jsonReply(200, *it);
}

QJsonObject SimulatedElements::iptvDevice(const QString& serial) const
{
    return m_devices.value(serial);
}

// ---- everything, for GET /_sim/state ----------------------------------------------------------------------------

template <typename Map> static QJsonArray valuesOf(const Map& map)
{
    QJsonArray array;
    for (const QJsonObject& object : map)
        array.append(object);
    return array;
}

QJsonObject SimulatedElements::state() const
{
    return {{QStringLiteral("ocs"), QJsonObject{{QStringLiteral("accounts"), valuesOf(m_accounts)}}},
            {QStringLiteral("hss"), QJsonObject{{QStringLiteral("auc"), valuesOf(m_aucs)},
                                                {QStringLiteral("subscribers"), valuesOf(m_subscribers)},
                                                {QStringLiteral("next_auc_id"), m_nextAucId},
                                                {QStringLiteral("next_subscriber_id"), m_nextSubscriberId}}},
            {QStringLiteral("iptv"), QJsonObject{{QStringLiteral("devices"), valuesOf(m_devices)},
                                                 {QStringLiteral("next_device_id"), m_nextDeviceId}}}};
}

// ---- restoring a state() document ------------------------------------------------------------------------------

namespace {

// A positive whole number, or 0 when the value is anything else.
qint64 positiveId(const QJsonValue& value)
{
    if (!value.isDouble())
        return 0;
    const double number = value.toDouble();
    return number >= 1 && number < 9e15 && number == double(qint64(number)) ? qint64(number) : 0;
}

// The objects of section[name]; false when section or that member has the wrong type (absent means empty).
bool objectsOf(const QJsonValue& section, const char* name, QVector<QJsonObject>* objects)
{
    if (section.isUndefined())
        return true;
    if (!section.isObject())
        return false;
    const QJsonValue list = section.toObject().value(QLatin1String(name));
    if (list.isUndefined())
        return true;
    if (!list.isArray())
        return false;
    for (const QJsonValue& item : list.toArray()) {
        if (!item.isObject())
            return false;
        objects->append(item.toObject());
    }
    return true;
}

// Fills map from objects keyed by their id field; false on a missing, invalid or repeated id.
bool byId(const QVector<QJsonObject>& objects, const char* idField, QMap<qint64, QJsonObject>* map, qint64* maxId)
{
    for (const QJsonObject& object : objects) {
        const qint64 id = positiveId(object.value(QLatin1String(idField)));
        if (id == 0 || map->contains(id))
            return false;
        map->insert(id, object);
        *maxId = qMax(*maxId, id);
    }
    return true;
}

// The stored counter, but never one that would hand out an id already in use.
qint64 nextId(const QJsonValue& section, const char* name, qint64 maxId)
{
    return qMax(positiveId(section.toObject().value(QLatin1String(name))), maxId + 1);
}

} // namespace

bool SimulatedElements::restore(const QJsonObject& state)
{
    const QJsonValue ocs = state.value(QLatin1String("ocs"));
    const QJsonValue hss = state.value(QLatin1String("hss"));
    const QJsonValue iptv = state.value(QLatin1String("iptv"));
    QVector<QJsonObject> accounts, aucs, subscribers, devices;
    if (!objectsOf(ocs, "accounts", &accounts) || !objectsOf(hss, "auc", &aucs) ||
        !objectsOf(hss, "subscribers", &subscribers) || !objectsOf(iptv, "devices", &devices))
        return false;

    SimulatedElements restored;
    for (const QJsonObject& account : accounts) { // keyed by "tenant:account", which is its ID
        const QString id = account.value(QLatin1String("ID")).toString();
        if (!id.contains(QLatin1Char(':')) || restored.m_accounts.contains(id))
            return false;
        restored.m_accounts.insert(id, account);
    }
    qint64 maxAucId = 0;
    qint64 maxSubscriberId = 0;
    if (!byId(aucs, "auc_id", &restored.m_aucs, &maxAucId) ||
        !byId(subscribers, "subscriber_id", &restored.m_subscribers, &maxSubscriberId))
        return false;
    qint64 maxDeviceId = 0;
    for (const QJsonObject& device : devices) { // keyed by serial
        const QString serial = device.value(QLatin1String("serial")).toString();
        const qint64 id = positiveId(device.value(QLatin1String("device_id")));
        if (serial.isEmpty() || id == 0 || restored.m_devices.contains(serial))
            return false;
        restored.m_devices.insert(serial, device);
        maxDeviceId = qMax(maxDeviceId, id);
    }
    restored.m_nextAucId = nextId(hss, "next_auc_id", maxAucId);
    restored.m_nextSubscriberId = nextId(hss, "next_subscriber_id", maxSubscriberId);
    restored.m_nextDeviceId = nextId(iptv, "next_device_id", maxDeviceId);
    restored.m_provisioningKey = m_provisioningKey; // configuration, not state
    *this = restored;
    return true;
}

} // namespace sb
