<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>Addon</name>
    <message>
        <source>%1 is not an add-on. Assign it as a new service from the Service Plans catalog instead.</source>
        <translation>%1 no es un complemento. En su lugar, asígnalo como un nuevo servicio desde el catálogo Planes de Servicio.</translation>
    </message>
    <message>
        <source>%1 does not belong to %2. Choose one of the customer&apos;s own services.</source>
        <translation>%1 no pertenece a %2. Elige uno de los servicios del propio cliente.</translation>
    </message>
    <message>
        <source>%1 is an add-on for services of type %2, and %3 is of type %4. Choose a service of type %2.</source>
        <translation>%1 es un complemento para servicios de tipo %2, y %3 es de tipo %4. Elige un servicio de tipo %2.</translation>
    </message>
    <message>
        <source>%1 is part of another service (a bundle component or an add-on). Choose the main service instead.</source>
        <translation>%1 forma parte de otro servicio (un componente de paquete o un complemento). En su lugar, elige el servicio principal.</translation>
    </message>
    <message>
        <source>%1 is not active (%2). Add-ons can only be added to an active service: wait until it is provisioned, or retry its provisioning.</source>
        <translation>%1 no está activo (%2). Los complementos solo se pueden agregar a un servicio activo: espera a que se aprovisione o reintenta su aprovisionamiento.</translation>
    </message>
    <message>
        <source>The payment method of %1 expired on %2. Update the customer&apos;s payment method before buying %3.</source>
        <translation>El método de pago de %1 venció el %2. Actualiza el método de pago del cliente antes de comprar %3.</translation>
    </message>
    <message>
        <source>%1 has no valid payment method on file. Add a payment method to the customer before buying %2.</source>
        <translation>%1 no tiene ningún método de pago válido registrado. Agrega un método de pago al cliente antes de comprar %2.</translation>
    </message>
    <message>
        <source>%1 has no active %2 service that can receive %3. Assign a %2 plan first, then add the add-on to it.</source>
        <translation>%1 no tiene ningún servicio %2 activo que pueda recibir %3. Asigna primero un plan %2 y luego agrégale el complemento.</translation>
    </message>
    <message>
        <source>The add-on no longer exists. Reload the catalog and choose again.</source>
        <translation>El complemento ya no existe. Vuelve a cargar el catálogo y elige de nuevo.</translation>
    </message>
    <message>
        <source>Customer not found. Create the customer first, or search again by ID, email or phone.</source>
        <translation>Cliente no encontrado. Crea el cliente primero o vuelve a buscar por ID, correo electrónico o teléfono.</translation>
    </message>
    <message>
        <source>%1 has %2 services that can receive %3. Choose which service should receive this add-on.</source>
        <translation>%1 tiene %2 servicios que pueden recibir %3. Elige qué servicio debería recibir este complemento.</translation>
    </message>
    <message>
        <source>Service %1 does not exist. Choose one of the customer&apos;s services.</source>
        <translation>El servicio %1 no existe. Elige uno de los servicios del cliente.</translation>
    </message>
    <message>
        <source>%1 is required for %2. Pick one from the inventory.</source>
        <translation>El elemento %1 es obligatorio para %2. Elige uno del inventario.</translation>
    </message>
    <message>
        <source>The item picked for %1 is not a %1. Pick an item of the right kind.</source>
        <translation>El elemento elegido para %1 no es del tipo %1. Elige un elemento del tipo correcto.</translation>
    </message>
    <message>
        <source>%1 is no longer available: another order has reserved or used it. Pick another item.</source>
        <translation>%1 ya no está disponible: otro pedido lo ha reservado o utilizado. Elige otro elemento.</translation>
    </message>
</context>
<context>
    <name>AmendBundle</name>
    <message>
        <source>%1 is not allowed in the bundle %2. Choose one of the products that View Product Bundle Components lists.</source>
        <translation>%1 no está permitido en el paquete %2. Elige uno de los productos que muestra Ver Componentes del Paquete de Productos.</translation>
    </message>
    <message>
        <source>%1 is mandatory in the bundle %2 and cannot be removed. Keep at least one component of it.</source>
        <translation>%1 es obligatorio en el paquete %2 y no se puede eliminar. Mantén al menos un componente correspondiente.</translation>
    </message>
    <message>
        <source>The bundle %1 needs at least %2 components of %3 but would have %4. Add components or remove fewer.</source>
        <translation>El paquete %1 necesita al menos %2 componentes de %3, pero tendría %4. Agrega componentes o elimina menos.</translation>
    </message>
    <message>
        <source>The bundle %1 allows at most %2 components of %3 but would have %4. Add fewer components.</source>
        <translation>El paquete %1 permite como máximo %2 componentes de %3, pero tendría %4. Agrega menos componentes.</translation>
    </message>
    <message>
        <source>%1 requires %2 on the subscription. Keep or add %2, or leave out %1.</source>
        <translation>%1 requiere %2 en la suscripción. Mantén o agrega %2, o deja fuera %1.</translation>
    </message>
    <message>
        <source>%1 cannot be combined with %2. Leave out one of them.</source>
        <translation>%1 no se puede combinar con %2. Deja fuera uno de los dos.</translation>
    </message>
    <message>
        <source>The date is mandatory. Choose the date of the scheduled action.</source>
        <translation>La fecha es obligatoria. Elige la fecha de la acción programada.</translation>
    </message>
    <message>
        <source>The date must be greater than the current date (%1). Choose a later date or time.</source>
        <translation>La fecha debe ser posterior a la fecha actual (%1). Elige una fecha u hora posterior.</translation>
    </message>
    <message>
        <source>The number of days is mandatory and must be an integer greater than 0, not &quot;%1&quot;.</source>
        <translation>El número de días es obligatorio y debe ser un número entero mayor que 0, no &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Subscription service %1 does not exist. Search for the subscription again.</source>
        <translation>El servicio de suscripción %1 no existe. Vuelve a buscar la suscripción.</translation>
    </message>
    <message>
        <source>The service %1 is not part of a subscription, so it has no bundle services to amend.</source>
        <translation>El servicio %1 no forma parte de una suscripción, así que no tiene servicios de paquete que modificar.</translation>
    </message>
    <message>
        <source>Subscription %1 has no service of type Flexible Bundle. Amend Bundle Services is available only for subscriptions that have one.</source>
        <translation>La suscripción %1 no tiene ningún servicio de tipo Paquete Flexible. Modificar Servicios del Paquete solo está disponible para las suscripciones que tienen uno.</translation>
    </message>
    <message>
        <source>%1 is not a Flexible Bundle service. Choose the subscription&apos;s Flexible Bundle service.</source>
        <translation>%1 no es un servicio de tipo Paquete Flexible. Elige el servicio Paquete Flexible de la suscripción.</translation>
    </message>
    <message>
        <source>Subscription %1 is %2. Bundle services can be amended only while the subscription is Draft, Effective or Not Effective.</source>
        <translation>La suscripción %1 está en estado %2. Los servicios del paquete solo se pueden modificar mientras la suscripción está en estado Borrador, Vigente o No Vigente.</translation>
    </message>
    <message>
        <source>The service %1 is %2. Services can be amended only while they are Draft, Effective or Not Effective.</source>
        <translation>El servicio %1 está en estado %2. Los servicios solo se pueden modificar mientras están en estado Borrador, Vigente o No Vigente.</translation>
    </message>
    <message>
        <source>Choose at least one component to add to the bundle or to remove from it.</source>
        <translation>Elige al menos un componente para agregar al paquete o para eliminar de él.</translation>
    </message>
    <message>
        <source>There is no product with ID %1. Choose the components again.</source>
        <translation>No existe ningún producto con el ID %1. Vuelve a elegir los componentes.</translation>
    </message>
    <message>
        <source>There is no product &quot;%1&quot;. View Product Bundle Components lists the allowed ones.</source>
        <translation>No existe el producto &quot;%1&quot;. Ver Componentes del Paquete de Productos muestra los permitidos.</translation>
    </message>
    <message>
        <source>Service %1 is not a current component of the bundle %2. Choose one of its components to remove.</source>
        <translation>El servicio %1 no es un componente actual del paquete %2. Elige uno de sus componentes para eliminar.</translation>
    </message>
    <message>
        <source>%1 is already in the bundle %2. Choose another component.</source>
        <translation>%1 ya está en el paquete %2. Elige otro componente.</translation>
    </message>
    <message>
        <source>%1 is chosen more than once. Add each component once.</source>
        <translation>%1 está elegido más de una vez. Agrega cada componente una sola vez.</translation>
    </message>
    <message>
        <source>The bundle service %1 is scheduled to be swapped on %2. Cancel that action or amend the bundle after it has run.</source>
        <translation>El servicio de paquete %1 está programado para sustituirse el %2. Cancela esa acción o modifica el paquete después de que se haya ejecutado.</translation>
    </message>
    <message>
        <source>The bundle service %1 is scheduled to be removed on %2. Cancel that action or amend the bundle after it has run.</source>
        <translation>El servicio de paquete %1 está programado para eliminarse el %2. Cancela esa acción o modifica el paquete después de que se haya ejecutado.</translation>
    </message>
    <message>
        <source>The prepaid subscription %1 has no wallet, so the added components cannot be paid for. Nothing has been changed.</source>
        <translation>La suscripción prepago %1 no tiene monedero, así que los componentes agregados no se pueden pagar. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The wallet of subscription %1 holds %2, which cannot activate %3 (%4 needed for all added components). Top up the wallet or add fewer components; nothing has been changed.</source>
        <translation>El monedero de la suscripción %1 tiene %2, que no alcanza para activar %3 (se necesitan %4 para todos los componentes agregados). Recarga el monedero o agrega menos componentes; no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>There is no staff user &quot;%1&quot;. Choose the user who performed the action, or leave it empty for yourself.</source>
        <translation>No existe ninguna cuenta de empleado &quot;%1&quot;. Elige el usuario que realizó la acción o déjalo vacío para usar tu propio usuario.</translation>
    </message>
    <message>
        <source>Choose an Action Type: custom action types are configured for Amend Bundle Services.</source>
        <translation>Elige un Tipo de Acción: hay tipos de acción personalizados configurados para Modificar Servicios del Paquete.</translation>
    </message>
    <message>
        <source>No Action Types are configured for Amend Bundle Services. Leave the Action Type empty.</source>
        <translation>No hay ningún Tipo de Acción configurado para Modificar Servicios del Paquete. Deja el Tipo de Acción vacío.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an Action Type of Amend Bundle Services. Choose one of: %2.</source>
        <translation>&quot;%1&quot; no es un Tipo de Acción de Modificar Servicios del Paquete. Elige uno de estos: %2.</translation>
    </message>
    <message>
        <source>Choose a Sub Action Type: custom sub action types are configured for Amend Bundle Services.</source>
        <translation>Elige un Subtipo de Acción: hay subtipos de acción personalizados configurados para Modificar Servicios del Paquete.</translation>
    </message>
    <message>
        <source>No Sub Action Types are configured for Amend Bundle Services. Leave the Sub Action Type empty.</source>
        <translation>No hay ningún Subtipo de Acción configurado para Modificar Servicios del Paquete. Deja el Subtipo de Acción vacío.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Sub Action Type of Amend Bundle Services. Choose one of: %2.</source>
        <translation>&quot;%1&quot; no es un Subtipo de Acción de Modificar Servicios del Paquete. Elige uno de estos: %2.</translation>
    </message>
    <message>
        <source>Scheduled action %1 does not exist. Check the number in the subscription&apos;s scheduled actions.</source>
        <translation>La acción programada %1 no existe. Verifica el número en las acciones programadas de la suscripción.</translation>
    </message>
    <message>
        <source>Scheduled action %1 cannot be cancelled: it is %2 already.</source>
        <translation>La acción programada %1 no se puede cancelar: ya tiene el estado %2.</translation>
    </message>
    <message>
        <source>Subscription %1 does not exist. Search by subscription number or customer name.</source>
        <translation>La suscripción %1 no existe. Busca por número de suscripción o por nombre del cliente.</translation>
    </message>
</context>
<context>
    <name>AssignPlan</name>
    <message>
        <source>The product no longer exists. Reload the catalog and choose again.</source>
        <translation>El producto ya no existe. Vuelve a cargar el catálogo y elige de nuevo.</translation>
    </message>
    <message>
        <source>Customer not found. Create the customer first, or search again by ID, email or phone.</source>
        <translation>Cliente no encontrado. Crea el cliente primero o vuelve a buscar por ID, correo electrónico o teléfono.</translation>
    </message>
    <message>
        <source>%1 is no longer available: another order has reserved or used it. Pick another item.</source>
        <translation>%1 ya no está disponible: otro pedido lo ha reservado o utilizado. Elige otro elemento.</translation>
    </message>
    <message>
        <source>%1 is required for %2. Pick one from the inventory.</source>
        <translation>El elemento %1 es obligatorio para %2. Elige uno del inventario.</translation>
    </message>
    <message>
        <source>The item picked for %1 is not a %1. Pick an item of the right kind.</source>
        <translation>El elemento elegido para %1 no es del tipo %1. Elige un elemento del tipo correcto.</translation>
    </message>
    <message>
        <source>There is no product &quot;%1&quot;. See switchboard-ctl products list.</source>
        <translation>No existe el producto &quot;%1&quot;. Consulta switchboard-ctl products list.</translation>
    </message>
    <message>
        <source>%1 is an add-on: it is added to one of the customer&apos;s existing services. Use Add-ons next to that service.</source>
        <translation>%1 es un complemento: se agrega a uno de los servicios existentes del cliente. Usa Complementos junto a ese servicio.</translation>
    </message>
</context>
<context>
    <name>AssignRules</name>
    <message>
        <source>%1 is disabled in the catalog and cannot be assigned. Choose another product.</source>
        <translation>%1 está deshabilitado en el catálogo y no se puede asignar. Elige otro producto.</translation>
    </message>
    <message>
        <source>%1 is not an active customer. Reactivate the customer before assigning a plan.</source>
        <translation>%1 no es un cliente activo. Reactiva el cliente antes de asignar un plan.</translation>
    </message>
    <message>
        <source>%1 is a business customer and %2 is only available to individual customers. Choose a business product or another customer.</source>
        <translation>%1 es un cliente empresarial y %2 solo está disponible para clientes individuales. Elige un producto empresarial u otro cliente.</translation>
    </message>
    <message>
        <source>%1 is an individual customer and %2 is only available to business customers. Choose an individual product or another customer.</source>
        <translation>%1 es un cliente individual y %2 solo está disponible para clientes empresariales. Elige un producto individual u otro cliente.</translation>
    </message>
</context>
<context>
    <name>Backend</name>
    <message>
        <source>The built-in network-element simulator could not start. Check that loopback networking is available.</source>
        <translation>No se pudo iniciar el simulador de elementos de red integrado. Verifica que la red de loopback esté disponible.</translation>
    </message>
</context>
<context>
    <name>BulkImport</name>
    <message>
        <source>Line %1: %2</source>
        <translation>Línea %1: %2</translation>
    </message>
    <message>
        <source>Line %1: %2 %3 is already used on line %4. Name each item once.</source>
        <translation>Línea %1: %2 %3 ya se usa en la línea %4. Indica cada elemento solo una vez.</translation>
    </message>
    <message>
        <source>Line %1: no %2 is left for this row: the file needs %3 from the inventory and %4 are free. Add stock or split the file.</source>
        <translation>Línea %1: no queda ningún %2 para esta fila: el archivo necesita %3 del inventario y hay %4 libres. Agrega stock o divide el archivo.</translation>
    </message>
    <message>
        <source>The file has a header but no rows. Add one row per service below the header.</source>
        <translation>El archivo tiene un encabezado, pero ninguna fila. Agrega una fila por servicio debajo del encabezado.</translation>
    </message>
    <message>
        <source>Bulk import %1 does not exist. Check the number in the list of imports.</source>
        <translation>La importación masiva %1 no existe. Verifica el número en la lista de importaciones.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2. Check the file name and that you may read it.</source>
        <translation>No se puede abrir %1: %2. Verifica el nombre del archivo y que tengas permiso para leerlo.</translation>
    </message>
    <message>
        <source>None of the %1 rows can be assigned. Correct the errors listed for each line and import the file again.</source>
        <translation>Ninguna de las %1 filas se puede asignar. Corrige los errores indicados para cada línea e importa el archivo de nuevo.</translation>
    </message>
    <message>
        <source>Line %1: no free %2 is left in the inventory. Add stock, then retry the failed rows.</source>
        <translation>Línea %1: no queda ningún %2 libre en el inventario. Agrega stock y luego reintenta las filas fallidas.</translation>
    </message>
    <message>
        <source>Cannot write the report to %1: %2. Choose another folder.</source>
        <translation>No se puede escribir el informe en %1: %2. Elige otra carpeta.</translation>
    </message>
    <message>
        <source>Line %1: the customer is missing. Enter the customer ID, email or phone.</source>
        <translation>Línea %1: falta el cliente. Introduce el ID, el correo electrónico o el teléfono del cliente.</translation>
    </message>
    <message>
        <source>Line %1: &quot;%2&quot; matches %3 customers. Use the customer ID instead.</source>
        <translation>Línea %1: &quot;%2&quot; coincide con %3 clientes. En su lugar, usa el ID del cliente.</translation>
    </message>
    <message>
        <source>Line %1: customer &quot;%2&quot; not found. Use the customer ID, email or phone of an existing customer.</source>
        <translation>Línea %1: cliente &quot;%2&quot; no encontrado. Usa el ID, el correo electrónico o el teléfono de un cliente existente.</translation>
    </message>
    <message>
        <source>Line %1: the product is missing. Enter the product&apos;s slug, for example mobile-20gb.</source>
        <translation>Línea %1: falta el producto. Introduce el slug del producto, por ejemplo mobile-20gb.</translation>
    </message>
    <message>
        <source>Line %1: there is no product &quot;%2&quot;. Use a product slug from the catalog.</source>
        <translation>Línea %1: no existe ningún producto &quot;%2&quot;. Usa un slug de producto del catálogo.</translation>
    </message>
    <message>
        <source>Line %1: %2 is an add-on. A bulk assignment creates new services from service plans only.</source>
        <translation>Línea %1: %2 es un complemento. Una asignación masiva solo crea nuevos servicios a partir de planes de servicio.</translation>
    </message>
    <message>
        <source>Line %1: auto_renew must be yes or no (or true/false, 1/0), not &quot;%2&quot;.</source>
        <translation>Línea %1: auto_renew debe ser yes o no (o true/false, 1/0), no &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Line %1: %2 does not need a %3. Leave the column empty for this row.</source>
        <translation>Línea %1: %2 no necesita %3. Deja la columna vacía en esta fila.</translation>
    </message>
    <message>
        <source>Line %1: there is no %2 &quot;%3&quot; in the inventory.</source>
        <translation>Línea %1: no existe ningún %2 &quot;%3&quot; en el inventario.</translation>
    </message>
    <message>
        <source>Line %1: %2 %3 is not available: it is assigned, reserved or out of service. Name a free item or leave the column empty.</source>
        <translation>Línea %1: %2 %3 no está disponible: está asignado, reservado o fuera de servicio. Indica un elemento libre o deja la columna vacía.</translation>
    </message>
    <message>
        <source>Line %1: %2 has no site called &quot;%3&quot;.</source>
        <translation>Línea %1: %2 no tiene ningún sitio llamado &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>Line %1: %2 has no contact called &quot;%3&quot; (name or email).</source>
        <translation>Línea %1: %2 no tiene ningún contacto llamado &quot;%3&quot; (nombre o correo electrónico).</translation>
    </message>
</context>
<context>
    <name>BusinessRules</name>
    <message>
        <source>%1 is required for this order. Enter it and continue.</source>
        <translation>%1 es obligatorio para este pedido. Introdúcelo y continúa.</translation>
    </message>
    <message>
        <source>%1 is too long: at most %2 characters.</source>
        <translation>%1 es demasiado largo: como máximo %2 caracteres.</translation>
    </message>
    <message>
        <source>%1 must be a number, for example 1200 or 12.50.</source>
        <translation>%1 debe ser un número, por ejemplo 1200 o 12.50.</translation>
    </message>
    <message>
        <source>%1 must be a date written as YYYY-MM-DD, for example 2026-03-31.</source>
        <translation>%1 debe ser una fecha con el formato AAAA-MM-DD, por ejemplo 2026-03-31.</translation>
    </message>
    <message>
        <source>%1 has no installation site. Add a site on the customer page first.</source>
        <translation>%1 no tiene ningún sitio de instalación. Agrega primero un sitio en la página del cliente.</translation>
    </message>
    <message>
        <source>Select the installation site that receives %1.</source>
        <translation>Selecciona el sitio de instalación que recibe %1.</translation>
    </message>
    <message>
        <source>The installation site is not one of %1&apos;s sites. Select one of their sites.</source>
        <translation>El sitio de instalación no es uno de los sitios de %1. Selecciona uno de sus sitios.</translation>
    </message>
    <message>
        <source>%1 has no contacts. Add a billing and a technical contact on the customer page first.</source>
        <translation>%1 no tiene contactos. Agrega primero un contacto de facturación y un contacto técnico en la página del cliente.</translation>
    </message>
    <message>
        <source>Select the billing contact.</source>
        <translation>Selecciona el contacto de facturación.</translation>
    </message>
    <message>
        <source>The billing contact is not one of %1&apos;s contacts. Select one of their contacts.</source>
        <translation>El contacto de facturación no es uno de los contactos de %1. Selecciona uno de sus contactos.</translation>
    </message>
    <message>
        <source>Select the technical contact.</source>
        <translation>Selecciona el contacto técnico.</translation>
    </message>
    <message>
        <source>The technical contact is not one of %1&apos;s contacts. Select one of their contacts.</source>
        <translation>El contacto técnico no es uno de los contactos de %1. Selecciona uno de sus contactos.</translation>
    </message>
    <message>
        <source>Installation sites and contacts are for business customers only. %1 is an individual customer.</source>
        <translation>Los sitios de instalación y los contactos son solo para clientes empresariales. %1 es un cliente individual.</translation>
    </message>
    <message>
        <source>%1 does not ask for the field &quot;%2&quot;. Leave it out.</source>
        <translation>%1 no solicita el campo &quot;%2&quot;. Omítelo.</translation>
    </message>
