<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>Addon</name>
    <message>
        <source>%1 is not an add-on. Assign it as a new service from the Service Plans catalog instead.</source>
        <translation>%1 não é um complemento. Em vez disso, atribua-o como um novo serviço pelo catálogo Planos de Serviço.</translation>
    </message>
    <message>
        <source>%1 does not belong to %2. Choose one of the customer&apos;s own services.</source>
        <translation>%1 não pertence a %2. Escolha um dos serviços do próprio cliente.</translation>
    </message>
    <message>
        <source>%1 is an add-on for services of type %2, and %3 is of type %4. Choose a service of type %2.</source>
        <translation>%1 é um complemento para serviços do tipo %2, e %3 é do tipo %4. Escolha um serviço do tipo %2.</translation>
    </message>
    <message>
        <source>%1 is part of another service (a bundle component or an add-on). Choose the main service instead.</source>
        <translation>%1 faz parte de outro serviço (um componente de pacote ou um complemento). Em vez disso, escolha o serviço principal.</translation>
    </message>
    <message>
        <source>%1 is not active (%2). Add-ons can only be added to an active service: wait until it is provisioned, or retry its provisioning.</source>
        <translation>%1 não está ativo (%2). Complementos só podem ser adicionados a um serviço ativo: aguarde até que ele seja provisionado ou tente novamente o provisionamento.</translation>
    </message>
    <message>
        <source>The payment method of %1 expired on %2. Update the customer&apos;s payment method before buying %3.</source>
        <translation>O método de pagamento de %1 expirou em %2. Atualize o método de pagamento do cliente antes de comprar %3.</translation>
    </message>
    <message>
        <source>%1 has no valid payment method on file. Add a payment method to the customer before buying %2.</source>
        <translation>%1 não tem um método de pagamento válido cadastrado. Adicione um método de pagamento ao cliente antes de comprar %2.</translation>
    </message>
    <message>
        <source>%1 has no active %2 service that can receive %3. Assign a %2 plan first, then add the add-on to it.</source>
        <translation>%1 não tem nenhum serviço %2 ativo que possa receber %3. Atribua primeiro um plano %2 e depois adicione o complemento a ele.</translation>
    </message>
    <message>
        <source>The add-on no longer exists. Reload the catalog and choose again.</source>
        <translation>O complemento não existe mais. Recarregue o catálogo e escolha novamente.</translation>
    </message>
    <message>
        <source>Customer not found. Create the customer first, or search again by ID, email or phone.</source>
        <translation>Cliente não encontrado. Crie o cliente primeiro ou pesquise novamente por ID, e-mail ou telefone.</translation>
    </message>
    <message>
        <source>%1 has %2 services that can receive %3. Choose which service should receive this add-on.</source>
        <translation>%1 tem %2 serviços que podem receber %3. Escolha qual serviço deve receber este complemento.</translation>
    </message>
    <message>
        <source>Service %1 does not exist. Choose one of the customer&apos;s services.</source>
        <translation>O serviço %1 não existe. Escolha um dos serviços do cliente.</translation>
    </message>
    <message>
        <source>%1 is required for %2. Pick one from the inventory.</source>
        <translation>O item %1 é obrigatório para %2. Escolha um no inventário.</translation>
    </message>
    <message>
        <source>The item picked for %1 is not a %1. Pick an item of the right kind.</source>
        <translation>O item escolhido para %1 não é do tipo %1. Escolha um item do tipo correto.</translation>
    </message>
    <message>
        <source>%1 is no longer available: another order has reserved or used it. Pick another item.</source>
        <translation>%1 não está mais disponível: outro pedido o reservou ou utilizou. Escolha outro item.</translation>
    </message>
</context>
<context>
    <name>AmendBundle</name>
    <message>
        <source>%1 is not allowed in the bundle %2. Choose one of the products that View Product Bundle Components lists.</source>
        <translation>%1 não é permitido no pacote %2. Escolha um dos produtos listados em Ver Componentes do Pacote de Produtos.</translation>
    </message>
    <message>
        <source>%1 is mandatory in the bundle %2 and cannot be removed. Keep at least one component of it.</source>
        <translation>%1 é obrigatório no pacote %2 e não pode ser removido. Mantenha pelo menos um componente correspondente.</translation>
    </message>
    <message>
        <source>The bundle %1 needs at least %2 components of %3 but would have %4. Add components or remove fewer.</source>
        <translation>O pacote %1 precisa de pelo menos %2 componentes de %3, mas ficaria com %4. Adicione componentes ou remova menos.</translation>
    </message>
    <message>
        <source>The bundle %1 allows at most %2 components of %3 but would have %4. Add fewer components.</source>
        <translation>O pacote %1 permite no máximo %2 componentes de %3, mas ficaria com %4. Adicione menos componentes.</translation>
    </message>
    <message>
        <source>%1 requires %2 on the subscription. Keep or add %2, or leave out %1.</source>
        <translation>%1 requer %2 na assinatura. Mantenha ou adicione %2, ou deixe %1 de fora.</translation>
    </message>
    <message>
        <source>%1 cannot be combined with %2. Leave out one of them.</source>
        <translation>%1 não pode ser combinado com %2. Deixe um deles de fora.</translation>
    </message>
    <message>
        <source>The date is mandatory. Choose the date of the scheduled action.</source>
        <translation>A data é obrigatória. Escolha a data da ação agendada.</translation>
    </message>
    <message>
        <source>The date must be greater than the current date (%1). Choose a later date or time.</source>
        <translation>A data deve ser posterior à data atual (%1). Escolha uma data ou hora posterior.</translation>
    </message>
    <message>
        <source>The number of days is mandatory and must be an integer greater than 0, not &quot;%1&quot;.</source>
        <translation>O número de dias é obrigatório e deve ser um número inteiro maior que 0, não &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Subscription service %1 does not exist. Search for the subscription again.</source>
        <translation>O serviço de assinatura %1 não existe. Pesquise a assinatura novamente.</translation>
    </message>
    <message>
        <source>The service %1 is not part of a subscription, so it has no bundle services to amend.</source>
        <translation>O serviço %1 não faz parte de uma assinatura, portanto não tem serviços de pacote para alterar.</translation>
    </message>
    <message>
        <source>Subscription %1 has no service of type Flexible Bundle. Amend Bundle Services is available only for subscriptions that have one.</source>
        <translation>A assinatura %1 não tem nenhum serviço do tipo Pacote Flexível. Alterar Serviços do Pacote está disponível apenas para assinaturas que tenham um.</translation>
    </message>
    <message>
        <source>%1 is not a Flexible Bundle service. Choose the subscription&apos;s Flexible Bundle service.</source>
        <translation>%1 não é um serviço do tipo Pacote Flexível. Escolha o serviço Pacote Flexível da assinatura.</translation>
    </message>
    <message>
        <source>Subscription %1 is %2. Bundle services can be amended only while the subscription is Draft, Effective or Not Effective.</source>
        <translation>A assinatura %1 está no estado %2. Os serviços do pacote só podem ser alterados enquanto a assinatura estiver no estado Rascunho, Vigente ou Não Vigente.</translation>
    </message>
    <message>
        <source>The service %1 is %2. Services can be amended only while they are Draft, Effective or Not Effective.</source>
        <translation>O serviço %1 está no estado %2. Os serviços só podem ser alterados enquanto estiverem no estado Rascunho, Vigente ou Não Vigente.</translation>
    </message>
    <message>
        <source>Choose at least one component to add to the bundle or to remove from it.</source>
        <translation>Escolha pelo menos um componente para adicionar ao pacote ou remover dele.</translation>
    </message>
    <message>
        <source>There is no product with ID %1. Choose the components again.</source>
        <translation>Não existe nenhum produto com o ID %1. Escolha os componentes novamente.</translation>
    </message>
    <message>
        <source>There is no product &quot;%1&quot;. View Product Bundle Components lists the allowed ones.</source>
        <translation>Não existe o produto &quot;%1&quot;. Ver Componentes do Pacote de Produtos lista os permitidos.</translation>
    </message>
    <message>
        <source>Service %1 is not a current component of the bundle %2. Choose one of its components to remove.</source>
        <translation>O serviço %1 não é um componente atual do pacote %2. Escolha um dos componentes dele para remover.</translation>
    </message>
    <message>
        <source>%1 is already in the bundle %2. Choose another component.</source>
        <translation>%1 já está no pacote %2. Escolha outro componente.</translation>
    </message>
    <message>
        <source>%1 is chosen more than once. Add each component once.</source>
        <translation>%1 foi escolhido mais de uma vez. Adicione cada componente apenas uma vez.</translation>
    </message>
    <message>
        <source>The bundle service %1 is scheduled to be swapped on %2. Cancel that action or amend the bundle after it has run.</source>
        <translation>O serviço de pacote %1 está agendado para ser trocado em %2. Cancele essa ação ou altere o pacote depois que ela for executada.</translation>
    </message>
    <message>
        <source>The bundle service %1 is scheduled to be removed on %2. Cancel that action or amend the bundle after it has run.</source>
        <translation>O serviço de pacote %1 está agendado para ser removido em %2. Cancele essa ação ou altere o pacote depois que ela for executada.</translation>
    </message>
    <message>
        <source>The prepaid subscription %1 has no wallet, so the added components cannot be paid for. Nothing has been changed.</source>
        <translation>A assinatura pré-paga %1 não tem carteira, portanto os componentes adicionados não podem ser pagos. Nada foi alterado.</translation>
    </message>
    <message>
        <source>The wallet of subscription %1 holds %2, which cannot activate %3 (%4 needed for all added components). Top up the wallet or add fewer components; nothing has been changed.</source>
        <translation>A carteira da assinatura %1 tem %2, o que não é suficiente para ativar %3 (são necessários %4 para todos os componentes adicionados). Recarregue a carteira ou adicione menos componentes; nada foi alterado.</translation>
    </message>
    <message>
        <source>There is no staff user &quot;%1&quot;. Choose the user who performed the action, or leave it empty for yourself.</source>
        <translation>Não existe nenhuma conta de funcionário &quot;%1&quot;. Escolha o usuário que realizou a ação ou deixe em branco para usar o seu próprio usuário.</translation>
    </message>
    <message>
        <source>Choose an Action Type: custom action types are configured for Amend Bundle Services.</source>
        <translation>Escolha um Tipo de Ação: há tipos de ação personalizados configurados para Alterar Serviços do Pacote.</translation>
    </message>
    <message>
        <source>No Action Types are configured for Amend Bundle Services. Leave the Action Type empty.</source>
        <translation>Nenhum Tipo de Ação está configurado para Alterar Serviços do Pacote. Deixe o Tipo de Ação em branco.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an Action Type of Amend Bundle Services. Choose one of: %2.</source>
        <translation>&quot;%1&quot; não é um Tipo de Ação de Alterar Serviços do Pacote. Escolha um destes: %2.</translation>
    </message>
    <message>
        <source>Choose a Sub Action Type: custom sub action types are configured for Amend Bundle Services.</source>
        <translation>Escolha um Subtipo de Ação: há subtipos de ação personalizados configurados para Alterar Serviços do Pacote.</translation>
    </message>
    <message>
        <source>No Sub Action Types are configured for Amend Bundle Services. Leave the Sub Action Type empty.</source>
        <translation>Nenhum Subtipo de Ação está configurado para Alterar Serviços do Pacote. Deixe o Subtipo de Ação em branco.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Sub Action Type of Amend Bundle Services. Choose one of: %2.</source>
        <translation>&quot;%1&quot; não é um Subtipo de Ação de Alterar Serviços do Pacote. Escolha um destes: %2.</translation>
    </message>
    <message>
        <source>Scheduled action %1 does not exist. Check the number in the subscription&apos;s scheduled actions.</source>
        <translation>A ação agendada %1 não existe. Verifique o número nas ações agendadas da assinatura.</translation>
    </message>
    <message>
        <source>Scheduled action %1 cannot be cancelled: it is %2 already.</source>
        <translation>A ação agendada %1 não pode ser cancelada: ela já está com o status %2.</translation>
    </message>
    <message>
        <source>Subscription %1 does not exist. Search by subscription number or customer name.</source>
        <translation>A assinatura %1 não existe. Pesquise pelo número da assinatura ou pelo nome do cliente.</translation>
    </message>
</context>
<context>
    <name>AssignPlan</name>
    <message>
        <source>The product no longer exists. Reload the catalog and choose again.</source>
        <translation>O produto não existe mais. Recarregue o catálogo e escolha novamente.</translation>
    </message>
    <message>
        <source>Customer not found. Create the customer first, or search again by ID, email or phone.</source>
        <translation>Cliente não encontrado. Crie o cliente primeiro ou pesquise novamente por ID, e-mail ou telefone.</translation>
    </message>
    <message>
        <source>%1 is no longer available: another order has reserved or used it. Pick another item.</source>
        <translation>%1 não está mais disponível: outro pedido o reservou ou utilizou. Escolha outro item.</translation>
    </message>
    <message>
        <source>%1 is required for %2. Pick one from the inventory.</source>
        <translation>O item %1 é obrigatório para %2. Escolha um no inventário.</translation>
    </message>
    <message>
        <source>The item picked for %1 is not a %1. Pick an item of the right kind.</source>
        <translation>O item escolhido para %1 não é do tipo %1. Escolha um item do tipo correto.</translation>
    </message>
    <message>
        <source>There is no product &quot;%1&quot;. See switchboard-ctl products list.</source>
        <translation>Não existe o produto &quot;%1&quot;. Consulte switchboard-ctl products list.</translation>
    </message>
    <message>
        <source>%1 is an add-on: it is added to one of the customer&apos;s existing services. Use Add-ons next to that service.</source>
        <translation>%1 é um complemento: ele é adicionado a um dos serviços existentes do cliente. Use Complementos ao lado desse serviço.</translation>
    </message>
</context>
<context>
    <name>AssignRules</name>
    <message>
        <source>%1 is disabled in the catalog and cannot be assigned. Choose another product.</source>
        <translation>%1 está desativado no catálogo e não pode ser atribuído. Escolha outro produto.</translation>
    </message>
    <message>
        <source>%1 is not an active customer. Reactivate the customer before assigning a plan.</source>
        <translation>%1 não é um cliente ativo. Reative o cliente antes de atribuir um plano.</translation>
    </message>
    <message>
        <source>%1 is a business customer and %2 is only available to individual customers. Choose a business product or another customer.</source>
        <translation>%1 é um cliente empresarial e %2 está disponível apenas para clientes individuais. Escolha um produto empresarial ou outro cliente.</translation>
    </message>
    <message>
        <source>%1 is an individual customer and %2 is only available to business customers. Choose an individual product or another customer.</source>
        <translation>%1 é um cliente individual e %2 está disponível apenas para clientes empresariais. Escolha um produto individual ou outro cliente.</translation>
    </message>
</context>
<context>
    <name>Backend</name>
    <message>
        <source>The built-in network-element simulator could not start. Check that loopback networking is available.</source>
        <translation>O simulador de elementos de rede integrado não pôde ser iniciado. Verifique se a rede de loopback está disponível.</translation>
    </message>
</context>
<context>
    <name>BulkImport</name>
    <message>
        <source>Line %1: %2</source>
        <translation>Linha %1: %2</translation>
    </message>
    <message>
        <source>Line %1: %2 %3 is already used on line %4. Name each item once.</source>
        <translation>Linha %1: %2 %3 já é usado na linha %4. Indique cada item apenas uma vez.</translation>
    </message>
    <message>
        <source>Line %1: no %2 is left for this row: the file needs %3 from the inventory and %4 are free. Add stock or split the file.</source>
        <translation>Linha %1: não resta nenhum %2 para esta linha: o arquivo precisa de %3 do inventário e há %4 livres. Adicione estoque ou divida o arquivo.</translation>
    </message>
    <message>
        <source>The file has a header but no rows. Add one row per service below the header.</source>
        <translation>O arquivo tem um cabeçalho, mas nenhuma linha. Adicione uma linha por serviço abaixo do cabeçalho.</translation>
    </message>
    <message>
        <source>Bulk import %1 does not exist. Check the number in the list of imports.</source>
        <translation>A importação em massa %1 não existe. Verifique o número na lista de importações.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2. Check the file name and that you may read it.</source>
        <translation>Não é possível abrir %1: %2. Verifique o nome do arquivo e se você tem permissão para lê-lo.</translation>
    </message>
    <message>
        <source>None of the %1 rows can be assigned. Correct the errors listed for each line and import the file again.</source>
        <translation>Nenhuma das %1 linhas pode ser atribuída. Corrija os erros listados para cada linha e importe o arquivo novamente.</translation>
    </message>
    <message>
        <source>Line %1: no free %2 is left in the inventory. Add stock, then retry the failed rows.</source>
        <translation>Linha %1: não resta nenhum %2 livre no inventário. Adicione estoque e tente novamente as linhas com falha.</translation>
    </message>
    <message>
        <source>Cannot write the report to %1: %2. Choose another folder.</source>
        <translation>Não é possível gravar o relatório em %1: %2. Escolha outra pasta.</translation>
    </message>
    <message>
        <source>Line %1: the customer is missing. Enter the customer ID, email or phone.</source>
        <translation>Linha %1: o cliente não foi informado. Informe o ID, o e-mail ou o telefone do cliente.</translation>
    </message>
    <message>
        <source>Line %1: &quot;%2&quot; matches %3 customers. Use the customer ID instead.</source>
        <translation>Linha %1: &quot;%2&quot; corresponde a %3 clientes. Em vez disso, use o ID do cliente.</translation>
    </message>
    <message>
        <source>Line %1: customer &quot;%2&quot; not found. Use the customer ID, email or phone of an existing customer.</source>
        <translation>Linha %1: cliente &quot;%2&quot; não encontrado. Use o ID, o e-mail ou o telefone de um cliente existente.</translation>
    </message>
    <message>
        <source>Line %1: the product is missing. Enter the product&apos;s slug, for example mobile-20gb.</source>
        <translation>Linha %1: o produto não foi informado. Informe o slug do produto, por exemplo mobile-20gb.</translation>
    </message>
    <message>
        <source>Line %1: there is no product &quot;%2&quot;. Use a product slug from the catalog.</source>
        <translation>Linha %1: não existe nenhum produto &quot;%2&quot;. Use um slug de produto do catálogo.</translation>
    </message>
    <message>
        <source>Line %1: %2 is an add-on. A bulk assignment creates new services from service plans only.</source>
        <translation>Linha %1: %2 é um complemento. Uma atribuição em massa cria novos serviços somente a partir de planos de serviço.</translation>
    </message>
    <message>
        <source>Line %1: auto_renew must be yes or no (or true/false, 1/0), not &quot;%2&quot;.</source>
        <translation>Linha %1: auto_renew deve ser yes ou no (ou true/false, 1/0), e não &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Line %1: %2 does not need a %3. Leave the column empty for this row.</source>
        <translation>Linha %1: %2 não precisa de %3. Deixe a coluna vazia nesta linha.</translation>
    </message>
    <message>
        <source>Line %1: there is no %2 &quot;%3&quot; in the inventory.</source>
        <translation>Linha %1: não existe nenhum %2 &quot;%3&quot; no inventário.</translation>
    </message>
    <message>
        <source>Line %1: %2 %3 is not available: it is assigned, reserved or out of service. Name a free item or leave the column empty.</source>
        <translation>Linha %1: %2 %3 não está disponível: está atribuído, reservado ou fora de serviço. Indique um item livre ou deixe a coluna vazia.</translation>
    </message>
    <message>
        <source>Line %1: %2 has no site called &quot;%3&quot;.</source>
        <translation>Linha %1: %2 não tem nenhum local chamado &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>Line %1: %2 has no contact called &quot;%3&quot; (name or email).</source>
        <translation>Linha %1: %2 não tem nenhum contato chamado &quot;%3&quot; (nome ou e-mail).</translation>
    </message>
</context>
<context>
    <name>BusinessRules</name>
    <message>
        <source>%1 is required for this order. Enter it and continue.</source>
        <translation>%1 é obrigatório para este pedido. Preencha-o e continue.</translation>
    </message>
    <message>
        <source>%1 is too long: at most %2 characters.</source>
        <translation>%1 é longo demais: no máximo %2 caracteres.</translation>
    </message>
    <message>
        <source>%1 must be a number, for example 1200 or 12.50.</source>
        <translation>%1 deve ser um número, por exemplo 1200 ou 12.50.</translation>
    </message>
    <message>
        <source>%1 must be a date written as YYYY-MM-DD, for example 2026-03-31.</source>
        <translation>%1 deve ser uma data no formato AAAA-MM-DD, por exemplo 2026-03-31.</translation>
    </message>
    <message>
        <source>%1 has no installation site. Add a site on the customer page first.</source>
        <translation>%1 não tem nenhum local de instalação. Adicione primeiro um local na página do cliente.</translation>
    </message>
    <message>
        <source>Select the installation site that receives %1.</source>
        <translation>Selecione o local de instalação que recebe %1.</translation>
    </message>
    <message>
        <source>The installation site is not one of %1&apos;s sites. Select one of their sites.</source>
        <translation>O local de instalação não é um dos locais de %1. Selecione um dos locais desse cliente.</translation>
    </message>
    <message>
        <source>%1 has no contacts. Add a billing and a technical contact on the customer page first.</source>
        <translation>%1 não tem contatos. Adicione primeiro um contato de faturamento e um contato técnico na página do cliente.</translation>
    </message>
    <message>
        <source>Select the billing contact.</source>
        <translation>Selecione o contato de faturamento.</translation>
    </message>
    <message>
        <source>The billing contact is not one of %1&apos;s contacts. Select one of their contacts.</source>
        <translation>O contato de faturamento não é um dos contatos de %1. Selecione um dos contatos desse cliente.</translation>
    </message>
    <message>
        <source>Select the technical contact.</source>
        <translation>Selecione o contato técnico.</translation>
    </message>
    <message>
        <source>The technical contact is not one of %1&apos;s contacts. Select one of their contacts.</source>
        <translation>O contato técnico não é um dos contatos de %1. Selecione um dos contatos desse cliente.</translation>
    </message>
    <message>
        <source>Installation sites and contacts are for business customers only. %1 is an individual customer.</source>
        <translation>Locais de instalação e contatos são apenas para clientes empresariais. %1 é um cliente individual.</translation>
    </message>
    <message>
        <source>%1 does not ask for the field &quot;%2&quot;. Leave it out.</source>
        <translation>%1 não solicita o campo &quot;%2&quot;. Omita-o.</translation>
    </message>
