#include "BulkRowValidator.h"

#include "domain/AssignRules.h"
#include "domain/BusinessRules.h"
#include "store/BulkImportRepository.h"
#include "store/CatalogRepository.h"
#include "store/CustomFieldRepository.h"
#include "store/InventoryRepository.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace sb {
namespace {

UserMessage lineMessage(const char* source, int line, QStringList args = {})
{
    args.prepend(QString::number(line));
    return UserMessage("BulkImport", source, std::move(args));
}

QString templateLabel(const QString& templateName)
{
    return QCoreApplication::translate("Inventory", templateName.toUtf8().constData());
}

bool isDigits(const QString& text)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    return digits.match(text).hasMatch();
}

// yes/no/true/false/1/0; nullopt for anything else.
std::optional<bool> parseYesNo(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("yes") || t == QLatin1String("true") || t == QLatin1String("1"))
        return true;
    if (t == QLatin1String("no") || t == QLatin1String("false") || t == QLatin1String("0"))
        return false;
    return std::nullopt;
}

const QString customerColumn = QStringLiteral("customer");
const QString productColumn = QStringLiteral("product");
const QString autoRenewColumn = QStringLiteral("auto_renew");
const QString siteColumn = QStringLiteral("site");
const QString billingColumn = QStringLiteral("billing_contact");
const QString technicalColumn = QStringLiteral("technical_contact");

} // namespace

BulkRowValidator::BulkRowValidator(Database& db) : m_db(db)
{
    for (const Product& p : CatalogRepository(db).allProducts())
        m_productsBySlug.insert(p.slug.toLower(), p);
    m_fields = CustomFieldRepository(db).all();
    std::stable_sort(m_fields.begin(), m_fields.end(),
                     [](const CustomFieldDefinition& a, const CustomFieldDefinition& b) { return a.sortOrder < b.sortOrder; });
    for (const CustomFieldDefinition& f : std::as_const(m_fields))
        if (!m_fieldKeys.contains(f.key))
            m_fieldKeys << f.key;
    m_templates = InventoryRepository(db).templateNames();
}

QStringList BulkRowValidator::fixedOptionalColumns()
{
    return {autoRenewColumn, siteColumn, billingColumn, technicalColumn};
}

QStringList BulkRowValidator::optionalColumns() const
{
    return fixedOptionalColumns() + m_fieldKeys + m_templates;
}

void BulkRowValidator::load(const QList<BulkRow>& rows)
{
    QSet<qint64> ids;
    QSet<QString> emails;
    QSet<QString> phones;
    QSet<QString> itemKeys;
    for (const BulkRow& row : rows) {
        const QString key = row.value(customerColumn);
        const QString idText = key.startsWith(QLatin1Char('#')) ? key.mid(1) : key;
        if (key.contains(QLatin1Char('@'))) {
            emails.insert(key.toLower());
        } else {
            if (isDigits(idText))
                ids.insert(idText.toLongLong());
            const QString digits = AssignRules::normalizePhone(key);
            if (digits.size() >= 3 && !key.startsWith(QLatin1Char('#')))
                phones.insert(digits);
        }
        for (const QString& t : std::as_const(m_templates))
            if (!row.value(t).isEmpty())
                itemKeys.insert(row.value(t));
    }
    BulkImportRepository repo(m_db);
    QList<Customer> found = repo.customersByIds(QList<qint64>(ids.cbegin(), ids.cend()));
    for (const Customer& c : std::as_const(found))
        m_customersById.insert(c.id, c);
    // A later batch may find a customer again: keep each once.
    auto addOnce = [](QList<Customer>& list, const Customer& c) {
        if (std::none_of(list.cbegin(), list.cend(), [&](const Customer& known) { return known.id == c.id; }))
            list << c;
    };
    for (const Customer& c : repo.customersByEmails(QStringList(emails.cbegin(), emails.cend()))) {
        addOnce(m_customersByEmail[c.email.toLower()], c);
        found << c;
    }
    for (const Customer& c : repo.customersByPhoneDigits(QStringList(phones.cbegin(), phones.cend()))) {
        addOnce(m_customersByPhone[AssignRules::normalizePhone(c.phone)], c);
        found << c;
    }
    QSet<qint64> business;
    for (const Customer& c : std::as_const(found))
        if (c.type == CustomerType::Business && !m_sites.contains(c.id))
            business.insert(c.id);
    const QList<qint64> businessIds(business.cbegin(), business.cend());
    for (qint64 id : businessIds) {
        m_sites.insert(id, {});
        m_contacts.insert(id, {});
    }
    for (const Site& s : repo.sitesOf(businessIds))
        m_sites[s.customerId] << s;
    for (const Contact& c : repo.contactsOf(businessIds))
        m_contacts[c.customerId] << c;
    if (!itemKeys.isEmpty()) {
        for (const InventoryItem& item : InventoryRepository(m_db).byReferenceOrIdentifier(QStringList(itemKeys.cbegin(), itemKeys.cend()))) {
            m_itemsByKey[item.reference] << item;
            if (item.identifier != item.reference)
                m_itemsByKey[item.identifier] << item;
        }
    }
}

