#include "ServiceVerifier.h"

#include "domain/AddonRules.h"
#include "domain/RadiusAttributes.h"
#include "network/CgratesClient.h"
#include "network/IptvClient.h"
#include "network/OsmoHlrCtlClient.h"
#include "network/PyHssClient.h"
#include "security/ElementCredentials.h"
#include "security/ElementPasswordHash.h"
#include "store/JobRepository.h"
#include "store/RadiusUserStore.h"
#include "store/ServiceRepository.h"
#include "store/SipSubscriberStore.h"
#include "workflows/CancelServiceWorkflow.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QMap>

#include <algorithm>
#include <memory>
#include <utility>

namespace sb {

namespace {

constexpr const char* Context = "ServiceVerifier";

UserMessage says(const char* source, QStringList args = {})
{
    return UserMessage(Context, source, std::move(args));
}

// A value read from the database or an element, shown as it is (never translated).
UserMessage literal(const QString& value)
{
    return UserMessage(Context, "%1", {value});
}

UserMessage present() { return says(QT_TRANSLATE_NOOP("ServiceVerifier", "present")); }
UserMessage absent() { return says(QT_TRANSLATE_NOOP("ServiceVerifier", "absent")); }
UserMessage noAnswer() { return says(QT_TRANSLATE_NOOP("ServiceVerifier", "no answer")); }
UserMessage none() { return says(QT_TRANSLATE_NOOP("ServiceVerifier", "(none)")); }
UserMessage orNone(const QString& value) { return value.isEmpty() ? none() : literal(value); }

QString text(const QJsonObject& params, const char* key)
{
    return params.value(QLatin1String(key)).toString().trimmed();
}

QStringList sortedStrings(const QJsonArray& array)
{
    QStringList list;
    for (const QJsonValue& value : array)
        list << value.toString();
    std::sort(list.begin(), list.end());
    return list;
}

} // namespace

QString VerifyCheck::advice() const
{
    if (problem.isEmpty())
        return {};
    return remedy.isEmpty() ? problem.text() : problem.text() + QLatin1Char(' ') + remedy.text();
}

QString toCode(VerifyCheck::Outcome outcome)
{
    switch (outcome) {
    case VerifyCheck::Outcome::Ok:
        return QStringLiteral("ok");
    case VerifyCheck::Outcome::Mismatch:
        return QStringLiteral("mismatch");
    case VerifyCheck::Outcome::Unreachable:
        return QStringLiteral("unreachable");
    }
    return {};
}

int VerifyReport::count(VerifyCheck::Outcome outcome) const
{
    return int(std::count_if(checks.begin(), checks.end(), [&](const VerifyCheck& c) { return c.outcome == outcome; }));
}

QJsonObject VerifyReport::toJson() const
{
    QJsonArray list;
    for (const VerifyCheck& c : checks) {
        list.append(QJsonObject{{QStringLiteral("element"), c.element},
                                {QStringLiteral("check"), c.subject.englishText()},
                                {QStringLiteral("expected"), c.expected.englishText()},
                                {QStringLiteral("found"), c.found.englishText()},
                                {QStringLiteral("outcome"), toCode(c.outcome)},
                                {QStringLiteral("message"), c.problem.isEmpty()
                                                                ? QString()
                                                                : c.problem.englishText() + QLatin1Char(' ') +
                                                                      c.remedy.englishText()}});
    }
    return {{QStringLiteral("service"), serviceId},
            {QStringLiteral("name"), serviceName},
            {QStringLiteral("status"), sb::toCode(serviceStatus)},
            {QStringLiteral("clean"), clean()},
            {QStringLiteral("checks"), list}};
}

// What the done tasks of the service's jobs wrote, by element and key (the later job wins).
struct ServiceVerifier::Expectations
{
    QMap<QString, QJsonObject> ocs;    // tenant/account → ocs.set_account params
    QMap<QString, QJsonObject> hss;    // IMSI → hss.create_subscriber params
    QMap<QString, QJsonObject> radius; // username → radius.create_user params
    QMap<QString, QJsonObject> sip;    // username@domain → sip.create_subscriber params
    QMap<QString, QJsonObject> iptv;   // serial → iptv.activate params
    bool lastJobFailed = false;

