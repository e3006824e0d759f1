//! What is destined to the operator personally (their open tickets and open tasks), and
//! which of it the desktop tells them of with a notification: what someone else destined to
//! them since the last look. What they took themselves, and what was theirs when they signed
//! in, is not news (the queue shows it).
use std::collections::HashSet;

use uuid::Uuid;

use crate::protocol::Protocol;

/// The most characters of a ticket's problem a notification shows.
pub const PROBLEM_CHARS: usize = 160;

/// An open ticket or open task destined to the operator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destined {
    /// The ticket's or the task's id.
    pub id: Uuid,
    /// Who destined it: who last reassigned the ticket (or opened it), who created the task.
    pub by: Uuid,
    pub item: DestinedItem,
}

/// A ticket or a task, with what a notification names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DestinedItem {
    Ticket {
        protocol: Protocol,
        problem: String,
    },
    Task {
        title: String,
        /// The protocol of the ticket it belongs to, if any.
        protocol: Option<Protocol>,
    },
}

/// A desktop notification's text (pt-BR).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub title: String,
    pub body: String,
}

/// What in `now` (destined to `operator` at this look) was not there at the last look
/// (`before`, its ids) and was destined by someone else: what the desktop notifies.
pub fn news<'a>(operator: Uuid, before: &HashSet<Uuid>, now: &'a [Destined]) -> Vec<&'a Destined> {
    now.iter()
        .filter(|destined| destined.by != operator && !before.contains(&destined.id))
        .collect()
}

impl Destined {
    /// The notification telling of it: the protocol and the problem, or the task's title.
    pub fn notice(&self) -> Notice {
        match &self.item {
            DestinedItem::Ticket { protocol, problem } => Notice {
                title: format!("Atendimento {protocol} para você"),
                body: excerpt(problem, PROBLEM_CHARS),
            },
            DestinedItem::Task { title, protocol } => Notice {
                title: match protocol {
                    Some(protocol) => format!("Tarefa do atendimento {protocol} para você"),
                    None => "Tarefa para você".to_owned(),
                },
                body: title.clone(),
            },
        }
    }
}

/// `text` on one line (its runs of white space as one space), cut at `max` characters with
/// an ellipsis.
fn excerpt(text: &str, max: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        return line;
    }
    let kept: String = line.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    const OPERATOR: Uuid = Uuid::from_u128(100);
    const ANA: Uuid = Uuid::from_u128(200);

    fn protocol(sequence: u32) -> Protocol {
        Protocol {
            date: NaiveDate::from_ymd_opt(2026, 12, 5).expect("a date"),
            desktop: 1,
            sequence,
        }
    }

    fn ticket(n: u128, by: Uuid) -> Destined {
        Destined {
            id: Uuid::from_u128(n),
            by,
            item: DestinedItem::Ticket {
                protocol: protocol(1),
                problem: "Sem sinal".to_owned(),
            },
        }
    }

    fn ids(news: &[&Destined]) -> Vec<Uuid> {
        news.iter().map(|destined| destined.id).collect()
    }

    #[test]
    fn news_is_what_someone_else_destined_since_the_last_look() {
        let now = [ticket(1, ANA), ticket(2, ANA), ticket(3, OPERATOR)];
        let before: HashSet<Uuid> = [Uuid::from_u128(1)].into();
        assert_eq!(ids(&news(OPERATOR, &before, &now)), [Uuid::from_u128(2)]);
    }

    #[test]
    fn what_the_operator_destined_themselves_is_never_news() {
        let now = [ticket(1, OPERATOR)];
        assert!(news(OPERATOR, &HashSet::new(), &now).is_empty());
        // Ana's own look at the same ticket: she did not destine it.
        assert_eq!(ids(&news(ANA, &HashSet::new(), &now)), [Uuid::from_u128(1)]);
    }

    #[test]
    fn what_left_and_came_back_is_news_again() {
        // Reassigned away (gone from a look) and back: its id is no longer among the last
        // look's, so it is told of again.
        let first = [ticket(1, ANA)];
        let before: HashSet<Uuid> = first.iter().map(|destined| destined.id).collect();
        assert!(news(OPERATOR, &before, &first).is_empty());
        let after_it_left = HashSet::new();
        assert_eq!(
            ids(&news(OPERATOR, &after_it_left, &first)),
            [Uuid::from_u128(1)]
        );
    }

    #[test]
    fn a_ticket_is_told_by_its_protocol_and_problem() {
        let notice = ticket(1, ANA).notice();
        assert_eq!(notice.title, "Atendimento 261205-001-00001 para você");
        assert_eq!(notice.body, "Sem sinal");
    }

    #[test]
    fn a_task_is_told_by_its_title_and_its_tickets_protocol() {
        let task = |protocol| Destined {
            id: Uuid::from_u128(1),
            by: ANA,
            item: DestinedItem::Task {
                title: "Ligar para o cliente".to_owned(),
                protocol,
            },
        };
        let of_ticket = task(Some(protocol(7))).notice();
        assert_eq!(
            of_ticket.title,
            "Tarefa do atendimento 261205-001-00007 para você"
        );
        assert_eq!(of_ticket.body, "Ligar para o cliente");
        assert_eq!(task(None).notice().title, "Tarefa para você");
    }

    #[test]
    fn a_long_problem_is_one_line_cut_with_an_ellipsis() {
        assert_eq!(
            excerpt("Sem\n  sinal\tdesde ontem", 40),
            "Sem sinal desde ontem"
        );
        let long = "á".repeat(PROBLEM_CHARS + 10);
        let cut = excerpt(&long, PROBLEM_CHARS);
        assert_eq!(cut.chars().count(), PROBLEM_CHARS);
        assert!(cut.ends_with('…'));
        assert_eq!(
            excerpt(&"a".repeat(PROBLEM_CHARS), PROBLEM_CHARS).len(),
            PROBLEM_CHARS
        );
    }
}
