#include "Actor.h"

#include "store/Database.h"

#include <QCoreApplication>

namespace sb {

QString toCode(Role role)
{
    switch (role) {
    case Role::Staff:
        return QStringLiteral("staff");
    case Role::BillingClerk:
        return QStringLiteral("billing_clerk");
    case Role::Administrator:
        return QStringLiteral("administrator");
    }
    return QStringLiteral("staff");
}

bool fromCode(const QString& code, Role* out)
{
    for (Role role : {Role::Staff, Role::BillingClerk, Role::Administrator}) {
        if (toCode(role) == code) {
            *out = role;
            return true;
        }
    }
    return false;
}

QString displayName(Role role)
{
    switch (role) {
    case Role::Staff:
        return QCoreApplication::translate("Roles", "Store staff");
    case Role::BillingClerk:
        return QCoreApplication::translate("Roles", "Billing clerk");
    case Role::Administrator:
        return QCoreApplication::translate("Roles", "Administrator");
    }
    return toCode(role);
}

QStringList roleCodes()
{
    return {toCode(Role::Staff), toCode(Role::BillingClerk), toCode(Role::Administrator)};
}

Actor::Actor(QString login, Role role, QString displayName)
    : m_login(std::move(login)), m_displayName(std::move(displayName)), m_role(role)
{
}

bool Actor::roleAllows(Role role, Permission permission)
{
    if (role == Role::Administrator)
        return true;
    switch (permission) {
    case Permission::AssignPlan:
    case Permission::RetryProvisioning:
    case Permission::CancelService:
    case Permission::ManageCustomers:
        return role == Role::Staff;
    case Permission::AmendBundle:
        return role == Role::BillingClerk;
    case Permission::ManageUsers:
    case Permission::SeedDemoData:
    case Permission::ImportInventory:
        return false;
    }
    return false;
}

Status Actor::require(Permission permission) const
{
    if (!isValid())
        return Status(
            Error{UserMessage("Roles",
                              QT_TRANSLATE_NOOP(
                                  "Roles", "Nobody is signed in. Sign in with your staff login and password first.")),
                  QStringLiteral("no signed-in staff user")});
    if (can(permission))
        return Status::success();
    const QStringList args{sb::displayName(m_role)};
    const QString detail =
        QStringLiteral("%1 (%2) refused permission %3").arg(m_login, toCode(m_role)).arg(int(permission));
    switch (permission) {
    case Permission::AssignPlan:
        return Status(
            Error{UserMessage("Roles",
                              QT_TRANSLATE_NOOP("Roles",
                                                "Your role (%1) does not allow assigning plans. Ask an administrator."),
                              args),
                  detail});
    case Permission::RetryProvisioning:
        return Status(Error{
            UserMessage("Roles",
                        QT_TRANSLATE_NOOP("Roles",
                                          "Your role (%1) does not allow retrying provisioning. Ask an administrator."),
                        args),
            detail});
    case Permission::AmendBundle:
        return Status(
            Error{UserMessage("Roles",
                              QT_TRANSLATE_NOOP(
                                  "Roles", "Your role (%1) does not allow amending bundles. Ask an administrator."),
                              args),
                  detail});
    case Permission::ManageUsers:
        return Status(Error{
            UserMessage("Roles",
                        QT_TRANSLATE_NOOP(
                            "Roles", "Your role (%1) does not allow managing staff accounts. Ask an administrator."),
                        args),
            detail});
    case Permission::SeedDemoData:
        return Status(
            Error{UserMessage("Roles",
                              QT_TRANSLATE_NOOP(
                                  "Roles", "Your role (%1) does not allow loading demo data. Ask an administrator."),
                              args),
                  detail});
    case Permission::ImportInventory:
        return Status(Error{
            UserMessage("Roles",
                        QT_TRANSLATE_NOOP("Roles",
                                          "Your role (%1) does not allow importing inventory. Ask an administrator."),
                        args),
            detail});
    case Permission::CancelService:
        return Status(Error{
            UserMessage("Roles",
                        QT_TRANSLATE_NOOP("Roles",
                                          "Your role (%1) does not allow cancelling services. Ask an administrator."),
                        args),
            detail});
    case Permission::ManageCustomers:
        return Status(Error{
            UserMessage("Roles",
                        QT_TRANSLATE_NOOP("Roles",
                                          "Your role (%1) does not allow creating or changing customers. Ask an administrator."),
                        args),
            detail});
    }
    return Status(Error{
        UserMessage("Roles",
                    QT_TRANSLATE_NOOP("Roles", "Your role (%1) does not allow this action. Ask an administrator."),
                    args),
        detail});
}

void Actor::enforce(Permission permission) const
{
    if (Status allowed = require(permission); !allowed)
        throw StoreException(allowed.error);
}

} // namespace sb
