//! Seeding a real SQLite file.
use helpdesk_core::document::Document;
use helpdesk_demo::{DemoConfig, ADMIN, OPERATOR};
use helpdesk_store::{people, Store};
use sqlx::Row;

const CONFIG: DemoConfig = DemoConfig {
    seed: 7,
    customers: 700,
    messages: 2_500,
};

async fn count(store: &Store, sql: &str) -> usize {
    let n: i64 = sqlx::query_scalar(sql)
        .fetch_one(store.pool())
        .await
        .expect("count");
    usize::try_from(n).expect("non-negative")
}

async fn customers_in_order(store: &Store) -> Vec<(String, String, String, String)> {
    sqlx::query("SELECT code, name, document, city FROM customers ORDER BY CAST(code AS INTEGER)")
        .fetch_all(store.pool())
        .await
        .expect("customers")
        .iter()
        .map(|row| {
            (
                row.get("code"),
                row.get("name"),
                row.get("document"),
                row.get("city"),
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seeds_a_complete_consistent_database() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("demo.db"))
        .await
        .expect("open");
    let summary = helpdesk_demo::seed(&store, &CONFIG).await.expect("seed");

    assert_eq!(summary.customers, CONFIG.customers);
    assert_eq!(summary.messages, CONFIG.messages);
    assert_eq!(
        count(&store, "SELECT count(*) FROM customers").await,
        CONFIG.customers
    );
    assert_eq!(
        count(&store, "SELECT count(*) FROM support_messages").await,
        CONFIG.messages
    );
    assert_eq!(
        count(&store, "SELECT count(*) FROM customer_emails").await,
        summary.customer_emails
    );
    assert_eq!(
        count(&store, "SELECT count(*) FROM customer_phones").await,
        summary.customer_phones
    );
    assert_eq!(
        count(&store, "SELECT count(*) FROM customer_plans").await,
        summary.customer_plans
    );
    assert_eq!(
        count(&store, "SELECT count(*) FROM customer_search").await,
        CONFIG.customers,
        "search index rebuilt"
    );
    for (table, expected) in [
        ("roles", summary.roles),
        ("teams", summary.teams),
        ("users", summary.users),
        ("technicians", summary.technicians),
        ("plans", summary.plans),
        ("routing_points", summary.routing_points),
        ("ticket_types", summary.ticket_types),
        ("work_order_types", summary.work_order_types),
        ("work_order_statuses", summary.work_order_statuses),
        ("scripts", summary.scripts),
        ("script_versions", summary.scripts),
        ("email_templates", summary.email_templates),
    ] {
        assert!(expected > 0, "{table}");
        let sql = format!("SELECT count(*) FROM {table}");
        assert_eq!(count(&store, &sql).await, expected, "{table}");
    }
    assert_eq!(summary.users, summary.credentials.len());
    assert!(
        count(
            &store,
            "SELECT count(*) FROM technicians WHERE user_id IS NOT NULL"
        )
        .await
            >= 3
    );
    assert!(
        count(
            &store,
            "SELECT count(*) FROM work_order_types WHERE is_site_survey = 1"
        )
        .await
            == 1
    );
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM ticket_types t JOIN roles r ON r.id = t.destined_role_id
             WHERE t.name = 'Sem conexão' AND r.name = 'Atendente N2' AND t.sla_hours = 4"
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM ticket_types WHERE destined_user_id IS NOT NULL"
        )
        .await,
        1
    );

    // Unique logins; valid documents.
    assert_eq!(
        count(&store, "SELECT count(DISTINCT login) FROM customer_plans").await,
        summary.customer_plans
    );
    let documents: Vec<String> = sqlx::query_scalar("SELECT document FROM customers")
        .fetch_all(store.pool())
        .await
        .expect("documents");
    for document in documents {
        Document::parse(&document).expect("valid CPF or CNPJ");
    }
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM customers WHERE length(document) = 14"
        )
        .await,
        summary.companies
    );

    // Messages: recent, and mostly matching a customer by e-mail and login.
    let now = helpdesk_store::now_millis();
    assert_eq!(
        count(
            &store,
            &format!(
                "SELECT count(*) FROM support_messages
                 WHERE received_at > {now} OR received_at < {now} - 366 * 86400000"
            )
        )
        .await,
        0
    );
    let matched = count(
        &store,
        "SELECT count(*) FROM support_messages m
         WHERE EXISTS (SELECT 1 FROM customer_emails e WHERE e.email_folded = m.email_folded)",
    )
    .await;
    assert_eq!(matched, summary.messages_from_customers);
    assert!(matched * 100 >= CONFIG.messages * 85, "{matched} matched");
    let mismatched_logins = count(
        &store,
        "SELECT count(*) FROM support_messages m
         JOIN customer_plans p ON p.login = m.login
         WHERE NOT EXISTS (SELECT 1 FROM customer_emails e
                           WHERE e.email_folded = m.email_folded
                             AND e.customer_id = p.customer_id)",
    )
    .await;
    assert_eq!(mismatched_logins, 0, "a quoted login is the sender's own");

    // The demo log-ins work.
    for credential in [ADMIN, OPERATOR] {
        let operator = people::authenticate(&store, credential.login, credential.password)
            .await
            .expect("authenticate")
            .expect("demo credentials are valid");
        assert_eq!(operator.role, credential.role);
        assert_eq!(operator.name, credential.name);
    }
    assert_eq!((ADMIN.login, ADMIN.password), ("admin", "admin123"));
    assert_eq!(
        (OPERATOR.login, OPERATOR.password),
        ("ana.souza", "suporte123")
    );
    assert!(people::authenticate(&store, "admin", "errada")
        .await
        .expect("authenticate")
        .is_none());

    // The same seed gives the same customers.
    let first = customers_in_order(&store).await;
    store.close().await;
    let other = Store::open(&dir.path().join("again.db"))
        .await
        .expect("open");
    helpdesk_demo::seed(&other, &CONFIG)
        .await
        .expect("seed again");
    assert_eq!(customers_in_order(&other).await, first);
    assert_eq!(first[0].0, "1001");
    other.close().await;
}
