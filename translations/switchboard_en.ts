<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Addon</name>
    <message>
        <source>%1 is not an add-on. Assign it as a new service from the Service Plans catalog instead.</source>
        <translation>%1 is not an add-on. Assign it as a new service from the Service Plans catalog instead.</translation>
    </message>
    <message>
        <source>%1 does not belong to %2. Choose one of the customer&apos;s own services.</source>
        <translation>%1 does not belong to %2. Choose one of the customer&apos;s own services.</translation>
    </message>
    <message>
        <source>%1 is an add-on for services of type %2, and %3 is of type %4. Choose a service of type %2.</source>
        <translation>%1 is an add-on for services of type %2, and %3 is of type %4. Choose a service of type %2.</translation>
    </message>
    <message>
        <source>%1 is part of another service (a bundle component or an add-on). Choose the main service instead.</source>
        <translation>%1 is part of another service (a bundle component or an add-on). Choose the main service instead.</translation>
    </message>
    <message>
        <source>%1 is not active (%2). Add-ons can only be added to an active service: wait until it is provisioned, or retry its provisioning.</source>
        <translation>%1 is not active (%2). Add-ons can only be added to an active service: wait until it is provisioned, or retry its provisioning.</translation>
    </message>
    <message>
        <source>The payment method of %1 expired on %2. Update the customer&apos;s payment method before buying %3.</source>
        <translation>The payment method of %1 expired on %2. Update the customer&apos;s payment method before buying %3.</translation>
    </message>
    <message>
        <source>%1 has no valid payment method on file. Add a payment method to the customer before buying %2.</source>
        <translation>%1 has no valid payment method on file. Add a payment method to the customer before buying %2.</translation>
    </message>
    <message>
        <source>%1 has no active %2 service that can receive %3. Assign a %2 plan first, then add the add-on to it.</source>
        <translation>%1 has no active %2 service that can receive %3. Assign a %2 plan first, then add the add-on to it.</translation>
    </message>
    <message>
        <source>The add-on no longer exists. Reload the catalog and choose again.</source>
        <translation>The add-on no longer exists. Reload the catalog and choose again.</translation>
    </message>
    <message>
        <source>Customer not found. Create the customer first, or search again by ID, email or phone.</source>
        <translation>Customer not found. Create the customer first, or search again by ID, email or phone.</translation>
    </message>
    <message>
        <source>%1 has %2 services that can receive %3. Choose which service should receive this add-on.</source>
        <translation>%1 has %2 services that can receive %3. Choose which service should receive this add-on.</translation>
    </message>
    <message>
        <source>Service %1 does not exist. Choose one of the customer&apos;s services.</source>
        <translation>Service %1 does not exist. Choose one of the customer&apos;s services.</translation>
    </message>
    <message>
        <source>%1 is required for %2. Pick one from the inventory.</source>
        <translation>%1 is required for %2. Pick one from the inventory.</translation>
    </message>
    <message>
        <source>The item picked for %1 is not a %1. Pick an item of the right kind.</source>
        <translation>The item picked for %1 is not a %1. Pick an item of the right kind.</translation>
    </message>
    <message>
        <source>%1 is no longer available: another order has reserved or used it. Pick another item.</source>
        <translation>%1 is no longer available: another order has reserved or used it. Pick another item.</translation>
    </message>
</context>
<context>
    <name>AmendBundle</name>
    <message>
        <source>%1 is not allowed in the bundle %2. Choose one of the products that View Product Bundle Components lists.</source>
        <translation>%1 is not allowed in the bundle %2. Choose one of the products that View Product Bundle Components lists.</translation>
    </message>
    <message>
        <source>%1 is mandatory in the bundle %2 and cannot be removed. Keep at least one component of it.</source>
        <translation>%1 is mandatory in the bundle %2 and cannot be removed. Keep at least one component of it.</translation>
    </message>
    <message>
        <source>The bundle %1 needs at least %2 components of %3 but would have %4. Add components or remove fewer.</source>
        <translation>The bundle %1 needs at least %2 components of %3 but would have %4. Add components or remove fewer.</translation>
    </message>
    <message>
        <source>The bundle %1 allows at most %2 components of %3 but would have %4. Add fewer components.</source>
        <translation>The bundle %1 allows at most %2 components of %3 but would have %4. Add fewer components.</translation>
    </message>
    <message>
        <source>%1 requires %2 on the subscription. Keep or add %2, or leave out %1.</source>
        <translation>%1 requires %2 on the subscription. Keep or add %2, or leave out %1.</translation>
    </message>
    <message>
        <source>%1 cannot be combined with %2. Leave out one of them.</source>
        <translation>%1 cannot be combined with %2. Leave out one of them.</translation>
    </message>
    <message>
        <source>The date is mandatory. Choose the date of the scheduled action.</source>
        <translation>The date is mandatory. Choose the date of the scheduled action.</translation>
    </message>
    <message>
        <source>The date must be greater than the current date (%1). Choose a later date or time.</source>
        <translation>The date must be greater than the current date (%1). Choose a later date or time.</translation>
    </message>
    <message>
        <source>The number of days is mandatory and must be an integer greater than 0, not &quot;%1&quot;.</source>
        <translation>The number of days is mandatory and must be an integer greater than 0, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Subscription service %1 does not exist. Search for the subscription again.</source>
        <translation>Subscription service %1 does not exist. Search for the subscription again.</translation>
    </message>
    <message>
        <source>The service %1 is not part of a subscription, so it has no bundle services to amend.</source>
        <translation>The service %1 is not part of a subscription, so it has no bundle services to amend.</translation>
    </message>
    <message>
        <source>Subscription %1 has no service of type Flexible Bundle. Amend Bundle Services is available only for subscriptions that have one.</source>
        <translation>Subscription %1 has no service of type Flexible Bundle. Amend Bundle Services is available only for subscriptions that have one.</translation>
    </message>
    <message>
        <source>%1 is not a Flexible Bundle service. Choose the subscription&apos;s Flexible Bundle service.</source>
        <translation>%1 is not a Flexible Bundle service. Choose the subscription&apos;s Flexible Bundle service.</translation>
    </message>
    <message>
        <source>Subscription %1 is %2. Bundle services can be amended only while the subscription is Draft, Effective or Not Effective.</source>
        <translation>Subscription %1 is %2. Bundle services can be amended only while the subscription is Draft, Effective or Not Effective.</translation>
    </message>
    <message>
        <source>The service %1 is %2. Services can be amended only while they are Draft, Effective or Not Effective.</source>
        <translation>The service %1 is %2. Services can be amended only while they are Draft, Effective or Not Effective.</translation>
    </message>
    <message>
        <source>Choose at least one component to add to the bundle or to remove from it.</source>
        <translation>Choose at least one component to add to the bundle or to remove from it.</translation>
    </message>
    <message>
        <source>There is no product with ID %1. Choose the components again.</source>
        <translation>There is no product with ID %1. Choose the components again.</translation>
    </message>
    <message>
        <source>There is no product &quot;%1&quot;. View Product Bundle Components lists the allowed ones.</source>
        <translation>There is no product &quot;%1&quot;. View Product Bundle Components lists the allowed ones.</translation>
    </message>
    <message>
        <source>Service %1 is not a current component of the bundle %2. Choose one of its components to remove.</source>
        <translation>Service %1 is not a current component of the bundle %2. Choose one of its components to remove.</translation>
    </message>
    <message>
        <source>%1 is already in the bundle %2. Choose another component.</source>
        <translation>%1 is already in the bundle %2. Choose another component.</translation>
    </message>
    <message>
        <source>%1 is chosen more than once. Add each component once.</source>
        <translation>%1 is chosen more than once. Add each component once.</translation>
    </message>
    <message>
        <source>The bundle service %1 is scheduled to be swapped on %2. Cancel that action or amend the bundle after it has run.</source>
        <translation>The bundle service %1 is scheduled to be swapped on %2. Cancel that action or amend the bundle after it has run.</translation>
    </message>
    <message>
        <source>The bundle service %1 is scheduled to be removed on %2. Cancel that action or amend the bundle after it has run.</source>
        <translation>The bundle service %1 is scheduled to be removed on %2. Cancel that action or amend the bundle after it has run.</translation>
    </message>
    <message>
        <source>The prepaid subscription %1 has no wallet, so the added components cannot be paid for. Nothing has been changed.</source>
        <translation>The prepaid subscription %1 has no wallet, so the added components cannot be paid for. Nothing has been changed.</translation>
    </message>
    <message>
        <source>The wallet of subscription %1 holds %2, which cannot activate %3 (%4 needed for all added components). Top up the wallet or add fewer components; nothing has been changed.</source>
        <translation>The wallet of subscription %1 holds %2, which cannot activate %3 (%4 needed for all added components). Top up the wallet or add fewer components; nothing has been changed.</translation>
    </message>
    <message>
        <source>There is no staff user &quot;%1&quot;. Choose the user who performed the action, or leave it empty for yourself.</source>
        <translation>There is no staff user &quot;%1&quot;. Choose the user who performed the action, or leave it empty for yourself.</translation>
    </message>
    <message>
        <source>Choose an Action Type: custom action types are configured for Amend Bundle Services.</source>
        <translation>Choose an Action Type: custom action types are configured for Amend Bundle Services.</translation>
    </message>
    <message>
        <source>No Action Types are configured for Amend Bundle Services. Leave the Action Type empty.</source>
        <translation>No Action Types are configured for Amend Bundle Services. Leave the Action Type empty.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an Action Type of Amend Bundle Services. Choose one of: %2.</source>
        <translation>&quot;%1&quot; is not an Action Type of Amend Bundle Services. Choose one of: %2.</translation>
    </message>
    <message>
        <source>Choose a Sub Action Type: custom sub action types are configured for Amend Bundle Services.</source>
        <translation>Choose a Sub Action Type: custom sub action types are configured for Amend Bundle Services.</translation>
    </message>
    <message>
        <source>No Sub Action Types are configured for Amend Bundle Services. Leave the Sub Action Type empty.</source>
        <translation>No Sub Action Types are configured for Amend Bundle Services. Leave the Sub Action Type empty.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Sub Action Type of Amend Bundle Services. Choose one of: %2.</source>
        <translation>&quot;%1&quot; is not a Sub Action Type of Amend Bundle Services. Choose one of: %2.</translation>
    </message>
    <message>
        <source>Scheduled action %1 does not exist. Check the number in the subscription&apos;s scheduled actions.</source>
        <translation>Scheduled action %1 does not exist. Check the number in the subscription&apos;s scheduled actions.</translation>
    </message>
    <message>
        <source>Scheduled action %1 cannot be cancelled: it is %2 already.</source>
        <translation>Scheduled action %1 cannot be cancelled: it is %2 already.</translation>
    </message>
    <message>
        <source>Subscription %1 does not exist. Search by subscription number or customer name.</source>
        <translation>Subscription %1 does not exist. Search by subscription number or customer name.</translation>
    </message>
</context>
<context>
    <name>AssignPlan</name>
    <message>
        <source>The product no longer exists. Reload the catalog and choose again.</source>
        <translation>The product no longer exists. Reload the catalog and choose again.</translation>
    </message>
    <message>
        <source>Customer not found. Create the customer first, or search again by ID, email or phone.</source>
        <translation>Customer not found. Create the customer first, or search again by ID, email or phone.</translation>
    </message>
    <message>
        <source>%1 is no longer available: another order has reserved or used it. Pick another item.</source>
        <translation>%1 is no longer available: another order has reserved or used it. Pick another item.</translation>
    </message>
    <message>
        <source>%1 is required for %2. Pick one from the inventory.</source>
        <translation>%1 is required for %2. Pick one from the inventory.</translation>
    </message>
    <message>
        <source>The item picked for %1 is not a %1. Pick an item of the right kind.</source>
        <translation>The item picked for %1 is not a %1. Pick an item of the right kind.</translation>
    </message>
    <message>
        <source>There is no product &quot;%1&quot;. See switchboard-ctl products list.</source>
        <translation>There is no product &quot;%1&quot;. See switchboard-ctl products list.</translation>
    </message>
    <message>
        <source>%1 is an add-on: it is added to one of the customer&apos;s existing services. Use Add-ons next to that service.</source>
        <translation>%1 is an add-on: it is added to one of the customer&apos;s existing services. Use Add-ons next to that service.</translation>
    </message>
</context>
<context>
    <name>AssignRules</name>
    <message>
        <source>%1 is disabled in the catalog and cannot be assigned. Choose another product.</source>
        <translation>%1 is disabled in the catalog and cannot be assigned. Choose another product.</translation>
    </message>
    <message>
        <source>%1 is not an active customer. Reactivate the customer before assigning a plan.</source>
        <translation>%1 is not an active customer. Reactivate the customer before assigning a plan.</translation>
    </message>
    <message>
        <source>%1 is a business customer and %2 is only available to individual customers. Choose a business product or another customer.</source>
        <translation>%1 is a business customer and %2 is only available to individual customers. Choose a business product or another customer.</translation>
    </message>
    <message>
        <source>%1 is an individual customer and %2 is only available to business customers. Choose an individual product or another customer.</source>
        <translation>%1 is an individual customer and %2 is only available to business customers. Choose an individual product or another customer.</translation>
    </message>
</context>
<context>
    <name>Backend</name>
    <message>
        <source>The built-in network-element simulator could not start. Check that loopback networking is available.</source>
        <translation>The built-in network-element simulator could not start. Check that loopback networking is available.</translation>
    </message>
</context>
<context>
    <name>BulkImport</name>
    <message>
        <source>Line %1: %2</source>
        <translation>Line %1: %2</translation>
    </message>
    <message>
        <source>Line %1: %2 %3 is already used on line %4. Name each item once.</source>
        <translation>Line %1: %2 %3 is already used on line %4. Name each item once.</translation>
    </message>
    <message>
        <source>Line %1: no %2 is left for this row: the file needs %3 from the inventory and %4 are free. Add stock or split the file.</source>
        <translation>Line %1: no %2 is left for this row: the file needs %3 from the inventory and %4 are free. Add stock or split the file.</translation>
    </message>
    <message>
        <source>The file has a header but no rows. Add one row per service below the header.</source>
        <translation>The file has a header but no rows. Add one row per service below the header.</translation>
    </message>
    <message>
        <source>Bulk import %1 does not exist. Check the number in the list of imports.</source>
        <translation>Bulk import %1 does not exist. Check the number in the list of imports.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2. Check the file name and that you may read it.</source>
        <translation>Cannot open %1: %2. Check the file name and that you may read it.</translation>
    </message>
    <message>
        <source>None of the %1 rows can be assigned. Correct the errors listed for each line and import the file again.</source>
        <translation>None of the %1 rows can be assigned. Correct the errors listed for each line and import the file again.</translation>
    </message>
    <message>
        <source>Line %1: no free %2 is left in the inventory. Add stock, then retry the failed rows.</source>
        <translation>Line %1: no free %2 is left in the inventory. Add stock, then retry the failed rows.</translation>
    </message>
    <message>
        <source>Cannot write the report to %1: %2. Choose another folder.</source>
        <translation>Cannot write the report to %1: %2. Choose another folder.</translation>
    </message>
    <message>
        <source>Line %1: the customer is missing. Enter the customer ID, email or phone.</source>
        <translation>Line %1: the customer is missing. Enter the customer ID, email or phone.</translation>
    </message>
    <message>
        <source>Line %1: &quot;%2&quot; matches %3 customers. Use the customer ID instead.</source>
        <translation>Line %1: &quot;%2&quot; matches %3 customers. Use the customer ID instead.</translation>
    </message>
    <message>
        <source>Line %1: customer &quot;%2&quot; not found. Use the customer ID, email or phone of an existing customer.</source>
        <translation>Line %1: customer &quot;%2&quot; not found. Use the customer ID, email or phone of an existing customer.</translation>
    </message>
    <message>
        <source>Line %1: the product is missing. Enter the product&apos;s slug, for example mobile-20gb.</source>
        <translation>Line %1: the product is missing. Enter the product&apos;s slug, for example mobile-20gb.</translation>
    </message>
    <message>
        <source>Line %1: there is no product &quot;%2&quot;. Use a product slug from the catalog.</source>
        <translation>Line %1: there is no product &quot;%2&quot;. Use a product slug from the catalog.</translation>
    </message>
    <message>
        <source>Line %1: %2 is an add-on. A bulk assignment creates new services from service plans only.</source>
        <translation>Line %1: %2 is an add-on. A bulk assignment creates new services from service plans only.</translation>
    </message>
    <message>
        <source>Line %1: auto_renew must be yes or no (or true/false, 1/0), not &quot;%2&quot;.</source>
        <translation>Line %1: auto_renew must be yes or no (or true/false, 1/0), not &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Line %1: %2 does not need a %3. Leave the column empty for this row.</source>
        <translation>Line %1: %2 does not need a %3. Leave the column empty for this row.</translation>
    </message>
    <message>
        <source>Line %1: there is no %2 &quot;%3&quot; in the inventory.</source>
        <translation>Line %1: there is no %2 &quot;%3&quot; in the inventory.</translation>
    </message>
    <message>
        <source>Line %1: %2 %3 is not available: it is assigned, reserved or out of service. Name a free item or leave the column empty.</source>
        <translation>Line %1: %2 %3 is not available: it is assigned, reserved or out of service. Name a free item or leave the column empty.</translation>
    </message>
    <message>
        <source>Line %1: %2 has no site called &quot;%3&quot;.</source>
        <translation>Line %1: %2 has no site called &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>Line %1: %2 has no contact called &quot;%3&quot; (name or email).</source>
        <translation>Line %1: %2 has no contact called &quot;%3&quot; (name or email).</translation>
    </message>
</context>
<context>
    <name>BusinessRules</name>
    <message>
        <source>%1 is required for this order. Enter it and continue.</source>
        <translation>%1 is required for this order. Enter it and continue.</translation>
    </message>
    <message>
        <source>%1 is too long: at most %2 characters.</source>
        <translation>%1 is too long: at most %2 characters.</translation>
    </message>
    <message>
        <source>%1 must be a number, for example 1200 or 12.50.</source>
        <translation>%1 must be a number, for example 1200 or 12.50.</translation>
    </message>
    <message>
        <source>%1 must be a date written as YYYY-MM-DD, for example 2026-03-31.</source>
        <translation>%1 must be a date written as YYYY-MM-DD, for example 2026-03-31.</translation>
    </message>
    <message>
        <source>%1 has no installation site. Add a site on the customer page first.</source>
        <translation>%1 has no installation site. Add a site on the customer page first.</translation>
    </message>
    <message>
        <source>Select the installation site that receives %1.</source>
        <translation>Select the installation site that receives %1.</translation>
    </message>
    <message>
        <source>The installation site is not one of %1&apos;s sites. Select one of their sites.</source>
        <translation>The installation site is not one of %1&apos;s sites. Select one of their sites.</translation>
    </message>
    <message>
        <source>%1 has no contacts. Add a billing and a technical contact on the customer page first.</source>
        <translation>%1 has no contacts. Add a billing and a technical contact on the customer page first.</translation>
    </message>
    <message>
        <source>Select the billing contact.</source>
        <translation>Select the billing contact.</translation>
    </message>
    <message>
        <source>The billing contact is not one of %1&apos;s contacts. Select one of their contacts.</source>
        <translation>The billing contact is not one of %1&apos;s contacts. Select one of their contacts.</translation>
    </message>
    <message>
        <source>Select the technical contact.</source>
        <translation>Select the technical contact.</translation>
    </message>
    <message>
        <source>The technical contact is not one of %1&apos;s contacts. Select one of their contacts.</source>
        <translation>The technical contact is not one of %1&apos;s contacts. Select one of their contacts.</translation>
    </message>
    <message>
        <source>Installation sites and contacts are for business customers only. %1 is an individual customer.</source>
        <translation>Installation sites and contacts are for business customers only. %1 is an individual customer.</translation>
    </message>
    <message>
        <source>%1 does not ask for the field &quot;%2&quot;. Leave it out.</source>
        <translation>%1 does not ask for the field &quot;%2&quot;. Leave it out.</translation>
    </message>
</context>
<context>
    <name>CancelService</name>
    <message>
        <source>Service %1 does not exist. Check the number in the Services list.</source>
        <translation>Service %1 does not exist. Check the number in the Services list.</translation>
    </message>
    <message>
        <source>Service %1 is already cancelled.</source>
        <translation>Service %1 is already cancelled.</translation>
    </message>
    <message>
        <source>Service %1 is being provisioned (provision ID %2). Wait until it finishes, then cancel it.</source>
        <translation>Service %1 is being provisioned (provision ID %2). Wait until it finishes, then cancel it.</translation>
    </message>
    <message>
        <source>Cancelling service %1 failed earlier (provision ID %2). Retry that provisioning job instead.</source>
        <translation>Cancelling service %1 failed earlier (provision ID %2). Retry that provisioning job instead.</translation>
    </message>
