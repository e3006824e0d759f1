//! One row of a file, its columns mapped, turned into what the window saves: a
//! [`CustomerForm`], a [`ContractForm`] (with the names of its customer, plan and routing
//! point, which the store resolves), or a catalog entry; checked by the window's own rules.
use chrono::NaiveDate;

use super::fields as import;
use super::mapping::ColumnMapping;
use super::{ImportKind, RejectedRow};
use crate::catalog::{fields as catalog, CatalogFields, CatalogValues};
use crate::contract::{fields as contract, ContractForm, ContractStatus};
use crate::customer_form::{fields as customer, CustomerForm, PersonKind};
use crate::date::parse_date;
use crate::form::FieldError;

/// A row's values by field, through the mapping.
pub struct MappedRow<'a> {
    mapping: &'a ColumnMapping,
    values: &'a [String],
}

impl<'a> MappedRow<'a> {
    pub fn new(mapping: &'a ColumnMapping, values: &'a [String]) -> Self {
        Self { mapping, values }
    }

    /// The trimmed value of the first column filling `field`, or "".
    pub fn get(&self, field: &str) -> &'a str {
        self.mapping
            .columns_of(field)
            .next()
            .and_then(|column| self.values.get(column))
            .map_or("", |value| value.trim())
    }

    /// Every non-empty value of the columns filling `field` (a list field), each split at
    /// `,`, `;`, `/` and line breaks.
    pub fn list(&self, field: &str) -> Vec<String> {
        self.mapping
            .columns_of(field)
            .filter_map(|column| self.values.get(column))
            .flat_map(|value| value.split([',', ';', '/', '\n', '\r']))
            .map(str::trim)
            .filter(|value| !value.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

/// Why a row was refused: the row's shape (`field` `None`) or a field's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub field: Option<String>,
    pub message: String,
}

impl From<FieldError> for RowError {
    fn from(error: FieldError) -> Self {
        RowError {
            field: Some(error.field),
            message: error.message,
        }
    }
}

impl RowError {
    fn at(field: &str, message: impl Into<String>) -> Self {
        RowError {
            field: Some(field.to_owned()),
            message: message.into(),
        }
    }

    /// The report's line: the column is the header of the field's first column (or the
    /// field's label when no column fills it).
    pub fn report(
        &self,
        kind: ImportKind,
        mapping: &ColumnMapping,
        headers: &[String],
        file: &str,
        line: u64,
    ) -> RejectedRow {
        let column = self.field.as_deref().map_or_else(String::new, |field| {
            mapping
                .columns_of(field)
                .next()
                .and_then(|column| headers.get(column).cloned())
                .or_else(|| kind.target(field).map(|target| target.label.to_owned()))
                .unwrap_or_else(|| field.to_owned())
        });
        RejectedRow {
            file: file.to_owned(),
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column,
            reason: self.message.clone(),
        }
    }
}

/// Why a row with `got` fields is refused when the header has `expected`.
pub fn shape_error(got: usize, expected: usize) -> RowError {
    RowError {
        field: None,
        message: format!(
            "A linha tem {got} {} e o cabeçalho, {expected}: confira o separador e as aspas.",
            if got == 1 { "campo" } else { "campos" }
        ),
    }
}

fn errors(list: Vec<FieldError>) -> Vec<RowError> {
    list.into_iter().map(RowError::from).collect()
}

/// The document's characters without punctuation, upper-case.
fn bare_document(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Whether the text is shaped like a CPF (11 digits) or a CNPJ (14 letters and digits,
/// the last two digits), bare or masked with `.`, `-` and `/` (never blanks: "Ana Silva 11"
/// is a name); the check digits are `CustomerForm::validate`'s.
fn looks_like_document(text: &str) -> bool {
    let only_mask = text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '/'));
    let bare = bare_document(text);
    only_mask
        && match bare.len() {
            11 => bare.bytes().all(|b| b.is_ascii_digit()),
            14 => bare.bytes().skip(12).all(|b| b.is_ascii_digit()),
            _ => false,
        }
}

/// "F", "PF", "Física", "Pessoa física" or "J", "PJ", "Jurídica"… ignoring case and accents.
fn person_kind(text: &str) -> Option<PersonKind> {
    let key = super::mapping::header_key(text);
    match key.as_str() {
        "f" | "pf" | "fisica" | "pessoafisica" | "cpf" => Some(PersonKind::Person),
        "j" | "pj" | "juridica" | "pessoajuridica" | "cnpj" => Some(PersonKind::Company),
        _ => None,
    }
}

/// The customer a row of the customers file describes, as typed (the document bare): the
/// columns' own mistakes (a document in the name's column) are refused here, the window's
/// rules once the customer it updates is known ([`merged`]).
pub fn customer(row: &MappedRow) -> Result<CustomerForm, Vec<RowError>> {
    let mut problems = Vec::new();
    let document = row.get(customer::DOCUMENT);
    let name = row.get(customer::NAME);
    if document.is_empty() {
        problems.push(RowError::at(customer::DOCUMENT, "Preencha o CPF/CNPJ."));
    } else if !looks_like_document(document) {
        problems.push(RowError::at(
            customer::DOCUMENT,
            format!(
                "\"{document}\" não é um CPF nem um CNPJ: confira se a coluna é a do documento."
            ),
        ));
    }
    if name.is_empty() {
        problems.push(RowError::at(
            customer::NAME,
            "Preencha o nome ou a razão social.",
        ));
    } else if looks_like_document(name) {
        problems.push(RowError::at(
            customer::NAME,
            format!("O nome \"{name}\" parece um CPF/CNPJ: confira se a coluna é a do nome."),
        ));
    }
    let kind_text = row.get(customer::KIND);
    let kind = match (kind_text.is_empty(), person_kind(kind_text)) {
        (_, Some(kind)) => kind,
        (true, None) if bare_document(document).len() == 14 => PersonKind::Company,
        (true, None) => PersonKind::Person,
        (false, None) => {
            problems.push(RowError::at(
                customer::KIND,
                format!(
                    "Tipo de pessoa \"{kind_text}\" desconhecido: use F (física) ou J (jurídica)."
                ),
            ));
            PersonKind::Person
        }
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let form = CustomerForm {
        id: None,
        kind,
        code: row.get(customer::CODE).to_owned(),
        name: name.to_owned(),
        trade_name: row.get(customer::TRADE_NAME).to_owned(),
        document: document.to_owned(),
        postal_code: row.get(customer::POSTAL_CODE).to_owned(),
        street: row.get(customer::STREET).to_owned(),
        number: row.get(customer::NUMBER).to_owned(),
        complement: row.get(customer::COMPLEMENT).to_owned(),
        district: row.get(customer::DISTRICT).to_owned(),
        city: row.get(customer::CITY).to_owned(),
        state: row.get(customer::STATE).to_owned(),
        emails: row.list(customer::EMAILS),
        phones: row.list(customer::PHONES),
        notes: row.get(customer::NOTES).to_owned(),
    };
    // Checked whole once the customer it updates, if any, is known: see [`merged`].
    Ok(CustomerForm {
        document: bare_document(&form.document),
        ..form
    })
}

/// The customer an imported row saves, checked by the window's rules: on a customer
/// already stored (`stored`), the fields the file does not have (`mapping`) keep their
/// stored values, so a file of a few columns updates those columns only.
pub fn merged(
    row: &CustomerForm,
    stored: Option<&CustomerForm>,
    mapping: &ColumnMapping,
) -> Result<CustomerForm, Vec<RowError>> {
    let form = match stored {
        None => row.clone(),
        Some(stored) => {
            let pick = |field: &str, from_row: &String, kept: &String| {
                if mapping.has(field) { from_row } else { kept }.clone()
            };
            let list = |field: &str, from_row: &Vec<String>, kept: &Vec<String>| {
                if mapping.has(field) { from_row } else { kept }.clone()
            };
            CustomerForm {
                id: None,
                kind: if mapping.has(customer::KIND) || mapping.has(customer::DOCUMENT) {
                    row.kind
                } else {
                    stored.kind
                },
                code: pick(customer::CODE, &row.code, &stored.code),
                name: pick(customer::NAME, &row.name, &stored.name),
                trade_name: pick(customer::TRADE_NAME, &row.trade_name, &stored.trade_name),
                document: pick(customer::DOCUMENT, &row.document, &stored.document),
                postal_code: pick(customer::POSTAL_CODE, &row.postal_code, &stored.postal_code),
                street: pick(customer::STREET, &row.street, &stored.street),
                number: pick(customer::NUMBER, &row.number, &stored.number),
                complement: pick(customer::COMPLEMENT, &row.complement, &stored.complement),
                district: pick(customer::DISTRICT, &row.district, &stored.district),
                city: pick(customer::CITY, &row.city, &stored.city),
                state: pick(customer::STATE, &row.state, &stored.state),
                emails: list(customer::EMAILS, &row.emails, &stored.emails),
                phones: list(customer::PHONES, &row.phones, &stored.phones),
                notes: pick(customer::NOTES, &row.notes, &stored.notes),
            }
        }
    };
    form.validate().map_err(errors)
}

/// A contract row: its form (without the customer, plan and routing point ids) and the
/// names the store resolves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContractRow {
    /// The customer's code, or empty.
    pub customer_code: String,
    /// The customer's document, bare, or empty.
    pub customer_document: String,
    pub plan: String,
    pub routing_point: String,
    pub form: ContractForm,
}

/// "Ativo", "Suspenso", "Cancelado" and their usual variants ("Ativa", "Bloqueado",
/// "Cancelada"); empty is "Ativo".
fn contract_status(text: &str) -> Option<ContractStatus> {
    if text.is_empty() {
        return Some(ContractStatus::Active);
    }
    let key = super::mapping::header_key(text);
    ContractStatus::from_label(text).or(if key.starts_with("ativ") || key == "a" {
        Some(ContractStatus::Active)
    } else if key.starts_with("susp") || key.starts_with("bloq") || key == "s" {
        Some(ContractStatus::Suspended)
    } else if key.starts_with("cancel") || key == "c" {
        Some(ContractStatus::Cancelled)
    } else {
        None
    })
}

/// A date "dd/mm/aaaa" (or "aaaa-mm-dd") as "aaaa-mm-dd"; empty stays empty.
fn iso_date(text: &str) -> Result<String, String> {
    if text.is_empty() {
        return Ok(String::new());
    }
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(date.format("%Y-%m-%d").to_string());
    }
    parse_date(text)
        .map(|date| date.format("%Y-%m-%d").to_string())
        .map_err(|error| format!("Data \"{text}\": {error}"))
}

