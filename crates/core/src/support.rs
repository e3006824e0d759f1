//! The online support channel ("Suporte Online"): its messages and the "Filtros" that find
//! them.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use crate::customer::{parse_limit, DEFAULT_LIMIT};
use crate::date::{end_of_day, parse_date, start_of_day};
use crate::form::{FieldError, FieldErrors};
use crate::protocol::Protocol;
use crate::text;

pub use crate::support_attachment::MessageAttachment;

/// How many addresses "E-mail Suporte Online" suggests.
pub const SUGGESTIONS: u32 = 10;
/// The longest e-mail address (RFC 5321).
pub const MAX_EMAIL_CHARS: usize = 254;
/// The default "Período", in days.
pub const DEFAULT_DAYS: u32 = 30;
/// The longest "Período", in days (ten years).
pub const MAX_DAYS: u32 = 3650;

/// Field names of the "Filtros" form, shared by its errors and the UI.
pub mod fields {
    pub const DAYS: &str = "dias";
    pub const START: &str = "inicio";
    pub const END: &str = "fim";
    pub const LIMIT: &str = "quantidade";
    pub const EMAIL: &str = "email";
}

/// A message a customer sent to the online support channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SupportMessage {
    pub id: Uuid,
    /// The sender's address.
    pub email: String,
    pub subject: String,
    /// The PPPoE login the customer gave, possibly empty.
    pub login: String,
    /// The customer's report of the problem.
    pub body: String,
    /// When it arrived, Unix ms UTC.
    #[specta(type = f64)]
    pub received_at: i64,
    /// The sender's name as the mail or the portal gave it, possibly empty.
    #[serde(default)]
    pub sender_name: String,
    /// The customer's CPF or CNPJ (bare) given in the portal, possibly empty.
    #[serde(default)]
    pub document: String,
    /// The quoted replies and the signature of a mail, kept apart from `body`.
    #[serde(default)]
    pub quoted: String,
    /// The files that came with it.
    #[serde(default)]
    pub attachments: Vec<MessageAttachment>,
}

/// Where a message came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageSource {
    /// The support mailbox.
    Mail,
    /// The provider's site or app.
    Portal,
    /// The demonstration's data.
    Demo,
}

impl MessageSource {
    /// The stored value.
    pub fn code(self) -> &'static str {
        match self {
            MessageSource::Mail => "mail",
            MessageSource::Portal => "portal",
            MessageSource::Demo => "demo",
        }
    }
}

/// Where a message stands in "Localizar Reg.".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum MessageState {
    /// "Novo": no ticket, and nobody took it in the wizard.
    New,
    /// "Em atendimento": an operator took it in the wizard and saved no ticket yet.
    Taken {
        /// The operator's name.
        by: String,
        /// The operator asking is the one who took it.
        mine: bool,
        /// When, Unix ms UTC.
        #[specta(type = f64)]
        at: i64,
    },
    /// "Atendido": the protocols of its tickets, oldest first.
    Handled(Vec<Protocol>),
}

impl MessageState {
    /// What the list shows: "Novo", "Em atendimento (Ana Souza)", "Atendido (261128-…)".
    pub fn label(&self) -> String {
        match self {
            MessageState::New => "Novo".to_owned(),
            MessageState::Taken { by, .. } => format!("Em atendimento ({by})"),
            MessageState::Handled(protocols) => format!("Atendido ({})", joined(protocols)),
        }
    }

    /// Why choosing the message deserves a second thought (pt-BR), if it does: it has a
    /// ticket, or another operator took it.
    pub fn warning(&self) -> Option<String> {
        match self {
            MessageState::New | MessageState::Taken { mine: true, .. } => None,
            MessageState::Taken { by, .. } => Some(format!(
                "Esta mensagem já está em atendimento por {by}. Atender mesmo assim?"
            )),
            MessageState::Handled(protocols) => Some(format!(
                "Esta mensagem já foi atendida no protocolo {}. Abra o atendimento ou atenda \
                 mesmo assim.",
                joined(protocols)
            )),
        }
    }
}

