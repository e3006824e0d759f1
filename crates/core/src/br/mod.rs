//! Brazilian formats the customer forms check and mask: phones with their DDD, CEPs, UFs.
pub mod mask;
pub mod phone;
pub mod postal_code;
pub mod uf;
