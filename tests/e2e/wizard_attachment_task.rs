//! "Anexo" and "Tarefa" in the real window: a phone call walked to "Prim. Contato", files
//! picked in the system's own file picker (one too large, one twice), notes written, a task
//! given to the operator's role with a wrong and then a right due date, the ticket saved
//! open, found by its protocol with the attachment and the task in its history, and the
//! task in the operator's "Minhas Tarefas".
use std::path::Path;

use chrono::Local;
use helpdesk_core::date::format_date;
use helpdesk_core::protocol::Protocol;
use helpdesk_core::ticket_type::Assignee;
use helpdesk_core::wizard::Step;
use helpdesk_demo::OPERATOR;
use helpdesk_e2e::wizard::{
    at_step, error_at, log_in, phone_call_to_script, seeded_database, skip_script,
};
use helpdesk_e2e::{Harness, StepResult};
use helpdesk_store::attachment_files::AttachmentFiles;
use helpdesk_store::{people, ticket_types, Store};

/// The picker's title, as the shell opens it.
const PICKER: &str = "Anexar arquivo";
const REPORT: &[u8] = b"%PDF-1.4\n% laudo da visita anterior\n";

/// The `data-kind` of each entry of the history shown.
async fn history_kinds(app: &Harness) -> StepResult<Vec<String>> {
    let items = app
        .client
        .find_all(fantoccini::Locator::Css("ol#historico > li"))
        .await
        .map_err(|error| error.to_string())?;
    let mut kinds = Vec::new();
    for item in items {
        let kind = item.attr("data-kind").await.map_err(|e| e.to_string())?;
        kinds.push(kind.unwrap_or_default());
    }
    Ok(kinds)
}

