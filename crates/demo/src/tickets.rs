//! Tickets of the last weeks, as operators would have left them: saved by the wizard (with a
//! task for some), then followed up, reassigned, resolved, reopened; and the tasks of
//! each operator, some done. The list of tickets and "Minhas Tarefas" are not empty when
//! the demo starts.
//!
//! Every write goes through the store's own operations (`tickets::save`,
//! `ticket_updates::apply`, `tasks::complete`), so the demo's history is what the app writes.
use chrono::{DateTime, FixedOffset, Offset, Utc};
use helpdesk_core::customer::{CustomerSearch, SearchCondition, SearchField};
use helpdesk_core::task::NewTask;
use helpdesk_core::ticket::{NewTicket, TicketPlan, TicketStatus};
use helpdesk_core::ticket_type::{Assignee, TicketType};
use helpdesk_core::ticket_update::TicketAction;
use helpdesk_core::wizard::Origin;
use helpdesk_core::work_order_form::NewWorkOrder;
use helpdesk_store::tasks::CompleteOutcome;
use helpdesk_store::{customer_records, customers, people, protocols, tasks, ticket_types};
use helpdesk_store::{ticket_updates, tickets, work_orders, Store, StoreError};
use rand::Rng;
use uuid::Uuid;

use crate::random::{pick, stream, Part};
use crate::visits::{self, Planner, NEED_A_VISIT};
use crate::{DemoTickets, OPERATOR};

/// At most this many tickets, one per eight customers below that.
const MAX_TICKETS: usize = 250;
const HOUR: i64 = 3_600_000;
const DAY: i64 = 24 * HOUR;
/// The demo provider's zone, for the protocols' dates: UTC-3 (São Paulo).
const OFFSET_SECONDS: i32 = -3 * 3600;

/// What the customer says, and what the operator did at the first contact, by ticket type.
const STORIES: &[(&str, &str, &str)] = &[
    (
        "Sem conexão",
        "Cliente sem internet desde a manhã; a luz LOS da ONU está vermelha.",
        "Pedi para reiniciar a ONU e conferir o cabo de fibra; a LOS continuou acesa.",
    ),
    (
        "Quedas / instabilidade",
        "A conexão cai várias vezes por dia, principalmente à noite.",
        "Conferi o sinal óptico (-24 dBm) e abri análise de instabilidade.",
    ),
    (
        "Lentidão",
        "Velocidade muito abaixo do plano contratado nos testes do cliente.",
        "Teste via cabo deu 80% do plano; orientei sobre o Wi-Fi 2,4 GHz.",
    ),
    (
        "Wi-Fi e roteador",
        "Cliente esqueceu a senha do Wi-Fi e quer trocar o nome da rede.",
        "Troquei SSID e senha pelo acesso remoto e confirmei a conexão.",
    ),
    (
        "Financeiro",
        "Cliente pede a segunda via do boleto e a data de vencimento.",
        "Enviei a segunda via por e-mail e confirmei o vencimento no dia 10.",
    ),
    (
        "Mudança de endereço",
        "Cliente vai se mudar no próximo mês e quer levar a internet.",
        "Verifiquei viabilidade no novo endereço; há caixa de atendimento na rua.",
    ),
    (
        "Mudança de plano",
        "Cliente quer aumentar a velocidade para o plano de 500 mega.",
        "Expliquei os valores e a fidelidade; o cliente vai pensar.",
    ),
    (
        "Instalação",
        "Cliente novo aguardando a instalação agendada.",
        "Confirmei o endereço e o período da visita com o cliente.",
    ),
    (
        "Cancelamento",
        "Cliente quer cancelar por mudança de cidade.",
        "Ofereci transferência; o cliente mantém o pedido de cancelamento.",
    ),
    (
        "Informações gerais",
        "Cliente quer saber se há cobertura para um amigo no bairro vizinho.",
        "Informei a cobertura e passei o contato comercial.",
    ),
];

const FOLLOW_UPS: &[&str] = &[
    "Cliente retornou a ligação: o problema continua.",
    "Liguei para o cliente, que confirmou que está tudo normal desde ontem.",
    "Cliente enviou foto do equipamento pelo WhatsApp.",
    "Tentei contato duas vezes, sem resposta; deixei recado.",
    "Cliente pediu retorno no período da tarde.",
    "Sinal normalizado após manutenção na rede; aguardando confirmação do cliente.",
];

const TASKS: &[(&str, &str)] = &[
    (
        "Retornar ligação ao cliente",
        "Confirmar se a conexão voltou ao normal.",
    ),
    (
        "Verificar sinal da ONU",
        "Conferir potência óptica e histórico de quedas no OLT.",
    ),
    (
        "Agendar visita técnica",
        "Combinar data e período com o cliente.",
    ),
    (
        "Enviar segunda via do boleto",
        "Conferir o e-mail do cadastro antes de enviar.",
    ),
    (
        "Conferir viabilidade",
        "Consultar a caixa de atendimento mais próxima do endereço.",
    ),
    (
        "Ajustar plano no sistema",
        "Aplicar a mudança de velocidade a partir do próximo ciclo.",
    ),
];