</context>
<context>
    <name>CsvImport</name>
    <message>
        <source>The file is empty. Choose a CSV file whose first row names the columns, with one row per entry below it.</source>
        <translation>The file is empty. Choose a CSV file whose first row names the columns, with one row per entry below it.</translation>
    </message>
    <message>
        <source>Line %1: the column &quot;%2&quot; appears twice in the header. Remove or rename one of them.</source>
        <translation>Line %1: the column &quot;%2&quot; appears twice in the header. Remove or rename one of them.</translation>
    </message>
    <message>
        <source>Line %1: the header lacks these columns: %2. Add them to the first row (upper or lower case does not matter); the expected columns are: %3.</source>
        <translation>Line %1: the header lacks these columns: %2. Add them to the first row (upper or lower case does not matter); the expected columns are: %3.</translation>
    </message>
    <message>
        <source>Line %1: these columns are not known and will be ignored: %2. Check their spelling against the expected columns: %3.</source>
        <translation>Line %1: these columns are not known and will be ignored: %2. Check their spelling against the expected columns: %3.</translation>
    </message>
    <message>
        <source>Line %1: a quoted field that starts on this line is never closed before the end of the file. Add the missing closing double quote (&quot;).</source>
        <translation>Line %1: a quoted field that starts on this line is never closed before the end of the file. Add the missing closing double quote (&quot;).</translation>
    </message>
    <message>
        <source>Line %1: this row is longer than %2 MB, most likely because a double quote (&quot;) is missing. Check the quotes on this line.</source>
        <translation>Line %1: this row is longer than %2 MB, most likely because a double quote (&quot;) is missing. Check the quotes on this line.</translation>
    </message>
    <message>
        <source>Line %1: a closing double quote is followed by more text before the next comma. Put the whole value in double quotes and write each double quote inside it twice (&quot;&quot;).</source>
        <translation>Line %1: a closing double quote is followed by more text before the next comma. Put the whole value in double quotes and write each double quote inside it twice (&quot;&quot;).</translation>
    </message>
    <message>
        <source>Line %1: this row contains characters that are not valid UTF-8. Save the file as &quot;CSV UTF-8&quot; in your spreadsheet and import it again.</source>
        <translation>Line %1: this row contains characters that are not valid UTF-8. Save the file as &quot;CSV UTF-8&quot; in your spreadsheet and import it again.</translation>
    </message>
    <message>
        <source>Line %1: the header has %3 columns, but this row has %2. Check for a missing or extra comma, and put values that contain commas in double quotes.</source>
        <translation>Line %1: the header has %3 columns, but this row has %2. Check for a missing or extra comma, and put values that contain commas in double quotes.</translation>
    </message>
    <message>
        <source>Line %1: the file could not be read any further (%2). Check that it is still available and import it again.</source>
        <translation>Line %1: the file could not be read any further (%2). Check that it is still available and import it again.</translation>
    </message>
</context>
<context>
    <name>CtlCommands</name>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 needs a value.</translation>
    </message>
    <message>
        <source>%1 must be a whole number of at least %2, not &quot;%3&quot;.</source>
        <translation>%1 must be a whole number of at least %2, not &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>No command given.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Unknown command &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Database %1 is ready (schema version %2).
</source>
        <translation>Database %1 is ready (schema version %2).
</translation>
    </message>
    <message>
        <source>Seeding customers: %1 of %2</source>
        <translation>Seeding customers: %1 of %2</translation>
    </message>
    <message>
        <source>Demo data is in place with %1 customers.
</source>
        <translation>Demo data is in place with %1 customers.
</translation>
    </message>
    <message>
        <source>customers search needs the text to search for.</source>
        <translation>customers search needs the text to search for.</translation>
    </message>
    <message>
        <source>Customer not found. Try different search terms (ID, email, phone) or create the customer first.
</source>
        <translation>Customer not found. Try different search terms (ID, email, phone) or create the customer first.
</translation>
    </message>
    <message>
        <source>inventory list needs --template NAME, for example --template &quot;SIM Card&quot;.</source>
        <translation>inventory list needs --template NAME, for example --template &quot;SIM Card&quot;.</translation>
    </message>
    <message>
        <source>No inventory available. Add more inventory items or check that item statuses are New or In Stock.
</source>
        <translation>No inventory available. Add more inventory items or check that item statuses are New or In Stock.
</translation>
    </message>
    <message>
        <source>assign needs --customer ID and --product SLUG.</source>
        <translation>assign needs --customer ID and --product SLUG.</translation>
    </message>
    <message>
        <source>--auto-renew must be yes or no, not &quot;%1&quot;.</source>
        <translation>--auto-renew must be yes or no, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Unexpected argument &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--item must be TEMPLATE=ITEM_ID, for example &quot;SIM Card=42&quot;, not &quot;%1&quot;.</source>
        <translation>--item must be TEMPLATE=ITEM_ID, for example &quot;SIM Card=42&quot;, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>No inventory available for %1. Add more inventory items or check item statuses.</source>
        <translation>No inventory available for %1. Add more inventory items or check item statuses.</translation>
    </message>
    <message>
        <source>%1 does not need a %2.</source>
        <translation>%1 does not need a %2.</translation>
    </message>
    <message>
        <source>Service %1 created; provisioning job %2 is queued for a worker.
</source>
        <translation>Service %1 created; provisioning job %2 is queued for a worker.
</translation>
    </message>
    <message>
        <source>Service %1 is active (provisioning job %2).
</source>
        <translation>Service %1 is active (provisioning job %2).
</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>The service record has been created but provisioning did not complete. Please review the error and retry.</source>
        <translation>The service record has been created but provisioning did not complete. Please review the error and retry.</translation>
    </message>
    <message>
        <source>Provision ID: %1</source>
        <translation>Provision ID: %1</translation>
    </message>
    <message>
        <source>jobs show needs a provision ID (a whole number).</source>
        <translation>jobs show needs a provision ID (a whole number).</translation>
    </message>
    <message>
        <source>Provision ID: %1 (%2), attempt %3
</source>
        <translation>Provision ID: %1 (%2), attempt %3
</translation>
    </message>
    <message>
        <source>jobs retry needs a provision ID (a whole number).</source>
        <translation>jobs retry needs a provision ID (a whole number).</translation>
    </message>
    <message>
        <source>Provisioning job %1 is queued again and resumes at the failed task.
</source>
        <translation>Provisioning job %1 is queued again and resumes at the failed task.
</translation>
    </message>
    <message>
        <source>Provisioning worker running on %1. Stop it with Ctrl+C.</source>
        <translation>Provisioning worker running on %1. Stop it with Ctrl+C.</translation>
    </message>
    <message>
        <source>Provisioning job %1 finished.</source>
        <translation>Provisioning job %1 finished.</translation>
    </message>
    <message>
        <source>--port must be between 0 and 65535.</source>
        <translation>--port must be between 0 and 65535.</translation>
    </message>
    <message>
        <source>Cannot listen on 127.0.0.1:%1. Choose another port.</source>
        <translation>Cannot listen on 127.0.0.1:%1. Choose another port.</translation>
    </message>
    <message>
        <source>Network-element simulator listening on %1 (OCS %1/jsonrpc, HSS %1/, IPTV %1/iptv).</source>
        <translation>Network-element simulator listening on %1 (OCS %1/jsonrpc, HSS %1/, IPTV %1/iptv).</translation>
    </message>
    <message>
        <source>The local user %1 has no staff account on this PostgreSQL database, and only an SQLite database signs the local user in automatically. Use --user LOGIN with your password (in SWITCHBOARD_PASSWORD or on stdin), or ask an administrator to run: switchboard-ctl user add %1 --role ROLE</source>
        <translation>The local user %1 has no staff account on this PostgreSQL database, and only an SQLite database signs the local user in automatically. Use --user LOGIN with your password (in SWITCHBOARD_PASSWORD or on stdin), or ask an administrator to run: switchboard-ctl user add %1 --role ROLE</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Password for %1: </translation>
    </message>
    <message>
        <source>No password for %1. Give it in SWITCHBOARD_PASSWORD or on the first line of stdin.</source>
        <translation>No password for %1. Give it in SWITCHBOARD_PASSWORD or on the first line of stdin.</translation>
    </message>
    <message>
        <source>user add needs a LOGIN and --role ROLE.</source>
        <translation>user add needs a LOGIN and --role ROLE.</translation>
    </message>
    <message>
        <source>--role must be one of %1, not &quot;%2&quot;.</source>
        <translation>--role must be one of %1, not &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>New password for %1: </source>
        <translation>New password for %1: </translation>
    </message>
    <message>
        <source>No password for %1. Give it on a line of stdin.</source>
        <translation>No password for %1. Give it on a line of stdin.</translation>
    </message>
    <message>
        <source>Staff account %1 (%2) added with the role %3.
</source>
        <translation>Staff account %1 (%2) added with the role %3.
</translation>
    </message>
    <message>
        <source>user passwd needs the LOGIN whose password to set.</source>
        <translation>user passwd needs the LOGIN whose password to set.</translation>
    </message>
    <message>
        <source>The password of %1 has been changed.
</source>
        <translation>The password of %1 has been changed.
</translation>
    </message>
    <message>
        <source>amend-bundle needs --service ID (the Flexible Bundle service of the subscription).</source>
        <translation>amend-bundle needs --service ID (the Flexible Bundle service of the subscription).</translation>
    </message>
    <message>
        <source>--remove must be the ID of a component service, not &quot;%1&quot;.</source>
        <translation>--remove must be the ID of a component service, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--schedule must be now, YYYY-MM-DD, YYYY-MM-DDTHH:MM or days:N, not &quot;%1&quot;.</source>
        <translation>--schedule must be now, YYYY-MM-DD, YYYY-MM-DDTHH:MM or days:N, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--performed-date must be a date and time like 2026-05-31T14:30, not &quot;%1&quot;.</source>
        <translation>--performed-date must be a date and time like 2026-05-31T14:30, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>This request was submitted before as action %1; nothing was done again.
</source>
        <translation>This request was submitted before as action %1; nothing was done again.
</translation>
    </message>
    <message>
        <source>Amend Bundle Services is scheduled for %1 (action %2).
</source>
        <translation>Amend Bundle Services is scheduled for %1 (action %2).
</translation>
    </message>
    <message>
        <source>Bundle service %1 amended (action %2): %3 component(s) added, %4 removed.
</source>
        <translation>Bundle service %1 amended (action %2): %3 component(s) added, %4 removed.
</translation>
    </message>
    <message>
        <source>Provisioning jobs queued for the set-top boxes: %1.
</source>
        <translation>Provisioning jobs queued for the set-top boxes: %1.
</translation>
    </message>
    <message>
        <source>Provisioning distributors removed: %1.
</source>
        <translation>Provisioning distributors removed: %1.
</translation>
    </message>
    <message>
        <source>The wallet was debited %1.
</source>
        <translation>The wallet was debited %1.
</translation>
    </message>
    <message>
        <source>scheduled cancel needs the ID of a scheduled action (see scheduled list).</source>
        <translation>scheduled cancel needs the ID of a scheduled action (see scheduled list).</translation>
    </message>
    <message>
        <source>Scheduled action %1 is cancelled.
</source>
        <translation>Scheduled action %1 is cancelled.
</translation>
    </message>
    <message>
        <source>No subscription matches &quot;%1&quot;. Search by subscription number or customer name.
</source>
        <translation>No subscription matches &quot;%1&quot;. Search by subscription number or customer name.
</translation>
    </message>
    <message>
        <source>subscriptions show needs the subscription NUMBER (see subscriptions search).</source>
        <translation>subscriptions show needs the subscription NUMBER (see subscriptions search).</translation>
    </message>
    <message>
        <source>Subscription %1 of %2: %3, %4
</source>
        <translation>Subscription %1 of %2: %3, %4
</translation>
    </message>
    <message>
        <source>State history: %1
</source>
        <translation>State history: %1
</translation>
    </message>
    <message>
        <source>Services:
</source>
        <translation>Services:
</translation>
    </message>
    <message>
        <source>Provisioning distributors:
</source>
        <translation>Provisioning distributors:
</translation>
    </message>
    <message>
        <source> (removed %1)</source>
        <translation> (removed %1)</translation>
    </message>
    <message>
        <source>Wallet balance: %1
</source>
        <translation>Wallet balance: %1
</translation>
    </message>
    <message>
        <source>Actions:
</source>
        <translation>Actions:
</translation>
    </message>
    <message>
        <source>Allowed components of %1:
</source>
        <translation>Allowed components of %1:
</translation>
    </message>
    <message>
        <source>  subscriptions search TEXT | subscriptions show NUMBER
  amend-bundle --service ID [--add PRODUCT_SLUG ...] [--remove COMPONENT_SERVICE_ID ...]
      [--schedule now|YYYY-MM-DD|YYYY-MM-DDTHH:MM|days:N] [--performed-by LOGIN]
      [--performed-date ISO] [--action-type X] [--sub-action-type Y] [--request-key KEY]
  scheduled list [--subscription NUMBER] | scheduled cancel ID
</source>
        <translation>  subscriptions search TEXT | subscriptions show NUMBER
  amend-bundle --service ID [--add PRODUCT_SLUG ...] [--remove COMPONENT_SERVICE_ID ...]
      [--schedule now|YYYY-MM-DD|YYYY-MM-DDTHH:MM|days:N] [--performed-by LOGIN]
      [--performed-date ISO] [--action-type X] [--sub-action-type Y] [--request-key KEY]
  scheduled list [--subscription NUMBER] | scheduled cancel ID
</translation>
    </message>
    <message>
        <source>  services cancel ID
</source>
        <translation>  services cancel ID
</translation>
    </message>
    <message>
        <source>  nesim over HTTPS: add --tls-cert FILE --tls-key FILE [--client-ca FILE] (client certificate required)
</source>
        <translation>  nesim over HTTPS: add --tls-cert FILE --tls-key FILE [--client-ca FILE] (client certificate required)
</translation>
    </message>
    <message>
        <source>inventory import-sims needs the batch FILE and --transport-key-file F.</source>
        <translation>inventory import-sims needs the batch FILE and --transport-key-file F.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n SIM card(s) of batch %1, keys sealed under the transport key with check value %2.
</source>
        <translation>
            <numerusform>Imported %n SIM card of batch %1, keys sealed under the transport key with check value %2.
</numerusform>
            <numerusform>Imported %n SIM cards of batch %1, keys sealed under the transport key with check value %2.
</numerusform>
        </translation>
    </message>
    <message>
        <source>No OP was given: OPc will be derived while provisioning from [sim] op in the settings file.
</source>
        <translation>No OP was given: OPc will be derived while provisioning from [sim] op in the settings file.
</translation>
    </message>
    <message>
        <source>sim opc needs --ki HEX and --op HEX, each 32 hexadecimal digits.</source>
        <translation>sim opc needs --ki HEX and --op HEX, each 32 hexadecimal digits.</translation>
    </message>
    <message>
        <source>OpenSSL could not compute AES-128. Check the OpenSSL installation.</source>
        <translation>OpenSSL could not compute AES-128. Check the OpenSSL installation.</translation>
    </message>
    <message>
        <source>services cancel needs a service ID (a whole number).</source>
        <translation>services cancel needs a service ID (a whole number).</translation>
    </message>
    <message>
        <source>Service %1 is being cancelled: provisioning job %2 removes it from the network elements.
</source>
        <translation>Service %1 is being cancelled: provisioning job %2 removes it from the network elements.
</translation>
    </message>
    <message>
        <source>  services verify ID   (exit code 3: the network differs from the database; 4: an element did not answer)
</source>
        <translation>  services verify ID   (exit code 3: the network differs from the database; 4: an element did not answer)
</translation>
    </message>
    <message>
        <source>Settings: --config FILE reads the network elements, mail, SIM keys and (without --db) the database
from that INI file, as the Settings dialog writes it; without it, from the user&apos;s settings.
</source>
        <translation>Settings: --config FILE reads the network elements, mail, SIM keys and (without --db) the database
from that INI file, as the Settings dialog writes it; without it, from the user&apos;s settings.
</translation>
    </message>
    <message>
        <source>services verify needs a service ID (a whole number).</source>
        <translation>services verify needs a service ID (a whole number).</translation>
    </message>
    <message numerus="yes">
        <source>Service %1 (%2): %n check(s),</source>
        <translation>
            <numerusform>Service %1 (%2): %n check,</numerusform>
            <numerusform>Service %1 (%2): %n checks,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mismatch(es),</source>
        <translation>
            <numerusform>%n mismatch,</numerusform>
            <numerusform>%n mismatches,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n element(s) unreachable</source>
        <translation>
            <numerusform>%n element unreachable</numerusform>
            <numerusform>%n elements unreachable</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2: %3 — expected %4, found %5
</source>
        <translation>%1 %2: %3 — expected %4, found %5
</translation>
    </message>
    <message>
        <source>addons buy needs --customer ID and --product SLUG.</source>
        <translation>addons buy needs --customer ID and --product SLUG.</translation>
    </message>
    <message>
        <source>Which service should receive this add-on? Add one of:
%1</source>
        <translation>Which service should receive this add-on? Add one of:
%1</translation>
    </message>
    <message>
        <source>Add-on %1 bought for service %2; provisioning job %3 is queued for a worker.
</source>
        <translation>Add-on %1 bought for service %2; provisioning job %3 is queued for a worker.
</translation>
    </message>
    <message>
        <source>Add-on %1 is active on service %2. Balance: %3
</source>
        <translation>Add-on %1 is active on service %2. Balance: %3
</translation>
    </message>
    <message>
        <source>addons list needs --service ID.</source>
        <translation>addons list needs --service ID.</translation>
    </message>
    <message>
        <source>Usage: switchboard-ctl [--db URL] [--user LOGIN] [--json] COMMAND
Writing commands run as --user LOGIN (password in SWITCHBOARD_PASSWORD or on the first line of
stdin); without --user, as the local user (signed in automatically on an SQLite database only).
A new password (user add, user passwd) is the next line of stdin.
Commands:
  init
  seed-demo [--customers N]
  products list
  customers search TEXT
  inventory list --template NAME [--available]
  inventory import-sims FILE --transport-key-file F [--op HEX]
  sim opc --ki HEX --op HEX
  assign --customer ID --product SLUG [--item TEMPLATE=ITEM_ID ...] [--auto-renew yes|no] [--wait]
      [--site NAME|ID] [--billing-contact ID] [--technical-contact ID] [--field KEY=VALUE ...]
  jobs list | jobs show ID | jobs retry ID
  user add LOGIN --role staff|billing_clerk|administrator [--name NAME]
  user passwd LOGIN | user list
  worker
  nesim --port P [--fail TASK_OR_METHOD ...]
</source>
        <translation>Usage: switchboard-ctl [--db URL] [--user LOGIN] [--json] COMMAND
Writing commands run as --user LOGIN (password in SWITCHBOARD_PASSWORD or on the first line of
stdin); without --user, as the local user (signed in automatically on an SQLite database only).
A new password (user add, user passwd) is the next line of stdin.
Commands:
  init
  seed-demo [--customers N]
  products list
  customers search TEXT
  inventory list --template NAME [--available]
  inventory import-sims FILE --transport-key-file F [--op HEX]
  sim opc --ki HEX --op HEX
  assign --customer ID --product SLUG [--item TEMPLATE=ITEM_ID ...] [--auto-renew yes|no] [--wait]
      [--site NAME|ID] [--billing-contact ID] [--technical-contact ID] [--field KEY=VALUE ...]
  jobs list | jobs show ID | jobs retry ID
  user add LOGIN --role staff|billing_clerk|administrator [--name NAME]
  user passwd LOGIN | user list
  worker
  nesim --port P [--fail TASK_OR_METHOD ...]
</translation>
    </message>
    <message>
        <source>  addons buy --customer ID --product SLUG [--service ID] [--item TEMPLATE=ITEM_ID ...] [--wait]
  addons list --service ID
</source>
        <translation>  addons buy --customer ID --product SLUG [--service ID] [--item TEMPLATE=ITEM_ID ...] [--wait]
  addons list --service ID
</translation>
    </message>
    <message>
        <source>  import-csv FILE [--dry-run] [--max-in-flight N] [--report OUT.csv] [--external-worker]
  import-csv --resume ID | --retry-failed ID [--report OUT.csv] [--external-worker]
      (exit code 3: rows with errors, rejected, failed or cancelled; 4: stopped, resume later)
</source>
        <translation>  import-csv FILE [--dry-run] [--max-in-flight N] [--report OUT.csv] [--external-worker]
  import-csv --resume ID | --retry-failed ID [--report OUT.csv] [--external-worker]
      (exit code 3: rows with errors, rejected, failed or cancelled; 4: stopped, resume later)
</translation>
    </message>
    <message>
        <source>--field must be KEY=VALUE, for example &quot;po_number=PO-2025-001234&quot;, not &quot;%1&quot;.</source>
        <translation>--field must be KEY=VALUE, for example &quot;po_number=PO-2025-001234&quot;, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The customer has no site &quot;%1&quot;. Give the site&apos;s name or ID.</source>
        <translation>The customer has no site &quot;%1&quot;. Give the site&apos;s name or ID.</translation>
    </message>
    <message>
        <source>import-csv needs exactly one of: a FILE, --resume ID or --retry-failed ID.</source>
        <translation>import-csv needs exactly one of: a FILE, --resume ID or --retry-failed ID.</translation>
    </message>
    <message>
        <source>--dry-run checks a FILE; it does not go with --resume or --retry-failed.</source>
        <translation>--dry-run checks a FILE; it does not go with --resume or --retry-failed.</translation>
    </message>
    <message>
        <source>%1 rows: %2 can be assigned, %3 have errors.