</context>
<context>
    <name>CancelService</name>
    <message>
        <source>Service %1 does not exist. Check the number in the Services list.</source>
        <translation>O serviço %1 não existe. Verifique o número na lista de Serviços.</translation>
    </message>
    <message>
        <source>Service %1 is already cancelled.</source>
        <translation>O serviço %1 já está cancelado.</translation>
    </message>
    <message>
        <source>Service %1 is being provisioned (provision ID %2). Wait until it finishes, then cancel it.</source>
        <translation>O serviço %1 está sendo provisionado (ID do Provisionamento %2). Aguarde a conclusão e depois cancele-o.</translation>
    </message>
    <message>
        <source>Cancelling service %1 failed earlier (provision ID %2). Retry that provisioning job instead.</source>
        <translation>O cancelamento do serviço %1 falhou anteriormente (ID do Provisionamento %2). Em vez disso, tente novamente esse job de provisionamento.</translation>
    </message>
</context>
<context>
    <name>CsvImport</name>
    <message>
        <source>The file is empty. Choose a CSV file whose first row names the columns, with one row per entry below it.</source>
        <translation>O arquivo está vazio. Escolha um arquivo CSV cuja primeira linha nomeie as colunas, com uma linha por registro abaixo dela.</translation>
    </message>
    <message>
        <source>Line %1: the column &quot;%2&quot; appears twice in the header. Remove or rename one of them.</source>
        <translation>Linha %1: a coluna &quot;%2&quot; aparece duas vezes no cabeçalho. Remova ou renomeie uma delas.</translation>
    </message>
    <message>
        <source>Line %1: the header lacks these columns: %2. Add them to the first row (upper or lower case does not matter); the expected columns are: %3.</source>
        <translation>Linha %1: faltam estas colunas no cabeçalho: %2. Adicione-as à primeira linha (maiúsculas ou minúsculas não importam); as colunas esperadas são: %3.</translation>
    </message>
    <message>
        <source>Line %1: these columns are not known and will be ignored: %2. Check their spelling against the expected columns: %3.</source>
        <translation>Linha %1: estas colunas não são conhecidas e serão ignoradas: %2. Confira a grafia com as colunas esperadas: %3.</translation>
    </message>
    <message>
        <source>Line %1: a quoted field that starts on this line is never closed before the end of the file. Add the missing closing double quote (&quot;).</source>
        <translation>Linha %1: um campo entre aspas que começa nesta linha nunca é fechado antes do fim do arquivo. Adicione as aspas duplas de fechamento que faltam (&quot;).</translation>
    </message>
    <message>
        <source>Line %1: this row is longer than %2 MB, most likely because a double quote (&quot;) is missing. Check the quotes on this line.</source>
        <translation>Linha %1: esta linha tem mais de %2 MB, provavelmente porque falta uma aspa dupla (&quot;). Confira as aspas desta linha.</translation>
    </message>
    <message>
        <source>Line %1: a closing double quote is followed by more text before the next comma. Put the whole value in double quotes and write each double quote inside it twice (&quot;&quot;).</source>
        <translation>Linha %1: uma aspa dupla de fechamento é seguida de mais texto antes da próxima vírgula. Coloque o valor inteiro entre aspas duplas e escreva cada aspa dupla dentro dele duas vezes (&quot;&quot;).</translation>
    </message>
    <message>
        <source>Line %1: this row contains characters that are not valid UTF-8. Save the file as &quot;CSV UTF-8&quot; in your spreadsheet and import it again.</source>
        <translation>Linha %1: esta linha contém caracteres que não são UTF-8 válidos. Salve o arquivo como &quot;CSV UTF-8&quot; na sua planilha e importe-o novamente.</translation>
    </message>
    <message>
        <source>Line %1: the header has %3 columns, but this row has %2. Check for a missing or extra comma, and put values that contain commas in double quotes.</source>
        <translation>Linha %1: o cabeçalho tem %3 colunas, mas esta linha tem %2. Verifique se falta ou sobra uma vírgula e coloque entre aspas duplas os valores que contêm vírgulas.</translation>
    </message>
    <message>
        <source>Line %1: the file could not be read any further (%2). Check that it is still available and import it again.</source>
        <translation>Linha %1: não foi possível continuar lendo o arquivo (%2). Verifique se ele ainda está disponível e importe-o novamente.</translation>
    </message>
</context>
<context>
    <name>CtlCommands</name>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 precisa de um valor.</translation>
    </message>
    <message>
        <source>%1 must be a whole number of at least %2, not &quot;%3&quot;.</source>
        <translation>%1 deve ser um número inteiro maior ou igual a %2, não &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>Nenhum comando informado.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Comando desconhecido &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Database %1 is ready (schema version %2).
</source>
        <translation>O banco de dados %1 está pronto (versão do esquema %2).
</translation>
    </message>
    <message>
        <source>Seeding customers: %1 of %2</source>
        <translation>Criando clientes de demonstração: %1 de %2</translation>
    </message>
    <message>
        <source>Demo data is in place with %1 customers.
</source>
        <translation>Os dados de demonstração estão prontos, com %1 clientes.
</translation>
    </message>
    <message>
        <source>customers search needs the text to search for.</source>
        <translation>customers search precisa do texto a pesquisar.</translation>
    </message>
    <message>
        <source>Customer not found. Try different search terms (ID, email, phone) or create the customer first.
</source>
        <translation>Cliente não encontrado. Tente diferentes termos de pesquisa (ID, e-mail, telefone) ou crie o cliente primeiro.
</translation>
    </message>
    <message>
        <source>inventory list needs --template NAME, for example --template &quot;SIM Card&quot;.</source>
        <translation>inventory list precisa de --template NAME, por exemplo --template &quot;SIM Card&quot;.</translation>
    </message>
    <message>
        <source>No inventory available. Add more inventory items or check that item statuses are New or In Stock.
</source>
        <translation>Nenhum inventário disponível. Adicione mais itens de inventário ou verifique se o status dos itens é Novo ou Em Estoque.
</translation>
    </message>
    <message>
        <source>assign needs --customer ID and --product SLUG.</source>
        <translation>assign precisa de --customer ID e --product SLUG.</translation>
    </message>
    <message>
        <source>--auto-renew must be yes or no, not &quot;%1&quot;.</source>
        <translation>--auto-renew deve ser yes ou no, não &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argumento inesperado &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--item must be TEMPLATE=ITEM_ID, for example &quot;SIM Card=42&quot;, not &quot;%1&quot;.</source>
        <translation>--item deve ter o formato TEMPLATE=ITEM_ID, por exemplo &quot;SIM Card=42&quot;, não &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>No inventory available for %1. Add more inventory items or check item statuses.</source>
        <translation>Nenhum inventário disponível para %1. Adicione mais itens de inventário ou verifique o status dos itens.</translation>
    </message>
    <message>
        <source>%1 does not need a %2.</source>
        <translation>%1 não precisa de %2.</translation>
    </message>
    <message>
        <source>Service %1 created; provisioning job %2 is queued for a worker.
</source>
        <translation>Serviço %1 criado; o job de provisionamento %2 está na fila aguardando um processo de provisionamento.
</translation>
    </message>
    <message>
        <source>Service %1 is active (provisioning job %2).
</source>
        <translation>O serviço %1 está ativo (job de provisionamento %2).
</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erro: %1</translation>
    </message>
    <message>
        <source>The service record has been created but provisioning did not complete. Please review the error and retry.</source>
        <translation>O registro de serviço foi criado, mas o provisionamento não foi concluído. Por favor, revise o erro e tente novamente.</translation>
    </message>
    <message>
        <source>Provision ID: %1</source>
        <translation>ID do Provisionamento: %1</translation>
    </message>
    <message>
        <source>jobs show needs a provision ID (a whole number).</source>
        <translation>jobs show precisa de um ID de provisionamento (um número inteiro).</translation>
    </message>
    <message>
        <source>Provision ID: %1 (%2), attempt %3
</source>
        <translation>ID do Provisionamento: %1 (%2), tentativa %3
</translation>
    </message>
    <message>
        <source>jobs retry needs a provision ID (a whole number).</source>
        <translation>jobs retry precisa de um ID de provisionamento (um número inteiro).</translation>
    </message>
    <message>
        <source>Provisioning job %1 is queued again and resumes at the failed task.
</source>
        <translation>O job de provisionamento %1 voltou para a fila e será retomado na tarefa que falhou.
</translation>
    </message>
    <message>
        <source>Provisioning worker running on %1. Stop it with Ctrl+C.</source>
        <translation>Processo de provisionamento em execução em %1. Interrompa-o com Ctrl+C.</translation>
    </message>
    <message>
        <source>Provisioning job %1 finished.</source>
        <translation>Job de provisionamento %1 finalizado.</translation>
    </message>
    <message>
        <source>--port must be between 0 and 65535.</source>
        <translation>--port deve estar entre 0 e 65535.</translation>
    </message>
    <message>
        <source>Cannot listen on 127.0.0.1:%1. Choose another port.</source>
        <translation>Não é possível escutar em 127.0.0.1:%1. Escolha outra porta.</translation>
    </message>
    <message>
        <source>Network-element simulator listening on %1 (OCS %1/jsonrpc, HSS %1/, IPTV %1/iptv).</source>
        <translation>Simulador de elementos de rede escutando em %1 (OCS %1/jsonrpc, HSS %1/, IPTV %1/iptv).</translation>
    </message>
    <message>
        <source>The local user %1 has no staff account on this PostgreSQL database, and only an SQLite database signs the local user in automatically. Use --user LOGIN with your password (in SWITCHBOARD_PASSWORD or on stdin), or ask an administrator to run: switchboard-ctl user add %1 --role ROLE</source>
        <translation>O usuário local %1 não tem conta de funcionário neste banco de dados PostgreSQL, e somente um banco de dados SQLite conecta o usuário local automaticamente. Use --user LOGIN com sua senha (em SWITCHBOARD_PASSWORD ou na stdin) ou peça a um administrador que execute: switchboard-ctl user add %1 --role ROLE</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Senha para %1: </translation>
    </message>
    <message>
        <source>No password for %1. Give it in SWITCHBOARD_PASSWORD or on the first line of stdin.</source>
        <translation>Nenhuma senha para %1. Informe-a em SWITCHBOARD_PASSWORD ou na primeira linha da stdin.</translation>
    </message>
    <message>
        <source>user add needs a LOGIN and --role ROLE.</source>
        <translation>user add precisa de um LOGIN e de --role ROLE.</translation>
    </message>
    <message>
        <source>--role must be one of %1, not &quot;%2&quot;.</source>
        <translation>--role deve ser um destes valores: %1, não &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>New password for %1: </source>
        <translation>Nova senha para %1: </translation>
    </message>
    <message>
        <source>No password for %1. Give it on a line of stdin.</source>
        <translation>Nenhuma senha para %1. Informe-a em uma linha da stdin.</translation>
    </message>
    <message>
        <source>Staff account %1 (%2) added with the role %3.
</source>
        <translation>Conta de funcionário %1 (%2) adicionada com o perfil %3.
</translation>
    </message>
    <message>
        <source>user passwd needs the LOGIN whose password to set.</source>
        <translation>user passwd precisa do LOGIN cuja senha será definida.</translation>
    </message>
    <message>
        <source>The password of %1 has been changed.
</source>
        <translation>A senha de %1 foi alterada.
</translation>
    </message>
    <message>
        <source>amend-bundle needs --service ID (the Flexible Bundle service of the subscription).</source>
        <translation>amend-bundle precisa de --service ID (o serviço do tipo Pacote Flexível da assinatura).</translation>
    </message>
    <message>
        <source>--remove must be the ID of a component service, not &quot;%1&quot;.</source>
        <translation>--remove deve ser o ID de um serviço componente, não &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--schedule must be now, YYYY-MM-DD, YYYY-MM-DDTHH:MM or days:N, not &quot;%1&quot;.</source>
        <translation>--schedule deve ser now, YYYY-MM-DD, YYYY-MM-DDTHH:MM ou days:N, não &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--performed-date must be a date and time like 2026-05-31T14:30, not &quot;%1&quot;.</source>
        <translation>--performed-date deve ser uma data e hora como 2026-05-31T14:30, não &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>This request was submitted before as action %1; nothing was done again.
</source>
        <translation>Esta solicitação já foi enviada antes como ação %1; nada foi feito novamente.
</translation>
    </message>
    <message>
        <source>Amend Bundle Services is scheduled for %1 (action %2).
</source>
        <translation>Alterar Serviços do Pacote foi agendado para %1 (ação %2).
</translation>
    </message>
    <message>
        <source>Bundle service %1 amended (action %2): %3 component(s) added, %4 removed.
</source>
        <translation>Serviço de pacote %1 alterado (ação %2): %3 componente(s) adicionado(s), %4 removido(s).
</translation>
    </message>
    <message>
        <source>Provisioning jobs queued for the set-top boxes: %1.
</source>
        <translation>Jobs de provisionamento na fila para os decodificadores: %1.
</translation>
    </message>
    <message>
        <source>Provisioning distributors removed: %1.
</source>
        <translation>Distribuidores de provisionamento removidos: %1.
</translation>
    </message>
    <message>
        <source>The wallet was debited %1.
</source>
        <translation>Foi debitado %1 da carteira.
</translation>
    </message>
    <message>
        <source>scheduled cancel needs the ID of a scheduled action (see scheduled list).</source>
        <translation>scheduled cancel precisa do ID de uma ação agendada (consulte scheduled list).</translation>
    </message>
    <message>
        <source>Scheduled action %1 is cancelled.
</source>
        <translation>A ação agendada %1 foi cancelada.
</translation>
    </message>
    <message>
        <source>No subscription matches &quot;%1&quot;. Search by subscription number or customer name.
</source>
        <translation>Nenhuma assinatura corresponde a &quot;%1&quot;. Pesquise pelo número da assinatura ou pelo nome do cliente.
</translation>
    </message>
    <message>
        <source>subscriptions show needs the subscription NUMBER (see subscriptions search).</source>
        <translation>subscriptions show precisa do NUMBER da assinatura (consulte subscriptions search).</translation>
    </message>
    <message>
        <source>Subscription %1 of %2: %3, %4
</source>
        <translation>Assinatura %1 de %2: %3, %4
</translation>
    </message>
    <message>
        <source>State history: %1
</source>
        <translation>Histórico de estados: %1
</translation>
    </message>
    <message>
        <source>Services:
</source>
        <translation>Serviços:
</translation>
    </message>
    <message>
        <source>Provisioning distributors:
</source>
        <translation>Distribuidores de provisionamento:
</translation>
    </message>
    <message>
        <source> (removed %1)</source>
        <translation> (removido em %1)</translation>
    </message>
    <message>
        <source>Wallet balance: %1
</source>
        <translation>Saldo da carteira: %1
</translation>
    </message>
    <message>
        <source>Actions:
</source>
        <translation>Ações:
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
        <translation>  nesim via HTTPS: adicione --tls-cert FILE --tls-key FILE [--client-ca FILE] (certificado de cliente obrigatório)
</translation>
    </message>
    <message>
        <source>inventory import-sims needs the batch FILE and --transport-key-file F.</source>
        <translation>inventory import-sims precisa do FILE do lote e de --transport-key-file F.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n SIM card(s) of batch %1, keys sealed under the transport key with check value %2.
</source>
        <translation>
            <numerusform>%n cartão SIM do lote %1 importado, chaves protegidas pela chave de transporte com valor de verificação %2.
</numerusform>
            <numerusform>%n cartões SIM do lote %1 importados, chaves protegidas pela chave de transporte com valor de verificação %2.
</numerusform>
        </translation>
    </message>
    <message>
        <source>No OP was given: OPc will be derived while provisioning from [sim] op in the settings file.
</source>
        <translation>Nenhum OP foi informado: o OPc será derivado durante o provisionamento a partir de [sim] op no arquivo de configurações.
</translation>
    </message>
    <message>
        <source>sim opc needs --ki HEX and --op HEX, each 32 hexadecimal digits.</source>
        <translation>sim opc precisa de --ki HEX e --op HEX, cada um com 32 dígitos hexadecimais.</translation>
    </message>
    <message>
        <source>OpenSSL could not compute AES-128. Check the OpenSSL installation.</source>
        <translation>O OpenSSL não conseguiu calcular o AES-128. Verifique a instalação do OpenSSL.</translation>
    </message>
    <message>
        <source>services cancel needs a service ID (a whole number).</source>
        <translation>services cancel precisa de um ID de serviço (um número inteiro).</translation>
    </message>
    <message>
        <source>Service %1 is being cancelled: provisioning job %2 removes it from the network elements.
</source>
        <translation>O serviço %1 está sendo cancelado: o job de provisionamento %2 o remove dos elementos de rede.
</translation>
    </message>
    <message>
        <source>  services verify ID   (exit code 3: the network differs from the database; 4: an element did not answer)
</source>
        <translation>  services verify ID   (código de saída 3: a rede difere do banco de dados; 4: um elemento não respondeu)
</translation>
    </message>
    <message>
        <source>Settings: --config FILE reads the network elements, mail, SIM keys and (without --db) the database
from that INI file, as the Settings dialog writes it; without it, from the user&apos;s settings.
</source>
        <translation>Configurações: --config FILE lê os elementos de rede, o e-mail, as chaves de SIM e (sem --db) o banco de dados
desse arquivo INI, tal como a caixa de diálogo Configurações o grava; sem ela, das configurações do usuário.
</translation>
    </message>
    <message>
        <source>services verify needs a service ID (a whole number).</source>
        <translation>services verify precisa de um ID de serviço (um número inteiro).</translation>
    </message>
    <message numerus="yes">
        <source>Service %1 (%2): %n check(s),</source>
        <translation>
            <numerusform>Serviço %1 (%2): %n verificação,</numerusform>
            <numerusform>Serviço %1 (%2): %n verificações,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mismatch(es),</source>
        <translation>
            <numerusform>%n divergência,</numerusform>
            <numerusform>%n divergências,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n element(s) unreachable</source>
        <translation>
            <numerusform>%n elemento inacessível</numerusform>
            <numerusform>%n elementos inacessíveis</numerusform>
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
        <translation>addons buy precisa de --customer ID e --product SLUG.</translation>
    </message>
    <message>
        <source>Which service should receive this add-on? Add one of:
%1</source>
        <translation>Qual serviço deve receber este complemento? Adicione uma destas opções:
%1</translation>
    </message>
    <message>
        <source>Add-on %1 bought for service %2; provisioning job %3 is queued for a worker.
</source>
        <translation>Complemento %1 comprado para o serviço %2; o job de provisionamento %3 está na fila aguardando um processo de provisionamento.
</translation>
    </message>
    <message>
        <source>Add-on %1 is active on service %2. Balance: %3
</source>
        <translation>O complemento %1 está ativo no serviço %2. Saldo: %3
</translation>
    </message>
    <message>
        <source>addons list needs --service ID.</source>
        <translation>addons list precisa de --service ID.</translation>
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
Comandos de escrita são executados como --user LOGIN (senha em SWITCHBOARD_PASSWORD ou na primeira linha de
stdin); sem --user, como o usuário local (conectado automaticamente apenas em um banco de dados SQLite).
Uma nova senha (user add, user passwd) é a linha seguinte de stdin.
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
      (código de saída 3: linhas com erros, rejeitadas, com falha ou canceladas; 4: interrompida, retome depois)
</translation>
    </message>
    <message>
        <source>--field must be KEY=VALUE, for example &quot;po_number=PO-2025-001234&quot;, not &quot;%1&quot;.</source>
        <translation>--field deve ser KEY=VALUE, por exemplo &quot;po_number=PO-2025-001234&quot;, e não &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The customer has no site &quot;%1&quot;. Give the site&apos;s name or ID.</source>
        <translation>O cliente não tem nenhum local &quot;%1&quot;. Informe o nome ou o ID do local.</translation>
    </message>
    <message>
        <source>import-csv needs exactly one of: a FILE, --resume ID or --retry-failed ID.</source>
        <translation>import-csv precisa de exatamente um destes: um FILE, --resume ID ou --retry-failed ID.</translation>
    </message>
    <message>
        <source>--dry-run checks a FILE; it does not go with --resume or --retry-failed.</source>
        <translation>--dry-run verifica um FILE; não pode ser usado com --resume nem com --retry-failed.</translation>
    </message>
    <message>
        <source>%1 rows: %2 can be assigned, %3 have errors.
</source>
        <translation>%1 linhas: %2 podem ser atribuídas, %3 têm erros.
</translation>
    </message>
    <message>
        <source>Bulk import %1 started: %2 rows to assign, %3 rejected.</source>
        <translation>Importação em massa %1 iniciada: %2 linhas a atribuir, %3 rejeitadas.</translation>
    </message>
    <message>
        <source>Bulk import %1 resumed.</source>
        <translation>Importação em massa %1 retomada.</translation>
    </message>
    <message>
        <source>Bulk import %1: %2 failed rows are retried.</source>
        <translation>Importação em massa %1: nova tentativa para %2 linhas com falha.</translation>
    </message>
    <message>
        <source>Jobs are queued for switchboard-worker; this command waits for them.</source>
        <translation>Os jobs estão na fila para o switchboard-worker; este comando aguarda a conclusão deles.</translation>
    </message>
    <message>
        <source>Provisioning with the worker of this command; stop with Ctrl+C and continue later with --resume %1.</source>
        <translation>Provisionando com o processo de provisionamento deste comando; interrompa com Ctrl+C e continue depois com --resume %1.</translation>
    </message>
    <message>
        <source>Import %1: %2 of %3 rows done (%4 succeeded, %5 failed, %6 rejected), %7 in flight, %8 pending.</source>
        <translation>Importação %1: %2 de %3 linhas concluídas (%4 com sucesso, %5 com falha, %6 rejeitadas), %7 em andamento, %8 pendentes.</translation>
    </message>
    <message>
        <source>Report written to %1.</source>
        <translation>Relatório gravado em %1.</translation>
    </message>
    <message>
        <source>Stopped. Bulk import %1 continues with: switchboard-ctl import-csv --resume %1
</source>
        <translation>Interrompido. A importação em massa %1 continua com: switchboard-ctl import-csv --resume %1
