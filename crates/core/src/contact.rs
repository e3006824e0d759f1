//! A customer's contact people ("Novo Contato").
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use crate::form::{optional_text, required_text, FieldError, FieldErrors};

/// The longest name and relation accepted.
pub const MAX_NAME_CHARS: usize = 120;
pub const MAX_RELATION_CHARS: usize = 60;
const MAX_EMAIL_CHARS: usize = 254;

/// Field names of the "Novo Contato" form, shared by its errors and the UI.
pub mod fields {
    pub const NAME: &str = "nome";
    pub const PHONE: &str = "telefone";
    pub const EMAIL: &str = "email";
    pub const RELATION: &str = "funcao";
}

/// A person the provider may talk to about a customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Contact {
    pub id: Uuid,
    pub name: String,
    /// Formatted, e.g. "(11) 98765-4321"; possibly empty.
    pub phone: String,
    /// Possibly empty.
    pub email: String,
    /// Who the person is to the customer ("Função"), e.g. "Responsável financeiro".
    pub relation: String,
}

/// The "Novo Contato" form, as typed, for a customer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct NewContact {
    pub customer_id: Uuid,
    pub name: String,
    pub phone: String,
    pub email: String,
    pub relation: String,
}

/// A contact changed in "Contatos": which one, and the form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ContactEdit {
    pub id: Uuid,
    pub contact: NewContact,
}

impl NewContact {
    /// The contact as it is stored (trimmed, phone formatted), or every reason, at its
    /// field, why it is refused.
    pub fn validate(&self) -> Result<NewContact, Vec<FieldError>> {
        let mut errors = FieldErrors::default();
        let name = required_text(
            &mut errors,
            fields::NAME,
            "o nome",
            &self.name,
            MAX_NAME_CHARS,
        );
        let relation = required_text(
            &mut errors,
            fields::RELATION,
            "a função do contato no cliente",
            &self.relation,
            MAX_RELATION_CHARS,
        );
        let phone = phone(&mut errors, &self.phone);
        let email = optional_text(&mut errors, fields::EMAIL, &self.email, MAX_EMAIL_CHARS).filter(
            |email| {
                let valid = email.is_empty() || email_address::EmailAddress::is_valid(email);
                if !valid {
                    errors.add(
                        fields::EMAIL,
                        "E-mail inválido. Exemplo: nome@provedor.com.br",
                    );
                }
                valid
            },
        );
        if matches!((&phone, &email), (Some(phone), Some(email)) if phone.is_empty() && email.is_empty())
        {
            errors.add(fields::PHONE, "Informe um telefone ou um e-mail.");
        }
        errors.into_result(|| NewContact {
            customer_id: self.customer_id,
            name: name.unwrap_or_default(),
            phone: phone.unwrap_or_default(),
            email: email.unwrap_or_default(),
            relation: relation.unwrap_or_default(),
        })
    }
}

/// A Brazilian phone number with a valid DDD, formatted; empty when nothing was typed.
fn phone(errors: &mut FieldErrors, typed: &str) -> Option<String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Some(String::new());
    }
    crate::br::phone::parse(typed)
        .map_err(|error| errors.add(fields::PHONE, error.to_string()))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact() -> NewContact {
        NewContact {
            customer_id: Uuid::from_u128(7),
            name: "  Maria da Silva ".into(),
            phone: "11987654321".into(),
            email: "maria@example.com.br".into(),
            relation: "Responsável financeiro".into(),
        }
    }

    fn fields_of(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn a_valid_contact_is_trimmed_and_its_phone_formatted() {
        let valid = contact().validate().expect("valid");
        assert_eq!(valid.name, "Maria da Silva");
        assert_eq!(valid.phone, "(11) 98765-4321");
        let landline = NewContact {
            phone: "+55 (48) 3333-2222".into(),
            ..contact()
        };
        assert_eq!(landline.validate().expect("valid").phone, "(48) 3333-2222");
        let unknown_ddd = NewContact {
            phone: "(20) 3333-2222".into(),
            ..contact()
        };
        let errors = unknown_ddd.validate().expect_err("no such DDD");
        assert_eq!(errors[0].message, "O DDD 20 não existe.");
    }

    #[test]
    fn every_wrong_field_is_reported() {
        let errors = NewContact {
            customer_id: Uuid::from_u128(7),
            name: " ".into(),
            phone: "1234".into(),
            email: "maria@".into(),
            relation: "x".repeat(MAX_RELATION_CHARS + 1),
        }
        .validate()
        .expect_err("invalid");
        assert_eq!(
            fields_of(&errors),
            [fields::NAME, fields::RELATION, fields::PHONE, fields::EMAIL]
        );
        assert_eq!(errors[0].message, "Preencha o nome.");
    }

    #[test]
    fn a_phone_or_an_email_is_needed() {
        let errors = NewContact {
            phone: String::new(),
            email: String::new(),
            ..contact()
        }
        .validate()
        .expect_err("invalid");
        assert_eq!(fields_of(&errors), [fields::PHONE]);
        let only_email = NewContact {
            phone: String::new(),
            ..contact()
        };
        assert!(only_email.validate().is_ok());
    }

    #[test]
    fn markup_and_accents_are_kept_as_text() {
        let valid = NewContact {
            name: "<script>alert(1)</script> João".into(),
            ..contact()
        }
        .validate()
        .expect("valid");
        assert_eq!(valid.name, "<script>alert(1)</script> João");
    }
}
