#include "SegmentedButtons.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QToolButton>

namespace sb {

SegmentedButtons::SegmentedButtons(QWidget* parent) : QWidget(parent), m_group(new QButtonGroup(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_group->setExclusive(true);
    setStyleSheet(QStringLiteral("QToolButton { padding: 4px 14px; border: 1px solid palette(mid);"
                                 " background: palette(button); }"
                                 " QToolButton:checked { background: palette(highlight);"
                                 " color: palette(highlighted-text); border-color: palette(highlight); }"
                                 " QToolButton:focus { border: 1px solid palette(dark); }"));
    connect(m_group, &QButtonGroup::idClicked, this, &SegmentedButtons::currentChanged);
}

QToolButton* SegmentedButtons::addButton(const QString& objectName, int id)
{
    auto* button = new QToolButton(this);
    button->setObjectName(objectName);
    button->setCheckable(true);
    button->setAutoRaise(false);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setFocusPolicy(Qt::StrongFocus);
    button->setMinimumWidth(96);
    m_group->addButton(button, id);
    layout()->addWidget(button);
    if (m_group->buttons().size() == 1)
        button->setChecked(true);
    return button;
}

QToolButton* SegmentedButtons::button(int id) const
{
    return qobject_cast<QToolButton*>(m_group->button(id));
}

int SegmentedButtons::checkedId() const
{
    return m_group->checkedId();
}

void SegmentedButtons::setCheckedId(int id)
{
    const QSignalBlocker blocker(m_group);
    if (QAbstractButton* button = m_group->button(id))
        button->setChecked(true);
}

} // namespace sb
