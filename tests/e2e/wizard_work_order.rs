//! "Ord. Serviço" in the real window: a phone call walked to "Prim. Contato", "Pedir OS",
//! every wrong field explained (empty, 31/02, end before start, zero duration), the work
//! order scheduled by choosing a slot on the "Agenda Técnica", saved with its ticket; then a
//! second call asks for the same technician and time: the save shows the clash, and
//! "Agendar mesmo assim" saves it.
use chrono::Local;
use helpdesk_core::date::format_date;
use helpdesk_core::protocol::Protocol;
use helpdesk_core::wizard::Step;
use helpdesk_core::work_order::WorkOrderCatalog;
use helpdesk_core::work_order_form::format_time;
use helpdesk_e2e::wizard::{
    at_step, click_agenda_hour, error_at, log_in, phone_call_to_script, seeded_database,
    skip_script, Writer,
};
use helpdesk_e2e::{Harness, StepResult};
use helpdesk_store::{work_orders, Store};

/// From the start panel, a phone call walked to "Prim. Contato" with the script skipped and
/// the ticket type chosen, then "Pedir OS".
async fn call_to_work_order(app: &Harness, writer: &Writer, ticket_type: &str) -> StepResult {
    phone_call_to_script(app, writer, "Sem internet; luz LOS vermelha.").await?;
    skip_script(
        app,
        "Sinal ruim na OLT; técnico deve ir ao local.",
        ticket_type,
    )
    .await?;
    app.click("button#pedir-os").await?;
    at_step(app, Step::WorkOrder).await
}

