//! "Cadastro do Cliente" as the Clientes module edits it: a person or a company, its
//! document, address, e-mails, phones and notes. The same rules check a form typed in the
//! window and a row read from an imported file.
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use crate::br::{phone, postal_code, uf};
use crate::document::{Document, DocumentKind};
use crate::form::{optional_text, required_text, FieldError, FieldErrors};

/// Field names of the customer form, shared by its errors, the UI and the import's columns.
pub mod fields {
    pub const KIND: &str = "tipo";
    pub const CODE: &str = "codigo";
    pub const NAME: &str = "nome";
    pub const TRADE_NAME: &str = "nome_fantasia";
    pub const DOCUMENT: &str = "documento";
    pub const POSTAL_CODE: &str = "cep";
    pub const STREET: &str = "logradouro";
    pub const NUMBER: &str = "numero";
    pub const COMPLEMENT: &str = "complemento";
    pub const DISTRICT: &str = "bairro";
    pub const CITY: &str = "cidade";
    pub const STATE: &str = "uf";
    pub const EMAILS: &str = "emails";
    pub const PHONES: &str = "telefones";
    pub const NOTES: &str = "observacoes";

    /// Every field, in the form's order.
    pub const ALL: [&str; 15] = [
        KIND,
        CODE,
        NAME,
        TRADE_NAME,
        DOCUMENT,
        POSTAL_CODE,
        STREET,
        NUMBER,
        COMPLEMENT,
        DISTRICT,
        CITY,
        STATE,
        EMAILS,
        PHONES,
        NOTES,
    ];

    /// The fields that must be filled in.
    pub const REQUIRED: [&str; 6] = [KIND, NAME, DOCUMENT, STREET, CITY, STATE];
}

/// The longest values accepted.
pub const MAX_NAME_CHARS: usize = 120;
pub const MAX_CODE_CHARS: usize = 20;
pub const MAX_STREET_CHARS: usize = 120;
pub const MAX_NUMBER_CHARS: usize = 20;
pub const MAX_PLACE_CHARS: usize = 60;
pub const MAX_EMAIL_CHARS: usize = 254;
pub const MAX_NOTES_CHARS: usize = 2000;
/// The most e-mails, and phones, of one customer.
pub const MAX_LIST_LEN: usize = 10;
/// The number stored when none is given ("sem número").
pub const NO_NUMBER: &str = "s/n";

/// "Pessoa física" (CPF) or "Pessoa jurídica" (CNPJ).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum PersonKind {
    #[default]
    Person,
    Company,
}

impl PersonKind {
    /// The pt-BR label: "Pessoa física", "Pessoa jurídica".
    pub fn label(self) -> &'static str {
        match self {
            PersonKind::Person => "Pessoa física",
            PersonKind::Company => "Pessoa jurídica",
        }
    }

    /// The document of this kind: a person's CPF, a company's CNPJ.
    pub fn document_kind(self) -> DocumentKind {
        match self {
            PersonKind::Person => DocumentKind::Cpf,
            PersonKind::Company => DocumentKind::Cnpj,
        }
    }

    /// As stored: "person", "company".
    pub fn code(self) -> &'static str {
        match self {
            PersonKind::Person => "person",
            PersonKind::Company => "company",
        }
    }

    /// The kind stored as `code`; anything else is a person.
    pub fn from_code(code: &str) -> PersonKind {
        if code == PersonKind::Company.code() {
            PersonKind::Company
        } else {
            PersonKind::Person
        }
    }
}

/// The customer form as typed (masked or not), for a new customer (`id` empty) or one
/// being changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CustomerForm {
    pub id: Option<Uuid>,
    pub kind: PersonKind,
    /// The provider's code; empty on a new customer: the next free number is given.
    pub code: String,
    /// Nome, or razão social for a company.
    pub name: String,
    /// Nome fantasia (companies; empty for people).
    pub trade_name: String,
    /// CPF for a person, CNPJ (numeric or alphanumeric) for a company; masked or not.
    pub document: String,
    pub postal_code: String,
    pub street: String,
    pub number: String,
    pub complement: String,
    pub district: String,
    pub city: String,
    /// The state's two letters ("UF").
    pub state: String,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub notes: String,
}