</translation>
    </message>
    <message>
        <source>Bulk import %1 %2: %3 succeeded, %4 failed, %5 rejected, %6 cancelled of %7 rows.
</source>
        <translation>Importação em massa %1 %2: %3 com sucesso, %4 com falha, %5 rejeitadas, %6 canceladas de %7 linhas.
</translation>
    </message>
</context>
<context>
    <name>CustomField</name>
    <message>
        <source>Purchase Order Number</source>
        <translation>Número do Pedido de Compra</translation>
    </message>
    <message>
        <source>Cost Centre</source>
        <translation>Centro de Custo</translation>
    </message>
    <message>
        <source>Account Number</source>
        <translation>Número da Conta</translation>
    </message>
</context>
<context>
    <name>Customer</name>
    <message>
        <source>Enter the customer&apos;s name.</source>
        <translation>Informe o nome do cliente.</translation>
    </message>
    <message>
        <source>The email address &quot;%1&quot; is not valid. Enter it as name@example.com, or leave it empty.</source>
        <translation>O endereço de e-mail &quot;%1&quot; não é válido. Informe-o no formato name@example.com ou deixe-o em branco.</translation>
    </message>
    <message>
        <source>The phone number &quot;%1&quot; is not valid. Enter at least 6 digits (spaces, +, - and brackets are allowed), or leave it empty.</source>
        <translation>O número de telefone &quot;%1&quot; não é válido. Informe pelo menos 6 dígitos (espaços, +, - e parênteses são permitidos) ou deixe-o em branco.</translation>
    </message>
    <message>
        <source>Choose the customer&apos;s language: English, Portuguese (Brazil), French or Spanish.</source>
        <translation>Escolha o idioma do cliente: inglês, português (Brasil), francês ou espanhol.</translation>
    </message>
    <message>
        <source>Choose the payment method: card, direct debit or none.</source>
        <translation>Escolha o método de pagamento: cartão, débito automático ou nenhum.</translation>
    </message>
    <message>
        <source>An expiry date needs a payment method. Choose card or direct debit, or clear the expiry date.</source>
        <translation>Uma data de validade exige um método de pagamento. Escolha cartão ou débito automático, ou apague a data de validade.</translation>
    </message>
    <message>
        <source>The payment method expired on %1. Enter a future expiry date, or clear it if the payment method does not expire.</source>
        <translation>O método de pagamento expirou em %1. Informe uma data de validade futura ou apague-a se o método de pagamento não expirar.</translation>
    </message>
    <message>
        <source>Enter a name for the site, for example &quot;Head office&quot;.</source>
        <translation>Informe um nome para o local, por exemplo &quot;Matriz&quot;.</translation>
    </message>
    <message>
        <source>Choose the contact&apos;s role: billing or technical.</source>
        <translation>Escolha a função do contato: faturamento ou técnico.</translation>
    </message>
    <message>
        <source>Enter the billing contact&apos;s name.</source>
        <translation>Informe o nome do contato de faturamento.</translation>
    </message>
    <message>
        <source>Enter the technical contact&apos;s name.</source>
        <translation>Informe o nome do contato técnico.</translation>
    </message>
    <message>
        <source>Enter the contact&apos;s name.</source>
        <translation>Informe o nome do contato.</translation>
    </message>
    <message>
        <source>The contact email address &quot;%1&quot; is not valid. Enter it as name@example.com, or leave it empty.</source>
        <translation>O endereço de e-mail do contato &quot;%1&quot; não é válido. Informe-o no formato name@example.com ou deixe-o em branco.</translation>
    </message>
    <message>
        <source>The contact phone number &quot;%1&quot; is not valid. Enter at least 6 digits, or leave it empty.</source>
        <translation>O número de telefone do contato &quot;%1&quot; não é válido. Informe pelo menos 6 dígitos ou deixe-o em branco.</translation>
    </message>
    <message>
        <source>%1 is already the email address of %2 (ID: %3). Open that customer instead, or enter another email address.</source>
        <translation>%1 já é o endereço de e-mail de %2 (ID: %3). Abra esse cliente ou informe outro endereço de e-mail.</translation>
    </message>
    <message>
        <source>Customer %1 does not exist. Search for the customer again.</source>
        <translation>O cliente %1 não existe. Pesquise o cliente novamente.</translation>
    </message>
</context>
<context>
    <name>DatabaseProbe</name>
    <message>
        <source>Cannot reach the database server at %1. Check the host name and the port, and that the server is running.</source>
        <translation>Não é possível acessar o servidor de banco de dados em %1. Verifique o nome do host e a porta e se o servidor está em execução.</translation>
    </message>
    <message>
        <source>The server at %1 did not accept the user %2 with this password. Check the user name and the password.</source>
        <translation>O servidor em %1 não aceitou o usuário %2 com esta senha. Verifique o nome de usuário e a senha.</translation>
    </message>
    <message>
        <source>The secure (TLS) connection to %1 failed: the server offers no TLS, or its certificate could not be verified with the CA file. Check the TLS mode and the CA file.</source>
        <translation>A conexão segura (TLS) com %1 falhou: o servidor não oferece TLS ou o certificado dele não pôde ser verificado com o arquivo de CA. Verifique o modo TLS e o arquivo de CA.</translation>
    </message>
    <message>
        <source>The server at %1 has no database called %2. Check the database name.</source>
        <translation>O servidor em %1 não tem nenhum banco de dados chamado %2. Verifique o nome do banco de dados.</translation>
    </message>
    <message>
        <source>%1 is not a Switchboard database: it holds other data. Choose a Switchboard database or an empty one.</source>
        <translation>%1 não é um banco de dados do Switchboard: ele contém outros dados. Escolha um banco de dados do Switchboard ou um vazio.</translation>
    </message>
    <message>
        <source>The database %1 could not be opened: %2</source>
        <translation>Não foi possível abrir o banco de dados %1: %2</translation>
    </message>
    <message>
        <source>Connected. The database is empty: Switchboard sets it up when it starts.</source>
        <translation>Conectado. O banco de dados está vazio: o Switchboard o prepara ao iniciar.</translation>
    </message>
    <message>
        <source>Connected. The database has schema version %1; Switchboard upgrades it to version %2 when it starts.</source>
        <translation>Conectado. O banco de dados tem a versão de esquema %1; o Switchboard o atualiza para a versão %2 ao iniciar.</translation>
    </message>
    <message>
        <source>Connected. The database is up to date (schema version %1).</source>
        <translation>Conectado. O banco de dados está atualizado (versão do esquema %1).</translation>
    </message>
    <message>
        <source>Switchboard cannot create files in the folder %1. Choose another place for the database file.</source>
        <translation>O Switchboard não pode criar arquivos na pasta %1. Escolha outro local para o arquivo do banco de dados.</translation>
    </message>
    <message>
        <source>The file %1 does not exist yet: Switchboard creates it when it starts.</source>
        <translation>O arquivo %1 ainda não existe: o Switchboard o cria ao iniciar.</translation>
    </message>
</context>
<context>
    <name>DatabaseUrl</name>
    <message>
        <source>The database URL %1 names no file. Write it as sqlite:///path/to/file.db.</source>
        <translation>A URL do banco de dados %1 não indica nenhum arquivo. Escreva-a como sqlite:///path/to/file.db.</translation>
    </message>
    <message>
        <source>The database URL %1 is not valid. Write it as postgresql://user:password@host:port/database.</source>
        <translation>A URL do banco de dados %1 não é válida. Escreva-a como postgresql://user:password@host:port/database.</translation>
    </message>
    <message>
        <source>%1 is not a database URL. Use sqlite:///path/to/file.db or postgresql://user@host:port/database.</source>
        <translation>%1 não é uma URL de banco de dados. Use sqlite:///path/to/file.db ou postgresql://user@host:port/database.</translation>
    </message>
</context>
<context>
    <name>ElementCredentials</name>
    <message>
        <source>The credentials key file %1 cannot be read or created. Check the file and its folder, or set another file in Settings.</source>
        <translation>Não é possível ler nem criar o arquivo de chave de credenciais %1. Verifique o arquivo e a pasta dele ou defina outro arquivo em Configurações.</translation>
    </message>
</context>
<context>
    <name>ElementProbe</name>
    <message>
        <source>Connected: the %1 at %2 answered.</source>
        <translation>Conectado: o %1 em %2 respondeu.</translation>
    </message>
    <message>
        <source>The %1 database file %2 does not exist. Check the path in Settings.</source>
        <translation>O arquivo de banco de dados do %1 %2 não existe. Verifique o caminho em Configurações.</translation>
    </message>
    <message>
        <source>Unable to connect to the %1 database at %2. Check that the database server is running and that the address in Settings is right.</source>
        <translation>Não foi possível conectar ao banco de dados do %1 em %2. Verifique se o servidor de banco de dados está em execução e se o endereço em Configurações está correto.</translation>
    </message>
    <message>
        <source>The %1 database at %2 did not accept the user %3 with this password. Check the user name and the password.</source>
        <translation>O banco de dados do %1 em %2 não aceitou o usuário %3 com esta senha. Verifique o nome de usuário e a senha.</translation>
    </message>
    <message>
        <source>The %1 database %2 could not be opened: %3</source>
        <translation>Não foi possível abrir o banco de dados do %1 %2: %3</translation>
    </message>
    <message>
        <source>The %1 database %2 opened, but it has no table %3. Check that the URL names the database the %1 reads and that its SQL schema is loaded.</source>
        <translation>O banco de dados do %1 %2 foi aberto, mas não tem a tabela %3. Verifique se a URL indica o banco de dados que o %1 lê e se o esquema SQL dele está carregado.</translation>
    </message>
    <message>
        <source>Connected: the %1 database %2 has the table %3.</source>
        <translation>Conectado: o banco de dados do %1 %2 tem a tabela %3.</translation>
    </message>
    <message>
        <source>Connected: the mail server at %1 answered over %2.</source>
        <translation>Conectado: o servidor de e-mail em %1 respondeu via %2.</translation>
    </message>
    <message>
        <source>No address is set: the built-in simulator serves the %1. Nothing to test.</source>
        <translation>Nenhum endereço definido: o simulador integrado atende o %1. Nada a testar.</translation>
    </message>
    <message>
        <source>No database is set: the embedded %1 database in the data folder is used. Nothing to test.</source>
        <translation>Nenhum banco de dados definido: é usado o banco de dados integrado do %1 na pasta de dados. Nada a testar.</translation>
    </message>
    <message>
        <source>No SMTP server is set: mail goes to the outbox folder. Nothing to test.</source>
        <translation>Nenhum servidor SMTP definido: os e-mails vão para a pasta de saída. Nada a testar.</translation>
    </message>
    <message>
        <source>Nothing to test.</source>
        <translation>Nada a testar.</translation>
    </message>
    <message>
        <source>The %1 at %2 refused the provisioning key (HTTP %3). Check the provisioning key set for it in Settings.</source>
        <translation>O %1 em %2 recusou a chave de provisionamento (HTTP %3). Verifique a chave de provisionamento definida para ele em Configurações.</translation>
    </message>
    <message>
        <source>The %1 at %2 refused the API key (HTTP %3). Check the API key set for it in Settings.</source>
        <translation>O %1 em %2 recusou a chave de API (HTTP %3). Verifique a chave de API definida para ele em Configurações.</translation>
    </message>
</context>
<context>
    <name>ElementSettings</name>
    <message>
        <source>CA bundle:</source>
        <translation>Pacote de CAs:</translation>
    </message>
    <message>
        <source>Empty: the system&apos;s trusted CAs only</source>
        <translation>Vazio: somente as CAs confiáveis do sistema</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>Certificado de cliente:</translation>
    </message>
    <message>
        <source>Empty: no client certificate</source>
        <translation>Vazio: sem certificado de cliente</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>Chave do cliente:</translation>
    </message>
    <message>
        <source>Empty: the key is in the certificate file</source>
        <translation>Vazio: a chave está no arquivo do certificado</translation>
    </message>
    <message>
        <source>Verification:</source>
        <translation>Verificação:</translation>
    </message>
    <message>
        <source>JSON-RPC URL:</source>
        <translation>URL JSON-RPC:</translation>
    </message>
    <message>
        <source>Empty: the built-in simulator</source>
        <translation>Vazio: o simulador integrado</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>Tempo limite:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>PyHSS REST URL:</source>
        <translation>URL REST do PyHSS:</translation>
    </message>
    <message>
        <source>Provisioning key:</source>
        <translation>Chave de provisionamento:</translation>
    </message>
    <message>
        <source>Empty: none</source>
        <translation>Vazio: nenhuma</translation>
    </message>
    <message>
        <source>osmo-hlr CTRL (host:port):</source>
        <translation>CTRL do osmo-hlr (host:porta):</translation>
    </message>
    <message>
        <source>Empty: 127.0.0.1:4259</source>
        <translation>Vazio: 127.0.0.1:4259</translation>
    </message>
    <message>
        <source>REST URL:</source>
        <translation>URL REST:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>Chave de API:</translation>
    </message>
    <message>
        <source>Database URL:</source>
        <translation>URL do banco de dados:</translation>
    </message>
    <message>
        <source>Empty: the embedded RADIUS database in the data folder</source>
        <translation>Vazio: o banco de dados RADIUS integrado na pasta de dados</translation>
    </message>
    <message>
        <source>Database password:</source>
        <translation>Senha do banco de dados:</translation>
    </message>
    <message>
        <source>Empty: the embedded Kamailio database in the data folder</source>
        <translation>Vazio: o banco de dados Kamailio integrado na pasta de dados</translation>
    </message>
    <message>
        <source>SIP domain:</source>
        <translation>Domínio SIP:</translation>
    </message>
    <message>
        <source>Empty: the domain set in the product</source>
        <translation>Vazio: o domínio definido no produto</translation>
    </message>
    <message>
        <source>SMTP server:</source>
        <translation>Servidor SMTP:</translation>
    </message>
    <message>
        <source>Empty: mail goes to the outbox folder</source>
        <translation>Vazio: os e-mails vão para a pasta de saída</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Porta:</translation>
    </message>
    <message>
        <source>587</source>
        <translation>587</translation>
    </message>
    <message>
        <source>Sender address:</source>
        <translation>Endereço do remetente:</translation>
    </message>
    <message>
        <source>e.g. noreply@example.com</source>
        <translation>ex.: noreply@example.com</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Nome de usuário:</translation>
    </message>
    <message>
        <source>Empty: no sign-in</source>
        <translation>Vazio: sem autenticação</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Senha:</translation>
    </message>
    <message>
        <source>STARTTLS:</source>
        <translation>STARTTLS:</translation>
    </message>
    <message>
        <source>Transport key file:</source>
        <translation>Arquivo da chave de transporte:</translation>
    </message>
    <message>
        <source>Empty: give it when importing SIM batches</source>
        <translation>Vazio: informe-o ao importar lotes de SIM</translation>
    </message>
    <message>
        <source>Operator key (OP):</source>
        <translation>Chave do operador (OP):</translation>
    </message>
    <message>
        <source>Empty: SIM cards bring their OPc</source>
        <translation>Vazio: os cartões SIM trazem o próprio OPc</translation>
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
        <translation>E-mail (SMTP)</translation>
    </message>
    <message>
        <source>SIM keys</source>
        <translation>Chaves de SIM</translation>
    </message>
    <message>
        <source>Enter a full address that starts with http:// or https://, for example https://ocs.example.net:2080/jsonrpc.</source>
        <translation>Informe um endereço completo que comece com http:// ou https://, por exemplo https://ocs.example.net:2080/jsonrpc.</translation>
    </message>
    <message>
        <source>Enter host:port, for example 127.0.0.1:4259, with a port from 1 to 65535.</source>
        <translation>Informe host:porta, por exemplo 127.0.0.1:4259, com uma porta de 1 a 65535.</translation>
    </message>
    <message>
        <source>Enter a host name or IP address only, without http:// or a port.</source>
        <translation>Informe apenas um nome de host ou endereço IP, sem http:// nem porta.</translation>
    </message>
    <message>
        <source>Enter a port from 1 to 65535.</source>
        <translation>Informe uma porta de 1 a 65535.</translation>
    </message>
    <message>
        <source>Enter an email address such as noreply@example.com.</source>
        <translation>Informe um endereço de e-mail como noreply@example.com.</translation>
    </message>
    <message>
        <source>Enter 32 hexadecimal digits (16 bytes).</source>
        <translation>Informe 32 dígitos hexadecimais (16 bytes).</translation>
    </message>
    <message>
        <source>The file %1 does not exist. Check the path.</source>
        <translation>O arquivo %1 não existe. Verifique o caminho.</translation>
    </message>
    <message>
        <source>Switchboard cannot read the file %1. Check that it is a file and its permissions.</source>
        <translation>O Switchboard não consegue ler o arquivo %1. Verifique se é um arquivo e as permissões dele.</translation>
    </message>
    <message>
        <source>Enter a timeout from 1 to 600 seconds.</source>
        <translation>Informe um tempo limite de 1 a 600 segundos.</translation>
    </message>
    <message>
        <source>Choose one of the listed kinds.</source>
        <translation>Escolha um dos tipos listados.</translation>
    </message>
</context>
<context>
    <name>ImportCsvDialog</name>
    <message>
        <source>The file %1 could not be written. Check that the folder exists and that you may write to it.</source>
        <translation>Não foi possível gravar o arquivo %1. Verifique se a pasta existe e se você tem permissão para gravar nela.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read. Check that it exists and that you may read it.</source>
        <translation>Não é possível ler o arquivo %1. Verifique se ele existe e se você tem permissão para lê-lo.</translation>
    </message>
</context>
<context>
    <name>Inventory</name>
    <message>
        <source>There is no inventory template called &quot;%1&quot;. Known templates: %2.</source>
        <translation>Não existe nenhum modelo de inventário chamado &quot;%1&quot;. Modelos conhecidos: %2.</translation>
    </message>
    <message>
        <source>SIM Card</source>
        <translation>Cartão SIM</translation>
    </message>
    <message>
        <source>Mobile Number</source>
        <translation>Número Móvel</translation>
    </message>
    <message>
        <source>CPE Modem</source>
        <translation>Modem CPE</translation>
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
        <translation>Rascunho</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <source>Not Effective</source>
        <translation>Não Vigente</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>Encerrado</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Removido</translation>
    </message>
    <message>
        <source>Prepaid</source>
        <translation>Pré-pago</translation>
    </message>
    <message>
        <source>Postpaid</source>
        <translation>Pós-pago</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Agendado</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Concluído</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falhou</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produto</translation>
    </message>
    <message>
        <source>Product Type</source>
        <translation>Tipo de Produto</translation>
    </message>
    <message>
        <source>Product Family</source>
        <translation>Família de Produtos</translation>
    </message>
</context>
<context>
    <name>MailError</name>
    <message>
        <source>The mail server at %1 accepts mail only over an encrypted connection. Turn STARTTLS on in the mail settings.</source>
        <translation>O servidor de e-mail em %1 aceita e-mails somente por uma conexão criptografada. Ative o STARTTLS nas configurações de e-mail.</translation>
    </message>
    <message>
        <source>The mail server at %1 requires signing in. Set the mail user name and password in Settings.</source>
        <translation>O servidor de e-mail em %1 exige autenticação. Defina o nome de usuário e a senha de e-mail em Configurações.</translation>
    </message>
    <message>
        <source>The mail server at %1 refused the sender address %2 (%3). Check the sender (from) address in the mail settings.</source>
        <translation>O servidor de e-mail em %1 recusou o endereço do remetente %2 (%3). Verifique o endereço do remetente (from) nas configurações de e-mail.</translation>
    </message>
    <message>
        <source>The mail server at %1 rejected the recipient %2 (%3). Check the customer&apos;s email address, then retry.</source>
        <translation>O servidor de e-mail em %1 rejeitou o destinatário %2 (%3). Verifique o endereço de e-mail do cliente e tente novamente.</translation>
    </message>
    <message>
        <source>The mail server at %1 refused the message (%2). Check its logs and limits, then retry.</source>
        <translation>O servidor de e-mail em %1 recusou a mensagem (%2). Verifique os logs e os limites dele e tente novamente.</translation>
    </message>
    <message>
        <source>The mail server at %1 did not answer within %2 seconds. Check that it is running and that the port in the mail settings is its SMTP port.</source>
        <translation>O servidor de e-mail em %1 não respondeu em %2 segundos. Verifique se ele está em execução e se a porta nas configurações de e-mail é a porta SMTP dele.</translation>
    </message>
    <message>
        <source>Unable to connect to the mail server at %1. Check that it is running and that the mail host and port in Settings are right.</source>
        <translation>Não foi possível conectar ao servidor de e-mail em %1. Verifique se ele está em execução e se o host e a porta de e-mail em Configurações estão corretos.</translation>
    </message>
    <message>
        <source>The mail server at %1 does not offer STARTTLS, so the mail would travel unencrypted. Enable STARTTLS on the server, or check that the port in the mail settings is its submission port.</source>
        <translation>O servidor de e-mail em %1 não oferece STARTTLS, portanto o e-mail trafegaria sem criptografia. Ative o STARTTLS no servidor ou verifique se a porta nas configurações de e-mail é a porta de submissão dele.</translation>
    </message>
    <message>
        <source>The mail server at %1 presented a certificate that is not signed by a trusted CA. Set the CA bundle in the mail settings or check the server&apos;s certificate.</source>
        <translation>O servidor de e-mail em %1 apresentou um certificado que não é assinado por uma CA confiável. Defina o pacote de CAs nas configurações de e-mail ou verifique o certificado do servidor.</translation>
    </message>
    <message>
        <source>The certificate of the mail server at %1 was issued for another host name. Use the name in its certificate as the mail host in Settings, or check the server&apos;s certificate.</source>
        <translation>O certificado do servidor de e-mail em %1 foi emitido para outro nome de host. Use o nome que consta no certificado como host de e-mail em Configurações ou verifique o certificado do servidor.</translation>
    </message>
    <message>
        <source>The certificate of the mail server at %1 has expired or is not valid yet. Renew the server&apos;s certificate or check this computer&apos;s clock.</source>
        <translation>O certificado do servidor de e-mail em %1 expirou ou ainda não é válido. Renove o certificado do servidor ou verifique o relógio deste computador.</translation>
    </message>
    <message>
        <source>The mail server at %1 did not complete the encrypted connection in time. Check that it is running, then retry.</source>
        <translation>O servidor de e-mail em %1 não concluiu a conexão criptografada a tempo. Verifique se ele está em execução e tente novamente.</translation>
    </message>
    <message>
        <source>The secure connection to the mail server at %1 failed. Check its certificate and the CA bundle in the mail settings.</source>
        <translation>A conexão segura com o servidor de e-mail em %1 falhou. Verifique o certificado dele e o pacote de CAs nas configurações de e-mail.</translation>
    </message>
    <message>
        <source>The mail server at %1 offers no sign-in method Switchboard knows (it offers %2; Switchboard uses PLAIN or LOGIN). Enable one of them on the server.</source>
        <translation>O servidor de e-mail em %1 não oferece nenhum método de autenticação que o Switchboard conheça (ele oferece %2; o Switchboard usa PLAIN ou LOGIN). Ative um deles no servidor.</translation>
    </message>
    <message>
        <source>The mail server at %1 refused the user name or password (%2). Check the mail account in Settings.</source>
        <translation>O servidor de e-mail em %1 recusou o nome de usuário ou a senha (%2). Verifique a conta de e-mail em Configurações.</translation>
    </message>
    <message>
        <source>The mail server at %1 closed the connection unexpectedly. Check its logs, then retry.</source>
        <translation>O servidor de e-mail em %1 fechou a conexão inesperadamente. Verifique os logs dele e tente novamente.</translation>
    </message>
    <message>
        <source>The mail server at %1 gave an unexpected answer (%2). Check that the mail host and port in Settings point to an SMTP server.</source>
        <translation>O servidor de e-mail em %1 deu uma resposta inesperada (%2). Verifique se o host e a porta de e-mail em Configurações apontam para um servidor SMTP.</translation>
    </message>
