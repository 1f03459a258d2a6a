#pragma once

#include "security/Actor.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QMap>
#include <QStringList>
#include <QTextStream>

#include <memory>

class QSettings;

namespace sb {

class AssignPlanWorkflow;
class Backend;
struct Product;

// switchboard-ctl: parses the command line, calls the same core workflows as the GUI, prints text or JSON.
class CtlCommands
{
    Q_DECLARE_TR_FUNCTIONS(CtlCommands)

public:
    CtlCommands(QTextStream& out, QTextStream& err);
    int run(const QStringList& arguments); // the process exit code

private:
    int usage(const QString& problem);
    int fail(const QString& message);
    void print(const QJsonValue& json, const QString& text);

    bool openBackend(bool embeddedWorker, bool seedDemo);
    // Who runs a writing command: --user LOGIN (or the local user) and the password from SWITCHBOARD_PASSWORD or
    // the first line of stdin; on SQLite without --user, the local user signed in by the backend.
    bool signIn();
    // One line of stdin (a prompt without echo on a terminal); false at the end of input.
    bool readSecret(const QString& prompt, QString* out);
    int init();
    int seedDemo();
    int productsList();
    int customersSearch();
    int inventoryList();
    int inventoryImportSims();
    int simOpc();
    int assign();
    // Reserves for the holder the picked item of each template the product needs, or else the next free one, into
    // *items. On a problem it releases what the holder reserved and returns the exit code; 0 when all are held.
    int reserveItems(AssignPlanWorkflow& workflow, const Product& product, QMap<QString, qint64> picked,
                     const QString& holder, QMap<QString, qint64>* items);
    int jobsList();
    int jobsShow();
    int jobsRetry();
    int servicesCancel();
    int servicesVerify(); // CtlVerifyCommands.cpp
    int importCsv();      // CtlImportCommands.cpp
    int userAdd();
    int userPasswd();
    int userList();
    int worker();
    int nesim();
    // Amend Bundle Services (CtlBundleCommands.cpp).
    int amendBundle();
    int scheduledList();
    int scheduledCancel();
    int subscriptionsShow();
    int subscriptionsSearch();
    // Add-ons onto an existing service (CtlAddonCommands.cpp).
    int addonsBuy();
    int addonsList();

    QString takeOption(const QString& name);     // "--name VALUE"; the pair is removed from m_args
    QStringList takeAll(const QString& name);    // every "--name VALUE"
    bool takeFlag(const QString& name);
    bool takeNumber(const QString& name, qint64* out, qint64 minimum);

    QTextStream& m_out;
    QTextStream& m_err;
    QStringList m_args;
    QString m_dbUrl;
    QString m_user;
    Actor m_actor;
    bool m_json = false;
    bool m_badOption = false;
    Backend* m_backend = nullptr;
    std::shared_ptr<QSettings> m_settings; // --config FILE, or the user's settings
};

} // namespace sb
