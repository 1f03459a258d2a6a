#include "LoginDialog.h"

#include "AsyncCall.h"
#include "workflows/Backend.h"
#include "workflows/StaffWorkflow.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sb {

LoginDialog::LoginDialog(Backend& backend, QWidget* parent)
    : QDialog(parent), m_backend(backend), m_introLabel(new QLabel(this)), m_loginLabel(new QLabel(this)),
      m_loginEdit(new QLineEdit(this)), m_passwordLabel(new QLabel(this)), m_passwordEdit(new QLineEdit(this)),
      m_errorLabel(new QLabel(this)), m_buttons(new QDialogButtonBox(this))
{
    setObjectName(QStringLiteral("loginDialog"));
    m_loginEdit->setObjectName(QStringLiteral("loginEdit"));
    m_passwordEdit->setObjectName(QStringLiteral("passwordEdit"));
    m_errorLabel->setObjectName(QStringLiteral("loginErrorLabel"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_loginEdit->setText(Backend::localLogin());
    m_loginLabel->setBuddy(m_loginEdit);
    m_passwordLabel->setBuddy(m_passwordEdit);
    m_introLabel->setWordWrap(true);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setForegroundRole(QPalette::BrightText);
    m_errorLabel->hide();
    m_signInButton = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_signInButton->setObjectName(QStringLiteral("signInButton"));
    m_signInButton->setDefault(true);
    m_quitButton = m_buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    m_quitButton->setObjectName(QStringLiteral("quitButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LoginDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &LoginDialog::reject);
    connect(m_loginEdit, &QLineEdit::textChanged, this, &LoginDialog::updateButtons);
    connect(m_passwordEdit, &QLineEdit::textChanged, this, &LoginDialog::updateButtons);

    auto* form = new QFormLayout;
    form->addRow(m_loginLabel, m_loginEdit);
    form->addRow(m_passwordLabel, m_passwordEdit);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_introLabel);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_buttons);
    setMinimumWidth(420);
    if (!m_loginEdit->text().isEmpty())
        m_passwordEdit->setFocus();
    retranslateUi();
}

void LoginDialog::retranslateUi()
{
    setWindowTitle(tr("Sign In to Switchboard"));
    m_introLabel->setText(tr("This database is shared. Sign in with your staff login and password."));
    m_loginLabel->setText(tr("&Login:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_signInButton->setText(m_checking ? tr("Signing in…") : tr("&Sign In"));
    m_quitButton->setText(tr("&Quit"));
    m_errorLabel->setText(m_error ? m_error->text() : QString());
    m_errorLabel->setVisible(m_error.has_value());
}

void LoginDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void LoginDialog::updateButtons()
{
    m_signInButton->setEnabled(!m_checking && !m_loginEdit->text().trimmed().isEmpty() &&
                               !m_passwordEdit->text().isEmpty());
    m_loginEdit->setEnabled(!m_checking);
    m_passwordEdit->setEnabled(!m_checking);
}

void LoginDialog::accept()
{
    if (m_checking || !m_signInButton->isEnabled())
        return;
    m_checking = true;
    m_error.reset();
    updateButtons();
    retranslateUi();
    Database& db = m_backend.database();
    const QString login = m_loginEdit->text().trimmed();
    const QString password = m_passwordEdit->text();
    runAsync(
        this, m_backend.pool(), [&db, login, password] { return StaffWorkflow(db).authenticate(login, password); },
        [this](const Result<Actor>& result) {
            m_checking = false;
            if (result.ok()) {
                m_actor = *result;
                retranslateUi();
                QDialog::accept();
                return;
            }
            m_error = result.error();
            retranslateUi();
            m_passwordEdit->clear();
            updateButtons();
            m_passwordEdit->setFocus();
        });
}

} // namespace sb
