//! The pre-registered records: roles, teams, operators, technicians, plans and routing
//! points, ticket types, work-order types and statuses, contact roles, scripts and e-mail
//! templates. The catalogs go through `catalog::save`, as an administrator's would.
use std::collections::HashSet;

use helpdesk_core::catalog::CatalogValues;
use helpdesk_core::email::{EmailTemplate, SmtpSecurity, SmtpSettings};
use helpdesk_core::setup::FIRST_ADMINISTRATOR_ROLE;
use helpdesk_core::text::fold;
use helpdesk_core::ticket_type::Assignee;
use helpdesk_core::work_order_life::WorkOrderStage;
use helpdesk_store::catalog::{self, SaveOutcome};
use helpdesk_store::email_templates;
use helpdesk_store::people::{self, NewUser};
use helpdesk_store::smtp_settings::{self, PasswordChange};
use helpdesk_store::{Store, StoreError};
use uuid::Uuid;

use crate::names;
use crate::network::{self, Network};
use crate::places;
use crate::random::{stream, Part};
use crate::scripts;
use crate::{DemoCredential, DemoSummary};

/// The demo provider's e-mail domain, for the operators' addresses.
const DOMAIN: &str = "conectafibra.net.br";

/// The demo's administrative role: the one a first run makes (the role's flag, not its
/// name, makes it administrative).
const ADMINISTRATOR_ROLE: &str = FIRST_ADMINISTRATOR_ROLE;

const ROLES: &[&str] = &[
    "Atendente N1",
    "Atendente N2",
    "Supervisor de Suporte",
    "Técnico de Campo",
    "Financeiro",
    ADMINISTRATOR_ROLE,
];

/// The roles whose users create and change customers (besides the administrators).
const CUSTOMER_EDITING_ROLES: &[&str] = &["Atendente N2", "Supervisor de Suporte", "Financeiro"];

const TEAMS: &[&str] = &[
    "Equipe Norte",
    "Equipe Sul",
    "Equipe Fibra",
    "Equipe Rádio",
    "Equipe Empresarial",
];

/// Every demo operator; the first two are the documented demo log-ins.
pub(crate) const OPERATORS: &[DemoCredential] = &[
    DemoCredential {
        login: "admin",
        password: "admin123",
        name: "Administrador do Sistema",
        role: "Administrador",
    },
    DemoCredential {
        login: "ana.souza",
        password: "suporte123",
        name: "Ana Souza",
        role: "Atendente N1",
    },
    DemoCredential {
        login: "bruno.carvalho",
        password: "suporte123",
        name: "Bruno Carvalho",
        role: "Atendente N1",
    },
    DemoCredential {
        login: "leticia.moraes",
        password: "suporte123",
        name: "Letícia Moraes",
        role: "Atendente N1",
    },
    DemoCredential {
        login: "camila.rocha",
        password: "suporte123",
        name: "Camila Rocha",
        role: "Atendente N2",
    },
    DemoCredential {
        login: "diego.martins",
        password: "suporte123",
        name: "Diego Martins",
        role: "Atendente N2",
    },
    DemoCredential {
        login: "juliana.ribeiro",
        password: "suporte123",
        name: "Juliana Ribeiro",
        role: "Supervisor de Suporte",
    },
    DemoCredential {
        login: "fernanda.alves",
        password: "suporte123",
        name: "Fernanda Alves",
        role: "Financeiro",
    },
    DemoCredential {
        login: "rafael.lima",
        password: "suporte123",
        name: "Rafael Lima",
        role: "Técnico de Campo",
    },
    DemoCredential {
        login: "thiago.barbosa",
        password: "suporte123",
        name: "Thiago Barbosa",
        role: "Técnico de Campo",
    },
    DemoCredential {
        login: "marcelo.teixeira",
        password: "suporte123",
        name: "Marcelo Teixeira",
        role: "Técnico de Campo",
    },
];

/// How many technicians there are, the field operators among them included.
const TECHNICIANS: usize = 16;

