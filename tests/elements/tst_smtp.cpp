// The welcome email over SMTP with STARTTLS, against a real aiosmtpd (Debian python3-aiosmtpd) that requires
// STARTTLS and stores what it accepts in a Maildir. The certificates come from a throwaway CA made by openssl.
#include "ElementServer.h"
#include "core/TestDatabase.h"
#include "core/ThrowawayCa.h"

#include "network/MimeMessage.h"
#include "network/SimulatorThread.h"
#include "network/SmtpClient.h"
#include "provisioning/ProvisioningActions.h"
#include "provisioning/ProvisioningRunner.h"
#include "provisioning/WelcomeMail.h"
#include "store/CatalogRepository.h"
#include "store/CustomerRepository.h"
#include "store/JobRepository.h"
#include "store/ServiceRepository.h"
#include "workflows/AssignPlanWorkflow.h"

#include <QDir>
#include <QRegularExpression>
#include <QSettings>
#include <QTcpSocket>
#include <QTest>
#include <QTranslator>

using namespace sb;

namespace {

constexpr quint16 SmtpPort = 12525;
constexpr quint16 ClosedPort = 18449;    // nothing listens there during this test
constexpr quint16 AuthPort = 18446;      // aiosmtpd with accounts, PLAIN and LOGIN
constexpr quint16 LoginOnlyPort = 18447; // the same, offering LOGIN only

// aiosmtpd with an account (the CLI cannot set one): STARTTLS and sign-in required, messages into a Maildir.
// Arguments: certificate, key, Maildir, port, a mechanism to leave out or "-".
const char* const AuthServerScript = R"(import signal, ssl, sys
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import AuthResult, LoginPassword

def authenticate(server, session, envelope, mechanism, data):
    good = isinstance(data, LoginPassword) and data.login == b"switchboard" and data.password == b"right horse battery"
    return AuthResult(success=good)

cert, key, maildir, port, exclude = sys.argv[1:6]
context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
context.load_cert_chain(cert, key)
controller = Controller(Mailbox(maildir), hostname="127.0.0.1", port=int(port), tls_context=context,
                        require_starttls=True, auth_required=True, authenticator=authenticate,
                        auth_exclude_mechanism=[] if exclude == "-" else [exclude])
controller.start()
print("Server is listening", flush=True)
signal.sigwait({signal.SIGTERM, signal.SIGINT})
controller.stop()
)";

// One received message: its header fields (unfolded) and its body decoded from base64.
struct ReceivedMail
{
    QMap<QString, QString> headers; // lower-case names
    QString body;
};

QString decodedWords(QString value)
{
    static const QRegularExpression word(QStringLiteral("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?="),
                                         QRegularExpression::CaseInsensitiveOption);
    value.replace(QRegularExpression(QStringLiteral("\\?=\\s+=\\?")), QStringLiteral("?==?"));
    QString out;
    qsizetype last = 0;
    for (auto it = word.globalMatch(value); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += value.mid(last, m.capturedStart() - last);
        out += QString::fromUtf8(QByteArray::fromBase64(m.captured(1).toLatin1()));
        last = m.capturedEnd();
    }
    return out + value.mid(last);
}

ReceivedMail parse(const QByteArray& raw)
{
    ReceivedMail mail;
    QByteArray text = raw;
    text.replace("\r\n", "\n");
    const qsizetype split = text.indexOf("\n\n");
    QString lastName;
    for (const QByteArray& line : text.left(split).split('\n')) {
        if ((line.startsWith(' ') || line.startsWith('\t')) && !lastName.isEmpty()) {
            mail.headers[lastName] += QString::fromUtf8(line);
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        lastName = QString::fromLatin1(line.left(colon)).toLower();
        mail.headers.insert(lastName, QString::fromUtf8(line.mid(colon + 1)).trimmed());
    }
    mail.body = QString::fromUtf8(QByteArray::fromBase64(text.mid(split + 2).replace("\n", "")));
    return mail;
}

} // namespace

class SmtpTest : public QObject
{
    Q_OBJECT

private:
    ThrowawayCa m_ca;
    QTemporaryDir m_dir;
    ElementServer m_smtp;
    ElementServer m_authSmtp;
    ElementServer m_loginOnlySmtp;

