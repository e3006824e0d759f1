//! Importing a provider's base from the CSV files its current ERP exports: the kinds of
//! file, each kind's target fields with their pt-BR labels, the mapping of a file's columns
//! to them ([`mapping`]), the conversion of one mapped row into the forms the window saves
//! ([`row`]), and a rejected row's report line. No IO: reading files is `helpdesk-import`'s,
//! writing the store's.
pub mod job;
pub mod mapping;
pub mod row;

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::catalog::fields as catalog;
use crate::contract::fields as contract;
use crate::customer_form::fields as customer;

/// Import-only fields of the contracts file: which customer the contract belongs to.
pub mod fields {
    /// The customer's code in the contracts file.
    pub const CUSTOMER_CODE: &str = "cliente_codigo";
    /// The customer's CPF/CNPJ in the contracts file.
    pub const CUSTOMER_DOCUMENT: &str = "cliente_documento";
}

/// The files an import reads, in the order they are imported (plans and routing points
/// before the contracts that name them, customers before their contracts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
pub enum ImportKind {
    Plans,
    RoutingPoints,
    Customers,
    Contracts,
}

impl ImportKind {
    /// Every kind, in import order.
    pub const ALL: [ImportKind; 4] = [
        ImportKind::Plans,
        ImportKind::RoutingPoints,
        ImportKind::Customers,
        ImportKind::Contracts,
    ];

    /// The pt-BR name of its file: "Clientes", "Contratos", "Planos", "Pontos de roteamento".
    pub fn label(self) -> &'static str {
        match self {
            ImportKind::Plans => "Planos",
            ImportKind::RoutingPoints => "Pontos de roteamento",
            ImportKind::Customers => "Clientes",
            ImportKind::Contracts => "Contratos",
        }
    }

    /// As stored (remembered mappings, runs).
    pub fn code(self) -> &'static str {
        match self {
            ImportKind::Plans => "plans",
            ImportKind::RoutingPoints => "routing_points",
            ImportKind::Customers => "customers",
            ImportKind::Contracts => "contracts",
        }
    }

    /// The kind stored as `code`.
    pub fn from_code(code: &str) -> Option<ImportKind> {
        Self::ALL.into_iter().find(|kind| kind.code() == code)
    }

    /// The fields a column of this kind's file can be mapped to.
    pub fn targets(self) -> &'static [TargetField] {
        match self {
            ImportKind::Customers => CUSTOMER_TARGETS,
            ImportKind::Contracts => CONTRACT_TARGETS,
            ImportKind::Plans => PLAN_TARGETS,
            ImportKind::RoutingPoints => ROUTING_POINT_TARGETS,
        }
    }

    /// The target field named `name`.
    pub fn target(self, name: &str) -> Option<&'static TargetField> {
        self.targets().iter().find(|target| target.name == name)
    }
}

/// A field a file's column can be mapped to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
pub struct TargetField {
    /// The form's stable field name (`customer_form::fields`, `contract::fields`…).
    pub name: &'static str,
    /// "CPF/CNPJ", "Razão social / Nome"…
    pub label: &'static str,
    /// A file without a column for it cannot be imported.
    pub required: bool,
    /// Several columns may fill it (e-mails, phones), their values joined.
    pub list: bool,
    /// Other headers ERPs use for it, besides its label and name.
    #[serde(skip)]
    #[specta(skip)]
    pub aliases: &'static [&'static str],
}

const fn target(
    name: &'static str,
    label: &'static str,
    required: bool,
    aliases: &'static [&'static str],
) -> TargetField {
    TargetField {
        name,
        label,
        required,
        list: false,
        aliases,
    }
}

const fn list(
    name: &'static str,
    label: &'static str,
    aliases: &'static [&'static str],
) -> TargetField {
    TargetField {
        name,
        label,
        required: false,
        list: true,
        aliases,
    }
}

