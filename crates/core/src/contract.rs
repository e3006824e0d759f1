//! A customer's contract ("Plano" in the help desk): which plan, the PPPoE login, the
//! routing point that serves it, where it is installed and its situation.
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use chrono::NaiveDate;

use crate::date::DateError;
use crate::form::{optional_text, FieldError, FieldErrors};
use crate::text;

/// Field names of the contract form, shared by its errors, the UI and the import's columns.
pub mod fields {
    pub const PLAN: &str = "plano";
    pub const LOGIN: &str = "login";
    pub const ROUTING_POINT: &str = "ponto_roteamento";
    pub const INSTALLATION_ADDRESS: &str = "endereco_instalacao";
    pub const INSTALLED_ON: &str = "instalado_em";
    pub const STATUS: &str = "situacao";

    /// Every field, in the form's order.
    pub const ALL: [&str; 6] = [
        PLAN,
        LOGIN,
        ROUTING_POINT,
        INSTALLATION_ADDRESS,
        INSTALLED_ON,
        STATUS,
    ];
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

/// The longest PPPoE login and installation address accepted.
pub const MAX_LOGIN_CHARS: usize = 64;
pub const MAX_ADDRESS_CHARS: usize = 200;

impl ContractForm {
    /// The contract as it is stored (login folded, date as "aaaa-mm-dd", possibly empty),
    /// or every reason, at its field, why it is refused. Validating a validated form
    /// changes nothing.
    pub fn validate(&self) -> Result<ContractForm, Vec<FieldError>> {
        let mut errors = FieldErrors::default();
        if self.plan_id.is_none() {
            errors.add(fields::PLAN, "Escolha o plano.");
        }
        if self.routing_point_id.is_none() {
            errors.add(fields::ROUTING_POINT, "Escolha o ponto de roteamento.");
        }
        let login = login(&mut errors, &self.login);
        let installation_address = optional_text(
            &mut errors,
            fields::INSTALLATION_ADDRESS,
            &self.installation_address,
            MAX_ADDRESS_CHARS,
        );
        let installed_on = match self.installed_on.trim() {
            "" => Some(String::new()),
            typed => parse_day(typed)
                .map(|date| date.format("%Y-%m-%d").to_string())
                .map_err(|error| errors.add(fields::INSTALLED_ON, error.to_string()))
                .ok(),
        };
        errors.into_result(|| ContractForm {
            login: login.unwrap_or_default(),
            installation_address: installation_address.unwrap_or_default(),
            installed_on: installed_on.unwrap_or_default(),
            ..self.clone()
        })
    }
}

/// The PPPoE login folded (lower case, no accents): 1 to 64 characters, no spaces.
fn login(errors: &mut FieldErrors, typed: &str) -> Option<String> {
    let typed = typed.trim();
    if typed.is_empty() {
        errors.add(fields::LOGIN, "Preencha o login PPPoE.");
        return None;
    }
    if typed.chars().any(|c| c.is_whitespace() || c.is_control()) {
        errors.add(fields::LOGIN, "O login PPPoE não pode ter espaços.");
        return None;
    }
    let folded = text::fold(typed);
    if folded.chars().count() > MAX_LOGIN_CHARS {
        errors.add(
            fields::LOGIN,
            format!("O login PPPoE tem no máximo {MAX_LOGIN_CHARS} caracteres."),
        );
        return None;
    }
    Some(folded)
}

/// A day typed as "aaaa-mm-dd" (the date input's value) or "dd/mm/aaaa".
fn parse_day(typed: &str) -> Result<NaiveDate, DateError> {
    let iso = typed.len() == 10
        && typed.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if iso {
        NaiveDate::parse_from_str(typed, "%Y-%m-%d").map_err(|_| DateError::NoSuchDate)
    } else {
        crate::date::parse_date(typed)
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
    let plan = |id: Option<Uuid>| id.map(|id| names.plan(id)).unwrap_or_default();
    let point = |id: Option<Uuid>| id.map(|id| names.routing_point(id)).unwrap_or_default();
    let Some(before) = before else {
        return vec![format!(
            "Contrato {} incluído: {}",
            after.login,
            plan(after.plan_id)
        )];
    };
    let mut lines = Vec::new();
    let mut field = |label: &str, old: String, new: String| {
        if old != new {
            let shown = |value: String| match value.is_empty() {
                true => "(vazio)".to_owned(),
                false => value,
            };
            lines.push(format!(
                "Contrato {}: {label} {} → {}",
                after.login,
                shown(old),
                shown(new)
            ));
        }
    };
    field("login", before.login.clone(), after.login.clone());
    if before.plan_id != after.plan_id {
        field("plano", plan(before.plan_id), plan(after.plan_id));
    }
    if before.routing_point_id != after.routing_point_id {
        field(
            "ponto de roteamento",
            point(before.routing_point_id),
            point(after.routing_point_id),
        );
    }
    field(
        "situação",
        before.status.label().to_owned(),
        after.status.label().to_owned(),
    );
    field(
        "endereço de instalação",
        before.installation_address.clone(),
        after.installation_address.clone(),
    );
    field(
        "instalado em",
        shown_day(&before.installed_on),
        shown_day(&after.installed_on),
    );
    lines
}

/// A stored "aaaa-mm-dd" as "dd/mm/aaaa".
fn shown_day(stored: &str) -> String {
    NaiveDate::parse_from_str(stored, "%Y-%m-%d")
        .map(crate::date::format_date)
        .unwrap_or_else(|_| stored.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Names;

    impl ContractNames for Names {
        fn plan(&self, id: Uuid) -> String {
            format!("Fibra {}", id.as_u128())
        }
        fn routing_point(&self, id: Uuid) -> String {
            format!("OLT {}", id.as_u128())
        }
    }

    fn form() -> ContractForm {
        ContractForm {
            id: None,
            customer_id: Uuid::from_u128(1),
            plan_id: Some(Uuid::from_u128(300)),
            routing_point_id: Some(Uuid::from_u128(2)),
            login: " João.Silva@Provedor ".into(),
            installation_address: " Rua B, 2 ".into(),
            installed_on: "02/11/2026".into(),
            status: ContractStatus::Active,
        }
    }

    fn fields_of(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn a_valid_contract_is_normalised_and_validating_again_changes_nothing() {
        let valid = form().validate().expect("valid");
        assert_eq!(valid.login, "joao.silva@provedor");
        assert_eq!(valid.installation_address, "Rua B, 2");
        assert_eq!(valid.installed_on, "2026-11-02");
        assert_eq!(valid.validate(), Ok(valid.clone()));
        let no_date = ContractForm {
            installed_on: String::new(),
            ..form()
        };
        assert_eq!(
            no_date.validate().map(|form| form.installed_on),
            Ok(String::new())
        );
    }

    #[test]
    fn every_wrong_field_is_reported() {
        let errors = ContractForm {
            plan_id: None,
            routing_point_id: None,
            login: "joao silva".into(),
            installation_address: "x".repeat(MAX_ADDRESS_CHARS + 1),
            installed_on: "2026-02-30".into(),
            ..form()
        }
        .validate()
        .expect_err("invalid");
        assert_eq!(
            fields_of(&errors),
            [
                fields::PLAN,
                fields::ROUTING_POINT,
                fields::LOGIN,
                fields::INSTALLATION_ADDRESS,
                fields::INSTALLED_ON
            ]
        );
        assert_eq!(errors[2].message, "O login PPPoE não pode ter espaços.");
        assert_eq!(errors[4].message, "Esta data não existe no calendário.");
    }

    #[test]
    fn logins_are_1_to_64_characters() {
        let login = |login: &str| {
            ContractForm {
                login: login.into(),
                ..form()
            }
            .validate()
            .map(|form| form.login)
        };
        assert_eq!(
            login(&"a".repeat(MAX_LOGIN_CHARS)),
            Ok("a".repeat(MAX_LOGIN_CHARS))
        );
        assert!(login(&"a".repeat(MAX_LOGIN_CHARS + 1)).is_err());
        assert!(login("  ").is_err());
        assert!(login("a\tb").is_err());
    }

    #[test]
    fn dates_in_either_form() {
        let day = |typed: &str| {
            ContractForm {
                installed_on: typed.into(),
                ..form()
            }
            .validate()
            .map(|form| form.installed_on)
        };
        assert_eq!(day("2026-11-02"), Ok("2026-11-02".into()));
        assert_eq!(day("2/11/2026"), Ok("2026-11-02".into()));
        assert!(day("2026/11/02").is_err());
        assert!(day("11-02-2026").is_err());
    }

    #[test]
    fn changes_are_described_with_names() {
        let before = form().validate().expect("valid");
        assert_eq!(
            describe(None, &before, &Names),
            ["Contrato joao.silva@provedor incluído: Fibra 300"]
        );
        assert!(describe(Some(&before), &before, &Names).is_empty());
        let after = ContractForm {
            plan_id: Some(Uuid::from_u128(500)),
            status: ContractStatus::Suspended,
            installation_address: String::new(),
            installed_on: "2026-11-03".into(),
            ..before.clone()
        };
        assert_eq!(
            describe(Some(&before), &after, &Names),
            [
                "Contrato joao.silva@provedor: plano Fibra 300 → Fibra 500",
                "Contrato joao.silva@provedor: situação Ativo → Suspenso",
                "Contrato joao.silva@provedor: endereço de instalação Rua B, 2 → (vazio)",
                "Contrato joao.silva@provedor: instalado em 02/11/2026 → 03/11/2026",
            ]
        );
    }
}
