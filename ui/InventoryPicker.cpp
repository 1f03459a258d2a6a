#include "InventoryPicker.h"

#include "AsyncCall.h"
#include "Formatting.h"
#include "workflows/AssignPlanWorkflow.h"
#include "workflows/Backend.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace sb {
namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString objectNameFor(const QString& templateName)
{
    QString name = templateName;
    name.replace(QLatin1Char(' '), QLatin1Char('_')).replace(QLatin1Char('-'), QLatin1Char('_'));
    return name;
}

} // namespace

InventoryPicker::InventoryPicker(Backend& backend, const QString& templateName, const QString& holder, QWidget* parent)
    : QWidget(parent), m_backend(backend), m_templateName(templateName), m_holder(holder), m_label(new QLabel(this)),
      m_combo(new QComboBox(this)), m_statusLabel(new QLabel(this)), m_emptyState(new QWidget(this)),
      m_emptyTitle(new QLabel(this)), m_emptyHints(new QLabel(this))
{
    const QString suffix = objectNameFor(templateName);
    setObjectName(QStringLiteral("inventoryPicker_%1").arg(suffix));
    m_combo->setObjectName(QStringLiteral("inventoryCombo_%1").arg(suffix));
    m_statusLabel->setObjectName(QStringLiteral("reservationLabel_%1").arg(suffix));
    m_emptyTitle->setObjectName(QStringLiteral("noInventoryLabel_%1").arg(suffix));
    m_combo->setMinimumContentsLength(40);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMaxVisibleItems(12);
    m_label->setBuddy(m_combo);
    QFont bold = m_label->font();
    bold.setBold(true);
    m_label->setFont(bold);
    m_statusLabel->setWordWrap(true);
    m_emptyTitle->setFont(bold);
    m_emptyTitle->setStyleSheet(QStringLiteral("color: #b3261e;"));

    auto* emptyLayout = new QVBoxLayout(m_emptyState);
    emptyLayout->setContentsMargins(0, 0, 0, 0);
    emptyLayout->addWidget(m_emptyTitle);
    emptyLayout->addWidget(m_emptyHints);
    m_emptyState->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_combo);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_emptyState);

    m_countdown.setInterval(250);
    connect(&m_countdown, &QTimer::timeout, this, &InventoryPicker::tick);
    connect(m_combo, qOverload<int>(&QComboBox::activated), this, &InventoryPicker::onActivated);
    retranslateUi();
    reload();
}

void InventoryPicker::retranslateUi()
{
    const QString name = Formatting::templateName(m_templateName);
    m_label->setText(tr("%1 *", "required field").arg(name));
    m_label->setToolTip(tr("Required"));
    m_combo->setAccessibleName(tr("%1 (required)").arg(name));
    m_emptyTitle->setText(tr("No inventory available"));
    m_emptyHints->setText(tr("• Add more inventory items to system\n"
                             "• Check item status (should be \"New\" or \"In Stock\")\n"
                             "• Verify inventory template names match product requirements"));
    fillCombo();
    tick();
}

void InventoryPicker::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void InventoryPicker::reload()
{
    const quint64 sequence = ++m_loadSequence;
    ++m_busy;
    m_combo->setEnabled(false);
    Database& db = m_backend.database();
    const QString templateName = m_templateName;
    const QString holder = m_holder;
    runAsync(
        this, m_backend.pool(),
        [&db, templateName, holder] { return AssignPlanWorkflow(db).availableItems(templateName, holder); },
        [this, sequence](const Result<QList<InventoryItem>>& result) {
            --m_busy;
            if (sequence != m_loadSequence)
                return;
            m_loaded = true;
            if (result.ok()) {
                m_items = result.value();
            } else {
                m_items.clear();
                m_error = result.error();
            }
            fillCombo();
            tick();
        });
}

