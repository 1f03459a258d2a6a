#include "AssignPlanDialog.h"

#include "AddonTargetStep.h"
#include "AsyncCall.h"
#include "AutoRenewStep.h"
#include "BusinessDetailsStep.h"
#include "CustomerSearchCombo.h"
#include "Formatting.h"
#include "InventoryPicker.h"
#include "InventoryStep.h"
#include "ReviewStep.h"
#include "SelectCustomerStep.h"
#include "domain/AssignRules.h"
#include "workflows/AddonWorkflow.h"
#include "workflows/AssignPlanWorkflow.h"
#include "workflows/Backend.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QUuid>
#include <QVBoxLayout>

namespace sb {

AssignPlanDialog::AssignPlanDialog(Backend& backend, const Product& product, const std::optional<Customer>& customer,
                                   QWidget* parent)
    : AssignPlanDialog(backend, product, customer, std::nullopt, parent)
{
}

AssignPlanDialog::AssignPlanDialog(Backend& backend, const Product& addon, const Customer& customer,
                                   const Service& targetService, QWidget* parent)
    : AssignPlanDialog(backend, addon, std::optional<Customer>(customer), std::optional<Service>(targetService), parent)
{
}

AssignPlanDialog::AssignPlanDialog(Backend& backend, const Product& product, const std::optional<Customer>& customer,
                                   const std::optional<Service>& targetService, QWidget* parent)
    : QDialog(parent), m_backend(backend), m_product(product), m_presetCustomer(customer),
      m_presetService(product.category == ProductCategory::Addon ? targetService : std::nullopt),
      m_holder(QStringLiteral("gui:") + QUuid::createUuid().toString(QUuid::WithoutBraces)),
      m_headerLabel(new QLabel(this)), m_stepLabel(new QLabel(this)), m_stack(new QStackedWidget(this)),
      m_autoRenewStep(new AutoRenewStep(this)), m_reviewStep(new ReviewStep(this)), m_errorLabel(new QLabel(this)),
      m_cancelButton(new QPushButton(this)), m_backButton(new QPushButton(this)), m_nextButton(new QPushButton(this)),
      m_confirmButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("assignPlanDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowModality(Qt::WindowModal);
    setMinimumSize(640, 500);

    QFont headerFont = m_headerLabel->font();
    headerFont.setBold(true);
    headerFont.setPointSizeF(headerFont.pointSizeF() * 1.3);
    m_headerLabel->setFont(headerFont);
    m_headerLabel->setWordWrap(true);
    m_stepLabel->setObjectName(QStringLiteral("stepLabel"));
    m_stepLabel->setForegroundRole(QPalette::PlaceholderText);
    m_errorLabel->setObjectName(QStringLiteral("assignErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_errorLabel->hide();

    if (!customer) {
        m_customerStep = new SelectCustomerStep(backend, product, this);
        m_stack->addWidget(m_customerStep);
        connect(m_customerStep, &SelectCustomerStep::readyChanged, this, [this](bool ready) {
            if (const std::optional<Customer> chosen = m_customerStep->customer(); ready && chosen)
                customerKnown(*chosen);
            retranslateUi(); // the number of steps follows the customer's type
            updateButtons();
        });
    }
    if (isAddon() && !m_presetService) {
        m_addonTargetStep = new AddonTargetStep(backend, product, this);
        m_stack->addWidget(m_addonTargetStep);
        connect(m_addonTargetStep, &AddonTargetStep::readyChanged, this, &AssignPlanDialog::updateButtons);
    }
    if (!product.inventoryItemsList.isEmpty()) {
        m_inventoryStep = new InventoryStep(backend, product, m_holder, this);
        m_stack->addWidget(m_inventoryStep);
        connect(m_inventoryStep, &InventoryStep::readyChanged, this, &AssignPlanDialog::updateButtons);
    }
    m_stack->addWidget(m_autoRenewStep);
    if (!isAddon()) {
        m_businessStep = new BusinessDetailsStep(backend, product, this);
        m_stack->addWidget(m_businessStep);
        connect(m_businessStep, &BusinessDetailsStep::readyChanged, this, &AssignPlanDialog::updateButtons);
    }
    m_stack->addWidget(m_reviewStep);
    m_autoRenewStep->setAutoRenew(AssignRules::defaultAutoRenew(product));
    connect(m_autoRenewStep, &AutoRenewStep::chosen, this, [this] { next(); });

    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_backButton->setObjectName(QStringLiteral("backButton"));
    m_nextButton->setObjectName(QStringLiteral("nextButton"));
    m_confirmButton->setObjectName(QStringLiteral("confirmButton"));
    for (QPushButton* button : {m_cancelButton, m_backButton, m_nextButton, m_confirmButton})
        button->setAutoDefault(false);
    connect(m_cancelButton, &QPushButton::clicked, this, &AssignPlanDialog::reject);
    connect(m_backButton, &QPushButton::clicked, this, &AssignPlanDialog::back);
    connect(m_nextButton, &QPushButton::clicked, this, &AssignPlanDialog::next);
    connect(m_confirmButton, &QPushButton::clicked, this, &AssignPlanDialog::submit);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_cancelButton);
    buttons->addStretch(1);
    buttons->addWidget(m_backButton);
    buttons->addWidget(m_nextButton);
    buttons->addWidget(m_confirmButton);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_headerLabel);
    layout->addWidget(m_stepLabel);
    layout->addSpacing(6);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_errorLabel);
    layout->addLayout(buttons);

