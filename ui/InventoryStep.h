#pragma once

#include "domain/Entities.h"

#include <QMap>
#include <QWidget>

class QLabel;

namespace sb {

class Backend;
class InventoryPicker;

// Step 3 of the seed: "Required Inventory Items", one required picker per template the product lists.
class InventoryStep : public QWidget
{
    Q_OBJECT

public:
    InventoryStep(Backend& backend, const Product& product, const QString& holder, QWidget* parent = nullptr);

    bool isReady() const; // every required item is reserved
    QMap<QString, InventoryItem> reservedItems() const;
    const QList<InventoryPicker*>& pickers() const { return m_pickers; }
    InventoryPicker* picker(const QString& templateName) const;
    void setReservationDurationMs(qint64 durationMs);

signals:
    void readyChanged(bool ready);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QLabel* m_titleLabel;
    QLabel* m_hintLabel;
    QList<InventoryPicker*> m_pickers;
};

} // namespace sb