/// Who works the tickets, as stored.
struct Staff {
    /// Every active operator's id.
    users: Vec<Uuid>,
    /// Every active operator and every role, as assignees.
    assignees: Vec<Assignee>,
    /// The demo's support operator ([`OPERATOR`]) and her role.
    operator: Assignee,
    operator_role: Assignee,
}

impl Staff {
    async fn read(store: &Store) -> Result<Option<Self>, StoreError> {
        let assignees = people::assignees(store).await?;
        let users: Vec<Uuid> = assignees
            .iter()
            .filter_map(|assignee| match assignee {
                Assignee::User { id, .. } => Some(*id),
                Assignee::Role { .. } => None,
            })
            .collect();
        let named = |wanted: &str, user: bool| {
            assignees
                .iter()
                .find(|assignee| match assignee {
                    Assignee::User { name, .. } => user && name == wanted,
                    Assignee::Role { name, .. } => !user && name == wanted,
                })
                .cloned()
        };
        let (Some(operator), Some(operator_role)) =
            (named(OPERATOR.name, true), named(OPERATOR.role, false))
        else {
            return Ok(None);
        };
        Ok(Some(Self {
            users,
            assignees,
            operator,
            operator_role,
        }))
    }

    fn anyone(&self, rng: &mut impl Rng) -> Uuid {
        self.users[rng.gen_range(0..self.users.len())]
    }
}

/// Writes the demo's tickets for `customers` customers (codes from 1001 on), opened over the
/// 45 days before `anchor_ms` (never today, so today's protocol numbers stay free).
pub(crate) async fn seed(
    store: &Store,
    seed: u64,
    customer_count: usize,
    anchor_ms: i64,
) -> Result<DemoTickets, StoreError> {
    let mut rng = stream(seed, Part::Tickets);
    let types = ticket_types::list(store).await?;
    let count = (customer_count / 8).min(MAX_TICKETS);
    let mut written = DemoTickets::default();
    let Some(staff) = Staff::read(store).await? else {
        return Ok(written);
    };
    if types.is_empty() || staff.users.is_empty() {
        return Ok(written);
    }
    let staff = &staff;
    let mut visits = Planner::new(
        work_orders::catalog(store).await?,
        anchor_ms,
        OFFSET_SECONDS,
    );
    let mut visit_rng = stream(seed, Part::Visits);
    let mut planned = Vec::with_capacity(count);
    for index in 0..count {
        let opened_at = anchor_ms - DAY - rng.gen_range(0..44 * DAY);
        planned.push((index, opened_at));
    }
    // Protocols are numbered in the order tickets were opened.
    planned.sort_by_key(|(_, opened_at)| *opened_at);
    for (index, opened_at) in planned {
        let code = 1001 + rng.gen_range(0..customer_count);
        let Some((customer_id, plan_id, address)) = customer(store, code).await? else {
            continue;
        };
        let kind = pick(&mut rng, &types).clone();
        let operator = staff.anyone(&mut rng);
        // Every third ticket has a task; the first ones go to the demo's operator (ana.souza)
        // and to her role, so her "Minhas Tarefas" has work in it.
        let task = (index % 3 == 0).then(|| {
            let assignee = match index {
                0 | 3 | 9 => staff.operator.clone(),
                6 | 12 => staff.operator_role.clone(),
                _ => pick(&mut rng, &staff.assignees).clone(),
            };
            let (title, description) = *pick(&mut rng, TASKS);
            NewTask {
                title: title.to_owned(),
                description: description.to_owned(),
                assignee,
                due_at: anchor_ms + rng.gen_range(-2 * DAY..5 * DAY),
            }
        });
        let resolved_at_once = rng.gen_bool(0.3);
        // Open tickets of the last ten days that need a technician have a visit ahead.
        // Older ones had their visit already, finished by the technician.
        let needs_visit = !resolved_at_once && NEED_A_VISIT.contains(&kind.name.as_str());
        let recent = opened_at > anchor_ms - 10 * DAY;
        let work_order = match (needs_visit, recent) {
            (true, true) => visits.plan(&mut visit_rng, &address),
            (true, false) => visits.plan_past(&mut visit_rng, &address, opened_at),
            _ => None,
        };
        let visited = work_order.is_some() && !recent;
        let has_work_order = work_order.is_some();
        let Some(id) = save(
            store,
            &mut rng,
            &kind,
            (customer_id, plan_id),
            (task.clone(), work_order),
            resolved_at_once,
            operator,
            opened_at,
        )
        .await?
        else {
            continue;
        };
        written.tickets += 1;
        written.tasks += usize::from(task.is_some());
        written.work_orders += usize::from(has_work_order);
        if visited {
            let offset_minutes = OFFSET_SECONDS / 60;
            visits::finish(
                store,
                &mut visit_rng,
                (customer_id, id),
                operator,
                offset_minutes,
                anchor_ms,
            )
            .await?;
        }
        afterwards(
            store,
            &mut rng,
            staff,
            id,
            resolved_at_once,
            opened_at,
            anchor_ms,
        )
        .await?;
        if let Some(task) = task {
            if task.due_at < anchor_ms && rng.gen_bool(0.5) {
                complete(store, staff, id, task.due_at - HOUR).await?;
            }
        }
    }
    Ok(written)
}

