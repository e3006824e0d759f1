//! pt-BR counts written out: "1 mensagem", "3 mensagens", "0 clientes" — never "mensagem(ns)".
//!
//! Portuguese takes the singular for exactly one and the plural for everything else,
//! zero included ("0 clientes", "nenhum" aside).

use std::fmt::Display;

/// `one` when `count` is 1, `many` otherwise (0 included). Any unsigned count (`usize`, `u32`…).
pub fn word<'a, N: Copy + PartialEq + From<u8>>(count: N, one: &'a str, many: &'a str) -> &'a str {
    if count == N::from(1) {
        one
    } else {
        many
    }
}

/// The count and its noun: `count(3, "mensagem", "mensagens")` is "3 mensagens".
pub fn count<N: Copy + PartialEq + From<u8> + Display>(count: N, one: &str, many: &str) -> String {
    format!("{count} {}", word(count, one, many))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular() {
        assert_eq!(count(1, "mensagem", "mensagens"), "1 mensagem");
        assert_eq!(count(1, "dia", "dias"), "1 dia");
        assert_eq!(
            count(1, "ordem de serviço", "ordens de serviço"),
            "1 ordem de serviço"
        );
    }

    #[test]
    fn zero_and_many_are_plural() {
        assert_eq!(count(0, "cliente", "clientes"), "0 clientes");
        assert_eq!(count(2, "dia", "dias"), "2 dias");
        assert_eq!(count(3, "mensagem", "mensagens"), "3 mensagens");
        assert_eq!(count(1000_usize, "problema", "problemas"), "1000 problemas");
        assert_eq!(count(1_u32, "linha", "linhas"), "1 linha");
        assert_eq!(count(0_u64, "linha", "linhas"), "0 linhas");
    }

    #[test]
    fn word_alone_agrees_for_adjectives() {
        assert_eq!(word(1, "encontrado", "encontrados"), "encontrado");
        assert_eq!(word(5, "encontrado", "encontrados"), "encontrados");
    }
}
