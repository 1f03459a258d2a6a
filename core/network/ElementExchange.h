#pragma once

#include "ElementEndpoint.h"
#include "HttpJsonClient.h"
#include "domain/UserMessage.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace sb {

// What the three element clients share: build URLs under the endpoint, send one request, write the
// "View Logs" lines (secrets masked) and turn failures that are not protocol-specific into Errors.
class ElementExchange
{
public:
    struct Reply
    {
        int httpStatus = 0;
        QByteArray body;
        QJsonDocument json; // null when the body is not JSON
    };

    explicit ElementExchange(ElementEndpoint endpoint);

    const ElementEndpoint& endpoint() const { return m_endpoint; }
    QString element() const { return m_endpoint.element; }
    QString address() const;                // the endpoint URL as shown to people (no user info)
    QUrl urlFor(const QString& path) const; // path appended to the endpoint URL's path

    // Fails only when the element could not be reached or did not answer; any HTTP status is a Reply.
    Result<Reply> send(const QByteArray& verb, const QUrl& url, const QJsonDocument* body, QString* log,
                       const HttpJsonClient::Headers& headers = {});

    // Generic sentences for an answer the caller does not understand better.
    Error httpError(const Reply& reply, const QString& what) const;
    Error malformedReply(const Reply& reply, const QString& what) const;
    // The technical line for Error::detail: "<what> at <address>: HTTP <status> <body>".
    QString replyDetail(const Reply& reply, const QString& what) const;

    // A JSON body for the log: compact, with values of secret-looking fields replaced by "***".
    static QString maskedForLog(const QByteArray& body);
    static bool isSecretField(const QString& name);

private:
    Error transportError(const HttpJsonClient::Response& response, const QString& what) const;
    std::optional<Error> tlsError(const HttpJsonClient::Response& response, const QString& detail) const;

    ElementEndpoint m_endpoint;
    HttpJsonClient m_http;
    std::optional<Error> m_tlsSetupError; // a CA bundle or client certificate that could not be read
};

} // namespace sb