</context>
<context>
    <name>CancelService</name>
    <message>
        <source>Service %1 does not exist. Check the number in the Services list.</source>
        <translation>El servicio %1 no existe. Verifica el número en la lista de Servicios.</translation>
    </message>
    <message>
        <source>Service %1 is already cancelled.</source>
        <translation>El servicio %1 ya está cancelado.</translation>
    </message>
    <message>
        <source>Service %1 is being provisioned (provision ID %2). Wait until it finishes, then cancel it.</source>
        <translation>El servicio %1 se está aprovisionando (ID de Aprovisionamiento %2). Espera a que termine y luego cancélalo.</translation>
    </message>
    <message>
        <source>Cancelling service %1 failed earlier (provision ID %2). Retry that provisioning job instead.</source>
        <translation>La cancelación del servicio %1 falló anteriormente (ID de Aprovisionamiento %2). En su lugar, reintenta ese trabajo de aprovisionamiento.</translation>
    </message>
</context>
<context>
    <name>CsvImport</name>
    <message>
        <source>The file is empty. Choose a CSV file whose first row names the columns, with one row per entry below it.</source>
        <translation>El archivo está vacío. Elige un archivo CSV cuya primera fila nombre las columnas, con una fila por registro debajo.</translation>
    </message>
    <message>
        <source>Line %1: the column &quot;%2&quot; appears twice in the header. Remove or rename one of them.</source>
        <translation>Línea %1: la columna &quot;%2&quot; aparece dos veces en el encabezado. Elimina o cambia el nombre de una de ellas.</translation>
    </message>
    <message>
        <source>Line %1: the header lacks these columns: %2. Add them to the first row (upper or lower case does not matter); the expected columns are: %3.</source>
        <translation>Línea %1: faltan estas columnas en el encabezado: %2. Agrégalas a la primera fila (da igual mayúsculas o minúsculas); las columnas esperadas son: %3.</translation>
    </message>
    <message>
        <source>Line %1: these columns are not known and will be ignored: %2. Check their spelling against the expected columns: %3.</source>
        <translation>Línea %1: estas columnas no se conocen y se ignorarán: %2. Revisa cómo están escritas frente a las columnas esperadas: %3.</translation>
    </message>
    <message>
        <source>Line %1: a quoted field that starts on this line is never closed before the end of the file. Add the missing closing double quote (&quot;).</source>
        <translation>Línea %1: un campo entre comillas que empieza en esta línea nunca se cierra antes del final del archivo. Agrega las comillas dobles de cierre que faltan (&quot;).</translation>
    </message>
    <message>
        <source>Line %1: this row is longer than %2 MB, most likely because a double quote (&quot;) is missing. Check the quotes on this line.</source>
        <translation>Línea %1: esta fila ocupa más de %2 MB, seguramente porque falta una comilla doble (&quot;). Revisa las comillas de esta línea.</translation>
    </message>
    <message>
        <source>Line %1: a closing double quote is followed by more text before the next comma. Put the whole value in double quotes and write each double quote inside it twice (&quot;&quot;).</source>
        <translation>Línea %1: unas comillas dobles de cierre van seguidas de más texto antes de la siguiente coma. Pon todo el valor entre comillas dobles y escribe dos veces cada comilla doble que contenga (&quot;&quot;).</translation>
    </message>
    <message>
        <source>Line %1: this row contains characters that are not valid UTF-8. Save the file as &quot;CSV UTF-8&quot; in your spreadsheet and import it again.</source>
        <translation>Línea %1: esta fila contiene caracteres que no son UTF-8 válido. Guarda el archivo como &quot;CSV UTF-8&quot; en tu hoja de cálculo e impórtalo de nuevo.</translation>
    </message>
    <message>
        <source>Line %1: the header has %3 columns, but this row has %2. Check for a missing or extra comma, and put values that contain commas in double quotes.</source>
        <translation>Línea %1: el encabezado tiene %3 columnas, pero esta fila tiene %2. Busca una coma que falte o sobre, y pon entre comillas dobles los valores que contienen comas.</translation>
    </message>
    <message>
        <source>Line %1: the file could not be read any further (%2). Check that it is still available and import it again.</source>
        <translation>Línea %1: no se pudo seguir leyendo el archivo (%2). Comprueba que sigue disponible e impórtalo de nuevo.</translation>
    </message>
</context>
<context>
    <name>CtlCommands</name>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 necesita un valor.</translation>
    </message>
    <message>
        <source>%1 must be a whole number of at least %2, not &quot;%3&quot;.</source>
        <translation>%1 debe ser un número entero mayor o igual que %2, no &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>No se indicó ningún comando.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Comando desconocido &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Database %1 is ready (schema version %2).
</source>
        <translation>La base de datos %1 está lista (versión del esquema %2).
</translation>
    </message>
    <message>
        <source>Seeding customers: %1 of %2</source>
        <translation>Creando clientes de demostración: %1 de %2</translation>
    </message>
    <message>
        <source>Demo data is in place with %1 customers.
</source>
        <translation>Los datos de demostración están listos, con %1 clientes.
</translation>
    </message>
    <message>
        <source>customers search needs the text to search for.</source>
        <translation>customers search necesita el texto que se va a buscar.</translation>
    </message>
    <message>
        <source>Customer not found. Try different search terms (ID, email, phone) or create the customer first.
</source>
        <translation>Cliente no encontrado. Prueba diferentes términos de búsqueda (ID, correo electrónico, teléfono) o crea el cliente primero.
</translation>
    </message>
    <message>
        <source>inventory list needs --template NAME, for example --template &quot;SIM Card&quot;.</source>
        <translation>inventory list necesita --template NAME, por ejemplo --template &quot;SIM Card&quot;.</translation>
    </message>
    <message>
        <source>No inventory available. Add more inventory items or check that item statuses are New or In Stock.
</source>
        <translation>No hay inventario disponible. Agrega más elementos de inventario o verifica que el estado de los elementos sea Nuevo o En Stock.
</translation>
    </message>
    <message>
        <source>assign needs --customer ID and --product SLUG.</source>
        <translation>assign necesita --customer ID y --product SLUG.</translation>
    </message>
    <message>
        <source>--auto-renew must be yes or no, not &quot;%1&quot;.</source>
        <translation>--auto-renew debe ser yes o no, no &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argumento inesperado &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--item must be TEMPLATE=ITEM_ID, for example &quot;SIM Card=42&quot;, not &quot;%1&quot;.</source>
        <translation>--item debe tener el formato TEMPLATE=ITEM_ID, por ejemplo &quot;SIM Card=42&quot;, no &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>No inventory available for %1. Add more inventory items or check item statuses.</source>
        <translation>No hay inventario disponible para %1. Agrega más elementos de inventario o verifica el estado de los elementos.</translation>
    </message>
    <message>
        <source>%1 does not need a %2.</source>
        <translation>%1 no necesita %2.</translation>
    </message>
    <message>
        <source>Service %1 created; provisioning job %2 is queued for a worker.
</source>
        <translation>Servicio %1 creado; el trabajo de aprovisionamiento %2 está en cola a la espera de un proceso de aprovisionamiento.
</translation>
    </message>
    <message>
        <source>Service %1 is active (provisioning job %2).
</source>
        <translation>El servicio %1 está activo (trabajo de aprovisionamiento %2).
</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>The service record has been created but provisioning did not complete. Please review the error and retry.</source>
        <translation>El registro de servicio ha sido creado pero el aprovisionamiento no se completó. Por favor, revisa el error y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Provision ID: %1</source>
        <translation>ID de Aprovisionamiento: %1</translation>
    </message>
    <message>
        <source>jobs show needs a provision ID (a whole number).</source>
        <translation>jobs show necesita un ID de aprovisionamiento (un número entero).</translation>
    </message>
    <message>
        <source>Provision ID: %1 (%2), attempt %3
</source>
        <translation>ID de Aprovisionamiento: %1 (%2), intento %3
</translation>
    </message>
    <message>
        <source>jobs retry needs a provision ID (a whole number).</source>
        <translation>jobs retry necesita un ID de aprovisionamiento (un número entero).</translation>
    </message>
    <message>
        <source>Provisioning job %1 is queued again and resumes at the failed task.
</source>
        <translation>El trabajo de aprovisionamiento %1 vuelve a estar en cola y se reanudará en la tarea fallida.
</translation>
    </message>
    <message>
        <source>Provisioning worker running on %1. Stop it with Ctrl+C.</source>
        <translation>Proceso de aprovisionamiento en ejecución en %1. Detenlo con Ctrl+C.</translation>
    </message>
    <message>
        <source>Provisioning job %1 finished.</source>
        <translation>Trabajo de aprovisionamiento %1 finalizado.</translation>
    </message>
    <message>
        <source>--port must be between 0 and 65535.</source>
        <translation>--port debe estar entre 0 y 65535.</translation>
    </message>
    <message>
        <source>Cannot listen on 127.0.0.1:%1. Choose another port.</source>
        <translation>No se puede escuchar en 127.0.0.1:%1. Elige otro puerto.</translation>
    </message>
    <message>
        <source>Network-element simulator listening on %1 (OCS %1/jsonrpc, HSS %1/, IPTV %1/iptv).</source>
        <translation>Simulador de elementos de red escuchando en %1 (OCS %1/jsonrpc, HSS %1/, IPTV %1/iptv).</translation>
    </message>
    <message>
        <source>The local user %1 has no staff account on this PostgreSQL database, and only an SQLite database signs the local user in automatically. Use --user LOGIN with your password (in SWITCHBOARD_PASSWORD or on stdin), or ask an administrator to run: switchboard-ctl user add %1 --role ROLE</source>
        <translation>El usuario local %1 no tiene cuenta de empleado en esta base de datos PostgreSQL, y solo una base de datos SQLite inicia sesión automáticamente con el usuario local. Usa --user LOGIN con tu contraseña (en SWITCHBOARD_PASSWORD o en stdin) o pide a un administrador que ejecute: switchboard-ctl user add %1 --role ROLE</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Contraseña para %1: </translation>
    </message>
    <message>
        <source>No password for %1. Give it in SWITCHBOARD_PASSWORD or on the first line of stdin.</source>
        <translation>No hay contraseña para %1. Indícala en SWITCHBOARD_PASSWORD o en la primera línea de stdin.</translation>
    </message>
    <message>
        <source>user add needs a LOGIN and --role ROLE.</source>
        <translation>user add necesita un LOGIN y --role ROLE.</translation>
    </message>
    <message>
        <source>--role must be one of %1, not &quot;%2&quot;.</source>
        <translation>--role debe ser uno de estos valores: %1, no &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>New password for %1: </source>
        <translation>Nueva contraseña para %1: </translation>
    </message>
    <message>
        <source>No password for %1. Give it on a line of stdin.</source>
        <translation>No hay contraseña para %1. Indícala en una línea de stdin.</translation>
    </message>
    <message>
        <source>Staff account %1 (%2) added with the role %3.
</source>
        <translation>Cuenta de empleado %1 (%2) agregada con el rol %3.
</translation>
    </message>
    <message>
        <source>user passwd needs the LOGIN whose password to set.</source>
        <translation>user passwd necesita el LOGIN cuya contraseña se va a establecer.</translation>
    </message>
    <message>
        <source>The password of %1 has been changed.
</source>
        <translation>Se ha cambiado la contraseña de %1.
</translation>
    </message>
    <message>
        <source>amend-bundle needs --service ID (the Flexible Bundle service of the subscription).</source>
        <translation>amend-bundle necesita --service ID (el servicio de tipo Paquete Flexible de la suscripción).</translation>
    </message>
    <message>
        <source>--remove must be the ID of a component service, not &quot;%1&quot;.</source>
        <translation>--remove debe ser el ID de un servicio componente, no &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--schedule must be now, YYYY-MM-DD, YYYY-MM-DDTHH:MM or days:N, not &quot;%1&quot;.</source>
        <translation>--schedule debe ser now, YYYY-MM-DD, YYYY-MM-DDTHH:MM o days:N, no &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--performed-date must be a date and time like 2026-05-31T14:30, not &quot;%1&quot;.</source>
        <translation>--performed-date debe ser una fecha y hora como 2026-05-31T14:30, no &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>This request was submitted before as action %1; nothing was done again.
</source>
        <translation>Esta solicitud ya se envió antes como acción %1; no se ha vuelto a hacer nada.
</translation>
    </message>
    <message>
        <source>Amend Bundle Services is scheduled for %1 (action %2).
</source>
        <translation>Modificar Servicios del Paquete está programado para el %1 (acción %2).
</translation>
    </message>
    <message>
        <source>Bundle service %1 amended (action %2): %3 component(s) added, %4 removed.
</source>
        <translation>Servicio de paquete %1 modificado (acción %2): %3 componente(s) agregado(s), %4 eliminado(s).
</translation>
    </message>
    <message>
        <source>Provisioning jobs queued for the set-top boxes: %1.
</source>
        <translation>Trabajos de aprovisionamiento en cola para los decodificadores: %1.
</translation>
    </message>
    <message>
        <source>Provisioning distributors removed: %1.
</source>
        <translation>Distribuidores de aprovisionamiento eliminados: %1.
</translation>
    </message>
    <message>
        <source>The wallet was debited %1.
</source>
        <translation>Se debitó %1 del monedero.
</translation>
    </message>
    <message>
        <source>scheduled cancel needs the ID of a scheduled action (see scheduled list).</source>
        <translation>scheduled cancel necesita el ID de una acción programada (consulta scheduled list).</translation>
    </message>
    <message>
        <source>Scheduled action %1 is cancelled.
</source>
        <translation>La acción programada %1 se ha cancelado.
</translation>
    </message>
    <message>
        <source>No subscription matches &quot;%1&quot;. Search by subscription number or customer name.
</source>
        <translation>Ninguna suscripción coincide con &quot;%1&quot;. Busca por número de suscripción o por nombre del cliente.
</translation>
    </message>
    <message>
        <source>subscriptions show needs the subscription NUMBER (see subscriptions search).</source>
        <translation>subscriptions show necesita el NUMBER de la suscripción (consulta subscriptions search).</translation>
    </message>
    <message>
        <source>Subscription %1 of %2: %3, %4
</source>
        <translation>Suscripción %1 de %2: %3, %4
</translation>
    </message>
    <message>
        <source>State history: %1
</source>
        <translation>Historial de estados: %1
</translation>
    </message>
    <message>
        <source>Services:
</source>
        <translation>Servicios:
</translation>
    </message>
    <message>
        <source>Provisioning distributors:
</source>
        <translation>Distribuidores de aprovisionamiento:
</translation>
    </message>
    <message>
        <source> (removed %1)</source>
        <translation> (eliminado el %1)</translation>
    </message>
    <message>
        <source>Wallet balance: %1
</source>
        <translation>Saldo del monedero: %1
</translation>
    </message>
    <message>
        <source>Actions:
</source>
        <translation>Acciones:
</translation>
    </message>
    <message>
        <source>Allowed components of %1:
</source>
        <translation>Componentes permitidos de %1:
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
        <translation>  nesim por HTTPS: agrega --tls-cert FILE --tls-key FILE [--client-ca FILE] (certificado de cliente obligatorio)
</translation>
    </message>
    <message>
        <source>inventory import-sims needs the batch FILE and --transport-key-file F.</source>
        <translation>inventory import-sims necesita el FILE del lote y --transport-key-file F.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n SIM card(s) of batch %1, keys sealed under the transport key with check value %2.
</source>
        <translation>
            <numerusform>%n tarjeta SIM del lote %1 importada, claves protegidas con la clave de transporte con valor de verificación %2.
</numerusform>
            <numerusform>%n tarjetas SIM del lote %1 importadas, claves protegidas con la clave de transporte con valor de verificación %2.
</numerusform>
        </translation>
    </message>
    <message>
        <source>No OP was given: OPc will be derived while provisioning from [sim] op in the settings file.
</source>
        <translation>No se indicó ningún OP: el OPc se derivará durante el aprovisionamiento a partir de [sim] op en el archivo de configuración.
</translation>
    </message>
    <message>
        <source>sim opc needs --ki HEX and --op HEX, each 32 hexadecimal digits.</source>
        <translation>sim opc necesita --ki HEX y --op HEX, cada uno de 32 dígitos hexadecimales.</translation>
    </message>
    <message>
        <source>OpenSSL could not compute AES-128. Check the OpenSSL installation.</source>
        <translation>OpenSSL no pudo calcular AES-128. Verifica la instalación de OpenSSL.</translation>
    </message>
    <message>
        <source>services cancel needs a service ID (a whole number).</source>
        <translation>services cancel necesita un ID de servicio (un número entero).</translation>
    </message>
    <message>
        <source>Service %1 is being cancelled: provisioning job %2 removes it from the network elements.
</source>
        <translation>El servicio %1 se está cancelando: el trabajo de aprovisionamiento %2 lo elimina de los elementos de red.
</translation>
    </message>
    <message>
        <source>  services verify ID   (exit code 3: the network differs from the database; 4: an element did not answer)
</source>
        <translation>  services verify ID   (código de salida 3: la red difiere de la base de datos; 4: un elemento no respondió)
</translation>
    </message>
    <message>
        <source>Settings: --config FILE reads the network elements, mail, SIM keys and (without --db) the database
from that INI file, as the Settings dialog writes it; without it, from the user&apos;s settings.
</source>
        <translation>Configuración: --config FILE lee los elementos de red, el correo, las claves de SIM y (sin --db) la base de datos
de ese archivo INI, tal como lo escribe el cuadro de diálogo Configuración; sin ella, de la configuración del usuario.
</translation>
    </message>
    <message>
        <source>services verify needs a service ID (a whole number).</source>
        <translation>services verify necesita un ID de servicio (un número entero).</translation>
    </message>
    <message numerus="yes">
        <source>Service %1 (%2): %n check(s),</source>
        <translation>
            <numerusform>Servicio %1 (%2): %n comprobación,</numerusform>
            <numerusform>Servicio %1 (%2): %n comprobaciones,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mismatch(es),</source>
        <translation>
            <numerusform>%n discrepancia,</numerusform>
            <numerusform>%n discrepancias,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n element(s) unreachable</source>
        <translation>
            <numerusform>%n elemento inaccesible</numerusform>
            <numerusform>%n elementos inaccesibles</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2: %3 — expected %4, found %5
</source>
        <translation>%1 %2: %3 — esperado %4, encontrado %5
</translation>
    </message>
    <message>
        <source>addons buy needs --customer ID and --product SLUG.</source>
        <translation>addons buy necesita --customer ID y --product SLUG.</translation>
    </message>
    <message>
        <source>Which service should receive this add-on? Add one of:
%1</source>
        <translation>¿Qué servicio debería recibir este complemento? Agrega una de estas opciones:
%1</translation>
    </message>
    <message>
        <source>Add-on %1 bought for service %2; provisioning job %3 is queued for a worker.
</source>
        <translation>Complemento %1 comprado para el servicio %2; el trabajo de aprovisionamiento %3 está en cola a la espera de un proceso de aprovisionamiento.
</translation>
    </message>
    <message>
        <source>Add-on %1 is active on service %2. Balance: %3
</source>
        <translation>El complemento %1 está activo en el servicio %2. Saldo: %3
</translation>
    </message>
    <message>
        <source>addons list needs --service ID.</source>
        <translation>addons list necesita --service ID.</translation>
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
        <translation>Uso: switchboard-ctl [--db URL] [--user LOGIN] [--json] COMMAND
Los comandos de escritura se ejecutan como --user LOGIN (contraseña en SWITCHBOARD_PASSWORD o en la primera línea de
stdin); sin --user, como el usuario local (con sesión iniciada automáticamente solo en una base de datos SQLite).
Una contraseña nueva (user add, user passwd) es la siguiente línea de stdin.
Comandos:
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
      (código de salida 3: filas con errores, rechazadas, fallidas o canceladas; 4: detenida, reanúdala más tarde)
</translation>
    </message>
    <message>
        <source>--field must be KEY=VALUE, for example &quot;po_number=PO-2025-001234&quot;, not &quot;%1&quot;.</source>
        <translation>--field debe ser KEY=VALUE, por ejemplo &quot;po_number=PO-2025-001234&quot;, no &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The customer has no site &quot;%1&quot;. Give the site&apos;s name or ID.</source>
        <translation>El cliente no tiene ningún sitio &quot;%1&quot;. Indica el nombre o el ID del sitio.</translation>
    </message>
    <message>
        <source>import-csv needs exactly one of: a FILE, --resume ID or --retry-failed ID.</source>
        <translation>import-csv necesita exactamente uno de estos: un FILE, --resume ID o --retry-failed ID.</translation>
    </message>
    <message>
        <source>--dry-run checks a FILE; it does not go with --resume or --retry-failed.</source>
        <translation>--dry-run comprueba un FILE; no se puede usar con --resume ni con --retry-failed.</translation>
    </message>
    <message>
        <source>%1 rows: %2 can be assigned, %3 have errors.
</source>
        <translation>%1 filas: %2 se pueden asignar, %3 tienen errores.
</translation>
    </message>
    <message>
        <source>Bulk import %1 started: %2 rows to assign, %3 rejected.</source>
        <translation>Importación masiva %1 iniciada: %2 filas por asignar, %3 rechazadas.</translation>
    </message>
    <message>
        <source>Bulk import %1 resumed.</source>
        <translation>Importación masiva %1 reanudada.</translation>
    </message>
    <message>
        <source>Bulk import %1: %2 failed rows are retried.</source>
        <translation>Importación masiva %1: se reintentan %2 filas fallidas.</translation>
    </message>
    <message>
        <source>Jobs are queued for switchboard-worker; this command waits for them.</source>
        <translation>Los trabajos están en cola para switchboard-worker; este comando espera a que terminen.</translation>
    </message>
    <message>
        <source>Provisioning with the worker of this command; stop with Ctrl+C and continue later with --resume %1.</source>
        <translation>Aprovisionando con el proceso de este comando; detén con Ctrl+C y continúa más tarde con --resume %1.</translation>
    </message>
    <message>
        <source>Import %1: %2 of %3 rows done (%4 succeeded, %5 failed, %6 rejected), %7 in flight, %8 pending.</source>
        <translation>Importación %1: %2 de %3 filas completadas (%4 correctas, %5 fallidas, %6 rechazadas), %7 en curso, %8 pendientes.</translation>
    </message>
    <message>
        <source>Report written to %1.</source>
        <translation>Informe escrito en %1.</translation>
    </message>
    <message>
        <source>Stopped. Bulk import %1 continues with: switchboard-ctl import-csv --resume %1