    bool startAuthServer(ElementServer& server, quint16 port, const QString& excluded)
    {
        const QString script = m_dir.filePath(QStringLiteral("auth_server.py"));
        QFile file(script);
        if (!file.exists() && (!file.open(QIODevice::WriteOnly) || file.write(AuthServerScript) < 0))
            return false;
        file.close();
        return server.start(
            QStringLiteral("/usr/bin/python3"),
            {script, m_ca.file(QStringLiteral("server.crt")), m_ca.file(QStringLiteral("server.key")),
             m_dir.filePath(QStringLiteral("auth-maildir-%1").arg(port)), QString::number(port), excluded},
            m_dir.path(), [](const QString& output) { return output.contains(QLatin1String("Server is listening")); });
    }

    QString maildir() const { return m_dir.filePath(QStringLiteral("maildir")); }

    SmtpSettings smtp(const QString& caFile = QStringLiteral("ca.crt")) const
    {
        SmtpSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = SmtpPort;
        settings.from = QStringLiteral("welcome@switchboard.test");
        settings.tls.caFile = caFile.isEmpty() ? QString() : m_ca.file(caFile);
        settings.timeoutMs = 15000;
        return settings;
    }

    QStringList messageFiles() const
    {
        QDir dir(maildir() + QStringLiteral("/new"));
        QStringList files;
        for (const QString& name : dir.entryList(QDir::Files, QDir::Name))
            files << dir.filePath(name);
        return files;
    }

    // Runs the mail.welcome action as the provisioning runner would.
    Status runWelcomeAction(const NetworkEndpoints& endpoints, const QJsonObject& params, QString* log)
    {
        TestDatabase test(false);
        if (!test.ok())
            return Status(Error{{}, QStringLiteral("no test database")});
        const ProvisioningJob job;
        ActionContext context{test.db(), endpoints, job, 60000, {}};
        const Status status = (*ProvisioningActions::find(QStringLiteral("mail.welcome")))(context, params);
        *log = context.log;
        return status;
    }

    static QJsonObject welcomeParams(const QString& language)
    {
        return {{QStringLiteral("to"), QStringLiteral("joao.silva@example.com.br")},
                {QStringLiteral("name"), QStringLiteral("João Silva")},
                {QStringLiteral("language"), language},
                {QStringLiteral("service_name"), QStringLiteral("IPTV - Essentials")},
                {QStringLiteral("service_id"), 77}};
    }

