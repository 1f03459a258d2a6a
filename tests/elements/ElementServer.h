#pragma once

#include <QMap>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <functional>

// A real network element server (freeradius, kamailio) for one test: its configuration rendered from the
// templates in tests/elements/servers, the process started on loopback and stopped (with its children) when
// this object goes, whether the test passed or not.
class ElementServer
{
public:
    ElementServer() = default;
    ~ElementServer() { stop(); }
    ElementServer(const ElementServer&) = delete;
    ElementServer& operator=(const ElementServer&) = delete;

    // The full path of a server or client program, or empty when it is not installed.
    static QString findProgram(const QString& name);
    // Copies tests/elements/servers/<relative> to target, replacing every @KEY@ by its value. False on failure.
    static bool renderTemplate(const QString& relative, const QString& target, const QMap<QString, QString>& values);
    // Runs a client program to the end (stdin text given); the exit code, and the merged output in *output.
    static int runClient(const QString& program, const QStringList& arguments, const QByteArray& input, QString* output,
                         int timeoutMs = 15000);

    // Starts the server and waits until ready() says so (polled every 100 ms with the output so far).
    bool start(const QString& program, const QStringList& arguments, const QString& workingDirectory,
               const std::function<bool(const QString& output)>& ready, int timeoutMs = 15000);
    void stop();
    QString output();

private:
    QProcess m_process;
    QString m_output;
};
