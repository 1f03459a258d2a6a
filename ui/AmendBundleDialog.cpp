#include "AmendBundleDialog.h"

#include "AsyncCall.h"
#include "BundleCompositionDialog.h"
#include "ComponentListDialog.h"
#include "Formatting.h"
#include "SelectComponentsDialog.h"
#include "workflows/Backend.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QDebug>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QStringListModel>
#include <QTreeWidget>
#include <QUuid>
#include <QVBoxLayout>

namespace sb {
namespace {

enum Column { NameColumn, TypeColumn, FamilyColumn, PriceColumn, ChangeColumn, ColumnCount };

QDateTimeEdit* dateTimeEdit(QWidget* parent, const QDateTime& value)
{
    auto* edit = new QDateTimeEdit(value, parent);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat) + QStringLiteral(" HH:mm"));
    return edit;
}

QString staffEntry(const StaffUser& user)
{
    return user.displayName.isEmpty() || user.displayName == user.login
               ? user.login
               : QStringLiteral("%1 (%2)").arg(user.displayName, user.login);
}

QStringList names(const QList<BundleProduct>& products)
{
    QStringList result;
    for (const BundleProduct& product : products)
        result << product.name;
    return result;
}

} // namespace

struct AmendBundleDialog::LoadedData
{
    bool ok = false;
    Error error;
    BundleComposition composition;
    SubscriptionDetails details;
    CustomActionChoices choices;
    QList<StaffUser> staff;
};

