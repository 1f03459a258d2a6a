<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>Addon</name>
    <message>
        <source>%1 is not an add-on. Assign it as a new service from the Service Plans catalog instead.</source>
        <translation>%1 n&apos;est pas une option supplémentaire. Attribuez-le plutôt comme nouveau service depuis le catalogue Plans de service.</translation>
    </message>
    <message>
        <source>%1 does not belong to %2. Choose one of the customer&apos;s own services.</source>
        <translation>%1 n&apos;appartient pas à %2. Choisissez l&apos;un des services de ce client.</translation>
    </message>
    <message>
        <source>%1 is an add-on for services of type %2, and %3 is of type %4. Choose a service of type %2.</source>
        <translation>%1 est une option supplémentaire pour les services de type %2, et %3 est de type %4. Choisissez un service de type %2.</translation>
    </message>
    <message>
        <source>%1 is part of another service (a bundle component or an add-on). Choose the main service instead.</source>
        <translation>%1 fait partie d&apos;un autre service (un composant d&apos;offre groupée ou une option supplémentaire). Choisissez plutôt le service principal.</translation>
    </message>
    <message>
        <source>%1 is not active (%2). Add-ons can only be added to an active service: wait until it is provisioned, or retry its provisioning.</source>
        <translation>%1 n&apos;est pas actif (%2). Les options supplémentaires ne peuvent être ajoutées qu&apos;à un service actif : attendez qu&apos;il soit provisionné ou relancez son provisionnement.</translation>
    </message>
    <message>
        <source>The payment method of %1 expired on %2. Update the customer&apos;s payment method before buying %3.</source>
        <translation>Le moyen de paiement de %1 a expiré le %2. Mettez à jour le moyen de paiement du client avant d&apos;acheter %3.</translation>
    </message>
    <message>
        <source>%1 has no valid payment method on file. Add a payment method to the customer before buying %2.</source>
        <translation>%1 n&apos;a aucun moyen de paiement valide enregistré. Ajoutez un moyen de paiement au client avant d&apos;acheter %2.</translation>
    </message>
    <message>
        <source>%1 has no active %2 service that can receive %3. Assign a %2 plan first, then add the add-on to it.</source>
        <translation>%1 n&apos;a aucun service %2 actif pouvant recevoir %3. Attribuez d&apos;abord un plan %2, puis ajoutez-y l&apos;option supplémentaire.</translation>
    </message>
    <message>
        <source>The add-on no longer exists. Reload the catalog and choose again.</source>
        <translation>L&apos;option supplémentaire n&apos;existe plus. Rechargez le catalogue et choisissez à nouveau.</translation>
    </message>
    <message>
        <source>Customer not found. Create the customer first, or search again by ID, email or phone.</source>
        <translation>Client non trouvé. Créez d&apos;abord le client ou recherchez à nouveau par ID, e-mail ou téléphone.</translation>
    </message>
    <message>
        <source>%1 has %2 services that can receive %3. Choose which service should receive this add-on.</source>
        <translation>%1 a %2 services pouvant recevoir %3. Choisissez le service qui devrait recevoir cette option supplémentaire.</translation>
    </message>
    <message>
        <source>Service %1 does not exist. Choose one of the customer&apos;s services.</source>
        <translation>Le service %1 n&apos;existe pas. Choisissez l&apos;un des services du client.</translation>
    </message>
    <message>
        <source>%1 is required for %2. Pick one from the inventory.</source>
        <translation>L&apos;élément %1 est requis pour %2. Choisissez-en un dans l&apos;inventaire.</translation>
    </message>
    <message>
        <source>The item picked for %1 is not a %1. Pick an item of the right kind.</source>
        <translation>L&apos;élément choisi pour %1 n&apos;est pas du type %1. Choisissez un élément du bon type.</translation>
    </message>
    <message>
        <source>%1 is no longer available: another order has reserved or used it. Pick another item.</source>
        <translation>%1 n&apos;est plus disponible : une autre commande l&apos;a réservé ou utilisé. Choisissez un autre élément.</translation>
    </message>
</context>
<context>
    <name>AmendBundle</name>
    <message>
        <source>%1 is not allowed in the bundle %2. Choose one of the products that View Product Bundle Components lists.</source>
        <translation>%1 n&apos;est pas autorisé dans l&apos;offre groupée %2. Choisissez l&apos;un des produits listés par Voir les composants de l&apos;offre groupée.</translation>
    </message>
    <message>
        <source>%1 is mandatory in the bundle %2 and cannot be removed. Keep at least one component of it.</source>
        <translation>%1 est obligatoire dans l&apos;offre groupée %2 et ne peut pas être retiré. Conservez au moins un composant correspondant.</translation>
    </message>
    <message>
        <source>The bundle %1 needs at least %2 components of %3 but would have %4. Add components or remove fewer.</source>
        <translation>L&apos;offre groupée %1 nécessite au moins %2 composants de %3, mais en aurait %4. Ajoutez des composants ou retirez-en moins.</translation>
    </message>
    <message>
        <source>The bundle %1 allows at most %2 components of %3 but would have %4. Add fewer components.</source>
        <translation>L&apos;offre groupée %1 autorise au plus %2 composants de %3, mais en aurait %4. Ajoutez moins de composants.</translation>
    </message>
    <message>
        <source>%1 requires %2 on the subscription. Keep or add %2, or leave out %1.</source>
        <translation>%1 nécessite %2 sur l&apos;abonnement. Conservez ou ajoutez %2, ou laissez %1 de côté.</translation>
    </message>
    <message>
        <source>%1 cannot be combined with %2. Leave out one of them.</source>
        <translation>%1 ne peut pas être combiné avec %2. Laissez l&apos;un des deux de côté.</translation>
    </message>
    <message>
        <source>The date is mandatory. Choose the date of the scheduled action.</source>
        <translation>La date est obligatoire. Choisissez la date de l&apos;action planifiée.</translation>
    </message>
    <message>
        <source>The date must be greater than the current date (%1). Choose a later date or time.</source>
        <translation>La date doit être postérieure à la date actuelle (%1). Choisissez une date ou une heure ultérieure.</translation>
    </message>
    <message>
        <source>The number of days is mandatory and must be an integer greater than 0, not &quot;%1&quot;.</source>
        <translation>Le nombre de jours est obligatoire et doit être un nombre entier supérieur à 0, et non &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Subscription service %1 does not exist. Search for the subscription again.</source>
        <translation>Le service d&apos;abonnement %1 n&apos;existe pas. Recherchez à nouveau l&apos;abonnement.</translation>
    </message>
    <message>
        <source>The service %1 is not part of a subscription, so it has no bundle services to amend.</source>
        <translation>Le service %1 ne fait partie d&apos;aucun abonnement : il n&apos;a donc aucun service d&apos;offre groupée à modifier.</translation>
    </message>
    <message>
        <source>Subscription %1 has no service of type Flexible Bundle. Amend Bundle Services is available only for subscriptions that have one.</source>
        <translation>L&apos;abonnement %1 n&apos;a aucun service de type Offre groupée flexible. Modifier les services de l&apos;offre groupée n&apos;est disponible que pour les abonnements qui en ont un.</translation>
    </message>
    <message>
        <source>%1 is not a Flexible Bundle service. Choose the subscription&apos;s Flexible Bundle service.</source>
        <translation>%1 n&apos;est pas un service de type Offre groupée flexible. Choisissez le service Offre groupée flexible de l&apos;abonnement.</translation>
    </message>
    <message>
        <source>Subscription %1 is %2. Bundle services can be amended only while the subscription is Draft, Effective or Not Effective.</source>
        <translation>L&apos;abonnement %1 est à l&apos;état %2. Les services d&apos;une offre groupée ne peuvent être modifiés que lorsque l&apos;abonnement est à l&apos;état Brouillon, En vigueur ou Non en vigueur.</translation>
    </message>
    <message>
        <source>The service %1 is %2. Services can be amended only while they are Draft, Effective or Not Effective.</source>
        <translation>Le service %1 est à l&apos;état %2. Les services ne peuvent être modifiés que lorsqu&apos;ils sont à l&apos;état Brouillon, En vigueur ou Non en vigueur.</translation>
    </message>
    <message>
        <source>Choose at least one component to add to the bundle or to remove from it.</source>
        <translation>Choisissez au moins un composant à ajouter à l&apos;offre groupée ou à en retirer.</translation>
    </message>
    <message>
        <source>There is no product with ID %1. Choose the components again.</source>
        <translation>Il n&apos;existe aucun produit avec l&apos;ID %1. Choisissez à nouveau les composants.</translation>
    </message>
    <message>
        <source>There is no product &quot;%1&quot;. View Product Bundle Components lists the allowed ones.</source>
        <translation>Il n&apos;existe aucun produit &quot;%1&quot;. Voir les composants de l&apos;offre groupée liste les produits autorisés.</translation>
    </message>
    <message>
        <source>Service %1 is not a current component of the bundle %2. Choose one of its components to remove.</source>
        <translation>Le service %1 n&apos;est pas un composant actuel de l&apos;offre groupée %2. Choisissez l&apos;un de ses composants à retirer.</translation>
    </message>
    <message>
        <source>%1 is already in the bundle %2. Choose another component.</source>
        <translation>%1 fait déjà partie de l&apos;offre groupée %2. Choisissez un autre composant.</translation>
    </message>
    <message>
        <source>%1 is chosen more than once. Add each component once.</source>
        <translation>%1 est choisi plusieurs fois. Ajoutez chaque composant une seule fois.</translation>
    </message>
    <message>
        <source>The bundle service %1 is scheduled to be swapped on %2. Cancel that action or amend the bundle after it has run.</source>
        <translation>Le remplacement du service d&apos;offre groupée %1 est planifié le %2. Annulez cette action ou modifiez l&apos;offre groupée après son exécution.</translation>
    </message>
    <message>
        <source>The bundle service %1 is scheduled to be removed on %2. Cancel that action or amend the bundle after it has run.</source>
        <translation>Le retrait du service d&apos;offre groupée %1 est planifié le %2. Annulez cette action ou modifiez l&apos;offre groupée après son exécution.</translation>
    </message>
    <message>
        <source>The prepaid subscription %1 has no wallet, so the added components cannot be paid for. Nothing has been changed.</source>
        <translation>L&apos;abonnement prépayé %1 n&apos;a pas de portefeuille : les composants ajoutés ne peuvent donc pas être payés. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The wallet of subscription %1 holds %2, which cannot activate %3 (%4 needed for all added components). Top up the wallet or add fewer components; nothing has been changed.</source>
        <translation>Le portefeuille de l&apos;abonnement %1 contient %2, ce qui ne permet pas d&apos;activer %3 (%4 nécessaires pour tous les composants ajoutés). Rechargez le portefeuille ou ajoutez moins de composants ; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>There is no staff user &quot;%1&quot;. Choose the user who performed the action, or leave it empty for yourself.</source>
        <translation>Il n&apos;existe aucun compte employé &quot;%1&quot;. Choisissez l&apos;utilisateur qui a effectué l&apos;action, ou laissez le champ vide pour vous-même.</translation>
    </message>
    <message>
        <source>Choose an Action Type: custom action types are configured for Amend Bundle Services.</source>
        <translation>Choisissez un Type d&apos;action : des types d&apos;action personnalisés sont configurés pour Modifier les services de l&apos;offre groupée.</translation>
    </message>
    <message>
        <source>No Action Types are configured for Amend Bundle Services. Leave the Action Type empty.</source>
        <translation>Aucun Type d&apos;action n&apos;est configuré pour Modifier les services de l&apos;offre groupée. Laissez le Type d&apos;action vide.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an Action Type of Amend Bundle Services. Choose one of: %2.</source>
        <translation>&quot;%1&quot; n&apos;est pas un Type d&apos;action de Modifier les services de l&apos;offre groupée. Choisissez parmi : %2.</translation>
    </message>
    <message>
        <source>Choose a Sub Action Type: custom sub action types are configured for Amend Bundle Services.</source>
        <translation>Choisissez un Sous-type d&apos;action : des sous-types d&apos;action personnalisés sont configurés pour Modifier les services de l&apos;offre groupée.</translation>
    </message>
    <message>
        <source>No Sub Action Types are configured for Amend Bundle Services. Leave the Sub Action Type empty.</source>
        <translation>Aucun Sous-type d&apos;action n&apos;est configuré pour Modifier les services de l&apos;offre groupée. Laissez le Sous-type d&apos;action vide.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Sub Action Type of Amend Bundle Services. Choose one of: %2.</source>
        <translation>&quot;%1&quot; n&apos;est pas un Sous-type d&apos;action de Modifier les services de l&apos;offre groupée. Choisissez parmi : %2.</translation>
    </message>
    <message>
        <source>Scheduled action %1 does not exist. Check the number in the subscription&apos;s scheduled actions.</source>
        <translation>L&apos;action planifiée %1 n&apos;existe pas. Vérifiez le numéro dans les actions planifiées de l&apos;abonnement.</translation>
    </message>
    <message>
        <source>Scheduled action %1 cannot be cancelled: it is %2 already.</source>
        <translation>L&apos;action planifiée %1 ne peut pas être annulée : elle a déjà le statut %2.</translation>
    </message>
    <message>
        <source>Subscription %1 does not exist. Search by subscription number or customer name.</source>
        <translation>L&apos;abonnement %1 n&apos;existe pas. Recherchez par numéro d&apos;abonnement ou par nom de client.</translation>
    </message>
</context>
<context>
    <name>AssignPlan</name>
    <message>
        <source>The product no longer exists. Reload the catalog and choose again.</source>
        <translation>Le produit n&apos;existe plus. Rechargez le catalogue et choisissez à nouveau.</translation>
    </message>
    <message>
        <source>Customer not found. Create the customer first, or search again by ID, email or phone.</source>
        <translation>Client non trouvé. Créez d&apos;abord le client ou recherchez à nouveau par ID, e-mail ou téléphone.</translation>
    </message>
    <message>
        <source>%1 is no longer available: another order has reserved or used it. Pick another item.</source>
        <translation>%1 n&apos;est plus disponible : une autre commande l&apos;a réservé ou utilisé. Choisissez un autre élément.</translation>
    </message>
    <message>
        <source>%1 is required for %2. Pick one from the inventory.</source>
        <translation>L&apos;élément %1 est requis pour %2. Choisissez-en un dans l&apos;inventaire.</translation>
    </message>
    <message>
        <source>The item picked for %1 is not a %1. Pick an item of the right kind.</source>
        <translation>L&apos;élément choisi pour %1 n&apos;est pas du type %1. Choisissez un élément du bon type.</translation>
    </message>
    <message>
        <source>There is no product &quot;%1&quot;. See switchboard-ctl products list.</source>
        <translation>Il n&apos;existe aucun produit &quot;%1&quot;. Consultez switchboard-ctl products list.</translation>
    </message>
    <message>
        <source>%1 is an add-on: it is added to one of the customer&apos;s existing services. Use Add-ons next to that service.</source>
        <translation>%1 est une option supplémentaire : elle s&apos;ajoute à l&apos;un des services existants du client. Utilisez Options supplémentaires à côté de ce service.</translation>
    </message>
</context>
<context>
    <name>AssignRules</name>
    <message>
        <source>%1 is disabled in the catalog and cannot be assigned. Choose another product.</source>
        <translation>%1 est désactivé dans le catalogue et ne peut pas être attribué. Choisissez un autre produit.</translation>
    </message>
    <message>
        <source>%1 is not an active customer. Reactivate the customer before assigning a plan.</source>
        <translation>%1 n&apos;est pas un client actif. Réactivez le client avant d&apos;attribuer un plan.</translation>
    </message>
    <message>
        <source>%1 is a business customer and %2 is only available to individual customers. Choose a business product or another customer.</source>
        <translation>%1 est un client professionnel et %2 n&apos;est disponible que pour les clients individuels. Choisissez un produit professionnel ou un autre client.</translation>
    </message>
    <message>
        <source>%1 is an individual customer and %2 is only available to business customers. Choose an individual product or another customer.</source>
        <translation>%1 est un client individuel et %2 n&apos;est disponible que pour les clients professionnels. Choisissez un produit individuel ou un autre client.</translation>
    </message>
</context>
<context>
    <name>Backend</name>
    <message>
        <source>The built-in network-element simulator could not start. Check that loopback networking is available.</source>
        <translation>Le simulateur d&apos;éléments réseau intégré n&apos;a pas pu démarrer. Vérifiez que l&apos;interface réseau de bouclage (loopback) est disponible.</translation>
    </message>
</context>
<context>
    <name>BulkImport</name>
    <message>
        <source>Line %1: %2</source>
        <translation>Ligne %1 : %2</translation>
    </message>
    <message>
        <source>Line %1: %2 %3 is already used on line %4. Name each item once.</source>
        <translation>Ligne %1 : %2 %3 est déjà utilisé à la ligne %4. Indiquez chaque élément une seule fois.</translation>
    </message>
    <message>
        <source>Line %1: no %2 is left for this row: the file needs %3 from the inventory and %4 are free. Add stock or split the file.</source>
        <translation>Ligne %1 : il ne reste aucun élément %2 pour cette ligne : le fichier en nécessite %3 de l&apos;inventaire et %4 sont libres. Ajoutez du stock ou divisez le fichier.</translation>
    </message>
    <message>
        <source>The file has a header but no rows. Add one row per service below the header.</source>
        <translation>Le fichier contient un en-tête mais aucune ligne. Ajoutez une ligne par service sous l&apos;en-tête.</translation>
    </message>
    <message>
        <source>Bulk import %1 does not exist. Check the number in the list of imports.</source>
        <translation>L&apos;importation en masse %1 n&apos;existe pas. Vérifiez le numéro dans la liste des importations.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2. Check the file name and that you may read it.</source>
        <translation>Impossible d&apos;ouvrir %1 : %2. Vérifiez le nom du fichier et que vous avez le droit de le lire.</translation>
    </message>
    <message>
        <source>None of the %1 rows can be assigned. Correct the errors listed for each line and import the file again.</source>
        <translation>Aucune des %1 lignes ne peut être attribuée. Corrigez les erreurs indiquées pour chaque ligne et importez à nouveau le fichier.</translation>
    </message>
    <message>
        <source>Line %1: no free %2 is left in the inventory. Add stock, then retry the failed rows.</source>
        <translation>Ligne %1 : il ne reste aucun élément %2 libre dans l&apos;inventaire. Ajoutez du stock, puis relancez les lignes en échec.</translation>
    </message>
    <message>
        <source>Cannot write the report to %1: %2. Choose another folder.</source>
        <translation>Impossible d&apos;écrire le rapport dans %1 : %2. Choisissez un autre dossier.</translation>
    </message>
    <message>
        <source>Line %1: the customer is missing. Enter the customer ID, email or phone.</source>
        <translation>Ligne %1 : le client est manquant. Saisissez l&apos;ID, l&apos;e-mail ou le téléphone du client.</translation>
    </message>
    <message>
        <source>Line %1: &quot;%2&quot; matches %3 customers. Use the customer ID instead.</source>
        <translation>Ligne %1 : &quot;%2&quot; correspond à %3 clients. Utilisez plutôt l&apos;ID du client.</translation>
    </message>
    <message>
        <source>Line %1: customer &quot;%2&quot; not found. Use the customer ID, email or phone of an existing customer.</source>
        <translation>Ligne %1 : client &quot;%2&quot; non trouvé. Utilisez l&apos;ID, l&apos;e-mail ou le téléphone d&apos;un client existant.</translation>
    </message>
    <message>
        <source>Line %1: the product is missing. Enter the product&apos;s slug, for example mobile-20gb.</source>
        <translation>Ligne %1 : le produit est manquant. Saisissez le slug du produit, par exemple mobile-20gb.</translation>
    </message>
    <message>
        <source>Line %1: there is no product &quot;%2&quot;. Use a product slug from the catalog.</source>
        <translation>Ligne %1 : il n&apos;existe aucun produit &quot;%2&quot;. Utilisez un slug de produit du catalogue.</translation>
    </message>
    <message>
        <source>Line %1: %2 is an add-on. A bulk assignment creates new services from service plans only.</source>
        <translation>Ligne %1 : %2 est une option supplémentaire. Une attribution en masse crée de nouveaux services uniquement à partir de plans de service.</translation>
    </message>
    <message>
        <source>Line %1: auto_renew must be yes or no (or true/false, 1/0), not &quot;%2&quot;.</source>
        <translation>Ligne %1 : auto_renew doit valoir yes ou no (ou true/false, 1/0), et non &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Line %1: %2 does not need a %3. Leave the column empty for this row.</source>
        <translation>Ligne %1 : %2 ne nécessite pas d&apos;élément %3. Laissez la colonne vide pour cette ligne.</translation>
    </message>
    <message>
        <source>Line %1: there is no %2 &quot;%3&quot; in the inventory.</source>
        <translation>Ligne %1 : il n&apos;existe aucun élément %2 &quot;%3&quot; dans l&apos;inventaire.</translation>
    </message>
    <message>
        <source>Line %1: %2 %3 is not available: it is assigned, reserved or out of service. Name a free item or leave the column empty.</source>
        <translation>Ligne %1 : %2 %3 n&apos;est pas disponible : il est attribué, réservé ou hors service. Indiquez un élément libre ou laissez la colonne vide.</translation>
    </message>
    <message>
        <source>Line %1: %2 has no site called &quot;%3&quot;.</source>
        <translation>Ligne %1 : %2 n&apos;a aucun site nommé &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>Line %1: %2 has no contact called &quot;%3&quot; (name or email).</source>
        <translation>Ligne %1 : %2 n&apos;a aucun contact nommé &quot;%3&quot; (nom ou e-mail).</translation>
    </message>
</context>
<context>
    <name>BusinessRules</name>
    <message>
        <source>%1 is required for this order. Enter it and continue.</source>
        <translation>%1 est requis pour cette commande. Saisissez-le et continuez.</translation>
    </message>
    <message>
        <source>%1 is too long: at most %2 characters.</source>
        <translation>%1 est trop long : %2 caractères au maximum.</translation>
    </message>
    <message>
        <source>%1 must be a number, for example 1200 or 12.50.</source>
        <translation>%1 doit être un nombre, par exemple 1200 ou 12.50.</translation>
    </message>
    <message>
        <source>%1 must be a date written as YYYY-MM-DD, for example 2026-03-31.</source>
        <translation>%1 doit être une date au format AAAA-MM-JJ, par exemple 2026-03-31.</translation>
    </message>
    <message>
        <source>%1 has no installation site. Add a site on the customer page first.</source>
        <translation>%1 n&apos;a aucun site d&apos;installation. Ajoutez d&apos;abord un site sur la page du client.</translation>
    </message>
    <message>
        <source>Select the installation site that receives %1.</source>
        <translation>Sélectionnez le site d&apos;installation qui reçoit %1.</translation>
    </message>
    <message>
        <source>The installation site is not one of %1&apos;s sites. Select one of their sites.</source>
        <translation>Le site d&apos;installation ne fait pas partie des sites de %1. Sélectionnez l&apos;un de ses sites.</translation>
    </message>
    <message>
        <source>%1 has no contacts. Add a billing and a technical contact on the customer page first.</source>
        <translation>%1 n&apos;a aucun contact. Ajoutez d&apos;abord un contact de facturation et un contact technique sur la page du client.</translation>
    </message>
    <message>
        <source>Select the billing contact.</source>
        <translation>Sélectionnez le contact de facturation.</translation>
    </message>
    <message>
        <source>The billing contact is not one of %1&apos;s contacts. Select one of their contacts.</source>
        <translation>Le contact de facturation ne fait pas partie des contacts de %1. Sélectionnez l&apos;un de ses contacts.</translation>
    </message>
    <message>
        <source>Select the technical contact.</source>
        <translation>Sélectionnez le contact technique.</translation>
    </message>
    <message>
        <source>The technical contact is not one of %1&apos;s contacts. Select one of their contacts.</source>
        <translation>Le contact technique ne fait pas partie des contacts de %1. Sélectionnez l&apos;un de ses contacts.</translation>
    </message>
    <message>
        <source>Installation sites and contacts are for business customers only. %1 is an individual customer.</source>
        <translation>Les sites d&apos;installation et les contacts sont réservés aux clients professionnels. %1 est un client individuel.</translation>
    </message>
    <message>
        <source>%1 does not ask for the field &quot;%2&quot;. Leave it out.</source>
        <translation>%1 ne demande pas le champ &quot;%2&quot;. Omettez-le.</translation>
    </message>
