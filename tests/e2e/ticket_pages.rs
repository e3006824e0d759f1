//! Tickets after the wizard, in the real app window: the operator opens "Atendimentos",
//! filters by status and by protocol, opens a ticket, adds a follow-up contact (an empty
//! one first: the message at the field), reassigns, resolves and closes it (after
//! confirming), seeing each in the history; then "Minhas Tarefas", where a task is done.
//! The database is read afterwards through the store.
use helpdesk_core::task_list::TaskSummary;
use helpdesk_core::ticket::{TicketFilter, TicketStatus, TicketSummary};
use helpdesk_core::ticket_type::Assignee;
use helpdesk_demo::OPERATOR;
use helpdesk_e2e::wizard::{error_at, log_in};
use helpdesk_e2e::{Harness, StepResult};
use helpdesk_store::{people, tasks, tickets, Store};
use uuid::Uuid;

const FOLLOW_UP: &str = "Cliente retornou: a conexão voltou após a troca do conector.";

/// What the test works on, read from the demo data as stored.
struct Chosen {
    ticket: TicketSummary,
    /// Who to reassign it to: a user it is not with.
    reassign_to: (Uuid, String),
    /// An open task of the demo operator.
    task: TaskSummary,
}

async fn seeded_database(dir: &tempfile::TempDir) -> (std::path::PathBuf, Chosen) {
    let (path, store) = helpdesk_e2e::demo::desk_with_tickets(dir).await;
    let open = TicketFilter {
        status: Some(TicketStatus::Open),
        ..TicketFilter::default()
    };
    let ticket = tickets::list(&store, &open)
        .await
        .expect("tickets")
        .into_iter()
        .next()
        .expect("an open ticket");
    let reassign_to = people::assignees(&store)
        .await
        .expect("assignees")
        .into_iter()
        .find_map(|assignee| match assignee {
            Assignee::User { id, name, .. }
                if Some(id) != user_of(&ticket) && name != OPERATOR.name =>
            {
                Some((id, name))
            }
            _ => None,
        })
        .expect("another user");
    let operator = people::authenticate(&store, OPERATOR.login, OPERATOR.password)
        .await
        .expect("log-in")
        .expect("the demo operator");
    let task = tasks::for_user(&store, operator.id, 20)
        .await
        .expect("tasks")
        .into_iter()
        .find(|task| task.done_at.is_none() && task.ticket_id != Some(ticket.id))
        .expect("an open task of the demo operator");
    store.close().await;
    (
        path,
        Chosen {
            ticket,
            reassign_to,
            task,
        },
    )
}

fn user_of(ticket: &TicketSummary) -> Option<Uuid> {
    match &ticket.assignee {
        Some(Assignee::User { id, .. }) => Some(*id),
        _ => None,
    }
}

