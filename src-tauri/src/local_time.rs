//! The desktop's local time: today's date and its UTC offset, in the minutes east the core
//! takes (the core does no IO, and reading the time zone is).
use chrono::{FixedOffset, Local, NaiveDate, NaiveTime, Offset, TimeZone};

/// The desktop's local date now, and its UTC offset now in minutes east.
pub fn today() -> (NaiveDate, i32) {
    let now = Local::now();
    (now.date_naive(), minutes(now.offset().fix()))
}

/// The desktop's UTC offset at `millis` (Unix ms), in minutes east; 0 for a time chrono
/// cannot place.
pub fn offset_at(millis: i64) -> i32 {
    Local
        .timestamp_millis_opt(millis)
        .single()
        .map_or(0, |local| minutes(local.offset().fix()))
}

/// The desktop's UTC offset on `date`, in minutes east, taken at noon (clear of the hour a
/// daylight-saving change skips or repeats).
pub fn offset_on(date: NaiveDate) -> i32 {
    let noon = date.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN));
    match Local.from_local_datetime(&noon).earliest() {
        Some(local) => minutes(local.offset().fix()),
        None => today().1,
    }
}

fn minutes(offset: FixedOffset) -> i32 {
    offset.local_minus_utc() / 60
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn now_is_read_the_same_way_by_each_helper() {
        let (day, offset) = today();
        assert_eq!(offset_at(Local::now().timestamp_millis()), offset);
        assert!((-14 * 60..=14 * 60).contains(&offset_on(day)));
    }
}
