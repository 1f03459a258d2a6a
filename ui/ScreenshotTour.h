#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QWidget;

namespace sb {

class AssignPlanDialog;
class Backend;
class LanguageManager;
class MainWindow;
class ProvisioningProgressDialog;

// --screenshots DIR: drives the real widgets through the assign-plan flow for a mobile plan with the demo data
// (catalog, customer search, inventory, auto-renew, review, progress, success), then a second order with an
// injected OCS fault (failure panel, logs, retry), and saves every step to DIR/NN-step-LANG.png.
class ScreenshotTour : public QObject
{
    Q_OBJECT

public:
    ScreenshotTour(MainWindow& window, Backend& backend, LanguageManager& languages, QString directory,
                   QObject* parent = nullptr);

    void start(); // runs from the event loop; emits finished() at the end

signals:
    void finished(bool ok);

private:
    bool run();
    bool catalogSteps();
    AssignPlanDialog* openAssignDialog(const QString& productSlug);
    bool chooseCustomer(AssignPlanDialog* dialog, const QString& searchText, bool shoot);
    bool pickInventory(AssignPlanDialog* dialog);
    bool firstOrder();
    bool failedOrder();
    bool pagesSteps();
    bool verifyAndSettingsSteps();
    bool subscriptionsSteps();
    bool amendBundleSteps();
    bool customerSteps(); // the Customers page's tabs and Create Customer
    bool specialCasesSteps(); // the business details step and the add-on prompt
    bool importCsvSteps();    // Import CSV… with the dry run's row errors

    ProvisioningProgressDialog* waitForProgressDialog();
    bool waitUntil(const std::function<bool()>& condition, int timeoutMs = 20000);
    void settle(int ms = 120);
    bool fail(const QString& what);
    // overlay: a drop-down window painted under its anchor widget, as the user sees it.
    void shoot(QWidget* widget, const QString& step, QWidget* overlay = nullptr, QWidget* anchor = nullptr);
    static void typeText(QWidget* widget, const QString& text);
    static void click(QWidget* button);

    MainWindow& m_window;
    Backend& m_backend;
    LanguageManager& m_languages;
    QString m_directory;
    int m_counter = 0;
};

} // namespace sb
