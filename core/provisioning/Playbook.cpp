#include "Playbook.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace sb {
namespace {

QString& extraDirectory()
{
    static QString directory;
    return directory;
}

const QRegularExpression& placeholder()
{
    static const QRegularExpression re(QStringLiteral("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*\\}\\}"));
    return re;
}

QString scalarText(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (d == static_cast<double>(static_cast<qint64>(d)))
            return QString::number(static_cast<qint64>(d));
        return QString::number(d);
    }
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

} // namespace

QJsonValue TemplateRenderer::lookup(const QJsonObject& variables, const QString& path)
{
    QJsonValue current = variables;
    for (const QString& part : path.split(QLatin1Char('.'))) {
        if (!current.isObject())
            return QJsonValue::Undefined;
        const QJsonObject object = current.toObject();
        if (!object.contains(part))
            return QJsonValue::Undefined;
        current = object.value(part);
    }
    return current;
}

QJsonValue TemplateRenderer::render(const QJsonValue& value, const QJsonObject& variables, QStringList* missing)
{
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it)
            out.insert(it.key(), render(it.value(), variables, missing));
        return out;
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue& element : value.toArray())
            out.append(render(element, variables, missing));
        return out;
    }
    if (!value.isString())
        return value;
    const QString text = value.toString();
    const QRegularExpressionMatch whole = placeholder().match(text);
    if (whole.hasMatch() && whole.capturedStart() == 0 && whole.capturedLength() == text.size()) {
        const QJsonValue found = lookup(variables, whole.captured(1));
        if (found.isUndefined() && missing)
            *missing << whole.captured(1);
        return found.isUndefined() ? QJsonValue(QString()) : found;
    }
    QString result;
    qsizetype last = 0;
    auto it = placeholder().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        result += text.mid(last, m.capturedStart() - last);
        const QJsonValue found = lookup(variables, m.captured(1));
        if (found.isUndefined() && missing)
            *missing << m.captured(1);
        result += scalarText(found);
        last = m.capturedEnd();
    }
    result += text.mid(last);
    return result;
}

QStringList Playbook::searchDirectories()
{
    QStringList directories;
    if (!extraDirectory().isEmpty())
        directories << extraDirectory();
    directories << QStringLiteral(":/playbooks");
    return directories;
}

void Playbook::setExtraDirectory(const QString& directory)
{
    extraDirectory() = directory;
}

Result<Playbook> Playbook::load(const QString& name)
{
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9_-]+$"));
    if (!validName.match(name).hasMatch())
        return Error{UserMessage("Playbook", QT_TRANSLATE_NOOP("Playbook", "The playbook name \"%1\" is not valid. Check the product's provisioning play."),
                                 {name}),
                     {}};
    for (const QString& directory : searchDirectories()) {
        QFile file(directory + QLatin1Char('/') + name + QStringLiteral(".json"));
        if (file.open(QIODevice::ReadOnly))
            return fromJson(name, file.readAll());
    }
    return Error{UserMessage("Playbook",
                             QT_TRANSLATE_NOOP("Playbook", "The playbook \"%1\" was not found. Check the product's provisioning play and the playbook directory in Settings."),
                             {name}),
                 searchDirectories().join(QLatin1Char(','))};
}

Result<Playbook> Playbook::fromJson(const QString& name, const QByteArray& json)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    const QJsonArray tasks = document.object().value(QStringLiteral("tasks")).toArray();
    if (parseError.error != QJsonParseError::NoError || tasks.isEmpty())
        return Error{UserMessage("Playbook", QT_TRANSLATE_NOOP("Playbook", "The playbook \"%1\" is not valid JSON with a list of tasks. Correct the file."),
                                 {name}),
                     parseError.errorString()};
    for (const QJsonValue& task : tasks) {
        const QJsonObject object = task.toObject();
        if (object.value(QStringLiteral("label")).toString().isEmpty() ||
            object.value(QStringLiteral("action")).toString().isEmpty())
            return Error{UserMessage("Playbook",
                                     QT_TRANSLATE_NOOP("Playbook", "A task of the playbook \"%1\" has no label or no action. Correct the file."),
                                     {name}),
                         {}};
    }
    Playbook playbook;
    playbook.m_name = name;
    playbook.m_tasks = tasks;
    return playbook;
}

Result<QList<ProvisioningTask>> Playbook::instantiate(const QJsonObject& variables) const
{
    QList<ProvisioningTask> result;
    for (const QJsonValue& value : m_tasks) {
        const QJsonObject spec = value.toObject();
        const QString when = spec.value(QStringLiteral("when")).toString();
        if (!when.isEmpty() && TemplateRenderer::lookup(variables, when).isUndefined())
            continue;
        QStringList missing;
        ProvisioningTask task;
        task.ordinal = result.size() + 1;
        task.label = spec.value(QStringLiteral("label")).toString();
        for (const QJsonValue& arg : spec.value(QStringLiteral("label_args")).toArray())
            task.labelArgs << scalarText(TemplateRenderer::render(arg, variables, &missing));
        task.action = spec.value(QStringLiteral("action")).toString();
        task.params = TemplateRenderer::render(spec.value(QStringLiteral("params")).toObject(), variables, &missing).toObject();
        const QJsonObject rescue = spec.value(QStringLiteral("rescue")).toObject();
        if (!rescue.isEmpty())
            task.rescue = TemplateRenderer::render(rescue, variables, &missing).toObject();
        task.timeoutMs = spec.value(QStringLiteral("timeout_ms")).toInt(60000);
        if (!missing.isEmpty())
            return Error{UserMessage("Playbook",
                                     QT_TRANSLATE_NOOP("Playbook", "The playbook \"%1\" needs values the order does not have (%2). Check the product's inventory items and provisioning variables."),
                                     {m_name, missing.join(QStringLiteral(", "))}),
                         {}};
        result << task;
    }
    return result;
}

} // namespace sb