</source>
        <translation>%1 rows: %2 can be assigned, %3 have errors.
</translation>
    </message>
    <message>
        <source>Bulk import %1 started: %2 rows to assign, %3 rejected.</source>
        <translation>Bulk import %1 started: %2 rows to assign, %3 rejected.</translation>
    </message>
    <message>
        <source>Bulk import %1 resumed.</source>
        <translation>Bulk import %1 resumed.</translation>
    </message>
    <message>
        <source>Bulk import %1: %2 failed rows are retried.</source>
        <translation>Bulk import %1: %2 failed rows are retried.</translation>
    </message>
    <message>
        <source>Jobs are queued for switchboard-worker; this command waits for them.</source>
        <translation>Jobs are queued for switchboard-worker; this command waits for them.</translation>
    </message>
    <message>
        <source>Provisioning with the worker of this command; stop with Ctrl+C and continue later with --resume %1.</source>
        <translation>Provisioning with the worker of this command; stop with Ctrl+C and continue later with --resume %1.</translation>
    </message>
    <message>
        <source>Import %1: %2 of %3 rows done (%4 succeeded, %5 failed, %6 rejected), %7 in flight, %8 pending.</source>
        <translation>Import %1: %2 of %3 rows done (%4 succeeded, %5 failed, %6 rejected), %7 in flight, %8 pending.</translation>
    </message>
    <message>
        <source>Report written to %1.</source>
        <translation>Report written to %1.</translation>
    </message>
    <message>
        <source>Stopped. Bulk import %1 continues with: switchboard-ctl import-csv --resume %1
</source>
        <translation>Stopped. Bulk import %1 continues with: switchboard-ctl import-csv --resume %1
</translation>
    </message>
    <message>
        <source>Bulk import %1 %2: %3 succeeded, %4 failed, %5 rejected, %6 cancelled of %7 rows.
</source>
        <translation>Bulk import %1 %2: %3 succeeded, %4 failed, %5 rejected, %6 cancelled of %7 rows.
</translation>
    </message>
</context>
<context>
    <name>CustomField</name>
    <message>
        <source>Purchase Order Number</source>
        <translation>Purchase Order Number</translation>
    </message>
    <message>
        <source>Cost Centre</source>
        <translation>Cost Centre</translation>
    </message>
    <message>
        <source>Account Number</source>
        <translation>Account Number</translation>
    </message>
</context>
<context>
    <name>Customer</name>
    <message>
        <source>Enter the customer&apos;s name.</source>
        <translation>Enter the customer&apos;s name.</translation>
    </message>
    <message>
        <source>The email address &quot;%1&quot; is not valid. Enter it as name@example.com, or leave it empty.</source>
        <translation>The email address &quot;%1&quot; is not valid. Enter it as name@example.com, or leave it empty.</translation>
    </message>
    <message>
        <source>The phone number &quot;%1&quot; is not valid. Enter at least 6 digits (spaces, +, - and brackets are allowed), or leave it empty.</source>
        <translation>The phone number &quot;%1&quot; is not valid. Enter at least 6 digits (spaces, +, - and brackets are allowed), or leave it empty.</translation>
    </message>
    <message>
        <source>Choose the customer&apos;s language: English, Portuguese (Brazil), French or Spanish.</source>
        <translation>Choose the customer&apos;s language: English, Portuguese (Brazil), French or Spanish.</translation>
    </message>
    <message>
        <source>Choose the payment method: card, direct debit or none.</source>
        <translation>Choose the payment method: card, direct debit or none.</translation>
    </message>
    <message>
        <source>An expiry date needs a payment method. Choose card or direct debit, or clear the expiry date.</source>
        <translation>An expiry date needs a payment method. Choose card or direct debit, or clear the expiry date.</translation>
    </message>
    <message>
        <source>The payment method expired on %1. Enter a future expiry date, or clear it if the payment method does not expire.</source>
        <translation>The payment method expired on %1. Enter a future expiry date, or clear it if the payment method does not expire.</translation>
    </message>
    <message>
        <source>Enter a name for the site, for example &quot;Head office&quot;.</source>
        <translation>Enter a name for the site, for example &quot;Head office&quot;.</translation>
    </message>
    <message>
        <source>Choose the contact&apos;s role: billing or technical.</source>
        <translation>Choose the contact&apos;s role: billing or technical.</translation>
    </message>
    <message>
        <source>Enter the billing contact&apos;s name.</source>
        <translation>Enter the billing contact&apos;s name.</translation>
    </message>
    <message>
        <source>Enter the technical contact&apos;s name.</source>
        <translation>Enter the technical contact&apos;s name.</translation>
    </message>
    <message>
        <source>Enter the contact&apos;s name.</source>
        <translation>Enter the contact&apos;s name.</translation>
    </message>
    <message>
        <source>The contact email address &quot;%1&quot; is not valid. Enter it as name@example.com, or leave it empty.</source>
        <translation>The contact email address &quot;%1&quot; is not valid. Enter it as name@example.com, or leave it empty.</translation>
    </message>
    <message>
        <source>The contact phone number &quot;%1&quot; is not valid. Enter at least 6 digits, or leave it empty.</source>
        <translation>The contact phone number &quot;%1&quot; is not valid. Enter at least 6 digits, or leave it empty.</translation>
    </message>
    <message>
        <source>%1 is already the email address of %2 (ID: %3). Open that customer instead, or enter another email address.</source>
        <translation>%1 is already the email address of %2 (ID: %3). Open that customer instead, or enter another email address.</translation>
    </message>
    <message>
        <source>Customer %1 does not exist. Search for the customer again.</source>
        <translation>Customer %1 does not exist. Search for the customer again.</translation>
    </message>
</context>
<context>
    <name>DatabaseProbe</name>
    <message>
        <source>Cannot reach the database server at %1. Check the host name and the port, and that the server is running.</source>
        <translation>Cannot reach the database server at %1. Check the host name and the port, and that the server is running.</translation>
    </message>
    <message>
        <source>The server at %1 did not accept the user %2 with this password. Check the user name and the password.</source>
        <translation>The server at %1 did not accept the user %2 with this password. Check the user name and the password.</translation>
    </message>
    <message>
        <source>The secure (TLS) connection to %1 failed: the server offers no TLS, or its certificate could not be verified with the CA file. Check the TLS mode and the CA file.</source>
        <translation>The secure (TLS) connection to %1 failed: the server offers no TLS, or its certificate could not be verified with the CA file. Check the TLS mode and the CA file.</translation>
    </message>
    <message>
        <source>The server at %1 has no database called %2. Check the database name.</source>
        <translation>The server at %1 has no database called %2. Check the database name.</translation>
    </message>
    <message>
        <source>%1 is not a Switchboard database: it holds other data. Choose a Switchboard database or an empty one.</source>
        <translation>%1 is not a Switchboard database: it holds other data. Choose a Switchboard database or an empty one.</translation>
    </message>
    <message>
        <source>The database %1 could not be opened: %2</source>
        <translation>The database %1 could not be opened: %2</translation>
    </message>
    <message>
        <source>Connected. The database is empty: Switchboard sets it up when it starts.</source>
        <translation>Connected. The database is empty: Switchboard sets it up when it starts.</translation>
    </message>
    <message>
        <source>Connected. The database has schema version %1; Switchboard upgrades it to version %2 when it starts.</source>
        <translation>Connected. The database has schema version %1; Switchboard upgrades it to version %2 when it starts.</translation>
    </message>
    <message>
        <source>Connected. The database is up to date (schema version %1).</source>
        <translation>Connected. The database is up to date (schema version %1).</translation>
    </message>
    <message>
        <source>Switchboard cannot create files in the folder %1. Choose another place for the database file.</source>
        <translation>Switchboard cannot create files in the folder %1. Choose another place for the database file.</translation>
    </message>
    <message>
        <source>The file %1 does not exist yet: Switchboard creates it when it starts.</source>
        <translation>The file %1 does not exist yet: Switchboard creates it when it starts.</translation>
    </message>
</context>
<context>
    <name>DatabaseUrl</name>
    <message>
        <source>The database URL %1 names no file. Write it as sqlite:///path/to/file.db.</source>
        <translation>The database URL %1 names no file. Write it as sqlite:///path/to/file.db.</translation>
    </message>
    <message>
        <source>The database URL %1 is not valid. Write it as postgresql://user:password@host:port/database.</source>
        <translation>The database URL %1 is not valid. Write it as postgresql://user:password@host:port/database.</translation>
    </message>
    <message>
        <source>%1 is not a database URL. Use sqlite:///path/to/file.db or postgresql://user@host:port/database.</source>
        <translation>%1 is not a database URL. Use sqlite:///path/to/file.db or postgresql://user@host:port/database.</translation>
    </message>
</context>
<context>
    <name>ElementCredentials</name>
    <message>
        <source>The credentials key file %1 cannot be read or created. Check the file and its folder, or set another file in Settings.</source>
        <translation>The credentials key file %1 cannot be read or created. Check the file and its folder, or set another file in Settings.</translation>
    </message>
</context>
<context>
    <name>ElementProbe</name>
    <message>
        <source>Connected: the %1 at %2 answered.</source>
        <translation>Connected: the %1 at %2 answered.</translation>
    </message>
    <message>
        <source>The %1 database file %2 does not exist. Check the path in Settings.</source>
        <translation>The %1 database file %2 does not exist. Check the path in Settings.</translation>
    </message>
    <message>
        <source>Unable to connect to the %1 database at %2. Check that the database server is running and that the address in Settings is right.</source>
        <translation>Unable to connect to the %1 database at %2. Check that the database server is running and that the address in Settings is right.</translation>
    </message>
    <message>
        <source>The %1 database at %2 did not accept the user %3 with this password. Check the user name and the password.</source>
        <translation>The %1 database at %2 did not accept the user %3 with this password. Check the user name and the password.</translation>
    </message>
    <message>
        <source>The %1 database %2 could not be opened: %3</source>
        <translation>The %1 database %2 could not be opened: %3</translation>
    </message>
    <message>
        <source>The %1 database %2 opened, but it has no table %3. Check that the URL names the database the %1 reads and that its SQL schema is loaded.</source>
        <translation>The %1 database %2 opened, but it has no table %3. Check that the URL names the database the %1 reads and that its SQL schema is loaded.</translation>
    </message>
    <message>
        <source>Connected: the %1 database %2 has the table %3.</source>
        <translation>Connected: the %1 database %2 has the table %3.</translation>
    </message>
    <message>
        <source>Connected: the mail server at %1 answered over %2.</source>
        <translation>Connected: the mail server at %1 answered over %2.</translation>
    </message>
    <message>
        <source>No address is set: the built-in simulator serves the %1. Nothing to test.</source>
        <translation>No address is set: the built-in simulator serves the %1. Nothing to test.</translation>
    </message>
    <message>
        <source>No database is set: the embedded %1 database in the data folder is used. Nothing to test.</source>
        <translation>No database is set: the embedded %1 database in the data folder is used. Nothing to test.</translation>
    </message>
    <message>
        <source>No SMTP server is set: mail goes to the outbox folder. Nothing to test.</source>
        <translation>No SMTP server is set: mail goes to the outbox folder. Nothing to test.</translation>
    </message>
    <message>
        <source>Nothing to test.</source>
        <translation>Nothing to test.</translation>
    </message>
    <message>
        <source>The %1 at %2 refused the provisioning key (HTTP %3). Check the provisioning key set for it in Settings.</source>
        <translation>The %1 at %2 refused the provisioning key (HTTP %3). Check the provisioning key set for it in Settings.</translation>
    </message>
    <message>
        <source>The %1 at %2 refused the API key (HTTP %3). Check the API key set for it in Settings.</source>
        <translation>The %1 at %2 refused the API key (HTTP %3). Check the API key set for it in Settings.</translation>
    </message>
</context>
<context>
    <name>ElementSettings</name>
    <message>
        <source>CA bundle:</source>
        <translation>CA bundle:</translation>
    </message>
    <message>
        <source>Empty: the system&apos;s trusted CAs only</source>
        <translation>Empty: the system&apos;s trusted CAs only</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>Client certificate:</translation>
    </message>
    <message>
        <source>Empty: no client certificate</source>
        <translation>Empty: no client certificate</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>Client key:</translation>
    </message>
    <message>
        <source>Empty: the key is in the certificate file</source>
        <translation>Empty: the key is in the certificate file</translation>
    </message>
    <message>
        <source>Verification:</source>
        <translation>Verification:</translation>
    </message>
    <message>
        <source>JSON-RPC URL:</source>
        <translation>JSON-RPC URL:</translation>
    </message>
    <message>
        <source>Empty: the built-in simulator</source>
        <translation>Empty: the built-in simulator</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>Timeout:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>PyHSS REST URL:</source>
        <translation>PyHSS REST URL:</translation>
    </message>
    <message>
        <source>Provisioning key:</source>
        <translation>Provisioning key:</translation>
    </message>
    <message>
        <source>Empty: none</source>
        <translation>Empty: none</translation>
    </message>
    <message>
        <source>osmo-hlr CTRL (host:port):</source>
        <translation>osmo-hlr CTRL (host:port):</translation>
    </message>
    <message>
        <source>Empty: 127.0.0.1:4259</source>
        <translation>Empty: 127.0.0.1:4259</translation>
    </message>
    <message>
        <source>REST URL:</source>
        <translation>REST URL:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API key:</translation>
    </message>
    <message>
        <source>Database URL:</source>
        <translation>Database URL:</translation>
    </message>
    <message>
        <source>Empty: the embedded RADIUS database in the data folder</source>
        <translation>Empty: the embedded RADIUS database in the data folder</translation>
    </message>
    <message>
        <source>Database password:</source>
        <translation>Database password:</translation>
    </message>
    <message>
        <source>Empty: the embedded Kamailio database in the data folder</source>
        <translation>Empty: the embedded Kamailio database in the data folder</translation>
    </message>
    <message>
        <source>SIP domain:</source>
        <translation>SIP domain:</translation>
    </message>
    <message>
        <source>Empty: the domain set in the product</source>
        <translation>Empty: the domain set in the product</translation>
    </message>
    <message>
        <source>SMTP server:</source>
        <translation>SMTP server:</translation>
    </message>
    <message>
        <source>Empty: mail goes to the outbox folder</source>
        <translation>Empty: mail goes to the outbox folder</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>587</source>
        <translation>587</translation>
    </message>
    <message>
        <source>Sender address:</source>
        <translation>Sender address:</translation>
    </message>
    <message>
        <source>e.g. noreply@example.com</source>
        <translation>e.g. noreply@example.com</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>Empty: no sign-in</source>
        <translation>Empty: no sign-in</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>STARTTLS:</source>
        <translation>STARTTLS:</translation>
    </message>
    <message>
        <source>Transport key file:</source>
        <translation>Transport key file:</translation>
    </message>
    <message>
        <source>Empty: give it when importing SIM batches</source>
        <translation>Empty: give it when importing SIM batches</translation>
    </message>
    <message>
        <source>Operator key (OP):</source>
        <translation>Operator key (OP):</translation>
    </message>
    <message>
        <source>Empty: SIM cards bring their OPc</source>
        <translation>Empty: SIM cards bring their OPc</translation>
    </message>
    <message>
        <source>OCS (CGRateS)</source>
        <translation>OCS (CGRateS)</translation>
    </message>
    <message>
        <source>HSS / HLR</source>
        <translation>HSS / HLR</translation>
    </message>
    <message>
        <source>IPTV middleware</source>
        <translation>IPTV middleware</translation>
    </message>
    <message>
        <source>RADIUS</source>
        <translation>RADIUS</translation>
    </message>
    <message>
        <source>SIP registrar</source>
        <translation>SIP registrar</translation>
    </message>
    <message>
        <source>Mail (SMTP)</source>
        <translation>Mail (SMTP)</translation>
    </message>
    <message>
        <source>SIM keys</source>
        <translation>SIM keys</translation>
    </message>
    <message>
        <source>Enter a full address that starts with http:// or https://, for example https://ocs.example.net:2080/jsonrpc.</source>
        <translation>Enter a full address that starts with http:// or https://, for example https://ocs.example.net:2080/jsonrpc.</translation>
    </message>
    <message>
        <source>Enter host:port, for example 127.0.0.1:4259, with a port from 1 to 65535.</source>
        <translation>Enter host:port, for example 127.0.0.1:4259, with a port from 1 to 65535.</translation>
    </message>
    <message>
        <source>Enter a host name or IP address only, without http:// or a port.</source>
        <translation>Enter a host name or IP address only, without http:// or a port.</translation>
    </message>
    <message>
        <source>Enter a port from 1 to 65535.</source>
        <translation>Enter a port from 1 to 65535.</translation>
    </message>
    <message>
        <source>Enter an email address such as noreply@example.com.</source>
        <translation>Enter an email address such as noreply@example.com.</translation>
    </message>
    <message>
        <source>Enter 32 hexadecimal digits (16 bytes).</source>
        <translation>Enter 32 hexadecimal digits (16 bytes).</translation>
    </message>
    <message>
        <source>The file %1 does not exist. Check the path.</source>
        <translation>The file %1 does not exist. Check the path.</translation>
    </message>
    <message>
        <source>Switchboard cannot read the file %1. Check that it is a file and its permissions.</source>
        <translation>Switchboard cannot read the file %1. Check that it is a file and its permissions.</translation>
    </message>
    <message>
        <source>Enter a timeout from 1 to 600 seconds.</source>
        <translation>Enter a timeout from 1 to 600 seconds.</translation>
    </message>
    <message>
        <source>Choose one of the listed kinds.</source>
        <translation>Choose one of the listed kinds.</translation>
    </message>
</context>
<context>
    <name>ImportCsvDialog</name>
    <message>
        <source>The file %1 could not be written. Check that the folder exists and that you may write to it.</source>
        <translation>The file %1 could not be written. Check that the folder exists and that you may write to it.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read. Check that it exists and that you may read it.</source>
        <translation>The file %1 cannot be read. Check that it exists and that you may read it.</translation>
    </message>
</context>
<context>
    <name>Inventory</name>
    <message>
        <source>There is no inventory template called &quot;%1&quot;. Known templates: %2.</source>
        <translation>There is no inventory template called &quot;%1&quot;. Known templates: %2.</translation>
    </message>
    <message>
        <source>SIM Card</source>
        <translation>SIM Card</translation>
    </message>
    <message>
        <source>Mobile Number</source>
        <translation>Mobile Number</translation>
    </message>
    <message>
        <source>CPE Modem</source>
        <translation>CPE Modem</translation>
    </message>
    <message>
        <source>Set-top Box</source>
        <translation>Set-top Box</translation>
    </message>
    <message>
        <source>SIP DID</source>
        <translation>SIP DID</translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>Effective</translation>
    </message>
    <message>
        <source>Not Effective</source>
        <translation>Not Effective</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>Terminated</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>Prepaid</source>
        <translation>Prepaid</translation>
    </message>
    <message>
        <source>Postpaid</source>
        <translation>Postpaid</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Product Type</source>
        <translation>Product Type</translation>
    </message>
    <message>
        <source>Product Family</source>
        <translation>Product Family</translation>
    </message>
