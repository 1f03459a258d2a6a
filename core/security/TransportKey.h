#pragma once

#include "domain/UserMessage.h"

#include <QByteArray>
#include <QString>

namespace sb {

// The AES-128 key a SIM vendor encrypts each card's Ki under (one 16-byte block, ECB). The key never leaves
// memory; it is told apart from other keys by its check value (KCV: the first 3 bytes of AES_key(0…0)).
class TransportKey
{
public:
    TransportKey() = default;

    // 32 hexadecimal digits (spaces allowed).
    static Result<TransportKey> fromHex(const QString& hex);
    // A key file: the 32 hexadecimal digits on one line; empty lines and lines starting with '#' are ignored.
    static Result<TransportKey> load(const QString& path);
    // The published key the demo SIM cards are encrypted under. It protects nothing but demo data.
    static TransportKey demo();

    bool isValid() const { return m_key.size() == 16; }
    QString checkValue() const;                        // 6 upper-case hexadecimal digits
    QByteArray encrypt(const QByteArray& block) const; // 16 bytes in, 16 out; empty on misuse
    QByteArray decrypt(const QByteArray& block) const;

private:
    explicit TransportKey(QByteArray key) : m_key(std::move(key)) {}

    QByteArray m_key;
};

// 16 bytes from 32 hexadecimal digits, or empty when the text is not exactly that.
QByteArray blockFromHex(const QString& hex);

} // namespace sb
