#include "SimImportWorkflow.h"

#include "security/Milenage.h"
#include "security/SimKeys.h"
#include "store/AuditRepository.h"
#include "store/InventoryRepository.h"

#include <QCoreApplication>

namespace sb {
namespace {

const QString simTemplate = QStringLiteral("SIM Card");

Error importError(const char* source, QStringList args = {}, QString detail = {})
{
    return Error{UserMessage("SimImport", source, std::move(args)), std::move(detail)};
}

// The Ki of one row in clear, following the header's Ki_cipher (and Ki_iv for CBC: a single block is
// AES-decrypt then xor IV).
Result<QByteArray> decryptKi(const SimBatch& batch, const SimBatchRow& row, const TransportKey& key)
{
    const QString cipher = batch.value("ki_cipher").toUpper();
    QByteArray ki = key.decrypt(row.kiEncrypted);
    if (cipher.isEmpty() || cipher == QLatin1String("AES-128-ECB"))
        return ki;
    if (cipher == QLatin1String("AES-128-CBC")) {
        const QString ivHex = batch.value("ki_iv");
        const QByteArray iv = ivHex.isEmpty() ? QByteArray(16, '\0') : blockFromHex(ivHex);
        if (iv.isEmpty())
            return importError(QT_TRANSLATE_NOOP("SimImport", "The header's Ki_iv must be 32 hexadecimal digits. "
                                                              "Nothing was imported."));
        for (int i = 0; i < ki.size(); ++i)
            ki[i] = static_cast<char>(ki.at(i) ^ iv.at(i));
        return ki;
    }
    return importError(QT_TRANSLATE_NOOP("SimImport", "The SIM batch file uses the cipher \"%1\", which is not "
                                                      "supported. Ask the vendor for AES-128-ECB or AES-128-CBC. "
                                                      "Nothing was imported."),
                       {batch.value("ki_cipher")});
}

} // namespace

Result<SimImportSummary> SimImportWorkflow::importBatch(const Actor& actor, const SimBatch& batch,
                                                        const QString& transportKeyFile, const QString& opHex)
{
    if (Status allowed = actor.require(Permission::ImportInventory); !allowed)
        return allowed.error;
    const Result<TransportKey> key = TransportKey::load(transportKeyFile);
    if (!key)
        return key.error();
    const QString expectedCheck = batch.value("key_check").toUpper();
    if (!expectedCheck.isEmpty() && expectedCheck != key->checkValue())
        return importError(QT_TRANSLATE_NOOP("SimImport", "The batch was encrypted under the transport key with "
                                                          "check value %1, but the key in %2 has check value %3. Use "
                                                          "the transport key of this batch; nothing was imported."),
                           {expectedCheck, transportKeyFile, key->checkValue()});
    QByteArray op;
    if (!opHex.isEmpty()) {
        op = blockFromHex(opHex);
        if (op.isEmpty())
            return importError(QT_TRANSLATE_NOOP("SimImport", "The OP must be 32 hexadecimal digits. Nothing was "
                                                              "imported."));
    }

    QList<InventoryItem> items;
    QStringList iccids;
    for (const SimBatchRow& row : batch.rows) {
        SimKeys keys;
        const Result<QByteArray> ki = decryptKi(batch, row, *key);
        if (!ki)
            return ki.error();
        keys.ki = *ki;
        if (!op.isEmpty())
            keys.opc = Milenage::opc(keys.ki, op);
        InventoryItem item;
        item.templateName = simTemplate;
        item.reference = QStringLiteral("SIM-") + row.iccid;
        item.identifier = row.iccid;
        item.status = InventoryStatus::New;
        item.attributes = {{QStringLiteral("imsi"), row.imsi}};
        if (!batch.value("batch").isEmpty())
            item.attributes.insert(QStringLiteral("batch"), batch.value("batch"));
        if (!batch.value("transport_key").isEmpty())
            item.attributes.insert(QStringLiteral("transport_key"), batch.value("transport_key"));
        keys.seal(*key).addTo(&item.attributes);
        items << item;
        iccids << row.iccid;
    }

    return guarded([&] {
        Transaction tx(m_db);
        InventoryRepository inventory(m_db);
        const QStringList existing = inventory.existingIdentifiers(simTemplate, iccids);
        if (!existing.isEmpty()) {
            const SimBatchRow& row = batch.rows.at(iccids.indexOf(existing.first()));
            throw StoreException(importError(QT_TRANSLATE_NOOP("SimImport", "Line %1: SIM card %2 is already in the "
                                                                            "inventory (%3 cards of this file are). "
                                                                            "Remove those rows; nothing was "
                                                                            "imported."),
                                             {QString::number(row.line), row.iccid, QString::number(existing.size())}));
        }
        const std::optional<qint64> knownTemplate = inventory.templateId(simTemplate);
        const qint64 templateId =
            knownTemplate ? *knownTemplate : inventory.insertTemplate(simTemplate, QStringLiteral("ICCID"));
        for (const InventoryItem& item : items)
            inventory.insertItem(templateId, item);
        AuditRepository(m_db).record(actor.login(), QStringLiteral("import_sims"), QStringLiteral("inventory"), 0,
                                     QStringLiteral("batch=%1 cards=%2 key_check=%3")
                                         .arg(batch.value("batch"))
                                         .arg(items.size())
                                         .arg(key->checkValue()));
        tx.commit();
        return SimImportSummary{int(items.size()), batch.value("batch"), key->checkValue(), !op.isEmpty()};
    });
}

} // namespace sb