BulkRowValidator::CustomerMatch BulkRowValidator::findCustomer(const QString& key, int line) const
{
    if (key.isEmpty())
        return {std::nullopt, lineMessage(QT_TRANSLATE_NOOP("BulkImport", "Line %1: the customer is missing. Enter the customer ID, email or phone."), line)};
    QList<Customer> candidates;
    if (key.contains(QLatin1Char('@'))) {
        candidates = m_customersByEmail.value(key.toLower());
    } else {
        const QString idText = key.startsWith(QLatin1Char('#')) ? key.mid(1) : key;
        if (isDigits(idText) && m_customersById.contains(idText.toLongLong()))
            return {m_customersById.value(idText.toLongLong()), {}};
        if (!key.startsWith(QLatin1Char('#')))
            candidates = m_customersByPhone.value(AssignRules::normalizePhone(key));
    }
    if (candidates.size() == 1)
        return {candidates.first(), {}};
    if (candidates.size() > 1)
        return {std::nullopt, lineMessage(QT_TRANSLATE_NOOP("BulkImport", "Line %1: \"%2\" matches %3 customers. Use the customer ID instead."),
                                          line, {key, QString::number(candidates.size())})};
    return {std::nullopt, lineMessage(QT_TRANSLATE_NOOP("BulkImport", "Line %1: customer \"%2\" not found. Use the customer ID, email or phone of an existing customer."),
                                      line, {key})};
}

QList<CustomFieldDefinition> BulkRowValidator::fieldsFor(CustomerType type, const QString& slug) const
{
    QList<CustomFieldDefinition> result;
    for (const CustomFieldDefinition& f : m_fields)
        if (f.customerType == type && (f.productSlug.isEmpty() || f.productSlug == slug))
            result << f;
    return result;
}

