#include "ElementSettingsPage.h"

#include "AsyncCall.h"
#include "network/ElementProbe.h"

#include <QBrush>
#include <QCheckBox>
#include <QColor>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStyle>
#include <QThreadPool>
#include <QVBoxLayout>

namespace sb {
namespace {

using Kind = ElementField::Kind;

QString translated(const char* source)
{
    return source ? QCoreApplication::translate("ElementSettings", source) : QString();
}

struct ProbeOutcome
{
    bool ok = false;
    UserMessage message;
};

constexpr const char* ErrorStyle = "color: #b3261e;";
constexpr const char* OkStyle = "color: #1b7f3b;";

} // namespace

// The widgets of one field. Exactly one of edit, combo, check and spin is set.
struct ElementSettingsPage::Editor
{
    ElementField field;
    QLabel* label = nullptr;
    QLineEdit* edit = nullptr;
    QComboBox* combo = nullptr;
    QCheckBox* check = nullptr;
    QSpinBox* spin = nullptr;
    QPushButton* browse = nullptr;
    QPushButton* clear = nullptr;
    QLabel* problem = nullptr; // why the value is not acceptable; hidden when it is
    QLabel* warning = nullptr; // Kind::Verify: shown while verification is off
    bool stored = false;       // a secret: the settings file holds one
    bool cleared = false;      // a secret: "Clear" was pressed
};

struct ElementSettingsPage::Page
{
    ElementPage id;
    QWidget* widget = nullptr;
    QLabel* title = nullptr;
    QPushButton* testButton = nullptr;
    QLabel* result = nullptr;
    bool hasResult = false;
};

ElementSettingsPage::ElementSettingsPage(QWidget* parent)
    : QWidget(parent), m_list(new QListWidget(this)), m_stack(new QStackedWidget(this)), m_noteLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("elementSettingsPage"));
    m_list->setObjectName(QStringLiteral("elementList"));
    m_noteLabel->setWordWrap(true);
    for (ElementPage page : ElementSettings::pages()) {
        m_list->addItem(QString());
        buildPage(page);
    }
    m_list->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);

    auto* row = new QHBoxLayout;
    row->addWidget(m_list);
    row->addWidget(m_stack, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row, 1);
    layout->addWidget(m_noteLabel);

    connect(m_list, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    m_list->setCurrentRow(0);
    retranslateUi();
    load();
}

ElementSettingsPage::~ElementSettingsPage()
{
    qDeleteAll(m_editors);
    qDeleteAll(m_pages);
}

