#pragma once

#include <QFont>
#include <QLabel>

namespace sb {

// The two kinds of label of the detail panels (customer, subscription, provisioned service): a bold caption and
// a value the user can select and copy.
inline QLabel* captionLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

inline QLabel* valueLabel(QWidget* parent, const QString& objectName, bool wordWrap = false)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(wordWrap);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace sb
