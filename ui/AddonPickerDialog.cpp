#include "AddonPickerDialog.h"

#include "AddonTargetStep.h"
#include "AsyncCall.h"
#include "Formatting.h"
#include "workflows/AssignPlanWorkflow.h"
#include "workflows/Backend.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sb {
namespace {

enum Column { NameColumn, PriceColumn, BillingColumn, DescriptionColumn, ColumnCount };

} // namespace

AddonPickerDialog::AddonPickerDialog(Backend& backend, const Customer& customer, const Service& service,
                                     QWidget* parent)
    : QDialog(parent), m_backend(backend), m_customer(customer), m_service(service), m_headerLabel(new QLabel(this)),
      m_hintLabel(new QLabel(this)), m_table(new QTableWidget(this)), m_statusLabel(new QLabel(this)),
      m_cancelButton(new QPushButton(this)), m_continueButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("addonPickerDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowModality(Qt::WindowModal);
    setMinimumSize(680, 380);

    QFont headerFont = m_headerLabel->font();
    headerFont.setBold(true);
    headerFont.setPointSizeF(headerFont.pointSizeF() * 1.2);
    m_headerLabel->setFont(headerFont);
    m_headerLabel->setWordWrap(true);
    m_hintLabel->setWordWrap(true);
    m_hintLabel->setForegroundRole(QPalette::PlaceholderText);
    m_table->setObjectName(QStringLiteral("addonTable"));
    m_table->setColumnCount(ColumnCount);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(PriceColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(BillingColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(DescriptionColumn, QHeaderView::Stretch);
    m_statusLabel->setObjectName(QStringLiteral("addonPickerStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_continueButton->setObjectName(QStringLiteral("continueButton"));
    m_cancelButton->setAutoDefault(false);
    m_continueButton->setDefault(true);
    m_continueButton->setEnabled(false);

    connect(m_cancelButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_continueButton, &QPushButton::clicked, this, &AddonPickerDialog::proceed);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            [this] { m_continueButton->setEnabled(chosenAddon().has_value()); });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &AddonPickerDialog::proceed);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_cancelButton);
    buttons->addStretch(1);
    buttons->addWidget(m_continueButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_headerLabel);
    layout->addWidget(m_hintLabel);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_statusLabel);
    layout->addLayout(buttons);

    retranslateUi();
    load();
}

void AddonPickerDialog::retranslateUi()
{
    setWindowTitle(tr("Add-ons — %1").arg(m_customer.name));
    m_headerLabel->setText(tr("Add-ons for %1").arg(AddonTargetStep::serviceText(m_service)));
    m_hintLabel->setText(tr("Add-ons for %1 services of %2. Select one and click Continue; it is added to this "
                            "service, no new service is created.")
                             .arg(Formatting::serviceType(m_service.serviceType), Formatting::customer(m_customer)));
    m_table->setHorizontalHeaderLabels({tr("Add-on"), tr("Price"), tr("Billing"), tr("Description")});
    for (int row = 0; row < m_table->rowCount() && row < m_addons.size(); ++row) {
        const Product& addon = m_addons.at(row);
        QString price;
        if (!addon.recurring)
            price = addon.setupCost.format(QLocale());
        else if (addon.setupCost.minorUnits != 0)
            price = tr("%1 + %2 / month").arg(addon.setupCost.format(QLocale()), addon.monthlyCost.format(QLocale()));
        else
            price = tr("%1 / month").arg(addon.monthlyCost.format(QLocale()));
        m_table->item(row, PriceColumn)->setText(price);
        m_table->item(row, BillingColumn)->setText(addon.recurring ? tr("Monthly") : tr("One-time"));
    }
    QString status;
    if (m_loading)
        status = tr("Loading the add-ons…");
    else if (m_error)
        status = Formatting::error(*m_error);
    else if (m_addons.isEmpty())
        status = tr("No add-ons are available for %1 services of %2 customers.")
                     .arg(Formatting::serviceType(m_service.serviceType), displayName(m_customer.type));
    m_statusLabel->setText(status);
    m_statusLabel->setStyleSheet(m_error ? QStringLiteral("color: #b3261e;") : QString());
    m_statusLabel->setVisible(!status.isEmpty());
    m_cancelButton->setText(tr("Cancel"));
    m_continueButton->setText(tr("C&ontinue"));
}

void AddonPickerDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void AddonPickerDialog::load()
{
    Database& db = m_backend.database();
    const CustomerType customerType = m_customer.type;
    runAsync(
        this, m_backend.pool(),
        [&db, customerType] { return AssignPlanWorkflow(db).catalog(ProductCategory::Addon, customerType); },
        [this](const Result<QList<Product>>& result) {
            m_loading = false;
            if (!result.ok()) {
                m_error = result.error();
                showAddons({});
                return;
            }
            QList<Product> fitting;
            for (const Product& product : result.value())
                if (product.enabled && product.serviceType == m_service.serviceType && product.allows(m_customer.type))
                    fitting << product;
            showAddons(fitting);
        });
}

void AddonPickerDialog::showAddons(const QList<Product>& addons)
{
    m_addons = addons;
    m_table->setRowCount(int(addons.size()));
    for (int row = 0; row < addons.size(); ++row) {
        const Product& addon = addons.at(row);
        auto* name = new QTableWidgetItem(addon.name);
        name->setData(Qt::UserRole, addon.slug);
        QFont bold = name->font();
        bold.setBold(true);
        name->setFont(bold);
        m_table->setItem(row, NameColumn, name);
        m_table->setItem(row, PriceColumn, new QTableWidgetItem);
        m_table->setItem(row, BillingColumn, new QTableWidgetItem);
        m_table->setItem(row, DescriptionColumn, new QTableWidgetItem(addon.description));
    }
    retranslateUi();
    m_table->resizeRowsToContents();
    if (!addons.isEmpty()) {
        m_table->selectRow(0);
        m_table->setFocus(Qt::OtherFocusReason);
    }
}

std::optional<Product> AddonPickerDialog::chosenAddon() const
{
    const QList<QTableWidgetItem*> selected = m_table->selectedItems();
    if (selected.isEmpty())
        return std::nullopt;
    const int row = selected.first()->row();
    if (row < 0 || row >= m_addons.size())
        return std::nullopt;
    return m_addons.at(row);
}

bool AddonPickerDialog::chooseAddon(const QString& slug)
{
    for (int row = 0; row < m_addons.size(); ++row) {
        if (m_addons.at(row).slug == slug) {
            m_table->selectRow(row);
            return true;
        }
    }
    return false;
}

void AddonPickerDialog::proceed()
{
    const std::optional<Product> addon = chosenAddon();
    if (!addon)
        return;
    accept();
    emit addonChosen(*addon);
}

} // namespace sb
