//! The "Ord. Serviço" step's form: technician, status, type, date, start, end and duration
//! (editing two of the last three computes the third), address and the work to be done.
use chrono::{NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use crate::date::{day_of, format_date, parse_date, start_of_day};
use crate::form::{required_text, FieldError, FieldErrors};
use crate::work_order::{Slot, MINUTE};

/// The longest "Descrição Trabalho a ser Realizado" and address.
pub const MAX_DESCRIPTION_CHARS: usize = 4000;
const MAX_ADDRESS_CHARS: usize = 300;

/// Field names of the form's messages, shared with the UI.
pub mod fields {
    pub const TECHNICIAN: &str = "os-tecnico";
    pub const STATUS: &str = "os-status";
    pub const TYPE: &str = "os-tipo";
    pub const DATE: &str = "os-data";
    pub const START: &str = "os-inicio";
    pub const END: &str = "os-fim";
    pub const DURATION: &str = "os-duracao";
    pub const ADDRESS: &str = "os-endereco";
    pub const DESCRIPTION: &str = "os-descricao";
}

/// One of the three linked time fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum TimeField {
    Start,
    End,
    Duration,
}

/// The form as the operator fills it in, kept as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct WorkOrderForm {
    pub technician_id: Option<Uuid>,
    pub status_id: Option<Uuid>,
    pub type_id: Option<Uuid>,
    /// "Data", dd/mm/aaaa.
    pub date: String,
    /// "Início", hh:mm.
    pub start: String,
    /// "até", hh:mm.
    pub end: String,
    /// "Duração", h:mm (or whole minutes as typed).
    pub duration: String,
    /// The customer's address where the work is done.
    pub address: String,
    /// "Descrição Trabalho a ser Realizado".
    pub description: String,
    /// The time fields edited last, newest first: the third one is computed from them.
    pub edited: Vec<TimeField>,
    /// The operator saw that the time clashes with another visit and kept it.
    pub allow_clash: bool,
}

/// A work order ready to be written with its ticket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewWorkOrder {
    pub slot: Slot,
    pub status_id: Uuid,
    pub type_id: Uuid,
    pub address: String,
    pub description: String,
    pub allow_clash: bool,
}

impl WorkOrderForm {
    /// A new form for `today`, with the address of the customer.
    pub fn new(today: NaiveDate, address: String) -> Self {
        Self {
            date: format_date(today),
            address,
            ..Self::default()
        }
    }

    /// One of the time fields typed: it becomes the newest edited, and the field edited
    /// neither now nor just before is computed from the other two when both read well.
    pub fn edit_time(&mut self, field: TimeField, text: String) {
        match field {
            TimeField::Start => self.start = text,
            TimeField::End => self.end = text,
            TimeField::Duration => self.duration = text,
        }
        self.edited.retain(|edited| *edited != field);
        self.edited.insert(0, field);
        self.edited.truncate(2);
        self.allow_clash = false;
        let derived = match self.edited.as_slice() {
            [newest, before] => [TimeField::Start, TimeField::End, TimeField::Duration]
                .into_iter()
                .find(|field| field != newest && field != before),
            [TimeField::Duration] => Some(TimeField::End),
            _ => Some(TimeField::Duration),
        };
        let start = parse_time(&self.start);
        let end = parse_time(&self.end);
        let duration = parse_duration(&self.duration).filter(|minutes| *minutes > 0);
        match (derived, start, end, duration) {
            (Some(TimeField::Duration), Some(start), Some(end), _) if end > start => {
                self.duration = format_duration(end - start);
            }
            (Some(TimeField::End), Some(start), _, Some(minutes)) if start + minutes < 24 * 60 => {
                self.end = format_time(start + minutes);
            }
            (Some(TimeField::Start), _, Some(end), Some(minutes)) if end >= minutes => {
                self.start = format_time(end - minutes);
            }
            _ => {}
        }
    }

    /// The form set to `slot` (from the agenda), shown in local time at `offset_minutes`.
    pub fn schedule(&mut self, slot: &Slot, offset_minutes: i32) {
        let date = day_of(slot.starts_at, offset_minutes);
        let day = start_of_day(date, offset_minutes);
        self.date = format_date(date);
        self.technician_id = Some(slot.technician_id);
        self.start = format_time((slot.starts_at - day) / MINUTE);
        self.end = format_time((slot.ends_at - day) / MINUTE);
        self.duration = format_duration(slot.minutes());
        // A duration typed next keeps the chosen start.
        self.edited = vec![TimeField::Start, TimeField::End];
        self.allow_clash = false;
    }

