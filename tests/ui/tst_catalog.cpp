// The catalog page with the demo data: the Service Plans | Add-ons and Individual | Business toggles, the
// carousel (arrows and Left/Right keys, three cards at a time), the grid, and what each card shows.

#include "CatalogPage.h"
#include "MainWindow.h"
#include "ProductCard.h"
#include "ProductCardsView.h"
#include "UiTestSupport.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QTest>
#include <QToolButton>

using namespace sb;

class TestCatalog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void individualPlans();
    void carouselArrowsAndKeys();
    void gridShowsEverything();
    void businessAndAddons();

private:
    void click(const char* objectName);
    int visibleCards() const;

    test::MainWindowFixture m_ui;
    CatalogPage* m_catalog = nullptr;
};

void TestCatalog::initTestCase()
{
    QVERIFY2(m_ui.start(), qPrintable(m_ui.errorText()));
    m_catalog = m_ui.window().catalogPage();
    click("carouselViewButton");
}

void TestCatalog::cleanupTestCase()
{
    m_ui.reset();
}

void TestCatalog::click(const char* objectName)
{
    auto* button = m_catalog->findChild<QToolButton*>(QString::fromLatin1(objectName));
    QVERIFY2(button, objectName);
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY(!m_catalog->isLoading());
}

int TestCatalog::visibleCards() const
{
    int visible = 0;
    for (ProductCard* card : m_catalog->cardsView()->cards())
        visible += card->isVisible() ? 1 : 0;
    return visible;
}

void TestCatalog::individualPlans()
{
    click("servicePlansButton");
    click("individualButton");
    ProductCardsView* view = m_catalog->cardsView();
    QTRY_VERIFY(view->card(QStringLiteral("mobile-20gb")) != nullptr);
    QCOMPARE(view->cards().size(), 9);
    QVERIFY(view->card(QStringLiteral("mobile-legacy-2gb")) == nullptr);    // disabled
    QVERIFY(view->card(QStringLiteral("mobile-business-50gb")) == nullptr); // business only
    QVERIFY(view->card(QStringLiteral("addon-data-5gb")) == nullptr);       // an add-on

    ProductCard* card = view->card(QStringLiteral("mobile-20gb"));
    QCOMPARE(card->objectName(), QStringLiteral("productCard_mobile-20gb"));
    const QStringList texts = [card] {
        QStringList all;
        for (QLabel* label : card->findChildren<QLabel*>())
            all << label->text();
        return all;
    }();
    QVERIFY2(texts.contains(QStringLiteral("Mobile - 20GB Plan")), qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY(texts.contains(QStringLiteral("Mobile")));
    QCOMPARE(card->findChild<QLabel*>(QStringLiteral("monthlyCostLabel"))->text(), QStringLiteral("£15.00 / month"));
    QCOMPARE(card->findChild<QLabel*>(QStringLiteral("setupFeeLabel"))->text(), QStringLiteral("Setup fee: £0.00"));
    QCOMPARE(card->assignButton()->text(), QStringLiteral("Assign to Customer"));
}

void TestCatalog::carouselArrowsAndKeys()
{
    ProductCardsView* view = m_catalog->cardsView();
    QCOMPARE(view->mode(), ProductCardsView::Mode::Carousel);
    QCOMPARE(view->firstVisible(), 0);
    QCOMPARE(visibleCards(), ProductCardsView::visibleCards);
    auto* previous = view->findChild<QToolButton*>(QStringLiteral("carouselPreviousButton"));
    auto* next = view->findChild<QToolButton*>(QStringLiteral("carouselNextButton"));
    QVERIFY(!previous->isEnabled());
    QVERIFY(next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(view->firstVisible(), 1);
    QVERIFY(previous->isEnabled());
    QTest::mouseClick(previous, Qt::LeftButton);
    QCOMPARE(view->firstVisible(), 0);

    // Right/Left from a card walk card by card and keep the keyboard focus on the visible card.
    QPushButton* firstButton = view->cards().at(0)->assignButton();
    firstButton->setFocus();
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(view->cards().at(3)->assignButton()));
    QCOMPARE(view->firstVisible(), 1);
    QCOMPARE(m_ui.window().width(), 1100); // the strip never holds a fourth card, even for a moment
    QVERIFY(view->cards().at(3)->isVisible());
    QVERIFY(!view->cards().at(0)->isVisible());
    for (int i = 0; i < 10; ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
    QCOMPARE(view->firstVisible(), int(view->cards().size()) - ProductCardsView::visibleCards);
    QVERIFY(!next->isEnabled());
    for (int i = 0; i < 10; ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Left);
    QCOMPARE(view->firstVisible(), 0);
    QCOMPARE(visibleCards(), ProductCardsView::visibleCards);
}

void TestCatalog::gridShowsEverything()
{
    ProductCardsView* view = m_catalog->cardsView();
    click("gridViewButton");
    QCOMPARE(view->mode(), ProductCardsView::Mode::Grid);
    QTRY_COMPARE(visibleCards(), int(view->cards().size()));
    click("carouselViewButton");
    QCOMPARE(view->mode(), ProductCardsView::Mode::Carousel);
    QCOMPARE(visibleCards(), ProductCardsView::visibleCards);
    // Switching views never widens the window (all cards in one row would).
    QVERIFY2(m_ui.window().width() <= 1100, qPrintable(QString::number(m_ui.window().width())));
}

void TestCatalog::businessAndAddons()
{
    ProductCardsView* view = m_catalog->cardsView();
    click("businessButton");
    QTRY_VERIFY(view->card(QStringLiteral("mobile-business-50gb")) != nullptr);
    QVERIFY(view->card(QStringLiteral("mobile-20gb")) == nullptr);
    QVERIFY(view->card(QStringLiteral("mobile-unlimited")) != nullptr); // for both types

    click("addonsButton");
    QTRY_VERIFY(view->card(QStringLiteral("addon-static-ip")) != nullptr);
    QVERIFY(view->card(QStringLiteral("addon-intl-minutes")) == nullptr);
    click("individualButton");
    QTRY_VERIFY(view->card(QStringLiteral("addon-intl-minutes")) != nullptr);
    QVERIFY(view->card(QStringLiteral("addon-static-ip")) == nullptr);
    QVERIFY(!m_catalog->findChild<QLabel*>(QStringLiteral("noProductsLabel"))->isVisible());
    click("servicePlansButton");
}

QTEST_MAIN(TestCatalog)
#include "tst_catalog.moc"