BulkRowPlan BulkRowValidator::plan(const BulkRow& row, qint64 nowMs) const
{
    BulkRowPlan plan;
    plan.line = row.line;
    const int line = row.line;

    const CustomerMatch match = findCustomer(row.value(customerColumn), line);
    if (!match.problem.isEmpty())
        plan.problems << match.problem;

    const QString slug = row.value(productColumn);
    std::optional<Product> product;
    if (slug.isEmpty())
        plan.problems << lineMessage(QT_TRANSLATE_NOOP("BulkImport", "Line %1: the product is missing. Enter the product's slug, for example mobile-20gb."), line);
    else if (!m_productsBySlug.contains(slug.toLower()))
        plan.problems << lineMessage(QT_TRANSLATE_NOOP("BulkImport", "Line %1: there is no product \"%2\". Use a product slug from the catalog."),
                                     line, {slug});
    else
        product = m_productsBySlug.value(slug.toLower());
    if (product && product->category != ProductCategory::ServicePlan) {
        plan.problems << lineMessage(QT_TRANSLATE_NOOP("BulkImport", "Line %1: %2 is an add-on. A bulk assignment creates new services from service plans only."),
                                     line, {product->name});
        product.reset();
    }

    const QString autoRenewText = row.value(autoRenewColumn);
    const std::optional<bool> autoRenew = parseYesNo(autoRenewText);
    if (!autoRenewText.isEmpty() && !autoRenew)
        plan.problems << lineMessage(QT_TRANSLATE_NOOP("BulkImport", "Line %1: auto_renew must be yes or no (or true/false, 1/0), not \"%2\"."),
                                     line, {autoRenewText});

    // Inventory named in the row: it must exist, be of the right kind and be free.
    for (const QString& templateName : m_templates) {
        const QString key = row.value(templateName);
        if (key.isEmpty())
            continue;
        if (product && !product->inventoryItemsList.contains(templateName)) {
            plan.problems << lineMessage(QT_TRANSLATE_NOOP("BulkImport", "Line %1: %2 does not need a %3. Leave the column empty for this row."),
                                         line, {product->name, templateLabel(templateName)});
            continue;
        }
        const QList<InventoryItem> items = m_itemsByKey.value(key);
        const auto item = std::find_if(items.cbegin(), items.cend(), [&](const InventoryItem& i) { return i.templateName == templateName; });
        if (item == items.cend()) {
            plan.problems << lineMessage(QT_TRANSLATE_NOOP("BulkImport", "Line %1: there is no %2 \"%3\" in the inventory."),
                                         line, {templateLabel(templateName), key});
            continue;
        }
        if (!AssignRules::isPickable(*item, nowMs))
            plan.problems << lineMessage(QT_TRANSLATE_NOOP("BulkImport", "Line %1: %2 %3 is not available: it is assigned, reserved or out of service. Name a free item or leave the column empty."),
                                         line, {templateLabel(templateName), item->reference});
        else
            plan.request.items.insert(templateName, item->id);
    }

    if (!product)
        return plan;
    plan.request.productId = product->id;
    plan.request.autoRenew = autoRenew.value_or(AssignRules::defaultAutoRenew(*product));
    for (const QString& templateName : product->inventoryItemsList)
        if (!plan.request.items.contains(templateName) && row.value(templateName).isEmpty())
            plan.implicitTemplates << templateName;

    if (!match.customer)
        return plan;
    const Customer& customer = *match.customer;
    plan.request.customerId = customer.id;
    if (const auto problem = AssignRules::eligibilityProblem(*product, customer)) {
        plan.problems << *problem;
        return plan;
    }

    // Business details: names in the file, the customer's only site and first contacts when left empty.
    const QList<Site> sites = m_sites.value(customer.id);
    const QList<Contact> contacts = m_contacts.value(customer.id);
    BusinessDetails& business = plan.request.business;
    const QString siteName = row.value(siteColumn);
    bool unknownSite = false;
    bool unknownContact = false;
    if (!siteName.isEmpty()) {
        const auto site = std::find_if(sites.cbegin(), sites.cend(), [&](const Site& s) { return s.name.compare(siteName, Qt::CaseInsensitive) == 0; });
        unknownSite = site == sites.cend() && customer.type == CustomerType::Business;
        if (unknownSite)
            plan.problems << lineMessage(QT_TRANSLATE_NOOP("BulkImport", "Line %1: %2 has no site called \"%3\"."), line, {customer.name, siteName});
        else if (site == sites.cend())
            business.siteId = -1; // lets BusinessRules say that sites are for business customers
        else
            business.siteId = site->id;
    } else if (customer.type == CustomerType::Business && sites.size() == 1) {
        business.siteId = sites.first().id;
    }
    auto contactFor = [&](const QString& column, const QString& role) -> qint64 {
        const QString name = row.value(column);
        if (name.isEmpty())
            return customer.type == CustomerType::Business ? BusinessRules::defaultContact(contacts, role) : 0;
        const auto contact = std::find_if(contacts.cbegin(), contacts.cend(), [&](const Contact& c) {
            return c.name.compare(name, Qt::CaseInsensitive) == 0 || (!c.email.isEmpty() && c.email.compare(name, Qt::CaseInsensitive) == 0);
        });
        if (contact != contacts.cend())
            return contact->id;
        if (customer.type == CustomerType::Business) {
            unknownContact = true;
            plan.problems << lineMessage(QT_TRANSLATE_NOOP("BulkImport", "Line %1: %2 has no contact called \"%3\" (name or email)."),
                                         line, {customer.name, name});
            return 0;
        }
        return -1;
    };
    business.billingContactId = contactFor(billingColumn, QStringLiteral("billing"));
    business.technicalContactId = contactFor(technicalColumn, QStringLiteral("technical"));
    for (const QString& key : m_fieldKeys)
        if (!row.value(key).isEmpty())
            business.customFields.insert(key, row.value(key));
    const QList<UserMessage> businessProblems =
        BusinessRules::problems(customer, *product, sites, contacts, fieldsFor(customer.type, product->slug), business);
    // A site or contact name that is not found was reported above; BusinessRules would only ask to select one.
    for (const UserMessage& problem : businessProblems) {
        const QString& source = problem.source();
        const bool repeats = (unknownSite && source.startsWith(QLatin1String("Select the installation site"))) ||
                             (unknownContact && source.startsWith(QLatin1String("Select the")));
        if (!repeats)
            plan.problems << problem;
    }
    return plan;
}

} // namespace sb