</context>
<context>
    <name>CancelService</name>
    <message>
        <source>Service %1 does not exist. Check the number in the Services list.</source>
        <translation>Le service %1 n&apos;existe pas. Vérifiez le numéro dans la liste Services.</translation>
    </message>
    <message>
        <source>Service %1 is already cancelled.</source>
        <translation>Le service %1 est déjà annulé.</translation>
    </message>
    <message>
        <source>Service %1 is being provisioned (provision ID %2). Wait until it finishes, then cancel it.</source>
        <translation>Le service %1 est en cours de provisionnement (ID de provisionnement %2). Attendez la fin, puis annulez-le.</translation>
    </message>
    <message>
        <source>Cancelling service %1 failed earlier (provision ID %2). Retry that provisioning job instead.</source>
        <translation>L&apos;annulation du service %1 a échoué précédemment (ID de provisionnement %2). Réessayez plutôt cette opération de provisionnement.</translation>
    </message>
</context>
<context>
    <name>CsvImport</name>
    <message>
        <source>The file is empty. Choose a CSV file whose first row names the columns, with one row per entry below it.</source>
        <translation>Le fichier est vide. Choisissez un fichier CSV dont la première ligne nomme les colonnes, avec une ligne par entrée en dessous.</translation>
    </message>
    <message>
        <source>Line %1: the column &quot;%2&quot; appears twice in the header. Remove or rename one of them.</source>
        <translation>Ligne %1 : la colonne « %2 » apparaît deux fois dans l&apos;en-tête. Supprimez ou renommez l&apos;une d&apos;elles.</translation>
    </message>
    <message>
        <source>Line %1: the header lacks these columns: %2. Add them to the first row (upper or lower case does not matter); the expected columns are: %3.</source>
        <translation>Ligne %1 : il manque ces colonnes dans l&apos;en-tête : %2. Ajoutez-les à la première ligne (majuscules ou minuscules, peu importe) ; les colonnes attendues sont : %3.</translation>
    </message>
    <message>
        <source>Line %1: these columns are not known and will be ignored: %2. Check their spelling against the expected columns: %3.</source>
        <translation>Ligne %1 : ces colonnes sont inconnues et seront ignorées : %2. Vérifiez leur orthographe par rapport aux colonnes attendues : %3.</translation>
    </message>
    <message>
        <source>Line %1: a quoted field that starts on this line is never closed before the end of the file. Add the missing closing double quote (&quot;).</source>
        <translation>Ligne %1 : un champ entre guillemets qui commence sur cette ligne n&apos;est jamais fermé avant la fin du fichier. Ajoutez le guillemet double fermant manquant (&quot;).</translation>
    </message>
    <message>
        <source>Line %1: this row is longer than %2 MB, most likely because a double quote (&quot;) is missing. Check the quotes on this line.</source>
        <translation>Ligne %1 : cette ligne dépasse %2 Mo, très probablement parce qu&apos;il manque un guillemet double (&quot;). Vérifiez les guillemets de cette ligne.</translation>
    </message>
    <message>
        <source>Line %1: a closing double quote is followed by more text before the next comma. Put the whole value in double quotes and write each double quote inside it twice (&quot;&quot;).</source>
        <translation>Ligne %1 : un guillemet double fermant est suivi d&apos;autre texte avant la virgule suivante. Mettez toute la valeur entre guillemets doubles et écrivez chaque guillemet double qu&apos;elle contient deux fois (&quot;&quot;).</translation>
    </message>
    <message>
        <source>Line %1: this row contains characters that are not valid UTF-8. Save the file as &quot;CSV UTF-8&quot; in your spreadsheet and import it again.</source>
        <translation>Ligne %1 : cette ligne contient des caractères qui ne sont pas de l&apos;UTF-8 valide. Enregistrez le fichier au format « CSV UTF-8 » dans votre tableur et importez-le à nouveau.</translation>
    </message>
    <message>
        <source>Line %1: the header has %3 columns, but this row has %2. Check for a missing or extra comma, and put values that contain commas in double quotes.</source>
        <translation>Ligne %1 : l&apos;en-tête a %3 colonnes, mais cette ligne en a %2. Cherchez une virgule manquante ou en trop, et mettez entre guillemets doubles les valeurs qui contiennent des virgules.</translation>
    </message>
    <message>
        <source>Line %1: the file could not be read any further (%2). Check that it is still available and import it again.</source>
        <translation>Ligne %1 : le fichier n&apos;a pas pu être lu plus loin (%2). Vérifiez qu&apos;il est toujours disponible et importez-le à nouveau.</translation>
    </message>
</context>
<context>
    <name>CtlCommands</name>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 nécessite une valeur.</translation>
    </message>
    <message>
        <source>%1 must be a whole number of at least %2, not &quot;%3&quot;.</source>
        <translation>%1 doit être un nombre entier supérieur ou égal à %2, et non &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>Aucune commande indiquée.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Commande inconnue &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Database %1 is ready (schema version %2).
</source>
        <translation>La base de données %1 est prête (version du schéma %2).
</translation>
    </message>
    <message>
        <source>Seeding customers: %1 of %2</source>
        <translation>Création des clients de démonstration : %1 sur %2</translation>
    </message>
    <message>
        <source>Demo data is in place with %1 customers.
</source>
        <translation>Les données de démonstration sont en place avec %1 clients.
</translation>
    </message>
    <message>
        <source>customers search needs the text to search for.</source>
        <translation>customers search nécessite le texte à rechercher.</translation>
    </message>
    <message>
        <source>Customer not found. Try different search terms (ID, email, phone) or create the customer first.
</source>
        <translation>Client non trouvé. Essayez différents termes de recherche (ID, e-mail, téléphone) ou créez d&apos;abord le client.
</translation>
    </message>
    <message>
        <source>inventory list needs --template NAME, for example --template &quot;SIM Card&quot;.</source>
        <translation>inventory list nécessite --template NAME, par exemple --template &quot;SIM Card&quot;.</translation>
    </message>
    <message>
        <source>No inventory available. Add more inventory items or check that item statuses are New or In Stock.
</source>
        <translation>Aucun inventaire disponible. Ajoutez plus d&apos;éléments d&apos;inventaire ou vérifiez que le statut des éléments est Nouveau ou En stock.
</translation>
    </message>
    <message>
        <source>assign needs --customer ID and --product SLUG.</source>
        <translation>assign nécessite --customer ID et --product SLUG.</translation>
    </message>
    <message>
        <source>--auto-renew must be yes or no, not &quot;%1&quot;.</source>
        <translation>--auto-renew doit valoir yes ou no, et non &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argument inattendu &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--item must be TEMPLATE=ITEM_ID, for example &quot;SIM Card=42&quot;, not &quot;%1&quot;.</source>
        <translation>--item doit être de la forme TEMPLATE=ITEM_ID, par exemple &quot;SIM Card=42&quot;, et non &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>No inventory available for %1. Add more inventory items or check item statuses.</source>
        <translation>Aucun inventaire disponible pour %1. Ajoutez plus d&apos;éléments d&apos;inventaire ou vérifiez le statut des éléments.</translation>
    </message>
    <message>
        <source>%1 does not need a %2.</source>
        <translation>%1 ne nécessite pas d&apos;élément %2.</translation>
    </message>
    <message>
        <source>Service %1 created; provisioning job %2 is queued for a worker.
</source>
        <translation>Service %1 créé ; l&apos;opération de provisionnement %2 attend un processus de provisionnement dans la file d&apos;attente.
</translation>
    </message>
    <message>
        <source>Service %1 is active (provisioning job %2).
</source>
        <translation>Le service %1 est actif (opération de provisionnement %2).
</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
    <message>
        <source>The service record has been created but provisioning did not complete. Please review the error and retry.</source>
        <translation>L&apos;enregistrement de service a été créé mais le provisionnement n&apos;a pas été complété. Veuillez examiner l&apos;erreur et réessayer.</translation>
    </message>
    <message>
        <source>Provision ID: %1</source>
        <translation>ID de provisionnement : %1</translation>
    </message>
    <message>
        <source>jobs show needs a provision ID (a whole number).</source>
        <translation>jobs show nécessite un ID de provisionnement (un nombre entier).</translation>
    </message>
    <message>
        <source>Provision ID: %1 (%2), attempt %3
</source>
        <translation>ID de provisionnement : %1 (%2), tentative %3
</translation>
    </message>
    <message>
        <source>jobs retry needs a provision ID (a whole number).</source>
        <translation>jobs retry nécessite un ID de provisionnement (un nombre entier).</translation>
    </message>
    <message>
        <source>Provisioning job %1 is queued again and resumes at the failed task.
</source>
        <translation>L&apos;opération de provisionnement %1 est de nouveau en file d&apos;attente et reprendra à la tâche en échec.
</translation>
    </message>
    <message>
        <source>Provisioning worker running on %1. Stop it with Ctrl+C.</source>
        <translation>Processus de provisionnement en cours d&apos;exécution sur %1. Arrêtez-le avec Ctrl+C.</translation>
    </message>
    <message>
        <source>Provisioning job %1 finished.</source>
        <translation>Opération de provisionnement %1 terminée.</translation>
    </message>
    <message>
        <source>--port must be between 0 and 65535.</source>
        <translation>--port doit être compris entre 0 et 65535.</translation>
    </message>
    <message>
        <source>Cannot listen on 127.0.0.1:%1. Choose another port.</source>
        <translation>Impossible d&apos;écouter sur 127.0.0.1:%1. Choisissez un autre port.</translation>
    </message>
    <message>
        <source>Network-element simulator listening on %1 (OCS %1/jsonrpc, HSS %1/, IPTV %1/iptv).</source>
        <translation>Simulateur d&apos;éléments réseau à l&apos;écoute sur %1 (OCS %1/jsonrpc, HSS %1/, IPTV %1/iptv).</translation>
    </message>
    <message>
        <source>The local user %1 has no staff account on this PostgreSQL database, and only an SQLite database signs the local user in automatically. Use --user LOGIN with your password (in SWITCHBOARD_PASSWORD or on stdin), or ask an administrator to run: switchboard-ctl user add %1 --role ROLE</source>
        <translation>L&apos;utilisateur local %1 n&apos;a pas de compte employé sur cette base de données PostgreSQL, et seule une base de données SQLite connecte automatiquement l&apos;utilisateur local. Utilisez --user LOGIN avec votre mot de passe (dans SWITCHBOARD_PASSWORD ou sur stdin), ou demandez à un administrateur d&apos;exécuter : switchboard-ctl user add %1 --role ROLE</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Mot de passe pour %1 : </translation>
    </message>
    <message>
        <source>No password for %1. Give it in SWITCHBOARD_PASSWORD or on the first line of stdin.</source>
        <translation>Aucun mot de passe pour %1. Indiquez-le dans SWITCHBOARD_PASSWORD ou sur la première ligne de stdin.</translation>
    </message>
    <message>
        <source>user add needs a LOGIN and --role ROLE.</source>
        <translation>user add nécessite un LOGIN et --role ROLE.</translation>
    </message>
    <message>
        <source>--role must be one of %1, not &quot;%2&quot;.</source>
        <translation>--role doit valoir l&apos;une de ces valeurs : %1, et non &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>New password for %1: </source>
        <translation>Nouveau mot de passe pour %1 : </translation>
    </message>
    <message>
        <source>No password for %1. Give it on a line of stdin.</source>
        <translation>Aucun mot de passe pour %1. Indiquez-le sur une ligne de stdin.</translation>
    </message>
    <message>
        <source>Staff account %1 (%2) added with the role %3.
</source>
        <translation>Compte employé %1 (%2) ajouté avec le rôle %3.
</translation>
    </message>
    <message>
        <source>user passwd needs the LOGIN whose password to set.</source>
        <translation>user passwd nécessite le LOGIN dont le mot de passe doit être défini.</translation>
    </message>
    <message>
        <source>The password of %1 has been changed.
</source>
        <translation>Le mot de passe de %1 a été modifié.
</translation>
    </message>
    <message>
        <source>amend-bundle needs --service ID (the Flexible Bundle service of the subscription).</source>
        <translation>amend-bundle nécessite --service ID (le service de type Offre groupée flexible de l&apos;abonnement).</translation>
    </message>
    <message>
        <source>--remove must be the ID of a component service, not &quot;%1&quot;.</source>
        <translation>--remove doit être l&apos;ID d&apos;un service composant, et non &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--schedule must be now, YYYY-MM-DD, YYYY-MM-DDTHH:MM or days:N, not &quot;%1&quot;.</source>
        <translation>--schedule doit valoir now, YYYY-MM-DD, YYYY-MM-DDTHH:MM ou days:N, et non &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--performed-date must be a date and time like 2026-05-31T14:30, not &quot;%1&quot;.</source>
        <translation>--performed-date doit être une date et une heure telles que 2026-05-31T14:30, et non &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>This request was submitted before as action %1; nothing was done again.
</source>
        <translation>Cette demande a déjà été soumise en tant qu&apos;action %1 ; rien n&apos;a été refait.
</translation>
    </message>
    <message>
        <source>Amend Bundle Services is scheduled for %1 (action %2).
</source>
        <translation>Modifier les services de l&apos;offre groupée est planifié pour le %1 (action %2).
</translation>
    </message>
    <message>
        <source>Bundle service %1 amended (action %2): %3 component(s) added, %4 removed.
</source>
        <translation>Service d&apos;offre groupée %1 modifié (action %2) : %3 composant(s) ajouté(s), %4 retiré(s).
</translation>
    </message>
    <message>
        <source>Provisioning jobs queued for the set-top boxes: %1.
</source>
        <translation>Opérations de provisionnement en file d&apos;attente pour les décodeurs : %1.
</translation>
    </message>
    <message>
        <source>Provisioning distributors removed: %1.
</source>
        <translation>Distributeurs de provisionnement supprimés : %1.
</translation>
    </message>
    <message>
        <source>The wallet was debited %1.
</source>
        <translation>Le portefeuille a été débité de %1.
</translation>
    </message>
    <message>
        <source>scheduled cancel needs the ID of a scheduled action (see scheduled list).</source>
        <translation>scheduled cancel nécessite l&apos;ID d&apos;une action planifiée (voir scheduled list).</translation>
    </message>
    <message>
        <source>Scheduled action %1 is cancelled.
</source>
        <translation>L&apos;action planifiée %1 est annulée.
</translation>
    </message>
    <message>
        <source>No subscription matches &quot;%1&quot;. Search by subscription number or customer name.
</source>
        <translation>Aucun abonnement ne correspond à &quot;%1&quot;. Recherchez par numéro d&apos;abonnement ou par nom de client.
</translation>
    </message>
    <message>
        <source>subscriptions show needs the subscription NUMBER (see subscriptions search).</source>
        <translation>subscriptions show nécessite le NUMBER de l&apos;abonnement (voir subscriptions search).</translation>
    </message>
    <message>
        <source>Subscription %1 of %2: %3, %4
</source>
        <translation>Abonnement %1 de %2 : %3, %4
</translation>
    </message>
    <message>
        <source>State history: %1
</source>
        <translation>Historique des états : %1
</translation>
    </message>
    <message>
        <source>Services:
</source>
        <translation>Services :
</translation>
    </message>
    <message>
        <source>Provisioning distributors:
</source>
        <translation>Distributeurs de provisionnement :
</translation>
    </message>
    <message>
        <source> (removed %1)</source>
        <translation> (supprimé le %1)</translation>
    </message>
    <message>
        <source>Wallet balance: %1
</source>
        <translation>Solde du portefeuille : %1
</translation>
    </message>
    <message>
        <source>Actions:
</source>
        <translation>Actions :
</translation>
    </message>
    <message>
        <source>Allowed components of %1:
</source>
        <translation>Composants autorisés de %1 :
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
        <translation>  nesim en HTTPS : ajoutez --tls-cert FILE --tls-key FILE [--client-ca FILE] (certificat client exigé)
</translation>
    </message>
    <message>
        <source>inventory import-sims needs the batch FILE and --transport-key-file F.</source>
        <translation>inventory import-sims nécessite le FILE du lot et --transport-key-file F.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n SIM card(s) of batch %1, keys sealed under the transport key with check value %2.
</source>
        <translation>
            <numerusform>%n carte SIM du lot %1 importée, clés chiffrées avec la clé de transport de valeur de contrôle %2.
</numerusform>
            <numerusform>%n cartes SIM du lot %1 importées, clés chiffrées avec la clé de transport de valeur de contrôle %2.
</numerusform>
        </translation>
    </message>
    <message>
        <source>No OP was given: OPc will be derived while provisioning from [sim] op in the settings file.
</source>
        <translation>Aucun OP n&apos;a été indiqué : l&apos;OPc sera dérivé lors du provisionnement à partir de [sim] op dans le fichier de paramètres.
</translation>
    </message>
    <message>
        <source>sim opc needs --ki HEX and --op HEX, each 32 hexadecimal digits.</source>
        <translation>sim opc nécessite --ki HEX et --op HEX, de 32 chiffres hexadécimaux chacun.</translation>
    </message>
    <message>
        <source>OpenSSL could not compute AES-128. Check the OpenSSL installation.</source>
        <translation>OpenSSL n&apos;a pas pu calculer AES-128. Vérifiez l&apos;installation d&apos;OpenSSL.</translation>
    </message>
    <message>
        <source>services cancel needs a service ID (a whole number).</source>
        <translation>services cancel nécessite un ID de service (un nombre entier).</translation>
    </message>
    <message>
        <source>Service %1 is being cancelled: provisioning job %2 removes it from the network elements.
</source>
        <translation>Le service %1 est en cours d&apos;annulation : l&apos;opération de provisionnement %2 le supprime des éléments réseau.
</translation>
    </message>
    <message>
        <source>  services verify ID   (exit code 3: the network differs from the database; 4: an element did not answer)
</source>
        <translation>  services verify ID   (code de sortie 3 : le réseau diffère de la base de données ; 4 : un élément n&apos;a pas répondu)
</translation>
    </message>
    <message>
        <source>Settings: --config FILE reads the network elements, mail, SIM keys and (without --db) the database
from that INI file, as the Settings dialog writes it; without it, from the user&apos;s settings.
</source>
        <translation>Paramètres : --config FILE lit les éléments réseau, la messagerie, les clés SIM et (sans --db) la base de données
dans ce fichier INI, tel que la boîte de dialogue Paramètres l&apos;écrit ; sans cette option, dans les paramètres de l&apos;utilisateur.
</translation>
    </message>
    <message>
        <source>services verify needs a service ID (a whole number).</source>
        <translation>services verify nécessite un ID de service (un nombre entier).</translation>
    </message>
    <message numerus="yes">
        <source>Service %1 (%2): %n check(s),</source>
        <translation>
            <numerusform>Service %1 (%2) : %n vérification,</numerusform>
            <numerusform>Service %1 (%2) : %n vérifications,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mismatch(es),</source>
        <translation>
            <numerusform>%n écart,</numerusform>
            <numerusform>%n écarts,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n element(s) unreachable</source>
        <translation>
            <numerusform>%n élément injoignable</numerusform>
            <numerusform>%n éléments injoignables</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2: %3 — expected %4, found %5
</source>
        <translation>%1 %2 : %3 — attendu %4, trouvé %5
</translation>
    </message>
    <message>
        <source>addons buy needs --customer ID and --product SLUG.</source>
        <translation>addons buy nécessite --customer ID et --product SLUG.</translation>
    </message>
    <message>
        <source>Which service should receive this add-on? Add one of:
%1</source>
        <translation>Quel service devrait recevoir cette option supplémentaire ? Ajoutez l&apos;un des éléments suivants :
%1</translation>
    </message>
    <message>
        <source>Add-on %1 bought for service %2; provisioning job %3 is queued for a worker.
</source>
        <translation>Option supplémentaire %1 achetée pour le service %2 ; l&apos;opération de provisionnement %3 attend un processus de provisionnement dans la file d&apos;attente.
</translation>
    </message>
    <message>
        <source>Add-on %1 is active on service %2. Balance: %3
</source>
        <translation>L&apos;option supplémentaire %1 est active sur le service %2. Solde : %3
</translation>
    </message>
    <message>
        <source>addons list needs --service ID.</source>
        <translation>addons list nécessite --service ID.</translation>
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
        <translation>Utilisation : switchboard-ctl [--db URL] [--user LOGIN] [--json] COMMAND
Les commandes d&apos;écriture s&apos;exécutent en tant que --user LOGIN (mot de passe dans SWITCHBOARD_PASSWORD ou sur la première ligne de
stdin) ; sans --user, en tant qu&apos;utilisateur local (connecté automatiquement uniquement sur une base de données SQLite).
Un nouveau mot de passe (user add, user passwd) se trouve sur la ligne suivante de stdin.
Commandes :
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
      (code de sortie 3 : lignes avec erreurs, rejetées, en échec ou annulées ; 4 : arrêtée, à reprendre plus tard)
</translation>
    </message>
    <message>
        <source>--field must be KEY=VALUE, for example &quot;po_number=PO-2025-001234&quot;, not &quot;%1&quot;.</source>
        <translation>--field doit être de la forme KEY=VALUE, par exemple &quot;po_number=PO-2025-001234&quot;, et non &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The customer has no site &quot;%1&quot;. Give the site&apos;s name or ID.</source>
        <translation>Le client n&apos;a aucun site &quot;%1&quot;. Indiquez le nom ou l&apos;ID du site.</translation>
    </message>
    <message>
        <source>import-csv needs exactly one of: a FILE, --resume ID or --retry-failed ID.</source>
        <translation>import-csv nécessite exactement l&apos;un de ces éléments : un FILE, --resume ID ou --retry-failed ID.</translation>
    </message>
    <message>
        <source>--dry-run checks a FILE; it does not go with --resume or --retry-failed.</source>
        <translation>--dry-run vérifie un FILE ; il ne s&apos;utilise pas avec --resume ni --retry-failed.</translation>
    </message>
    <message>
        <source>%1 rows: %2 can be assigned, %3 have errors.
</source>
        <translation>%1 lignes : %2 peuvent être attribuées, %3 comportent des erreurs.
