#pragma once

#include "ComponentSelection.h"
#include "workflows/SubscriptionWorkflow.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace sb {

// Select Components (MODIFY in Amend Bundle Services): the Filters tab lists only the products the bundle
// allows, narrowed by Product, Product Type and Product Family; SELECT adds one; the Components list shows the
// current components and those added here, and REMOVE takes an added one out again or marks a current one for
// removal (RESTORE keeps it after all). SAVE keeps the choice, Cancel discards it.
class SelectComponentsDialog : public QDialog
{
    Q_OBJECT

public:
    SelectComponentsDialog(const BundleComposition& composition, const ComponentSelection& selection,
                           QWidget* parent = nullptr);

    ComponentSelection selection() const { return m_selection; }

    QLineEdit* productFilter() const { return m_productEdit; }
    QComboBox* productTypeFilter() const { return m_typeCombo; }
    QComboBox* productFamilyFilter() const { return m_familyCombo; }
    QTreeWidget* availableList() const { return m_available; }
    QTreeWidget* componentsList() const { return m_components; }
    QStringList visibleProductNames() const;   // what the Filters tab lists now
    bool selectProduct(const QString& name);   // chooses the listed product with that name and presses SELECT
    bool removeComponent(const QString& name); // chooses the component with that name and presses REMOVE

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void applyFilters();
    void selectCurrent();
    void removeCurrent();
    void restoreCurrent();
    void refreshComponents();
    void updateButtons();
    bool isCurrentComponent(qint64 productId) const;
    void showComposition();

    BundleComposition m_composition;
    ComponentSelection m_selection;
    QLabel* m_introLabel;
    QPushButton* m_compositionButton;
    QTabWidget* m_tabs;
    QWidget* m_filtersTab;
    QLabel* m_productLabel;
    QLineEdit* m_productEdit;
    QLabel* m_typeLabel;
    QComboBox* m_typeCombo;
    QLabel* m_familyLabel;
    QComboBox* m_familyCombo;
    QTreeWidget* m_available;
    QLabel* m_noMatchLabel;
    QPushButton* m_selectButton;
    QGroupBox* m_componentsBox;
    QTreeWidget* m_components;
    QPushButton* m_removeButton;
    QPushButton* m_restoreButton;
    QDialogButtonBox* m_buttons;
    QPushButton* m_saveButton;
};

} // namespace sb
