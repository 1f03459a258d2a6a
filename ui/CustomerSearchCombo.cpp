#include "CustomerSearchCombo.h"

#include "CreateCustomerDialog.h"
#include "CustomerSearcher.h"
#include "Formatting.h"
#include "workflows/Backend.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPolygonF>
#include <QScreen>

namespace sb {
namespace {

constexpr int customerRole = Qt::UserRole + 1; // index into m_results, or -1 for hint rows
constexpr int createCustomerRow = -2;          // customerRole of the "Create customer…" row
constexpr int maxVisibleRows = 9;
constexpr int minimumPopupWidth = 460;

// The ▼ of a combo box, drawn so that it looks the same in every style.
QIcon dropDownIcon(const QColor& color)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawPolygon(QPolygonF({QPointF(4, 6), QPointF(12, 6), QPointF(8, 11)}));
    return QIcon(pixmap);
}

} // namespace

CustomerSearchCombo::CustomerSearchCombo(Backend& backend, QWidget* parent)
    : QWidget(parent), m_backend(backend), m_searcher(new CustomerSearcher(backend, this)), m_edit(new QLineEdit(this)),
      m_popup(new QListWidget(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    setFocusProxy(m_edit);

    m_edit->setObjectName(QStringLiteral("customerSearchEdit"));
    m_edit->setClearButtonEnabled(true);
    QAction* dropDown = m_edit->addAction(dropDownIcon(palette().color(QPalette::Text)), QLineEdit::TrailingPosition);
    connect(dropDown, &QAction::triggered, this, [this] {
        if (m_results.isEmpty())
            m_searcher->searchNow(m_edit->text());
        else
            showPopup();
    });

    m_popup->setObjectName(QStringLiteral("customerSearchResults"));
    m_popup->setWindowFlags(Qt::Popup);
    m_popup->setFocusPolicy(Qt::NoFocus);
    m_popup->setFocusProxy(m_edit);
    m_popup->setMouseTracking(true);
    m_popup->setUniformItemSizes(true);
    m_popup->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_popup->installEventFilter(this);
    m_edit->installEventFilter(this);

    connect(m_edit, &QLineEdit::textEdited, this, &CustomerSearchCombo::onTextEdited);
    connect(m_searcher, &CustomerSearcher::resultsReady, this, &CustomerSearchCombo::showResults);
    connect(m_searcher, &CustomerSearcher::searchFailed, this,
            [this](const QString&, const Error& error) { showError(error); });
    connect(m_popup, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) {
                if (item->data(customerRole).toInt() == createCustomerRow)
                    openCreateCustomer();
                else
                    chooseRow(item->data(customerRole).toInt());
            });
    retranslateUi();
}

void CustomerSearchCombo::retranslateUi()
{
    m_edit->setPlaceholderText(tr("Name, customer ID, email or phone"));
    m_edit->setToolTip(tr("Type to search by customer name, customer ID, email address or phone number."));
    if (m_chosen)
        m_edit->setText(Formatting::customer(*m_chosen));
    fillPopup();
}

void CustomerSearchCombo::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void CustomerSearchCombo::setCustomer(const Customer& customer)
{
    m_searcher->cancel();
    m_chosen = customer;
    m_edit->setText(Formatting::customer(customer));
    m_popup->hide();
}

void CustomerSearchCombo::clear()
{
    m_searcher->cancel();
    const bool hadCustomer = m_chosen.has_value();
    m_chosen.reset();
    m_results.clear();
    m_error.reset();
    m_edit->clear();
    m_popup->hide();
    if (hadCustomer)
        emit customerCleared();
}

bool CustomerSearchCombo::isSearching() const
{
    return m_searcher->isBusy();
}

void CustomerSearchCombo::onTextEdited(const QString& text)
{
    if (m_chosen) {
        m_chosen.reset();
        emit customerCleared();
    }
    if (text.trimmed().isEmpty()) {
        m_searcher->cancel();
        m_results.clear();
        m_popup->hide();
        return;
    }
    m_searcher->setQuery(text);
}

void CustomerSearchCombo::showResults(const QString& query, const QList<Customer>& customers)
{
    m_query = query;
    m_results = customers;
    m_error.reset();
    if (query.trimmed().isEmpty()) {
        m_popup->hide();
        return;
    }
    fillPopup();
    showPopup();
}

void CustomerSearchCombo::showError(const Error& error)
{
    m_results.clear();
    m_error = error;
    fillPopup();
    showPopup();
}