</translation>
    </message>
    <message>
        <source>Bulk import %1 started: %2 rows to assign, %3 rejected.</source>
        <translation>Importation en masse %1 démarrée : %2 lignes à attribuer, %3 rejetées.</translation>
    </message>
    <message>
        <source>Bulk import %1 resumed.</source>
        <translation>Importation en masse %1 reprise.</translation>
    </message>
    <message>
        <source>Bulk import %1: %2 failed rows are retried.</source>
        <translation>Importation en masse %1 : nouvelle tentative pour %2 lignes en échec.</translation>
    </message>
    <message>
        <source>Jobs are queued for switchboard-worker; this command waits for them.</source>
        <translation>Les opérations sont en file d&apos;attente pour switchboard-worker ; cette commande attend leur fin.</translation>
    </message>
    <message>
        <source>Provisioning with the worker of this command; stop with Ctrl+C and continue later with --resume %1.</source>
        <translation>Provisionnement avec le processus de cette commande ; arrêtez avec Ctrl+C et reprenez plus tard avec --resume %1.</translation>
    </message>
    <message>
        <source>Import %1: %2 of %3 rows done (%4 succeeded, %5 failed, %6 rejected), %7 in flight, %8 pending.</source>
        <translation>Importation %1 : %2 lignes sur %3 traitées (%4 réussies, %5 en échec, %6 rejetées), %7 en cours, %8 en attente.</translation>
    </message>
    <message>
        <source>Report written to %1.</source>
        <translation>Rapport écrit dans %1.</translation>
    </message>
    <message>
        <source>Stopped. Bulk import %1 continues with: switchboard-ctl import-csv --resume %1
</source>
        <translation>Arrêté. L&apos;importation en masse %1 se poursuit avec : switchboard-ctl import-csv --resume %1
</translation>
    </message>
    <message>
        <source>Bulk import %1 %2: %3 succeeded, %4 failed, %5 rejected, %6 cancelled of %7 rows.
</source>
        <translation>Importation en masse %1 %2 : %3 réussies, %4 en échec, %5 rejetées, %6 annulées sur %7 lignes.
</translation>
    </message>
</context>
<context>
    <name>CustomField</name>
    <message>
        <source>Purchase Order Number</source>
        <translation>Numéro de commande</translation>
    </message>
    <message>
        <source>Cost Centre</source>
        <translation>Centre de coûts</translation>
    </message>
    <message>
        <source>Account Number</source>
        <translation>Numéro de compte</translation>
    </message>
</context>
<context>
    <name>Customer</name>
    <message>
        <source>Enter the customer&apos;s name.</source>
        <translation>Saisissez le nom du client.</translation>
    </message>
    <message>
        <source>The email address &quot;%1&quot; is not valid. Enter it as name@example.com, or leave it empty.</source>
        <translation>L&apos;adresse e-mail &quot;%1&quot; n&apos;est pas valide. Saisissez-la sous la forme name@example.com, ou laissez-la vide.</translation>
    </message>
    <message>
        <source>The phone number &quot;%1&quot; is not valid. Enter at least 6 digits (spaces, +, - and brackets are allowed), or leave it empty.</source>
        <translation>Le numéro de téléphone &quot;%1&quot; n&apos;est pas valide. Saisissez au moins 6 chiffres (espaces, +, - et parenthèses autorisés), ou laissez-le vide.</translation>
    </message>
    <message>
        <source>Choose the customer&apos;s language: English, Portuguese (Brazil), French or Spanish.</source>
        <translation>Choisissez la langue du client : anglais, portugais (Brésil), français ou espagnol.</translation>
    </message>
    <message>
        <source>Choose the payment method: card, direct debit or none.</source>
        <translation>Choisissez le moyen de paiement : carte, prélèvement ou aucun.</translation>
    </message>
    <message>
        <source>An expiry date needs a payment method. Choose card or direct debit, or clear the expiry date.</source>
        <translation>Une date d&apos;expiration nécessite un moyen de paiement. Choisissez carte ou prélèvement, ou effacez la date d&apos;expiration.</translation>
    </message>
    <message>
        <source>The payment method expired on %1. Enter a future expiry date, or clear it if the payment method does not expire.</source>
        <translation>Le moyen de paiement a expiré le %1. Saisissez une date d&apos;expiration future, ou effacez-la si le moyen de paiement n&apos;expire pas.</translation>
    </message>
    <message>
        <source>Enter a name for the site, for example &quot;Head office&quot;.</source>
        <translation>Saisissez un nom pour le site, par exemple &quot;Siège social&quot;.</translation>
    </message>
    <message>
        <source>Choose the contact&apos;s role: billing or technical.</source>
        <translation>Choisissez le rôle du contact : facturation ou technique.</translation>
    </message>
    <message>
        <source>Enter the billing contact&apos;s name.</source>
        <translation>Saisissez le nom du contact de facturation.</translation>
    </message>
    <message>
        <source>Enter the technical contact&apos;s name.</source>
        <translation>Saisissez le nom du contact technique.</translation>
    </message>
    <message>
        <source>Enter the contact&apos;s name.</source>
        <translation>Saisissez le nom du contact.</translation>
    </message>
    <message>
        <source>The contact email address &quot;%1&quot; is not valid. Enter it as name@example.com, or leave it empty.</source>
        <translation>L&apos;adresse e-mail du contact &quot;%1&quot; n&apos;est pas valide. Saisissez-la sous la forme name@example.com, ou laissez-la vide.</translation>
    </message>
    <message>
        <source>The contact phone number &quot;%1&quot; is not valid. Enter at least 6 digits, or leave it empty.</source>
        <translation>Le numéro de téléphone du contact &quot;%1&quot; n&apos;est pas valide. Saisissez au moins 6 chiffres, ou laissez-le vide.</translation>
    </message>
    <message>
        <source>%1 is already the email address of %2 (ID: %3). Open that customer instead, or enter another email address.</source>
        <translation>%1 est déjà l&apos;adresse e-mail de %2 (ID : %3). Ouvrez plutôt ce client, ou saisissez une autre adresse e-mail.</translation>
    </message>
    <message>
        <source>Customer %1 does not exist. Search for the customer again.</source>
        <translation>Le client %1 n&apos;existe pas. Recherchez à nouveau le client.</translation>
    </message>
</context>
<context>
    <name>DatabaseProbe</name>
    <message>
        <source>Cannot reach the database server at %1. Check the host name and the port, and that the server is running.</source>
        <translation>Impossible de joindre le serveur de base de données %1. Vérifiez le nom d&apos;hôte et le port, et que le serveur est en cours d&apos;exécution.</translation>
    </message>
    <message>
        <source>The server at %1 did not accept the user %2 with this password. Check the user name and the password.</source>
        <translation>Le serveur %1 n&apos;a pas accepté l&apos;utilisateur %2 avec ce mot de passe. Vérifiez le nom d&apos;utilisateur et le mot de passe.</translation>
    </message>
    <message>
        <source>The secure (TLS) connection to %1 failed: the server offers no TLS, or its certificate could not be verified with the CA file. Check the TLS mode and the CA file.</source>
        <translation>La connexion sécurisée (TLS) à %1 a échoué : le serveur ne propose pas TLS, ou son certificat n&apos;a pas pu être vérifié avec le fichier CA. Vérifiez le mode TLS et le fichier CA.</translation>
    </message>
    <message>
        <source>The server at %1 has no database called %2. Check the database name.</source>
        <translation>Le serveur %1 n&apos;a aucune base de données nommée %2. Vérifiez le nom de la base de données.</translation>
    </message>
    <message>
        <source>%1 is not a Switchboard database: it holds other data. Choose a Switchboard database or an empty one.</source>
        <translation>%1 n&apos;est pas une base de données Switchboard : elle contient d&apos;autres données. Choisissez une base de données Switchboard ou une base vide.</translation>
    </message>
    <message>
        <source>The database %1 could not be opened: %2</source>
        <translation>La base de données %1 n&apos;a pas pu être ouverte : %2</translation>
    </message>
    <message>
        <source>Connected. The database is empty: Switchboard sets it up when it starts.</source>
        <translation>Connecté. La base de données est vide : Switchboard la prépare au démarrage.</translation>
    </message>
    <message>
        <source>Connected. The database has schema version %1; Switchboard upgrades it to version %2 when it starts.</source>
        <translation>Connecté. La base de données a la version de schéma %1 ; Switchboard la met à niveau vers la version %2 au démarrage.</translation>
    </message>
    <message>
        <source>Connected. The database is up to date (schema version %1).</source>
        <translation>Connecté. La base de données est à jour (version du schéma %1).</translation>
    </message>
    <message>
        <source>Switchboard cannot create files in the folder %1. Choose another place for the database file.</source>
        <translation>Switchboard ne peut pas créer de fichiers dans le dossier %1. Choisissez un autre emplacement pour le fichier de base de données.</translation>
    </message>
    <message>
        <source>The file %1 does not exist yet: Switchboard creates it when it starts.</source>
        <translation>Le fichier %1 n&apos;existe pas encore : Switchboard le crée au démarrage.</translation>
    </message>
</context>
<context>
    <name>DatabaseUrl</name>
    <message>
        <source>The database URL %1 names no file. Write it as sqlite:///path/to/file.db.</source>
        <translation>L&apos;URL de base de données %1 n&apos;indique aucun fichier. Écrivez-la sous la forme sqlite:///path/to/file.db.</translation>
    </message>
    <message>
        <source>The database URL %1 is not valid. Write it as postgresql://user:password@host:port/database.</source>
        <translation>L&apos;URL de base de données %1 n&apos;est pas valide. Écrivez-la sous la forme postgresql://user:password@host:port/database.</translation>
    </message>
    <message>
        <source>%1 is not a database URL. Use sqlite:///path/to/file.db or postgresql://user@host:port/database.</source>
        <translation>%1 n&apos;est pas une URL de base de données. Utilisez sqlite:///path/to/file.db ou postgresql://user@host:port/database.</translation>
    </message>
</context>
<context>
    <name>ElementCredentials</name>
    <message>
        <source>The credentials key file %1 cannot be read or created. Check the file and its folder, or set another file in Settings.</source>
        <translation>Le fichier de clé des identifiants %1 ne peut être ni lu ni créé. Vérifiez le fichier et son dossier, ou définissez un autre fichier dans les Paramètres.</translation>
    </message>
</context>
<context>
    <name>ElementProbe</name>
    <message>
        <source>Connected: the %1 at %2 answered.</source>
        <translation>Connecté : %1 (%2) a répondu.</translation>
    </message>
    <message>
        <source>The %1 database file %2 does not exist. Check the path in Settings.</source>
        <translation>Le fichier de base de données de %1 %2 n&apos;existe pas. Vérifiez le chemin dans les Paramètres.</translation>
    </message>
    <message>
        <source>Unable to connect to the %1 database at %2. Check that the database server is running and that the address in Settings is right.</source>
        <translation>Impossible de se connecter à la base de données de %1 sur %2. Vérifiez que le serveur de base de données fonctionne et que l&apos;adresse dans les Paramètres est correcte.</translation>
    </message>
    <message>
        <source>The %1 database at %2 did not accept the user %3 with this password. Check the user name and the password.</source>
        <translation>La base de données de %1 sur %2 n&apos;a pas accepté l&apos;utilisateur %3 avec ce mot de passe. Vérifiez le nom d&apos;utilisateur et le mot de passe.</translation>
    </message>
    <message>
        <source>The %1 database %2 could not be opened: %3</source>
        <translation>La base de données de %1 %2 n&apos;a pas pu être ouverte : %3</translation>
    </message>
    <message>
        <source>The %1 database %2 opened, but it has no table %3. Check that the URL names the database the %1 reads and that its SQL schema is loaded.</source>
        <translation>La base de données de %1 %2 s&apos;est ouverte, mais elle n&apos;a pas de table %3. Vérifiez que l&apos;URL désigne la base de données que lit %1 et que son schéma SQL est chargé.</translation>
    </message>
    <message>
        <source>Connected: the %1 database %2 has the table %3.</source>
        <translation>Connecté : la base de données de %1 %2 contient la table %3.</translation>
    </message>
    <message>
        <source>Connected: the mail server at %1 answered over %2.</source>
        <translation>Connecté : le serveur de messagerie %1 a répondu en %2.</translation>
    </message>
    <message>
        <source>No address is set: the built-in simulator serves the %1. Nothing to test.</source>
        <translation>Aucune adresse n&apos;est définie : le simulateur intégré tient lieu de %1. Rien à tester.</translation>
    </message>
    <message>
        <source>No database is set: the embedded %1 database in the data folder is used. Nothing to test.</source>
        <translation>Aucune base de données n&apos;est définie : la base de données intégrée de %1 dans le dossier de données est utilisée. Rien à tester.</translation>
    </message>
    <message>
        <source>No SMTP server is set: mail goes to the outbox folder. Nothing to test.</source>
        <translation>Aucun serveur SMTP n&apos;est défini : les e-mails vont dans le dossier d&apos;envoi. Rien à tester.</translation>
    </message>
    <message>
        <source>Nothing to test.</source>
        <translation>Rien à tester.</translation>
    </message>
    <message>
        <source>The %1 at %2 refused the provisioning key (HTTP %3). Check the provisioning key set for it in Settings.</source>
        <translation>Le %1 à %2 a refusé la clé de provisionnement (HTTP %3). Vérifiez la clé de provisionnement définie pour lui dans les Paramètres.</translation>
    </message>
    <message>
        <source>The %1 at %2 refused the API key (HTTP %3). Check the API key set for it in Settings.</source>
        <translation>Le %1 à %2 a refusé la clé d&apos;API (HTTP %3). Vérifiez la clé d&apos;API définie pour lui dans les Paramètres.</translation>
    </message>
</context>
<context>
    <name>ElementSettings</name>
    <message>
        <source>CA bundle:</source>
        <translation>Bundle CA :</translation>
    </message>
    <message>
        <source>Empty: the system&apos;s trusted CAs only</source>
        <translation>Vide : uniquement les CA de confiance du système</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>Certificat client :</translation>
    </message>
    <message>
        <source>Empty: no client certificate</source>
        <translation>Vide : pas de certificat client</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>Clé client :</translation>
    </message>
    <message>
        <source>Empty: the key is in the certificate file</source>
        <translation>Vide : la clé est dans le fichier du certificat</translation>
    </message>
    <message>
        <source>Verification:</source>
        <translation>Vérification :</translation>
    </message>
    <message>
        <source>JSON-RPC URL:</source>
        <translation>URL JSON-RPC :</translation>
    </message>
    <message>
        <source>Empty: the built-in simulator</source>
        <translation>Vide : le simulateur intégré</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>Délai d&apos;attente :</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>PyHSS REST URL:</source>
        <translation>URL REST de PyHSS :</translation>
    </message>
    <message>
        <source>Provisioning key:</source>
        <translation>Clé de provisionnement :</translation>
    </message>
    <message>
        <source>Empty: none</source>
        <translation>Vide : aucune</translation>
    </message>
    <message>
        <source>osmo-hlr CTRL (host:port):</source>
        <translation>CTRL osmo-hlr (hôte:port) :</translation>
    </message>
    <message>
        <source>Empty: 127.0.0.1:4259</source>
        <translation>Vide : 127.0.0.1:4259</translation>
    </message>
    <message>
        <source>REST URL:</source>
        <translation>URL REST :</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>Clé d&apos;API :</translation>
    </message>
    <message>
        <source>Database URL:</source>
        <translation>URL de la base de données :</translation>
    </message>
    <message>
        <source>Empty: the embedded RADIUS database in the data folder</source>
        <translation>Vide : la base de données RADIUS intégrée dans le dossier de données</translation>
    </message>
    <message>
        <source>Database password:</source>
        <translation>Mot de passe de la base de données :</translation>
    </message>
    <message>
        <source>Empty: the embedded Kamailio database in the data folder</source>
        <translation>Vide : la base de données Kamailio intégrée dans le dossier de données</translation>
    </message>
    <message>
        <source>SIP domain:</source>
        <translation>Domaine SIP :</translation>
    </message>
    <message>
        <source>Empty: the domain set in the product</source>
        <translation>Vide : le domaine défini dans le produit</translation>
    </message>
    <message>
        <source>SMTP server:</source>
        <translation>Serveur SMTP :</translation>
    </message>
    <message>
        <source>Empty: mail goes to the outbox folder</source>
        <translation>Vide : les e-mails vont dans le dossier d&apos;envoi</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <source>587</source>
        <translation>587</translation>
    </message>
    <message>
        <source>Sender address:</source>
        <translation>Adresse de l&apos;expéditeur :</translation>
    </message>
    <message>
        <source>e.g. noreply@example.com</source>
        <translation>ex. : noreply@example.com</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Nom d&apos;utilisateur :</translation>
    </message>
    <message>
        <source>Empty: no sign-in</source>
        <translation>Vide : pas d&apos;authentification</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>STARTTLS:</source>
        <translation>STARTTLS :</translation>
    </message>
    <message>
        <source>Transport key file:</source>
        <translation>Fichier de la clé de transport :</translation>
    </message>
    <message>
        <source>Empty: give it when importing SIM batches</source>
        <translation>Vide : indiquez-le lors de l&apos;importation des lots SIM</translation>
    </message>
    <message>
        <source>Operator key (OP):</source>
        <translation>Clé de l&apos;opérateur (OP) :</translation>
    </message>
    <message>
        <source>Empty: SIM cards bring their OPc</source>
        <translation>Vide : les cartes SIM fournissent leur OPc</translation>
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
        <translation>Registrar SIP</translation>
    </message>
    <message>
        <source>Mail (SMTP)</source>
        <translation>Messagerie (SMTP)</translation>
    </message>
    <message>
        <source>SIM keys</source>
        <translation>Clés SIM</translation>
    </message>
    <message>
        <source>Enter a full address that starts with http:// or https://, for example https://ocs.example.net:2080/jsonrpc.</source>
        <translation>Saisissez une adresse complète commençant par http:// ou https://, par exemple https://ocs.example.net:2080/jsonrpc.</translation>
    </message>
    <message>
        <source>Enter host:port, for example 127.0.0.1:4259, with a port from 1 to 65535.</source>
        <translation>Saisissez hôte:port, par exemple 127.0.0.1:4259, avec un port de 1 à 65535.</translation>
    </message>
    <message>
        <source>Enter a host name or IP address only, without http:// or a port.</source>
        <translation>Saisissez uniquement un nom d&apos;hôte ou une adresse IP, sans http:// ni port.</translation>
    </message>
    <message>
        <source>Enter a port from 1 to 65535.</source>
        <translation>Saisissez un port de 1 à 65535.</translation>
    </message>
    <message>
        <source>Enter an email address such as noreply@example.com.</source>
        <translation>Saisissez une adresse e-mail comme noreply@example.com.</translation>
    </message>
    <message>
        <source>Enter 32 hexadecimal digits (16 bytes).</source>
        <translation>Saisissez 32 chiffres hexadécimaux (16 octets).</translation>
    </message>
    <message>
        <source>The file %1 does not exist. Check the path.</source>
        <translation>Le fichier %1 n&apos;existe pas. Vérifiez le chemin.</translation>
    </message>
    <message>
        <source>Switchboard cannot read the file %1. Check that it is a file and its permissions.</source>
        <translation>Switchboard ne peut pas lire le fichier %1. Vérifiez qu&apos;il s&apos;agit bien d&apos;un fichier et ses autorisations.</translation>
    </message>
    <message>
        <source>Enter a timeout from 1 to 600 seconds.</source>
        <translation>Saisissez un délai d&apos;attente de 1 à 600 secondes.</translation>
    </message>
    <message>
        <source>Choose one of the listed kinds.</source>
        <translation>Choisissez l&apos;un des types proposés.</translation>
    </message>
</context>
<context>
    <name>ImportCsvDialog</name>
    <message>
        <source>The file %1 could not be written. Check that the folder exists and that you may write to it.</source>
        <translation>Impossible d&apos;écrire le fichier %1. Vérifiez que le dossier existe et que vous avez le droit d&apos;y écrire.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read. Check that it exists and that you may read it.</source>
        <translation>Le fichier %1 est illisible. Vérifiez qu&apos;il existe et que vous avez le droit de le lire.</translation>
    </message>
</context>
<context>
    <name>Inventory</name>
    <message>
        <source>There is no inventory template called &quot;%1&quot;. Known templates: %2.</source>
        <translation>Il n&apos;existe aucun modèle d&apos;inventaire nommé &quot;%1&quot;. Modèles connus : %2.</translation>
    </message>
    <message>
        <source>SIM Card</source>
        <translation>Carte SIM</translation>
    </message>
    <message>
        <source>Mobile Number</source>
        <translation>Numéro de mobile</translation>
    </message>
    <message>
        <source>CPE Modem</source>
        <translation>Modem CPE</translation>
    </message>
    <message>
        <source>Set-top Box</source>
        <translation>Décodeur</translation>
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
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>En vigueur</translation>
    </message>
    <message>
        <source>Not Effective</source>
        <translation>Non en vigueur</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>Résilié</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>Prepaid</source>
        <translation>Prépayé</translation>
    </message>
    <message>
        <source>Postpaid</source>
        <translation>Postpayé</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Planifié</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échoué</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Product Type</source>
        <translation>Type de produit</translation>
    </message>
    <message>
        <source>Product Family</source>
        <translation>Famille de produits</translation>
    </message>
