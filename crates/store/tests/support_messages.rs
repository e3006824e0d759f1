//! The online-support messages behind "Filtros" and "Localizar Reg.", on a real database:
//! where each stands (new, taken, handled), their order, and a reply's thread.
mod common;
mod desk;

use helpdesk_core::email::{EmailContext, EmailDraft, SmtpSecurity, SmtpSettings, Thread};
use helpdesk_core::protocol::Protocol;
use helpdesk_core::support::{ListedMessage, MessageSource, MessageState};
use helpdesk_core::text::fold;
use helpdesk_core::ticket::{NewTicket, TicketEmail};
use helpdesk_core::wizard::WizardDraft;
use helpdesk_store::email_outbox;
use helpdesk_store::support_messages::{self, MessageFilter, NewSupportMessage};
use helpdesk_store::{drafts, ticket_details, tickets, Store};
use uuid::Uuid;

const DAY: i64 = 86_400_000;

fn message(email: &str, subject: &str, day: i64) -> NewSupportMessage {
    NewSupportMessage {
        email: email.into(),
        subject: subject.into(),
        login: "joao.silva".into(),
        body: format!("{subject}: detalhes"),
        received_at: day * DAY,
        rfc_message_id: format!("<{day}.{}@cliente.example>", subject.len()),
        rfc_references: String::new(),
        source: MessageSource::Mail,
        sender_name: String::new(),
        document: String::new(),
        quoted: String::new(),
        attachments: Vec::new(),
    }
}

/// The messages of `email` (folded; `None`: all) from `from` to `to`, as `operator` sees them.
async fn list(
    store: &Store,
    email: Option<&str>,
    (from, to): (i64, i64),
    limit: u32,
    operator: Uuid,
) -> Vec<ListedMessage> {
    let filter = MessageFilter {
        email,
        from,
        to,
        limit,
        mail_only: false,
        operator,
    };
    support_messages::list(store, &filter)
        .await
        .expect("messages")
}

fn subjects(found: &[ListedMessage]) -> Vec<&str> {
    found.iter().map(|m| m.message.subject.as_str()).collect()
}

/// The stored id of the message with `subject`.
async fn id_of(store: &Store, subject: &str) -> Uuid {
    sqlx::query_scalar("SELECT id FROM support_messages WHERE subject = ?1")
        .bind(subject)
        .fetch_one(store.pool())
        .await
        .expect("message")
}

/// A ticket of the desk answering the message `message`, saved at `at`.
async fn answer(
    store: &Store,
    desk: &desk::Desk,
    sequence: u32,
    message: Uuid,
    at: i64,
    email: Option<TicketEmail>,
) -> Uuid {
    let ticket = NewTicket {
        support_message_id: Some(message),
        email,
        ..desk::new_ticket(desk, sequence)
    };
    tickets::save(store, &ticket, desk.ana, at)
        .await
        .expect("save")
        .saved()
        .expect("saved")
        .id
}

async fn seeded() -> common::TestStore {
    let test = common::open().await;
    support_messages::insert_many(
        &test.store,
        &[
            message("Joao.Silva@gmail.com", "Sem conexão", 10),
            message("joao.silva@gmail.com", "Lentidão à noite", 12),
            message("joana@uol.com.br", "Boleto", 11),
            message("joão.p@bol.com.br", "Wi-Fi", 13),
            message("maria@gmail.com", "Sem conexão", 14),
        ],
    )
    .await
    .expect("messages");
    test
}

#[tokio::test]
async fn suggestions_ignore_case_and_accents_and_list_each_sender_once() {
    let test = seeded().await;
    let found = support_messages::suggest_emails(&test.store, &fold("JOÃ"), 10)
        .await
        .expect("suggest");
    assert_eq!(
        found,
        [
            "joana@uol.com.br",
            "joão.p@bol.com.br",
            "Joao.Silva@gmail.com"
        ]
    );
    let found = support_messages::suggest_emails(&test.store, "jo", 2)
        .await
        .expect("suggest");
    assert_eq!(found.len(), 2);
    let none = support_messages::suggest_emails(&test.store, "%", 10)
        .await
        .expect("suggest");
    assert!(none.is_empty());
}