    if (m_presetCustomer) {
        customerKnown(*m_presetCustomer);
        checkPresetEligibility();
    }
    retranslateUi();
    goTo(steps().first());
}

AssignPlanDialog::~AssignPlanDialog()
{
    if (!m_finished) {
        // Closed without Cancel (application quit): the reservations must not linger for 15 minutes.
        Database& db = m_backend.database();
        const QString holder = m_holder;
        runDetached(m_backend.pool(), [&db, holder] { AssignPlanWorkflow(db).releaseAll(holder); });
    }
}

void AssignPlanDialog::retranslateUi()
{
    if (isAddon()) {
        setWindowTitle(tr("Add-on — %1").arg(m_product.name));
        if (m_presetService)
            m_headerLabel->setText(
                tr("Add %1 to %2").arg(m_product.name, AddonTargetStep::serviceText(*m_presetService)));
        else if (m_presetCustomer)
            m_headerLabel->setText(tr("Add %1 for %2").arg(m_product.name, Formatting::customer(*m_presetCustomer)));
        else
            m_headerLabel->setText(tr("Add %1 to a customer's service").arg(m_product.name));
    } else {
        setWindowTitle(tr("Assign Plan — %1").arg(m_product.name));
        m_headerLabel->setText(m_presetCustomer
                                   ? tr("Assign %1 to %2").arg(m_product.name, Formatting::customer(*m_presetCustomer))
                                   : tr("Assign %1 to a customer").arg(m_product.name));
    }
    m_cancelButton->setText(tr("Cancel"));
    m_backButton->setText(tr("&Back"));
    // The seed's add-on prompt and business form end in [Cancel] [Continue].
    const bool seedForm = currentStep() && (currentStep() == m_addonTargetStep || currentStep() == m_businessStep);
    m_nextButton->setText(seedForm ? tr("C&ontinue") : tr("&Next"));
    m_confirmButton->setText(tr("&Confirm && Provision"));
    const QList<QWidget*> flow = steps();
    const int index = int(flow.indexOf(currentStep()));
    m_stepLabel->setText(tr("Step %1 of %2: %3").arg(index + 1).arg(flow.size()).arg(stepTitle(currentStep())));
    showError(m_error);
}

void AssignPlanDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

QString AssignPlanDialog::stepTitle(QWidget* step) const
{
    if (step && step == m_customerStep)
        return tr("Select Customer");
    if (step && step == m_inventoryStep)
        return tr("Configure Inventory");
    if (step == m_autoRenewStep)
        return tr("Auto-Renewal");
    if (step && step == m_addonTargetStep)
        return tr("Choose Service");
    if (step && step == m_businessStep)
        return tr("Business Details");
    return tr("Review and Confirm");
}

QWidget* AssignPlanDialog::currentStep() const
{
    return m_stack->currentWidget();
}

