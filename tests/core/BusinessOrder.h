#pragma once

#include "domain/BusinessRules.h"
#include "workflows/AssignPlanWorkflow.h"

// For tests that assign plans to demo business customers: the order names the customer's first site, their
// billing and technical contacts and a value for each required custom field (the PO number).
inline void fillBusinessDetails(sb::AssignPlanWorkflow& workflow, sb::AssignRequest& request)
{
    const auto options = workflow.businessOptions(request.customerId, request.productId);
    if (!options.ok())
        return;
    if (!options->sites.isEmpty()) {
        request.business.siteId = options->sites.first().id;
        request.business.billingContactId = sb::BusinessRules::defaultContact(options->contacts, QStringLiteral("billing"));
        request.business.technicalContactId = sb::BusinessRules::defaultContact(options->contacts, QStringLiteral("technical"));
    }
    for (const sb::CustomFieldDefinition& field : options->fields)
        if (field.required)
            request.business.customFields.insert(field.key, QStringLiteral("PO-TEST-1"));
}
