#include "CustomerRepository.h"

#include "domain/AssignRules.h"

#include <QRegularExpression>

namespace sb {
namespace {

const QString customerColumns = QStringLiteral("id, type, name, email, phone, status, language");

Customer customerFrom(const Sql& q)
{
    Customer c;
    c.id = q.value(0).toLongLong();
    c.type = enumFromCode(q.value(1).toString(), CustomerType::Individual);
    c.name = q.value(2).toString();
    c.email = q.value(3).toString();
    c.phone = q.value(4).toString();
    c.status = q.value(5).toString();
    c.language = q.value(6).toString();
    return c;
}

QString escapeLike(QString text)
{
    text.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    text.replace(QLatin1Char('%'), QLatin1String("\\%"));
    text.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return text;
}

} // namespace

QList<Customer> CustomerRepository::search(const QString& text, int limit)
{
    const QString term = text.trimmed();
    QList<Customer> result;
    if (term.isEmpty())
        return result;

    // An exact customer ID comes first, then prefix matches on name words, email and phone digits.
    QString idTerm = term;
    if (idTerm.startsWith(QLatin1Char('#')))
        idTerm = idTerm.mid(1);
    bool isNumber = false;
    const qint64 id = idTerm.toLongLong(&isNumber);
    if (isNumber) {
        if (const auto exact = byId(id))
            result << *exact;
    }

    const QString lower = escapeLike(term.toLower());
    const QString digits = AssignRules::normalizePhone(term);
    QString sql = QStringLiteral("SELECT %1 FROM customers WHERE (name_lc LIKE :prefix ESCAPE '\\'"
                                 " OR name_lc LIKE :word ESCAPE '\\' OR email_lc LIKE :prefix ESCAPE '\\'")
                      .arg(customerColumns);
    // Only search phones when the text is mostly a phone number, so that "John" does not match every phone.
    static const QRegularExpression lettersOrAt(QStringLiteral("[\\p{L}@]"));
    const bool looksLikePhone = digits.size() >= 3 && !term.contains(lettersOrAt);
    if (looksLikePhone)
        sql += QStringLiteral(" OR phone_digits LIKE :digits");
    sql += QStringLiteral(") ORDER BY name_lc, id LIMIT :limit");
    Sql q(m_db, sql);
    q.bind(QStringLiteral(":prefix"), lower + QLatin1Char('%'));
    q.bind(QStringLiteral(":word"), QStringLiteral("% ") + lower + QLatin1Char('%'));
    if (looksLikePhone)
        q.bind(QStringLiteral(":digits"), QLatin1Char('%') + digits + QLatin1Char('%'));
    q.bind(QStringLiteral(":limit"), limit);
    q.exec();
    while (q.next() && result.size() < limit) {
        const Customer c = customerFrom(q);
        if (result.isEmpty() || result.first().id != c.id)
            result << c;
    }
    return result;
}

std::optional<Customer> CustomerRepository::byId(qint64 id)
{
    Sql q(m_db, QStringLiteral("SELECT %1 FROM customers WHERE id = :id").arg(customerColumns));
    q.bind(QStringLiteral(":id"), id).exec();
    if (!q.next())
        return std::nullopt;
    return customerFrom(q);
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
    Sql q(m_db, QStringLiteral("INSERT INTO customers (type, name, name_lc, email, email_lc, phone, phone_digits, status,"
                               " language, payment_method, created_ms) VALUES (:type, :name, :name_lc, :email,"
                               " :email_lc, :phone, :digits, :status, :language, :payment, :created) RETURNING id"));
    q.bind(QStringLiteral(":type"), toCode(c.type))
        .bind(QStringLiteral(":name"), c.name)
        .bind(QStringLiteral(":name_lc"), c.name.toLower())
        .bind(QStringLiteral(":email"), c.email)
        .bind(QStringLiteral(":email_lc"), c.email.toLower())
        .bind(QStringLiteral(":phone"), c.phone)
        .bind(QStringLiteral(":digits"), AssignRules::normalizePhone(c.phone))
        .bind(QStringLiteral(":status"), c.status)
        .bind(QStringLiteral(":language"), c.language)
        .bind(QStringLiteral(":payment"), QStringLiteral("card"))
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
