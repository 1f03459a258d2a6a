// Type-ahead customer search latency: each keystroke of a few realistic searches is one search, timed end to
// end through the repository (what the GUI's search thread does). The same SQL, statement for statement, is
// then run by the engine's own client (sqlite3 or psql, one process fed over a pipe, as a reference), and
// both are printed as p50 / p95 / max per keystroke.
//   bench_customer_search --db URL [--rounds N] [--client PATH] [--no-reference]
// Make a big database first: switchboard-ctl --db URL seed-demo --customers 1000000

#include "store/CustomerRepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTextStream>

#include <algorithm>

using namespace sb;

namespace {

struct Figures
{
    QList<double> latencies; // ms per keystroke

    double percentile(double p) const
    {
        QList<double> sorted = latencies;
        std::sort(sorted.begin(), sorted.end());
        return sorted.at(qMin(sorted.size() - 1, qsizetype(p * sorted.size())));
    }
    double max() const { return *std::max_element(latencies.cbegin(), latencies.cend()); }
};

// One long-lived client process; each keystroke's statements are written to its stdin followed by a marker
// that it echoes, and the keystroke takes the time until the marker comes back (rows are read and dropped).
class ReferenceClient
{
public:
    bool start(const DatabaseUrl& url, const QString& dbText, const QString& clientPath)
    {
        m_sqlite = url.isSqlite();
        QStringList args;
        QString program = clientPath;
        if (m_sqlite) {
            if (program.isEmpty())
                program = QStringLiteral("sqlite3");
            args << QStringLiteral("-batch") << url.path;
        } else {
            if (program.isEmpty())
                program = QStringLiteral("psql");
            args << QStringLiteral("-X") << QStringLiteral("-q") << QStringLiteral("-A") << QStringLiteral("-t")
                 << dbText;
        }
        // stdbuf: the client writes to a pipe, which stdio would otherwise buffer until exit.
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral("stdbuf"), QStringList{QStringLiteral("-o0"), program} + args);
        if (!m_process.waitForStarted(10000))
            return false;
        QStringList warmUp{m_sqlite ? QStringLiteral("PRAGMA journal_mode") : QStringLiteral("SELECT 1")};
        return run(warmUp) >= 0;
    }

    // Milliseconds for the statements, or -1 when the client did not answer.
    double run(const QStringList& statements)
    {
        const QByteArray marker = "@@done" + QByteArray::number(++m_counter);
        QByteArray script;
        for (const QString& statement : statements)
            script += statement.toUtf8() + ";\n";
        script += (m_sqlite ? ".print " : "\\echo ") + marker + '\n';
        QElapsedTimer timer;
        timer.start();
        m_process.write(script);
        QByteArray seen;
        while (!seen.contains(marker)) {
            if (!m_process.waitForReadyRead(30000))
                return -1;
            seen += m_process.readAll();
            if (seen.size() > 4096 && !seen.contains(marker))
                seen = seen.right(64);
        }
        const double ms = timer.nsecsElapsed() / 1e6;
        if (seen.contains("Error") || seen.contains("ERROR"))
            m_errors += QString::fromUtf8(seen.left(300));
        return ms;
    }

    void stop()
    {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
    }

    QString errors() const { return m_errors; }

private:
    QProcess m_process;
    bool m_sqlite = true;
    int m_counter = 0;
    QString m_errors;
};

QString row(const QString& label, const Figures& figures)
{
    return QStringLiteral("%1  p50 %2 ms   p95 %3 ms   max %4 ms")
        .arg(label, -18)
        .arg(figures.percentile(0.50), 7, 'f', 2)
        .arg(figures.percentile(0.95), 7, 'f', 2)
        .arg(figures.max(), 7, 'f', 2);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList args = app.arguments();
    auto option = [&](const char* name) {
        const int index = args.indexOf(QLatin1String(name));
        return index > 0 ? args.value(index + 1) : QString();
    };
    const QString dbText = option("--db");
    if (dbText.isEmpty()) {
        err << "usage: bench_customer_search --db URL [--rounds N] [--client PATH] [--no-reference]\n";
        return 2;
    }
    const int rounds = option("--rounds").isEmpty() ? 5 : option("--rounds").toInt();
    const bool withReference = !args.contains(QStringLiteral("--no-reference"));
    const auto url = DatabaseUrl::parse(dbText);
    if (!url) {
        err << url.error().text() << '\n';
        return 1;
    }
    Database db(*url);
    CustomerRepository customers(db);
    const QStringList searches{QStringLiteral("John Smith"), QStringLiteral("johnson"), QStringLiteral("+44 7700 523"),
                               QStringLiteral("maria.silva"), QStringLiteral("123456"), QStringLiteral("Café du"),
                               QStringLiteral("enterprises"), QStringLiteral("silva12")};
    QStringList keystrokes;
    for (const QString& search : searches)
        for (int length = 1; length <= search.size(); ++length)
            keystrokes << search.left(length);

    Figures ours;
    QList<QStringList> statements; // per keystroke, what the repository ran
    try {
        out << "engine: " << (url->isSqlite() ? "SQLite" : "PostgreSQL") << "   customers: " << customers.count()
            << "   keystrokes per round: " << keystrokes.size() << "   rounds: " << rounds << Qt::endl;
        for (const QString& keystroke : keystrokes) { // warm-up, and the statements for the reference
            QStringList trace;
            customers.setStatementTrace(&trace);
            customers.search(keystroke, 20);
            statements << trace;
        }
        customers.setStatementTrace(nullptr);
        for (int round = 0; round < rounds; ++round)
            for (const QString& keystroke : keystrokes) {
                QElapsedTimer timer;
                timer.start();
                customers.search(keystroke, 20);
                ours.latencies << timer.nsecsElapsed() / 1e6;
            }
    } catch (const StoreException& e) {
        err << e.error().text() << ' ' << e.error().detail << '\n';
        return 1;
    }
    out << row(QStringLiteral("switchboard (Qt)"), ours) << Qt::endl;
    if (!withReference)
        return 0;

    ReferenceClient client;
    if (!client.start(*url, dbText, option("--client"))) {
        err << "the engine's own client (sqlite3 / psql) did not start\n";
        return 1;
    }
    Figures reference;
    for (const QStringList& keystroke : statements) // warm-up
        client.run(keystroke);
    for (int round = 0; round < rounds; ++round)
        for (const QStringList& keystroke : statements) {
            const double ms = client.run(keystroke);
            if (ms < 0) {
                err << "the engine's own client stopped answering\n";
                return 1;
            }
            reference.latencies << ms;
        }
    client.stop();
    if (!client.errors().isEmpty()) {
        err << "the engine's own client reported errors: " << client.errors() << '\n';
        return 1;
    }
    out << row(url->isSqlite() ? QStringLiteral("sqlite3 (reference)") : QStringLiteral("psql (reference)"), reference)
        << Qt::endl
        << "ratio p95: " << QString::number(ours.percentile(0.95) / reference.percentile(0.95), 'f', 2) << Qt::endl;
    if (args.contains(QStringLiteral("--verbose")))
        for (int i = 0; i < keystrokes.size(); ++i)
            out << keystrokes.at(i) << ": " << statements.at(i).join(QStringLiteral(" | ")) << Qt::endl;
    return 0;
}
