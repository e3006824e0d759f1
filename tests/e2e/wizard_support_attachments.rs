//! A mail with a file, in the real window: origin "E-mail" goes through "Filtros" to
//! "Localizar Reg.", which lists only the mail (not the demo's other messages); the chosen
//! mail shows its file and, collapsed, the message it quoted; the customer is chosen by the
//! CPF/CNPJ the mail gave (its sender's address and login are nobody's); the file is in
//! "Anexo" before saving, and the saved ticket's page lists it as the customer's.
use helpdesk_core::attachment::DEFAULT_MAX_BYTES;
use helpdesk_core::customer::{CustomerSearch, SearchCondition, SearchField};
use helpdesk_core::support::MessageSource;
use helpdesk_core::support_attachment::FROM_MESSAGE_NOTE;
use helpdesk_core::wizard::Step;
use helpdesk_e2e::wizard::{advance, at_step, log_in, seeded_database, skip_script, Writer};
use helpdesk_e2e::Harness;
use helpdesk_store::attachment_files::AttachmentFiles;
use helpdesk_store::support_message_attachments::MessageFile;
use helpdesk_store::support_messages::{self, NewSupportMessage};
use helpdesk_store::{customers, now_millis, ticket_types, Store};

const FILE: &str = "luzes do roteador.jpg";

/// Stores a mail from an address nobody has, giving the writer's CPF/CNPJ, with a photo
/// (kept in the attachments folder as a pull from the server keeps it). Returns the id of
/// a ticket type.
async fn receive_mail(database: &std::path::Path, writer: &Writer) -> String {
    let store = Store::open(database).await.expect("store");
    let term = CustomerSearch {
        text: writer.customer.document.clone(),
        field: SearchField::Document,
        condition: SearchCondition::Equals,
        limit: 50,
    }
    .validate()
    .expect("a document search");
    let same_document = customers::search(&store, &term).await.expect("search");
    assert_eq!(
        same_document.len(),
        1,
        "the writer's CPF/CNPJ is theirs alone"
    );
    let picked = tempfile::tempdir().expect("temp dir");
    let photo = picked.path().join(FILE);
    std::fs::write(&photo, b"LOS aceso em vermelho").expect("the photo");
    let stored = AttachmentFiles::beside(database)
        .store(&photo, DEFAULT_MAX_BYTES)
        .expect("the photo kept");
    let mail = NewSupportMessage {
        email: "endereco.desconhecido@example.net".into(),
        subject: "Foto das luzes".into(),
        login: String::new(),
        body: "Segue a foto: a luz LOS está vermelha.".into(),
        received_at: now_millis() - 3_600_000,
        rfc_message_id: "<luzes.1@example.net>".into(),
        rfc_references: "<pedido.1@provedor.example>".into(),
        source: MessageSource::Mail,
        sender_name: writer.customer.name.clone(),
        document: writer.customer.document.clone(),
        quoted: "Em 04/12, Suporte escreveu:\n> Mande uma foto das luzes do roteador.".into(),
        attachments: vec![MessageFile {
            file_name: FILE.into(),
            content_type: "image/jpeg".into(),
            content_hash: stored.content_hash,
            size_bytes: i64::try_from(stored.size_bytes).expect("a small photo"),
        }],
    };
    support_messages::insert_many(&store, &[mail])
        .await
        .expect("the mail");
    let kind = ticket_types::list(&store)
        .await
        .expect("ticket types")
        .remove(0);
    store.close().await;
    kind.id.to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_mail_with_a_file_becomes_a_ticket_with_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (database, writer) = seeded_database(&dir).await;
    let kind = receive_mail(&database, &writer).await;
    let app = Harness::start("wizard_support_attachments", &database).await;
    app.run(async |app: &mut Harness| {
        log_in(app).await?;
        app.click("button#novo-atendimento").await?;
        at_step(app, Step::Origin).await?;
        app.check("input[name=\"origem\"][value=\"Email\"]").await?;
        advance(app).await?;

        // E-mail goes through Filtros; Localizar Reg. lists only the mail.
        at_step(app, Step::Filters).await?;
        app.fill("input#dias", "400").await?;
        advance(app).await?;
        at_step(app, Step::FindMessage).await?;
        app.text_at(".query-heading", "Todas as mensagens recebidas por e-mail")
            .await?;
        app.text_is("#mensagens-contagem", "1 mensagem").await?;
        app.press("table#mensagens", "\u{E015}").await?;
        app.element("#mensagens tbody tr.selected").await?;
        app.text_at("#relato-texto", "a luz LOS está vermelha")
            .await?;
        app.text_at("#relato-anexos", FILE).await?;
        app.text_at("#relato-anexos", "21 bytes").await?;
        app.text_at("#relato-anterior summary", "Mensagem anterior")
            .await?;
        app.screenshot("mensagem-com-anexo").await;

        // The customer, by the CPF/CNPJ alone.
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
        skip_script(app, "Recebida a foto: LOS vermelho.", &kind).await?;

        // The mail's file is already the ticket's, in "Anexo".
        app.text_at("button#adicionar-anexo", "Adicionar Anexo (1)")
            .await?;
        app.click("button#adicionar-anexo").await?;
        at_step(app, Step::Attachment).await?;
        app.text_at(&format!("#anexos li[data-file-name=\"{FILE}\"]"), FILE)
            .await?;
        app.screenshot("anexo-da-mensagem").await;
        app.click("button#voltar").await?;
        at_step(app, Step::FirstContact).await?;

        let header = app.text_at("#protocolo", "Protocolo ").await?;
        let protocol = header.trim_start_matches("Protocolo ").to_owned();
        app.click("button#salvar-atendimento").await?;
        app.text_at("#protocolo-final", &protocol).await?;
        app.click("button#concluir").await?;

        // The ticket's page lists the file, noted as the customer's.
        app.fill("input#consultar-protocolo", &format!("{protocol}\u{E007}"))
            .await?;
        app.text_at("#ticket-encontrado", &protocol).await?;
        app.click("button#abrir-atendimento").await?;
        app.text_at("#anexos", FILE).await?;
        app.text_at("#anexos", FROM_MESSAGE_NOTE).await?;
        app.screenshot("atendimento-com-anexo-da-mensagem").await;
        Ok(())
    })
    .await;
}