</context>
<context>
    <name>NetworkError</name>
    <message>
        <source>The OCS has no account &quot;%1&quot; in tenant &quot;%2&quot;. Check the account name, or create the account first.</source>
        <translation>O OCS não tem a conta &quot;%1&quot; no tenant &quot;%2&quot;. Verifique o nome da conta ou crie a conta primeiro.</translation>
    </message>
    <message>
        <source>The OCS found nothing for %1 (NOT_FOUND). Check the names sent in the request.</source>
        <translation>O OCS não encontrou nada para %1 (NOT_FOUND). Verifique os nomes enviados na requisição.</translation>
    </message>
    <message>
        <source>The OCS already holds what %1 tried to create (EXISTS). Check whether an earlier attempt created it.</source>
        <translation>O OCS já contém o que %1 tentou criar (EXISTS). Verifique se uma tentativa anterior o criou.</translation>
    </message>
    <message>
        <source>The OCS rejected %1 because required fields are missing: %2. Check the parameters of this task in its playbook.</source>
        <translation>O OCS rejeitou %1 porque faltam campos obrigatórios: %2. Verifique os parâmetros desta tarefa no playbook.</translation>
    </message>
    <message>
        <source>The OCS reported an internal error for %1: %2. Check the OCS logs and its database, then retry.</source>
        <translation>O OCS informou um erro interno para %1: %2. Verifique os logs do OCS e o banco de dados dele e tente novamente.</translation>
    </message>
    <message>
        <source>The OCS refused %1 because account &quot;%2&quot; has insufficient credit. Top up the account or check its balances.</source>
        <translation>O OCS recusou %1 porque a conta &quot;%2&quot; não tem crédito suficiente. Recarregue a conta ou verifique os saldos dela.</translation>
    </message>
    <message>
        <source>The OCS refused %1 because account &quot;%2&quot; is disabled. Enable the account in the OCS, then retry.</source>
        <translation>O OCS recusou %1 porque a conta &quot;%2&quot; está desativada. Ative a conta no OCS e tente novamente.</translation>
    </message>
    <message>
        <source>The OCS is busy: too many requests at once. Wait a moment, then retry; if it keeps happening, raise its concurrent request limit.</source>
        <translation>O OCS está ocupado: muitas requisições ao mesmo tempo. Aguarde um momento e tente novamente; se isso continuar acontecendo, aumente o limite de requisições simultâneas dele.</translation>
    </message>
    <message>
        <source>The OCS does not know the method %1. Check that the address in Settings points to CGRateS and that its version supports this method.</source>
        <translation>O OCS não conhece o método %1. Verifique se o endereço em Configurações aponta para o CGRateS e se a versão dele oferece suporte a este método.</translation>
    </message>
    <message>
        <source>The OCS rejected %1: %2. Check the OCS logs for details.</source>
        <translation>O OCS rejeitou %1: %2. Verifique os logs do OCS para mais detalhes.</translation>
    </message>
    <message>
        <source>The address of the %1 is not set. Enter it in Settings.</source>
        <translation>O endereço do %1 não está definido. Informe-o em Configurações.</translation>
    </message>
    <message>
        <source>Unable to connect to %1 at %2. Check that it is online and that its address in Settings is right.</source>
        <translation>Não foi possível conectar ao %1 em %2. Verifique se ele está online e se o endereço dele em Configurações está correto.</translation>
    </message>
    <message>
        <source>The %1 at %2 did not answer within %3 seconds. Check that it is running and not overloaded, then retry.</source>
        <translation>O %1 em %2 não respondeu em %3 segundos. Verifique se ele está em execução e não está sobrecarregado e tente novamente.</translation>
    </message>
    <message>
        <source>The secure connection to the %1 at %2 failed. Check its certificate, the CA bundle set for it in Settings, and whether the address should start with http or https.</source>
        <translation>A conexão segura com o %1 em %2 falhou. Verifique o certificado dele, o pacote de CAs definido para ele em Configurações e se o endereço deve começar com http ou https.</translation>
    </message>
    <message>
        <source>The %1 at %2 closed the connection before answering. Check its logs for a crash or restart, then retry.</source>
        <translation>O %1 em %2 fechou a conexão antes de responder. Verifique nos logs dele se houve uma falha ou reinicialização e tente novamente.</translation>
    </message>
    <message>
        <source>The request to the %1 at %2 failed: %3. Check the network connection and the address in Settings.</source>
        <translation>A requisição ao %1 em %2 falhou: %3. Verifique a conexão de rede e o endereço em Configurações.</translation>
    </message>
    <message>
        <source>The %1 at %2 reported an internal error (HTTP %3). Check its logs, then retry.</source>
        <translation>O %1 em %2 informou um erro interno (HTTP %3). Verifique os logs dele e tente novamente.</translation>
    </message>
    <message>
        <source>The %1 at %2 rejected the request (HTTP %3). Check that its address in Settings points to the right service.</source>
        <translation>O %1 em %2 rejeitou a requisição (HTTP %3). Verifique se o endereço dele em Configurações aponta para o serviço correto.</translation>
    </message>
    <message>
        <source>The %1 at %2 sent a reply that could not be read. Check that its address in Settings points to the %1 and not to another service.</source>
        <translation>O %1 em %2 enviou uma resposta que não pôde ser lida. Verifique se o endereço dele em Configurações aponta para o %1 e não para outro serviço.</translation>
    </message>
    <message>
        <source>The IPTV middleware refused the API key. Check the IPTV middleware key in Settings.</source>
        <translation>O middleware IPTV recusou a chave de API. Verifique a chave do middleware IPTV em Configurações.</translation>
    </message>
    <message>
        <source>The IPTV middleware rejected the request for device %1: %2. Check the device serial and the channel packages of the plan.</source>
        <translation>O middleware IPTV rejeitou a requisição para o dispositivo %1: %2. Verifique o número de série do dispositivo e os pacotes de canais do plano.</translation>
    </message>
    <message>
        <source>The IPTV middleware has no device with serial %1. Check the serial; the device may have been deactivated already.</source>
        <translation>O middleware IPTV não tem nenhum dispositivo com o número de série %1. Verifique o número de série; o dispositivo pode já ter sido desativado.</translation>
    </message>
    <message>
        <source>Device %1 is already active on another account in the IPTV middleware. Check the serial, or deactivate the device there first.</source>
        <translation>O dispositivo %1 já está ativo em outra conta no middleware IPTV. Verifique o número de série ou desative o dispositivo lá primeiro.</translation>
    </message>
    <message>
        <source>The HSS refused the provisioning key. Check the HSS provisioning key in Settings; it must match the one in the PyHSS configuration.</source>
        <translation>O HSS recusou a chave de provisionamento. Verifique a chave de provisionamento do HSS em Configurações; ela deve corresponder à da configuração do PyHSS.</translation>
    </message>
    <message>
        <source>The HSS already has authentication data (AuC) for IMSI %1 or for its ICCID. Check the SIM card, or remove the old AuC from the HSS first.</source>
        <translation>O HSS já tem dados de autenticação (AuC) para o IMSI %1 ou para o ICCID dele. Verifique o cartão SIM ou remova primeiro o AuC antigo do HSS.</translation>
    </message>
    <message>
        <source>The HSS already has a subscriber with IMSI %1, or its AuC is already in use. Check the IMSI, or remove the old subscriber from the HSS first.</source>
        <translation>O HSS já tem um assinante com o IMSI %1, ou o AuC dele já está em uso. Verifique o IMSI ou remova primeiro o assinante antigo do HSS.</translation>
    </message>
    <message>
        <source>The HSS rejected %1: %2. Check the subscriber and SIM data sent by this task.</source>
        <translation>O HSS rejeitou %1: %2. Verifique os dados do assinante e do SIM enviados por esta tarefa.</translation>
    </message>
    <message>
        <source>The HSS has no subscriber with IMSI %1. Check the IMSI, or create the subscriber first.</source>
        <translation>O HSS não tem nenhum assinante com o IMSI %1. Verifique o IMSI ou crie o assinante primeiro.</translation>
    </message>
    <message>
        <source>The HSS has no AuC with id %1. It may have been removed already; check the HSS.</source>
        <translation>O HSS não tem nenhum AuC com o id %1. Ele pode já ter sido removido; verifique o HSS.</translation>
    </message>
    <message>
        <source>The HSS has no subscriber with id %1. It may have been removed already; check the HSS.</source>
        <translation>O HSS não tem nenhum assinante com o id %1. Ele pode já ter sido removido; verifique o HSS.</translation>
    </message>
    <message>
        <source>The %1 at %2 presented a certificate that is not signed by a trusted CA. Set the CA bundle in Settings or check the server&apos;s certificate.</source>
        <translation>O %1 em %2 apresentou um certificado que não é assinado por uma CA confiável. Defina o pacote de CAs em Configurações ou verifique o certificado do servidor.</translation>
    </message>
    <message>
        <source>The certificate of the %1 at %2 was issued for another host name. Use the name in its certificate in the address in Settings, or check the server&apos;s certificate.</source>
        <translation>O certificado do %1 em %2 foi emitido para outro nome de host. Use o nome que consta no certificado no endereço em Configurações ou verifique o certificado do servidor.</translation>
    </message>
    <message>
        <source>The certificate of the %1 at %2 has expired or is not valid yet. Renew the server&apos;s certificate or check this computer&apos;s clock.</source>
        <translation>O certificado do %1 em %2 expirou ou ainda não é válido. Renove o certificado do servidor ou verifique o relógio deste computador.</translation>
    </message>
    <message>
        <source>The %1 at %2 requires a client certificate and did not accept ours. Set the client certificate and key for it in Settings, signed by a CA the %1 trusts.</source>
        <translation>O %1 em %2 exige um certificado de cliente e não aceitou o nosso. Defina para ele, em Configurações, o certificado de cliente e a chave, assinados por uma CA em que o %1 confie.</translation>
    </message>
    <message>
        <source>Unable to connect to the %1 (osmo-hlr CTRL) at %2. Check that osmo-hlr is running, that its configuration binds &quot;ctrl&quot; to that address, and the hss_ctrl setting.</source>
        <translation>Não foi possível conectar ao %1 (osmo-hlr CTRL) em %2. Verifique se o osmo-hlr está em execução, se a configuração dele vincula &quot;ctrl&quot; a esse endereço e a configuração hss_ctrl.</translation>
    </message>
    <message>
        <source>The %1 (osmo-hlr CTRL) at %2 did not answer within %3 seconds. Check that osmo-hlr is running and not overloaded, then retry.</source>
        <translation>O %1 (osmo-hlr CTRL) em %2 não respondeu em %3 segundos. Verifique se o osmo-hlr está em execução e não está sobrecarregado e tente novamente.</translation>
    </message>
    <message>
        <source>The %1 (osmo-hlr CTRL) at %2 closed the connection before answering. Check the osmo-hlr log for a crash or restart, then retry.</source>
        <translation>O %1 (osmo-hlr CTRL) em %2 fechou a conexão antes de responder. Verifique no log do osmo-hlr se houve uma falha ou reinicialização e tente novamente.</translation>
    </message>
    <message>
        <source>The connection to the %1 (osmo-hlr CTRL) at %2 failed: %3. Check the network connection and the hss_ctrl setting.</source>
        <translation>A conexão com o %1 (osmo-hlr CTRL) em %2 falhou: %3. Verifique a conexão de rede e a configuração hss_ctrl.</translation>
    </message>
    <message>
        <source>The %1 at %2 refused %3: &quot;%4&quot;. Check the IMSI, MSISDN and SIM keys sent by this task, and the osmo-hlr log.</source>
        <translation>O %1 em %2 recusou %3: &quot;%4&quot;. Verifique o IMSI, o MSISDN e as chaves do SIM enviados por esta tarefa, e o log do osmo-hlr.</translation>
    </message>
    <message>
        <source>The %1 at %2 sent a reply that could not be read. Check that hss_ctrl points to the CTRL port of osmo-hlr (4259), not to its GSUP or VTY port.</source>
        <translation>O %1 em %2 enviou uma resposta que não pôde ser lida. Verifique se hss_ctrl aponta para a porta CTRL do osmo-hlr (4259), e não para a porta GSUP ou VTY dele.</translation>
    </message>
    <message>
        <source>The CA bundle %1 set for the %2 cannot be read or holds no PEM certificate. Check the file and its path in Settings.</source>
        <translation>O pacote de CAs %1 definido para o %2 não pode ser lido ou não contém nenhum certificado PEM. Verifique o arquivo e o caminho dele em Configurações.</translation>
    </message>
    <message>
        <source>The client certificate %1 set for the %2 cannot be read or holds no PEM certificate. Check the file and its path in Settings.</source>
        <translation>O certificado de cliente %1 definido para o %2 não pode ser lido ou não contém nenhum certificado PEM. Verifique o arquivo e o caminho dele em Configurações.</translation>
    </message>
    <message>
        <source>The client key %1 set for the %2 cannot be read. It must be an unencrypted PEM private key; check the file and its path in Settings.</source>
        <translation>A chave de cliente %1 definida para o %2 não pode ser lida. Ela deve ser uma chave privada PEM não criptografada; verifique o arquivo e o caminho dele em Configurações.</translation>
    </message>
</context>
<context>
    <name>NetworkSimulator</name>
    <message>
        <source>The fault &quot;%1&quot; has no target. Write it as TARGET[:KIND][:once], for example APIerSv1.SetAccount:timeout.</source>
        <translation>A falha &quot;%1&quot; não tem alvo. Escreva-a como TARGET[:KIND][:once], por exemplo APIerSv1.SetAccount:timeout.</translation>
    </message>
    <message>
        <source>The fault target &quot;%1&quot; is not known. Use a JSON-RPC method (APIerSv1.SetAccount), a route (PUT /subscriber/) or an element (ocs, hss, iptv).</source>
        <translation>O alvo de falha &quot;%1&quot; não é conhecido. Use um método JSON-RPC (APIerSv1.SetAccount), uma rota (PUT /subscriber/) ou um elemento (ocs, hss, iptv).</translation>
    </message>
    <message>
        <source>The fault kind &quot;%1&quot; is not known. Use error, error=TEXT, http500 (any 4xx or 5xx), timeout, drop or malformed, optionally followed by :once or :times=N.</source>
        <translation>O tipo de falha &quot;%1&quot; não é conhecido. Use error, error=TEXT, http500 (qualquer 4xx ou 5xx), timeout, drop ou malformed, opcionalmente seguido de :once ou :times=N.</translation>
    </message>
    <message>
        <source>The simulator cannot serve HTTPS: the certificate %1, its key or the client CA bundle cannot be read. Check the files (PEM, key unencrypted).</source>
        <translation>O simulador não pode atender HTTPS: o certificado %1, a chave dele ou o pacote de CAs de clientes não pode ser lido. Verifique os arquivos (PEM, chave não criptografada).</translation>
    </message>
</context>
<context>
    <name>Playbook</name>
    <message>
        <source>The playbook name &quot;%1&quot; is not valid. Check the product&apos;s provisioning play.</source>
        <translation>O nome de playbook &quot;%1&quot; não é válido. Verifique o playbook de provisionamento configurado no produto.</translation>
    </message>
    <message>
        <source>The playbook &quot;%1&quot; was not found. Check the product&apos;s provisioning play and the playbook directory in Settings.</source>
        <translation>O playbook &quot;%1&quot; não foi encontrado. Verifique o playbook de provisionamento configurado no produto e o diretório de playbooks em Configurações.</translation>
    </message>
    <message>
        <source>The playbook &quot;%1&quot; is not valid JSON with a list of tasks. Correct the file.</source>
        <translation>O playbook &quot;%1&quot; não é um JSON válido com uma lista de tarefas. Corrija o arquivo.</translation>
    </message>
    <message>
        <source>A task of the playbook &quot;%1&quot; has no label or no action. Correct the file.</source>
        <translation>Uma tarefa do playbook &quot;%1&quot; não tem rótulo ou ação. Corrija o arquivo.</translation>
    </message>
    <message>
        <source>The playbook &quot;%1&quot; needs values the order does not have (%2). Check the product&apos;s inventory items and provisioning variables.</source>
        <translation>O playbook &quot;%1&quot; precisa de valores que o pedido não tem (%2). Verifique os itens de inventário e as variáveis de provisionamento do produto.</translation>
    </message>
    <message>
        <source>Validating customer account</source>
        <translation>Validando conta do cliente</translation>
    </message>
    <message>
        <source>Assigning SIM Card (ICCID: %1)</source>
        <translation>Atribuindo Cartão SIM (ICCID: %1)</translation>
    </message>
    <message>
        <source>Assigning Mobile Number (%1)</source>
        <translation>Atribuindo Número Móvel (%1)</translation>
    </message>
    <message>
        <source>Activating SIM in HLR/HSS (IMSI: %1)</source>
        <translation>Ativando SIM no HLR/HSS (IMSI: %1)</translation>
    </message>
    <message>
        <source>Configuring OCS account</source>
        <translation>Configurando conta OCS</translation>
    </message>
    <message>
        <source>Creating service record</source>
        <translation>Criando registro de serviço</translation>
    </message>
    <message>
        <source>Sending welcome email</source>
        <translation>Enviando e-mail de boas-vindas</translation>
    </message>
    <message>
        <source>Assigning CPE Modem (%1)</source>
        <translation>Atribuindo Modem CPE (%1)</translation>
    </message>
    <message>
        <source>Creating RADIUS user (%1)</source>
        <translation>Criando usuário RADIUS (%1)</translation>
    </message>
    <message>
        <source>Assigning Set-top Box (%1)</source>
        <translation>Atribuindo Decodificador (%1)</translation>
    </message>
    <message>
        <source>Activating set-top box on IPTV middleware</source>
        <translation>Ativando decodificador no middleware IPTV</translation>
    </message>
    <message>
        <source>Assigning SIP DID (%1)</source>
        <translation>Atribuindo DID SIP (%1)</translation>
    </message>
    <message>
        <source>Creating SIP subscriber (%1)</source>
        <translation>Criando assinante SIP (%1)</translation>
    </message>
    <message>
        <source>Updating channel packages on set-top box (%1)</source>
        <translation>Atualizando pacotes de canais no decodificador (%1)</translation>
    </message>
    <message>
        <source>Undoing: %1</source>
        <translation>Desfazendo: %1</translation>
    </message>
    <message>
        <source>Removing RADIUS user (%1)</source>
        <translation>Removendo usuário RADIUS (%1)</translation>
    </message>
    <message>
        <source>Removing SIP subscriber (%1)</source>
        <translation>Removendo assinante SIP (%1)</translation>
    </message>
    <message>
        <source>Removing OCS account</source>
        <translation>Removendo conta OCS</translation>
    </message>
    <message>
        <source>Deactivating SIM in HLR/HSS (IMSI: %1)</source>
        <translation>Desativando SIM no HLR/HSS (IMSI: %1)</translation>
    </message>
    <message>
        <source>Deactivating set-top box on IPTV middleware</source>
        <translation>Desativando decodificador no middleware IPTV</translation>
    </message>
    <message>
        <source>Cancelling service record</source>
        <translation>Cancelando registro de serviço</translation>
    </message>
    <message>
        <source>Adding %1 to the OCS account</source>
        <translation>Adicionando %1 à conta do OCS</translation>
    </message>
    <message>
        <source>Reading balance</source>
        <translation>Lendo saldo</translation>
    </message>
    <message>
        <source>Activating add-on</source>
        <translation>Ativando complemento</translation>
    </message>
</context>
<context>
    <name>Provisioning</name>
    <message>
        <source>Provisioning timed out after %1 seconds. Check the provisioning logs for the step that hung and that the OCS and network systems are online, then retry.</source>
        <translation>O provisionamento excedeu o tempo limite após %1 segundos. Verifique nos logs de provisionamento a etapa que travou e se o OCS e os sistemas de rede estão online e tente novamente.</translation>
    </message>
    <message>
        <source>The playbook asks for the unknown action &quot;%1&quot;. Correct the playbook &quot;%2&quot;.</source>
        <translation>O playbook solicita a ação desconhecida &quot;%1&quot;. Corrija o playbook &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Provision ID %1 does not exist. Check the number in the Provisioning list.</source>
        <translation>O ID do Provisionamento %1 não existe. Verifique o número na lista de Provisionamento.</translation>
    </message>
    <message>
        <source>Provision ID %1 has not failed (it is %2), so there is nothing to retry.</source>
        <translation>O provisionamento com ID %1 não falhou (status: %2), portanto não há nada para tentar novamente.</translation>
    </message>