    void add(const ProvisioningTask& task)
    {
        const QJsonObject& p = task.params;
        if (task.action == QLatin1String("ocs.set_account")) {
            QJsonObject merged = ocs.value(text(p, "tenant") + QLatin1Char('/') + text(p, "account"));
            QJsonArray balances = merged.value(QLatin1String("balances")).toArray();
            for (const QJsonValue& b : p.value(QLatin1String("balances")).toArray())
                balances.append(b); // add-ons add balances to the same account
            merged = p;
            merged.insert(QStringLiteral("balances"), balances);
            ocs.insert(text(p, "tenant") + QLatin1Char('/') + text(p, "account"), merged);
        } else if (task.action == QLatin1String("hss.create_subscriber")) {
            hss.insert(text(p, "imsi"), p);
        } else if (task.action == QLatin1String("radius.create_user")) {
            radius.insert(text(p, "username"), p);
        } else if (task.action == QLatin1String("sip.create_subscriber")) {
            sip.insert(text(p, "username") + QLatin1Char('@') + text(p, "domain"), p);
        } else if (task.action == QLatin1String("iptv.activate")) {
            iptv.insert(text(p, "serial"), p);
        }
    }
};

class ServiceVerifier::Run
{
public:
    Run(const NetworkEndpoints& endpoints, const Service& service, bool lastJobFailed, VerifyReport& report)
        : m_endpoints(endpoints), m_service(service), m_lastJobFailed(lastJobFailed), m_report(report)
    {
    }

    bool cancelled() const { return m_service.status == ServiceStatus::Cancelled; }

    void ok(const QString& element, UserMessage subject, UserMessage expected, UserMessage found)
    {
        m_report.checks.append({element, std::move(subject), std::move(expected), std::move(found),
                                VerifyCheck::Outcome::Ok, {}, {}});
    }

    void mismatch(const QString& element, UserMessage subject, UserMessage expected, UserMessage found,
                  UserMessage problem)
    {
        m_report.checks.append({element, std::move(subject), std::move(expected), std::move(found),
                                VerifyCheck::Outcome::Mismatch, std::move(problem), remedy(element)});
    }

    // One comparison: ok when equal, else a mismatch with this problem.
    void compare(const QString& element, UserMessage subject, const QString& expected, const QString& found,
                 UserMessage problem)
    {
        if (expected == found)
            ok(element, std::move(subject), orNone(expected), orNone(found));
        else
            mismatch(element, std::move(subject), orNone(expected), orNone(found), std::move(problem));
    }

    void unreachable(const QString& element, UserMessage subject, const Error& error)
    {
        m_report.checks.append({element, std::move(subject), cancelled() ? absent() : present(), noAnswer(),
                                VerifyCheck::Outcome::Unreachable, error.message,
                                says(QT_TRANSLATE_NOOP("ServiceVerifier", "Then verify the service again."))});
    }

    // The existence check every element starts with. True when the details should be compared too.
    bool exists(const QString& element, UserMessage subject, bool found, const QString& what)
    {
        if (cancelled()) {
            if (!found)
                ok(element, std::move(subject), absent(), absent());
            else
                mismatch(element, std::move(subject), absent(), present(),
                         says(QT_TRANSLATE_NOOP("ServiceVerifier",
                                                "The %1 still has %2 although the service is cancelled."),
                              {element, what}));
            return false;
        }
        if (found) {
            ok(element, std::move(subject), present(), present());
            return true;
        }
        mismatch(element, std::move(subject), present(), absent(),
                 says(QT_TRANSLATE_NOOP("ServiceVerifier", "The %1 has no record of %2 for this service."), {element, what}));
        return false;
    }

