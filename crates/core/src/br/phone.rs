//! Brazilian phone numbers: a valid DDD (area code, Anatel's list) and 8 digits for a
//! landline (starting with 2 to 5) or 9 for a mobile (starting with 9), shown as
//! "(11) 3333-4444" and "(11) 98765-4321".

/// The 67 DDDs in use (Anatel).
pub const DDDS: [u8; 67] = [
    11, 12, 13, 14, 15, 16, 17, 18, 19, // SP
    21, 22, 24, 27, 28, // RJ, ES
    31, 32, 33, 34, 35, 37, 38, // MG
    41, 42, 43, 44, 45, 46, 47, 48, 49, // PR, SC
    51, 53, 54, 55, // RS
    61, 62, 63, 64, 65, 66, 67, 68, 69, // DF, GO, TO, MT, MS, AC, RO
    71, 73, 74, 75, 77, 79, // BA, SE
    81, 82, 83, 84, 85, 86, 87, 88, 89, // PE, AL, PB, RN, CE, PI
    91, 92, 93, 94, 95, 96, 97, 98, 99, // PA, AM, RR, AP, MA
];

/// Characters a typed phone may hold besides its digits.
const PUNCTUATION: &str = " ()-+.";

/// Why a text is not a Brazilian phone number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("Telefone inválido: informe DDD e número, ex. (11) 98765-4321.")]
    WrongLength,
    #[error("Telefone: use apenas números e ( ) - + .")]
    InvalidCharacters,
    #[error("O DDD {0} não existe.")]
    UnknownDdd(String),
    #[error("Celular tem 9 dígitos e começa com 9, ex. (11) 98765-4321.")]
    InvalidMobile,
    #[error("Telefone fixo tem 8 dígitos e começa com 2, 3, 4 ou 5, ex. (11) 3333-4444.")]
    InvalidLandline,
}

/// Whether `ddd` is an area code in use.
pub fn is_valid_ddd(ddd: u8) -> bool {
    DDDS.contains(&ddd)
}

/// The phone's digits with its DDD (10 or 11), without the country code (+55) or the
/// trunk zeros ("011…"), or `None` when it has other characters than digits and
/// [`PUNCTUATION`].
fn national_digits(typed: &str) -> Option<String> {
    if !typed
        .chars()
        .all(|c| c.is_ascii_digit() || PUNCTUATION.contains(c))
    {
        return None;
    }
    let digits = crate::text::digits(typed);
    let digits = digits.trim_start_matches('0');
    let digits = match digits.strip_prefix("55") {
        Some(rest) if digits.len() > 11 => rest,
        _ => digits,
    };
    Some(digits.to_owned())
}

/// Parses a phone typed with or without punctuation, "+55" or trunk zero, and returns it
/// formatted: "(11) 98765-4321" or "(11) 3333-4444".
pub fn parse(typed: &str) -> Result<String, PhoneError> {
    let digits = national_digits(typed.trim()).ok_or(PhoneError::InvalidCharacters)?;
    if !(10..=11).contains(&digits.len()) {
        return Err(PhoneError::WrongLength);
    }
    let (ddd, number) = digits.split_at(2);
    if !ddd.parse::<u8>().is_ok_and(is_valid_ddd) {
        return Err(PhoneError::UnknownDdd(ddd.to_owned()));
    }
    match (number.len(), number.as_bytes()[0]) {
        (9, b'9') => Ok(format!("({ddd}) {}-{}", &number[..5], &number[5..])),
        (9, _) => Err(PhoneError::InvalidMobile),
        (8, b'2'..=b'5') => Ok(format!("({ddd}) {}-{}", &number[..4], &number[4..])),
        _ => Err(PhoneError::InvalidLandline),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anatel_lists_67_distinct_ddds() {
        let mut sorted = DDDS.to_vec();
        sorted.dedup();
        assert_eq!(sorted.len(), 67);
        assert!(DDDS.windows(2).all(|pair| pair[0] < pair[1]));
        for missing in [
            10, 20, 23, 25, 26, 29, 30, 36, 39, 40, 50, 52, 56, 60, 70, 72, 76, 78, 80, 90,
        ] {
            assert!(!is_valid_ddd(missing), "{missing}");
        }
    }

    #[test]
    fn mobiles_and_landlines_are_formatted() {
        for typed in [
            "11987654321",
            "(11) 98765-4321",
            "+55 11 98765-4321",
            "+55 (11) 9.8765-4321",
            "011 98765 4321",
        ] {
            assert_eq!(parse(typed).as_deref(), Ok("(11) 98765-4321"), "{typed}");
        }
        assert_eq!(parse("4833332222").as_deref(), Ok("(48) 3333-2222"));
        assert_eq!(parse("+55 (48) 3333-2222").as_deref(), Ok("(48) 3333-2222"));
    }

    #[test]
    fn ddd_55_is_not_taken_for_the_country_code() {
        assert_eq!(parse("(55) 99876-5432").as_deref(), Ok("(55) 99876-5432"));
        assert_eq!(parse("55 3222-1111").as_deref(), Ok("(55) 3222-1111"));
        assert_eq!(parse("+55 55 3222-1111").as_deref(), Ok("(55) 3222-1111"));
    }

    #[test]
    fn refuses_what_is_not_a_phone() {
        assert_eq!(parse("1234"), Err(PhoneError::WrongLength));
        assert_eq!(parse(""), Err(PhoneError::WrongLength));
        assert_eq!(parse("11 98765-432a"), Err(PhoneError::InvalidCharacters));
        assert_eq!(
            parse("(20) 98765-4321"),
            Err(PhoneError::UnknownDdd("20".into()))
        );
        assert_eq!(parse("(11) 88765-4321"), Err(PhoneError::InvalidMobile));
        assert_eq!(parse("(11) 8765-4321"), Err(PhoneError::InvalidLandline));
        assert_eq!(parse("(11) 1765-4321"), Err(PhoneError::InvalidLandline));
    }
}
