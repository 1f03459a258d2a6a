#pragma once

#include "AssignDraft.h"

#include <QWidget>

class QLabel;

namespace sb {

// Step 5 of the seed: every selection before provisioning (customer, product, inventory, pricing, auto-renew), and
// for add-ons the service that receives it, for business orders the site, the contacts and the custom fields.
class ReviewStep : public QWidget
{
    Q_OBJECT

public:
    explicit ReviewStep(QWidget* parent = nullptr);

    void setDraft(const AssignDraft& draft);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    AssignDraft m_draft;
    QLabel* m_titleLabel;
    QLabel* m_customerCaption;
    QLabel* m_productCaption;
    QLabel* m_inventoryCaption;
    QLabel* m_pricingCaption;
    QLabel* m_setupCaption;
    QLabel* m_monthlyCaption;
    QLabel* m_autoRenewCaption;
    QLabel* m_customerValue;
    QLabel* m_productValue;
    QLabel* m_inventoryValue;
    QLabel* m_setupValue;
    QLabel* m_monthlyValue;
    QLabel* m_autoRenewValue;
    QLabel* m_addonForCaption;
    QLabel* m_addonForValue;
    QLabel* m_siteCaption;
    QLabel* m_siteValue;
    QLabel* m_billingCaption;
    QLabel* m_billingValue;
    QLabel* m_technicalCaption;
    QLabel* m_technicalValue;
    QLabel* m_fieldsCaption;
    QLabel* m_fieldsValue;
};

} // namespace sb