void CustomerSearchCombo::fillPopup()
{
    m_popup->clear();
    auto addHint = [this](const QString& text, bool bold) {
        auto* item = new QListWidgetItem(text, m_popup);
        item->setFlags(Qt::ItemIsEnabled);
        item->setData(customerRole, -1);
        QFont font = item->font();
        font.setBold(bold);
        item->setFont(font);
    };
    if (m_error) {
        addHint(Formatting::error(*m_error), false);
        return;
    }
    if (m_results.isEmpty()) {
        if (m_query.trimmed().isEmpty())
            return;
        addHint(tr("Customer not found"), true);
        addHint(tr("• Create customer first"), false);
        addHint(tr("• Try different search terms (ID, email, phone)"), false);
        addHint(tr("• Check for typos"), false);
        if (m_backend.session().can(Permission::ManageCustomers)) {
            auto* create = new QListWidgetItem(tr("Create customer \"%1\"…").arg(m_query.trimmed()), m_popup);
            create->setData(customerRole, createCustomerRow);
            create->setForeground(palette().brush(QPalette::Link));
            QFont bold = create->font();
            bold.setBold(true);
            create->setFont(bold);
        }
        return;
    }
    for (int row = 0; row < m_results.size(); ++row) {
        const Customer& customer = m_results.at(row);
        const QString details = QStringList{customer.email, customer.phone}.join(QStringLiteral(" · "));
        auto* item = new QListWidgetItem(tr("%1 — %2").arg(Formatting::customer(customer), details), m_popup);
        item->setData(customerRole, row);
        item->setToolTip(displayName(customer.type));
    }
    m_popup->setCurrentRow(0);
}

void CustomerSearchCombo::showPopup()
{
    if (!m_edit->isVisible() || m_popup->count() == 0) {
        m_popup->hide();
        return;
    }
    const int rowHeight = qMax(m_popup->sizeHintForRow(0), 1);
    const int rows = qMin(m_popup->count(), maxVisibleRows);
    const int width = qMax(m_edit->width(), qMax(minimumPopupWidth, m_popup->sizeHintForColumn(0) + 24));
    m_popup->resize(width, rows * rowHeight + 2 * m_popup->frameWidth() + 4);
    QPoint position = m_edit->mapToGlobal(QPoint(0, m_edit->height()));
    if (const QScreen* screen = m_edit->screen()) {
        const QRect available = screen->availableGeometry();
        position.setX(qBound(available.left(), position.x(), qMax(available.left(), available.right() - width)));
    }
    m_popup->move(position);
    m_popup->show();
}

void CustomerSearchCombo::moveSelection(int delta)
{
    if (!m_popup->isVisible()) {
        if (!m_results.isEmpty())
            showPopup();
        return;
    }
    if (m_results.isEmpty()) {
        // Nobody found: Down reaches the "Create customer…" row (the last one), Up leaves it.
        QListWidgetItem* last = m_popup->item(m_popup->count() - 1);
        if (last && last->data(customerRole).toInt() == createCustomerRow)
            m_popup->setCurrentItem(delta > 0 ? last : nullptr);
        return;
    }
    const int row = qBound(0, m_popup->currentRow() + delta, m_results.size() - 1);
    m_popup->setCurrentRow(row);
}

bool CustomerSearchCombo::chooseRow(int row)
{
    if (row < 0 || row >= m_results.size())
        return false;
    m_searcher->cancel();
    const Customer customer = m_results.at(row);
    m_chosen = customer;
    m_edit->setText(Formatting::customer(customer));
    m_popup->hide();
    emit customerChosen(customer);
    return true;
}

CreateCustomerDialog* CustomerSearchCombo::openCreateCustomer()
{
    m_searcher->cancel();
    m_popup->hide();
    auto* dialog = new CreateCustomerDialog(m_backend, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->prefill(m_query.isEmpty() ? m_edit->text() : m_query);
    connect(dialog, &CreateCustomerDialog::customerCreated, this, [this](const Customer& customer) {
        m_results = {customer};
        chooseRow(0);
    });
    dialog->open();
    return dialog;
}

bool CustomerSearchCombo::handleKey(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Down:
        moveSelection(1);
        return true;
    case Qt::Key_Up:
        moveSelection(-1);
        return true;
    case Qt::Key_PageDown:
        moveSelection(maxVisibleRows);
        return true;
    case Qt::Key_PageUp:
        moveSelection(-maxVisibleRows);
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (!m_popup->isVisible())
            return false;
        if (!m_results.isEmpty())
            chooseRow(m_popup->currentRow());
        else if (m_popup->currentItem() && m_popup->currentItem()->data(customerRole).toInt() == createCustomerRow)
            openCreateCustomer();
        return true;
    case Qt::Key_Escape:
        if (!m_popup->isVisible())
            return false;
        m_popup->hide();
        return true;
    default:
        return false;
    }
}

bool CustomerSearchCombo::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress && event->type() != QEvent::ShortcutOverride)
        return QWidget::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    if (event->type() == QEvent::ShortcutOverride) {
        // Keep Escape and Enter for the list while it is open, rather than closing the dialog.
        if (m_popup->isVisible() &&
            (key->key() == Qt::Key_Escape || key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)) {
            event->accept();
            return true;
        }
        return QWidget::eventFilter(watched, event);
    }
    if (handleKey(key))
        return true;
    if (watched == m_popup) {
        // The open list has the keyboard grab: everything else is typing for the search line.
        m_edit->setFocus();
        QApplication::sendEvent(m_edit, event);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace sb