    /// The slot the form's technician, date and times make, if they all read well.
    pub fn slot(&self, offset_minutes: i32) -> Option<Slot> {
        let technician_id = self.technician_id?;
        let date = parse_date(&self.date).ok()?;
        let (start, end) = (parse_time(&self.start)?, parse_time(&self.end)?);
        let day = start_of_day(date, offset_minutes);
        (end > start).then_some(Slot {
            technician_id,
            starts_at: day + start * MINUTE,
            ends_at: day + end * MINUTE,
        })
    }

    /// The work order, or every reason it is not one, at its field. `today` is the
    /// desktop's local date: a work order is not scheduled in the past.
    pub fn validate(
        &self,
        today: NaiveDate,
        offset_minutes: i32,
    ) -> Result<NewWorkOrder, Vec<FieldError>> {
        let mut errors = FieldErrors::default();
        if self.technician_id.is_none() {
            errors.add(fields::TECHNICIAN, "Escolha o técnico.");
        }
        if self.status_id.is_none() {
            errors.add(fields::STATUS, "Escolha o status da ordem de serviço.");
        }
        if self.type_id.is_none() {
            errors.add(fields::TYPE, "Escolha o tipo de OS.");
        }
        match parse_date(&self.date) {
            _ if self.date.trim().is_empty() => errors.add(fields::DATE, "Preencha a data."),
            Ok(date) if date < today => {
                errors.add(fields::DATE, "A data não pode ser antes de hoje.")
            }
            Ok(_) => {}
            Err(error) => errors.add(fields::DATE, error.to_string()),
        }
        let start = time_at(&mut errors, fields::START, "o início", &self.start);
        let end = time_at(&mut errors, fields::END, "o fim", &self.end);
        match parse_duration(&self.duration) {
            _ if self.duration.trim().is_empty() => {
                errors.add(fields::DURATION, "Preencha a duração (h:mm).")
            }
            Some(0) => errors.add(fields::DURATION, "A duração deve ser maior que zero."),
            Some(_) => {}
            None if self.duration.trim().starts_with('-') => {
                errors.add(fields::DURATION, "A duração deve ser maior que zero.")
            }
            None => errors.add(fields::DURATION, "Use o formato h:mm para a duração."),
        }
        if let (Some(start), Some(end)) = (start, end) {
            if end <= start {
                errors.add(fields::END, "O fim deve ser depois do início.");
            } else if parse_duration(&self.duration).is_some_and(|d| d > 0 && d != end - start) {
                errors.add(
                    fields::DURATION,
                    format!(
                        "A duração não confere com o início e o fim ({}).",
                        format_duration(end - start)
                    ),
                );
            }
        }
        let address = required_text(
            &mut errors,
            fields::ADDRESS,
            "o endereço do atendimento",
            &self.address,
            MAX_ADDRESS_CHARS,
        );
        let description = required_text(
            &mut errors,
            fields::DESCRIPTION,
            "a descrição do trabalho a ser realizado",
            &self.description,
            MAX_DESCRIPTION_CHARS,
        );
        errors.into_result(|| ())?;
        match (
            self.slot(offset_minutes),
            self.status_id,
            self.type_id,
            address,
            description,
        ) {
            (Some(slot), Some(status_id), Some(type_id), Some(address), Some(description)) => {
                Ok(NewWorkOrder {
                    slot,
                    status_id,
                    type_id,
                    address,
                    description,
                    allow_clash: self.allow_clash,
                })
            }
            _ => Err(Vec::new()),
        }
    }
}

/// The minute of the day of "hh:mm" (also "h:mm" and "hhmm"), 00:00 to 23:59.
pub fn parse_time(text: &str) -> Option<i64> {
    let text = text.trim();
    let (hours, minutes) = match text.split_once(':') {
        Some(parts) => parts,
        None if text.len() == 4 => text.split_at(2),
        None => return None,
    };
    let time = NaiveTime::from_hms_opt(number(hours)?, number(minutes)?, 0)?;
    Some(i64::from(time.hour() * 60 + time.minute()))
}

/// Minutes from "h:mm" or a whole number of minutes; `None` when it reads as neither
/// (negative durations included).
pub fn parse_duration(text: &str) -> Option<i64> {
    let text = text.trim();
    match text.split_once(':') {
        Some((hours, minutes)) if minutes.len() == 2 => {
            let minutes = number(minutes)?;
            (minutes < 60).then_some(i64::from(number(hours)?) * 60 + i64::from(minutes))
        }
        Some(_) => None,
        None => number(text).map(i64::from),
    }
}

/// "hh:mm".
pub fn format_time(minute_of_day: i64) -> String {
    format!("{:02}:{:02}", minute_of_day / 60, minute_of_day % 60)
}