    static QString portuguese(const char* source)
    {
        QTranslator translator;
        if (!translator.load(QStringLiteral(":/i18n/switchboard_pt_BR.qm")))
            return {};
        return translator.translate("WelcomeMail", source);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_ca.create(), qPrintable(m_ca.error()));
        QString output;
        const int python = ElementServer::runClient(
            QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import aiosmtpd")}, {}, &output);
        if (python != 0)
            QFAIL(qPrintable(QStringLiteral("aiosmtpd is not installed (Debian package python3-aiosmtpd): ") + output));
        // With a STARTTLS certificate aiosmtpd requires STARTTLS before MAIL (require_starttls defaults to on).
        const bool started = m_smtp.start(
            QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-m"), QStringLiteral("aiosmtpd"), QStringLiteral("-n"), QStringLiteral("-d"),
             QStringLiteral("-l"), QStringLiteral("127.0.0.1:%1").arg(SmtpPort), QStringLiteral("--tlscert"),
             m_ca.file(QStringLiteral("server.crt")), QStringLiteral("--tlskey"),
             m_ca.file(QStringLiteral("server.key")), QStringLiteral("-c"), QStringLiteral("aiosmtpd.handlers.Mailbox"),
             maildir()},
            m_dir.path(), [](const QString& output) { return output.contains(QLatin1String("Server is listening")); });
        QVERIFY2(started, qPrintable(QStringLiteral("aiosmtpd did not start: ") + m_smtp.output()));
        QVERIFY2(startAuthServer(m_authSmtp, AuthPort, QStringLiteral("-")),
                 qPrintable(QStringLiteral("aiosmtpd with accounts did not start: ") + m_authSmtp.output()));
        QVERIFY2(startAuthServer(m_loginOnlySmtp, LoginOnlyPort, QStringLiteral("PLAIN")),
                 qPrintable(QStringLiteral("aiosmtpd with LOGIN only did not start: ") + m_loginOnlySmtp.output()));
    }

    void cleanupTestCase()
    {
        m_smtp.stop();
        m_authSmtp.stop();
        m_loginOnlySmtp.stop();
    }

    void welcomeMailArrivesInPortugueseOverStartTls()
    {
        TestDatabase test;
        QVERIFY(test.ok());
        SimulatorThread simulator;
        QVERIFY(simulator.start());
        NetworkEndpoints endpoints = NetworkEndpoints::forSimulator(simulator.baseUrl());
        endpoints.standinDir = test.path(QStringLiteral("elements"));
        endpoints.outboxDir = test.path(QStringLiteral("outbox"));
        endpoints.mail = smtp();

        Customer customer;
        customer.name = QStringLiteral("João Silva");
        customer.email = QStringLiteral("joao.silva@example.com.br");
        customer.phone = QStringLiteral("+55 11 91234 5678");
        customer.language = QStringLiteral("pt_BR");
        customer.id = CustomerRepository(test.db()).insert(customer);
        QVERIFY(customer.id > 0);

        AssignPlanWorkflow workflow(test.db());
        const Product product = *CatalogRepository(test.db()).bySlug(QStringLiteral("iptv-essentials"));
        AssignRequest request;
        request.customerId = customer.id;
        request.productId = product.id;
        request.reservationHolder = QStringLiteral("smtp-test");
        for (const QString& itemTemplate : product.inventoryItemsList) {
            const qint64 id = workflow.availableItems(itemTemplate, request.reservationHolder)->first().id;
            QVERIFY(workflow.reserve(id, request.reservationHolder).ok());
            request.items.insert(itemTemplate, id);
        }
        const auto assigned = workflow.submit(request, Actor(QStringLiteral("tester"), Role::Staff));
        QVERIFY2(assigned.ok(), qPrintable(assigned.ok() ? QString() : assigned.error().detail));

        const QStringList before = messageFiles();
        ProvisioningRunner runner(test.db(), endpoints, QStringLiteral("smtp-test-worker"), {});
        QCOMPARE(runner.runNext().value_or(0), assigned->jobId);
        const ProvisioningJob job = *JobRepository(test.db()).byId(assigned->jobId);
        QVERIFY2(job.status == JobStatus::Succeeded, qPrintable(UserMessage::fromJsonString(job.error).englishText()));
        const QString mailLog = job.tasks.last().log;
        QVERIFY2(mailLog.contains(QLatin1String("STARTTLS: TLSv1.")), qPrintable(mailLog));
        QVERIFY2(!QDir(endpoints.outboxDir).exists() || QDir(endpoints.outboxDir).isEmpty(),
                 "the mail went to the outbox");

        // The server saw STARTTLS before the envelope (its debug log arrives through the pipe a little later), and
        // stored exactly one new message.
        const QString mailFrom = QStringLiteral(">> b'MAIL FROM:<welcome@switchboard.test>'");
        QTRY_VERIFY2(m_smtp.output().contains(mailFrom), qPrintable(m_smtp.output()));
        const QString serverLog = m_smtp.output();
        const qsizetype startTls = serverLog.lastIndexOf(QLatin1String(">> b'STARTTLS'"));
        QVERIFY2(startTls >= 0, qPrintable(serverLog));
        QVERIFY2(serverLog.indexOf(mailFrom, startTls) > startTls, qPrintable(serverLog));
        const QStringList after = messageFiles();
        QCOMPARE(after.size(), before.size() + 1);
        QString received;
        for (const QString& name : after)
            if (!before.contains(name))
                received = name;
        QFile file(received);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const ReceivedMail mail = parse(file.readAll());

        QCOMPARE(mail.headers.value(QStringLiteral("x-rcptto")), customer.email);
        const QString subject = portuguese("Welcome to %1");
        const QString active = portuguese("Your service %1 is now active.");
        QVERIFY2(!subject.isEmpty() && !active.isEmpty(),
                 "the welcome mail texts (context WelcomeMail) are not translated in switchboard_pt_BR.ts");
        QCOMPARE(mail.headers.value(QStringLiteral("content-language")), QStringLiteral("pt-BR"));
        QCOMPARE(mail.headers.value(QStringLiteral("content-type")), QStringLiteral("text/plain; charset=UTF-8"));
        QVERIFY(mail.headers.value(QStringLiteral("message-id")).endsWith(QLatin1String("@switchboard.test>")));
        QVERIFY(!mail.headers.value(QStringLiteral("date")).isEmpty());
        QVERIFY2(decodedWords(mail.headers.value(QStringLiteral("to"))).startsWith(QStringLiteral("João Silva <")),
                 qPrintable(mail.headers.value(QStringLiteral("to"))));

        // In Portuguese: the texts the pt_BR translation gives, not the English sources.
        const QString serviceName = ServiceRepository(test.db()).byId(assigned->serviceId)->name;
        QCOMPARE(decodedWords(mail.headers.value(QStringLiteral("subject"))), subject.arg(serviceName));
        QVERIFY2(mail.body.contains(active.arg(serviceName)), qPrintable(mail.body));
        QVERIFY2(!mail.body.contains(QLatin1String("is now active")), qPrintable(mail.body));
        QVERIFY2(mail.body.contains(QStringLiteral("João Silva")), qPrintable(mail.body));
    }

    void untrustedCaGivesTheClearTlsMessage()
    {
        NetworkEndpoints endpoints;
        endpoints.mail = smtp(QStringLiteral("other-ca.crt"));
        QString log;
        const Status status = runWelcomeAction(endpoints, welcomeParams(QStringLiteral("pt_BR")), &log);
        QVERIFY(!status.ok());
        QCOMPARE(status.error.message.englishText(),
                 QStringLiteral("The mail server at 127.0.0.1:%1 presented a certificate that is not signed by a "
                                "trusted CA. Set the CA bundle in the mail settings or check the server's certificate.")
                     .arg(SmtpPort));
        QVERIFY2(log.contains(QStringLiteral("→ STARTTLS")), qPrintable(log));
    }

    void clearTextIsRefusedByTheServer()
    {
        NetworkEndpoints endpoints;
        endpoints.mail = smtp();
        endpoints.mail.startTls = false;
        QString log;
        const Status status = runWelcomeAction(endpoints, welcomeParams(QStringLiteral("fr")), &log);
        QVERIFY(!status.ok());
        QCOMPARE(status.error.message.englishText(),
                 QStringLiteral("The mail server at 127.0.0.1:%1 accepts mail only over an encrypted connection. Turn "
                                "STARTTLS on in the mail settings.")
                     .arg(SmtpPort));
    }

    void unreachableServerIsNamed()
    {
        NetworkEndpoints endpoints;
        endpoints.mail = smtp();
        endpoints.mail.port = ClosedPort;
        QString log;
        const Status status = runWelcomeAction(endpoints, welcomeParams(QStringLiteral("es")), &log);
        QVERIFY(!status.ok());
        QCOMPARE(status.error.message.englishText(),
                 QStringLiteral("Unable to connect to the mail server at 127.0.0.1:%1. Check that it is running and "
                                "that the mail host and port in Settings are right.")
                     .arg(ClosedPort));
    }

    // aiosmtpd offers AUTH only once encrypted, and without an authenticator it refuses every account.
    void refusedSignInIsNamedAndThePasswordNeverLogged()
    {
        NetworkEndpoints endpoints;
        endpoints.mail = smtp();
        endpoints.mail.username = QStringLiteral("switchboard");
        endpoints.mail.password = QStringLiteral("s3cret-mail-password");
        QString log;
        const Status status = runWelcomeAction(endpoints, welcomeParams(QStringLiteral("en")), &log);
        QVERIFY(!status.ok());
        QCOMPARE(status.error.message.englishText(),
                 QStringLiteral("The mail server at 127.0.0.1:%1 refused the user name or password (535 5.7.8 "
                                "Authentication credentials invalid). Check the mail account in Settings.")
                     .arg(SmtpPort));
        QVERIFY2(log.contains(QLatin1String("AUTH PLAIN ***")), qPrintable(log));
        QVERIFY2(log.contains(QLatin1String("password ***")), qPrintable(log));
        QVERIFY2(!log.contains(QLatin1String("s3cret")), qPrintable(log));
        QVERIFY(!log.contains(QString::fromLatin1(QByteArray("s3cret-mail-password").toBase64())));
    }

    void signsInWithTheAccount_data()
    {
        QTest::addColumn<quint16>("port");
        QTest::addColumn<QString>("mechanism");
        QTest::newRow("PLAIN") << AuthPort << QStringLiteral("AUTH PLAIN ***");
        QTest::newRow("LOGIN") << LoginOnlyPort << QStringLiteral("→ AUTH LOGIN");
    }

    void signsInWithTheAccount()
    {
        QFETCH(quint16, port);
        QFETCH(QString, mechanism);
        NetworkEndpoints endpoints;
        endpoints.mail = smtp();
        endpoints.mail.port = port;
        endpoints.mail.username = QStringLiteral("switchboard");
        endpoints.mail.password = QStringLiteral("right horse battery");
        QString log;
        const Status status = runWelcomeAction(endpoints, welcomeParams(QStringLiteral("es")), &log);
        QVERIFY2(status.ok(), qPrintable(status.error.message.englishText() + QLatin1Char('\n') + log));
        QVERIFY2(log.contains(mechanism), qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("← 235")), qPrintable(log));
        QVERIFY2(!log.contains(QLatin1String("horse")), qPrintable(log));
        QVERIFY(!log.contains(QString::fromLatin1(QByteArray("right horse battery").toBase64())));
        QCOMPARE(QDir(m_dir.filePath(QStringLiteral("auth-maildir-%1/new").arg(port))).entryList(QDir::Files).size(),
                 1);
    }

    void serverThatWantsSignInSaysSo()
    {
        NetworkEndpoints endpoints;
        endpoints.mail = smtp();
        endpoints.mail.port = AuthPort;
        QString log;
        const Status status = runWelcomeAction(endpoints, welcomeParams(QStringLiteral("en")), &log);
        QVERIFY(!status.ok());
        QCOMPARE(status.error.message.englishText(),
                 QStringLiteral("The mail server at 127.0.0.1:%1 requires signing in. Set the mail user name and "
                                "password in Settings.")
                     .arg(AuthPort));
    }

    void withoutMailHostTheOutboxIsUsed()
    {
        QTemporaryDir outbox;
        NetworkEndpoints endpoints;
        endpoints.outboxDir = outbox.path();
        QString log;
        const Status status = runWelcomeAction(endpoints, welcomeParams(QStringLiteral("pt-BR")), &log);
        QVERIFY2(status.ok(), qPrintable(status.error.message.englishText()));
        QFile file(outbox.filePath(QStringLiteral("welcome-service-77.eml")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const ReceivedMail mail = parse(file.readAll());
        QVERIFY2(decodedWords(mail.headers.value(QStringLiteral("to"))).startsWith(QStringLiteral("João Silva <")),
                 qPrintable(mail.headers.value(QStringLiteral("to"))));
        QVERIFY(!mail.headers.value(QStringLiteral("content-language")).isEmpty()); // pt-BR once translated
        QVERIFY2(mail.body.contains(QStringLiteral("João Silva")), qPrintable(mail.body));
    }

    void settingsFileGroupMail()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("switchboard.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("mail/host"), QStringLiteral("127.0.0.1"));
        settings.setValue(QStringLiteral("mail/port"), SmtpPort);
        settings.setValue(QStringLiteral("mail/from"), QStringLiteral("welcome@switchboard.test"));
        settings.setValue(QStringLiteral("mail/username"), QStringLiteral("switchboard"));
        settings.setValue(QStringLiteral("mail/password"), QStringLiteral("pw"));
        settings.setValue(QStringLiteral("mail/ca_file"), m_ca.file(QStringLiteral("ca.crt")));
        settings.sync();
        const NetworkEndpoints configured = NetworkEndpoints::fromSettings(settings);
        QVERIFY(configured.mail.isSet());
        QCOMPARE(configured.mail.port, SmtpPort);
        QCOMPARE(configured.mail.from, QStringLiteral("welcome@switchboard.test"));
        QCOMPARE(configured.mail.username, QStringLiteral("switchboard"));
        QCOMPARE(configured.mail.password, QStringLiteral("pw"));
        QCOMPARE(configured.mail.tls.caFile, m_ca.file(QStringLiteral("ca.crt")));
        QVERIFY(configured.mail.startTls); // on unless the file says starttls=false
        QVERIFY(configured.mail.tls.verifyPeer);
        QVERIFY(!NetworkEndpoints::fromSettings(
                     QSettings(m_dir.filePath(QStringLiteral("empty.ini")), QSettings::IniFormat))
                     .mail.isSet());
    }

    void dotStuffingAndEncodedWords()
    {
        QCOMPARE(SmtpClient::dotStuffed(".hidden\nline\r\n..two\n"), QByteArray("..hidden\r\nline\r\n...two\r\n"));
        QCOMPARE(SmtpClient::dotStuffed("no end"), QByteArray("no end\r\n"));
        const QString subject = QStringLiteral("Bem-vindo ao seu serviço de televisão — João, São Paulo, ações ção");
        const QByteArray encoded = MimeMessage::encodedWords(subject);
        for (const QByteArray& line : encoded.split('\n'))
            QVERIFY2(line.trimmed().size() <= 75, encoded.constData());
        QCOMPARE(decodedWords(QString::fromLatin1(encoded)), subject);
        QCOMPARE(MimeMessage::encodedWords(QStringLiteral("Welcome")), QByteArray("Welcome"));
        QCOMPARE(WelcomeMail::supportedLanguage(QStringLiteral("pt")), QStringLiteral("pt_BR"));
        QCOMPARE(WelcomeMail::supportedLanguage(QStringLiteral("de")), QStringLiteral("en"));
    }
};

QTEST_GUILESS_MAIN(SmtpTest)
#include "tst_smtp.moc"