</source>
        <translation>Detenido. La importación masiva %1 continúa con: switchboard-ctl import-csv --resume %1
</translation>
    </message>
    <message>
        <source>Bulk import %1 %2: %3 succeeded, %4 failed, %5 rejected, %6 cancelled of %7 rows.
</source>
        <translation>Importación masiva %1 %2: %3 correctas, %4 fallidas, %5 rechazadas, %6 canceladas de %7 filas.
</translation>
    </message>
</context>
<context>
    <name>CustomField</name>
    <message>
        <source>Purchase Order Number</source>
        <translation>Número de Orden de Compra</translation>
    </message>
    <message>
        <source>Cost Centre</source>
        <translation>Centro de Costo</translation>
    </message>
    <message>
        <source>Account Number</source>
        <translation>Número de Cuenta</translation>
    </message>
</context>
<context>
    <name>Customer</name>
    <message>
        <source>Enter the customer&apos;s name.</source>
        <translation>Introduce el nombre del cliente.</translation>
    </message>
    <message>
        <source>The email address &quot;%1&quot; is not valid. Enter it as name@example.com, or leave it empty.</source>
        <translation>La dirección de correo electrónico &quot;%1&quot; no es válida. Introdúcela con el formato name@example.com o déjala vacía.</translation>
    </message>
    <message>
        <source>The phone number &quot;%1&quot; is not valid. Enter at least 6 digits (spaces, +, - and brackets are allowed), or leave it empty.</source>
        <translation>El número de teléfono &quot;%1&quot; no es válido. Introduce al menos 6 dígitos (se permiten espacios, +, - y paréntesis) o déjalo vacío.</translation>
    </message>
    <message>
        <source>Choose the customer&apos;s language: English, Portuguese (Brazil), French or Spanish.</source>
        <translation>Elige el idioma del cliente: inglés, portugués (Brasil), francés o español.</translation>
    </message>
    <message>
        <source>Choose the payment method: card, direct debit or none.</source>
        <translation>Elige el método de pago: tarjeta, domiciliación o ninguno.</translation>
    </message>
    <message>
        <source>An expiry date needs a payment method. Choose card or direct debit, or clear the expiry date.</source>
        <translation>Una fecha de vencimiento requiere un método de pago. Elige tarjeta o domiciliación, o borra la fecha de vencimiento.</translation>
    </message>
    <message>
        <source>The payment method expired on %1. Enter a future expiry date, or clear it if the payment method does not expire.</source>
        <translation>El método de pago venció el %1. Introduce una fecha de vencimiento futura o bórrala si el método de pago no vence.</translation>
    </message>
    <message>
        <source>Enter a name for the site, for example &quot;Head office&quot;.</source>
        <translation>Introduce un nombre para el sitio, por ejemplo &quot;Oficina central&quot;.</translation>
    </message>
    <message>
        <source>Choose the contact&apos;s role: billing or technical.</source>
        <translation>Elige el rol del contacto: facturación o técnico.</translation>
    </message>
    <message>
        <source>Enter the billing contact&apos;s name.</source>
        <translation>Introduce el nombre del contacto de facturación.</translation>
    </message>
    <message>
        <source>Enter the technical contact&apos;s name.</source>
        <translation>Introduce el nombre del contacto técnico.</translation>
    </message>
    <message>
        <source>Enter the contact&apos;s name.</source>
        <translation>Introduce el nombre del contacto.</translation>
    </message>
    <message>
        <source>The contact email address &quot;%1&quot; is not valid. Enter it as name@example.com, or leave it empty.</source>
        <translation>La dirección de correo electrónico del contacto &quot;%1&quot; no es válida. Introdúcela con el formato name@example.com o déjala vacía.</translation>
    </message>
    <message>
        <source>The contact phone number &quot;%1&quot; is not valid. Enter at least 6 digits, or leave it empty.</source>
        <translation>El número de teléfono del contacto &quot;%1&quot; no es válido. Introduce al menos 6 dígitos o déjalo vacío.</translation>
    </message>
    <message>
        <source>%1 is already the email address of %2 (ID: %3). Open that customer instead, or enter another email address.</source>
        <translation>%1 ya es la dirección de correo electrónico de %2 (ID: %3). Abre ese cliente o introduce otra dirección de correo electrónico.</translation>
    </message>
    <message>
        <source>Customer %1 does not exist. Search for the customer again.</source>
        <translation>El cliente %1 no existe. Vuelve a buscar el cliente.</translation>
    </message>
</context>
<context>
    <name>DatabaseProbe</name>
    <message>
        <source>Cannot reach the database server at %1. Check the host name and the port, and that the server is running.</source>
        <translation>No se puede acceder al servidor de base de datos en %1. Verifica el nombre del host y el puerto, y que el servidor esté en ejecución.</translation>
    </message>
    <message>
        <source>The server at %1 did not accept the user %2 with this password. Check the user name and the password.</source>
        <translation>El servidor en %1 no aceptó al usuario %2 con esta contraseña. Verifica el nombre de usuario y la contraseña.</translation>
    </message>
    <message>
        <source>The secure (TLS) connection to %1 failed: the server offers no TLS, or its certificate could not be verified with the CA file. Check the TLS mode and the CA file.</source>
        <translation>La conexión segura (TLS) con %1 falló: el servidor no ofrece TLS o su certificado no se pudo verificar con el archivo de CA. Verifica el modo TLS y el archivo de CA.</translation>
    </message>
    <message>
        <source>The server at %1 has no database called %2. Check the database name.</source>
        <translation>El servidor en %1 no tiene ninguna base de datos llamada %2. Verifica el nombre de la base de datos.</translation>
    </message>
    <message>
        <source>%1 is not a Switchboard database: it holds other data. Choose a Switchboard database or an empty one.</source>
        <translation>%1 no es una base de datos de Switchboard: contiene otros datos. Elige una base de datos de Switchboard o una vacía.</translation>
    </message>
    <message>
        <source>The database %1 could not be opened: %2</source>
        <translation>No se pudo abrir la base de datos %1: %2</translation>
    </message>
    <message>
        <source>Connected. The database is empty: Switchboard sets it up when it starts.</source>
        <translation>Conectado. La base de datos está vacía: Switchboard la prepara al iniciarse.</translation>
    </message>
    <message>
        <source>Connected. The database has schema version %1; Switchboard upgrades it to version %2 when it starts.</source>
        <translation>Conectado. La base de datos tiene la versión de esquema %1; Switchboard la actualiza a la versión %2 al iniciarse.</translation>
    </message>
    <message>
        <source>Connected. The database is up to date (schema version %1).</source>
        <translation>Conectado. La base de datos está actualizada (versión del esquema %1).</translation>
    </message>
    <message>
        <source>Switchboard cannot create files in the folder %1. Choose another place for the database file.</source>
        <translation>Switchboard no puede crear archivos en la carpeta %1. Elige otra ubicación para el archivo de base de datos.</translation>
    </message>
    <message>
        <source>The file %1 does not exist yet: Switchboard creates it when it starts.</source>
        <translation>El archivo %1 aún no existe: Switchboard lo crea al iniciarse.</translation>
    </message>
</context>
<context>
    <name>DatabaseUrl</name>
    <message>
        <source>The database URL %1 names no file. Write it as sqlite:///path/to/file.db.</source>
        <translation>La URL de la base de datos %1 no indica ningún archivo. Escríbela como sqlite:///path/to/file.db.</translation>
    </message>
    <message>
        <source>The database URL %1 is not valid. Write it as postgresql://user:password@host:port/database.</source>
        <translation>La URL de la base de datos %1 no es válida. Escríbela como postgresql://user:password@host:port/database.</translation>
    </message>
    <message>
        <source>%1 is not a database URL. Use sqlite:///path/to/file.db or postgresql://user@host:port/database.</source>
        <translation>%1 no es una URL de base de datos. Usa sqlite:///path/to/file.db o postgresql://user@host:port/database.</translation>
    </message>
</context>
<context>
    <name>ElementCredentials</name>
    <message>
        <source>The credentials key file %1 cannot be read or created. Check the file and its folder, or set another file in Settings.</source>
        <translation>No se puede leer ni crear el archivo de clave de credenciales %1. Verifica el archivo y su carpeta, o configura otro archivo en Configuración.</translation>
    </message>
</context>
<context>
    <name>ElementProbe</name>
    <message>
        <source>Connected: the %1 at %2 answered.</source>
        <translation>Conectado: %1 en %2 respondió.</translation>
    </message>
    <message>
        <source>The %1 database file %2 does not exist. Check the path in Settings.</source>
        <translation>El archivo de base de datos de %1 %2 no existe. Verifica la ruta en Configuración.</translation>
    </message>
    <message>
        <source>Unable to connect to the %1 database at %2. Check that the database server is running and that the address in Settings is right.</source>
        <translation>No se pudo conectar a la base de datos de %1 en %2. Verifica que el servidor de base de datos esté en ejecución y que la dirección en Configuración sea correcta.</translation>
    </message>
    <message>
        <source>The %1 database at %2 did not accept the user %3 with this password. Check the user name and the password.</source>
        <translation>La base de datos de %1 en %2 no aceptó al usuario %3 con esta contraseña. Verifica el nombre de usuario y la contraseña.</translation>
    </message>
    <message>
        <source>The %1 database %2 could not be opened: %3</source>
        <translation>No se pudo abrir la base de datos de %1 %2: %3</translation>
    </message>
    <message>
        <source>The %1 database %2 opened, but it has no table %3. Check that the URL names the database the %1 reads and that its SQL schema is loaded.</source>
        <translation>La base de datos de %1 %2 se abrió, pero no tiene la tabla %3. Verifica que la URL indique la base de datos que lee %1 y que su esquema SQL esté cargado.</translation>
    </message>
    <message>
        <source>Connected: the %1 database %2 has the table %3.</source>
        <translation>Conectado: la base de datos de %1 %2 tiene la tabla %3.</translation>
    </message>
    <message>
        <source>Connected: the mail server at %1 answered over %2.</source>
        <translation>Conectado: el servidor de correo en %1 respondió mediante %2.</translation>
    </message>
    <message>
        <source>No address is set: the built-in simulator serves the %1. Nothing to test.</source>
        <translation>No hay ninguna dirección configurada: el simulador integrado atiende a %1. No hay nada que probar.</translation>
    </message>
    <message>
        <source>No database is set: the embedded %1 database in the data folder is used. Nothing to test.</source>
        <translation>No hay ninguna base de datos configurada: se usa la base de datos integrada de %1 en la carpeta de datos. No hay nada que probar.</translation>
    </message>
    <message>
        <source>No SMTP server is set: mail goes to the outbox folder. Nothing to test.</source>
        <translation>No hay ningún servidor SMTP configurado: el correo va a la carpeta de salida. No hay nada que probar.</translation>
    </message>
    <message>
        <source>Nothing to test.</source>
        <translation>No hay nada que probar.</translation>
    </message>
    <message>
        <source>The %1 at %2 refused the provisioning key (HTTP %3). Check the provisioning key set for it in Settings.</source>
        <translation>%1 en %2 rechazó la clave de aprovisionamiento (HTTP %3). Revisa la clave de aprovisionamiento configurada para él en Configuración.</translation>
    </message>
    <message>
        <source>The %1 at %2 refused the API key (HTTP %3). Check the API key set for it in Settings.</source>
        <translation>%1 en %2 rechazó la clave de API (HTTP %3). Revisa la clave de API configurada para él en Configuración.</translation>
    </message>
</context>
<context>
    <name>ElementSettings</name>
    <message>
        <source>CA bundle:</source>
        <translation>Paquete de CA:</translation>
    </message>
    <message>
        <source>Empty: the system&apos;s trusted CAs only</source>
        <translation>Vacío: solo las CA de confianza del sistema</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>Certificado de cliente:</translation>
    </message>
    <message>
        <source>Empty: no client certificate</source>
        <translation>Vacío: sin certificado de cliente</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>Clave de cliente:</translation>
    </message>
    <message>
        <source>Empty: the key is in the certificate file</source>
        <translation>Vacío: la clave está en el archivo del certificado</translation>
    </message>
    <message>
        <source>Verification:</source>
        <translation>Verificación:</translation>
    </message>
    <message>
        <source>JSON-RPC URL:</source>
        <translation>URL de JSON-RPC:</translation>
    </message>
    <message>
        <source>Empty: the built-in simulator</source>
        <translation>Vacío: el simulador integrado</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>Tiempo de espera:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>PyHSS REST URL:</source>
        <translation>URL REST de PyHSS:</translation>
    </message>
    <message>
        <source>Provisioning key:</source>
        <translation>Clave de aprovisionamiento:</translation>
    </message>
    <message>
        <source>Empty: none</source>
        <translation>Vacío: ninguna</translation>
    </message>
    <message>
        <source>osmo-hlr CTRL (host:port):</source>
        <translation>CTRL de osmo-hlr (host:puerto):</translation>
    </message>
    <message>
        <source>Empty: 127.0.0.1:4259</source>
        <translation>Vacío: 127.0.0.1:4259</translation>
    </message>
    <message>
        <source>REST URL:</source>
        <translation>URL REST:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>Clave de API:</translation>
    </message>
    <message>
        <source>Database URL:</source>
        <translation>URL de la base de datos:</translation>
    </message>
    <message>
        <source>Empty: the embedded RADIUS database in the data folder</source>
        <translation>Vacío: la base de datos RADIUS integrada en la carpeta de datos</translation>
    </message>
    <message>
        <source>Database password:</source>
        <translation>Contraseña de la base de datos:</translation>
    </message>
    <message>
        <source>Empty: the embedded Kamailio database in the data folder</source>
        <translation>Vacío: la base de datos Kamailio integrada en la carpeta de datos</translation>
    </message>
    <message>
        <source>SIP domain:</source>
        <translation>Dominio SIP:</translation>
    </message>
    <message>
        <source>Empty: the domain set in the product</source>
        <translation>Vacío: el dominio configurado en el producto</translation>
    </message>
    <message>
        <source>SMTP server:</source>
        <translation>Servidor SMTP:</translation>
    </message>
    <message>
        <source>Empty: mail goes to the outbox folder</source>
        <translation>Vacío: el correo va a la carpeta de salida</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Puerto:</translation>
    </message>
    <message>
        <source>587</source>
        <translation>587</translation>
    </message>
    <message>
        <source>Sender address:</source>
        <translation>Dirección del remitente:</translation>
    </message>
    <message>
        <source>e.g. noreply@example.com</source>
        <translation>p. ej., noreply@example.com</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Nombre de usuario:</translation>
    </message>
    <message>
        <source>Empty: no sign-in</source>
        <translation>Vacío: sin inicio de sesión</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>STARTTLS:</source>
        <translation>STARTTLS:</translation>
    </message>
    <message>
        <source>Transport key file:</source>
        <translation>Archivo de la clave de transporte:</translation>
    </message>
    <message>
        <source>Empty: give it when importing SIM batches</source>
        <translation>Vacío: indícalo al importar lotes de SIM</translation>
    </message>
    <message>
        <source>Operator key (OP):</source>
        <translation>Clave del operador (OP):</translation>
    </message>
    <message>
        <source>Empty: SIM cards bring their OPc</source>
        <translation>Vacío: las tarjetas SIM traen su propio OPc</translation>
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
        <translation>Middleware IPTV</translation>
    </message>
    <message>
        <source>RADIUS</source>
        <translation>RADIUS</translation>
    </message>
    <message>
        <source>SIP registrar</source>
        <translation>Registrador SIP</translation>
    </message>
    <message>
        <source>Mail (SMTP)</source>
        <translation>Correo (SMTP)</translation>
    </message>
    <message>
        <source>SIM keys</source>
        <translation>Claves de SIM</translation>
    </message>
    <message>
        <source>Enter a full address that starts with http:// or https://, for example https://ocs.example.net:2080/jsonrpc.</source>
        <translation>Introduce una dirección completa que empiece por http:// o https://, por ejemplo https://ocs.example.net:2080/jsonrpc.</translation>
    </message>
    <message>
        <source>Enter host:port, for example 127.0.0.1:4259, with a port from 1 to 65535.</source>
        <translation>Introduce host:puerto, por ejemplo 127.0.0.1:4259, con un puerto de 1 a 65535.</translation>
    </message>
    <message>
        <source>Enter a host name or IP address only, without http:// or a port.</source>
        <translation>Introduce solo un nombre de host o una dirección IP, sin http:// ni puerto.</translation>
    </message>
    <message>
        <source>Enter a port from 1 to 65535.</source>
        <translation>Introduce un puerto de 1 a 65535.</translation>
    </message>
    <message>
        <source>Enter an email address such as noreply@example.com.</source>
        <translation>Introduce una dirección de correo electrónico como noreply@example.com.</translation>
    </message>
    <message>
        <source>Enter 32 hexadecimal digits (16 bytes).</source>
        <translation>Introduce 32 dígitos hexadecimales (16 bytes).</translation>
    </message>
    <message>
        <source>The file %1 does not exist. Check the path.</source>
        <translation>El archivo %1 no existe. Verifica la ruta.</translation>
    </message>
    <message>
        <source>Switchboard cannot read the file %1. Check that it is a file and its permissions.</source>
        <translation>Switchboard no puede leer el archivo %1. Verifica que sea un archivo y sus permisos.</translation>
    </message>
    <message>
        <source>Enter a timeout from 1 to 600 seconds.</source>
        <translation>Introduce un tiempo de espera de 1 a 600 segundos.</translation>
    </message>
    <message>
        <source>Choose one of the listed kinds.</source>
        <translation>Elige uno de los tipos de la lista.</translation>
    </message>
</context>
<context>
    <name>ImportCsvDialog</name>
    <message>
        <source>The file %1 could not be written. Check that the folder exists and that you may write to it.</source>
        <translation>No se pudo escribir el archivo %1. Verifica que la carpeta existe y que tienes permiso para escribir en ella.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read. Check that it exists and that you may read it.</source>
        <translation>No se puede leer el archivo %1. Verifica que existe y que tienes permiso para leerlo.</translation>
    </message>
</context>
<context>
    <name>Inventory</name>
    <message>
        <source>There is no inventory template called &quot;%1&quot;. Known templates: %2.</source>
        <translation>No existe ninguna plantilla de inventario llamada &quot;%1&quot;. Plantillas conocidas: %2.</translation>
    </message>
    <message>
        <source>SIM Card</source>
        <translation>Tarjeta SIM</translation>
    </message>
    <message>
        <source>Mobile Number</source>
        <translation>Número Móvil</translation>
    </message>
    <message>
        <source>CPE Modem</source>
        <translation>Módem CPE</translation>
    </message>
    <message>
        <source>Set-top Box</source>
        <translation>Decodificador</translation>
    </message>
    <message>
        <source>SIP DID</source>
        <translation>DID SIP</translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <source>Not Effective</source>
        <translation>No Vigente</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>Prepaid</source>
        <translation>Prepago</translation>
    </message>
    <message>
        <source>Postpaid</source>
        <translation>Pospago</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programado</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Product Type</source>
        <translation>Tipo de Producto</translation>
    </message>
    <message>
        <source>Product Family</source>
        <translation>Familia de Productos</translation>
    </message>
</context>
<context>
    <name>MailError</name>
    <message>
        <source>The mail server at %1 accepts mail only over an encrypted connection. Turn STARTTLS on in the mail settings.</source>
        <translation>El servidor de correo en %1 solo acepta correo a través de una conexión cifrada. Activa STARTTLS en la configuración de correo.</translation>
    </message>
    <message>
        <source>The mail server at %1 requires signing in. Set the mail user name and password in Settings.</source>
        <translation>El servidor de correo en %1 requiere iniciar sesión. Configura el nombre de usuario y la contraseña del correo en Configuración.</translation>
    </message>
    <message>
        <source>The mail server at %1 refused the sender address %2 (%3). Check the sender (from) address in the mail settings.</source>
        <translation>El servidor de correo en %1 rechazó la dirección del remitente %2 (%3). Verifica la dirección del remitente (from) en la configuración de correo.</translation>
    </message>
    <message>
        <source>The mail server at %1 rejected the recipient %2 (%3). Check the customer&apos;s email address, then retry.</source>
        <translation>El servidor de correo en %1 rechazó al destinatario %2 (%3). Verifica la dirección de correo electrónico del cliente y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The mail server at %1 refused the message (%2). Check its logs and limits, then retry.</source>
        <translation>El servidor de correo en %1 rechazó el mensaje (%2). Revisa sus registros y sus límites, y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The mail server at %1 did not answer within %2 seconds. Check that it is running and that the port in the mail settings is its SMTP port.</source>
        <translation>El servidor de correo en %1 no respondió en %2 segundos. Verifica que esté en ejecución y que el puerto de la configuración de correo sea su puerto SMTP.</translation>
    </message>
    <message>
        <source>Unable to connect to the mail server at %1. Check that it is running and that the mail host and port in Settings are right.</source>
        <translation>No se pudo conectar al servidor de correo en %1. Verifica que esté en ejecución y que el host y el puerto de correo en Configuración sean correctos.</translation>
    </message>
    <message>
        <source>The mail server at %1 does not offer STARTTLS, so the mail would travel unencrypted. Enable STARTTLS on the server, or check that the port in the mail settings is its submission port.</source>
        <translation>El servidor de correo en %1 no ofrece STARTTLS, así que el correo viajaría sin cifrar. Activa STARTTLS en el servidor o verifica que el puerto de la configuración de correo sea su puerto de envío (submission).</translation>
    </message>
    <message>
        <source>The mail server at %1 presented a certificate that is not signed by a trusted CA. Set the CA bundle in the mail settings or check the server&apos;s certificate.</source>
        <translation>El servidor de correo en %1 presentó un certificado que no está firmado por una CA de confianza. Configura el paquete de CA en la configuración de correo o verifica el certificado del servidor.</translation>
    </message>
    <message>
        <source>The certificate of the mail server at %1 was issued for another host name. Use the name in its certificate as the mail host in Settings, or check the server&apos;s certificate.</source>
        <translation>El certificado del servidor de correo en %1 se emitió para otro nombre de host. Usa el nombre de su certificado como host de correo en Configuración o verifica el certificado del servidor.</translation>
    </message>
    <message>
        <source>The certificate of the mail server at %1 has expired or is not valid yet. Renew the server&apos;s certificate or check this computer&apos;s clock.</source>
        <translation>El certificado del servidor de correo en %1 ha caducado o aún no es válido. Renueva el certificado del servidor o verifica el reloj de este equipo.</translation>
    </message>
    <message>
        <source>The mail server at %1 did not complete the encrypted connection in time. Check that it is running, then retry.</source>
        <translation>El servidor de correo en %1 no completó la conexión cifrada a tiempo. Verifica que esté en ejecución y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The secure connection to the mail server at %1 failed. Check its certificate and the CA bundle in the mail settings.</source>
        <translation>La conexión segura con el servidor de correo en %1 falló. Verifica su certificado y el paquete de CA en la configuración de correo.</translation>
    </message>
    <message>
        <source>The mail server at %1 offers no sign-in method Switchboard knows (it offers %2; Switchboard uses PLAIN or LOGIN). Enable one of them on the server.</source>
        <translation>El servidor de correo en %1 no ofrece ningún método de inicio de sesión que Switchboard conozca (ofrece %2; Switchboard usa PLAIN o LOGIN). Activa uno de ellos en el servidor.</translation>
    </message>
    <message>
        <source>The mail server at %1 refused the user name or password (%2). Check the mail account in Settings.</source>
        <translation>El servidor de correo en %1 rechazó el nombre de usuario o la contraseña (%2). Verifica la cuenta de correo en Configuración.</translation>
    </message>
    <message>
        <source>The mail server at %1 closed the connection unexpectedly. Check its logs, then retry.</source>
        <translation>El servidor de correo en %1 cerró la conexión inesperadamente. Revisa sus registros y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The mail server at %1 gave an unexpected answer (%2). Check that the mail host and port in Settings point to an SMTP server.</source>
        <translation>El servidor de correo en %1 dio una respuesta inesperada (%2). Verifica que el host y el puerto de correo en Configuración apunten a un servidor SMTP.</translation>
    </message>
