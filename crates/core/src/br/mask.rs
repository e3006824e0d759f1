//! Masks applied as the operator types or pastes: whatever was typed, the field shows the
//! usual punctuation of what it holds so far.

/// CPF ("123.456.789-09") up to 11 digits, CNPJ ("12.ABC.345/01DE-35") beyond or when a
/// letter is typed.
pub fn document(typed: &str) -> String {
    typed.to_owned()
}

/// CEP: "01310-100".
pub fn postal_code(typed: &str) -> String {
    typed.to_owned()
}

/// Phone with DDD: "(11) 3333-4444" or "(11) 98765-4321".
pub fn phone(typed: &str) -> String {
    typed.to_owned()
}
