#include "AutoRenewStep.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace sb {

AutoRenewStep::AutoRenewStep(QWidget* parent)
    : QWidget(parent), m_questionLabel(new QLabel(this)), m_explanationLabel(new QLabel(this)),
      m_behaviourLabel(new QLabel(this)), m_noButton(new QPushButton(this)), m_yesButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("autoRenewStep"));
    m_questionLabel->setObjectName(QStringLiteral("autoRenewQuestion"));
    m_explanationLabel->setObjectName(QStringLiteral("autoRenewExplanation"));
    m_noButton->setObjectName(QStringLiteral("autoRenewNoButton"));
    m_yesButton->setObjectName(QStringLiteral("autoRenewYesButton"));
    QFont questionFont = m_questionLabel->font();
    questionFont.setBold(true);
    questionFont.setPointSizeF(questionFont.pointSizeF() * 1.15);
    m_questionLabel->setFont(questionFont);
    m_questionLabel->setWordWrap(true);
    m_explanationLabel->setWordWrap(true);
    m_behaviourLabel->setWordWrap(true);
    m_behaviourLabel->setForegroundRole(QPalette::PlaceholderText);
    setStyleSheet(QStringLiteral("QPushButton:checked { background: palette(highlight);"
                                 " color: palette(highlighted-text); border: 1px solid palette(highlight);"
                                 " border-radius: 3px; padding: 5px; }"));
    for (QPushButton* button : {m_noButton, m_yesButton}) {
        button->setCheckable(true);
        button->setAutoDefault(false);
        button->setMinimumWidth(110);
    }

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_noButton);
    buttons->addWidget(m_yesButton);
    buttons->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_questionLabel);
    layout->addWidget(m_explanationLabel);
    layout->addSpacing(12);
    layout->addLayout(buttons);
    layout->addSpacing(12);
    layout->addWidget(m_behaviourLabel);
    layout->addStretch(2);

    connect(m_noButton, &QPushButton::clicked, this, [this] {
        setAutoRenew(false);
        emit chosen(false);
    });
    connect(m_yesButton, &QPushButton::clicked, this, [this] {
        setAutoRenew(true);
        emit chosen(true);
    });
    setAutoRenew(true);
    retranslateUi();
}

void AutoRenewStep::retranslateUi()
{
    m_questionLabel->setText(tr("Would you like to enable auto-renewal for this service?"));
    m_explanationLabel->setText(tr("When enabled, this service will automatically renew at the end of each billing "
                                   "period and charge the customer's default payment method."));
    m_behaviourLabel->setText(tr("Yes: the service renews automatically and the customer is charged monthly.\n"
                                 "No: the service expires at the end of the contract period; renewal is manual."));
    m_noButton->setText(tr("&No"));
    m_yesButton->setText(tr("&Yes"));
}

void AutoRenewStep::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void AutoRenewStep::setAutoRenew(bool autoRenew)
{
    m_autoRenew = autoRenew;
    m_yesButton->setChecked(autoRenew);
    m_noButton->setChecked(!autoRenew);
}

void AutoRenewStep::focusDefault()
{
    (m_autoRenew ? m_yesButton : m_noButton)->setFocus(Qt::TabFocusReason);
}

} // namespace sb