AmendBundleDialog::AmendBundleDialog(Backend& backend, qint64 bundleServiceId, QWidget* parent)
    : QDialog(parent), m_backend(backend), m_bundleServiceId(bundleServiceId),
      m_requestKey(QUuid::createUuid().toString(QUuid::WithoutBraces)), m_titleLabel(new QLabel(this)),
      m_subscriptionLabel(new QLabel(this)), m_statusLabel(new QLabel(this)), m_componentsBox(new QGroupBox(this)),
      m_componentsList(new QTreeWidget(m_componentsBox)), m_modifyButton(new QPushButton(m_componentsBox)),
      m_compositionButton(new QPushButton(m_componentsBox)), m_panelTitle(new QLabel(this)),
      m_previewBox(new QGroupBox(this)), m_removedCaption(new QLabel(m_previewBox)),
      m_removedCount(new QLabel(m_previewBox)), m_removedViewButton(new QPushButton(m_previewBox)),
      m_addedCaption(new QLabel(m_previewBox)), m_addedCount(new QLabel(m_previewBox)),
      m_addedViewButton(new QPushButton(m_previewBox)), m_chargeLabel(new QLabel(m_previewBox)),
      m_actionBox(new QGroupBox(this)), m_actionTypeLabel(new QLabel(m_actionBox)),
      m_actionTypeCombo(new QComboBox(m_actionBox)), m_subActionTypeLabel(new QLabel(m_actionBox)),
      m_subActionTypeCombo(new QComboBox(m_actionBox)), m_performedByLabel(new QLabel(m_actionBox)),
      m_performedByEdit(new QLineEdit(m_actionBox)), m_staffCompleter(new QCompleter(this)),
      m_performedDateLabel(new QLabel(m_actionBox)),
      m_performedDateEdit(dateTimeEdit(m_actionBox, QDateTime::currentDateTime())), m_scheduleBox(new QGroupBox(this)),
      m_nowRadio(new QRadioButton(m_scheduleBox)), m_onDateRadio(new QRadioButton(m_scheduleBox)),
      m_onDateEdit(dateTimeEdit(m_scheduleBox, QDateTime(QDate::currentDate().addDays(1), QTime(0, 0)))),
      m_afterDaysRadio(new QRadioButton(m_scheduleBox)), m_daysEdit(new QLineEdit(m_scheduleBox)),
      m_daysUnitLabel(new QLabel(m_scheduleBox)), m_problemsFrame(new QFrame(this)),
      m_problemsTitle(new QLabel(m_problemsFrame)), m_problemsLayout(new QVBoxLayout(m_problemsFrame)),
      m_buttons(new QDialogButtonBox(this)),
      m_submitButton(m_buttons->addButton(QString(), QDialogButtonBox::ApplyRole))
{
    setObjectName(QStringLiteral("amendBundleDialog"));
    m_titleLabel->setObjectName(QStringLiteral("bundleTitleLabel"));
    m_subscriptionLabel->setObjectName(QStringLiteral("subscriptionLabel"));
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_componentsList->setObjectName(QStringLiteral("componentsList"));
    m_modifyButton->setObjectName(QStringLiteral("modifyButton"));
    m_compositionButton->setObjectName(QStringLiteral("viewCompositionButton"));
    m_removedCount->setObjectName(QStringLiteral("removedCountLabel"));
    m_removedViewButton->setObjectName(QStringLiteral("viewRemovedButton"));
    m_addedCount->setObjectName(QStringLiteral("addedCountLabel"));
    m_addedViewButton->setObjectName(QStringLiteral("viewAddedButton"));
    m_chargeLabel->setObjectName(QStringLiteral("chargeLabel"));
    m_actionTypeCombo->setObjectName(QStringLiteral("actionTypeCombo"));
    m_subActionTypeCombo->setObjectName(QStringLiteral("subActionTypeCombo"));
    m_performedByEdit->setObjectName(QStringLiteral("performedByEdit"));
    m_performedDateEdit->setObjectName(QStringLiteral("performedDateEdit"));
    m_nowRadio->setObjectName(QStringLiteral("scheduleNowRadio"));
    m_onDateRadio->setObjectName(QStringLiteral("scheduleOnDateRadio"));
    m_onDateEdit->setObjectName(QStringLiteral("scheduleDateEdit"));
    m_afterDaysRadio->setObjectName(QStringLiteral("scheduleAfterDaysRadio"));
    m_daysEdit->setObjectName(QStringLiteral("scheduleDaysEdit"));
    m_problemsFrame->setObjectName(QStringLiteral("problemsFrame"));
    m_submitButton->setObjectName(QStringLiteral("submitButton"));

    QFont titleFont = m_titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_titleLabel->setFont(titleFont);
    QFont sectionFont = m_panelTitle->font();
    sectionFont.setBold(true);
    m_panelTitle->setFont(sectionFont);
    for (QLabel* label : {m_titleLabel, m_subscriptionLabel, m_statusLabel, m_chargeLabel, m_problemsTitle})
        label->setWordWrap(true);
    m_removedCount->setFont(sectionFont);
    m_addedCount->setFont(sectionFont);

    m_componentsList->setRootIsDecorated(false);
    m_componentsList->setColumnCount(ColumnCount);
    m_componentsList->setAllColumnsShowFocus(true);
    m_componentsList->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_componentsList->header()->setStretchLastSection(true);
    m_componentsList->setMinimumWidth(420);

    m_staffCompleter->setModel(new QStringListModel(m_staffCompleter));
    m_staffCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    m_staffCompleter->setFilterMode(Qt::MatchContains);
    m_performedByEdit->setCompleter(m_staffCompleter);
    m_performedByEdit->setClearButtonEnabled(true);
    m_daysEdit->setMaxLength(5);

    // Components (left).
    auto* componentButtons = new QHBoxLayout;
    componentButtons->addWidget(m_modifyButton);
    componentButtons->addWidget(m_compositionButton);
    componentButtons->addStretch(1);
    auto* componentsLayout = new QVBoxLayout(m_componentsBox);
    componentsLayout->addWidget(m_componentsList, 1);
    componentsLayout->addLayout(componentButtons);

    // Preview & Action panel (right).
    auto* previewLayout = new QGridLayout(m_previewBox);
    previewLayout->addWidget(m_removedCaption, 0, 0);
    previewLayout->addWidget(m_removedCount, 0, 1);
    previewLayout->addWidget(m_removedViewButton, 0, 2);
    previewLayout->addWidget(m_addedCaption, 1, 0);
    previewLayout->addWidget(m_addedCount, 1, 1);
    previewLayout->addWidget(m_addedViewButton, 1, 2);
    previewLayout->addWidget(m_chargeLabel, 2, 0, 1, 3);
    previewLayout->setColumnStretch(0, 1);

    auto* actionLayout = new QFormLayout(m_actionBox);
    actionLayout->setRowWrapPolicy(QFormLayout::WrapLongRows);
    actionLayout->addRow(m_actionTypeLabel, m_actionTypeCombo);
    actionLayout->addRow(m_subActionTypeLabel, m_subActionTypeCombo);
    actionLayout->addRow(m_performedByLabel, m_performedByEdit);
    actionLayout->addRow(m_performedDateLabel, m_performedDateEdit);
    m_actionTypeLabel->setBuddy(m_actionTypeCombo);
    m_subActionTypeLabel->setBuddy(m_subActionTypeCombo);
    m_performedByLabel->setBuddy(m_performedByEdit);
    m_performedDateLabel->setBuddy(m_performedDateEdit);

    auto* scheduleGroup = new QButtonGroup(this);
    scheduleGroup->addButton(m_nowRadio);
    scheduleGroup->addButton(m_onDateRadio);
    scheduleGroup->addButton(m_afterDaysRadio);
    m_nowRadio->setChecked(true);
    auto* scheduleLayout = new QGridLayout(m_scheduleBox);
    scheduleLayout->addWidget(m_nowRadio, 0, 0, 1, 3);
    scheduleLayout->addWidget(m_onDateRadio, 1, 0);
    scheduleLayout->addWidget(m_onDateEdit, 1, 1, 1, 2);
    scheduleLayout->addWidget(m_afterDaysRadio, 2, 0);
    scheduleLayout->addWidget(m_daysEdit, 2, 1);
    scheduleLayout->addWidget(m_daysUnitLabel, 2, 2);
    scheduleLayout->setColumnStretch(1, 1);

    auto* panelLayout = new QVBoxLayout;
    panelLayout->addWidget(m_panelTitle);
    panelLayout->addWidget(m_previewBox);
    panelLayout->addWidget(m_actionBox);
    panelLayout->addWidget(m_scheduleBox);
    panelLayout->addStretch(1);

    auto* columns = new QHBoxLayout;
    columns->addWidget(m_componentsBox, 3);
    columns->addLayout(panelLayout, 2);

    // Every broken rule, one sentence per line, inside the dialog.
    m_problemsFrame->setFrameShape(QFrame::StyledPanel);
    m_problemsTitle->setFont(sectionFont);
    m_problemsLayout->addWidget(m_problemsTitle);
    m_problemsFrame->hide();

    m_buttons->addButton(QDialogButtonBox::Cancel);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_subscriptionLabel);
    layout->addWidget(m_statusLabel);
    layout->addLayout(columns, 1);
    layout->addWidget(m_problemsFrame);
    layout->addWidget(m_buttons);

    // Enter in a date or text field must never submit: only a click (or Space on the focused button) does. The
    // button box makes its first AcceptRole button the default one, hence SUBMIT has the ApplyRole.
    for (QPushButton* button : findChildren<QPushButton*>())
        button->setAutoDefault(false);

    connect(m_modifyButton, &QPushButton::clicked, this, [this] { modifyComponents(); });
    connect(m_compositionButton, &QPushButton::clicked, this, &AmendBundleDialog::viewComposition);
    connect(m_removedViewButton, &QPushButton::clicked, this, [this] { viewRemovedComponents(); });
    connect(m_addedViewButton, &QPushButton::clicked, this, [this] { viewAddedComponents(); });
    connect(m_nowRadio, &QRadioButton::toggled, this, &AmendBundleDialog::updateScheduleInputs);
    connect(m_onDateRadio, &QRadioButton::toggled, this, &AmendBundleDialog::updateScheduleInputs);
    connect(m_afterDaysRadio, &QRadioButton::toggled, this, &AmendBundleDialog::updateScheduleInputs);
    connect(m_submitButton, &QPushButton::clicked, this, &AmendBundleDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AmendBundleDialog::reject);

    setTabOrder(m_componentsList, m_modifyButton);
    setTabOrder(m_modifyButton, m_compositionButton);
    setTabOrder(m_compositionButton, m_removedViewButton);
    setTabOrder(m_removedViewButton, m_addedViewButton);
    setTabOrder(m_addedViewButton, m_actionTypeCombo);
    setTabOrder(m_actionTypeCombo, m_subActionTypeCombo);
    setTabOrder(m_subActionTypeCombo, m_performedByEdit);
    setTabOrder(m_performedByEdit, m_performedDateEdit);
    setTabOrder(m_performedDateEdit, m_nowRadio);
    setTabOrder(m_nowRadio, m_onDateRadio);
    setTabOrder(m_onDateRadio, m_onDateEdit);
    setTabOrder(m_onDateEdit, m_afterDaysRadio);
    setTabOrder(m_afterDaysRadio, m_daysEdit);
    setTabOrder(m_daysEdit, m_submitButton);
    setTabOrder(m_submitButton, m_buttons->button(QDialogButtonBox::Cancel));

    retranslateUi();
    updateScheduleInputs();
    updateEnabled();
    load();
    resize(sizeHint().expandedTo(QSize(960, 620)));
}

