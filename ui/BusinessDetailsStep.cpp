#include "BusinessDetailsStep.h"

#include "AsyncCall.h"
#include "Formatting.h"
#include "domain/BusinessRules.h"
#include "workflows/AssignPlanWorkflow.h"
#include "workflows/Backend.h"

#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace sb {
namespace {

// A date field nobody has filled in shows its minimum date as "Not set".
const QDate unsetDate(2000, 1, 1);

// Clicking into an unset date field starts it at today, so that its calendar does not open in the year 2000.
class StartAtTodayFilter : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::MouseButtonPress)
            if (auto* edit = qobject_cast<QDateEdit*>(watched); edit && edit->date() == unsetDate)
                edit->setDate(QDate::currentDate());
        return QObject::eventFilter(watched, event);
    }
};

QString objectKey(const QString& key)
{
    QString name = key;
    for (QChar& c : name)
        if (!c.isLetterOrNumber())
            c = QLatin1Char('_');
    return name;
}

} // namespace

BusinessDetailsStep::BusinessDetailsStep(Backend& backend, const Product& product, QWidget* parent)
    : QWidget(parent), m_backend(backend), m_product(product), m_titleLabel(new QLabel(this)),
      m_hintLabel(new QLabel(this)), m_form(new QFormLayout), m_siteLabel(new QLabel(this)),
      m_siteCombo(new QComboBox(this)), m_billingLabel(new QLabel(this)), m_billingCombo(new QComboBox(this)),
      m_technicalLabel(new QLabel(this)), m_technicalCombo(new QComboBox(this)), m_requiredNote(new QLabel(this)),
      m_statusLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("businessDetailsStep"));
    QFont bold = m_titleLabel->font();
    bold.setBold(true);
    m_titleLabel->setFont(bold);
    m_titleLabel->setWordWrap(true);
    m_hintLabel->setWordWrap(true);
    m_hintLabel->setForegroundRole(QPalette::PlaceholderText);
    m_siteCombo->setObjectName(QStringLiteral("siteCombo"));
    m_billingCombo->setObjectName(QStringLiteral("billingContactCombo"));
    m_technicalCombo->setObjectName(QStringLiteral("technicalContactCombo"));
    for (QComboBox* combo : {m_siteCombo, m_billingCombo, m_technicalCombo}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(28);
        connect(combo, &QComboBox::currentIndexChanged, this, &BusinessDetailsStep::update);
    }
    m_siteLabel->setObjectName(QStringLiteral("siteLabel"));
    m_billingLabel->setObjectName(QStringLiteral("billingContactLabel"));
    m_technicalLabel->setObjectName(QStringLiteral("technicalContactLabel"));
    m_siteLabel->setBuddy(m_siteCombo);
    m_billingLabel->setBuddy(m_billingCombo);
    m_technicalLabel->setBuddy(m_technicalCombo);
    m_requiredNote->setObjectName(QStringLiteral("requiredNote"));
    m_requiredNote->setForegroundRole(QPalette::PlaceholderText);
    m_statusLabel->setObjectName(QStringLiteral("businessStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_form->setVerticalSpacing(10);
    m_form->addRow(m_siteLabel, m_siteCombo);
    m_form->addRow(m_billingLabel, m_billingCombo);
    m_form->addRow(m_technicalLabel, m_technicalCombo);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_hintLabel);
    layout->addSpacing(8);
    layout->addLayout(m_form);
    layout->addWidget(m_requiredNote);
    layout->addSpacing(6);
    layout->addWidget(m_statusLabel);
    layout->addStretch(1);
    retranslateUi();
}

