#include "ProductCard.h"

#include "Formatting.h"

#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace sb {

ProductCard::ProductCard(const Product& product, QWidget* parent)
    : QFrame(parent), m_product(product), m_nameLabel(new QLabel(this)), m_typeLabel(new QLabel(this)),
      m_descriptionLabel(new QLabel(this)), m_monthlyLabel(new QLabel(this)), m_setupLabel(new QLabel(this)),
      m_assignButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("productCard_%1").arg(product.slug));
    setFrameShape(QFrame::StyledPanel);
    setFrameShadow(QFrame::Raised);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    setMinimumWidth(220);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    QFont nameFont = m_nameLabel->font();
    nameFont.setBold(true);
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.2);
    m_nameLabel->setFont(nameFont);
    m_nameLabel->setWordWrap(true);
    m_nameLabel->setText(product.name);
    m_typeLabel->setForegroundRole(QPalette::PlaceholderText);
    m_descriptionLabel->setWordWrap(true);
    m_descriptionLabel->setText(product.description);
    m_descriptionLabel->setMinimumHeight(m_descriptionLabel->fontMetrics().lineSpacing() * 2);
    m_descriptionLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    QFont priceFont = m_monthlyLabel->font();
    priceFont.setPointSizeF(priceFont.pointSizeF() * 1.1);
    m_monthlyLabel->setFont(priceFont);
    m_monthlyLabel->setObjectName(QStringLiteral("monthlyCostLabel"));
    m_setupLabel->setObjectName(QStringLiteral("setupFeeLabel"));
    m_assignButton->setObjectName(QStringLiteral("assignButton"));
    m_assignButton->setDefault(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->addWidget(m_nameLabel);
    layout->addWidget(m_typeLabel);
    layout->addWidget(m_descriptionLabel);
    layout->addSpacing(6);
    layout->addWidget(m_monthlyLabel);
    layout->addWidget(m_setupLabel);
    layout->addSpacing(6);
    layout->addWidget(m_assignButton);

    connect(m_assignButton, &QPushButton::clicked, this, [this] { emit assignRequested(m_product); });
    retranslateUi();
}

void ProductCard::retranslateUi()
{
    m_typeLabel->setText(Formatting::serviceType(m_product.serviceType));
    m_monthlyLabel->setText(tr("%1 / month").arg(m_product.monthlyCost.format(QLocale())));
    m_setupLabel->setText(tr("Setup fee: %1").arg(m_product.setupCost.format(QLocale())));
    m_assignButton->setText(tr("Assign to Customer"));
    m_assignButton->setAccessibleName(tr("Assign %1 to a customer").arg(m_product.name));
}

void ProductCard::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QFrame::changeEvent(event);
}

} // namespace sb
