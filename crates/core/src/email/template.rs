//! Placeholders of "Modelo de E-mail": `{cliente}`, `{protocolo}` ... filled from the ticket,
//! `{{` and `}}` for a literal brace, and the checks of the administrator's template form.
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use crate::form::{required_text, FieldError, FieldErrors};

/// The longest template name, subject and body accepted.
pub const MAX_NAME_CHARS: usize = 120;
pub const MAX_SUBJECT_CHARS: usize = 250;
pub const MAX_BODY_CHARS: usize = 20_000;

/// Field names of the administrator's template form.
pub mod fields {
    pub const NAME: &str = "modelo-nome";
    pub const SUBJECT: &str = "modelo-assunto";
    pub const BODY: &str = "modelo-corpo";
    pub const ROLES: &str = "modelo-cargos";
}

/// The message when another template already has the name.
pub const NAME_TAKEN: &str = "Já existe um modelo de e-mail com este nome.";

/// Every placeholder a template may use, in the order the messages list them.
pub const PLACEHOLDERS: &[&str] = &[
    "cliente",
    "protocolo",
    "data_contato",
    "plano",
    "problema",
    "visita",
    "atendente",
    "tipo_atendimento",
];

/// The scheduled visit of the ticket, for `{visita}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct VisitInfo {
    /// Local time.
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub technician: String,
}

/// What the placeholders are filled with: the ticket as the wizard has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct EmailContext {
    /// `{cliente}`: the customer's name.
    pub customer: String,
    /// `{protocolo}`, as shown (`AAMMDD-DDD-SSSSS`).
    pub protocol: String,
    /// `{data_contato}`: when the contact began, local time (shown dd/mm/aaaa hh:mm).
    pub contacted_at: NaiveDateTime,
    /// `{plano}`: the plan's name, possibly empty.
    pub plan: String,
    /// `{problema}`.
    pub problem: String,
    /// `{visita}`: the scheduled visit, if any (empty otherwise).
    pub visit: Option<VisitInfo>,
    /// `{atendente}`: the operator's name (the shell fills it from the session).
    pub operator: String,
    /// `{tipo_atendimento}`: the ticket type's name, possibly empty.
    pub ticket_type: String,
}

impl EmailContext {
    /// The value of a known placeholder.
    fn value(&self, name: &str) -> Option<String> {
        Some(match name {
            "cliente" => self.customer.clone(),
            "protocolo" => self.protocol.clone(),
            "data_contato" => self.contacted_at.format("%d/%m/%Y %H:%M").to_string(),
            "plano" => self.plan.clone(),
            "problema" => self.problem.clone(),
            "visita" => self.visit.as_ref().map(describe_visit).unwrap_or_default(),
            "atendente" => self.operator.clone(),
            "tipo_atendimento" => self.ticket_type.clone(),
            _ => return None,
        })
    }
}

/// "05/12/2026 das 08:00 às 10:00, com o técnico João Lima".
fn describe_visit(visit: &VisitInfo) -> String {
    format!(
        "{} das {} às {}, com o técnico {}",
        visit.starts_at.format("%d/%m/%Y"),
        visit.starts_at.format("%H:%M"),
        visit.ends_at.format("%H:%M"),
        visit.technician
    )
}

/// A piece of a template's text.
enum Piece<'a> {
    Text(&'a str),
    Placeholder(&'a str),
}

/// Splits `text` into literal text and placeholders, or says why it cannot (an unclosed
/// brace). `{{` and `}}` are literal braces; a lone `}` is kept as written.
fn parse(text: &str) -> Result<Vec<Piece<'_>>, &'static str> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(['{', '}']) {
        pieces.push(Piece::Text(&rest[..at]));
        let after = &rest[at + 1..];
        if rest[at..].starts_with("{{") || rest[at..].starts_with("}}") {
            pieces.push(Piece::Text(&rest[at..=at]));
            rest = &after[1..];
        } else if rest[at..].starts_with('}') {
            pieces.push(Piece::Text("}"));
            rest = after;
        } else {
            let Some(end) = after
                .find(['}', '{', '\n'])
                .filter(|end| after[*end..].starts_with('}'))
            else {
                return Err("O modelo tem uma chave \"{\" sem fechamento. Para escrever uma chave, use \"{{\".");
            };
            pieces.push(Piece::Placeholder(&after[..end]));
            rest = &after[end + 1..];
        }
    }
    pieces.push(Piece::Text(rest));
    Ok(pieces)
}

/// The message naming the unknown placeholders and listing the known ones.
fn unknown_message(unknown: &[&str]) -> String {
    let named: Vec<String> = unknown.iter().map(|name| format!("{{{name}}}")).collect();
    let known: Vec<String> = PLACEHOLDERS
        .iter()
        .map(|name| format!("{{{name}}}"))
        .collect();
    let (names, verb) = match named.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            (format!("{} e {last}", rest.join(", ")), "não existem")
        }
        _ => (named.concat(), "não existe"),
    };
    format!(
        "O modelo usa {names}, que {verb}. Use: {}.",
        known.join(", ")
    )
}

/// `text` with every placeholder filled from `context`, or why not, at `field`: an unknown
/// placeholder (named, with the known ones listed) or an unclosed brace.
pub fn render(field: &str, text: &str, context: &EmailContext) -> Result<String, FieldError> {
    let pieces = parse(text).map_err(|message| FieldError::new(field, message))?;
    let mut unknown = Vec::new();
    let mut out = String::with_capacity(text.len());
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Placeholder(name) => match context.value(name) {
                Some(value) => out.push_str(&value),
                None if !unknown.contains(&name) => unknown.push(name),
                None => {}
            },
        }
    }
    if unknown.is_empty() {
        Ok(out)
    } else {
        Err(FieldError::new(field, unknown_message(&unknown)))
    }
}

