//! The forms of "Expediente e feriados": the week as typed ("08:00"), a new holiday, a year;
//! each reason at its field, in pt-BR.
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{fields, Interval, Week, DAY_MINUTES};
use crate::date::{parse_date, DateError};
use crate::form::{required_text, FieldError, FieldErrors};

/// The longest holiday name.
pub const MAX_HOLIDAY_NAME_CHARS: usize = 80;
/// The years whose holidays can be listed and included.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2199;

/// An interval as typed: "08:00" and "12:00".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
pub struct IntervalForm {
    pub opens_at: String,
    pub closes_at: String,
}

/// The week as typed: seven days (domingo first), each with its intervals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct WeekForm {
    pub days: Vec<Vec<IntervalForm>>,
}

impl Default for WeekForm {
    fn default() -> Self {
        Self {
            days: vec![Vec::new(); 7],
        }
    }
}

impl WeekForm {
    /// The week as the form shows it.
    pub fn of(week: &Week) -> Self {
        let mut form = WeekForm::default();
        for (weekday, day) in form.days.iter_mut().enumerate() {
            *day = week
                .day(weekday)
                .iter()
                .map(|interval| IntervalForm {
                    opens_at: format_time(interval.opens_at),
                    closes_at: format_time(interval.closes_at),
                })
                .collect();
        }
        form
    }

    /// The checked week, or every reason at its field: each time "hh:mm" from 00:00 to
    /// 24:00 (any minute), each interval ending after it starts, no two intervals of a day
    /// overlapping (touching is fine: 08:00–12:00 and 12:00–13:00). Days past the seventh are
    /// ignored, missing ones are closed.
    pub fn parse(&self) -> Result<Week, Vec<FieldError>> {
        let mut errors = FieldErrors::default();
        let mut openings = Vec::new();
        for (weekday, day) in self.days.iter().take(7).enumerate() {
            // The day's valid intervals with their place as typed, for the overlap check.
            let mut valid: Vec<(usize, Interval)> = Vec::new();
            for (index, typed) in day.iter().enumerate() {
                let opens = time_at(&mut errors, &fields::opens(weekday, index), &typed.opens_at);
                let closes = time_at(
                    &mut errors,
                    &fields::closes(weekday, index),
                    &typed.closes_at,
                );
                let (Some(opens_at), Some(closes_at)) = (opens, closes) else {
                    continue;
                };
                if closes_at <= opens_at {
                    errors.add(
                        &fields::closes(weekday, index),
                        "O fim deve ser depois do início.",
                    );
                    continue;
                }
                valid.push((
                    index,
                    Interval {
                        opens_at,
                        closes_at,
                    },
                ));
            }
            valid.sort_by_key(|(index, interval)| (*interval, *index));
            for pair in valid.windows(2) {
                let ((_, before), (index, interval)) = (pair[0], pair[1]);
                if interval.opens_at < before.closes_at {
                    errors.add(
                        &fields::opens(weekday, index),
                        format!(
                            "Este intervalo se sobrepõe a {} no mesmo dia.",
                            before.describe()
                        ),
                    );
                }
            }
            let weekday = u8::try_from(weekday).unwrap_or_default();
            openings.extend(
                valid
                    .into_iter()
                    .map(|(_, interval)| (weekday, interval.opens_at, interval.closes_at)),
            );
        }
        errors.into_result(|| Week::from_openings(openings))
    }
}

/// A time typed "hh:mm" (or "h:mm") as minutes after midnight, from 00:00 to 24:00.
pub fn parse_time(typed: &str) -> Result<u16, &'static str> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err("Preencha o horário (hh:mm).");
    }
    let format = "Use o formato hh:mm, como 08:00.";
    let (hours, minutes) = typed.split_once(':').ok_or(format)?;
    let number =
        |part: &str, lengths: std::ops::RangeInclusive<usize>| -> Result<u16, &'static str> {
            if !lengths.contains(&part.len()) || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format);
            }
            part.parse().map_err(|_| format)
        };
    let (hours, minutes) = (number(hours, 1..=2)?, number(minutes, 2..=2)?);
    let total = hours * 60 + minutes;
    if minutes > 59 || total > DAY_MINUTES {
        return Err("Use um horário de 00:00 a 24:00.");
    }
    Ok(total)
}

/// Minutes after midnight as "hh:mm" (1440 as "24:00").
pub fn format_time(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// The time typed at `field`, or `None` with the reason recorded there.
fn time_at(errors: &mut FieldErrors, field: &str, typed: &str) -> Option<u16> {
    match parse_time(typed) {
        Ok(minutes) => Some(minutes),
        Err(message) => {
            errors.add(field, message);
            None
        }
    }
}

/// "Novo feriado" as typed: its date ("dd/mm/aaaa") and name.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
pub struct HolidayForm {
    pub day: String,
    pub name: String,
}

/// A holiday checked, to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewHoliday {
    pub day: NaiveDate,
    pub name: String,
}

impl HolidayForm {
    /// The checked holiday, or every reason at its field.
    pub fn parse(&self) -> Result<NewHoliday, Vec<FieldError>> {
        let mut errors = FieldErrors::default();
        let day = if self.day.trim().is_empty() {
            errors.add(fields::HOLIDAY_DAY, "Preencha a data do feriado.");
            None
        } else {
            match parse_date(&self.day) {
                Ok(day) if check_year(day.year()).is_ok() => Some(day),
                Ok(_) => {
                    errors.add(fields::HOLIDAY_DAY, year_message());
                    None
                }
                Err(error @ (DateError::Format | DateError::NoSuchDate)) => {
                    errors.add(fields::HOLIDAY_DAY, error.to_string());
                    None
                }
            }
        };
        let name = required_text(
            &mut errors,
            fields::HOLIDAY_NAME,
            "o nome do feriado",
            &self.name,
            MAX_HOLIDAY_NAME_CHARS,
        );
        errors.into_result(|| NewHoliday {
            day: day.unwrap_or_default(),
            name: name.unwrap_or_default(),
        })
    }
}

/// `year` when holidays can be kept for it ([`MIN_YEAR`] to [`MAX_YEAR`]), else the reason
/// at [`fields::YEAR`].
pub fn check_year(year: i32) -> Result<i32, FieldError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        Ok(year)
    } else {
        Err(FieldError::new(fields::YEAR, year_message()))
    }
}

fn year_message() -> String {
    format!("Use um ano de {MIN_YEAR} a {MAX_YEAR}.")
}