</context>
<context>
    <name>MailError</name>
    <message>
        <source>The mail server at %1 accepts mail only over an encrypted connection. Turn STARTTLS on in the mail settings.</source>
        <translation>Le serveur de messagerie %1 n&apos;accepte les e-mails que sur une connexion chiffrée. Activez STARTTLS dans les paramètres de messagerie.</translation>
    </message>
    <message>
        <source>The mail server at %1 requires signing in. Set the mail user name and password in Settings.</source>
        <translation>Le serveur de messagerie %1 exige une authentification. Définissez le nom d&apos;utilisateur et le mot de passe de messagerie dans les Paramètres.</translation>
    </message>
    <message>
        <source>The mail server at %1 refused the sender address %2 (%3). Check the sender (from) address in the mail settings.</source>
        <translation>Le serveur de messagerie %1 a refusé l&apos;adresse d&apos;expéditeur %2 (%3). Vérifiez l&apos;adresse d&apos;expéditeur (from) dans les paramètres de messagerie.</translation>
    </message>
    <message>
        <source>The mail server at %1 rejected the recipient %2 (%3). Check the customer&apos;s email address, then retry.</source>
        <translation>Le serveur de messagerie %1 a rejeté le destinataire %2 (%3). Vérifiez l&apos;adresse e-mail du client, puis réessayez.</translation>
    </message>
    <message>
        <source>The mail server at %1 refused the message (%2). Check its logs and limits, then retry.</source>
        <translation>Le serveur de messagerie %1 a refusé le message (%2). Vérifiez ses journaux et ses limites, puis réessayez.</translation>
    </message>
    <message>
        <source>The mail server at %1 did not answer within %2 seconds. Check that it is running and that the port in the mail settings is its SMTP port.</source>
        <translation>Le serveur de messagerie %1 n&apos;a pas répondu dans un délai de %2 secondes. Vérifiez qu&apos;il fonctionne et que le port indiqué dans les paramètres de messagerie est bien son port SMTP.</translation>
    </message>
    <message>
        <source>Unable to connect to the mail server at %1. Check that it is running and that the mail host and port in Settings are right.</source>
        <translation>Impossible de se connecter au serveur de messagerie %1. Vérifiez qu&apos;il fonctionne et que l&apos;hôte et le port de messagerie dans les Paramètres sont corrects.</translation>
    </message>
    <message>
        <source>The mail server at %1 does not offer STARTTLS, so the mail would travel unencrypted. Enable STARTTLS on the server, or check that the port in the mail settings is its submission port.</source>
        <translation>Le serveur de messagerie %1 ne propose pas STARTTLS : l&apos;e-mail circulerait donc sans chiffrement. Activez STARTTLS sur le serveur, ou vérifiez que le port indiqué dans les paramètres de messagerie est bien son port de soumission.</translation>
    </message>
    <message>
        <source>The mail server at %1 presented a certificate that is not signed by a trusted CA. Set the CA bundle in the mail settings or check the server&apos;s certificate.</source>
        <translation>Le serveur de messagerie %1 a présenté un certificat qui n&apos;est pas signé par une CA de confiance. Définissez le bundle CA dans les paramètres de messagerie ou vérifiez le certificat du serveur.</translation>
    </message>
    <message>
        <source>The certificate of the mail server at %1 was issued for another host name. Use the name in its certificate as the mail host in Settings, or check the server&apos;s certificate.</source>
        <translation>Le certificat du serveur de messagerie %1 a été émis pour un autre nom d&apos;hôte. Utilisez le nom figurant dans son certificat comme hôte de messagerie dans les Paramètres, ou vérifiez le certificat du serveur.</translation>
    </message>
    <message>
        <source>The certificate of the mail server at %1 has expired or is not valid yet. Renew the server&apos;s certificate or check this computer&apos;s clock.</source>
        <translation>Le certificat du serveur de messagerie %1 a expiré ou n&apos;est pas encore valide. Renouvelez le certificat du serveur ou vérifiez l&apos;horloge de cet ordinateur.</translation>
    </message>
    <message>
        <source>The mail server at %1 did not complete the encrypted connection in time. Check that it is running, then retry.</source>
        <translation>Le serveur de messagerie %1 n&apos;a pas établi la connexion chiffrée à temps. Vérifiez qu&apos;il fonctionne, puis réessayez.</translation>
    </message>
    <message>
        <source>The secure connection to the mail server at %1 failed. Check its certificate and the CA bundle in the mail settings.</source>
        <translation>La connexion sécurisée au serveur de messagerie %1 a échoué. Vérifiez son certificat et le bundle CA dans les paramètres de messagerie.</translation>
    </message>
    <message>
        <source>The mail server at %1 offers no sign-in method Switchboard knows (it offers %2; Switchboard uses PLAIN or LOGIN). Enable one of them on the server.</source>
        <translation>Le serveur de messagerie %1 ne propose aucune méthode d&apos;authentification connue de Switchboard (il propose %2 ; Switchboard utilise PLAIN ou LOGIN). Activez l&apos;une d&apos;elles sur le serveur.</translation>
    </message>
    <message>
        <source>The mail server at %1 refused the user name or password (%2). Check the mail account in Settings.</source>
        <translation>Le serveur de messagerie %1 a refusé le nom d&apos;utilisateur ou le mot de passe (%2). Vérifiez le compte de messagerie dans les Paramètres.</translation>
    </message>
    <message>
        <source>The mail server at %1 closed the connection unexpectedly. Check its logs, then retry.</source>
        <translation>Le serveur de messagerie %1 a fermé la connexion de manière inattendue. Vérifiez ses journaux, puis réessayez.</translation>
    </message>
    <message>
        <source>The mail server at %1 gave an unexpected answer (%2). Check that the mail host and port in Settings point to an SMTP server.</source>
        <translation>Le serveur de messagerie %1 a donné une réponse inattendue (%2). Vérifiez que l&apos;hôte et le port de messagerie dans les Paramètres pointent vers un serveur SMTP.</translation>
    </message>
</context>
<context>
    <name>NetworkError</name>
    <message>
        <source>The OCS has no account &quot;%1&quot; in tenant &quot;%2&quot;. Check the account name, or create the account first.</source>
        <translation>OCS n&apos;a pas de compte &quot;%1&quot; dans le tenant &quot;%2&quot;. Vérifiez le nom du compte ou créez d&apos;abord le compte.</translation>
    </message>
    <message>
        <source>The OCS found nothing for %1 (NOT_FOUND). Check the names sent in the request.</source>
        <translation>OCS n&apos;a rien trouvé pour %1 (NOT_FOUND). Vérifiez les noms envoyés dans la requête.</translation>
    </message>
    <message>
        <source>The OCS already holds what %1 tried to create (EXISTS). Check whether an earlier attempt created it.</source>
        <translation>OCS contient déjà ce que %1 a tenté de créer (EXISTS). Vérifiez si une tentative précédente l&apos;a créé.</translation>
    </message>
    <message>
        <source>The OCS rejected %1 because required fields are missing: %2. Check the parameters of this task in its playbook.</source>
        <translation>OCS a rejeté %1 car des champs obligatoires sont manquants : %2. Vérifiez les paramètres de cette tâche dans son playbook.</translation>
    </message>
    <message>
        <source>The OCS reported an internal error for %1: %2. Check the OCS logs and its database, then retry.</source>
        <translation>OCS a signalé une erreur interne pour %1 : %2. Vérifiez les journaux d&apos;OCS et sa base de données, puis réessayez.</translation>
    </message>
    <message>
        <source>The OCS refused %1 because account &quot;%2&quot; has insufficient credit. Top up the account or check its balances.</source>
        <translation>OCS a refusé %1 car le compte &quot;%2&quot; n&apos;a pas assez de crédit. Rechargez le compte ou vérifiez ses soldes.</translation>
    </message>
    <message>
        <source>The OCS refused %1 because account &quot;%2&quot; is disabled. Enable the account in the OCS, then retry.</source>
        <translation>OCS a refusé %1 car le compte &quot;%2&quot; est désactivé. Activez le compte dans OCS, puis réessayez.</translation>
    </message>
    <message>
        <source>The OCS is busy: too many requests at once. Wait a moment, then retry; if it keeps happening, raise its concurrent request limit.</source>
        <translation>OCS est occupé : trop de requêtes simultanées. Patientez un instant, puis réessayez ; si le problème persiste, augmentez sa limite de requêtes simultanées.</translation>
    </message>
    <message>
        <source>The OCS does not know the method %1. Check that the address in Settings points to CGRateS and that its version supports this method.</source>
        <translation>OCS ne connaît pas la méthode %1. Vérifiez que l&apos;adresse dans les Paramètres pointe vers CGRateS et que sa version prend en charge cette méthode.</translation>
    </message>
    <message>
        <source>The OCS rejected %1: %2. Check the OCS logs for details.</source>
        <translation>OCS a rejeté %1 : %2. Consultez les journaux d&apos;OCS pour plus de détails.</translation>
    </message>
    <message>
        <source>The address of the %1 is not set. Enter it in Settings.</source>
        <translation>L&apos;adresse de %1 n&apos;est pas définie. Saisissez-la dans les Paramètres.</translation>
    </message>
    <message>
        <source>Unable to connect to %1 at %2. Check that it is online and that its address in Settings is right.</source>
        <translation>Impossible de se connecter à %1 à l&apos;adresse %2. Vérifiez qu&apos;il est en ligne et que son adresse dans les Paramètres est correcte.</translation>
    </message>
    <message>
        <source>The %1 at %2 did not answer within %3 seconds. Check that it is running and not overloaded, then retry.</source>
        <translation>%1 (%2) n&apos;a pas répondu dans un délai de %3 secondes. Vérifiez qu&apos;il fonctionne et qu&apos;il n&apos;est pas surchargé, puis réessayez.</translation>
    </message>
    <message>
        <source>The secure connection to the %1 at %2 failed. Check its certificate, the CA bundle set for it in Settings, and whether the address should start with http or https.</source>
        <translation>La connexion sécurisée à %1 (%2) a échoué. Vérifiez son certificat, le bundle CA défini pour lui dans les Paramètres, et si l&apos;adresse doit commencer par http ou https.</translation>
    </message>
    <message>
        <source>The %1 at %2 closed the connection before answering. Check its logs for a crash or restart, then retry.</source>
        <translation>%1 (%2) a fermé la connexion avant de répondre. Recherchez dans ses journaux un plantage ou un redémarrage, puis réessayez.</translation>
    </message>
    <message>
        <source>The request to the %1 at %2 failed: %3. Check the network connection and the address in Settings.</source>
        <translation>La requête vers %1 (%2) a échoué : %3. Vérifiez la connexion réseau et l&apos;adresse dans les Paramètres.</translation>
    </message>
    <message>
        <source>The %1 at %2 reported an internal error (HTTP %3). Check its logs, then retry.</source>
        <translation>%1 (%2) a signalé une erreur interne (HTTP %3). Vérifiez ses journaux, puis réessayez.</translation>
    </message>
    <message>
        <source>The %1 at %2 rejected the request (HTTP %3). Check that its address in Settings points to the right service.</source>
        <translation>%1 (%2) a rejeté la requête (HTTP %3). Vérifiez que son adresse dans les Paramètres pointe vers le bon service.</translation>
    </message>
    <message>
        <source>The %1 at %2 sent a reply that could not be read. Check that its address in Settings points to the %1 and not to another service.</source>
        <translation>%1 (%2) a envoyé une réponse illisible. Vérifiez que son adresse dans les Paramètres pointe vers %1 et non vers un autre service.</translation>
    </message>
    <message>
        <source>The IPTV middleware refused the API key. Check the IPTV middleware key in Settings.</source>
        <translation>Le middleware IPTV a refusé la clé d&apos;API. Vérifiez la clé du middleware IPTV dans les Paramètres.</translation>
    </message>
    <message>
        <source>The IPTV middleware rejected the request for device %1: %2. Check the device serial and the channel packages of the plan.</source>
        <translation>Le middleware IPTV a rejeté la requête pour l&apos;appareil %1 : %2. Vérifiez le numéro de série de l&apos;appareil et les bouquets de chaînes du plan.</translation>
    </message>
    <message>
        <source>The IPTV middleware has no device with serial %1. Check the serial; the device may have been deactivated already.</source>
        <translation>Le middleware IPTV n&apos;a aucun appareil avec le numéro de série %1. Vérifiez le numéro de série ; l&apos;appareil a peut-être déjà été désactivé.</translation>
    </message>
    <message>
        <source>Device %1 is already active on another account in the IPTV middleware. Check the serial, or deactivate the device there first.</source>
        <translation>L&apos;appareil %1 est déjà actif sur un autre compte dans le middleware IPTV. Vérifiez le numéro de série, ou désactivez d&apos;abord l&apos;appareil dans le middleware.</translation>
    </message>
    <message>
        <source>The HSS refused the provisioning key. Check the HSS provisioning key in Settings; it must match the one in the PyHSS configuration.</source>
        <translation>Le HSS a refusé la clé de provisionnement. Vérifiez la clé de provisionnement du HSS dans les Paramètres ; elle doit correspondre à celle de la configuration de PyHSS.</translation>
    </message>
    <message>
        <source>The HSS already has authentication data (AuC) for IMSI %1 or for its ICCID. Check the SIM card, or remove the old AuC from the HSS first.</source>
        <translation>Le HSS possède déjà des données d&apos;authentification (AuC) pour l&apos;IMSI %1 ou pour son ICCID. Vérifiez la carte SIM, ou supprimez d&apos;abord l&apos;ancien AuC du HSS.</translation>
    </message>
    <message>
        <source>The HSS already has a subscriber with IMSI %1, or its AuC is already in use. Check the IMSI, or remove the old subscriber from the HSS first.</source>
        <translation>Le HSS possède déjà un abonné avec l&apos;IMSI %1, ou son AuC est déjà utilisé. Vérifiez l&apos;IMSI, ou supprimez d&apos;abord l&apos;ancien abonné du HSS.</translation>
    </message>
    <message>
        <source>The HSS rejected %1: %2. Check the subscriber and SIM data sent by this task.</source>
        <translation>Le HSS a rejeté %1 : %2. Vérifiez les données d&apos;abonné et de SIM envoyées par cette tâche.</translation>
    </message>
    <message>
        <source>The HSS has no subscriber with IMSI %1. Check the IMSI, or create the subscriber first.</source>
        <translation>Le HSS n&apos;a aucun abonné avec l&apos;IMSI %1. Vérifiez l&apos;IMSI, ou créez d&apos;abord l&apos;abonné.</translation>
    </message>
    <message>
        <source>The HSS has no AuC with id %1. It may have been removed already; check the HSS.</source>
        <translation>Le HSS n&apos;a aucun AuC avec l&apos;id %1. Il a peut-être déjà été supprimé ; vérifiez le HSS.</translation>
    </message>
    <message>
        <source>The HSS has no subscriber with id %1. It may have been removed already; check the HSS.</source>
        <translation>Le HSS n&apos;a aucun abonné avec l&apos;id %1. Il a peut-être déjà été supprimé ; vérifiez le HSS.</translation>
    </message>
    <message>
        <source>The %1 at %2 presented a certificate that is not signed by a trusted CA. Set the CA bundle in Settings or check the server&apos;s certificate.</source>
        <translation>%1 (%2) a présenté un certificat qui n&apos;est pas signé par une CA de confiance. Définissez le bundle CA dans les Paramètres ou vérifiez le certificat du serveur.</translation>
    </message>
    <message>
        <source>The certificate of the %1 at %2 was issued for another host name. Use the name in its certificate in the address in Settings, or check the server&apos;s certificate.</source>
        <translation>Le certificat de %1 (%2) a été émis pour un autre nom d&apos;hôte. Utilisez le nom figurant dans son certificat dans l&apos;adresse définie dans les Paramètres, ou vérifiez le certificat du serveur.</translation>
    </message>
    <message>
        <source>The certificate of the %1 at %2 has expired or is not valid yet. Renew the server&apos;s certificate or check this computer&apos;s clock.</source>
        <translation>Le certificat de %1 (%2) a expiré ou n&apos;est pas encore valide. Renouvelez le certificat du serveur ou vérifiez l&apos;horloge de cet ordinateur.</translation>
    </message>
    <message>
        <source>The %1 at %2 requires a client certificate and did not accept ours. Set the client certificate and key for it in Settings, signed by a CA the %1 trusts.</source>
        <translation>%1 (%2) exige un certificat client et n&apos;a pas accepté le nôtre. Définissez pour lui dans les Paramètres le certificat client et sa clé, signés par une CA à laquelle %1 fait confiance.</translation>
    </message>
    <message>
        <source>Unable to connect to the %1 (osmo-hlr CTRL) at %2. Check that osmo-hlr is running, that its configuration binds &quot;ctrl&quot; to that address, and the hss_ctrl setting.</source>
        <translation>Impossible de se connecter à %1 (osmo-hlr CTRL) à l&apos;adresse %2. Vérifiez qu&apos;osmo-hlr fonctionne, que sa configuration associe &quot;ctrl&quot; à cette adresse, ainsi que le paramètre hss_ctrl.</translation>
    </message>
    <message>
        <source>The %1 (osmo-hlr CTRL) at %2 did not answer within %3 seconds. Check that osmo-hlr is running and not overloaded, then retry.</source>
        <translation>%1 (osmo-hlr CTRL) à l&apos;adresse %2 n&apos;a pas répondu dans un délai de %3 secondes. Vérifiez qu&apos;osmo-hlr fonctionne et qu&apos;il n&apos;est pas surchargé, puis réessayez.</translation>
    </message>
    <message>
        <source>The %1 (osmo-hlr CTRL) at %2 closed the connection before answering. Check the osmo-hlr log for a crash or restart, then retry.</source>
        <translation>%1 (osmo-hlr CTRL) à l&apos;adresse %2 a fermé la connexion avant de répondre. Recherchez dans le journal d&apos;osmo-hlr un plantage ou un redémarrage, puis réessayez.</translation>
    </message>
    <message>
        <source>The connection to the %1 (osmo-hlr CTRL) at %2 failed: %3. Check the network connection and the hss_ctrl setting.</source>
        <translation>La connexion à %1 (osmo-hlr CTRL) à l&apos;adresse %2 a échoué : %3. Vérifiez la connexion réseau et le paramètre hss_ctrl.</translation>
    </message>
    <message>
        <source>The %1 at %2 refused %3: &quot;%4&quot;. Check the IMSI, MSISDN and SIM keys sent by this task, and the osmo-hlr log.</source>
        <translation>%1 (%2) a refusé %3 : &quot;%4&quot;. Vérifiez l&apos;IMSI, le MSISDN et les clés SIM envoyés par cette tâche, ainsi que le journal d&apos;osmo-hlr.</translation>
    </message>
    <message>
        <source>The %1 at %2 sent a reply that could not be read. Check that hss_ctrl points to the CTRL port of osmo-hlr (4259), not to its GSUP or VTY port.</source>
        <translation>%1 (%2) a envoyé une réponse illisible. Vérifiez que hss_ctrl pointe vers le port CTRL d&apos;osmo-hlr (4259), et non vers son port GSUP ou VTY.</translation>
    </message>
    <message>
        <source>The CA bundle %1 set for the %2 cannot be read or holds no PEM certificate. Check the file and its path in Settings.</source>
        <translation>Le bundle CA %1 défini pour %2 est illisible ou ne contient aucun certificat PEM. Vérifiez le fichier et son chemin dans les Paramètres.</translation>
    </message>
    <message>
        <source>The client certificate %1 set for the %2 cannot be read or holds no PEM certificate. Check the file and its path in Settings.</source>
        <translation>Le certificat client %1 défini pour %2 est illisible ou ne contient aucun certificat PEM. Vérifiez le fichier et son chemin dans les Paramètres.</translation>
    </message>
    <message>
        <source>The client key %1 set for the %2 cannot be read. It must be an unencrypted PEM private key; check the file and its path in Settings.</source>
        <translation>La clé client %1 définie pour %2 est illisible. Ce doit être une clé privée PEM non chiffrée ; vérifiez le fichier et son chemin dans les Paramètres.</translation>
    </message>
</context>
<context>
    <name>NetworkSimulator</name>
    <message>
        <source>The fault &quot;%1&quot; has no target. Write it as TARGET[:KIND][:once], for example APIerSv1.SetAccount:timeout.</source>
        <translation>La défaillance &quot;%1&quot; n&apos;a pas de cible. Écrivez-la sous la forme TARGET[:KIND][:once], par exemple APIerSv1.SetAccount:timeout.</translation>
    </message>
    <message>
        <source>The fault target &quot;%1&quot; is not known. Use a JSON-RPC method (APIerSv1.SetAccount), a route (PUT /subscriber/) or an element (ocs, hss, iptv).</source>
        <translation>La cible de défaillance &quot;%1&quot; est inconnue. Utilisez une méthode JSON-RPC (APIerSv1.SetAccount), une route (PUT /subscriber/) ou un élément (ocs, hss, iptv).</translation>
    </message>
    <message>
        <source>The fault kind &quot;%1&quot; is not known. Use error, error=TEXT, http500 (any 4xx or 5xx), timeout, drop or malformed, optionally followed by :once or :times=N.</source>
        <translation>Le type de défaillance &quot;%1&quot; est inconnu. Utilisez error, error=TEXT, http500 (tout code 4xx ou 5xx), timeout, drop ou malformed, éventuellement suivi de :once ou :times=N.</translation>
    </message>
    <message>
        <source>The simulator cannot serve HTTPS: the certificate %1, its key or the client CA bundle cannot be read. Check the files (PEM, key unencrypted).</source>
        <translation>Le simulateur ne peut pas servir HTTPS : le certificat %1, sa clé ou le bundle CA des clients est illisible. Vérifiez les fichiers (PEM, clé non chiffrée).</translation>
    </message>
</context>
<context>
    <name>Playbook</name>
    <message>
        <source>The playbook name &quot;%1&quot; is not valid. Check the product&apos;s provisioning play.</source>
        <translation>Le nom de playbook &quot;%1&quot; n&apos;est pas valide. Vérifiez le playbook de provisionnement configuré dans le produit.</translation>
    </message>
    <message>
        <source>The playbook &quot;%1&quot; was not found. Check the product&apos;s provisioning play and the playbook directory in Settings.</source>
        <translation>Le playbook &quot;%1&quot; est introuvable. Vérifiez le playbook de provisionnement configuré dans le produit et le dossier des playbooks dans les Paramètres.</translation>
    </message>
    <message>
        <source>The playbook &quot;%1&quot; is not valid JSON with a list of tasks. Correct the file.</source>
        <translation>Le playbook &quot;%1&quot; n&apos;est pas un JSON valide contenant une liste de tâches. Corrigez le fichier.</translation>
    </message>
    <message>
        <source>A task of the playbook &quot;%1&quot; has no label or no action. Correct the file.</source>
        <translation>Une tâche du playbook &quot;%1&quot; n&apos;a pas de libellé ou pas d&apos;action. Corrigez le fichier.</translation>
    </message>
    <message>
        <source>The playbook &quot;%1&quot; needs values the order does not have (%2). Check the product&apos;s inventory items and provisioning variables.</source>
        <translation>Le playbook &quot;%1&quot; nécessite des valeurs absentes de la commande (%2). Vérifiez les éléments d&apos;inventaire et les variables de provisionnement du produit.</translation>
    </message>
    <message>
        <source>Validating customer account</source>
        <translation>Validation du compte client</translation>
    </message>
    <message>
        <source>Assigning SIM Card (ICCID: %1)</source>
        <translation>Attribution de la carte SIM (ICCID : %1)</translation>
    </message>
    <message>
        <source>Assigning Mobile Number (%1)</source>
        <translation>Attribution du numéro de mobile (%1)</translation>
    </message>
    <message>
        <source>Activating SIM in HLR/HSS (IMSI: %1)</source>
        <translation>Activation de la SIM dans le HLR/HSS (IMSI : %1)</translation>
    </message>
    <message>
        <source>Configuring OCS account</source>
        <translation>Configuration du compte OCS</translation>
    </message>
    <message>
        <source>Creating service record</source>
        <translation>Création de l&apos;enregistrement de service</translation>
    </message>
    <message>
        <source>Sending welcome email</source>
        <translation>Envoi de l&apos;e-mail de bienvenue</translation>
    </message>
    <message>
        <source>Assigning CPE Modem (%1)</source>
        <translation>Attribution du modem CPE (%1)</translation>
    </message>
    <message>
        <source>Creating RADIUS user (%1)</source>
        <translation>Création de l&apos;utilisateur RADIUS (%1)</translation>
    </message>
    <message>
        <source>Assigning Set-top Box (%1)</source>
        <translation>Attribution du décodeur (%1)</translation>
    </message>
    <message>
        <source>Activating set-top box on IPTV middleware</source>
        <translation>Activation du décodeur sur le middleware IPTV</translation>
    </message>
    <message>
        <source>Assigning SIP DID (%1)</source>
        <translation>Attribution du DID SIP (%1)</translation>
    </message>
    <message>
        <source>Creating SIP subscriber (%1)</source>
        <translation>Création de l&apos;abonné SIP (%1)</translation>
    </message>
    <message>
        <source>Updating channel packages on set-top box (%1)</source>
        <translation>Mise à jour des bouquets de chaînes sur le décodeur (%1)</translation>
    </message>
    <message>
        <source>Undoing: %1</source>
        <translation>Annulation : %1</translation>
    </message>
    <message>
        <source>Removing RADIUS user (%1)</source>
        <translation>Suppression de l&apos;utilisateur RADIUS (%1)</translation>
    </message>
    <message>
        <source>Removing SIP subscriber (%1)</source>
        <translation>Suppression de l&apos;abonné SIP (%1)</translation>
    </message>
    <message>
        <source>Removing OCS account</source>
        <translation>Suppression du compte OCS</translation>
    </message>
    <message>
        <source>Deactivating SIM in HLR/HSS (IMSI: %1)</source>
        <translation>Désactivation de la SIM dans le HLR/HSS (IMSI : %1)</translation>
    </message>
    <message>
        <source>Deactivating set-top box on IPTV middleware</source>
        <translation>Désactivation du décodeur sur le middleware IPTV</translation>
    </message>
    <message>
        <source>Cancelling service record</source>
        <translation>Annulation de l&apos;enregistrement de service</translation>
    </message>
    <message>
        <source>Adding %1 to the OCS account</source>
        <translation>Ajout de %1 au compte OCS</translation>
    </message>
    <message>
        <source>Reading balance</source>
        <translation>Lecture du solde</translation>
    </message>
    <message>
        <source>Activating add-on</source>
        <translation>Activation de l&apos;option supplémentaire</translation>
    </message>
