//! "Handled once" in the real window: "Filtros" without an e-mail lists every message of the
//! period, new ones first; a new message shows "Novo"; once its ticket is saved it shows
//! "Atendido" with the protocol, and choosing it again warns and offers that ticket; a second
//! ticket saved anyway names the first on its page.
use helpdesk_core::wizard::Step;
use helpdesk_e2e::wizard::{
    advance, at_step, find_messages, log_in, seeded_database, skip_script, Writer,
};
use helpdesk_e2e::{Harness, StepResult};
use helpdesk_store::{ticket_types, Store};

/// The `data-state` of every row of "Localizar Reg.", in order.
async fn row_states(app: &Harness) -> StepResult<Vec<String>> {
    let script = "return [...document.querySelectorAll('table#mensagens tbody tr')]
                      .map(row => row.dataset.state);";
    let states = app
        .client
        .execute(script, vec![])
        .await
        .map_err(|error| format!("read the rows: {error}"))?;
    Ok(states
        .as_array()
        .map(|states| {
            states
                .iter()
                .map(|state| state.as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default())
}

/// Selects the message `id` in "Localizar Reg." with the arrow keys, as an operator does
/// (a click on a row of a long table is refused by WebKitGTK's WebDriver, docs/DESIGN.md).
async fn select_message(app: &Harness, id: &str) -> StepResult {
    let script = "return [...document.querySelectorAll('table#mensagens tbody tr')]
                      .findIndex(row => row.dataset.messageId === arguments[0]);";
    let position = app
        .client
        .execute(script, vec![id.into()])
        .await
        .map_err(|error| format!("find the message's row: {error}"))?
        .as_u64()
        .ok_or("the message is listed")?;
    app.press("table#mensagens", &"\u{E015}".repeat(position as usize + 1))
        .await
}

/// From "Localizar Reg." with the message chosen, the rest of the wizard up to the saved
/// ticket: the customer found from the message, its first plan, no script, a first contact
/// of `kind`. Returns the protocol.
async fn save_ticket(app: &Harness, writer: &Writer, kind: &str) -> StepResult<String> {
    advance(app).await?;
    at_step(app, Step::FindCustomer).await?;
    app.text_at("#cliente-selecionado", &writer.customer.name)
        .await?;
    advance(app).await?;
    at_step(app, Step::CustomerData).await?;
    advance(app).await?;
    at_step(app, Step::TicketData).await?;
    let plan = &writer.record.plans[0];
    app.check(&format!("input[name=\"plano\"][value=\"{}\"]", plan.id))
        .await?;
    advance(app).await?;
    skip_script(app, "Reiniciou a ONU com o cliente.", kind).await?;
    let header = app.text_at("#protocolo", "Protocolo ").await?;
    let protocol = header.trim_start_matches("Protocolo ").to_owned();
    app.click("button#salvar-atendimento").await?;
    app.text_at("#protocolo-final", &protocol).await?;
    app.click("button#concluir").await?;
    Ok(protocol)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_message_shows_new_then_handled_with_its_protocol() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (database, writer) = seeded_database(&dir).await;
    let kind = {
        let store = Store::open(&database).await.expect("store");
        let kind = ticket_types::list(&store)
            .await
            .expect("ticket types")
            .remove(0);
        store.close().await;
        kind.id.to_string()
    };
    let message = &writer.messages[0];
    let id = message.id.to_string();
    let row = format!("#mensagens tr[data-message-id=\"{id}\"]");
    let app = Harness::start("wizard_support_handled", &database).await;
    app.run(async |app: &mut Harness| {
        log_in(app).await?;

        // Without an e-mail: every sender's messages of the period, all new.
        find_messages(app, "").await?;
        app.text_at(".query-heading", "Todas as mensagens nos últimos 400 dias")
            .await?;
        app.text_is("#mensagens-contagem", "50 mensagens").await?;
        let states = row_states(app).await?;
        if states.len() != 50 || states.iter().any(|state| state != "novo") {
            return Err(format!("50 new messages expected, found {states:?}"));
        }
        app.text_at("#mensagens tbody tr:first-child", "Novo")
            .await?;
        app.screenshot("todas-as-mensagens").await;
        app.click("button#cancelar").await?;
        app.click("button#confirmar-cancelamento").await?;

        // The writer's newest message: "Novo"; chosen and walked to the ticket's save.
        find_messages(app, &writer.email).await?;
        app.text_at(&format!("{row}[data-state=\"novo\"]"), "Novo")
            .await?;
        select_message(app, &id).await?;
        app.element(&format!("{row}.selected")).await?;
        let protocol = save_ticket(app, &writer, &kind).await?;

        // Again: the message is "Atendido" with the protocol, after the new ones; choosing
        // it warns and offers the ticket, which opens over the wizard.
        find_messages(app, &writer.email).await?;
        let handled = format!("{row}[data-state=\"atendido\"]");
        app.text_at(&handled, &format!("Atendido ({protocol})"))
            .await?;
        let states = row_states(app).await?;
        if states.last().map(String::as_str) != Some("atendido") {
            return Err(format!("the handled message should come last, {states:?}"));
        }
        app.screenshot("mensagem-atendida").await;
        select_message(app, &id).await?;
        app.text_at(
            "#mensagem-aviso",
            &format!("Esta mensagem já foi atendida no protocolo {protocol}."),
        )
        .await?;
        app.screenshot("aviso-mensagem-atendida").await;
        app.click(&format!(
            "#mensagem-aviso button[data-protocol=\"{protocol}\"]"
        ))
        .await?;
        app.text_at(
            "#atendimento-da-mensagem",
            &format!("Atendimento {protocol}"),
        )
        .await?;
        app.screenshot("atendimento-da-mensagem").await;
        app.click("#atendimento-da-mensagem button#voltar-lista")
            .await?;
        app.gone("#atendimento-da-mensagem").await?;
        app.click("button#atender-mesmo-assim").await?;
        app.gone("#mensagem-aviso").await?;
        app.element(&format!("{row}.selected")).await?;

        // A second ticket for the message: its page names the first.
        let second = save_ticket(app, &writer, &kind).await?;
        app.fill("input#consultar-protocolo", &format!("{second}\u{E007}"))
            .await?;
        app.click("button#abrir-atendimento").await?;
        app.text_at(
            "#mensagem-tambem-atendida",
            &format!("Mensagem também atendida no protocolo {protocol}."),
        )
        .await?;
        app.screenshot("mensagem-tambem-atendida").await;
        Ok(())
    })
    .await;
}
