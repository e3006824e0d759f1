//! One pass over a real Dovecot's mailbox: every kind of mail read, marked seen only once
//! taken, left unseen when unreadable or refused, moved when asked.
mod common;

use common::{dovecot_with, fixture, sized_key, sized_mail, Store};
use helpdesk_intake::test_server::{Dovecot, Options};
use helpdesk_intake::{take_unseen, BatchLimits, IncomingMessage, MailboxError};

const LIMIT: usize = 10 << 20;

/// The fixtures that are good mail.
const GOOD: &[&str] = &[
    "latin1-qp.eml",
    "cp1252-base64.eml",
    "utf8-subject.eml",
    "html-only.eml",
    "attachments.eml",
    "reply.eml",
    "no-message-id.eml",
];

#[tokio::test]
async fn every_kind_of_mail_is_read_and_then_marked_seen() {
    let server = Dovecot::start().expect("dovecot");
    for name in GOOD {
        server
            .client()
            .deliver(&fixture(name))
            .await
            .expect("delivered");
    }
    let store = Store::default();
    let report = take_unseen(
        &server.config(),
        LIMIT,
        BatchLimits::default(),
        store.sink(),
    )
    .await
    .expect("pass");
    assert_eq!(report.taken.len(), GOOD.len(), "{report:?}");
    assert!(report.left.is_empty(), "{report:?}");

    let latin1 = store.get("latin1-qp-1@exemplo.com.br");
    assert_eq!(latin1.from_name, "João Conceição");
    assert_eq!(latin1.from_email, "joao.conceicao@exemplo.com.br");
    assert_eq!(latin1.subject, "Sem conexão na região");
    assert!(
        latin1.text.contains("Estou sem conexão desde às 14h."),
        "{}",
        latin1.text
    );
    assert_eq!(latin1.quoted, "");
    assert_eq!(latin1.sent_at, Some(1_796_318_400_000));

    let cp1252 = store.get("cp1252-1@exemplo.com");
    assert_eq!(
        cp1252.text,
        "Olá,\n\nA fatura de “dezembro” veio com R$ 99,90 – mas o plano é € nenhum, é 100 MB."
    );

    let utf8 = store.get("utf8-1@exemplo.org");
    assert_eq!(utf8.subject, "Técnico não apareceu — protocolo 2026");
    assert_eq!(utf8.from_name, "Zé Ninguém");
    assert!(utf8.text.starts_with("O técnico ficou de vir às 9h"));

    let html = store.get("html-1@exemplo.com");
    assert_eq!(
        html.text,
        "Bom dia,\n\nMinha internet está lenta & caindo.\nVelocidade: 2 MB\n\nEndereço: Rua das Flores, 10\nBairro: Centro"
    );

    let attached = store.get("attach-1@exemplo.com");
    assert_eq!(attached.text, "Segue o comprovante e a foto.");
    let files: Vec<_> = attached
        .attachments
        .iter()
        .map(|file| (file.file_name.as_str(), file.content_type.as_str()))
        .collect();
    assert_eq!(
        files,
        [
            ("boleto.pdf", "application/pdf"),
            ("foto do roteador.png", "image/png")
        ]
    );
    assert_eq!(attached.attachments[0].content, fixture("boleto.pdf"));
    assert_eq!(attached.attachments[1].content, fixture("roteador.png"));

    let reply = store.get("reply-2@exemplo.com.br");
    assert_eq!(reply.text, "Reiniciei e voltou, obrigada!");
    assert!(reply
        .quoted
        .starts_with("Em sex., 4 de dez. de 2026 às 12:30, Suporte Provedor"));
    assert!(reply.quoted.ends_with("> Suporte"));
    assert_eq!(
        reply.in_reply_to.as_deref(),
        Some("proto-1@provedor.net.br")
    );
    assert_eq!(
        reply.references,
        ["first-0@exemplo.com.br", "proto-1@provedor.net.br"]
    );

    let hashed = store.get(&report.taken[6]);
    assert_eq!(hashed.message_id, None);
    assert_eq!(
        hashed.dedupe_key,
        helpdesk_intake::content_hash(&fixture("no-message-id.eml"))
    );

    assert_eq!(
        server
            .client()
            .search("INBOX", "UNSEEN")
            .await
            .expect("search"),
        Vec::<u32>::new()
    );
    assert_eq!(
        server
            .client()
            .search("INBOX", "SEEN")
            .await
            .expect("search")
            .len(),
        GOOD.len()
    );
    let again = take_unseen(
        &server.config(),
        LIMIT,
        BatchLimits::default(),
        store.sink(),
    )
    .await
    .expect("pass");
    assert!(again.taken.is_empty(), "nothing is taken twice: {again:?}");
}

