//! The online-support messages behind "Filtros" and "Localizar Reg.", on a real database.
mod common;

use helpdesk_core::text::fold;
use helpdesk_store::support_messages::{self, NewSupportMessage};

const DAY: i64 = 86_400_000;

fn message(email: &str, subject: &str, day: i64) -> NewSupportMessage {
    NewSupportMessage {
        email: email.into(),
        subject: subject.into(),
        login: "joao.silva".into(),
        body: format!("{subject}: detalhes"),
        received_at: day * DAY,
    }
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
    let all = support_messages::from_sender(&test.store, &sender, 0, 100 * DAY, 50)
        .await
        .expect("messages");
    let subjects: Vec<_> = all.iter().map(|m| m.subject.as_str()).collect();
    assert_eq!(subjects, ["Lentidão à noite", "Sem conexão"]);
    let first_days = support_messages::from_sender(&test.store, &sender, 9 * DAY, 11 * DAY, 50)
        .await
        .expect("messages");
    assert_eq!(first_days.len(), 1);
    assert_eq!(first_days[0].subject, "Sem conexão");
    let one = support_messages::from_sender(&test.store, &sender, 0, 100 * DAY, 1)
        .await
        .expect("messages");
    assert_eq!(one[0].subject, "Lentidão à noite");
}
