//! The frame around a message's case: a greeting fit for the hour, a sign-off and the
//! signature.
use rand::Rng;

use crate::random::pick;

const SIGN_OFFS: &[&str] = &[
    "Obrigado.",
    "Att.,",
    "Aguardo retorno.",
    "Grato,",
    "Agradeço desde já.",
    "Abraço,",
    "",
];

/// A greeting fit for the local hour.
pub(super) fn greeting(rng: &mut impl Rng, hour: i64) -> String {
    let time_of_day = match hour {
        5..=11 => "Bom dia",
        12..=17 => "Boa tarde",
        _ => "Boa noite",
    };
    match rng.gen_range(0..5) {
        0 => "Olá,".to_string(),
        1 => "Prezados,".to_string(),
        2 => "Oi, tudo bem?".to_string(),
        3 => format!("{time_of_day}, pessoal."),
        _ => format!("{time_of_day}!"),
    }
}

/// Appends a sign-off, the signature and now and then a mobile client's footer.
pub(super) fn sign(rng: &mut impl Rng, body: &mut String, signer: &str) {
    let sign_off = *pick(rng, SIGN_OFFS);
    body.push_str("\n\n");
    if !sign_off.is_empty() {
        body.push_str(sign_off);
        body.push('\n');
    }
    body.push_str(signer);
    match rng.gen_range(0..20) {
        0 => body.push_str("\n\nEnviado do meu iPhone"),
        1 => body.push_str("\n\nEnviado do meu smartphone Samsung Galaxy"),
        _ => {}
    }
}
