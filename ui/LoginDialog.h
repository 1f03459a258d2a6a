#pragma once

#include "security/Actor.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace sb {

class Backend;

// Sign-in against the staff accounts of a shared (PostgreSQL) database. The password is checked on the
// Backend's pool, never on the GUI thread; on success the dialog is accepted and actor() is the signed-in user.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LoginDialog(Backend& backend, QWidget* parent = nullptr);

    const Actor& actor() const { return m_actor; }
    bool isChecking() const { return m_checking; }

public slots:
    void accept() override; // starts the check; the dialog closes when it succeeds

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateButtons();

    Backend& m_backend;
    Actor m_actor;
    bool m_checking = false;
    std::optional<Error> m_error;
    QLabel* m_introLabel;
    QLabel* m_loginLabel;
    QLineEdit* m_loginEdit;
    QLabel* m_passwordLabel;
    QLineEdit* m_passwordEdit;
    QLabel* m_errorLabel;
    QDialogButtonBox* m_buttons;
    QPushButton* m_signInButton;
    QPushButton* m_quitButton;
};

} // namespace sb
