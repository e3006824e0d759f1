//! The reports offered, their columns, and which filters each takes.
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::sla_state::SlaState;

/// A report of "Relatórios".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
pub enum ReportKind {
    /// Tickets opened in the period, by origin.
    TicketsByOrigin,
    /// Tickets opened in the period, by ticket type.
    TicketsByType,
    /// Tickets opened in the period, by the operator who opened them.
    TicketsByOperator,
    /// Tickets opened in the period, by assignee (user or role).
    TicketsByAssignee,
    /// Tickets opened in the period against their SLA, by ticket type.
    SlaByType,
    /// Tickets opened in the period resolved in the wizard, by operator.
    FirstContactByOperator,
    /// Work orders scheduled in the period, with time on site, by technician.
    WorkOrdersByTechnician,
    /// Protocol numbers given in the period, per local day.
    ProtocolsPerDay,
}

/// A filter a report may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
pub enum FilterKind {
    Origin,
    TicketType,
    Operator,
    AssignedUser,
    AssignedRole,
    Technician,
    Team,
}

/// How a column's values read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum ColumnKind {
    /// A count, from the query.
    Count,
    /// A duration in Unix ms, from the query; shown as "h:mm".
    Duration,
    /// Column `part` as a share of the sum of columns `of`, in tenths of a percent.
    Percent { part: u32, of: Vec<u32> },
    /// The duration column `total` divided by the count column `count`, in ms.
    Average { total: u32, count: u32 },
}

impl ColumnKind {
    /// Whether the query gives the column (else it is derived from other columns).
    pub fn from_query(&self) -> bool {
        matches!(self, ColumnKind::Count | ColumnKind::Duration)
    }
}

/// A column of a report's table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Column {
    /// The pt-BR header.
    pub name: String,
    pub kind: ColumnKind,
}

fn count(name: &str) -> Column {
    Column {
        name: name.into(),
        kind: ColumnKind::Count,
    }
}

/// The SLA report's columns: where each ticket of the period stands against its due time
/// at the report's "now" ([`SlaState::of`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlaColumn {
    /// Resolved by its due time.
    Met,
    /// Resolved after its due time, or still open past it.
    Missed,
    /// Still open, its due time not reached.
    OpenInTime,
    /// No due time (its type has no SLA).
    NoSla,
}

impl SlaColumn {
    /// The column of a ticket in `state` (`None`: no due time).
    pub fn of(state: Option<SlaState>) -> SlaColumn {
        match state {
            None => SlaColumn::NoSla,
            Some(SlaState::Met) => SlaColumn::Met,
            Some(SlaState::Missed | SlaState::Overdue) => SlaColumn::Missed,
            Some(SlaState::OnTime | SlaState::DueSoon) => SlaColumn::OpenInTime,
        }
    }
}

impl ReportKind {
    /// Every report, in the order the page offers them.
    pub const ALL: [ReportKind; 8] = [
        ReportKind::TicketsByOrigin,
        ReportKind::TicketsByType,
        ReportKind::TicketsByOperator,
        ReportKind::TicketsByAssignee,
        ReportKind::SlaByType,
        ReportKind::FirstContactByOperator,
        ReportKind::WorkOrdersByTechnician,
        ReportKind::ProtocolsPerDay,
    ];

