//! A store on a real SQLite file in a temporary folder, migrated from zero.
#![allow(dead_code)]

use helpdesk_store::catalog::{self, NewPlan, NewRoutingPoint};
use helpdesk_store::customers::{NewCustomer, NewCustomerPlan};
use helpdesk_store::people::{self, NewUser};
use helpdesk_store::Store;
use tempfile::TempDir;
use uuid::Uuid;

pub struct TestStore {
    pub store: Store,
    _dir: TempDir,
}

impl TestStore {
    /// The database file, for another process to open.
    pub fn store_path(&self) -> std::path::PathBuf {
        self._dir.path().join("helpdesk.db")
    }
}

pub async fn open() -> TestStore {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("helpdesk.db"))
        .await
        .expect("open store");
    TestStore { store, _dir: dir }
}

/// A user of `role`, logging in as `login` with the password "suporte123".
pub async fn user(store: &Store, login: &str, name: &str, role: Uuid) -> Uuid {
    people::insert_user(
        store,
        &NewUser {
            login: login.into(),
            name: name.into(),
            email: format!("{login}@provedor.com.br"),
            password: "suporte123".into(),
            role_id: role,
        },
    )
    .await
    .expect("user")
}

/// One plan and one routing point to hang contracts on.
pub async fn network(store: &Store) -> (Uuid, Uuid) {
    let plan = catalog::insert_plans(
        store,
        &[NewPlan {
            name: "FIBRA 300M".into(),
            technology: "Fibra".into(),
            download_mbps: 300,
            upload_mbps: 150,
            price_cents: 9990,
        }],
    )
    .await
    .expect("plan")[0];
    let point = catalog::insert_routing_points(
        store,
        &[NewRoutingPoint {
            name: "OLT-CENTRO-01".into(),
            kind: "OLT".into(),
            address: "Rua Central, 100".into(),
            ip: "10.0.0.1".into(),
            status: "Operacional".into(),
        }],
    )
    .await
    .expect("routing point")[0];
    (plan, point)
}

pub fn customer(
    code: &str,
    name: &str,
    document: &str,
    emails: &[&str],
    phones: &[&str],
    logins: &[&str],
    network: (Uuid, Uuid),
) -> NewCustomer {
    NewCustomer {
        code: code.into(),
        name: name.into(),
        document: document.into(),
        street: "Rua das Flores".into(),
        number: "10".into(),
        district: "Centro".into(),
        city: "Campinas".into(),
        state: "SP".into(),
        postal_code: "13010-000".into(),
        emails: emails.iter().map(|e| e.to_string()).collect(),
        phones: phones.iter().map(|p| p.to_string()).collect(),
        plans: logins
            .iter()
            .map(|login| NewCustomerPlan {
                plan_id: network.0,
                routing_point_id: network.1,
                login: login.to_string(),
                status: "Ativo".into(),
                installed_on: "2024-03-01".into(),
            })
            .collect(),
    }
}
