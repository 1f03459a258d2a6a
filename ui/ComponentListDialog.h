#pragma once

#include "domain/Bundle.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QTreeWidget;

namespace sb {

// VIEW of Removed Components / Added Components: a read-only list of products (name, type, family, price).
class ComponentListDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Kind { Added, Removed };

    ComponentListDialog(Kind kind, const QList<BundleProduct>& products, QWidget* parent = nullptr);

    QTreeWidget* list() const { return m_list; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    Kind m_kind;
    QLabel* m_emptyLabel;
    QTreeWidget* m_list;
    QDialogButtonBox* m_buttons;
};

} // namespace sb
