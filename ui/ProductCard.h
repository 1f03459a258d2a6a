#pragma once

#include "domain/Entities.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace sb {

// One product of the catalog: name, service type, monthly cost, setup fee and "Assign to Customer".
class ProductCard : public QFrame
{
    Q_OBJECT

public:
    explicit ProductCard(const Product& product, QWidget* parent = nullptr);

    const Product& product() const { return m_product; }
    QPushButton* assignButton() const { return m_assignButton; }

signals:
    void assignRequested(const sb::Product& product);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    Product m_product;
    QLabel* m_nameLabel;
    QLabel* m_typeLabel;
    QLabel* m_descriptionLabel;
    QLabel* m_monthlyLabel;
    QLabel* m_setupLabel;
    QPushButton* m_assignButton;
};

} // namespace sb