</context>
<context>
    <name>NetworkError</name>
    <message>
        <source>The OCS has no account &quot;%1&quot; in tenant &quot;%2&quot;. Check the account name, or create the account first.</source>
        <translation>OCS no tiene la cuenta &quot;%1&quot; en el tenant &quot;%2&quot;. Verifica el nombre de la cuenta o crea primero la cuenta.</translation>
    </message>
    <message>
        <source>The OCS found nothing for %1 (NOT_FOUND). Check the names sent in the request.</source>
        <translation>OCS no encontró nada para %1 (NOT_FOUND). Verifica los nombres enviados en la solicitud.</translation>
    </message>
    <message>
        <source>The OCS already holds what %1 tried to create (EXISTS). Check whether an earlier attempt created it.</source>
        <translation>OCS ya contiene lo que %1 intentó crear (EXISTS). Verifica si un intento anterior lo creó.</translation>
    </message>
    <message>
        <source>The OCS rejected %1 because required fields are missing: %2. Check the parameters of this task in its playbook.</source>
        <translation>OCS rechazó %1 porque faltan campos obligatorios: %2. Verifica los parámetros de esta tarea en su libro de jugadas.</translation>
    </message>
    <message>
        <source>The OCS reported an internal error for %1: %2. Check the OCS logs and its database, then retry.</source>
        <translation>OCS informó un error interno para %1: %2. Revisa los registros de OCS y su base de datos, y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The OCS refused %1 because account &quot;%2&quot; has insufficient credit. Top up the account or check its balances.</source>
        <translation>OCS rechazó %1 porque la cuenta &quot;%2&quot; no tiene saldo suficiente. Recarga la cuenta o revisa sus saldos.</translation>
    </message>
    <message>
        <source>The OCS refused %1 because account &quot;%2&quot; is disabled. Enable the account in the OCS, then retry.</source>
        <translation>OCS rechazó %1 porque la cuenta &quot;%2&quot; está deshabilitada. Habilita la cuenta en OCS y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The OCS is busy: too many requests at once. Wait a moment, then retry; if it keeps happening, raise its concurrent request limit.</source>
        <translation>OCS está ocupado: demasiadas solicitudes a la vez. Espera un momento y vuelve a intentarlo; si sigue ocurriendo, aumenta su límite de solicitudes simultáneas.</translation>
    </message>
    <message>
        <source>The OCS does not know the method %1. Check that the address in Settings points to CGRateS and that its version supports this method.</source>
        <translation>OCS no reconoce el método %1. Verifica que la dirección en Configuración apunte a CGRateS y que su versión admita este método.</translation>
    </message>
    <message>
        <source>The OCS rejected %1: %2. Check the OCS logs for details.</source>
        <translation>OCS rechazó %1: %2. Revisa los registros de OCS para más detalles.</translation>
    </message>
    <message>
        <source>The address of the %1 is not set. Enter it in Settings.</source>
        <translation>La dirección de %1 no está configurada. Introdúcela en Configuración.</translation>
    </message>
    <message>
        <source>Unable to connect to %1 at %2. Check that it is online and that its address in Settings is right.</source>
        <translation>No se pudo conectar a %1 en %2. Verifica que esté en línea y que su dirección en Configuración sea correcta.</translation>
    </message>
    <message>
        <source>The %1 at %2 did not answer within %3 seconds. Check that it is running and not overloaded, then retry.</source>
        <translation>%1 en %2 no respondió en %3 segundos. Verifica que esté en ejecución y no esté sobrecargado, y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The secure connection to the %1 at %2 failed. Check its certificate, the CA bundle set for it in Settings, and whether the address should start with http or https.</source>
        <translation>La conexión segura con %1 en %2 falló. Verifica su certificado, el paquete de CA configurado para él en Configuración y si la dirección debe empezar por http o https.</translation>
    </message>
    <message>
        <source>The %1 at %2 closed the connection before answering. Check its logs for a crash or restart, then retry.</source>
        <translation>%1 en %2 cerró la conexión antes de responder. Revisa sus registros en busca de un fallo o reinicio, y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The request to the %1 at %2 failed: %3. Check the network connection and the address in Settings.</source>
        <translation>La solicitud a %1 en %2 falló: %3. Verifica la conexión de red y la dirección en Configuración.</translation>
    </message>
    <message>
        <source>The %1 at %2 reported an internal error (HTTP %3). Check its logs, then retry.</source>
        <translation>%1 en %2 informó un error interno (HTTP %3). Revisa sus registros y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The %1 at %2 rejected the request (HTTP %3). Check that its address in Settings points to the right service.</source>
        <translation>%1 en %2 rechazó la solicitud (HTTP %3). Verifica que su dirección en Configuración apunte al servicio correcto.</translation>
    </message>
    <message>
        <source>The %1 at %2 sent a reply that could not be read. Check that its address in Settings points to the %1 and not to another service.</source>
        <translation>%1 en %2 envió una respuesta que no se pudo leer. Verifica que su dirección en Configuración apunte a %1 y no a otro servicio.</translation>
    </message>
    <message>
        <source>The IPTV middleware refused the API key. Check the IPTV middleware key in Settings.</source>
        <translation>El middleware IPTV rechazó la clave de API. Verifica la clave del middleware IPTV en Configuración.</translation>
    </message>
    <message>
        <source>The IPTV middleware rejected the request for device %1: %2. Check the device serial and the channel packages of the plan.</source>
        <translation>El middleware IPTV rechazó la solicitud para el dispositivo %1: %2. Verifica el número de serie del dispositivo y los paquetes de canales del plan.</translation>
    </message>
    <message>
        <source>The IPTV middleware has no device with serial %1. Check the serial; the device may have been deactivated already.</source>
        <translation>El middleware IPTV no tiene ningún dispositivo con el número de serie %1. Verifica el número de serie; es posible que el dispositivo ya se haya desactivado.</translation>
    </message>
    <message>
        <source>Device %1 is already active on another account in the IPTV middleware. Check the serial, or deactivate the device there first.</source>
        <translation>El dispositivo %1 ya está activo en otra cuenta del middleware IPTV. Verifica el número de serie o desactiva primero el dispositivo allí.</translation>
    </message>
    <message>
        <source>The HSS refused the provisioning key. Check the HSS provisioning key in Settings; it must match the one in the PyHSS configuration.</source>
        <translation>El HSS rechazó la clave de aprovisionamiento. Verifica la clave de aprovisionamiento del HSS en Configuración; debe coincidir con la de la configuración de PyHSS.</translation>
    </message>
    <message>
        <source>The HSS already has authentication data (AuC) for IMSI %1 or for its ICCID. Check the SIM card, or remove the old AuC from the HSS first.</source>
        <translation>El HSS ya tiene datos de autenticación (AuC) para el IMSI %1 o para su ICCID. Verifica la tarjeta SIM o elimina primero el AuC antiguo del HSS.</translation>
    </message>
    <message>
        <source>The HSS already has a subscriber with IMSI %1, or its AuC is already in use. Check the IMSI, or remove the old subscriber from the HSS first.</source>
        <translation>El HSS ya tiene un suscriptor con el IMSI %1, o su AuC ya está en uso. Verifica el IMSI o elimina primero el suscriptor antiguo del HSS.</translation>
    </message>
    <message>
        <source>The HSS rejected %1: %2. Check the subscriber and SIM data sent by this task.</source>
        <translation>El HSS rechazó %1: %2. Verifica los datos del suscriptor y de la SIM enviados por esta tarea.</translation>
    </message>
    <message>
        <source>The HSS has no subscriber with IMSI %1. Check the IMSI, or create the subscriber first.</source>
        <translation>El HSS no tiene ningún suscriptor con el IMSI %1. Verifica el IMSI o crea primero el suscriptor.</translation>
    </message>
    <message>
        <source>The HSS has no AuC with id %1. It may have been removed already; check the HSS.</source>
        <translation>El HSS no tiene ningún AuC con el id %1. Es posible que ya se haya eliminado; revisa el HSS.</translation>
    </message>
    <message>
        <source>The HSS has no subscriber with id %1. It may have been removed already; check the HSS.</source>
        <translation>El HSS no tiene ningún suscriptor con el id %1. Es posible que ya se haya eliminado; revisa el HSS.</translation>
    </message>
    <message>
        <source>The %1 at %2 presented a certificate that is not signed by a trusted CA. Set the CA bundle in Settings or check the server&apos;s certificate.</source>
        <translation>%1 en %2 presentó un certificado que no está firmado por una CA de confianza. Configura el paquete de CA en Configuración o verifica el certificado del servidor.</translation>
    </message>
    <message>
        <source>The certificate of the %1 at %2 was issued for another host name. Use the name in its certificate in the address in Settings, or check the server&apos;s certificate.</source>
        <translation>El certificado de %1 en %2 se emitió para otro nombre de host. Usa el nombre de su certificado en la dirección de Configuración o verifica el certificado del servidor.</translation>
    </message>
    <message>
        <source>The certificate of the %1 at %2 has expired or is not valid yet. Renew the server&apos;s certificate or check this computer&apos;s clock.</source>
        <translation>El certificado de %1 en %2 ha caducado o aún no es válido. Renueva el certificado del servidor o verifica el reloj de este equipo.</translation>
    </message>
    <message>
        <source>The %1 at %2 requires a client certificate and did not accept ours. Set the client certificate and key for it in Settings, signed by a CA the %1 trusts.</source>
        <translation>%1 en %2 requiere un certificado de cliente y no aceptó el nuestro. Configura para él en Configuración el certificado de cliente y la clave, firmados por una CA en la que %1 confíe.</translation>
    </message>
    <message>
        <source>Unable to connect to the %1 (osmo-hlr CTRL) at %2. Check that osmo-hlr is running, that its configuration binds &quot;ctrl&quot; to that address, and the hss_ctrl setting.</source>
        <translation>No se pudo conectar a %1 (osmo-hlr CTRL) en %2. Verifica que osmo-hlr esté en ejecución, que su configuración asocie &quot;ctrl&quot; a esa dirección, y la opción hss_ctrl.</translation>
    </message>
    <message>
        <source>The %1 (osmo-hlr CTRL) at %2 did not answer within %3 seconds. Check that osmo-hlr is running and not overloaded, then retry.</source>
        <translation>%1 (osmo-hlr CTRL) en %2 no respondió en %3 segundos. Verifica que osmo-hlr esté en ejecución y no esté sobrecargado, y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The %1 (osmo-hlr CTRL) at %2 closed the connection before answering. Check the osmo-hlr log for a crash or restart, then retry.</source>
        <translation>%1 (osmo-hlr CTRL) en %2 cerró la conexión antes de responder. Revisa el registro de osmo-hlr en busca de un fallo o reinicio, y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The connection to the %1 (osmo-hlr CTRL) at %2 failed: %3. Check the network connection and the hss_ctrl setting.</source>
        <translation>La conexión con %1 (osmo-hlr CTRL) en %2 falló: %3. Verifica la conexión de red y la opción hss_ctrl.</translation>
    </message>
    <message>
        <source>The %1 at %2 refused %3: &quot;%4&quot;. Check the IMSI, MSISDN and SIM keys sent by this task, and the osmo-hlr log.</source>
        <translation>%1 en %2 rechazó %3: &quot;%4&quot;. Verifica el IMSI, el MSISDN y las claves de la SIM enviados por esta tarea, y el registro de osmo-hlr.</translation>
    </message>
    <message>
        <source>The %1 at %2 sent a reply that could not be read. Check that hss_ctrl points to the CTRL port of osmo-hlr (4259), not to its GSUP or VTY port.</source>
        <translation>%1 en %2 envió una respuesta que no se pudo leer. Verifica que hss_ctrl apunte al puerto CTRL de osmo-hlr (4259), no a su puerto GSUP o VTY.</translation>
    </message>
    <message>
        <source>The CA bundle %1 set for the %2 cannot be read or holds no PEM certificate. Check the file and its path in Settings.</source>
        <translation>El paquete de CA %1 configurado para %2 no se puede leer o no contiene ningún certificado PEM. Verifica el archivo y su ruta en Configuración.</translation>
    </message>
    <message>
        <source>The client certificate %1 set for the %2 cannot be read or holds no PEM certificate. Check the file and its path in Settings.</source>
        <translation>El certificado de cliente %1 configurado para %2 no se puede leer o no contiene ningún certificado PEM. Verifica el archivo y su ruta en Configuración.</translation>
    </message>
    <message>
        <source>The client key %1 set for the %2 cannot be read. It must be an unencrypted PEM private key; check the file and its path in Settings.</source>
        <translation>La clave de cliente %1 configurada para %2 no se puede leer. Debe ser una clave privada PEM sin cifrar; verifica el archivo y su ruta en Configuración.</translation>
    </message>
</context>
<context>
    <name>NetworkSimulator</name>
    <message>
        <source>The fault &quot;%1&quot; has no target. Write it as TARGET[:KIND][:once], for example APIerSv1.SetAccount:timeout.</source>
        <translation>El fallo &quot;%1&quot; no tiene destino. Escríbelo como TARGET[:KIND][:once], por ejemplo APIerSv1.SetAccount:timeout.</translation>
    </message>
    <message>
        <source>The fault target &quot;%1&quot; is not known. Use a JSON-RPC method (APIerSv1.SetAccount), a route (PUT /subscriber/) or an element (ocs, hss, iptv).</source>
        <translation>El destino de fallo &quot;%1&quot; no es conocido. Usa un método JSON-RPC (APIerSv1.SetAccount), una ruta (PUT /subscriber/) o un elemento (ocs, hss, iptv).</translation>
    </message>
    <message>
        <source>The fault kind &quot;%1&quot; is not known. Use error, error=TEXT, http500 (any 4xx or 5xx), timeout, drop or malformed, optionally followed by :once or :times=N.</source>
        <translation>El tipo de fallo &quot;%1&quot; no es conocido. Usa error, error=TEXT, http500 (cualquier 4xx o 5xx), timeout, drop o malformed, opcionalmente seguido de :once o :times=N.</translation>
    </message>
    <message>
        <source>The simulator cannot serve HTTPS: the certificate %1, its key or the client CA bundle cannot be read. Check the files (PEM, key unencrypted).</source>
        <translation>El simulador no puede servir HTTPS: no se puede leer el certificado %1, su clave o el paquete de CA de clientes. Verifica los archivos (PEM, clave sin cifrar).</translation>
    </message>
</context>
<context>
    <name>Playbook</name>
    <message>
        <source>The playbook name &quot;%1&quot; is not valid. Check the product&apos;s provisioning play.</source>
        <translation>El nombre de libro de jugadas &quot;%1&quot; no es válido. Verifica el libro de jugadas de aprovisionamiento configurado en el producto.</translation>
    </message>
    <message>
        <source>The playbook &quot;%1&quot; was not found. Check the product&apos;s provisioning play and the playbook directory in Settings.</source>
        <translation>No se encontró el libro de jugadas &quot;%1&quot;. Verifica el libro de jugadas de aprovisionamiento configurado en el producto y el directorio de libros de jugadas en Configuración.</translation>
    </message>
    <message>
        <source>The playbook &quot;%1&quot; is not valid JSON with a list of tasks. Correct the file.</source>
        <translation>El libro de jugadas &quot;%1&quot; no es un JSON válido con una lista de tareas. Corrige el archivo.</translation>
    </message>
    <message>
        <source>A task of the playbook &quot;%1&quot; has no label or no action. Correct the file.</source>
        <translation>Una tarea del libro de jugadas &quot;%1&quot; no tiene etiqueta o acción. Corrige el archivo.</translation>
    </message>
    <message>
        <source>The playbook &quot;%1&quot; needs values the order does not have (%2). Check the product&apos;s inventory items and provisioning variables.</source>
        <translation>El libro de jugadas &quot;%1&quot; necesita valores que el pedido no tiene (%2). Verifica los elementos de inventario y las variables de aprovisionamiento del producto.</translation>
    </message>
    <message>
        <source>Validating customer account</source>
        <translation>Validando cuenta del cliente</translation>
    </message>
    <message>
        <source>Assigning SIM Card (ICCID: %1)</source>
        <translation>Asignando Tarjeta SIM (ICCID: %1)</translation>
    </message>
    <message>
        <source>Assigning Mobile Number (%1)</source>
        <translation>Asignando Número Móvil (%1)</translation>
    </message>
    <message>
        <source>Activating SIM in HLR/HSS (IMSI: %1)</source>
        <translation>Activando SIM en HLR/HSS (IMSI: %1)</translation>
    </message>
    <message>
        <source>Configuring OCS account</source>
        <translation>Configurando cuenta OCS</translation>
    </message>
    <message>
        <source>Creating service record</source>
        <translation>Creando registro de servicio</translation>
    </message>
    <message>
        <source>Sending welcome email</source>
        <translation>Enviando correo electrónico de bienvenida</translation>
    </message>
    <message>
        <source>Assigning CPE Modem (%1)</source>
        <translation>Asignando Módem CPE (%1)</translation>
    </message>
    <message>
        <source>Creating RADIUS user (%1)</source>
        <translation>Creando usuario RADIUS (%1)</translation>
    </message>
    <message>
        <source>Assigning Set-top Box (%1)</source>
        <translation>Asignando Decodificador (%1)</translation>
    </message>
    <message>
        <source>Activating set-top box on IPTV middleware</source>
        <translation>Activando decodificador en el middleware IPTV</translation>
    </message>
    <message>
        <source>Assigning SIP DID (%1)</source>
        <translation>Asignando DID SIP (%1)</translation>
    </message>
    <message>
        <source>Creating SIP subscriber (%1)</source>
        <translation>Creando suscriptor SIP (%1)</translation>
    </message>
    <message>
        <source>Updating channel packages on set-top box (%1)</source>
        <translation>Actualizando paquetes de canales en el decodificador (%1)</translation>
    </message>
    <message>
        <source>Undoing: %1</source>
        <translation>Deshaciendo: %1</translation>
    </message>
    <message>
        <source>Removing RADIUS user (%1)</source>
        <translation>Eliminando usuario RADIUS (%1)</translation>
    </message>
    <message>
        <source>Removing SIP subscriber (%1)</source>
        <translation>Eliminando suscriptor SIP (%1)</translation>
    </message>
    <message>
        <source>Removing OCS account</source>
        <translation>Eliminando cuenta OCS</translation>
    </message>
    <message>
        <source>Deactivating SIM in HLR/HSS (IMSI: %1)</source>
        <translation>Desactivando SIM en HLR/HSS (IMSI: %1)</translation>
    </message>
    <message>
        <source>Deactivating set-top box on IPTV middleware</source>
        <translation>Desactivando decodificador en el middleware IPTV</translation>
    </message>
    <message>
        <source>Cancelling service record</source>
        <translation>Cancelando registro de servicio</translation>
    </message>
    <message>
        <source>Adding %1 to the OCS account</source>
        <translation>Agregando %1 a la cuenta de OCS</translation>
    </message>
    <message>
        <source>Reading balance</source>
        <translation>Leyendo saldo</translation>
    </message>
    <message>
        <source>Activating add-on</source>
        <translation>Activando complemento</translation>
    </message>
</context>
<context>
    <name>Provisioning</name>
    <message>
        <source>Provisioning timed out after %1 seconds. Check the provisioning logs for the step that hung and that the OCS and network systems are online, then retry.</source>
        <translation>El aprovisionamiento superó el tiempo de espera tras %1 segundos. Revisa en los registros de aprovisionamiento el paso que se quedó atascado, verifica que OCS y los sistemas de red estén en línea y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The playbook asks for the unknown action &quot;%1&quot;. Correct the playbook &quot;%2&quot;.</source>
        <translation>El libro de jugadas solicita la acción desconocida &quot;%1&quot;. Corrige el libro de jugadas &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Provision ID %1 does not exist. Check the number in the Provisioning list.</source>
        <translation>El ID de Aprovisionamiento %1 no existe. Verifica el número en la lista de Aprovisionamiento.</translation>
    </message>
    <message>
        <source>Provision ID %1 has not failed (it is %2), so there is nothing to retry.</source>
        <translation>El aprovisionamiento con ID %1 no ha fallado (estado: %2), así que no hay nada que reintentar.</translation>
    </message>
