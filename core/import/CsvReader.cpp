#include "CsvReader.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QSet>

namespace sb {
namespace {

constexpr qint64 chunkBytes = 64 * 1024;
constexpr int endOfFile = -1;

UserMessage lineMessage(const char* source, int line, QStringList args = {})
{
    args.prepend(QString::number(line));
    return UserMessage("CsvImport", source, args);
}

Error lineError(const char* source, int line, QStringList args = {})
{
    return Error{lineMessage(source, line, args), QStringLiteral("CSV line %1").arg(line)};
}

QString listed(const QStringList& names)
{
    return names.join(QLatin1String(", "));
}

} // namespace

int CsvHeader::indexOf(const QString& name) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns.at(i).compare(name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

CsvReader::CsvReader(QIODevice& device)
    : m_device(&device),
      m_decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom)
{
}

CsvReader::CsvReader(const QByteArray& content)
    : m_decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom)
{
    auto buffer = std::make_unique<QBuffer>();
    buffer->setData(content);
    buffer->open(QIODevice::ReadOnly);
    m_device = buffer.get();
    m_ownedDevice = std::move(buffer);
}

CsvReader::~CsvReader() = default;

Result<CsvHeader> CsvReader::readHeader(const QStringList& requiredColumns, const QStringList& optionalColumns)
{
    CsvRow row;
    if (!readRow(row)) {
        if (!m_readErrorText.isEmpty())
            return readError();
        return Error{
            UserMessage("CsvImport", QT_TRANSLATE_NOOP("CsvImport", "The file is empty. Choose a CSV file whose first "
                                                                    "row names the columns, with one row per entry "
                                                                    "below it.")),
            QStringLiteral("CSV file has no records")};
    }
    if (!row.ok())
        return Error{row.error, QStringLiteral("CSV header line %1 unreadable").arg(row.line)};

    CsvHeader header;
    header.line = row.line;
    QSet<QString> seen;
    for (const QString& field : std::as_const(row.fields)) {
        const QString name = field.trimmed();
        if (!name.isEmpty() && seen.contains(name.toLower()))
            return lineError(QT_TRANSLATE_NOOP("CsvImport", "Line %1: the column \"%2\" appears twice in the header. "
                                                            "Remove or rename one of them."),
                             row.line, {name});
        seen.insert(name.toLower());
        header.columns << name;
    }

    QStringList missing;
    for (const QString& required : requiredColumns) {
        if (header.indexOf(required) < 0)
            missing << required;
    }
    if (!missing.isEmpty())
        return lineError(QT_TRANSLATE_NOOP("CsvImport",
                                           "Line %1: the header lacks these columns: %2. Add them to the first "
                                           "row (upper or lower case does not matter); the expected columns are: "
                                           "%3."),
                         row.line, {listed(missing), listed(requiredColumns + optionalColumns)});

    QSet<QString> known;
    for (const QString& name : requiredColumns + optionalColumns)
        known.insert(name.toLower());
    for (const QString& name : std::as_const(header.columns)) {
        if (!name.isEmpty() && !known.contains(name.toLower()))
            header.unknownColumns << name;
    }
    if (!header.unknownColumns.isEmpty())
        header.warnings << lineMessage(
            QT_TRANSLATE_NOOP("CsvImport", "Line %1: these columns are not known and will be ignored: "
                                           "%2. Check their spelling against the expected columns: "
                                           "%3."),
            row.line, {listed(header.unknownColumns), listed(requiredColumns + optionalColumns)});

    m_expectedFields = header.columns.size();
    return header;
}

bool CsvReader::readRow(CsvRow& row)
{
    row = CsvRow();
    while (readRecord(m_record)) {
        const RawRecord& record = m_record;
        // A blank line is one empty, unquoted field: skip it, unless it is the last gasp of a failed read.
        if (record.fieldCount == 1 && record.fields.at(0).isEmpty() && !record.quoted &&
            record.problem == Problem::None)
            continue;

        row.line = record.line;
        bool valid = true;
        for (int i = 0; i < record.fieldCount; ++i)
            row.fields << decode(record.fields.at(i), valid);

        switch (record.problem) {
        case Problem::Unterminated:
            row.error =
                lineMessage(QT_TRANSLATE_NOOP("CsvImport", "Line %1: a quoted field that starts on this line is never "
                                                           "closed before the end of the file. Add the missing closing "
                                                           "double quote (\")."),
                            row.line);
            break;
        case Problem::TooLong:
            row.error = lineMessage(QT_TRANSLATE_NOOP("CsvImport",
                                                      "Line %1: this row is longer than %2 MB, most likely because "
                                                      "a double quote (\") is missing. Check the quotes on this "
                                                      "line."),
                                    row.line, {QString::number(maximumRecordBytes / (1024 * 1024))});
            break;
        case Problem::TextAfterQuote:
            row.error = lineMessage(QT_TRANSLATE_NOOP("CsvImport",
                                                      "Line %1: a closing double quote is followed by more text "
                                                      "before the next comma. Put the whole value in double quotes "
                                                      "and write each double quote inside it twice (\"\")."),
                                    row.line);
            break;
        case Problem::ReadFailed:
            row.error = readError().message;
            m_readErrorReported = true;
            break;
        case Problem::None:
            if (!valid)
                row.error =
                    lineMessage(QT_TRANSLATE_NOOP("CsvImport", "Line %1: this row contains characters that are not "
                                                               "valid UTF-8. Save the file as \"CSV UTF-8\" in your "
                                                               "spreadsheet and import it again."),
                                row.line);
            else if (m_expectedFields >= 0 && record.fieldCount != m_expectedFields)
                row.error =
                    lineMessage(QT_TRANSLATE_NOOP("CsvImport", "Line %1: the header has %3 columns, but this row has "
                                                               "%2. Check for a missing or extra comma, and put "
                                                               "values that contain commas in double quotes."),
                                row.line, {QString::number(record.fieldCount), QString::number(m_expectedFields)});
            break;
        }
        return true;
    }
    // A read failure that struck between records still deserves one row saying so.
    if (!m_readErrorText.isEmpty() && !m_readErrorReported) {
        m_readErrorReported = true;
        row.line = m_line;
        row.error = readError().message;
        return true;
    }
    return false;
}