/// The protocol in the wizard's header.
async fn protocol(app: &Harness) -> StepResult<String> {
    let header = app.text_at("#protocolo", "Protocolo ").await?;
    Ok(header.trim_start_matches("Protocolo ").to_owned())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_work_order_is_scheduled_on_the_agenda_and_a_clash_is_shown() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (database, writer) = seeded_database(&dir).await;
    let catalog: WorkOrderCatalog = {
        let store = Store::open(&database).await.expect("store");
        let catalog = work_orders::catalog(&store).await.expect("catalog");
        store.close().await;
        catalog
    };
    let ticket_type = {
        let store = Store::open(&database).await.expect("store");
        let kind = helpdesk_store::ticket_types::list(&store)
            .await
            .expect("types")
            .remove(0);
        store.close().await;
        kind
    };
    let technician = &catalog.technicians[0];
    let kind = &catalog.types[0];
    let tomorrow = format_date(Local::now().date_naive().succ_opt().expect("tomorrow"));
    let saved = std::sync::Mutex::new(Vec::<String>::new());

    let app = Harness::start("wizard_work_order", &database).await;
    app.run(async |app: &mut Harness| {
        log_in(app).await?;
        call_to_work_order(app, &writer, &ticket_type.id.to_string()).await?;

        // Every field says what is wrong.
        app.click("button#salvar-atendimento").await?;
        at_step(app, Step::WorkOrder).await?;
        error_at(app, "os-tecnico", "Escolha o técnico.").await?;
        error_at(app, "os-tipo", "Escolha o tipo de OS.").await?;
        error_at(app, "os-inicio", "Preencha o início").await?;
        error_at(app, "os-descricao", "Preencha a descrição do trabalho").await?;
        app.select("select#os-tecnico", &technician.id.to_string())
            .await?;
        app.select("select#os-tipo", &kind.id.to_string()).await?;
        app.fill("input#os-data", "31/02/2027").await?;
        app.fill("input#os-inicio", "14:00").await?;
        app.fill("input#os-duracao", "0:00").await?;
        app.fill(
            "textarea#os-descricao",
            "Medir o sinal na caixa e trocar o conector.",
        )
        .await?;
        app.click("button#salvar-atendimento").await?;
        error_at(app, "os-data", "Esta data não existe no calendário.").await?;
        error_at(app, "os-duracao", "A duração deve ser maior que zero.").await?;
        app.fill("input#os-fim", "13:00").await?;
        app.click("button#salvar-atendimento").await?;
        error_at(app, "os-fim", "O fim deve ser depois do início.").await?;
        app.screenshot("os-erros").await;

        // "Agenda Técnica" on tomorrow: a click on the technician's column at 10:00 offers
        // "Agendar Ordem de Serviço" for the type's usual duration, which fills the form and
        // says so.
        app.fill("input#os-data", &tomorrow).await?;
        app.click("button#abrir-agenda").await?;
        app.element("#agenda-os section#agenda").await?;
        click_agenda_hour(app, technician.id, 10).await?;
        app.element("#agenda-selecao-barra").await?;
        app.screenshot("agenda-horario").await;
        app.click("button#agenda-agendar").await?;
        app.gone("#agenda-os").await?;
        app.text_at(
            "#os-agendada",
            &format!("Ordem de serviço agendada para {tomorrow}, das 10:00"),
        )
        .await?;
        if app.value("select#os-tecnico").await? != technician.id.to_string() {
            return Err("the agenda's technician should be in the form".into());
        }
        let usual_end = format_time(10 * 60 + i64::from(kind.default_minutes));
        if app.value("input#os-fim").await? != usual_end {
            return Err(format!(
                "a click should propose the type's usual end, {usual_end}"
            ));
        }
        // Two of start, end and duration make the third.
        app.fill("input#os-duracao", "1:30").await?;
        if app.value("input#os-inicio").await? != "10:00"
            || app.value("input#os-fim").await? != "11:30"
        {
            return Err("the start should stay and the duration make the end 11:30".into());
        }
        app.screenshot("os").await;

        let first = protocol(app).await?;
        app.click("button#salvar-atendimento").await?;
        app.text_at("#atendimento-salvo", "Atendimento salvo")
            .await?;
        app.click("button#concluir").await?;

        // A second call for the same technician and time: the save shows the clash.
        call_to_work_order(app, &writer, &ticket_type.id.to_string()).await?;
        app.select("select#os-tecnico", &technician.id.to_string())
            .await?;
        app.select("select#os-tipo", &kind.id.to_string()).await?;
        app.fill("input#os-data", &tomorrow).await?;
        app.fill("input#os-inicio", "11:00").await?;
        app.fill("input#os-duracao", "1:00").await?;
        app.fill("textarea#os-descricao", "Retorno.").await?;
        let second = protocol(app).await?;
        app.click("button#salvar-atendimento").await?;
        error_at(
            app,
            "os-inicio",
            "O técnico já tem uma visita neste horário",
        )
        .await?;
        app.screenshot("os-conflito").await;
        app.click("button#agendar-mesmo-assim").await?;
        app.element("#conflito-aceito").await?;
        app.click("button#salvar-atendimento").await?;
        app.text_at("#atendimento-salvo", "Atendimento salvo")
            .await?;
        *saved.lock().expect("lock") = vec![first, second];
        Ok(())
    })
    .await;

    // Both visits are on the technician's agenda, in their tickets' history.
    let protocols = saved.lock().expect("lock").clone();
    let store = Store::open(&database).await.expect("store");
    for (text, (start, end)) in protocols
        .iter()
        .zip([("10:00", "11:30"), ("11:00", "12:00")])
    {
        let protocol: Protocol = text.parse().expect("a protocol");
        let (technician_id, starts_at, ends_at): (sqlx::types::Uuid, i64, i64) = sqlx::query_as(
            "SELECT w.technician_id, w.starts_at, w.ends_at FROM work_orders w
             JOIN tickets t ON t.id = w.ticket_id WHERE t.protocol = ?1",
        )
        .bind(protocol.digits())
        .fetch_one(store.pool())
        .await
        .expect("the work order");
        assert_eq!(technician_id, technician.id);
        let offset = Local::now().offset().local_minus_utc() / 60;
        let local = |millis| helpdesk_core::date::format_instant(millis, offset);
        assert!(local(starts_at).ends_with(start), "{}", local(starts_at));
        assert!(local(ends_at).ends_with(end), "{}", local(ends_at));
    }
    store.close().await;
}
