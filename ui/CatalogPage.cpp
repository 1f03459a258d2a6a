#include "CatalogPage.h"

#include "AsyncCall.h"
#include "Formatting.h"
#include "ProductCardsView.h"
#include "SegmentedButtons.h"
#include "UiSettings.h"
#include "workflows/AssignPlanWorkflow.h"
#include "workflows/Backend.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace sb {
namespace {

enum ViewId { CarouselView, GridView };

QLabel* emptyStateLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    return label;
}

} // namespace

CatalogPage::CatalogPage(Backend& backend, QWidget* parent)
    : QWidget(parent), m_backend(backend), m_categoryButtons(new SegmentedButtons(this)),
      m_customerTypeButtons(new SegmentedButtons(this)), m_viewButtons(new SegmentedButtons(this)),
      m_titleLabel(new QLabel(this)), m_presetBanner(new QWidget(this)), m_presetLabel(new QLabel(this)),
      m_clearPresetButton(new QPushButton(this)), m_stack(new QStackedWidget(this)),
      m_loadingLabel(emptyStateLabel(this)), m_cardsView(new ProductCardsView(this)), m_emptyState(new QWidget(this)),
      m_emptyTitle(emptyStateLabel(this)), m_emptyHints(new QLabel(this)), m_errorLabel(emptyStateLabel(this))
{
    setObjectName(QStringLiteral("catalogPage"));
    m_categoryButtons->addButton(QStringLiteral("servicePlansButton"), int(ProductCategory::ServicePlan));
    m_categoryButtons->addButton(QStringLiteral("addonsButton"), int(ProductCategory::Addon));
    m_customerTypeButtons->addButton(QStringLiteral("individualButton"), int(CustomerType::Individual));
    m_customerTypeButtons->addButton(QStringLiteral("businessButton"), int(CustomerType::Business));
    m_viewButtons->addButton(QStringLiteral("carouselViewButton"), CarouselView);
    m_viewButtons->addButton(QStringLiteral("gridViewButton"), GridView);
    const bool grid = UiSettings::catalogGridView();
    m_viewButtons->setCheckedId(grid ? GridView : CarouselView);
    m_cardsView->setMode(grid ? ProductCardsView::Mode::Grid : ProductCardsView::Mode::Carousel);

    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_categoryButtons);
    filters->addSpacing(16);
    filters->addWidget(m_customerTypeButtons);
    filters->addStretch(1);
    filters->addWidget(m_viewButtons);

    m_presetBanner->setObjectName(QStringLiteral("presetCustomerBanner"));
    m_presetLabel->setObjectName(QStringLiteral("presetCustomerLabel"));
    m_clearPresetButton->setObjectName(QStringLiteral("clearPresetCustomerButton"));
    auto* bannerLayout = new QHBoxLayout(m_presetBanner);
    bannerLayout->setContentsMargins(0, 0, 0, 0);
    bannerLayout->addWidget(m_presetLabel, 1);
    bannerLayout->addWidget(m_clearPresetButton);
    m_presetBanner->hide();

    m_emptyTitle->setObjectName(QStringLiteral("noProductsLabel"));
    QFont emptyFont = m_emptyTitle->font();
    emptyFont.setBold(true);
    emptyFont.setPointSizeF(emptyFont.pointSizeF() * 1.2);
    m_emptyTitle->setFont(emptyFont);
    m_emptyHints->setObjectName(QStringLiteral("noProductsHints"));
    m_emptyHints->setTextFormat(Qt::PlainText);
    auto* emptyLayout = new QVBoxLayout(m_emptyState);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(m_emptyTitle);
    emptyLayout->addWidget(m_emptyHints, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(2);
    m_errorLabel->setObjectName(QStringLiteral("catalogErrorLabel"));
    m_cardsView->setObjectName(QStringLiteral("productCardsView"));

    m_stack->addWidget(m_loadingLabel);
    m_stack->addWidget(m_cardsView);
    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(m_errorLabel);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_titleLabel);
    layout->addLayout(filters);
    layout->addWidget(m_presetBanner);
    layout->addWidget(m_stack, 1);

    connect(m_categoryButtons, &SegmentedButtons::currentChanged, this, &CatalogPage::reload);
    connect(m_customerTypeButtons, &SegmentedButtons::currentChanged, this, &CatalogPage::reload);
    connect(m_viewButtons, &SegmentedButtons::currentChanged, this, [this](int id) {
        UiSettings::setCatalogGridView(id == GridView);
        m_cardsView->setMode(id == GridView ? ProductCardsView::Mode::Grid : ProductCardsView::Mode::Carousel);
    });
    connect(m_clearPresetButton, &QPushButton::clicked, this, [this] { setPresetCustomer(std::nullopt); });
    connect(m_cardsView, &ProductCardsView::assignRequested, this,
            [this](const Product& product) { emit assignRequested(product, m_presetCustomer); });

    retranslateUi();
    reload();
}