</context>
<context>
    <name>Provisioning</name>
    <message>
        <source>Provisioning timed out after %1 seconds. Check the provisioning logs for the step that hung and that the OCS and network systems are online, then retry.</source>
        <translation>Le provisionnement a expiré après %1 secondes. Recherchez dans les journaux de provisionnement l&apos;étape bloquée, vérifiez que les systèmes OCS et réseau sont en ligne, puis réessayez.</translation>
    </message>
    <message>
        <source>The playbook asks for the unknown action &quot;%1&quot;. Correct the playbook &quot;%2&quot;.</source>
        <translation>Le playbook demande l&apos;action inconnue &quot;%1&quot;. Corrigez le playbook &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Provision ID %1 does not exist. Check the number in the Provisioning list.</source>
        <translation>L&apos;ID de provisionnement %1 n&apos;existe pas. Vérifiez le numéro dans la liste Provisionnement.</translation>
    </message>
    <message>
        <source>Provision ID %1 has not failed (it is %2), so there is nothing to retry.</source>
        <translation>Le provisionnement avec l&apos;ID %1 n&apos;a pas échoué (statut : %2), il n&apos;y a donc rien à réessayer.</translation>
    </message>
</context>
<context>
    <name>ProvisioningAction</name>
    <message>
        <source>Customer %1 does not exist any more. Check the customer record.</source>
        <translation>Le client %1 n&apos;existe plus. Vérifiez la fiche client.</translation>
    </message>
    <message>
        <source>The account of %1 is not active. Reactivate the customer, then retry.</source>
        <translation>Le compte de %1 n&apos;est pas actif. Réactivez le client, puis réessayez.</translation>
    </message>
    <message>
        <source>%1 is not reserved for this service any more (status %2). Pick another item and assign the plan again.</source>
        <translation>%1 n&apos;est plus réservé pour ce service (statut %2). Choisissez un autre élément et attribuez à nouveau le plan.</translation>
    </message>
    <message>
        <source>No address is set for the %1. Set it in Settings, then retry.</source>
        <translation>Aucune adresse n&apos;est définie pour %1. Définissez-la dans les Paramètres, puis réessayez.</translation>
    </message>
    <message>
        <source>The customer has no valid email address (%1). Correct it on the customer record, then retry.</source>
        <translation>Le client n&apos;a pas d&apos;adresse e-mail valide (%1). Corrigez-la dans la fiche client, puis réessayez.</translation>
    </message>
    <message>
        <source>Cannot write to the mail outbox. Check the outbox folder in Settings.</source>
        <translation>Impossible d&apos;écrire dans la boîte d&apos;envoi. Vérifiez le dossier de la boîte d&apos;envoi dans les Paramètres.</translation>
    </message>
    <message>
        <source>No database is set for the %1. Set it in Settings, then retry.</source>
        <translation>Aucune base de données n&apos;est définie pour %1. Définissez-la dans les Paramètres, puis réessayez.</translation>
    </message>
    <message>
        <source>The %1 database %2 could not be updated. Check that it is reachable and that the address in Settings is right, then retry.</source>
        <translation>La base de données %2 de %1 n&apos;a pas pu être mise à jour. Vérifiez qu&apos;elle est accessible et que l&apos;adresse dans les Paramètres est correcte, puis réessayez.</translation>
    </message>
    <message>
        <source>The RADIUS user has no name or no service. Correct the playbook &quot;%1&quot;.</source>
        <translation>L&apos;utilisateur RADIUS n&apos;a pas de nom ou pas de service. Corrigez le playbook &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The plan&apos;s rate limit &quot;%1&quot; is not a download/upload rate such as 100M/20M. Correct the product&apos;s provisioning variables.</source>
        <translation>La limite de débit &quot;%1&quot; du plan n&apos;est pas un débit descendant/montant tel que 100M/20M. Corrigez les variables de provisionnement du produit.</translation>
    </message>
    <message>
        <source>The modem&apos;s MAC address &quot;%1&quot; is not valid. Correct the inventory item, then retry.</source>
        <translation>L&apos;adresse MAC &quot;%1&quot; du modem n&apos;est pas valide. Corrigez l&apos;élément d&apos;inventaire, puis réessayez.</translation>
    </message>
    <message>
        <source>The RADIUS password could not be hashed. Check the system&apos;s random number source, then retry.</source>
        <translation>Le mot de passe RADIUS n&apos;a pas pu être haché. Vérifiez la source de nombres aléatoires du système, puis réessayez.</translation>
    </message>
    <message>
        <source>The SIP subscriber has no number, no domain or no service. Set the SIP domain in Settings or on the product, then retry.</source>
        <translation>L&apos;abonné SIP n&apos;a pas de numéro, de domaine ou de service. Définissez le domaine SIP dans les Paramètres ou sur le produit, puis réessayez.</translation>
    </message>
    <message>
        <source>No sender address is set for the mail server. Set the sender (from) address in the mail settings, then retry.</source>
        <translation>Aucune adresse d&apos;expéditeur n&apos;est définie pour le serveur de messagerie. Définissez l&apos;adresse d&apos;expéditeur (from) dans les paramètres de messagerie, puis réessayez.</translation>
    </message>
    <message>
        <source>The add-on has no balance to add (type &quot;%1&quot;, amount &quot;%2&quot;). Check the product&apos;s provisioning variables balance_type and balance_value.</source>
        <translation>L&apos;option supplémentaire n&apos;a aucun solde à ajouter (type &quot;%1&quot;, montant &quot;%2&quot;). Vérifiez les variables de provisionnement balance_type et balance_value du produit.</translation>
    </message>
    <message>
        <source>Add-on %1 does not exist any more. Check the service&apos;s add-ons.</source>
        <translation>L&apos;option supplémentaire %1 n&apos;existe plus. Vérifiez les options supplémentaires du service.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Nobody is signed in. Sign in with your staff login and password first.</source>
        <translation>Personne n&apos;est connecté. Connectez-vous d&apos;abord avec votre identifiant employé et votre mot de passe.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow assigning plans. Ask an administrator.</source>
        <translation>Votre rôle (%1) ne permet pas d&apos;attribuer des plans. Adressez-vous à un administrateur.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow retrying provisioning. Ask an administrator.</source>
        <translation>Votre rôle (%1) ne permet pas de réessayer le provisionnement. Adressez-vous à un administrateur.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow amending bundles. Ask an administrator.</source>
        <translation>Votre rôle (%1) ne permet pas de modifier les offres groupées. Adressez-vous à un administrateur.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow managing staff accounts. Ask an administrator.</source>
        <translation>Votre rôle (%1) ne permet pas de gérer les comptes employés. Adressez-vous à un administrateur.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow loading demo data. Ask an administrator.</source>
        <translation>Votre rôle (%1) ne permet pas de charger les données de démonstration. Adressez-vous à un administrateur.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow this action. Ask an administrator.</source>
        <translation>Votre rôle (%1) ne permet pas cette action. Adressez-vous à un administrateur.</translation>
    </message>
    <message>
        <source>Store staff</source>
        <translation>Personnel du magasin</translation>
    </message>
    <message>
        <source>Billing clerk</source>
        <translation>Agent de facturation</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow importing inventory. Ask an administrator.</source>
        <translation>Votre rôle (%1) ne permet pas d&apos;importer de l&apos;inventaire. Adressez-vous à un administrateur.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow cancelling services. Ask an administrator.</source>
        <translation>Votre rôle (%1) ne permet pas d&apos;annuler des services. Adressez-vous à un administrateur.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow creating or changing customers. Ask an administrator.</source>
        <translation>Votre rôle (%1) ne permet pas de créer ou de modifier des clients. Adressez-vous à un administrateur.</translation>
    </message>
</context>
<context>
    <name>ServiceVerifier</name>
    <message>
        <source>present</source>
        <translation>présent</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>pas de réponse</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Then verify the service again.</source>
        <translation>Puis vérifiez à nouveau le service.</translation>
    </message>
    <message>
        <source>The %1 still has %2 although the service is cancelled.</source>
        <translation>%1 contient encore %2 alors que le service est annulé.</translation>
    </message>
    <message>
        <source>The %1 has no record of %2 for this service.</source>
        <translation>%1 n&apos;a aucun enregistrement de %2 pour ce service.</translation>
    </message>
    <message>
        <source>Service status</source>
        <translation>Statut du service</translation>
    </message>
    <message>
        <source>Switchboard shows the service as &quot;%1&quot; instead of &quot;%2&quot;.</source>
        <translation>Switchboard affiche le service comme &quot;%1&quot; au lieu de &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Account %1</source>
        <translation>Compte %1</translation>
    </message>
    <message>
        <source>Account enabled</source>
        <translation>Compte activé</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>activé</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>The OCS account %1 is disabled.</source>
        <translation>Le compte OCS %1 est désactivé.</translation>
    </message>
    <message>
        <source>Balance %1</source>
        <translation>Solde %1</translation>
    </message>
    <message>
        <source>The OCS account %1 has no %2 balance.</source>
        <translation>Le compte OCS %1 n&apos;a pas de solde %2.</translation>
    </message>
    <message>
        <source>Subscriber IMSI %1</source>
        <translation>Abonné IMSI %1</translation>
    </message>
    <message>
        <source>Subscriber enabled</source>
        <translation>Abonné activé</translation>
    </message>
    <message>
        <source>The %1 subscriber %2 is disabled.</source>
        <translation>L&apos;abonné %2 de %1 est désactivé.</translation>
    </message>
    <message>
        <source>User %1</source>
        <translation>Utilisateur %1</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Limite de débit</translation>
    </message>
    <message>
        <source>The RADIUS user %1 has a rate limit that differs from the product&apos;s.</source>
        <translation>L&apos;utilisateur RADIUS %1 a une limite de débit différente de celle du produit.</translation>
    </message>
    <message>
        <source>Calling-Station-Id (modem)</source>
        <translation>Calling-Station-Id (modem)</translation>
    </message>
    <message>
        <source>The RADIUS user %1 is bound to another modem than the one assigned to the service.</source>
        <translation>L&apos;utilisateur RADIUS %1 est lié à un autre modem que celui attribué au service.</translation>
    </message>
    <message>
        <source>Subscriber %1</source>
        <translation>Abonné %1</translation>
    </message>
    <message>
        <source>Set-top box %1</source>
        <translation>Décodeur %1</translation>
    </message>
    <message>
        <source>Device status</source>
        <translation>Statut de l&apos;appareil</translation>
    </message>
    <message>
        <source>Set-top box %1 is not active on the IPTV middleware (status %2).</source>
        <translation>Le décodeur %1 n&apos;est pas actif sur le middleware IPTV (statut %2).</translation>
    </message>
    <message>
        <source>Device account</source>
        <translation>Compte de l&apos;appareil</translation>
    </message>
    <message>
        <source>Set-top box %1 is active on another account on the IPTV middleware.</source>
        <translation>Le décodeur %1 est actif sur un autre compte sur le middleware IPTV.</translation>
    </message>
    <message>
        <source>Channel packages</source>
        <translation>Bouquets de chaînes</translation>
    </message>
    <message>
        <source>Set-top box %1 has other channel packages on the IPTV middleware than the plan.</source>
        <translation>Le décodeur %1 a sur le middleware IPTV d&apos;autres bouquets de chaînes que ceux du plan.</translation>
    </message>
    <message>
        <source>Retry the cancel job on the Provisioning page, or remove it from the %1 by hand.</source>
        <translation>Réessayez l&apos;opération d&apos;annulation depuis la page Provisionnement, ou supprimez-le manuellement de %1.</translation>
    </message>
    <message>
        <source>Re-run provisioning with Retry on the Provisioning page.</source>
        <translation>Relancez le provisionnement avec Réessayer depuis la page Provisionnement.</translation>
    </message>
    <message>
        <source>Cancel the service and assign the plan again, or correct it on the %1 by hand.</source>
        <translation>Annulez le service et attribuez à nouveau le plan, ou corrigez-le manuellement sur %1.</translation>
    </message>
    <message>
        <source>MSISDN</source>
        <translation>MSISDN</translation>
    </message>
    <message>
        <source>The %1 subscriber %2 has another MSISDN than the number assigned to the service.</source>
        <translation>L&apos;abonné %2 de %1 a un autre MSISDN que le numéro attribué au service.</translation>
    </message>
    <message>
        <source>Authentication keys (Ki, OPc)</source>
        <translation>Clés d&apos;authentification (Ki, OPc)</translation>
    </message>
    <message>
        <source>The %1 has no authentication keys for IMSI %2.</source>
        <translation>%1 n&apos;a pas de clés d&apos;authentification pour l&apos;IMSI %2.</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Identifiants</translation>
    </message>
    <message>
        <source>match the service</source>
        <translation>correspondent au service</translation>
    </message>
    <message>
        <source>do not match</source>
        <translation>ne correspondent pas</translation>
    </message>
    <message>
        <source>The credentials of %1 on the %2 are not the ones of this service.</source>
        <translation>Les identifiants de %1 sur %2 ne sont pas ceux de ce service.</translation>
    </message>
    <message>
        <source>The %1 database %2 could not be read. Check that it is reachable and that the address in Settings is right.</source>
        <translation>La base de données de %1 %2 n&apos;a pas pu être lue. Vérifiez qu&apos;elle est joignable et que l&apos;adresse dans les Paramètres est correcte.</translation>
    </message>
    <message>
        <source>Service %1 does not exist. Check the service ID.</source>
        <translation>Le service %1 n&apos;existe pas. Vérifiez l&apos;ID du service.</translation>
    </message>
</context>
<context>
    <name>Services</name>
    <message>
        <source>Service %1 does not exist.</source>
        <translation>Le service %1 n&apos;existe pas.</translation>
    </message>
</context>
<context>
    <name>SettingsFile</name>
    <message>
        <source>The settings file %1 does not exist or cannot be read. Check the path given with --config.</source>
        <translation>Le fichier de paramètres %1 n&apos;existe pas ou ne peut pas être lu. Vérifiez le chemin indiqué avec --config.</translation>
    </message>
    <message>
        <source>The settings file %1 is not an INI file that Switchboard can read. Check its contents.</source>
        <translation>Le fichier de paramètres %1 n&apos;est pas un fichier INI que Switchboard peut lire. Vérifiez son contenu.</translation>
    </message>
</context>
<context>
    <name>SimImport</name>
    <message>
        <source>Cannot read the SIM batch file %1. Check the path and its permissions.</source>
        <translation>Impossible de lire le fichier de lot SIM %1. Vérifiez le chemin et ses autorisations.</translation>
    </message>
    <message>
        <source>Line %1: the var_out line must name the ICCID, IMSI and KI columns, for example &quot;var_out: ICCID/IMSI/KI&quot;. Nothing was imported.</source>
        <translation>Ligne %1 : la ligne var_out doit nommer les colonnes ICCID, IMSI et KI, par exemple &quot;var_out: ICCID/IMSI/KI&quot;. Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>Line %1 of the SIM batch file is not understood: before the var_out line only &quot;Name : value&quot; header lines and &apos;*&apos; comments may appear. Nothing was imported.</source>
        <translation>La ligne %1 du fichier de lot SIM n&apos;est pas comprise : avant la ligne var_out, seules des lignes d&apos;en-tête &quot;Nom : valeur&quot; et des commentaires &apos;*&apos; peuvent figurer. Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>Line %1: the row has %2 values, but var_out names %3 columns. Correct the SIM batch file; nothing was imported.</source>
        <translation>Ligne %1 : la ligne contient %2 valeurs, mais var_out nomme %3 colonnes. Corrigez le fichier de lot SIM ; rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>Line %1: &quot;%2&quot; is not an ICCID (18 to 20 digits). Correct the SIM batch file; nothing was imported.</source>
        <translation>Ligne %1 : &quot;%2&quot; n&apos;est pas un ICCID (18 à 20 chiffres). Corrigez le fichier de lot SIM ; rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>Line %1: &quot;%2&quot; is not an IMSI (6 to 15 digits). Correct the SIM batch file; nothing was imported.</source>
        <translation>Ligne %1 : &quot;%2&quot; n&apos;est pas un IMSI (6 à 15 chiffres). Corrigez le fichier de lot SIM ; rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>Line %1: the encrypted Ki must be 32 hexadecimal digits. Correct the SIM batch file; nothing was imported.</source>
        <translation>Ligne %1 : le Ki chiffré doit comporter 32 chiffres hexadécimaux. Corrigez le fichier de lot SIM ; rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>Line %1: ICCID %2 appears a second time in the file. Correct the SIM batch file; nothing was imported.</source>
        <translation>Ligne %1 : l&apos;ICCID %2 apparaît une deuxième fois dans le fichier. Corrigez le fichier de lot SIM ; rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>Line %1: IMSI %2 appears a second time in the file. Correct the SIM batch file; nothing was imported.</source>
        <translation>Ligne %1 : l&apos;IMSI %2 apparaît une deuxième fois dans le fichier. Corrigez le fichier de lot SIM ; rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>The SIM batch file has no var_out line naming its columns (for example &quot;var_out: ICCID/IMSI/KI&quot;). Nothing was imported.</source>
        <translation>Le fichier de lot SIM n&apos;a aucune ligne var_out nommant ses colonnes (par exemple &quot;var_out: ICCID/IMSI/KI&quot;). Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>The SIM batch file lists no cards. Nothing was imported.</source>
        <translation>Le fichier de lot SIM ne liste aucune carte. Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>The header says Quantity %1, but the file lists %2 cards. The file may be cut short; ask the vendor for it again. Nothing was imported.</source>
        <translation>L&apos;en-tête indique Quantity %1, mais le fichier liste %2 cartes. Le fichier est peut-être tronqué ; demandez-le à nouveau au fournisseur. Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>The header&apos;s Ki_iv must be 32 hexadecimal digits. Nothing was imported.</source>
        <translation>Le Ki_iv de l&apos;en-tête doit comporter 32 chiffres hexadécimaux. Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>The SIM batch file uses the cipher &quot;%1&quot;, which is not supported. Ask the vendor for AES-128-ECB or AES-128-CBC. Nothing was imported.</source>
        <translation>Le fichier de lot SIM utilise l&apos;algorithme de chiffrement &quot;%1&quot;, qui n&apos;est pas pris en charge. Demandez au fournisseur AES-128-ECB ou AES-128-CBC. Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>The batch was encrypted under the transport key with check value %1, but the key in %2 has check value %3. Use the transport key of this batch; nothing was imported.</source>
        <translation>Le lot a été chiffré avec la clé de transport de valeur de contrôle %1, mais la clé de %2 a la valeur de contrôle %3. Utilisez la clé de transport de ce lot ; rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>The OP must be 32 hexadecimal digits. Nothing was imported.</source>
        <translation>L&apos;OP doit comporter 32 chiffres hexadécimaux. Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>Line %1: SIM card %2 is already in the inventory (%3 cards of this file are). Remove those rows; nothing was imported.</source>
        <translation>Ligne %1 : la carte SIM %2 est déjà dans l&apos;inventaire (c&apos;est le cas de %3 cartes de ce fichier). Supprimez ces lignes ; rien n&apos;a été importé.</translation>
    </message>
</context>
<context>
    <name>SimKeys</name>
    <message>
        <source>The SIM card has no encrypted Ki. Import its SIM batch file with the transport key, then retry.</source>
        <translation>La carte SIM n&apos;a pas de Ki chiffré. Importez son fichier de lot SIM avec la clé de transport, puis réessayez.</translation>
    </message>
    <message>
        <source>No transport key is configured to decrypt the SIM card&apos;s Ki. Set [sim] transport_key_file in the settings file to the key of its SIM batch, then retry.</source>
        <translation>Aucune clé de transport n&apos;est configurée pour déchiffrer le Ki de la carte SIM. Définissez [sim] transport_key_file dans le fichier de paramètres sur la clé de son lot SIM, puis réessayez.</translation>
    </message>
    <message>
        <source>The SIM card&apos;s Ki is encrypted under the transport key with check value %1, but the key in %2 has check value %3. Set [sim] transport_key_file in the settings file to the key of this SIM batch, then retry.</source>
        <translation>Le Ki de la carte SIM est chiffré avec la clé de transport de valeur de contrôle %1, mais la clé de %2 a la valeur de contrôle %3. Définissez [sim] transport_key_file dans le fichier de paramètres sur la clé de ce lot SIM, puis réessayez.</translation>
    </message>
    <message>
        <source>The SIM card has no OPc and no operator OP is set to derive it. Set [sim] op (32 hexadecimal digits) in the settings file, then retry.</source>
        <translation>La carte SIM n&apos;a pas d&apos;OPc et aucun OP d&apos;opérateur n&apos;est défini pour le dériver. Définissez [sim] op (32 chiffres hexadécimaux) dans le fichier de paramètres, puis réessayez.</translation>
    </message>
    <message>
        <source>The SIM keys could not be decrypted. Check the OpenSSL installation.</source>
        <translation>Les clés SIM n&apos;ont pas pu être déchiffrées. Vérifiez l&apos;installation d&apos;OpenSSL.</translation>
    </message>
    <message>
        <source>A transport key must be 32 hexadecimal digits (AES-128).</source>
        <translation>Une clé de transport doit comporter 32 chiffres hexadécimaux (AES-128).</translation>
    </message>
    <message>
        <source>Cannot read the transport key file %1. Check the path and its permissions.</source>
        <translation>Impossible de lire le fichier de clé de transport %1. Vérifiez le chemin et ses autorisations.</translation>
    </message>
    <message>
        <source>The transport key file %1 does not hold a key. It must contain the 32 hexadecimal digits of the AES-128 transport key on one line.</source>
        <translation>Le fichier de clé de transport %1 ne contient pas de clé. Il doit contenir les 32 chiffres hexadécimaux de la clé de transport AES-128 sur une seule ligne.</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>The login or password is not correct. Check both and try again.</source>
        <translation>L&apos;identifiant ou le mot de passe est incorrect. Vérifiez les deux et réessayez.</translation>
    </message>
    <message>
        <source>The password must have at least %1 characters. Choose a longer one.</source>
        <translation>Le mot de passe doit comporter au moins %1 caractères. Choisissez-en un plus long.</translation>
    </message>
    <message>
        <source>The password could not be protected (the system&apos;s random number generator failed). Try again.</source>
        <translation>Le mot de passe n&apos;a pas pu être protégé (le générateur de nombres aléatoires du système a échoué). Réessayez.</translation>
    </message>
    <message>
        <source>%1 cannot be signed in automatically on a shared PostgreSQL database. Sign in with your staff login and password.</source>
        <translation>Impossible de connecter automatiquement %1 sur une base de données PostgreSQL partagée. Connectez-vous avec votre identifiant employé et votre mot de passe.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid login. Use 1 to 64 letters, digits, dots, hyphens, underscores or @.</source>
        <translation>&quot;%1&quot; n&apos;est pas un identifiant valide. Utilisez de 1 à 64 lettres, chiffres, points, tirets, traits de soulignement ou @.</translation>
    </message>
    <message>
        <source>There is already a staff account called %1. Choose another login, or change its password instead.</source>
        <translation>Il existe déjà un compte employé nommé %1. Choisissez un autre identifiant, ou modifiez plutôt son mot de passe.</translation>
    </message>
    <message>
        <source>There is no staff account called %1. Check the login in the list of staff accounts.</source>
        <translation>Il n&apos;existe aucun compte employé nommé %1. Vérifiez l&apos;identifiant dans la liste des comptes employés.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Business</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Individuel</translation>
    </message>
    <message>
        <source>Add-ons</source>
        <translation>Options supplémentaires</translation>
    </message>
    <message>
        <source>Service Plans</source>
        <translation>Plans de service</translation>
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
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>In Stock</source>
        <translation>En stock</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Réservé</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Attribué</translation>
    </message>
    <message>
        <source>Faulty</source>
        <translation>Défectueux</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Retourné</translation>
    </message>
    <message>
        <source>Pending provisioning</source>
        <translation>Provisionnement en attente</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Not activated</source>
        <translation>Non activé</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendu</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En file d&apos;attente</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours d&apos;exécution</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Réussi</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échoué</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ignoré</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>The database could not %1. Check that it is reachable and try again.</source>
        <translation>La base de données n&apos;a pas pu %1. Vérifiez qu&apos;elle est accessible et réessayez.</translation>
    </message>
    <message>
        <source>Cannot open the database %1. Check the address, the credentials and that the server is running.</source>
        <translation>Impossible d&apos;ouvrir la base de données %1. Vérifiez l&apos;adresse, les identifiants et que le serveur est en cours d&apos;exécution.</translation>
    </message>
    <message>
        <source>prepare a query</source>
        <translation>préparer une requête</translation>
    </message>
    <message>
        <source>run a query</source>
        <translation>exécuter une requête</translation>
    </message>
    <message>
        <source>save a record</source>
        <translation>enregistrer une entrée</translation>
    </message>
    <message>
        <source>save the change</source>
        <translation>enregistrer la modification</translation>
    </message>
    <message>
        <source>The database has schema version %1 but this program knows only up to %2. Install the newer Switchboard that created it.</source>
        <translation>La base de données a la version de schéma %1, mais ce programme ne connaît que jusqu&apos;à la version %2. Installez la version plus récente de Switchboard qui l&apos;a créée.</translation>
    </message>