void ElementSettingsPage::buildPage(ElementPage id)
{
    auto* page = new Page{id};
    page->widget = new QWidget;
    page->widget->setObjectName(QStringLiteral("elementPage%1").arg(int(id)));
    page->title = new QLabel(page->widget);
    QFont titleFont = page->title->font();
    titleFont.setBold(true);
    page->title->setFont(titleFont);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);

    for (const ElementField& field : ElementSettings::fieldsOf(id)) {
        auto* e = new Editor{field};
        const QString key = QLatin1String(field.key);
        e->label = new QLabel(page->widget);
        auto* cell = new QVBoxLayout;
        cell->setSpacing(2);
        auto* line = new QHBoxLayout;
        QWidget* input = nullptr;
        switch (field.kind) {
        case Kind::Verify:
            e->check = new QCheckBox(page->widget);
            e->warning = new QLabel(page->widget);
            e->warning->setWordWrap(true);
            e->warning->setStyleSheet(QLatin1String(ErrorStyle));
            e->warning->setObjectName(key + QStringLiteral("#warning"));
            connect(e->check, &QCheckBox::clicked, this, [this, e](bool on) {
                if (!on)
                    confirmVerifyOff(*e);
                updateVerifyWarning(*e);
            });
            input = e->check;
            break;
        case Kind::Flag:
            e->check = new QCheckBox(page->widget);
            input = e->check;
            break;
        case Kind::Choice:
            e->combo = new QComboBox(page->widget);
            for (const QString& choice : field.choices)
                e->combo->addItem(QString(), choice);
            connect(e->combo, &QComboBox::currentIndexChanged, this, &ElementSettingsPage::updateEnabled);
            input = e->combo;
            break;
        case Kind::TimeoutMs:
            e->spin = new QSpinBox(page->widget);
            e->spin->setRange(0, 600);
            input = e->spin;
            break;
        default:
            e->edit = new QLineEdit(page->widget);
            e->edit->setMinimumWidth(320);
            if (field.secret) {
                e->edit->setEchoMode(QLineEdit::Password);
                e->edit->setAttribute(Qt::WA_InputMethodEnabled, false);
                e->clear = new QPushButton(page->widget);
                e->clear->setObjectName(key + QStringLiteral("#clear"));
                connect(e->clear, &QPushButton::clicked, this, [this, e] { clearSecret(*e); });
            }
            if (field.kind == Kind::File) {
                e->browse = new QPushButton(page->widget);
                e->browse->setObjectName(key + QStringLiteral("#browse"));
                connect(e->browse, &QPushButton::clicked, this, [this, e] { browse(*e); });
            }
            connect(e->edit, &QLineEdit::textEdited, this, [e] { e->problem->hide(); });
            input = e->edit;
        }
        input->setObjectName(key);
        e->label->setBuddy(input);
        line->addWidget(input, 1);
        if (e->browse)
            line->addWidget(e->browse);
        if (e->clear)
            line->addWidget(e->clear);
        cell->addLayout(line);
        if (e->warning) {
            cell->addWidget(e->warning);
            e->warning->hide();
        }
        e->problem = new QLabel(page->widget);
        e->problem->setObjectName(key + QStringLiteral("#problem"));
        e->problem->setWordWrap(true);
        e->problem->setStyleSheet(QLatin1String(ErrorStyle));
        e->problem->hide();
        cell->addWidget(e->problem);
        form->addRow(e->label, cell);
        m_editors << e;
    }

    auto* layout = new QVBoxLayout(page->widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(page->title);
    layout->addLayout(form);
    if (id != ElementPage::SimKeys) {
        page->testButton = new QPushButton(page->widget);
        page->testButton->setObjectName(QStringLiteral("elementTestButton"));
        page->result = new QLabel(page->widget);
        page->result->setObjectName(QStringLiteral("elementTestResultLabel"));
        page->result->setWordWrap(true);
        page->result->setTextInteractionFlags(Qt::TextSelectableByMouse);
        page->result->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        page->result->setMinimumHeight(fontMetrics().lineSpacing() * 3);
        auto* testRow = new QHBoxLayout;
        testRow->addWidget(page->testButton, 0, Qt::AlignTop);
        testRow->addWidget(page->result, 1);
        layout->addLayout(testRow);
        connect(page->testButton, &QPushButton::clicked, this, &ElementSettingsPage::testConnection);
    }
    layout->addStretch(1);
    // In a scroll area: a page that grows (messages under several fields) scrolls instead of being cut off.
    auto* scroll = new QScrollArea(m_stack);
    scroll->setObjectName(QStringLiteral("elementScroll%1").arg(int(id)));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(page->widget);
    scroll->viewport()->setAutoFillBackground(false); // the tab's own background, not the viewport's
    page->widget->setAutoFillBackground(false);
    m_stack->addWidget(scroll);
    m_pages << page;
}

void ElementSettingsPage::retranslateUi()
{
    for (int i = 0; i < m_pages.size(); ++i) {
        Page* page = m_pages.at(i);
        const QString name = translated(ElementSettings::pageName(page->id));
        m_list->item(i)->setText(name);
        page->title->setText(name);
        if (page->testButton)
            page->testButton->setText(tr("Test connection"));
        if (page->result && !page->hasResult && !m_testing)
            page->result->clear();
    }
    m_list->setFixedWidth(m_list->sizeHintForColumn(0) + 2 * m_list->frameWidth() + 16);
    for (Editor* e : m_editors) {
        e->label->setText(translated(e->field.label));
        if (e->edit && !e->field.secret)
            e->edit->setPlaceholderText(translated(e->field.placeholder));
        if (e->field.secret)
            updateSecretPlaceholder(*e);
        if (e->browse)
            e->browse->setText(tr("Browse…"));
        if (e->clear)
            e->clear->setText(tr("Clear"));
        if (e->field.kind == Kind::Verify) {
            e->check->setText(tr("Verify the server's certificate (recommended)"));
            e->warning->setText(tr("Verification is off: Switchboard accepts any certificate, so an impostor "
                                   "could receive the data sent to this element."));
        }
        if (e->field.kind == Kind::Flag)
            e->check->setText(tr("Require STARTTLS (the mail is never sent unencrypted)"));
        if (e->combo) {
            e->combo->setItemText(0, tr("PyHSS (REST API)"));
            e->combo->setItemText(1, tr("osmo-hlr (CTRL interface)"));
        }
        if (e->spin) {
            const bool mail = QLatin1String(e->field.key).startsWith(QLatin1String("mail/"));
            e->spin->setSuffix(tr(" s"));
            e->spin->setSpecialValueText(tr("Default (%1 s)").arg(mail ? 30 : 10));
        }
    }
    fitStackToPages();
    m_noteLabel->setText(tr("Empty addresses use the built-in simulator or the embedded defaults. Switchboard uses "
                            "these settings from its next start; switchboard-worker and switchboard-ctl read the "
                            "same file (--config FILE)."));
}