</context>
<context>
    <name>MailError</name>
    <message>
        <source>The mail server at %1 accepts mail only over an encrypted connection. Turn STARTTLS on in the mail settings.</source>
        <translation>The mail server at %1 accepts mail only over an encrypted connection. Turn STARTTLS on in the mail settings.</translation>
    </message>
    <message>
        <source>The mail server at %1 requires signing in. Set the mail user name and password in Settings.</source>
        <translation>The mail server at %1 requires signing in. Set the mail user name and password in Settings.</translation>
    </message>
    <message>
        <source>The mail server at %1 refused the sender address %2 (%3). Check the sender (from) address in the mail settings.</source>
        <translation>The mail server at %1 refused the sender address %2 (%3). Check the sender (from) address in the mail settings.</translation>
    </message>
    <message>
        <source>The mail server at %1 rejected the recipient %2 (%3). Check the customer&apos;s email address, then retry.</source>
        <translation>The mail server at %1 rejected the recipient %2 (%3). Check the customer&apos;s email address, then retry.</translation>
    </message>
    <message>
        <source>The mail server at %1 refused the message (%2). Check its logs and limits, then retry.</source>
        <translation>The mail server at %1 refused the message (%2). Check its logs and limits, then retry.</translation>
    </message>
    <message>
        <source>The mail server at %1 did not answer within %2 seconds. Check that it is running and that the port in the mail settings is its SMTP port.</source>
        <translation>The mail server at %1 did not answer within %2 seconds. Check that it is running and that the port in the mail settings is its SMTP port.</translation>
    </message>
    <message>
        <source>Unable to connect to the mail server at %1. Check that it is running and that the mail host and port in Settings are right.</source>
        <translation>Unable to connect to the mail server at %1. Check that it is running and that the mail host and port in Settings are right.</translation>
    </message>
    <message>
        <source>The mail server at %1 does not offer STARTTLS, so the mail would travel unencrypted. Enable STARTTLS on the server, or check that the port in the mail settings is its submission port.</source>
        <translation>The mail server at %1 does not offer STARTTLS, so the mail would travel unencrypted. Enable STARTTLS on the server, or check that the port in the mail settings is its submission port.</translation>
    </message>
    <message>
        <source>The mail server at %1 presented a certificate that is not signed by a trusted CA. Set the CA bundle in the mail settings or check the server&apos;s certificate.</source>
        <translation>The mail server at %1 presented a certificate that is not signed by a trusted CA. Set the CA bundle in the mail settings or check the server&apos;s certificate.</translation>
    </message>
    <message>
        <source>The certificate of the mail server at %1 was issued for another host name. Use the name in its certificate as the mail host in Settings, or check the server&apos;s certificate.</source>
        <translation>The certificate of the mail server at %1 was issued for another host name. Use the name in its certificate as the mail host in Settings, or check the server&apos;s certificate.</translation>
    </message>
    <message>
        <source>The certificate of the mail server at %1 has expired or is not valid yet. Renew the server&apos;s certificate or check this computer&apos;s clock.</source>
        <translation>The certificate of the mail server at %1 has expired or is not valid yet. Renew the server&apos;s certificate or check this computer&apos;s clock.</translation>
    </message>
    <message>
        <source>The mail server at %1 did not complete the encrypted connection in time. Check that it is running, then retry.</source>
        <translation>The mail server at %1 did not complete the encrypted connection in time. Check that it is running, then retry.</translation>
    </message>
    <message>
        <source>The secure connection to the mail server at %1 failed. Check its certificate and the CA bundle in the mail settings.</source>
        <translation>The secure connection to the mail server at %1 failed. Check its certificate and the CA bundle in the mail settings.</translation>
    </message>
    <message>
        <source>The mail server at %1 offers no sign-in method Switchboard knows (it offers %2; Switchboard uses PLAIN or LOGIN). Enable one of them on the server.</source>
        <translation>The mail server at %1 offers no sign-in method Switchboard knows (it offers %2; Switchboard uses PLAIN or LOGIN). Enable one of them on the server.</translation>
    </message>
    <message>
        <source>The mail server at %1 refused the user name or password (%2). Check the mail account in Settings.</source>
        <translation>The mail server at %1 refused the user name or password (%2). Check the mail account in Settings.</translation>
    </message>
    <message>
        <source>The mail server at %1 closed the connection unexpectedly. Check its logs, then retry.</source>
        <translation>The mail server at %1 closed the connection unexpectedly. Check its logs, then retry.</translation>
    </message>
    <message>
        <source>The mail server at %1 gave an unexpected answer (%2). Check that the mail host and port in Settings point to an SMTP server.</source>
        <translation>The mail server at %1 gave an unexpected answer (%2). Check that the mail host and port in Settings point to an SMTP server.</translation>
    </message>
</context>
<context>
    <name>NetworkError</name>
    <message>
        <source>The OCS has no account &quot;%1&quot; in tenant &quot;%2&quot;. Check the account name, or create the account first.</source>
        <translation>The OCS has no account &quot;%1&quot; in tenant &quot;%2&quot;. Check the account name, or create the account first.</translation>
    </message>
    <message>
        <source>The OCS found nothing for %1 (NOT_FOUND). Check the names sent in the request.</source>
        <translation>The OCS found nothing for %1 (NOT_FOUND). Check the names sent in the request.</translation>
    </message>
    <message>
        <source>The OCS already holds what %1 tried to create (EXISTS). Check whether an earlier attempt created it.</source>
        <translation>The OCS already holds what %1 tried to create (EXISTS). Check whether an earlier attempt created it.</translation>
    </message>
    <message>
        <source>The OCS rejected %1 because required fields are missing: %2. Check the parameters of this task in its playbook.</source>
        <translation>The OCS rejected %1 because required fields are missing: %2. Check the parameters of this task in its playbook.</translation>
    </message>
    <message>
        <source>The OCS reported an internal error for %1: %2. Check the OCS logs and its database, then retry.</source>
        <translation>The OCS reported an internal error for %1: %2. Check the OCS logs and its database, then retry.</translation>
    </message>
    <message>
        <source>The OCS refused %1 because account &quot;%2&quot; has insufficient credit. Top up the account or check its balances.</source>
        <translation>The OCS refused %1 because account &quot;%2&quot; has insufficient credit. Top up the account or check its balances.</translation>
    </message>
    <message>
        <source>The OCS refused %1 because account &quot;%2&quot; is disabled. Enable the account in the OCS, then retry.</source>
        <translation>The OCS refused %1 because account &quot;%2&quot; is disabled. Enable the account in the OCS, then retry.</translation>
    </message>
    <message>
        <source>The OCS is busy: too many requests at once. Wait a moment, then retry; if it keeps happening, raise its concurrent request limit.</source>
        <translation>The OCS is busy: too many requests at once. Wait a moment, then retry; if it keeps happening, raise its concurrent request limit.</translation>
    </message>
    <message>
        <source>The OCS does not know the method %1. Check that the address in Settings points to CGRateS and that its version supports this method.</source>
        <translation>The OCS does not know the method %1. Check that the address in Settings points to CGRateS and that its version supports this method.</translation>
    </message>
    <message>
        <source>The OCS rejected %1: %2. Check the OCS logs for details.</source>
        <translation>The OCS rejected %1: %2. Check the OCS logs for details.</translation>
    </message>
    <message>
        <source>The address of the %1 is not set. Enter it in Settings.</source>
        <translation>The address of the %1 is not set. Enter it in Settings.</translation>
    </message>
    <message>
        <source>Unable to connect to %1 at %2. Check that it is online and that its address in Settings is right.</source>
        <translation>Unable to connect to %1 at %2. Check that it is online and that its address in Settings is right.</translation>
    </message>
    <message>
        <source>The %1 at %2 did not answer within %3 seconds. Check that it is running and not overloaded, then retry.</source>
        <translation>The %1 at %2 did not answer within %3 seconds. Check that it is running and not overloaded, then retry.</translation>
    </message>
    <message>
        <source>The secure connection to the %1 at %2 failed. Check its certificate, the CA bundle set for it in Settings, and whether the address should start with http or https.</source>
        <translation>The secure connection to the %1 at %2 failed. Check its certificate, the CA bundle set for it in Settings, and whether the address should start with http or https.</translation>
    </message>
    <message>
        <source>The %1 at %2 closed the connection before answering. Check its logs for a crash or restart, then retry.</source>
        <translation>The %1 at %2 closed the connection before answering. Check its logs for a crash or restart, then retry.</translation>
    </message>
    <message>
        <source>The request to the %1 at %2 failed: %3. Check the network connection and the address in Settings.</source>
        <translation>The request to the %1 at %2 failed: %3. Check the network connection and the address in Settings.</translation>
    </message>
    <message>
        <source>The %1 at %2 reported an internal error (HTTP %3). Check its logs, then retry.</source>
        <translation>The %1 at %2 reported an internal error (HTTP %3). Check its logs, then retry.</translation>
    </message>
    <message>
        <source>The %1 at %2 rejected the request (HTTP %3). Check that its address in Settings points to the right service.</source>
        <translation>The %1 at %2 rejected the request (HTTP %3). Check that its address in Settings points to the right service.</translation>
    </message>
    <message>
        <source>The %1 at %2 sent a reply that could not be read. Check that its address in Settings points to the %1 and not to another service.</source>
        <translation>The %1 at %2 sent a reply that could not be read. Check that its address in Settings points to the %1 and not to another service.</translation>
    </message>
    <message>
        <source>The IPTV middleware refused the API key. Check the IPTV middleware key in Settings.</source>
        <translation>The IPTV middleware refused the API key. Check the IPTV middleware key in Settings.</translation>
    </message>
    <message>
        <source>The IPTV middleware rejected the request for device %1: %2. Check the device serial and the channel packages of the plan.</source>
        <translation>The IPTV middleware rejected the request for device %1: %2. Check the device serial and the channel packages of the plan.</translation>
    </message>
    <message>
        <source>The IPTV middleware has no device with serial %1. Check the serial; the device may have been deactivated already.</source>
        <translation>The IPTV middleware has no device with serial %1. Check the serial; the device may have been deactivated already.</translation>
    </message>
    <message>
        <source>Device %1 is already active on another account in the IPTV middleware. Check the serial, or deactivate the device there first.</source>
        <translation>Device %1 is already active on another account in the IPTV middleware. Check the serial, or deactivate the device there first.</translation>
    </message>
    <message>
        <source>The HSS refused the provisioning key. Check the HSS provisioning key in Settings; it must match the one in the PyHSS configuration.</source>
        <translation>The HSS refused the provisioning key. Check the HSS provisioning key in Settings; it must match the one in the PyHSS configuration.</translation>
    </message>
    <message>
        <source>The HSS already has authentication data (AuC) for IMSI %1 or for its ICCID. Check the SIM card, or remove the old AuC from the HSS first.</source>
        <translation>The HSS already has authentication data (AuC) for IMSI %1 or for its ICCID. Check the SIM card, or remove the old AuC from the HSS first.</translation>
    </message>
    <message>
        <source>The HSS already has a subscriber with IMSI %1, or its AuC is already in use. Check the IMSI, or remove the old subscriber from the HSS first.</source>
        <translation>The HSS already has a subscriber with IMSI %1, or its AuC is already in use. Check the IMSI, or remove the old subscriber from the HSS first.</translation>
    </message>
    <message>
        <source>The HSS rejected %1: %2. Check the subscriber and SIM data sent by this task.</source>
        <translation>The HSS rejected %1: %2. Check the subscriber and SIM data sent by this task.</translation>
    </message>
    <message>
        <source>The HSS has no subscriber with IMSI %1. Check the IMSI, or create the subscriber first.</source>
        <translation>The HSS has no subscriber with IMSI %1. Check the IMSI, or create the subscriber first.</translation>
    </message>
    <message>
        <source>The HSS has no AuC with id %1. It may have been removed already; check the HSS.</source>
        <translation>The HSS has no AuC with id %1. It may have been removed already; check the HSS.</translation>
    </message>
    <message>
        <source>The HSS has no subscriber with id %1. It may have been removed already; check the HSS.</source>
        <translation>The HSS has no subscriber with id %1. It may have been removed already; check the HSS.</translation>
    </message>
    <message>
        <source>The %1 at %2 presented a certificate that is not signed by a trusted CA. Set the CA bundle in Settings or check the server&apos;s certificate.</source>
        <translation>The %1 at %2 presented a certificate that is not signed by a trusted CA. Set the CA bundle in Settings or check the server&apos;s certificate.</translation>
    </message>
    <message>
        <source>The certificate of the %1 at %2 was issued for another host name. Use the name in its certificate in the address in Settings, or check the server&apos;s certificate.</source>
        <translation>The certificate of the %1 at %2 was issued for another host name. Use the name in its certificate in the address in Settings, or check the server&apos;s certificate.</translation>
    </message>
    <message>
        <source>The certificate of the %1 at %2 has expired or is not valid yet. Renew the server&apos;s certificate or check this computer&apos;s clock.</source>
        <translation>The certificate of the %1 at %2 has expired or is not valid yet. Renew the server&apos;s certificate or check this computer&apos;s clock.</translation>
    </message>
    <message>
        <source>The %1 at %2 requires a client certificate and did not accept ours. Set the client certificate and key for it in Settings, signed by a CA the %1 trusts.</source>
        <translation>The %1 at %2 requires a client certificate and did not accept ours. Set the client certificate and key for it in Settings, signed by a CA the %1 trusts.</translation>
    </message>
    <message>
        <source>Unable to connect to the %1 (osmo-hlr CTRL) at %2. Check that osmo-hlr is running, that its configuration binds &quot;ctrl&quot; to that address, and the hss_ctrl setting.</source>
        <translation>Unable to connect to the %1 (osmo-hlr CTRL) at %2. Check that osmo-hlr is running, that its configuration binds &quot;ctrl&quot; to that address, and the hss_ctrl setting.</translation>
    </message>
    <message>
        <source>The %1 (osmo-hlr CTRL) at %2 did not answer within %3 seconds. Check that osmo-hlr is running and not overloaded, then retry.</source>
        <translation>The %1 (osmo-hlr CTRL) at %2 did not answer within %3 seconds. Check that osmo-hlr is running and not overloaded, then retry.</translation>
    </message>
    <message>
        <source>The %1 (osmo-hlr CTRL) at %2 closed the connection before answering. Check the osmo-hlr log for a crash or restart, then retry.</source>
        <translation>The %1 (osmo-hlr CTRL) at %2 closed the connection before answering. Check the osmo-hlr log for a crash or restart, then retry.</translation>
    </message>
    <message>
        <source>The connection to the %1 (osmo-hlr CTRL) at %2 failed: %3. Check the network connection and the hss_ctrl setting.</source>
        <translation>The connection to the %1 (osmo-hlr CTRL) at %2 failed: %3. Check the network connection and the hss_ctrl setting.</translation>
    </message>
    <message>
        <source>The %1 at %2 refused %3: &quot;%4&quot;. Check the IMSI, MSISDN and SIM keys sent by this task, and the osmo-hlr log.</source>
        <translation>The %1 at %2 refused %3: &quot;%4&quot;. Check the IMSI, MSISDN and SIM keys sent by this task, and the osmo-hlr log.</translation>
    </message>
    <message>
        <source>The %1 at %2 sent a reply that could not be read. Check that hss_ctrl points to the CTRL port of osmo-hlr (4259), not to its GSUP or VTY port.</source>
        <translation>The %1 at %2 sent a reply that could not be read. Check that hss_ctrl points to the CTRL port of osmo-hlr (4259), not to its GSUP or VTY port.</translation>
    </message>
    <message>
        <source>The CA bundle %1 set for the %2 cannot be read or holds no PEM certificate. Check the file and its path in Settings.</source>
        <translation>The CA bundle %1 set for the %2 cannot be read or holds no PEM certificate. Check the file and its path in Settings.</translation>
    </message>
    <message>
        <source>The client certificate %1 set for the %2 cannot be read or holds no PEM certificate. Check the file and its path in Settings.</source>
        <translation>The client certificate %1 set for the %2 cannot be read or holds no PEM certificate. Check the file and its path in Settings.</translation>
    </message>
    <message>
        <source>The client key %1 set for the %2 cannot be read. It must be an unencrypted PEM private key; check the file and its path in Settings.</source>
        <translation>The client key %1 set for the %2 cannot be read. It must be an unencrypted PEM private key; check the file and its path in Settings.</translation>
    </message>
</context>
<context>
    <name>NetworkSimulator</name>
    <message>
        <source>The fault &quot;%1&quot; has no target. Write it as TARGET[:KIND][:once], for example APIerSv1.SetAccount:timeout.</source>
        <translation>The fault &quot;%1&quot; has no target. Write it as TARGET[:KIND][:once], for example APIerSv1.SetAccount:timeout.</translation>
    </message>
    <message>
        <source>The fault target &quot;%1&quot; is not known. Use a JSON-RPC method (APIerSv1.SetAccount), a route (PUT /subscriber/) or an element (ocs, hss, iptv).</source>
        <translation>The fault target &quot;%1&quot; is not known. Use a JSON-RPC method (APIerSv1.SetAccount), a route (PUT /subscriber/) or an element (ocs, hss, iptv).</translation>
    </message>
    <message>
        <source>The fault kind &quot;%1&quot; is not known. Use error, error=TEXT, http500 (any 4xx or 5xx), timeout, drop or malformed, optionally followed by :once or :times=N.</source>
        <translation>The fault kind &quot;%1&quot; is not known. Use error, error=TEXT, http500 (any 4xx or 5xx), timeout, drop or malformed, optionally followed by :once or :times=N.</translation>
    </message>
    <message>
        <source>The simulator cannot serve HTTPS: the certificate %1, its key or the client CA bundle cannot be read. Check the files (PEM, key unencrypted).</source>
        <translation>The simulator cannot serve HTTPS: the certificate %1, its key or the client CA bundle cannot be read. Check the files (PEM, key unencrypted).</translation>
    </message>
</context>
<context>
    <name>Playbook</name>
    <message>
        <source>The playbook name &quot;%1&quot; is not valid. Check the product&apos;s provisioning play.</source>
        <translation>The playbook name &quot;%1&quot; is not valid. Check the product&apos;s provisioning play.</translation>
    </message>
    <message>
        <source>The playbook &quot;%1&quot; was not found. Check the product&apos;s provisioning play and the playbook directory in Settings.</source>
        <translation>The playbook &quot;%1&quot; was not found. Check the product&apos;s provisioning play and the playbook directory in Settings.</translation>
    </message>
    <message>
        <source>The playbook &quot;%1&quot; is not valid JSON with a list of tasks. Correct the file.</source>
        <translation>The playbook &quot;%1&quot; is not valid JSON with a list of tasks. Correct the file.</translation>
    </message>
    <message>
        <source>A task of the playbook &quot;%1&quot; has no label or no action. Correct the file.</source>
        <translation>A task of the playbook &quot;%1&quot; has no label or no action. Correct the file.</translation>
    </message>
    <message>
        <source>The playbook &quot;%1&quot; needs values the order does not have (%2). Check the product&apos;s inventory items and provisioning variables.</source>
        <translation>The playbook &quot;%1&quot; needs values the order does not have (%2). Check the product&apos;s inventory items and provisioning variables.</translation>
    </message>
    <message>
        <source>Validating customer account</source>
        <translation>Validating customer account</translation>
    </message>
    <message>
        <source>Assigning SIM Card (ICCID: %1)</source>
        <translation>Assigning SIM Card (ICCID: %1)</translation>
    </message>
    <message>
        <source>Assigning Mobile Number (%1)</source>
        <translation>Assigning Mobile Number (%1)</translation>
    </message>
    <message>
        <source>Activating SIM in HLR/HSS (IMSI: %1)</source>
        <translation>Activating SIM in HLR/HSS (IMSI: %1)</translation>
    </message>
    <message>
        <source>Configuring OCS account</source>
        <translation>Configuring OCS account</translation>
    </message>
    <message>
        <source>Creating service record</source>
        <translation>Creating service record</translation>
    </message>
    <message>
        <source>Sending welcome email</source>
        <translation>Sending welcome email</translation>
    </message>
    <message>
        <source>Assigning CPE Modem (%1)</source>
        <translation>Assigning CPE Modem (%1)</translation>
    </message>
    <message>
        <source>Creating RADIUS user (%1)</source>
        <translation>Creating RADIUS user (%1)</translation>
    </message>
    <message>
        <source>Assigning Set-top Box (%1)</source>
        <translation>Assigning Set-top Box (%1)</translation>
    </message>
    <message>
        <source>Activating set-top box on IPTV middleware</source>
        <translation>Activating set-top box on IPTV middleware</translation>
    </message>
    <message>
        <source>Assigning SIP DID (%1)</source>
        <translation>Assigning SIP DID (%1)</translation>
    </message>
    <message>
        <source>Creating SIP subscriber (%1)</source>
        <translation>Creating SIP subscriber (%1)</translation>
    </message>
    <message>
        <source>Updating channel packages on set-top box (%1)</source>
        <translation>Updating channel packages on set-top box (%1)</translation>
    </message>
    <message>
        <source>Undoing: %1</source>
        <translation>Undoing: %1</translation>
    </message>
    <message>
        <source>Removing RADIUS user (%1)</source>
        <translation>Removing RADIUS user (%1)</translation>
    </message>
    <message>
        <source>Removing SIP subscriber (%1)</source>
        <translation>Removing SIP subscriber (%1)</translation>
    </message>
    <message>
        <source>Removing OCS account</source>
        <translation>Removing OCS account</translation>
    </message>
    <message>
        <source>Deactivating SIM in HLR/HSS (IMSI: %1)</source>
        <translation>Deactivating SIM in HLR/HSS (IMSI: %1)</translation>
    </message>
    <message>
        <source>Deactivating set-top box on IPTV middleware</source>
        <translation>Deactivating set-top box on IPTV middleware</translation>
    </message>
    <message>
        <source>Cancelling service record</source>
        <translation>Cancelling service record</translation>
    </message>
    <message>
        <source>Adding %1 to the OCS account</source>
        <translation>Adding %1 to the OCS account</translation>
    </message>
    <message>
        <source>Reading balance</source>
        <translation>Reading balance</translation>
    </message>
    <message>
        <source>Activating add-on</source>
        <translation>Activating add-on</translation>
    </message>
</context>
<context>
    <name>Provisioning</name>
    <message>
        <source>Provisioning timed out after %1 seconds. Check the provisioning logs for the step that hung and that the OCS and network systems are online, then retry.</source>
        <translation>Provisioning timed out after %1 seconds. Check the provisioning logs for the step that hung and that the OCS and network systems are online, then retry.</translation>
    </message>
    <message>
        <source>The playbook asks for the unknown action &quot;%1&quot;. Correct the playbook &quot;%2&quot;.</source>
        <translation>The playbook asks for the unknown action &quot;%1&quot;. Correct the playbook &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Provision ID %1 does not exist. Check the number in the Provisioning list.</source>
        <translation>Provision ID %1 does not exist. Check the number in the Provisioning list.</translation>
    </message>
    <message>
        <source>Provision ID %1 has not failed (it is %2), so there is nothing to retry.</source>
        <translation>Provision ID %1 has not failed (it is %2), so there is nothing to retry.</translation>
    </message>
