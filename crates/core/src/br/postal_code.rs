//! CEP, the Brazilian postal code: 8 digits, shown as "01310-100".