void BusinessDetailsStep::retranslateUi()
{
    m_titleLabel->setText(tr("Business details for %1").arg(m_product.name));
    m_hintLabel->setText(tr("Choose where the service is installed and who receives the bills and the technical "
                            "notices, then fill in the fields this order asks for."));
    m_siteLabel->setText(tr("Select Installation &Site:"));
    m_billingLabel->setText(tr("&Billing Contact:"));
    m_technicalLabel->setText(tr("&Technical Contact:"));
    bool anyRequired = false;
    for (const FieldRow& row : std::as_const(m_fields)) {
        const QString label = BusinessRules::fieldLabel(row.definition);
        row.label->setText(row.definition.required ? tr("%1: *", "required field").arg(label) : tr("%1:").arg(label));
        row.editor->setAccessibleName(row.definition.required ? tr("%1 (required)").arg(label) : label);
        if (auto* date = qobject_cast<QDateEdit*>(row.editor))
            date->setSpecialValueText(tr("Not set"));
        anyRequired = anyRequired || row.definition.required;
    }
    m_requiredNote->setText(tr("* required"));
    m_requiredNote->setVisible(anyRequired);

    // Combo entries: "London Office - 123 Main St", "Jane Doe - <jane@acme.com>".
    for (int i = 0; i < m_siteCombo->count() && i < m_sites.size(); ++i) {
        const Site& site = m_sites.at(i);
        m_siteCombo->setItemText(i, site.address.isEmpty() ? site.name : tr("%1 - %2").arg(site.name, site.address));
    }
    for (QComboBox* combo : {m_billingCombo, m_technicalCombo}) {
        for (int i = 0; i < combo->count() && i < m_contacts.size(); ++i) {
            const Contact& contact = m_contacts.at(i);
            combo->setItemText(i, contact.email.isEmpty() ? contact.name
                                                          : tr("%1 - <%2>").arg(contact.name, contact.email));
        }
    }

    QString status;
    QString style;
    if (m_loading && m_customer) {
        status = tr("Loading the sites, contacts and order fields of %1…").arg(m_customer->name);
    } else if (m_loadError) {
        status = Formatting::error(*m_loadError);
        style = QStringLiteral("color: #b3261e;");
    } else if (!m_problems.isEmpty()) {
        status = problemTexts().join(QLatin1Char('\n'));
        style = QStringLiteral("color: #b3261e;");
    }
    m_statusLabel->setText(status);
    m_statusLabel->setStyleSheet(style);
    m_statusLabel->setVisible(!status.isEmpty());
}

void BusinessDetailsStep::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void BusinessDetailsStep::load(const Customer& customer)
{
    const quint64 sequence = ++m_sequence;
    m_customer = customer;
    m_loading = true;
    m_loaded = false;
    m_loadError.reset();
    m_problems.clear();
    showOptions({}, {}, {});
    Database& db = m_backend.database();
    const qint64 customerId = customer.id;
    const qint64 productId = m_product.id;
    runAsync(
        this, m_backend.pool(),
        [&db, customerId, productId] { return AssignPlanWorkflow(db).businessOptions(customerId, productId); },
        [this, sequence](const Result<BusinessOptions>& result) {
            if (sequence != m_sequence)
                return; // another customer was chosen meanwhile
            m_loading = false;
            if (!result.ok()) {
                m_loadError = result.error();
                showOptions({}, {}, {});
                return;
            }
            m_loaded = true;
            showOptions(result->sites, result->contacts, result->fields);
        });
}

void BusinessDetailsStep::showOptions(const QList<Site>& sites, const QList<Contact>& contacts,
                                      const QList<CustomFieldDefinition>& fields)
{
    m_sites = sites;
    m_contacts = contacts;
    for (QComboBox* combo : {m_siteCombo, m_billingCombo, m_technicalCombo}) {
        const QSignalBlocker blocker(combo);
        combo->clear();
    }
    {
        const QSignalBlocker blocker(m_siteCombo);
        for (const Site& site : sites)
            m_siteCombo->addItem(QString(), site.id);
        m_siteCombo->setCurrentIndex(sites.isEmpty() ? -1 : 0);
    }
    for (QComboBox* combo : {m_billingCombo, m_technicalCombo}) {
        const QSignalBlocker blocker(combo);
        for (const Contact& contact : contacts)
            combo->addItem(QString(), contact.id);
    }
    const QSignalBlocker billingBlocker(m_billingCombo);
    const QSignalBlocker technicalBlocker(m_technicalCombo);
    m_billingCombo->setCurrentIndex(
        m_billingCombo->findData(BusinessRules::defaultContact(contacts, QStringLiteral("billing"))));
    m_technicalCombo->setCurrentIndex(
        m_technicalCombo->findData(BusinessRules::defaultContact(contacts, QStringLiteral("technical"))));
    m_siteCombo->setEnabled(!sites.isEmpty());
    m_billingCombo->setEnabled(!contacts.isEmpty());
    m_technicalCombo->setEnabled(!contacts.isEmpty());

    clearFields();
    for (const CustomFieldDefinition& field : fields) {
        FieldRow row;
        row.definition = field;
        row.label = new QLabel(this);
        row.label->setObjectName(QStringLiteral("fieldLabel_") + objectKey(field.key));
        row.editor = createEditor(field);
        row.label->setBuddy(row.editor);
        m_form->addRow(row.label, row.editor);
        m_fields << row;
    }
    update();
}

