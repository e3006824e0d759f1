//! Brazil's national holidays of a year: the fixed ones (Lei 662/1949, Lei 6.802/1980 for
//! Nossa Senhora Aparecida, Lei 14.759/2023 for the Dia Nacional de Zumbi e da Consciência
//! Negra, from 2024) and Sexta-feira Santa, two days before Easter.
use chrono::NaiveDate;

/// The first year 20 November is a national holiday (Lei 14.759/2023).
const CONSCIENCIA_NEGRA_SINCE: i32 = 2024;

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian computus of
/// Meeus, Jones and Butcher); `None` for a year chrono cannot hold.
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The national holidays of `year`, in date order, with their names.
pub fn national_holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let fixed: [(u32, u32, &str); 9] = [
        (1, 1, "Confraternização Universal"),
        (4, 21, "Tiradentes"),
        (5, 1, "Dia do Trabalho"),
        (9, 7, "Independência do Brasil"),
        (10, 12, "Nossa Senhora Aparecida"),
        (11, 2, "Finados"),
        (11, 15, "Proclamação da República"),
        (11, 20, "Dia Nacional de Zumbi e da Consciência Negra"),
        (12, 25, "Natal"),
    ];
    let mut days: Vec<(NaiveDate, &'static str)> = fixed
        .into_iter()
        .filter(|&(month, day, _)| (month, day) != (11, 20) || year >= CONSCIENCIA_NEGRA_SINCE)
        .filter_map(|(month, day, name)| Some((NaiveDate::from_ymd_opt(year, month, day)?, name)))
        .collect();
    if let Some(good_friday) = easter(year).and_then(|easter| easter.pred_opt()?.pred_opt()) {
        days.push((good_friday, "Sexta-feira Santa"));
    }
    days.sort();
    days
}
