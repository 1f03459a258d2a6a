#include "CreateCustomerDialog.h"

#include "AsyncCall.h"
#include "Formatting.h"
#include "LanguageManager.h"
#include "domain/AssignRules.h"
#include "workflows/Backend.h"
#include "workflows/CustomerWorkflow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLocale>
#include <QDateEdit>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace sb {
namespace {

QLineEdit* lineEdit(QWidget* parent, const QString& objectName)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setMinimumWidth(220);
    return edit;
}

} // namespace

CreateCustomerDialog::CreateCustomerDialog(Backend& backend, QWidget* parent)
    : QDialog(parent), m_backend(backend), m_typeLabel(new QLabel(this)), m_typeCombo(new QComboBox(this)),
      m_nameLabel(new QLabel(this)), m_nameEdit(lineEdit(this, QStringLiteral("newCustomerNameEdit"))),
      m_emailLabel(new QLabel(this)), m_emailEdit(lineEdit(this, QStringLiteral("newCustomerEmailEdit"))),
      m_phoneLabel(new QLabel(this)), m_phoneEdit(lineEdit(this, QStringLiteral("newCustomerPhoneEdit"))),
      m_languageLabel(new QLabel(this)), m_languageCombo(new QComboBox(this)), m_paymentLabel(new QLabel(this)),
      m_paymentCombo(new QComboBox(this)), m_expiresCheck(new QCheckBox(this)), m_expiryEdit(new QDateEdit(this)),
      m_siteGroup(new QGroupBox(this)), m_siteNameLabel(new QLabel(this)),
      m_siteNameEdit(lineEdit(this, QStringLiteral("newSiteNameEdit"))), m_siteAddressLabel(new QLabel(this)),
      m_siteAddressEdit(lineEdit(this, QStringLiteral("newSiteAddressEdit"))), m_billingGroup(new QGroupBox(this)),
      m_technicalGroup(new QGroupBox(this)), m_problemsLabel(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this)), m_createButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("createCustomerDialog"));
    m_typeCombo->setObjectName(QStringLiteral("newCustomerTypeCombo"));
    m_typeCombo->addItem(QString(), int(CustomerType::Individual));
    m_typeCombo->addItem(QString(), int(CustomerType::Business));
    m_languageCombo->setObjectName(QStringLiteral("newCustomerLanguageCombo"));
    for (const LanguageManager::Language& language : LanguageManager::languages())
        m_languageCombo->addItem(language.nativeName, language.code);
    // The customer most likely speaks the language the store works in.
    const int uiLanguage = m_languageCombo->findData(QLocale().name());
    const int uiLanguageFamily = m_languageCombo->findData(QLocale().name().section(QLatin1Char('_'), 0, 0));
    m_languageCombo->setCurrentIndex(qMax(0, uiLanguage >= 0 ? uiLanguage : uiLanguageFamily));
    m_paymentCombo->setObjectName(QStringLiteral("newCustomerPaymentCombo"));
    m_paymentCombo->addItem(QString(), CustomerRules::cardPayment);
    m_paymentCombo->addItem(QString(), CustomerRules::directDebitPayment);
    m_paymentCombo->addItem(QString(), QString());
    m_expiresCheck->setObjectName(QStringLiteral("newCustomerExpiresCheck"));
    m_expiryEdit->setObjectName(QStringLiteral("newCustomerExpiryEdit"));
    m_expiryEdit->setCalendarPopup(true);
    m_expiryEdit->setDate(QDate::currentDate().addYears(2));
    m_siteGroup->setObjectName(QStringLiteral("newCustomerSiteGroup"));
    m_billingGroup->setObjectName(QStringLiteral("newCustomerBillingGroup"));
    m_technicalGroup->setObjectName(QStringLiteral("newCustomerTechnicalGroup"));
    m_problemsLabel->setObjectName(QStringLiteral("createCustomerProblems"));
    m_problemsLabel->setWordWrap(true);
    m_problemsLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_problemsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problemsLabel->hide();
    m_createButton->setObjectName(QStringLiteral("createCustomerButton"));
    m_createButton->setDefault(true);
    m_buttons->addButton(m_createButton, QDialogButtonBox::AcceptRole);

    auto* paymentRow = new QHBoxLayout;
    paymentRow->addWidget(m_paymentCombo);
    paymentRow->addSpacing(12);
    paymentRow->addWidget(m_expiresCheck);
    paymentRow->addWidget(m_expiryEdit);
    paymentRow->addStretch(1);
    auto* form = new QFormLayout;
    form->addRow(m_typeLabel, m_typeCombo);
    form->addRow(m_nameLabel, m_nameEdit);
    form->addRow(m_emailLabel, m_emailEdit);
    form->addRow(m_phoneLabel, m_phoneEdit);
    form->addRow(m_languageLabel, m_languageCombo);
    form->addRow(m_paymentLabel, paymentRow);
    const QList<QPair<QLabel*, QWidget*>> buddies{{m_typeLabel, m_typeCombo},         {m_nameLabel, m_nameEdit},
                                                 {m_emailLabel, m_emailEdit},       {m_phoneLabel, m_phoneEdit},
                                                 {m_languageLabel, m_languageCombo}, {m_paymentLabel, m_paymentCombo},
                                                 {m_siteNameLabel, m_siteNameEdit}, {m_siteAddressLabel, m_siteAddressEdit}};
    for (const auto& [label, field] : buddies)
        label->setBuddy(field);

    auto* siteForm = new QFormLayout(m_siteGroup);
    siteForm->addRow(m_siteNameLabel, m_siteNameEdit);
    siteForm->addRow(m_siteAddressLabel, m_siteAddressEdit);
    auto contactFields = [this](QGroupBox* group, const QString& prefix) {
        ContactFields fields{new QLabel(group), lineEdit(group, prefix + QStringLiteral("NameEdit")), new QLabel(group),
                             lineEdit(group, prefix + QStringLiteral("EmailEdit")), new QLabel(group),
                             lineEdit(group, prefix + QStringLiteral("PhoneEdit"))};
        auto* contactForm = new QFormLayout(group);
        contactForm->addRow(fields.nameLabel, fields.name);
        contactForm->addRow(fields.emailLabel, fields.email);
        contactForm->addRow(fields.phoneLabel, fields.phone);
        fields.nameLabel->setBuddy(fields.name);
        fields.emailLabel->setBuddy(fields.email);
        fields.phoneLabel->setBuddy(fields.phone);
        return fields;
    };
    m_billing = contactFields(m_billingGroup, QStringLiteral("billingContact"));
    m_technical = contactFields(m_technicalGroup, QStringLiteral("technicalContact"));
    auto* contactsRow = new QHBoxLayout;
    contactsRow->addWidget(m_billingGroup);
    contactsRow->addWidget(m_technicalGroup);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_siteGroup);
    layout->addLayout(contactsRow);
    layout->addWidget(m_problemsLabel);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    layout->setSizeConstraint(QLayout::SetMinimumSize);

    setTabOrder(m_typeCombo, m_nameEdit);
    setTabOrder(m_nameEdit, m_emailEdit);
    setTabOrder(m_emailEdit, m_phoneEdit);
    setTabOrder(m_phoneEdit, m_languageCombo);
    setTabOrder(m_languageCombo, m_paymentCombo);
    setTabOrder(m_paymentCombo, m_expiresCheck);
    setTabOrder(m_expiresCheck, m_expiryEdit);
    setTabOrder(m_expiryEdit, m_siteNameEdit);
    setTabOrder(m_siteNameEdit, m_siteAddressEdit);
    setTabOrder(m_siteAddressEdit, m_billing.name);
    setTabOrder(m_billing.name, m_billing.email);
    setTabOrder(m_billing.email, m_billing.phone);
    setTabOrder(m_billing.phone, m_technical.name);
    setTabOrder(m_technical.name, m_technical.email);
    setTabOrder(m_technical.email, m_technical.phone);

    connect(m_typeCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateState();
        adjustSize();
    });
    connect(m_paymentCombo, &QComboBox::currentIndexChanged, this, &CreateCustomerDialog::updateState);
    connect(m_expiresCheck, &QCheckBox::toggled, this, &CreateCustomerDialog::updateState);
    connect(m_nameEdit, &QLineEdit::textChanged, this, &CreateCustomerDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_createButton, &QPushButton::clicked, this, &CreateCustomerDialog::submit);
    retranslateUi();
    updateState();
}