    void verifyServiceRecord()
    {
        const QString element = QStringLiteral("Switchboard");
        const UserMessage subject = says(QT_TRANSLATE_NOOP("ServiceVerifier", "Service status"));
        const bool expectedState = cancelled() || m_service.status == ServiceStatus::Active;
        if (expectedState) {
            ok(element, subject, literal(displayName(m_service.status)), literal(displayName(m_service.status)));
            return;
        }
        mismatch(element, subject, literal(displayName(ServiceStatus::Active)), literal(displayName(m_service.status)),
                 says(QT_TRANSLATE_NOOP("ServiceVerifier", "Switchboard shows the service as \"%1\" instead of \"%2\"."),
                      {displayName(m_service.status), displayName(ServiceStatus::Active)}));
    }

    void verifyOcs(const QJsonObject& params)
    {
        const QString element = m_endpoints.ocs.element;
        const QString account = text(params, "account");
        const UserMessage subject = says(QT_TRANSLATE_NOOP("ServiceVerifier", "Account %1"), {account});
        const Result<QJsonObject> read = CgratesClient(m_endpoints.ocs).getAccount(text(params, "tenant"), account);
        const bool notFound = !read && read.error().detail.endsWith(QLatin1String("error \"NOT_FOUND\""));
        if (!read && !notFound)
            return unreachable(element, subject, read.error());
        if (!exists(element, subject, read.ok(), account))
            return;
        const bool disabled = read->value(QLatin1String("Disabled")).toBool();
        const UserMessage enabledSubject = says(QT_TRANSLATE_NOOP("ServiceVerifier", "Account enabled"));
        if (disabled)
            mismatch(element, enabledSubject, says(QT_TRANSLATE_NOOP("ServiceVerifier", "enabled")),
                     says(QT_TRANSLATE_NOOP("ServiceVerifier", "disabled")),
                     says(QT_TRANSLATE_NOOP("ServiceVerifier", "The OCS account %1 is disabled."), {account}));
        else
            ok(element, enabledSubject, says(QT_TRANSLATE_NOOP("ServiceVerifier", "enabled")),
               says(QT_TRANSLATE_NOOP("ServiceVerifier", "enabled")));

        const QJsonObject balanceMap = read->value(QLatin1String("BalanceMap")).toObject();
        QStringList types;
        for (const QJsonValue& entry : params.value(QLatin1String("balances")).toArray()) {
            const QJsonObject balance = entry.toObject();
            const QString type = balance.value(QLatin1String("type")).toString();
            if (!type.isEmpty() && balance.value(QLatin1String("value")).toVariant().toDouble() > 0 &&
                !types.contains(type))
                types << type;
        }
        for (const QString& type : types) {
            const UserMessage balanceSubject = says(QT_TRANSLATE_NOOP("ServiceVerifier", "Balance %1"), {type});
            if (!balanceMap.value(type).toArray().isEmpty())
                ok(element, balanceSubject, present(), present());
            else
                mismatch(element, balanceSubject, present(), absent(),
                         says(QT_TRANSLATE_NOOP("ServiceVerifier", "The OCS account %1 has no %2 balance."),
                              {account, type}));
        }
    }

