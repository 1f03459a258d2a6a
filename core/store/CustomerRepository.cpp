#include "CustomerRepository.h"

#include "CustomerSearchIndex.h"
#include "domain/AssignRules.h"

#include <QRegularExpression>

#include <algorithm>

namespace sb {
QString CustomerRepository::selectColumns()
{
    return QStringLiteral("id, type, name, email, phone, status, language, payment_method, payment_method_valid_until_ms");
}

Customer CustomerRepository::fromRow(const Sql& q)
{
    Customer c;
    c.id = q.value(0).toLongLong();
    c.type = enumFromCode(q.value(1).toString(), CustomerType::Individual);
    c.name = q.value(2).toString();
    c.email = q.value(3).toString();
    c.phone = q.value(4).toString();
    c.status = q.value(5).toString();
    c.language = q.value(6).toString();
    c.paymentMethod = q.value(7).toString();
    c.paymentMethodValidUntilMs = q.value(8).toLongLong();
    return c;
}

QString CustomerRepository::reversedDigits(const QString& phone)
{
    QString digits = AssignRules::normalizePhone(phone);
    std::reverse(digits.begin(), digits.end());
    return digits;
}

QList<Customer> CustomerRepository::search(const QString& text, int limit)
{
    const QString term = text.trimmed();
    QList<Customer> result;
    if (term.isEmpty())
        return result;
    auto add = [&](const QList<Customer>& found) {
        for (const Customer& c : found) {
            if (result.size() >= limit)
                return;
            if (std::none_of(result.cbegin(), result.cend(), [&](const Customer& r) { return r.id == c.id; }))
                result << c;
        }
    };

    // An exact customer ID first, then index-friendly prefix matches on name, email and phone digits
    // (from the start, or from the end so that a number typed without its country code matches).
    const QString idTerm = term.startsWith(QLatin1Char('#')) ? term.mid(1) : term;
    bool isNumber = false;
    const qint64 id = idTerm.toLongLong(&isNumber);
    if (isNumber)
        add(fetch(QStringLiteral("SELECT %1 FROM customers WHERE id = :id").arg(selectColumns()),
                  {{QStringLiteral(":id"), id}}));
    const QString lower = term.toLower();
    add(prefixMatches(QStringLiteral("name_lc"), lower, limit));
    if (result.size() < limit)
        add(prefixMatches(QStringLiteral("email_lc"), lower, limit));
    static const QRegularExpression lettersOrAt(QStringLiteral("[\\p{L}@]"));
    const QString digits = AssignRules::normalizePhone(term);
    if (digits.size() >= 3 && !term.contains(lettersOrAt) && result.size() < limit) {
        add(prefixMatches(QStringLiteral("phone_digits"), digits, limit));
        if (result.size() < limit) {
            QString reversed = digits;
            std::reverse(reversed.begin(), reversed.end());
            add(prefixMatches(QStringLiteral("phone_rev"), reversed, limit));
        }
    }
    // Anywhere inside the name or the email ("Enterprises", "silva@"): the trigram index, when the
    // prefix lookups left room. Asks for `limit` so that rows already found cannot crowd out new ones.
    if (result.size() < limit && lower.size() >= CustomerSearchIndex::minimumLength) {
        const SqlDialect& dialect = m_db.dialect();
        const QString pattern = CustomerSearchIndex::containsParameter(dialect, lower);
        add(fetch(CustomerSearchIndex::containsQuery(dialect, selectColumns()),
                  {{QStringLiteral(":pattern"), pattern}, {QStringLiteral(":limit"), limit}}));
    }
    return result;
}

QList<Customer> CustomerRepository::fetch(const QString& sql, const QList<QPair<QString, QVariant>>& bindings)
{
    Sql q(m_db, sql);
    for (const auto& [name, value] : bindings)
        q.bind(name, value);
    if (m_trace)
        *m_trace << inlined(sql, bindings);
    q.exec();
    QList<Customer> found;
    while (q.next())
        found << fromRow(q);
    return found;
}

QString CustomerRepository::inlined(QString sql, const QList<QPair<QString, QVariant>>& bindings)
{
    // Longest names first, so that :pattern does not replace the start of a longer placeholder.
    QList<QPair<QString, QVariant>> sorted = bindings;
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    for (const auto& [name, value] : sorted) {
        const QString literal = value.typeId() == QMetaType::QString
                                    ? QLatin1Char('\'') + value.toString().replace(QLatin1Char('\''), QLatin1String("''")) +
                                          QLatin1Char('\'')
                                    : value.toString();
        sql.replace(name, literal);
    }
    return sql;
}

QList<Customer> CustomerRepository::prefixMatches(const QString& column, const QString& prefix, int limit)
{
    // A range instead of LIKE so that both engines use the column's index.
    return fetch(QStringLiteral("SELECT %1 FROM customers WHERE %2 >= :from AND %2 < :to ORDER BY %2, id LIMIT :limit")
                     .arg(selectColumns(), column),
                 {{QStringLiteral(":from"), prefix},
                  {QStringLiteral(":to"), prefix + QChar(0xFFFF)},
                  {QStringLiteral(":limit"), limit}});
}

std::optional<Customer> CustomerRepository::byId(qint64 id)
{
    Sql q(m_db, QStringLiteral("SELECT %1 FROM customers WHERE id = :id").arg(selectColumns()));
    q.bind(QStringLiteral(":id"), id).exec();
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

std::optional<Customer> CustomerRepository::byEmail(const QString& email)
{
    Sql q(m_db, QStringLiteral("SELECT %1 FROM customers WHERE email_lc = :e ORDER BY id LIMIT 1").arg(selectColumns()));
    q.bind(QStringLiteral(":e"), email.trimmed().toLower()).exec();
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

QList<Site> CustomerRepository::sites(qint64 customerId)
{
    Sql q(m_db, QStringLiteral("SELECT id, customer_id, name, address FROM customer_sites WHERE customer_id = :c ORDER BY id"));
    q.bind(QStringLiteral(":c"), customerId).exec();
    QList<Site> result;
    while (q.next())
        result << Site{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toString()};
    return result;
}

QList<Contact> CustomerRepository::contacts(qint64 customerId)
{
    Sql q(m_db, QStringLiteral("SELECT id, customer_id, role, name, email, phone FROM customer_contacts"
                               " WHERE customer_id = :c ORDER BY id"));
    q.bind(QStringLiteral(":c"), customerId).exec();
    QList<Contact> result;
    while (q.next())
        result << Contact{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                          q.value(3).toString(), q.value(4).toString(), q.value(5).toString()};
    return result;
}

qint64 CustomerRepository::count()
{
    Sql q(m_db, QStringLiteral("SELECT COUNT(*) FROM customers"));
    q.exec();
    return q.next() ? q.value(0).toLongLong() : 0;
}

qint64 CustomerRepository::insert(const Customer& c)
{
    Sql q(m_db, QStringLiteral("INSERT INTO customers (type, name, name_lc, email, email_lc, phone, phone_digits,"
                               " phone_rev, status, language, payment_method, payment_method_valid_until_ms, created_ms) VALUES (:type,"
                               " :name, :name_lc, :email, :email_lc, :phone, :digits, :rev, :status, :language, :payment,"
                               " :valid_until, :created) RETURNING id"));
    q.bind(QStringLiteral(":type"), toCode(c.type))
        .bind(QStringLiteral(":name"), c.name)
        .bind(QStringLiteral(":name_lc"), c.name.toLower())
        .bind(QStringLiteral(":email"), c.email)
        .bind(QStringLiteral(":email_lc"), c.email.toLower())
        .bind(QStringLiteral(":phone"), c.phone)
        .bind(QStringLiteral(":digits"), AssignRules::normalizePhone(c.phone))
        .bind(QStringLiteral(":rev"), reversedDigits(c.phone))
        .bind(QStringLiteral(":status"), c.status)
        .bind(QStringLiteral(":language"), c.language)
        .bind(QStringLiteral(":payment"), c.paymentMethod.isEmpty() ? QVariant() : QVariant(c.paymentMethod))
        .bind(QStringLiteral(":valid_until"),
              c.paymentMethodValidUntilMs ? QVariant(c.paymentMethodValidUntilMs) : QVariant())
        .bind(QStringLiteral(":created"), Database::nowMs())
        .exec();
    return q.returnedId();
}

qint64 CustomerRepository::insertSite(const Site& s)
{
    Sql q(m_db, QStringLiteral("INSERT INTO customer_sites (customer_id, name, address) VALUES (:c, :n, :a) RETURNING id"));
    q.bind(QStringLiteral(":c"), s.customerId).bind(QStringLiteral(":n"), s.name).bind(QStringLiteral(":a"), s.address).exec();
    return q.returnedId();
}

qint64 CustomerRepository::insertContact(const Contact& c)
{
    Sql q(m_db, QStringLiteral("INSERT INTO customer_contacts (customer_id, role, name, email, phone)"
                               " VALUES (:c, :r, :n, :e, :p) RETURNING id"));
    q.bind(QStringLiteral(":c"), c.customerId)
        .bind(QStringLiteral(":r"), c.role)
        .bind(QStringLiteral(":n"), c.name)
        .bind(QStringLiteral(":e"), c.email)
        .bind(QStringLiteral(":p"), c.phone)
        .exec();
    return q.returnedId();
}

} // namespace sb
