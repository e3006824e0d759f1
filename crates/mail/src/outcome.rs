//! What a failed attempt means: try again later, or never.
use lettre::transport::smtp::Error;

/// The outcome of a failed attempt, with the reason in pt-BR.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Offline, the server down or busy (4xx), a dropped connection: queued again.
    Retry(String),
    /// The server refused for good (5xx), wrong credentials: failed.
    Permanent(String),
}

/// Classifies an SMTP error.
pub fn classify(error: &Error) -> Failure {
    let code = error.status().map(|code| code.to_string());
    match code.as_deref() {
        Some("535" | "534" | "530") => Failure::Permanent(format!(
            "O servidor de e-mail recusou o usuário ou a senha. Um administrador deve \
             corrigi-los nas configurações de e-mail. (Resposta do servidor: {error})"
        )),
        Some(_) if error.is_permanent() => Failure::Permanent(format!(
            "O servidor de e-mail recusou a mensagem. (Resposta do servidor: {error})"
        )),
        Some(_) => Failure::Retry(format!(
            "O servidor de e-mail está ocupado; nova tentativa em breve. ({error})"
        )),
        None if error.is_tls() => Failure::Retry(format!(
            "Falha na conexão segura (TLS) com o servidor de e-mail: confira o servidor, a \
             porta e a segurança nas configurações. ({error})"
        )),
        None if error.is_timeout() => Failure::Retry(format!(
            "O servidor de e-mail não respondeu a tempo; nova tentativa em breve. ({error})"
        )),
        None => Failure::Retry(format!(
            "Sem conexão com o servidor de e-mail; nova tentativa em breve. ({error})"
        )),
    }
}