</context>
<context>
    <name>WelcomeMail</name>
    <message>
        <source>Welcome to %1</source>
        <translation>Bienvenue sur %1</translation>
    </message>
    <message>
        <source>Dear %1,</source>
        <translation>Bonjour %1,</translation>
    </message>
    <message>
        <source>Your service %1 is now active.</source>
        <translation>Votre service %1 est maintenant actif.</translation>
    </message>
    <message>
        <source>If you have any questions, simply reply to this email and we will help you.</source>
        <translation>Si vous avez des questions, répondez simplement à cet e-mail et nous vous aiderons.</translation>
    </message>
    <message>
        <source>Kind regards,</source>
        <translation>Cordialement,</translation>
    </message>
    <message>
        <source>Your customer care team</source>
        <translation>Votre service client</translation>
    </message>
    <message>
        <source>Your sign-in details:</source>
        <translation>Vos identifiants de connexion :</translation>
    </message>
    <message>
        <source>User name: %1</source>
        <translation>Nom d&apos;utilisateur : %1</translation>
    </message>
    <message>
        <source>Password: %1</source>
        <translation>Mot de passe : %1</translation>
    </message>
    <message>
        <source>SIP domain: %1</source>
        <translation>Domaine SIP : %1</translation>
    </message>
    <message>
        <source>Keep this password safe. We will never ask you for it by email or phone.</source>
        <translation>Conservez ce mot de passe en lieu sûr. Nous ne vous le demanderons jamais par e-mail ni par téléphone.</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>--%1 must be a whole number from %2 to %3, not &quot;%4&quot;.</source>
        <translation>--%1 doit être un nombre entier de %2 à %3, et non &quot;%4&quot;.</translation>
    </message>
    <message>
        <source>Runs provisioning jobs from a shared Switchboard database.</source>
        <translation>Exécute les opérations de provisionnement d&apos;une base de données Switchboard partagée.</translation>
    </message>
    <message>
        <source>The database URL (default: the embedded SQLite file).</source>
        <translation>L&apos;URL de la base de données (par défaut : le fichier SQLite intégré).</translation>
    </message>
    <message>
        <source>How many jobs run at once (default 1).</source>
        <translation>Nombre d&apos;opérations exécutées simultanément (1 par défaut).</translation>
    </message>
    <message>
        <source>How long a job stays claimed without a heartbeat, in milliseconds (default 60000).</source>
        <translation>Durée pendant laquelle une opération reste réservée sans signal de vie (heartbeat), en millisecondes (60000 par défaut).</translation>
    </message>
    <message>
        <source>Stopping: each running job finishes its current task and goes back to the queue.</source>
        <translation>Arrêt en cours : chaque opération en cours termine sa tâche actuelle et retourne dans la file d&apos;attente.</translation>
    </message>
    <message numerus="yes">
        <source>Provisioning worker %1 runs up to %n job(s) at once on %2. Stop it with SIGTERM or Ctrl+C.</source>
        <translation>
            <numerusform>Le processus de provisionnement %1 exécute jusqu&apos;à %n opération simultanément sur %2. Arrêtez-le avec SIGTERM ou Ctrl+C.</numerusform>
            <numerusform>Le processus de provisionnement %1 exécute jusqu&apos;à %n opérations simultanément sur %2. Arrêtez-le avec SIGTERM ou Ctrl+C.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Provisioning worker %1 stopped after finishing %n job(s).</source>
        <translation>
            <numerusform>Le processus de provisionnement %1 s&apos;est arrêté après avoir terminé %n opération.</numerusform>
            <numerusform>Le processus de provisionnement %1 s&apos;est arrêté après avoir terminé %n opérations.</numerusform>
        </translation>
    </message>
    <message>
        <source>The settings file (INI, as the GUI&apos;s Settings dialog writes it) with the network elements and, without --db, the database (default: the user&apos;s settings).</source>
        <translation>Le fichier de paramètres (INI, tel que l&apos;écrit la boîte de dialogue Paramètres de l&apos;interface graphique) avec les éléments réseau et, sans --db, la base de données (par défaut : les paramètres de l&apos;utilisateur).</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Switchboard: assign plans and provision services for telecom customers.</source>
        <translation>Switchboard : attribuez des plans et provisionnez des services pour les clients télécoms.</translation>
    </message>
    <message>
        <source>Database URL (sqlite:///path or postgresql://…).</source>
        <translation>URL de la base de données (sqlite:///path ou postgresql://…).</translation>
    </message>
    <message>
        <source>Language: en, pt_BR, fr or es.</source>
        <translation>Langue : en, pt_BR, fr ou es.</translation>
    </message>
    <message>
        <source>Save screenshots of the assign-plan flow to DIR, then exit.</source>
        <translation>Enregistre des captures d&apos;écran du flux d&apos;attribution de plan dans DIR, puis quitte.</translation>
    </message>
</context>
<context>
    <name>sb::AddContactDialog</name>
    <message>
        <source>Add Contact</source>
        <translation>Ajouter un contact</translation>
    </message>
    <message>
        <source>A new contact of %1.</source>
        <translation>Un nouveau contact de %1.</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle :</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Facturation</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>Technique</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-mail :</translation>
    </message>
    <message>
        <source>name@example.com (optional)</source>
        <translation>name@example.com (facultatif)</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Téléphone :</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Facultatif</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
</context>
<context>
    <name>sb::AddSiteDialog</name>
    <message>
        <source>Add Site</source>
        <translation>Ajouter un site</translation>
    </message>
    <message>
        <source>A new installation site of %1.</source>
        <translation>Un nouveau site d&apos;installation de %1.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>e.g. Head office</source>
        <translation>ex. : Siège social</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>A&amp;dresse :</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
</context>
<context>
    <name>sb::AddonPickerDialog</name>
    <message>
        <source>Add-ons — %1</source>
        <translation>Options supplémentaires — %1</translation>
    </message>
    <message>
        <source>Add-ons for %1</source>
        <translation>Options supplémentaires pour %1</translation>
    </message>
    <message>
        <source>Add-ons for %1 services of %2. Select one and click Continue; it is added to this service, no new service is created.</source>
        <translation>Options supplémentaires pour les services %1 de %2. Sélectionnez-en une et cliquez sur Continuer ; elle est ajoutée à ce service, aucun nouveau service n&apos;est créé.</translation>
    </message>
    <message>
        <source>Add-on</source>
        <translation>Option supplémentaire</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Facturation</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>%1 + %2 / month</source>
        <translation>%1 + %2 / mois</translation>
    </message>
    <message>
        <source>%1 / month</source>
        <translation>%1 / mois</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Mensuel</translation>
    </message>
    <message>
        <source>One-time</source>
        <translation>Ponctuel</translation>
    </message>
    <message>
        <source>Loading the add-ons…</source>
        <translation>Chargement des options supplémentaires…</translation>
    </message>
    <message>
        <source>No add-ons are available for %1 services of %2 customers.</source>
        <translation>Aucune option supplémentaire n&apos;est disponible pour les services %1 des clients %2.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>C&amp;ontinuer</translation>
    </message>
</context>
<context>
    <name>sb::AddonTargetStep</name>
    <message>
        <source>%1 (ID: %2)</source>
        <translation>%1 (ID : %2)</translation>
    </message>
    <message>
        <source>Existing %1 Services:</source>
        <translation>Services %1 existants :</translation>
    </message>
    <message>
        <source>• %1</source>
        <translation>• %1</translation>
    </message>
    <message>
        <source>Which service should receive this add-on?</source>
        <translation>Quel service devrait recevoir cette option supplémentaire ?</translation>
    </message>
    <message>
        <source>Add-on for: %1</source>
        <translation>Option supplémentaire pour : %1</translation>
    </message>
    <message>
        <source>Looking for the services of %1 that can receive %2…</source>
        <translation>Recherche des services de %1 pouvant recevoir %2…</translation>
    </message>
    <message>
        <source>%1 has %2 services that can receive %3. Choose one; no new service is created.</source>
        <translation>%1 a %2 services pouvant recevoir %3. Choisissez-en un ; aucun nouveau service n&apos;est créé.</translation>
    </message>
</context>
<context>
    <name>sb::AmendBundleDialog</name>
    <message>
        <source>Amend Bundle Services</source>
        <translation>Modifier les services de l&apos;offre groupée</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Composants</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Composant</translation>
    </message>
    <message>
        <source>Product Type</source>
        <translation>Type de produit</translation>
    </message>
    <message>
        <source>Product Family</source>
        <translation>Famille de produits</translation>
    </message>
    <message>
        <source>Monthly Cost</source>
        <translation>Coût mensuel</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>&amp;Modify…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;View Product Bundle Components</source>
        <translation>&amp;Voir les composants de l&apos;offre groupée</translation>
    </message>
    <message>
        <source>Preview &amp; Action Panel</source>
        <translation>Panneau d&apos;aperçu et d&apos;actions</translation>
    </message>
    <message>
        <source>Subscription Services to be Amended</source>
        <translation>Services de l&apos;abonnement à modifier</translation>
    </message>
    <message>
        <source>Removed Components:</source>
        <translation>Composants retirés :</translation>
    </message>
    <message>
        <source>Added Components:</source>
        <translation>Composants ajoutés :</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Voir</translation>
    </message>
    <message>
        <source>The components to be removed from the bundle</source>
        <translation>Les composants à retirer de l&apos;offre groupée</translation>
    </message>
    <message>
        <source>The components to be added to the bundle</source>
        <translation>Les composants à ajouter à l&apos;offre groupée</translation>
    </message>
    <message>
        <source>Subscription Action Details</source>
        <translation>Détails de l&apos;action sur l&apos;abonnement</translation>
    </message>
    <message>
        <source>&amp;Action Type:</source>
        <translation>Type d&apos;&amp;action :</translation>
    </message>
    <message>
        <source>S&amp;ub Action Type:</source>
        <translation>So&amp;us-type d&apos;action :</translation>
    </message>
    <message>
        <source>Choose an action type</source>
        <translation>Choisissez un type d&apos;action</translation>
    </message>
    <message>
        <source>Choose a sub action type</source>
        <translation>Choisissez un sous-type d&apos;action</translation>
    </message>
    <message>
        <source>Performed &amp;By User:</source>
        <translation>&amp;Effectuée par l&apos;utilisateur :</translation>
    </message>
    <message>
        <source>Empty: the signed-in user (%1)</source>
        <translation>Vide : l&apos;utilisateur connecté (%1)</translation>
    </message>
    <message>
        <source>Performed &amp;Date:</source>
        <translation>&amp;Date de réalisation :</translation>
    </message>
    <message>
        <source>Scheduling Information</source>
        <translation>Informations de planification</translation>
    </message>
    <message>
        <source>&amp;Now</source>
        <translation>&amp;Maintenant</translation>
    </message>
    <message>
        <source>On a specific da&amp;te</source>
        <translation>À une da&amp;te précise</translation>
    </message>
    <message>
        <source>After a number of da&amp;ys</source>
        <translation>Après un nombre de &amp;jours</translation>
    </message>
    <message>
        <source>e.g. 7</source>
        <translation>ex. : 7</translation>
    </message>
    <message>
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message>
        <source>The amendment was not submitted:</source>
        <translation>La modification n&apos;a pas été soumise :</translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation>&amp;Soumettre</translation>
    </message>
    <message>
        <source>Loading the bundle…</source>
        <translation>Chargement de l&apos;offre groupée…</translation>
    </message>
    <message>
        <source>Subscription %1 of %2 · %3 · %4</source>
        <translation>Abonnement %1 de %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Wallet balance: %1</source>
        <translation>Solde du portefeuille : %1</translation>
    </message>
    <message>
        <source>To be removed</source>
        <translation>À retirer</translation>
    </message>
    <message>
        <source>To be added</source>
        <translation>À ajouter</translation>
    </message>
    <message>
        <source>Nothing is debited from the prepaid wallet.</source>
        <translation>Rien n&apos;est débité du portefeuille prépayé.</translation>
    </message>
    <message>
        <source>Debited from the prepaid wallet on submit: %1</source>
        <translation>Débité du portefeuille prépayé à la soumission : %1</translation>
    </message>
    <message>
        <source>Working out the charge…</source>
        <translation>Calcul du montant à débiter…</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>The amendment of %1 is scheduled for %2 (scheduled action %3). It is validated again when it runs.</source>
        <translation>La modification de %1 est planifiée pour le %2 (action planifiée %3). Elle sera de nouveau validée lors de son exécution.</translation>
    </message>
    <message>
        <source>%1 was amended.</source>
        <translation>%1 a été modifié.</translation>
    </message>
    <message>
        <source>Added: %1.</source>
        <translation>Ajoutés : %1.</translation>
    </message>
    <message>
        <source>Removed: %1.</source>
        <translation>Retirés : %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n provisioning job(s) queued for the network.</source>
        <translation>
            <numerusform>%n opération de provisionnement en file d&apos;attente pour le réseau.</numerusform>
            <numerusform>%n opérations de provisionnement en file d&apos;attente pour le réseau.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was debited from the prepaid wallet.</source>
        <translation>%1 a été débité du portefeuille prépayé.</translation>
    </message>
</context>
<context>
    <name>sb::AppController</name>
    <message>
        <source>Switchboard could not start</source>
        <translation>Switchboard n&apos;a pas pu démarrer</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>Mot de passe de la base de données</translation>
    </message>
    <message>
        <source>Password of %1 for the database %2 on %3:</source>
        <translation>Mot de passe de %1 pour la base de données %2 sur %3 :</translation>
    </message>
</context>
<context>
    <name>sb::AssignPlanDialog</name>
    <message>
        <source>Assign Plan — %1</source>
        <translation>Attribuer un plan — %1</translation>
    </message>
    <message>
        <source>Assign %1 to %2</source>
        <translation>Attribuer %1 à %2</translation>
    </message>
    <message>
        <source>Assign %1 to a customer</source>
        <translation>Attribuer %1 à un client</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>&amp;Confirm &amp;&amp; Provision</source>
        <translation>&amp;Confirmer &amp;&amp; Provisionner</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Étape %1 sur %2 : %3</translation>
    </message>
    <message>
        <source>Select Customer</source>
        <translation>Sélectionner un client</translation>
    </message>
    <message>
        <source>Configure Inventory</source>
        <translation>Configurer l&apos;inventaire</translation>
    </message>
    <message>
        <source>Auto-Renewal</source>
        <translation>Renouvellement automatique</translation>
    </message>
    <message>
        <source>Review and Confirm</source>
        <translation>Examiner et confirmer</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Add-on — %1</source>
        <translation>Option supplémentaire — %1</translation>
    </message>
    <message>
        <source>Add %1 to %2</source>
        <translation>Ajouter %1 à %2</translation>
    </message>
    <message>
        <source>Add %1 for %2</source>
        <translation>Ajouter %1 pour %2</translation>
    </message>
    <message>
        <source>Add %1 to a customer&apos;s service</source>
        <translation>Ajouter %1 au service d&apos;un client</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>C&amp;ontinuer</translation>
    </message>
    <message>
        <source>Choose Service</source>
        <translation>Choisir le service</translation>
    </message>
    <message>
        <source>Business Details</source>
        <translation>Détails professionnels</translation>
    </message>
</context>
<context>
    <name>sb::AutoRenewStep</name>
    <message>
        <source>Would you like to enable auto-renewal for this service?</source>
        <translation>Souhaitez-vous activer le renouvellement automatique pour ce service ?</translation>
    </message>
    <message>
        <source>When enabled, this service will automatically renew at the end of each billing period and charge the customer&apos;s default payment method.</source>
        <translation>Lorsqu&apos;il est activé, ce service sera automatiquement renouvelé à la fin de chaque période de facturation et facturera le mode de paiement par défaut du client.</translation>
    </message>
    <message>
        <source>Yes: the service renews automatically and the customer is charged monthly.
No: the service expires at the end of the contract period; renewal is manual.</source>
        <translation>Oui : le service se renouvelle automatiquement et le client est facturé mensuellement.
Non : le service expire à la fin de la période de contrat ; le renouvellement est manuel.</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Non</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Oui</translation>
    </message>
</context>
<context>
    <name>sb::BundleCompositionDialog</name>
    <message>
        <source>Product Composition</source>
        <translation>Composition du produit</translation>
    </message>
    <message>
        <source>What the product %1 allows as components. This is only informative.</source>
        <translation>Ce que le produit %1 autorise comme composants. À titre informatif uniquement.</translation>
    </message>
    <message>
        <source>Allowed By</source>
        <translation>Autorisé par</translation>
    </message>
    <message>
        <source>Allowed Component</source>
        <translation>Composant autorisé</translation>
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
        <translation>Obligatoire</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sans limite</translation>
    </message>
</context>
<context>
    <name>sb::BusinessDetailsStep</name>
    <message>
        <source>Business details for %1</source>
        <translation>Détails professionnels de %1</translation>
    </message>
    <message>
        <source>Choose where the service is installed and who receives the bills and the technical notices, then fill in the fields this order asks for.</source>
        <translation>Choisissez où le service est installé et qui reçoit les factures et les avis techniques, puis remplissez les champs demandés par cette commande.</translation>
    </message>
    <message>
        <source>Select Installation &amp;Site:</source>
        <translation>Sélectionner le site d&apos;&amp;installation :</translation>
    </message>
    <message>
        <source>&amp;Billing Contact:</source>
        <translation>Contact de &amp;facturation :</translation>
    </message>
    <message>
        <source>&amp;Technical Contact:</source>
        <translation>Contact &amp;technique :</translation>
    </message>
    <message>
        <source>%1: *</source>
        <comment>required field</comment>
        <translation>%1 : *</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1 :</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1 (requis)</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Non défini</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* requis</translation>
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
        <translation>Chargement des sites, contacts et champs de commande de %1…</translation>
    </message>
</context>
<context>
    <name>sb::CatalogPage</name>
    <message>
        <source>Product Catalog</source>
        <translation>Catalogue de produits</translation>
    </message>
    <message>
        <source>Service Plans</source>
        <translation>Plans de service</translation>
    </message>
    <message>
        <source>Add-ons</source>
        <translation>Options supplémentaires</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Individuel</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Carousel</source>
        <translation>Carrousel</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grille</translation>
    </message>
    <message>
        <source>Show only the products available to this customer type.</source>
        <translation>Afficher uniquement les produits disponibles pour ce type de client.</translation>
    </message>
    <message>
        <source>Loading products…</source>
        <translation>Chargement des produits…</translation>
    </message>
    <message>
        <source>No products available</source>
        <translation>Aucun produit disponible</translation>
    </message>
    <message>
        <source>• Toggle customer type (Individual vs Business)
• Check product catalog has enabled products
• Verify products match customer eligibility</source>
        <translation>• Basculez le type de client (Individuel vs Entreprise)
• Vérifiez que le catalogue de produits a des produits activés
• Vérifiez que les produits correspondent à l&apos;éligibilité du client</translation>
    </message>
    <message>
        <source>Any Customer</source>
        <translation>Tous les clients</translation>
    </message>
    <message>
        <source>Assigning a plan to %1. Only products for %2 customers are shown.</source>
        <translation>Attribution d&apos;un plan à %1. Seuls les produits pour les clients de type %2 sont affichés.</translation>
    </message>
</context>
<context>
    <name>sb::ComponentListDialog</name>
    <message>
        <source>Added Components</source>
        <translation>Composants ajoutés</translation>
    </message>
    <message>
        <source>Removed Components</source>
        <translation>Composants retirés</translation>
    </message>
    <message>
        <source>No components.</source>
        <translation>Aucun composant.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Product Type</source>
        <translation>Type de produit</translation>
    </message>
    <message>
        <source>Product Family</source>
        <translation>Famille de produits</translation>
    </message>
    <message>
        <source>Monthly Cost</source>
        <translation>Coût mensuel</translation>
    </message>
</context>
<context>
    <name>sb::CreateCustomerDialog</name>
    <message>
        <source>Create Customer</source>
        <translation>Créer un client</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Requis</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-mail :</translation>
    </message>
    <message>
        <source>name@example.com (optional)</source>
        <translation>name@example.com (facultatif)</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>Télé&amp;phone :</translation>
    </message>
    <message>
        <source>+44 7700 900123 (optional)</source>
        <translation>+44 7700 900123 (facultatif)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>Pa&amp;yment method:</source>
        <translation>&amp;Moyen de paiement :</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Direct debit</source>
        <translation>Prélèvement</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>E&amp;xpires on</source>
        <translation>E&amp;xpire le</translation>
    </message>
    <message>
        <source>First site</source>
        <translation>Premier site</translation>
    </message>
    <message>
        <source>S&amp;ite name:</source>
        <translation>Nom du s&amp;ite :</translation>
    </message>
    <message>
        <source>e.g. Head office (optional)</source>
        <translation>ex. : Siège social (facultatif)</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse :</translation>
    </message>
    <message>
        <source>Billing contact (optional)</source>
        <translation>Contact de facturation (facultatif)</translation>
    </message>
    <message>
        <source>Technical contact (optional)</source>
        <translation>Contact technique (facultatif)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-mail :</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Téléphone :</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Créer</translation>
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
        <translation>Attribuer un plan</translation>
    </message>
    <message>
        <source>Add-on</source>
        <translation>Option supplémentaire</translation>
    </message>
    <message>
        <source>Cancel service</source>
        <translation>Annuler le service</translation>
    </message>
    <message>
        <source>Amend bundle</source>
        <translation>Modifier l&apos;offre groupée</translation>
    </message>
    <message>
        <source>Provision ID</source>
        <translation>ID de provisionnement</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Tentative</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminé le</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Demandé par</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>sb::CustomerSearchCombo</name>
    <message>
        <source>Name, customer ID, email or phone</source>
        <translation>Nom, ID du client, e-mail ou téléphone</translation>
    </message>
    <message>
        <source>Type to search by customer name, customer ID, email address or phone number.</source>
        <translation>Tapez pour rechercher par nom du client, ID du client, adresse e-mail ou numéro de téléphone.</translation>
    </message>
    <message>
        <source>Customer not found</source>
        <translation>Client non trouvé</translation>
    </message>
    <message>
        <source>• Create customer first</source>
        <translation>• Créez d&apos;abord le client</translation>
    </message>
    <message>
        <source>• Try different search terms (ID, email, phone)</source>
        <translation>• Essayez différents termes de recherche (ID, e-mail, téléphone)</translation>
    </message>
    <message>
        <source>• Check for typos</source>
        <translation>• Vérifiez les fautes de frappe</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Create customer &quot;%1&quot;…</source>
        <translation>Créer le client &quot;%1&quot;…</translation>
    </message>
</context>
<context>
    <name>sb::CustomersPage</name>
    <message>
        <source>Customers</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Search by name, customer ID, email or phone</source>
        <translation>Rechercher par nom, ID du client, e-mail ou téléphone</translation>
    </message>
    <message>
        <source>Search for a customer, then pick them from the list to see their details and services.</source>
        <translation>Recherchez un client, puis sélectionnez-le dans la liste pour afficher ses détails et ses services.</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-mail :</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Téléphone :</translation>
    </message>
    <message>
        <source>&amp;Add Service</source>
        <translation>&amp;Ajouter un service</translation>
    </message>
    <message>
        <source>Assign a plan from the catalog to this customer.</source>
        <translation>Attribuer un plan du catalogue à ce client.</translation>
    </message>
    <message>
        <source>Customer not found</source>
        <translation>Client non trouvé</translation>
    </message>
    <message>
        <source>• Create customer first</source>
        <translation>• Créez d&apos;abord le client</translation>
    </message>
    <message>
        <source>• Try different search terms (ID, email, phone)</source>
        <translation>• Essayez différents termes de recherche (ID, e-mail, téléphone)</translation>
    </message>
    <message>
        <source>• Check for typos</source>
        <translation>• Vérifiez les fautes de frappe</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Facturation</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>Technique</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échoué</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>&amp;New Customer…</source>
        <translation>&amp;Nouveau client…</translation>
    </message>
    <message>
        <source>Create a customer (individual or business).</source>
        <translation>Créez un client (individuel ou professionnel).</translation>
    </message>
    <message>
        <source>Payment method:</source>
        <translation>Moyen de paiement :</translation>
    </message>
    <message>
        <source>Add-&amp;ons…</source>
        <translation>&amp;Options supplémentaires…</translation>
    </message>
    <message>
        <source>Buy an add-on, such as a data boost, for the selected active service.</source>
        <translation>Achetez une option supplémentaire, comme un bonus de données, pour le service actif sélectionné.</translation>
    </message>
    <message>
        <source>Add-on</source>
        <translation>Option supplémentaire</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Monthly Cost</source>
        <translation>Coût mensuel</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>Acheté le</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Sites</translation>
    </message>
    <message>
        <source>Add S&amp;ite…</source>
        <translation>Ajouter un s&amp;ite…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Add &amp;Contact…</source>
        <translation>Ajouter un &amp;contact…</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Every provisioning job of this customer, newest first. Double-click a job (or press Enter) to see its log.</source>
        <translation>Toutes les opérations de provisionnement de ce client, de la plus récente à la plus ancienne. Double-cliquez sur une opération (ou appuyez sur Entrée) pour afficher son journal.</translation>
    </message>
    <message>
        <source>&amp;Services</source>
        <translation>&amp;Services</translation>
    </message>
    <message>
        <source>Sites &amp;&amp; Con&amp;tacts</source>
        <translation>Sites &amp;&amp; con&amp;tacts</translation>
    </message>
    <message>
        <source>Provisioning &amp;History</source>
        <translation>&amp;Historique de provisionnement</translation>
    </message>
    <message>
        <source>Create customer &quot;%1&quot;…</source>
        <translation>Créer le client « %1 »…</translation>
    </message>
    <message>
        <source>Opens Create Customer with what you typed filled in.</source>
        <translation>Ouvre Créer un client en reprenant ce que vous avez saisi.</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Direct debit</source>
        <translation>Prélèvement automatique</translation>
    </message>
    <message>
        <source>%1 (valid until %2)</source>
        <translation>%1 (valable jusqu&apos;au %2)</translation>
    </message>
    <message>
        <source>%1 (expired on %2)</source>
        <translation>%1 (expiré le %2)</translation>
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
        <translation>Sélectionnez un service pour voir ses options supplémentaires.</translation>
    </message>
    <message>
        <source>No add-ons on %1.</source>
        <translation>Aucune option supplémentaire sur %1.</translation>
    </message>
    <message>
        <source>Add-ons on %1:</source>
        <translation>Options supplémentaires sur %1 :</translation>
    </message>
</context>
<context>
    <name>sb::ElementSettingsPage</name>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Verify the server&apos;s certificate (recommended)</source>
        <translation>Vérifier le certificat du serveur (recommandé)</translation>
    </message>
    <message>
        <source>Verification is off: Switchboard accepts any certificate, so an impostor could receive the data sent to this element.</source>
        <translation>La vérification est désactivée : Switchboard accepte tout certificat, un imposteur pourrait donc recevoir les données envoyées à cet élément.</translation>
    </message>
    <message>
        <source>Require STARTTLS (the mail is never sent unencrypted)</source>
        <translation>Exiger STARTTLS (les e-mails ne sont jamais envoyés sans chiffrement)</translation>
    </message>
    <message>
        <source>PyHSS (REST API)</source>
        <translation>PyHSS (API REST)</translation>
    </message>
    <message>
        <source>osmo-hlr (CTRL interface)</source>
        <translation>osmo-hlr (interface CTRL)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Default (%1 s)</source>
        <translation>Par défaut (%1 s)</translation>
    </message>
    <message>
        <source>Empty addresses use the built-in simulator or the embedded defaults. Switchboard uses these settings from its next start; switchboard-worker and switchboard-ctl read the same file (--config FILE).</source>
        <translation>Les adresses vides utilisent le simulateur intégré ou les valeurs intégrées par défaut. Switchboard utilise ces paramètres à partir de son prochain démarrage ; switchboard-worker et switchboard-ctl lisent le même fichier (--config FILE).</translation>
    </message>
    <message>
        <source>(stored — type to replace)</source>
        <translation>(enregistré — saisissez pour remplacer)</translation>
    </message>
    <message>
        <source>Turn off certificate verification?</source>
        <translation>Désactiver la vérification du certificat ?</translation>
    </message>
    <message>
        <source>Without verification Switchboard accepts any certificate from the %1, so an impostor could receive customer data and keys. Turn it off only for a test server.

Turn verification off?</source>
        <translation>Sans vérification, Switchboard accepte tout certificat de %1 : un imposteur pourrait donc recevoir des données clients et des clés. Ne la désactivez que pour un serveur de test.

Désactiver la vérification ?</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>Fichiers PEM (*.pem *.crt *.cer *.key);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Correct the fields marked in red, then test again.</source>
        <translation>Corrigez les champs signalés en rouge, puis testez à nouveau.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
</context>
<context>
    <name>sb::Formatting</name>
    <message>
        <source>%1 (ID: %2)</source>
        <translation>%1 (ID : %2)</translation>
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
        <translation>N° de série</translation>
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
        <translation>%1 - %2 : %3 (%4)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>reference (identifier)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2: %3)</source>
        <comment>reference (label: identifier)</comment>
        <translation>%1 (%2 : %3)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>The operation could not be completed. Check the connection to the database and try again.</source>
        <translation>L&apos;opération n&apos;a pas pu être effectuée. Vérifiez la connexion à la base de données et réessayez.</translation>
    </message>
</context>
<context>
    <name>sb::ImportCsvDialog</name>
    <message>
        <source>Import CSV</source>
        <translation>Importer un CSV</translation>
    </message>
    <message>
        <source>Import CSV — %1</source>
        <translation>Importer un CSV — %1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>CSV file:</source>
        <translation>Fichier CSV :</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Aucun fichier choisi</translation>
    </message>
    <message>
        <source>Counting rows…</source>
        <translation>Comptage des lignes…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>C&amp;hoose File…</source>
        <translation>C&amp;hoisir un fichier…</translation>
    </message>
    <message>
        <source>Columns: customer (ID, email or phone), product (slug), and optionally auto_renew, site, billing_contact, technical_contact, custom fields and inventory items.</source>
        <translation>Colonnes : customer (ID, e-mail ou téléphone), product (slug) et, en option, auto_renew, site, billing_contact, technical_contact, champs personnalisés et éléments d&apos;inventaire.</translation>
    </message>
    <message>
        <source>Max jobs in &amp;flight:</source>
        <translation>Opérations en &amp;cours (max.) :</translation>
    </message>
    <message>
        <source>At most this many provisioning jobs of this import are queued or running at once, so the provisioning queue is not overloaded and other orders still get through. The next row is submitted when one of them ends.</source>
        <translation>Au plus ce nombre d&apos;opérations de provisionnement de cette importation sont en file d&apos;attente ou en cours d&apos;exécution en même temps, afin que la file d&apos;attente de provisionnement ne soit pas surchargée et que les autres commandes passent quand même. La ligne suivante est soumise quand l&apos;une d&apos;elles se termine.</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validation</translation>
    </message>
    <message>
        <source>&amp;Validate (Dry Run)</source>
        <translation>&amp;Valider (simulation)</translation>
    </message>
    <message>
        <source>Check every row against the live catalog, customers and inventory without changing anything.</source>
        <translation>Vérifier chaque ligne par rapport au catalogue, aux clients et à l&apos;inventaire actuels, sans rien modifier.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>C&amp;opy Errors</source>
        <translation>C&amp;opier les erreurs</translation>
    </message>
    <message>
        <source>Save &amp;Errors…</source>
        <translation>Enregistrer les &amp;erreurs…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importation</translation>
    </message>
    <message>
        <source>Pending:</source>
        <translation>En attente :</translation>
    </message>
    <message>
        <source>In flight:</source>
        <translation>En cours :</translation>
    </message>
    <message>
        <source>Succeeded:</source>
        <translation>Réussies :</translation>
    </message>
    <message>
        <source>Failed:</source>
        <translation>Échouées :</translation>
    </message>
    <message>
        <source>Rejected:</source>
        <translation>Rejetées :</translation>
    </message>
    <message>
        <source>Cancelled:</source>
        <translation>Annulées :</translation>
    </message>
    <message>
        <source>&amp;Start Import</source>
        <translation>&amp;Lancer l&apos;importation</translation>
    </message>
    <message>
        <source>Assign the valid rows; rows with errors are skipped.</source>
        <translation>Attribuer les lignes valides ; les lignes avec des erreurs sont ignorées.</translation>
    </message>
    <message>
        <source>Cancel &amp;Import</source>
        <translation>Annuler l&apos;&amp;importation</translation>
    </message>
    <message>
        <source>Submit no more rows; jobs already queued still finish.</source>
        <translation>Ne plus soumettre de lignes ; les opérations déjà en file d&apos;attente se terminent quand même.</translation>
    </message>
    <message>
        <source>&amp;Retry Failed Rows</source>
        <translation>&amp;Réessayer les lignes en échec</translation>
    </message>
    <message>
        <source>Run the failed provisioning jobs of this import again; no second service is created.</source>
        <translation>Exécuter à nouveau les opérations de provisionnement en échec de cette importation ; aucun second service n&apos;est créé.</translation>
    </message>
    <message>
        <source>Save Re&amp;port…</source>
        <translation>Enregistrer le ra&amp;pport…</translation>
    </message>
    <message>
        <source>A CSV file with the line, status, service ID, job ID and error of every row.</source>
        <translation>Un fichier CSV avec la ligne, le statut, l&apos;ID de service, l&apos;ID de l&apos;opération et l&apos;erreur de chaque ligne.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Validating every row…</source>
        <translation>Validation de toutes les lignes…</translation>
    </message>
    <message>
        <source>Choose a CSV file, then validate it.</source>
        <translation>Choisissez un fichier CSV, puis validez-le.</translation>
    </message>
    <message>
        <source>Validate the file to see the rows with errors.</source>
        <translation>Validez le fichier pour voir les lignes avec des erreurs.</translation>
    </message>
    <message>
        <source>This file cannot be imported. See the problem above the table.</source>
        <translation>Ce fichier ne peut pas être importé. Consultez le problème au-dessus du tableau.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) valid</source>
        <translation>
            <numerusform>%n ligne valide</numerusform>
            <numerusform>%n lignes valides</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with errors</source>
        <translation>
            <numerusform>%n ligne avec des erreurs</numerusform>
            <numerusform>%n lignes avec des erreurs</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Save Errors</source>
        <translation>Enregistrer les erreurs</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Errors saved to %1.</source>
        <translation>Erreurs enregistrées dans %1.</translation>
    </message>
    <message numerus="yes">
        <source>Assign plans for %n row(s)? Each row creates a service and a provisioning job.</source>
        <translation>
            <numerusform>Attribuer des plans pour %n ligne ? Chaque ligne crée un service et une opération de provisionnement.</numerusform>
            <numerusform>Attribuer des plans pour %n lignes ? Chaque ligne crée un service et une opération de provisionnement.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with errors will be skipped; the report lists them as rejected.</source>
        <translation>
            <numerusform>%n ligne avec des erreurs sera ignorée ; le rapport l&apos;indique comme rejetée.</numerusform>
            <numerusform>%n lignes avec des erreurs seront ignorées ; le rapport les indique comme rejetées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Start Import</source>
        <translation>Lancer l&apos;importation</translation>
    </message>
    <message>
        <source>Not Now</source>
        <translation>Pas maintenant</translation>
    </message>
    <message>
        <source>%1 of %2 rows done</source>
        <translation>%1 lignes traitées sur %2</translation>
    </message>
    <message numerus="yes">
        <source>Import finished. %n row(s) failed: save the report to see why, or retry them.</source>
        <translation>
            <numerusform>Importation terminée. %n ligne a échoué : enregistrez le rapport pour savoir pourquoi, ou réessayez-la.</numerusform>
            <numerusform>Importation terminée. %n lignes ont échoué : enregistrez le rapport pour savoir pourquoi, ou réessayez-les.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import finished. Every valid row was assigned.</source>
        <translation>Importation terminée. Toutes les lignes valides ont été attribuées.</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled. Waiting for %n job(s) already queued to end.</source>
        <translation>
            <numerusform>Annulée. En attente de la fin de %n opération déjà en file d&apos;attente.</numerusform>
            <numerusform>Annulée. En attente de la fin de %n opérations déjà en file d&apos;attente.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import cancelled. Rows not submitted are marked cancelled in the report.</source>
        <translation>Importation annulée. Les lignes non soumises sont marquées comme annulées dans le rapport.</translation>
    </message>
    <message>
        <source>Importing… The import goes on if you close this window, and resumes after a restart.</source>
        <translation>Importation en cours… L&apos;importation se poursuit si vous fermez cette fenêtre et reprend après un redémarrage.</translation>
    </message>
    <message>
        <source>This import was interrupted. It goes on when you open it again.</source>
        <translation>Cette importation a été interrompue. Elle reprendra quand vous l&apos;ouvrirez à nouveau.</translation>
    </message>
    <message>
        <source>Cancel Import</source>
        <translation>Annuler l&apos;importation</translation>
    </message>
    <message>
        <source>Submit no more rows of this import? Rows not submitted yet are marked cancelled; jobs already queued still finish.</source>
        <translation>Ne plus soumettre de lignes de cette importation ? Les lignes pas encore soumises seront marquées comme annulées ; les opérations déjà en file d&apos;attente se terminent quand même.</translation>
    </message>
    <message>
        <source>Keep Importing</source>
        <translation>Poursuivre l&apos;importation</translation>
    </message>
    <message>
        <source>Save Report</source>
        <translation>Enregistrer le rapport</translation>
    </message>
    <message>
        <source>Report saved to %1.</source>
        <translation>Rapport enregistré dans %1.</translation>
    </message>
    <message>
        <source>Close Import</source>
        <translation>Fermer l&apos;importation</translation>
    </message>
    <message>
        <source>The import keeps running in the background while Switchboard is open, and resumes after a restart. Close this window?</source>
        <translation>L&apos;importation continue en arrière-plan tant que Switchboard est ouvert, et reprend après un redémarrage. Fermer cette fenêtre ?</translation>
    </message>
    <message>
        <source>Keep Running in Background</source>
        <translation>Continuer en arrière-plan</translation>
    </message>
    <message>
        <source>Stay Here</source>
        <translation>Rester ici</translation>
    </message>