    void verifyHss(const QJsonObject& params)
    {
        const QString imsi = text(params, "imsi");
        const QString msisdn = text(params, "msisdn");
        const UserMessage subject = says(QT_TRANSLATE_NOOP("ServiceVerifier", "Subscriber IMSI %1"), {imsi});
        const QString what = imsi;
        if (m_endpoints.usesOsmoHlr()) {
            const QString element = m_endpoints.hlr.element;
            const Result<std::optional<QMap<QString, QString>>> read = OsmoHlrCtlClient(m_endpoints.hlr).subscriber(imsi);
            if (!read)
                return unreachable(element, subject, read.error());
            if (!exists(element, subject, read->has_value(), what))
                return;
            const QMap<QString, QString>& info = **read;
            compareMsisdn(element, imsi, msisdn, info.value(QStringLiteral("msisdn")));
            checkKeys(element, imsi,
                      !info.value(QStringLiteral("aud3g.k")).isEmpty() && !info.value(QStringLiteral("aud3g.opc")).isEmpty());
            return;
        }
        const QString element = m_endpoints.hss.element;
        PyHssClient hss(m_endpoints.hss);
        const Result<std::optional<QJsonObject>> read = hss.findSubscriberByImsi(imsi);
        if (!read)
            return unreachable(element, subject, read.error());
        if (!exists(element, subject, read->has_value(), what))
            return;
        const QJsonObject& subscriber = **read;
        compareMsisdn(element, imsi, msisdn, subscriber.value(QLatin1String("msisdn")).toString());
        const UserMessage enabledSubject = says(QT_TRANSLATE_NOOP("ServiceVerifier", "Subscriber enabled"));
        if (subscriber.value(QLatin1String("enabled")).toBool(true))
            ok(element, enabledSubject, says(QT_TRANSLATE_NOOP("ServiceVerifier", "enabled")),
               says(QT_TRANSLATE_NOOP("ServiceVerifier", "enabled")));
        else
            mismatch(element, enabledSubject, says(QT_TRANSLATE_NOOP("ServiceVerifier", "enabled")),
                     says(QT_TRANSLATE_NOOP("ServiceVerifier", "disabled")),
                     says(QT_TRANSLATE_NOOP("ServiceVerifier", "The %1 subscriber %2 is disabled."), {element, imsi}));
        const Result<QJsonObject> auc = hss.getAucByImsi(imsi);
        checkKeys(element, imsi,
                  auc && !auc->value(QLatin1String("ki")).toString().isEmpty() &&
                      !auc->value(QLatin1String("opc")).toString().isEmpty());
    }

    void verifyRadius(const QJsonObject& params, Database* radius)
    {
        const QString element = QStringLiteral("RADIUS server");
        const QString username = text(params, "username");
        const UserMessage subject = says(QT_TRANSLATE_NOOP("ServiceVerifier", "User %1"), {username});
        std::optional<RadiusUser> user;
        try {
            if (!radius)
                throw StoreException(Error{{}, QStringLiteral("not a database URL")});
            user = RadiusUserStore(*radius).find(username);
        } catch (const StoreException& e) {
            return unreachable(element, subject, databaseError(element, m_endpoints.radiusDatabaseUrl(), e));
        }
        if (!exists(element, subject, user.has_value(), username))
            return;
        compare(element, says(QT_TRANSLATE_NOOP("ServiceVerifier", "Rate limit")),
                RadiusAttributes::mikrotikRateLimit(text(params, "rate_limit")), user->rateLimit,
                says(QT_TRANSLATE_NOOP("ServiceVerifier",
                                       "The RADIUS user %1 has a rate limit that differs from the product's."),
                     {username}));
        compare(element, says(QT_TRANSLATE_NOOP("ServiceVerifier", "Calling-Station-Id (modem)")),
                RadiusAttributes::callingStationId(text(params, "modem_mac")), user->callingStationId,
                says(QT_TRANSLATE_NOOP("ServiceVerifier",
                                       "The RADIUS user %1 is bound to another modem than the one assigned to the "
                                       "service."),
                     {username}));
        const Result<ElementCredentials> keys = ElementCredentials::open(m_endpoints.credentialsKeyPath());
        if (keys) {
            checkSecret(element, ElementPasswordHash::radiusSsha256Matches(
                                     user->passwordHash, keys->radiusPassword(m_service.serviceUuid)),
                        username);
        }
    }

    void verifySip(const QJsonObject& params, Database* sip)
    {
        const QString element = QStringLiteral("SIP registrar");
        const QString username = text(params, "username");
        const QString domain = m_endpoints.sipDomain.isEmpty() ? text(params, "domain") : m_endpoints.sipDomain;
        const QString address = username + QLatin1Char('@') + domain;
        const UserMessage subject = says(QT_TRANSLATE_NOOP("ServiceVerifier", "Subscriber %1"), {address});
        std::optional<SipSubscriber> subscriber;
        try {
            if (!sip)
                throw StoreException(Error{{}, QStringLiteral("not a database URL")});
            subscriber = SipSubscriberStore(*sip).find(username, domain);
        } catch (const StoreException& e) {
            return unreachable(element, subject, databaseError(element, m_endpoints.sipDatabaseUrl(), e));
        }
        if (!exists(element, subject, subscriber.has_value(), address))
            return;
        const Result<ElementCredentials> keys = ElementCredentials::open(m_endpoints.credentialsKeyPath());
        if (keys) {
            const QString password = keys->sipPassword(m_service.serviceUuid);
            checkSecret(element, subscriber->ha1 == ElementPasswordHash::sipHa1(username, domain, password),
                        address);
        }
    }

