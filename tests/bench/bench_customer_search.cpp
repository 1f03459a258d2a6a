// Type-ahead customer search latency: each keystroke of a few realistic searches is one query, timed
// end to end through the repository (what the GUI's search thread does). Prints p50 / p95 / max.
//   bench_customer_search --db URL [--rounds N]
// Make a big database first: switchboard-ctl --db URL seed-demo --customers 1000000

#include "store/CustomerRepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>

using namespace sb;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    const int dbIndex = args.indexOf(QStringLiteral("--db"));
    const int roundsIndex = args.indexOf(QStringLiteral("--rounds"));
    if (dbIndex < 0 || dbIndex + 1 >= args.size()) {
        QTextStream(stderr) << "usage: bench_customer_search --db URL [--rounds N]\n";
        return 2;
    }
    const int rounds = roundsIndex > 0 ? args.value(roundsIndex + 1).toInt() : 5;
    const auto url = DatabaseUrl::parse(args.at(dbIndex + 1));
    if (!url) {
        QTextStream(stderr) << url.error().text() << '\n';
        return 1;
    }
    Database db(*url);
    CustomerRepository customers(db);
    const QStringList searches{QStringLiteral("John Smith"), QStringLiteral("johnson"), QStringLiteral("+44 7700 523"),
                               QStringLiteral("maria.silva"), QStringLiteral("123456"), QStringLiteral("Café du")};
    QList<double> latencies;
    try {
        out << "customers: " << customers.count() << '\n';
        for (int round = 0; round < rounds; ++round)
            for (const QString& search : searches)
                for (int length = 1; length <= search.size(); ++length) {
                    QElapsedTimer timer;
                    timer.start();
                    customers.search(search.left(length), 20);
                    latencies << timer.nsecsElapsed() / 1e6;
                }
    } catch (const StoreException& e) {
        QTextStream(stderr) << e.error().text() << ' ' << e.error().detail << '\n';
        return 1;
    }
    std::sort(latencies.begin(), latencies.end());
    auto percentile = [&](double p) { return latencies.at(qMin(latencies.size() - 1, qsizetype(p * latencies.size()))); };
    out << "queries: " << latencies.size() << '\n'
        << "p50 ms: " << QString::number(percentile(0.50), 'f', 2) << '\n'
        << "p95 ms: " << QString::number(percentile(0.95), 'f', 2) << '\n'
        << "max ms: " << QString::number(latencies.last(), 'f', 2) << '\n';
    return 0;
}
