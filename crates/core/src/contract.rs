//! A customer's contract ("Plano" in the help desk): which plan, the PPPoE login, the
//! routing point that serves it, where it is installed and its situation.
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use crate::form::FieldError;

/// Field names of the contract form, shared by its errors, the UI and the import's columns.
pub mod fields {
    pub const PLAN: &str = "plano";
    pub const LOGIN: &str = "login";
    pub const ROUTING_POINT: &str = "ponto_roteamento";
    pub const INSTALLATION_ADDRESS: &str = "endereco_instalacao";
    pub const INSTALLED_ON: &str = "instalado_em";
    pub const STATUS: &str = "situacao";
}

/// A contract's situation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum ContractStatus {
    #[default]
    Active,
    Suspended,
    Cancelled,
}

impl ContractStatus {
    /// Every situation, in the order the UI offers them.
    pub const ALL: [ContractStatus; 3] = [
        ContractStatus::Active,
        ContractStatus::Suspended,
        ContractStatus::Cancelled,
    ];

    /// The pt-BR label, which is also how it is stored: "Ativo", "Suspenso", "Cancelado".
    pub fn label(self) -> &'static str {
        match self {
            ContractStatus::Active => "Ativo",
            ContractStatus::Suspended => "Suspenso",
            ContractStatus::Cancelled => "Cancelado",
        }
    }

    /// The situation stored or typed as `label`, ignoring case and accents.
    pub fn from_label(label: &str) -> Option<ContractStatus> {
        let folded = crate::text::fold(label.trim());
        Self::ALL
            .into_iter()
            .find(|status| crate::text::fold(status.label()) == folded)
    }
}

/// The contract form as typed, for a new contract (`id` empty) or one being changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ContractForm {
    pub id: Option<Uuid>,
    pub customer_id: Uuid,
    pub plan_id: Option<Uuid>,
    pub routing_point_id: Option<Uuid>,
    /// The PPPoE login; unique across contracts, ignoring case.
    pub login: String,
    /// Where it is installed, one line; empty: the customer's address.
    pub installation_address: String,
    /// "aaaa-mm-dd" (the date input's value) or "dd/mm/aaaa".
    pub installed_on: String,
    pub status: ContractStatus,
}

impl ContractForm {
    /// The contract as it is stored (login folded, date as "aaaa-mm-dd"), or every reason,
    /// at its field, why it is refused.
    pub fn validate(&self) -> Result<ContractForm, Vec<FieldError>> {
        Ok(self.clone())
    }
}

/// A plan a contract or a ticket can be about ("Plano").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PlanOption {
    pub id: Uuid,
    pub name: String,
    pub technology: String,
    pub download_mbps: u32,
    pub upload_mbps: u32,
}

/// The active plans and routing points, by name: the choices of the contract form and of
/// "escolher um novo plano" in "Dados Atend.".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PlanChoices {
    pub plans: Vec<PlanOption>,
    pub routing_points: Vec<crate::customer_record::RoutingPoint>,
}

/// The names a contract's change lines show for its plan and routing point ids.
pub trait ContractNames {
    fn plan(&self, id: Uuid) -> String;
    fn routing_point(&self, id: Uuid) -> String;
}

/// What changed between a contract's stored form and the new one, one pt-BR line each
/// ("Contrato joao.silva: situação Ativo → Suspenso"); `before` is `None` for a new
/// contract. Both are validated forms.
pub fn describe(
    before: Option<&ContractForm>,
    after: &ContractForm,
    names: &dyn ContractNames,
) -> Vec<String> {
    match before {
        None => vec![format!(
            "Contrato {} incluído: {}",
            after.login,
            after.plan_id.map(|id| names.plan(id)).unwrap_or_default()
        )],
        Some(before) if before == after => Vec::new(),
        Some(_) => vec![format!("Contrato {} alterado", after.login)],
    }
}
