#include "SelectComponentsDialog.h"

#include "BundleCompositionDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace sb {
namespace {

enum Column { NameColumn, TypeColumn, FamilyColumn, PriceColumn, ChangeColumn };
constexpr int IdRole = Qt::UserRole;
constexpr int AddedRole = Qt::UserRole + 1; // components list: true for a product added in this session

QTreeWidget* productTable(QWidget* parent, int columns)
{
    auto* table = new QTreeWidget(parent);
    table->setRootIsDecorated(false);
    table->setColumnCount(columns);
    table->setAllColumnsShowFocus(true);
    table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->header()->setStretchLastSection(false);
    table->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    return table;
}

QTreeWidgetItem* productRow(QTreeWidget* table, const BundleProduct& product)
{
    auto* item = new QTreeWidgetItem(
        table, {product.name, product.productType, product.productFamily, product.monthlyCost.format(QLocale())});
    item->setTextAlignment(PriceColumn, Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

void fillChoices(QComboBox* combo, QStringList values)
{
    values.removeAll(QString());
    values.removeDuplicates();
    std::sort(values.begin(), values.end(),
              [](const QString& a, const QString& b) { return QString::localeAwareCompare(a, b) < 0; });
    combo->addItem(QString(), QString()); // "All", named in retranslateUi()
    for (const QString& value : values)
        combo->addItem(value, value);
}

} // namespace

SelectComponentsDialog::SelectComponentsDialog(const BundleComposition& composition,
                                               const ComponentSelection& selection, QWidget* parent)
    : QDialog(parent), m_composition(composition), m_selection(selection), m_introLabel(new QLabel(this)),
      m_compositionButton(new QPushButton(this)), m_tabs(new QTabWidget(this)), m_filtersTab(new QWidget(m_tabs)),
      m_productLabel(new QLabel(m_filtersTab)), m_productEdit(new QLineEdit(m_filtersTab)),
      m_typeLabel(new QLabel(m_filtersTab)), m_typeCombo(new QComboBox(m_filtersTab)),
      m_familyLabel(new QLabel(m_filtersTab)), m_familyCombo(new QComboBox(m_filtersTab)),
      m_available(productTable(m_filtersTab, 4)), m_noMatchLabel(new QLabel(m_filtersTab)),
      m_selectButton(new QPushButton(m_filtersTab)), m_componentsBox(new QGroupBox(this)),
      m_components(productTable(m_componentsBox, 5)), m_removeButton(new QPushButton(m_componentsBox)),
      m_restoreButton(new QPushButton(m_componentsBox)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this)),
      m_saveButton(m_buttons->addButton(QString(), QDialogButtonBox::ApplyRole))
{
    setObjectName(QStringLiteral("selectComponentsDialog"));
    m_compositionButton->setObjectName(QStringLiteral("viewCompositionButton"));
    m_productEdit->setObjectName(QStringLiteral("productFilterEdit"));
    m_typeCombo->setObjectName(QStringLiteral("productTypeFilterCombo"));
    m_familyCombo->setObjectName(QStringLiteral("productFamilyFilterCombo"));
    m_available->setObjectName(QStringLiteral("availableProductsList"));
    m_selectButton->setObjectName(QStringLiteral("selectButton"));
    m_components->setObjectName(QStringLiteral("selectedComponentsList"));
    m_removeButton->setObjectName(QStringLiteral("removeButton"));
    m_restoreButton->setObjectName(QStringLiteral("restoreButton"));
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_introLabel->setWordWrap(true);
    m_noMatchLabel->setWordWrap(true);
    m_productEdit->setClearButtonEnabled(true);
    m_components->header()->setSectionResizeMode(ChangeColumn, QHeaderView::ResizeToContents);

    QStringList types;
    QStringList families;
    for (const BundleProduct& product : m_composition.allowedProducts) {
        types << product.productType;
        families << product.productFamily;
        productRow(m_available, product)->setData(NameColumn, IdRole, product.id);
    }
    fillChoices(m_typeCombo, types);
    fillChoices(m_familyCombo, families);

    auto* filters = new QFormLayout;
    filters->addRow(m_productLabel, m_productEdit);
    filters->addRow(m_typeLabel, m_typeCombo);
    filters->addRow(m_familyLabel, m_familyCombo);
    m_productLabel->setBuddy(m_productEdit);
    m_typeLabel->setBuddy(m_typeCombo);
    m_familyLabel->setBuddy(m_familyCombo);
    auto* selectRow = new QHBoxLayout;
    selectRow->addWidget(m_noMatchLabel, 1);
    selectRow->addWidget(m_selectButton, 0, Qt::AlignRight | Qt::AlignTop);
    auto* filtersLayout = new QVBoxLayout(m_filtersTab);
    filtersLayout->addLayout(filters);
    filtersLayout->addWidget(m_available, 1);
    filtersLayout->addLayout(selectRow);
    m_tabs->addTab(m_filtersTab, QString());

    auto* componentButtons = new QHBoxLayout;
    componentButtons->addStretch(1);
    componentButtons->addWidget(m_restoreButton);
    componentButtons->addWidget(m_removeButton);
    auto* componentsLayout = new QVBoxLayout(m_componentsBox);
    componentsLayout->addWidget(m_components, 1);
    componentsLayout->addLayout(componentButtons);

    auto* top = new QHBoxLayout;
    top->addWidget(m_introLabel, 1);
    top->addWidget(m_compositionButton, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 3);
    layout->addWidget(m_componentsBox, 2);
    layout->addWidget(m_buttons);

    // Enter in the filter field must not close the dialog with SAVE: only a click saves (an AcceptRole button
    // would become the default button, hence the ApplyRole).
    for (QPushButton* button : findChildren<QPushButton*>())
        button->setAutoDefault(false);

    connect(m_productEdit, &QLineEdit::textChanged, this, &SelectComponentsDialog::applyFilters);
    connect(m_typeCombo, &QComboBox::currentIndexChanged, this, &SelectComponentsDialog::applyFilters);
    connect(m_familyCombo, &QComboBox::currentIndexChanged, this, &SelectComponentsDialog::applyFilters);
    connect(m_available, &QTreeWidget::currentItemChanged, this, &SelectComponentsDialog::updateButtons);
    connect(m_available, &QTreeWidget::itemDoubleClicked, this, &SelectComponentsDialog::selectCurrent);
    connect(m_selectButton, &QPushButton::clicked, this, &SelectComponentsDialog::selectCurrent);
    connect(m_components, &QTreeWidget::currentItemChanged, this, &SelectComponentsDialog::updateButtons);
    connect(m_removeButton, &QPushButton::clicked, this, &SelectComponentsDialog::removeCurrent);
    connect(m_restoreButton, &QPushButton::clicked, this, &SelectComponentsDialog::restoreCurrent);
    connect(m_compositionButton, &QPushButton::clicked, this, &SelectComponentsDialog::showComposition);
    connect(m_saveButton, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    setTabOrder(m_compositionButton, m_tabs);
    setTabOrder(m_tabs, m_productEdit);
    setTabOrder(m_productEdit, m_typeCombo);
    setTabOrder(m_typeCombo, m_familyCombo);
    setTabOrder(m_familyCombo, m_available);
    setTabOrder(m_available, m_selectButton);
    setTabOrder(m_selectButton, m_components);
    setTabOrder(m_components, m_restoreButton);
    setTabOrder(m_restoreButton, m_removeButton);
    setTabOrder(m_removeButton, m_saveButton);

    retranslateUi();
    refreshComponents();
    applyFilters();
    m_productEdit->setFocus();
    resize(qMax(sizeHint().width(), 720), qMax(sizeHint().height(), 600));
}

void SelectComponentsDialog::retranslateUi()
{
    setWindowTitle(tr("Select Components"));
    m_introLabel->setText(
        tr("Components of %1. Only the products the bundle allows are listed.").arg(m_composition.bundle.name));
    m_compositionButton->setText(tr("&View Product Bundle Components"));
    m_tabs->setTabText(m_tabs->indexOf(m_filtersTab), tr("Filters"));
    m_productLabel->setText(tr("&Product:"));
    m_productEdit->setPlaceholderText(tr("Part of the product name"));
    m_typeLabel->setText(tr("Product &Type:"));
    m_familyLabel->setText(tr("Product &Family:"));
    m_typeCombo->setItemText(0, tr("All product types"));
    m_familyCombo->setItemText(0, tr("All product families"));
    const QStringList columns{tr("Product"), tr("Product Type"), tr("Product Family"), tr("Monthly Cost")};
    m_available->setHeaderLabels(columns);
    m_components->setHeaderLabels(columns + QStringList{tr("Change")});
    m_noMatchLabel->setText(tr("No allowed product matches the filters."));
    m_selectButton->setText(tr("S&elect"));
    m_componentsBox->setTitle(tr("Components"));
    m_removeButton->setText(tr("&Remove"));
    m_restoreButton->setText(tr("&Keep"));
    m_restoreButton->setToolTip(tr("Keep a current component that is marked for removal."));
    m_saveButton->setText(tr("&Save"));
    refreshComponents();
}

void SelectComponentsDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void SelectComponentsDialog::applyFilters()
{
    const QString text = m_productEdit->text().trimmed();
    const QString type = m_typeCombo->currentData().toString();
    const QString family = m_familyCombo->currentData().toString();
    int shown = 0;
    for (int i = 0; i < m_available->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_available->topLevelItem(i);
        const bool matches = (text.isEmpty() || item->text(NameColumn).contains(text, Qt::CaseInsensitive)) &&
                             (type.isEmpty() || item->text(TypeColumn) == type) &&
                             (family.isEmpty() || item->text(FamilyColumn) == family);
        item->setHidden(!matches);
        shown += matches ? 1 : 0;
    }
    m_noMatchLabel->setVisible(shown == 0);
    if (m_available->currentItem() && m_available->currentItem()->isHidden())
        m_available->setCurrentItem(nullptr);
    updateButtons();
}

QStringList SelectComponentsDialog::visibleProductNames() const
{
    QStringList names;
    for (int i = 0; i < m_available->topLevelItemCount(); ++i)
        if (!m_available->topLevelItem(i)->isHidden())
            names << m_available->topLevelItem(i)->text(NameColumn);
    return names;
}

bool SelectComponentsDialog::isCurrentComponent(qint64 productId) const
{
    for (const SubscriptionService& component : m_composition.components)
        if (component.product.id == productId)
            return true;
    return false;
}

void SelectComponentsDialog::selectCurrent()
{
    QTreeWidgetItem* item = m_available->currentItem();
    if (!item || item->isHidden())
        return;
    const qint64 productId = item->data(NameColumn, IdRole).toLongLong();
    if (m_selection.isAdded(productId) || isCurrentComponent(productId))
        return;
    for (const BundleProduct& product : m_composition.allowedProducts)
        if (product.id == productId)
            m_selection.added << product;
    refreshComponents();
    updateButtons();
}

void SelectComponentsDialog::removeCurrent()
{
    QTreeWidgetItem* item = m_components->currentItem();
    if (!item)
        return;
    const qint64 id = item->data(NameColumn, IdRole).toLongLong();
    if (item->data(NameColumn, AddedRole).toBool()) {
        m_selection.added.removeIf([id](const BundleProduct& product) { return product.id == id; });
    } else if (!m_selection.isRemoved(id)) {
        m_selection.removedServiceIds << id;
    }
    refreshComponents();
    updateButtons();
}

void SelectComponentsDialog::restoreCurrent()
{
    QTreeWidgetItem* item = m_components->currentItem();
    if (!item || item->data(NameColumn, AddedRole).toBool())
        return;
    m_selection.removedServiceIds.removeAll(item->data(NameColumn, IdRole).toLongLong());
    refreshComponents();
    updateButtons();
}

bool SelectComponentsDialog::selectProduct(const QString& name)
{
    for (int i = 0; i < m_available->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_available->topLevelItem(i);
        if (!item->isHidden() && item->text(NameColumn) == name) {
            m_available->setCurrentItem(item);
            if (!m_selectButton->isEnabled())
                return false;
            m_selectButton->click();
            return true;
        }
    }
    return false;
}

bool SelectComponentsDialog::removeComponent(const QString& name)
{
    for (int i = 0; i < m_components->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_components->topLevelItem(i);
        if (item->text(NameColumn) == name) {
            m_components->setCurrentItem(item);
            if (!m_removeButton->isEnabled())
                return false;
            m_removeButton->click();
            return true;
        }
    }
    return false;
}

void SelectComponentsDialog::refreshComponents()
{
    const QVariant current = m_components->currentItem() ? m_components->currentItem()->text(NameColumn) : QVariant();
    m_components->clear();
    for (const SubscriptionService& component : m_composition.components) {
        QTreeWidgetItem* item = productRow(m_components, component.product);
        item->setText(NameColumn, component.name);
        item->setData(NameColumn, IdRole, component.id);
        const bool removed = m_selection.isRemoved(component.id);
        item->setText(ChangeColumn, removed ? tr("To be removed") : tr("Current"));
        if (removed) {
            QFont font = item->font(NameColumn);
            font.setStrikeOut(true);
            item->setFont(NameColumn, font);
        }
    }
    for (const BundleProduct& product : m_selection.added) {
        QTreeWidgetItem* item = productRow(m_components, product);
        item->setData(NameColumn, IdRole, product.id);
        item->setData(NameColumn, AddedRole, true);
        item->setText(ChangeColumn, tr("To be added"));
        QFont font = item->font(NameColumn);
        font.setBold(true);
        item->setFont(NameColumn, font);
    }
    if (current.isValid()) {
        const auto found = m_components->findItems(current.toString(), Qt::MatchExactly, NameColumn);
        if (!found.isEmpty())
            m_components->setCurrentItem(found.first());
    }
}

void SelectComponentsDialog::updateButtons()
{
    QTreeWidgetItem* product = m_available->currentItem();
    bool canSelect = false;
    if (product && !product->isHidden()) {
        const qint64 id = product->data(NameColumn, IdRole).toLongLong();
        const bool inBundle = isCurrentComponent(id);
        canSelect = !m_selection.isAdded(id) && !inBundle;
        m_selectButton->setToolTip(inBundle                  ? tr("This product is already a component of the bundle.")
                                   : m_selection.isAdded(id) ? tr("This product is already selected.")
                                                             : QString());
    }
    m_selectButton->setEnabled(canSelect);

    QTreeWidgetItem* component = m_components->currentItem();
    const bool added = component && component->data(NameColumn, AddedRole).toBool();
    const bool marked = component && !added && m_selection.isRemoved(component->data(NameColumn, IdRole).toLongLong());
    m_removeButton->setEnabled(component && !marked);
    m_restoreButton->setEnabled(marked);
}

void SelectComponentsDialog::showComposition()
{
    auto* view = new BundleCompositionDialog(m_composition, this);
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->open();
}

} // namespace sb
