#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QSslConfiguration>
#include <QSslError>
#include <QString>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace sb {

// Synchronous HTTP with JSON bodies, for worker threads only (it spins a local event loop, so it must never be
// used on the GUI thread). Works in any QThread, with or without a running event loop. The network access manager
// is created on first use, in the calling thread; a call from another thread uses a temporary one.
class HttpJsonClient
{
public:
    struct Response
    {
        enum class Failure { None, Refused, Timeout, Tls, Dropped, Other };

        Failure failure = Failure::None; // None: the server answered (httpStatus says how)
        int httpStatus = 0;
        QByteArray body;
        QString errorText; // Qt's technical description when failure != None
        QList<QSslError> sslErrors; // why the server's certificate was refused, when failure == Tls
        qint64 elapsedMs = 0;

        bool answered() const { return failure == Failure::None; }
    };
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit HttpJsonClient(int timeoutMs = 10000);
    ~HttpJsonClient();
    HttpJsonClient(HttpJsonClient&&) noexcept;
    HttpJsonClient& operator=(HttpJsonClient&&) noexcept;

    int timeoutMs() const { return m_timeoutMs; }
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }
    // Used for https URLs (CA bundle, client certificate, peer verification); Qt's default when never set.
    void setSslConfiguration(const QSslConfiguration& configuration);

    Response send(const QByteArray& verb, const QUrl& url, const QJsonDocument* body, const Headers& headers = {});

    static QString failureName(Response::Failure failure);

private:
    struct ManagerDeleter
    {
        void operator()(QNetworkAccessManager* manager) const;
    };

    int m_timeoutMs;
    QSslConfiguration m_sslConfiguration;
    bool m_hasSslConfiguration = false;
    std::unique_ptr<QNetworkAccessManager, ManagerDeleter> m_manager;
};

} // namespace sb