/// The contract a row of the contracts file describes, checked by `ContractForm::validate`
/// (with placeholder ids: the store's are resolved later).
pub fn contract(row: &MappedRow) -> Result<ContractRow, Vec<RowError>> {
    let mut problems = Vec::new();
    let customer_code = row.get(import::CUSTOMER_CODE).to_owned();
    let customer_document = bare_document(row.get(import::CUSTOMER_DOCUMENT));
    if customer_code.is_empty() && customer_document.is_empty() {
        let field = match row.mapping.has(import::CUSTOMER_CODE) {
            true => import::CUSTOMER_CODE,
            false => import::CUSTOMER_DOCUMENT,
        };
        problems.push(RowError::at(field, "Preencha o cliente do contrato."));
    }
    for (field, what) in [
        (contract::LOGIN, "o login"),
        (contract::PLAN, "o plano"),
        (contract::ROUTING_POINT, "o ponto de roteamento"),
    ] {
        if row.get(field).is_empty() {
            problems.push(RowError::at(field, format!("Preencha {what}.")));
        }
    }
    let status_text = row.get(contract::STATUS);
    let status = contract_status(status_text).unwrap_or_else(|| {
        problems.push(RowError::at(
            contract::STATUS,
            format!("Situação \"{status_text}\" desconhecida: use Ativo, Suspenso ou Cancelado."),
        ));
        ContractStatus::Active
    });
    let installed_on = iso_date(row.get(contract::INSTALLED_ON)).unwrap_or_else(|message| {
        problems.push(RowError::at(contract::INSTALLED_ON, message));
        String::new()
    });
    if !problems.is_empty() {
        return Err(problems);
    }
    let form = ContractForm {
        id: None,
        customer_id: uuid::Uuid::nil(),
        plan_id: Some(uuid::Uuid::nil()),
        routing_point_id: Some(uuid::Uuid::nil()),
        login: row.get(contract::LOGIN).to_owned(),
        installation_address: row.get(contract::INSTALLATION_ADDRESS).to_owned(),
        installed_on,
        status,
    };
    let form = form.validate().map_err(errors)?;
    Ok(ContractRow {
        customer_code,
        customer_document,
        plan: row.get(contract::PLAN).to_owned(),
        routing_point: row.get(contract::ROUTING_POINT).to_owned(),
        form,
    })
}

