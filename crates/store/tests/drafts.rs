//! The operator's wizard draft on a real database: saved, read back, never overwritten by an
//! older save, discarded, one per operator.
mod common;

use helpdesk_core::wizard::{Origin, Step, WizardDraft};
use helpdesk_store::catalog;
use helpdesk_store::{drafts, now_millis, Store};
use uuid::Uuid;

async fn operators(store: &Store, logins: &[&str]) -> Vec<Uuid> {
    let role = catalog::insert_role(store, "Atendente N1", false)
        .await
        .expect("role");
    let mut ids = Vec::new();
    for login in logins {
        ids.push(common::user(store, login, login, role).await);
    }
    ids
}

/// A draft at "Localizar Cliente" after a phone call, with a problem typed.
fn draft(revision: u64, problem: &str) -> WizardDraft {
    let mut draft = WizardDraft::default();
    draft.revision = revision;
    draft.problem = problem.into();
    draft.choose_origin(Origin::Phone);
    draft.advance().expect("advance");
    draft
}

async fn rows(store: &Store) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM wizard_drafts")
        .fetch_one(store.pool())
        .await
        .expect("count")
}

#[tokio::test]
async fn a_saved_draft_reads_back_as_it_was() {
    let test = common::open().await;
    let s = &test.store;
    let ana = operators(s, &["ana"]).await[0];
    assert_eq!(drafts::load(s, ana).await.expect("load"), None);

    let before = now_millis();
    let saved = draft(3, "Sem conexão desde ontem <b>à noite</b>");
    let saved_at = drafts::save(s, ana, &saved).await.expect("save");
    assert!(saved_at >= before);

    let loaded = drafts::load(s, ana).await.expect("load").expect("a draft");
    assert_eq!(loaded.draft, saved);
    assert_eq!(loaded.draft.current(), Step::FindCustomer);
    assert_eq!(loaded.saved_at, saved_at);
}

#[tokio::test]
async fn an_older_revision_does_not_overwrite_a_newer_one() {
    let test = common::open().await;
    let s = &test.store;
    let ana = operators(s, &["ana"]).await[0];
    drafts::save(s, ana, &draft(5, "novo")).await.expect("save");
    drafts::save(s, ana, &draft(4, "velho"))
        .await
        .expect("save");
    let loaded = drafts::load(s, ana).await.expect("load").expect("a draft");
    assert_eq!(
        (loaded.draft.revision, loaded.draft.problem.as_str()),
        (5, "novo")
    );

    drafts::save(s, ana, &draft(5, "mesma revisão"))
        .await
        .expect("save");
    drafts::save(s, ana, &draft(6, "mais novo"))
        .await
        .expect("save");
    let loaded = drafts::load(s, ana).await.expect("load").expect("a draft");
    assert_eq!(
        (loaded.draft.revision, loaded.draft.problem.as_str()),
        (6, "mais novo")
    );
    assert_eq!(rows(s).await, 1);
}

#[tokio::test]
async fn a_discarded_draft_is_gone() {
    let test = common::open().await;
    let s = &test.store;
    let ana = operators(s, &["ana"]).await[0];
    drafts::save(s, ana, &draft(1, "x")).await.expect("save");
    drafts::discard(s, ana).await.expect("discard");
    assert_eq!(drafts::load(s, ana).await.expect("load"), None);
    assert_eq!(rows(s).await, 0);
    drafts::discard(s, ana)
        .await
        .expect("discarding nothing is fine");
}

#[tokio::test]
async fn each_operator_has_their_own_draft() {
    let test = common::open().await;
    let s = &test.store;
    let ids = operators(s, &["ana", "bruno"]).await;
    let (ana, bruno) = (ids[0], ids[1]);
    drafts::save(s, ana, &draft(7, "da Ana"))
        .await
        .expect("save");
    drafts::save(s, bruno, &draft(1, "do Bruno"))
        .await
        .expect("save");
    let problem =
        |saved: Option<helpdesk_core::wizard::SavedDraft>| saved.expect("a draft").draft.problem;
    assert_eq!(problem(drafts::load(s, ana).await.expect("load")), "da Ana");
    assert_eq!(
        problem(drafts::load(s, bruno).await.expect("load")),
        "do Bruno"
    );

    drafts::discard(s, bruno).await.expect("discard");
    assert_eq!(problem(drafts::load(s, ana).await.expect("load")), "da Ana");
    assert_eq!(drafts::load(s, bruno).await.expect("load"), None);
}

#[tokio::test]
async fn an_unreadable_draft_counts_as_none_and_is_kept() {
    let test = common::open().await;
    let s = &test.store;
    let ana = operators(s, &["ana"]).await[0];
    sqlx::query(
        "INSERT INTO wizard_drafts (user_id, revision, draft, saved_at)
         VALUES (?1, 2, '{\"revision\": 2, \"from\": \"another version\"}', 0)",
    )
    .bind(ana)
    .execute(s.pool())
    .await
    .expect("insert");
    assert_eq!(drafts::load(s, ana).await.expect("load"), None);
    assert_eq!(rows(s).await, 1);

    drafts::save(s, ana, &draft(2, "de novo"))
        .await
        .expect("save");
    let loaded = drafts::load(s, ana).await.expect("load").expect("a draft");
    assert_eq!(loaded.draft.problem, "de novo");
}

#[tokio::test]
async fn a_draft_needs_an_existing_operator() {
    let test = common::open().await;
    let nobody = Uuid::now_v7();
    assert!(drafts::save(&test.store, nobody, &draft(1, "x"))
        .await
        .is_err());
}