/// The customer with `code`, their first contracted plan and their address.
async fn customer(store: &Store, code: usize) -> Result<Option<(Uuid, Uuid, String)>, StoreError> {
    let search = CustomerSearch {
        text: code.to_string(),
        field: SearchField::Code,
        condition: SearchCondition::Equals,
        limit: 1,
    };
    let Ok(term) = search.validate() else {
        return Ok(None);
    };
    let Some(found) = customers::search(store, &term).await?.into_iter().next() else {
        return Ok(None);
    };
    let record = customer_records::record(store, found.id).await?;
    Ok(record.and_then(|record| {
        let address = record.address();
        record
            .plans
            .first()
            .map(|plan| (record.id, plan.id, address))
    }))
}

/// Saves one ticket as the wizard would, with a protocol of its day.
#[allow(clippy::too_many_arguments)]
async fn save(
    store: &Store,
    rng: &mut impl Rng,
    kind: &TicketType,
    (customer_id, plan_id): (Uuid, Uuid),
    (task, work_order): (Option<NewTask>, Option<NewWorkOrder>),
    resolved: bool,
    operator: Uuid,
    opened_at: i64,
) -> Result<Option<Uuid>, StoreError> {
    let offset = FixedOffset::east_opt(OFFSET_SECONDS).unwrap_or(Utc.fix());
    let Some(day) =
        DateTime::from_timestamp_millis(opened_at).map(|at| at.with_timezone(&offset).date_naive())
    else {
        return Ok(None);
    };
    let Ok(protocol) = protocols::reserve(store, operator, day).await? else {
        return Ok(None);
    };
    let (problem, first_contact) = STORIES.iter().find(|(name, ..)| *name == kind.name).map_or(
        ("Cliente pediu informações.", "Orientado."),
        |(_, problem, contact)| (*problem, *contact),
    );
    let ticket = NewTicket {
        protocol,
        origin: *pick(rng, &Origin::ALL),
        customer_id,
        plan: TicketPlan::Contract(plan_id),
        support_message_id: None,
        problem: problem.to_owned(),
        first_contact: first_contact.to_owned(),
        ticket_type: kind.clone(),
        script: None,
        attachments: Vec::new(),
        task,
        work_order,
        email: None,
        status: if resolved {
            TicketStatus::Resolved
        } else {
            TicketStatus::Open
        },
    };
    Ok(tickets::save(store, &ticket, operator, opened_at)
        .await?
        .saved()
        .map(|saved| saved.id))
}

/// What operators did to the ticket after the wizard: follow-ups, a reassignment, resolving
/// (or reopening), each a few hours after the last and never after `anchor_ms`.
async fn afterwards(
    store: &Store,
    rng: &mut impl Rng,
    staff: &Staff,
    id: Uuid,
    resolved: bool,
    opened_at: i64,
    anchor_ms: i64,
) -> Result<(), StoreError> {
    let mut at = opened_at;
    let mut actions = Vec::new();
    for _ in 0..rng.gen_range(0..3) {
        actions.push(TicketAction::FollowUp {
            description: (*pick(rng, FOLLOW_UPS)).to_owned(),
        });
    }
    if rng.gen_bool(0.2) {
        actions.push(TicketAction::Reassign {
            assignee: pick(rng, &staff.assignees).clone(),
        });
    }
    let status = if resolved {
        rng.gen_bool(0.1).then_some(TicketStatus::Open)
    } else {
        rng.gen_bool(0.4).then_some(TicketStatus::Resolved)
    };
    if let Some(status) = status {
        actions.push(TicketAction::ChangeStatus { status });
    }
    for action in actions {
        at += rng.gen_range(HOUR..30 * HOUR);
        if at >= anchor_ms {
            break;
        }
        let user = staff.anyone(rng);
        // A refusal (reassigning to whom it is with already) is simply skipped.
        ticket_updates::apply(store, id, &action, user, at).await?;
    }
    Ok(())
}

/// Marks the ticket's tasks done at `at` by whoever the store lets: the assignee, or the
/// first operator of the assigned role.
async fn complete(
    store: &Store,
    staff: &Staff,
    ticket_id: Uuid,
    at: i64,
) -> Result<(), StoreError> {
    for task in tasks::of_ticket(store, ticket_id).await? {
        for user in &staff.users {
            if let CompleteOutcome::Done(_) = tasks::complete(store, task.id, *user, at).await? {
                break;
            }
        }
    }
    Ok(())
}
