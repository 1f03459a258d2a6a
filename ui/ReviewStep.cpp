#include "ReviewStep.h"

#include "Formatting.h"

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
      m_autoRenewValue(value(this, QStringLiteral("reviewAutoRenewValue")))
{
    setObjectName(QStringLiteral("reviewStep"));
    m_titleLabel->setWordWrap(true);

    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(10);
    grid->setColumnStretch(2, 1);
    grid->addWidget(m_customerCaption, 0, 0);
    grid->addWidget(m_customerValue, 0, 1, 1, 2);
    grid->addWidget(m_productCaption, 1, 0);
    grid->addWidget(m_productValue, 1, 1, 1, 2);
    grid->addWidget(m_inventoryCaption, 2, 0);
    grid->addWidget(m_inventoryValue, 2, 1, 1, 2);
    grid->addWidget(m_pricingCaption, 3, 0);
    grid->addWidget(m_setupCaption, 3, 1);
    grid->addWidget(m_setupValue, 3, 2);
    grid->addWidget(m_monthlyCaption, 4, 1);
    grid->addWidget(m_monthlyValue, 4, 2);
    grid->addWidget(m_autoRenewCaption, 5, 0);
    grid->addWidget(m_autoRenewValue, 5, 1, 1, 2);

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
}

void ReviewStep::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace sb