impl CustomerForm {
    /// The customer as it is stored (trimmed; document bare and upper-case, CEP, phones and
    /// UF in their usual form; e-mails and phones without blanks or repeats), or every
    /// reason, at its field, why it is refused. Validating a validated form changes nothing.
    pub fn validate(&self) -> Result<CustomerForm, Vec<FieldError>> {
        let mut errors = FieldErrors::default();
        let company = self.kind == PersonKind::Company;
        let code = code(&mut errors, &self.code);
        let name_label = if company { "a razão social" } else { "o nome" };
        let name = required_text(
            &mut errors,
            fields::NAME,
            name_label,
            &self.name,
            MAX_NAME_CHARS,
        );
        // A person has no nome fantasia: the form hides the field, so what it kept is dropped.
        let trade_name = match company {
            true => optional_text(
                &mut errors,
                fields::TRADE_NAME,
                &self.trade_name,
                MAX_NAME_CHARS,
            ),
            false => Some(String::new()),
        };
        let document = document(&mut errors, self.kind, &self.document);
        let postal_code = match self.postal_code.trim() {
            "" => Some(String::new()),
            typed => postal_code::parse(typed)
                .map_err(|error| errors.add(fields::POSTAL_CODE, error.to_string()))
                .ok(),
        };
        let street = required_text(
            &mut errors,
            fields::STREET,
            "o logradouro",
            &self.street,
            MAX_STREET_CHARS,
        );
        let number = optional_text(&mut errors, fields::NUMBER, &self.number, MAX_NUMBER_CHARS)
            .map(|number| {
                if number.is_empty() {
                    NO_NUMBER.to_owned()
                } else {
                    number
                }
            });
        let complement = optional_text(
            &mut errors,
            fields::COMPLEMENT,
            &self.complement,
            MAX_PLACE_CHARS,
        );
        let district = optional_text(
            &mut errors,
            fields::DISTRICT,
            &self.district,
            MAX_PLACE_CHARS,
        );
        let city = required_text(
            &mut errors,
            fields::CITY,
            "a cidade",
            &self.city,
            MAX_PLACE_CHARS,
        );
        let state = match self.state.trim() {
            "" => {
                errors.add(fields::STATE, "Escolha a UF.");
                None
            }
            typed => uf::parse(typed).map(|uf| uf.code.to_owned()).or_else(|| {
                errors.add(fields::STATE, "UF inválida: use a sigla do estado, ex. SP.");
                None
            }),
        };
        let emails = emails(&mut errors, &self.emails);
        let phones = phones(&mut errors, &self.phones);
        let notes = optional_text(&mut errors, fields::NOTES, &self.notes, MAX_NOTES_CHARS);
        errors.into_result(|| CustomerForm {
            id: self.id,
            kind: self.kind,
            code: code.unwrap_or_default(),
            name: name.unwrap_or_default(),
            trade_name: trade_name.unwrap_or_default(),
            document: document.unwrap_or_default(),
            postal_code: postal_code.unwrap_or_default(),
            street: street.unwrap_or_default(),
            number: number.unwrap_or_default(),
            complement: complement.unwrap_or_default(),
            district: district.unwrap_or_default(),
            city: city.unwrap_or_default(),
            state: state.unwrap_or_default(),
            emails,
            phones,
            notes: notes.unwrap_or_default(),
        })
    }
}

/// The provider's code: empty (the store gives the next one) or up to 20 digits.
fn code(errors: &mut FieldErrors, typed: &str) -> Option<String> {
    let code = optional_text(errors, fields::CODE, typed, MAX_CODE_CHARS)?;
    if code.bytes().all(|b| b.is_ascii_digit()) {
        Some(code)
    } else {
        errors.add(fields::CODE, "O código tem apenas números.");
        None
    }
}

/// The CPF of a person or the CNPJ of a company, bare.
fn document(errors: &mut FieldErrors, kind: PersonKind, typed: &str) -> Option<String> {
    if typed.trim().is_empty() {
        let message = match kind {
            PersonKind::Person => "Informe o CPF.",
            PersonKind::Company => "Informe o CNPJ.",
        };
        errors.add(fields::DOCUMENT, message);
        return None;
    }
    Document::parse_as(kind.document_kind(), typed)
        .map(|document| document.bare().to_owned())
        .map_err(|error| errors.add(fields::DOCUMENT, error.to_string()))
        .ok()
}