void CreateCustomerDialog::retranslateUi()
{
    setWindowTitle(tr("Create Customer"));
    m_typeLabel->setText(tr("&Type:"));
    m_typeCombo->setItemText(0, displayName(CustomerType::Individual));
    m_typeCombo->setItemText(1, displayName(CustomerType::Business));
    m_nameLabel->setText(tr("&Name:"));
    m_nameEdit->setPlaceholderText(tr("Required"));
    m_emailLabel->setText(tr("&Email:"));
    m_emailEdit->setPlaceholderText(tr("name@example.com (optional)"));
    m_phoneLabel->setText(tr("&Phone:"));
    m_phoneEdit->setPlaceholderText(tr("+44 7700 900123 (optional)"));
    m_languageLabel->setText(tr("&Language:"));
    m_paymentLabel->setText(tr("Pa&yment method:"));
    m_paymentCombo->setItemText(0, tr("Card"));
    m_paymentCombo->setItemText(1, tr("Direct debit"));
    m_paymentCombo->setItemText(2, tr("None"));
    m_expiresCheck->setText(tr("E&xpires on"));
    m_siteGroup->setTitle(tr("First site"));
    m_siteNameLabel->setText(tr("S&ite name:"));
    m_siteNameEdit->setPlaceholderText(tr("e.g. Head office (optional)"));
    m_siteAddressLabel->setText(tr("&Address:"));
    m_billingGroup->setTitle(tr("Billing contact (optional)"));
    m_technicalGroup->setTitle(tr("Technical contact (optional)"));
    for (ContactFields* fields : {&m_billing, &m_technical}) {
        fields->nameLabel->setText(tr("Name:"));
        fields->emailLabel->setText(tr("Email:"));
        fields->phoneLabel->setText(tr("Phone:"));
    }
    m_createButton->setText(tr("&Create"));
    fillProblems();
}

void CreateCustomerDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void CreateCustomerDialog::prefill(const QString& searchText)
{
    const QString text = searchText.trimmed();
    static const QRegularExpression letter(QStringLiteral("\\p{L}"));
    if (text.contains(QLatin1Char('@')))
        m_emailEdit->setText(text);
    else if (!text.contains(letter) && AssignRules::normalizePhone(text).size() >= CustomerRules::minimumPhoneDigits)
        m_phoneEdit->setText(text);
    else if (text.contains(letter))
        m_nameEdit->setText(text);
}

void CreateCustomerDialog::updateState()
{
    const bool business = m_typeCombo->currentData().toInt() == int(CustomerType::Business);
    m_siteGroup->setVisible(business);
    m_billingGroup->setVisible(business);
    m_technicalGroup->setVisible(business);
    const bool hasMethod = !m_paymentCombo->currentData().toString().isEmpty();
    m_expiresCheck->setEnabled(hasMethod);
    m_expiryEdit->setEnabled(hasMethod && m_expiresCheck->isChecked());
    m_createButton->setEnabled(!m_submitting && !m_nameEdit->text().trimmed().isEmpty());
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(!m_submitting);
}

NewCustomer CreateCustomerDialog::draft() const
{
    NewCustomer draft;
    Customer& customer = draft.customer;
    customer.type = CustomerType(m_typeCombo->currentData().toInt());
    customer.name = m_nameEdit->text();
    customer.email = m_emailEdit->text();
    customer.phone = m_phoneEdit->text();
    customer.language = m_languageCombo->currentData().toString();
    customer.paymentMethod = m_paymentCombo->currentData().toString();
    if (!customer.paymentMethod.isEmpty() && m_expiresCheck->isChecked())
        customer.paymentMethodValidUntilMs = QDateTime(m_expiryEdit->date(), QTime(23, 59, 59)).toMSecsSinceEpoch();
    if (customer.type != CustomerType::Business)
        return CustomerRules::tidied(draft);
    if (!m_siteNameEdit->text().trimmed().isEmpty() || !m_siteAddressEdit->text().trimmed().isEmpty())
        draft.sites << Site{0, 0, m_siteNameEdit->text(), m_siteAddressEdit->text()};
    const QList<QPair<QString, const ContactFields*>> contacts{{CustomerRules::billingRole, &m_billing},
                                                               {CustomerRules::technicalRole, &m_technical}};
    for (const auto& [role, fields] : contacts) {
        const bool typed = !fields->name->text().trimmed().isEmpty() || !fields->email->text().trimmed().isEmpty() ||
                           !fields->phone->text().trimmed().isEmpty();
        if (typed)
            draft.contacts << Contact{0, 0, role, fields->name->text(), fields->email->text(), fields->phone->text()};
    }
    return CustomerRules::tidied(draft);
}

void CreateCustomerDialog::submit()
{
    if (m_submitting)
        return;
    const NewCustomer customer = draft();
    QList<Error> problems;
    for (const UserMessage& problem : CustomerRules::problems(customer, QDateTime::currentMSecsSinceEpoch()))
        problems << Error{problem, {}};
    showProblems(problems);
    if (!problems.isEmpty())
        return;
    m_submitting = true;
    updateState();
    Database& db = m_backend.database();
    const Actor actor = m_backend.session();
    runAsync(
        this, m_backend.pool(),
        [&db, customer, actor] {
            return CustomerWorkflow(db).createCustomer(customer.customer, customer.sites, customer.contacts, actor);
        },
        [this](const Result<Customer>& result) {
            m_submitting = false;
            updateState();
            if (!result.ok()) {
                showProblems({result.error()});
                return;
            }
            m_created = result.value();
            emit customerCreated(*m_created);
            accept();
        });
}

void CreateCustomerDialog::showProblems(const QList<Error>& problems)
{
    m_problems = problems;
    fillProblems();
}

void CreateCustomerDialog::fillProblems()
{
    const QStringList texts = shownProblems();
    m_problemsLabel->setVisible(!texts.isEmpty());
    if (texts.size() == 1) {
        m_problemsLabel->setText(texts.first());
        return;
    }
    QStringList bullets;
    for (const QString& text : texts)
        bullets << tr("• %1").arg(text);
    m_problemsLabel->setText(bullets.join(QLatin1Char('\n')));
}

QStringList CreateCustomerDialog::shownProblems() const
{
    QStringList texts;
    for (const Error& problem : m_problems)
        texts << Formatting::error(problem);
    return texts;
}

} // namespace sb
