// The dry run of a bulk assignment file (BulkImportWorkflow::dryRun): how long 10,000 rows take to check.
//   bench_bulk_dryrun [--db URL] [--rows 10000] [--customers 5000] [--rounds 3]
// Without --db: a new SQLite database in a temporary folder, seeded with the demo operator (--customers) and
// enough inventory for every row. The file mixes individual rows (customer by ID, email or phone; IPTV, mobile,
// fibre) and business rows (site, contacts, PO number), about one row in twenty with an error. Prints the time
// of each round; the target is under 2 s. Never fails on time.

#include "store/Database.h"
#include "store/DemoSeeder.h"
#include "store/InventoryRepository.h"
#include "store/Migrations.h"
#include "workflows/BulkImportWorkflow.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace sb;

namespace {

struct CustomerRow
{
    QString id, email, phone, type, site, billing, technical;
};

QList<CustomerRow> activeCustomers(Database& db)
{
    Sql q(db, QStringLiteral("SELECT c.id, c.email, c.phone, c.type,"
                             " (SELECT MIN(s.name) FROM customer_sites s WHERE s.customer_id = c.id),"
                             " (SELECT MIN(k.name) FROM customer_contacts k WHERE k.customer_id = c.id AND k.role = 'billing'),"
                             " (SELECT MIN(k.email) FROM customer_contacts k WHERE k.customer_id = c.id AND k.role = 'technical')"
                             " FROM customers c WHERE c.status = 'active' ORDER BY c.id"));
    q.exec();
    QList<CustomerRow> rows;
    while (q.next())
        rows << CustomerRow{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                            q.value(4).toString(), q.value(5).toString(), q.value(6).toString()};
    return rows;
}

void addStock(Database& db, const QString& templateName, int count)
{
    InventoryRepository inventory(db);
    const qint64 templateId = *inventory.templateId(templateName);
    Transaction tx(db);
    for (int i = 0; i < count; ++i) {
        InventoryItem item;
        item.reference = QStringLiteral("BENCH-%1-%2").arg(templateId).arg(i);
        item.identifier = QStringLiteral("BENCH-SN-%1-%2").arg(templateId).arg(i);
        item.status = InventoryStatus::New;
        inventory.insertItem(templateId, item);
    }
    tx.commit();
}

QString quoted(const QString& text)
{
    return text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"'))
               ? QLatin1Char('"') + QString(text).replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"')
               : text;
}

QByteArray makeFile(const QList<CustomerRow>& customers, int rows)
{
    QList<CustomerRow> individuals;
    QList<CustomerRow> businesses;
    for (const CustomerRow& c : customers)
        (c.type == QLatin1String("business") ? businesses : individuals) << c;
    QString text = QStringLiteral("customer,product,auto_renew,site,billing_contact,technical_contact,po_number,cost_centre\n");
    static const char* plans[] = {"iptv-essentials", "mobile-20gb", "fiber-100", "voip-home"};
    for (int i = 0; i < rows; ++i) {
        if (i % 20 == 19) { // an error: unknown product or customer
            text += i % 40 == 19 ? QStringLiteral("%1,no-such-plan,,,,,,\n").arg(individuals.at(i % individuals.size()).id)
                                 : QStringLiteral("nobody-%1@example.invalid,iptv-essentials,,,,,,\n").arg(i);
            continue;
        }
        if (i % 5 == 4 && !businesses.isEmpty()) {
            const CustomerRow& b = businesses.at(i % businesses.size());
            text += QStringLiteral("%1,fiber-business-1g,yes,%2,%3,%4,PO-%5,\"CC %6, ops\"\n")
                        .arg(b.id, quoted(b.site), quoted(b.billing), quoted(b.technical))
                        .arg(i)
                        .arg(i % 7);
            continue;
        }
        const CustomerRow& c = individuals.at(i % individuals.size());
        const QString key = i % 3 == 0 ? c.id : i % 3 == 1 ? c.email : c.phone;
        text += QStringLiteral("%1,%2,%3,,,,,\n").arg(quoted(key), QLatin1String(plans[i % 4]), i % 2 ? QStringLiteral("no") : QString());
    }
    return text.toUtf8();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("db"), QStringLiteral("Database URL (default: a new SQLite file)."), QStringLiteral("url")});
    parser.addOption({QStringLiteral("rows"), QStringLiteral("Rows in the file."), QStringLiteral("n"), QStringLiteral("10000")});
    parser.addOption({QStringLiteral("customers"), QStringLiteral("Demo customers to seed."), QStringLiteral("n"), QStringLiteral("5000")});
    parser.addOption({QStringLiteral("rounds"), QStringLiteral("Dry runs to time."), QStringLiteral("n"), QStringLiteral("3")});
    parser.addHelpOption();
    parser.process(app);
    QTextStream out(stdout);

    QTemporaryDir dir;
    const QString url = parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db"))
                                                           : QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("bench.db"));
    const auto parsed = DatabaseUrl::parse(url);
    if (!parsed) {
        std::fprintf(stderr, "%s\n", qPrintable(parsed.error().text()));
        return 1;
    }
    Database db(*parsed);
    if (!Migrations::migrate(db)) {
        std::fprintf(stderr, "cannot migrate %s\n", qPrintable(url));
        return 1;
    }
    const int rows = parser.value(QStringLiteral("rows")).toInt();
    QList<CustomerRow> customers = activeCustomers(db);
    if (customers.isEmpty()) {
        DemoSize size;
        size.customers = parser.value(QStringLiteral("customers")).toInt();
        QElapsedTimer seeding;
        seeding.start();
        if (!DemoSeeder(db).seed(size)) {
            std::fprintf(stderr, "cannot seed the demo data\n");
            return 1;
        }
        try {
            for (const QString& t : {QStringLiteral("Set-top Box"), QStringLiteral("SIM Card"), QStringLiteral("Mobile Number"),
                                     QStringLiteral("CPE Modem"), QStringLiteral("SIP DID")})
                addStock(db, t, rows / 2);
        } catch (const StoreException& e) {
            std::fprintf(stderr, "cannot add stock: %s\n", qPrintable(e.error().detail));
            return 1;
        }
        customers = activeCustomers(db);
        out << "seeded " << size.customers << " customers and stock in " << seeding.elapsed() << " ms\n";
    }
    const QByteArray file = makeFile(customers, rows);
    out << "file: " << rows << " rows, " << file.size() / 1024 << " KiB, " << url << "\n";
    out.flush();

    BulkImportWorkflow workflow(db);
    const int rounds = parser.value(QStringLiteral("rounds")).toInt();
    for (int round = 1; round <= rounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        const auto run = workflow.dryRun(file);
        const qint64 ms = timer.elapsed();
        if (!run) {
            std::fprintf(stderr, "dry run failed: %s\n", qPrintable(run.error().detail));
            return 1;
        }
        out << "round " << round << ": " << ms << " ms for " << run->totalRows << " rows (" << run->validRows << " valid, "
            << run->rejectedRows() << " with errors, " << run->problems.size() << " problems)"
            << (ms < 2000 ? " - under the 2 s target\n" : " - OVER the 2 s target\n");
        if (round == 1)
            for (int i = 0; i < int(run->problems.size()); i += qMax(1, int(run->problems.size()) / 8))
                out << "  e.g. " << run->problems.at(i).text() << "\n";
        out.flush();
    }
    return 0;
}
