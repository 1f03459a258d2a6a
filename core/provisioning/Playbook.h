#pragma once

#include "domain/Entities.h"
#include "domain/UserMessage.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace sb {

// A JSON playbook (resources/playbooks/NAME.json or a directory from settings): variables in, tasks out.
//   {"name": "...", "tasks": [{"label": "Assigning SIM Card (ICCID: %1)", "label_args": ["{{inventory.sim_card.identifier}}"],
//     "action": "inventory.assign", "params": {...}, "timeout_ms": 30000, "when": "inventory.sim_card",
//     "rescue": {"action": "...", "params": {...}}}]}
class Playbook
{
public:
    static QStringList searchDirectories(); // settings directory (if any) first, then the built-in ones
    static void setExtraDirectory(const QString& directory);
    static Result<Playbook> load(const QString& name);
    static Result<Playbook> fromJson(const QString& name, const QByteArray& json);

    const QString& name() const { return m_name; }
    // Renders the tasks against the job's variables. Tasks whose "when" path is missing are left out.
    Result<QList<ProvisioningTask>> instantiate(const QJsonObject& variables) const;

private:
    QString m_name;
    QJsonArray m_tasks;
};

// "{{a.b.c}}" lookups in a JSON object. A string that is exactly one placeholder keeps the value's type.
namespace TemplateRenderer {
QJsonValue lookup(const QJsonObject& variables, const QString& path);
QJsonValue render(const QJsonValue& value, const QJsonObject& variables, QStringList* missing);
} // namespace TemplateRenderer

} // namespace sb
