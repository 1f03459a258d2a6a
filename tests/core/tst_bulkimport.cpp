// Bulk assignment from CSV: the dry run's row errors, what a run writes, and a run that survives being killed.
#include "SimulatedProvisioning.h"

#include "store/InventoryRepository.h"
#include "workflows/BulkImportRunner.h"
#include "workflows/BulkImportWorkflow.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;

namespace {

qint64 scalar(Database& db, const QString& sql, const QVariantMap& binds = {})
{
    Sql q(db, sql);
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q.bind(it.key(), it.value());
    q.exec();
    return q.next() ? q.value(0).toLongLong() : -1;
}

QStringList column(Database& db, const QString& sql, const QVariantMap& binds = {})
{
    Sql q(db, sql);
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q.bind(it.key(), it.value());
    q.exec();
    QStringList values;
    while (q.next())
        values << q.value(0).toString();
    return values;
}

// What a user would compare before and after: the services, jobs, inventory and bulk tables.
QString snapshot(Database& db)
{
    return QStringLiteral("services=%1 jobs=%2 imports=%3 rows=%4 inventory=%5 audit=%6")
        .arg(scalar(db, QStringLiteral("SELECT COUNT(*) FROM services")))
        .arg(scalar(db, QStringLiteral("SELECT COUNT(*) FROM provisioning_jobs")))
        .arg(scalar(db, QStringLiteral("SELECT COUNT(*) FROM bulk_imports")))
        .arg(scalar(db, QStringLiteral("SELECT COUNT(*) FROM bulk_import_rows")))
        .arg(column(db, QStringLiteral("SELECT status || ':' || COUNT(*) || ':' || COALESCE(MAX(reserved_by), '')"
                                       " FROM inventory_items GROUP BY status ORDER BY status"))
                 .join(QLatin1Char(',')))
        .arg(scalar(db, QStringLiteral("SELECT COUNT(*) FROM audit_log")));
}

QList<int> errorLines(const BulkDryRun& run)
{
    QList<int> lines;
    for (const BulkImportProblem& p : run.errors())
        if (!lines.contains(p.line))
            lines << p.line;
    return lines;
}

QString errorsOfLine(const BulkDryRun& run, int line)
{
    QStringList texts;
    for (const BulkImportProblem& p : run.problems)
        if (p.line == line)
            texts << p.text();
    return texts.join(QLatin1Char('\n'));
}

QString allProblems(const BulkDryRun& run)
{
    QStringList texts;
    for (const BulkImportProblem& p : run.problems)
        texts << p.text();
    return texts.join(QLatin1Char('\n'));
}

// Adds count free set-top boxes so that large files have stock.
void addSetTopBoxes(Database& db, int count, const QString& prefix)
{
    InventoryRepository inventory(db);
    const qint64 templateId = *inventory.templateId(QStringLiteral("Set-top Box"));
    Transaction tx(db);
    for (int i = 0; i < count; ++i) {
        InventoryItem item;
        item.reference = QStringLiteral("%1-%2").arg(prefix).arg(i, 5, 10, QLatin1Char('0'));
        item.identifier = QStringLiteral("%1-SN-%2").arg(prefix).arg(i);
        item.status = InventoryStatus::New;
        inventory.insertItem(templateId, item);
    }
    tx.commit();
}

} // namespace

class TestBulkImport : public QObject
{
    Q_OBJECT

private:
    SimulatedProvisioning m_env;
    QTemporaryDir m_dir;
    qint64 m_individual = 0;
    qint64 m_business = 0;
    QString m_businessSite;
    QStringList m_individuals;

    Database& db() { return m_env.db(); }

    BulkDryRun dryRun(const QByteArray& content)
    {
        const auto run = BulkImportWorkflow(db()).dryRun(content);
        if (!run)
            qWarning("%s", qPrintable(run.error().detail));
        return run ? *run : BulkDryRun{};
    }

