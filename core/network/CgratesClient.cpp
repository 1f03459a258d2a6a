#include "CgratesClient.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace sb {

static ElementEndpoint named(ElementEndpoint endpoint)
{
    if (endpoint.element.isEmpty())
        endpoint.element = QStringLiteral("OCS");
    return endpoint;
}

static QString tenantOrDefault(const QString& tenant)
{
    return tenant.isEmpty() ? QString::fromLatin1(CgratesClient::DefaultTenant) : tenant;
}

CgratesClient::CgratesClient(ElementEndpoint endpoint) : m_exchange(named(std::move(endpoint))) {}

Result<QJsonValue> CgratesClient::call(const QString& method, const QJsonObject& params, QString* log)
{
    const int id = m_nextId++;
    const QJsonDocument request(QJsonObject{{QStringLiteral("method"), method},
                                            {QStringLiteral("params"), QJsonArray{params}},
                                            {QStringLiteral("id"), id}});
    const Result<ElementExchange::Reply> sent = m_exchange.send("POST", endpoint().url, &request, log);
    if (!sent)
        return sent.error();
    const ElementExchange::Reply& reply = sent.value();
    if (reply.httpStatus != 200) // CGRateS answers every call with 200, errors included
        return m_exchange.httpError(reply, method);

    const QJsonObject envelope = reply.json.object();
    const bool wellFormed = reply.json.isObject() && envelope.contains(QLatin1String("result")) &&
                            envelope.contains(QLatin1String("error")) &&
                            envelope.value(QLatin1String("id")).toInt(-1) == id;
    if (!wellFormed)
        return m_exchange.malformedReply(reply, method);

    const QJsonValue error = envelope.value(QLatin1String("error"));
    if (!error.isNull()) {
        const QString text = error.isString()
                                 ? error.toString()
                                 : QString::fromUtf8(QJsonDocument(error.toObject()).toJson(QJsonDocument::Compact));
        return rpcError(method, params, text);
    }
    return envelope.value(QLatin1String("result"));
}

Status CgratesClient::setAccount(const QString& tenant, const QString& account, const QJsonObject& extra, QString* log)
{
    QJsonObject params = extra;
    params.insert(QStringLiteral("Tenant"), tenantOrDefault(tenant));
    params.insert(QStringLiteral("Account"), account);
    const Result<QJsonValue> result = call(QStringLiteral("APIerSv1.SetAccount"), params, log);
    return result ? Status::success() : Status(result.error());
}

Status CgratesClient::addBalance(const QString& tenant, const QString& account, const QString& balanceType,
                                 double value, const QJsonObject& balance, QString* log)
{
    const QJsonObject params{{QStringLiteral("Tenant"), tenantOrDefault(tenant)},
                             {QStringLiteral("Account"), account},
                             {QStringLiteral("BalanceType"), balanceType},
                             {QStringLiteral("Value"), value},
                             {QStringLiteral("Balance"), balance}};
    const Result<QJsonValue> result = call(QStringLiteral("APIerSv1.AddBalance"), params, log);
    return result ? Status::success() : Status(result.error());
}

Result<QJsonObject> CgratesClient::getAccount(const QString& tenant, const QString& account, QString* log)
{
    const QString method = QStringLiteral("APIerSv2.GetAccount");
    const Result<QJsonValue> result =
        call(method, {{QStringLiteral("Tenant"), tenantOrDefault(tenant)}, {QStringLiteral("Account"), account}}, log);
    if (!result)
        return result.error();
    if (!result.value().isObject()) {
        const QByteArray shown = QJsonDocument(QJsonArray{result.value()}).toJson(QJsonDocument::Compact);
        return m_exchange.malformedReply({200, shown, {}}, method + QStringLiteral(" (result is not an account)"));
    }
    return result.value().toObject();
}