#[tokio::test]
async fn a_duplicate_delivery_has_the_same_dedupe_key() {
    let server = dovecot_with(&["reply.eml", "reply.eml"]).await;
    let store = Store::default();
    let report = take_unseen(
        &server.config(),
        LIMIT,
        BatchLimits::default(),
        store.sink(),
    )
    .await
    .expect("pass");
    assert_eq!(
        report.taken,
        ["reply-2@exemplo.com.br", "reply-2@exemplo.com.br"]
    );
    assert_eq!(store.messages().len(), 1);
    assert_eq!(store.offers("reply-2@exemplo.com.br"), 2);
}

#[tokio::test]
async fn mail_without_sender_is_left_unseen_and_reported() {
    let server = dovecot_with(&["no-from.eml", "utf8-subject.eml"]).await;
    let store = Store::default();
    let report = take_unseen(
        &server.config(),
        LIMIT,
        BatchLimits::default(),
        store.sink(),
    )
    .await
    .expect("pass");
    assert_eq!(report.taken, ["utf8-1@exemplo.org"]);
    assert_eq!(
        report.left,
        ["A mensagem 1 da pasta INBOX não pôde ser lida: a mensagem não tem endereço de remetente (From)"]
    );
    assert_eq!(
        server
            .client()
            .search("INBOX", "UNSEEN")
            .await
            .expect("search"),
        [1]
    );
    assert_eq!(store.batches(), [1], "the readable mail alone");

    // A batch of nothing readable is not handed over at all.
    let store = Store::default();
    let again = take_unseen(
        &server.config(),
        LIMIT,
        BatchLimits::default(),
        store.sink(),
    )
    .await
    .expect("pass");
    assert!(again.taken.is_empty() && again.left.len() == 1, "{again:?}");
    assert!(store.batches().is_empty(), "{:?}", store.batches());
}

#[tokio::test]
async fn mail_the_sink_refuses_stays_unseen_until_taken() {
    let server = dovecot_with(&["latin1-qp.eml", "reply.eml"]).await;
    // Refuses any batch holding the first mail: the batch, then that mail alone.
    let offered = Store::default();
    let refuse_first = |batch: Vec<IncomingMessage>| {
        let refused = batch
            .iter()
            .any(|message| message.dedupe_key.starts_with("latin1"));
        if !refused {
            offered.take_batch(batch.clone());
        }
        let sizes = batch.len();
        async move {
            if refused {
                Err(format!("banco de dados indisponível ({sizes})"))
            } else {
                Ok(())
            }
        }
    };
    let report = take_unseen(
        &server.config(),
        LIMIT,
        BatchLimits::default(),
        refuse_first,
    )
    .await
    .expect("pass");
    assert_eq!(report.taken, ["reply-2@exemplo.com.br"]);
    assert_eq!(
        offered.batches(),
        [1],
        "taken alone, after its batch was refused"
    );
    assert_eq!(
        report.left,
        ["A mensagem latin1-qp-1@exemplo.com.br não foi guardada: banco de dados indisponível (1)"]
    );
    assert_eq!(
        server
            .client()
            .search("INBOX", "UNSEEN")
            .await
            .expect("search"),
        [1]
    );

    let store = Store::default();
    let retry = take_unseen(
        &server.config(),
        LIMIT,
        BatchLimits::default(),
        store.sink(),
    )
    .await
    .expect("pass");
    assert_eq!(retry.taken, ["latin1-qp-1@exemplo.com.br"]);
    assert_eq!(
        server
            .client()
            .search("INBOX", "UNSEEN")
            .await
            .expect("search"),
        Vec::<u32>::new()
    );
}

