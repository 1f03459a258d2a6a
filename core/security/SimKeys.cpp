#include "SimKeys.h"

#include "Milenage.h"

#include <QCoreApplication>

namespace sb {

SealedSimKeys SealedSimKeys::fromJson(const QJsonObject& json)
{
    return {json.value(QLatin1String("ki_enc")).toString(), json.value(QLatin1String("opc_enc")).toString(),
            json.value(QLatin1String("key_check")).toString()};
}

void SealedSimKeys::addTo(QJsonObject* attributes) const
{
    attributes->insert(QStringLiteral("ki_enc"), kiEnc);
    attributes->insert(QStringLiteral("opc_enc"), opcEnc); // empty: derived from [sim] op at provisioning
    attributes->insert(QStringLiteral("key_check"), keyCheck);
}

SealedSimKeys SimKeys::seal(const TransportKey& key) const
{
    auto hex = [](const QByteArray& bytes) { return QString::fromLatin1(bytes.toHex().toUpper()); };
    return {hex(key.encrypt(ki)), opc.isEmpty() ? QString() : hex(key.encrypt(opc)), key.checkValue()};
}

Result<SimKeys> SimKeys::unseal(const SealedSimKeys& sealed, const QString& transportKeyFile, const QString& opHex)
{
    const QByteArray kiEnc = blockFromHex(sealed.kiEnc);
    if (kiEnc.isEmpty())
        return Error{UserMessage("SimKeys", QT_TRANSLATE_NOOP("SimKeys", "The SIM card has no encrypted Ki. Import "
                                                                         "its SIM batch file with the transport key, "
                                                                         "then retry.")),
                     QStringLiteral("ki_enc missing or not 32 hex digits")};
    TransportKey key = TransportKey::demo();
    if (sealed.keyCheck != key.checkValue()) {
        if (transportKeyFile.isEmpty())
            return Error{UserMessage("SimKeys", QT_TRANSLATE_NOOP("SimKeys", "No transport key is configured to "
                                                                             "decrypt the SIM card's Ki. Set [sim] "
                                                                             "transport_key_file in the settings "
                                                                             "file to the key of its SIM batch, then "
                                                                             "retry.")),
                         {}};
        Result<TransportKey> loaded = TransportKey::load(transportKeyFile);
        if (!loaded)
            return loaded.error();
        key = loaded.value();
        if (key.checkValue() != sealed.keyCheck)
            return Error{UserMessage("SimKeys",
                                     QT_TRANSLATE_NOOP("SimKeys", "The SIM card's Ki is encrypted under "
                                                                  "the transport key with check value "
                                                                  "%1, but the key in %2 has check value "
                                                                  "%3. Set [sim] transport_key_file in "
                                                                  "the settings file to the key of this "
                                                                  "SIM batch, then retry."),
                                     {sealed.keyCheck, transportKeyFile, key.checkValue()}),
                         {}};
    }

    SimKeys keys;
    keys.ki = key.decrypt(kiEnc);
    const QByteArray opcEnc = blockFromHex(sealed.opcEnc);
    if (!opcEnc.isEmpty()) {
        keys.opc = key.decrypt(opcEnc);
    } else {
        const QByteArray op = blockFromHex(opHex);
        if (op.isEmpty())
            return Error{UserMessage("SimKeys", QT_TRANSLATE_NOOP("SimKeys", "The SIM card has no OPc and no "
                                                                             "operator OP is set to derive it. Set "
                                                                             "[sim] op (32 hexadecimal digits) in the "
                                                                             "settings file, then retry.")),
                         {}};
        keys.opc = Milenage::opc(keys.ki, op);
    }
    if (keys.ki.size() != 16 || keys.opc.size() != 16)
        return Error{UserMessage("SimKeys", QT_TRANSLATE_NOOP("SimKeys", "The SIM keys could not be decrypted. "
                                                                         "Check the OpenSSL installation.")),
                     {}};
    return keys;
}

} // namespace sb
