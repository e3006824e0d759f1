//! Everything "Dados Cliente" and "Dados Atend." show of one customer: the record, its
//! contacts, and its contracted plans with their routing points.
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use crate::contact::Contact;

/// "Cadastro do Cliente", read-only in the help desk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CustomerRecord {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    /// CPF or CNPJ, formatted.
    pub document: String,
    pub street: String,
    pub number: String,
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
    /// In the order they were added.
    pub contacts: Vec<Contact>,
    /// In the order they were installed.
    pub plans: Vec<ContractedPlan>,
}

/// A plan the customer has contracted ("Plano").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ContractedPlan {
    /// The contract's id (a customer may have the same plan twice).
    pub id: Uuid,
    /// The plan's name, e.g. "FIBRA 300M".
    pub plan: String,
    pub technology: String,
    pub download_mbps: u32,
    pub upload_mbps: u32,
    /// The PPPoE login.
    pub login: String,
    /// The contract's status, e.g. "Ativo", "Suspenso".
    pub status: String,
    /// "aaaa-mm-dd".
    pub installed_on: String,
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