void CatalogPage::retranslateUi()
{
    m_titleLabel->setText(tr("Product Catalog"));
    m_categoryButtons->button(int(ProductCategory::ServicePlan))->setText(tr("Service Plans"));
    m_categoryButtons->button(int(ProductCategory::Addon))->setText(tr("Add-ons"));
    m_customerTypeButtons->button(int(CustomerType::Individual))->setText(tr("Individual"));
    m_customerTypeButtons->button(int(CustomerType::Business))->setText(tr("Business"));
    m_viewButtons->button(CarouselView)->setText(tr("Carousel"));
    m_viewButtons->button(GridView)->setText(tr("Grid"));
    m_customerTypeButtons->setToolTip(tr("Show only the products available to this customer type."));
    m_loadingLabel->setText(tr("Loading products…"));
    m_emptyTitle->setText(tr("No products available"));
    m_emptyHints->setText(tr("• Toggle customer type (Individual vs Business)\n"
                             "• Check product catalog has enabled products\n"
                             "• Verify products match customer eligibility"));
    m_clearPresetButton->setText(tr("Any Customer"));
    if (m_presetCustomer)
        m_presetLabel->setText(tr("Assigning a plan to %1. Only products for %2 customers are shown.")
                                   .arg(Formatting::customer(*m_presetCustomer), displayName(m_presetCustomer->type)));
}

void CatalogPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

ProductCategory CatalogPage::category() const
{
    return ProductCategory(m_categoryButtons->checkedId());
}

CustomerType CatalogPage::customerType() const
{
    return CustomerType(m_customerTypeButtons->checkedId());
}

void CatalogPage::setFilter(ProductCategory category, CustomerType customerType)
{
    m_categoryButtons->setCheckedId(int(category));
    m_customerTypeButtons->setCheckedId(int(customerType));
    reload();
}

void CatalogPage::setPresetCustomer(const std::optional<Customer>& customer)
{
    m_presetCustomer = customer;
    m_presetBanner->setVisible(customer.has_value());
    m_customerTypeButtons->setEnabled(!customer.has_value());
    retranslateUi();
    if (customer)
        setFilter(category(), customer->type);
}

void CatalogPage::reload()
{
    const quint64 sequence = ++m_sequence;
    const ProductCategory wantedCategory = category();
    const CustomerType wantedType = customerType();
    m_loading = true;
    if (m_cardsView->cards().isEmpty())
        m_stack->setCurrentWidget(m_loadingLabel);
    Database& db = m_backend.database();
    runAsync(
        this, m_backend.pool(),
        [&db, wantedCategory, wantedType] { return AssignPlanWorkflow(db).catalog(wantedCategory, wantedType); },
        [this, sequence](const Result<QList<Product>>& result) {
            if (sequence != m_sequence)
                return; // the user changed the filters meanwhile
            m_loading = false;
            if (result.ok())
                showProducts(result.value());
            else
                showError(result.error().text());
        });
}

void CatalogPage::showProducts(const QList<Product>& products)
{
    m_cardsView->setProducts(products);
    m_stack->setCurrentWidget(products.isEmpty() ? m_emptyState : static_cast<QWidget*>(m_cardsView));
}

void CatalogPage::showError(const QString& message)
{
    m_cardsView->setProducts({});
    m_errorLabel->setText(message);
    m_stack->setCurrentWidget(m_errorLabel);
}

} // namespace sb