/// Who a ticket type goes to.
enum Target {
    Nobody,
    Role(&'static str),
    User(&'static str),
}

/// Name, who it goes to, SLA hours, whether they are calendar hours ("Sem conexão": an
/// outage runs the clock day and night) rather than business hours.
const TICKET_TYPES: &[(&str, Target, u32, bool)] = &[
    ("Sem conexão", Target::Role("Atendente N2"), 4, true),
    (
        "Quedas / instabilidade",
        Target::Role("Atendente N2"),
        12,
        false,
    ),
    ("Lentidão", Target::Nobody, 24, false),
    ("Wi-Fi e roteador", Target::Role("Atendente N1"), 24, false),
    ("Financeiro", Target::Role("Financeiro"), 48, false),
    (
        "Mudança de endereço",
        Target::User("juliana.ribeiro"),
        72,
        false,
    ),
    ("Mudança de plano", Target::Nobody, 48, false),
    ("Instalação", Target::Role("Técnico de Campo"), 120, false),
    (
        "Cancelamento",
        Target::Role("Supervisor de Suporte"),
        24,
        false,
    ),
    ("Informações gerais", Target::Nobody, 24, false),
];

/// Name, default duration in minutes, colour, whether it is a site survey.
const WORK_ORDER_TYPES: &[(&str, u32, &str, bool)] = &[
    ("Instalação", 120, "#2E7D32", false),
    ("Manutenção", 90, "#F9A825", false),
    ("Retirada de equipamento", 60, "#6D4C41", false),
    ("Troca de equipamento", 60, "#00838F", false),
    ("Mudança de endereço", 120, "#8E24AA", false),
    ("Site Survey", 60, "#1565C0", true),
];

/// Name, colour, whether it ends the work order; in workflow order.
const WORK_ORDER_STATUSES: &[(&str, &str, WorkOrderStage)] = &[
    ("Aberta", "#1E88E5", WorkOrderStage::Open),
    ("Agendada", "#8E24AA", WorkOrderStage::Open),
    ("Em execução", "#FB8C00", WorkOrderStage::InProgress),
    ("Concluída", "#43A047", WorkOrderStage::Done),
    ("Cancelada", "#757575", WorkOrderStage::Cancelled),
];

/// What a customer's contact may be to them ("Funções de contato").
const CONTACT_ROLES: &[&str] = &[
    "Titular",
    "Responsável financeiro",
    "Responsável técnico",
    "Cônjuge",
    "Filho(a)",
    "Familiar",
    "Funcionário",
    "Sócio",
    "Síndico",
    "Outro",
];

/// E-mail templates: name, subject, body, and the roles that may use it (none: every role).
/// Placeholders: see `helpdesk_core::email::PLACEHOLDERS`.
const EMAIL_TEMPLATES: &[(&str, &str, &str, &[&str])] = &[
    (
        "Protocolo de atendimento",
        "Protocolo {protocolo}",
        "Olá, {cliente}.\n\n\
         Registramos o seu contato em {data_contato}.\n\
         Número do protocolo: {protocolo}\n\n\
         Guarde este número: com ele você acompanha a sua solicitação em qualquer um dos nossos \
         canais de atendimento.\n\n\
         Atenciosamente,\n{atendente}\nCentral de Atendimento Conecta Fibra",
        &[],
    ),
    (
        "Visita técnica agendada",
        "Visita técnica agendada - protocolo {protocolo}",
        "Olá, {cliente}.\n\n\
         Agendamos a visita técnica do protocolo {protocolo}: {visita}.\n\n\
         É necessário que uma pessoa maior de 18 anos esteja no local para receber o técnico, \
         que estará uniformizado e com crachá. Para reagendar, responda a este e-mail.\n\n\
         Atenciosamente,\n{atendente}\nCentral de Atendimento Conecta Fibra",
        &[],
    ),
    (
        "Orientações sobre lentidão",
        "Sua conexão {plano} - protocolo {protocolo}",
        "Olá, {cliente}.\n\n\
         Sobre o seu contato de {data_contato} ({tipo_atendimento}): \"{problema}\".\n\n\
         Enquanto acompanhamos a sua conexão, algumas orientações ajudam:\n\
         - reinicie o roteador, desligando-o da tomada por 30 segundos;\n\
         - prefira a rede de 5 GHz perto do roteador e o cabo para computadores e TVs;\n\
         - faça o teste de velocidade com o aparelho ligado por cabo.\n\n\
         Se a lentidão continuar, responda a este e-mail informando o protocolo {protocolo}.\n\n\
         Atenciosamente,\n{atendente}\nSuporte Técnico Conecta Fibra",
        &[
            "Atendente N1",
            "Atendente N2",
            "Supervisor de Suporte",
            "Administrador",
        ],
    ),
    (
        "Segunda via do boleto",
        "Segunda via do boleto - {cliente}",
        "Olá, {cliente}.\n\n\
         Conforme solicitado no atendimento {protocolo}, segue em anexo a segunda via do boleto \
         do seu plano {plano}. O pagamento pode ser feito pelo código de barras ou pelo PIX \
         indicado no boleto; a liberação acontece em até 2 horas após a compensação.\n\n\
         Atenciosamente,\n{atendente}\nFinanceiro Conecta Fibra",
        &["Financeiro", "Supervisor de Suporte", "Administrador"],
    ),
];

/// The demo's SMTP server: a local test server without TLS or authentication (for example
/// `python3 tests/smtp/server.py --port 2525 --folder /tmp/emails`).
fn demo_smtp_settings() -> SmtpSettings {
    SmtpSettings {
        host: "127.0.0.1".into(),
        port: 2525,
        security: SmtpSecurity::None,
        username: String::new(),
        from_address: format!("atendimento@{DOMAIN}"),
        copy_address: format!("atendimento.copia@{DOMAIN}"),
    }
}

/// What the customer generator needs of the catalog.
pub(crate) struct SeededNetwork {
    pub network: Network,
    pub plan_ids: Vec<Uuid>,
    pub point_ids: Vec<Uuid>,
}

/// Saves a catalog entry of the demo's, which no rule refuses on a new database; returns
/// its id.
async fn save(store: &Store, values: CatalogValues) -> Result<Uuid, StoreError> {
    match catalog::save(store, None, &values).await? {
        SaveOutcome::Saved(entry) => Ok(entry.id),
        refused => Err(StoreError::Refused(format!(
            "the demo's {:?} \"{}\": {refused:?}",
            values.kind(),
            values.name()
        ))),
    }
}

/// Writes the whole catalog, counting it in `summary`.
pub(crate) async fn seed(
    store: &Store,
    seed: u64,
    summary: &mut DemoSummary,
) -> Result<SeededNetwork, StoreError> {
    let mut rng = stream(seed, Part::Catalog);
    let network = Network::new(&mut rng);

    let mut roles = Vec::with_capacity(ROLES.len());
    for name in ROLES {
        let role = CatalogValues::Roles {
            name: name.to_string(),
            administrator: *name == ADMINISTRATOR_ROLE,
            edits_customers: CUSTOMER_EDITING_ROLES.contains(name),
        };
        roles.push((*name, save(store, role).await?));
    }
    let role = |name: &str| {
        roles
            .iter()
            .find(|(role, _)| *role == name)
            .map(|(_, id)| *id)
    };
    let mut teams = Vec::with_capacity(TEAMS.len());
    for name in TEAMS {
        let team = CatalogValues::Teams {
            name: name.to_string(),
        };
        teams.push(save(store, team).await?);
    }

    let mut users = Vec::with_capacity(OPERATORS.len());
    for operator in OPERATORS {
        let Some(role_id) = role(operator.role) else {
            continue;
        };
        let id = people::insert_user(
            store,
            &NewUser {
                login: operator.login.to_string(),
                name: operator.name.to_string(),
                email: format!("{}@{DOMAIN}", operator.login),
                password: operator.password.to_string(),
                role_id,
            },
        )
        .await?;
        users.push((operator, id));
    }

    let field_users: Vec<_> = users
        .iter()
        .filter(|(operator, _)| operator.role == "Técnico de Campo")
        .collect();
    let mut technician_names = HashSet::with_capacity(TECHNICIANS);
    for index in 0..TECHNICIANS {
        let (name, user_id) = match field_users.get(index) {
            Some((operator, id)) => (operator.name.to_string(), Some(*id)),
            // Names are unique in the catalog: a person drawn twice is drawn again.
            None => loop {
                let person = names::person(&mut rng);
                let name = format!("{} {}", person.first, person.last);
                if !technician_names.contains(&fold(&name)) {
                    break (name, None);
                }
            },
        };
        technician_names.insert(fold(&name));
        let technician = CatalogValues::Technicians {
            name,
            team_id: teams[index % teams.len()],
            user_id,
            phone: places::mobile_phone(&mut rng, 11),
        };
        save(store, technician).await?;
    }

    let mut plan_ids = Vec::new();
    for plan in network::new_plans() {
        plan_ids.push(save(store, plan).await?);
    }
    let mut point_ids = Vec::new();
    for point in network.new_routing_points() {
        point_ids.push(save(store, point).await?);
    }

    for (name, target, sla_hours, sla_calendar) in TICKET_TYPES {
        let destination = match target {
            Target::Nobody => None,
            Target::Role(name) => role(name).map(|id| Assignee::Role {
                id,
                name: name.to_string(),
            }),
            Target::User(login) => users
                .iter()
                .find(|(operator, _)| operator.login == *login)
                .map(|(operator, id)| Assignee::User {
                    id: *id,
                    name: operator.name.to_string(),
                    active: true,
                }),
        };
        let ticket_type = CatalogValues::TicketTypes {
            name: name.to_string(),
            destination,
            sla_hours: *sla_hours,
            sla_calendar: *sla_calendar,
        };
        save(store, ticket_type).await?;
    }

    for (name, minutes, color, site_survey) in WORK_ORDER_TYPES {
        let kind = CatalogValues::WorkOrderTypes {
            name: name.to_string(),
            minutes: *minutes,
            site_survey: *site_survey,
            color: color.to_string(),
        };
        save(store, kind).await?;
    }
    for (name, color, stage) in WORK_ORDER_STATUSES {
        let status = CatalogValues::WorkOrderStatuses {
            name: name.to_string(),
            stage: *stage,
            color: color.to_string(),
        };
        save(store, status).await?;
    }
    for name in CONTACT_ROLES {
        let contact_role = CatalogValues::ContactRoles {
            name: name.to_string(),
        };
        save(store, contact_role).await?;
    }

    let scripts = scripts::new_scripts();
    for script in &scripts {
        catalog::insert_script(store, script).await?;
    }
    for (name, subject, body, role_names) in EMAIL_TEMPLATES {
        let template = EmailTemplate {
            id: helpdesk_store::new_id(),
            name: name.to_string(),
            subject: subject.to_string(),
            body: body.to_string(),
            role_ids: role_names.iter().filter_map(|name| role(name)).collect(),
        };
        email_templates::save(store, &template).await?;
    }
    smtp_settings::save(store, &demo_smtp_settings(), PasswordChange::Keep).await?;

    summary.roles = roles.len();
    summary.teams = teams.len();
    summary.users = users.len();
    summary.technicians = TECHNICIANS;
    summary.plans = plan_ids.len();
    summary.routing_points = point_ids.len();
    summary.ticket_types = TICKET_TYPES.len();
    summary.work_order_types = WORK_ORDER_TYPES.len();
    summary.work_order_statuses = WORK_ORDER_STATUSES.len();
    summary.scripts = scripts.len();
    summary.email_templates = EMAIL_TEMPLATES.len();
    Ok(SeededNetwork {
        network,
        plan_ids,
        point_ids,
    })
}