</context>
<context>
    <name>ProvisioningAction</name>
    <message>
        <source>Customer %1 does not exist any more. Check the customer record.</source>
        <translation>Customer %1 does not exist any more. Check the customer record.</translation>
    </message>
    <message>
        <source>The account of %1 is not active. Reactivate the customer, then retry.</source>
        <translation>The account of %1 is not active. Reactivate the customer, then retry.</translation>
    </message>
    <message>
        <source>%1 is not reserved for this service any more (status %2). Pick another item and assign the plan again.</source>
        <translation>%1 is not reserved for this service any more (status %2). Pick another item and assign the plan again.</translation>
    </message>
    <message>
        <source>No address is set for the %1. Set it in Settings, then retry.</source>
        <translation>No address is set for the %1. Set it in Settings, then retry.</translation>
    </message>
    <message>
        <source>The customer has no valid email address (%1). Correct it on the customer record, then retry.</source>
        <translation>The customer has no valid email address (%1). Correct it on the customer record, then retry.</translation>
    </message>
    <message>
        <source>Cannot write to the mail outbox. Check the outbox folder in Settings.</source>
        <translation>Cannot write to the mail outbox. Check the outbox folder in Settings.</translation>
    </message>
    <message>
        <source>No database is set for the %1. Set it in Settings, then retry.</source>
        <translation>No database is set for the %1. Set it in Settings, then retry.</translation>
    </message>
    <message>
        <source>The %1 database %2 could not be updated. Check that it is reachable and that the address in Settings is right, then retry.</source>
        <translation>The %1 database %2 could not be updated. Check that it is reachable and that the address in Settings is right, then retry.</translation>
    </message>
    <message>
        <source>The RADIUS user has no name or no service. Correct the playbook &quot;%1&quot;.</source>
        <translation>The RADIUS user has no name or no service. Correct the playbook &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The plan&apos;s rate limit &quot;%1&quot; is not a download/upload rate such as 100M/20M. Correct the product&apos;s provisioning variables.</source>
        <translation>The plan&apos;s rate limit &quot;%1&quot; is not a download/upload rate such as 100M/20M. Correct the product&apos;s provisioning variables.</translation>
    </message>
    <message>
        <source>The modem&apos;s MAC address &quot;%1&quot; is not valid. Correct the inventory item, then retry.</source>
        <translation>The modem&apos;s MAC address &quot;%1&quot; is not valid. Correct the inventory item, then retry.</translation>
    </message>
    <message>
        <source>The RADIUS password could not be hashed. Check the system&apos;s random number source, then retry.</source>
        <translation>The RADIUS password could not be hashed. Check the system&apos;s random number source, then retry.</translation>
    </message>
    <message>
        <source>The SIP subscriber has no number, no domain or no service. Set the SIP domain in Settings or on the product, then retry.</source>
        <translation>The SIP subscriber has no number, no domain or no service. Set the SIP domain in Settings or on the product, then retry.</translation>
    </message>
    <message>
        <source>No sender address is set for the mail server. Set the sender (from) address in the mail settings, then retry.</source>
        <translation>No sender address is set for the mail server. Set the sender (from) address in the mail settings, then retry.</translation>
    </message>
    <message>
        <source>The add-on has no balance to add (type &quot;%1&quot;, amount &quot;%2&quot;). Check the product&apos;s provisioning variables balance_type and balance_value.</source>
        <translation>The add-on has no balance to add (type &quot;%1&quot;, amount &quot;%2&quot;). Check the product&apos;s provisioning variables balance_type and balance_value.</translation>
    </message>
    <message>
        <source>Add-on %1 does not exist any more. Check the service&apos;s add-ons.</source>
        <translation>Add-on %1 does not exist any more. Check the service&apos;s add-ons.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Nobody is signed in. Sign in with your staff login and password first.</source>
        <translation>Nobody is signed in. Sign in with your staff login and password first.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow assigning plans. Ask an administrator.</source>
        <translation>Your role (%1) does not allow assigning plans. Ask an administrator.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow retrying provisioning. Ask an administrator.</source>
        <translation>Your role (%1) does not allow retrying provisioning. Ask an administrator.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow amending bundles. Ask an administrator.</source>
        <translation>Your role (%1) does not allow amending bundles. Ask an administrator.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow managing staff accounts. Ask an administrator.</source>
        <translation>Your role (%1) does not allow managing staff accounts. Ask an administrator.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow loading demo data. Ask an administrator.</source>
        <translation>Your role (%1) does not allow loading demo data. Ask an administrator.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow this action. Ask an administrator.</source>
        <translation>Your role (%1) does not allow this action. Ask an administrator.</translation>
    </message>
    <message>
        <source>Store staff</source>
        <translation>Store staff</translation>
    </message>
    <message>
        <source>Billing clerk</source>
        <translation>Billing clerk</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow importing inventory. Ask an administrator.</source>
        <translation>Your role (%1) does not allow importing inventory. Ask an administrator.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow cancelling services. Ask an administrator.</source>
        <translation>Your role (%1) does not allow cancelling services. Ask an administrator.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow creating or changing customers. Ask an administrator.</source>
        <translation>Your role (%1) does not allow creating or changing customers. Ask an administrator.</translation>
    </message>
</context>
<context>
    <name>ServiceVerifier</name>
    <message>
        <source>present</source>
        <translation>present</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>no answer</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Then verify the service again.</source>
        <translation>Then verify the service again.</translation>
    </message>
    <message>
        <source>The %1 still has %2 although the service is cancelled.</source>
        <translation>The %1 still has %2 although the service is cancelled.</translation>
    </message>
    <message>
        <source>The %1 has no record of %2 for this service.</source>
        <translation>The %1 has no record of %2 for this service.</translation>
    </message>
    <message>
        <source>Service status</source>
        <translation>Service status</translation>
    </message>
    <message>
        <source>Switchboard shows the service as &quot;%1&quot; instead of &quot;%2&quot;.</source>
        <translation>Switchboard shows the service as &quot;%1&quot; instead of &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Account %1</source>
        <translation>Account %1</translation>
    </message>
    <message>
        <source>Account enabled</source>
        <translation>Account enabled</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>enabled</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <source>The OCS account %1 is disabled.</source>
        <translation>The OCS account %1 is disabled.</translation>
    </message>
    <message>
        <source>Balance %1</source>
        <translation>Balance %1</translation>
    </message>
    <message>
        <source>The OCS account %1 has no %2 balance.</source>
        <translation>The OCS account %1 has no %2 balance.</translation>
    </message>
    <message>
        <source>Subscriber IMSI %1</source>
        <translation>Subscriber IMSI %1</translation>
    </message>
    <message>
        <source>Subscriber enabled</source>
        <translation>Subscriber enabled</translation>
    </message>
    <message>
        <source>The %1 subscriber %2 is disabled.</source>
        <translation>The %1 subscriber %2 is disabled.</translation>
    </message>
    <message>
        <source>User %1</source>
        <translation>User %1</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Rate limit</translation>
    </message>
    <message>
        <source>The RADIUS user %1 has a rate limit that differs from the product&apos;s.</source>
        <translation>The RADIUS user %1 has a rate limit that differs from the product&apos;s.</translation>
    </message>
    <message>
        <source>Calling-Station-Id (modem)</source>
        <translation>Calling-Station-Id (modem)</translation>
    </message>
    <message>
        <source>The RADIUS user %1 is bound to another modem than the one assigned to the service.</source>
        <translation>The RADIUS user %1 is bound to another modem than the one assigned to the service.</translation>
    </message>
    <message>
        <source>Subscriber %1</source>
        <translation>Subscriber %1</translation>
    </message>
    <message>
        <source>Set-top box %1</source>
        <translation>Set-top box %1</translation>
    </message>
    <message>
        <source>Device status</source>
        <translation>Device status</translation>
    </message>
    <message>
        <source>Set-top box %1 is not active on the IPTV middleware (status %2).</source>
        <translation>Set-top box %1 is not active on the IPTV middleware (status %2).</translation>
    </message>
    <message>
        <source>Device account</source>
        <translation>Device account</translation>
    </message>
    <message>
        <source>Set-top box %1 is active on another account on the IPTV middleware.</source>
        <translation>Set-top box %1 is active on another account on the IPTV middleware.</translation>
    </message>
    <message>
        <source>Channel packages</source>
        <translation>Channel packages</translation>
    </message>
    <message>
        <source>Set-top box %1 has other channel packages on the IPTV middleware than the plan.</source>
        <translation>Set-top box %1 has other channel packages on the IPTV middleware than the plan.</translation>
    </message>
    <message>
        <source>Retry the cancel job on the Provisioning page, or remove it from the %1 by hand.</source>
        <translation>Retry the cancel job on the Provisioning page, or remove it from the %1 by hand.</translation>
    </message>
    <message>
        <source>Re-run provisioning with Retry on the Provisioning page.</source>
        <translation>Re-run provisioning with Retry on the Provisioning page.</translation>
    </message>
    <message>
        <source>Cancel the service and assign the plan again, or correct it on the %1 by hand.</source>
        <translation>Cancel the service and assign the plan again, or correct it on the %1 by hand.</translation>
    </message>
    <message>
        <source>MSISDN</source>
        <translation>MSISDN</translation>
    </message>
    <message>
        <source>The %1 subscriber %2 has another MSISDN than the number assigned to the service.</source>
        <translation>The %1 subscriber %2 has another MSISDN than the number assigned to the service.</translation>
    </message>
    <message>
        <source>Authentication keys (Ki, OPc)</source>
        <translation>Authentication keys (Ki, OPc)</translation>
    </message>
    <message>
        <source>The %1 has no authentication keys for IMSI %2.</source>
        <translation>The %1 has no authentication keys for IMSI %2.</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Credentials</translation>
    </message>
    <message>
        <source>match the service</source>
        <translation>match the service</translation>
    </message>
    <message>
        <source>do not match</source>
        <translation>do not match</translation>
    </message>
    <message>
        <source>The credentials of %1 on the %2 are not the ones of this service.</source>
        <translation>The credentials of %1 on the %2 are not the ones of this service.</translation>
    </message>
    <message>
        <source>The %1 database %2 could not be read. Check that it is reachable and that the address in Settings is right.</source>
        <translation>The %1 database %2 could not be read. Check that it is reachable and that the address in Settings is right.</translation>
    </message>
    <message>
        <source>Service %1 does not exist. Check the service ID.</source>
        <translation>Service %1 does not exist. Check the service ID.</translation>
    </message>
</context>
<context>
    <name>Services</name>
    <message>
        <source>Service %1 does not exist.</source>
        <translation>Service %1 does not exist.</translation>
    </message>
</context>
<context>
    <name>SettingsFile</name>
    <message>
        <source>The settings file %1 does not exist or cannot be read. Check the path given with --config.</source>
        <translation>The settings file %1 does not exist or cannot be read. Check the path given with --config.</translation>
    </message>
    <message>
        <source>The settings file %1 is not an INI file that Switchboard can read. Check its contents.</source>
        <translation>The settings file %1 is not an INI file that Switchboard can read. Check its contents.</translation>
    </message>
</context>
<context>
    <name>SimImport</name>
    <message>
        <source>Cannot read the SIM batch file %1. Check the path and its permissions.</source>
        <translation>Cannot read the SIM batch file %1. Check the path and its permissions.</translation>
    </message>
    <message>
        <source>Line %1: the var_out line must name the ICCID, IMSI and KI columns, for example &quot;var_out: ICCID/IMSI/KI&quot;. Nothing was imported.</source>
        <translation>Line %1: the var_out line must name the ICCID, IMSI and KI columns, for example &quot;var_out: ICCID/IMSI/KI&quot;. Nothing was imported.</translation>
    </message>
    <message>
        <source>Line %1 of the SIM batch file is not understood: before the var_out line only &quot;Name : value&quot; header lines and &apos;*&apos; comments may appear. Nothing was imported.</source>
        <translation>Line %1 of the SIM batch file is not understood: before the var_out line only &quot;Name : value&quot; header lines and &apos;*&apos; comments may appear. Nothing was imported.</translation>
    </message>
    <message>
        <source>Line %1: the row has %2 values, but var_out names %3 columns. Correct the SIM batch file; nothing was imported.</source>
        <translation>Line %1: the row has %2 values, but var_out names %3 columns. Correct the SIM batch file; nothing was imported.</translation>
    </message>
    <message>
        <source>Line %1: &quot;%2&quot; is not an ICCID (18 to 20 digits). Correct the SIM batch file; nothing was imported.</source>
        <translation>Line %1: &quot;%2&quot; is not an ICCID (18 to 20 digits). Correct the SIM batch file; nothing was imported.</translation>
    </message>
    <message>
        <source>Line %1: &quot;%2&quot; is not an IMSI (6 to 15 digits). Correct the SIM batch file; nothing was imported.</source>
        <translation>Line %1: &quot;%2&quot; is not an IMSI (6 to 15 digits). Correct the SIM batch file; nothing was imported.</translation>
    </message>
    <message>
        <source>Line %1: the encrypted Ki must be 32 hexadecimal digits. Correct the SIM batch file; nothing was imported.</source>
        <translation>Line %1: the encrypted Ki must be 32 hexadecimal digits. Correct the SIM batch file; nothing was imported.</translation>
    </message>
    <message>
        <source>Line %1: ICCID %2 appears a second time in the file. Correct the SIM batch file; nothing was imported.</source>
        <translation>Line %1: ICCID %2 appears a second time in the file. Correct the SIM batch file; nothing was imported.</translation>
    </message>
    <message>
        <source>Line %1: IMSI %2 appears a second time in the file. Correct the SIM batch file; nothing was imported.</source>
        <translation>Line %1: IMSI %2 appears a second time in the file. Correct the SIM batch file; nothing was imported.</translation>
    </message>
    <message>
        <source>The SIM batch file has no var_out line naming its columns (for example &quot;var_out: ICCID/IMSI/KI&quot;). Nothing was imported.</source>
        <translation>The SIM batch file has no var_out line naming its columns (for example &quot;var_out: ICCID/IMSI/KI&quot;). Nothing was imported.</translation>
    </message>
    <message>
        <source>The SIM batch file lists no cards. Nothing was imported.</source>
        <translation>The SIM batch file lists no cards. Nothing was imported.</translation>
    </message>
    <message>
        <source>The header says Quantity %1, but the file lists %2 cards. The file may be cut short; ask the vendor for it again. Nothing was imported.</source>
        <translation>The header says Quantity %1, but the file lists %2 cards. The file may be cut short; ask the vendor for it again. Nothing was imported.</translation>
    </message>
    <message>
        <source>The header&apos;s Ki_iv must be 32 hexadecimal digits. Nothing was imported.</source>
        <translation>The header&apos;s Ki_iv must be 32 hexadecimal digits. Nothing was imported.</translation>
    </message>
    <message>
        <source>The SIM batch file uses the cipher &quot;%1&quot;, which is not supported. Ask the vendor for AES-128-ECB or AES-128-CBC. Nothing was imported.</source>
        <translation>The SIM batch file uses the cipher &quot;%1&quot;, which is not supported. Ask the vendor for AES-128-ECB or AES-128-CBC. Nothing was imported.</translation>
    </message>
    <message>
        <source>The batch was encrypted under the transport key with check value %1, but the key in %2 has check value %3. Use the transport key of this batch; nothing was imported.</source>
        <translation>The batch was encrypted under the transport key with check value %1, but the key in %2 has check value %3. Use the transport key of this batch; nothing was imported.</translation>
    </message>
    <message>
        <source>The OP must be 32 hexadecimal digits. Nothing was imported.</source>
        <translation>The OP must be 32 hexadecimal digits. Nothing was imported.</translation>
    </message>
    <message>
        <source>Line %1: SIM card %2 is already in the inventory (%3 cards of this file are). Remove those rows; nothing was imported.</source>
        <translation>Line %1: SIM card %2 is already in the inventory (%3 cards of this file are). Remove those rows; nothing was imported.</translation>
    </message>
</context>
<context>
    <name>SimKeys</name>
    <message>
        <source>The SIM card has no encrypted Ki. Import its SIM batch file with the transport key, then retry.</source>
        <translation>The SIM card has no encrypted Ki. Import its SIM batch file with the transport key, then retry.</translation>
    </message>
    <message>
        <source>No transport key is configured to decrypt the SIM card&apos;s Ki. Set [sim] transport_key_file in the settings file to the key of its SIM batch, then retry.</source>
        <translation>No transport key is configured to decrypt the SIM card&apos;s Ki. Set [sim] transport_key_file in the settings file to the key of its SIM batch, then retry.</translation>
    </message>
    <message>
        <source>The SIM card&apos;s Ki is encrypted under the transport key with check value %1, but the key in %2 has check value %3. Set [sim] transport_key_file in the settings file to the key of this SIM batch, then retry.</source>
        <translation>The SIM card&apos;s Ki is encrypted under the transport key with check value %1, but the key in %2 has check value %3. Set [sim] transport_key_file in the settings file to the key of this SIM batch, then retry.</translation>
    </message>
    <message>
        <source>The SIM card has no OPc and no operator OP is set to derive it. Set [sim] op (32 hexadecimal digits) in the settings file, then retry.</source>
        <translation>The SIM card has no OPc and no operator OP is set to derive it. Set [sim] op (32 hexadecimal digits) in the settings file, then retry.</translation>
    </message>
    <message>
        <source>The SIM keys could not be decrypted. Check the OpenSSL installation.</source>
        <translation>The SIM keys could not be decrypted. Check the OpenSSL installation.</translation>
    </message>
    <message>
        <source>A transport key must be 32 hexadecimal digits (AES-128).</source>
        <translation>A transport key must be 32 hexadecimal digits (AES-128).</translation>
    </message>
    <message>
        <source>Cannot read the transport key file %1. Check the path and its permissions.</source>
        <translation>Cannot read the transport key file %1. Check the path and its permissions.</translation>
    </message>
    <message>
        <source>The transport key file %1 does not hold a key. It must contain the 32 hexadecimal digits of the AES-128 transport key on one line.</source>
        <translation>The transport key file %1 does not hold a key. It must contain the 32 hexadecimal digits of the AES-128 transport key on one line.</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>The login or password is not correct. Check both and try again.</source>
        <translation>The login or password is not correct. Check both and try again.</translation>
    </message>
    <message>
        <source>The password must have at least %1 characters. Choose a longer one.</source>
        <translation>The password must have at least %1 characters. Choose a longer one.</translation>
    </message>
    <message>
        <source>The password could not be protected (the system&apos;s random number generator failed). Try again.</source>
        <translation>The password could not be protected (the system&apos;s random number generator failed). Try again.</translation>
    </message>
    <message>
        <source>%1 cannot be signed in automatically on a shared PostgreSQL database. Sign in with your staff login and password.</source>
        <translation>%1 cannot be signed in automatically on a shared PostgreSQL database. Sign in with your staff login and password.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid login. Use 1 to 64 letters, digits, dots, hyphens, underscores or @.</source>
        <translation>&quot;%1&quot; is not a valid login. Use 1 to 64 letters, digits, dots, hyphens, underscores or @.</translation>
    </message>
    <message>
        <source>There is already a staff account called %1. Choose another login, or change its password instead.</source>
        <translation>There is already a staff account called %1. Choose another login, or change its password instead.</translation>
    </message>
    <message>
        <source>There is no staff account called %1. Check the login in the list of staff accounts.</source>
        <translation>There is no staff account called %1. Check the login in the list of staff accounts.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Business</source>
        <translation>Business</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>Add-ons</source>
        <translation>Add-ons</translation>
    </message>
    <message>
        <source>Service Plans</source>
        <translation>Service Plans</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Internet</source>
        <translation>Internet</translation>
    </message>
    <message>
        <source>IPTV</source>
        <translation>IPTV</translation>
    </message>
    <message>
        <source>VoIP</source>
        <translation>VoIP</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>In Stock</source>
        <translation>In Stock</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reserved</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>Faulty</source>
        <translation>Faulty</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Pending provisioning</source>
        <translation>Pending provisioning</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Not activated</source>
        <translation>Not activated</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Succeeded</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>The database could not %1. Check that it is reachable and try again.</source>
        <translation>The database could not %1. Check that it is reachable and try again.</translation>
    </message>
    <message>
        <source>Cannot open the database %1. Check the address, the credentials and that the server is running.</source>
        <translation>Cannot open the database %1. Check the address, the credentials and that the server is running.</translation>
    </message>
    <message>
        <source>prepare a query</source>
        <translation>prepare a query</translation>
    </message>
    <message>
        <source>run a query</source>
        <translation>run a query</translation>
    </message>
    <message>
        <source>save a record</source>
        <translation>save a record</translation>
    </message>
    <message>
        <source>save the change</source>
        <translation>save the change</translation>
    </message>
    <message>
        <source>The database has schema version %1 but this program knows only up to %2. Install the newer Switchboard that created it.</source>
        <translation>The database has schema version %1 but this program knows only up to %2. Install the newer Switchboard that created it.</translation>
    </message>
