#include "BundleCompositionDialog.h"

#include "Formatting.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sb {
namespace {

enum Column { MatchColumn, ValueColumn, MinimumColumn, MaximumColumn, MandatoryColumn, ColumnCount };

} // namespace

BundleCompositionDialog::BundleCompositionDialog(const BundleComposition& composition, QWidget* parent)
    : QDialog(parent), m_composition(composition), m_introLabel(new QLabel(this)), m_rules(new QTreeWidget(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setObjectName(QStringLiteral("bundleCompositionDialog"));
    m_rules->setObjectName(QStringLiteral("compositionRulesList"));
    m_introLabel->setWordWrap(true);
    m_rules->setRootIsDecorated(false);
    m_rules->setColumnCount(ColumnCount);
    m_rules->setSelectionMode(QAbstractItemView::NoSelection);
    m_rules->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_rules->header()->setStretchLastSection(false);
    m_rules->header()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    for (int i = 0; i < m_composition.rules.size(); ++i) {
        auto* item = new QTreeWidgetItem(m_rules);
        for (int column : {MinimumColumn, MaximumColumn, MandatoryColumn})
            item->setTextAlignment(column, Qt::AlignCenter);
    }

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_introLabel);
    layout->addWidget(m_rules, 1);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslateUi();
    resize(qMax(sizeHint().width(), 600), qMax(sizeHint().height(), 300));
}

QString BundleCompositionDialog::ruleValue(const CompositionRule& rule) const
{
    if (rule.match != CompositionMatch::Product)
        return rule.value;
    for (const BundleProduct& product : m_composition.allowedProducts)
        if (product.slug == rule.value)
            return product.name;
    return rule.value;
}

void BundleCompositionDialog::retranslateUi()
{
    setWindowTitle(tr("Product Composition"));
    m_introLabel->setText(tr("What the product %1 allows as components. This is only informative.")
                              .arg(m_composition.bundle.product.name));
    m_rules->setHeaderLabels(
        {tr("Allowed By"), tr("Allowed Component"), tr("Minimum"), tr("Maximum"), tr("Mandatory")});
    for (int i = 0; i < m_composition.rules.size() && i < m_rules->topLevelItemCount(); ++i) {
        const CompositionRule& rule = m_composition.rules.at(i);
        QTreeWidgetItem* item = m_rules->topLevelItem(i);
        item->setText(MatchColumn, displayName(rule.match));
        item->setText(ValueColumn, ruleValue(rule));
        item->setText(MinimumColumn, QString::number(rule.minCount));
        item->setText(MaximumColumn, rule.maxCount > 0 ? QString::number(rule.maxCount) : tr("No limit"));
        item->setText(MandatoryColumn, Formatting::yesNo(rule.mandatory));
    }
}

void BundleCompositionDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

} // namespace sb
