use chrono::{FixedOffset, TimeZone};

use super::*;

const BRASILIA: i32 = -180;

/// Unix ms of a local time at `offset` minutes east.
fn at(offset: i32, (y, mo, d): (i32, u32, u32), (h, mi): (u32, u32)) -> i64 {
    FixedOffset::east_opt(offset * 60)
        .expect("offset")
        .with_ymd_and_hms(y, mo, d, h, mi, 0)
        .single()
        .expect("a time")
        .timestamp_millis()
}

fn brasilia(day: (i32, u32, u32), time: (u32, u32)) -> i64 {
    at(BRASILIA, day, time)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// Monday to Friday 08:00–12:00 and 13:00–18:00, Saturday 08:00–12:00.
fn office() -> Week {
    let mut openings = Vec::new();
    for weekday in 1..=5 {
        openings.push((weekday, 8 * 60, 12 * 60));
        openings.push((weekday, 13 * 60, 18 * 60));
    }
    openings.push((6, 8 * 60, 12 * 60));
    Week::from_openings(openings)
}

/// Monday to Friday 08:00–18:00.
fn weekdays() -> Week {
    Week::from_openings((1..=5).map(|weekday| (weekday, 8 * 60, 18 * 60)))
}

fn business(opened: i64, hours: u32, week: &Week, holidays: &[NaiveDate]) -> i64 {
    due_at(opened, hours, false, week, holidays, BRASILIA)
}

// 2026-12-04 is a Friday.
const FRIDAY: (i32, u32, u32) = (2026, 12, 4);
const SATURDAY: (i32, u32, u32) = (2026, 12, 5);
const MONDAY: (i32, u32, u32) = (2026, 12, 7);
const TUESDAY: (i32, u32, u32) = (2026, 12, 8);
const WEDNESDAY: (i32, u32, u32) = (2026, 12, 9);

#[test]
fn easter_of_known_years() {
    for (year, month, day) in [
        (1818, 3, 22),
        (1886, 4, 25),
        (2000, 4, 23),
        (2008, 3, 23),
        (2011, 4, 24),
        (2019, 4, 21),
        (2024, 3, 31),
        (2025, 4, 20),
        (2026, 4, 5),
        (2027, 3, 28),
        (2038, 4, 25),
        (2285, 3, 22),
    ] {
        assert_eq!(easter(year), Some(date(year, month, day)), "{year}");
    }
}

#[test]
fn national_holidays_of_a_year() {
    let names = |year| -> Vec<(NaiveDate, &str)> { national_holidays(year) };
    let in_2026 = names(2026);
    assert_eq!(in_2026.len(), 10);
    assert_eq!(in_2026[0], (date(2026, 1, 1), "Confraternização Universal"));
    assert_eq!(in_2026[1], (date(2026, 4, 3), "Sexta-feira Santa"));
    assert_eq!(in_2026[2], (date(2026, 4, 21), "Tiradentes"));
    assert!(in_2026.contains(&(
        date(2026, 11, 20),
        "Dia Nacional de Zumbi e da Consciência Negra"
    )));
    assert_eq!(in_2026[9], (date(2026, 12, 25), "Natal"));
    assert!(
        in_2026.windows(2).all(|pair| pair[0].0 < pair[1].0),
        "in order"
    );

    let in_2023 = names(2023);
    assert_eq!(in_2023.len(), 9, "20/11 is national from 2024");
    assert!(!in_2023.iter().any(|(day, _)| *day == date(2023, 11, 20)));
    assert!(in_2023.contains(&(date(2023, 4, 7), "Sexta-feira Santa")));
    assert!(names(2024).contains(&(date(2024, 3, 29), "Sexta-feira Santa")));
}

#[test]
fn calendar_hours_ignore_the_week() {
    let opened = brasilia(FRIDAY, (17, 0));
    assert_eq!(
        due_at(opened, 4, true, &office(), &[], BRASILIA),
        opened + 4 * HOUR_MS
    );
    assert_eq!(
        due_at(opened, 4, false, &Week::default(), &[], BRASILIA),
        opened + 4 * HOUR_MS,
        "no business hours set: calendar hours"
    );
    let closed_days = Week::from_openings([(1, 600, 600), (9, 0, 60)]);
    assert!(closed_days.is_empty(), "no open minute");
    assert_eq!(
        due_at(opened, 4, false, &closed_days, &[], BRASILIA),
        opened + 4 * HOUR_MS
    );
}

#[test]
fn across_a_weekend() {
    // Friday 17:00–18:00 is one hour; Monday 08:00–11:00 the other three.
    let opened = brasilia(FRIDAY, (17, 0));
    assert_eq!(
        business(opened, 4, &weekdays(), &[]),
        brasilia(MONDAY, (11, 0))
    );
    // With Saturday's morning open, two of them are Saturday's.
    assert_eq!(
        business(opened, 4, &office(), &[]),
        brasilia(SATURDAY, (11, 0))
    );
}

#[test]
fn across_a_holiday() {
    let opened = brasilia(FRIDAY, (17, 0));
    let holidays = [date(2026, 12, 7)];
    assert_eq!(
        business(opened, 4, &weekdays(), &holidays),
        brasilia(TUESDAY, (11, 0)),
        "Monday is skipped"
    );
    // A holiday on a closed day changes nothing.
    assert_eq!(
        business(opened, 4, &weekdays(), &[date(2026, 12, 6)]),
        brasilia(MONDAY, (11, 0))
    );
}

#[test]
fn at_a_days_end_and_a_lunch_break() {
    assert_eq!(
        business(brasilia(TUESDAY, (17, 59)), 1, &weekdays(), &[]),
        brasilia(WEDNESDAY, (8, 59)),
        "a minute today, the rest tomorrow"
    );
    assert_eq!(
        business(brasilia(TUESDAY, (14, 0)), 4, &weekdays(), &[]),
        brasilia(TUESDAY, (18, 0)),
        "ending at the closing is due at the closing"
    );
    assert_eq!(
        business(brasilia(TUESDAY, (11, 0)), 2, &office(), &[]),
        brasilia(TUESDAY, (14, 0)),
        "the lunch break does not count"
    );
    assert_eq!(
        business(brasilia(TUESDAY, (12, 30)), 1, &office(), &[]),
        brasilia(TUESDAY, (14, 0)),
        "opened at lunch: counts from 13:00"
    );
}

#[test]
fn opened_at_night_or_before_opening() {
    assert_eq!(
        business(brasilia(TUESDAY, (22, 0)), 2, &weekdays(), &[]),
        brasilia(WEDNESDAY, (10, 0))
    );
    assert_eq!(
        business(brasilia(WEDNESDAY, (3, 0)), 2, &weekdays(), &[]),
        brasilia(WEDNESDAY, (10, 0))
    );
    assert_eq!(
        business(brasilia(SATURDAY, (9, 0)), 1, &weekdays(), &[]),
        brasilia(MONDAY, (9, 0)),
        "opened on a closed day"
    );
    // Seconds are kept.
    let opened = brasilia(TUESDAY, (9, 0)) + 30_000;
    assert_eq!(business(opened, 1, &weekdays(), &[]), opened + HOUR_MS);
}

#[test]
fn counted_in_the_providers_offset() {
    // 20:00 UTC is 17:00 in Brasília (one hour left on Friday) but 15:00 in Rio Branco
    // (UTC−5: three hours left).
    let opened = at(0, FRIDAY, (20, 0));
    assert_eq!(
        due_at(opened, 4, false, &weekdays(), &[], BRASILIA),
        brasilia(MONDAY, (11, 0))
    );
    assert_eq!(
        due_at(opened, 4, false, &weekdays(), &[], -300),
        at(-300, MONDAY, (9, 0))
    );
    // East of UTC the local day starts before the UTC one: 23:30 UTC on Monday is Tuesday
    // 05:00 in India (+05:30), before the opening.
    let opened = at(0, MONDAY, (23, 30));
    assert_eq!(
        due_at(opened, 1, false, &weekdays(), &[date(2026, 12, 8)], 330),
        at(330, WEDNESDAY, (9, 0)),
        "Tuesday, the local day, is the holiday"
    );
}

#[test]
fn a_long_sla_over_a_sparse_week_ends() {
    // One minute a week: 100 hours take 6,000 weeks, and the loop still ends.
    let sparse = Week::from_openings([(0, 0, 1)]);
    let opened = brasilia(MONDAY, (12, 0));
    let due = business(opened, 100, &sparse, &[]);
    let weeks = (due - opened) / (7 * DAY_MS);
    assert!((5_999..=6_000).contains(&weeks), "{weeks}");
    // Each holiday on the one open day costs a whole week more.
    let sundays: Vec<NaiveDate> = (0..50)
        .map(|week| date(2026, 12, 13) + chrono::TimeDelta::days(7 * week))
        .collect();
    let due = business(opened, 1, &sparse, &sundays);
    // The first Sunday not a holiday is 2027-11-28; sixty Sundays make the hour.
    assert_eq!(due, brasilia((2027, 11, 28), (0, 1)) + 59 * 7 * DAY_MS);
}

#[test]
fn a_week_is_sorted_and_merged() {
    let week = Week::from_openings([
        (1, 13 * 60, 18 * 60),
        (1, 8 * 60, 12 * 60),
        (1, 11 * 60, 12 * 60 + 30),
        (1, 18 * 60, 19 * 60),
        (6, 600, 2000),
        (7, 0, 60),
    ]);
    assert_eq!(
        week.day(1),
        [
            Interval {
                opens_at: 480,
                closes_at: 750
            },
            Interval {
                opens_at: 780,
                closes_at: 1140
            }
        ]
    );
    assert_eq!(
        week.day(6),
        [Interval {
            opens_at: 600,
            closes_at: 1440
        }]
    );
    assert_eq!(week.days.len(), 7);
    assert_eq!(week.open_minutes(), 270 + 360 + 840);
    assert_eq!(Week::from_openings(week.openings()), week);
}

#[test]
fn times_are_typed_hh_mm() {
    assert_eq!(parse_time("08:00"), Ok(480));
    assert_eq!(parse_time(" 8:05 "), Ok(485));
    assert_eq!(parse_time("24:00"), Ok(1440));
    assert_eq!(parse_time("00:00"), Ok(0));
    for typed in ["8h", "0800", "08:0", "08:000", "a8:00", "08:-1", "123:00"] {
        assert_eq!(
            parse_time(typed),
            Err("Use o formato hh:mm, como 08:00."),
            "{typed}"
        );
    }
    for typed in ["24:01", "25:00", "08:60"] {
        assert_eq!(
            parse_time(typed),
            Err("Use um horário de 00:00 a 24:00."),
            "{typed}"
        );
    }
    assert_eq!(parse_time(" "), Err("Preencha o horário (hh:mm)."));
    assert_eq!(format_time(485), "08:05");
    assert_eq!(format_time(1440), "24:00");
}

fn typed(opens_at: &str, closes_at: &str) -> IntervalForm {
    IntervalForm {
        opens_at: opens_at.into(),
        closes_at: closes_at.into(),
    }
}

fn errors_of(form: &WeekForm) -> Vec<(String, String)> {
    form.parse()
        .expect_err("refused")
        .into_iter()
        .map(|error| (error.field, error.message))
        .collect()
}

#[test]
fn a_week_form_is_checked_at_each_field() {
    let mut form = WeekForm::default();
    form.days[1] = vec![typed("13:00", "18:00"), typed("08:00", "12:00")];
    form.days[6] = vec![typed("08:00", "12:00")];
    let week = form.parse().expect("a week");
    assert_eq!(week.day(1)[0].opens_at, 480, "sorted");
    assert_eq!(week.open_minutes(), 9 * 60 + 4 * 60);
    assert_eq!(WeekForm::of(&week).days[1][0], typed("08:00", "12:00"));

    let mut wrong = WeekForm::default();
    wrong.days[1] = vec![typed("08:00", "12:00"), typed("11:00", "18:00")];
    wrong.days[2] = vec![typed("18:00", "08:00")];
    wrong.days[3] = vec![typed("8h", "25:00")];
    assert_eq!(
        errors_of(&wrong),
        [
            (
                fields::opens(1, 1),
                "Este intervalo se sobrepõe a 08:00–12:00 no mesmo dia.".to_owned()
            ),
            (
                fields::closes(2, 0),
                "O fim deve ser depois do início.".to_owned()
            ),
            (
                fields::opens(3, 0),
                "Use o formato hh:mm, como 08:00.".to_owned()
            ),
            (
                fields::closes(3, 0),
                "Use um horário de 00:00 a 24:00.".to_owned()
            ),
        ]
    );
    assert_eq!(fields::opens(1, 1), "expediente-1-1-inicio");

    let mut touching = WeekForm::default();
    touching.days[2] = vec![typed("08:00", "12:00"), typed("12:00", "13:00")];
    assert!(touching.parse().is_ok(), "touching is not overlapping");
}

#[test]
fn a_holiday_form_needs_a_date_and_a_name() {
    let form = HolidayForm {
        day: " 24/12/2026 ".into(),
        name: " Véspera de Natal ".into(),
    };
    assert_eq!(
        form.parse(),
        Ok(NewHoliday {
            day: date(2026, 12, 24),
            name: "Véspera de Natal".into()
        })
    );
    let wrong = HolidayForm {
        day: "31/02/2026".into(),
        name: String::new(),
    };
    let errors: Vec<(String, String)> = wrong
        .parse()
        .expect_err("refused")
        .into_iter()
        .map(|error| (error.field, error.message))
        .collect();
    assert_eq!(
        errors,
        [
            (
                fields::HOLIDAY_DAY.to_owned(),
                "Esta data não existe no calendário.".to_owned()
            ),
            (
                fields::HOLIDAY_NAME.to_owned(),
                "Preencha o nome do feriado.".to_owned()
            ),
        ]
    );
    let far = HolidayForm {
        day: "01/01/2500".into(),
        name: "Longe".into(),
    };
    assert_eq!(
        far.parse().expect_err("refused")[0].field,
        fields::HOLIDAY_DAY
    );
    assert!(check_year(2026).is_ok());
    assert_eq!(
        check_year(1800).expect_err("refused").message,
        "Use um ano de 1900 a 2199."
    );
}

#[test]
fn a_calendar_reads_a_types_sla() {
    let kind = |sla_calendar| TicketType {
        id: Uuid::from_u128(1),
        name: "Sem conexão".into(),
        assignee: None,
        sla_hours: 4,
        sla_calendar,
    };
    let calendar = SlaCalendar {
        week: weekdays(),
        holidays: vec![date(2026, 12, 7)],
        utc_offset_minutes: BRASILIA,
    };
    let opened = brasilia(FRIDAY, (17, 0));
    assert_eq!(
        calendar.due_at(opened, &kind(false)),
        brasilia(TUESDAY, (11, 0))
    );
    assert_eq!(calendar.due_at(opened, &kind(true)), opened + 4 * HOUR_MS);
    assert_eq!(calendar.describe_sla(&kind(false)), "4 h úteis");
    assert_eq!(calendar.describe_sla(&kind(true)), "4 h corridas");
    assert_eq!(
        SlaCalendar::default().describe_sla(&kind(false)),
        "4 h corridas"
    );
}
