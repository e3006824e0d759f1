//! What the generated tickets and the saves measured draw from: the demo's operators,
//! ticket types (each with its share of the tickets), contracts and first script, and the
//! texts a ticket is written with.
use helpdesk_core::ticket_type::TicketType;
use helpdesk_store::{scripts, ticket_types, Store};
use rand::Rng;
use sqlx::types::Uuid;

/// Ticket types of the demo and their share of the tickets, in percent.
const TYPE_SHARES: &[(&str, u32)] = &[
    ("Sem conexão", 26),
    ("Quedas / instabilidade", 15),
    ("Lentidão", 14),
    ("Wi-Fi e roteador", 12),
    ("Financeiro", 11),
    ("Mudança de endereço", 4),
    ("Mudança de plano", 5),
    ("Instalação", 4),
    ("Cancelamento", 3),
    ("Informações gerais", 6),
];

pub const PROBLEMS: &[&str] = &[
    "Cliente sem internet desde a manhã, luz LOS vermelha na ONU.",
    "Conexão cai várias vezes ao dia, principalmente à noite.",
    "Velocidade bem abaixo do contratado no teste por cabo.",
    "Wi-Fi não alcança os quartos; quer trocar o roteador de lugar.",
    "Pede a segunda via do boleto deste mês.",
    "Vai se mudar no dia 15 e quer levar a internet para o endereço novo.",
    "Quer passar para o plano de 500 mega.",
    "Agendar a instalação do ponto adicional.",
    "Quer cancelar: vai se mudar para outra cidade.",
    "Pergunta o horário de atendimento da loja.",
];
pub const CONTACTS: &[&str] = &[
    "Reiniciamos a ONU remotamente; cliente confirmou que voltou.",
    "Potência óptica ok na OLT; orientado a trocar o cabo de rede.",
    "Sessão PPPoE caindo por autenticação; senha refeita no concentrador.",
    "Orientado sobre o posicionamento do roteador e o canal de 5 GHz.",
    "Boleto reenviado por e-mail ao titular.",
    "Verificada a viabilidade no endereço novo; encaminhado ao setor.",
];
/// What the generator draws from: the demo's operators, types, contracts and a script.
pub struct Catalog {
    pub users: Vec<Uuid>,
    /// Each type with its share, the shares summing to `total_share`.
    pub types: Vec<(TicketType, u32)>,
    total_share: u32,
    /// Every contract, as (customer, contracted plan).
    contracts: Vec<(Uuid, Uuid)>,
    /// The first script: its id, name and version.
    pub script: Option<(Uuid, String, u32)>,
}

impl Catalog {
    pub async fn load(store: &Store) -> Result<Self, Box<dyn std::error::Error>> {
        let users = sqlx::query_scalar("SELECT id FROM users WHERE deleted = 0 ORDER BY login")
            .fetch_all(store.pool())
            .await?;
        let types: Vec<(TicketType, u32)> = ticket_types::list(store)
            .await?
            .into_iter()
            .map(|kind| {
                let share = TYPE_SHARES
                    .iter()
                    .find(|(name, _)| *name == kind.name)
                    .map_or(1, |(_, share)| *share);
                (kind, share)
            })
            .collect();
        let contracts = sqlx::query_as(
            "SELECT customer_id, id FROM customer_plans WHERE deleted = 0 ORDER BY rowid",
        )
        .fetch_all(store.pool())
        .await?;
        let script = scripts::list(store)
            .await?
            .into_iter()
            .next()
            .map(|script| (script.id, script.name, script.version));
        if users.is_empty() || types.is_empty() || contracts.is_empty() {
            return Err("the demo data has no users, ticket types or contracts".into());
        }
        Ok(Self {
            users,
            total_share: types.iter().map(|(_, share)| share).sum(),
            types,
            contracts,
            script,
        })
    }

    pub fn ticket_type(&self, rng: &mut impl Rng) -> &TicketType {
        let mut drawn = rng.gen_range(0..self.total_share);
        for (kind, share) in &self.types {
            if drawn < *share {
                return kind;
            }
            drawn -= share;
        }
        &self.types[0].0
    }

    /// A contract: four tickets in five from any customer, the fifth from the one customer
    /// in twenty who calls often (about 90 tickets in the two years, against 14).
    pub fn contract(&self, rng: &mut impl Rng) -> (Uuid, Uuid) {
        let frequent = self.contracts.len().div_ceil(20);
        let at = if rng.gen_bool(0.2) {
            rng.gen_range(0..frequent)
        } else {
            rng.gen_range(0..self.contracts.len())
        };
        self.contracts[at]
    }

    pub fn user(&self, rng: &mut impl Rng) -> Uuid {
        self.users[rng.gen_range(0..self.users.len())]
    }
}
