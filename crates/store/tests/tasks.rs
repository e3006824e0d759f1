//! Tasks on a real database: an operator's list (theirs and their role's, open ones first
//! by due date), a ticket's tasks and files, and "Concluir" with its history entry.
mod common;
mod desk;

use desk::{desk, kinds, task, ticket, HOUR, NOON};
use helpdesk_core::task_list::{CompletionError, TaskSummary};
use helpdesk_store::tasks::{self, CompleteOutcome};
use helpdesk_store::ticket_details;
use uuid::Uuid;

fn titles(tasks: &[TaskSummary]) -> Vec<&str> {
    tasks.iter().map(|task| task.title.as_str()).collect()
}

#[tokio::test]
async fn an_operator_sees_their_tasks_and_their_roles_open_ones_first_by_due_date() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let ana = desk.user(desk.ana, "Ana Souza");
    let later = ticket(
        store,
        &desk,
        1,
        Some(task("Retornar ligação", ana.clone(), NOON + 9 * HOUR)),
        NOON,
    )
    .await;
    let sooner = ticket(
        store,
        &desk,
        2,
        Some(task("Conferir sinal", desk.n1_role(), NOON + 2 * HOUR)),
        NOON,
    )
    .await;
    ticket(
        store,
        &desk,
        3,
        Some(task("Agendar visita", desk.n2_role(), NOON + HOUR)),
        NOON,
    )
    .await;
    ticket(
        store,
        &desk,
        4,
        Some(task(
            "Trocar ONU",
            desk.user(desk.juliana, "Juliana Ribeiro"),
            NOON,
        )),
        NOON,
    )
    .await;
    let gone = ticket(
        store,
        &desk,
        5,
        Some(task("Apagada", ana.clone(), NOON)),
        NOON,
    )
    .await;
    sqlx::query("UPDATE tasks SET deleted = 1 WHERE ticket_id = ?1")
        .bind(gone)
        .execute(store.pool())
        .await
        .expect("delete");

    let mine = tasks::for_user(store, desk.ana, 20).await.expect("tasks");
    assert_eq!(titles(&mine), ["Conferir sinal", "Retornar ligação"]);
    let first = &mine[0];
    assert_eq!(first.ticket_id, Some(sooner));
    assert_eq!(first.protocol, Some(desk::protocol(2)));
    assert_eq!(first.customer_name.as_deref(), Some("Ana Paula Ferreira"));
    assert_eq!(first.assignee, Some(desk.n1_role()));
    assert_eq!(first.due_at, Some(NOON + 2 * HOUR));
    assert_eq!(first.done_at, None);
    assert_eq!(first.created_by_name, "Ana Souza");
    assert_eq!(first.description, "Descrição de Conferir sinal");

    let carlos = tasks::for_user(store, desk.carlos, 20)
        .await
        .expect("tasks");
    assert_eq!(
        titles(&carlos),
        ["Agendar visita"],
        "his role's, not Juliana's own"
    );

    // Done: after the open ones, latest first, at most as many as asked.
    let [one, two] = [&mine[0], &mine[1]].map(|task| task.id);
    assert!(matches!(
        tasks::complete(store, one, desk.ana, NOON + 3 * HOUR)
            .await
            .expect("complete"),
        CompleteOutcome::Done(_)
    ));
    let mine = tasks::for_user(store, desk.ana, 20).await.expect("tasks");
    assert_eq!(titles(&mine), ["Retornar ligação", "Conferir sinal"]);
    assert_eq!(mine[1].done_at, Some(NOON + 3 * HOUR));
    tasks::complete(store, two, desk.ana, NOON + 4 * HOUR)
        .await
        .expect("complete");
    let mine = tasks::for_user(store, desk.ana, 1).await.expect("tasks");
    assert_eq!(titles(&mine), ["Retornar ligação"], "only the latest done");
    assert_eq!(
        kinds(store, later).await.last().map(String::as_str),
        Some("task_done")
    );
}

#[tokio::test]
async fn only_the_assignee_or_their_role_completes_a_task_once() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let id = ticket(
        store,
        &desk,
        1,
        Some(task("Agendar visita", desk.n2_role(), NOON + HOUR)),
        NOON,
    )
    .await;
    let task_id = tasks::of_ticket(store, id).await.expect("tasks")[0].id;

    assert_eq!(
        tasks::complete(store, task_id, desk.ana, NOON)
            .await
            .expect("complete"),
        CompleteOutcome::Refused(CompletionError::NotYours)
    );
    let CompleteOutcome::Done(done) = tasks::complete(store, task_id, desk.carlos, NOON + 2 * HOUR)
        .await
        .expect("complete")
    else {
        panic!("Carlos is Atendente N2");
    };
    assert_eq!(done.done_at, Some(NOON + 2 * HOUR));
    assert_eq!(done.title, "Agendar visita");
    assert_eq!(
        tasks::complete(store, task_id, desk.juliana, NOON + 3 * HOUR)
            .await
            .expect("complete"),
        CompleteOutcome::Refused(CompletionError::AlreadyDone)
    );
    assert_eq!(
        tasks::complete(store, Uuid::from_u128(9), desk.carlos, NOON)
            .await
            .expect("complete"),
        CompleteOutcome::NotFound
    );

    let history = helpdesk_store::tickets::history(store, id)
        .await
        .expect("history");
    let last = history.last().expect("an event");
    assert_eq!(last.kind, "task_done");
    assert_eq!(last.user_id, desk.carlos);
    assert_eq!(last.payload, r#"{"title":"Agendar visita"}"#);
    assert_eq!(
        history
            .iter()
            .filter(|event| event.kind == "task_done")
            .count(),
        1,
        "written once"
    );
}

#[tokio::test]
async fn the_ticket_page_has_its_history_files_and_tasks() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let id = ticket(
        store,
        &desk,
        1,
        Some(task("Agendar visita", desk.n2_role(), NOON + HOUR)),
        NOON,
    )
    .await;
    ticket(
        store,
        &desk,
        2,
        Some(task("Outra", desk.n2_role(), NOON)),
        NOON,
    )
    .await;

    let details = ticket_details::details(store, id).await.expect("details");
    let history: Vec<&str> = details.history.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(history, ["opened", "first_contact", "attachment", "task"]);
    assert_eq!(details.attachments.len(), 1);
    let file = &details.attachments[0];
    assert_eq!(
        (
            file.file_name.as_str(),
            file.size_bytes,
            file.notes.as_str(),
            file.added_by_name.as_str(),
            file.added_at
        ),
        (
            "foto-onu.jpg",
            1_258_291,
            "Luz LOS acesa",
            "Ana Souza",
            NOON
        )
    );
    assert_eq!(titles(&details.tasks), ["Agendar visita"]);

    let empty = ticket_details::details(store, Uuid::from_u128(3))
        .await
        .expect("details");
    assert!(empty.history.is_empty() && empty.attachments.is_empty() && empty.tasks.is_empty());
}
