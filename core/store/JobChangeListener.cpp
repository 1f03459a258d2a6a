#include "JobChangeListener.h"

#include "JobRepository.h"

#include <QSqlDriver>
#include <QTimer>

namespace sb {

// Lives on the listener's thread; its connection belongs to that thread.
class JobChangeListener::Session : public QObject
{
public:
    Session(JobChangeListener& owner, Database& db) : m_owner(owner), m_db(db) {}

    void begin()
    {
        m_check = new QTimer(this);
        m_check->setInterval(checkIntervalMs);
        connect(m_check, &QTimer::timeout, this, &Session::check);
        m_check->start();
        subscribe();
    }

    void finish()
    {
        delete m_check;
        m_check = nullptr;
        drop();
    }

private:
    static constexpr int checkIntervalMs = 5000;

    void subscribe()
    {
        try {
            QSqlDatabase connection = m_db.connection();
            QSqlDriver* driver = connection.driver();
            if (!driver->hasFeature(QSqlDriver::EventNotifications))
                return;
            const QString channel = QString::fromLatin1(JobRepository::notifyChannel);
            if (!driver->subscribedToNotifications().contains(channel) && !driver->subscribeToNotification(channel))
                return;
            disconnect(m_notifications);
            const auto onNotification = [this](const QString& name, QSqlDriver::NotificationSource,
                                               const QVariant& payload) {
                if (name == QLatin1String(JobRepository::notifyChannel))
                    emit m_owner.jobChanged(payload.toLongLong());
            };
            m_notifications = connect(driver, &QSqlDriver::notification, this, onNotification);
            m_owner.m_listening = true;
            emit m_owner.listening();
        } catch (const StoreException& e) {
            qWarning("job change listener: %s", qPrintable(e.error().detail));
        }
    }

    // A dropped server connection delivers nothing and says nothing: probe it, and subscribe again when it is gone.
    void check()
    {
        if (m_owner.m_listening) {
            try {
                Sql(m_db, QStringLiteral("SELECT 1")).exec();
                return;
            } catch (const StoreException&) {
            }
        }
        drop();
        subscribe();
    }

    void drop()
    {
        disconnect(m_notifications);
        m_owner.m_listening = false;
        m_db.closeThreadConnection();
    }

    JobChangeListener& m_owner;
    Database& m_db;
    QTimer* m_check = nullptr;
    QMetaObject::Connection m_notifications;
};

JobChangeListener::JobChangeListener(Database& db, QObject* parent) : QObject(parent), m_db(db) {}

JobChangeListener::~JobChangeListener()
{
    stop();
}

void JobChangeListener::start()
{
    if (m_session)
        return;
    m_session = new Session(*this, m_db);
    m_session->moveToThread(&m_thread);
    connect(&m_thread, &QThread::started, m_session, [session = m_session] { session->begin(); });
    connect(&m_thread, &QThread::finished, m_session, [session = m_session] { session->finish(); },
            Qt::DirectConnection);
    m_thread.setObjectName(QStringLiteral("job-change-listener"));
    m_thread.start();
}

void JobChangeListener::stop()
{
    if (!m_session)
        return;
    m_thread.quit();
    m_thread.wait();
    delete m_session;
    m_session = nullptr;
}

} // namespace sb