    void verifyIptv(const QJsonObject& params)
    {
        const QString element = m_endpoints.iptv.element;
        const QString serial = text(params, "serial");
        const UserMessage subject = says(QT_TRANSLATE_NOOP("ServiceVerifier", "Set-top box %1"), {serial});
        const Result<std::optional<QJsonObject>> read = IptvClient(m_endpoints.iptv).findDevice(serial);
        if (!read)
            return unreachable(element, subject, read.error());
        const QString status = read->has_value() ? (**read).value(QLatin1String("status")).toString() : QString();
        const bool active = status == QLatin1String("active");
        if (!cancelled() && read->has_value() && !active) {
            ok(element, subject, present(), present());
            mismatch(element, says(QT_TRANSLATE_NOOP("ServiceVerifier", "Device status")), literal(QStringLiteral("active")),
                     literal(status),
                     says(QT_TRANSLATE_NOOP("ServiceVerifier",
                                            "Set-top box %1 is not active on the IPTV middleware (status %2)."),
                          {serial, status}));
            return;
        }
        // A deactivated box counts as absent for a cancelled service: the middleware keeps its record.
        if (!exists(element, subject, active, serial))
            return;
        const QJsonObject& device = **read;
        compare(element, says(QT_TRANSLATE_NOOP("ServiceVerifier", "Device account")), text(params, "account"),
                device.value(QLatin1String("account")).toString(),
                says(QT_TRANSLATE_NOOP("ServiceVerifier",
                                       "Set-top box %1 is active on another account on the IPTV middleware."),
                     {serial}));
        compare(element, says(QT_TRANSLATE_NOOP("ServiceVerifier", "Channel packages")),
                sortedStrings(params.value(QLatin1String("packages")).toArray()).join(QStringLiteral(", ")),
                sortedStrings(device.value(QLatin1String("packages")).toArray()).join(QStringLiteral(", ")),
                says(QT_TRANSLATE_NOOP("ServiceVerifier",
                                       "Set-top box %1 has other channel packages on the IPTV middleware than the "
                                       "plan."),
                     {serial}));
    }

private:
    // What to do about a mismatch depends on where the service stands.
    UserMessage remedy(const QString& element) const
    {
        if (cancelled())
            return says(QT_TRANSLATE_NOOP("ServiceVerifier",
                                          "Retry the cancel job on the Provisioning page, or remove it from the %1 "
                                          "by hand."),
                        {element});
        if (m_lastJobFailed || m_service.status != ServiceStatus::Active)
            return says(QT_TRANSLATE_NOOP("ServiceVerifier", "Re-run provisioning with Retry on the Provisioning page."));
        return says(QT_TRANSLATE_NOOP("ServiceVerifier",
                                      "Cancel the service and assign the plan again, or correct it on the %1 by "
                                      "hand."),
                    {element});
    }

    void compareMsisdn(const QString& element, const QString& imsi, const QString& expected, const QString& found)
    {
        compare(element, says(QT_TRANSLATE_NOOP("ServiceVerifier", "MSISDN")), expected, found,
                says(QT_TRANSLATE_NOOP("ServiceVerifier",
                                       "The %1 subscriber %2 has another MSISDN than the number assigned to the "
                                       "service."),
                     {element, imsi}));
    }

    void checkKeys(const QString& element, const QString& imsi, bool present)
    {
        const UserMessage subject = says(QT_TRANSLATE_NOOP("ServiceVerifier", "Authentication keys (Ki, OPc)"));
        if (present)
            ok(element, subject, ::sb::present(), ::sb::present());
        else
            mismatch(element, subject, ::sb::present(), absent(),
                     says(QT_TRANSLATE_NOOP("ServiceVerifier", "The %1 has no authentication keys for IMSI %2."),
                          {element, imsi}));
    }