QList<QWidget*> AssignPlanDialog::steps() const
{
    const AssignDraft current = draft();
    QList<QWidget*> flow;
    if (m_customerStep)
        flow << m_customerStep;
    if (m_addonTargetStep)
        flow << m_addonTargetStep;
    if (m_inventoryStep)
        flow << m_inventoryStep;
    if (current.asksAutoRenew())
        flow << m_autoRenewStep;
    if (m_businessStep && current.isBusinessOrder())
        flow << m_businessStep;
    flow << m_reviewStep;
    return flow;
}

AssignDraft AssignPlanDialog::draft() const
{
    AssignDraft draft;
    draft.product = m_product;
    draft.customer = m_customerStep ? m_customerStep->customer() : m_presetCustomer;
    if (m_inventoryStep)
        draft.items = m_inventoryStep->reservedItems();
    draft.autoRenew = draft.asksAutoRenew() && m_autoRenewStep->autoRenew();
    if (m_presetService)
        draft.targetService = m_presetService;
    else if (m_addonTargetStep && draft.customer && m_addonTargetStep->customerId() == draft.customer->id)
        draft.targetService = m_addonTargetStep->service();
    if (m_businessStep && draft.isBusinessOrder() && m_businessStep->customerId() == draft.customer->id)
        m_businessStep->fillDraft(&draft);
    return draft;
}

void AssignPlanDialog::setReservationDurationMs(qint64 durationMs)
{
    if (m_inventoryStep)
        m_inventoryStep->setReservationDurationMs(durationMs);
}

void AssignPlanDialog::goTo(QWidget* step)
{
    m_stack->setCurrentWidget(step);
    if (step == m_reviewStep)
        m_reviewStep->setDraft(draft());
    retranslateUi();
    updateButtons();
    if (step == m_customerStep)
        m_customerStep->searchCombo()->lineEdit()->setFocus(Qt::OtherFocusReason);
    else if (step == m_autoRenewStep)
        m_autoRenewStep->focusDefault();
    else if (step == m_reviewStep)
        m_confirmButton->setFocus(Qt::OtherFocusReason);
    else if (step == m_inventoryStep && !m_inventoryStep->pickers().isEmpty())
        m_inventoryStep->pickers().first()->comboBox()->setFocus(Qt::OtherFocusReason);
    else if (step && step == m_addonTargetStep)
        m_addonTargetStep->focusDefault();
    else if (step && step == m_businessStep)
        m_businessStep->focusFirst();
}

void AssignPlanDialog::next()
{
    if (!m_nextButton->isEnabled() && currentStep() != m_autoRenewStep)
        return;
    const QList<QWidget*> flow = steps();
    const int index = int(flow.indexOf(currentStep()));
    if (index >= 0 && index + 1 < flow.size())
        goTo(flow.at(index + 1));
}

void AssignPlanDialog::back()
{
    const QList<QWidget*> flow = steps();
    const int index = int(flow.indexOf(currentStep()));
    if (index > 0 && !m_submitting)
        goTo(flow.at(index - 1));
}

void AssignPlanDialog::updateButtons()
{
    QWidget* step = currentStep();
    bool ready = !m_blocked.has_value();
    if (step == m_customerStep)
        ready = ready && m_customerStep->isReady();
    else if (step == m_inventoryStep)
        ready = ready && m_inventoryStep->isReady();
    else if (step && step == m_addonTargetStep)
        ready = ready && m_addonTargetStep->isReady();
    else if (step && step == m_businessStep)
        ready = ready && m_businessStep->isReady();
    const bool review = step == m_reviewStep;
    const bool paid = !isAddon() || (!m_checkingPayment && !m_paymentProblem);
    const int index = int(steps().indexOf(step));
    m_backButton->setEnabled(index > 0 && !m_submitting);
    m_nextButton->setVisible(!review);
    m_nextButton->setEnabled(ready && !m_submitting);
    m_nextButton->setDefault(!review && step != m_autoRenewStep);
    m_confirmButton->setVisible(review);
    m_confirmButton->setEnabled(review && ready && paid && !m_submitting);
    m_confirmButton->setDefault(review);
    m_cancelButton->setEnabled(!m_submitting);
}

void AssignPlanDialog::customerKnown(const Customer& customer)
{
    if (customer.id == m_knownCustomerId)
        return;
    m_knownCustomerId = customer.id;
    if (m_addonTargetStep)
        m_addonTargetStep->load(customer);
    if (m_businessStep && customer.type == CustomerType::Business)
        m_businessStep->load(customer);
    if (isAddon())
        checkPayment(customer);
}

