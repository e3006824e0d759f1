//! A ticket's history as the operator reads it: each event's title and details, in pt-BR.
use serde_json::Value;

use crate::script::Answer;
use crate::ticket::TicketEvent;

/// The title and the details of a history entry.
pub fn describe(event: &TicketEvent) -> (String, Vec<String>) {
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
        other => (other.to_owned(), vec![event.payload.clone()]),
    }
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

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

    #[test]
    fn each_kind_reads_in_portuguese() {
        let (title, details) = describe(&event(
            "opened",
            r#"{"protocol":"261128-001-00001","origin":"Telefone"}"#,
        ));
        assert_eq!(title, "Atendimento aberto");
        assert_eq!(details, ["Protocolo 261128-001-00001 · origem Telefone"]);

        let report = r#"{"script_id":"00000000-0000-0000-0000-000000000003","script_name":"Sem conexão",
            "version":2,"answers":[
              {"node":"a","question":"Luzes?","option":0,"label":"LOS","at":1},
              {"node":"b","question":"Cabo?","option":1,"label":"Inteiro","at":2}],"position":1}"#;
        let (title, details) = describe(&event("script_report", report));
        assert_eq!(title, "Relatório do script Sem conexão (versão 2)");
        assert_eq!(details, ["Luzes? → LOS"], "only the answers on the path");

        let (title, details) = describe(&event(
            "first_contact",
            r#"{"description":"<b>Reiniciou</b>","ticket_type":"Sem conexão"}"#,
        ));
        assert_eq!(title, "Primeiro contato · Sem conexão");
        assert_eq!(details, ["<b>Reiniciou</b>"]);
        assert_eq!(
            describe(&event("resolved", "{}")).0,
            "Atendimento resolvido"
        );
        assert_eq!(describe(&event("other", "not json")).1, ["not json"]);
    }
}
