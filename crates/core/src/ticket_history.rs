//! A ticket's history as the operator reads it: each event's title and details, in pt-BR.
use serde_json::Value;

use crate::attachment::describe_size;
use crate::date::format_instant;
use crate::script::Answer;
use crate::ticket::TicketEvent;

/// The title and the details of a history entry; instants in it are shown at
/// `offset_minutes` from UTC (the desktop's zone).
pub fn describe(event: &TicketEvent, offset_minutes: i32) -> (String, Vec<String>) {
    let payload: Value = serde_json::from_str(&event.payload).unwrap_or(Value::Null);
    let text = |key: &str| {
        payload
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned()
    };
    match event.kind.as_str() {
        "opened" => (
            "Atendimento aberto".to_owned(),
            vec![format!(
                "Protocolo {} · origem {}",
                text("protocol"),
                text("origin")
            )],
        ),
        "script_report" => {
            let answers: Vec<Answer> = payload
                .get("answers")
                .cloned()
                .and_then(|answers| serde_json::from_value(answers).ok())
                .unwrap_or_default();
            let position = payload
                .get("position")
                .and_then(Value::as_u64)
                .and_then(|position| usize::try_from(position).ok())
                .unwrap_or(answers.len())
                .min(answers.len());
            (
                format!(
                    "Relatório do script {} (versão {})",
                    text("script_name"),
                    payload.get("version").and_then(Value::as_u64).unwrap_or(0)
                ),
                answers[..position]
                    .iter()
                    .map(|answer| format!("{} → {}", answer.question, answer.label))
                    .collect(),
            )
        }
        "first_contact" => (
            format!("Primeiro contato · {}", text("ticket_type")),
            vec![text("description")],
        ),
        "resolved" => ("Atendimento resolvido".to_owned(), Vec::new()),
        "follow_up" => ("Novo contato".to_owned(), vec![text("description")]),
        "status_changed" => (
            format!("Situação alterada: {} → {}", text("from"), text("to")),
            Vec::new(),
        ),
        "reassigned" => (
            format!("Reatribuído a {}", text("to")),
            vec![match payload.get("from").and_then(Value::as_str) {
                Some(from) => format!("Antes: {from}"),
                None => "Antes: sem destinatário".to_owned(),
            }],
        ),
        "closed" => ("Atendimento fechado".to_owned(), Vec::new()),
        "type_changed" => {
            let name = |key: &str| {
                payload
                    .get(key)
                    .and_then(Value::as_str)
                    .unwrap_or("sem tipo")
                    .to_owned()
            };
            let due = |key: &str| match payload.get(key).and_then(Value::as_i64) {
                Some(due) => format_instant(due, offset_minutes),
                None => "sem prazo".to_owned(),
            };
            let mut details = vec![format!(
                "Prazo: {} → {}",
                due("from_due_at"),
                due("to_due_at")
            )];
            if let Some(assignee) = payload.get("assignee").and_then(Value::as_str) {
                details.push(format!("Destinado a {assignee}"));
            }
            (
                format!("Tipo alterado: {} → {}", name("from"), name("to")),
                details,
            )
        }
        "attachment" => {
            let size = payload
                .get("size_bytes")
                .and_then(Value::as_u64)
                .unwrap_or(0);
            let mut details = vec![describe_size(size)];
            details.extend(non_empty(text("notes")));
            (format!("Anexo · {}", text("file_name")), details)
        }
        "task" => {
            let mut details = vec![format!("Para: {}", text("assignee"))];
            details.push(match payload.get("due_at").and_then(Value::as_i64) {
                Some(due) => format!("Prazo: {}", format_instant(due, offset_minutes)),
                None => "Sem prazo".to_owned(),
            });
            details.extend(non_empty(text("description")));
            (format!("Tarefa · {}", text("title")), details)
        }
        "task_done" => (format!("Tarefa concluída · {}", text("title")), Vec::new()),
        "work_order" => {
            let mut details = vec![
                visit_time(&payload, offset_minutes),
                format!("Status: {}", text("status")),
                text("address"),
            ];
            details.extend(non_empty(text("description")));
            (format!("Ordem de serviço · {}", text("type")), details)
        }
        "work_order_rescheduled" => (
            "Ordem de serviço reagendada".to_owned(),
            vec![
                format!(
                    "De: {}",
                    visit_time(payload.get("from").unwrap_or(&Value::Null), offset_minutes)
                ),
                format!(
                    "Para: {}",
                    visit_time(payload.get("to").unwrap_or(&Value::Null), offset_minutes)
                ),
            ],
        ),
        "work_order_status" => {
            let instant = |key: &str, label: &str| {
                payload
                    .get(key)
                    .and_then(Value::as_i64)
                    .map(|at| format!("{label}: {}", format_instant(at, offset_minutes)))
            };
            let mut details = Vec::new();
            details.extend(instant("started_at", "Início real"));
            details.extend(instant("finished_at", "Fim real"));
            details
                .extend(non_empty(text("outcome")).map(|outcome| format!("Resultado: {outcome}")));
            details.extend(non_empty(text("report")).map(|report| format!("Relatório: {report}")));
            (
                format!("Ordem de serviço: {} → {}", text("from"), text("to")),
                details,
            )
        }
        "email_queued" | "email_sent" | "email_failed" | "email_resent" | "email_cancelled" => {
            describe_email(&event.kind, &payload)
        }
        other => (other.to_owned(), vec![event.payload.clone()]),
    }
}

