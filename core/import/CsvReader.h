#pragma once

#include "domain/UserMessage.h"

#include <QByteArray>
#include <QList>
#include <QStringDecoder>
#include <QStringList>

#include <memory>

class QIODevice;

namespace sb {

// One record of a CSV file. `line` is the line on which the record starts: a quoted field with line breaks
// makes a record span several lines, and the next record starts on the line after its end.
struct CsvRow
{
    int line = 0;
    QStringList fields;
    UserMessage error; // empty when the row was read cleanly

    bool ok() const { return error.isEmpty(); }
    QString value(int column) const { return column >= 0 && column < fields.size() ? fields.at(column) : QString(); }
};

// The header row, matched against the columns the caller knows about.
struct CsvHeader
{
    int line = 0;
    QStringList columns;        // as written in the file, trimmed
    QStringList unknownColumns; // present in the file but neither required nor optional
    QList<UserMessage> warnings;

    int indexOf(const QString& name) const; // case-insensitive; -1 when the file has no such column
};

// Reads RFC 4180 CSV (comma separated, fields optionally in double quotes, "" for a quote inside quotes, line
// breaks inside quotes) from a device, one record at a time, so a large file is never held in memory whole.
// Lines end in LF, CRLF or a lone CR; a UTF-8 byte order mark at the start is skipped; blank lines are skipped.
//
// A problem in one record (invalid UTF-8, a wrong number of fields, stray text after a closing quote) is
// reported on that row and reading goes on with the next record, so the caller can list every bad row.
class CsvReader
{
public:
    explicit CsvReader(QIODevice& device);
    explicit CsvReader(const QByteArray& content);
    ~CsvReader();
    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;

    // Reads the first non-blank record as the header. Fails on an empty file, a missing required column or a
    // column named twice. From then on every row must have as many fields as the header.
    Result<CsvHeader> readHeader(const QStringList& requiredColumns, const QStringList& optionalColumns = {});

    // The next record, or false at the end of the file.
    bool readRow(CsvRow& row);

    // For a progress bar: bytes of the device consumed so far.
    qint64 bytesConsumed() const { return m_consumedBefore + m_position; }

    // A record longer than this is refused, so a missing quote cannot pull the rest of a big file into memory.
    static constexpr qsizetype maximumRecordBytes = 1024 * 1024;

private:
    enum class Problem { None, TextAfterQuote, TooLong, Unterminated, ReadFailed };

    struct RawRecord
    {
        int line = 0;
        int fieldCount = 0;
        QList<QByteArray> fields; // reused between records; only the first fieldCount are this record's
        qsizetype bytes = 0;
        bool quoted = false;
        Problem problem = Problem::None;
    };

    bool readRecord(RawRecord& record);
    int nextByte();
    int peekByte();
    bool fill();
    void skipByteOrderMark();
    QString decode(const QByteArray& bytes, bool& valid);
    Error readError() const;

    std::unique_ptr<QIODevice> m_ownedDevice;
    QIODevice* m_device = nullptr;
    QByteArray m_buffer;
    qsizetype m_position = 0;
    qint64 m_consumedBefore = 0;
    bool m_atEnd = false;
    bool m_started = false;
    QString m_readErrorText;
    bool m_readErrorReported = false;
    int m_line = 1;
    int m_expectedFields = -1;
    RawRecord m_record;
    QStringDecoder m_decoder;
};

} // namespace sb
