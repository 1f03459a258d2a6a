#include "ComponentListDialog.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sb {

ComponentListDialog::ComponentListDialog(Kind kind, const QList<BundleProduct>& products, QWidget* parent)
    : QDialog(parent), m_kind(kind), m_emptyLabel(new QLabel(this)), m_list(new QTreeWidget(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setObjectName(QStringLiteral("componentListDialog"));
    m_list->setObjectName(QStringLiteral("componentList"));
    m_list->setRootIsDecorated(false);
    m_list->setColumnCount(4);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (const BundleProduct& product : products) {
        auto* item = new QTreeWidgetItem(
            m_list, {product.name, product.productType, product.productFamily, product.monthlyCost.format(QLocale())});
        item->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_emptyLabel->setVisible(products.isEmpty());
    m_list->setVisible(!products.isEmpty());

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslateUi();
    resize(qMax(sizeHint().width(), 520), qMax(sizeHint().height(), 260));
}

void ComponentListDialog::retranslateUi()
{
    setWindowTitle(m_kind == Kind::Added ? tr("Added Components") : tr("Removed Components"));
    m_emptyLabel->setText(tr("No components."));
    m_list->setHeaderLabels({tr("Name"), tr("Product Type"), tr("Product Family"), tr("Monthly Cost")});
}

void ComponentListDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

} // namespace sb
