#pragma once

#include "domain/Entities.h"

#include <QWidget>

class QGridLayout;
class QHBoxLayout;
class QLabel;
class QScrollArea;
class QStackedWidget;
class QToolButton;

namespace sb {

class ProductCard;

// The catalog's product cards, either as a carousel (three at a time, previous/next arrows and the Left/Right
// keys) or as a scrollable grid.
class ProductCardsView : public QWidget
{
    Q_OBJECT

public:
    enum class Mode { Carousel, Grid };
    static constexpr int visibleCards = 3;

    explicit ProductCardsView(QWidget* parent = nullptr);

    void setProducts(const QList<Product>& products);
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    int firstVisible() const { return m_first; }
    const QList<ProductCard*>& cards() const { return m_cards; }
    ProductCard* card(const QString& slug) const;
    // Scrolls the carousel (or the grid) so that the card is visible.
    void reveal(ProductCard* card);
    // The Assign buttons follow the signed-in user's role.
    void setAssignAllowed(bool allowed);
    bool isAssignAllowed() const { return m_assignAllowed; }

    void showNext();
    void showPrevious();

signals:
    void assignRequested(const sb::Product& product);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void placeCards();
    void showPage(QWidget* page);
    void updateCarousel();
    void scrollBy(int delta, bool keepFocus);

    Mode m_mode = Mode::Carousel;
    bool m_assignAllowed = true;
    int m_first = 0;
    QList<ProductCard*> m_cards;
    QStackedWidget* m_stack;
    QWidget* m_carouselPage;
    QHBoxLayout* m_strip;
    QToolButton* m_previousButton;
    QToolButton* m_nextButton;
    QLabel* m_positionLabel;
    QScrollArea* m_gridScroll;
    QWidget* m_gridContainer;
    QGridLayout* m_grid;
};

} // namespace sb