/// Whether `text` uses only known placeholders and closes every brace; the reason at
/// `field` otherwise.
pub fn check_placeholders(field: &str, text: &str) -> Result<(), FieldError> {
    let pieces = parse(text).map_err(|message| FieldError::new(field, message))?;
    let mut unknown = Vec::new();
    for piece in pieces {
        if let Piece::Placeholder(name) = piece {
            if !PLACEHOLDERS.contains(&name) && !unknown.contains(&name) {
                unknown.push(name);
            }
        }
    }
    if unknown.is_empty() {
        Ok(())
    } else {
        Err(FieldError::new(field, unknown_message(&unknown)))
    }
}

/// The administrator's template form, as typed; `id` is `None` for a new template.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct EmailTemplateDraft {
    pub id: Option<Uuid>,
    pub name: String,
    pub subject: String,
    pub body: String,
    /// The roles that may use it; empty: every role.
    pub role_ids: Vec<Uuid>,
}

impl EmailTemplateDraft {
    /// The template as stored (name and subject trimmed, a new id when it has none), or every
    /// reason at its field. The name's uniqueness is the store's to check ([`NAME_TAKEN`]).
    pub fn validate(&self, new_id: Uuid) -> Result<super::EmailTemplate, Vec<FieldError>> {
        let mut errors = FieldErrors::default();
        let name = required_text(
            &mut errors,
            fields::NAME,
            "o nome do modelo",
            &self.name,
            MAX_NAME_CHARS,
        );
        let subject = required_text(
            &mut errors,
            fields::SUBJECT,
            "o assunto",
            &self.subject,
            MAX_SUBJECT_CHARS,
        );
        let body = required_text(
            &mut errors,
            fields::BODY,
            "o texto do e-mail",
            &self.body,
            MAX_BODY_CHARS,
        );
        for (field, text) in [(fields::SUBJECT, &subject), (fields::BODY, &body)] {
            if let Some(Err(error)) = text.as_deref().map(|text| check_placeholders(field, text)) {
                errors.add(&error.field, error.message);
            }
        }
        let mut role_ids = self.role_ids.clone();
        role_ids.sort_unstable();
        role_ids.dedup();
        errors.into_result(|| super::EmailTemplate {
            id: self.id.unwrap_or(new_id),
            name: name.unwrap_or_default(),
            subject: subject.unwrap_or_default(),
            body: body.unwrap_or_default(),
            role_ids,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("date")
    }

    fn context() -> EmailContext {
        EmailContext {
            customer: "João da Silva".into(),
            protocol: "261128-001-00042".into(),
            contacted_at: at("2026-11-28 09:05"),
            plan: "Fibra 500 Mega".into(),
            problem: "Sem conexão".into(),
            visit: None,
            operator: "Ana Souza".into(),
            ticket_type: "Suporte técnico".into(),
        }
    }

    #[test]
    fn fills_every_placeholder() {
        let mut context = context();
        let text = "{cliente}|{protocolo}|{data_contato}|{plano}|{problema}|{visita}|{atendente}|{tipo_atendimento}";
        assert_eq!(
            render("x", text, &context).as_deref(),
            Ok("João da Silva|261128-001-00042|28/11/2026 09:05|Fibra 500 Mega|Sem conexão||Ana Souza|Suporte técnico")
        );
        context.visit = Some(VisitInfo {
            starts_at: at("2026-12-05 08:00"),
            ends_at: at("2026-12-05 10:00"),
            technician: "Carlos Lima".into(),
        });
        assert_eq!(
            render("x", "Visita: {visita}.", &context).as_deref(),
            Ok("Visita: 05/12/2026 das 08:00 às 10:00, com o técnico Carlos Lima.")
        );
    }

    #[test]
    fn doubled_braces_are_literal() {
        assert_eq!(
            render("x", "{{cliente}} = {cliente} }} }", &context()).as_deref(),
            Ok("{cliente} = João da Silva } }")
        );
    }

    #[test]
    fn unknown_placeholders_are_named_with_the_known_ones() {
        let error =
            render("email-corpo", "Olá {xyz} {abc} {xyz}", &context()).expect_err("unknown");
        assert_eq!(error.field, "email-corpo");
        assert!(
            error.message.starts_with(
                "O modelo usa {xyz} e {abc}, que não existem. Use: {cliente}, {protocolo},"
            ),
            "{}",
            error.message
        );
        let error = check_placeholders("a", "{cliente_nome}").expect_err("unknown");
        assert!(error
            .message
            .starts_with("O modelo usa {cliente_nome}, que não existe."));
    }

    #[test]
    fn an_unclosed_brace_is_refused() {
        for text in ["Olá {cliente", "{ {cliente}", "{linha\n}"] {
            let error = check_placeholders("a", text).expect_err(text);
            assert!(error.message.contains("sem fechamento"), "{text}");
        }
    }

    #[test]
    fn a_template_form_is_checked_at_each_field() {
        let draft = EmailTemplateDraft {
            name: " ".into(),
            subject: "Protocolo {protocolo}".into(),
            body: "{nome}".into(),
            ..EmailTemplateDraft::default()
        };
        let errors = draft.validate(Uuid::nil()).expect_err("invalid");
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, [fields::NAME, fields::BODY]);
        let draft = EmailTemplateDraft {
            name: " Boas-vindas ".into(),
            body: "Olá, {cliente}.".into(),
            ..draft
        };
        let template = draft.validate(Uuid::nil()).expect("valid");
        assert_eq!(template.name, "Boas-vindas");
    }
}
