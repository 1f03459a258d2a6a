#include "StaffWorkflow.h"

#include "security/PasswordHasher.h"
#include "store/AuditRepository.h"
#include "store/StaffRepository.h"

#include <QRegularExpression>

namespace sb {
namespace {

[[noreturn]] void reject(const UserMessage& message, const QString& detail = {})
{
    throw StoreException(Error{message, detail});
}

Error wrongCredentials(const QString& login)
{
    return Error{UserMessage("Staff", QT_TRANSLATE_NOOP(
                                          "Staff", "The login or password is not correct. Check both and try again.")),
                 QStringLiteral("sign-in refused for %1").arg(login)};
}

void checkPassword(const QString& password)
{
    if (password.size() < StaffWorkflow::MinimumPasswordLength)
        reject(UserMessage(
            "Staff", QT_TRANSLATE_NOOP("Staff", "The password must have at least %1 characters. Choose a longer one."),
            {QString::number(StaffWorkflow::MinimumPasswordLength)}));
}

QString hashOrThrow(const QString& password)
{
    const QString encoded = PasswordHasher().hash(password);
    if (encoded.isEmpty())
        reject(
            UserMessage(
                "Staff",
                QT_TRANSLATE_NOOP(
                    "Staff",
                    "The password could not be protected (the system's random number generator failed). Try again.")),
            QStringLiteral("PBKDF2 or RAND_bytes failed"));
    return encoded;
}

Actor actorFrom(const StaffUser& user)
{
    return Actor(user.login, enumFromCode(user.role, Role::Staff), user.displayName);
}

} // namespace

bool StaffWorkflow::isValidLogin(const QString& login)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._@-]{1,64}$"));
    return pattern.match(login).hasMatch();
}

Result<Actor> StaffWorkflow::authenticate(const QString& login, const QString& password)
{
    return guarded([&] {
        StaffRepository staff(m_db);
        const auto user = staff.byLogin(login);
        const QString encoded = user ? staff.passwordHash(login) : QString();
        if (encoded.isEmpty()) {
            PasswordHasher::spendVerifyTime(password);
            throw StoreException(wrongCredentials(login));
        }
        if (!PasswordHasher::verify(password, encoded))
            throw StoreException(wrongCredentials(login));
        return actorFrom(*user);
    });
}

Result<Actor> StaffWorkflow::signInLocalUser(const QString& login)
{
    return guarded([&] {
        if (!m_db.url().isSqlite())
            reject(UserMessage("Staff",
                               QT_TRANSLATE_NOOP("Staff", "%1 cannot be signed in automatically on a shared PostgreSQL database. Sign in with your staff login and password."),
                               {login}));
        Transaction tx(m_db);
        const StaffUser user = AuditRepository(m_db).ensureUser(login, login, toCode(Role::Administrator));
        tx.commit();
        return actorFrom(user);
    });
}

bool StaffWorkflow::exists(const QString& login)
{
    const auto found = guarded([&] { return StaffRepository(m_db).byLogin(login).has_value(); });
    return found.ok() && *found;
}

bool StaffWorkflow::needsFirstAdministrator()
{
    const auto has = guarded([&] { return StaffRepository(m_db).hasAdministratorWithPassword(); });
    return has.ok() && !*has;
}

Result<StaffUser> StaffWorkflow::addUser(const Actor& actor, const QString& login, const QString& displayName,
                                         Role role, const QString& password)
{
    return guarded([&] {
        StaffRepository staff(m_db);
        // Checked before hashing (which takes a moment) and again inside the transaction.
        auto checkAllowed = [&] {
            const bool first = !actor.isValid() && role == Role::Administrator && !staff.hasAdministratorWithPassword();
            if (!first)
                actor.enforce(Permission::ManageUsers);
            return first;
        };
        checkAllowed();
        if (!isValidLogin(login))
            reject(UserMessage(
                "Staff",
                QT_TRANSLATE_NOOP(
                    "Staff",
                    "\"%1\" is not a valid login. Use 1 to 64 letters, digits, dots, hyphens, underscores or @."),
                {login}));
        checkPassword(password);
        const QString encoded = hashOrThrow(password);

        Transaction tx(m_db);
        const bool firstAdministrator = checkAllowed();
        if (staff.byLogin(login))
            reject(UserMessage("Staff",
                               QT_TRANSLATE_NOOP("Staff", "There is already a staff account called %1. Choose another login, or change its password instead."),
                               {login}));
        StaffUser user;
        user.login = login;
        user.displayName = displayName.trimmed().isEmpty() ? login : displayName.trimmed();
        user.role = toCode(role);
        user.id = staff.insert(user, encoded);
        AuditRepository(m_db).record(
            firstAdministrator ? login : actor.login(), QStringLiteral("user_add"), QStringLiteral("staff_user"),
            user.id,
            QStringLiteral("login=%1 role=%2%3")
                .arg(login, user.role, firstAdministrator ? QStringLiteral(" first_administrator") : QString()));
        tx.commit();
        return user;
    });
}

Status StaffWorkflow::changePassword(const Actor& actor, const QString& login, const QString& newPassword)
{
    return guardedStatus([&] {
        const bool own = actor.isValid() && actor.login() == login;
        if (!own)
            actor.enforce(Permission::ManageUsers);
        StaffRepository staff(m_db);
        auto requireUser = [&] {
            const auto user = staff.byLogin(login);
            if (!user)
                reject(UserMessage(
                    "Staff",
                    QT_TRANSLATE_NOOP(
                        "Staff", "There is no staff account called %1. Check the login in the list of staff accounts."),
                    {login}));
            return *user;
        };
        requireUser();
        checkPassword(newPassword);
        const QString encoded = hashOrThrow(newPassword);

        Transaction tx(m_db);
        const StaffUser user = requireUser();
        staff.setPasswordHash(login, encoded);
        AuditRepository(m_db).record(actor.login(), QStringLiteral("user_passwd"), QStringLiteral("staff_user"),
                                     user.id, QStringLiteral("login=%1").arg(login));
        tx.commit();
    });
}

Result<QList<StaffUser>> StaffWorkflow::users(const Actor& actor)
{
    return guarded([&] {
        if (!actor.isValid())
            actor.enforce(Permission::ManageUsers); // the "nobody is signed in" refusal
        return StaffRepository(m_db).list();
    });
}

} // namespace sb