// One record, byte by byte: the separators are ASCII, so splitting before decoding is safe for UTF-8.
bool CsvReader::readRecord(RawRecord& record)
{
    if (!m_started) {
        m_started = true;
        skipByteOrderMark();
    }
    if (peekByte() == endOfFile)
        return false;

    enum class State { FieldStart, Unquoted, Quoted, AfterQuote };
    State state = State::FieldStart;
    record.line = m_line;
    record.fieldCount = 1;
    record.bytes = 0;
    record.quoted = false;
    record.problem = Problem::None;
    if (record.fields.isEmpty())
        record.fields.append(QByteArray());
    record.fields[0].clear();

    const auto append = [&record](char c) {
        if (record.problem == Problem::TooLong)
            return;
        if (++record.bytes > maximumRecordBytes) {
            record.problem = Problem::TooLong;
            return;
        }
        record.fields[record.fieldCount - 1].append(c);
    };
    const auto startField = [&record]() {
        if (record.fields.size() <= record.fieldCount)
            record.fields.append(QByteArray());
        record.fields[record.fieldCount].clear();
        ++record.fieldCount;
    };
    // CRLF and a lone CR end a line just like LF.
    const auto lineBreak = [this](int c) {
        if (c == '\r' && peekByte() == '\n')
            nextByte();
        ++m_line;
    };

    for (;;) {
        const int c = nextByte();
        if (c == endOfFile) {
            if (!m_readErrorText.isEmpty())
                record.problem = Problem::ReadFailed;
            else if (state == State::Quoted)
                record.problem = Problem::Unterminated;
            return true;
        }
        if (state == State::FieldStart) {
            if (c == '"') {
                state = State::Quoted;
                record.quoted = true;
                continue;
            }
            state = State::Unquoted;
        }
        if (state == State::Quoted) {
            if (c == '"') {
                if (peekByte() == '"') {
                    nextByte();
                    append('"');
                } else {
                    state = State::AfterQuote;
                }
            } else if (c == '\r' || c == '\n') {
                lineBreak(c);
                append('\n');
            } else {
                append(char(c));
            }
            continue;
        }
        // Unquoted or after a closing quote.
        if (c == ',') {
            startField();
            state = State::FieldStart;
        } else if (c == '\r' || c == '\n') {
            lineBreak(c);
            return true;
        } else {
            if (state == State::AfterQuote && record.problem == Problem::None)
                record.problem = Problem::TextAfterQuote;
            state = State::Unquoted;
            append(char(c));
        }
    }
}

int CsvReader::nextByte()
{
    if (m_position >= m_buffer.size() && !fill())
        return endOfFile;
    return static_cast<unsigned char>(m_buffer.at(m_position++));
}

int CsvReader::peekByte()
{
    if (m_position >= m_buffer.size() && !fill())
        return endOfFile;
    return static_cast<unsigned char>(m_buffer.at(m_position));
}

bool CsvReader::fill()
{
    if (m_atEnd)
        return false;
    m_consumedBefore += m_buffer.size();
    m_buffer.resize(chunkBytes);
    m_position = 0;
    for (;;) {
        const qint64 got = m_device->read(m_buffer.data(), chunkBytes);
        if (got > 0) {
            m_buffer.resize(got);
            return true;
        }
        if (got < 0) {
            m_readErrorText = m_device->errorString();
            if (m_readErrorText.isEmpty())
                m_readErrorText = QStringLiteral("read failed");
            break;
        }
        // Nothing yet: a pipe or socket may still deliver more; a file is at its end.
        if (!m_device->isSequential() || !m_device->waitForReadyRead(30000))
            break;
    }
    m_buffer.clear();
    m_atEnd = true;
    return false;
}

void CsvReader::skipByteOrderMark()
{
    static const char bom[] = "\xEF\xBB\xBF";
    if (peekByte() != static_cast<unsigned char>(bom[0]))
        return;
    // The three bytes may straddle a chunk boundary only on a device that delivers fewer than three at once;
    // the first chunk of a file is always larger.
    if (m_buffer.size() - m_position >= 3 && m_buffer.mid(m_position, 3) == QByteArray(bom, 3))
        m_position += 3;
}

QString CsvReader::decode(const QByteArray& bytes, bool& valid)
{
    bool ascii = true;
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii)
        return QString::fromLatin1(bytes);
    m_decoder.resetState();
    QString text = m_decoder.decode(bytes);
    if (m_decoder.hasError())
        valid = false;
    return text;
}

Error CsvReader::readError() const
{
    return Error{
        lineMessage(QT_TRANSLATE_NOOP("CsvImport", "Line %1: the file could not be read any further (%2). Check that "
                                                   "it is still available and import it again."),
                    m_line, {m_readErrorText}),
        QStringLiteral("CSV read failed at line %1: %2").arg(m_line).arg(m_readErrorText)};
}

} // namespace sb
