#pragma once

#include "domain/Entities.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace sb {

class Backend;
class ProductCardsView;
class SegmentedButtons;

// Step 1 of the assign-plan flow: the product catalog by category (Service Plans | Add-ons) and customer type
// (Individual | Business), as a carousel or a grid, loaded off the GUI thread.
class CatalogPage : public QWidget
{
    Q_OBJECT

public:
    explicit CatalogPage(Backend& backend, QWidget* parent = nullptr);

    ProductCategory category() const;
    CustomerType customerType() const;
    void setFilter(ProductCategory category, CustomerType customerType);
    // Assigning for a known customer (from the customer page): the customer type follows theirs.
    void setPresetCustomer(const std::optional<Customer>& customer);
    std::optional<Customer> presetCustomer() const { return m_presetCustomer; }
    ProductCardsView* cardsView() const { return m_cardsView; }
    bool isLoading() const { return m_loading; }
    void reload();

signals:
    void assignRequested(const sb::Product& product, const std::optional<sb::Customer>& customer);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showProducts(const QList<Product>& products);
    void showError(const QString& message);

    Backend& m_backend;
    SegmentedButtons* m_categoryButtons;
    SegmentedButtons* m_customerTypeButtons;
    SegmentedButtons* m_viewButtons;
    QLabel* m_titleLabel;
    QWidget* m_presetBanner;
    QLabel* m_presetLabel;
    QPushButton* m_clearPresetButton;
    QStackedWidget* m_stack;
    QLabel* m_loadingLabel;
    ProductCardsView* m_cardsView;
    QWidget* m_emptyState;
    QLabel* m_emptyTitle;
    QLabel* m_emptyHints;
    QLabel* m_errorLabel;
    std::optional<Customer> m_presetCustomer;
    quint64 m_sequence = 0;
    bool m_loading = false;
};

} // namespace sb
