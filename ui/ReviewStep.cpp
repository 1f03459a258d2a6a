#include "ReviewStep.h"

#include "Formatting.h"
#include "domain/BusinessRules.h"

#include <QDate>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace sb {
namespace {

QLabel* caption(QWidget* parent)
{
    auto* label = new QLabel(parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

QLabel* value(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

} // namespace

ReviewStep::ReviewStep(QWidget* parent)
    : QWidget(parent), m_titleLabel(new QLabel(this)), m_customerCaption(caption(this)),
      m_productCaption(caption(this)), m_inventoryCaption(caption(this)), m_pricingCaption(caption(this)),
      m_setupCaption(new QLabel(this)), m_monthlyCaption(new QLabel(this)), m_autoRenewCaption(caption(this)),
      m_customerValue(value(this, QStringLiteral("reviewCustomerValue"))),
      m_productValue(value(this, QStringLiteral("reviewProductValue"))),
      m_inventoryValue(value(this, QStringLiteral("reviewInventoryValue"))),
      m_setupValue(value(this, QStringLiteral("reviewSetupFeeValue"))),
      m_monthlyValue(value(this, QStringLiteral("reviewMonthlyCostValue"))),
      m_autoRenewValue(value(this, QStringLiteral("reviewAutoRenewValue"))), m_addonForCaption(caption(this)),
      m_addonForValue(value(this, QStringLiteral("reviewAddonForValue"))), m_siteCaption(caption(this)),
      m_siteValue(value(this, QStringLiteral("reviewSiteValue"))), m_billingCaption(caption(this)),
      m_billingValue(value(this, QStringLiteral("reviewBillingContactValue"))), m_technicalCaption(caption(this)),
      m_technicalValue(value(this, QStringLiteral("reviewTechnicalContactValue"))), m_fieldsCaption(caption(this)),
      m_fieldsValue(value(this, QStringLiteral("reviewCustomFieldsValue")))
{
    setObjectName(QStringLiteral("reviewStep"));
    m_titleLabel->setWordWrap(true);

    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(10);
    grid->setColumnStretch(2, 1);
    int row = 0;
    auto addRow = [grid, &row](QLabel* caption, QLabel* value) {
        grid->addWidget(caption, row, 0);
        grid->addWidget(value, row, 1, 1, 2);
        ++row;
    };
    addRow(m_customerCaption, m_customerValue);
    addRow(m_addonForCaption, m_addonForValue);
    addRow(m_productCaption, m_productValue);
    addRow(m_inventoryCaption, m_inventoryValue);
    grid->addWidget(m_pricingCaption, row, 0);
    grid->addWidget(m_setupCaption, row, 1);
    grid->addWidget(m_setupValue, row, 2);
    ++row;
    grid->addWidget(m_monthlyCaption, row, 1);
    grid->addWidget(m_monthlyValue, row, 2);
    ++row;
    addRow(m_autoRenewCaption, m_autoRenewValue);
    addRow(m_siteCaption, m_siteValue);
    addRow(m_billingCaption, m_billingValue);
    addRow(m_technicalCaption, m_technicalValue);
    addRow(m_fieldsCaption, m_fieldsValue);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_titleLabel);
    layout->addSpacing(8);
    layout->addLayout(grid);
    layout->addStretch(1);
    retranslateUi();
}

void ReviewStep::setDraft(const AssignDraft& draft)
{
    m_draft = draft;
    retranslateUi();
}

void ReviewStep::retranslateUi()
{
    m_titleLabel->setText(tr("Check every selection, then click Confirm & Provision to start provisioning."));
    m_customerCaption->setText(tr("Customer:"));
    m_productCaption->setText(tr("Product:"));
    m_inventoryCaption->setText(tr("Inventory:"));
    m_pricingCaption->setText(tr("Pricing:"));
    m_setupCaption->setText(tr("Setup Fee:"));
    m_monthlyCaption->setText(tr("Monthly Cost:"));
    m_autoRenewCaption->setText(tr("Auto-Renew:"));

    m_customerValue->setText(m_draft.customer ? Formatting::customer(*m_draft.customer) : QString());
    m_productValue->setText(m_draft.product.name);
    QStringList inventory;
    for (const QString& templateName : m_draft.product.inventoryItemsList) {
        const auto item = m_draft.items.constFind(templateName);
        if (item != m_draft.items.constEnd())
            inventory << tr("• %1: %2").arg(Formatting::templateName(templateName), Formatting::pickedItem(*item));
    }
    m_inventoryValue->setText(inventory.isEmpty() ? tr("None required") : inventory.join(QLatin1Char('\n')));
    m_setupValue->setText(m_draft.product.setupCost.format(QLocale()));
    m_monthlyValue->setText(m_draft.product.monthlyCost.format(QLocale()));
    m_autoRenewValue->setText(Formatting::yesNo(m_draft.autoRenew));
    m_autoRenewCaption->setVisible(m_draft.asksAutoRenew());
    m_autoRenewValue->setVisible(m_draft.asksAutoRenew());

    const bool addon = m_draft.isAddon();
    m_addonForCaption->setText(tr("Add-on for:"));
    m_addonForValue->setText(m_draft.targetService
                                 ? tr("%1 (ID: %2)").arg(m_draft.targetService->name).arg(m_draft.targetService->id)
                                 : QString());
    m_addonForCaption->setVisible(addon);
    m_addonForValue->setVisible(addon);
    m_inventoryCaption->setVisible(!addon || !m_draft.product.inventoryItemsList.isEmpty());
    m_inventoryValue->setVisible(!addon || !m_draft.product.inventoryItemsList.isEmpty());
    if (addon) {
        // An add-on is bought once or by the month; its price reads as such.
        m_setupCaption->setText(tr("One-time Price:"));
        m_monthlyCaption->setText(tr("Monthly Price:"));
    }
    const bool monthly = !addon || m_draft.product.recurring;
    m_monthlyCaption->setVisible(monthly);
    m_monthlyValue->setVisible(monthly);

    const bool business = m_draft.isBusinessOrder();
    m_siteCaption->setText(tr("Installation Site:"));
    m_billingCaption->setText(tr("Billing Contact:"));
    m_technicalCaption->setText(tr("Technical Contact:"));
    m_fieldsCaption->setText(tr("Order Details:"));
    m_siteValue->setText(m_draft.site ? (m_draft.site->address.isEmpty()
                                             ? m_draft.site->name
                                             : tr("%1 - %2").arg(m_draft.site->name, m_draft.site->address))
                                      : tr("None"));
    auto contactText = [this](const std::optional<Contact>& contact) {
        if (!contact)
            return tr("None");
        return contact->email.isEmpty() ? contact->name : tr("%1 - <%2>").arg(contact->name, contact->email);
    };
    m_billingValue->setText(contactText(m_draft.billingContact));
    m_technicalValue->setText(contactText(m_draft.technicalContact));
    QStringList fields;
    for (const CustomFieldDefinition& field : std::as_const(m_draft.customFields)) {
        QString shown = m_draft.business.customFields.value(field.key);
        if (field.type == CustomFieldDefinition::Type::Date && !shown.isEmpty())
            shown = QLocale().toString(QDate::fromString(shown, Qt::ISODate), QLocale::ShortFormat);
        fields << tr("%1: %2").arg(BusinessRules::fieldLabel(field), shown.isEmpty() ? tr("—") : shown);
    }
    m_fieldsValue->setText(fields.join(QLatin1Char('\n')));
    for (QLabel* label :
         {m_siteCaption, m_siteValue, m_billingCaption, m_billingValue, m_technicalCaption, m_technicalValue})
        label->setVisible(business);
    m_fieldsCaption->setVisible(business && !fields.isEmpty());
    m_fieldsValue->setVisible(business && !fields.isEmpty());
}

void ReviewStep::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace sb
