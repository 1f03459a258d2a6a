#pragma once

#include "TransportKey.h"

#include <QJsonObject>

namespace sb {

// A SIM card's secrets. At rest (inventory attributes, job variables) only the sealed form exists: Ki and OPc
// encrypted under the vendor's transport key, as the batch file delivered the Ki, plus the key's check value.
// They are unsealed in memory by the provisioning action that hands them to the HLR/HSS.
struct SealedSimKeys
{
    QString kiEnc;    // attribute "ki_enc": 32 hex digits, AES-128-ECB of Ki under the transport key
    QString opcEnc;   // attribute "opc_enc": same for OPc; empty when OPc is derived from OP at provisioning
    QString keyCheck; // attribute "key_check": check value of the transport key

    static SealedSimKeys fromJson(const QJsonObject& json); // from the attributes or the task parameters
    void addTo(QJsonObject* attributes) const;
};

struct SimKeys
{
    QByteArray ki;  // 16 bytes
    QByteArray opc; // 16 bytes

    QString kiHex() const { return QString::fromLatin1(ki.toHex().toUpper()); }
    QString opcHex() const { return QString::fromLatin1(opc.toHex().toUpper()); }

    SealedSimKeys seal(const TransportKey& key) const;

    // Decrypts with the key in transportKeyFile (or the demo key, for demo cards), chosen by the check value.
    // Without a sealed OPc, OPc = Milenage(Ki, OP) with opHex (the operator's OP, 32 hex digits).
    static Result<SimKeys> unseal(const SealedSimKeys& sealed, const QString& transportKeyFile, const QString& opHex);
};

} // namespace sb