/// The plan or routing point a row of their files describes, checked by the catalog's
/// rules.
pub fn catalog_entry(kind: ImportKind, row: &MappedRow) -> Result<CatalogValues, Vec<RowError>> {
    let fields = match kind {
        ImportKind::RoutingPoints => CatalogFields::RoutingPoints {
            name: row.get(catalog::NAME).to_owned(),
            kind: row.get(catalog::KIND).to_owned(),
            address: row.get(catalog::ADDRESS).to_owned(),
            ip: row.get(catalog::IP).to_owned(),
            status: row.get(catalog::STATUS).to_owned(),
        },
        _ => CatalogFields::Plans {
            name: row.get(catalog::NAME).to_owned(),
            technology: row.get(catalog::TECHNOLOGY).to_owned(),
            download_mbps: row.get(catalog::DOWNLOAD).to_owned(),
            upload_mbps: row.get(catalog::UPLOAD).to_owned(),
            price: row.get(catalog::PRICE).to_owned(),
        },
    };
    fields.parse().map_err(errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapped(kind: ImportKind, headers: &[&str]) -> (ColumnMapping, Vec<String>) {
        let headers: Vec<String> = headers.iter().map(|h| (*h).to_owned()).collect();
        (ColumnMapping::suggest(kind, &headers), headers)
    }

    fn values(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| (*v).to_owned()).collect()
    }

    #[test]
    fn a_customer_row_becomes_its_form() {
        let (mapping, _) = mapped(
            ImportKind::Customers,
            &[
                "Código", "Nome", "CPF/CNPJ", "E-mail", "Telefone", "Celular",
            ],
        );
        let row = values(&[
            "42",
            " Maria da Silva ",
            "529.982.247-25",
            "maria@example.com; m@example.com",
            "(19) 3333-4444",
            "",
        ]);
        let form = customer(&MappedRow::new(&mapping, &row)).expect("valid");
        assert_eq!(form.code, "42");
        assert_eq!(form.name, "Maria da Silva");
        assert_eq!(form.kind, PersonKind::Person);
        assert_eq!(form.document, "52998224725");
        assert_eq!(form.emails.len(), 2);
        assert_eq!(form.phones.len(), 1);
    }

    #[test]
    fn a_cnpj_makes_a_company_unless_the_kind_says_otherwise() {
        let (mapping, _) = mapped(ImportKind::Customers, &["Razão Social", "CNPJ"]);
        let row = values(&["Padaria Ltda", "12.ABC.345/01DE-35"]);
        let form = customer(&MappedRow::new(&mapping, &row)).expect("valid");
        assert_eq!(form.kind, PersonKind::Company);
        assert_eq!(form.document, "12ABC34501DE35");
    }

    #[test]
    fn a_name_with_a_number_is_not_a_document() {
        assert!(!looks_like_document("Adriana Silva 11"));
        assert!(looks_like_document("12.ABC.345/01DE-35"));
        assert!(looks_like_document("52998224725"));
    }

    #[test]
    fn a_document_in_the_wrong_column_is_reported_at_both() {
        let (mapping, headers) = mapped(ImportKind::Customers, &["Nome", "CPF"]);
        let row = values(&["529.982.247-25", "Maria da Silva"]);
        let problems = customer(&MappedRow::new(&mapping, &row)).expect_err("refused");
        let lines: Vec<RejectedRow> = problems
            .iter()
            .map(|p| p.report(ImportKind::Customers, &mapping, &headers, "clientes.csv", 2))
            .collect();
        assert_eq!(lines[0].column, "CPF");
        assert!(lines[0].reason.contains("não é um CPF nem um CNPJ"));
        assert_eq!(lines[1].column, "Nome");
        assert!(lines[1].reason.contains("parece um CPF/CNPJ"));
    }

    #[test]
    fn a_contract_row_reads_dates_and_situations() {
        let (mapping, _) = mapped(
            ImportKind::Contracts,
            &[
                "Cód. Cliente",
                "Login",
                "Plano",
                "POP",
                "Data de instalação",
                "Situação",
            ],
        );
        let row = values(&[
            "42",
            "maria.silva",
            "Fibra 300",
            "POP Centro",
            "05/03/2024",
            "Bloqueado",
        ]);
        let read = contract(&MappedRow::new(&mapping, &row)).expect("valid");
        assert_eq!(read.customer_code, "42");
        assert_eq!(read.plan, "Fibra 300");
        assert_eq!(read.routing_point, "POP Centro");
        assert_eq!(read.form.installed_on, "2024-03-05");
        assert_eq!(read.form.status, ContractStatus::Suspended);
    }

    #[test]
    fn a_contract_row_with_a_bad_date_and_no_login_is_refused_at_both() {
        let (mapping, _) = mapped(
            ImportKind::Contracts,
            &["Código", "Login", "Plano", "POP", "Instalação"],
        );
        let row = values(&["42", "", "Fibra", "POP", "31/02/2024"]);
        let problems = contract(&MappedRow::new(&mapping, &row)).expect_err("refused");
        let fields: Vec<_> = problems.iter().filter_map(|p| p.field.as_deref()).collect();
        assert_eq!(fields, [contract::LOGIN, contract::INSTALLED_ON]);
        assert!(problems[1].message.contains("não existe"));
    }

    #[test]
    fn a_plan_row_is_checked_by_the_catalog() {
        let (mapping, _) = mapped(
            ImportKind::Plans,
            &["Plano", "Tecnologia", "Download", "Upload", "Valor"],
        );
        let row = values(&["Fibra 300", "Fibra", "300", "150", "R$ 99,90"]);
        let plan = catalog_entry(ImportKind::Plans, &MappedRow::new(&mapping, &row));
        assert!(matches!(
            plan,
            Ok(CatalogValues::Plans {
                download_mbps: 300,
                ..
            })
        ));
        let row = values(&["", "Fibra", "rápido", "150", "R$ 99,90"]);
        assert!(catalog_entry(ImportKind::Plans, &MappedRow::new(&mapping, &row)).is_err());
    }

    #[test]
    fn a_short_row_is_explained() {
        assert!(shape_error(3, 5)
            .message
            .contains("3 campos e o cabeçalho, 5"));
    }
}
