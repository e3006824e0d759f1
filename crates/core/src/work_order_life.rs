//! A work order's life after it is scheduled: the stage each catalog status stands for
//! ("Aberta", "Em execução", "Concluída", "Cancelada"), the visit's outcome, and the rules of
//! changing a visit's status (the technician's actual times, report and outcome), each
//! refusal at its field in pt-BR.
//!
//! The status dialog runs [`StatusForm::check`] to show every error at once; the store runs
//! it again inside its write transaction against the visit and the status as stored.
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use crate::date::{format_instant, parse_date, start_of_day};
use crate::form::{optional_text, required_text, FieldError, FieldErrors};
use crate::work_order::MINUTE;
use crate::work_order_form::parse_time;

/// The fields of the status dialog (the UI's `data-field`).
pub mod fields {
    /// The status chosen.
    pub const STATUS: &str = "os-situacao";
    /// "Início real", dd/mm/aaaa hh:mm.
    pub const STARTED: &str = "os-inicio-real";
    /// "Fim real", dd/mm/aaaa hh:mm.
    pub const FINISHED: &str = "os-fim-real";
    /// "Resultado da visita".
    pub const OUTCOME: &str = "os-resultado";
    /// "Relatório do técnico".
    pub const REPORT: &str = "os-relatorio";
    /// "Resolver o atendimento".
    pub const RESOLVE: &str = "os-resolver";
}

/// The longest report, in characters.
pub const MAX_REPORT_CHARS: usize = 4000;
/// Said of a visit asked for that is no longer stored.
pub const VISIT_GONE: &str = "Esta visita não existe mais.";
/// How far in the future an actual time may be (clocks of two desktops differ a little).
pub const FUTURE_TOLERANCE_MINUTES: i64 = 5;

/// What a status means for the visit's life; stored as [`WorkOrderStage::code`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
pub enum WorkOrderStage {
    /// Scheduled, not started.
    Open,
    /// The technician is at the customer's.
    InProgress,
    /// Over: the technician's report and the outcome are written.
    Done,
    /// Not done, with the reason in the report.
    Cancelled,
}

impl WorkOrderStage {
    /// Every stage, in the order of a visit's life.
    pub const ALL: [WorkOrderStage; 4] = [
        WorkOrderStage::Open,
        WorkOrderStage::InProgress,
        WorkOrderStage::Done,
        WorkOrderStage::Cancelled,
    ];

    /// The stable text stored in `work_order_statuses.stage`.
    pub fn code(self) -> &'static str {
        match self {
            WorkOrderStage::Open => "open",
            WorkOrderStage::InProgress => "in_progress",
            WorkOrderStage::Done => "done",
            WorkOrderStage::Cancelled => "cancelled",
        }
    }

    /// The stage stored as `code`.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|stage| stage.code() == code)
    }

    /// The pt-BR label.
    pub fn label(self) -> &'static str {
        match self {
            WorkOrderStage::Open => "Aberta",
            WorkOrderStage::InProgress => "Em execução",
            WorkOrderStage::Done => "Concluída",
            WorkOrderStage::Cancelled => "Cancelada",
        }
    }

    /// Done or cancelled: the visit changes no more and holds no technician's time
    /// (`work_order_statuses.is_final`).
    pub fn is_final(self) -> bool {
        matches!(self, WorkOrderStage::Done | WorkOrderStage::Cancelled)
    }
}

/// What came of a visit; stored as [`VisitOutcome::code`] in `work_orders.outcome`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
pub enum VisitOutcome {
    /// The problem was solved at the customer's.
    ResolvedOnSite,
    /// The technician could not solve it.
    NotResolved,
    /// Nobody was there to let the technician in.
    CustomerAbsent,
    /// The technician could not reach the place (access, weather, structure).
    NoAccess,
    /// Another visit is needed.
    Reschedule,
}