#[tokio::test]
async fn a_senders_messages_come_newest_first_within_the_period() {
    let test = seeded().await;
    let sender = fold("JOAO.SILVA@gmail.com");
    let nobody = Uuid::nil();
    let all = list(&test.store, Some(&sender), (0, 100 * DAY), 50, nobody).await;
    assert_eq!(subjects(&all), ["Lentidão à noite", "Sem conexão"]);
    assert!(all.iter().all(|m| m.state == MessageState::New));
    let first_days = list(&test.store, Some(&sender), (9 * DAY, 11 * DAY), 50, nobody).await;
    assert_eq!(subjects(&first_days), ["Sem conexão"]);
    let one = list(&test.store, Some(&sender), (0, 100 * DAY), 1, nobody).await;
    assert_eq!(subjects(&one), ["Lentidão à noite"]);
}

#[tokio::test]
async fn without_an_email_every_message_of_the_period_is_listed_newest_first() {
    let test = seeded().await;
    let all = list(&test.store, None, (0, 100 * DAY), 50, Uuid::nil()).await;
    assert_eq!(
        subjects(&all),
        [
            "Sem conexão",
            "Wi-Fi",
            "Lentidão à noite",
            "Boleto",
            "Sem conexão"
        ]
    );
    let some = list(&test.store, None, (11 * DAY, 13 * DAY), 2, Uuid::nil()).await;
    assert_eq!(subjects(&some), ["Wi-Fi", "Lentidão à noite"]);
}

#[tokio::test]
async fn each_message_says_if_it_is_new_taken_or_handled_and_new_ones_come_first() {
    let test = seeded().await;
    let store = &test.store;
    let desk = desk::desk(store).await;
    let (boleto, wifi, maria) = (
        id_of(store, "Boleto").await,
        id_of(store, "Wi-Fi").await,
        id_of(store, "Lentidão à noite").await,
    );
    // Juliana takes "Boleto" and "Lentidão à noite"; Ana answers "Lentidão à noite" and
    // "Wi-Fi" with tickets.
    for message in [boleto, maria] {
        assert!(
            support_messages::take(store, message, desk.juliana, 5 * DAY)
                .await
                .expect("take")
        );
    }
    assert!(
        !support_messages::take(store, Uuid::nil(), desk.juliana, 5 * DAY)
            .await
            .expect("take")
    );
    answer(store, &desk, 1, maria, desk::NOON, None).await;
    answer(store, &desk, 2, wifi, desk::NOON + desk::HOUR, None).await;

    let found = list(store, None, (0, 100 * DAY), 50, desk.ana).await;
    let states: Vec<(&str, &MessageState)> = found
        .iter()
        .map(|m| (m.message.subject.as_str(), &m.state))
        .collect();
    let juliana = MessageState::Taken {
        by: "Juliana Ribeiro".into(),
        mine: false,
        at: 5 * DAY,
    };
    assert_eq!(
        states,
        [
            ("Sem conexão", &MessageState::New),
            ("Sem conexão", &MessageState::New),
            ("Boleto", &juliana),
            ("Wi-Fi", &MessageState::Handled(vec![desk::protocol(2)])),
            (
                "Lentidão à noite",
                &MessageState::Handled(vec![desk::protocol(1)])
            ),
        ]
    );
    assert_eq!(found[0].message.received_at, 14 * DAY, "newest first");
    // Juliana sees her own take as hers.
    let hers = list(
        store,
        Some("joana@uol.com.br"),
        (0, 100 * DAY),
        50,
        desk.juliana,
    )
    .await;
    assert_eq!(
        hers[0].state,
        MessageState::Taken {
            by: "Juliana Ribeiro".into(),
            mine: true,
            at: 5 * DAY
        }
    );
    // Taking a message syncs.
    let queued: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM sync_outbox WHERE table_name = 'support_messages' AND row_id = ?1
           AND stamp = (SELECT changed_at FROM support_messages WHERE id = ?1)",
    )
    .bind(boleto)
    .fetch_one(store.pool())
    .await
    .expect("outbox");
    assert_eq!(queued, 1);
}