/// The e-mails trimmed, blanks and repeats (ignoring case) left out; every wrong one
/// reported.
fn emails(errors: &mut FieldErrors, typed: &[String]) -> Vec<String> {
    let mut kept: Vec<String> = Vec::new();
    for email in typed
        .iter()
        .map(|email| email.trim())
        .filter(|email| !email.is_empty())
    {
        if email.chars().count() > MAX_EMAIL_CHARS || !email_address::EmailAddress::is_valid(email)
        {
            errors.add(
                fields::EMAILS,
                format!("E-mail inválido: {email}. Exemplo: nome@provedor.com.br"),
            );
        } else if !kept.iter().any(|other| other.eq_ignore_ascii_case(email)) {
            kept.push(email.to_owned());
        }
    }
    if kept.len() > MAX_LIST_LEN {
        errors.add(
            fields::EMAILS,
            format!("Informe no máximo {MAX_LIST_LEN} e-mails."),
        );
    }
    kept
}

/// The phones formatted, blanks and repeats left out; every wrong one reported.
fn phones(errors: &mut FieldErrors, typed: &[String]) -> Vec<String> {
    let mut kept: Vec<String> = Vec::new();
    for typed in typed
        .iter()
        .map(|phone| phone.trim())
        .filter(|phone| !phone.is_empty())
    {
        match phone::parse(typed) {
            Ok(phone) if kept.contains(&phone) => {}
            Ok(phone) => kept.push(phone),
            Err(error) => errors.add(fields::PHONES, format!("{typed}: {error}")),
        }
    }
    if kept.len() > MAX_LIST_LEN {
        errors.add(
            fields::PHONES,
            format!("Informe no máximo {MAX_LIST_LEN} telefones."),
        );
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn company() -> CustomerForm {
        CustomerForm {
            id: None,
            kind: PersonKind::Company,
            code: String::new(),
            name: " Padaria Pão Quente Ltda ".into(),
            trade_name: "Pão Quente".into(),
            document: "12.abc.345/01de-35".into(),
            postal_code: "13010000".into(),
            street: "Rua das Flores".into(),
            number: " ".into(),
            complement: "Loja 2".into(),
            district: "Centro".into(),
            city: "Campinas".into(),
            state: "sp".into(),
            emails: vec![
                " contato@paoquente.com.br ".into(),
                "".into(),
                "CONTATO@paoquente.com.br".into(),
            ],
            phones: vec![
                "19 3333 4444".into(),
                "(19) 3333-4444".into(),
                "+55 19 99123-0001".into(),
            ],
            notes: "Entrega pelos fundos.".into(),
        }
    }

    fn person() -> CustomerForm {
        CustomerForm {
            kind: PersonKind::Person,
            name: "Maria da Silva".into(),
            trade_name: "ignored".into(),
            document: "529.982.247-25".into(),
            ..company()
        }
    }

    fn fields_of(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn a_valid_form_is_normalised_and_validating_again_changes_nothing() {
        let valid = company().validate().expect("valid");
        assert_eq!(valid.name, "Padaria Pão Quente Ltda");
        assert_eq!(valid.document, "12ABC34501DE35");
        assert_eq!(valid.postal_code, "13010-000");
        assert_eq!(valid.number, NO_NUMBER);
        assert_eq!(valid.state, "SP");
        assert_eq!(valid.emails, ["contato@paoquente.com.br"]);
        assert_eq!(valid.phones, ["(19) 3333-4444", "(19) 99123-0001"]);
        assert_eq!(valid.validate(), Ok(valid.clone()));

        let valid = person().validate().expect("valid");
        assert_eq!(valid.document, "52998224725");
        assert_eq!(valid.trade_name, "", "a person has no nome fantasia");
        assert_eq!(valid.validate(), Ok(valid.clone()));
    }

    #[test]
    fn the_kind_decides_between_cpf_and_cnpj() {
        let errors = CustomerForm {
            document: "529.982.247-25".into(),
            ..company()
        }
        .validate()
        .expect_err("a CPF for a company");
        assert_eq!(fields_of(&errors), [fields::DOCUMENT]);
        assert_eq!(
            errors[0].message,
            "Pessoa jurídica: informe um CNPJ (14 caracteres)."
        );
        let errors = CustomerForm {
            document: "11.222.333/0001-81".into(),
            ..person()
        }
        .validate()
        .expect_err("a CNPJ for a person");
        assert_eq!(
            errors[0].message,
            "Pessoa física: informe um CPF (11 dígitos)."
        );
        let errors = CustomerForm {
            document: " ".into(),
            ..person()
        }
        .validate()
        .expect_err("empty");
        assert_eq!(errors[0].message, "Informe o CPF.");
        // The zeros a spreadsheet dropped.
        let valid = CustomerForm {
            document: "1234567890".into(),
            ..person()
        }
        .validate()
        .expect("valid");
        assert_eq!(valid.document, "01234567890");
        let errors = CustomerForm {
            document: "12.ABC.345/01DE-36".into(),
            ..company()
        }
        .validate()
        .expect_err("check digits");
        assert_eq!(fields_of(&errors), [fields::DOCUMENT]);
    }

    #[test]
    fn every_wrong_field_is_reported_at_its_place() {
        let errors = CustomerForm {
            id: None,
            kind: PersonKind::Company,
            code: "12a".into(),
            name: " ".into(),
            trade_name: "x".repeat(MAX_NAME_CHARS + 1),
            document: "12.ABC".into(),
            postal_code: "1234".into(),
            street: String::new(),
            number: "1".repeat(MAX_NUMBER_CHARS + 1),
            complement: "c".repeat(MAX_PLACE_CHARS + 1),
            district: "d".repeat(MAX_PLACE_CHARS + 1),
            city: " ".into(),
            state: "XX".into(),
            emails: vec!["maria@".into()],
            phones: vec!["(20) 98765-4321".into()],
            notes: "n".repeat(MAX_NOTES_CHARS + 1),
        }
        .validate()
        .expect_err("invalid");
        assert_eq!(
            fields_of(&errors),
            [
                fields::CODE,
                fields::NAME,
                fields::TRADE_NAME,
                fields::DOCUMENT,
                fields::POSTAL_CODE,
                fields::STREET,
                fields::NUMBER,
                fields::COMPLEMENT,
                fields::DISTRICT,
                fields::CITY,
                fields::STATE,
                fields::EMAILS,
                fields::PHONES,
                fields::NOTES,
            ]
        );
        assert_eq!(errors[1].message, "Preencha a razão social.");
        assert_eq!(errors[12].message, "(20) 98765-4321: O DDD 20 não existe.");
    }

    #[test]
    fn codes_are_digits_up_to_20_and_may_be_left_for_the_store() {
        assert_eq!(
            company().validate().map(|form| form.code),
            Ok(String::new())
        );
        let code = CustomerForm {
            code: " 001042 ".into(),
            ..company()
        };
        assert_eq!(code.validate().map(|form| form.code), Ok("001042".into()));
        let long = CustomerForm {
            code: "1".repeat(MAX_CODE_CHARS + 1),
            ..company()
        };
        assert!(long.validate().is_err());
    }

    #[test]
    fn the_address_needs_street_city_and_uf_and_a_valid_cep_when_given() {
        let no_cep = CustomerForm {
            postal_code: String::new(),
            ..company()
        };
        assert_eq!(
            no_cep.validate().map(|form| form.postal_code),
            Ok(String::new())
        );
        let named_state = CustomerForm {
            state: "Santa Catarina".into(),
            ..company()
        };
        assert_eq!(
            named_state.validate().map(|form| form.state),
            Ok("SC".into())
        );
        let errors = CustomerForm {
            state: String::new(),
            ..company()
        }
        .validate()
        .expect_err("no UF");
        assert_eq!(errors[0].message, "Escolha a UF.");
        let number = CustomerForm {
            number: " 10 ".into(),
            ..company()
        };
        assert_eq!(number.validate().map(|form| form.number), Ok("10".into()));
    }

    #[test]
    fn an_empty_form_is_refused_at_the_required_fields_only() {
        let errors = CustomerForm::default().validate().expect_err("empty");
        let required: Vec<&str> = fields::REQUIRED
            .into_iter()
            .filter(|field| *field != fields::KIND)
            .collect();
        assert_eq!(fields_of(&errors), required);
    }

    #[test]
    fn at_most_ten_emails_and_ten_phones() {
        let many = CustomerForm {
            emails: (0..11).map(|i| format!("n{i}@example.com")).collect(),
            phones: (0..11).map(|i| format!("(11) 3333-{:04}", i)).collect(),
            ..company()
        };
        let errors = many.validate().expect_err("too many");
        assert_eq!(fields_of(&errors), [fields::EMAILS, fields::PHONES]);
        let ten_after_repeats = CustomerForm {
            emails: (0..10)
                .chain(0..5)
                .map(|i| format!("n{i}@example.com"))
                .collect(),
            ..company()
        };
        assert_eq!(
            ten_after_repeats.validate().map(|form| form.emails.len()),
            Ok(10)
        );
    }
}