const CUSTOMER_TARGETS: &[TargetField] = &[
    target(
        customer::CODE,
        "Código",
        false,
        &[
            "cod",
            "codigo cliente",
            "cod cliente",
            "id cliente",
            "matricula",
        ],
    ),
    target(
        customer::KIND,
        "Tipo de pessoa",
        false,
        &["tipo", "pessoa", "pf/pj", "fisica/juridica"],
    ),
    target(
        customer::NAME,
        "Nome / Razão social",
        true,
        &[
            "nome",
            "razao social",
            "nome cliente",
            "cliente",
            "nome/razao social",
        ],
    ),
    target(customer::TRADE_NAME, "Nome fantasia", false, &["fantasia"]),
    target(
        customer::DOCUMENT,
        "CPF/CNPJ",
        true,
        &["cpf", "cnpj", "documento", "cpf cnpj", "cnpj/cpf", "doc"],
    ),
    target(customer::POSTAL_CODE, "CEP", false, &[]),
    target(
        customer::STREET,
        "Logradouro",
        false,
        &["endereco", "rua", "logradouro"],
    ),
    target(
        customer::NUMBER,
        "Número",
        false,
        &["numero", "nº", "n", "num"],
    ),
    target(customer::COMPLEMENT, "Complemento", false, &["compl"]),
    target(customer::DISTRICT, "Bairro", false, &[]),
    target(customer::CITY, "Cidade", false, &["municipio"]),
    target(customer::STATE, "UF", false, &["estado"]),
    list(customer::EMAILS, "E-mails", &["email", "e-mail", "emails"]),
    list(
        customer::PHONES,
        "Telefones",
        &[
            "telefone",
            "fone",
            "celular",
            "whatsapp",
            "telefone 2",
            "fone 2",
        ],
    ),
    target(
        customer::NOTES,
        "Observações",
        false,
        &["observacao", "obs"],
    ),
];

const CONTRACT_TARGETS: &[TargetField] = &[
    target(
        fields::CUSTOMER_CODE,
        "Código do cliente",
        false,
        &["codigo", "cod cliente", "id cliente", "cliente"],
    ),
    target(
        fields::CUSTOMER_DOCUMENT,
        "CPF/CNPJ do cliente",
        false,
        &["cpf/cnpj", "cpf", "cnpj", "documento"],
    ),
    target(
        contract::LOGIN,
        "Login PPPoE",
        true,
        &["login", "pppoe", "usuario pppoe", "usuario"],
    ),
    target(contract::PLAN, "Plano", true, &["plano", "nome plano"]),
    target(
        contract::ROUTING_POINT,
        "Ponto de roteamento",
        true,
        &["pop", "concentrador", "ponto", "olt"],
    ),
    target(
        contract::INSTALLATION_ADDRESS,
        "Endereço de instalação",
        false,
        &["endereco instalacao", "endereco"],
    ),
    target(
        contract::INSTALLED_ON,
        "Data de instalação",
        false,
        &["instalacao", "data instalacao", "ativacao", "data ativacao"],
    ),
    target(
        contract::STATUS,
        "Situação",
        false,
        &["status", "situacao contrato"],
    ),
];

const PLAN_TARGETS: &[TargetField] = &[
    target(
        catalog::NAME,
        "Nome",
        true,
        &["plano", "nome plano", "descricao"],
    ),
    target(catalog::TECHNOLOGY, "Tecnologia", true, &["tipo"]),
    target(
        catalog::DOWNLOAD,
        "Download (Mbps)",
        true,
        &["download", "velocidade download", "down"],
    ),
    target(
        catalog::UPLOAD,
        "Upload (Mbps)",
        true,
        &["upload", "velocidade upload", "up"],
    ),
    target(
        catalog::PRICE,
        "Preço",
        true,
        &["valor", "mensalidade", "preco"],
    ),
];

const ROUTING_POINT_TARGETS: &[TargetField] = &[
    target(
        catalog::NAME,
        "Nome",
        true,
        &["ponto", "pop", "concentrador"],
    ),
    target(catalog::KIND, "Tipo", true, &[]),
    target(catalog::ADDRESS, "Endereço", true, &["local"]),
    target(catalog::IP, "IP", true, &["endereco ip"]),
    target(catalog::STATUS, "Situação", true, &["status"]),
];

/// A row the import refused, as its report shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct RejectedRow {
    /// The file's name.
    pub file: String,
    /// The line where the row starts (the header is line 1).
    pub line: u32,
    /// The file's column header the reason is about; empty when it is about the row.
    pub column: String,
    /// In pt-BR.
    pub reason: String,
}

/// The report's header line.
pub const REPORT_HEADER: [&str; 4] = ["Arquivo", "Linha", "Coluna", "Motivo"];

/// What a run of one file did so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ImportCounts {
    /// Rows read (past the header), refused or not.
    pub read: u32,
    pub created: u32,
    pub updated: u32,
    /// Already as in the file: nothing written.
    pub unchanged: u32,
    pub rejected: u32,
}

/// How an import finds the stored customer a row updates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum MatchCustomersBy {
    #[default]
    Code,
    Document,
}

impl MatchCustomersBy {
    /// As stored: "code", "document".
    pub fn code(self) -> &'static str {
        match self {
            MatchCustomersBy::Code => "code",
            MatchCustomersBy::Document => "document",
        }
    }

    /// The way stored as `code`; anything else is by code.
    pub fn from_code(code: &str) -> MatchCustomersBy {
        match code {
            "document" => MatchCustomersBy::Document,
            _ => MatchCustomersBy::Code,
        }
    }
}