void BusinessDetailsStep::clearFields()
{
    for (const FieldRow& row : std::as_const(m_fields))
        m_form->removeRow(row.editor); // deletes the label and the editor
    m_fields.clear();
}

QWidget* BusinessDetailsStep::createEditor(const CustomFieldDefinition& field)
{
    const QString name = QStringLiteral("fieldEditor_") + objectKey(field.key);
    if (field.type == CustomFieldDefinition::Type::Date) {
        auto* edit = new QDateEdit(this);
        edit->setObjectName(name);
        edit->setCalendarPopup(true);
        edit->setMinimumDate(unsetDate);
        edit->setDate(unsetDate);
        edit->installEventFilter(new StartAtTodayFilter(edit));
        connect(edit, &QDateEdit::dateChanged, this, &BusinessDetailsStep::update);
        return edit;
    }
    auto* edit = new QLineEdit(this);
    edit->setObjectName(name);
    edit->setMaxLength(BusinessRules::maxFieldLength);
    edit->setClearButtonEnabled(true);
    if (field.type == CustomFieldDefinition::Type::Number) {
        // Digits with an optional decimal point, as BusinessRules reads them (1200, 12.50).
        static const QRegularExpression number(QStringLiteral("-?[0-9]*([.][0-9]*)?"));
        edit->setValidator(new QRegularExpressionValidator(number, edit));
        edit->setPlaceholderText(QStringLiteral("0"));
    }
    connect(edit, &QLineEdit::textChanged, this, &BusinessDetailsStep::update);
    return edit;
}

QString BusinessDetailsStep::fieldValue(const FieldRow& row) const
{
    if (auto* date = qobject_cast<QDateEdit*>(row.editor))
        return date->date() == unsetDate ? QString() : date->date().toString(Qt::ISODate);
    if (auto* edit = qobject_cast<QLineEdit*>(row.editor))
        return edit->text().trimmed();
    return {};
}

qint64 BusinessDetailsStep::chosenId(const QComboBox* combo)
{
    return combo->currentIndex() < 0 ? 0 : combo->currentData().toLongLong();
}

BusinessDetails BusinessDetailsStep::details() const
{
    BusinessDetails details;
    details.siteId = chosenId(m_siteCombo);
    details.billingContactId = chosenId(m_billingCombo);
    details.technicalContactId = chosenId(m_technicalCombo);
    for (const FieldRow& row : m_fields) {
        const QString value = fieldValue(row);
        if (!value.isEmpty())
            details.customFields.insert(row.definition.key, value);
    }
    return details;
}

void BusinessDetailsStep::fillDraft(AssignDraft* draft) const
{
    draft->business = details();
    draft->site.reset();
    draft->billingContact.reset();
    draft->technicalContact.reset();
    for (const Site& site : m_sites)
        if (site.id == draft->business.siteId)
            draft->site = site;
    for (const Contact& contact : m_contacts) {
        if (contact.id == draft->business.billingContactId)
            draft->billingContact = contact;
        if (contact.id == draft->business.technicalContactId)
            draft->technicalContact = contact;
    }
    draft->customFields.clear();
    for (const FieldRow& row : m_fields)
        draft->customFields << row.definition;
}

void BusinessDetailsStep::update()
{
    m_problems.clear();
    if (m_loaded && m_customer) {
        QList<CustomFieldDefinition> fields;
        for (const FieldRow& row : std::as_const(m_fields))
            fields << row.definition;
        m_problems = BusinessRules::problems(*m_customer, m_product, m_sites, m_contacts, fields, details());
    }
    retranslateUi();
    emit readyChanged(isReady());
}

bool BusinessDetailsStep::isReady() const
{
    return m_loaded && !m_loading && !m_loadError && m_problems.isEmpty();
}

QStringList BusinessDetailsStep::problemTexts() const
{
    QStringList texts;
    for (const UserMessage& problem : m_problems)
        texts << problem.text();
    return texts;
}

QWidget* BusinessDetailsStep::fieldEditor(const QString& key) const
{
    for (const FieldRow& row : m_fields)
        if (row.definition.key == key)
            return row.editor;
    return nullptr;
}

QLabel* BusinessDetailsStep::fieldLabel(const QString& key) const
{
    for (const FieldRow& row : m_fields)
        if (row.definition.key == key)
            return row.label;
    return nullptr;
}

void BusinessDetailsStep::focusFirst()
{
    if (m_siteCombo->isEnabled())
        m_siteCombo->setFocus(Qt::OtherFocusReason);
    else if (!m_fields.isEmpty())
        m_fields.first().editor->setFocus(Qt::OtherFocusReason);
}

} // namespace sb
