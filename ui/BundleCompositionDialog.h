#pragma once

#include "workflows/SubscriptionWorkflow.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QTreeWidget;

namespace sb {

// View Product Bundle Components: the composition rules of the bundle's product, read-only (informative).
class BundleCompositionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit BundleCompositionDialog(const BundleComposition& composition, QWidget* parent = nullptr);

    QTreeWidget* rulesList() const { return m_rules; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    QString ruleValue(const CompositionRule& rule) const;

    BundleComposition m_composition;
    QLabel* m_introLabel;
    QTreeWidget* m_rules;
    QDialogButtonBox* m_buttons;
};

} // namespace sb
