#include "UserMessage.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace sb {

UserMessage::UserMessage(const char* context, const char* source, QStringList args)
    : m_context(QString::fromLatin1(context)), m_source(QString::fromUtf8(source)), m_args(std::move(args))
{
}

// One pass over %1..%9, so that an argument containing "%2" (a URL, say) is never substituted again.
static QString substitute(const QString& text, const QStringList& args)
{
    QString result;
    result.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('%') && i + 1 < text.size() && text.at(i + 1).isDigit()) {
            const int index = text.at(i + 1).digitValue() - 1;
            if (index >= 0 && index < args.size()) {
                result += args.at(index);
                ++i;
                continue;
            }
        }
        result += c;
    }
    return result;
}

QString UserMessage::text() const
{
    if (m_source.isEmpty())
        return {};
    const QByteArray context = m_context.toLatin1();
    const QByteArray source = m_source.toUtf8();
    return substitute(QCoreApplication::translate(context.constData(), source.constData()), m_args);
}

QString UserMessage::englishText() const
{
    return substitute(m_source, m_args);
}

QJsonObject UserMessage::toJson() const
{
    return {{QStringLiteral("context"), m_context},
            {QStringLiteral("source"), m_source},
            {QStringLiteral("args"), QJsonArray::fromStringList(m_args)}};
}

UserMessage UserMessage::fromJson(const QJsonObject& json)
{
    UserMessage message;
    message.m_context = json.value(QStringLiteral("context")).toString();
    message.m_source = json.value(QStringLiteral("source")).toString();
    for (const QJsonValue& arg : json.value(QStringLiteral("args")).toArray())
        message.m_args << arg.toString();
    return message;
}

QString UserMessage::toJsonString() const
{
    if (isEmpty())
        return {};
    return QString::fromUtf8(QJsonDocument(toJson()).toJson(QJsonDocument::Compact));
}

UserMessage UserMessage::fromJsonString(const QString& text)
{
    if (text.isEmpty())
        return {};
    return fromJson(QJsonDocument::fromJson(text.toUtf8()).object());
}

bool UserMessage::operator==(const UserMessage& other) const
{
    return m_context == other.m_context && m_source == other.m_source && m_args == other.m_args;
}

} // namespace sb
