#pragma once

#include <QWidget>

class QButtonGroup;
class QToolButton;

namespace sb {

// Two or more exclusive checkable buttons side by side ("Service Plans | Add-ons"). Arrow keys move the choice.
class SegmentedButtons : public QWidget
{
    Q_OBJECT

public:
    explicit SegmentedButtons(QWidget* parent = nullptr);

    QToolButton* addButton(const QString& objectName, int id);
    QToolButton* button(int id) const;
    int checkedId() const;
    void setCheckedId(int id); // without emitting currentChanged

signals:
    void currentChanged(int id);

private:
    QButtonGroup* m_group;
};

} // namespace sb
