//! The 27 federative units (UF): 26 states and the Distrito Federal.

/// A UF: its two letters and its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Uf {
    pub code: &'static str,
    pub name: &'static str,
}

const fn uf(code: &'static str, name: &'static str) -> Uf {
    Uf { code, name }
}

/// Every UF, by its two letters.
pub const ALL: [Uf; 27] = [
    uf("AC", "Acre"),
    uf("AL", "Alagoas"),
    uf("AM", "Amazonas"),
    uf("AP", "Amapá"),
    uf("BA", "Bahia"),
    uf("CE", "Ceará"),
    uf("DF", "Distrito Federal"),
    uf("ES", "Espírito Santo"),
    uf("GO", "Goiás"),
    uf("MA", "Maranhão"),
    uf("MG", "Minas Gerais"),
    uf("MS", "Mato Grosso do Sul"),
    uf("MT", "Mato Grosso"),
    uf("PA", "Pará"),
    uf("PB", "Paraíba"),
    uf("PE", "Pernambuco"),
    uf("PI", "Piauí"),
    uf("PR", "Paraná"),
    uf("RJ", "Rio de Janeiro"),
    uf("RN", "Rio Grande do Norte"),
    uf("RO", "Rondônia"),
    uf("RR", "Roraima"),
    uf("RS", "Rio Grande do Sul"),
    uf("SC", "Santa Catarina"),
    uf("SE", "Sergipe"),
    uf("SP", "São Paulo"),
    uf("TO", "Tocantins"),
];

/// The UF typed as its two letters or its name, ignoring case and accents
/// ("sp", "São Paulo", "sao paulo").
pub fn parse(typed: &str) -> Option<Uf> {
    let folded = crate::text::fold(typed);
    ALL.into_iter()
        .find(|uf| uf.code.eq_ignore_ascii_case(&folded) || crate::text::fold(uf.name) == folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_27_sorted_and_distinct() {
        assert!(ALL.windows(2).all(|pair| pair[0].code < pair[1].code));
        assert_eq!(ALL.len(), 27);
    }

    #[test]
    fn parses_letters_and_names_in_any_case() {
        for typed in ["SP", "sp", " Sp ", "São Paulo", "SAO PAULO"] {
            assert_eq!(parse(typed).map(|uf| uf.code), Some("SP"), "{typed}");
        }
        assert_eq!(parse("df").map(|uf| uf.name), Some("Distrito Federal"));
        for typed in ["", "XX", "S", "São", "BR"] {
            assert_eq!(parse(typed), None, "{typed}");
        }
    }
}