</context>
<context>
    <name>ProvisioningAction</name>
    <message>
        <source>Customer %1 does not exist any more. Check the customer record.</source>
        <translation>O cliente %1 não existe mais. Verifique o cadastro do cliente.</translation>
    </message>
    <message>
        <source>The account of %1 is not active. Reactivate the customer, then retry.</source>
        <translation>A conta de %1 não está ativa. Reative o cliente e tente novamente.</translation>
    </message>
    <message>
        <source>%1 is not reserved for this service any more (status %2). Pick another item and assign the plan again.</source>
        <translation>%1 não está mais reservado para este serviço (status %2). Escolha outro item e atribua o plano novamente.</translation>
    </message>
    <message>
        <source>No address is set for the %1. Set it in Settings, then retry.</source>
        <translation>Nenhum endereço definido para o %1. Defina-o em Configurações e tente novamente.</translation>
    </message>
    <message>
        <source>The customer has no valid email address (%1). Correct it on the customer record, then retry.</source>
        <translation>O cliente não tem um endereço de e-mail válido (%1). Corrija-o no cadastro do cliente e tente novamente.</translation>
    </message>
    <message>
        <source>Cannot write to the mail outbox. Check the outbox folder in Settings.</source>
        <translation>Não é possível gravar na caixa de saída de e-mail. Verifique a pasta da caixa de saída em Configurações.</translation>
    </message>
    <message>
        <source>No database is set for the %1. Set it in Settings, then retry.</source>
        <translation>Nenhum banco de dados definido para o %1. Defina-o em Configurações e tente novamente.</translation>
    </message>
    <message>
        <source>The %1 database %2 could not be updated. Check that it is reachable and that the address in Settings is right, then retry.</source>
        <translation>Não foi possível atualizar o banco de dados %2 do %1. Verifique se ele está acessível e se o endereço em Configurações está correto e tente novamente.</translation>
    </message>
    <message>
        <source>The RADIUS user has no name or no service. Correct the playbook &quot;%1&quot;.</source>
        <translation>O usuário RADIUS não tem nome ou serviço. Corrija o playbook &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The plan&apos;s rate limit &quot;%1&quot; is not a download/upload rate such as 100M/20M. Correct the product&apos;s provisioning variables.</source>
        <translation>O limite de velocidade &quot;%1&quot; do plano não é uma taxa de download/upload como 100M/20M. Corrija as variáveis de provisionamento do produto.</translation>
    </message>
    <message>
        <source>The modem&apos;s MAC address &quot;%1&quot; is not valid. Correct the inventory item, then retry.</source>
        <translation>O endereço MAC &quot;%1&quot; do modem não é válido. Corrija o item de inventário e tente novamente.</translation>
    </message>
    <message>
        <source>The RADIUS password could not be hashed. Check the system&apos;s random number source, then retry.</source>
        <translation>Não foi possível gerar o hash da senha RADIUS. Verifique a fonte de números aleatórios do sistema e tente novamente.</translation>
    </message>
    <message>
        <source>The SIP subscriber has no number, no domain or no service. Set the SIP domain in Settings or on the product, then retry.</source>
        <translation>O assinante SIP não tem número, domínio ou serviço. Defina o domínio SIP em Configurações ou no produto e tente novamente.</translation>
    </message>
    <message>
        <source>No sender address is set for the mail server. Set the sender (from) address in the mail settings, then retry.</source>
        <translation>Nenhum endereço de remetente definido para o servidor de e-mail. Defina o endereço do remetente (from) nas configurações de e-mail e tente novamente.</translation>
    </message>
    <message>
        <source>The add-on has no balance to add (type &quot;%1&quot;, amount &quot;%2&quot;). Check the product&apos;s provisioning variables balance_type and balance_value.</source>
        <translation>O complemento não tem saldo a adicionar (tipo &quot;%1&quot;, valor &quot;%2&quot;). Verifique as variáveis de provisionamento balance_type e balance_value do produto.</translation>
    </message>
    <message>
        <source>Add-on %1 does not exist any more. Check the service&apos;s add-ons.</source>
        <translation>O complemento %1 não existe mais. Verifique os complementos do serviço.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Nobody is signed in. Sign in with your staff login and password first.</source>
        <translation>Ninguém está conectado. Entre primeiro com seu login de funcionário e sua senha.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow assigning plans. Ask an administrator.</source>
        <translation>Seu perfil (%1) não permite atribuir planos. Consulte um administrador.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow retrying provisioning. Ask an administrator.</source>
        <translation>Seu perfil (%1) não permite tentar novamente o provisionamento. Consulte um administrador.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow amending bundles. Ask an administrator.</source>
        <translation>Seu perfil (%1) não permite alterar pacotes. Consulte um administrador.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow managing staff accounts. Ask an administrator.</source>
        <translation>Seu perfil (%1) não permite gerenciar contas de funcionários. Consulte um administrador.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow loading demo data. Ask an administrator.</source>
        <translation>Seu perfil (%1) não permite carregar dados de demonstração. Consulte um administrador.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow this action. Ask an administrator.</source>
        <translation>Seu perfil (%1) não permite esta ação. Consulte um administrador.</translation>
    </message>
    <message>
        <source>Store staff</source>
        <translation>Equipe da loja</translation>
    </message>
    <message>
        <source>Billing clerk</source>
        <translation>Atendente de faturamento</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow importing inventory. Ask an administrator.</source>
        <translation>Seu perfil (%1) não permite importar inventário. Consulte um administrador.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow cancelling services. Ask an administrator.</source>
        <translation>Seu perfil (%1) não permite cancelar serviços. Consulte um administrador.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow creating or changing customers. Ask an administrator.</source>
        <translation>Seu perfil (%1) não permite criar ou alterar clientes. Consulte um administrador.</translation>
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
        <translation>sem resposta</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nenhum)</translation>
    </message>
    <message>
        <source>Then verify the service again.</source>
        <translation>Depois, verifique o serviço novamente.</translation>
    </message>
    <message>
        <source>The %1 still has %2 although the service is cancelled.</source>
        <translation>O %1 ainda tem %2, embora o serviço esteja cancelado.</translation>
    </message>
    <message>
        <source>The %1 has no record of %2 for this service.</source>
        <translation>O %1 não tem registro de %2 para este serviço.</translation>
    </message>
    <message>
        <source>Service status</source>
        <translation>Status do serviço</translation>
    </message>
    <message>
        <source>Switchboard shows the service as &quot;%1&quot; instead of &quot;%2&quot;.</source>
        <translation>O Switchboard mostra o serviço como &quot;%1&quot; em vez de &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Account %1</source>
        <translation>Conta %1</translation>
    </message>
    <message>
        <source>Account enabled</source>
        <translation>Conta ativada</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>ativado</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>desativado</translation>
    </message>
    <message>
        <source>The OCS account %1 is disabled.</source>
        <translation>A conta %1 do OCS está desativada.</translation>
    </message>
    <message>
        <source>Balance %1</source>
        <translation>Saldo %1</translation>
    </message>
    <message>
        <source>The OCS account %1 has no %2 balance.</source>
        <translation>A conta %1 do OCS não tem saldo %2.</translation>
    </message>
    <message>
        <source>Subscriber IMSI %1</source>
        <translation>Assinante IMSI %1</translation>
    </message>
    <message>
        <source>Subscriber enabled</source>
        <translation>Assinante ativado</translation>
    </message>
    <message>
        <source>The %1 subscriber %2 is disabled.</source>
        <translation>O assinante %2 do %1 está desativado.</translation>
    </message>
    <message>
        <source>User %1</source>
        <translation>Usuário %1</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Limite de taxa</translation>
    </message>
    <message>
        <source>The RADIUS user %1 has a rate limit that differs from the product&apos;s.</source>
        <translation>O usuário RADIUS %1 tem um limite de taxa diferente do limite do produto.</translation>
    </message>
    <message>
        <source>Calling-Station-Id (modem)</source>
        <translation>Calling-Station-Id (modem)</translation>
    </message>
    <message>
        <source>The RADIUS user %1 is bound to another modem than the one assigned to the service.</source>
        <translation>O usuário RADIUS %1 está vinculado a um modem diferente do atribuído ao serviço.</translation>
    </message>
    <message>
        <source>Subscriber %1</source>
        <translation>Assinante %1</translation>
    </message>
    <message>
        <source>Set-top box %1</source>
        <translation>Decodificador %1</translation>
    </message>
    <message>
        <source>Device status</source>
        <translation>Status do dispositivo</translation>
    </message>
    <message>
        <source>Set-top box %1 is not active on the IPTV middleware (status %2).</source>
        <translation>O decodificador %1 não está ativo no middleware IPTV (status %2).</translation>
    </message>
    <message>
        <source>Device account</source>
        <translation>Conta do dispositivo</translation>
    </message>
    <message>
        <source>Set-top box %1 is active on another account on the IPTV middleware.</source>
        <translation>O decodificador %1 está ativo em outra conta no middleware IPTV.</translation>
    </message>
    <message>
        <source>Channel packages</source>
        <translation>Pacotes de canais</translation>
    </message>
    <message>
        <source>Set-top box %1 has other channel packages on the IPTV middleware than the plan.</source>
        <translation>O decodificador %1 tem no middleware IPTV pacotes de canais diferentes dos do plano.</translation>
    </message>
    <message>
        <source>Retry the cancel job on the Provisioning page, or remove it from the %1 by hand.</source>
        <translation>Tente novamente o job de cancelamento na página Provisionamento ou remova-o do %1 manualmente.</translation>
    </message>
    <message>
        <source>Re-run provisioning with Retry on the Provisioning page.</source>
        <translation>Execute o provisionamento novamente com Tentar novamente na página Provisionamento.</translation>
    </message>
    <message>
        <source>Cancel the service and assign the plan again, or correct it on the %1 by hand.</source>
        <translation>Cancele o serviço e atribua o plano novamente ou corrija-o no %1 manualmente.</translation>
    </message>
    <message>
        <source>MSISDN</source>
        <translation>MSISDN</translation>
    </message>
    <message>
        <source>The %1 subscriber %2 has another MSISDN than the number assigned to the service.</source>
        <translation>O assinante %2 do %1 tem um MSISDN diferente do número atribuído ao serviço.</translation>
    </message>
    <message>
        <source>Authentication keys (Ki, OPc)</source>
        <translation>Chaves de autenticação (Ki, OPc)</translation>
    </message>
    <message>
        <source>The %1 has no authentication keys for IMSI %2.</source>
        <translation>O %1 não tem chaves de autenticação para o IMSI %2.</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Credenciais</translation>
    </message>
    <message>
        <source>match the service</source>
        <translation>correspondem ao serviço</translation>
    </message>
    <message>
        <source>do not match</source>
        <translation>não correspondem</translation>
    </message>
    <message>
        <source>The credentials of %1 on the %2 are not the ones of this service.</source>
        <translation>As credenciais de %1 no %2 não são as deste serviço.</translation>
    </message>
    <message>
        <source>The %1 database %2 could not be read. Check that it is reachable and that the address in Settings is right.</source>
        <translation>Não foi possível ler o banco de dados do %1 %2. Verifique se ele está acessível e se o endereço em Configurações está correto.</translation>
    </message>
    <message>
        <source>Service %1 does not exist. Check the service ID.</source>
        <translation>O serviço %1 não existe. Verifique o ID do serviço.</translation>
    </message>
</context>
<context>
    <name>Services</name>
    <message>
        <source>Service %1 does not exist.</source>
        <translation>O serviço %1 não existe.</translation>
    </message>
</context>
<context>
    <name>SettingsFile</name>
    <message>
        <source>The settings file %1 does not exist or cannot be read. Check the path given with --config.</source>
        <translation>O arquivo de configurações %1 não existe ou não pode ser lido. Verifique o caminho informado com --config.</translation>
    </message>
    <message>
        <source>The settings file %1 is not an INI file that Switchboard can read. Check its contents.</source>
        <translation>O arquivo de configurações %1 não é um arquivo INI que o Switchboard consiga ler. Verifique o conteúdo dele.</translation>
    </message>
</context>
<context>
    <name>SimImport</name>
    <message>
        <source>Cannot read the SIM batch file %1. Check the path and its permissions.</source>
        <translation>Não é possível ler o arquivo de lote de SIM %1. Verifique o caminho e as permissões dele.</translation>
    </message>
    <message>
        <source>Line %1: the var_out line must name the ICCID, IMSI and KI columns, for example &quot;var_out: ICCID/IMSI/KI&quot;. Nothing was imported.</source>
        <translation>Linha %1: a linha var_out deve nomear as colunas ICCID, IMSI e KI, por exemplo &quot;var_out: ICCID/IMSI/KI&quot;. Nada foi importado.</translation>
    </message>
    <message>
        <source>Line %1 of the SIM batch file is not understood: before the var_out line only &quot;Name : value&quot; header lines and &apos;*&apos; comments may appear. Nothing was imported.</source>
        <translation>A linha %1 do arquivo de lote de SIM não foi compreendida: antes da linha var_out, só podem aparecer linhas de cabeçalho &quot;Nome : valor&quot; e comentários &apos;*&apos;. Nada foi importado.</translation>
    </message>
    <message>
        <source>Line %1: the row has %2 values, but var_out names %3 columns. Correct the SIM batch file; nothing was imported.</source>
        <translation>Linha %1: a linha tem %2 valores, mas var_out nomeia %3 colunas. Corrija o arquivo de lote de SIM; nada foi importado.</translation>
    </message>
    <message>
        <source>Line %1: &quot;%2&quot; is not an ICCID (18 to 20 digits). Correct the SIM batch file; nothing was imported.</source>
        <translation>Linha %1: &quot;%2&quot; não é um ICCID (18 a 20 dígitos). Corrija o arquivo de lote de SIM; nada foi importado.</translation>
    </message>
    <message>
        <source>Line %1: &quot;%2&quot; is not an IMSI (6 to 15 digits). Correct the SIM batch file; nothing was imported.</source>
        <translation>Linha %1: &quot;%2&quot; não é um IMSI (6 a 15 dígitos). Corrija o arquivo de lote de SIM; nada foi importado.</translation>
    </message>
    <message>
        <source>Line %1: the encrypted Ki must be 32 hexadecimal digits. Correct the SIM batch file; nothing was imported.</source>
        <translation>Linha %1: o Ki criptografado deve ter 32 dígitos hexadecimais. Corrija o arquivo de lote de SIM; nada foi importado.</translation>
    </message>
    <message>
        <source>Line %1: ICCID %2 appears a second time in the file. Correct the SIM batch file; nothing was imported.</source>
        <translation>Linha %1: o ICCID %2 aparece pela segunda vez no arquivo. Corrija o arquivo de lote de SIM; nada foi importado.</translation>
    </message>
    <message>
        <source>Line %1: IMSI %2 appears a second time in the file. Correct the SIM batch file; nothing was imported.</source>
        <translation>Linha %1: o IMSI %2 aparece pela segunda vez no arquivo. Corrija o arquivo de lote de SIM; nada foi importado.</translation>
    </message>
    <message>
        <source>The SIM batch file has no var_out line naming its columns (for example &quot;var_out: ICCID/IMSI/KI&quot;). Nothing was imported.</source>
        <translation>O arquivo de lote de SIM não tem nenhuma linha var_out nomeando as colunas (por exemplo &quot;var_out: ICCID/IMSI/KI&quot;). Nada foi importado.</translation>
    </message>
    <message>
        <source>The SIM batch file lists no cards. Nothing was imported.</source>
        <translation>O arquivo de lote de SIM não lista nenhum cartão. Nada foi importado.</translation>
    </message>
    <message>
        <source>The header says Quantity %1, but the file lists %2 cards. The file may be cut short; ask the vendor for it again. Nothing was imported.</source>
        <translation>O cabeçalho indica Quantity %1, mas o arquivo lista %2 cartões. O arquivo pode estar incompleto; peça-o novamente ao fornecedor. Nada foi importado.</translation>
    </message>
    <message>
        <source>The header&apos;s Ki_iv must be 32 hexadecimal digits. Nothing was imported.</source>
        <translation>O Ki_iv do cabeçalho deve ter 32 dígitos hexadecimais. Nada foi importado.</translation>
    </message>
    <message>
        <source>The SIM batch file uses the cipher &quot;%1&quot;, which is not supported. Ask the vendor for AES-128-ECB or AES-128-CBC. Nothing was imported.</source>
        <translation>O arquivo de lote de SIM usa a cifra &quot;%1&quot;, que não é suportada. Peça ao fornecedor AES-128-ECB ou AES-128-CBC. Nada foi importado.</translation>
    </message>
    <message>
        <source>The batch was encrypted under the transport key with check value %1, but the key in %2 has check value %3. Use the transport key of this batch; nothing was imported.</source>
        <translation>O lote foi criptografado com a chave de transporte de valor de verificação %1, mas a chave em %2 tem o valor de verificação %3. Use a chave de transporte deste lote; nada foi importado.</translation>
    </message>
    <message>
        <source>The OP must be 32 hexadecimal digits. Nothing was imported.</source>
        <translation>O OP deve ter 32 dígitos hexadecimais. Nada foi importado.</translation>
    </message>
    <message>
        <source>Line %1: SIM card %2 is already in the inventory (%3 cards of this file are). Remove those rows; nothing was imported.</source>
        <translation>Linha %1: o cartão SIM %2 já está no inventário (%3 cartões deste arquivo já estão). Remova essas linhas; nada foi importado.</translation>
    </message>
</context>
<context>
    <name>SimKeys</name>
    <message>
        <source>The SIM card has no encrypted Ki. Import its SIM batch file with the transport key, then retry.</source>
        <translation>O cartão SIM não tem Ki criptografado. Importe o arquivo de lote de SIM dele com a chave de transporte e tente novamente.</translation>
    </message>
    <message>
        <source>No transport key is configured to decrypt the SIM card&apos;s Ki. Set [sim] transport_key_file in the settings file to the key of its SIM batch, then retry.</source>
        <translation>Nenhuma chave de transporte está configurada para descriptografar o Ki do cartão SIM. Defina [sim] transport_key_file no arquivo de configurações com a chave do lote de SIM dele e tente novamente.</translation>
    </message>
    <message>
        <source>The SIM card&apos;s Ki is encrypted under the transport key with check value %1, but the key in %2 has check value %3. Set [sim] transport_key_file in the settings file to the key of this SIM batch, then retry.</source>
        <translation>O Ki do cartão SIM está criptografado com a chave de transporte de valor de verificação %1, mas a chave em %2 tem o valor de verificação %3. Defina [sim] transport_key_file no arquivo de configurações com a chave deste lote de SIM e tente novamente.</translation>
    </message>
    <message>
        <source>The SIM card has no OPc and no operator OP is set to derive it. Set [sim] op (32 hexadecimal digits) in the settings file, then retry.</source>
        <translation>O cartão SIM não tem OPc e nenhum OP da operadora está definido para derivá-lo. Defina [sim] op (32 dígitos hexadecimais) no arquivo de configurações e tente novamente.</translation>
    </message>
    <message>
        <source>The SIM keys could not be decrypted. Check the OpenSSL installation.</source>
        <translation>Não foi possível descriptografar as chaves do SIM. Verifique a instalação do OpenSSL.</translation>
    </message>
    <message>
        <source>A transport key must be 32 hexadecimal digits (AES-128).</source>
        <translation>Uma chave de transporte deve ter 32 dígitos hexadecimais (AES-128).</translation>
    </message>
    <message>
        <source>Cannot read the transport key file %1. Check the path and its permissions.</source>
        <translation>Não é possível ler o arquivo de chave de transporte %1. Verifique o caminho e as permissões dele.</translation>
    </message>
    <message>
        <source>The transport key file %1 does not hold a key. It must contain the 32 hexadecimal digits of the AES-128 transport key on one line.</source>
        <translation>O arquivo de chave de transporte %1 não contém uma chave. Ele deve conter os 32 dígitos hexadecimais da chave de transporte AES-128 em uma única linha.</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>The login or password is not correct. Check both and try again.</source>
        <translation>O login ou a senha está incorreto. Verifique os dois e tente novamente.</translation>
    </message>
    <message>
        <source>The password must have at least %1 characters. Choose a longer one.</source>
        <translation>A senha deve ter pelo menos %1 caracteres. Escolha uma mais longa.</translation>
    </message>
    <message>
        <source>The password could not be protected (the system&apos;s random number generator failed). Try again.</source>
        <translation>Não foi possível proteger a senha (o gerador de números aleatórios do sistema falhou). Tente novamente.</translation>
    </message>
    <message>
        <source>%1 cannot be signed in automatically on a shared PostgreSQL database. Sign in with your staff login and password.</source>
        <translation>Não é possível entrar automaticamente como %1 em um banco de dados PostgreSQL compartilhado. Entre com seu login de funcionário e sua senha.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid login. Use 1 to 64 letters, digits, dots, hyphens, underscores or @.</source>
        <translation>&quot;%1&quot; não é um login válido. Use de 1 a 64 letras, dígitos, pontos, hifens, sublinhados ou @.</translation>
    </message>
    <message>
        <source>There is already a staff account called %1. Choose another login, or change its password instead.</source>
        <translation>Já existe uma conta de funcionário chamada %1. Escolha outro login ou, em vez disso, altere a senha dela.</translation>
    </message>
    <message>
        <source>There is no staff account called %1. Check the login in the list of staff accounts.</source>
        <translation>Não existe nenhuma conta de funcionário chamada %1. Verifique o login na lista de contas de funcionários.</translation>
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
        <translation>Planos de Serviço</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Móvel</translation>
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
        <translation>Novo</translation>
    </message>
    <message>
        <source>In Stock</source>
        <translation>Em Estoque</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reservado</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Atribuído</translation>
    </message>
    <message>
        <source>Faulty</source>
        <translation>Defeituoso</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Devolvido</translation>
    </message>
    <message>
        <source>Pending provisioning</source>
        <translation>Provisionamento pendente</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Ativo</translation>
    </message>
    <message>
        <source>Not activated</source>
        <translation>Não ativado</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspenso</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Na fila</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Em execução</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Bem-sucedido</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falhou</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendente</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Concluído</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ignorado</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>The database could not %1. Check that it is reachable and try again.</source>
        <translation>O banco de dados não conseguiu %1. Verifique se ele está acessível e tente novamente.</translation>
    </message>
    <message>
        <source>Cannot open the database %1. Check the address, the credentials and that the server is running.</source>
        <translation>Não é possível abrir o banco de dados %1. Verifique o endereço, as credenciais e se o servidor está em execução.</translation>
    </message>
    <message>
        <source>prepare a query</source>
        <translation>preparar uma consulta</translation>
    </message>
    <message>
        <source>run a query</source>
        <translation>executar uma consulta</translation>
    </message>
    <message>
        <source>save a record</source>
        <translation>salvar um registro</translation>
    </message>
    <message>
        <source>save the change</source>
        <translation>salvar a alteração</translation>
    </message>
    <message>
        <source>The database has schema version %1 but this program knows only up to %2. Install the newer Switchboard that created it.</source>
        <translation>O banco de dados tem a versão de esquema %1, mas este programa conhece apenas até a %2. Instale a versão mais recente do Switchboard que o criou.</translation>
    </message>