impl VisitOutcome {
    /// Every outcome, in the dialog's order.
    pub const ALL: [VisitOutcome; 5] = [
        VisitOutcome::ResolvedOnSite,
        VisitOutcome::NotResolved,
        VisitOutcome::CustomerAbsent,
        VisitOutcome::NoAccess,
        VisitOutcome::Reschedule,
    ];

    /// The stable text stored.
    pub fn code(self) -> &'static str {
        match self {
            VisitOutcome::ResolvedOnSite => "resolved_on_site",
            VisitOutcome::NotResolved => "not_resolved",
            VisitOutcome::CustomerAbsent => "customer_absent",
            VisitOutcome::NoAccess => "no_access",
            VisitOutcome::Reschedule => "reschedule",
        }
    }

    /// The outcome stored as `code`.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|outcome| outcome.code() == code)
    }

    /// The pt-BR label.
    pub fn label(self) -> &'static str {
        match self {
            VisitOutcome::ResolvedOnSite => "Resolvido no local",
            VisitOutcome::NotResolved => "Não resolvido",
            VisitOutcome::CustomerAbsent => "Cliente ausente",
            VisitOutcome::NoAccess => "Sem acesso",
            VisitOutcome::Reschedule => "Reagendar",
        }
    }
}

/// The status dialog as the operator fills it in, kept as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct StatusForm {
    pub work_order_id: Uuid,
    /// The visit's `changed_at` as the operator saw it. Decimal text over IPC.
    #[serde(with = "crate::clock::stamp_text")]
    #[specta(type = String)]
    pub changed_at: i64,
    pub status_id: Option<Uuid>,
    /// "Início real", dd/mm/aaaa hh:mm.
    pub started_at: String,
    /// "Fim real", dd/mm/aaaa hh:mm.
    pub finished_at: String,
    pub outcome: Option<VisitOutcome>,
    /// "Relatório do técnico" (the reason, when cancelled).
    pub report: String,
    /// "Resolver o atendimento" (only when the visit is done).
    pub resolve_ticket: bool,
}

/// Where a visit stands now, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitLife {
    pub status_id: Uuid,
    pub status_name: String,
    pub stage: WorkOrderStage,
    /// The actual start, once started.
    pub started_at: Option<i64>,
}

/// A status of the catalog a visit may be given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusTarget {
    pub id: Uuid,
    pub name: String,
    pub stage: WorkOrderStage,
    /// Active and not deleted.
    pub active: bool,
}

/// A checked change of status: what the store writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusChange {
    pub status_id: Uuid,
    pub stage: WorkOrderStage,
    pub started_at: Option<i64>,
    pub finished_at: Option<i64>,
    /// Trimmed; '' when none.
    pub report: String,
    pub outcome: Option<VisitOutcome>,
    pub resolve_ticket: bool,
}