void AmendBundleDialog::retranslateUi()
{
    setWindowTitle(tr("Amend Bundle Services"));
    m_componentsBox->setTitle(tr("Components"));
    m_componentsList->setHeaderLabels(
        {tr("Component"), tr("Product Type"), tr("Product Family"), tr("Monthly Cost"), tr("Change")});
    m_modifyButton->setText(tr("&Modify…"));
    m_compositionButton->setText(tr("&View Product Bundle Components"));
    m_panelTitle->setText(tr("Preview & Action Panel"));
    m_previewBox->setTitle(tr("Subscription Services to be Amended"));
    m_removedCaption->setText(tr("Removed Components:"));
    m_addedCaption->setText(tr("Added Components:"));
    m_removedViewButton->setText(tr("View"));
    m_removedViewButton->setToolTip(tr("The components to be removed from the bundle"));
    m_addedViewButton->setText(tr("View"));
    m_addedViewButton->setToolTip(tr("The components to be added to the bundle"));
    m_actionBox->setTitle(tr("Subscription Action Details"));
    m_actionTypeLabel->setText(tr("&Action Type:"));
    m_subActionTypeLabel->setText(tr("S&ub Action Type:"));
    m_actionTypeCombo->setPlaceholderText(tr("Choose an action type"));
    m_subActionTypeCombo->setPlaceholderText(tr("Choose a sub action type"));
    m_performedByLabel->setText(tr("Performed &By User:"));
    m_performedByEdit->setPlaceholderText(tr("Empty: the signed-in user (%1)").arg(m_backend.session().displayName()));
    m_performedByEdit->setMinimumWidth(
        m_performedByEdit->fontMetrics().horizontalAdvance(m_performedByEdit->placeholderText()) + 32);
    m_performedDateLabel->setText(tr("Performed &Date:"));
    m_scheduleBox->setTitle(tr("Scheduling Information"));
    m_nowRadio->setText(tr("&Now"));
    m_onDateRadio->setText(tr("On a specific da&te"));
    m_afterDaysRadio->setText(tr("After a number of da&ys"));
    m_daysEdit->setPlaceholderText(tr("e.g. 7"));
    m_daysUnitLabel->setText(tr("days"));
    m_problemsTitle->setText(tr("The amendment was not submitted:"));
    m_submitButton->setText(tr("&Submit"));
    refreshHeader();
    refreshComponents();
    refreshPreview();
    showProblems(m_problems);
}

void AmendBundleDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void AmendBundleDialog::load()
{
    showStatus(tr("Loading the bundle…"));
    Database& db = m_backend.database();
    const qint64 bundleId = m_bundleServiceId;
    runAsync(
        this, m_backend.pool(),
        [&db, bundleId] {
            LoadedData data;
            SubscriptionWorkflow subscriptions(db);
            const auto composition = subscriptions.composition(bundleId);
            if (!composition.ok()) {
                data.error = composition.error();
                return data;
            }
            data.composition = composition.value();
            const auto details = subscriptions.details(data.composition.bundle.subscriptionId);
            const auto choices = subscriptions.customActionChoices();
            const auto staff = subscriptions.staffUsers();
            if (!details.ok() || !choices.ok() || !staff.ok()) {
                data.error = !details.ok() ? details.error() : !choices.ok() ? choices.error() : staff.error();
                return data;
            }
            data.details = details.value();
            data.choices = choices.value();
            data.staff = staff.value();
            data.ok = true;
            return data;
        },
        [this](const LoadedData& data) { showLoaded(data); });
}

void AmendBundleDialog::showLoaded(const LoadedData& data)
{
    if (!data.ok) {
        m_loadError = data.error;
        if (!data.error.detail.isEmpty())
            qWarning().noquote() << "amend bundle: loading service" << m_bundleServiceId
                                 << "failed:" << data.error.detail;
        showStatus(Formatting::error(data.error));
        updateEnabled();
        return;
    }
    m_composition = data.composition;
    m_details = data.details;
    m_choices = data.choices;
    m_staff = data.staff;
    m_loaded = true;

    m_actionTypeCombo->clear();
    for (const CustomActionType& type : m_choices.actionTypes)
        m_actionTypeCombo->addItem(type.name, type.code);
    m_actionTypeCombo->setCurrentIndex(-1);
    m_subActionTypeCombo->clear();
    for (const CustomActionType& type : m_choices.subActionTypes)
        m_subActionTypeCombo->addItem(type.name, type.code);
    m_subActionTypeCombo->setCurrentIndex(-1);
    const bool hasActionTypes = !m_choices.actionTypes.isEmpty();
    const bool hasSubActionTypes = !m_choices.subActionTypes.isEmpty();
    m_actionTypeLabel->setVisible(hasActionTypes);
    m_actionTypeCombo->setVisible(hasActionTypes);
    m_subActionTypeLabel->setVisible(hasSubActionTypes);
    m_subActionTypeCombo->setVisible(hasSubActionTypes);

    QStringList entries;
    for (const StaffUser& user : m_staff)
        entries << staffEntry(user);
    static_cast<QStringListModel*>(m_staffCompleter->model())->setStringList(entries);

    showStatus(QString());
    refreshHeader();
    refreshComponents();
    refreshPreview();
    updateEnabled();
    m_componentsList->setFocus();
    emit loaded();
}