void ElementSettingsPage::fitStackToPages()
{
    int width = 0;
    int height = 0;
    for (const Page* page : m_pages) {
        page->widget->ensurePolished(); // the style's sizes, not the defaults before polishing
        // Hidden widgets do not invalidate their layouts when their text changes: drop the cached sizes.
        for (QLayout* layout : page->widget->findChildren<QLayout*>())
            layout->invalidate();
        const QSize hint = page->widget->sizeHint().expandedTo(page->widget->minimumSizeHint());
        width = qMax(width, hint.width());
        height = qMax(height, hint.height());
    }
    const int scrollBar = style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    m_stack->setMinimumSize(width + scrollBar, height);
}

void ElementSettingsPage::showEvent(QShowEvent* event)
{
    fitStackToPages();
    QWidget::showEvent(event);
}

void ElementSettingsPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

std::unique_ptr<QSettings> ElementSettingsPage::openSettings() const
{
    if (m_file.isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(m_file, QSettings::IniFormat);
}

void ElementSettingsPage::setSettingsFile(const QString& file)
{
    m_file = file;
    load();
}

void ElementSettingsPage::load()
{
    m_stored = ElementSettings::load(*openSettings());
    for (Editor* e : m_editors) {
        const QString value = m_stored.value(QLatin1String(e->field.key));
        e->problem->hide();
        if (e->check)
            e->check->setChecked(value != QLatin1String("false"));
        else if (e->combo)
            e->combo->setCurrentIndex(qMax(0, e->combo->findData(value)));
        else if (e->spin)
            e->spin->setValue(value.isEmpty() ? 0 : qBound(1, (value.toInt() + 999) / 1000, 600));
        else if (e->field.secret) {
            e->edit->clear(); // never shown back
            e->stored = !value.isEmpty();
            e->cleared = false;
            updateSecretPlaceholder(*e);
        } else
            e->edit->setText(value);
        if (e->field.kind == Kind::Verify)
            updateVerifyWarning(*e);
    }
    updateEnabled();
}

ElementSettingsPage::Editor* ElementSettingsPage::editor(const char* key) const
{
    for (Editor* e : m_editors)
        if (qstrcmp(e->field.key, key) == 0)
            return e;
    return nullptr;
}

void ElementSettingsPage::updateEnabled()
{
    const Editor* kind = editor("network/hss_kind");
    const bool osmo = kind && kind->combo->currentData().toString() == QLatin1String("osmo-hlr");
    for (Editor* e : m_editors) {
        if (e->field.page != ElementPage::Hss || e->field.kind == Kind::Choice || e->field.kind == Kind::TimeoutMs)
            continue;
        const bool ctrl = e->field.kind == Kind::HostPort;
        const bool on = ctrl ? osmo : !osmo; // the CTRL interface has no URL, key or TLS
        for (QWidget* w : {static_cast<QWidget*>(e->label), static_cast<QWidget*>(e->edit),
                           static_cast<QWidget*>(e->check), static_cast<QWidget*>(e->browse)})
            if (w)
                w->setEnabled(on);
        if (e->clear)
            e->clear->setEnabled(on && e->stored);
    }
    for (Page* page : m_pages)
        if (page->testButton)
            page->testButton->setEnabled(!m_testing);
}

void ElementSettingsPage::updateSecretPlaceholder(Editor& e)
{
    e.edit->setPlaceholderText(e.stored ? tr("(stored — type to replace)") : translated(e.field.placeholder));
    e.clear->setEnabled(e.stored && e.edit->isEnabled());
}

void ElementSettingsPage::updateVerifyWarning(Editor& e)
{
    e.warning->setVisible(!e.check->isChecked());
}

void ElementSettingsPage::confirmVerifyOff(Editor& e)
{
    const QString element = translated(ElementSettings::pageName(e.field.page));
    const auto answer = QMessageBox::warning(
        this, tr("Turn off certificate verification?"),
        tr("Without verification Switchboard accepts any certificate from the %1, so an impostor could receive "
           "customer data and keys. Turn it off only for a test server.\n\nTurn verification off?")
            .arg(element),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        e.check->setChecked(true);
}

void ElementSettingsPage::clearSecret(Editor& e)
{
    e.edit->clear();
    e.stored = false;
    e.cleared = true;
    updateSecretPlaceholder(e);
}

void ElementSettingsPage::browse(Editor& e)
{
    const QString file = QFileDialog::getOpenFileName(this, e.label->text().remove(QLatin1Char(':')), e.edit->text(),
                                                      tr("PEM files (*.pem *.crt *.cer *.key);;All files (*)"));
    if (!file.isEmpty()) {
        e.edit->setText(file);
        e.problem->hide();
    }
}

QString ElementSettingsPage::editedValue(const Editor& e) const
{
    if (e.check)
        return e.check->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
    if (e.combo)
        return e.combo->currentData().toString();
    if (e.spin)
        return e.spin->value() == 0 ? QString() : QString::number(e.spin->value() * 1000);
    return e.field.secret ? e.edit->text() : e.edit->text().trimmed();
}

ElementSettings::Values ElementSettingsPage::effectiveValues() const
{
    ElementSettings::Values values;
    for (const Editor* e : m_editors) {
        const QString key = QLatin1String(e->field.key);
        QString value = editedValue(*e);
        if (e->field.secret && value.isEmpty() && e->stored)
            value = m_stored.value(key);
        values.insert(key, value);
    }
    return values;
}

bool ElementSettingsPage::validate()
{
    Editor* first = nullptr;
    for (Editor* e : m_editors) {
        const UserMessage why = ElementSettings::check(e->field, editedValue(*e));
        e->problem->setVisible(!why.isEmpty());
        e->problem->setText(why.text());
        if (!why.isEmpty() && !first)
            first = e;
    }
    for (int i = 0; i < m_pages.size(); ++i) { // the pages with a problem are marked in the list as well
        bool invalid = false;
        for (const Editor* e : m_editors)
            invalid = invalid || (e->field.page == m_pages.at(i)->id && !e->problem->isHidden());
        m_list->item(i)->setForeground(invalid ? QBrush(QColor(0xb3, 0x26, 0x1e)) : QBrush());
    }
    if (first) {
        showPage(first->field.page);
        if (first->edit)
            first->edit->setFocus();
    }
    return first == nullptr;
}

bool ElementSettingsPage::save()
{
    if (!validate())
        return false;
    ElementSettings::Values values;
    QSet<QString> cleared;
    for (const Editor* e : m_editors) {
        values.insert(QLatin1String(e->field.key), editedValue(*e));
        if (e->cleared)
            cleared.insert(QLatin1String(e->field.key));
    }
    {
        const std::unique_ptr<QSettings> settings = openSettings();
        ElementSettings::save(*settings, values, cleared);
    }
    load();
    return true;
}

void ElementSettingsPage::showPage(ElementPage page)
{
    const int index = int(ElementSettings::pages().indexOf(page));
    m_list->setCurrentRow(index);
}

QWidget* ElementSettingsPage::pageWidget(ElementPage id) const
{
    for (Page* page : m_pages)
        if (page->id == id)
            return page->widget;
    return nullptr;
}

QLabel* ElementSettingsPage::resultLabel(ElementPage id) const
{
    for (Page* page : m_pages)
        if (page->id == id)
            return page->result;
    return nullptr;
}

void ElementSettingsPage::testConnection()
{
    const ElementPage id = ElementSettings::pages().value(m_list->currentRow());
    if (m_testing || id == ElementPage::SimKeys)
        return;
    // Check only the fields of this page: the test uses nothing else.
    bool valid = true;
    for (Editor* e : m_editors) {
        if (e->field.page != id)
            continue;
        const UserMessage why = ElementSettings::check(e->field, editedValue(*e));
        e->problem->setVisible(!why.isEmpty());
        e->problem->setText(why.text());
        valid = valid && why.isEmpty();
    }
    if (!valid) {
        showResult(id, false, tr("Correct the fields marked in red, then test again."));
        emit testFinished(false);
        return;
    }
    m_testing = true;
    m_pages.at(m_list->currentRow())->hasResult = false;
    QLabel* result = resultLabel(id);
    result->setStyleSheet(QString());
    result->setText(tr("Connecting…"));
    updateEnabled();
    // Off the GUI thread: an element that does not answer takes up to its timeout.
    runAsync(
        this, QThreadPool::globalInstance(),
        [id, values = effectiveValues()] {
            const Result<UserMessage> outcome = ElementProbe::test(id, values);
            return ProbeOutcome{outcome.ok(), outcome ? *outcome : outcome.error().message};
        },
        [this, id](const ProbeOutcome& outcome) {
            m_testing = false;
            showResult(id, outcome.ok, outcome.message.text());
            updateEnabled();
            emit testFinished(outcome.ok);
        });
}

void ElementSettingsPage::showResult(ElementPage id, bool ok, const QString& text)
{
    for (Page* page : m_pages)
        if (page->id == id)
            page->hasResult = true;
    QLabel* label = resultLabel(id);
    label->setStyleSheet(QLatin1String(ok ? OkStyle : ErrorStyle));
    label->setText(text);
}

} // namespace sb
