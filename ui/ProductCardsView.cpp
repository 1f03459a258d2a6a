#include "ProductCardsView.h"

#include "ProductCard.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace sb {

ProductCardsView::ProductCardsView(QWidget* parent)
    : QWidget(parent), m_stack(new QStackedWidget(this)), m_carouselPage(new QWidget(this)), m_strip(new QHBoxLayout),
      m_previousButton(new QToolButton(this)), m_nextButton(new QToolButton(this)), m_positionLabel(new QLabel(this)),
      m_gridScroll(new QScrollArea(this)), m_gridContainer(new QWidget), m_grid(new QGridLayout(m_gridContainer))
{
    setFocusPolicy(Qt::StrongFocus);

    m_previousButton->setObjectName(QStringLiteral("carouselPreviousButton"));
    m_nextButton->setObjectName(QStringLiteral("carouselNextButton"));
    m_previousButton->setArrowType(Qt::LeftArrow);
    m_nextButton->setArrowType(Qt::RightArrow);
    for (QToolButton* button : {m_previousButton, m_nextButton}) {
        button->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
        button->setMinimumWidth(32);
        button->setFocusPolicy(Qt::NoFocus); // the Left/Right keys do the same from the cards
    }
    connect(m_previousButton, &QToolButton::clicked, this, &ProductCardsView::showPrevious);
    connect(m_nextButton, &QToolButton::clicked, this, &ProductCardsView::showNext);

    m_positionLabel->setObjectName(QStringLiteral("carouselPositionLabel"));
    m_positionLabel->setAlignment(Qt::AlignCenter);
    m_positionLabel->setForegroundRole(QPalette::PlaceholderText);

    auto* carouselRow = new QHBoxLayout;
    carouselRow->addWidget(m_previousButton);
    m_strip->setSpacing(12);
    carouselRow->addLayout(m_strip, 1);
    carouselRow->addWidget(m_nextButton);
    auto* carouselLayout = new QVBoxLayout(m_carouselPage);
    carouselLayout->setContentsMargins(0, 0, 0, 0);
    carouselLayout->addLayout(carouselRow);
    carouselLayout->addWidget(m_positionLabel);
    carouselLayout->addStretch(1);

    m_grid->setSpacing(12);
    m_gridScroll->setObjectName(QStringLiteral("productGrid"));
    m_gridScroll->setWidgetResizable(true);
    m_gridScroll->setFrameShape(QFrame::NoFrame);
    m_gridScroll->setWidget(m_gridContainer);

    m_stack->addWidget(m_carouselPage);
    m_stack->addWidget(m_gridScroll);
    showPage(m_carouselPage);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    retranslateUi();
}

void ProductCardsView::retranslateUi()
{
    m_previousButton->setToolTip(tr("Previous products (Left arrow)"));
    m_nextButton->setToolTip(tr("Next products (Right arrow)"));
    updateCarousel();
}

void ProductCardsView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ProductCardsView::setProducts(const QList<Product>& products)
{
    qDeleteAll(m_cards);
    m_cards.clear();
    m_first = 0;
    for (const Product& product : products) {
        auto* card = new ProductCard(product, this);
        card->assignButton()->installEventFilter(this);
        card->assignButton()->setEnabled(m_assignAllowed);
        connect(card, &ProductCard::assignRequested, this, &ProductCardsView::assignRequested);
        m_cards << card;
    }
    placeCards();
}

void ProductCardsView::setAssignAllowed(bool allowed)
{
    m_assignAllowed = allowed;
    for (ProductCard* card : m_cards)
        card->assignButton()->setEnabled(allowed);
}

ProductCard* ProductCardsView::card(const QString& slug) const
{
    for (ProductCard* card : m_cards)
        if (card->product().slug == slug)
            return card;
    return nullptr;
}

void ProductCardsView::setMode(Mode mode)
{
    if (m_mode == mode)
        return;
    m_mode = mode;
    placeCards();
}

