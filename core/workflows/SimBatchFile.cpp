#include "SimBatchFile.h"

#include "security/TransportKey.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSet>

namespace sb {
namespace {

Error lineError(const char* source, int line, QStringList args = {})
{
    args.prepend(QString::number(line));
    return Error{UserMessage("SimImport", source, args), QStringLiteral("batch file line %1").arg(line)};
}

bool isDigits(const QString& text, int minimum, int maximum)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    return text.size() >= minimum && text.size() <= maximum && digits.match(text).hasMatch();
}

} // namespace

Result<SimBatch> SimBatchFile::read(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{UserMessage("SimImport",
                                 QT_TRANSLATE_NOOP("SimImport", "Cannot read the SIM batch file %1. "
                                                                "Check the path and its permissions."),
                                 {path}),
                     file.errorString()};
    return parse(file.readAll());
}

Result<SimBatch> SimBatchFile::parse(const QByteArray& content)
{
    static const QRegularExpression headerLine(QStringLiteral("^([A-Za-z][A-Za-z0-9_ ]*?)\\s*:\\s*(.*)$"));
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    SimBatch batch;
    QSet<QString> iccids;
    QSet<QString> imsis;
    int iccidColumn = -1;
    int imsiColumn = -1;
    int kiColumn = -1;
    const QStringList lines = QString::fromUtf8(content).split(QLatin1Char('\n'));
    for (int index = 0; index < lines.size(); ++index) {
        const int lineNumber = index + 1;
        const QString line = lines.at(index).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('*')))
            continue;
        if (batch.columns.isEmpty()) {
            if (line.startsWith(QLatin1String("var_out"), Qt::CaseInsensitive)) {
                const QString list = line.mid(line.indexOf(QLatin1Char(':')) + 1);
                for (const QString& column : list.split(QLatin1Char('/'), Qt::SkipEmptyParts))
                    batch.columns << column.trimmed().toUpper();
                iccidColumn = batch.columns.indexOf(QStringLiteral("ICCID"));
                imsiColumn = batch.columns.indexOf(QStringLiteral("IMSI"));
                kiColumn = batch.columns.indexOf(QStringLiteral("KI"));
                if (!line.contains(QLatin1Char(':')) || iccidColumn < 0 || imsiColumn < 0 || kiColumn < 0)
                    return lineError(QT_TRANSLATE_NOOP("SimImport", "Line %1: the var_out line must name the ICCID, "
                                                                    "IMSI and KI columns, for example \"var_out: "
                                                                    "ICCID/IMSI/KI\". Nothing was imported."),
                                     lineNumber);
                continue;
            }
            const QRegularExpressionMatch match = headerLine.match(line);
            if (!match.hasMatch())
                return lineError(QT_TRANSLATE_NOOP("SimImport", "Line %1 of the SIM batch file is not understood: "
                                                                "before the var_out line only \"Name : value\" header "
                                                                "lines and '*' comments may appear. Nothing was "
                                                                "imported."),
                                 lineNumber);
            const QString key = match.captured(1).trimmed().toLower().replace(QLatin1Char(' '), QLatin1Char('_'));
            if (!batch.header.contains(key))
                batch.header.insert(key, match.captured(2).trimmed());
            continue;
        }

        const QStringList values = line.split(spaces, Qt::SkipEmptyParts);
        if (values.size() != batch.columns.size())
            return lineError(QT_TRANSLATE_NOOP("SimImport", "Line %1: the row has %2 values, but var_out names %3 "
                                                            "columns. Correct the SIM batch file; nothing was "
                                                            "imported."),
                             lineNumber, {QString::number(values.size()), QString::number(batch.columns.size())});
        SimBatchRow row;
        row.line = lineNumber;
        row.iccid = values.at(iccidColumn).toUpper();
        if (row.iccid.endsWith(QLatin1Char('F'))) // 19-digit ICCIDs are often padded with F to 20 nibbles
            row.iccid.chop(1);
        row.imsi = values.at(imsiColumn);
        row.kiEncrypted = blockFromHex(values.at(kiColumn));
        if (!isDigits(row.iccid, 18, 20))
            return lineError(QT_TRANSLATE_NOOP("SimImport", "Line %1: \"%2\" is not an ICCID (18 to 20 digits). "
                                                            "Correct the SIM batch file; nothing was imported."),
                             lineNumber, {values.at(iccidColumn)});
        if (!isDigits(row.imsi, 6, 15))
            return lineError(QT_TRANSLATE_NOOP("SimImport", "Line %1: \"%2\" is not an IMSI (6 to 15 digits). "
                                                            "Correct the SIM batch file; nothing was imported."),
                             lineNumber, {row.imsi});
        if (row.kiEncrypted.isEmpty())
            return lineError(QT_TRANSLATE_NOOP("SimImport", "Line %1: the encrypted Ki must be 32 hexadecimal "
                                                            "digits. Correct the SIM batch file; nothing was "
                                                            "imported."),
                             lineNumber);
        if (iccids.contains(row.iccid))
            return lineError(QT_TRANSLATE_NOOP("SimImport", "Line %1: ICCID %2 appears a second time in the file. "
                                                            "Correct the SIM batch file; nothing was imported."),
                             lineNumber, {row.iccid});
        if (imsis.contains(row.imsi))
            return lineError(QT_TRANSLATE_NOOP("SimImport", "Line %1: IMSI %2 appears a second time in the file. "
                                                            "Correct the SIM batch file; nothing was imported."),
                             lineNumber, {row.imsi});
        iccids.insert(row.iccid);
        imsis.insert(row.imsi);
        batch.rows << row;
    }

    if (batch.columns.isEmpty())
        return Error{UserMessage("SimImport", QT_TRANSLATE_NOOP("SimImport", "The SIM batch file has no var_out line "
                                                                             "naming its columns (for example "
                                                                             "\"var_out: ICCID/IMSI/KI\"). Nothing "
                                                                             "was imported.")),
                     {}};
    if (batch.rows.isEmpty())
        return Error{UserMessage("SimImport", QT_TRANSLATE_NOOP("SimImport", "The SIM batch file lists no cards. "
                                                                             "Nothing was imported.")),
                     {}};
    const QString quantity = batch.value("quantity");
    if (!quantity.isEmpty() && quantity.toInt() != batch.rows.size())
        return Error{UserMessage("SimImport",
                                 QT_TRANSLATE_NOOP("SimImport", "The header says Quantity %1, but the "
                                                                "file lists %2 cards. The file may be "
                                                                "cut short; ask the vendor for it again. "
                                                                "Nothing was imported."),
                                 {quantity, QString::number(batch.rows.size())}),
                     {}};
    return batch;
}

} // namespace sb