</context>
<context>
    <name>WelcomeMail</name>
    <message>
        <source>Welcome to %1</source>
        <translation>Welcome to %1</translation>
    </message>
    <message>
        <source>Dear %1,</source>
        <translation>Dear %1,</translation>
    </message>
    <message>
        <source>Your service %1 is now active.</source>
        <translation>Your service %1 is now active.</translation>
    </message>
    <message>
        <source>If you have any questions, simply reply to this email and we will help you.</source>
        <translation>If you have any questions, simply reply to this email and we will help you.</translation>
    </message>
    <message>
        <source>Kind regards,</source>
        <translation>Kind regards,</translation>
    </message>
    <message>
        <source>Your customer care team</source>
        <translation>Your customer care team</translation>
    </message>
    <message>
        <source>Your sign-in details:</source>
        <translation>Your sign-in details:</translation>
    </message>
    <message>
        <source>User name: %1</source>
        <translation>User name: %1</translation>
    </message>
    <message>
        <source>Password: %1</source>
        <translation>Password: %1</translation>
    </message>
    <message>
        <source>SIP domain: %1</source>
        <translation>SIP domain: %1</translation>
    </message>
    <message>
        <source>Keep this password safe. We will never ask you for it by email or phone.</source>
        <translation>Keep this password safe. We will never ask you for it by email or phone.</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>--%1 must be a whole number from %2 to %3, not &quot;%4&quot;.</source>
        <translation>--%1 must be a whole number from %2 to %3, not &quot;%4&quot;.</translation>
    </message>
    <message>
        <source>Runs provisioning jobs from a shared Switchboard database.</source>
        <translation>Runs provisioning jobs from a shared Switchboard database.</translation>
    </message>
    <message>
        <source>The database URL (default: the embedded SQLite file).</source>
        <translation>The database URL (default: the embedded SQLite file).</translation>
    </message>
    <message>
        <source>How many jobs run at once (default 1).</source>
        <translation>How many jobs run at once (default 1).</translation>
    </message>
    <message>
        <source>How long a job stays claimed without a heartbeat, in milliseconds (default 60000).</source>
        <translation>How long a job stays claimed without a heartbeat, in milliseconds (default 60000).</translation>
    </message>
    <message>
        <source>Stopping: each running job finishes its current task and goes back to the queue.</source>
        <translation>Stopping: each running job finishes its current task and goes back to the queue.</translation>
    </message>
    <message numerus="yes">
        <source>Provisioning worker %1 runs up to %n job(s) at once on %2. Stop it with SIGTERM or Ctrl+C.</source>
        <translation>
            <numerusform>Provisioning worker %1 runs up to %n job at once on %2. Stop it with SIGTERM or Ctrl+C.</numerusform>
            <numerusform>Provisioning worker %1 runs up to %n jobs at once on %2. Stop it with SIGTERM or Ctrl+C.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Provisioning worker %1 stopped after finishing %n job(s).</source>
        <translation>
            <numerusform>Provisioning worker %1 stopped after finishing %n job.</numerusform>
            <numerusform>Provisioning worker %1 stopped after finishing %n jobs.</numerusform>
        </translation>
    </message>
    <message>
        <source>The settings file (INI, as the GUI&apos;s Settings dialog writes it) with the network elements and, without --db, the database (default: the user&apos;s settings).</source>
        <translation>The settings file (INI, as the GUI&apos;s Settings dialog writes it) with the network elements and, without --db, the database (default: the user&apos;s settings).</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Switchboard: assign plans and provision services for telecom customers.</source>
        <translation>Switchboard: assign plans and provision services for telecom customers.</translation>
    </message>
    <message>
        <source>Database URL (sqlite:///path or postgresql://…).</source>
        <translation>Database URL (sqlite:///path or postgresql://…).</translation>
    </message>
    <message>
        <source>Language: en, pt_BR, fr or es.</source>
        <translation>Language: en, pt_BR, fr or es.</translation>
    </message>
    <message>
        <source>Save screenshots of the assign-plan flow to DIR, then exit.</source>
        <translation>Save screenshots of the assign-plan flow to DIR, then exit.</translation>
    </message>
</context>
<context>
    <name>sb::AddContactDialog</name>
    <message>
        <source>Add Contact</source>
        <translation>Add Contact</translation>
    </message>
    <message>
        <source>A new contact of %1.</source>
        <translation>A new contact of %1.</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Billing</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>Technical</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <source>name@example.com (optional)</source>
        <translation>name@example.com (optional)</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Add</translation>
    </message>
</context>
<context>
    <name>sb::AddSiteDialog</name>
    <message>
        <source>Add Site</source>
        <translation>Add Site</translation>
    </message>
    <message>
        <source>A new installation site of %1.</source>
        <translation>A new installation site of %1.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>e.g. Head office</source>
        <translation>e.g. Head office</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Add</translation>
    </message>
</context>
<context>
    <name>sb::AddonPickerDialog</name>
    <message>
        <source>Add-ons — %1</source>
        <translation>Add-ons — %1</translation>
    </message>
    <message>
        <source>Add-ons for %1</source>
        <translation>Add-ons for %1</translation>
    </message>
    <message>
        <source>Add-ons for %1 services of %2. Select one and click Continue; it is added to this service, no new service is created.</source>
        <translation>Add-ons for %1 services of %2. Select one and click Continue; it is added to this service, no new service is created.</translation>
    </message>
    <message>
        <source>Add-on</source>
        <translation>Add-on</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Billing</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>%1 + %2 / month</source>
        <translation>%1 + %2 / month</translation>
    </message>
    <message>
        <source>%1 / month</source>
        <translation>%1 / month</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <source>One-time</source>
        <translation>One-time</translation>
    </message>
    <message>
        <source>Loading the add-ons…</source>
        <translation>Loading the add-ons…</translation>
    </message>
    <message>
        <source>No add-ons are available for %1 services of %2 customers.</source>
        <translation>No add-ons are available for %1 services of %2 customers.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>C&amp;ontinue</translation>
    </message>
</context>
<context>
    <name>sb::AddonTargetStep</name>
    <message>
        <source>%1 (ID: %2)</source>
        <translation>%1 (ID: %2)</translation>
    </message>
    <message>
        <source>Existing %1 Services:</source>
        <translation>Existing %1 Services:</translation>
    </message>
    <message>
        <source>• %1</source>
        <translation>• %1</translation>
    </message>
    <message>
        <source>Which service should receive this add-on?</source>
        <translation>Which service should receive this add-on?</translation>
    </message>
    <message>
        <source>Add-on for: %1</source>
        <translation>Add-on for: %1</translation>
    </message>
    <message>
        <source>Looking for the services of %1 that can receive %2…</source>
        <translation>Looking for the services of %1 that can receive %2…</translation>
    </message>
    <message>
        <source>%1 has %2 services that can receive %3. Choose one; no new service is created.</source>
        <translation>%1 has %2 services that can receive %3. Choose one; no new service is created.</translation>
    </message>
</context>
<context>
    <name>sb::AmendBundleDialog</name>
    <message>
        <source>Amend Bundle Services</source>
        <translation>Amend Bundle Services</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Components</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>Product Type</source>
        <translation>Product Type</translation>
    </message>
    <message>
        <source>Product Family</source>
        <translation>Product Family</translation>
    </message>
    <message>
        <source>Monthly Cost</source>
        <translation>Monthly Cost</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>&amp;Modify…</source>
        <translation>&amp;Modify…</translation>
    </message>
    <message>
        <source>&amp;View Product Bundle Components</source>
        <translation>&amp;View Product Bundle Components</translation>
    </message>
    <message>
        <source>Preview &amp; Action Panel</source>
        <translation>Preview &amp; Action Panel</translation>
    </message>
    <message>
        <source>Subscription Services to be Amended</source>
        <translation>Subscription Services to be Amended</translation>
    </message>
    <message>
        <source>Removed Components:</source>
        <translation>Removed Components:</translation>
    </message>
    <message>
        <source>Added Components:</source>
        <translation>Added Components:</translation>
    </message>
    <message>
        <source>View</source>
        <translation>View</translation>
    </message>
    <message>
        <source>The components to be removed from the bundle</source>
        <translation>The components to be removed from the bundle</translation>
    </message>
    <message>
        <source>The components to be added to the bundle</source>
        <translation>The components to be added to the bundle</translation>
    </message>
    <message>
        <source>Subscription Action Details</source>
        <translation>Subscription Action Details</translation>
    </message>
    <message>
        <source>&amp;Action Type:</source>
        <translation>&amp;Action Type:</translation>
    </message>
    <message>
        <source>S&amp;ub Action Type:</source>
        <translation>S&amp;ub Action Type:</translation>
    </message>
    <message>
        <source>Choose an action type</source>
        <translation>Choose an action type</translation>
    </message>
    <message>
        <source>Choose a sub action type</source>
        <translation>Choose a sub action type</translation>
    </message>
    <message>
        <source>Performed &amp;By User:</source>
        <translation>Performed &amp;By User:</translation>
    </message>
    <message>
        <source>Empty: the signed-in user (%1)</source>
        <translation>Empty: the signed-in user (%1)</translation>
    </message>
    <message>
        <source>Performed &amp;Date:</source>
        <translation>Performed &amp;Date:</translation>
    </message>
    <message>
        <source>Scheduling Information</source>
        <translation>Scheduling Information</translation>
    </message>
    <message>
        <source>&amp;Now</source>
        <translation>&amp;Now</translation>
    </message>
    <message>
        <source>On a specific da&amp;te</source>
        <translation>On a specific da&amp;te</translation>
    </message>
    <message>
        <source>After a number of da&amp;ys</source>
        <translation>After a number of da&amp;ys</translation>
    </message>
    <message>
        <source>e.g. 7</source>
        <translation>e.g. 7</translation>
    </message>
    <message>
        <source>days</source>
        <translation>days</translation>
    </message>
    <message>
        <source>The amendment was not submitted:</source>
        <translation>The amendment was not submitted:</translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation>&amp;Submit</translation>
    </message>
    <message>
        <source>Loading the bundle…</source>
        <translation>Loading the bundle…</translation>
    </message>
    <message>
        <source>Subscription %1 of %2 · %3 · %4</source>
        <translation>Subscription %1 of %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Wallet balance: %1</source>
        <translation>Wallet balance: %1</translation>
    </message>
    <message>
        <source>To be removed</source>
        <translation>To be removed</translation>
    </message>
    <message>
        <source>To be added</source>
        <translation>To be added</translation>
    </message>
    <message>
        <source>Nothing is debited from the prepaid wallet.</source>
        <translation>Nothing is debited from the prepaid wallet.</translation>
    </message>
    <message>
        <source>Debited from the prepaid wallet on submit: %1</source>
        <translation>Debited from the prepaid wallet on submit: %1</translation>
    </message>
    <message>
        <source>Working out the charge…</source>
        <translation>Working out the charge…</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>Submitting…</translation>
    </message>
    <message>
        <source>The amendment of %1 is scheduled for %2 (scheduled action %3). It is validated again when it runs.</source>
        <translation>The amendment of %1 is scheduled for %2 (scheduled action %3). It is validated again when it runs.</translation>
    </message>
    <message>
        <source>%1 was amended.</source>
        <translation>%1 was amended.</translation>
    </message>
    <message>
        <source>Added: %1.</source>
        <translation>Added: %1.</translation>
    </message>
    <message>
        <source>Removed: %1.</source>
        <translation>Removed: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n provisioning job(s) queued for the network.</source>
        <translation>
            <numerusform>%n provisioning job queued for the network.</numerusform>
            <numerusform>%n provisioning jobs queued for the network.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was debited from the prepaid wallet.</source>
        <translation>%1 was debited from the prepaid wallet.</translation>
    </message>
</context>
<context>
    <name>sb::AppController</name>
    <message>
        <source>Switchboard could not start</source>
        <translation>Switchboard could not start</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>Database password</translation>
    </message>
    <message>
        <source>Password of %1 for the database %2 on %3:</source>
        <translation>Password of %1 for the database %2 on %3:</translation>
    </message>
</context>
<context>
    <name>sb::AssignPlanDialog</name>
    <message>
        <source>Assign Plan — %1</source>
        <translation>Assign Plan — %1</translation>
    </message>
    <message>
        <source>Assign %1 to %2</source>
        <translation>Assign %1 to %2</translation>
    </message>
    <message>
        <source>Assign %1 to a customer</source>
        <translation>Assign %1 to a customer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <source>&amp;Confirm &amp;&amp; Provision</source>
        <translation>&amp;Confirm &amp;&amp; Provision</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Step %1 of %2: %3</translation>
    </message>
    <message>
        <source>Select Customer</source>
        <translation>Select Customer</translation>
    </message>
    <message>
        <source>Configure Inventory</source>
        <translation>Configure Inventory</translation>
    </message>
    <message>
        <source>Auto-Renewal</source>
        <translation>Auto-Renewal</translation>
    </message>
    <message>
        <source>Review and Confirm</source>
        <translation>Review and Confirm</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>Submitting…</translation>
    </message>
    <message>
        <source>Add-on — %1</source>
        <translation>Add-on — %1</translation>
    </message>
    <message>
        <source>Add %1 to %2</source>
        <translation>Add %1 to %2</translation>
    </message>
    <message>
        <source>Add %1 for %2</source>
        <translation>Add %1 for %2</translation>
    </message>
    <message>
        <source>Add %1 to a customer&apos;s service</source>
        <translation>Add %1 to a customer&apos;s service</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>C&amp;ontinue</translation>
    </message>
    <message>
        <source>Choose Service</source>
        <translation>Choose Service</translation>
    </message>
    <message>
        <source>Business Details</source>
        <translation>Business Details</translation>
    </message>
</context>
<context>
    <name>sb::AutoRenewStep</name>
    <message>
        <source>Would you like to enable auto-renewal for this service?</source>
        <translation>Would you like to enable auto-renewal for this service?</translation>
    </message>
    <message>
        <source>When enabled, this service will automatically renew at the end of each billing period and charge the customer&apos;s default payment method.</source>
        <translation>When enabled, this service will automatically renew at the end of each billing period and charge the customer&apos;s default payment method.</translation>
    </message>
    <message>
        <source>Yes: the service renews automatically and the customer is charged monthly.
No: the service expires at the end of the contract period; renewal is manual.</source>
        <translation>Yes: the service renews automatically and the customer is charged monthly.
No: the service expires at the end of the contract period; renewal is manual.</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Yes</translation>
    </message>
</context>
<context>
    <name>sb::BundleCompositionDialog</name>
    <message>
        <source>Product Composition</source>
        <translation>Product Composition</translation>
    </message>
    <message>
        <source>What the product %1 allows as components. This is only informative.</source>
        <translation>What the product %1 allows as components. This is only informative.</translation>
    </message>
    <message>
        <source>Allowed By</source>
        <translation>Allowed By</translation>
    </message>
    <message>
        <source>Allowed Component</source>
        <translation>Allowed Component</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>Mandatory</source>
        <translation>Mandatory</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>No limit</translation>
    </message>
</context>
<context>
    <name>sb::BusinessDetailsStep</name>
    <message>
        <source>Business details for %1</source>
        <translation>Business details for %1</translation>
    </message>
    <message>
        <source>Choose where the service is installed and who receives the bills and the technical notices, then fill in the fields this order asks for.</source>
        <translation>Choose where the service is installed and who receives the bills and the technical notices, then fill in the fields this order asks for.</translation>
    </message>
    <message>
        <source>Select Installation &amp;Site:</source>
        <translation>Select Installation &amp;Site:</translation>
    </message>
    <message>
        <source>&amp;Billing Contact:</source>
        <translation>&amp;Billing Contact:</translation>
    </message>
    <message>
        <source>&amp;Technical Contact:</source>
        <translation>&amp;Technical Contact:</translation>
    </message>
    <message>
        <source>%1: *</source>
        <comment>required field</comment>
        <translation>%1: *</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1 (required)</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* required</translation>
    </message>
    <message>
        <source>%1 - %2</source>
        <translation>%1 - %2</translation>
    </message>
    <message>
        <source>%1 - &lt;%2&gt;</source>
        <translation>%1 - &lt;%2&gt;</translation>
    </message>
    <message>
        <source>Loading the sites, contacts and order fields of %1…</source>
        <translation>Loading the sites, contacts and order fields of %1…</translation>
    </message>
</context>
<context>
    <name>sb::CatalogPage</name>
    <message>
        <source>Product Catalog</source>
        <translation>Product Catalog</translation>
    </message>
    <message>
        <source>Service Plans</source>
        <translation>Service Plans</translation>
    </message>
    <message>
        <source>Add-ons</source>
        <translation>Add-ons</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>Business</translation>
    </message>
    <message>
        <source>Carousel</source>
        <translation>Carousel</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Show only the products available to this customer type.</source>
        <translation>Show only the products available to this customer type.</translation>
    </message>
    <message>
        <source>Loading products…</source>
        <translation>Loading products…</translation>
    </message>
    <message>
        <source>No products available</source>
        <translation>No products available</translation>
    </message>
    <message>
        <source>• Toggle customer type (Individual vs Business)
• Check product catalog has enabled products
• Verify products match customer eligibility</source>
        <translation>• Toggle customer type (Individual vs Business)
• Check product catalog has enabled products
• Verify products match customer eligibility</translation>
    </message>
    <message>
        <source>Any Customer</source>
        <translation>Any Customer</translation>
    </message>
    <message>
        <source>Assigning a plan to %1. Only products for %2 customers are shown.</source>
        <translation>Assigning a plan to %1. Only products for %2 customers are shown.</translation>
    </message>
</context>
<context>
    <name>sb::ComponentListDialog</name>
    <message>
        <source>Added Components</source>
        <translation>Added Components</translation>
    </message>
    <message>
        <source>Removed Components</source>
        <translation>Removed Components</translation>
    </message>
    <message>
        <source>No components.</source>
        <translation>No components.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Product Type</source>
        <translation>Product Type</translation>
    </message>
    <message>
        <source>Product Family</source>
        <translation>Product Family</translation>
    </message>
    <message>
        <source>Monthly Cost</source>
        <translation>Monthly Cost</translation>
    </message>
</context>
<context>
    <name>sb::CreateCustomerDialog</name>
    <message>
        <source>Create Customer</source>
        <translation>Create Customer</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <source>name@example.com (optional)</source>
        <translation>name@example.com (optional)</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <source>+44 7700 900123 (optional)</source>
        <translation>+44 7700 900123 (optional)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Pa&amp;yment method:</source>
        <translation>Pa&amp;yment method:</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Direct debit</source>
        <translation>Direct debit</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>E&amp;xpires on</source>
        <translation>E&amp;xpires on</translation>
    </message>
    <message>
        <source>First site</source>
        <translation>First site</translation>
    </message>
    <message>
        <source>S&amp;ite name:</source>
        <translation>S&amp;ite name:</translation>
    </message>
    <message>
        <source>e.g. Head office (optional)</source>
        <translation>e.g. Head office (optional)</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>Billing contact (optional)</source>
        <translation>Billing contact (optional)</translation>
    </message>
    <message>
        <source>Technical contact (optional)</source>
        <translation>Technical contact (optional)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Create</translation>
    </message>
    <message>
        <source>• %1</source>
        <translation>• %1</translation>
    </message>
</context>
<context>
    <name>sb::CustomerHistoryModel</name>
    <message>
        <source>Assign plan</source>
        <translation>Assign plan</translation>
    </message>
    <message>
        <source>Add-on</source>
        <translation>Add-on</translation>
    </message>
    <message>
        <source>Cancel service</source>
        <translation>Cancel service</translation>
    </message>
    <message>
        <source>Amend bundle</source>
        <translation>Amend bundle</translation>
    </message>
    <message>
        <source>Provision ID</source>
        <translation>Provision ID</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Attempt</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>sb::CustomerSearchCombo</name>
    <message>
        <source>Name, customer ID, email or phone</source>
        <translation>Name, customer ID, email or phone</translation>
    </message>
    <message>
        <source>Type to search by customer name, customer ID, email address or phone number.</source>
        <translation>Type to search by customer name, customer ID, email address or phone number.</translation>
    </message>
    <message>
        <source>Customer not found</source>
        <translation>Customer not found</translation>
    </message>
    <message>
        <source>• Create customer first</source>
        <translation>• Create customer first</translation>
    </message>
    <message>
        <source>• Try different search terms (ID, email, phone)</source>
        <translation>• Try different search terms (ID, email, phone)</translation>
    </message>
    <message>
        <source>• Check for typos</source>
        <translation>• Check for typos</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Create customer &quot;%1&quot;…</source>
        <translation>Create customer &quot;%1&quot;…</translation>
    </message>
</context>
<context>
    <name>sb::CustomersPage</name>
    <message>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>Search by name, customer ID, email or phone</source>
        <translation>Search by name, customer ID, email or phone</translation>
    </message>
    <message>
        <source>Search for a customer, then pick them from the list to see their details and services.</source>
        <translation>Search for a customer, then pick them from the list to see their details and services.</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>&amp;Add Service</source>
        <translation>&amp;Add Service</translation>
    </message>
    <message>
        <source>Assign a plan from the catalog to this customer.</source>
        <translation>Assign a plan from the catalog to this customer.</translation>
    </message>
    <message>
        <source>Customer not found</source>
        <translation>Customer not found</translation>
    </message>
    <message>
        <source>• Create customer first</source>
        <translation>• Create customer first</translation>
    </message>
    <message>
        <source>• Try different search terms (ID, email, phone)</source>
        <translation>• Try different search terms (ID, email, phone)</translation>
    </message>
    <message>
        <source>• Check for typos</source>
        <translation>• Check for typos</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Billing</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>Technical</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>&amp;New Customer…</source>
        <translation>&amp;New Customer…</translation>
    </message>
    <message>
        <source>Create a customer (individual or business).</source>
        <translation>Create a customer (individual or business).</translation>
    </message>
    <message>
        <source>Payment method:</source>
        <translation>Payment method:</translation>
    </message>
    <message>
        <source>Add-&amp;ons…</source>
        <translation>Add-&amp;ons…</translation>
    </message>
    <message>
        <source>Buy an add-on, such as a data boost, for the selected active service.</source>
        <translation>Buy an add-on, such as a data boost, for the selected active service.</translation>
    </message>
    <message>
        <source>Add-on</source>
        <translation>Add-on</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Monthly Cost</source>
        <translation>Monthly Cost</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>Bought</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Sites</translation>
    </message>
    <message>
        <source>Add S&amp;ite…</source>
        <translation>Add S&amp;ite…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Add &amp;Contact…</source>
        <translation>Add &amp;Contact…</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Every provisioning job of this customer, newest first. Double-click a job (or press Enter) to see its log.</source>
        <translation>Every provisioning job of this customer, newest first. Double-click a job (or press Enter) to see its log.</translation>
    </message>
    <message>
        <source>&amp;Services</source>
        <translation>&amp;Services</translation>
    </message>
    <message>
        <source>Sites &amp;&amp; Con&amp;tacts</source>
        <translation>Sites &amp;&amp; Con&amp;tacts</translation>
    </message>
    <message>
        <source>Provisioning &amp;History</source>
        <translation>Provisioning &amp;History</translation>
    </message>
    <message>
        <source>Create customer &quot;%1&quot;…</source>
        <translation>Create customer &quot;%1&quot;…</translation>
    </message>
    <message>
        <source>Opens Create Customer with what you typed filled in.</source>
        <translation>Opens Create Customer with what you typed filled in.</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Direct debit</source>
        <translation>Direct debit</translation>
    </message>
    <message>
        <source>%1 (valid until %2)</source>
        <translation>%1 (valid until %2)</translation>
    </message>
    <message>
        <source>%1 (expired on %2)</source>
        <translation>%1 (expired on %2)</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Services (%n)</source>
        <translation>
            <numerusform>&amp;Services (%n)</numerusform>
            <numerusform>&amp;Services (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sites (%n)</source>
        <translation>
            <numerusform>Sites (%n)</numerusform>
            <numerusform>Sites (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Contacts (%n)</source>
        <translation>
            <numerusform>Contacts (%n)</numerusform>
            <numerusform>Contacts (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a service to see its add-ons.</source>
        <translation>Select a service to see its add-ons.</translation>
    </message>
    <message>
        <source>No add-ons on %1.</source>
        <translation>No add-ons on %1.</translation>
    </message>
    <message>
        <source>Add-ons on %1:</source>
        <translation>Add-ons on %1:</translation>
    </message>
</context>
<context>
    <name>sb::ElementSettingsPage</name>
    <message>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Verify the server&apos;s certificate (recommended)</source>
        <translation>Verify the server&apos;s certificate (recommended)</translation>
    </message>
    <message>
        <source>Verification is off: Switchboard accepts any certificate, so an impostor could receive the data sent to this element.</source>
        <translation>Verification is off: Switchboard accepts any certificate, so an impostor could receive the data sent to this element.</translation>
    </message>
    <message>
        <source>Require STARTTLS (the mail is never sent unencrypted)</source>
        <translation>Require STARTTLS (the mail is never sent unencrypted)</translation>
    </message>
    <message>
        <source>PyHSS (REST API)</source>
        <translation>PyHSS (REST API)</translation>
    </message>
    <message>
        <source>osmo-hlr (CTRL interface)</source>
        <translation>osmo-hlr (CTRL interface)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Default (%1 s)</source>
        <translation>Default (%1 s)</translation>
    </message>
    <message>
        <source>Empty addresses use the built-in simulator or the embedded defaults. Switchboard uses these settings from its next start; switchboard-worker and switchboard-ctl read the same file (--config FILE).</source>
        <translation>Empty addresses use the built-in simulator or the embedded defaults. Switchboard uses these settings from its next start; switchboard-worker and switchboard-ctl read the same file (--config FILE).</translation>
    </message>
    <message>
        <source>(stored — type to replace)</source>
        <translation>(stored — type to replace)</translation>
    </message>
    <message>
        <source>Turn off certificate verification?</source>
        <translation>Turn off certificate verification?</translation>
    </message>
    <message>
        <source>Without verification Switchboard accepts any certificate from the %1, so an impostor could receive customer data and keys. Turn it off only for a test server.

Turn verification off?</source>
        <translation>Without verification Switchboard accepts any certificate from the %1, so an impostor could receive customer data and keys. Turn it off only for a test server.

Turn verification off?</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>PEM files (*.pem *.crt *.cer *.key);;All files (*)</translation>
    </message>
    <message>
        <source>Correct the fields marked in red, then test again.</source>
        <translation>Correct the fields marked in red, then test again.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
</context>
<context>
    <name>sb::Formatting</name>
    <message>
        <source>%1 (ID: %2)</source>
        <translation>%1 (ID: %2)</translation>
    </message>
    <message>
        <source>ICCID</source>
        <translation>ICCID</translation>
    </message>
    <message>
        <source>MSISDN</source>
        <translation>MSISDN</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Serial</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>number (status)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 - %2 (%3)</source>
        <comment>reference - identifier (status)</comment>
        <translation>%1 - %2 (%3)</translation>
    </message>
    <message>
        <source>%1 - %2: %3 (%4)</source>
        <comment>reference - label: identifier (status)</comment>
        <translation>%1 - %2: %3 (%4)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>reference (identifier)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2: %3)</source>
        <comment>reference (label: identifier)</comment>
        <translation>%1 (%2: %3)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>The operation could not be completed. Check the connection to the database and try again.</source>
        <translation>The operation could not be completed. Check the connection to the database and try again.</translation>
    </message>
</context>
<context>
    <name>sb::ImportCsvDialog</name>
    <message>
        <source>Import CSV</source>
        <translation>Import CSV</translation>
    </message>
    <message>
        <source>Import CSV — %1</source>
        <translation>Import CSV — %1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>CSV file:</source>
        <translation>CSV file:</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <source>Counting rows…</source>
        <translation>Counting rows…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>C&amp;hoose File…</source>
        <translation>C&amp;hoose File…</translation>
    </message>
    <message>
        <source>Columns: customer (ID, email or phone), product (slug), and optionally auto_renew, site, billing_contact, technical_contact, custom fields and inventory items.</source>
        <translation>Columns: customer (ID, email or phone), product (slug), and optionally auto_renew, site, billing_contact, technical_contact, custom fields and inventory items.</translation>
    </message>
    <message>
        <source>Max jobs in &amp;flight:</source>
        <translation>Max jobs in &amp;flight:</translation>
    </message>
    <message>
        <source>At most this many provisioning jobs of this import are queued or running at once, so the provisioning queue is not overloaded and other orders still get through. The next row is submitted when one of them ends.</source>
        <translation>At most this many provisioning jobs of this import are queued or running at once, so the provisioning queue is not overloaded and other orders still get through. The next row is submitted when one of them ends.</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validation</translation>
    </message>
    <message>
        <source>&amp;Validate (Dry Run)</source>
        <translation>&amp;Validate (Dry Run)</translation>
    </message>
    <message>
        <source>Check every row against the live catalog, customers and inventory without changing anything.</source>
        <translation>Check every row against the live catalog, customers and inventory without changing anything.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>C&amp;opy Errors</source>
        <translation>C&amp;opy Errors</translation>
    </message>
    <message>
        <source>Save &amp;Errors…</source>
        <translation>Save &amp;Errors…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Pending:</source>
        <translation>Pending:</translation>
    </message>
    <message>
        <source>In flight:</source>
        <translation>In flight:</translation>
    </message>
    <message>
        <source>Succeeded:</source>
        <translation>Succeeded:</translation>
    </message>
    <message>
        <source>Failed:</source>
        <translation>Failed:</translation>
    </message>
    <message>
        <source>Rejected:</source>
        <translation>Rejected:</translation>
    </message>
    <message>
        <source>Cancelled:</source>
        <translation>Cancelled:</translation>
    </message>
    <message>
        <source>&amp;Start Import</source>
        <translation>&amp;Start Import</translation>
    </message>
    <message>
        <source>Assign the valid rows; rows with errors are skipped.</source>
        <translation>Assign the valid rows; rows with errors are skipped.</translation>
    </message>
    <message>
        <source>Cancel &amp;Import</source>
        <translation>Cancel &amp;Import</translation>
    </message>
    <message>
        <source>Submit no more rows; jobs already queued still finish.</source>
        <translation>Submit no more rows; jobs already queued still finish.</translation>
    </message>
    <message>
        <source>&amp;Retry Failed Rows</source>
        <translation>&amp;Retry Failed Rows</translation>
    </message>
    <message>
        <source>Run the failed provisioning jobs of this import again; no second service is created.</source>
        <translation>Run the failed provisioning jobs of this import again; no second service is created.</translation>
    </message>
    <message>
        <source>Save Re&amp;port…</source>
        <translation>Save Re&amp;port…</translation>
    </message>
    <message>
        <source>A CSV file with the line, status, service ID, job ID and error of every row.</source>
        <translation>A CSV file with the line, status, service ID, job ID and error of every row.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Validating every row…</source>
        <translation>Validating every row…</translation>
    </message>
    <message>
        <source>Choose a CSV file, then validate it.</source>
        <translation>Choose a CSV file, then validate it.</translation>
    </message>
    <message>
        <source>Validate the file to see the rows with errors.</source>
        <translation>Validate the file to see the rows with errors.</translation>
    </message>
    <message>
        <source>This file cannot be imported. See the problem above the table.</source>
        <translation>This file cannot be imported. See the problem above the table.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) valid</source>
        <translation>
            <numerusform>%n row valid</numerusform>
            <numerusform>%n rows valid</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with errors</source>
        <translation>
            <numerusform>%n row with errors</numerusform>
            <numerusform>%n rows with errors</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV files (*.csv);;All files (*)</translation>
    </message>
    <message>
        <source>Save Errors</source>
        <translation>Save Errors</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Errors saved to %1.</source>
        <translation>Errors saved to %1.</translation>
    </message>
    <message numerus="yes">
        <source>Assign plans for %n row(s)? Each row creates a service and a provisioning job.</source>
        <translation>
            <numerusform>Assign plans for %n row? Each row creates a service and a provisioning job.</numerusform>
            <numerusform>Assign plans for %n rows? Each row creates a service and a provisioning job.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with errors will be skipped; the report lists them as rejected.</source>
        <translation>
            <numerusform>%n row with errors will be skipped; the report lists it as rejected.</numerusform>
            <numerusform>%n rows with errors will be skipped; the report lists them as rejected.</numerusform>
        </translation>
    </message>
    <message>
        <source>Start Import</source>
        <translation>Start Import</translation>
    </message>
    <message>
        <source>Not Now</source>
        <translation>Not Now</translation>
    </message>
    <message>
        <source>%1 of %2 rows done</source>
        <translation>%1 of %2 rows done</translation>
    </message>
    <message numerus="yes">
        <source>Import finished. %n row(s) failed: save the report to see why, or retry them.</source>
        <translation>
            <numerusform>Import finished. %n row failed: save the report to see why, or retry it.</numerusform>
            <numerusform>Import finished. %n rows failed: save the report to see why, or retry them.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import finished. Every valid row was assigned.</source>
        <translation>Import finished. Every valid row was assigned.</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled. Waiting for %n job(s) already queued to end.</source>
        <translation>
            <numerusform>Cancelled. Waiting for %n job already queued to end.</numerusform>
            <numerusform>Cancelled. Waiting for %n jobs already queued to end.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import cancelled. Rows not submitted are marked cancelled in the report.</source>
        <translation>Import cancelled. Rows not submitted are marked cancelled in the report.</translation>
    </message>
    <message>
        <source>Importing… The import goes on if you close this window, and resumes after a restart.</source>
        <translation>Importing… The import goes on if you close this window, and resumes after a restart.</translation>
    </message>
    <message>
        <source>This import was interrupted. It goes on when you open it again.</source>
        <translation>This import was interrupted. It goes on when you open it again.</translation>
    </message>
    <message>
        <source>Cancel Import</source>
        <translation>Cancel Import</translation>
    </message>
    <message>
        <source>Submit no more rows of this import? Rows not submitted yet are marked cancelled; jobs already queued still finish.</source>
        <translation>Submit no more rows of this import? Rows not submitted yet are marked cancelled; jobs already queued still finish.</translation>
    </message>
    <message>
        <source>Keep Importing</source>
        <translation>Keep Importing</translation>
    </message>
    <message>
        <source>Save Report</source>
        <translation>Save Report</translation>
    </message>
    <message>
        <source>Report saved to %1.</source>
        <translation>Report saved to %1.</translation>
    </message>
    <message>
        <source>Close Import</source>
        <translation>Close Import</translation>
    </message>
    <message>
        <source>The import keeps running in the background while Switchboard is open, and resumes after a restart. Close this window?</source>
        <translation>The import keeps running in the background while Switchboard is open, and resumes after a restart. Close this window?</translation>
    </message>
    <message>
        <source>Keep Running in Background</source>
        <translation>Keep Running in Background</translation>
    </message>
    <message>
        <source>Stay Here</source>
        <translation>Stay Here</translation>
    </message>
</context>
<context>
    <name>sb::ImportCsvLauncher</name>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Import CSV…</translation>
    </message>
    <message>
        <source>Assign plans to many customers at once from a CSV file.</source>
        <translation>Assign plans to many customers at once from a CSV file.</translation>
    </message>
    <message>
        <source>The import of %1 was interrupted.</source>
        <translation>The import of %1 was interrupted.</translation>
    </message>
    <message>
        <source>Resume Import</source>
        <translation>Resume Import</translation>
    </message>
    <message>
        <source>Bulk import finished: %1 succeeded, %2 failed, %3 rejected.</source>
        <translation>Bulk import finished: %1 succeeded, %2 failed, %3 rejected.</translation>
    </message>
</context>
<context>
    <name>sb::InventoryPicker</name>
    <message>
        <source>%1 *</source>
        <comment>required field</comment>
        <translation>%1 *</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1 (required)</translation>
    </message>
    <message>
        <source>No inventory available</source>
        <translation>No inventory available</translation>
    </message>
    <message>
        <source>• Add more inventory items to system
• Check item status (should be &quot;New&quot; or &quot;In Stock&quot;)
• Verify inventory template names match product requirements</source>
        <translation>• Add more inventory items to system
• Check item status (should be &quot;New&quot; or &quot;In Stock&quot;)
• Verify inventory template names match product requirements</translation>
    </message>
    <message>
        <source>Select %1…</source>
        <translation>Select %1…</translation>
    </message>
    <message>
        <source>Reserving %1…</source>
        <translation>Reserving %1…</translation>
    </message>
    <message>
        <source>The reservation of %1 has expired. Pick an item again.</source>
        <translation>The reservation of %1 has expired. Pick an item again.</translation>
    </message>
    <message>
        <source>Reserved for %1</source>
        <translation>Reserved for %1</translation>
    </message>
    <message>
        <source>Loading available items…</source>
        <translation>Loading available items…</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) available. The item you pick is reserved for this order.</source>
        <translation>
            <numerusform>%n item available. The item you pick is reserved for this order.</numerusform>
            <numerusform>%n items available. The item you pick is reserved for this order.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::InventoryStep</name>
    <message>
        <source>Required Inventory Items:</source>
        <translation>Required Inventory Items:</translation>
    </message>
    <message>
        <source>An asterisk (*) marks a required item. Only items that are New or In Stock are shown; the items you pick are reserved until you confirm or cancel.</source>
        <translation>An asterisk (*) marks a required item. Only items that are New or In Stock are shown; the items you pick are reserved until you confirm or cancel.</translation>
    </message>
</context>
<context>
    <name>sb::JobLogDialog</name>
    <message>
        <source>Provisioning Log — Provision ID %1</source>
        <translation>Provisioning Log — Provision ID %1</translation>
    </message>
    <message>
        <source>Provision ID: %1 · %2 · attempt %3 · requested by %4 on %5</source>
        <translation>Provision ID: %1 · %2 · attempt %3 · requested by %4 on %5</translation>
    </message>
    <message>
        <source>&amp;Copy All</source>
        <translation>&amp;Copy All</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>%1 %2. %3 — %4</source>
        <translation>%1 %2. %3 — %4</translation>
    </message>
    <message>
        <source>    Action: %1</source>
        <translation>    Action: %1</translation>
    </message>
    <message>
        <source>    Started: %1   Finished: %2</source>
        <translation>    Started: %1   Finished: %2</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>    Error: %1</source>
        <translation>    Error: %1</translation>
    </message>
    <message>
        <source>Job error: %1</source>
        <translation>Job error: %1</translation>
    </message>
</context>
<context>
    <name>sb::JobTableModel</name>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Provision ID</source>
        <translation>Provision ID</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
</context>
<context>
    <name>sb::LoginDialog</name>
    <message>
        <source>Sign In to Switchboard</source>
        <translation>Sign In to Switchboard</translation>
    </message>
    <message>
        <source>This database is shared. Sign in with your staff login and password.</source>
        <translation>This database is shared. Sign in with your staff login and password.</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>&amp;Sign In</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
</context>
<context>
    <name>sb::MainWindow</name>
    <message>
        <source>Switchboard</source>
        <translation>Switchboard</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Catalog</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Provisioning</source>
        <translation>Provisioning</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Switchboard</source>
        <translation>&amp;About Switchboard</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Search Customers:</source>
        <translation>Search Customers:</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>Provisioning worker: running in this application</source>
        <translation>Provisioning worker: running in this application</translation>
    </message>
    <message>
        <source>Provisioning worker: external</source>
        <translation>Provisioning worker: external</translation>
    </message>
    <message>
        <source>Network: built-in simulator</source>
        <translation>Network: built-in simulator</translation>
    </message>
    <message>
        <source>Network: %1</source>
        <translation>Network: %1</translation>
    </message>
    <message>
        <source>About Switchboard</source>
        <translation>About Switchboard</translation>
    </message>
    <message>
        <source>&lt;b&gt;Switchboard %1&lt;/b&gt;&lt;br&gt;Assign plans, provision services and follow provisioning jobs for mobile, internet, IPTV and VoIP customers.</source>
        <translation>&lt;b&gt;Switchboard %1&lt;/b&gt;&lt;br&gt;Assign plans, provision services and follow provisioning jobs for mobile, internet, IPTV and VoIP customers.</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>&amp;Administration</translation>
    </message>
    <message>
        <source>Loading Demo Data…</source>
        <translation>Loading Demo Data…</translation>
    </message>
    <message>
        <source>Load &amp;Demo Data</source>
        <translation>Load &amp;Demo Data</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Signed in as %1 (%2)</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>Adds the demo operator&apos;s products, inventory and customers.</source>
        <translation>Adds the demo operator&apos;s products, inventory and customers.</translation>
    </message>
    <message>
        <source>Demo Data</source>
        <translation>Demo Data</translation>
    </message>
    <message>
        <source>The demo data is in place.</source>
        <translation>The demo data is in place.</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Subscriptions</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
</context>
<context>
    <name>sb::ProductCard</name>
    <message>
        <source>%1 / month</source>
        <translation>%1 / month</translation>
    </message>
    <message>
        <source>Setup fee: %1</source>
        <translation>Setup fee: %1</translation>
    </message>
    <message>
        <source>Assign to Customer</source>
        <translation>Assign to Customer</translation>
    </message>
    <message>
        <source>Assign %1 to a customer</source>
        <translation>Assign %1 to a customer</translation>
    </message>
</context>
<context>
    <name>sb::ProductCardsView</name>
    <message>
        <source>Previous products (Left arrow)</source>
        <translation>Previous products (Left arrow)</translation>
    </message>
    <message>
        <source>Next products (Right arrow)</source>
        <translation>Next products (Right arrow)</translation>
    </message>
    <message numerus="yes">
        <source>Showing %1–%2 of %n product(s)</source>
        <translation>
            <numerusform>Showing %1–%2 of %n product</numerusform>
            <numerusform>Showing %1–%2 of %n products</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::ProvisioningPage</name>
    <message>
        <source>Provisioning Jobs</source>
        <translation>Provisioning Jobs</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Show the progress of the selected job, with View Logs and Retry.</source>
        <translation>Show the progress of the selected job, with View Logs and Retry.</translation>
    </message>
</context>
<context>
    <name>sb::ProvisioningProgressDialog</name>
    <message>
        <source>Provisioning Progress</source>
        <translation>Provisioning Progress</translation>
    </message>
    <message>
        <source>Provisioning</source>
        <translation>Provisioning</translation>
    </message>
    <message>
        <source>Provisioning %1</source>
        <translation>Provisioning %1</translation>
    </message>
    <message>
        <source>Service ID:</source>
        <translation>Service ID:</translation>
    </message>
    <message>
        <source>Service Name:</source>
        <translation>Service Name:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>The service record has been created but provisioning did not complete. Please review the error and retry.</source>
        <translation>The service record has been created but provisioning did not complete. Please review the error and retry.</translation>
    </message>
    <message>
        <source>Provision ID:</source>
        <translation>Provision ID:</translation>
    </message>
    <message>
        <source>&amp;View Service</source>
        <translation>&amp;View Service</translation>
    </message>
    <message>
        <source>View &amp;Logs</source>
        <translation>View &amp;Logs</translation>
    </message>
    <message>
        <source>Retrying…</source>
        <translation>Retrying…</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Retry</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Provisioning continues in the background. Reopen it from the Provisioning page.</source>
        <translation>Provisioning continues in the background. Reopen it from the Provisioning page.</translation>
    </message>
    <message>
        <source>Loading provisioning tasks…</source>
        <translation>Loading provisioning tasks…</translation>
    </message>
    <message>
        <source>%1 (in progress...)</source>
        <translation>%1 (in progress...)</translation>
    </message>
    <message>
        <source>Progress: %1 of %2 tasks completed</source>
        <translation>Progress: %1 of %2 tasks completed</translation>
    </message>
    <message>
        <source>Provisioning stopped without a reason. Open the logs for details.</source>
        <translation>Provisioning stopped without a reason. Open the logs for details.</translation>
    </message>
    <message>
        <source>Service successfully provisioned</source>
        <translation>Service successfully provisioned</translation>
    </message>
    <message>
        <source>Service successfully provisioned for %1</source>
        <translation>Service successfully provisioned for %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>Balance now:</source>
        <translation>Balance now:</translation>
    </message>
    <message>
        <source>%1 successfully added</source>
        <translation>%1 successfully added</translation>
    </message>
    <message>
        <source>%1 successfully added for %2</source>
        <translation>%1 successfully added for %2</translation>
    </message>
    <message>
        <source>Not read back from the OCS</source>
        <translation>Not read back from the OCS</translation>
    </message>
</context>
<context>
    <name>sb::QueueMonitorPage</name>
    <message>
        <source>Provisioning Queue</source>
        <translation>Provisioning Queue</translation>
    </message>
    <message>
        <source>Jobs by status</source>
        <translation>Jobs by status</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>Jobs finished per minute</source>
        <translation>Jobs finished per minute</translation>
    </message>
    <message>
        <source>Minute</source>
        <translation>Minute</translation>
    </message>
    <message>
        <source>Jobs per minute</source>
        <translation>Jobs per minute</translation>
    </message>
    <message>
        <source>Network element</source>
        <translation>Network element</translation>
    </message>
    <message>
        <source>Task duration (ms)</source>
        <translation>Task duration (ms)</translation>
    </message>
    <message>
        <source>Median (p50)</source>
        <translation>Median (p50)</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>%1 queued</source>
        <translation>%1 queued</translation>
    </message>
    <message>
        <source>%1 running</source>
        <translation>%1 running</translation>
    </message>
    <message>
        <source>%1 succeeded</source>
        <translation>%1 succeeded</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 failed</translation>
    </message>
    <message numerus="yes">
        <source>Task duration per network element, last %n minute(s)</source>
        <translation>
            <numerusform>Task duration per network element, last %n minute</numerusform>
            <numerusform>Task duration per network element, last %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No task finished in the last %n minute(s).</source>
        <translation>
            <numerusform>No task finished in the last %n minute.</numerusform>
            <numerusform>No task finished in the last %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>OCS</source>
        <translation>OCS</translation>
    </message>
    <message>
        <source>HSS / HLR</source>
        <translation>HSS / HLR</translation>
    </message>
    <message>
        <source>RADIUS</source>
        <translation>RADIUS</translation>
    </message>
    <message>
        <source>SIP</source>
        <translation>SIP</translation>
    </message>
    <message>
        <source>IPTV</source>
        <translation>IPTV</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>Mail</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>Inventory</translation>
    </message>
    <message>
        <source>Service</source>
        <extracomment>network element axis of the queue monitor: the service record in our database; keep it short</extracomment>
        <translation>Service</translation>
    </message>
    <message>
        <source>Customer</source>
        <extracomment>network element axis of the queue monitor: the customer account check; keep it short</extracomment>
        <translation>Customer</translation>
    </message>
</context>
<context>
    <name>sb::ReviewStep</name>
    <message>
        <source>Check every selection, then click Confirm &amp; Provision to start provisioning.</source>
        <translation>Check every selection, then click Confirm &amp; Provision to start provisioning.</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Customer:</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>Product:</translation>
    </message>
    <message>
        <source>Inventory:</source>
        <translation>Inventory:</translation>
    </message>
    <message>
        <source>Pricing:</source>
        <translation>Pricing:</translation>
    </message>
    <message>
        <source>Setup Fee:</source>
        <translation>Setup Fee:</translation>
    </message>
    <message>
        <source>Monthly Cost:</source>
        <translation>Monthly Cost:</translation>
    </message>
    <message>
        <source>Auto-Renew:</source>
        <translation>Auto-Renew:</translation>
    </message>
    <message>
        <source>• %1: %2</source>
        <translation>• %1: %2</translation>
    </message>
    <message>
        <source>None required</source>
        <translation>None required</translation>
    </message>
    <message>
        <source>Add-on for:</source>
        <translation>Add-on for:</translation>
    </message>
    <message>
        <source>%1 (ID: %2)</source>
        <translation>%1 (ID: %2)</translation>
    </message>
    <message>
        <source>One-time Price:</source>
        <translation>One-time Price:</translation>
    </message>
    <message>
        <source>Monthly Price:</source>
        <translation>Monthly Price:</translation>
    </message>
    <message>
        <source>Installation Site:</source>
        <translation>Installation Site:</translation>
    </message>
    <message>
        <source>Billing Contact:</source>
        <translation>Billing Contact:</translation>
    </message>
    <message>
        <source>Technical Contact:</source>
        <translation>Technical Contact:</translation>
    </message>
    <message>
        <source>Order Details:</source>
        <translation>Order Details:</translation>
    </message>
    <message>
        <source>%1 - %2</source>
        <translation>%1 - %2</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>%1 - &lt;%2&gt;</source>
        <translation>%1 - &lt;%2&gt;</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>sb::SelectComponentsDialog</name>
    <message>
        <source>Select Components</source>
        <translation>Select Components</translation>
    </message>
    <message>
        <source>Components of %1. Only the products the bundle allows are listed.</source>
        <translation>Components of %1. Only the products the bundle allows are listed.</translation>
    </message>
    <message>
        <source>&amp;View Product Bundle Components</source>
        <translation>&amp;View Product Bundle Components</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filters</translation>
    </message>
    <message>
        <source>&amp;Product:</source>
        <translation>&amp;Product:</translation>
    </message>
    <message>
        <source>Part of the product name</source>
        <translation>Part of the product name</translation>
    </message>
    <message>
        <source>Product &amp;Type:</source>
        <translation>Product &amp;Type:</translation>
    </message>
    <message>
        <source>Product &amp;Family:</source>
        <translation>Product &amp;Family:</translation>
    </message>
    <message>
        <source>All product types</source>
        <translation>All product types</translation>
    </message>
    <message>
        <source>All product families</source>
        <translation>All product families</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Product Type</source>
        <translation>Product Type</translation>
    </message>
    <message>
        <source>Product Family</source>
        <translation>Product Family</translation>
    </message>
    <message>
        <source>Monthly Cost</source>
        <translation>Monthly Cost</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>No allowed product matches the filters.</source>
        <translation>No allowed product matches the filters.</translation>
    </message>
    <message>
        <source>S&amp;elect</source>
        <translation>S&amp;elect</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Components</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>&amp;Keep</translation>
    </message>
    <message>
        <source>Keep a current component that is marked for removal.</source>
        <translation>Keep a current component that is marked for removal.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>To be removed</source>
        <translation>To be removed</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Current</translation>
    </message>
    <message>
        <source>To be added</source>
        <translation>To be added</translation>
    </message>
    <message>
        <source>This product is already a component of the bundle.</source>
        <translation>This product is already a component of the bundle.</translation>
    </message>
    <message>
        <source>This product is already selected.</source>
        <translation>This product is already selected.</translation>
    </message>
</context>
<context>
    <name>sb::SelectCustomerStep</name>
    <message>
        <source>&amp;Search Customers:</source>
        <translation>&amp;Search Customers:</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Ensure you&apos;ve selected the correct customer before proceeding. Assigning a plan to the wrong customer requires manual intervention to correct.</source>
        <translation>Ensure you&apos;ve selected the correct customer before proceeding. Assigning a plan to the wrong customer requires manual intervention to correct.</translation>
    </message>
    <message>
        <source>Checking that %1 can take %2…</source>
        <translation>Checking that %1 can take %2…</translation>
    </message>
    <message>
        <source>✓ %1 (%2) can take %3.</source>
        <translation>✓ %1 (%2) can take %3.</translation>
    </message>
    <message>
        <source>Type a name, customer ID, email address or phone number, then pick the customer.</source>
        <translation>Type a name, customer ID, email address or phone number, then pick the customer.</translation>
    </message>
</context>
<context>
    <name>sb::ServiceTableModel</name>
    <message>
        <source>Service ID</source>
        <translation>Service ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Auto-Renew</source>
        <translation>Auto-Renew</translation>
    </message>
    <message>
        <source>Monthly Cost</source>
        <translation>Monthly Cost</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
</context>
<context>
    <name>sb::ServicesPage</name>
    <message>
        <source>Recent Services</source>
        <translation>Recent Services</translation>
    </message>
    <message>
        <source>Double-click a service to open it on its customer&apos;s page.</source>
        <translation>Double-click a service to open it on its customer&apos;s page.</translation>
    </message>
    <message>
        <source>Verify Service</source>
        <translation>Verify Service</translation>
    </message>
    <message>
        <source>Read the selected service back from the network elements and compare.</source>
        <translation>Read the selected service back from the network elements and compare.</translation>
    </message>
</context>
<context>
    <name>sb::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Embedded database (SQLite file on this computer)</source>
        <translation>Embedded database (SQLite file on this computer)</translation>
    </message>
    <message>
        <source>Shared database (PostgreSQL server)</source>
        <translation>Shared database (PostgreSQL server)</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <source>Default: switchboard.db in your data folder</source>
        <translation>Default: switchboard.db in your data folder</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <source>&amp;Remember password (otherwise Switchboard asks for it at start)</source>
        <translation>&amp;Remember password (otherwise Switchboard asks for it at start)</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS:</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>Only if the server insists</source>
        <translation>Only if the server insists</translation>
    </message>
    <message>
        <source>When the server offers it</source>
        <translation>When the server offers it</translation>
    </message>
    <message>
        <source>Required, certificate not checked</source>
        <translation>Required, certificate not checked</translation>
    </message>
    <message>
        <source>Required, certificate checked against the CA</source>
        <translation>Required, certificate checked against the CA</translation>
    </message>
    <message>
        <source>Required, certificate and host name checked (recommended)</source>
        <translation>Required, certificate and host name checked (recommended)</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>&amp;CA file:</translation>
    </message>
    <message>
        <source>Test &amp;connection</source>
        <translation>Test &amp;connection</translation>
    </message>
    <message>
        <source>Switchboard opens the chosen database the next time it starts.</source>
        <translation>Switchboard opens the chosen database the next time it starts.</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Database file</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite);;All files (*)</source>
        <translation>SQLite databases (*.db *.sqlite);;All files (*)</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>Certificates (*.crt *.pem *.cer);;All files (*)</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <source>CA certificate file (PEM)</source>
        <translation>CA certificate file (PEM)</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>&amp;Database</translation>
    </message>
    <message>
        <source>&amp;Network elements</source>
        <translation>&amp;Network elements</translation>
    </message>
</context>
<context>
    <name>sb::StartupWindow</name>
    <message>
        <source>Switchboard</source>
        <translation>Switchboard</translation>
    </message>
    <message>
        <source>Opening database…</source>
        <translation>Opening database…</translation>
    </message>
    <message>
        <source>Preparing the local database on this computer.</source>
        <translation>Preparing the local database on this computer.</translation>
    </message>
</context>
<context>
    <name>sb::SubscriptionDetailsPanel</name>
    <message>
        <source>Customer:</source>
        <translation>Customer:</translation>
    </message>
    <message>
        <source>Life cycle state:</source>
        <translation>Life cycle state:</translation>
    </message>
    <message>
        <source>Payment type:</source>
        <translation>Payment type:</translation>
    </message>
    <message>
        <source>Wallet balance:</source>
        <translation>Wallet balance:</translation>
    </message>
    <message>
        <source>Subscription Services</source>
        <translation>Subscription Services</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Product Type</source>
        <translation>Product Type</translation>
    </message>
    <message>
        <source>Product Family</source>
        <translation>Product Family</translation>
    </message>
    <message>
        <source>Life Cycle State</source>
        <translation>Life Cycle State</translation>
    </message>
    <message>
        <source>Select a service to see its life cycle history. Removed components are greyed.</source>
        <translation>Select a service to see its life cycle history. Removed components are greyed.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>Changed By</source>
        <translation>Changed By</translation>
    </message>
    <message>
        <source>Distributor</source>
        <translation>Distributor</translation>
    </message>
    <message>
        <source>Serial Number</source>
        <translation>Serial Number</translation>
    </message>
    <message>
        <source>Distributed Services</source>
        <translation>Distributed Services</translation>
    </message>
    <message>
        <source>Installed Items</source>
        <translation>Installed Items</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Behavior Code</source>
        <translation>Behavior Code</translation>
    </message>
    <message>
        <source>Action Type</source>
        <translation>Action Type</translation>
    </message>
    <message>
        <source>Due Time</source>
        <translation>Due Time</translation>
    </message>
    <message>
        <source>Performed By</source>
        <translation>Performed By</translation>
    </message>
    <message>
        <source>Provisioning Distributors</source>
        <translation>Provisioning Distributors</translation>
    </message>
    <message>
        <source>Cancel Scheduled Action</source>
        <translation>Cancel Scheduled Action</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Subscription %1</source>
        <translation>Subscription %1</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1 since %2</translation>
    </message>
    <message>
        <source>%1  %2  %3</source>
        <translation>%1  %2  %3</translation>
    </message>
    <message>
        <source>No wallet</source>
        <translation>No wallet</translation>
    </message>
    <message>
        <source>%1: %2 – %3</source>
        <translation>%1: %2 – %3</translation>
    </message>
    <message>
        <source>Flexible Bundle: %1</source>
        <translation>Flexible Bundle: %1</translation>
    </message>
    <message>
        <source>Life cycle history of the service %1</source>
        <translation>Life cycle history of the service %1</translation>
    </message>
    <message>
        <source>Life cycle history of the subscription %1 (select a service to see its own)</source>
        <translation>Life cycle history of the subscription %1 (select a service to see its own)</translation>
    </message>
    <message>
        <source>Open-ended</source>
        <translation>Open-ended</translation>
    </message>
    <message>
        <source>Set-top box</source>
        <translation>Set-top box</translation>
    </message>
    <message>
        <source>Smartcard</source>
        <translation>Smartcard</translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation>Removed %1</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>Finished %1</source>
        <translation>Finished %1</translation>
    </message>
    <message>
        <source>Behavior code %1, business classification code %2</source>
        <translation>Behavior code %1, business classification code %2</translation>
    </message>
    <message>
        <source>Performed by %1 on %2, requested by %3</source>
        <translation>Performed by %1 on %2, requested by %3</translation>
    </message>
    <message numerus="yes">
        <source>Scheduled Actions (%n pending)</source>
        <translation>
            <numerusform>Scheduled Actions (%n pending)</numerusform>
            <numerusform>Scheduled Actions (%n pending)</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a scheduled action that has not run yet.</source>
        <translation>Select a scheduled action that has not run yet.</translation>
    </message>
    <message>
        <source>Cancel this action before it runs.</source>
        <translation>Cancel this action before it runs.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>The dated life cycle states of the selected service</source>
        <translation>The dated life cycle states of the selected service</translation>
    </message>
</context>
<context>
    <name>sb::SubscriptionTableModel</name>
    <message>
        <source>Subscription</source>
        <translation>Subscription</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Life Cycle State</source>
        <translation>Life Cycle State</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
</context>
<context>
    <name>sb::SubscriptionsPage</name>
    <message>
        <source>Subscriptions</source>
        <translation>Subscriptions</translation>
    </message>
    <message>
        <source>Search by subscription number or customer name</source>
        <translation>Search by subscription number or customer name</translation>
    </message>
    <message>
        <source>Press Enter to open the first subscription found.</source>
        <translation>Press Enter to open the first subscription found.</translation>
    </message>
    <message>
        <source>Search for a subscription, then pick it from the list to see its services, provisioning distributors and scheduled actions.</source>
        <translation>Search for a subscription, then pick it from the list to see its services, provisioning distributors and scheduled actions.</translation>
    </message>
    <message>
        <source>Action Panel</source>
        <translation>Action Panel</translation>
    </message>
    <message>
        <source>Subscription Service Related Actions</source>
        <translation>Subscription Service Related Actions</translation>
    </message>
    <message>
        <source>&amp;Amend Bundle Services</source>
        <translation>&amp;Amend Bundle Services</translation>
    </message>
    <message>
        <source>Change the components of a Flexible Bundle service, now or on a schedule.</source>
        <translation>Change the components of a Flexible Bundle service, now or on a schedule.</translation>
    </message>
    <message>
        <source>No subscription matches “%1”. Check the subscription number (for example SUB-100001) or search by the customer&apos;s name.</source>
        <translation>No subscription matches “%1”. Check the subscription number (for example SUB-100001) or search by the customer&apos;s name.</translation>
    </message>
    <message numerus="yes">
        <source>Recent subscriptions (%n)</source>
        <translation>
            <numerusform>Recent subscriptions (%n)</numerusform>
            <numerusform>Recent subscriptions (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a subscription first.</source>
        <translation>Open a subscription first.</translation>
    </message>
    <message>
        <source>Only subscriptions in Draft, Effective or Not Effective state can be amended; this one is %1.</source>
        <translation>Only subscriptions in Draft, Effective or Not Effective state can be amended; this one is %1.</translation>
    </message>
    <message>
        <source>This subscription has no Flexible Bundle service.</source>
        <translation>This subscription has no Flexible Bundle service.</translation>
    </message>
    <message>
        <source>Select the Flexible Bundle service to amend.</source>
        <translation>Select the Flexible Bundle service to amend.</translation>
    </message>
    <message>
        <source>Amends %1.</source>
        <translation>Amends %1.</translation>
    </message>
    <message>
        <source>%1, due %2</source>
        <translation>%1, due %2</translation>
    </message>
    <message>
        <source>Cancel Scheduled Action</source>
        <translation>Cancel Scheduled Action</translation>
    </message>
    <message>
        <source>Cancel the scheduled action %1 (%2)? It will not run, and nothing it would have changed is changed.</source>
        <translation>Cancel the scheduled action %1 (%2)? It will not run, and nothing it would have changed is changed.</translation>
    </message>
    <message>
        <source>Cancel Action</source>
        <translation>Cancel Action</translation>
    </message>
    <message>
        <source>Keep Action</source>
        <translation>Keep Action</translation>
    </message>
    <message numerus="yes">
        <source>Subscriptions found: %n</source>
        <translation>
            <numerusform>Subscription found: %n</numerusform>
            <numerusform>Subscriptions found: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::VerifyServiceDialog</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Mismatch</source>
        <translation>Mismatch</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Unreachable</translation>
    </message>
    <message>
        <source>Verify Service — Service %1</source>
        <translation>Verify Service — Service %1</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Element</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>What to do</translation>
    </message>
    <message>
        <source>Verify Again</source>
        <translation>Verify Again</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Reading service %1 back from the network elements…</source>
        <translation>Reading service %1 back from the network elements…</translation>
    </message>
    <message numerus="yes">
        <source>%1: all %n check(s) passed. The network elements match Switchboard.</source>
        <translation>
            <numerusform>%1: all %n check passed. The network elements match Switchboard.</numerusform>
            <numerusform>%1: all %n checks passed. The network elements match Switchboard.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n mismatch(es)</source>
        <translation>
            <numerusform>%1: %n mismatch</numerusform>
            <numerusform>%1: %n mismatches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n element(s) unreachable.</source>
        <translation>
            <numerusform>%n element unreachable.</numerusform>
            <numerusform>%n elements unreachable.</numerusform>
        </translation>
    </message>
    <message>
        <source>See the highlighted rows for what to do.</source>
        <translation>See the highlighted rows for what to do.</translation>
    </message>
</context>
</TS>