Status CgratesClient::removeAccount(const QString& tenant, const QString& account, QString* log)
{
    const Result<QJsonValue> result =
        call(QStringLiteral("APIerSv1.RemoveAccount"),
             {{QStringLiteral("Tenant"), tenantOrDefault(tenant)}, {QStringLiteral("Account"), account}}, log);
    return result ? Status::success() : Status(result.error());
}

Error CgratesClient::rpcError(const QString& method, const QJsonObject& params, const QString& error) const
{
    const QString account = params.value(QLatin1String("Account")).toString();
    const QString tenant = tenantOrDefault(params.value(QLatin1String("Tenant")).toString());
    const QString detail = QStringLiteral("%1 at %2: error \"%3\"").arg(method, m_exchange.address(), error);
    const auto message = [&](const char* source, const QStringList& args) {
        return Error{UserMessage("NetworkError", source, args), detail};
    };

    if (error == QLatin1String("NOT_FOUND")) {
        if (!account.isEmpty()) {
            return message(QT_TRANSLATE_NOOP("NetworkError", "The OCS has no account \"%1\" in tenant \"%2\". Check "
                                                             "the account name, or create the account first."),
                           {account, tenant});
        }
        return message(QT_TRANSLATE_NOOP("NetworkError", "The OCS found nothing for %1 (NOT_FOUND). Check the "
                                                         "names sent in the request."),
                       {method});
    }
    if (error == QLatin1String("EXISTS")) {
        return message(QT_TRANSLATE_NOOP("NetworkError", "The OCS already holds what %1 tried to create (EXISTS). "
                                                         "Check whether an earlier attempt created it."),
                       {method});
    }
    if (error.startsWith(QLatin1String("MANDATORY_IE_MISSING"))) {
        QString fields = error.section(QLatin1Char(':'), 1).trimmed();
        fields.remove(QLatin1Char('[')).remove(QLatin1Char(']'));
        return message(QT_TRANSLATE_NOOP("NetworkError", "The OCS rejected %1 because required fields are missing: "
                                                         "%2. Check the parameters of this task in its playbook."),
                       {method, fields.split(QLatin1Char(' '), Qt::SkipEmptyParts).join(QStringLiteral(", "))});
    }
    if (error.startsWith(QLatin1String("SERVER_ERROR"))) {
        const QString why = error.section(QLatin1Char(':'), 1).trimmed();
        return message(QT_TRANSLATE_NOOP("NetworkError", "The OCS reported an internal error for %1: %2. Check the "
                                                         "OCS logs and its database, then retry."),
                       {method, why.isEmpty() ? error : why});
    }
    if (error == QLatin1String("INSUFFICIENT_CREDIT")) {
        return message(QT_TRANSLATE_NOOP("NetworkError", "The OCS refused %1 because account \"%2\" has "
                                                         "insufficient credit. Top up the account or check its "
                                                         "balances."),
                       {method, account});
    }
    if (error == QLatin1String("ACCOUNT_DISABLED")) {
        return message(QT_TRANSLATE_NOOP("NetworkError", "The OCS refused %1 because account \"%2\" is disabled. "
                                                         "Enable the account in the OCS, then retry."),
                       {method, account});
    }
    if (error == QLatin1String("MAX_CONCURRENT_RPC_EXCEEDED")) {
        return message(QT_TRANSLATE_NOOP("NetworkError", "The OCS is busy: too many requests at once. Wait a "
                                                         "moment, then retry; if it keeps happening, raise its "
                                                         "concurrent request limit."),
                       {});
    }
    if (error.startsWith(QLatin1String("rpc: can't find"))) {
        return message(QT_TRANSLATE_NOOP("NetworkError", "The OCS does not know the method %1. Check that the "
                                                         "address in Settings points to CGRateS and that its "
                                                         "version supports this method."),
                       {method});
    }
    return message(QT_TRANSLATE_NOOP("NetworkError", "The OCS rejected %1: %2. Check the OCS logs for details."),
                   {method, error});
}

} // namespace sb