</context>
<context>
    <name>ProvisioningAction</name>
    <message>
        <source>Customer %1 does not exist any more. Check the customer record.</source>
        <translation>El cliente %1 ya no existe. Verifica el registro del cliente.</translation>
    </message>
    <message>
        <source>The account of %1 is not active. Reactivate the customer, then retry.</source>
        <translation>La cuenta de %1 no está activa. Reactiva el cliente y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>%1 is not reserved for this service any more (status %2). Pick another item and assign the plan again.</source>
        <translation>%1 ya no está reservado para este servicio (estado %2). Elige otro elemento y vuelve a asignar el plan.</translation>
    </message>
    <message>
        <source>No address is set for the %1. Set it in Settings, then retry.</source>
        <translation>No hay ninguna dirección configurada para %1. Configúrala en Configuración y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The customer has no valid email address (%1). Correct it on the customer record, then retry.</source>
        <translation>El cliente no tiene una dirección de correo electrónico válida (%1). Corrígela en el registro del cliente y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Cannot write to the mail outbox. Check the outbox folder in Settings.</source>
        <translation>No se puede escribir en la bandeja de salida de correo. Verifica la carpeta de la bandeja de salida en Configuración.</translation>
    </message>
    <message>
        <source>No database is set for the %1. Set it in Settings, then retry.</source>
        <translation>No hay ninguna base de datos configurada para %1. Configúrala en Configuración y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The %1 database %2 could not be updated. Check that it is reachable and that the address in Settings is right, then retry.</source>
        <translation>No se pudo actualizar la base de datos %2 de %1. Verifica que esté accesible y que la dirección en Configuración sea correcta, y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The RADIUS user has no name or no service. Correct the playbook &quot;%1&quot;.</source>
        <translation>El usuario RADIUS no tiene nombre o servicio. Corrige el libro de jugadas &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The plan&apos;s rate limit &quot;%1&quot; is not a download/upload rate such as 100M/20M. Correct the product&apos;s provisioning variables.</source>
        <translation>El límite de velocidad &quot;%1&quot; del plan no es una velocidad de descarga/subida como 100M/20M. Corrige las variables de aprovisionamiento del producto.</translation>
    </message>
    <message>
        <source>The modem&apos;s MAC address &quot;%1&quot; is not valid. Correct the inventory item, then retry.</source>
        <translation>La dirección MAC &quot;%1&quot; del módem no es válida. Corrige el elemento de inventario y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The RADIUS password could not be hashed. Check the system&apos;s random number source, then retry.</source>
        <translation>No se pudo generar el hash de la contraseña RADIUS. Verifica la fuente de números aleatorios del sistema y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The SIP subscriber has no number, no domain or no service. Set the SIP domain in Settings or on the product, then retry.</source>
        <translation>El suscriptor SIP no tiene número, dominio o servicio. Configura el dominio SIP en Configuración o en el producto y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>No sender address is set for the mail server. Set the sender (from) address in the mail settings, then retry.</source>
        <translation>No hay ninguna dirección de remitente configurada para el servidor de correo. Configura la dirección del remitente (from) en la configuración de correo y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The add-on has no balance to add (type &quot;%1&quot;, amount &quot;%2&quot;). Check the product&apos;s provisioning variables balance_type and balance_value.</source>
        <translation>El complemento no tiene saldo que agregar (tipo &quot;%1&quot;, cantidad &quot;%2&quot;). Verifica las variables de aprovisionamiento balance_type y balance_value del producto.</translation>
    </message>
    <message>
        <source>Add-on %1 does not exist any more. Check the service&apos;s add-ons.</source>
        <translation>El complemento %1 ya no existe. Verifica los complementos del servicio.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Nobody is signed in. Sign in with your staff login and password first.</source>
        <translation>No hay ninguna sesión iniciada. Inicia sesión primero con tu usuario de empleado y tu contraseña.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow assigning plans. Ask an administrator.</source>
        <translation>Tu rol (%1) no permite asignar planes. Consulta a un administrador.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow retrying provisioning. Ask an administrator.</source>
        <translation>Tu rol (%1) no permite reintentar el aprovisionamiento. Consulta a un administrador.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow amending bundles. Ask an administrator.</source>
        <translation>Tu rol (%1) no permite modificar paquetes. Consulta a un administrador.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow managing staff accounts. Ask an administrator.</source>
        <translation>Tu rol (%1) no permite gestionar cuentas de empleados. Consulta a un administrador.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow loading demo data. Ask an administrator.</source>
        <translation>Tu rol (%1) no permite cargar datos de demostración. Consulta a un administrador.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow this action. Ask an administrator.</source>
        <translation>Tu rol (%1) no permite esta acción. Consulta a un administrador.</translation>
    </message>
    <message>
        <source>Store staff</source>
        <translation>Personal de tienda</translation>
    </message>
    <message>
        <source>Billing clerk</source>
        <translation>Empleado de facturación</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow importing inventory. Ask an administrator.</source>
        <translation>Tu rol (%1) no permite importar inventario. Consulta a un administrador.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow cancelling services. Ask an administrator.</source>
        <translation>Tu rol (%1) no permite cancelar servicios. Consulta a un administrador.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow creating or changing customers. Ask an administrator.</source>
        <translation>Tu rol (%1) no permite crear ni modificar clientes. Consulta a un administrador.</translation>
    </message>
</context>
<context>
    <name>ServiceVerifier</name>
    <message>
        <source>present</source>
        <translation>presente</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>ausente</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>sin respuesta</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>Then verify the service again.</source>
        <translation>Después, vuelve a verificar el servicio.</translation>
    </message>
    <message>
        <source>The %1 still has %2 although the service is cancelled.</source>
        <translation>%1 todavía tiene %2 aunque el servicio está cancelado.</translation>
    </message>
    <message>
        <source>The %1 has no record of %2 for this service.</source>
        <translation>%1 no tiene ningún registro de %2 para este servicio.</translation>
    </message>
    <message>
        <source>Service status</source>
        <translation>Estado del servicio</translation>
    </message>
    <message>
        <source>Switchboard shows the service as &quot;%1&quot; instead of &quot;%2&quot;.</source>
        <translation>Switchboard muestra el servicio como &quot;%1&quot; en lugar de &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Account %1</source>
        <translation>Cuenta %1</translation>
    </message>
    <message>
        <source>Account enabled</source>
        <translation>Cuenta habilitada</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>habilitado</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deshabilitado</translation>
    </message>
    <message>
        <source>The OCS account %1 is disabled.</source>
        <translation>La cuenta %1 de OCS está deshabilitada.</translation>
    </message>
    <message>
        <source>Balance %1</source>
        <translation>Saldo %1</translation>
    </message>
    <message>
        <source>The OCS account %1 has no %2 balance.</source>
        <translation>La cuenta %1 de OCS no tiene saldo %2.</translation>
    </message>
    <message>
        <source>Subscriber IMSI %1</source>
        <translation>Suscriptor IMSI %1</translation>
    </message>
    <message>
        <source>Subscriber enabled</source>
        <translation>Suscriptor habilitado</translation>
    </message>
    <message>
        <source>The %1 subscriber %2 is disabled.</source>
        <translation>El suscriptor %2 de %1 está deshabilitado.</translation>
    </message>
    <message>
        <source>User %1</source>
        <translation>Usuario %1</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Límite de velocidad</translation>
    </message>
    <message>
        <source>The RADIUS user %1 has a rate limit that differs from the product&apos;s.</source>
        <translation>El usuario RADIUS %1 tiene un límite de velocidad distinto del del producto.</translation>
    </message>
    <message>
        <source>Calling-Station-Id (modem)</source>
        <translation>Calling-Station-Id (módem)</translation>
    </message>
    <message>
        <source>The RADIUS user %1 is bound to another modem than the one assigned to the service.</source>
        <translation>El usuario RADIUS %1 está vinculado a un módem distinto del asignado al servicio.</translation>
    </message>
    <message>
        <source>Subscriber %1</source>
        <translation>Suscriptor %1</translation>
    </message>
    <message>
        <source>Set-top box %1</source>
        <translation>Decodificador %1</translation>
    </message>
    <message>
        <source>Device status</source>
        <translation>Estado del dispositivo</translation>
    </message>
    <message>
        <source>Set-top box %1 is not active on the IPTV middleware (status %2).</source>
        <translation>El decodificador %1 no está activo en el middleware IPTV (estado %2).</translation>
    </message>
    <message>
        <source>Device account</source>
        <translation>Cuenta del dispositivo</translation>
    </message>
    <message>
        <source>Set-top box %1 is active on another account on the IPTV middleware.</source>
        <translation>El decodificador %1 está activo en otra cuenta en el middleware IPTV.</translation>
    </message>
    <message>
        <source>Channel packages</source>
        <translation>Paquetes de canales</translation>
    </message>
    <message>
        <source>Set-top box %1 has other channel packages on the IPTV middleware than the plan.</source>
        <translation>El decodificador %1 tiene en el middleware IPTV paquetes de canales distintos de los del plan.</translation>
    </message>
    <message>
        <source>Retry the cancel job on the Provisioning page, or remove it from the %1 by hand.</source>
        <translation>Reintenta el trabajo de cancelación en la página Aprovisionamiento o elimínalo de %1 manualmente.</translation>
    </message>
    <message>
        <source>Re-run provisioning with Retry on the Provisioning page.</source>
        <translation>Vuelve a ejecutar el aprovisionamiento con Reintentar en la página Aprovisionamiento.</translation>
    </message>
    <message>
        <source>Cancel the service and assign the plan again, or correct it on the %1 by hand.</source>
        <translation>Cancela el servicio y vuelve a asignar el plan, o corrígelo en %1 manualmente.</translation>
    </message>
    <message>
        <source>MSISDN</source>
        <translation>MSISDN</translation>
    </message>
    <message>
        <source>The %1 subscriber %2 has another MSISDN than the number assigned to the service.</source>
        <translation>El suscriptor %2 de %1 tiene un MSISDN distinto del número asignado al servicio.</translation>
    </message>
    <message>
        <source>Authentication keys (Ki, OPc)</source>
        <translation>Claves de autenticación (Ki, OPc)</translation>
    </message>
    <message>
        <source>The %1 has no authentication keys for IMSI %2.</source>
        <translation>%1 no tiene claves de autenticación para el IMSI %2.</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Credenciales</translation>
    </message>
    <message>
        <source>match the service</source>
        <translation>coinciden con el servicio</translation>
    </message>
    <message>
        <source>do not match</source>
        <translation>no coinciden</translation>
    </message>
    <message>
        <source>The credentials of %1 on the %2 are not the ones of this service.</source>
        <translation>Las credenciales de %1 en %2 no son las de este servicio.</translation>
    </message>
    <message>
        <source>The %1 database %2 could not be read. Check that it is reachable and that the address in Settings is right.</source>
        <translation>No se pudo leer la base de datos de %1 %2. Verifica que sea accesible y que la dirección en Configuración sea correcta.</translation>
    </message>
    <message>
        <source>Service %1 does not exist. Check the service ID.</source>
        <translation>El servicio %1 no existe. Verifica el ID del servicio.</translation>
    </message>
</context>
<context>
    <name>Services</name>
    <message>
        <source>Service %1 does not exist.</source>
        <translation>El servicio %1 no existe.</translation>
    </message>
</context>
<context>
    <name>SettingsFile</name>
    <message>
        <source>The settings file %1 does not exist or cannot be read. Check the path given with --config.</source>
        <translation>El archivo de configuración %1 no existe o no se puede leer. Verifica la ruta indicada con --config.</translation>
    </message>
    <message>
        <source>The settings file %1 is not an INI file that Switchboard can read. Check its contents.</source>
        <translation>El archivo de configuración %1 no es un archivo INI que Switchboard pueda leer. Verifica su contenido.</translation>
    </message>
</context>
<context>
    <name>SimImport</name>
    <message>
        <source>Cannot read the SIM batch file %1. Check the path and its permissions.</source>
        <translation>No se puede leer el archivo de lote de SIM %1. Verifica la ruta y sus permisos.</translation>
    </message>
    <message>
        <source>Line %1: the var_out line must name the ICCID, IMSI and KI columns, for example &quot;var_out: ICCID/IMSI/KI&quot;. Nothing was imported.</source>
        <translation>Línea %1: la línea var_out debe nombrar las columnas ICCID, IMSI y KI, por ejemplo &quot;var_out: ICCID/IMSI/KI&quot;. No se importó nada.</translation>
    </message>
    <message>
        <source>Line %1 of the SIM batch file is not understood: before the var_out line only &quot;Name : value&quot; header lines and &apos;*&apos; comments may appear. Nothing was imported.</source>
        <translation>La línea %1 del archivo de lote de SIM no se entiende: antes de la línea var_out solo pueden aparecer líneas de encabezado &quot;Nombre : valor&quot; y comentarios &apos;*&apos;. No se importó nada.</translation>
    </message>
    <message>
        <source>Line %1: the row has %2 values, but var_out names %3 columns. Correct the SIM batch file; nothing was imported.</source>
        <translation>Línea %1: la fila tiene %2 valores, pero var_out nombra %3 columnas. Corrige el archivo de lote de SIM; no se importó nada.</translation>
    </message>
    <message>
        <source>Line %1: &quot;%2&quot; is not an ICCID (18 to 20 digits). Correct the SIM batch file; nothing was imported.</source>
        <translation>Línea %1: &quot;%2&quot; no es un ICCID (de 18 a 20 dígitos). Corrige el archivo de lote de SIM; no se importó nada.</translation>
    </message>
    <message>
        <source>Line %1: &quot;%2&quot; is not an IMSI (6 to 15 digits). Correct the SIM batch file; nothing was imported.</source>
        <translation>Línea %1: &quot;%2&quot; no es un IMSI (de 6 a 15 dígitos). Corrige el archivo de lote de SIM; no se importó nada.</translation>
    </message>
    <message>
        <source>Line %1: the encrypted Ki must be 32 hexadecimal digits. Correct the SIM batch file; nothing was imported.</source>
        <translation>Línea %1: el Ki cifrado debe tener 32 dígitos hexadecimales. Corrige el archivo de lote de SIM; no se importó nada.</translation>
    </message>
    <message>
        <source>Line %1: ICCID %2 appears a second time in the file. Correct the SIM batch file; nothing was imported.</source>
        <translation>Línea %1: el ICCID %2 aparece por segunda vez en el archivo. Corrige el archivo de lote de SIM; no se importó nada.</translation>
    </message>
    <message>
        <source>Line %1: IMSI %2 appears a second time in the file. Correct the SIM batch file; nothing was imported.</source>
        <translation>Línea %1: el IMSI %2 aparece por segunda vez en el archivo. Corrige el archivo de lote de SIM; no se importó nada.</translation>
    </message>
    <message>
        <source>The SIM batch file has no var_out line naming its columns (for example &quot;var_out: ICCID/IMSI/KI&quot;). Nothing was imported.</source>
        <translation>El archivo de lote de SIM no tiene ninguna línea var_out que nombre sus columnas (por ejemplo &quot;var_out: ICCID/IMSI/KI&quot;). No se importó nada.</translation>
    </message>
    <message>
        <source>The SIM batch file lists no cards. Nothing was imported.</source>
        <translation>El archivo de lote de SIM no incluye ninguna tarjeta. No se importó nada.</translation>
    </message>
    <message>
        <source>The header says Quantity %1, but the file lists %2 cards. The file may be cut short; ask the vendor for it again. Nothing was imported.</source>
        <translation>El encabezado indica Quantity %1, pero el archivo incluye %2 tarjetas. Es posible que el archivo esté incompleto; vuelve a pedírselo al proveedor. No se importó nada.</translation>
    </message>
    <message>
        <source>The header&apos;s Ki_iv must be 32 hexadecimal digits. Nothing was imported.</source>
        <translation>El Ki_iv del encabezado debe tener 32 dígitos hexadecimales. No se importó nada.</translation>
    </message>
    <message>
        <source>The SIM batch file uses the cipher &quot;%1&quot;, which is not supported. Ask the vendor for AES-128-ECB or AES-128-CBC. Nothing was imported.</source>
        <translation>El archivo de lote de SIM usa el cifrado &quot;%1&quot;, que no es compatible. Pide al proveedor AES-128-ECB o AES-128-CBC. No se importó nada.</translation>
    </message>
    <message>
        <source>The batch was encrypted under the transport key with check value %1, but the key in %2 has check value %3. Use the transport key of this batch; nothing was imported.</source>
        <translation>El lote se cifró con la clave de transporte con valor de verificación %1, pero la clave de %2 tiene el valor de verificación %3. Usa la clave de transporte de este lote; no se importó nada.</translation>
    </message>
    <message>
        <source>The OP must be 32 hexadecimal digits. Nothing was imported.</source>
        <translation>El OP debe tener 32 dígitos hexadecimales. No se importó nada.</translation>
    </message>
    <message>
        <source>Line %1: SIM card %2 is already in the inventory (%3 cards of this file are). Remove those rows; nothing was imported.</source>
        <translation>Línea %1: la tarjeta SIM %2 ya está en el inventario (%3 tarjetas de este archivo ya lo están). Elimina esas filas; no se importó nada.</translation>
    </message>
</context>
<context>
    <name>SimKeys</name>
    <message>
        <source>The SIM card has no encrypted Ki. Import its SIM batch file with the transport key, then retry.</source>
        <translation>La tarjeta SIM no tiene Ki cifrado. Importa su archivo de lote de SIM con la clave de transporte y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>No transport key is configured to decrypt the SIM card&apos;s Ki. Set [sim] transport_key_file in the settings file to the key of its SIM batch, then retry.</source>
        <translation>No hay ninguna clave de transporte configurada para descifrar el Ki de la tarjeta SIM. Configura [sim] transport_key_file en el archivo de configuración con la clave de su lote de SIM y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The SIM card&apos;s Ki is encrypted under the transport key with check value %1, but the key in %2 has check value %3. Set [sim] transport_key_file in the settings file to the key of this SIM batch, then retry.</source>
        <translation>El Ki de la tarjeta SIM está cifrado con la clave de transporte con valor de verificación %1, pero la clave de %2 tiene el valor de verificación %3. Configura [sim] transport_key_file en el archivo de configuración con la clave de este lote de SIM y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The SIM card has no OPc and no operator OP is set to derive it. Set [sim] op (32 hexadecimal digits) in the settings file, then retry.</source>
        <translation>La tarjeta SIM no tiene OPc y no hay ningún OP del operador configurado para derivarlo. Configura [sim] op (32 dígitos hexadecimales) en el archivo de configuración y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The SIM keys could not be decrypted. Check the OpenSSL installation.</source>
        <translation>No se pudieron descifrar las claves de la SIM. Verifica la instalación de OpenSSL.</translation>
    </message>
    <message>
        <source>A transport key must be 32 hexadecimal digits (AES-128).</source>
        <translation>Una clave de transporte debe tener 32 dígitos hexadecimales (AES-128).</translation>
    </message>
    <message>
        <source>Cannot read the transport key file %1. Check the path and its permissions.</source>
        <translation>No se puede leer el archivo de clave de transporte %1. Verifica la ruta y sus permisos.</translation>
    </message>
    <message>
        <source>The transport key file %1 does not hold a key. It must contain the 32 hexadecimal digits of the AES-128 transport key on one line.</source>
        <translation>El archivo de clave de transporte %1 no contiene ninguna clave. Debe contener los 32 dígitos hexadecimales de la clave de transporte AES-128 en una sola línea.</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>The login or password is not correct. Check both and try again.</source>
        <translation>El usuario o la contraseña no son correctos. Verifica ambos y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The password must have at least %1 characters. Choose a longer one.</source>
        <translation>La contraseña debe tener al menos %1 caracteres. Elige una más larga.</translation>
    </message>
    <message>
        <source>The password could not be protected (the system&apos;s random number generator failed). Try again.</source>
        <translation>No se pudo proteger la contraseña (falló el generador de números aleatorios del sistema). Vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>%1 cannot be signed in automatically on a shared PostgreSQL database. Sign in with your staff login and password.</source>
        <translation>No se puede iniciar sesión automáticamente como %1 en una base de datos PostgreSQL compartida. Inicia sesión con tu usuario de empleado y tu contraseña.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid login. Use 1 to 64 letters, digits, dots, hyphens, underscores or @.</source>
        <translation>&quot;%1&quot; no es un usuario válido. Usa de 1 a 64 letras, dígitos, puntos, guiones, guiones bajos o @.</translation>
    </message>
    <message>
        <source>There is already a staff account called %1. Choose another login, or change its password instead.</source>
        <translation>Ya existe una cuenta de empleado llamada %1. Elige otro usuario o, en su lugar, cambia su contraseña.</translation>
    </message>
    <message>
        <source>There is no staff account called %1. Check the login in the list of staff accounts.</source>
        <translation>No existe ninguna cuenta de empleado llamada %1. Verifica el usuario en la lista de cuentas de empleados.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Business</source>
        <translation>Empresarial</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>Add-ons</source>
        <translation>Complementos</translation>
    </message>
    <message>
        <source>Service Plans</source>
        <translation>Planes de Servicio</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Móvil</translation>
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
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>In Stock</source>
        <translation>En Stock</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reservado</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Asignado</translation>
    </message>
    <message>
        <source>Faulty</source>
        <translation>Defectuoso</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Devuelto</translation>
    </message>
    <message>
        <source>Pending provisioning</source>
        <translation>Aprovisionamiento pendiente</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Not activated</source>
        <translation>No activado</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendido</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En ejecución</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Exitoso</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Omitido</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>The database could not %1. Check that it is reachable and try again.</source>
        <translation>La base de datos no pudo %1. Verifica que esté accesible y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Cannot open the database %1. Check the address, the credentials and that the server is running.</source>
        <translation>No se puede abrir la base de datos %1. Verifica la dirección, las credenciales y que el servidor esté en ejecución.</translation>
    </message>
    <message>
        <source>prepare a query</source>
        <translation>preparar una consulta</translation>
    </message>
    <message>
        <source>run a query</source>
        <translation>ejecutar una consulta</translation>
    </message>
    <message>
        <source>save a record</source>
        <translation>guardar un registro</translation>
    </message>
    <message>
        <source>save the change</source>
        <translation>guardar el cambio</translation>
    </message>
    <message>
        <source>The database has schema version %1 but this program knows only up to %2. Install the newer Switchboard that created it.</source>
        <translation>La base de datos tiene la versión de esquema %1, pero este programa solo conoce hasta la %2. Instala la versión más reciente de Switchboard que la creó.</translation>
    </message>