void AmendBundleDialog::refreshHeader()
{
    if (!m_loaded) {
        m_titleLabel->setText(tr("Amend Bundle Services"));
        m_subscriptionLabel->clear();
        return;
    }
    const Subscription& subscription = m_details.subscription;
    m_titleLabel->setText(m_composition.bundle.name);
    QString line = tr("Subscription %1 of %2 · %3 · %4")
                       .arg(subscription.number, subscription.customerName, displayName(subscription.state),
                            displayName(subscription.paymentType));
    if (m_details.hasWallet)
        line += QStringLiteral(" · ") + tr("Wallet balance: %1").arg(m_details.wallet.balance.format(QLocale()));
    m_subscriptionLabel->setText(line);
}

void AmendBundleDialog::refreshComponents()
{
    m_componentsList->clear();
    auto row = [this](const QString& name, const BundleProduct& product, const QString& change) {
        auto* item = new QTreeWidgetItem(m_componentsList, {name, product.productType, product.productFamily,
                                                            product.monthlyCost.format(QLocale()), change});
        item->setTextAlignment(PriceColumn, Qt::AlignRight | Qt::AlignVCenter);
        return item;
    };
    for (const SubscriptionService& component : m_composition.components) {
        const bool removed = m_selection.isRemoved(component.id);
        QTreeWidgetItem* item = row(component.name, component.product, removed ? tr("To be removed") : QString());
        if (removed) {
            QFont font = item->font(NameColumn);
            font.setStrikeOut(true);
            item->setFont(NameColumn, font);
        }
    }
    for (const BundleProduct& product : m_selection.added) {
        QTreeWidgetItem* item = row(product.name, product, tr("To be added"));
        QFont font = item->font(NameColumn);
        font.setBold(true);
        item->setFont(NameColumn, font);
    }
    // Wide enough for every column in every language, up to a point; beyond it the list scrolls.
    const int needed = m_componentsList->header()->length() + 2 * m_componentsList->frameWidth() + 4;
    m_componentsList->setMinimumWidth(qBound(420, needed, 620));
}

QList<BundleProduct> AmendBundleDialog::removedProducts() const
{
    QList<BundleProduct> products;
    for (const SubscriptionService& component : m_composition.components)
        if (m_selection.isRemoved(component.id)) {
            BundleProduct product = component.product;
            product.name = component.name;
            products << product;
        }
    return products;
}

