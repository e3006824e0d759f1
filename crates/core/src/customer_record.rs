//! Everything "Dados Cliente" and "Dados Atend." show of one customer: the record, its
//! contacts, and its contracted plans with their routing points.
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use crate::contact::Contact;
use crate::contract::ContractStatus;
use crate::customer_form::{CustomerForm, PersonKind};

/// "Cadastro do Cliente", read-only in the help desk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CustomerRecord {
    pub id: Uuid,
    pub kind: PersonKind,
    pub code: String,
    /// Nome, or razão social.
    pub name: String,
    /// Nome fantasia; empty for people.
    pub trade_name: String,
    /// CPF or CNPJ, formatted.
    pub document: String,
    pub street: String,
    pub number: String,
    pub complement: String,
    pub district: String,
    pub city: String,
    /// The state's two letters, e.g. "SP".
    pub state: String,
    pub postal_code: String,
    /// When the customer was registered, Unix ms UTC.
    #[specta(type = f64)]
    pub created_at: i64,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub notes: String,
    /// In the order they were added.
    pub contacts: Vec<Contact>,
    /// In the order they were installed.
    pub plans: Vec<ContractedPlan>,
}

impl CustomerRecord {
    /// "Rua das Flores, 120 – Centro" ("s/n" without a number); empty when nothing is known.
    pub fn street_line(&self) -> String {
        let number = match self.number.trim() {
            "" => "s/n",
            number => number,
        };
        let street = match self.street.trim() {
            "" => return self.district.trim().to_owned(),
            street => format!("{street}, {number}"),
        };
        match self.district.trim() {
            "" => street,
            district => format!("{street} – {district}"),
        }
    }

    /// The record as the customer form starts when it is edited.
    pub fn form(&self) -> CustomerForm {
        CustomerForm {
            id: Some(self.id),
            kind: self.kind,
            code: self.code.clone(),
            name: self.name.clone(),
            trade_name: self.trade_name.clone(),
            document: self.document.clone(),
            postal_code: self.postal_code.clone(),
            street: self.street.clone(),
            number: self.number.clone(),
            complement: self.complement.clone(),
            district: self.district.clone(),
            city: self.city.clone(),
            state: self.state.clone(),
            emails: self.emails.clone(),
            phones: self.phones.clone(),
            notes: self.notes.clone(),
        }
    }

    /// "Campinas/SP"; empty when nothing is known.
    pub fn city_line(&self) -> String {
        [self.city.trim(), self.state.trim()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// Where a technician goes: "Rua das Flores, 120 – Centro, Campinas/SP".
    pub fn address(&self) -> String {
        [self.street_line(), self.city_line()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A plan the customer has contracted ("Plano").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ContractedPlan {
    /// The contract's id (a customer may have the same plan twice).
    pub id: Uuid,
    pub plan_id: Uuid,
    /// The plan's name, e.g. "FIBRA 300M".
    pub plan: String,
    pub technology: String,
    pub download_mbps: u32,
    pub upload_mbps: u32,
    /// The PPPoE login.
    pub login: String,
    /// The contract's situation.
    pub status: ContractStatus,
    /// When the situation last changed, "aaaa-mm-dd".
    pub status_changed_on: String,
    /// "aaaa-mm-dd".
    pub installed_on: String,
    /// Where it is installed; empty: the customer's address.
    pub installation_address: String,
    pub routing_point: RoutingPoint,
}

/// "Ponto de Roteamento": the network node serving a contracted plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct RoutingPoint {
    pub id: Uuid,
    pub name: String,
    /// e.g. "OLT", "Concentrador PPPoE", "POP".
    pub kind: String,
    pub address: String,
    pub ip: String,
    /// e.g. "Operacional", "Manutenção", "Falha".
    pub status: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(
        street: &str,
        number: &str,
        district: &str,
        city: &str,
        state: &str,
    ) -> CustomerRecord {
        CustomerRecord {
            id: Uuid::nil(),
            kind: PersonKind::Person,
            code: "1".into(),
            name: "Ana".into(),
            trade_name: String::new(),
            document: String::new(),
            street: street.into(),
            number: number.into(),
            complement: String::new(),
            district: district.into(),
            city: city.into(),
            state: state.into(),
            postal_code: String::new(),
            created_at: 0,
            emails: Vec::new(),
            phones: Vec::new(),
            notes: String::new(),
            contacts: Vec::new(),
            plans: Vec::new(),
        }
    }

    #[test]
    fn the_address_leaves_out_what_is_missing() {
        let full = record("Rua das Flores", "120", "Centro", "Campinas", "SP");
        assert_eq!(full.address(), "Rua das Flores, 120 – Centro, Campinas/SP");
        let partial = record("Rua das Flores", " ", "", "Campinas", "");
        assert_eq!(partial.address(), "Rua das Flores, s/n, Campinas");
        assert_eq!(record("", "", "Centro", "", "").address(), "Centro");
        assert_eq!(record("", "", "", "", "").address(), "");
    }
}