</context>
<context>
    <name>WelcomeMail</name>
    <message>
        <source>Welcome to %1</source>
        <translation>Te damos la bienvenida a %1</translation>
    </message>
    <message>
        <source>Dear %1,</source>
        <translation>Hola, %1:</translation>
    </message>
    <message>
        <source>Your service %1 is now active.</source>
        <translation>Tu servicio %1 ya está activo.</translation>
    </message>
    <message>
        <source>If you have any questions, simply reply to this email and we will help you.</source>
        <translation>Si tienes alguna pregunta, simplemente responde a este correo electrónico y te ayudaremos.</translation>
    </message>
    <message>
        <source>Kind regards,</source>
        <translation>Saludos cordiales,</translation>
    </message>
    <message>
        <source>Your customer care team</source>
        <translation>Tu equipo de atención al cliente</translation>
    </message>
    <message>
        <source>Your sign-in details:</source>
        <translation>Tus datos de acceso:</translation>
    </message>
    <message>
        <source>User name: %1</source>
        <translation>Nombre de usuario: %1</translation>
    </message>
    <message>
        <source>Password: %1</source>
        <translation>Contraseña: %1</translation>
    </message>
    <message>
        <source>SIP domain: %1</source>
        <translation>Dominio SIP: %1</translation>
    </message>
    <message>
        <source>Keep this password safe. We will never ask you for it by email or phone.</source>
        <translation>Guarda esta contraseña en un lugar seguro. Nunca te la pediremos por correo electrónico ni por teléfono.</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>--%1 must be a whole number from %2 to %3, not &quot;%4&quot;.</source>
        <translation>--%1 debe ser un número entero de %2 a %3, no &quot;%4&quot;.</translation>
    </message>
    <message>
        <source>Runs provisioning jobs from a shared Switchboard database.</source>
        <translation>Ejecuta los trabajos de aprovisionamiento de una base de datos compartida de Switchboard.</translation>
    </message>
    <message>
        <source>The database URL (default: the embedded SQLite file).</source>
        <translation>La URL de la base de datos (predeterminada: el archivo SQLite integrado).</translation>
    </message>
    <message>
        <source>How many jobs run at once (default 1).</source>
        <translation>Cuántos trabajos se ejecutan a la vez (predeterminado: 1).</translation>
    </message>
    <message>
        <source>How long a job stays claimed without a heartbeat, in milliseconds (default 60000).</source>
        <translation>Cuánto tiempo permanece reservado un trabajo sin señal de vida (heartbeat), en milisegundos (predeterminado: 60000).</translation>
    </message>
    <message>
        <source>Stopping: each running job finishes its current task and goes back to the queue.</source>
        <translation>Deteniendo: cada trabajo en ejecución termina su tarea actual y vuelve a la cola.</translation>
    </message>
    <message numerus="yes">
        <source>Provisioning worker %1 runs up to %n job(s) at once on %2. Stop it with SIGTERM or Ctrl+C.</source>
        <translation>
            <numerusform>El proceso de aprovisionamiento %1 ejecuta hasta %n trabajo a la vez en %2. Detenlo con SIGTERM o Ctrl+C.</numerusform>
            <numerusform>El proceso de aprovisionamiento %1 ejecuta hasta %n trabajos a la vez en %2. Detenlo con SIGTERM o Ctrl+C.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Provisioning worker %1 stopped after finishing %n job(s).</source>
        <translation>
            <numerusform>El proceso de aprovisionamiento %1 se detuvo tras finalizar %n trabajo.</numerusform>
            <numerusform>El proceso de aprovisionamiento %1 se detuvo tras finalizar %n trabajos.</numerusform>
        </translation>
    </message>
    <message>
        <source>The settings file (INI, as the GUI&apos;s Settings dialog writes it) with the network elements and, without --db, the database (default: the user&apos;s settings).</source>
        <translation>El archivo de configuración (INI, tal como lo escribe el cuadro de diálogo Configuración de la interfaz gráfica) con los elementos de red y, sin --db, la base de datos (predeterminado: la configuración del usuario).</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Switchboard: assign plans and provision services for telecom customers.</source>
        <translation>Switchboard: asigna planes y aprovisiona servicios para clientes de telecomunicaciones.</translation>
    </message>
    <message>
        <source>Database URL (sqlite:///path or postgresql://…).</source>
        <translation>URL de la base de datos (sqlite:///path o postgresql://…).</translation>
    </message>
    <message>
        <source>Language: en, pt_BR, fr or es.</source>
        <translation>Idioma: en, pt_BR, fr o es.</translation>
    </message>
    <message>
        <source>Save screenshots of the assign-plan flow to DIR, then exit.</source>
        <translation>Guarda capturas de pantalla del flujo de asignación de planes en DIR y sale.</translation>
    </message>
</context>
<context>
    <name>sb::AddContactDialog</name>
    <message>
        <source>Add Contact</source>
        <translation>Agregar Contacto</translation>
    </message>
    <message>
        <source>A new contact of %1.</source>
        <translation>Un nuevo contacto de %1.</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Facturación</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Correo electrónico:</translation>
    </message>
    <message>
        <source>name@example.com (optional)</source>
        <translation>name@example.com (opcional)</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Opcional</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Agregar</translation>
    </message>
</context>
<context>
    <name>sb::AddSiteDialog</name>
    <message>
        <source>Add Site</source>
        <translation>Agregar Sitio</translation>
    </message>
    <message>
        <source>A new installation site of %1.</source>
        <translation>Un nuevo sitio de instalación de %1.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>e.g. Head office</source>
        <translation>p. ej., Oficina central</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Agregar</translation>
    </message>
</context>
<context>
    <name>sb::AddonPickerDialog</name>
    <message>
        <source>Add-ons — %1</source>
        <translation>Complementos — %1</translation>
    </message>
    <message>
        <source>Add-ons for %1</source>
        <translation>Complementos para %1</translation>
    </message>
    <message>
        <source>Add-ons for %1 services of %2. Select one and click Continue; it is added to this service, no new service is created.</source>
        <translation>Complementos para servicios %1 de %2. Selecciona uno y haz clic en Continuar; se agrega a este servicio, no se crea ningún servicio nuevo.</translation>
    </message>
    <message>
        <source>Add-on</source>
        <translation>Complemento</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Facturación</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>%1 + %2 / month</source>
        <translation>%1 + %2 / mes</translation>
    </message>
    <message>
        <source>%1 / month</source>
        <translation>%1 / mes</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Mensual</translation>
    </message>
    <message>
        <source>One-time</source>
        <translation>Único</translation>
    </message>
    <message>
        <source>Loading the add-ons…</source>
        <translation>Cargando los complementos…</translation>
    </message>
    <message>
        <source>No add-ons are available for %1 services of %2 customers.</source>
        <translation>No hay complementos disponibles para servicios %1 de clientes %2.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>C&amp;ontinuar</translation>
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
        <translation>Servicios %1 Existentes:</translation>
    </message>
    <message>
        <source>• %1</source>
        <translation>• %1</translation>
    </message>
    <message>
        <source>Which service should receive this add-on?</source>
        <translation>¿Qué servicio debería recibir este complemento?</translation>
    </message>
    <message>
        <source>Add-on for: %1</source>
        <translation>Complemento para: %1</translation>
    </message>
    <message>
        <source>Looking for the services of %1 that can receive %2…</source>
        <translation>Buscando los servicios de %1 que pueden recibir %2…</translation>
    </message>
    <message>
        <source>%1 has %2 services that can receive %3. Choose one; no new service is created.</source>
        <translation>%1 tiene %2 servicios que pueden recibir %3. Elige uno; no se crea ningún servicio nuevo.</translation>
    </message>
</context>
<context>
    <name>sb::AmendBundleDialog</name>
    <message>
        <source>Amend Bundle Services</source>
        <translation>Modificar Servicios del Paquete</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Componentes</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Componente</translation>
    </message>
    <message>
        <source>Product Type</source>
        <translation>Tipo de Producto</translation>
    </message>
    <message>
        <source>Product Family</source>
        <translation>Familia de Productos</translation>
    </message>
    <message>
        <source>Monthly Cost</source>
        <translation>Costo Mensual</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>&amp;Modify…</source>
        <translation>&amp;Modificar…</translation>
    </message>
    <message>
        <source>&amp;View Product Bundle Components</source>
        <translation>&amp;Ver Componentes del Paquete de Productos</translation>
    </message>
    <message>
        <source>Preview &amp; Action Panel</source>
        <translation>Panel de Vista Previa y Acciones</translation>
    </message>
    <message>
        <source>Subscription Services to be Amended</source>
        <translation>Servicios de la Suscripción por Modificar</translation>
    </message>
    <message>
        <source>Removed Components:</source>
        <translation>Componentes Eliminados:</translation>
    </message>
    <message>
        <source>Added Components:</source>
        <translation>Componentes Agregados:</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Ver</translation>
    </message>
    <message>
        <source>The components to be removed from the bundle</source>
        <translation>Los componentes que se eliminarán del paquete</translation>
    </message>
    <message>
        <source>The components to be added to the bundle</source>
        <translation>Los componentes que se agregarán al paquete</translation>
    </message>
    <message>
        <source>Subscription Action Details</source>
        <translation>Detalles de la Acción de la Suscripción</translation>
    </message>
    <message>
        <source>&amp;Action Type:</source>
        <translation>Tipo de &amp;Acción:</translation>
    </message>
    <message>
        <source>S&amp;ub Action Type:</source>
        <translation>S&amp;ubtipo de Acción:</translation>
    </message>
    <message>
        <source>Choose an action type</source>
        <translation>Elige un tipo de acción</translation>
    </message>
    <message>
        <source>Choose a sub action type</source>
        <translation>Elige un subtipo de acción</translation>
    </message>
    <message>
        <source>Performed &amp;By User:</source>
        <translation>Realizado &amp;Por el Usuario:</translation>
    </message>
    <message>
        <source>Empty: the signed-in user (%1)</source>
        <translation>Vacío: el usuario que ha iniciado sesión (%1)</translation>
    </message>
    <message>
        <source>Performed &amp;Date:</source>
        <translation>&amp;Fecha de Realización:</translation>
    </message>
    <message>
        <source>Scheduling Information</source>
        <translation>Información de Programación</translation>
    </message>
    <message>
        <source>&amp;Now</source>
        <translation>&amp;Ahora</translation>
    </message>
    <message>
        <source>On a specific da&amp;te</source>
        <translation>En una fec&amp;ha concreta</translation>
    </message>
    <message>
        <source>After a number of da&amp;ys</source>
        <translation>Tras un número de &amp;días</translation>
    </message>
    <message>
        <source>e.g. 7</source>
        <translation>p. ej., 7</translation>
    </message>
    <message>
        <source>days</source>
        <translation>días</translation>
    </message>
    <message>
        <source>The amendment was not submitted:</source>
        <translation>La modificación no se envió:</translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation>&amp;Enviar</translation>
    </message>
    <message>
        <source>Loading the bundle…</source>
        <translation>Cargando el paquete…</translation>
    </message>
    <message>
        <source>Subscription %1 of %2 · %3 · %4</source>
        <translation>Suscripción %1 de %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Wallet balance: %1</source>
        <translation>Saldo del monedero: %1</translation>
    </message>
    <message>
        <source>To be removed</source>
        <translation>Por eliminar</translation>
    </message>
    <message>
        <source>To be added</source>
        <translation>Por agregar</translation>
    </message>
    <message>
        <source>Nothing is debited from the prepaid wallet.</source>
        <translation>No se debita nada del monedero prepago.</translation>
    </message>
    <message>
        <source>Debited from the prepaid wallet on submit: %1</source>
        <translation>Se debita del monedero prepago al enviar: %1</translation>
    </message>
    <message>
        <source>Working out the charge…</source>
        <translation>Calculando el cargo…</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>The amendment of %1 is scheduled for %2 (scheduled action %3). It is validated again when it runs.</source>
        <translation>La modificación de %1 está programada para el %2 (acción programada %3). Se vuelve a validar cuando se ejecuta.</translation>
    </message>
    <message>
        <source>%1 was amended.</source>
        <translation>%1 se ha modificado.</translation>
    </message>
    <message>
        <source>Added: %1.</source>
        <translation>Agregados: %1.</translation>
    </message>
    <message>
        <source>Removed: %1.</source>
        <translation>Eliminados: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n provisioning job(s) queued for the network.</source>
        <translation>
            <numerusform>%n trabajo de aprovisionamiento en cola para la red.</numerusform>
            <numerusform>%n trabajos de aprovisionamiento en cola para la red.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was debited from the prepaid wallet.</source>
        <translation>Se debitó %1 del monedero prepago.</translation>
    </message>
</context>
<context>
    <name>sb::AppController</name>
    <message>
        <source>Switchboard could not start</source>
        <translation>No se pudo iniciar Switchboard</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>Contraseña de la base de datos</translation>
    </message>
    <message>
        <source>Password of %1 for the database %2 on %3:</source>
        <translation>Contraseña de %1 para la base de datos %2 en %3:</translation>
    </message>
</context>
<context>
    <name>sb::AssignPlanDialog</name>
    <message>
        <source>Assign Plan — %1</source>
        <translation>Asignar Plan — %1</translation>
    </message>
    <message>
        <source>Assign %1 to %2</source>
        <translation>Asignar %1 a %2</translation>
    </message>
    <message>
        <source>Assign %1 to a customer</source>
        <translation>Asignar %1 a un cliente</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Siguiente</translation>
    </message>
    <message>
        <source>&amp;Confirm &amp;&amp; Provision</source>
        <translation>&amp;Confirmar y Aprovisionar</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Paso %1 de %2: %3</translation>
    </message>
    <message>
        <source>Select Customer</source>
        <translation>Seleccionar Cliente</translation>
    </message>
    <message>
        <source>Configure Inventory</source>
        <translation>Configurar Inventario</translation>
    </message>
    <message>
        <source>Auto-Renewal</source>
        <translation>Renovación Automática</translation>
    </message>
    <message>
        <source>Review and Confirm</source>
        <translation>Revisar y Confirmar</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Add-on — %1</source>
        <translation>Complemento — %1</translation>
    </message>
    <message>
        <source>Add %1 to %2</source>
        <translation>Agregar %1 a %2</translation>
    </message>
    <message>
        <source>Add %1 for %2</source>
        <translation>Agregar %1 para %2</translation>
    </message>
    <message>
        <source>Add %1 to a customer&apos;s service</source>
        <translation>Agregar %1 al servicio de un cliente</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>C&amp;ontinuar</translation>
    </message>
    <message>
        <source>Choose Service</source>
        <translation>Elegir Servicio</translation>
    </message>
    <message>
        <source>Business Details</source>
        <translation>Datos Empresariales</translation>
    </message>
</context>
<context>
    <name>sb::AutoRenewStep</name>
    <message>
        <source>Would you like to enable auto-renewal for this service?</source>
        <translation>¿Te gustaría habilitar la renovación automática para este servicio?</translation>
    </message>
    <message>
        <source>When enabled, this service will automatically renew at the end of each billing period and charge the customer&apos;s default payment method.</source>
        <translation>Cuando está habilitado, este servicio se renovará automáticamente al final de cada período de facturación y se cobrará al método de pago predeterminado del cliente.</translation>
    </message>
    <message>
        <source>Yes: the service renews automatically and the customer is charged monthly.
No: the service expires at the end of the contract period; renewal is manual.</source>
        <translation>Sí: el servicio se renueva automáticamente y se cobra al cliente mensualmente.
No: el servicio expira al final del período del contrato; la renovación es manual.</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Sí</translation>
    </message>
</context>
<context>
    <name>sb::BundleCompositionDialog</name>
    <message>
        <source>Product Composition</source>
        <translation>Composición del Producto</translation>
    </message>
    <message>
        <source>What the product %1 allows as components. This is only informative.</source>
        <translation>Lo que el producto %1 permite como componentes. Solo es informativo.</translation>
    </message>
    <message>
        <source>Allowed By</source>
        <translation>Permitido Por</translation>
    </message>
    <message>
        <source>Allowed Component</source>
        <translation>Componente Permitido</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Mínimo</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Máximo</translation>
    </message>
    <message>
        <source>Mandatory</source>
        <translation>Obligatorio</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sin límite</translation>
    </message>
</context>
<context>
    <name>sb::BusinessDetailsStep</name>
    <message>
        <source>Business details for %1</source>
        <translation>Datos empresariales de %1</translation>
    </message>
    <message>
        <source>Choose where the service is installed and who receives the bills and the technical notices, then fill in the fields this order asks for.</source>
        <translation>Elige dónde se instala el servicio y quién recibe las facturas y los avisos técnicos, y luego completa los campos que solicita este pedido.</translation>
    </message>
    <message>
        <source>Select Installation &amp;Site:</source>
        <translation>Seleccionar Sitio de &amp;Instalación:</translation>
    </message>
    <message>
        <source>&amp;Billing Contact:</source>
        <translation>&amp;Contacto de Facturación:</translation>
    </message>
    <message>
        <source>&amp;Technical Contact:</source>
        <translation>Contacto &amp;Técnico:</translation>
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
        <translation>%1 (requerido)</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>No definido</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* requerido</translation>
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
        <translation>Cargando los sitios, contactos y campos del pedido de %1…</translation>
    </message>
</context>
<context>
    <name>sb::CatalogPage</name>
    <message>
        <source>Product Catalog</source>
        <translation>Catálogo de Productos</translation>
    </message>
    <message>
        <source>Service Plans</source>
        <translation>Planes de Servicio</translation>
    </message>
    <message>
        <source>Add-ons</source>
        <translation>Complementos</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>Empresarial</translation>
    </message>
    <message>
        <source>Carousel</source>
        <translation>Carrusel</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Cuadrícula</translation>
    </message>
    <message>
        <source>Show only the products available to this customer type.</source>
        <translation>Mostrar solo los productos disponibles para este tipo de cliente.</translation>
    </message>
    <message>
        <source>Loading products…</source>
        <translation>Cargando productos…</translation>
    </message>
    <message>
        <source>No products available</source>
        <translation>No hay productos disponibles</translation>
    </message>
    <message>
        <source>• Toggle customer type (Individual vs Business)
• Check product catalog has enabled products
• Verify products match customer eligibility</source>
        <translation>• Alternar tipo de cliente (Individual vs Empresarial)
• Verificar que el catálogo de productos tenga productos habilitados
• Verificar que los productos coincidan con la elegibilidad del cliente</translation>
    </message>
    <message>
        <source>Any Customer</source>
        <translation>Cualquier Cliente</translation>
    </message>
    <message>
        <source>Assigning a plan to %1. Only products for %2 customers are shown.</source>
        <translation>Asignando un plan a %1. Solo se muestran productos para clientes de tipo %2.</translation>
    </message>
</context>
<context>
    <name>sb::ComponentListDialog</name>
    <message>
        <source>Added Components</source>
        <translation>Componentes Agregados</translation>
    </message>
    <message>
        <source>Removed Components</source>
        <translation>Componentes Eliminados</translation>
    </message>
    <message>
        <source>No components.</source>
        <translation>Ningún componente.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Product Type</source>
        <translation>Tipo de Producto</translation>
    </message>
    <message>
        <source>Product Family</source>
        <translation>Familia de Productos</translation>
    </message>
    <message>
        <source>Monthly Cost</source>
        <translation>Costo Mensual</translation>
    </message>
</context>
<context>
    <name>sb::CreateCustomerDialog</name>
    <message>
        <source>Create Customer</source>
        <translation>Crear Cliente</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Requerido</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Correo electrónico:</translation>
    </message>
    <message>
        <source>name@example.com (optional)</source>
        <translation>name@example.com (opcional)</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>Telé&amp;fono:</translation>
    </message>
    <message>
        <source>+44 7700 900123 (optional)</source>
        <translation>+44 7700 900123 (opcional)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Pa&amp;yment method:</source>
        <translation>Método de &amp;pago:</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <source>Direct debit</source>
        <translation>Domiciliación</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>E&amp;xpires on</source>
        <translation>&amp;Vence el</translation>
    </message>
    <message>
        <source>First site</source>
        <translation>Primer sitio</translation>
    </message>
    <message>
        <source>S&amp;ite name:</source>
        <translation>Nombre del &amp;sitio:</translation>
    </message>
    <message>
        <source>e.g. Head office (optional)</source>
        <translation>p. ej., Oficina central (opcional)</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>Billing contact (optional)</source>
        <translation>Contacto de facturación (opcional)</translation>
    </message>
    <message>
        <source>Technical contact (optional)</source>
        <translation>Contacto técnico (opcional)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>Correo electrónico:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Teléfono:</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>C&amp;rear</translation>
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
        <translation>Asignar plan</translation>
    </message>
    <message>
        <source>Add-on</source>
        <translation>Complemento</translation>
    </message>
    <message>
        <source>Cancel service</source>
        <translation>Cancelar servicio</translation>
    </message>
    <message>
        <source>Amend bundle</source>
        <translation>Modificar paquete</translation>
    </message>
    <message>
        <source>Provision ID</source>
        <translation>ID de Aprovisionamiento</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Intento</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Finalizado</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Solicitado por</translation>
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
        <translation>Nombre, ID del cliente, correo electrónico o teléfono</translation>
    </message>
    <message>
        <source>Type to search by customer name, customer ID, email address or phone number.</source>
        <translation>Escribe para buscar por nombre del cliente, ID del cliente, dirección de correo electrónico o número de teléfono.</translation>
    </message>
    <message>
        <source>Customer not found</source>
        <translation>Cliente no encontrado</translation>
    </message>
    <message>
        <source>• Create customer first</source>
        <translation>• Crear el cliente primero</translation>
    </message>
    <message>
        <source>• Try different search terms (ID, email, phone)</source>
        <translation>• Probar diferentes términos de búsqueda (ID, correo electrónico, teléfono)</translation>
    </message>
    <message>
        <source>• Check for typos</source>
        <translation>• Verificar errores tipográficos</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Create customer &quot;%1&quot;…</source>
        <translation>Crear cliente &quot;%1&quot;…</translation>
    </message>
</context>
<context>
    <name>sb::CustomersPage</name>
    <message>
        <source>Customers</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>Search by name, customer ID, email or phone</source>
        <translation>Buscar por nombre, ID del cliente, correo electrónico o teléfono</translation>
    </message>
    <message>
        <source>Search for a customer, then pick them from the list to see their details and services.</source>
        <translation>Busca un cliente y selecciónalo en la lista para ver sus detalles y servicios.</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>Correo electrónico:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Teléfono:</translation>
    </message>
    <message>
        <source>&amp;Add Service</source>
        <translation>&amp;Agregar Servicio</translation>
    </message>
    <message>
        <source>Assign a plan from the catalog to this customer.</source>
        <translation>Asignar un plan del catálogo a este cliente.</translation>
    </message>
    <message>
        <source>Customer not found</source>
        <translation>Cliente no encontrado</translation>
    </message>
    <message>
        <source>• Create customer first</source>
        <translation>• Crear el cliente primero</translation>
    </message>
    <message>
        <source>• Try different search terms (ID, email, phone)</source>
        <translation>• Probar diferentes términos de búsqueda (ID, correo electrónico, teléfono)</translation>
    </message>
    <message>
        <source>• Check for typos</source>
        <translation>• Verificar errores tipográficos</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Facturación</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>&amp;New Customer…</source>
        <translation>&amp;Nuevo Cliente…</translation>
    </message>
    <message>
        <source>Create a customer (individual or business).</source>
        <translation>Crea un cliente (individual o empresarial).</translation>
    </message>
    <message>
        <source>Payment method:</source>
        <translation>Método de pago:</translation>
    </message>
    <message>
        <source>Add-&amp;ons…</source>
        <translation>C&amp;omplementos…</translation>
    </message>
    <message>
        <source>Buy an add-on, such as a data boost, for the selected active service.</source>
        <translation>Compra un complemento, como un bono de datos, para el servicio activo seleccionado.</translation>
    </message>
    <message>
        <source>Add-on</source>
        <translation>Complemento</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Monthly Cost</source>
        <translation>Costo Mensual</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>Comprado</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Sitios</translation>
    </message>
    <message>
        <source>Add S&amp;ite…</source>
        <translation>Agregar S&amp;itio…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Add &amp;Contact…</source>
        <translation>Agregar &amp;Contacto…</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Every provisioning job of this customer, newest first. Double-click a job (or press Enter) to see its log.</source>
        <translation>Todos los trabajos de aprovisionamiento de este cliente, del más reciente al más antiguo. Haz doble clic en un trabajo (o presiona Enter) para ver su registro.</translation>
    </message>
    <message>
        <source>&amp;Services</source>
        <translation>&amp;Servicios</translation>
    </message>
    <message>
        <source>Sites &amp;&amp; Con&amp;tacts</source>
        <translation>Sitios &amp;&amp; Con&amp;tactos</translation>
    </message>
    <message>
        <source>Provisioning &amp;History</source>
        <translation>&amp;Historial de Aprovisionamiento</translation>
    </message>
    <message>
        <source>Create customer &quot;%1&quot;…</source>
        <translation>Crear cliente &quot;%1&quot;…</translation>
    </message>
    <message>
        <source>Opens Create Customer with what you typed filled in.</source>
        <translation>Abre Crear Cliente con lo que escribiste ya completado.</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <source>Direct debit</source>
        <translation>Débito automático</translation>
    </message>
    <message>
        <source>%1 (valid until %2)</source>
        <translation>%1 (válido hasta el %2)</translation>
    </message>
    <message>
        <source>%1 (expired on %2)</source>
        <translation>%1 (venció el %2)</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Services (%n)</source>
        <translation>
            <numerusform>&amp;Servicios (%n)</numerusform>
            <numerusform>&amp;Servicios (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sites (%n)</source>
        <translation>
            <numerusform>Sitios (%n)</numerusform>
            <numerusform>Sitios (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Contacts (%n)</source>
        <translation>
            <numerusform>Contactos (%n)</numerusform>
            <numerusform>Contactos (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a service to see its add-ons.</source>
        <translation>Selecciona un servicio para ver sus complementos.</translation>
    </message>
    <message>
        <source>No add-ons on %1.</source>
        <translation>No hay complementos en %1.</translation>
    </message>
    <message>
        <source>Add-ons on %1:</source>
        <translation>Complementos en %1:</translation>
    </message>
</context>
<context>
    <name>sb::ElementSettingsPage</name>
    <message>
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Verify the server&apos;s certificate (recommended)</source>
        <translation>Verificar el certificado del servidor (recomendado)</translation>
    </message>
    <message>
        <source>Verification is off: Switchboard accepts any certificate, so an impostor could receive the data sent to this element.</source>
        <translation>La verificación está desactivada: Switchboard acepta cualquier certificado, por lo que un impostor podría recibir los datos enviados a este elemento.</translation>
    </message>
    <message>
        <source>Require STARTTLS (the mail is never sent unencrypted)</source>
        <translation>Exigir STARTTLS (el correo nunca se envía sin cifrar)</translation>
    </message>
    <message>
        <source>PyHSS (REST API)</source>
        <translation>PyHSS (API REST)</translation>
    </message>
    <message>
        <source>osmo-hlr (CTRL interface)</source>
        <translation>osmo-hlr (interfaz CTRL)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Default (%1 s)</source>
        <translation>Predeterminado (%1 s)</translation>
    </message>
    <message>
        <source>Empty addresses use the built-in simulator or the embedded defaults. Switchboard uses these settings from its next start; switchboard-worker and switchboard-ctl read the same file (--config FILE).</source>
        <translation>Las direcciones vacías usan el simulador integrado o los valores integrados predeterminados. Switchboard usa esta configuración a partir de su próximo inicio; switchboard-worker y switchboard-ctl leen el mismo archivo (--config FILE).</translation>
    </message>
    <message>
        <source>(stored — type to replace)</source>
        <translation>(guardada — escribe para reemplazar)</translation>
    </message>
    <message>
        <source>Turn off certificate verification?</source>
        <translation>¿Desactivar la verificación del certificado?</translation>
    </message>
    <message>
        <source>Without verification Switchboard accepts any certificate from the %1, so an impostor could receive customer data and keys. Turn it off only for a test server.

Turn verification off?</source>
        <translation>Sin verificación, Switchboard acepta cualquier certificado de %1, por lo que un impostor podría recibir datos de clientes y claves. Desactívala solo para un servidor de pruebas.

¿Desactivar la verificación?</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>Archivos PEM (*.pem *.crt *.cer *.key);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Correct the fields marked in red, then test again.</source>
        <translation>Corrige los campos marcados en rojo y vuelve a probar.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
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
        <translation>N.º de serie</translation>
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
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>The operation could not be completed. Check the connection to the database and try again.</source>
        <translation>No se pudo completar la operación. Verifica la conexión con la base de datos y vuelve a intentarlo.</translation>
    </message>
</context>
<context>
    <name>sb::ImportCsvDialog</name>
    <message>
        <source>Import CSV</source>
        <translation>Importar CSV</translation>
    </message>
    <message>
        <source>Import CSV — %1</source>
        <translation>Importar CSV — %1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>CSV file:</source>
        <translation>Archivo CSV:</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Ningún archivo elegido</translation>
    </message>
    <message>
        <source>Counting rows…</source>
        <translation>Contando filas…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n fila</numerusform>
            <numerusform>%n filas</numerusform>
        </translation>
    </message>
    <message>
        <source>C&amp;hoose File…</source>
        <translation>E&amp;legir Archivo…</translation>
    </message>
    <message>
        <source>Columns: customer (ID, email or phone), product (slug), and optionally auto_renew, site, billing_contact, technical_contact, custom fields and inventory items.</source>
        <translation>Columnas: customer (ID, correo electrónico o teléfono), product (slug) y, opcionalmente, auto_renew, site, billing_contact, technical_contact, campos personalizados y elementos de inventario.</translation>
    </message>
    <message>
        <source>Max jobs in &amp;flight:</source>
        <translation>Máximo de trabajos en &amp;curso:</translation>
    </message>
    <message>
        <source>At most this many provisioning jobs of this import are queued or running at once, so the provisioning queue is not overloaded and other orders still get through. The next row is submitted when one of them ends.</source>
        <translation>Como máximo, esta cantidad de trabajos de aprovisionamiento de esta importación está en cola o en ejecución a la vez, para que la cola de aprovisionamiento no se sobrecargue y los demás pedidos sigan pasando. La siguiente fila se envía cuando termina uno de ellos.</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validación</translation>
    </message>
    <message>
        <source>&amp;Validate (Dry Run)</source>
        <translation>&amp;Validar (Simulación)</translation>
    </message>
    <message>
        <source>Check every row against the live catalog, customers and inventory without changing anything.</source>
        <translation>Comprobar cada fila con el catálogo, los clientes y el inventario actuales, sin cambiar nada.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>C&amp;opy Errors</source>
        <translation>C&amp;opiar Errores</translation>
    </message>
    <message>
        <source>Save &amp;Errors…</source>
        <translation>Guardar &amp;Errores…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importación</translation>
    </message>
    <message>
        <source>Pending:</source>
        <translation>Pendientes:</translation>
    </message>
    <message>
        <source>In flight:</source>
        <translation>En curso:</translation>
    </message>
    <message>
        <source>Succeeded:</source>
        <translation>Exitosas:</translation>
    </message>
    <message>
        <source>Failed:</source>
        <translation>Fallidas:</translation>
    </message>
    <message>
        <source>Rejected:</source>
        <translation>Rechazadas:</translation>
    </message>
    <message>
        <source>Cancelled:</source>
        <translation>Canceladas:</translation>
    </message>
    <message>
        <source>&amp;Start Import</source>
        <translation>&amp;Iniciar Importación</translation>
    </message>
    <message>
        <source>Assign the valid rows; rows with errors are skipped.</source>
        <translation>Asignar las filas válidas; las filas con errores se omiten.</translation>
    </message>
    <message>
        <source>Cancel &amp;Import</source>
        <translation>Cancelar &amp;Importación</translation>
    </message>
    <message>
        <source>Submit no more rows; jobs already queued still finish.</source>
        <translation>No enviar más filas; los trabajos que ya están en cola terminan igualmente.</translation>
    </message>
    <message>
        <source>&amp;Retry Failed Rows</source>
        <translation>&amp;Reintentar Filas Fallidas</translation>
    </message>
    <message>
        <source>Run the failed provisioning jobs of this import again; no second service is created.</source>
        <translation>Volver a ejecutar los trabajos de aprovisionamiento fallidos de esta importación; no se crea ningún segundo servicio.</translation>
    </message>
    <message>
        <source>Save Re&amp;port…</source>
        <translation>Guardar &amp;Informe…</translation>
    </message>
    <message>
        <source>A CSV file with the line, status, service ID, job ID and error of every row.</source>
        <translation>Un archivo CSV con la línea, el estado, el ID del servicio, el ID del trabajo y el error de cada fila.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Validating every row…</source>
        <translation>Validando todas las filas…</translation>
    </message>
    <message>
        <source>Choose a CSV file, then validate it.</source>
        <translation>Elige un archivo CSV y valídalo.</translation>
    </message>
    <message>
        <source>Validate the file to see the rows with errors.</source>
        <translation>Valida el archivo para ver las filas con errores.</translation>
    </message>
    <message>
        <source>This file cannot be imported. See the problem above the table.</source>
        <translation>Este archivo no se puede importar. Consulta el problema encima de la tabla.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) valid</source>
        <translation>
            <numerusform>%n fila válida</numerusform>
            <numerusform>%n filas válidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with errors</source>
        <translation>
            <numerusform>%n fila con errores</numerusform>
            <numerusform>%n filas con errores</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Archivos CSV (*.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Save Errors</source>
        <translation>Guardar Errores</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Errors saved to %1.</source>
        <translation>Errores guardados en %1.</translation>
    </message>
    <message numerus="yes">
        <source>Assign plans for %n row(s)? Each row creates a service and a provisioning job.</source>
        <translation>
            <numerusform>¿Asignar planes para %n fila? Cada fila crea un servicio y un trabajo de aprovisionamiento.</numerusform>
            <numerusform>¿Asignar planes para %n filas? Cada fila crea un servicio y un trabajo de aprovisionamiento.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with errors will be skipped; the report lists them as rejected.</source>
        <translation>
            <numerusform>%n fila con errores se omitirá; el informe la indica como rechazada.</numerusform>
            <numerusform>%n filas con errores se omitirán; el informe las indica como rechazadas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Start Import</source>
        <translation>Iniciar Importación</translation>
    </message>
    <message>
        <source>Not Now</source>
        <translation>Ahora No</translation>
    </message>
    <message>
        <source>%1 of %2 rows done</source>
        <translation>%1 de %2 filas completadas</translation>
    </message>
    <message numerus="yes">
        <source>Import finished. %n row(s) failed: save the report to see why, or retry them.</source>
        <translation>
            <numerusform>Importación finalizada. %n fila falló: guarda el informe para ver por qué o vuelve a intentarla.</numerusform>
            <numerusform>Importación finalizada. %n filas fallaron: guarda el informe para ver por qué o vuelve a intentarlas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import finished. Every valid row was assigned.</source>
        <translation>Importación finalizada. Se asignaron todas las filas válidas.</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled. Waiting for %n job(s) already queued to end.</source>
        <translation>
            <numerusform>Cancelada. Esperando a que termine %n trabajo que ya está en cola.</numerusform>
            <numerusform>Cancelada. Esperando a que terminen %n trabajos que ya están en cola.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import cancelled. Rows not submitted are marked cancelled in the report.</source>
        <translation>Importación cancelada. Las filas no enviadas aparecen como canceladas en el informe.</translation>
    </message>
    <message>
        <source>Importing… The import goes on if you close this window, and resumes after a restart.</source>
        <translation>Importando… La importación continúa si cierras esta ventana y se reanuda después de un reinicio.</translation>
    </message>
    <message>
        <source>This import was interrupted. It goes on when you open it again.</source>
        <translation>Esta importación se interrumpió. Continúa cuando vuelvas a abrirla.</translation>
    </message>
    <message>
        <source>Cancel Import</source>
        <translation>Cancelar Importación</translation>
    </message>
    <message>
        <source>Submit no more rows of this import? Rows not submitted yet are marked cancelled; jobs already queued still finish.</source>
        <translation>¿No enviar más filas de esta importación? Las filas aún no enviadas se marcarán como canceladas; los trabajos que ya están en cola terminan igualmente.</translation>
    </message>
    <message>
        <source>Keep Importing</source>
        <translation>Seguir Importando</translation>
    </message>
    <message>
        <source>Save Report</source>
        <translation>Guardar Informe</translation>
    </message>
    <message>
        <source>Report saved to %1.</source>
        <translation>Informe guardado en %1.</translation>
    </message>
    <message>
        <source>Close Import</source>
        <translation>Cerrar Importación</translation>
    </message>
    <message>
        <source>The import keeps running in the background while Switchboard is open, and resumes after a restart. Close this window?</source>
        <translation>La importación sigue ejecutándose en segundo plano mientras Switchboard esté abierto y se reanuda después de un reinicio. ¿Cerrar esta ventana?</translation>
    </message>
    <message>
        <source>Keep Running in Background</source>
        <translation>Seguir en Segundo Plano</translation>
    </message>
    <message>
        <source>Stay Here</source>
        <translation>Quedarme Aquí</translation>
    </message>
</context>
<context>
    <name>sb::ImportCsvLauncher</name>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Importar CSV…</translation>
    </message>
    <message>
        <source>Assign plans to many customers at once from a CSV file.</source>
        <translation>Asignar planes a muchos clientes a la vez desde un archivo CSV.</translation>
    </message>
    <message>
        <source>The import of %1 was interrupted.</source>
        <translation>La importación de %1 se interrumpió.</translation>
    </message>
    <message>
        <source>Resume Import</source>
        <translation>Reanudar Importación</translation>
    </message>
    <message>
        <source>Bulk import finished: %1 succeeded, %2 failed, %3 rejected.</source>
        <translation>Importación masiva finalizada: %1 exitosas, %2 fallidas, %3 rechazadas.</translation>
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
        <translation>Requerido</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1 (requerido)</translation>
    </message>
    <message>
        <source>No inventory available</source>
        <translation>No hay inventario disponible</translation>
    </message>
    <message>
        <source>• Add more inventory items to system
• Check item status (should be &quot;New&quot; or &quot;In Stock&quot;)
• Verify inventory template names match product requirements</source>
        <translation>• Agregar más elementos de inventario al sistema
• Verificar el estado del elemento (debería ser &quot;Nuevo&quot; o &quot;En Stock&quot;)
• Verificar que los nombres de las plantillas de inventario coincidan con los requisitos del producto</translation>
    </message>
    <message>
        <source>Select %1…</source>
        <translation>Seleccionar %1…</translation>
    </message>
    <message>
        <source>Reserving %1…</source>
        <translation>Reservando %1…</translation>
    </message>
    <message>
        <source>The reservation of %1 has expired. Pick an item again.</source>
        <translation>La reserva de %1 ha caducado. Elige un elemento de nuevo.</translation>
    </message>
    <message>
        <source>Reserved for %1</source>
        <translation>Reservado durante %1</translation>
    </message>
    <message>
        <source>Loading available items…</source>
        <translation>Cargando elementos disponibles…</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) available. The item you pick is reserved for this order.</source>
        <translation>
            <numerusform>%n elemento disponible. El elemento que elijas queda reservado para este pedido.</numerusform>
            <numerusform>%n elementos disponibles. El elemento que elijas queda reservado para este pedido.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::InventoryStep</name>
    <message>
        <source>Required Inventory Items:</source>
        <translation>Elementos de Inventario Requeridos:</translation>
    </message>
    <message>
        <source>An asterisk (*) marks a required item. Only items that are New or In Stock are shown; the items you pick are reserved until you confirm or cancel.</source>
        <translation>Un asterisco (*) indica un elemento requerido. Solo se muestran elementos con estado Nuevo o En Stock; los elementos que elijas quedan reservados hasta que confirmes o canceles.</translation>
    </message>
</context>
<context>
    <name>sb::JobLogDialog</name>
    <message>
        <source>Provisioning Log — Provision ID %1</source>
        <translation>Registro de Aprovisionamiento — ID de Aprovisionamiento %1</translation>
    </message>
    <message>
        <source>Provision ID: %1 · %2 · attempt %3 · requested by %4 on %5</source>
        <translation>ID de Aprovisionamiento: %1 · %2 · intento %3 · solicitado por %4 el %5</translation>
    </message>
    <message>
        <source>&amp;Copy All</source>
        <translation>&amp;Copiar Todo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>%1 %2. %3 — %4</source>
        <translation>%1 %2. %3 — %4</translation>
    </message>
    <message>
        <source>    Action: %1</source>
        <translation>    Acción: %1</translation>
    </message>
    <message>
        <source>    Started: %1   Finished: %2</source>
        <translation>    Inicio: %1   Fin: %2</translation>
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
        <translation>Error del trabajo: %1</translation>
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
        <translation>ID de Aprovisionamiento</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
</context>
<context>
    <name>sb::LoginDialog</name>
    <message>
        <source>Sign In to Switchboard</source>
        <translation>Iniciar Sesión en Switchboard</translation>
    </message>
    <message>
        <source>This database is shared. Sign in with your staff login and password.</source>
        <translation>Esta base de datos es compartida. Inicia sesión con tu usuario de empleado y tu contraseña.</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>&amp;Iniciar Sesión</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
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
        <translation>Catálogo</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Servicios</translation>
    </message>
    <message>
        <source>Provisioning</source>
        <translation>Aprovisionamiento</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About Switchboard</source>
        <translation>&amp;Acerca de Switchboard</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Búsqueda</translation>
    </message>
    <message>
        <source>Search Customers:</source>
        <translation>Buscar Clientes:</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de datos: %1</translation>
    </message>
    <message>
        <source>Provisioning worker: running in this application</source>
        <translation>Proceso de aprovisionamiento: en ejecución en esta aplicación</translation>
    </message>
    <message>
        <source>Provisioning worker: external</source>
        <translation>Proceso de aprovisionamiento: externo</translation>
    </message>
    <message>
        <source>Network: built-in simulator</source>
        <translation>Red: simulador integrado</translation>
    </message>
    <message>
        <source>Network: %1</source>
        <translation>Red: %1</translation>
    </message>
    <message>
        <source>About Switchboard</source>
        <translation>Acerca de Switchboard</translation>
    </message>
    <message>
        <source>&lt;b&gt;Switchboard %1&lt;/b&gt;&lt;br&gt;Assign plans, provision services and follow provisioning jobs for mobile, internet, IPTV and VoIP customers.</source>
        <translation>&lt;b&gt;Switchboard %1&lt;/b&gt;&lt;br&gt;Asigna planes, aprovisiona servicios y sigue los trabajos de aprovisionamiento de clientes de móvil, internet, IPTV y VoIP.</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>A&amp;dministración</translation>
    </message>
    <message>
        <source>Loading Demo Data…</source>
        <translation>Cargando Datos de Demostración…</translation>
    </message>
    <message>
        <source>Load &amp;Demo Data</source>
        <translation>Cargar &amp;Datos de Demostración</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Sesión iniciada como %1 (%2)</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Sin sesión iniciada</translation>
    </message>
    <message>
        <source>Adds the demo operator&apos;s products, inventory and customers.</source>
        <translation>Agrega los productos, el inventario y los clientes del operador de demostración.</translation>
    </message>
    <message>
        <source>Demo Data</source>
        <translation>Datos de Demostración</translation>
    </message>
    <message>
        <source>The demo data is in place.</source>
        <translation>Los datos de demostración están listos.</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Suscripciones</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
</context>
<context>
    <name>sb::ProductCard</name>
    <message>
        <source>%1 / month</source>
        <translation>%1 / mes</translation>
    </message>
    <message>
        <source>Setup fee: %1</source>
        <translation>Tarifa de configuración: %1</translation>
    </message>
    <message>
        <source>Assign to Customer</source>
        <translation>Asignar a Cliente</translation>
    </message>
    <message>
        <source>Assign %1 to a customer</source>
        <translation>Asignar %1 a un cliente</translation>
    </message>
</context>
<context>
    <name>sb::ProductCardsView</name>
    <message>
        <source>Previous products (Left arrow)</source>
        <translation>Productos anteriores (flecha izquierda)</translation>
    </message>
    <message>
        <source>Next products (Right arrow)</source>
        <translation>Productos siguientes (flecha derecha)</translation>
    </message>
    <message numerus="yes">
        <source>Showing %1–%2 of %n product(s)</source>
        <translation>
            <numerusform>Mostrando %1–%2 de %n producto</numerusform>
            <numerusform>Mostrando %1–%2 de %n productos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::ProvisioningPage</name>
    <message>
        <source>Provisioning Jobs</source>
        <translation>Trabajos de Aprovisionamiento</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>Show the progress of the selected job, with View Logs and Retry.</source>
        <translation>Mostrar el progreso del trabajo seleccionado, con Ver Registros y Reintentar.</translation>
    </message>
</context>
<context>
    <name>sb::ProvisioningProgressDialog</name>
    <message>
        <source>Provisioning Progress</source>
        <translation>Progreso del Aprovisionamiento</translation>
    </message>
    <message>
        <source>Provisioning</source>
        <translation>Aprovisionamiento</translation>
    </message>
    <message>
        <source>Provisioning %1</source>
        <translation>Aprovisionando %1</translation>
    </message>
    <message>
        <source>Service ID:</source>
        <translation>ID del Servicio:</translation>
    </message>
    <message>
        <source>Service Name:</source>
        <translation>Nombre del Servicio:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>The service record has been created but provisioning did not complete. Please review the error and retry.</source>
        <translation>El registro de servicio ha sido creado pero el aprovisionamiento no se completó. Por favor, revisa el error y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Provision ID:</source>
        <translation>ID de Aprovisionamiento:</translation>
    </message>
    <message>
        <source>&amp;View Service</source>
        <translation>&amp;Ver Servicio</translation>
    </message>
    <message>
        <source>View &amp;Logs</source>
        <translation>Ver Re&amp;gistros</translation>
    </message>
    <message>
        <source>Retrying…</source>
        <translation>Reintentando…</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Provisioning continues in the background. Reopen it from the Provisioning page.</source>
        <translation>El aprovisionamiento continúa en segundo plano. Vuelve a abrirlo desde la página Aprovisionamiento.</translation>
    </message>
    <message>
        <source>Loading provisioning tasks…</source>
        <translation>Cargando tareas de aprovisionamiento…</translation>
    </message>
    <message>
        <source>%1 (in progress...)</source>
        <translation>%1 (en progreso...)</translation>
    </message>
    <message>
        <source>Progress: %1 of %2 tasks completed</source>
        <translation>Progreso: %1 de %2 tareas completadas</translation>
    </message>
    <message>
        <source>Provisioning stopped without a reason. Open the logs for details.</source>
        <translation>El aprovisionamiento se detuvo sin motivo. Abre los registros para ver los detalles.</translation>
    </message>
    <message>
        <source>Service successfully provisioned</source>
        <translation>Servicio aprovisionado con éxito</translation>
    </message>
    <message>
        <source>Service successfully provisioned for %1</source>
        <translation>Servicio aprovisionado con éxito para %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>Balance now:</source>
        <translation>Saldo actual:</translation>
    </message>
    <message>
        <source>%1 successfully added</source>
        <translation>%1 agregado con éxito</translation>
    </message>
    <message>
        <source>%1 successfully added for %2</source>
        <translation>%1 agregado con éxito para %2</translation>
    </message>
    <message>
        <source>Not read back from the OCS</source>
        <translation>No se volvió a leer de OCS</translation>
    </message>
</context>
<context>
    <name>sb::QueueMonitorPage</name>
    <message>
        <source>Provisioning Queue</source>
        <translation>Cola de Aprovisionamiento</translation>
    </message>
    <message>
        <source>Jobs by status</source>
        <translation>Trabajos por estado</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Trabajos</translation>
    </message>
    <message>
        <source>Jobs finished per minute</source>
        <translation>Trabajos finalizados por minuto</translation>
    </message>
    <message>
        <source>Minute</source>
        <translation>Minuto</translation>
    </message>
    <message>
        <source>Jobs per minute</source>
        <translation>Trabajos por minuto</translation>
    </message>
    <message>
        <source>Network element</source>
        <translation>Elemento de red</translation>
    </message>
    <message>
        <source>Task duration (ms)</source>
        <translation>Duración de la tarea (ms)</translation>
    </message>
    <message>
        <source>Median (p50)</source>
        <translation>Mediana (p50)</translation>
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
        <translation>%1 en cola</translation>
    </message>
    <message>
        <source>%1 running</source>
        <translation>%1 en ejecución</translation>
    </message>
    <message>
        <source>%1 succeeded</source>
        <translation>%1 exitosos</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fallidos</translation>
    </message>
    <message numerus="yes">
        <source>Task duration per network element, last %n minute(s)</source>
        <translation>
            <numerusform>Duración de las tareas por elemento de red, último %n minuto</numerusform>
            <numerusform>Duración de las tareas por elemento de red, últimos %n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No task finished in the last %n minute(s).</source>
        <translation>
            <numerusform>Ninguna tarea finalizada en el último %n minuto.</numerusform>
            <numerusform>Ninguna tarea finalizada en los últimos %n minutos.</numerusform>
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
        <translation>Correo</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>Inventario</translation>
    </message>
    <message>
        <source>Service</source>
        <extracomment>network element axis of the queue monitor: the service record in our database; keep it short</extracomment>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Customer</source>
        <extracomment>network element axis of the queue monitor: the customer account check; keep it short</extracomment>
        <translation>Cliente</translation>
    </message>
</context>
<context>
    <name>sb::ReviewStep</name>
    <message>
        <source>Check every selection, then click Confirm &amp; Provision to start provisioning.</source>
        <translation>Revisa cada selección y haz clic en Confirmar y Aprovisionar para iniciar el aprovisionamiento.</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Cliente:</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>Producto:</translation>
    </message>
    <message>
        <source>Inventory:</source>
        <translation>Inventario:</translation>
    </message>
    <message>
        <source>Pricing:</source>
        <translation>Precios:</translation>
    </message>
    <message>
        <source>Setup Fee:</source>
        <translation>Tarifa de Configuración:</translation>
    </message>
    <message>
        <source>Monthly Cost:</source>
        <translation>Costo Mensual:</translation>
    </message>
    <message>
        <source>Auto-Renew:</source>
        <translation>Renovación Automática:</translation>
    </message>
    <message>
        <source>• %1: %2</source>
        <translation>• %1: %2</translation>
    </message>
    <message>
        <source>None required</source>
        <translation>Ninguno requerido</translation>
    </message>
    <message>
        <source>Add-on for:</source>
        <translation>Complemento para:</translation>
    </message>
    <message>
        <source>%1 (ID: %2)</source>
        <translation>%1 (ID: %2)</translation>
    </message>
    <message>
        <source>One-time Price:</source>
        <translation>Precio Único:</translation>
    </message>
    <message>
        <source>Monthly Price:</source>
        <translation>Precio Mensual:</translation>
    </message>
    <message>
        <source>Installation Site:</source>
        <translation>Sitio de Instalación:</translation>
    </message>
    <message>
        <source>Billing Contact:</source>
        <translation>Contacto de Facturación:</translation>
    </message>
    <message>
        <source>Technical Contact:</source>
        <translation>Contacto Técnico:</translation>
    </message>
    <message>
        <source>Order Details:</source>
        <translation>Detalles del Pedido:</translation>
    </message>
    <message>
        <source>%1 - %2</source>
        <translation>%1 - %2</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
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
        <translation>Seleccionar Componentes</translation>
    </message>
    <message>
        <source>Components of %1. Only the products the bundle allows are listed.</source>
        <translation>Componentes de %1. Solo se muestran los productos que permite el paquete.</translation>
    </message>
    <message>
        <source>&amp;View Product Bundle Components</source>
        <translation>&amp;Ver Componentes del Paquete de Productos</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filtros</translation>
    </message>
    <message>
        <source>&amp;Product:</source>
        <translation>&amp;Producto:</translation>
    </message>
    <message>
        <source>Part of the product name</source>
        <translation>Parte del nombre del producto</translation>
    </message>
    <message>
        <source>Product &amp;Type:</source>
        <translation>&amp;Tipo de Producto:</translation>
    </message>
    <message>
        <source>Product &amp;Family:</source>
        <translation>&amp;Familia de Productos:</translation>
    </message>
    <message>
        <source>All product types</source>
        <translation>Todos los tipos de producto</translation>
    </message>
    <message>
        <source>All product families</source>
        <translation>Todas las familias de productos</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Product Type</source>
        <translation>Tipo de Producto</translation>
    </message>
    <message>
        <source>Product Family</source>
        <translation>Familia de Productos</translation>
    </message>
    <message>
        <source>Monthly Cost</source>
        <translation>Costo Mensual</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>No allowed product matches the filters.</source>
        <translation>Ningún producto permitido coincide con los filtros.</translation>
    </message>
    <message>
        <source>S&amp;elect</source>
        <translation>S&amp;eleccionar</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Componentes</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>&amp;Mantener</translation>
    </message>
    <message>
        <source>Keep a current component that is marked for removal.</source>
        <translation>Mantener un componente actual que está marcado para eliminarse.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>To be removed</source>
        <translation>Por eliminar</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>To be added</source>
        <translation>Por agregar</translation>
    </message>
    <message>
        <source>This product is already a component of the bundle.</source>
        <translation>Este producto ya es un componente del paquete.</translation>
    </message>
    <message>
        <source>This product is already selected.</source>
        <translation>Este producto ya está seleccionado.</translation>
    </message>
</context>
<context>
    <name>sb::SelectCustomerStep</name>
    <message>
        <source>&amp;Search Customers:</source>
        <translation>&amp;Buscar Clientes:</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>Ensure you&apos;ve selected the correct customer before proceeding. Assigning a plan to the wrong customer requires manual intervention to correct.</source>
        <translation>Asegúrate de haber seleccionado el cliente correcto antes de continuar. Asignar un plan al cliente equivocado requiere intervención manual para corregirlo.</translation>
    </message>
    <message>
        <source>Checking that %1 can take %2…</source>
        <translation>Verificando que %1 pueda contratar %2…</translation>
    </message>
    <message>
        <source>✓ %1 (%2) can take %3.</source>
        <translation>✓ %1 (%2) puede contratar %3.</translation>
    </message>
    <message>
        <source>Type a name, customer ID, email address or phone number, then pick the customer.</source>
        <translation>Escribe un nombre, ID del cliente, dirección de correo electrónico o número de teléfono y selecciona el cliente.</translation>
    </message>
</context>
<context>
    <name>sb::ServiceTableModel</name>
    <message>
        <source>Service ID</source>
        <translation>ID del Servicio</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Auto-Renew</source>
        <translation>Renovación Automática</translation>
    </message>
    <message>
        <source>Monthly Cost</source>
        <translation>Costo Mensual</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
</context>
<context>
    <name>sb::ServicesPage</name>
    <message>
        <source>Recent Services</source>
        <translation>Servicios Recientes</translation>
    </message>
    <message>
        <source>Double-click a service to open it on its customer&apos;s page.</source>
        <translation>Haz doble clic en un servicio para abrirlo en la página de su cliente.</translation>
    </message>
    <message>
        <source>Verify Service</source>
        <translation>Verificar Servicio</translation>
    </message>
    <message>
        <source>Read the selected service back from the network elements and compare.</source>
        <translation>Volver a leer el servicio seleccionado de los elementos de red y comparar.</translation>
    </message>
</context>
<context>
    <name>sb::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Embedded database (SQLite file on this computer)</source>
        <translation>Base de datos integrada (archivo SQLite en este equipo)</translation>
    </message>
    <message>
        <source>Shared database (PostgreSQL server)</source>
        <translation>Base de datos compartida (servidor PostgreSQL)</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <source>Default: switchboard.db in your data folder</source>
        <translation>Predeterminado: switchboard.db en tu carpeta de datos</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de datos:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>C&amp;ontraseña:</translation>
    </message>
    <message>
        <source>&amp;Remember password (otherwise Switchboard asks for it at start)</source>
        <translation>&amp;Recordar contraseña (si no, Switchboard la pide al iniciarse)</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS:</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Only if the server insists</source>
        <translation>Solo si el servidor lo exige</translation>
    </message>
    <message>
        <source>When the server offers it</source>
        <translation>Cuando el servidor lo ofrezca</translation>
    </message>
    <message>
        <source>Required, certificate not checked</source>
        <translation>Obligatorio, certificado sin verificar</translation>
    </message>
    <message>
        <source>Required, certificate checked against the CA</source>
        <translation>Obligatorio, certificado verificado con la CA</translation>
    </message>
    <message>
        <source>Required, certificate and host name checked (recommended)</source>
        <translation>Obligatorio, certificado y nombre del host verificados (recomendado)</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>Archivo de &amp;CA:</translation>
    </message>
    <message>
        <source>Test &amp;connection</source>
        <translation>Probar co&amp;nexión</translation>
    </message>
    <message>
        <source>Switchboard opens the chosen database the next time it starts.</source>
        <translation>Switchboard abrirá la base de datos elegida la próxima vez que se inicie.</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Archivo de base de datos</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite);;All files (*)</source>
        <translation>Bases de datos SQLite (*.db *.sqlite);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>Certificado de la CA</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>Certificados (*.crt *.pem *.cer);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando a %1…</translation>
    </message>
    <message>
        <source>CA certificate file (PEM)</source>
        <translation>Archivo de certificado de la CA (PEM)</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>&amp;Base de datos</translation>
    </message>
    <message>
        <source>&amp;Network elements</source>
        <translation>Elementos de &amp;red</translation>
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
        <translation>Abriendo base de datos…</translation>
    </message>
    <message>
        <source>Preparing the local database on this computer.</source>
        <translation>Preparando la base de datos local en este equipo.</translation>
    </message>
</context>
<context>
    <name>sb::SubscriptionDetailsPanel</name>
    <message>
        <source>Customer:</source>
        <translation>Cliente:</translation>
    </message>
    <message>
        <source>Life cycle state:</source>
        <translation>Estado del ciclo de vida:</translation>
    </message>
    <message>
        <source>Payment type:</source>
        <translation>Tipo de pago:</translation>
    </message>
    <message>
        <source>Wallet balance:</source>
        <translation>Saldo del monedero:</translation>
    </message>
    <message>
        <source>Subscription Services</source>
        <translation>Servicios de la Suscripción</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Product Type</source>
        <translation>Tipo de Producto</translation>
    </message>
    <message>
        <source>Product Family</source>
        <translation>Familia de Productos</translation>
    </message>
    <message>
        <source>Life Cycle State</source>
        <translation>Estado del Ciclo de Vida</translation>
    </message>
    <message>
        <source>Select a service to see its life cycle history. Removed components are greyed.</source>
        <translation>Selecciona un servicio para ver su historial de ciclo de vida. Los componentes eliminados aparecen en gris.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Changed By</source>
        <translation>Cambiado Por</translation>
    </message>
    <message>
        <source>Distributor</source>
        <translation>Distribuidor</translation>
    </message>
    <message>
        <source>Serial Number</source>
        <translation>Número de Serie</translation>
    </message>
    <message>
        <source>Distributed Services</source>
        <translation>Servicios Distribuidos</translation>
    </message>
    <message>
        <source>Installed Items</source>
        <translation>Elementos Instalados</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Behavior Code</source>
        <translation>Código de Comportamiento</translation>
    </message>
    <message>
        <source>Action Type</source>
        <translation>Tipo de Acción</translation>
    </message>
    <message>
        <source>Due Time</source>
        <translation>Fecha Prevista</translation>
    </message>
    <message>
        <source>Performed By</source>
        <translation>Realizado Por</translation>
    </message>
    <message>
        <source>Provisioning Distributors</source>
        <translation>Distribuidores de Aprovisionamiento</translation>
    </message>
    <message>
        <source>Cancel Scheduled Action</source>
        <translation>Cancelar Acción Programada</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Subscription %1</source>
        <translation>Suscripción %1</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1 desde el %2</translation>
    </message>
    <message>
        <source>%1  %2  %3</source>
        <translation>%1  %2  %3</translation>
    </message>
    <message>
        <source>No wallet</source>
        <translation>Sin monedero</translation>
    </message>
    <message>
        <source>%1: %2 – %3</source>
        <translation>%1: %2 – %3</translation>
    </message>
    <message>
        <source>Flexible Bundle: %1</source>
        <translation>Paquete Flexible: %1</translation>
    </message>
    <message>
        <source>Life cycle history of the service %1</source>
        <translation>Historial del ciclo de vida del servicio %1</translation>
    </message>
    <message>
        <source>Life cycle history of the subscription %1 (select a service to see its own)</source>
        <translation>Historial del ciclo de vida de la suscripción %1 (selecciona un servicio para ver el suyo)</translation>
    </message>
    <message>
        <source>Open-ended</source>
        <translation>Sin fecha de fin</translation>
    </message>
    <message>
        <source>Set-top box</source>
        <translation>Decodificador</translation>
    </message>
    <message>
        <source>Smartcard</source>
        <translation>Tarjeta inteligente</translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation>Eliminado el %1</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>En uso</translation>
    </message>
    <message>
        <source>Finished %1</source>
        <translation>Finalizada el %1</translation>
    </message>
    <message>
        <source>Behavior code %1, business classification code %2</source>
        <translation>Código de comportamiento %1, código de clasificación comercial %2</translation>
    </message>
    <message>
        <source>Performed by %1 on %2, requested by %3</source>
        <translation>Realizada por %1 el %2, solicitada por %3</translation>
    </message>
    <message numerus="yes">
        <source>Scheduled Actions (%n pending)</source>
        <translation>
            <numerusform>Acciones Programadas (%n pendiente)</numerusform>
            <numerusform>Acciones Programadas (%n pendientes)</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a scheduled action that has not run yet.</source>
        <translation>Selecciona una acción programada que todavía no se haya ejecutado.</translation>
    </message>
    <message>
        <source>Cancel this action before it runs.</source>
        <translation>Cancelar esta acción antes de que se ejecute.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>The dated life cycle states of the selected service</source>
        <translation>Los estados del ciclo de vida, con fechas, del servicio seleccionado</translation>
    </message>
</context>
<context>
    <name>sb::SubscriptionTableModel</name>
    <message>
        <source>Subscription</source>
        <translation>Suscripción</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Life Cycle State</source>
        <translation>Estado del Ciclo de Vida</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Pago</translation>
    </message>
</context>
<context>
    <name>sb::SubscriptionsPage</name>
    <message>
        <source>Subscriptions</source>
        <translation>Suscripciones</translation>
    </message>
    <message>
        <source>Search by subscription number or customer name</source>
        <translation>Buscar por número de suscripción o nombre del cliente</translation>
    </message>
    <message>
        <source>Press Enter to open the first subscription found.</source>
        <translation>Pulsa Intro para abrir la primera suscripción encontrada.</translation>
    </message>
    <message>
        <source>Search for a subscription, then pick it from the list to see its services, provisioning distributors and scheduled actions.</source>
        <translation>Busca una suscripción y elígela en la lista para ver sus servicios, distribuidores de aprovisionamiento y acciones programadas.</translation>
    </message>
    <message>
        <source>Action Panel</source>
        <translation>Panel de Acciones</translation>
    </message>
    <message>
        <source>Subscription Service Related Actions</source>
        <translation>Acciones Relacionadas con los Servicios de la Suscripción</translation>
    </message>
    <message>
        <source>&amp;Amend Bundle Services</source>
        <translation>&amp;Modificar Servicios del Paquete</translation>
    </message>
    <message>
        <source>Change the components of a Flexible Bundle service, now or on a schedule.</source>
        <translation>Cambiar los componentes de un servicio Paquete Flexible, ahora o de forma programada.</translation>
    </message>
    <message>
        <source>No subscription matches “%1”. Check the subscription number (for example SUB-100001) or search by the customer&apos;s name.</source>
        <translation>Ninguna suscripción coincide con “%1”. Verifica el número de suscripción (por ejemplo SUB-100001) o busca por el nombre del cliente.</translation>
    </message>
    <message numerus="yes">
        <source>Recent subscriptions (%n)</source>
        <translation>
            <numerusform>Suscripciones recientes (%n)</numerusform>
            <numerusform>Suscripciones recientes (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a subscription first.</source>
        <translation>Abre primero una suscripción.</translation>
    </message>
    <message>
        <source>Only subscriptions in Draft, Effective or Not Effective state can be amended; this one is %1.</source>
        <translation>Solo se pueden modificar las suscripciones en estado Borrador, Vigente o No Vigente; esta está en estado %1.</translation>
    </message>
    <message>
        <source>This subscription has no Flexible Bundle service.</source>
        <translation>Esta suscripción no tiene ningún servicio Paquete Flexible.</translation>
    </message>
    <message>
        <source>Select the Flexible Bundle service to amend.</source>
        <translation>Selecciona el servicio Paquete Flexible que quieres modificar.</translation>
    </message>
    <message>
        <source>Amends %1.</source>
        <translation>Modifica %1.</translation>
    </message>
    <message>
        <source>%1, due %2</source>
        <translation>%1, prevista para el %2</translation>
    </message>
    <message>
        <source>Cancel Scheduled Action</source>
        <translation>Cancelar Acción Programada</translation>
    </message>
    <message>
        <source>Cancel the scheduled action %1 (%2)? It will not run, and nothing it would have changed is changed.</source>
        <translation>¿Cancelar la acción programada %1 (%2)? No se ejecutará y no se cambiará nada de lo que habría cambiado.</translation>
    </message>
    <message>
        <source>Cancel Action</source>
        <translation>Cancelar Acción</translation>
    </message>
    <message>
        <source>Keep Action</source>
        <translation>Mantener Acción</translation>
    </message>
    <message numerus="yes">
        <source>Subscriptions found: %n</source>
        <translation>
            <numerusform>Suscripción encontrada: %n</numerusform>
            <numerusform>Suscripciones encontradas: %n</numerusform>
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
        <translation>Discrepancia</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Inaccesible</translation>
    </message>
    <message>
        <source>Verify Service — Service %1</source>
        <translation>Verificar Servicio — Servicio %1</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Comprobación</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Esperado</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Encontrado</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Qué hacer</translation>
    </message>
    <message>
        <source>Verify Again</source>
        <translation>Verificar de Nuevo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Reading service %1 back from the network elements…</source>
        <translation>Volviendo a leer el servicio %1 de los elementos de red…</translation>
    </message>
    <message numerus="yes">
        <source>%1: all %n check(s) passed. The network elements match Switchboard.</source>
        <translation>
            <numerusform>%1: %n comprobación superada. Los elementos de red coinciden con Switchboard.</numerusform>
            <numerusform>%1: las %n comprobaciones superadas. Los elementos de red coinciden con Switchboard.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n mismatch(es)</source>
        <translation>
            <numerusform>%1: %n discrepancia</numerusform>
            <numerusform>%1: %n discrepancias</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n element(s) unreachable.</source>
        <translation>
            <numerusform>%n elemento inaccesible.</numerusform>
            <numerusform>%n elementos inaccesibles.</numerusform>
        </translation>
    </message>
    <message>
        <source>See the highlighted rows for what to do.</source>
        <translation>Consulta las filas resaltadas para saber qué hacer.</translation>
    </message>
</context>
</TS>
