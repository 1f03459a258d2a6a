#pragma once

#include <QByteArray>

namespace sb {

// The 3GPP MILENAGE algorithm set (TS 35.206) over AES-128 from OpenSSL. Keys and values are raw bytes:
// K, OP, OPc, RAND 16 bytes, SQN 6, AMF 2. Wrong sizes give empty results.
class Milenage
{
public:
    struct Vectors
    {
        QByteArray macA;   // f1, 8 bytes
        QByteArray macS;   // f1*, 8 bytes
        QByteArray res;    // f2, 8 bytes
        QByteArray ck;     // f3, 16 bytes
        QByteArray ik;     // f4, 16 bytes
        QByteArray ak;     // f5, 6 bytes
        QByteArray akStar; // f5*, 6 bytes

        bool isValid() const { return !res.isEmpty(); }
    };

    // OPc = AES_K(OP) xor OP.
    static QByteArray opc(const QByteArray& k, const QByteArray& op);
    // f1 … f5* for one authentication.
    static Vectors compute(const QByteArray& k, const QByteArray& opc, const QByteArray& rand, const QByteArray& sqn,
                           const QByteArray& amf);

    // One AES-128 block encryption (ECB, no padding); empty on wrong sizes or an OpenSSL failure.
    static QByteArray aesEncryptBlock(const QByteArray& key, const QByteArray& block);
    static QByteArray aesDecryptBlock(const QByteArray& key, const QByteArray& block);
};

} // namespace sb
