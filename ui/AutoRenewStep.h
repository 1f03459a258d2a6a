#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace sb {

// Step 4 of the seed: "Would you like to enable auto-renewal for this service?" [ No ] [ Yes ].
class AutoRenewStep : public QWidget
{
    Q_OBJECT

public:
    explicit AutoRenewStep(QWidget* parent = nullptr);

    bool autoRenew() const { return m_autoRenew; }
    void setAutoRenew(bool autoRenew); // the default the buttons show; no signal
    QPushButton* noButton() const { return m_noButton; }
    QPushButton* yesButton() const { return m_yesButton; }
    void focusDefault();

signals:
    void chosen(bool autoRenew); // a button was pressed

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    bool m_autoRenew = true;
    QLabel* m_questionLabel;
    QLabel* m_explanationLabel;
    QLabel* m_behaviourLabel;
    QPushButton* m_noButton;
    QPushButton* m_yesButton;
};

} // namespace sb