void AmendBundleDialog::refreshPreview()
{
    m_removedCount->setText(QString::number(m_selection.removedServiceIds.size()));
    m_addedCount->setText(QString::number(m_selection.added.size()));
    const bool prepaid = m_loaded && m_details.subscription.paymentType == PaymentType::Prepaid;
    m_chargeLabel->setVisible(prepaid);
    if (!prepaid)
        return;
    if (m_selection.added.isEmpty())
        m_chargeLabel->setText(tr("Nothing is debited from the prepaid wallet."));
    else if (m_hasCharge)
        m_chargeLabel->setText(tr("Debited from the prepaid wallet on submit: %1").arg(m_charge.format(QLocale())));
    else
        m_chargeLabel->setText(tr("Working out the charge…"));
}

void AmendBundleDialog::setSelection(const ComponentSelection& selection)
{
    m_selection = selection;
    m_hasCharge = false;
    refreshComponents();
    refreshPreview();
    updateEnabled();
    checkCharge();
}

// The wallet debit comes from check(), which validates without writing; its rule messages wait for SUBMIT.
void AmendBundleDialog::checkCharge()
{
    if (!m_loaded || m_details.subscription.paymentType != PaymentType::Prepaid || m_selection.added.isEmpty())
        return;
    const int sequence = ++m_checkSequence;
    ++m_checking;
    Database& db = m_backend.database();
    const AmendBundleRequest request = this->request();
    const Actor actor = m_backend.session();
    runAsync(
        this, m_backend.pool(), [&db, request, actor] { return AmendBundleWorkflow(db).check(request, actor); },
        [this, sequence](const AmendResult& result) {
            --m_checking;
            if (sequence != m_checkSequence)
                return;
            m_charge = result.preview.charge;
            m_hasCharge = true;
            refreshPreview();
        });
}

void AmendBundleDialog::updateScheduleInputs()
{
    m_onDateEdit->setEnabled(m_onDateRadio->isChecked());
    m_daysEdit->setEnabled(m_afterDaysRadio->isChecked());
    m_daysUnitLabel->setEnabled(m_afterDaysRadio->isChecked());
}

void AmendBundleDialog::updateEnabled()
{
    const bool editable = m_loaded && !m_submitting;
    for (QWidget* section : {static_cast<QWidget*>(m_componentsBox), static_cast<QWidget*>(m_previewBox),
                             static_cast<QWidget*>(m_actionBox), static_cast<QWidget*>(m_scheduleBox)})
        section->setEnabled(editable);
    m_removedViewButton->setEnabled(!m_selection.removedServiceIds.isEmpty());
    m_addedViewButton->setEnabled(!m_selection.added.isEmpty());
    m_submitButton->setEnabled(editable);
}

QString AmendBundleDialog::performedByLogin() const
{
    const QString text = m_performedByEdit->text().trimmed();
    for (const StaffUser& user : m_staff)
        if (text == staffEntry(user) || text.compare(user.login, Qt::CaseInsensitive) == 0)
            return user.login;
    return text; // unknown: the workflow says there is no such staff user
}

AmendBundleRequest AmendBundleDialog::request() const
{
    AmendBundleRequest r;
    r.bundleServiceId = m_bundleServiceId;
    for (const BundleProduct& product : m_selection.added)
        r.addProductIds << product.id;
    r.removeServiceIds = m_selection.removedServiceIds;
    r.performedBy = performedByLogin();
    r.performedDate = m_performedDateEdit->dateTime();
    if (!m_choices.actionTypes.isEmpty())
        r.actionType = m_actionTypeCombo->currentData().toString();
    if (!m_choices.subActionTypes.isEmpty())
        r.subActionType = m_subActionTypeCombo->currentData().toString();
    if (m_onDateRadio->isChecked())
        r.schedule = Schedule::at(m_onDateEdit->dateTime());
    else if (m_afterDaysRadio->isChecked())
        r.schedule = Schedule::afterDays(m_daysEdit->text().trimmed());
    else
        r.schedule = Schedule::now();
    r.requestKey = m_requestKey;
    return r;
}

void AmendBundleDialog::submit()
{
    if (!m_loaded || m_submitting)
        return;
    m_submitting = true;
    updateEnabled();
    showStatus(tr("Submitting…"));
    Database& db = m_backend.database();
    const AmendBundleRequest request = this->request();
    const Actor actor = m_backend.session();
    runAsync(
        this, m_backend.pool(), [&db, request, actor] { return AmendBundleWorkflow(db).submit(request, actor); },
        [this](const AmendResult& result) { finishSubmit(result); });
}

