//! Dates as operators type and read them: "dd/mm/aaaa", and instants shown in local time.
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Offset, TimeZone, Utc};

/// Why a typed date is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("Use o formato dd/mm/aaaa.")]
    Format,
    #[error("Esta data não existe no calendário.")]
    NoSuchDate,
}

/// Parses "dd/mm/aaaa" (also "d/m/aaaa"); "31/02/2026" is refused as a date that does not
/// exist, not as a format error.
pub fn parse_date(typed: &str) -> Result<NaiveDate, DateError> {
    let mut parts = typed.trim().split('/');
    let mut number = |max_digits: usize| -> Result<u32, DateError> {
        let part = parts.next().ok_or(DateError::Format)?;
        if part.is_empty() || part.len() > max_digits || !part.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DateError::Format);
        }
        part.parse().map_err(|_| DateError::Format)
    };
    let (day, month, year) = (number(2)?, number(2)?, number(4)?);
    if parts.next().is_some() || year < 1000 {
        return Err(DateError::Format);
    }
    let year = i32::try_from(year).map_err(|_| DateError::Format)?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::NoSuchDate)
}

/// "dd/mm/aaaa".
pub fn format_date(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// An instant (Unix ms UTC) as "dd/mm/aaaa hh:mm" at the given UTC offset (in minutes east).
pub fn format_instant(millis: i64, offset_minutes: i32) -> String {
    local(millis, offset_minutes).map_or_else(String::new, |instant| {
        instant.format("%d/%m/%Y %H:%M").to_string()
    })
}

/// The day of an instant (Unix ms UTC) as "dd/mm/aaaa" at the given UTC offset.
pub fn format_day(millis: i64, offset_minutes: i32) -> String {
    local(millis, offset_minutes)
        .map_or_else(String::new, |instant| format_date(instant.date_naive()))
}

/// The date of an instant (Unix ms UTC) at the given UTC offset, e.g. today's for now.
pub fn day_of(millis: i64, offset_minutes: i32) -> NaiveDate {
    local(millis, offset_minutes).map_or(NaiveDate::MIN, |instant| instant.date_naive())
}

/// The first millisecond of `date` at the given UTC offset, as Unix ms.
pub fn start_of_day(date: NaiveDate, offset_minutes: i32) -> i64 {
    at_offset(date, NaiveTime::MIN, offset_minutes)
}

/// The last millisecond of `date` at the given UTC offset, as Unix ms.
pub fn end_of_day(date: NaiveDate, offset_minutes: i32) -> i64 {
    start_of_day(date, offset_minutes) + 24 * 60 * 60 * 1000 - 1
}

fn offset(offset_minutes: i32) -> FixedOffset {
    FixedOffset::east_opt(offset_minutes * 60).unwrap_or(Utc.fix())
}

fn local(millis: i64, offset_minutes: i32) -> Option<DateTime<FixedOffset>> {
    DateTime::from_timestamp_millis(millis).map(|utc| utc.with_timezone(&offset(offset_minutes)))
}

fn at_offset(date: NaiveDate, time: NaiveTime, offset_minutes: i32) -> i64 {
    offset(offset_minutes)
        .from_local_datetime(&date.and_time(time))
        .single()
        .map_or(0, |instant| instant.timestamp_millis())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAO_PAULO: i32 = -180;

    #[test]
    fn parses_day_month_year() {
        assert_eq!(
            parse_date(" 05/03/2026 "),
            Ok(NaiveDate::from_ymd_opt(2026, 3, 5).expect("date"))
        );
        assert_eq!(
            parse_date("5/3/2026"),
            Ok(NaiveDate::from_ymd_opt(2026, 3, 5).expect("date"))
        );
        assert_eq!(
            parse_date("29/02/2024").map(format_date).as_deref(),
            Ok("29/02/2024")
        );
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        assert_eq!(parse_date("31/02/2026"), Err(DateError::NoSuchDate));
        assert_eq!(parse_date("29/02/2025"), Err(DateError::NoSuchDate));
        assert_eq!(parse_date("00/01/2026"), Err(DateError::NoSuchDate));
        for typed in [
            "",
            "31/02",
            "2026-03-05",
            "aa/bb/cccc",
            "1/1/26",
            "1/1/2026/1",
            "+1/1/2026",
        ] {
            assert_eq!(parse_date(typed), Err(DateError::Format), "{typed}");
        }
    }

    #[test]
    fn days_are_bounded_in_local_time() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 28).expect("date");
        let start = start_of_day(date, SAO_PAULO);
        assert_eq!(start, 1_795_834_800_000);
        assert_eq!(end_of_day(date, SAO_PAULO) - start, 86_399_999);
        assert_eq!(format_instant(start, SAO_PAULO), "28/11/2026 00:00");
        assert_eq!(format_instant(start, 0), "28/11/2026 03:00");
        assert_eq!(format_day(start - 1, SAO_PAULO), "27/11/2026");
        assert_eq!(day_of(start, SAO_PAULO), date);
        assert_eq!(day_of(start - 1, SAO_PAULO), date.pred_opt().expect("27th"));
        assert_eq!(day_of(start - 1, 0), date);
    }
}
