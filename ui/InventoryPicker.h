#pragma once

#include "domain/Entities.h"
#include "domain/UserMessage.h"

#include <QTimer>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;

namespace sb {

class Backend;

// One required inventory item ("SIM Card *"): lists the pickable items of its template, reserves the chosen
// one for the dialog's holder (releasing the previous choice), and counts down until the reservation expires.
class InventoryPicker : public QWidget
{
    Q_OBJECT

public:
    InventoryPicker(Backend& backend, const QString& templateName, const QString& holder, QWidget* parent = nullptr);

    QString templateName() const { return m_templateName; }
    QComboBox* comboBox() const { return m_combo; }
    std::optional<InventoryItem> reservedItem() const { return m_reserved; }
    qint64 reservedUntilMs() const { return m_reservedUntilMs; }
    bool isBusy() const { return m_busy > 0; }
    bool isEmpty() const { return m_loaded && m_items.isEmpty(); }
    void setReservationDurationMs(qint64 durationMs) { m_durationMs = durationMs; }
    void reload();

signals:
    void reservationChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void fillCombo();
    void onActivated(int index);
    void reserve(const InventoryItem& item);
    void releaseReserved();
    void tick();
    void setNotice(const std::optional<UserMessage>& notice);

    Backend& m_backend;
    QString m_templateName;
    QString m_holder;
    QLabel* m_label;
    QComboBox* m_combo;
    QLabel* m_statusLabel;
    QWidget* m_emptyState;
    QLabel* m_emptyTitle;
    QLabel* m_emptyHints;
    QList<InventoryItem> m_items;
    std::optional<InventoryItem> m_reserved;
    qint64 m_reservedUntilMs = 0;
    qint64 m_durationMs = 0;             // 0: the core's default
    std::optional<Error> m_error;        // a refused reservation or a failed load
    std::optional<UserMessage> m_notice; // an expired reservation
    QTimer m_countdown;
    quint64 m_loadSequence = 0;
    int m_busy = 0;
    bool m_loaded = false;
};

} // namespace sb
