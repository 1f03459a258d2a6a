#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace sb {

// A sentence for a person, kept untranslated (context + source + arguments) so that it can be stored,
// sent between threads, and shown later in whatever language the user has chosen by then.
class UserMessage
{
public:
    UserMessage() = default;
    UserMessage(const char* context, const char* source, QStringList args = {});

    bool isEmpty() const { return m_source.isEmpty(); }
    QString text() const;        // translated into the current language
    QString englishText() const; // for logs
    const QString& source() const { return m_source; }
    const QString& context() const { return m_context; }
    const QStringList& args() const { return m_args; }

    QJsonObject toJson() const;
    static UserMessage fromJson(const QJsonObject& json);
    QString toJsonString() const;
    static UserMessage fromJsonString(const QString& text);

    bool operator==(const UserMessage& other) const;

private:
    QString m_context;
    QString m_source;
    QStringList m_args;
};

// A failure: what the user reads, plus the technical detail that goes to the log.
struct Error
{
    UserMessage message;
    QString detail;

    QString text() const { return message.text(); }
};

template <typename T>
class Result
{
public:
    Result(T value) : m_value(std::move(value)), m_ok(true) {}
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const T& value() const { return m_value; }
    T& value() { return m_value; }
    const T& operator*() const { return m_value; }
    const T* operator->() const { return &m_value; }
    const Error& error() const { return m_error; }

private:
    T m_value{};
    Error m_error;
    bool m_ok = false;
};

// For operations that return nothing but may fail.
struct Status
{
    Status() = default;
    Status(Error e) : error(std::move(e)), failed(true) {}
    static Status success() { return {}; }

    bool ok() const { return !failed; }
    explicit operator bool() const { return !failed; }

    Error error;
    bool failed = false;
};

} // namespace sb
