//! Who changed what of a customer, and when: the lines of its "Alterações".
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::customer_form::CustomerForm;
use crate::document::format_digits;

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
pub fn describe(before: Option<&CustomerForm>, after: &CustomerForm) -> Vec<String> {
    let Some(before) = before else {
        return vec!["Cliente cadastrado".to_owned()];
    };
    let mut lines = Vec::new();
    let mut field = |label: &str, old: &str, new: &str| {
        if old != new {
            lines.push(format!("{label}: {} → {}", shown(old), shown(new)));
        }
    };
    field("Tipo", before.kind.label(), after.kind.label());
    field("Código", &before.code, &after.code);
    field("Nome", &before.name, &after.name);
    field("Nome fantasia", &before.trade_name, &after.trade_name);
    field(
        "CPF/CNPJ",
        &format_digits(&before.document),
        &format_digits(&after.document),
    );
    field("CEP", &before.postal_code, &after.postal_code);
    field("Logradouro", &before.street, &after.street);
    field("Número", &before.number, &after.number);
    field("Complemento", &before.complement, &after.complement);
    field("Bairro", &before.district, &after.district);
    field("Cidade", &before.city, &after.city);
    field("UF", &before.state, &after.state);
    if before.notes != after.notes {
        lines.push("Observações alteradas".to_owned());
    }
    list_changes(&mut lines, "E-mail", &before.emails, &after.emails);
    list_changes(&mut lines, "Telefone", &before.phones, &after.phones);
    lines
}

/// A value as a change line shows it: "(vazio)" when empty.
fn shown(value: &str) -> &str {
    if value.is_empty() {
        "(vazio)"
    } else {
        value
    }
}

/// "E-mail x incluído" and "E-mail y removido": the order of a list is no change.
fn list_changes(lines: &mut Vec<String>, label: &str, before: &[String], after: &[String]) {
    for added in after.iter().filter(|value| !before.contains(value)) {
        lines.push(format!("{label} {added} incluído"));
    }
    for removed in before.iter().filter(|value| !after.contains(value)) {
        lines.push(format!("{label} {removed} removido"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::customer_form::PersonKind;

    fn maria() -> CustomerForm {
        CustomerForm {
            kind: PersonKind::Person,
            code: "1042".into(),
            name: "Maria".into(),
            document: "52998224725".into(),
            street: "Rua A".into(),
            number: "s/n".into(),
            city: "Campinas".into(),
            state: "SP".into(),
            emails: vec!["maria@example.com".into()],
            phones: vec!["(19) 3333-4444".into()],
            ..CustomerForm::default()
        }
    }

    #[test]
    fn a_new_customer_and_an_unchanged_one() {
        assert_eq!(describe(None, &maria()), ["Cliente cadastrado"]);
        assert!(describe(Some(&maria()), &maria()).is_empty());
    }

    #[test]
    fn each_change_is_a_line() {
        let after = CustomerForm {
            name: "Maria Souza".into(),
            city: "Jundiaí".into(),
            complement: "Casa 2".into(),
            notes: "Cachorro bravo".into(),
            document: "01234567890".into(),
            emails: vec!["maria@souza.com".into()],
            phones: vec!["(11) 98765-4321".into(), "(19) 3333-4444".into()],
            ..maria()
        };
        assert_eq!(
            describe(Some(&maria()), &after),
            [
                "Nome: Maria → Maria Souza",
                "CPF/CNPJ: 529.982.247-25 → 012.345.678-90",
                "Complemento: (vazio) → Casa 2",
                "Cidade: Campinas → Jundiaí",
                "Observações alteradas",
                "E-mail maria@souza.com incluído",
                "E-mail maria@example.com removido",
                "Telefone (11) 98765-4321 incluído",
            ]
        );
    }
}