void AssignPlanDialog::checkPayment(const Customer& customer)
{
    const quint64 sequence = ++m_paymentSequence;
    m_checkingPayment = true;
    m_paymentProblem.reset();
    showError(m_error);
    Database& db = m_backend.database();
    const qint64 productId = m_product.id;
    const qint64 customerId = customer.id;
    runAsync(
        this, m_backend.pool(),
        [&db, productId, customerId] { return AddonWorkflow(db).checkPayment(productId, customerId); },
        [this, sequence](const Status& status) {
            if (sequence != m_paymentSequence)
                return; // another customer was chosen meanwhile
            m_checkingPayment = false;
            if (!status.ok())
                m_paymentProblem = status.error;
            showError(m_error);
            updateButtons();
        });
}

void AssignPlanDialog::checkPresetEligibility()
{
    Database& db = m_backend.database();
    const qint64 productId = m_product.id;
    const qint64 customerId = m_presetCustomer->id;
    runAsync(
        this, m_backend.pool(),
        [&db, productId, customerId] { return AssignPlanWorkflow(db).checkEligibility(productId, customerId); },
        [this](const Status& status) {
            if (status.ok())
                return;
            m_blocked = status.error;
            showError(m_error);
            updateButtons();
        });
}

void AssignPlanDialog::submit()
{
    if (m_submitting || currentStep() != m_reviewStep)
        return;
    const AssignDraft current = draft();
    if (!current.customer)
        return;
    if (current.isAddon()) {
        submitAddon(current);
        return;
    }
    AssignRequest request;
    request.customerId = current.customer->id;
    request.productId = current.product.id;
    for (auto it = current.items.constBegin(); it != current.items.constEnd(); ++it)
        request.items.insert(it.key(), it.value().id);
    request.autoRenew = current.autoRenew;
    request.reservationHolder = m_holder;
    if (current.isBusinessOrder())
        request.business = current.business;

    Database& db = m_backend.database();
    const Actor actor = m_backend.session();
    runSubmit(current.customer->name, [&db, request, actor] { return AssignPlanWorkflow(db).submit(request, actor); });
}

void AssignPlanDialog::submitAddon(const AssignDraft& current)
{
    if (!current.targetService)
        return;
    AddonRequest request;
    request.customerId = current.customer->id;
    request.productId = current.product.id;
    request.serviceId = current.targetService->id;
    for (auto it = current.items.constBegin(); it != current.items.constEnd(); ++it)
        request.items.insert(it.key(), it.value().id);
    request.reservationHolder = m_holder;
    request.autoRenew = current.autoRenew;

    Database& db = m_backend.database();
    const Actor actor = m_backend.session();
    runSubmit(current.customer->name, [&db, request, actor] { return AddonWorkflow(db).submit(request, actor); });
}

template <typename Submit>
void AssignPlanDialog::runSubmit(const QString& customerName, Submit submit)
{
    m_submitting = true;
    showError(std::nullopt);
    updateButtons();
    m_confirmButton->setText(tr("Submitting…"));
    runAsync(this, m_backend.pool(), std::move(submit), [this, customerName](const auto& result) {
        m_submitting = false;
        if (!result.ok()) {
            retranslateUi();
            showError(result.error());
            updateButtons();
            return;
        }
        m_finished = true;
        emit submitted(result->jobId, result->serviceId, customerName);
        accept();
    });
}

void AssignPlanDialog::reject()
{
    if (m_submitting)
        return; // the order is being written; closing now would leave the user guessing
    if (!m_finished) {
        m_finished = true;
        Database& db = m_backend.database();
        const QString holder = m_holder;
        runDetached(m_backend.pool(), [&db, holder] { AssignPlanWorkflow(db).releaseAll(holder); });
    }
    QDialog::reject();
}

void AssignPlanDialog::showError(const std::optional<Error>& error)
{
    m_error = error;
    // A refused submit first; then why this customer cannot go ahead at all; then the missing payment method.
    const std::optional<Error> shown = m_error ? m_error : m_blocked ? m_blocked : m_paymentProblem;
    m_errorLabel->setVisible(shown.has_value());
    m_errorLabel->setText(shown ? Formatting::error(*shown) : QString());
}

} // namespace sb