void ProductCardsView::placeCards()
{
    for (ProductCard* card : std::as_const(m_cards)) {
        m_strip->removeWidget(card);
        m_grid->removeWidget(card);
    }
    if (m_mode == Mode::Carousel) {
        // Hidden first: nine visible cards in one row would force the window wider before the strip trims them.
        for (ProductCard* card : std::as_const(m_cards)) {
            card->hide();
            m_strip->addWidget(card, 1, Qt::AlignTop);
        }
        showPage(m_carouselPage);
    } else {
        for (int i = 0; i < m_cards.size(); ++i) {
            m_grid->addWidget(m_cards.at(i), i / visibleCards, i % visibleCards, Qt::AlignTop);
            m_cards.at(i)->show();
        }
        m_grid->setRowStretch(m_grid->rowCount(), 1);
        showPage(m_gridScroll);
    }
    updateCarousel();
}

void ProductCardsView::showPage(QWidget* page)
{
    // The hidden page must not size the window: three cards in a row are wider than the grid needs.
    for (QWidget* candidate : {m_carouselPage, static_cast<QWidget*>(m_gridScroll)})
        candidate->setSizePolicy(candidate == page ? QSizePolicy::Preferred : QSizePolicy::Ignored,
                                 candidate == page ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    m_stack->setCurrentWidget(page);
}

void ProductCardsView::updateCarousel()
{
    const int count = int(m_cards.size());
    m_first = qBound(0, m_first, qMax(0, count - visibleCards));
    if (m_mode == Mode::Carousel) {
        // Hide before showing: showing a card lays the strip out at once, and a fourth card would widen the window.
        auto inView = [this](int i) { return i >= m_first && i < m_first + visibleCards; };
        for (int i = 0; i < count; ++i)
            if (!inView(i))
                m_cards.at(i)->hide();
        for (int i = 0; i < count; ++i)
            if (inView(i))
                m_cards.at(i)->show();
    }
    m_previousButton->setEnabled(m_first > 0);
    m_nextButton->setEnabled(m_first + visibleCards < count);
    const int last = qMin(count, m_first + visibleCards);
    m_positionLabel->setText(
        count == 0 ? QString() : tr("Showing %1–%2 of %n product(s)", nullptr, count).arg(m_first + 1).arg(last));
}

void ProductCardsView::showNext()
{
    scrollBy(1, false);
}

void ProductCardsView::showPrevious()
{
    scrollBy(-1, false);
}

void ProductCardsView::reveal(ProductCard* card)
{
    const int index = int(m_cards.indexOf(card));
    if (index < 0)
        return;
    if (m_mode == Mode::Grid) {
        m_gridScroll->ensureWidgetVisible(card);
        return;
    }
    if (index < m_first)
        m_first = index;
    else if (index >= m_first + visibleCards)
        m_first = index - visibleCards + 1;
    updateCarousel();
}

void ProductCardsView::scrollBy(int delta, bool keepFocus)
{
    if (m_mode != Mode::Carousel || m_cards.isEmpty())
        return;
    int focused = -1;
    for (int i = 0; i < m_cards.size(); ++i)
        if (m_cards.at(i)->isAncestorOf(focusWidget()) && m_cards.at(i)->assignButton()->hasFocus())
            focused = i;
    if (keepFocus && focused >= 0) {
        // Arrow keys walk card by card; the strip follows the focused card.
        const int target = qBound(0, focused + delta, int(m_cards.size()) - 1);
        reveal(m_cards.at(target));
        m_cards.at(target)->assignButton()->setFocus(Qt::TabFocusReason);
        return;
    }
    m_first += delta;
    updateCarousel();
}

void ProductCardsView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Left) {
        scrollBy(-1, true);
        return;
    }
    if (event->key() == Qt::Key_Right) {
        scrollBy(1, true);
        return;
    }
    QWidget::keyPressEvent(event);
}

bool ProductCardsView::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress && m_mode == Mode::Carousel) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Left || key == Qt::Key_Right) {
            scrollBy(key == Qt::Key_Left ? -1 : 1, true);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace sb
