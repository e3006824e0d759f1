//! The SMTP transport of the stored settings.
use std::time::Duration;

use helpdesk_core::email::{SmtpSecurity, SmtpSettings};
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, Tokio1Executor};

/// A transport to the configured server: TLS as configured (system roots, plus
/// `extra_root_pem` for a server with its own authority), PLAIN or LOGIN when a user is set.
pub fn build(
    settings: &SmtpSettings,
    password: Option<&str>,
    extra_root_pem: Option<&[u8]>,
    timeout: Duration,
) -> Result<AsyncSmtpTransport<Tokio1Executor>, lettre::transport::smtp::Error> {
    let tls_parameters = || {
        let mut builder = TlsParameters::builder(settings.host.clone());
        if let Some(pem) = extra_root_pem {
            builder = builder.add_root_certificate(Certificate::from_pem(pem)?);
        }
        builder.build()
    };
    let tls = match settings.security {
        SmtpSecurity::None => Tls::None,
        SmtpSecurity::StartTls => Tls::Required(tls_parameters()?),
        SmtpSecurity::Tls => Tls::Wrapper(tls_parameters()?),
    };
    let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&settings.host)
        .port(settings.port)
        .tls(tls)
        .timeout(Some(timeout));
    if !settings.username.is_empty() {
        builder = builder
            .credentials(Credentials::new(
                settings.username.clone(),
                password.unwrap_or_default().to_owned(),
            ))
            .authentication(vec![Mechanism::Plain, Mechanism::Login]);
    }
    Ok(builder.build())
}
