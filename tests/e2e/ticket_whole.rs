//! The whole ticket in the real window: a phone call saved through the wizard with an
//! attachment, then on its page: its sections (origin, problem, the attachment), "Abrir"
//! handing the file to the system's opener (a real `xdg-open`, whose default handler for
//! text files is the harness's script, `helpdesk_e2e::opener`: it records the path and the
//! SHA-256 of what it was given), a note ("Novo contato") and a task added from the page,
//! each in the history.
use chrono::Local;
use helpdesk_core::date::format_date;
use helpdesk_core::wizard::Step;
use helpdesk_e2e::opener::Handler;
use helpdesk_e2e::wizard::{at_step, log_in, phone_call_to_script, seeded_database, skip_script};
use helpdesk_e2e::Harness;
use helpdesk_store::{ticket_types, Store};

const PICKER: &str = "Anexar arquivo";
const NOTE: &[u8] = b"Potencia do sinal: -27 dBm na ONU.\n";

#[tokio::test(flavor = "multi_thread")]
async fn the_ticket_page_shows_everything_opens_its_file_and_takes_a_note_and_a_task() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (database, writer) = seeded_database(&dir).await;
    let kind = {
        let store = Store::open(&database).await.expect("store");
        let kind = ticket_types::list(&store)
            .await
            .expect("ticket types")
            .into_iter()
            .find(|kind| kind.assignee.is_some())
            .expect("a demo type destined to someone");
        store.close().await;
        kind
    };
    let picked = tempfile::tempdir().expect("the operator's folder");
    let note = picked.path().join("medição: sinal.txt");
    std::fs::write(&note, NOTE).expect("note");
    let handler = Handler::new(&dir.path().join("xdg"));
    let tomorrow = Local::now().date_naive().succ_opt().expect("tomorrow");
    let environment = handler.environment();
    let app = Harness::start_with("ticket_whole", &database, &environment.pairs()).await;
    let opened = std::sync::Mutex::new(None);
    app.run(async |app: &mut Harness| {
        log_in(app).await?;
        phone_call_to_script(app, &writer, "Internet lenta à noite.").await?;
        skip_script(app, "Sinal fraco na ONU.", &kind.id.to_string()).await?;
        app.click("button#adicionar-anexo").await?;
        at_step(app, Step::Attachment).await?;
        app.click("button#pesquisar-anexo").await?;
        app.answer_file_picker(PICKER, &note).await?;
        app.element("#anexos li[data-file-name=\"medição: sinal.txt\"]")
            .await?;
        app.fill(
            "textarea#anexo-observacoes-0",
            "Medição feita pelo cliente.",
        )
        .await?;
        let header = app.text_at("#protocolo", "Protocolo ").await?;
        let protocol = header.trim_start_matches("Protocolo ").to_owned();
        app.click("button#salvar-atendimento").await?;
        app.text_at("#atendimento-salvo", "Atendimento salvo")
            .await?;
        app.click("button#concluir").await?;

        // Its page: the sections the wizard recorded.
        app.fill("input#consultar-protocolo", &format!("{protocol}\u{E007}"))
            .await?;
        app.click("button#abrir-atendimento").await?;
        app.text_at("#atendimento-origem-tipo", "Telefone").await?;
        app.text_at("#atendimento-problema", "Internet lenta à noite.")
            .await?;
        app.text_at("ol#historico", "Sinal fraco na ONU.").await?;
        app.text_at("#anexos", "Medição feita pelo cliente.")
            .await?;
        app.element("#emails-vazio").await?;
        app.element("#ordens-servico-vazio").await?;
        app.screenshot("pagina").await;

        // "Abrir": the system's opener gets a copy of the file, checked, under a safe name.
        app.click("#anexos li button.abrir-anexo").await?;
        *opened.lock().expect("lock") = Some(handler.opened().await?);

        // A note and a task from the page, each in the history.
        app.fill("textarea#novo-contato", "Cliente enviou a medição.")
            .await?;
        app.click("button#registrar-contato").await?;
        app.element("ol#historico li[data-kind=\"follow_up\"]")
            .await?;
        app.click("button#nova-tarefa").await?;
        app.click("button#nova-tarefa-salvar").await?;
        app.text_at("#nova-tarefa-dialogo", "Preencha o título da tarefa.")
            .await?;
        app.fill("input#tarefa-titulo", "Conferir o sinal amanhã")
            .await?;
        app.select("select#tarefa-destino", "0").await?;
        app.fill("input#tarefa-prazo", &format_date(tomorrow))
            .await?;
        app.click("button#nova-tarefa-salvar").await?;
        app.gone("#nova-tarefa-dialogo").await?;
        app.text_at("#tarefas-atendimento", "Conferir o sinal amanhã")
            .await?;
        app.element("ol#historico li[data-kind=\"task\"]").await?;
        app.screenshot("nota-e-tarefa").await;
        Ok(())
    })
    .await;

    let (path, sha256) = opened.lock().expect("lock").clone().expect("opened");
    let store = Store::open(&database).await.expect("store");
    let hash: String = sqlx::query_scalar(
        "SELECT content_hash FROM attachments WHERE file_name = 'medição: sinal.txt'",
    )
    .fetch_one(store.pool())
    .await
    .expect("the attachment");
    assert_eq!(sha256, hash, "the opener got the attachment's content");
    assert!(
        path.ends_with("/medição_ sinal.txt"),
        "a safe name in the session's folder: {path}"
    );
}