/// An e-mail of the outbox: queued, sent or failed (with why), queued again or cancelled
/// from the ticket's page; its subject and recipients.
fn describe_email(kind: &str, payload: &Value) -> (String, Vec<String>) {
    let list = |key: &str| -> String {
        payload
            .get(key)
            .and_then(Value::as_array)
            .map(|items| {
                items
                    .iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default()
    };
    let subject = payload.get("subject").and_then(Value::as_str).unwrap_or("");
    let title = match kind {
        "email_queued" => "E-mail na fila de envio",
        "email_sent" => "E-mail enviado",
        "email_resent" => "E-mail na fila de novo",
        "email_cancelled" => "E-mail cancelado",
        _ => "E-mail não enviado",
    };
    let mut details = vec![format!("Para: {}", list("to"))];
    details.extend(non_empty(list("cc")).map(|cc| format!("Cópia: {cc}")));
    if let Some(error) = payload.get("error").and_then(Value::as_str) {
        details.push(format!("Motivo: {error}"));
    }
    (format!("{title} · {subject}"), details)
}

/// "Carlos Lima · 28/11/2026 14:00–15:30" of a payload with `technician`, `starts_at` and
/// `ends_at`.
fn visit_time(place: &Value, offset_minutes: i32) -> String {
    let technician = place
        .get("technician")
        .and_then(Value::as_str)
        .unwrap_or("");
    let at = |key: &str| place.get(key).and_then(Value::as_i64).unwrap_or(0);
    let end = format_instant(at("ends_at"), offset_minutes);
    format!(
        "{technician} · {}–{}",
        format_instant(at("starts_at"), offset_minutes),
        end.rsplit(' ').next().unwrap_or("")
    )
}

/// `text`, unless it is blank.
fn non_empty(text: String) -> Option<String> {
    (!text.trim().is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    #[test]
    fn emails_tell_their_state_recipients_and_reason() {
        let payload = serde_json::json!({
            "to": ["a@b.com", "c@d.com"], "cc": [], "subject": "Protocolo 1",
            "message_id": "<x@helpdesk.local>", "error": "Senha recusada"
        });
        let (title, details) = describe(&event("email_failed", &payload.to_string()), -180);
        assert_eq!(title, "E-mail não enviado · Protocolo 1");
        assert_eq!(
            details,
            ["Para: a@b.com, c@d.com", "Motivo: Senha recusada"]
        );
    }

    use super::*;

    fn event(kind: &str, payload: &str) -> TicketEvent {
        TicketEvent {
            id: Uuid::from_u128(1),
            kind: kind.into(),
            payload: payload.into(),
            user_id: Uuid::from_u128(2),
            user_name: "Ana".into(),
            at: 0,
        }
    }

    fn describe_utc(event: &TicketEvent) -> (String, Vec<String>) {
        describe(event, 0)
    }

    #[test]
    fn each_kind_reads_in_portuguese() {
        let (title, details) = describe_utc(&event(
            "opened",
            r#"{"protocol":"261128-001-00001","origin":"Telefone"}"#,
        ));
        assert_eq!(title, "Atendimento aberto");
        assert_eq!(details, ["Protocolo 261128-001-00001 · origem Telefone"]);

        let report = r#"{"script_id":"00000000-0000-0000-0000-000000000003","script_name":"Sem conexão",
            "version":2,"answers":[
              {"node":"a","question":"Luzes?","option":0,"label":"LOS","at":1},
              {"node":"b","question":"Cabo?","option":1,"label":"Inteiro","at":2}],"position":1}"#;
        let (title, details) = describe_utc(&event("script_report", report));
        assert_eq!(title, "Relatório do script Sem conexão (versão 2)");
        assert_eq!(details, ["Luzes? → LOS"], "only the answers on the path");

        let (title, details) = describe_utc(&event(
            "first_contact",
            r#"{"description":"<b>Reiniciou</b>","ticket_type":"Sem conexão"}"#,
        ));
        assert_eq!(title, "Primeiro contato · Sem conexão");
        assert_eq!(details, ["<b>Reiniciou</b>"]);
        assert_eq!(
            describe_utc(&event("resolved", "{}")).0,
            "Atendimento resolvido"
        );
        assert_eq!(describe_utc(&event("other", "not json")).1, ["not json"]);
    }

    #[test]
    fn the_actions_after_the_wizard_read_in_portuguese() {
        assert_eq!(
            describe_utc(&event("follow_up", r#"{"description":"Voltou a cair."}"#)),
            ("Novo contato".to_owned(), vec!["Voltou a cair.".to_owned()])
        );
        assert_eq!(
            describe_utc(&event(
                "status_changed",
                r#"{"from":"Aberto","to":"Resolvido"}"#
            ))
            .0,
            "Situação alterada: Aberto → Resolvido"
        );
        assert_eq!(
            describe_utc(&event(
                "reassigned",
                r#"{"from":"Atendente N2 (cargo)","to":"Carlos Lima (usuário)"}"#
            )),
            (
                "Reatribuído a Carlos Lima (usuário)".to_owned(),
                vec!["Antes: Atendente N2 (cargo)".to_owned()]
            )
        );
        assert_eq!(
            describe_utc(&event(
                "reassigned",
                r#"{"from":null,"to":"Financeiro (cargo)"}"#
            ))
            .1,
            ["Antes: sem destinatário"]
        );
        assert_eq!(
            describe_utc(&event("closed", r#"{"from":"Resolvido"}"#)).0,
            "Atendimento fechado"
        );
        // 2026-11-28 16:00 UTC is 13:00 in São Paulo; 2026-12-01 12:00 UTC, 09:00.
        let changed = r#"{"from":"Sem conexão","to":"Mudança de endereço",
            "from_due_at":1795881600000,"to_due_at":1796126400000,
            "assignee":"Carlos Lima (usuário)"}"#;
        assert_eq!(
            describe(&event("type_changed", changed), -180),
            (
                "Tipo alterado: Sem conexão → Mudança de endereço".to_owned(),
                vec![
                    "Prazo: 28/11/2026 13:00 → 01/12/2026 09:00".to_owned(),
                    "Destinado a Carlos Lima (usuário)".to_owned()
                ]
            )
        );
        let from_nothing = r#"{"from":null,"to":"Lentidão","from_due_at":null,
            "to_due_at":1795881600000,"assignee":null}"#;
        assert_eq!(
            describe_utc(&event("type_changed", from_nothing)),
            (
                "Tipo alterado: sem tipo → Lentidão".to_owned(),
                vec!["Prazo: sem prazo → 28/11/2026 16:00".to_owned()]
            )
        );
    }

    #[test]
    fn attachments_and_tasks_from_the_wizard_read_in_portuguese() {
        assert_eq!(
            describe_utc(&event(
                "attachment",
                r#"{"file_name":"relatorio.pdf","size_bytes":1258291,"notes":"Laudo da ONU"}"#
            )),
            (
                "Anexo · relatorio.pdf".to_owned(),
                vec!["1,2 MB".to_owned(), "Laudo da ONU".to_owned()]
            )
        );
        assert_eq!(
            describe_utc(&event(
                "attachment",
                r#"{"file_name":"foto.jpg","size_bytes":900,"notes":""}"#
            ))
            .1,
            ["900 bytes"]
        );
        // 2026-11-28 12:00 UTC is 09:00 in São Paulo (UTC-3).
        let task = r#"{"title":"Ligar para o cliente","description":"Confirmar a visita.",
            "assignee":"Carlos Lima (usuário)","due_at":1795867200000}"#;
        assert_eq!(
            describe(&event("task", task), -180),
            (
                "Tarefa · Ligar para o cliente".to_owned(),
                vec![
                    "Para: Carlos Lima (usuário)".to_owned(),
                    "Prazo: 28/11/2026 09:00".to_owned(),
                    "Confirmar a visita.".to_owned()
                ]
            )
        );
        let undated = r#"{"title":"Conferir","description":"","assignee":"Financeiro (cargo)",
            "due_at":null}"#;
        assert_eq!(
            describe_utc(&event("task", undated)).1,
            ["Para: Financeiro (cargo)", "Sem prazo"]
        );
        assert_eq!(
            describe_utc(&event("task_done", r#"{"title":"Conferir"}"#)).0,
            "Tarefa concluída · Conferir"
        );
    }

    #[test]
    fn work_orders_read_with_their_technician_and_local_times() {
        // 17:00–18:30 UTC is 14:00–15:30 in São Paulo.
        let scheduled = r#"{"technician":"Carlos Lima","type":"Reparo","status":"Agendada",
            "starts_at":1795885200000,"ends_at":1795890600000,
            "address":"Rua das Flores, 120","description":"Trocar conector."}"#;
        assert_eq!(
            describe(&event("work_order", scheduled), -180),
            (
                "Ordem de serviço · Reparo".to_owned(),
                vec![
                    "Carlos Lima · 28/11/2026 14:00–15:30".to_owned(),
                    "Status: Agendada".to_owned(),
                    "Rua das Flores, 120".to_owned(),
                    "Trocar conector.".to_owned()
                ]
            )
        );
        let moved = r#"{"from":{"technician":"Carlos Lima","starts_at":1795885200000,
            "ends_at":1795890600000},"to":{"technician":"Rita Alves",
            "starts_at":1795892400000,"ends_at":1795897800000}}"#;
        assert_eq!(
            describe(&event("work_order_rescheduled", moved), -180).1,
            [
                "De: Carlos Lima · 28/11/2026 14:00–15:30",
                "Para: Rita Alves · 28/11/2026 16:00–17:30"
            ]
        );
    }

    #[test]
    fn a_status_change_of_a_work_order_reads_with_its_times_outcome_and_report() {
        let finished = r#"{"work_order":"x","from":"Em execução","to":"Concluída",
            "stage":"done","started_at":1795885200000,"finished_at":1795890600000,
            "outcome":"Resolvido no local","report":"Conector trocado."}"#;
        assert_eq!(
            describe(&event("work_order_status", finished), -180),
            (
                "Ordem de serviço: Em execução → Concluída".to_owned(),
                vec![
                    "Início real: 28/11/2026 14:00".to_owned(),
                    "Fim real: 28/11/2026 15:30".to_owned(),
                    "Resultado: Resolvido no local".to_owned(),
                    "Relatório: Conector trocado.".to_owned(),
                ]
            )
        );
        let started = r#"{"from":"Agendada","to":"Em execução","started_at":null,
            "finished_at":null,"outcome":null,"report":""}"#;
        assert!(describe(&event("work_order_status", started), -180)
            .1
            .is_empty());
    }
}