impl StatusForm {
    /// The change the form asks for a visit that stands at `current`, to the status
    /// `target` (`None`: no such status), at `now` (Unix ms), times read at
    /// `offset_minutes` from UTC; or every reason it is refused, at its field.
    ///
    /// Done and cancelled visits change no more; a visit does not go back (in execution to
    /// open); open may go straight to done (the report written afterwards). In execution
    /// needs the actual start; done needs the start, the end after it, the outcome and the
    /// report; cancelled needs the reason in the report. No actual time may be in the
    /// future beyond [`FUTURE_TOLERANCE_MINUTES`]. "Resolver o atendimento" only with done.
    pub fn check(
        &self,
        current: &VisitLife,
        target: Option<&StatusTarget>,
        now: i64,
        offset_minutes: i32,
    ) -> Result<StatusChange, Vec<FieldError>> {
        let mut errors = FieldErrors::default();
        if current.stage.is_final() {
            return Err(vec![FieldError::new(
                fields::STATUS,
                format!(
                    "Esta visita está {} e não pode mais ser alterada.",
                    current.stage.label().to_lowercase()
                ),
            )]);
        }
        let Some(target) = target.filter(|target| target.active || target.id == current.status_id)
        else {
            return Err(vec![FieldError::new(
                fields::STATUS,
                "Escolha o novo status da visita.",
            )]);
        };
        if target.id == current.status_id {
            errors.add(
                fields::STATUS,
                format!("A visita já está em \"{}\".", target.name),
            );
        } else if current.stage == WorkOrderStage::InProgress
            && target.stage == WorkOrderStage::Open
        {
            errors.add(
                fields::STATUS,
                "Uma visita em execução não volta a ficar aberta: conclua-a ou cancele-a.",
            );
        }
        let latest = now + FUTURE_TOLERANCE_MINUTES * MINUTE;
        let mut instant = |field: &str, label: &str, typed: &str, required: bool| {
            if typed.trim().is_empty() && !required {
                return None;
            }
            match parse_instant(typed, offset_minutes) {
                Err(message) => {
                    errors.add(field, message.replace("{}", label));
                    None
                }
                Ok(at) if at > latest => {
                    errors.add(field, format!("{label} não pode estar no futuro."));
                    None
                }
                Ok(at) => Some(at),
            }
        };
        let stage = target.stage;
        let needs_start = matches!(stage, WorkOrderStage::InProgress | WorkOrderStage::Done);
        let started_at = if needs_start || !self.started_at.trim().is_empty() {
            instant(
                fields::STARTED,
                "O início real",
                &self.started_at,
                needs_start,
            )
        } else {
            current.started_at
        };
        let finished_at = if stage == WorkOrderStage::Done {
            instant(fields::FINISHED, "O fim real", &self.finished_at, true)
        } else {
            None
        };
        if let (Some(start), Some(end)) = (started_at, finished_at) {
            if end <= start {
                errors.add(fields::FINISHED, "O fim real deve ser depois do início.");
            }
        }
        let report = match stage {
            WorkOrderStage::Done => required_text(
                &mut errors,
                fields::REPORT,
                "o relatório do técnico",
                &self.report,
                MAX_REPORT_CHARS,
            ),
            WorkOrderStage::Cancelled => required_text(
                &mut errors,
                fields::REPORT,
                "o motivo do cancelamento no relatório",
                &self.report,
                MAX_REPORT_CHARS,
            ),
            _ => optional_text(&mut errors, fields::REPORT, &self.report, MAX_REPORT_CHARS),
        }
        .unwrap_or_default();
        let outcome = if stage == WorkOrderStage::Done {
            if self.outcome.is_none() {
                errors.add(fields::OUTCOME, "Escolha o resultado da visita.");
            }
            self.outcome
        } else {
            None
        };
        if self.resolve_ticket && stage != WorkOrderStage::Done {
            errors.add(
                fields::RESOLVE,
                "Só é possível resolver o atendimento ao concluir a visita.",
            );
        }
        errors.into_result(|| StatusChange {
            status_id: target.id,
            stage,
            started_at,
            finished_at,
            report,
            outcome,
            resolve_ticket: self.resolve_ticket,
        })
    }
}

/// "dd/mm/aaaa hh:mm" at `offset_minutes` as Unix ms; in the error, `{}` stands for the
/// field's label.
pub fn parse_instant(typed: &str, offset_minutes: i32) -> Result<i64, String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err("Preencha {} (dd/mm/aaaa hh:mm).".to_owned());
    }
    let format = || "{} deve estar no formato dd/mm/aaaa hh:mm.".to_owned();
    let (date, time) = typed.split_once(char::is_whitespace).ok_or_else(format)?;
    let date: NaiveDate = parse_date(date).map_err(|_| format())?;
    let minute = parse_time(time).ok_or_else(format)?;
    Ok(start_of_day(date, offset_minutes) + Duration::minutes(minute).num_milliseconds())
}

/// An instant as the dialog shows it, "dd/mm/aaaa hh:mm" (empty for none).
pub fn format_typed(at: Option<i64>, offset_minutes: i32) -> String {
    at.map(|at| format_instant(at, offset_minutes))
        .unwrap_or_default()
}

#[cfg(test)]
#[path = "work_order_life_tests.rs"]
mod tests;
