#include "AddSiteDialog.h"

#include "AsyncCall.h"
#include "Formatting.h"
#include "domain/CustomerRules.h"
#include "workflows/Backend.h"
#include "workflows/CustomerWorkflow.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sb {

AddSiteDialog::AddSiteDialog(Backend& backend, const Customer& customer, QWidget* parent)
    : QDialog(parent), m_backend(backend), m_customer(customer), m_introLabel(new QLabel(this)),
      m_nameLabel(new QLabel(this)), m_nameEdit(new QLineEdit(this)), m_addressLabel(new QLabel(this)),
      m_addressEdit(new QLineEdit(this)), m_problemsLabel(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this)), m_addButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("addSiteDialog"));
    m_introLabel->setWordWrap(true);
    m_nameEdit->setObjectName(QStringLiteral("siteNameEdit"));
    m_nameEdit->setMinimumWidth(300);
    m_addressEdit->setObjectName(QStringLiteral("siteAddressEdit"));
    m_nameLabel->setBuddy(m_nameEdit);
    m_addressLabel->setBuddy(m_addressEdit);
    m_problemsLabel->setObjectName(QStringLiteral("addSiteProblems"));
    m_problemsLabel->setWordWrap(true);
    m_problemsLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_problemsLabel->hide();
    m_addButton->setObjectName(QStringLiteral("addSiteConfirmButton"));
    m_addButton->setDefault(true);
    m_buttons->addButton(m_addButton, QDialogButtonBox::AcceptRole);

    auto* form = new QFormLayout;
    form->addRow(m_nameLabel, m_nameEdit);
    form->addRow(m_addressLabel, m_addressEdit);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_introLabel);
    layout->addLayout(form);
    layout->addWidget(m_problemsLabel);
    layout->addWidget(m_buttons);
    layout->setSizeConstraint(QLayout::SetMinimumSize);

    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_addButton, &QPushButton::clicked, this, &AddSiteDialog::submit);
    retranslateUi();
}

void AddSiteDialog::retranslateUi()
{
    setWindowTitle(tr("Add Site"));
    m_introLabel->setText(tr("A new installation site of %1.").arg(Formatting::customer(m_customer)));
    m_nameLabel->setText(tr("&Name:"));
    m_nameEdit->setPlaceholderText(tr("e.g. Head office"));
    m_addressLabel->setText(tr("&Address:"));
    m_addButton->setText(tr("&Add"));
    m_problemsLabel->setText(problemText());
}

void AddSiteDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

QString AddSiteDialog::problemText() const
{
    QStringList texts;
    for (const Error& problem : m_problems)
        texts << Formatting::error(problem);
    return texts.join(QLatin1Char('\n'));
}

void AddSiteDialog::showProblems(const QList<Error>& problems)
{
    m_problems = problems;
    m_problemsLabel->setText(problemText());
    m_problemsLabel->setVisible(!problems.isEmpty());
}

void AddSiteDialog::submit()
{
    if (m_submitting)
        return;
    const Site site{0, m_customer.id, m_nameEdit->text().trimmed(), m_addressEdit->text().trimmed()};
    QList<Error> problems;
    for (const UserMessage& problem : CustomerRules::siteProblems(site))
        problems << Error{problem, {}};
    showProblems(problems);
    if (!problems.isEmpty())
        return;
    m_submitting = true;
    m_addButton->setEnabled(false);
    Database& db = m_backend.database();
    const Actor actor = m_backend.session();
    runAsync(
        this, m_backend.pool(), [&db, site, actor] { return CustomerWorkflow(db).addSite(site, actor); },
        [this](const Result<Site>& result) {
            m_submitting = false;
            m_addButton->setEnabled(true);
            if (!result.ok()) {
                showProblems({result.error()});
                return;
            }
            m_added = result.value();
            emit siteAdded(*m_added);
            accept();
        });
}

} // namespace sb
