#include "Milenage.h"

#include <openssl/evp.h>

#include <memory>

namespace sb {
namespace {

constexpr int blockSize = 16;

QByteArray aesBlock(const QByteArray& key, const QByteArray& block, bool encrypt)
{
    if (key.size() != blockSize || block.size() != blockSize)
        return {};
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    if (!ctx)
        return {};
    const auto* k = reinterpret_cast<const unsigned char*>(key.constData());
    if (EVP_CipherInit_ex(ctx.get(), EVP_aes_128_ecb(), nullptr, k, nullptr, encrypt ? 1 : 0) != 1 ||
        EVP_CIPHER_CTX_set_padding(ctx.get(), 0) != 1)
        return {};
    QByteArray out(blockSize, '\0');
    int written = 0;
    int finalWritten = 0;
    auto* o = reinterpret_cast<unsigned char*>(out.data());
    if (EVP_CipherUpdate(ctx.get(), o, &written, reinterpret_cast<const unsigned char*>(block.constData()),
                         blockSize) != 1 ||
        EVP_CipherFinal_ex(ctx.get(), o + written, &finalWritten) != 1 || written + finalWritten != blockSize)
        return {};
    return out;
}

QByteArray xored(const QByteArray& a, const QByteArray& b)
{
    QByteArray out(a.size(), '\0');
    for (int i = 0; i < a.size(); ++i)
        out[i] = static_cast<char>(a.at(i) ^ b.at(i));
    return out;
}

// Cyclic left rotation of a 128-bit block by a whole number of bytes (every r of TS 35.206 is a multiple of 8).
QByteArray rotated(const QByteArray& block, int bits)
{
    const int bytes = (bits / 8) % blockSize;
    return block.mid(bytes) + block.left(bytes);
}

QByteArray constant(int lastByte)
{
    QByteArray c(blockSize, '\0');
    c[blockSize - 1] = static_cast<char>(lastByte);
    return c;
}

} // namespace

QByteArray Milenage::aesEncryptBlock(const QByteArray& key, const QByteArray& block)
{
    return aesBlock(key, block, true);
}

QByteArray Milenage::aesDecryptBlock(const QByteArray& key, const QByteArray& block)
{
    return aesBlock(key, block, false);
}

QByteArray Milenage::opc(const QByteArray& k, const QByteArray& op)
{
    const QByteArray encrypted = aesEncryptBlock(k, op);
    return encrypted.isEmpty() ? QByteArray() : xored(encrypted, op);
}

Milenage::Vectors Milenage::compute(const QByteArray& k, const QByteArray& opc, const QByteArray& rand,
                                    const QByteArray& sqn, const QByteArray& amf)
{
    if (k.size() != blockSize || opc.size() != blockSize || rand.size() != blockSize || sqn.size() != 6 ||
        amf.size() != 2)
        return {};
    const QByteArray temp = aesEncryptBlock(k, xored(rand, opc));
    if (temp.isEmpty())
        return {};
    // OUT1 = E_K(TEMP xor rot(IN1 xor OPc, r1) xor c1) xor OPc; OUTi = E_K(rot(TEMP xor OPc, ri) xor ci) xor OPc
    const QByteArray in1 = sqn + amf + sqn + amf;
    const QByteArray out1 = xored(aesEncryptBlock(k, xored(temp, rotated(xored(in1, opc), 64))), opc);
    auto out = [&](int r, int c) {
        return xored(aesEncryptBlock(k, xored(rotated(xored(temp, opc), r), constant(c))), opc);
    };
    const QByteArray out2 = out(0, 1);
    const QByteArray out5 = out(96, 8);

    Vectors v;
    v.macA = out1.left(8);
    v.macS = out1.mid(8, 8);
    v.res = out2.mid(8, 8);
    v.ak = out2.left(6);
    v.ck = out(32, 2);
    v.ik = out(64, 4);
    v.akStar = out5.left(6);
    return v;
}

} // namespace sb
