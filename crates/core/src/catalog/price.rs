//! Prices in reais as the administrator types them ("99,90", "R$ 1.299,90") and as they are
//! shown, kept as whole cents.

/// The highest price accepted, in cents (R$ 1.000.000,00).
const MAX_PRICE_CENTS: i64 = 100_000_000;

/// The cents of a price typed in the Brazilian way: an optional "R$", the reais with an
/// optional "." between thousands, and up to two decimals after a ",". `None` when it does
/// not read as one (or is above R$ 1.000.000,00).
pub fn parse_price(typed: &str) -> Option<i64> {
    let typed = typed.trim();
    let amount = typed.strip_prefix("R$").unwrap_or(typed).trim_start();
    let (reais, decimals) = amount.split_once(',').unwrap_or((amount, ""));
    let reais = whole_reais(reais)?;
    let cents = match decimals.len() {
        0 if !amount.ends_with(',') => 0,
        1 | 2 if decimals.bytes().all(|b| b.is_ascii_digit()) => {
            let value: i64 = decimals.parse().ok()?;
            if decimals.len() == 1 {
                value * 10
            } else {
                value
            }
        }
        _ => return None,
    };
    let total = reais.checked_mul(100)?.checked_add(cents)?;
    (total <= MAX_PRICE_CENTS).then_some(total)
}

/// "1.299" or "1299" as 1299; dots only between groups of three digits.
fn whole_reais(text: &str) -> Option<i64> {
    let mut groups = text.split('.');
    let first = groups.next()?;
    let digits_only = |group: &str| !group.is_empty() && group.bytes().all(|b| b.is_ascii_digit());
    if !digits_only(first) || (text.contains('.') && first.len() > 3) {
        return None;
    }
    let mut digits = first.to_owned();
    for group in groups {
        if group.len() != 3 || !digits_only(group) {
            return None;
        }
        digits.push_str(group);
    }
    digits.parse().ok()
}

/// "R$ 1.299,90".
pub fn format_price(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.unsigned_abs();
    let reais = (cents / 100).to_string();
    let mut grouped = String::with_capacity(reais.len() + reais.len() / 3);
    for (index, digit) in reais.chars().enumerate() {
        if index > 0 && (reais.len() - index).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    format!("R$ {sign}{grouped},{:02}", cents % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_read_as_typed_in_brazil() {
        for (typed, cents) in [
            ("99,90", 9_990),
            ("R$ 1.299,90", 129_990),
            ("R$1299,9", 129_990),
            (" 0,05 ", 5),
            ("150", 15_000),
            ("1.000.000,00", 100_000_000),
        ] {
            assert_eq!(parse_price(typed), Some(cents), "{typed}");
        }
    }

    #[test]
    fn what_is_not_a_price_is_refused() {
        for typed in [
            "",
            "R$",
            "99,",
            "99,999",
            "9,9a",
            "12.34",
            "1.2345",
            "1..234",
            ".99",
            "-5",
            "abc",
            "1.000.000,01",
            "99.90,00",
            "12 34",
        ] {
            assert_eq!(parse_price(typed), None, "{typed}");
        }
    }

    #[test]
    fn prices_are_shown_with_thousands_and_cents() {
        assert_eq!(format_price(9_990), "R$ 99,90");
        assert_eq!(format_price(129_990), "R$ 1.299,90");
        assert_eq!(format_price(5), "R$ 0,05");
        assert_eq!(format_price(100_000_000), "R$ 1.000.000,00");
        for cents in [0, 7, 1_000, 129_990, MAX_PRICE_CENTS] {
            assert_eq!(parse_price(&format_price(cents)), Some(cents));
        }
    }
}
