#include "InventoryStep.h"

#include "InventoryPicker.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace sb {

InventoryStep::InventoryStep(Backend& backend, const Product& product, const QString& holder, QWidget* parent)
    : QWidget(parent), m_titleLabel(new QLabel(this)), m_hintLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("inventoryStep"));
    QFont bold = m_titleLabel->font();
    bold.setBold(true);
    m_titleLabel->setFont(bold);
    m_hintLabel->setWordWrap(true);
    m_hintLabel->setForegroundRole(QPalette::PlaceholderText);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_hintLabel);
    for (const QString& templateName : product.inventoryItemsList) {
        auto* picker = new InventoryPicker(backend, templateName, holder, this);
        connect(picker, &InventoryPicker::reservationChanged, this, [this] { emit readyChanged(isReady()); });
        layout->addSpacing(8);
        layout->addWidget(picker);
        m_pickers << picker;
    }
    layout->addStretch(1);
    retranslateUi();
}

void InventoryStep::retranslateUi()
{
    m_titleLabel->setText(tr("Required Inventory Items:"));
    m_hintLabel->setText(tr("An asterisk (*) marks a required item. Only items that are New or In Stock are shown; "
                            "the items you pick are reserved until you confirm or cancel."));
}

void InventoryStep::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

bool InventoryStep::isReady() const
{
    for (const InventoryPicker* picker : m_pickers)
        if (!picker->reservedItem() || picker->isBusy())
            return false;
    return true;
}

QMap<QString, InventoryItem> InventoryStep::reservedItems() const
{
    QMap<QString, InventoryItem> items;
    for (const InventoryPicker* picker : m_pickers)
        if (const auto item = picker->reservedItem())
            items.insert(picker->templateName(), *item);
    return items;
}

InventoryPicker* InventoryStep::picker(const QString& templateName) const
{
    for (InventoryPicker* picker : m_pickers)
        if (picker->templateName() == templateName)
            return picker;
    return nullptr;
}

void InventoryStep::setReservationDurationMs(qint64 durationMs)
{
    for (InventoryPicker* picker : m_pickers)
        picker->setReservationDurationMs(durationMs);
}

} // namespace sb