    /// The pt-BR title.
    pub fn title(self) -> &'static str {
        match self {
            ReportKind::TicketsByOrigin => "Atendimentos por origem",
            ReportKind::TicketsByType => "Atendimentos por tipo",
            ReportKind::TicketsByOperator => "Atendimentos por operador",
            ReportKind::TicketsByAssignee => "Atendimentos por responsável",
            ReportKind::SlaByType => "SLA cumprido e perdido",
            ReportKind::FirstContactByOperator => "Resolução no primeiro contato",
            ReportKind::WorkOrdersByTechnician => "Ordens de serviço por técnico",
            ReportKind::ProtocolsPerDay => "Protocolos gerados por dia",
        }
    }

    /// The header of the label column.
    pub fn label_header(self) -> &'static str {
        match self {
            ReportKind::TicketsByOrigin => "Origem",
            ReportKind::TicketsByType | ReportKind::SlaByType => "Tipo de atendimento",
            ReportKind::TicketsByOperator | ReportKind::FirstContactByOperator => "Operador",
            ReportKind::TicketsByAssignee => "Responsável",
            ReportKind::WorkOrdersByTechnician => "Técnico",
            ReportKind::ProtocolsPerDay => "Dia",
        }
    }

    /// The value columns, in order; the query gives the [`ColumnKind::from_query`] ones,
    /// in this order.
    pub fn columns(self) -> Vec<Column> {
        match self {
            ReportKind::TicketsByOrigin
            | ReportKind::TicketsByType
            | ReportKind::TicketsByOperator
            | ReportKind::TicketsByAssignee => vec![count("Atendimentos")],
            ReportKind::SlaByType => vec![
                count("Cumprido"),
                count("Perdido"),
                count("Aberto no prazo"),
                count("Sem SLA"),
                count("Total"),
                Column {
                    name: "% cumprido".into(),
                    kind: ColumnKind::Percent {
                        part: 0,
                        of: vec![0, 1],
                    },
                },
            ],
            ReportKind::FirstContactByOperator => vec![
                count("Atendimentos"),
                count("Resolvidos no primeiro contato"),
                Column {
                    name: "% no primeiro contato".into(),
                    kind: ColumnKind::Percent {
                        part: 1,
                        of: vec![0],
                    },
                },
            ],
            ReportKind::WorkOrdersByTechnician => vec![
                count("Ordens de serviço"),
                count("Concluídas"),
                count("Com horário de chegada e saída"),
                Column {
                    name: "Tempo em campo".into(),
                    kind: ColumnKind::Duration,
                },
                Column {
                    name: "Tempo médio por visita".into(),
                    kind: ColumnKind::Average { total: 3, count: 2 },
                },
            ],
            ReportKind::ProtocolsPerDay => vec![
                count("Protocolos gerados"),
                count("Usados em atendimentos"),
                count("Sem atendimento"),
            ],
        }
    }

    /// The column the chart draws.
    pub fn chart_column(self) -> usize {
        match self {
            ReportKind::SlaByType => 5,
            ReportKind::FirstContactByOperator => 2,
            _ => 0,
        }
    }

    /// Whether the rows are days in order (every day of the period, even empty ones)
    /// rather than labels by their chart value.
    pub fn per_day(self) -> bool {
        self == ReportKind::ProtocolsPerDay
    }

    /// The filters this report takes.
    pub fn filters(self) -> &'static [FilterKind] {
        match self {
            ReportKind::TicketsByOrigin
            | ReportKind::TicketsByType
            | ReportKind::TicketsByOperator
            | ReportKind::TicketsByAssignee
            | ReportKind::SlaByType
            | ReportKind::FirstContactByOperator => &[
                FilterKind::Origin,
                FilterKind::TicketType,
                FilterKind::Operator,
                FilterKind::AssignedUser,
                FilterKind::AssignedRole,
            ],
            ReportKind::WorkOrdersByTechnician => &[FilterKind::Technician, FilterKind::Team],
            ReportKind::ProtocolsPerDay => &[FilterKind::Operator],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_columns_refer_to_columns_before_the_chart() {
        for kind in ReportKind::ALL {
            let columns = kind.columns();
            assert!(kind.chart_column() < columns.len(), "{kind:?}");
            for column in &columns {
                let refs: Vec<u32> = match &column.kind {
                    ColumnKind::Percent { part, of } => {
                        std::iter::once(*part).chain(of.iter().copied()).collect()
                    }
                    ColumnKind::Average { total, count } => vec![*total, *count],
                    _ => vec![],
                };
                for index in refs {
                    assert!(columns[index as usize].kind.from_query(), "{kind:?}");
                }
            }
        }
    }

    #[test]
    fn sla_columns_follow_the_sla_state() {
        let now = 1_000_000;
        let column = |due, resolved| SlaColumn::of(SlaState::of(due, resolved, now));
        assert_eq!(column(None, Some(5)), SlaColumn::NoSla);
        assert_eq!(column(Some(10), Some(10)), SlaColumn::Met);
        assert_eq!(column(Some(10), Some(11)), SlaColumn::Missed);
        assert_eq!(column(Some(now), None), SlaColumn::Missed);
        assert_eq!(column(Some(now + 1), None), SlaColumn::OpenInTime);
    }
}