void AmendBundleDialog::finishSubmit(const AmendResult& result)
{
    m_submitting = false;
    showStatus(QString());
    updateEnabled();
    if (!result.ok()) {
        if (!result.detail.isEmpty())
            qWarning().noquote() << "amend bundle: submitting service" << m_bundleServiceId
                                 << "failed:" << result.detail;
        showProblems(result.problems);
        emit submitFinished(false);
        return;
    }
    showProblems({});
    m_successText = summary(result);
    const qint64 subscriptionId = m_composition.bundle.subscriptionId;
    emit submitted(subscriptionId);
    emit submitFinished(true);
    auto* message = new QMessageBox(QMessageBox::Information, tr("Amend Bundle Services"), m_successText,
                                    QMessageBox::Ok, parentWidget());
    message->setObjectName(QStringLiteral("amendSuccessMessage"));
    message->setAttribute(Qt::WA_DeleteOnClose);
    accept();
    message->open();
}

QString AmendBundleDialog::summary(const AmendResult& result) const
{
    const AmendOutcome& outcome = result.outcome;
    const QString bundle = m_composition.bundle.name;
    if (outcome.scheduled)
        return tr("The amendment of %1 is scheduled for %2 (scheduled action %3). It is validated again when it "
                  "runs.")
            .arg(bundle, Formatting::dateTime(outcome.dueMs))
            .arg(outcome.actionId);
    QStringList lines{tr("%1 was amended.").arg(bundle)};
    const QStringList added = names(result.preview.addedProducts);
    QStringList removed;
    for (const SubscriptionService& service : result.preview.removedComponents)
        removed << service.name;
    if (!added.isEmpty())
        lines << tr("Added: %1.").arg(QLocale().createSeparatedList(added));
    if (!removed.isEmpty())
        lines << tr("Removed: %1.").arg(QLocale().createSeparatedList(removed));
    if (!outcome.jobIds.isEmpty())
        lines << tr("%n provisioning job(s) queued for the network.", nullptr, int(outcome.jobIds.size()));
    if (outcome.debited.minorUnits != 0)
        lines << tr("%1 was debited from the prepaid wallet.").arg(outcome.debited.format(QLocale()));
    return lines.join(QLatin1Char('\n'));
}

void AmendBundleDialog::showProblems(const QList<UserMessage>& problems)
{
    m_problems = problems;
    qDeleteAll(m_problemLabels);
    m_problemLabels.clear();
    for (const UserMessage& problem : m_problems) {
        auto* label = new QLabel(QStringLiteral("•  ") + problem.text(), m_problemsFrame);
        label->setObjectName(QStringLiteral("problemLabel"));
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_problemsLayout->addWidget(label);
        m_problemLabels << label;
    }
    m_problemsFrame->setVisible(!m_problems.isEmpty());
}

QStringList AmendBundleDialog::problemTexts() const
{
    QStringList texts;
    for (const UserMessage& problem : m_problems)
        texts << problem.text();
    return texts;
}

void AmendBundleDialog::showStatus(const QString& text)
{
    m_statusLabel->setText(text);
    m_statusLabel->setVisible(!text.isEmpty());
}

SelectComponentsDialog* AmendBundleDialog::modifyComponents()
{
    if (!m_loaded)
        return nullptr;
    auto* dialog = new SelectComponentsDialog(m_composition, m_selection, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { setSelection(dialog->selection()); });
    dialog->open();
    return dialog;
}

void AmendBundleDialog::viewComposition()
{
    if (!m_loaded)
        return;
    auto* dialog = new BundleCompositionDialog(m_composition, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

ComponentListDialog* AmendBundleDialog::viewRemovedComponents()
{
    auto* dialog = new ComponentListDialog(ComponentListDialog::Kind::Removed, removedProducts(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

ComponentListDialog* AmendBundleDialog::viewAddedComponents()
{
    auto* dialog = new ComponentListDialog(ComponentListDialog::Kind::Added, m_selection.added, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void AmendBundleDialog::reject()
{
    if (m_submitting)
        return;
    QDialog::reject();
}

} // namespace sb