    // Steps the import and runs its queued jobs until it is settled; checks the in-flight limit on the way.
    BulkImportProgress runImport(qint64 importId, int maxInFlight)
    {
        BulkImportWorkflow workflow(db());
        ProvisioningRunner runner(db(), m_env.endpoints, QStringLiteral("bulk-test-worker"));
        BulkImportProgress progress;
        for (int round = 0; round < 100000; ++round) {
            const auto stepped = workflow.step(importId, m_env.actor);
            if (!stepped) {
                qWarning("%s", qPrintable(stepped.error().detail));
                return {};
            }
            progress = *stepped;
            if (progress.inFlight > maxInFlight) {
                qWarning("%d jobs in flight, more than %d", progress.inFlight, maxInFlight);
                return {};
            }
            if (progress.isSettled())
                return progress;
            while (runner.runNext()) {
            }
        }
        return progress;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_env.start());
        const QString individuals = QStringLiteral("SELECT id FROM customers WHERE type = 'individual' AND status = 'active' ORDER BY id");
        m_individuals = column(db(), individuals);
        QVERIFY(m_individuals.size() >= 5);
        m_individual = m_individuals.first().toLongLong();
        Sql q(db(), QStringLiteral("SELECT c.id, s.name FROM customers c JOIN customer_sites s ON s.customer_id = c.id"
                                   " WHERE c.type = 'business' AND c.status = 'active'"
                                   " AND EXISTS (SELECT 1 FROM customer_contacts k WHERE k.customer_id = c.id) ORDER BY c.id, s.id"));
        q.exec();
        QVERIFY(q.next());
        m_business = q.value(0).toLongLong();
        m_businessSite = q.value(1).toString();
    }

    void dryRunListsEachErrorWithItsLine()
    {
        const QByteArray ind = QByteArray::number(m_individual);
        const QByteArray biz = QByteArray::number(m_business);
        const QByteArray site = m_businessSite.toUtf8();
        QByteArray file = "\xEF\xBB\xBF"
                          "Customer,Product,auto_renew,site,po_number\r\n"; // line 1, with a byte order mark
        file += ind + ",iptv-essentials,yes,,\r\n";                      // 2: fine
        file += ind + ",no-such-product,,,\r\n";                          // 3: unknown product
        file += "nobody@example.invalid,iptv-essentials,,,\r\n";          // 4: unknown customer
        file += ind + ",iptv-essentials\r\n";                             // 5: too few columns
        file += biz + ",fiber-business-1g,no,\"" + site + "\",\"PO 7, \"\"north\"\"\nsecond line\"\r\n"; // 6-7: fine
        file += biz + ",fiber-business-1g,no,\"" + site + "\",\r\n";     // 8: the required PO number missing
        file += ind + ",iptv-essentials,maybe,,\r\n";                     // 9: bad auto_renew
        file += ind + ",iptv-essentials,yes,,caf\xC3\r\n";                // 10: invalid UTF-8
        const QString before = snapshot(db());
        const BulkDryRun run = dryRun(file);
        QCOMPARE(snapshot(db()), before);

        QCOMPARE(run.totalRows, 8);
        QCOMPARE(run.validRows, 2);
        QVERIFY(!run.fileUnusable);
        QCOMPARE(errorLines(run), (QList<int>{3, 4, 5, 8, 9, 10}));
        QVERIFY2(errorsOfLine(run, 3).contains(QLatin1String("no-such-product")), qPrintable(allProblems(run)));
        QVERIFY2(errorsOfLine(run, 4).contains(QLatin1String("nobody@example.invalid")), qPrintable(allProblems(run)));
        QVERIFY2(errorsOfLine(run, 5).contains(QLatin1String("the header has 5 columns, but this row has 2")), qPrintable(allProblems(run)));
        QVERIFY2(errorsOfLine(run, 8).contains(QLatin1String("Purchase Order Number is required")), qPrintable(allProblems(run)));
        QVERIFY2(errorsOfLine(run, 9).contains(QLatin1String("\"maybe\"")), qPrintable(allProblems(run)));
        QVERIFY2(errorsOfLine(run, 10).contains(QLatin1String("UTF-8")), qPrintable(allProblems(run)));
        for (const BulkImportProblem& p : run.errors())
            QVERIFY2(p.text().startsWith(QStringLiteral("Line %1: ").arg(p.line)), qPrintable(p.text()));
    }

    void customersAreFoundByIdEmailOrPhone()
    {
        Sql q(db(), QStringLiteral("SELECT id, email, phone FROM customers WHERE type = 'individual' AND status = 'active'"
                                   " AND email IS NOT NULL AND phone IS NOT NULL ORDER BY id"));
        q.exec();
        QVERIFY(q.next());
        const QString id = q.value(0).toString();
        const QString email = q.value(1).toString().toUpper();
        const QString phone = q.value(2).toString();
        const QByteArray file = QStringLiteral("customer,product\n#%1,iptv-essentials\n%2,iptv-essentials\n\"%3\",iptv-essentials\n")
                                    .arg(id, email, phone)
                                    .toUtf8();
        const BulkDryRun run = dryRun(file);
        QVERIFY2(!run.hasErrors(), qPrintable(allProblems(run)));
        QCOMPARE(run.validRows, 3);

        // Large files are checked in batches; a customer named in several batches is still one customer.
        QByteArray large = "customer,product\n";
        for (int i = 0; i < 2500; ++i)
            large += email.toUtf8() + ",iptv-essentials\n";
        const BulkDryRun batches = dryRun(large);
        QCOMPARE(batches.totalRows, 2500);
        for (const BulkImportProblem& p : batches.errors())
            QVERIFY2(p.text().contains(QLatin1String("is left for this row")), qPrintable(p.text())); // only stock
    }

    void emptyFilesAndHeaderProblems()
    {
        BulkDryRun run = dryRun({});
        QVERIFY(run.fileUnusable);
        QCOMPARE(run.problems.size(), 1);
        QVERIFY2(run.problems.first().text().contains(QLatin1String("The file is empty")), qPrintable(allProblems(run)));

        run = dryRun("\xEF\xBB\xBF" "customer,product\r\n");
        QVERIFY(run.fileUnusable);
        QVERIFY2(allProblems(run).contains(QLatin1String("no rows")), qPrintable(allProblems(run)));

        run = dryRun("customer,plan\n1,mobile-20gb\n");
        QVERIFY(run.fileUnusable);
        QVERIFY2(allProblems(run).contains(QLatin1String("lacks these columns: product")), qPrintable(allProblems(run)));

        run = dryRun(QByteArray::number(m_individual).prepend("customer,product,colour\n") + ",iptv-essentials,blue\n");
        QVERIFY(!run.fileUnusable);
        QVERIFY2(!run.hasErrors(), qPrintable(allProblems(run)));
        QCOMPARE(run.warnings().size(), 1);
        QVERIFY(run.warnings().first().text().contains(QLatin1String("colour")));
    }

    void stockShortageAndItemsNamedTwice()
    {
        const qint64 now = Database::nowMs();
        const int free = InventoryRepository(db()).countAvailable(QStringLiteral("Set-top Box"), now);
        QVERIFY(free >= 2);
        const QString named = InventoryRepository(db()).available(QStringLiteral("Set-top Box"), now).first().reference;
        QByteArray file = "customer,product,Set-top Box\n";
        const QByteArray ind = QByteArray::number(m_individual);
        file += ind + ",iptv-essentials," + named.toUtf8() + "\n"; // line 2
        file += ind + ",iptv-essentials," + named.toUtf8() + "\n"; // line 3: the same box again
        file += ind + ",iptv-essentials,NO-SUCH-BOX\n";            // line 4
        // The named box leaves free - 1 for the rows without one; two rows more than that.
        const int implicitRows = free - 1 + 2;
        for (int i = 0; i < implicitRows; ++i)
            file += ind + ",iptv-essentials,\n";
        const BulkDryRun run = dryRun(file);
        const int lastLine = 4 + implicitRows;
        QCOMPARE(errorLines(run), (QList<int>{3, 4, lastLine - 1, lastLine}));
        QVERIFY2(errorsOfLine(run, 3).contains(QStringLiteral("already used on line 2")), qPrintable(allProblems(run)));
        QVERIFY2(errorsOfLine(run, 4).contains(QLatin1String("NO-SUCH-BOX")), qPrintable(allProblems(run)));
        QVERIFY2(errorsOfLine(run, lastLine).contains(QStringLiteral("%1 are free").arg(free - 1)), qPrintable(allProblems(run)));
    }

    void rejectedRowsWriteNothing()
    {
        const QByteArray ind = QByteArray::number(m_individual);
        const QByteArray bad = "customer,product\n" + ind + ",no-such-product\nnobody,iptv-essentials\n";
        const QString before = snapshot(db());
        BulkDryRun checked;
        const auto refused = BulkImportWorkflow(db()).start(QStringLiteral("bad.csv"), bad, 5, m_env.actor, &checked);
        QVERIFY(!refused);
        QVERIFY2(refused.error().text().contains(QLatin1String("None of the 2 rows")), qPrintable(refused.error().text()));
        QCOMPARE(checked.errors().size(), 2);
        QCOMPARE(snapshot(db()), before);

        // One good row among bad ones: only the good one ever gets a service.
        const qint64 servicesBefore = scalar(db(), QStringLiteral("SELECT COUNT(*) FROM services"));
        const QByteArray mixed = "customer,product\n" + ind + ",no-such-product\n" + ind + ",iptv-essentials\nnobody,iptv-essentials\n";
        const auto started = BulkImportWorkflow(db()).start(QStringLiteral("mixed.csv"), mixed, 5, m_env.actor);
        QVERIFY2(started, qPrintable(started.error().detail));
        const QVariantMap id{{QStringLiteral(":id"), *started}};
        QCOMPARE(column(db(), QStringLiteral("SELECT status FROM bulk_import_rows WHERE import_id = :id ORDER BY line"), id),
                 (QStringList{QStringLiteral("rejected"), QStringLiteral("pending"), QStringLiteral("rejected")}));
        QCOMPARE(scalar(db(), QStringLiteral("SELECT COUNT(*) FROM services")), servicesBefore);
        const BulkImportProgress done = runImport(*started, 5);
        QCOMPARE(done.status, BulkStatus::finished);
        QCOMPARE(done.succeeded, 1);
        QCOMPARE(done.rejected, 2);
        QCOMPARE(scalar(db(), QStringLiteral("SELECT COUNT(*) FROM services")), servicesBefore + 1);
    }

    void thousandRowsRunWithAReport()
    {
        addSetTopBoxes(db(), 1000, QStringLiteral("BULK1"));
        QByteArray file = "customer,product,auto_renew\n";
        for (int i = 0; i < 1000; ++i)
            file += m_individuals.at(i % m_individuals.size()).toUtf8() + ",iptv-essentials," + (i % 2 ? "no" : "yes") + "\n";
        const qint64 servicesBefore = scalar(db(), QStringLiteral("SELECT COUNT(*) FROM services"));
        BulkImportWorkflow workflow(db());
        const auto started = workflow.start(QStringLiteral("thousand.csv"), file, 25, m_env.actor);
        QVERIFY2(started, qPrintable(started.error().detail));
        const BulkImportProgress done = runImport(*started, 25);
        QCOMPARE(done.status, BulkStatus::finished);
        QCOMPARE(done.succeeded, 1000);
        QCOMPARE(done.total, 1000);

        const QString reportPath = m_dir.filePath(QStringLiteral("thousand-report.csv"));
        QVERIFY(workflow.writeReport(*started, reportPath));
        QFile report(reportPath);
        QVERIFY(report.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(report.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1001);
        QCOMPARE(lines.first(), QStringLiteral("line,status,service_id,job_id,error"));
        QSet<QString> services;
        QSet<QString> jobs;
        for (int i = 1; i < lines.size(); ++i) {
            const QStringList fields = lines.at(i).split(QLatin1Char(','));
            QCOMPARE(fields.size(), 5);
            QCOMPARE(fields.at(0), QString::number(i + 1));
            QCOMPARE(fields.at(1), QStringLiteral("succeeded"));
            services.insert(fields.at(2));
            jobs.insert(fields.at(3));
        }
        QCOMPARE(services.size(), 1000);
        QCOMPARE(jobs.size(), 1000);
        QCOMPARE(scalar(db(), QStringLiteral("SELECT COUNT(*) FROM services")), servicesBefore + 1000);
        QCOMPARE(scalar(db(), QStringLiteral("SELECT COUNT(*) FROM services WHERE status = 'active' AND id IN"
                                             " (SELECT service_id FROM bulk_import_rows WHERE import_id = :id)"),
                        {{QStringLiteral(":id"), *started}}),
                 1000);
        // auto_renew from the file
        QCOMPARE(scalar(db(), QStringLiteral("SELECT COUNT(*) FROM services WHERE auto_renew = 0 AND id IN"
                                             " (SELECT service_id FROM bulk_import_rows WHERE import_id = :id)"),
                        {{QStringLiteral(":id"), *started}}),
                 500);
    }

    void cancelStopsSubmittingAndResumeContinues()
    {
        addSetTopBoxes(db(), 20, QStringLiteral("CANCEL"));
        QByteArray file = "customer,product\n";
        for (int i = 0; i < 6; ++i)
            file += m_individuals.at(i % m_individuals.size()).toUtf8() + ",iptv-essentials\n";
        BulkImportWorkflow workflow(db());
        const auto started = workflow.start(QStringLiteral("cancel.csv"), file, 2, m_env.actor);
        QVERIFY2(started, qPrintable(started.error().detail));
        const auto first = workflow.step(*started, m_env.actor);
        QVERIFY(first);
        QCOMPARE(first->inFlight, 2);
        QCOMPARE(first->pending, 4);
        QVERIFY(workflow.cancel(*started, m_env.actor));
        const BulkImportProgress cancelled = runImport(*started, 2);
        QCOMPARE(cancelled.status, BulkStatus::cancelled);
        QCOMPARE(cancelled.succeeded, 2); // the queued jobs finished
        QCOMPARE(cancelled.cancelled, 4);
        QVERIFY(cancelled.isSettled());

        QVERIFY(workflow.resume(*started, m_env.actor));
        const BulkImportProgress resumed = runImport(*started, 2);
        QCOMPARE(resumed.status, BulkStatus::finished);
        QCOMPARE(resumed.succeeded, 6);
    }

    void runnerStepsOnItsOwnThreadAndReportsProgress()
    {
        addSetTopBoxes(db(), 20, QStringLiteral("RUNNER"));
        QByteArray file = "customer,product\n";
        for (int i = 0; i < 12; ++i)
            file += m_individuals.at(i % m_individuals.size()).toUtf8() + ",iptv-essentials\n";
        const auto started = BulkImportWorkflow(db()).start(QStringLiteral("runner.csv"), file, 3, m_env.actor);
        QVERIFY2(started, qPrintable(started.error().detail));
        BulkImportRunner runner(db(), m_env.actor);
        QList<BulkImportProgress> seen;
        std::optional<BulkImportProgress> settled;
        connect(&runner, &BulkImportRunner::progressChanged, this, [&](const BulkImportProgress& p) { seen << p; });
        connect(&runner, &BulkImportRunner::settled, this, [&](const BulkImportProgress& p) { settled = p; });
        runner.start(*started, 20);
        ProvisioningRunner jobs(db(), m_env.endpoints, QStringLiteral("bulk-runner-test"));
        QElapsedTimer waited;
        waited.start();
        while (!settled && waited.elapsed() < 120000) {
            while (jobs.runNext()) {
            }
            QTest::qWait(20);
        }
        QVERIFY(settled);
        QCOMPARE(settled->status, BulkStatus::finished);
        QCOMPARE(settled->succeeded, 12);
        QVERIFY(!seen.isEmpty());
        for (const BulkImportProgress& p : std::as_const(seen))
            QVERIFY(p.inFlight <= 3);
        runner.stop();
    }

    void retryFailedRowsReusesTheirServices()
    {
        addSetTopBoxes(db(), 20, QStringLiteral("RETRY"));
        const QByteArray ind = QByteArray::number(m_individual);
        const QByteArray file = "customer,product\n" + ind + ",iptv-essentials\n" + ind + ",no-such-product\n" + ind + ",iptv-essentials\n";
        const auto fault = NetworkSimulator::parseFault(QStringLiteral("iptv"));
        QVERIFY(fault);
        m_env.sim()->addFault(*fault);
        BulkImportWorkflow workflow(db());
        const auto started = workflow.start(QStringLiteral("retry.csv"), file, 5, m_env.actor);
        QVERIFY2(started, qPrintable(started.error().detail));
        const BulkImportProgress failed = runImport(*started, 5);
        m_env.sim()->clearFaults();
        QCOMPARE(failed.status, BulkStatus::finished);
        QCOMPARE(failed.failed, 2);
        QCOMPARE(failed.rejected, 1);
        const auto report = workflow.report(*started);
        QVERIFY(report);
        QVERIFY2(report->contains("failed"), report->constData());
        const qint64 jobsBefore = scalar(db(), QStringLiteral("SELECT COUNT(*) FROM provisioning_jobs"));
        const qint64 serviceCount = scalar(db(), QStringLiteral("SELECT COUNT(*) FROM services"));

        const auto retried = workflow.retryFailed(*started, m_env.actor);
        QVERIFY(retried);
        QCOMPARE(*retried, 2);
        const BulkImportProgress done = runImport(*started, 5);
        QCOMPARE(done.status, BulkStatus::finished);
        QCOMPARE(done.succeeded, 2);
        QCOMPARE(done.rejected, 1);
        QCOMPARE(scalar(db(), QStringLiteral("SELECT COUNT(*) FROM services")), serviceCount); // no second service
        QCOMPARE(scalar(db(), QStringLiteral("SELECT COUNT(*) FROM provisioning_jobs")), jobsBefore); // the same jobs ran again
        const auto rows = workflow.rows(*started);
        QVERIFY(rows);
        QCOMPARE(rows->at(1).status, BulkStatus::rejected);
        QVERIFY(!rows->at(1).error.isEmpty());
        QVERIFY(rows->at(0).error.isEmpty());
    }

    void killedImportResumesWithoutAssigningTwice()
    {
        // switchboard-ctl on a database of its own, killed halfway and run again with --resume.
        QTemporaryDir dir;
        qputenv("XDG_CONFIG_HOME", dir.filePath(QStringLiteral("config")).toUtf8());
        QString pgName;
        const QString url = TestDatabase::createUrl(dir, &pgName);
        // On PostgreSQL the writing commands need a staff login (SQLite signs the local user in).
        QStringList user;
        auto ctl = [&](const QStringList& arguments, int timeoutMs, const QByteArray& input = {}) {
            QProcess process;
            process.start(QStringLiteral(SWITCHBOARD_CTL), QStringList{QStringLiteral("--db"), url} + user + arguments);
            process.write(input);
            process.closeWriteChannel();
            process.waitForFinished(timeoutMs);
            return std::make_pair(process.exitCode(), QString::fromUtf8(process.readAllStandardError()));
        };
        QCOMPARE(ctl({QStringLiteral("init")}, 60000).first, 0);
        if (TestDatabase::isPostgres()) {
            const auto added = ctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("bulk-admin"), QStringLiteral("--role"),
                                    QStringLiteral("administrator")},
                                   60000, "bulk-admin-password\n");
            QVERIFY2(added.first == 0, qPrintable(added.second));
            qputenv("SWITCHBOARD_PASSWORD", "bulk-admin-password");
            user << QStringLiteral("--user") << QStringLiteral("bulk-admin");
        }
        const auto seeded = ctl({QStringLiteral("seed-demo"), QStringLiteral("--customers"), QStringLiteral("1500")}, 120000);
        QVERIFY2(seeded.first == 0, qPrintable(seeded.second));

        Database database(*DatabaseUrl::parse(url));
        addSetTopBoxes(database, 1000, QStringLiteral("BULK2"));
        const QStringList customers = column(database, QStringLiteral("SELECT id FROM customers WHERE type = 'individual'"
                                                                      " AND status = 'active' ORDER BY id LIMIT 1000"));
        QCOMPARE(customers.size(), 1000);
        QByteArray file = "customer,product\n";
        for (const QString& id : customers)
            file += id.toUtf8() + ",iptv-essentials\n";
        const QString csvPath = dir.filePath(QStringLiteral("thousand.csv"));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write(file);
        csv.close();
        const qint64 servicesBefore = scalar(database, QStringLiteral("SELECT COUNT(*) FROM services"));
        const qint64 maxServiceBefore = scalar(database, QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM services"));

        QProcess first;
        first.start(QStringLiteral(SWITCHBOARD_CTL),
                    QStringList{QStringLiteral("--db"), url} + user +
                        QStringList{QStringLiteral("import-csv"), csvPath, QStringLiteral("--max-in-flight"), QStringLiteral("8")});
        first.closeWriteChannel();
        QVERIFY(first.waitForStarted());
        qint64 importId = 0;
        qint64 done = 0;
        QElapsedTimer waited;
        waited.start();
        while (done < 400 && waited.elapsed() < 300000 && first.state() == QProcess::Running) {
            QTest::qWait(200);
            importId = scalar(database, QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM bulk_imports"));
            done = scalar(database, QStringLiteral("SELECT COUNT(*) FROM bulk_import_rows WHERE import_id = :id AND status = 'succeeded'"),
                          {{QStringLiteral(":id"), importId}});
        }
        QVERIFY2(first.state() == QProcess::Running, first.readAllStandardError().constData());
        first.kill(); // SIGKILL: no clean-up of any kind
        QVERIFY(first.waitForFinished(10000));
        QVERIFY(importId > 0);
        const qint64 succeededAtKill = scalar(database, QStringLiteral("SELECT COUNT(*) FROM bulk_import_rows WHERE import_id = :id AND status = 'succeeded'"),
                                              {{QStringLiteral(":id"), importId}});
        QVERIFY2(succeededAtKill >= 400 && succeededAtKill < 1000, qPrintable(QString::number(succeededAtKill)));
        // Every service created so far belongs to exactly one row.
        QCOMPARE(scalar(database, QStringLiteral("SELECT COUNT(*) FROM services WHERE id > :max"), {{QStringLiteral(":max"), maxServiceBefore}}),
                 scalar(database, QStringLiteral("SELECT COUNT(*) FROM bulk_import_rows WHERE import_id = :id AND service_id IS NOT NULL"),
                        {{QStringLiteral(":id"), importId}}));

        const QString reportPath = dir.filePath(QStringLiteral("report.csv"));
        const auto resumed = ctl({QStringLiteral("import-csv"), QStringLiteral("--resume"), QString::number(importId),
                                  QStringLiteral("--report"), reportPath},
                                 480000);
        QVERIFY2(resumed.first == 0, qPrintable(resumed.second));
        QVERIFY2(resumed.second.contains(QLatin1String("1000 succeeded")), qPrintable(resumed.second));

        const QVariantMap since{{QStringLiteral(":max"), maxServiceBefore}};
        QCOMPARE(scalar(database, QStringLiteral("SELECT COUNT(*) FROM services")), servicesBefore + 1000);
        QCOMPARE(scalar(database, QStringLiteral("SELECT COUNT(*) FROM (SELECT customer_id FROM services WHERE id > :max"
                                                 " GROUP BY customer_id, product_id HAVING COUNT(*) > 1) twice"),
                        since),
                 0);
        QCOMPARE(scalar(database, QStringLiteral("SELECT COUNT(DISTINCT customer_id) FROM services WHERE id > :max"), since), 1000);
        QCOMPARE(scalar(database, QStringLiteral("SELECT COUNT(*) FROM inventory_items WHERE service_id > :max"), since), 1000);
        QCOMPARE(scalar(database, QStringLiteral("SELECT COUNT(DISTINCT service_id) FROM inventory_items WHERE service_id > :max"), since), 1000);
        QCOMPARE(scalar(database, QStringLiteral("SELECT COUNT(*) FROM services WHERE id > :max AND status = 'active'"), since), 1000);

        QFile report(reportPath);
        QVERIFY(report.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(report.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1001);
        for (int i = 1; i < lines.size(); ++i)
            QVERIFY2(lines.at(i).startsWith(QStringLiteral("%1,succeeded,").arg(i + 1)), qPrintable(lines.at(i)));
        database.closeThreadConnection();
    }
};

QTEST_GUILESS_MAIN(TestBulkImport)
#include "tst_bulkimport.moc"
