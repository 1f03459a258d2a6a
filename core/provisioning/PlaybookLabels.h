#pragma once

#include <QStringList>

namespace sb {

// Every task label of the built-in playbooks, listed here so that lupdate extracts them for translation.
// A test checks that each label in resources/playbooks is in this list.
QStringList builtInPlaybookLabels();

} // namespace sb
