#pragma once

#include "domain/UserMessage.h"

#include <QString>

namespace sb {

// What a staff user may be. Stored in staff_users.role by its code.
enum class Role { Staff, BillingClerk, Administrator };

// What the writing workflows ask before they change anything.
enum class Permission {
    AssignPlan,        // staff, administrator
    RetryProvisioning, // staff, administrator
    AmendBundle,       // billing clerk, administrator
    ManageUsers,       // administrator: add accounts, set anybody's password
    SeedDemoData,      // administrator
    ImportInventory,   // administrator: SIM batch files
    CancelService,     // staff, administrator
    ManageCustomers,   // staff, administrator: create customers, add their sites and contacts
};

QString toCode(Role role); // "staff", "billing_clerk", "administrator"
bool fromCode(const QString& code, Role* out);
QString displayName(Role role); // in the current language
QStringList roleCodes();

// The signed-in staff user on whose behalf a workflow writes: who (for the audit log) and what they may do.
// A default-constructed Actor is nobody and may do nothing.
class Actor
{
public:
    Actor() = default;
    Actor(QString login, Role role, QString displayName = {});

    bool isValid() const { return !m_login.isEmpty(); }
    const QString& login() const { return m_login; }
    Role role() const { return m_role; }
    QString displayName() const { return m_displayName.isEmpty() ? m_login : m_displayName; }

    static bool roleAllows(Role role, Permission permission);
    bool can(Permission permission) const { return isValid() && roleAllows(m_role, permission); }
    // Success, or the refusal the user reads ("Your role (Store staff) does not allow …").
    Status require(Permission permission) const;
    // Throws StoreException with that refusal; for use inside guarded() workflow bodies.
    void enforce(Permission permission) const;

    bool operator==(const Actor& other) const { return m_login == other.m_login && m_role == other.m_role; }

private:
    QString m_login;
    QString m_displayName;
    Role m_role = Role::Staff;
};

} // namespace sb