/// Waits for the history entry of `kind` containing `text`.
async fn in_history(app: &Harness, kind: &str, text: &str) -> StepResult {
    app.text_at(&format!("#historico li[data-kind=\"{kind}\"]"), text)
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn operator_follows_up_reassigns_resolves_and_closes_a_ticket() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (database, chosen) = seeded_database(&dir).await;
    let protocol = chosen.ticket.protocol.to_string();
    let app = Harness::start("ticket_pages", &database).await;
    let (reassign_id, reassign_name) = chosen.reassign_to.clone();
    let task_id = chosen.task.id.to_string();
    app.run(async |app: &mut Harness| {
        log_in(app).await?;

        // The list, newest first; then only the open ones.
        app.click("button#atendimentos").await?;
        app.element("table#atendimentos-lista tbody tr").await?;
        app.screenshot("atendimentos").await;
        app.select("select#filtro-situacao", "Open").await?;
        app.click("button#filtrar").await?;
        app.gone("table#atendimentos-lista tr[data-status=\"Resolvido\"]")
            .await?;
        app.element(&format!(
            "table#atendimentos-lista tr[data-protocol=\"{protocol}\"]"
        ))
        .await?;

        // A protocol typed finds that one ticket.
        app.fill("input#filtro-protocolo", &protocol.replace('-', ""))
            .await?;
        app.click("button#filtrar").await?;
        app.text_is("#atendimentos-contagem", "1 atendimento")
            .await?;
        app.screenshot("filtro-protocolo").await;
        app.click(&format!("button.abrir[data-protocol=\"{protocol}\"]"))
            .await?;
        app.element(&format!(
            "main#atendimento[data-ticket-id=\"{}\"]",
            chosen.ticket.id
        ))
        .await?;
        app.text_at("#atendimento-situacao", "Aberto").await?;
        in_history(app, "opened", &protocol).await?;
        app.screenshot("atendimento").await;

        // An empty follow-up is refused at its field; a written one joins the history.
        app.click("button#registrar-contato").await?;
        error_at(app, "novo-contato", "Preencha a descrição do contato.").await?;
        app.screenshot("contato-vazio").await;
        app.fill("textarea#novo-contato", FOLLOW_UP).await?;
        app.click("button#registrar-contato").await?;
        in_history(app, "follow_up", FOLLOW_UP).await?;
        if !app.value("textarea#novo-contato").await?.is_empty() {
            return Err("the follow-up field is cleared once written".into());
        }

        // Reassigned to another user.
        app.select("select#reatribuir", &format!("u:{reassign_id}"))
            .await?;
        app.click("button#confirmar-reatribuir").await?;
        app.text_at("#atendimento-destino", &reassign_name).await?;
        in_history(app, "reassigned", &reassign_name).await?;

        // Resolved, then closed after confirming.
        app.click("button#resolver").await?;
        app.text_at("#atendimento-situacao", "Resolvido").await?;
        in_history(app, "status_changed", "Aberto → Resolvido").await?;
        app.click("button#fechar").await?;
        app.element("#confirmar-fechar").await?;
        app.screenshot("confirmar-fechar").await;
        app.click("button#confirmar-fechamento").await?;
        app.text_at("#atendimento-situacao", "Fechado").await?;
        in_history(app, "closed", "Atendimento fechado").await?;
        app.element("#atendimento-fechado").await?;
        app.gone("#acoes-atendimento").await?;
        app.screenshot("fechado").await;

        // "Minhas Tarefas": the operator's open task, done.
        app.click("button#minhas-tarefas").await?;
        app.element(&format!(
            "table#tarefas tr[data-task-id=\"{task_id}\"][data-done=\"false\"]"
        ))
        .await?;
        app.screenshot("minhas-tarefas").await;
        app.click(&format!("button.concluir[data-task-id=\"{task_id}\"]"))
            .await?;
        app.element(&format!(
            "table#tarefas tr[data-task-id=\"{task_id}\"][data-done=\"true\"]"
        ))
        .await?;
        app.screenshot("tarefa-concluida").await;
        Ok(())
    })
    .await;

    // What the window did, as stored.
    let store = Store::open(&database).await.expect("store");
    let (status, user): (String, Option<Uuid>) =
        sqlx::query_as("SELECT status, assigned_user_id FROM tickets WHERE id = ?1")
            .bind(chosen.ticket.id)
            .fetch_one(store.pool())
            .await
            .expect("ticket");
    assert_eq!(status, "Fechado");
    assert_eq!(user, Some(reassign_id));
    let history = tickets::history(&store, chosen.ticket.id)
        .await
        .expect("history");
    let kinds: Vec<&str> = history.iter().map(|event| event.kind.as_str()).collect();
    assert_eq!(
        kinds[kinds.len() - 4..],
        ["follow_up", "reassigned", "status_changed", "closed"]
    );
    let follow_up = &history[history.len() - 4];
    assert_eq!(follow_up.user_name, OPERATOR.name);
    assert!(
        follow_up.payload.contains(FOLLOW_UP),
        "{}",
        follow_up.payload
    );
    let done: Option<i64> = sqlx::query_scalar("SELECT done_at FROM tasks WHERE id = ?1")
        .bind(chosen.task.id)
        .fetch_one(store.pool())
        .await
        .expect("task");
    assert!(done.is_some(), "the task is done");
}
