#include "AddonTargetStep.h"

#include "AsyncCall.h"
#include "Formatting.h"
#include "workflows/AddonWorkflow.h"
#include "workflows/Backend.h"

#include <QComboBox>
#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace sb {

AddonTargetStep::AddonTargetStep(Backend& backend, const Product& addon, QWidget* parent)
    : QWidget(parent), m_backend(backend), m_addon(addon), m_questionLabel(new QLabel(this)),
      m_existingCaption(new QLabel(this)), m_existingList(new QLabel(this)), m_combo(new QComboBox(this)),
      m_chosenLabel(new QLabel(this)), m_statusLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("addonTargetStep"));
    m_questionLabel->setObjectName(QStringLiteral("addonQuestionLabel"));
    m_existingList->setObjectName(QStringLiteral("addonServicesList"));
    m_combo->setObjectName(QStringLiteral("addonServiceCombo"));
    m_chosenLabel->setObjectName(QStringLiteral("addonTargetLabel"));
    m_statusLabel->setObjectName(QStringLiteral("addonTargetStatusLabel"));
    QFont questionFont = m_questionLabel->font();
    questionFont.setBold(true);
    questionFont.setPointSizeF(questionFont.pointSizeF() * 1.15);
    m_questionLabel->setFont(questionFont);
    m_questionLabel->setWordWrap(true);
    m_questionLabel->setBuddy(m_combo);
    QFont bold = m_existingCaption->font();
    bold.setBold(true);
    m_existingCaption->setFont(bold);
    m_existingList->setWordWrap(true);
    m_existingList->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chosenLabel->setWordWrap(true);
    m_chosenLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(32);
    connect(m_combo, &QComboBox::currentIndexChanged, this, [this] { emit readyChanged(isReady()); });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_existingCaption);
    layout->addWidget(m_existingList);
    layout->addSpacing(10);
    layout->addWidget(m_questionLabel);
    layout->addWidget(m_combo);
    layout->addWidget(m_chosenLabel);
    layout->addSpacing(6);
    layout->addWidget(m_statusLabel);
    layout->addStretch(1);
    showServices({});
}

QString AddonTargetStep::serviceText(const Service& service)
{
    return tr("%1 (ID: %2)").arg(service.name).arg(service.id);
}

void AddonTargetStep::retranslateUi()
{
    const bool several = m_services.size() > 1;
    m_existingCaption->setText(tr("Existing %1 Services:").arg(Formatting::serviceType(m_addon.serviceType)));
    QStringList lines;
    for (const Service& service : std::as_const(m_services))
        lines << tr("• %1").arg(serviceText(service));
    m_existingList->setText(lines.join(QLatin1Char('\n')));
    m_questionLabel->setText(tr("Which service should receive this add-on?"));
    for (int i = 0; i < m_combo->count() && i < m_services.size(); ++i)
        m_combo->setItemText(i, serviceText(m_services.at(i)));
    m_chosenLabel->setText(m_services.size() == 1 ? tr("Add-on for: %1").arg(serviceText(m_services.first()))
                                                  : QString());
    m_existingCaption->setVisible(several);
    m_existingList->setVisible(several);
    m_questionLabel->setVisible(several);
    m_combo->setVisible(several);
    m_chosenLabel->setVisible(m_services.size() == 1);

    QString status;
    QString style;
    if (m_loading && m_customer) {
        status = tr("Looking for the services of %1 that can receive %2…").arg(m_customer->name, m_addon.name);
    } else if (m_problem) {
        status = Formatting::error(*m_problem);
        style = QStringLiteral("color: #b3261e;");
    } else if (several) {
        status = tr("%1 has %2 services that can receive %3. Choose one; no new service is created.")
                     .arg(m_customer ? m_customer->name : QString())
                     .arg(m_services.size())
                     .arg(m_addon.name);
    }
    m_statusLabel->setText(status);
    m_statusLabel->setStyleSheet(style);
    m_statusLabel->setVisible(!status.isEmpty());
}

void AddonTargetStep::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void AddonTargetStep::load(const Customer& customer)
{
    const quint64 sequence = ++m_sequence;
    m_customer = customer;
    m_loading = true;
    m_problem.reset();
    showServices({});
    emit readyChanged(false);
    Database& db = m_backend.database();
    const qint64 productId = m_addon.id;
    const qint64 customerId = customer.id;
    runAsync(
        this, m_backend.pool(),
        [&db, productId, customerId] { return AddonWorkflow(db).targetServices(productId, customerId); },
        [this, sequence](const Result<QList<Service>>& result) {
            if (sequence != m_sequence)
                return; // another customer was chosen meanwhile
            m_loading = false;
            if (!result.ok())
                m_problem = result.error();
            showServices(result.ok() ? result.value() : QList<Service>{});
            emit readyChanged(isReady());
        });
}

void AddonTargetStep::showServices(const QList<Service>& services)
{
    m_services = services;
    {
        const QSignalBlocker blocker(m_combo);
        m_combo->clear();
        for (const Service& service : services)
            m_combo->addItem(QString(), service.id);
        m_combo->setCurrentIndex(services.isEmpty() ? -1 : 0);
    }
    retranslateUi();
}

std::optional<Service> AddonTargetStep::service() const
{
    if (m_services.size() == 1)
        return m_services.first();
    const int index = m_combo->currentIndex();
    if (index < 0 || index >= m_services.size())
        return std::nullopt;
    return m_services.at(index);
}

void AddonTargetStep::focusDefault()
{
    if (m_combo->isVisible())
        m_combo->setFocus(Qt::OtherFocusReason);
}

} // namespace sb