/// "261128-001-00001, 261128-002-00001".
pub fn joined(protocols: &[Protocol]) -> String {
    protocols
        .iter()
        .map(Protocol::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A message as "Localizar Reg." lists it: the message and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ListedMessage {
    pub message: SupportMessage,
    pub state: MessageState,
}

/// Which messages by date: "Período" or "Intervalo de Datas".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum MessagePeriod {
    /// The last N days up to now.
    LastDays(u32),
    /// From the start of `start` to the end of `end`, in the desktop's local time.
    Between { start: NaiveDate, end: NaiveDate },
}

impl MessagePeriod {
    /// The first and last instants (Unix ms, both included) of the period, for a desktop at
    /// `now` (Unix ms) whose UTC offset on a given day, in minutes east, is `offset_on`
    /// (it changes with daylight saving time where there is one).
    pub fn bounds(self, now: i64, offset_on: impl Fn(NaiveDate) -> i32) -> (i64, i64) {
        match self {
            MessagePeriod::LastDays(days) => (now - i64::from(days) * 86_400_000, now),
            MessagePeriod::Between { start, end } => (
                start_of_day(start, offset_on(start)),
                end_of_day(end, offset_on(end)),
            ),
        }
    }
}

/// "Localizar Reg.": the messages of a period, of one sender or of all, new ones first, then
/// newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct MessageQuery {
    /// The sender's address, as typed or chosen; `None`: every sender.
    #[serde(default)]
    pub email: Option<String>,
    pub period: MessagePeriod,
    /// At most this many messages ("Quantidade").
    pub limit: u32,
    /// Only the messages that came by mail (origin "E-mail"); else every source.
    #[serde(default)]
    pub mail_only: bool,
}

impl MessageQuery {
    /// Checks a query that did not come from [`FilterForm::validate`] (e.g. over IPC).
    pub fn validate(&self) -> Result<(), FieldError> {
        let form = FilterForm::from_query(self);
        form.validate()
            .map(|_| ())
            .map_err(|mut errors| errors.remove(0))
    }

    /// The sender's address in its stored, searchable form; `None`: every sender.
    pub fn folded_email(&self) -> Option<String> {
        self.email
            .as_deref()
            .map(|email| text::fold(email.trim()))
            .filter(|email| !email.is_empty())
    }
}

/// "Período" or "Intervalo de Datas".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum PeriodMode {
    LastDays,
    DateRange,
}

/// The "Filtros" form, as typed (kept as text so a wrong value can be shown and corrected).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct FilterForm {
    pub mode: PeriodMode,
    /// "Período": the last N days.
    pub days: String,
    /// "Intervalo de Datas": "dd/mm/aaaa".
    pub start: String,
    pub end: String,
    /// "Quantidade".
    pub limit: String,
    /// "E-mail Suporte Online"; empty: every sender ("Selecione a opção").
    pub email: String,
}

impl Default for FilterForm {
    fn default() -> Self {
        Self {
            mode: PeriodMode::LastDays,
            days: DEFAULT_DAYS.to_string(),
            start: String::new(),
            end: String::new(),
            limit: DEFAULT_LIMIT.to_string(),
            email: String::new(),
        }
    }
}

impl FilterForm {
    /// The query, or every reason (at its field) why the form is refused.
    pub fn validate(&self) -> Result<MessageQuery, Vec<FieldError>> {
        let mut errors = FieldErrors::default();
        let period = match self.mode {
            PeriodMode::LastDays => match self.days.trim().parse::<i64>() {
                Ok(days) if (1..=i64::from(MAX_DAYS)).contains(&days) => {
                    u32::try_from(days).ok().map(MessagePeriod::LastDays)
                }
                Ok(_) => {
                    errors.add(
                        fields::DAYS,
                        format!("O período vai de 1 a {MAX_DAYS} dias."),
                    );
                    None
                }
                Err(_) => {
                    errors.add(fields::DAYS, "Informe o número de dias.");
                    None
                }
            },
            PeriodMode::DateRange => {
                let start = date_at(&mut errors, fields::START, &self.start);
                let end = date_at(&mut errors, fields::END, &self.end);
                match (start, end) {
                    (Some(start), Some(end)) if start > end => {
                        errors.add(
                            fields::START,
                            "A data inicial não pode ser depois da data final.",
                        );
                        None
                    }
                    (Some(start), Some(end)) => Some(MessagePeriod::Between { start, end }),
                    _ => None,
                }
            }
        };
        let limit = parse_limit(&self.limit)
            .map_err(|error| errors.add(fields::LIMIT, error.to_string()))
            .ok();
        let email = self.email.trim();
        if email.chars().count() > MAX_EMAIL_CHARS {
            errors.add(
                fields::EMAIL,
                format!("Use no máximo {MAX_EMAIL_CHARS} caracteres."),
            );
        } else if !email.is_empty() && !email.contains('@') {
            errors.add(
                fields::EMAIL,
                "Escolha um endereço da lista ou digite o e-mail completo.",
            );
        }
        errors.into_result(|| MessageQuery {
            email: (!email.is_empty()).then(|| email.to_owned()),
            period: period.unwrap_or(MessagePeriod::LastDays(DEFAULT_DAYS)),
            limit: limit.unwrap_or(DEFAULT_LIMIT),
            mail_only: false,
        })
    }