/// "Pesquisar ou Criar", answered with `path`.
async fn attach(app: &Harness, path: &Path) -> StepResult {
    app.click("button#pesquisar-anexo").await?;
    app.answer_file_picker(PICKER, path).await?;
    app.element("button#pesquisar-anexo:not([disabled])")
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_ticket_is_saved_with_an_attachment_and_a_task() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (database, writer) = seeded_database(&dir).await;
    let (kind, role) = {
        let store = Store::open(&database).await.expect("store");
        let kind = ticket_types::list(&store)
            .await
            .expect("ticket types")
            .into_iter()
            .find(|kind| kind.assignee.is_some())
            .expect("a demo type destined to someone");
        let role = people::assignees(&store)
            .await
            .expect("assignees")
            .into_iter()
            .enumerate()
            .find(|(_, assignee)| {
                matches!(assignee, Assignee::Role { name, .. } if name == OPERATOR.role)
            })
            .expect("the operator's role");
        store.close().await;
        (kind, role)
    };
    let picked = tempfile::tempdir().expect("the operator's folder");
    let report = picked.path().join("laudo técnico.pdf");
    std::fs::write(&report, REPORT).expect("report");
    let big = picked.path().join("backup.iso");
    std::fs::File::create(&big)
        .and_then(|file| file.set_len(30 * 1024 * 1024))
        .expect("30 MB file");
    let tomorrow = Local::now().date_naive().succ_opt().expect("tomorrow");
    let saved = std::sync::Mutex::new(String::new());

    let app = Harness::start("wizard_attachment_task", &database).await;
    app.run(async |app: &mut Harness| {
        log_in(app).await?;
        phone_call_to_script(app, &writer, "Sem internet; luz LOS vermelha.").await?;
        skip_script(
            app,
            "Sinal ruim na OLT; técnico deve ir ao local.",
            &kind.id.to_string(),
        )
        .await?;

        // Anexo: a file too large is refused with its size; the report is attached once.
        app.click("button#adicionar-anexo").await?;
        at_step(app, Step::Attachment).await?;
        app.element("#sem-anexos").await?;
        attach(app, &big).await?;
        error_at(
            app,
            "anexo",
            "O arquivo tem 30,0 MB; o limite para anexos é 25,0 MB.",
        )
        .await?;
        app.screenshot("anexo-grande-demais").await;
        attach(app, &report).await?;
        app.text_at(
            "#anexos li[data-file-name=\"laudo técnico.pdf\"]",
            "36 bytes",
        )
        .await?;
        attach(app, &report).await?;
        error_at(app, "anexo", "Este arquivo já está anexado").await?;
        app.fill(
            "textarea#anexo-observacoes-0",
            "Laudo da visita anterior, com a potência do sinal.",
        )
        .await?;
        app.screenshot("anexo").await;

        // Tarefa: every missing field is said at once; a wrong date at its field.
        app.click("button#voltar").await?;
        at_step(app, Step::FirstContact).await?;
        app.text_at("button#adicionar-anexo", "Adicionar Anexo (1)")
            .await?;
        app.click("button#criar-tarefa").await?;
        at_step(app, Step::Task).await?;
        app.click("button#salvar-atendimento").await?;
        error_at(app, "tarefa-titulo", "Preencha o título da tarefa.").await?;
        error_at(app, "tarefa-destino", "Escolha para quem é a tarefa.").await?;
        error_at(app, "tarefa-prazo", "Preencha o prazo da tarefa").await?;
        app.fill("input#tarefa-titulo", "Visita técnica: medir sinal")
            .await?;
        app.fill("textarea#tarefa-descricao", "Levar ONU reserva.")
            .await?;
        app.select("select#tarefa-destino", &role.0.to_string())
            .await?;
        app.fill("input#tarefa-prazo", "31/02/2026").await?;
        app.click("button#salvar-atendimento").await?;
        error_at(app, "tarefa-prazo", "Esta data não existe no calendário.").await?;
        app.screenshot("tarefa-prazo-errado").await;
        app.fill("input#tarefa-prazo", &format_date(tomorrow))
            .await?;
        app.screenshot("tarefa").await;

        // Saved open, with its protocol.
        let header = app.text_at("#protocolo", "Protocolo ").await?;
        let protocol = header.trim_start_matches("Protocolo ").to_owned();
        app.click("button#salvar-atendimento").await?;
        app.text_at("#atendimento-salvo", "Atendimento salvo")
            .await?;
        app.text_at("#protocolo-final", &protocol).await?;
        app.text_at("#situacao-final", "Aberto").await?;
        app.screenshot("atendimento-salvo").await;
        *saved.lock().expect("lock") = protocol.clone();
        app.click("button#concluir").await?;

        // Found by its protocol, the attachment and the task in its history.
        app.fill("input#consultar-protocolo", &format!("{protocol}\u{E007}"))
            .await?;
        app.text_at("#ticket-encontrado", &protocol).await?;
        let kinds = history_kinds(app).await?;
        if kinds != ["opened", "first_contact", "attachment", "task"] {
            return Err(format!("the history should be in order, is {kinds:?}"));
        }
        app.text_at("ol#historico", "laudo técnico.pdf").await?;
        app.text_at("ol#historico", "Visita técnica: medir sinal")
            .await?;
        app.screenshot("consulta-protocolo").await;

        // The task is for the operator's role: it is in their "Minhas Tarefas".
        app.click("button#minhas-tarefas").await?;
        app.text_at("table#tarefas", "Visita técnica: medir sinal")
            .await?;
        app.screenshot("minhas-tarefas").await;
        Ok(())
    })
    .await;

    // In the database: the attachment's row and stored content, the task for the role.
    let protocol: Protocol = saved
        .lock()
        .expect("lock")
        .parse()
        .expect("the protocol shown");
    let store = Store::open(&database).await.expect("store");
    let (file_name, hash, size, notes): (String, String, i64, String) = sqlx::query_as(
        "SELECT a.file_name, a.content_hash, a.size_bytes, a.notes
         FROM attachments a JOIN tickets t ON t.id = a.ticket_id WHERE t.protocol = ?1",
    )
    .bind(protocol.digits())
    .fetch_one(store.pool())
    .await
    .expect("one attachment");
    assert_eq!(file_name, "laudo técnico.pdf");
    assert_eq!(size, REPORT.len() as i64);
    assert_eq!(notes, "Laudo da visita anterior, com a potência do sinal.");
    let stored = AttachmentFiles::beside(&database)
        .path_of(&hash)
        .expect("a hash");
    assert_eq!(std::fs::read(stored).expect("stored file"), REPORT);
    let (title, role_id): (String, Option<sqlx::types::Uuid>) = sqlx::query_as(
        "SELECT k.title, k.assignee_role_id FROM tasks k JOIN tickets t ON t.id = k.ticket_id
         WHERE t.protocol = ?1",
    )
    .bind(protocol.digits())
    .fetch_one(store.pool())
    .await
    .expect("one task");
    assert_eq!(title, "Visita técnica: medir sinal");
    let Assignee::Role { id, .. } = role.1 else {
        unreachable!("a role was chosen")
    };
    assert_eq!(role_id, Some(id));
    store.close().await;
}