</context>
<context>
    <name>WelcomeMail</name>
    <message>
        <source>Welcome to %1</source>
        <translation>Boas-vindas ao %1</translation>
    </message>
    <message>
        <source>Dear %1,</source>
        <translation>Olá, %1,</translation>
    </message>
    <message>
        <source>Your service %1 is now active.</source>
        <translation>Seu serviço %1 já está ativo.</translation>
    </message>
    <message>
        <source>If you have any questions, simply reply to this email and we will help you.</source>
        <translation>Se tiver alguma dúvida, basta responder a este e-mail e nós ajudaremos você.</translation>
    </message>
    <message>
        <source>Kind regards,</source>
        <translation>Atenciosamente,</translation>
    </message>
    <message>
        <source>Your customer care team</source>
        <translation>Sua equipe de atendimento ao cliente</translation>
    </message>
    <message>
        <source>Your sign-in details:</source>
        <translation>Seus dados de acesso:</translation>
    </message>
    <message>
        <source>User name: %1</source>
        <translation>Nome de usuário: %1</translation>
    </message>
    <message>
        <source>Password: %1</source>
        <translation>Senha: %1</translation>
    </message>
    <message>
        <source>SIP domain: %1</source>
        <translation>Domínio SIP: %1</translation>
    </message>
    <message>
        <source>Keep this password safe. We will never ask you for it by email or phone.</source>
        <translation>Guarde esta senha em local seguro. Nunca a pediremos por e-mail ou telefone.</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>--%1 must be a whole number from %2 to %3, not &quot;%4&quot;.</source>
        <translation>--%1 deve ser um número inteiro de %2 a %3, não &quot;%4&quot;.</translation>
    </message>
    <message>
        <source>Runs provisioning jobs from a shared Switchboard database.</source>
        <translation>Executa os jobs de provisionamento de um banco de dados compartilhado do Switchboard.</translation>
    </message>
    <message>
        <source>The database URL (default: the embedded SQLite file).</source>
        <translation>A URL do banco de dados (padrão: o arquivo SQLite integrado).</translation>
    </message>
    <message>
        <source>How many jobs run at once (default 1).</source>
        <translation>Quantos jobs são executados simultaneamente (padrão 1).</translation>
    </message>
    <message>
        <source>How long a job stays claimed without a heartbeat, in milliseconds (default 60000).</source>
        <translation>Por quanto tempo um job permanece reservado sem sinal de vida (heartbeat), em milissegundos (padrão 60000).</translation>
    </message>
    <message>
        <source>Stopping: each running job finishes its current task and goes back to the queue.</source>
        <translation>Interrompendo: cada job em execução conclui a tarefa atual e volta para a fila.</translation>
    </message>
    <message numerus="yes">
        <source>Provisioning worker %1 runs up to %n job(s) at once on %2. Stop it with SIGTERM or Ctrl+C.</source>
        <translation>
            <numerusform>O processo de provisionamento %1 executa até %n job simultaneamente em %2. Interrompa-o com SIGTERM ou Ctrl+C.</numerusform>
            <numerusform>O processo de provisionamento %1 executa até %n jobs simultaneamente em %2. Interrompa-o com SIGTERM ou Ctrl+C.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Provisioning worker %1 stopped after finishing %n job(s).</source>
        <translation>
            <numerusform>O processo de provisionamento %1 parou após concluir %n job.</numerusform>
            <numerusform>O processo de provisionamento %1 parou após concluir %n jobs.</numerusform>
        </translation>
    </message>
    <message>
        <source>The settings file (INI, as the GUI&apos;s Settings dialog writes it) with the network elements and, without --db, the database (default: the user&apos;s settings).</source>
        <translation>O arquivo de configurações (INI, tal como a caixa de diálogo Configurações da interface gráfica o grava) com os elementos de rede e, sem --db, o banco de dados (padrão: as configurações do usuário).</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Switchboard: assign plans and provision services for telecom customers.</source>
        <translation>Switchboard: atribua planos e provisione serviços para clientes de telecomunicações.</translation>
    </message>
    <message>
        <source>Database URL (sqlite:///path or postgresql://…).</source>
        <translation>URL do banco de dados (sqlite:///path ou postgresql://…).</translation>
    </message>
    <message>
        <source>Language: en, pt_BR, fr or es.</source>
        <translation>Idioma: en, pt_BR, fr ou es.</translation>
    </message>
    <message>
        <source>Save screenshots of the assign-plan flow to DIR, then exit.</source>
        <translation>Salva capturas de tela do fluxo de atribuição de plano em DIR e sai.</translation>
    </message>
</context>
<context>
    <name>sb::AddContactDialog</name>
    <message>
        <source>Add Contact</source>
        <translation>Adicionar Contato</translation>
    </message>
    <message>
        <source>A new contact of %1.</source>
        <translation>Um novo contato de %1.</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Função:</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Faturamento</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>name@example.com (optional)</source>
        <translation>name@example.com (opcional)</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefone:</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Opcional</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Adicionar</translation>
    </message>
</context>
<context>
    <name>sb::AddSiteDialog</name>
    <message>
        <source>Add Site</source>
        <translation>Adicionar Local</translation>
    </message>
    <message>
        <source>A new installation site of %1.</source>
        <translation>Um novo local de instalação de %1.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>e.g. Head office</source>
        <translation>ex.: Matriz</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Endereço:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Adicionar</translation>
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
        <translation>Complementos para serviços %1 de %2. Selecione um e clique em Continuar; ele é adicionado a este serviço, nenhum serviço novo é criado.</translation>
    </message>
    <message>
        <source>Add-on</source>
        <translation>Complemento</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preço</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Faturamento</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrição</translation>
    </message>
    <message>
        <source>%1 + %2 / month</source>
        <translation>%1 + %2 / mês</translation>
    </message>
    <message>
        <source>%1 / month</source>
        <translation>%1 / mês</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Mensal</translation>
    </message>
    <message>
        <source>One-time</source>
        <translation>Único</translation>
    </message>
    <message>
        <source>Loading the add-ons…</source>
        <translation>Carregando os complementos…</translation>
    </message>
    <message>
        <source>No add-ons are available for %1 services of %2 customers.</source>
        <translation>Nenhum complemento está disponível para serviços %1 de clientes %2.</translation>
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
        <translation>Serviços %1 Existentes:</translation>
    </message>
    <message>
        <source>• %1</source>
        <translation>• %1</translation>
    </message>
    <message>
        <source>Which service should receive this add-on?</source>
        <translation>Qual serviço deve receber este complemento?</translation>
    </message>
    <message>
        <source>Add-on for: %1</source>
        <translation>Complemento para: %1</translation>
    </message>
    <message>
        <source>Looking for the services of %1 that can receive %2…</source>
        <translation>Procurando os serviços de %1 que podem receber %2…</translation>
    </message>
    <message>
        <source>%1 has %2 services that can receive %3. Choose one; no new service is created.</source>
        <translation>%1 tem %2 serviços que podem receber %3. Escolha um; nenhum serviço novo é criado.</translation>
    </message>
</context>
<context>
    <name>sb::AmendBundleDialog</name>
    <message>
        <source>Amend Bundle Services</source>
        <translation>Alterar Serviços do Pacote</translation>
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
        <translation>Tipo de Produto</translation>
    </message>
    <message>
        <source>Product Family</source>
        <translation>Família de Produtos</translation>
    </message>
    <message>
        <source>Monthly Cost</source>
        <translation>Custo Mensal</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Alteração</translation>
    </message>
    <message>
        <source>&amp;Modify…</source>
        <translation>&amp;Modificar…</translation>
    </message>
    <message>
        <source>&amp;View Product Bundle Components</source>
        <translation>&amp;Ver Componentes do Pacote de Produtos</translation>
    </message>
    <message>
        <source>Preview &amp; Action Panel</source>
        <translation>Painel de Visualização e Ações</translation>
    </message>
    <message>
        <source>Subscription Services to be Amended</source>
        <translation>Serviços da Assinatura a Alterar</translation>
    </message>
    <message>
        <source>Removed Components:</source>
        <translation>Componentes Removidos:</translation>
    </message>
    <message>
        <source>Added Components:</source>
        <translation>Componentes Adicionados:</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Ver</translation>
    </message>
    <message>
        <source>The components to be removed from the bundle</source>
        <translation>Os componentes a remover do pacote</translation>
    </message>
    <message>
        <source>The components to be added to the bundle</source>
        <translation>Os componentes a adicionar ao pacote</translation>
    </message>
    <message>
        <source>Subscription Action Details</source>
        <translation>Detalhes da Ação da Assinatura</translation>
    </message>
    <message>
        <source>&amp;Action Type:</source>
        <translation>Tipo de &amp;Ação:</translation>
    </message>
    <message>
        <source>S&amp;ub Action Type:</source>
        <translation>S&amp;ubtipo de Ação:</translation>
    </message>
    <message>
        <source>Choose an action type</source>
        <translation>Escolha um tipo de ação</translation>
    </message>
    <message>
        <source>Choose a sub action type</source>
        <translation>Escolha um subtipo de ação</translation>
    </message>
    <message>
        <source>Performed &amp;By User:</source>
        <translation>Realizado &amp;Pelo Usuário:</translation>
    </message>
    <message>
        <source>Empty: the signed-in user (%1)</source>
        <translation>Vazio: o usuário conectado (%1)</translation>
    </message>
    <message>
        <source>Performed &amp;Date:</source>
        <translation>&amp;Data de Realização:</translation>
    </message>
    <message>
        <source>Scheduling Information</source>
        <translation>Informações de Agendamento</translation>
    </message>
    <message>
        <source>&amp;Now</source>
        <translation>&amp;Agora</translation>
    </message>
    <message>
        <source>On a specific da&amp;te</source>
        <translation>Em uma da&amp;ta específica</translation>
    </message>
    <message>
        <source>After a number of da&amp;ys</source>
        <translation>Após um número de &amp;dias</translation>
    </message>
    <message>
        <source>e.g. 7</source>
        <translation>ex.: 7</translation>
    </message>
    <message>
        <source>days</source>
        <translation>dias</translation>
    </message>
    <message>
        <source>The amendment was not submitted:</source>
        <translation>A alteração não foi enviada:</translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation>&amp;Enviar</translation>
    </message>
    <message>
        <source>Loading the bundle…</source>
        <translation>Carregando o pacote…</translation>
    </message>
    <message>
        <source>Subscription %1 of %2 · %3 · %4</source>
        <translation>Assinatura %1 de %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Wallet balance: %1</source>
        <translation>Saldo da carteira: %1</translation>
    </message>
    <message>
        <source>To be removed</source>
        <translation>A remover</translation>
    </message>
    <message>
        <source>To be added</source>
        <translation>A adicionar</translation>
    </message>
    <message>
        <source>Nothing is debited from the prepaid wallet.</source>
        <translation>Nada é debitado da carteira pré-paga.</translation>
    </message>
    <message>
        <source>Debited from the prepaid wallet on submit: %1</source>
        <translation>Debitado da carteira pré-paga ao enviar: %1</translation>
    </message>
    <message>
        <source>Working out the charge…</source>
        <translation>Calculando a cobrança…</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>The amendment of %1 is scheduled for %2 (scheduled action %3). It is validated again when it runs.</source>
        <translation>A alteração de %1 está agendada para %2 (ação agendada %3). Ela será validada novamente quando for executada.</translation>
    </message>
    <message>
        <source>%1 was amended.</source>
        <translation>%1 foi alterado.</translation>
    </message>
    <message>
        <source>Added: %1.</source>
        <translation>Adicionados: %1.</translation>
    </message>
    <message>
        <source>Removed: %1.</source>
        <translation>Removidos: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n provisioning job(s) queued for the network.</source>
        <translation>
            <numerusform>%n job de provisionamento na fila para a rede.</numerusform>
            <numerusform>%n jobs de provisionamento na fila para a rede.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was debited from the prepaid wallet.</source>
        <translation>%1 foi debitado da carteira pré-paga.</translation>
    </message>
</context>
<context>
    <name>sb::AppController</name>
    <message>
        <source>Switchboard could not start</source>
        <translation>Não foi possível iniciar o Switchboard</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>Senha do banco de dados</translation>
    </message>
    <message>
        <source>Password of %1 for the database %2 on %3:</source>
        <translation>Senha de %1 para o banco de dados %2 em %3:</translation>
    </message>
</context>
<context>
    <name>sb::AssignPlanDialog</name>
    <message>
        <source>Assign Plan — %1</source>
        <translation>Atribuir Plano — %1</translation>
    </message>
    <message>
        <source>Assign %1 to %2</source>
        <translation>Atribuir %1 a %2</translation>
    </message>
    <message>
        <source>Assign %1 to a customer</source>
        <translation>Atribuir %1 a um cliente</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Voltar</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Próximo</translation>
    </message>
    <message>
        <source>&amp;Confirm &amp;&amp; Provision</source>
        <translation>&amp;Confirmar &amp;&amp; Provisionar</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Passo %1 de %2: %3</translation>
    </message>
    <message>
        <source>Select Customer</source>
        <translation>Selecionar Cliente</translation>
    </message>
    <message>
        <source>Configure Inventory</source>
        <translation>Configurar Inventário</translation>
    </message>
    <message>
        <source>Auto-Renewal</source>
        <translation>Renovação Automática</translation>
    </message>
    <message>
        <source>Review and Confirm</source>
        <translation>Revisar e Confirmar</translation>
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
        <translation>Adicionar %1 a %2</translation>
    </message>
    <message>
        <source>Add %1 for %2</source>
        <translation>Adicionar %1 para %2</translation>
    </message>
    <message>
        <source>Add %1 to a customer&apos;s service</source>
        <translation>Adicionar %1 ao serviço de um cliente</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>C&amp;ontinuar</translation>
    </message>
    <message>
        <source>Choose Service</source>
        <translation>Escolher Serviço</translation>
    </message>
    <message>
        <source>Business Details</source>
        <translation>Dados Empresariais</translation>
    </message>
</context>
<context>
    <name>sb::AutoRenewStep</name>
    <message>
        <source>Would you like to enable auto-renewal for this service?</source>
        <translation>Você gostaria de ativar a renovação automática para este serviço?</translation>
    </message>
    <message>
        <source>When enabled, this service will automatically renew at the end of each billing period and charge the customer&apos;s default payment method.</source>
        <translation>Quando ativado, este serviço será renovado automaticamente no final de cada período de faturamento e cobrará o método de pagamento padrão do cliente.</translation>
    </message>
    <message>
        <source>Yes: the service renews automatically and the customer is charged monthly.
No: the service expires at the end of the contract period; renewal is manual.</source>
        <translation>Sim: o serviço renova automaticamente e o cliente é cobrado mensalmente.
Não: o serviço expira ao final do período do contrato; a renovação é manual.</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Não</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Sim</translation>
    </message>
</context>
<context>
    <name>sb::BundleCompositionDialog</name>
    <message>
        <source>Product Composition</source>
        <translation>Composição do Produto</translation>
    </message>
    <message>
        <source>What the product %1 allows as components. This is only informative.</source>
        <translation>O que o produto %1 permite como componentes. Apenas informativo.</translation>
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
        <translation>Obrigatório</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sem limite</translation>
    </message>
</context>
<context>
    <name>sb::BusinessDetailsStep</name>
    <message>
        <source>Business details for %1</source>
        <translation>Dados empresariais de %1</translation>
    </message>
    <message>
        <source>Choose where the service is installed and who receives the bills and the technical notices, then fill in the fields this order asks for.</source>
        <translation>Escolha onde o serviço será instalado e quem recebe as faturas e os avisos técnicos e, em seguida, preencha os campos solicitados por este pedido.</translation>
    </message>
    <message>
        <source>Select Installation &amp;Site:</source>
        <translation>Selecionar &amp;Local de Instalação:</translation>
    </message>
    <message>
        <source>&amp;Billing Contact:</source>
        <translation>&amp;Contato de Faturamento:</translation>
    </message>
    <message>
        <source>&amp;Technical Contact:</source>
        <translation>Contato &amp;Técnico:</translation>
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
        <translation>%1 (obrigatório)</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Não definido</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* obrigatório</translation>
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
        <translation>Carregando os locais, contatos e campos do pedido de %1…</translation>
    </message>
</context>
<context>
    <name>sb::CatalogPage</name>
    <message>
        <source>Product Catalog</source>
        <translation>Catálogo de Produtos</translation>
    </message>
    <message>
        <source>Service Plans</source>
        <translation>Planos de Serviço</translation>
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
        <translation>Carrossel</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Show only the products available to this customer type.</source>
        <translation>Mostrar apenas os produtos disponíveis para este tipo de cliente.</translation>
    </message>
    <message>
        <source>Loading products…</source>
        <translation>Carregando produtos…</translation>
    </message>
    <message>
        <source>No products available</source>
        <translation>Nenhum produto disponível</translation>
    </message>
    <message>
        <source>• Toggle customer type (Individual vs Business)
• Check product catalog has enabled products
• Verify products match customer eligibility</source>
        <translation>• Alterar tipo de cliente (Individual vs Empresarial)
• Verificar se o catálogo de produtos possui produtos habilitados
• Verificar se os produtos correspondem à elegibilidade do cliente</translation>
    </message>
    <message>
        <source>Any Customer</source>
        <translation>Qualquer Cliente</translation>
    </message>
    <message>
        <source>Assigning a plan to %1. Only products for %2 customers are shown.</source>
        <translation>Atribuindo um plano a %1. Somente produtos para clientes do tipo %2 são exibidos.</translation>
    </message>
</context>
<context>
    <name>sb::ComponentListDialog</name>
    <message>
        <source>Added Components</source>
        <translation>Componentes Adicionados</translation>
    </message>
    <message>
        <source>Removed Components</source>
        <translation>Componentes Removidos</translation>
    </message>
    <message>
        <source>No components.</source>
        <translation>Nenhum componente.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Product Type</source>
        <translation>Tipo de Produto</translation>
    </message>
    <message>
        <source>Product Family</source>
        <translation>Família de Produtos</translation>
    </message>
    <message>
        <source>Monthly Cost</source>
        <translation>Custo Mensal</translation>
    </message>
</context>
<context>
    <name>sb::CreateCustomerDialog</name>
    <message>
        <source>Create Customer</source>
        <translation>Criar Cliente</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obrigatório</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>name@example.com (optional)</source>
        <translation>name@example.com (opcional)</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>Tele&amp;fone:</translation>
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
        <translation>Método de &amp;pagamento:</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Cartão</translation>
    </message>
    <message>
        <source>Direct debit</source>
        <translation>Débito automático</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Nenhum</translation>
    </message>
    <message>
        <source>E&amp;xpires on</source>
        <translation>E&amp;xpira em</translation>
    </message>
    <message>
        <source>First site</source>
        <translation>Primeiro local</translation>
    </message>
    <message>
        <source>S&amp;ite name:</source>
        <translation>Nome do &amp;local:</translation>
    </message>
    <message>
        <source>e.g. Head office (optional)</source>
        <translation>ex.: Matriz (opcional)</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>En&amp;dereço:</translation>
    </message>
    <message>
        <source>Billing contact (optional)</source>
        <translation>Contato de faturamento (opcional)</translation>
    </message>
    <message>
        <source>Technical contact (optional)</source>
        <translation>Contato técnico (opcional)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nome:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefone:</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Criar</translation>
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
        <translation>Atribuir plano</translation>
    </message>
    <message>
        <source>Add-on</source>
        <translation>Complemento</translation>
    </message>
    <message>
        <source>Cancel service</source>
        <translation>Cancelar serviço</translation>
    </message>
    <message>
        <source>Amend bundle</source>
        <translation>Alterar pacote</translation>
    </message>
    <message>
        <source>Provision ID</source>
        <translation>ID do Provisionamento</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Serviço</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Tentativa</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Criado em</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Concluído em</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Solicitado por</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erro</translation>
    </message>
</context>
<context>
    <name>sb::CustomerSearchCombo</name>
    <message>
        <source>Name, customer ID, email or phone</source>
        <translation>Nome, ID do cliente, e-mail ou telefone</translation>
    </message>
    <message>
        <source>Type to search by customer name, customer ID, email address or phone number.</source>
        <translation>Digite para pesquisar por nome do cliente, ID do cliente, endereço de e-mail ou número de telefone.</translation>
    </message>
    <message>
        <source>Customer not found</source>
        <translation>Cliente não encontrado</translation>
    </message>
    <message>
        <source>• Create customer first</source>
        <translation>• Criar o cliente primeiro</translation>
    </message>
    <message>
        <source>• Try different search terms (ID, email, phone)</source>
        <translation>• Tentar diferentes termos de pesquisa (ID, e-mail, telefone)</translation>
    </message>
    <message>
        <source>• Check for typos</source>
        <translation>• Verificar se há erros de digitação</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Create customer &quot;%1&quot;…</source>
        <translation>Criar cliente &quot;%1&quot;…</translation>
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
        <translation>Pesquisar por nome, ID do cliente, e-mail ou telefone</translation>
    </message>
    <message>
        <source>Search for a customer, then pick them from the list to see their details and services.</source>
        <translation>Pesquise um cliente e selecione-o na lista para ver os detalhes e os serviços dele.</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefone:</translation>
    </message>
    <message>
        <source>&amp;Add Service</source>
        <translation>&amp;Adicionar Serviço</translation>
    </message>
    <message>
        <source>Assign a plan from the catalog to this customer.</source>
        <translation>Atribuir um plano do catálogo a este cliente.</translation>
    </message>
    <message>
        <source>Customer not found</source>
        <translation>Cliente não encontrado</translation>
    </message>
    <message>
        <source>• Create customer first</source>
        <translation>• Criar o cliente primeiro</translation>
    </message>
    <message>
        <source>• Try different search terms (ID, email, phone)</source>
        <translation>• Tentar diferentes termos de pesquisa (ID, e-mail, telefone)</translation>
    </message>
    <message>
        <source>• Check for typos</source>
        <translation>• Verificar se há erros de digitação</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Nenhum</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Faturamento</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Ativo</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falhou</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendente</translation>
    </message>
    <message>
        <source>&amp;New Customer…</source>
        <translation>&amp;Novo Cliente…</translation>
    </message>
    <message>
        <source>Create a customer (individual or business).</source>
        <translation>Crie um cliente (individual ou empresarial).</translation>
    </message>
    <message>
        <source>Payment method:</source>
        <translation>Método de pagamento:</translation>
    </message>
    <message>
        <source>Add-&amp;ons…</source>
        <translation>C&amp;omplementos…</translation>
    </message>
    <message>
        <source>Buy an add-on, such as a data boost, for the selected active service.</source>
        <translation>Compre um complemento, como um pacote adicional de dados, para o serviço ativo selecionado.</translation>
    </message>
    <message>
        <source>Add-on</source>
        <translation>Complemento</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Monthly Cost</source>
        <translation>Custo Mensal</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>Comprado em</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Locais</translation>
    </message>
    <message>
        <source>Add S&amp;ite…</source>
        <translation>Adicionar &amp;Local…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Endereço</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contatos</translation>
    </message>
    <message>
        <source>Add &amp;Contact…</source>
        <translation>Adicionar &amp;Contato…</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Função</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <source>Every provisioning job of this customer, newest first. Double-click a job (or press Enter) to see its log.</source>
        <translation>Todos os jobs de provisionamento deste cliente, do mais recente ao mais antigo. Clique duas vezes em um job (ou pressione Enter) para ver o log dele.</translation>
    </message>
    <message>
        <source>&amp;Services</source>
        <translation>&amp;Serviços</translation>
    </message>
    <message>
        <source>Sites &amp;&amp; Con&amp;tacts</source>
        <translation>Locais &amp;&amp; Con&amp;tatos</translation>
    </message>
    <message>
        <source>Provisioning &amp;History</source>
        <translation>&amp;Histórico de Provisionamento</translation>
    </message>
    <message>
        <source>Create customer &quot;%1&quot;…</source>
        <translation>Criar cliente &quot;%1&quot;…</translation>
    </message>
    <message>
        <source>Opens Create Customer with what you typed filled in.</source>
        <translation>Abre Criar Cliente com o que você digitou já preenchido.</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Cartão</translation>
    </message>
    <message>
        <source>Direct debit</source>
        <translation>Débito automático</translation>
    </message>
    <message>
        <source>%1 (valid until %2)</source>
        <translation>%1 (válido até %2)</translation>
    </message>
    <message>
        <source>%1 (expired on %2)</source>
        <translation>%1 (expirou em %2)</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Services (%n)</source>
        <translation>
            <numerusform>&amp;Serviços (%n)</numerusform>
            <numerusform>&amp;Serviços (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sites (%n)</source>
        <translation>
            <numerusform>Locais (%n)</numerusform>
            <numerusform>Locais (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Contacts (%n)</source>
        <translation>
            <numerusform>Contatos (%n)</numerusform>
            <numerusform>Contatos (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a service to see its add-ons.</source>
        <translation>Selecione um serviço para ver os complementos dele.</translation>
    </message>
    <message>
        <source>No add-ons on %1.</source>
        <translation>Nenhum complemento em %1.</translation>
    </message>
    <message>
        <source>Add-ons on %1:</source>
        <translation>Complementos em %1:</translation>
    </message>
</context>
<context>
    <name>sb::ElementSettingsPage</name>
    <message>
        <source>Test connection</source>
        <translation>Testar conexão</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Procurar…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Limpar</translation>
    </message>
    <message>
        <source>Verify the server&apos;s certificate (recommended)</source>
        <translation>Verificar o certificado do servidor (recomendado)</translation>
    </message>
    <message>
        <source>Verification is off: Switchboard accepts any certificate, so an impostor could receive the data sent to this element.</source>
        <translation>A verificação está desativada: o Switchboard aceita qualquer certificado, então um impostor poderia receber os dados enviados a este elemento.</translation>
    </message>
    <message>
        <source>Require STARTTLS (the mail is never sent unencrypted)</source>
        <translation>Exigir STARTTLS (o e-mail nunca é enviado sem criptografia)</translation>
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
        <translation>Padrão (%1 s)</translation>
    </message>
    <message>
        <source>Empty addresses use the built-in simulator or the embedded defaults. Switchboard uses these settings from its next start; switchboard-worker and switchboard-ctl read the same file (--config FILE).</source>
        <translation>Endereços vazios usam o simulador integrado ou os padrões integrados. O Switchboard usa estas configurações a partir da próxima inicialização; switchboard-worker e switchboard-ctl leem o mesmo arquivo (--config FILE).</translation>
    </message>
    <message>
        <source>(stored — type to replace)</source>
        <translation>(armazenada — digite para substituir)</translation>
    </message>
    <message>
        <source>Turn off certificate verification?</source>
        <translation>Desativar a verificação de certificado?</translation>
    </message>
    <message>
        <source>Without verification Switchboard accepts any certificate from the %1, so an impostor could receive customer data and keys. Turn it off only for a test server.

Turn verification off?</source>
        <translation>Sem verificação, o Switchboard aceita qualquer certificado do %1, então um impostor poderia receber dados de clientes e chaves. Desative-a apenas para um servidor de teste.

Desativar a verificação?</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>Arquivos PEM (*.pem *.crt *.cer *.key);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Correct the fields marked in red, then test again.</source>
        <translation>Corrija os campos marcados em vermelho e teste novamente.</translation>
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
        <translation>Nº de série</translation>
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
        <translation>Sim</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Não</translation>
    </message>
    <message>
        <source>The operation could not be completed. Check the connection to the database and try again.</source>
        <translation>Não foi possível concluir a operação. Verifique a conexão com o banco de dados e tente novamente.</translation>
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
        <translation>Arquivo</translation>
    </message>
    <message>
        <source>CSV file:</source>
        <translation>Arquivo CSV:</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Nenhum arquivo escolhido</translation>
    </message>
    <message>
        <source>Counting rows…</source>
        <translation>Contando linhas…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n linha</numerusform>
            <numerusform>%n linhas</numerusform>
        </translation>
    </message>
    <message>
        <source>C&amp;hoose File…</source>
        <translation>Esco&amp;lher Arquivo…</translation>
    </message>
    <message>
        <source>Columns: customer (ID, email or phone), product (slug), and optionally auto_renew, site, billing_contact, technical_contact, custom fields and inventory items.</source>
        <translation>Colunas: customer (ID, e-mail ou telefone), product (slug) e, opcionalmente, auto_renew, site, billing_contact, technical_contact, campos personalizados e itens de inventário.</translation>
    </message>
    <message>
        <source>Max jobs in &amp;flight:</source>
        <translation>Máximo de jobs em &amp;andamento:</translation>
    </message>
    <message>
        <source>At most this many provisioning jobs of this import are queued or running at once, so the provisioning queue is not overloaded and other orders still get through. The next row is submitted when one of them ends.</source>
        <translation>No máximo esta quantidade de jobs de provisionamento desta importação fica na fila ou em execução ao mesmo tempo, para que a fila de provisionamento não fique sobrecarregada e outros pedidos continuem sendo processados. A próxima linha é enviada quando um deles termina.</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validação</translation>
    </message>
    <message>
        <source>&amp;Validate (Dry Run)</source>
        <translation>&amp;Validar (Simulação)</translation>
    </message>
    <message>
        <source>Check every row against the live catalog, customers and inventory without changing anything.</source>
        <translation>Verificar cada linha em relação ao catálogo, aos clientes e ao inventário atuais, sem alterar nada.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linha</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erro</translation>
    </message>
    <message>
        <source>C&amp;opy Errors</source>
        <translation>C&amp;opiar Erros</translation>
    </message>
    <message>
        <source>Save &amp;Errors…</source>
        <translation>Salvar &amp;Erros…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importação</translation>
    </message>
    <message>
        <source>Pending:</source>
        <translation>Pendentes:</translation>
    </message>
    <message>
        <source>In flight:</source>
        <translation>Em andamento:</translation>
    </message>
    <message>
        <source>Succeeded:</source>
        <translation>Bem-sucedidas:</translation>
    </message>
    <message>
        <source>Failed:</source>
        <translation>Com falha:</translation>
    </message>
    <message>
        <source>Rejected:</source>
        <translation>Rejeitadas:</translation>
    </message>
    <message>
        <source>Cancelled:</source>
        <translation>Canceladas:</translation>
    </message>
    <message>
        <source>&amp;Start Import</source>
        <translation>&amp;Iniciar Importação</translation>
    </message>
    <message>
        <source>Assign the valid rows; rows with errors are skipped.</source>
        <translation>Atribuir as linhas válidas; as linhas com erros são ignoradas.</translation>
    </message>
    <message>
        <source>Cancel &amp;Import</source>
        <translation>Cancelar &amp;Importação</translation>
    </message>
    <message>
        <source>Submit no more rows; jobs already queued still finish.</source>
        <translation>Não enviar mais linhas; os jobs já na fila ainda serão concluídos.</translation>
    </message>
    <message>
        <source>&amp;Retry Failed Rows</source>
        <translation>&amp;Repetir Linhas com Falha</translation>
    </message>
    <message>
        <source>Run the failed provisioning jobs of this import again; no second service is created.</source>
        <translation>Executar novamente os jobs de provisionamento com falha desta importação; nenhum segundo serviço é criado.</translation>
    </message>
    <message>
        <source>Save Re&amp;port…</source>
        <translation>Salvar Re&amp;latório…</translation>
    </message>
    <message>
        <source>A CSV file with the line, status, service ID, job ID and error of every row.</source>
        <translation>Um arquivo CSV com a linha, o status, o ID do serviço, o ID do job e o erro de cada linha.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fechar</translation>
    </message>
    <message>
        <source>Validating every row…</source>
        <translation>Validando todas as linhas…</translation>
    </message>
    <message>
        <source>Choose a CSV file, then validate it.</source>
        <translation>Escolha um arquivo CSV e valide-o.</translation>
    </message>
    <message>
        <source>Validate the file to see the rows with errors.</source>
        <translation>Valide o arquivo para ver as linhas com erros.</translation>
    </message>
    <message>
        <source>This file cannot be imported. See the problem above the table.</source>
        <translation>Este arquivo não pode ser importado. Veja o problema acima da tabela.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) valid</source>
        <translation>
            <numerusform>%n linha válida</numerusform>
            <numerusform>%n linhas válidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with errors</source>
        <translation>
            <numerusform>%n linha com erros</numerusform>
            <numerusform>%n linhas com erros</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Arquivos CSV (*.csv);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Save Errors</source>
        <translation>Salvar Erros</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Arquivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Errors saved to %1.</source>
        <translation>Erros salvos em %1.</translation>
    </message>
    <message numerus="yes">
        <source>Assign plans for %n row(s)? Each row creates a service and a provisioning job.</source>
        <translation>
            <numerusform>Atribuir planos para %n linha? Cada linha cria um serviço e um job de provisionamento.</numerusform>
            <numerusform>Atribuir planos para %n linhas? Cada linha cria um serviço e um job de provisionamento.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with errors will be skipped; the report lists them as rejected.</source>
        <translation>
            <numerusform>%n linha com erros será ignorada; o relatório a lista como rejeitada.</numerusform>
            <numerusform>%n linhas com erros serão ignoradas; o relatório as lista como rejeitadas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Start Import</source>
        <translation>Iniciar Importação</translation>
    </message>
    <message>
        <source>Not Now</source>
        <translation>Agora Não</translation>
    </message>
    <message>
        <source>%1 of %2 rows done</source>
        <translation>%1 de %2 linhas concluídas</translation>
    </message>
    <message numerus="yes">
        <source>Import finished. %n row(s) failed: save the report to see why, or retry them.</source>
        <translation>
            <numerusform>Importação concluída. %n linha falhou: salve o relatório para ver o motivo ou tente novamente.</numerusform>
            <numerusform>Importação concluída. %n linhas falharam: salve o relatório para ver o motivo ou tente novamente.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import finished. Every valid row was assigned.</source>
        <translation>Importação concluída. Todas as linhas válidas foram atribuídas.</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled. Waiting for %n job(s) already queued to end.</source>
        <translation>
            <numerusform>Cancelada. Aguardando a conclusão de %n job que já está na fila.</numerusform>
            <numerusform>Cancelada. Aguardando a conclusão de %n jobs que já estão na fila.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import cancelled. Rows not submitted are marked cancelled in the report.</source>
        <translation>Importação cancelada. As linhas não enviadas estão marcadas como canceladas no relatório.</translation>
    </message>
    <message>
        <source>Importing… The import goes on if you close this window, and resumes after a restart.</source>
        <translation>Importando… A importação continua se você fechar esta janela e é retomada após uma reinicialização.</translation>
    </message>
    <message>
        <source>This import was interrupted. It goes on when you open it again.</source>
        <translation>Esta importação foi interrompida. Ela continua quando você a abrir novamente.</translation>
    </message>
    <message>
        <source>Cancel Import</source>
        <translation>Cancelar Importação</translation>
    </message>
    <message>
        <source>Submit no more rows of this import? Rows not submitted yet are marked cancelled; jobs already queued still finish.</source>
        <translation>Não enviar mais linhas desta importação? As linhas ainda não enviadas serão marcadas como canceladas; os jobs já na fila ainda serão concluídos.</translation>
    </message>
    <message>
        <source>Keep Importing</source>
        <translation>Continuar Importando</translation>
    </message>
    <message>
        <source>Save Report</source>
        <translation>Salvar Relatório</translation>
    </message>
    <message>
        <source>Report saved to %1.</source>
        <translation>Relatório salvo em %1.</translation>
    </message>
    <message>
        <source>Close Import</source>
        <translation>Fechar Importação</translation>
    </message>
    <message>
        <source>The import keeps running in the background while Switchboard is open, and resumes after a restart. Close this window?</source>
        <translation>A importação continua em execução em segundo plano enquanto o Switchboard estiver aberto e é retomada após uma reinicialização. Fechar esta janela?</translation>
    </message>
    <message>
        <source>Keep Running in Background</source>
        <translation>Continuar em Segundo Plano</translation>
    </message>
    <message>
        <source>Stay Here</source>
        <translation>Ficar Aqui</translation>
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
        <translation>Atribuir planos a vários clientes de uma só vez a partir de um arquivo CSV.</translation>
    </message>
    <message>
        <source>The import of %1 was interrupted.</source>
        <translation>A importação de %1 foi interrompida.</translation>
    </message>
    <message>
        <source>Resume Import</source>
        <translation>Retomar Importação</translation>
    </message>
    <message>
        <source>Bulk import finished: %1 succeeded, %2 failed, %3 rejected.</source>
        <translation>Importação em massa concluída: %1 bem-sucedidas, %2 com falha, %3 rejeitadas.</translation>
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
        <translation>Obrigatório</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1 (obrigatório)</translation>
    </message>
    <message>
        <source>No inventory available</source>
        <translation>Nenhum inventário disponível</translation>
    </message>
    <message>
        <source>• Add more inventory items to system
• Check item status (should be &quot;New&quot; or &quot;In Stock&quot;)
• Verify inventory template names match product requirements</source>
        <translation>• Adicionar mais itens de inventário ao sistema
• Verificar o status do item (deve ser &quot;Novo&quot; ou &quot;Em Estoque&quot;)
• Verificar se os nomes dos modelos de inventário correspondem aos requisitos do produto</translation>
    </message>
    <message>
        <source>Select %1…</source>
        <translation>Selecionar %1…</translation>
    </message>
    <message>
        <source>Reserving %1…</source>
        <translation>Reservando %1…</translation>
    </message>
    <message>
        <source>The reservation of %1 has expired. Pick an item again.</source>
        <translation>A reserva de %1 expirou. Escolha um item novamente.</translation>
    </message>
    <message>
        <source>Reserved for %1</source>
        <translation>Reservado por %1</translation>
    </message>
    <message>
        <source>Loading available items…</source>
        <translation>Carregando itens disponíveis…</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) available. The item you pick is reserved for this order.</source>
        <translation>
            <numerusform>%n item disponível. O item escolhido fica reservado para este pedido.</numerusform>
            <numerusform>%n itens disponíveis. O item escolhido fica reservado para este pedido.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::InventoryStep</name>
    <message>
        <source>Required Inventory Items:</source>
        <translation>Itens de Inventário Necessários:</translation>
    </message>
    <message>
        <source>An asterisk (*) marks a required item. Only items that are New or In Stock are shown; the items you pick are reserved until you confirm or cancel.</source>
        <translation>Um asterisco (*) indica um item obrigatório. Apenas itens com status Novo ou Em Estoque são mostrados; os itens escolhidos ficam reservados até você confirmar ou cancelar.</translation>
    </message>
</context>
<context>
    <name>sb::JobLogDialog</name>
    <message>
        <source>Provisioning Log — Provision ID %1</source>
        <translation>Log de Provisionamento — ID do Provisionamento %1</translation>
    </message>
    <message>
        <source>Provision ID: %1 · %2 · attempt %3 · requested by %4 on %5</source>
        <translation>ID do Provisionamento: %1 · %2 · tentativa %3 · solicitado por %4 em %5</translation>
    </message>
    <message>
        <source>&amp;Copy All</source>
        <translation>&amp;Copiar Tudo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>%1 %2. %3 — %4</source>
        <translation>%1 %2. %3 — %4</translation>
    </message>
    <message>
        <source>    Action: %1</source>
        <translation>    Ação: %1</translation>
    </message>
    <message>
        <source>    Started: %1   Finished: %2</source>
        <translation>    Início: %1   Fim: %2</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>    Error: %1</source>
        <translation>    Erro: %1</translation>
    </message>
    <message>
        <source>Job error: %1</source>
        <translation>Erro do job: %1</translation>
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
        <translation>ID do Provisionamento</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Serviço</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progresso</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Criado em</translation>
    </message>
</context>
<context>
    <name>sb::LoginDialog</name>
    <message>
        <source>Sign In to Switchboard</source>
        <translation>Entrar no Switchboard</translation>
    </message>
    <message>
        <source>This database is shared. Sign in with your staff login and password.</source>
        <translation>Este banco de dados é compartilhado. Entre com seu login de funcionário e sua senha.</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Senha:</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Entrando…</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>&amp;Entrar</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Sai&amp;r</translation>
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
        <translation>Serviços</translation>
    </message>
    <message>
        <source>Provisioning</source>
        <translation>Provisionamento</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aj&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About Switchboard</source>
        <translation>&amp;Sobre o Switchboard</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Pesquisa</translation>
    </message>
    <message>
        <source>Search Customers:</source>
        <translation>Pesquisar Clientes:</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Banco de dados: %1</translation>
    </message>
    <message>
        <source>Provisioning worker: running in this application</source>
        <translation>Processo de provisionamento: em execução neste aplicativo</translation>
    </message>
    <message>
        <source>Provisioning worker: external</source>
        <translation>Processo de provisionamento: externo</translation>
    </message>
    <message>
        <source>Network: built-in simulator</source>
        <translation>Rede: simulador integrado</translation>
    </message>
    <message>
        <source>Network: %1</source>
        <translation>Rede: %1</translation>
    </message>
    <message>
        <source>About Switchboard</source>
        <translation>Sobre o Switchboard</translation>
    </message>
    <message>
        <source>&lt;b&gt;Switchboard %1&lt;/b&gt;&lt;br&gt;Assign plans, provision services and follow provisioning jobs for mobile, internet, IPTV and VoIP customers.</source>
        <translation>&lt;b&gt;Switchboard %1&lt;/b&gt;&lt;br&gt;Atribua planos, provisione serviços e acompanhe os jobs de provisionamento de clientes de móvel, internet, IPTV e VoIP.</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configurações…</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>A&amp;dministração</translation>
    </message>
    <message>
        <source>Loading Demo Data…</source>
        <translation>Carregando Dados de Demonstração…</translation>
    </message>
    <message>
        <source>Load &amp;Demo Data</source>
        <translation>Carregar &amp;Dados de Demonstração</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Conectado como %1 (%2)</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Não conectado</translation>
    </message>
    <message>
        <source>Adds the demo operator&apos;s products, inventory and customers.</source>
        <translation>Adiciona os produtos, o inventário e os clientes da operadora de demonstração.</translation>
    </message>
    <message>
        <source>Demo Data</source>
        <translation>Dados de Demonstração</translation>
    </message>
    <message>
        <source>The demo data is in place.</source>
        <translation>Os dados de demonstração estão prontos.</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Assinaturas</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Fila</translation>
    </message>
</context>
<context>
    <name>sb::ProductCard</name>
    <message>
        <source>%1 / month</source>
        <translation>%1 / mês</translation>
    </message>
    <message>
        <source>Setup fee: %1</source>
        <translation>Taxa de configuração: %1</translation>
    </message>
    <message>
        <source>Assign to Customer</source>
        <translation>Atribuir ao Cliente</translation>
    </message>
    <message>
        <source>Assign %1 to a customer</source>
        <translation>Atribuir %1 a um cliente</translation>
    </message>
</context>
<context>
    <name>sb::ProductCardsView</name>
    <message>
        <source>Previous products (Left arrow)</source>
        <translation>Produtos anteriores (seta para a esquerda)</translation>
    </message>
    <message>
        <source>Next products (Right arrow)</source>
        <translation>Próximos produtos (seta para a direita)</translation>
    </message>
    <message numerus="yes">
        <source>Showing %1–%2 of %n product(s)</source>
        <translation>
            <numerusform>Exibindo %1–%2 de %n produto</numerusform>
            <numerusform>Exibindo %1–%2 de %n produtos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::ProvisioningPage</name>
    <message>
        <source>Provisioning Jobs</source>
        <translation>Jobs de Provisionamento</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>Show the progress of the selected job, with View Logs and Retry.</source>
        <translation>Mostrar o progresso do job selecionado, com Ver Logs e Tentar Novamente.</translation>
    </message>
</context>
<context>
    <name>sb::ProvisioningProgressDialog</name>
    <message>
        <source>Provisioning Progress</source>
        <translation>Progresso do Provisionamento</translation>
    </message>
    <message>
        <source>Provisioning</source>
        <translation>Provisionamento</translation>
    </message>
    <message>
        <source>Provisioning %1</source>
        <translation>Provisionando %1</translation>
    </message>
    <message>
        <source>Service ID:</source>
        <translation>ID do Serviço:</translation>
    </message>
    <message>
        <source>Service Name:</source>
        <translation>Nome do Serviço:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>The service record has been created but provisioning did not complete. Please review the error and retry.</source>
        <translation>O registro de serviço foi criado, mas o provisionamento não foi concluído. Por favor, revise o erro e tente novamente.</translation>
    </message>
    <message>
        <source>Provision ID:</source>
        <translation>ID do Provisionamento:</translation>
    </message>
    <message>
        <source>&amp;View Service</source>
        <translation>&amp;Ver Serviço</translation>
    </message>
    <message>
        <source>View &amp;Logs</source>
        <translation>Ver &amp;Logs</translation>
    </message>
    <message>
        <source>Retrying…</source>
        <translation>Tentando novamente…</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Tentar Novamente</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>Provisioning continues in the background. Reopen it from the Provisioning page.</source>
        <translation>O provisionamento continua em segundo plano. Reabra-o na página Provisionamento.</translation>
    </message>
    <message>
        <source>Loading provisioning tasks…</source>
        <translation>Carregando tarefas de provisionamento…</translation>
    </message>
    <message>
        <source>%1 (in progress...)</source>
        <translation>%1 (em progresso...)</translation>
    </message>
    <message>
        <source>Progress: %1 of %2 tasks completed</source>
        <translation>Progresso: %1 de %2 tarefas concluídas</translation>
    </message>
    <message>
        <source>Provisioning stopped without a reason. Open the logs for details.</source>
        <translation>O provisionamento parou sem um motivo informado. Abra os logs para ver os detalhes.</translation>
    </message>
    <message>
        <source>Service successfully provisioned</source>
        <translation>Serviço provisionado com sucesso</translation>
    </message>
    <message>
        <source>Service successfully provisioned for %1</source>
        <translation>Serviço provisionado com sucesso para %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erro: %1</translation>
    </message>
    <message>
        <source>Balance now:</source>
        <translation>Saldo atual:</translation>
    </message>
    <message>
        <source>%1 successfully added</source>
        <translation>%1 adicionado com sucesso</translation>
    </message>
    <message>
        <source>%1 successfully added for %2</source>
        <translation>%1 adicionado com sucesso para %2</translation>
    </message>
    <message>
        <source>Not read back from the OCS</source>
        <translation>Não relido do OCS</translation>
    </message>
</context>
<context>
    <name>sb::QueueMonitorPage</name>
    <message>
        <source>Provisioning Queue</source>
        <translation>Fila de Provisionamento</translation>
    </message>
    <message>
        <source>Jobs by status</source>
        <translation>Jobs por status</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>Jobs finished per minute</source>
        <translation>Jobs concluídos por minuto</translation>
    </message>
    <message>
        <source>Minute</source>
        <translation>Minuto</translation>
    </message>
    <message>
        <source>Jobs per minute</source>
        <translation>Jobs por minuto</translation>
    </message>
    <message>
        <source>Network element</source>
        <translation>Elemento de rede</translation>
    </message>
    <message>
        <source>Task duration (ms)</source>
        <translation>Duração da tarefa (ms)</translation>
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
        <translation>%1 na fila</translation>
    </message>
    <message>
        <source>%1 running</source>
        <translation>%1 em execução</translation>
    </message>
    <message>
        <source>%1 succeeded</source>
        <translation>%1 bem-sucedidos</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 com falha</translation>
    </message>
    <message numerus="yes">
        <source>Task duration per network element, last %n minute(s)</source>
        <translation>
            <numerusform>Duração das tarefas por elemento de rede, último %n minuto</numerusform>
            <numerusform>Duração das tarefas por elemento de rede, últimos %n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No task finished in the last %n minute(s).</source>
        <translation>
            <numerusform>Nenhuma tarefa concluída no último %n minuto.</numerusform>
            <numerusform>Nenhuma tarefa concluída nos últimos %n minutos.</numerusform>
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
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>Inventário</translation>
    </message>
    <message>
        <source>Service</source>
        <extracomment>network element axis of the queue monitor: the service record in our database; keep it short</extracomment>
        <translation>Serviço</translation>
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
        <translation>Verifique todas as seleções e clique em Confirmar &amp; Provisionar para iniciar o provisionamento.</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Cliente:</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>Produto:</translation>
    </message>
    <message>
        <source>Inventory:</source>
        <translation>Inventário:</translation>
    </message>
    <message>
        <source>Pricing:</source>
        <translation>Preços:</translation>
    </message>
    <message>
        <source>Setup Fee:</source>
        <translation>Taxa de Configuração:</translation>
    </message>
    <message>
        <source>Monthly Cost:</source>
        <translation>Custo Mensal:</translation>
    </message>
    <message>
        <source>Auto-Renew:</source>
        <translation>Renovação Automática:</translation>
    </message>
    <message>
        <source>• %1: %2</source>
        <translation>• %1: %2</translation>
    </message>
    <message>
        <source>None required</source>
        <translation>Nenhum necessário</translation>
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
        <translation>Preço Único:</translation>
    </message>
    <message>
        <source>Monthly Price:</source>
        <translation>Preço Mensal:</translation>
    </message>
    <message>
        <source>Installation Site:</source>
        <translation>Local de Instalação:</translation>
    </message>
    <message>
        <source>Billing Contact:</source>
        <translation>Contato de Faturamento:</translation>
    </message>
    <message>
        <source>Technical Contact:</source>
        <translation>Contato Técnico:</translation>
    </message>
    <message>
        <source>Order Details:</source>
        <translation>Detalhes do Pedido:</translation>
    </message>
    <message>
        <source>%1 - %2</source>
        <translation>%1 - %2</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Nenhum</translation>
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
        <translation>Selecionar Componentes</translation>
    </message>
    <message>
        <source>Components of %1. Only the products the bundle allows are listed.</source>
        <translation>Componentes de %1. Somente os produtos permitidos pelo pacote são listados.</translation>
    </message>
    <message>
        <source>&amp;View Product Bundle Components</source>
        <translation>&amp;Ver Componentes do Pacote de Produtos</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filtros</translation>
    </message>
    <message>
        <source>&amp;Product:</source>
        <translation>&amp;Produto:</translation>
    </message>
    <message>
        <source>Part of the product name</source>
        <translation>Parte do nome do produto</translation>
    </message>
    <message>
        <source>Product &amp;Type:</source>
        <translation>&amp;Tipo de Produto:</translation>
    </message>
    <message>
        <source>Product &amp;Family:</source>
        <translation>&amp;Família de Produtos:</translation>
    </message>
    <message>
        <source>All product types</source>
        <translation>Todos os tipos de produto</translation>
    </message>
    <message>
        <source>All product families</source>
        <translation>Todas as famílias de produtos</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produto</translation>
    </message>
    <message>
        <source>Product Type</source>
        <translation>Tipo de Produto</translation>
    </message>
    <message>
        <source>Product Family</source>
        <translation>Família de Produtos</translation>
    </message>
    <message>
        <source>Monthly Cost</source>
        <translation>Custo Mensal</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Alteração</translation>
    </message>
    <message>
        <source>No allowed product matches the filters.</source>
        <translation>Nenhum produto permitido corresponde aos filtros.</translation>
    </message>
    <message>
        <source>S&amp;elect</source>
        <translation>S&amp;elecionar</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Componentes</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remover</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>&amp;Manter</translation>
    </message>
    <message>
        <source>Keep a current component that is marked for removal.</source>
        <translation>Manter um componente atual que está marcado para remoção.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Salvar</translation>
    </message>
    <message>
        <source>To be removed</source>
        <translation>A remover</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Atual</translation>
    </message>
    <message>
        <source>To be added</source>
        <translation>A adicionar</translation>
    </message>
    <message>
        <source>This product is already a component of the bundle.</source>
        <translation>Este produto já é um componente do pacote.</translation>
    </message>
    <message>
        <source>This product is already selected.</source>
        <translation>Este produto já está selecionado.</translation>
    </message>
</context>
<context>
    <name>sb::SelectCustomerStep</name>
    <message>
        <source>&amp;Search Customers:</source>
        <translation>&amp;Pesquisar Clientes:</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Ensure you&apos;ve selected the correct customer before proceeding. Assigning a plan to the wrong customer requires manual intervention to correct.</source>
        <translation>Certifique-se de ter selecionado o cliente correto antes de prosseguir. Atribuir um plano ao cliente errado requer intervenção manual para corrigir.</translation>
    </message>
    <message>
        <source>Checking that %1 can take %2…</source>
        <translation>Verificando se %1 pode contratar %2…</translation>
    </message>
    <message>
        <source>✓ %1 (%2) can take %3.</source>
        <translation>✓ %1 (%2) pode contratar %3.</translation>
    </message>
    <message>
        <source>Type a name, customer ID, email address or phone number, then pick the customer.</source>
        <translation>Digite um nome, ID do cliente, endereço de e-mail ou número de telefone e selecione o cliente.</translation>
    </message>
</context>
<context>
    <name>sb::ServiceTableModel</name>
    <message>
        <source>Service ID</source>
        <translation>ID do Serviço</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produto</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Auto-Renew</source>
        <translation>Renovação Automática</translation>
    </message>
    <message>
        <source>Monthly Cost</source>
        <translation>Custo Mensal</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Criado em</translation>
    </message>
</context>
<context>
    <name>sb::ServicesPage</name>
    <message>
        <source>Recent Services</source>
        <translation>Serviços Recentes</translation>
    </message>
    <message>
        <source>Double-click a service to open it on its customer&apos;s page.</source>
        <translation>Clique duas vezes em um serviço para abri-lo na página do cliente.</translation>
    </message>
    <message>
        <source>Verify Service</source>
        <translation>Verificar Serviço</translation>
    </message>
    <message>
        <source>Read the selected service back from the network elements and compare.</source>
        <translation>Ler o serviço selecionado de volta dos elementos de rede e comparar.</translation>
    </message>
</context>
<context>
    <name>sb::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>Embedded database (SQLite file on this computer)</source>
        <translation>Banco de dados integrado (arquivo SQLite neste computador)</translation>
    </message>
    <message>
        <source>Shared database (PostgreSQL server)</source>
        <translation>Banco de dados compartilhado (servidor PostgreSQL)</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Arquivo:</translation>
    </message>
    <message>
        <source>Default: switchboard.db in your data folder</source>
        <translation>Padrão: switchboard.db na sua pasta de dados</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Procurar…</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Porta:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Banco de dados:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuário:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Senha:</translation>
    </message>
    <message>
        <source>&amp;Remember password (otherwise Switchboard asks for it at start)</source>
        <translation>&amp;Lembrar senha (caso contrário, o Switchboard a solicita ao iniciar)</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS:</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desativado</translation>
    </message>
    <message>
        <source>Only if the server insists</source>
        <translation>Somente se o servidor exigir</translation>
    </message>
    <message>
        <source>When the server offers it</source>
        <translation>Quando o servidor oferecer</translation>
    </message>
    <message>
        <source>Required, certificate not checked</source>
        <translation>Obrigatório, certificado não verificado</translation>
    </message>
    <message>
        <source>Required, certificate checked against the CA</source>
        <translation>Obrigatório, certificado verificado com a CA</translation>
    </message>
    <message>
        <source>Required, certificate and host name checked (recommended)</source>
        <translation>Obrigatório, certificado e nome do host verificados (recomendado)</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>Arquivo de &amp;CA:</translation>
    </message>
    <message>
        <source>Test &amp;connection</source>
        <translation>Testar co&amp;nexão</translation>
    </message>
    <message>
        <source>Switchboard opens the chosen database the next time it starts.</source>
        <translation>O Switchboard abrirá o banco de dados escolhido na próxima vez que for iniciado.</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Arquivo do banco de dados</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite);;All files (*)</source>
        <translation>Bancos de dados SQLite (*.db *.sqlite);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>Certificado da CA</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>Certificados (*.crt *.pem *.cer);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando a %1…</translation>
    </message>
    <message>
        <source>CA certificate file (PEM)</source>
        <translation>Arquivo de certificado da CA (PEM)</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>&amp;Banco de dados</translation>
    </message>
    <message>
        <source>&amp;Network elements</source>
        <translation>Elementos de &amp;rede</translation>
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
        <translation>Abrindo banco de dados…</translation>
    </message>
    <message>
        <source>Preparing the local database on this computer.</source>
        <translation>Preparando o banco de dados local neste computador.</translation>
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
        <translation>Estado do ciclo de vida:</translation>
    </message>
    <message>
        <source>Payment type:</source>
        <translation>Tipo de pagamento:</translation>
    </message>
    <message>
        <source>Wallet balance:</source>
        <translation>Saldo da carteira:</translation>
    </message>
    <message>
        <source>Subscription Services</source>
        <translation>Serviços da Assinatura</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Serviço</translation>
    </message>
    <message>
        <source>Product Type</source>
        <translation>Tipo de Produto</translation>
    </message>
    <message>
        <source>Product Family</source>
        <translation>Família de Produtos</translation>
    </message>
    <message>
        <source>Life Cycle State</source>
        <translation>Estado do Ciclo de Vida</translation>
    </message>
    <message>
        <source>Select a service to see its life cycle history. Removed components are greyed.</source>
        <translation>Selecione um serviço para ver o histórico do ciclo de vida dele. Os componentes removidos aparecem em cinza.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Até</translation>
    </message>
    <message>
        <source>Changed By</source>
        <translation>Alterado Por</translation>
    </message>
    <message>
        <source>Distributor</source>
        <translation>Distribuidor</translation>
    </message>
    <message>
        <source>Serial Number</source>
        <translation>Número de Série</translation>
    </message>
    <message>
        <source>Distributed Services</source>
        <translation>Serviços Distribuídos</translation>
    </message>
    <message>
        <source>Installed Items</source>
        <translation>Itens Instalados</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Behavior Code</source>
        <translation>Código de Comportamento</translation>
    </message>
    <message>
        <source>Action Type</source>
        <translation>Tipo de Ação</translation>
    </message>
    <message>
        <source>Due Time</source>
        <translation>Data Prevista</translation>
    </message>
    <message>
        <source>Performed By</source>
        <translation>Realizado Por</translation>
    </message>
    <message>
        <source>Provisioning Distributors</source>
        <translation>Distribuidores de Provisionamento</translation>
    </message>
    <message>
        <source>Cancel Scheduled Action</source>
        <translation>Cancelar Ação Agendada</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconhecido</translation>
    </message>
    <message>
        <source>Subscription %1</source>
        <translation>Assinatura %1</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1 desde %2</translation>
    </message>
    <message>
        <source>%1  %2  %3</source>
        <translation>%1  %2  %3</translation>
    </message>
    <message>
        <source>No wallet</source>
        <translation>Sem carteira</translation>
    </message>
    <message>
        <source>%1: %2 – %3</source>
        <translation>%1: %2 – %3</translation>
    </message>
    <message>
        <source>Flexible Bundle: %1</source>
        <translation>Pacote Flexível: %1</translation>
    </message>
    <message>
        <source>Life cycle history of the service %1</source>
        <translation>Histórico do ciclo de vida do serviço %1</translation>
    </message>
    <message>
        <source>Life cycle history of the subscription %1 (select a service to see its own)</source>
        <translation>Histórico do ciclo de vida da assinatura %1 (selecione um serviço para ver o dele)</translation>
    </message>
    <message>
        <source>Open-ended</source>
        <translation>Sem data de término</translation>
    </message>
    <message>
        <source>Set-top box</source>
        <translation>Decodificador</translation>
    </message>
    <message>
        <source>Smartcard</source>
        <translation>Smartcard</translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation>Removido em %1</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Em uso</translation>
    </message>
    <message>
        <source>Finished %1</source>
        <translation>Concluída em %1</translation>
    </message>
    <message>
        <source>Behavior code %1, business classification code %2</source>
        <translation>Código de comportamento %1, código de classificação comercial %2</translation>
    </message>
    <message>
        <source>Performed by %1 on %2, requested by %3</source>
        <translation>Realizada por %1 em %2, solicitada por %3</translation>
    </message>
    <message numerus="yes">
        <source>Scheduled Actions (%n pending)</source>
        <translation>
            <numerusform>Ações Agendadas (%n pendente)</numerusform>
            <numerusform>Ações Agendadas (%n pendentes)</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a scheduled action that has not run yet.</source>
        <translation>Selecione uma ação agendada que ainda não foi executada.</translation>
    </message>
    <message>
        <source>Cancel this action before it runs.</source>
        <translation>Cancelar esta ação antes que ela seja executada.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Histórico</translation>
    </message>
    <message>
        <source>The dated life cycle states of the selected service</source>
        <translation>Os estados do ciclo de vida, com datas, do serviço selecionado</translation>
    </message>
</context>
<context>
    <name>sb::SubscriptionTableModel</name>
    <message>
        <source>Subscription</source>
        <translation>Assinatura</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Life Cycle State</source>
        <translation>Estado do Ciclo de Vida</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Pagamento</translation>
    </message>
</context>
<context>
    <name>sb::SubscriptionsPage</name>
    <message>
        <source>Subscriptions</source>
        <translation>Assinaturas</translation>
    </message>
    <message>
        <source>Search by subscription number or customer name</source>
        <translation>Pesquisar por número da assinatura ou nome do cliente</translation>
    </message>
    <message>
        <source>Press Enter to open the first subscription found.</source>
        <translation>Pressione Enter para abrir a primeira assinatura encontrada.</translation>
    </message>
    <message>
        <source>Search for a subscription, then pick it from the list to see its services, provisioning distributors and scheduled actions.</source>
        <translation>Pesquise uma assinatura e escolha-a na lista para ver os serviços, os distribuidores de provisionamento e as ações agendadas dela.</translation>
    </message>
    <message>
        <source>Action Panel</source>
        <translation>Painel de Ações</translation>
    </message>
    <message>
        <source>Subscription Service Related Actions</source>
        <translation>Ações Relacionadas aos Serviços da Assinatura</translation>
    </message>
    <message>
        <source>&amp;Amend Bundle Services</source>
        <translation>&amp;Alterar Serviços do Pacote</translation>
    </message>
    <message>
        <source>Change the components of a Flexible Bundle service, now or on a schedule.</source>
        <translation>Alterar os componentes de um serviço Pacote Flexível, agora ou de forma agendada.</translation>
    </message>
    <message>
        <source>No subscription matches “%1”. Check the subscription number (for example SUB-100001) or search by the customer&apos;s name.</source>
        <translation>Nenhuma assinatura corresponde a “%1”. Verifique o número da assinatura (por exemplo SUB-100001) ou pesquise pelo nome do cliente.</translation>
    </message>
    <message numerus="yes">
        <source>Recent subscriptions (%n)</source>
        <translation>
            <numerusform>Assinaturas recentes (%n)</numerusform>
            <numerusform>Assinaturas recentes (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a subscription first.</source>
        <translation>Abra uma assinatura primeiro.</translation>
    </message>
    <message>
        <source>Only subscriptions in Draft, Effective or Not Effective state can be amended; this one is %1.</source>
        <translation>Somente assinaturas no estado Rascunho, Vigente ou Não Vigente podem ser alteradas; esta está no estado %1.</translation>
    </message>
    <message>
        <source>This subscription has no Flexible Bundle service.</source>
        <translation>Esta assinatura não tem nenhum serviço Pacote Flexível.</translation>
    </message>
    <message>
        <source>Select the Flexible Bundle service to amend.</source>
        <translation>Selecione o serviço Pacote Flexível a alterar.</translation>
    </message>
    <message>
        <source>Amends %1.</source>
        <translation>Altera %1.</translation>
    </message>
    <message>
        <source>%1, due %2</source>
        <translation>%1, prevista para %2</translation>
    </message>
    <message>
        <source>Cancel Scheduled Action</source>
        <translation>Cancelar Ação Agendada</translation>
    </message>
    <message>
        <source>Cancel the scheduled action %1 (%2)? It will not run, and nothing it would have changed is changed.</source>
        <translation>Cancelar a ação agendada %1 (%2)? Ela não será executada, e nada do que ela alteraria será alterado.</translation>
    </message>
    <message>
        <source>Cancel Action</source>
        <translation>Cancelar Ação</translation>
    </message>
    <message>
        <source>Keep Action</source>
        <translation>Manter Ação</translation>
    </message>
    <message numerus="yes">
        <source>Subscriptions found: %n</source>
        <translation>
            <numerusform>Assinatura encontrada: %n</numerusform>
            <numerusform>Assinaturas encontradas: %n</numerusform>
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
        <translation>Divergência</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Inacessível</translation>
    </message>
    <message>
        <source>Verify Service — Service %1</source>
        <translation>Verificar Serviço — Serviço %1</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Verificação</translation>
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
        <translation>O que fazer</translation>
    </message>
    <message>
        <source>Verify Again</source>
        <translation>Verificar Novamente</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>Reading service %1 back from the network elements…</source>
        <translation>Lendo o serviço %1 de volta dos elementos de rede…</translation>
    </message>
    <message numerus="yes">
        <source>%1: all %n check(s) passed. The network elements match Switchboard.</source>
        <translation>
            <numerusform>%1: %n verificação aprovada. Os elementos de rede correspondem ao Switchboard.</numerusform>
            <numerusform>%1: todas as %n verificações aprovadas. Os elementos de rede correspondem ao Switchboard.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n mismatch(es)</source>
        <translation>
            <numerusform>%1: %n divergência</numerusform>
            <numerusform>%1: %n divergências</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n element(s) unreachable.</source>
        <translation>
            <numerusform>%n elemento inacessível.</numerusform>
            <numerusform>%n elementos inacessíveis.</numerusform>
        </translation>
    </message>
    <message>
        <source>See the highlighted rows for what to do.</source>
        <translation>Veja nas linhas destacadas o que fazer.</translation>
    </message>
</context>
</TS>