    // A password hash is compared with the one derived for this service, never shown.
    void checkSecret(const QString& element, bool matches, const QString& what)
    {
        const UserMessage subject = says(QT_TRANSLATE_NOOP("ServiceVerifier", "Credentials"));
        const UserMessage match = says(QT_TRANSLATE_NOOP("ServiceVerifier", "match the service"));
        if (matches)
            ok(element, subject, match, match);
        else
            mismatch(element, subject, match, says(QT_TRANSLATE_NOOP("ServiceVerifier", "do not match")),
                     says(QT_TRANSLATE_NOOP("ServiceVerifier",
                                            "The credentials of %1 on the %2 are not the ones of this service."),
                          {what, element}));
    }

    static Error databaseError(const QString& element, const QString& url, const StoreException& e)
    {
        return {says(QT_TRANSLATE_NOOP("ServiceVerifier",
                                       "The %1 database %2 could not be read. Check that it is reachable and that "
                                       "the address in Settings is right."),
                     {element, url}),
                e.error().detail};
    }

    const NetworkEndpoints& m_endpoints;
    const Service& m_service;
    bool m_lastJobFailed;
    VerifyReport& m_report;
};

Result<VerifyReport> ServiceVerifier::verify(qint64 serviceId)
{
    std::optional<Service> service;
    Expectations expected;
    try {
        service = ServiceRepository(m_db).byId(serviceId);
        if (!service)
            return Error{says(QT_TRANSLATE_NOOP("ServiceVerifier", "Service %1 does not exist. Check the service ID."),
                              {QString::number(serviceId)}),
                         QStringLiteral("verify: no service %1").arg(serviceId)};
        JobRepository jobs(m_db);
        QList<JobSummary> summaries = jobs.forCustomer(service->customerId);
        std::sort(summaries.begin(), summaries.end(),
                  [](const JobSummary& a, const JobSummary& b) { return a.job.id < b.job.id; });
        for (const JobSummary& summary : summaries) {
            if (summary.job.serviceId != serviceId || summary.job.kind == QLatin1String(CancelServiceWorkflow::JobKind) ||
                summary.job.kind == QLatin1String(AddonRules::jobKind))
                continue;
            expected.lastJobFailed = summary.job.status == JobStatus::Failed;
            for (const ProvisioningTask& task : jobs.tasks(summary.job.id)) {
                if (task.status == TaskStatus::Done)
                    expected.add(task);
            }
        }
    } catch (const StoreException& e) {
        return e.error();
    }

    VerifyReport report;
    report.serviceId = service->id;
    report.serviceName = service->name;
    report.serviceStatus = service->status;
    Run run(m_endpoints, *service, expected.lastJobFailed, report);
    run.verifyServiceRecord();
    for (const QJsonObject& params : std::as_const(expected.ocs))
        run.verifyOcs(params);
    for (const QJsonObject& params : std::as_const(expected.hss))
        run.verifyHss(params);
    if (!expected.radius.isEmpty()) {
        std::unique_ptr<Database> radius;
        if (const Result<DatabaseUrl> url = DatabaseUrl::parse(m_endpoints.radiusDatabaseUrl()))
            radius = std::make_unique<Database>(*url);
        for (const QJsonObject& params : std::as_const(expected.radius))
            run.verifyRadius(params, radius.get());
    }
    if (!expected.sip.isEmpty()) {
        std::unique_ptr<Database> sip;
        if (const Result<DatabaseUrl> url = DatabaseUrl::parse(m_endpoints.sipDatabaseUrl()))
            sip = std::make_unique<Database>(*url);
        for (const QJsonObject& params : std::as_const(expected.sip))
            run.verifySip(params, sip.get());
    }
    for (const QJsonObject& params : std::as_const(expected.iptv))
        run.verifyIptv(params);
    return report;
}

} // namespace sb
