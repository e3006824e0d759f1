//! TLS against a real Dovecot with a self-signed certificate: implicit TLS and STARTTLS
//! with the certificate trusted, and a server whose certificate is not trusted refused.
//! One test only: the trusted roots come from `SSL_CERT_FILE`, read once per process.
mod common;

use common::{fixture, Store};
use helpdesk_intake::test_server::{Dovecot, Options};
use helpdesk_intake::{take_unseen, BatchLimits, MailboxError, Tls};

#[tokio::test]
async fn tls_and_starttls_check_the_servers_certificate() {
    let tls = Options {
        tls: true,
        ..Options::default()
    };
    let trusted = Dovecot::start_with(tls).expect("dovecot");
    let stranger = Dovecot::start_with(tls).expect("another dovecot");
    std::env::set_var("SSL_CERT_FILE", trusted.certificate().expect("certificate"));

    let client = trusted.client();
    client
        .deliver(&fixture("utf8-subject.eml"))
        .await
        .expect("delivered");
    client
        .deliver(&fixture("reply.eml"))
        .await
        .expect("delivered");
    let store = Store::default();
    let implicit = take_unseen(
        &trusted.config_with(Tls::Implicit),
        1 << 20,
        BatchLimits::default(),
        store.sink(),
    )
    .await
    .expect("implicit TLS");
    assert_eq!(
        implicit.taken,
        ["utf8-1@exemplo.org", "reply-2@exemplo.com.br"]
    );

    client
        .deliver(&fixture("latin1-qp.eml"))
        .await
        .expect("delivered");
    let starttls = take_unseen(
        &trusted.config_with(Tls::StartTls),
        1 << 20,
        BatchLimits::default(),
        store.sink(),
    )
    .await
    .expect("STARTTLS");
    assert_eq!(starttls.taken, ["latin1-qp-1@exemplo.com.br"]);

    for tls in [Tls::Implicit, Tls::StartTls] {
        let refused = take_unseen(
            &stranger.config_with(tls),
            1 << 20,
            BatchLimits::default(),
            store.sink(),
        )
        .await;
        let Err(MailboxError::Unreachable(reason)) = refused else {
            panic!("{tls:?}: an untrusted certificate must be refused: {refused:?}");
        };
        assert!(reason.contains("certificate verify failed"), "{reason}");
    }
}
