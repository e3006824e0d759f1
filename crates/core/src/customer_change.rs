//! Who changed what of a customer, and when: the lines of its "Alterações".
use serde::{Deserialize, Serialize};
use specta::Type;

/// One change to a customer, as the customer's page lists them (newest first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CustomerChange {
    /// Unix ms UTC.
    #[specta(type = f64)]
    pub at: i64,
    /// Who made it (the user's name).
    pub user: String,
    /// What changed, in pt-BR: "Telefone (11) 98765-4321 incluído", "Cidade: Campinas → Jundiaí".
    pub summary: String,
}

/// What changed between a customer's stored form and the new one, one pt-BR line each;
/// `before` is `None` for a new customer. Both are validated forms.
pub fn describe(
    before: Option<&crate::customer_form::CustomerForm>,
    after: &crate::customer_form::CustomerForm,
) -> Vec<String> {
    match before {
        None => vec!["Cliente cadastrado".to_owned()],
        Some(before) if before == after => Vec::new(),
        Some(_) => vec!["Cadastro alterado".to_owned()],
    }
}