</context>
<context>
    <name>sb::ImportCsvLauncher</name>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Importer un CSV…</translation>
    </message>
    <message>
        <source>Assign plans to many customers at once from a CSV file.</source>
        <translation>Attribuer des plans à de nombreux clients en une seule fois à partir d&apos;un fichier CSV.</translation>
    </message>
    <message>
        <source>The import of %1 was interrupted.</source>
        <translation>L&apos;importation de %1 a été interrompue.</translation>
    </message>
    <message>
        <source>Resume Import</source>
        <translation>Reprendre l&apos;importation</translation>
    </message>
    <message>
        <source>Bulk import finished: %1 succeeded, %2 failed, %3 rejected.</source>
        <translation>Importation en masse terminée : %1 réussies, %2 en échec, %3 rejetées.</translation>
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
        <translation>Requis</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1 (requis)</translation>
    </message>
    <message>
        <source>No inventory available</source>
        <translation>Aucun inventaire disponible</translation>
    </message>
    <message>
        <source>• Add more inventory items to system
• Check item status (should be &quot;New&quot; or &quot;In Stock&quot;)
• Verify inventory template names match product requirements</source>
        <translation>• Ajoutez plus d&apos;éléments d&apos;inventaire au système
• Vérifiez le statut des éléments (doit être &quot;Nouveau&quot; ou &quot;En stock&quot;)
• Vérifiez que les noms de modèles d&apos;inventaire correspondent aux exigences du produit</translation>
    </message>
    <message>
        <source>Select %1…</source>
        <translation>Sélectionner %1…</translation>
    </message>
    <message>
        <source>Reserving %1…</source>
        <translation>Réservation de %1…</translation>
    </message>
    <message>
        <source>The reservation of %1 has expired. Pick an item again.</source>
        <translation>La réservation de %1 a expiré. Choisissez à nouveau un élément.</translation>
    </message>
    <message>
        <source>Reserved for %1</source>
        <translation>Réservé pendant %1</translation>
    </message>
    <message>
        <source>Loading available items…</source>
        <translation>Chargement des éléments disponibles…</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) available. The item you pick is reserved for this order.</source>
        <translation>
            <numerusform>%n élément disponible. L&apos;élément choisi est réservé pour cette commande.</numerusform>
            <numerusform>%n éléments disponibles. L&apos;élément choisi est réservé pour cette commande.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::InventoryStep</name>
    <message>
        <source>Required Inventory Items:</source>
        <translation>Éléments d&apos;inventaire requis :</translation>
    </message>
    <message>
        <source>An asterisk (*) marks a required item. Only items that are New or In Stock are shown; the items you pick are reserved until you confirm or cancel.</source>
        <translation>Un astérisque (*) indique un élément requis. Seuls les éléments au statut Nouveau ou En stock sont affichés ; les éléments choisis sont réservés jusqu&apos;à ce que vous confirmiez ou annuliez.</translation>
    </message>
</context>
<context>
    <name>sb::JobLogDialog</name>
    <message>
        <source>Provisioning Log — Provision ID %1</source>
        <translation>Journal de provisionnement — ID de provisionnement %1</translation>
    </message>
    <message>
        <source>Provision ID: %1 · %2 · attempt %3 · requested by %4 on %5</source>
        <translation>ID de provisionnement : %1 · %2 · tentative %3 · demandé par %4 le %5</translation>
    </message>
    <message>
        <source>&amp;Copy All</source>
        <translation>&amp;Tout copier</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>%1 %2. %3 — %4</source>
        <translation>%1 %2. %3 — %4</translation>
    </message>
    <message>
        <source>    Action: %1</source>
        <translation>    Action : %1</translation>
    </message>
    <message>
        <source>    Started: %1   Finished: %2</source>
        <translation>    Début : %1   Fin : %2</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>    Error: %1</source>
        <translation>    Erreur : %1</translation>
    </message>
    <message>
        <source>Job error: %1</source>
        <translation>Erreur de l&apos;opération : %1</translation>
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
        <translation>ID de provisionnement</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avancement</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
</context>
<context>
    <name>sb::LoginDialog</name>
    <message>
        <source>Sign In to Switchboard</source>
        <translation>Connexion à Switchboard</translation>
    </message>
    <message>
        <source>This database is shared. Sign in with your staff login and password.</source>
        <translation>Cette base de données est partagée. Connectez-vous avec votre identifiant employé et votre mot de passe.</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Identifiant :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion en cours…</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
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
        <translation>Catalogue</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Provisioning</source>
        <translation>Provisionnement</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Switchboard</source>
        <translation>À &amp;propos de Switchboard</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Search Customers:</source>
        <translation>Rechercher des clients :</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de données : %1</translation>
    </message>
    <message>
        <source>Provisioning worker: running in this application</source>
        <translation>Processus de provisionnement : exécuté dans cette application</translation>
    </message>
    <message>
        <source>Provisioning worker: external</source>
        <translation>Processus de provisionnement : externe</translation>
    </message>
    <message>
        <source>Network: built-in simulator</source>
        <translation>Réseau : simulateur intégré</translation>
    </message>
    <message>
        <source>Network: %1</source>
        <translation>Réseau : %1</translation>
    </message>
    <message>
        <source>About Switchboard</source>
        <translation>À propos de Switchboard</translation>
    </message>
    <message>
        <source>&lt;b&gt;Switchboard %1&lt;/b&gt;&lt;br&gt;Assign plans, provision services and follow provisioning jobs for mobile, internet, IPTV and VoIP customers.</source>
        <translation>&lt;b&gt;Switchboard %1&lt;/b&gt;&lt;br&gt;Attribuez des plans, provisionnez des services et suivez les opérations de provisionnement pour les clients mobile, internet, IPTV et VoIP.</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>A&amp;dministration</translation>
    </message>
    <message>
        <source>Loading Demo Data…</source>
        <translation>Chargement des données de démonstration…</translation>
    </message>
    <message>
        <source>Load &amp;Demo Data</source>
        <translation>Charger les &amp;données de démonstration</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Connecté en tant que %1 (%2)</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Adds the demo operator&apos;s products, inventory and customers.</source>
        <translation>Ajoute les produits, l&apos;inventaire et les clients de l&apos;opérateur de démonstration.</translation>
    </message>
    <message>
        <source>Demo Data</source>
        <translation>Données de démonstration</translation>
    </message>
    <message>
        <source>The demo data is in place.</source>
        <translation>Les données de démonstration sont en place.</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>File d&apos;attente</translation>
    </message>
</context>
<context>
    <name>sb::ProductCard</name>
    <message>
        <source>%1 / month</source>
        <translation>%1 / mois</translation>
    </message>
    <message>
        <source>Setup fee: %1</source>
        <translation>Frais d&apos;installation : %1</translation>
    </message>
    <message>
        <source>Assign to Customer</source>
        <translation>Attribuer au client</translation>
    </message>
    <message>
        <source>Assign %1 to a customer</source>
        <translation>Attribuer %1 à un client</translation>
    </message>