    fn from_query(query: &MessageQuery) -> Self {
        let (mode, days, start, end) = match query.period {
            MessagePeriod::LastDays(days) => (
                PeriodMode::LastDays,
                days.to_string(),
                String::new(),
                String::new(),
            ),
            MessagePeriod::Between { start, end } => (
                PeriodMode::DateRange,
                String::new(),
                crate::date::format_date(start),
                crate::date::format_date(end),
            ),
        };
        Self {
            mode,
            days,
            start,
            end,
            limit: query.limit.to_string(),
            email: query.email.clone().unwrap_or_default(),
        }
    }
}

fn date_at(errors: &mut FieldErrors, field: &str, typed: &str) -> Option<NaiveDate> {
    if typed.trim().is_empty() {
        errors.add(field, "Informe a data (dd/mm/aaaa).");
        return None;
    }
    parse_date(typed)
        .map_err(|error| errors.add(field, error.to_string()))
        .ok()
}

/// The typed start of an address, reduced for the suggestions' prefix search; `None` when
/// there is nothing to suggest from.
pub fn suggestion_prefix(typed: &str) -> Option<String> {
    let folded = text::fold(typed.trim());
    (!folded.is_empty() && folded.chars().count() <= MAX_EMAIL_CHARS).then_some(folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> FilterForm {
        FilterForm {
            email: "maria@example.com".into(),
            ..FilterForm::default()
        }
    }

    fn fields_of(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn the_default_period_is_the_last_days() {
        let query = form().validate().expect("valid");
        assert_eq!(query.period, MessagePeriod::LastDays(DEFAULT_DAYS));
        assert_eq!(query.limit, DEFAULT_LIMIT);
        assert_eq!(query.validate(), Ok(()));
    }

    #[test]
    fn every_wrong_field_is_reported() {
        let errors = FilterForm {
            days: "0".into(),
            limit: "9999".into(),
            email: "maria".into(),
            ..FilterForm::default()
        }
        .validate()
        .expect_err("invalid");
        assert_eq!(
            fields_of(&errors),
            [fields::DAYS, fields::LIMIT, fields::EMAIL]
        );
    }

    #[test]
    fn without_an_email_every_sender_of_the_period_is_asked_for() {
        let query = FilterForm {
            email: "   ".into(),
            ..FilterForm::default()
        }
        .validate()
        .expect("valid");
        assert_eq!(query.email, None);
        assert_eq!(query.folded_email(), None);
        assert_eq!(query.validate(), Ok(()));
        let over_ipc = MessageQuery {
            email: Some(" ".into()),
            ..query.clone()
        };
        assert_eq!(over_ipc.validate(), Ok(()));
        assert_eq!(over_ipc.folded_email(), None);
        let old_form: MessageQuery =
            serde_json::from_str(r#"{"period":{"LastDays":30},"limit":50}"#).expect("json");
        assert_eq!(old_form, query);
    }

    #[test]
    fn a_message_state_says_where_it_stands_and_when_to_warn() {
        let protocol: Protocol = "26112800100001".parse().expect("protocol");
        let other: Protocol = "26112800200001".parse().expect("protocol");
        let taken = |mine| MessageState::Taken {
            by: "Ana Souza".into(),
            mine,
            at: 0,
        };
        assert_eq!(MessageState::New.label(), "Novo");
        assert_eq!(MessageState::New.warning(), None);
        assert_eq!(taken(true).label(), "Em atendimento (Ana Souza)");
        assert_eq!(taken(true).warning(), None);
        assert!(taken(false)
            .warning()
            .is_some_and(|w| w.contains("Ana Souza")));
        let handled = MessageState::Handled(vec![protocol, other]);
        assert_eq!(
            handled.label(),
            "Atendido (261128-001-00001, 261128-002-00001)"
        );
        assert!(handled
            .warning()
            .is_some_and(|w| w.contains("261128-001-00001, 261128-002-00001")));
    }

    #[test]
    fn date_ranges_are_checked() {
        let range = |start: &str, end: &str| FilterForm {
            mode: PeriodMode::DateRange,
            start: start.into(),
            end: end.into(),
            ..form()
        };
        let errors = range("31/02/2026", "").validate().expect_err("invalid");
        assert_eq!(fields_of(&errors), [fields::START, fields::END]);
        assert_eq!(errors[0].message, "Esta data não existe no calendário.");

        let errors = range("10/11/2026", "01/11/2026")
            .validate()
            .expect_err("invalid");
        assert_eq!(fields_of(&errors), [fields::START]);

        let query = range("01/11/2026", "01/11/2026").validate().expect("valid");
        let day = NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
        assert_eq!(
            query.period,
            MessagePeriod::Between {
                start: day,
                end: day
            }
        );
        assert_eq!(query.validate(), Ok(()));
    }

    #[test]
    fn a_query_from_elsewhere_is_checked_too() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).expect("date");
        let query = MessageQuery {
            email: Some("a@b.c".into()),
            period: MessagePeriod::Between {
                start: day(9),
                end: day(1),
            },
            limit: 50,
            mail_only: false,
        };
        assert_eq!(
            query.validate().map_err(|e| e.field),
            Err(fields::START.to_owned())
        );
        let query = MessageQuery {
            period: MessagePeriod::LastDays(MAX_DAYS + 1),
            ..query
        };
        assert_eq!(
            query.validate().map_err(|e| e.field),
            Err(fields::DAYS.to_owned())
        );
    }

    #[test]
    fn the_email_must_be_an_address() {
        for (typed, ok) in [("maria", false), (" MÁria@Example.com ", true)] {
            let result = FilterForm {
                email: typed.into(),
                ..FilterForm::default()
            }
            .validate();
            assert_eq!(result.is_ok(), ok, "{typed}");
        }
        let query = FilterForm {
            email: " MÁria@Example.com ".into(),
            ..FilterForm::default()
        }
        .validate()
        .expect("valid");
        assert_eq!(query.folded_email().as_deref(), Some("maria@example.com"));
    }

    #[test]
    fn bounds_of_a_period() {
        let now = 1_795_834_800_000;
        assert_eq!(
            MessagePeriod::LastDays(2).bounds(now, |_| -180),
            (now - 2 * 86_400_000, now)
        );
        let day = NaiveDate::from_ymd_opt(2026, 11, 28).expect("date");
        assert_eq!(
            MessagePeriod::Between {
                start: day,
                end: day
            }
            .bounds(now, |_| -180),
            (now, now + 86_399_999)
        );
        // Each end of the range at its own day's offset (daylight saving time elsewhere).
        let winter = NaiveDate::from_ymd_opt(2026, 1, 15).expect("date");
        let summer = NaiveDate::from_ymd_opt(2026, 7, 15).expect("date");
        let offset_on = |date: NaiveDate| if date == winter { 60 } else { 120 };
        let (from, to) = MessagePeriod::Between {
            start: winter,
            end: summer,
        }
        .bounds(now, offset_on);
        assert_eq!(from, start_of_day(winter, 60));
        assert_eq!(to, end_of_day(summer, 120));
    }

    #[test]
    fn suggestions_need_a_first_letter() {
        assert_eq!(suggestion_prefix("  "), None);
        assert_eq!(suggestion_prefix("Jo"), Some("jo".into()));
        assert_eq!(suggestion_prefix("Jõ").as_deref(), Some("jo"));
    }
}