#[tokio::test]
async fn two_tickets_for_one_message_both_stay_and_each_names_the_other() {
    let test = seeded().await;
    let store = &test.store;
    let desk = desk::desk(store).await;
    let message = id_of(store, "Boleto").await;
    let first = answer(store, &desk, 7, message, desk::NOON, None).await;
    let second = answer(store, &desk, 3, message, desk::NOON + desk::HOUR, None).await;
    let lone = desk::ticket(store, &desk, 9, None, desk::NOON).await;

    let found = list(
        store,
        Some("joana@uol.com.br"),
        (0, 100 * DAY),
        50,
        desk.ana,
    )
    .await;
    let both: Vec<Protocol> = vec![desk::protocol(7), desk::protocol(3)];
    assert_eq!(found[0].state, MessageState::Handled(both), "oldest first");
    let same = |ticket| async move {
        ticket_details::details(store, ticket)
            .await
            .expect("details")
            .same_message
    };
    assert_eq!(same(first).await, [desk::protocol(3)]);
    assert_eq!(same(second).await, [desk::protocol(7)]);
    assert_eq!(same(lone).await, []);
}

#[tokio::test]
async fn the_e_mail_of_a_ticket_answers_its_message_in_its_thread() {
    let test = seeded().await;
    let store = &test.store;
    let desk = desk::desk(store).await;
    let message = id_of(store, "Boleto").await;
    sqlx::query("UPDATE support_messages SET rfc_references = ?2 WHERE id = ?1")
        .bind(message)
        .bind("<a@cliente.example> <b@provedor.example>")
        .execute(store.pool())
        .await
        .expect("references");
    let context = EmailContext {
        customer: "Joana".into(),
        protocol: desk::protocol(4).to_string(),
        contacted_at: chrono::DateTime::from_timestamp_millis(desk::NOON)
            .expect("time")
            .naive_utc(),
        plan: String::new(),
        problem: String::new(),
        visit: None,
        operator: "Ana".into(),
        ticket_type: String::new(),
    };
    let settings = SmtpSettings {
        host: "127.0.0.1".into(),
        port: 25,
        security: SmtpSecurity::None,
        username: String::new(),
        from_address: "atendimento@provedor.example".into(),
        copy_address: String::new(),
    };
    let email = EmailDraft {
        recipients: vec!["joana@uol.com.br".into()],
        subject: "Sobre o seu boleto".into(),
        body: "Segue a segunda via.".into(),
        ..EmailDraft::default()
    }
    .validate(None, &context, u64::MAX)
    .expect("e-mail");
    assert_eq!(
        email.subject,
        "Sobre o seu boleto [Protocolo 261128-003-00004]"
    );
    let queued = TicketEmail {
        from_address: settings.from_address.clone(),
        email,
    };
    answer(store, &desk, 4, message, desk::NOON, Some(queued)).await;
    let claimed = email_outbox::claim_due(store, desk::NOON + 1, 60_000, 10)
        .await
        .expect("claim");
    let boleto_id = "<11.6@cliente.example>";
    assert_eq!(
        claimed[0].thread,
        Thread {
            in_reply_to: boleto_id.into(),
            references: format!("<a@cliente.example> <b@provedor.example> {boleto_id}"),
        }
    );
}

#[tokio::test]
async fn a_discarded_draft_gives_its_message_back_unless_another_took_it() {
    let test = seeded().await;
    let store = &test.store;
    let desk = desk::desk(store).await;
    let all = || list(store, None, (0, 100 * DAY), 50, desk.ana);
    let messages = all().await;
    let (mine, theirs) = (&messages[0].message, &messages[1].message);
    for (user, message) in [(desk.ana, mine), (desk.carlos, theirs)] {
        let mut draft = WizardDraft::default();
        draft.choose_message(message.clone());
        draft.revision = 1;
        drafts::save(store, user, &draft).await.expect("draft");
        assert!(support_messages::take(store, message.id, user, 5 * DAY)
            .await
            .expect("take"));
    }
    // Juliana took Carlos's message after him: his discard leaves it hers.
    assert!(
        support_messages::take(store, theirs.id, desk.juliana, 6 * DAY)
            .await
            .expect("take")
    );
    drafts::discard(store, desk.ana).await.expect("discard");
    drafts::discard(store, desk.carlos).await.expect("discard");
    let states: Vec<(Uuid, MessageState)> = all()
        .await
        .into_iter()
        .map(|listed| (listed.message.id, listed.state))
        .collect();
    assert!(states.contains(&(mine.id, MessageState::New)));
    assert!(states.contains(&(
        theirs.id,
        MessageState::Taken {
            by: "Juliana Ribeiro".into(),
            mine: false,
            at: 6 * DAY
        }
    )));
}