</context>
<context>
    <name>sb::ProductCardsView</name>
    <message>
        <source>Previous products (Left arrow)</source>
        <translation>Produits précédents (flèche gauche)</translation>
    </message>
    <message>
        <source>Next products (Right arrow)</source>
        <translation>Produits suivants (flèche droite)</translation>
    </message>
    <message numerus="yes">
        <source>Showing %1–%2 of %n product(s)</source>
        <translation>
            <numerusform>Affichage de %1–%2 sur %n produit</numerusform>
            <numerusform>Affichage de %1–%2 sur %n produits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::ProvisioningPage</name>
    <message>
        <source>Provisioning Jobs</source>
        <translation>Opérations de provisionnement</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Show the progress of the selected job, with View Logs and Retry.</source>
        <translation>Afficher l&apos;avancement de l&apos;opération sélectionnée, avec Voir les journaux et Réessayer.</translation>
    </message>
</context>
<context>
    <name>sb::ProvisioningProgressDialog</name>
    <message>
        <source>Provisioning Progress</source>
        <translation>Avancement du provisionnement</translation>
    </message>
    <message>
        <source>Provisioning</source>
        <translation>Provisionnement</translation>
    </message>
    <message>
        <source>Provisioning %1</source>
        <translation>Provisionnement de %1</translation>
    </message>
    <message>
        <source>Service ID:</source>
        <translation>ID de service :</translation>
    </message>
    <message>
        <source>Service Name:</source>
        <translation>Nom de service :</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Statut :</translation>
    </message>
    <message>
        <source>The service record has been created but provisioning did not complete. Please review the error and retry.</source>
        <translation>L&apos;enregistrement de service a été créé mais le provisionnement n&apos;a pas été complété. Veuillez examiner l&apos;erreur et réessayer.</translation>
    </message>
    <message>
        <source>Provision ID:</source>
        <translation>ID de provisionnement :</translation>
    </message>
    <message>
        <source>&amp;View Service</source>
        <translation>&amp;Voir le service</translation>
    </message>
    <message>
        <source>View &amp;Logs</source>
        <translation>Voir les &amp;journaux</translation>
    </message>
    <message>
        <source>Retrying…</source>
        <translation>Nouvelle tentative…</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Provisioning continues in the background. Reopen it from the Provisioning page.</source>
        <translation>Le provisionnement se poursuit en arrière-plan. Rouvrez-le depuis la page Provisionnement.</translation>
    </message>
    <message>
        <source>Loading provisioning tasks…</source>
        <translation>Chargement des tâches de provisionnement…</translation>
    </message>
    <message>
        <source>%1 (in progress...)</source>
        <translation>%1 (en cours...)</translation>
    </message>
    <message>
        <source>Progress: %1 of %2 tasks completed</source>
        <translation>Avancement : %1 des %2 tâches complétées</translation>
    </message>
    <message>
        <source>Provisioning stopped without a reason. Open the logs for details.</source>
        <translation>Le provisionnement s&apos;est arrêté sans motif. Ouvrez les journaux pour plus de détails.</translation>
    </message>
    <message>
        <source>Service successfully provisioned</source>
        <translation>Service provisionné avec succès</translation>
    </message>
    <message>
        <source>Service successfully provisioned for %1</source>
        <translation>Service provisionné avec succès pour %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
    <message>
        <source>Balance now:</source>
        <translation>Solde actuel :</translation>
    </message>
    <message>
        <source>%1 successfully added</source>
        <translation>%1 ajouté avec succès</translation>
    </message>
    <message>
        <source>%1 successfully added for %2</source>
        <translation>%1 ajouté avec succès pour %2</translation>
    </message>
    <message>
        <source>Not read back from the OCS</source>
        <translation>Non relu depuis OCS</translation>
    </message>
</context>
<context>
    <name>sb::QueueMonitorPage</name>
    <message>
        <source>Provisioning Queue</source>
        <translation>File d&apos;attente de provisionnement</translation>
    </message>
    <message>
        <source>Jobs by status</source>
        <translation>Opérations par statut</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Opérations</translation>
    </message>
    <message>
        <source>Jobs finished per minute</source>
        <translation>Opérations terminées par minute</translation>
    </message>
    <message>
        <source>Minute</source>
        <translation>Minute</translation>
    </message>
    <message>
        <source>Jobs per minute</source>
        <translation>Opérations par minute</translation>
    </message>
    <message>
        <source>Network element</source>
        <translation>Élément réseau</translation>
    </message>
    <message>
        <source>Task duration (ms)</source>
        <translation>Durée de la tâche (ms)</translation>
    </message>
    <message>
        <source>Median (p50)</source>
        <translation>Médiane (p50)</translation>
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
        <translation>%1 en file d&apos;attente</translation>
    </message>
    <message>
        <source>%1 running</source>
        <translation>%1 en cours</translation>
    </message>
    <message>
        <source>%1 succeeded</source>
        <translation>%1 réussies</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 en échec</translation>
    </message>
    <message numerus="yes">
        <source>Task duration per network element, last %n minute(s)</source>
        <translation>
            <numerusform>Durée des tâches par élément réseau, dernière %n minute</numerusform>
            <numerusform>Durée des tâches par élément réseau, %n dernières minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No task finished in the last %n minute(s).</source>
        <translation>
            <numerusform>Aucune tâche terminée au cours de la dernière %n minute.</numerusform>
            <numerusform>Aucune tâche terminée au cours des %n dernières minutes.</numerusform>
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
        <translation>Messagerie</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>Inventaire</translation>
    </message>
    <message>
        <source>Service</source>
        <extracomment>network element axis of the queue monitor: the service record in our database; keep it short</extracomment>
        <translation>Service</translation>
    </message>
    <message>
        <source>Customer</source>
        <extracomment>network element axis of the queue monitor: the customer account check; keep it short</extracomment>
        <translation>Client</translation>
    </message>
</context>
<context>
    <name>sb::ReviewStep</name>
    <message>
        <source>Check every selection, then click Confirm &amp; Provision to start provisioning.</source>
        <translation>Vérifiez chaque sélection, puis cliquez sur Confirmer &amp; Provisionner pour lancer le provisionnement.</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Client :</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>Produit :</translation>
    </message>
    <message>
        <source>Inventory:</source>
        <translation>Inventaire :</translation>
    </message>
    <message>
        <source>Pricing:</source>
        <translation>Tarification :</translation>
    </message>
    <message>
        <source>Setup Fee:</source>
        <translation>Frais d&apos;installation :</translation>
    </message>
    <message>
        <source>Monthly Cost:</source>
        <translation>Coût mensuel :</translation>
    </message>
    <message>
        <source>Auto-Renew:</source>
        <translation>Renouvellement automatique :</translation>
    </message>
    <message>
        <source>• %1: %2</source>
        <translation>• %1 : %2</translation>
    </message>
    <message>
        <source>None required</source>
        <translation>Aucun requis</translation>
    </message>
    <message>
        <source>Add-on for:</source>
        <translation>Option supplémentaire pour :</translation>
    </message>
    <message>
        <source>%1 (ID: %2)</source>
        <translation>%1 (ID : %2)</translation>
    </message>
    <message>
        <source>One-time Price:</source>
        <translation>Prix unique :</translation>
    </message>
    <message>
        <source>Monthly Price:</source>
        <translation>Prix mensuel :</translation>
    </message>
    <message>
        <source>Installation Site:</source>
        <translation>Site d&apos;installation :</translation>
    </message>
    <message>
        <source>Billing Contact:</source>
        <translation>Contact de facturation :</translation>
    </message>
    <message>
        <source>Technical Contact:</source>
        <translation>Contact technique :</translation>
    </message>
    <message>
        <source>Order Details:</source>
        <translation>Détails de la commande :</translation>
    </message>
    <message>
        <source>%1 - %2</source>
        <translation>%1 - %2</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>%1 - &lt;%2&gt;</source>
        <translation>%1 - &lt;%2&gt;</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
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
        <translation>Sélectionner les composants</translation>
    </message>
    <message>
        <source>Components of %1. Only the products the bundle allows are listed.</source>
        <translation>Composants de %1. Seuls les produits autorisés par l&apos;offre groupée sont listés.</translation>
    </message>
    <message>
        <source>&amp;View Product Bundle Components</source>
        <translation>&amp;Voir les composants de l&apos;offre groupée</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filtres</translation>
    </message>
    <message>
        <source>&amp;Product:</source>
        <translation>&amp;Produit :</translation>
    </message>
    <message>
        <source>Part of the product name</source>
        <translation>Partie du nom du produit</translation>
    </message>
    <message>
        <source>Product &amp;Type:</source>
        <translation>&amp;Type de produit :</translation>
    </message>
    <message>
        <source>Product &amp;Family:</source>
        <translation>&amp;Famille de produits :</translation>
    </message>
    <message>
        <source>All product types</source>
        <translation>Tous les types de produit</translation>
    </message>
    <message>
        <source>All product families</source>
        <translation>Toutes les familles de produits</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Product Type</source>
        <translation>Type de produit</translation>
    </message>
    <message>
        <source>Product Family</source>
        <translation>Famille de produits</translation>
    </message>
    <message>
        <source>Monthly Cost</source>
        <translation>Coût mensuel</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>No allowed product matches the filters.</source>
        <translation>Aucun produit autorisé ne correspond aux filtres.</translation>
    </message>
    <message>
        <source>S&amp;elect</source>
        <translation>Sélectio&amp;nner</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Composants</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>&amp;Conserver</translation>
    </message>
    <message>
        <source>Keep a current component that is marked for removal.</source>
        <translation>Conserver un composant actuel marqué pour être retiré.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>To be removed</source>
        <translation>À retirer</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Actuel</translation>
    </message>
    <message>
        <source>To be added</source>
        <translation>À ajouter</translation>
    </message>
    <message>
        <source>This product is already a component of the bundle.</source>
        <translation>Ce produit est déjà un composant de l&apos;offre groupée.</translation>
    </message>
    <message>
        <source>This product is already selected.</source>
        <translation>Ce produit est déjà sélectionné.</translation>
    </message>
</context>
<context>
    <name>sb::SelectCustomerStep</name>
    <message>
        <source>&amp;Search Customers:</source>
        <translation>&amp;Rechercher des clients :</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Ensure you&apos;ve selected the correct customer before proceeding. Assigning a plan to the wrong customer requires manual intervention to correct.</source>
        <translation>Assurez-vous d&apos;avoir sélectionné le bon client avant de continuer. L&apos;attribution d&apos;un plan au mauvais client nécessite une intervention manuelle pour corriger.</translation>
    </message>
    <message>
        <source>Checking that %1 can take %2…</source>
        <translation>Vérification que %1 peut souscrire à %2…</translation>
    </message>
    <message>
        <source>✓ %1 (%2) can take %3.</source>
        <translation>✓ %1 (%2) peut souscrire à %3.</translation>
    </message>
    <message>
        <source>Type a name, customer ID, email address or phone number, then pick the customer.</source>
        <translation>Saisissez un nom, un ID client, une adresse e-mail ou un numéro de téléphone, puis sélectionnez le client.</translation>
    </message>
</context>
<context>
    <name>sb::ServiceTableModel</name>
    <message>
        <source>Service ID</source>
        <translation>ID de service</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Auto-Renew</source>
        <translation>Renouvellement automatique</translation>
    </message>
    <message>
        <source>Monthly Cost</source>
        <translation>Coût mensuel</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
</context>
<context>
    <name>sb::ServicesPage</name>
    <message>
        <source>Recent Services</source>
        <translation>Services récents</translation>
    </message>
    <message>
        <source>Double-click a service to open it on its customer&apos;s page.</source>
        <translation>Double-cliquez sur un service pour l&apos;ouvrir sur la page de son client.</translation>
    </message>
    <message>
        <source>Verify Service</source>
        <translation>Vérifier le service</translation>
    </message>
    <message>
        <source>Read the selected service back from the network elements and compare.</source>
        <translation>Relire le service sélectionné depuis les éléments réseau et comparer.</translation>
    </message>
</context>
<context>
    <name>sb::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Embedded database (SQLite file on this computer)</source>
        <translation>Base de données intégrée (fichier SQLite sur cet ordinateur)</translation>
    </message>
    <message>
        <source>Shared database (PostgreSQL server)</source>
        <translation>Base de données partagée (serveur PostgreSQL)</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fichier :</translation>
    </message>
    <message>
        <source>Default: switchboard.db in your data folder</source>
        <translation>Par défaut : switchboard.db dans votre dossier de données</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte :</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port :</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de données :</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur :</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>&amp;Remember password (otherwise Switchboard asks for it at start)</source>
        <translation>&amp;Retenir le mot de passe (sinon Switchboard le demande au démarrage)</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS :</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Only if the server insists</source>
        <translation>Uniquement si le serveur l&apos;exige</translation>
    </message>
    <message>
        <source>When the server offers it</source>
        <translation>Lorsque le serveur le propose</translation>
    </message>
    <message>
        <source>Required, certificate not checked</source>
        <translation>Obligatoire, certificat non vérifié</translation>
    </message>
    <message>
        <source>Required, certificate checked against the CA</source>
        <translation>Obligatoire, certificat vérifié avec la CA</translation>
    </message>
    <message>
        <source>Required, certificate and host name checked (recommended)</source>
        <translation>Obligatoire, certificat et nom d&apos;hôte vérifiés (recommandé)</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>Fichier &amp;CA :</translation>
    </message>
    <message>
        <source>Test &amp;connection</source>
        <translation>Tester la co&amp;nnexion</translation>
    </message>
    <message>
        <source>Switchboard opens the chosen database the next time it starts.</source>
        <translation>Switchboard ouvrira la base de données choisie à son prochain démarrage.</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Fichier de base de données</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite);;All files (*)</source>
        <translation>Bases de données SQLite (*.db *.sqlite);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>Certificat de la CA</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>Certificats (*.crt *.pem *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>CA certificate file (PEM)</source>
        <translation>Fichier de certificat de la CA (PEM)</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>&amp;Base de données</translation>
    </message>
    <message>
        <source>&amp;Network elements</source>
        <translation>Éléments &amp;réseau</translation>
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
        <translation>Ouverture de la base de données…</translation>
    </message>
    <message>
        <source>Preparing the local database on this computer.</source>
        <translation>Préparation de la base de données locale sur cet ordinateur.</translation>
    </message>
</context>
<context>
    <name>sb::SubscriptionDetailsPanel</name>
    <message>
        <source>Customer:</source>
        <translation>Client :</translation>
    </message>
    <message>
        <source>Life cycle state:</source>
        <translation>État du cycle de vie :</translation>
    </message>
    <message>
        <source>Payment type:</source>
        <translation>Type de paiement :</translation>
    </message>
    <message>
        <source>Wallet balance:</source>
        <translation>Solde du portefeuille :</translation>
    </message>
    <message>
        <source>Subscription Services</source>
        <translation>Services de l&apos;abonnement</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Product Type</source>
        <translation>Type de produit</translation>
    </message>
    <message>
        <source>Product Family</source>
        <translation>Famille de produits</translation>
    </message>
    <message>
        <source>Life Cycle State</source>
        <translation>État du cycle de vie</translation>
    </message>
    <message>
        <source>Select a service to see its life cycle history. Removed components are greyed.</source>
        <translation>Sélectionnez un service pour voir son historique de cycle de vie. Les composants retirés sont grisés.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Changed By</source>
        <translation>Modifié par</translation>
    </message>
    <message>
        <source>Distributor</source>
        <translation>Distributeur</translation>
    </message>
    <message>
        <source>Serial Number</source>
        <translation>Numéro de série</translation>
    </message>
    <message>
        <source>Distributed Services</source>
        <translation>Services distribués</translation>
    </message>
    <message>
        <source>Installed Items</source>
        <translation>Éléments installés</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Behavior Code</source>
        <translation>Code de comportement</translation>
    </message>
    <message>
        <source>Action Type</source>
        <translation>Type d&apos;action</translation>
    </message>
    <message>
        <source>Due Time</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Performed By</source>
        <translation>Effectuée par</translation>
    </message>
    <message>
        <source>Provisioning Distributors</source>
        <translation>Distributeurs de provisionnement</translation>
    </message>
    <message>
        <source>Cancel Scheduled Action</source>
        <translation>Annuler l&apos;action planifiée</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Subscription %1</source>
        <translation>Abonnement %1</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1 depuis le %2</translation>
    </message>
    <message>
        <source>%1  %2  %3</source>
        <translation>%1  %2  %3</translation>
    </message>
    <message>
        <source>No wallet</source>
        <translation>Pas de portefeuille</translation>
    </message>
    <message>
        <source>%1: %2 – %3</source>
        <translation>%1 : %2 – %3</translation>
    </message>
    <message>
        <source>Flexible Bundle: %1</source>
        <translation>Offre groupée flexible : %1</translation>
    </message>
    <message>
        <source>Life cycle history of the service %1</source>
        <translation>Historique du cycle de vie du service %1</translation>
    </message>
    <message>
        <source>Life cycle history of the subscription %1 (select a service to see its own)</source>
        <translation>Historique du cycle de vie de l&apos;abonnement %1 (sélectionnez un service pour voir le sien)</translation>
    </message>
    <message>
        <source>Open-ended</source>
        <translation>Sans date de fin</translation>
    </message>
    <message>
        <source>Set-top box</source>
        <translation>Décodeur</translation>
    </message>
    <message>
        <source>Smartcard</source>
        <translation>Carte à puce</translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation>Retiré le %1</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>En service</translation>
    </message>
    <message>
        <source>Finished %1</source>
        <translation>Terminée le %1</translation>
    </message>
    <message>
        <source>Behavior code %1, business classification code %2</source>
        <translation>Code de comportement %1, code de classification commerciale %2</translation>
    </message>
    <message>
        <source>Performed by %1 on %2, requested by %3</source>
        <translation>Effectuée par %1 le %2, demandée par %3</translation>
    </message>
    <message numerus="yes">
        <source>Scheduled Actions (%n pending)</source>
        <translation>
            <numerusform>Actions planifiées (%n en attente)</numerusform>
            <numerusform>Actions planifiées (%n en attente)</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a scheduled action that has not run yet.</source>
        <translation>Sélectionnez une action planifiée qui n&apos;a pas encore été exécutée.</translation>
    </message>
    <message>
        <source>Cancel this action before it runs.</source>
        <translation>Annuler cette action avant son exécution.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>The dated life cycle states of the selected service</source>
        <translation>Les états datés du cycle de vie du service sélectionné</translation>
    </message>
</context>
<context>
    <name>sb::SubscriptionTableModel</name>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Life Cycle State</source>
        <translation>État du cycle de vie</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
</context>
<context>
    <name>sb::SubscriptionsPage</name>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
    <message>
        <source>Search by subscription number or customer name</source>
        <translation>Rechercher par numéro d&apos;abonnement ou nom du client</translation>
    </message>
    <message>
        <source>Press Enter to open the first subscription found.</source>
        <translation>Appuyez sur Entrée pour ouvrir le premier abonnement trouvé.</translation>
    </message>
    <message>
        <source>Search for a subscription, then pick it from the list to see its services, provisioning distributors and scheduled actions.</source>
        <translation>Recherchez un abonnement, puis choisissez-le dans la liste pour voir ses services, ses distributeurs de provisionnement et ses actions planifiées.</translation>
    </message>
    <message>
        <source>Action Panel</source>
        <translation>Panneau d&apos;actions</translation>
    </message>
    <message>
        <source>Subscription Service Related Actions</source>
        <translation>Actions liées aux services de l&apos;abonnement</translation>
    </message>
    <message>
        <source>&amp;Amend Bundle Services</source>
        <translation>&amp;Modifier les services de l&apos;offre groupée</translation>
    </message>
    <message>
        <source>Change the components of a Flexible Bundle service, now or on a schedule.</source>
        <translation>Modifier les composants d&apos;un service Offre groupée flexible, maintenant ou à une date planifiée.</translation>
    </message>
    <message>
        <source>No subscription matches “%1”. Check the subscription number (for example SUB-100001) or search by the customer&apos;s name.</source>
        <translation>Aucun abonnement ne correspond à “%1”. Vérifiez le numéro d&apos;abonnement (par exemple SUB-100001) ou recherchez par le nom du client.</translation>
    </message>
    <message numerus="yes">
        <source>Recent subscriptions (%n)</source>
        <translation>
            <numerusform>Abonnements récents (%n)</numerusform>
            <numerusform>Abonnements récents (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a subscription first.</source>
        <translation>Ouvrez d&apos;abord un abonnement.</translation>
    </message>
    <message>
        <source>Only subscriptions in Draft, Effective or Not Effective state can be amended; this one is %1.</source>
        <translation>Seuls les abonnements à l&apos;état Brouillon, En vigueur ou Non en vigueur peuvent être modifiés ; celui-ci est à l&apos;état %1.</translation>
    </message>
    <message>
        <source>This subscription has no Flexible Bundle service.</source>
        <translation>Cet abonnement n&apos;a aucun service Offre groupée flexible.</translation>
    </message>
    <message>
        <source>Select the Flexible Bundle service to amend.</source>
        <translation>Sélectionnez le service Offre groupée flexible à modifier.</translation>
    </message>
    <message>
        <source>Amends %1.</source>
        <translation>Modifie %1.</translation>
    </message>
    <message>
        <source>%1, due %2</source>
        <translation>%1, prévue le %2</translation>
    </message>
    <message>
        <source>Cancel Scheduled Action</source>
        <translation>Annuler l&apos;action planifiée</translation>
    </message>
    <message>
        <source>Cancel the scheduled action %1 (%2)? It will not run, and nothing it would have changed is changed.</source>
        <translation>Annuler l&apos;action planifiée %1 (%2) ? Elle ne sera pas exécutée, et rien de ce qu&apos;elle aurait modifié ne sera modifié.</translation>
    </message>
    <message>
        <source>Cancel Action</source>
        <translation>Annuler l&apos;action</translation>
    </message>
    <message>
        <source>Keep Action</source>
        <translation>Conserver l&apos;action</translation>
    </message>
    <message numerus="yes">
        <source>Subscriptions found: %n</source>
        <translation>
            <numerusform>Abonnement trouvé : %n</numerusform>
            <numerusform>Abonnements trouvés : %n</numerusform>
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
        <translation>Écart</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Injoignable</translation>
    </message>
    <message>
        <source>Verify Service — Service %1</source>
        <translation>Vérifier le service — Service %1</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Attendu</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Trouvé</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Que faire</translation>
    </message>
    <message>
        <source>Verify Again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Reading service %1 back from the network elements…</source>
        <translation>Relecture du service %1 depuis les éléments réseau…</translation>
    </message>
    <message numerus="yes">
        <source>%1: all %n check(s) passed. The network elements match Switchboard.</source>
        <translation>
            <numerusform>%1 : %n vérification réussie. Les éléments réseau correspondent à Switchboard.</numerusform>
            <numerusform>%1 : les %n vérifications ont réussi. Les éléments réseau correspondent à Switchboard.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n mismatch(es)</source>
        <translation>
            <numerusform>%1 : %n écart</numerusform>
            <numerusform>%1 : %n écarts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n element(s) unreachable.</source>
        <translation>
            <numerusform>%n élément injoignable.</numerusform>
            <numerusform>%n éléments injoignables.</numerusform>
        </translation>
    </message>
    <message>
        <source>See the highlighted rows for what to do.</source>
        <translation>Consultez les lignes mises en évidence pour savoir que faire.</translation>
    </message>
</context>
</TS>