#[tokio::test]
async fn handled_mail_is_moved_when_asked() {
    let server = Dovecot::start().expect("dovecot");
    let mut config = server.config();
    config.move_handled_to = Some("Concluídos".into());
    let store = Store::default();
    let missing = take_unseen(&config, LIMIT, BatchLimits::default(), store.sink()).await;
    assert_eq!(
        missing,
        Err(MailboxError::FolderMissing("Concluídos".into()))
    );

    server
        .client()
        .create_folder("Concluídos")
        .await
        .expect("folder");
    server
        .client()
        .deliver(&fixture("utf8-subject.eml"))
        .await
        .expect("delivered");
    server
        .client()
        .deliver(&fixture("no-from.eml"))
        .await
        .expect("delivered");
    let report = take_unseen(&config, LIMIT, BatchLimits::default(), store.sink())
        .await
        .expect("pass");
    assert_eq!(report.taken, ["utf8-1@exemplo.org"]);
    assert_eq!(
        server
            .client()
            .search("INBOX", "ALL")
            .await
            .expect("search"),
        [2],
        "the unreadable one stays"
    );
    assert_eq!(
        server
            .client()
            .search("Concluídos", "ALL")
            .await
            .expect("search"),
        [1]
    );
    assert_eq!(
        server
            .client()
            .search("Concluídos", "UNSEEN")
            .await
            .expect("search"),
        [1],
        "moved as it was"
    );
}

#[tokio::test]
async fn without_move_handled_mail_is_copied_then_expunged() {
    let basic = Options {
        basic_capabilities: true,
        ..Options::default()
    };
    let server = Dovecot::start_with(basic).expect("dovecot");
    let client = server.client();
    client.create_folder("Concluídos").await.expect("folder");
    client
        .deliver(&fixture("no-from.eml"))
        .await
        .expect("delivered");
    client
        .deliver(&fixture("reply.eml"))
        .await
        .expect("delivered");
    let mut config = server.config();
    config.move_handled_to = Some("Concluídos".into());
    let store = Store::default();
    let report = take_unseen(&config, LIMIT, BatchLimits::default(), store.sink())
        .await
        .expect("pass");
    assert_eq!(report.taken, ["reply-2@exemplo.com.br"]);
    assert_eq!(client.search("INBOX", "ALL").await.expect("search"), [1]);
    assert_eq!(
        client.search("INBOX", "DELETED").await.expect("search"),
        Vec::<u32>::new()
    );
    assert_eq!(
        client.search("Concluídos", "ALL").await.expect("search"),
        [1]
    );
}

#[tokio::test]
async fn mail_is_fetched_and_handed_over_in_batches_within_the_limits() {
    let server = Dovecot::start().expect("dovecot");
    let client = server.client();
    for index in 0..7 {
        client
            .deliver(&sized_mail(index, 1000))
            .await
            .expect("delivered");
    }
    let by_count = BatchLimits {
        messages: 3,
        bytes: 1 << 20,
    };
    let store = Store::default();
    let report = take_unseen(&server.config(), LIMIT, by_count, store.sink())
        .await
        .expect("pass");
    assert_eq!(store.batches(), [3, 3, 1]);
    let keys: Vec<String> = (0..7).map(sized_key).collect();
    assert_eq!(report.taken, keys, "each once, in mailbox order");
    assert!(report.left.is_empty(), "{report:?}");
    assert_eq!(
        client.search("INBOX", "UNSEEN").await.expect("search"),
        Vec::<u32>::new()
    );

    // By size: two mails of about 1000 bytes fit in 2500, a mail over it comes alone.
    for (index, size) in [(7, 1000), (8, 1000), (9, 5000), (10, 1000), (11, 1000)] {
        client
            .deliver(&sized_mail(index, size))
            .await
            .expect("delivered");
    }
    let by_size = BatchLimits {
        messages: 100,
        bytes: 2500,
    };
    let store = Store::default();
    let report = take_unseen(&server.config(), LIMIT, by_size, store.sink())
        .await
        .expect("pass");
    assert_eq!(store.batches(), [2, 1, 2]);
    assert_eq!(report.taken.len(), 5, "{report:?}");
    assert_eq!(
        client.search("INBOX", "SEEN").await.expect("search").len(),
        12
    );
}