/// "h:mm".
pub fn format_duration(minutes: i64) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

fn number(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn time_at(errors: &mut FieldErrors, field: &str, label: &str, text: &str) -> Option<i64> {
    if text.trim().is_empty() {
        errors.add(field, format!("Preencha {label} (hh:mm)."));
        return None;
    }
    let time = parse_time(text);
    if time.is_none() {
        errors.add(field, "Use uma hora entre 00:00 e 23:59 (hh:mm).");
    }
    time
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAO_PAULO: i32 = -180;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).expect("date")
    }

    fn filled() -> WorkOrderForm {
        let mut form = WorkOrderForm::new(today(), "Rua das Flores, 120 – Centro".into());
        form.technician_id = Some(Uuid::from_u128(1));
        form.status_id = Some(Uuid::from_u128(2));
        form.type_id = Some(Uuid::from_u128(3));
        form.edit_time(TimeField::Start, "14:00".into());
        form.edit_time(TimeField::Duration, "1:30".into());
        form.description = "Trocar o conector óptico.".into();
        form
    }

    #[test]
    fn two_time_fields_compute_the_third() {
        let mut form = filled();
        assert_eq!(form.end, "15:30", "start and duration make the end");
        form.edit_time(TimeField::End, "16:00".into());
        assert_eq!(form.start, "14:30", "duration and end make the start");
        form.edit_time(TimeField::Start, "13:00".into());
        assert_eq!(form.duration, "3:00", "end and start make the duration");
        form.edit_time(TimeField::Duration, "45".into());
        assert_eq!(form.end, "13:45", "whole minutes read as a duration");
    }

    #[test]
    fn a_filled_form_is_a_slot_in_local_time() {
        let order = filled().validate(today(), SAO_PAULO).expect("valid");
        // 28/11/2026 14:00 at UTC-3 is 17:00 UTC.
        assert_eq!(order.slot.starts_at, 1_795_885_200_000);
        assert_eq!(order.slot.minutes(), 90);
        let mut again = WorkOrderForm::default();
        again.schedule(&order.slot, SAO_PAULO);
        assert_eq!(
            (
                again.date.as_str(),
                again.start.as_str(),
                again.end.as_str()
            ),
            ("28/11/2026", "14:00", "15:30")
        );
        assert_eq!(again.duration, "1:30");
        again.edit_time(TimeField::Duration, "2:00".into());
        assert_eq!(
            (again.start.as_str(), again.end.as_str()),
            ("14:00", "16:00")
        );
    }

    #[test]
    fn bad_times_and_dates_are_explained_at_their_fields() {
        let message = |form: &WorkOrderForm, field: &str| {
            form.validate(today(), SAO_PAULO)
                .expect_err("invalid")
                .into_iter()
                .find(|error| error.field == field)
                .map(|error| error.message)
        };
        let mut form = filled();
        form.end = "13:00".into();
        assert_eq!(
            message(&form, fields::END).as_deref(),
            Some("O fim deve ser depois do início.")
        );
        let mut form = filled();
        form.duration = "0:00".into();
        assert_eq!(
            message(&form, fields::DURATION).as_deref(),
            Some("A duração deve ser maior que zero.")
        );
        form.duration = "-30".into();
        assert_eq!(
            message(&form, fields::DURATION).as_deref(),
            Some("A duração deve ser maior que zero.")
        );
        let mut form = filled();
        form.date = "31/02/2027".into();
        assert_eq!(
            message(&form, fields::DATE).as_deref(),
            Some("Esta data não existe no calendário.")
        );
        form.date = "27/11/2026".into();
        assert_eq!(
            message(&form, fields::DATE).as_deref(),
            Some("A data não pode ser antes de hoje.")
        );
        let mut form = filled();
        form.start = "25:00".into();
        assert!(message(&form, fields::START).is_some());
        let errors = WorkOrderForm::default()
            .validate(today(), SAO_PAULO)
            .expect_err("empty");
        assert_eq!(errors.len(), 9, "{errors:?}");
    }

    #[test]
    fn times_and_durations_read_as_operators_type_them() {
        assert_eq!(parse_time("8:05"), Some(485));
        assert_eq!(parse_time("0805"), Some(485));
        assert_eq!(parse_time("24:00"), None);
        assert_eq!(parse_time("12:60"), None);
        assert_eq!(parse_duration("1:30"), Some(90));
        assert_eq!(parse_duration("90"), Some(90));
        assert_eq!(parse_duration("1:5"), None);
        assert_eq!(parse_duration("-1:00"), None);
    }
}
