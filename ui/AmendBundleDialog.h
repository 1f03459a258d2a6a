#pragma once

#include "ComponentSelection.h"
#include "workflows/AmendBundleWorkflow.h"
#include "workflows/SubscriptionWorkflow.h"

#include <QDialog>

class QComboBox;
class QCompleter;
class QDateTimeEdit;
class QDialogButtonBox;
class QFrame;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTreeWidget;
class QVBoxLayout;

namespace sb {

class Backend;
class ComponentListDialog;
class SelectComponentsDialog;

// Amend Bundle Services (seed 004) for one Flexible Bundle service: the current components with MODIFY (Select
// Components) and View Product Bundle Components; the Preview & Action panel (components to be removed and
// added, action details, scheduling); SUBMIT, which runs AmendBundleWorkflow::submit() on the pool and either
// closes with a summary or lists every broken rule in the dialog. Nothing touches the database on the GUI thread.
class AmendBundleDialog : public QDialog
{
    Q_OBJECT

public:
    AmendBundleDialog(Backend& backend, qint64 bundleServiceId, QWidget* parent = nullptr);

    bool isLoaded() const { return m_loaded; }
    bool isSubmitting() const { return m_submitting; }
    bool isChecking() const { return m_checking > 0; }
    const BundleComposition& composition() const { return m_composition; }
    const ComponentSelection& selection() const { return m_selection; }
    void setSelection(const ComponentSelection& selection);
    AmendBundleRequest request() const; // what SUBMIT sends now
    QStringList problemTexts() const;   // the rule messages shown, one sentence each
    QString successText() const { return m_successText; }

    SelectComponentsDialog* modifyComponents();   // MODIFY: opens Select Components (window-modal)
    void viewComposition();                       // View Product Bundle Components
    ComponentListDialog* viewRemovedComponents(); // VIEW next to Removed Components
    ComponentListDialog* viewAddedComponents();   // VIEW next to Added Components
    void submit();

    QRadioButton* nowButton() const { return m_nowRadio; }
    QRadioButton* onDateButton() const { return m_onDateRadio; }
    QRadioButton* afterDaysButton() const { return m_afterDaysRadio; }
    QDateTimeEdit* onDateEdit() const { return m_onDateEdit; }
    QLineEdit* daysEdit() const { return m_daysEdit; }
    QComboBox* actionTypeCombo() const { return m_actionTypeCombo; }
    QComboBox* subActionTypeCombo() const { return m_subActionTypeCombo; }
    QLineEdit* performedByEdit() const { return m_performedByEdit; }
    QDateTimeEdit* performedDateEdit() const { return m_performedDateEdit; }
    QPushButton* submitButton() const { return m_submitButton; }

public slots:
    void reject() override; // not while a submission runs: its outcome must reach the user

signals:
    void submitted(qint64 subscriptionId);
    void loaded();
    void submitFinished(bool ok);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct LoadedData;

    void retranslateUi();
    void load();
    void showLoaded(const LoadedData& data);
    void refreshComponents();
    void refreshPreview();
    void refreshHeader();
    void updateScheduleInputs();
    void updateEnabled();
    void checkCharge();
    void showProblems(const QList<UserMessage>& problems);
    void showStatus(const QString& text);
    void finishSubmit(const AmendResult& result);
    QString summary(const AmendResult& result) const;
    QString performedByLogin() const;
    QList<BundleProduct> removedProducts() const;

    Backend& m_backend;
    qint64 m_bundleServiceId;
    QString m_requestKey; // one per dialog: a resubmission after a lost reply is recognised, not applied twice
    bool m_loaded = false;
    bool m_submitting = false;
    int m_checking = 0;
    int m_checkSequence = 0;
    BundleComposition m_composition;
    SubscriptionDetails m_details;
    CustomActionChoices m_choices;
    QList<StaffUser> m_staff;
    ComponentSelection m_selection;
    QList<UserMessage> m_problems;
    Error m_loadError;
    bool m_hasCharge = false;
    Money m_charge;
    QString m_successText;

    QLabel* m_titleLabel;
    QLabel* m_subscriptionLabel;
    QLabel* m_statusLabel;
    QGroupBox* m_componentsBox;
    QTreeWidget* m_componentsList;
    QPushButton* m_modifyButton;
    QPushButton* m_compositionButton;
    QLabel* m_panelTitle;
    QGroupBox* m_previewBox;
    QLabel* m_removedCaption;
    QLabel* m_removedCount;
    QPushButton* m_removedViewButton;
    QLabel* m_addedCaption;
    QLabel* m_addedCount;
    QPushButton* m_addedViewButton;
    QLabel* m_chargeLabel;
    QGroupBox* m_actionBox;
    QLabel* m_actionTypeLabel;
    QComboBox* m_actionTypeCombo;
    QLabel* m_subActionTypeLabel;
    QComboBox* m_subActionTypeCombo;
    QLabel* m_performedByLabel;
    QLineEdit* m_performedByEdit;
    QCompleter* m_staffCompleter;
    QLabel* m_performedDateLabel;
    QDateTimeEdit* m_performedDateEdit;
    QGroupBox* m_scheduleBox;
    QRadioButton* m_nowRadio;
    QRadioButton* m_onDateRadio;
    QDateTimeEdit* m_onDateEdit;
    QRadioButton* m_afterDaysRadio;
    QLineEdit* m_daysEdit;
    QLabel* m_daysUnitLabel;
    QFrame* m_problemsFrame;
    QLabel* m_problemsTitle;
    QVBoxLayout* m_problemsLayout;
    QList<QLabel*> m_problemLabels;
    QDialogButtonBox* m_buttons;
    QPushButton* m_submitButton;
};

} // namespace sb