void InventoryPicker::fillCombo()
{
    const QSignalBlocker blocker(m_combo);
    m_combo->clear();
    m_combo->addItem(tr("Select %1…").arg(Formatting::templateName(m_templateName)), -1);
    const qint64 now = nowMs();
    int current = 0;
    for (int i = 0; i < m_items.size(); ++i) {
        const InventoryItem& item = m_items.at(i);
        m_combo->addItem(Formatting::pickerEntry(item, now), i);
        if (m_reserved && m_reserved->id == item.id)
            current = i + 1;
    }
    m_combo->setCurrentIndex(current);
    const bool empty = m_loaded && m_items.isEmpty() && !m_error;
    m_emptyState->setVisible(empty);
    m_combo->setEnabled(m_loaded && !empty && m_busy == 0);
}

void InventoryPicker::onActivated(int index)
{
    const int row = m_combo->itemData(index).toInt(); // index into m_items, -1 for the placeholder
    if (row < 0 || row >= m_items.size()) {
        releaseReserved();
        emit reservationChanged();
        return;
    }
    const InventoryItem item = m_items.at(row);
    if (m_reserved && m_reserved->id == item.id)
        return;
    releaseReserved();
    reserve(item);
}

void InventoryPicker::releaseReserved()
{
    if (!m_reserved)
        return;
    const qint64 itemId = m_reserved->id;
    m_reserved.reset();
    m_reservedUntilMs = 0;
    m_countdown.stop();
    Database& db = m_backend.database();
    const QString holder = m_holder;
    runDetached(m_backend.pool(), [&db, itemId, holder] { AssignPlanWorkflow(db).release(itemId, holder); });
    tick();
}

void InventoryPicker::reserve(const InventoryItem& item)
{
    ++m_busy;
    m_error.reset();
    setNotice(std::nullopt);
    m_combo->setEnabled(false);
    m_statusLabel->setText(tr("Reserving %1…").arg(item.reference));
    emit reservationChanged();
    Database& db = m_backend.database();
    const QString holder = m_holder;
    const qint64 durationMs = m_durationMs;
    const qint64 itemId = item.id;
    runAsync(
        this, m_backend.pool(),
        [&db, itemId, holder, durationMs] { return AssignPlanWorkflow(db).reserve(itemId, holder, durationMs); },
        [this, item](const Result<Reservation>& result) {
            --m_busy;
            if (result.ok()) {
                m_reserved = item;
                m_reservedUntilMs = result.value().expiresMs;
                m_countdown.start();
                fillCombo();
                tick();
            } else {
                // Someone else took it first: say so and offer what is still free.
                m_error = result.error();
                reload();
            }
            emit reservationChanged();
        });
}

void InventoryPicker::tick()
{
    QString status;
    QString style;
    if (m_reserved) {
        const qint64 remaining = m_reservedUntilMs - nowMs();
        if (remaining <= 0) {
            const QString reference = m_reserved->reference;
            m_reserved.reset();
            m_reservedUntilMs = 0;
            m_countdown.stop();
            setNotice(UserMessage(
                "sb::InventoryPicker",
                QT_TRANSLATE_NOOP("sb::InventoryPicker", "The reservation of %1 has expired. Pick an item again."),
                {reference}));
            reload();
            emit reservationChanged();
            return;
        }
        status = tr("Reserved for %1").arg(Formatting::countdown(remaining));
        style = QStringLiteral("color: #1b7f3b;");
    } else if (m_error) {
        status = Formatting::error(*m_error);
        style = QStringLiteral("color: #b3261e;");
    } else if (m_notice) {
        status = m_notice->text();
        style = QStringLiteral("color: #b3261e;");
    } else if (!m_loaded) {
        status = tr("Loading available items…");
    } else if (!m_items.isEmpty()) {
        status =
            tr("%n item(s) available. The item you pick is reserved for this order.", nullptr, int(m_items.size()));
    }
    m_statusLabel->setText(status);
    m_statusLabel->setStyleSheet(style);
    m_statusLabel->setVisible(!status.isEmpty());
}

void InventoryPicker::setNotice(const std::optional<UserMessage>& notice)
{
    m_notice = notice;
}

} // namespace sb
