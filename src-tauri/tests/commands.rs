//! The commands through Tauri's real IPC path (mock runtime, the app's real config and
//! capabilities), on a real SQLite database.
use helpdesk_api::{CommandError, ErrorCode, Operator, COMMAND_NAMES, REQUEST_ARG};
use helpdesk_core::customer::CustomerSummary;
use helpdesk_store::catalog::{self, NewPlan, NewRoutingPoint};
use helpdesk_store::customers::{self, NewCustomer, NewCustomerPlan};
use helpdesk_store::people::{self, NewUser};
use helpdesk_store::Store;
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

struct TestApp {
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    _dir: tempfile::TempDir,
}

async fn store_with_data(dir: &tempfile::TempDir) -> Store {
    let store = Store::open(&dir.path().join("app.db"))
        .await
        .expect("store");
    let role = catalog::insert_role(&store, "Atendente N1", false)
        .await
        .expect("role");
    people::insert_user(
        &store,
        &NewUser {
            login: "ana.souza".into(),
            name: "Ana Souza".into(),
            email: "ana@provedor.com.br".into(),
            password: "suporte123".into(),
            role_id: role,
        },
    )
    .await
    .expect("user");
    let plan = catalog::insert_plans(
        &store,
        &[NewPlan {
            name: "FIBRA 500M".into(),
            technology: "Fibra".into(),
            download_mbps: 500,
            upload_mbps: 250,
            price_cents: 12990,
        }],
    )
    .await
    .expect("plan")[0];
    let point = catalog::insert_routing_points(
        &store,
        &[NewRoutingPoint {
            name: "BRAS-SUL".into(),
            kind: "Concentrador PPPoE".into(),
            address: "Av. Sul, 1".into(),
            ip: "10.1.0.1".into(),
            status: "Operacional".into(),
        }],
    )
    .await
    .expect("point")[0];
    customers::insert_many(
        &store,
        &[NewCustomer {
            code: "2001".into(),
            name: "Antônio Araújo".into(),
            document: "52998224725".into(),
            street: "Rua A".into(),
            number: "1".into(),
            district: "Centro".into(),
            city: "Recife".into(),
            state: "PE".into(),
            postal_code: "50010-000".into(),
            emails: vec!["antonio@bol.com.br".into()],
            phones: vec!["(81) 98888-7777".into()],
            plans: vec![NewCustomerPlan {
                plan_id: plan,
                routing_point_id: point,
                login: "antonio.araujo".into(),
                status: "Ativo".into(),
                installed_on: "2023-05-02".into(),
            }],
        }],
    )
    .await
    .expect("customer");
    store
}

async fn test_app() -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = store_with_data(&dir).await;
    let attachments = helpdesk_desktop::Attachments::beside(&dir.path().join("app.db"));
    let app = helpdesk_desktop::app_builder(mock_builder())
        .manage(helpdesk_desktop::AppState::new(store, attachments))
        .build(tauri::generate_context!())
        .expect("app builds");
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window");
    TestApp {
        _app: app,
        window,
        _dir: dir,
    }
}

fn invoke(app: &TestApp, command: &str, request: Value) -> Result<Value, Value> {
    invoke_in(&app.window, command, request)
}

/// Calls `command` from `window`, as its web page would.
fn invoke_in(
    window: &WebviewWindow<MockRuntime>,
    command: &str,
    request: Value,
) -> Result<Value, Value> {
    let response = get_ipc_response(
        window,
        InvokeRequest {
            cmd: command.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().expect("url"),
            body: InvokeBody::Json(json!({ REQUEST_ARG: request })),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    );
    response.map(|body| body.deserialize::<Value>().expect("JSON response"))
}

fn command_error(response: Result<Value, Value>) -> CommandError {
    let error = response.expect_err("the command fails");
    serde_json::from_value(error.clone()).unwrap_or_else(|_| panic!("not a CommandError: {error}"))
}

fn log_in(app: &TestApp) -> Operator {
    let response = invoke(
        app,
        "login",
        json!({"login": " Ana.Souza ", "password": "suporte123"}),
    );
    serde_json::from_value(response.expect("logged in")).expect("operator")
}

fn search(
    app: &TestApp,
    text: &str,
    field: &str,
    condition: &str,
    limit: i64,
) -> Result<Value, Value> {
    invoke(
        app,
        "search_customers",
        json!({"text": text, "field": field, "condition": condition, "limit": limit}),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn every_command_of_the_api_is_registered_and_allowed() {
    let app = test_app().await;
    for name in COMMAND_NAMES {
        if let Err(error) = invoke(&app, name, json!(null)) {
            let message = error.to_string();
            assert!(
                !message.contains("not found") && !message.contains("not allowed"),
                "{name}: {message}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn only_the_main_window_may_call_the_commands() {
    let app = test_app().await;
    let other = WebviewWindowBuilder::new(&app._app, "other", Default::default())
        .build()
        .expect("second window");
    for name in COMMAND_NAMES {
        let error = invoke_in(&other, name, json!(null)).expect_err("refused");
        assert!(error.to_string().contains("not allowed"), "{name}: {error}");
    }

    // The session belongs to the app, not to a window: with the operator logged in on the
    // main window, only the capability stops another window from writing.
    log_in(&app);
    let customer = found_customer(&app, "Antônio");
    let contact = json!({
        "customer_id": customer.id,
        "name": "Intruso",
        "phone": "(81) 97777-6666",
        "email": "",
        "relation": "Outro",
    });
    let error = invoke_in(&other, "add_contact", contact.clone()).expect_err("refused");
    assert!(error.to_string().contains("not allowed"), "{error}");
    let error = invoke_in(&other, "load_customer", json!(customer.id)).expect_err("refused");
    assert!(error.to_string().contains("not allowed"), "{error}");
    let record = invoke(&app, "load_customer", json!(customer.id)).expect("main window reads");
    assert_eq!(record["contacts"], json!([]), "nothing was written");
    // The same request from the main window goes through.
    invoke(&app, "add_contact", contact).expect("main window writes");
    let record = invoke(&app, "load_customer", json!(customer.id)).expect("main window reads");
    assert_eq!(record["contacts"][0]["name"], "Intruso");
}

fn found_customer(app: &TestApp, name: &str) -> CustomerSummary {
    let found: Vec<CustomerSummary> =
        serde_json::from_value(search(app, name, "Name", "StartsWith", 1).expect("search"))
            .expect("summaries");
    found.into_iter().next().expect("the customer exists")
}

#[tokio::test(flavor = "multi_thread")]
async fn login_checks_the_password_and_keeps_the_operator() {
    let app = test_app().await;
    assert_eq!(
        invoke(&app, "current_operator", json!(null)),
        Ok(Value::Null)
    );

    let error = command_error(invoke(
        &app,
        "login",
        json!({"login": "ana.souza", "password": "errada"}),
    ));
    assert_eq!(error.code, ErrorCode::InvalidCredentials);
    assert_eq!(error.message, "Usuário ou senha incorretos.");
    assert_eq!(error.field.as_deref(), Some("password"));

    let error = command_error(invoke(&app, "login", json!({"login": "", "password": "x"})));
    assert_eq!(error.field.as_deref(), Some("login"));

    let operator = log_in(&app);
    assert_eq!(operator.name, "Ana Souza");
    let current = invoke(&app, "current_operator", json!(null)).expect("answers");
    assert_eq!(current["login"], "ana.souza");

    invoke(&app, "logout", json!(null)).expect("logged out");
    assert_eq!(
        invoke(&app, "current_operator", json!(null)),
        Ok(Value::Null)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn search_needs_a_logged_in_operator() {
    let app = test_app().await;
    let error = command_error(search(&app, "ant", "Name", "StartsWith", 50));
    assert_eq!(error.code, ErrorCode::NotAuthenticated);
}

#[tokio::test(flavor = "multi_thread")]
async fn search_finds_customers_ignoring_accents_and_punctuation() {
    let app = test_app().await;
    log_in(&app);
    for (text, field, condition) in [
        ("antonio", "Name", "Contains"),
        ("ANTÔNIO ARAÚJO", "Name", "Equals"),
        ("529.982.247-25", "Document", "Equals"),
        ("81 98888", "Phone", "StartsWith"),
        ("araujo", "Login", "EndsWith"),
        ("@bol.com.br", "Email", "EndsWith"),
        ("200", "Code", "StartsWith"),
    ] {
        let found: Vec<CustomerSummary> =
            serde_json::from_value(search(&app, text, field, condition, 50).expect("search"))
                .expect("summaries");
        assert_eq!(found.len(), 1, "{text} {field} {condition}");
        assert_eq!(found[0].name, "Antônio Araújo");
        assert_eq!(found[0].document, "529.982.247-25");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_search_input_gets_a_message_at_the_field() {
    let app = test_app().await;
    log_in(&app);
    let cases = [
        (search(&app, "", "Name", "StartsWith", 50), "text"),
        (
            search(&app, &"a".repeat(1000), "Name", "Contains", 50),
            "text",
        ),
        (search(&app, "abc", "Phone", "Contains", 50), "text"),
        (search(&app, "ant", "Name", "StartsWith", 0), "limit"),
        (search(&app, "ant", "Name", "StartsWith", 100_000), "limit"),
    ];
    for (response, field) in cases {
        let error = command_error(response);
        assert_eq!(error.code, ErrorCode::InvalidInput);
        assert_eq!(error.field.as_deref(), Some(field), "{}", error.message);
    }
    // A negative limit or a wrong field name never reaches the command: decoding refuses it.
    assert!(search(&app, "ant", "Name", "StartsWith", -1).is_err());
    assert!(search(&app, "ant", "Nome", "StartsWith", 10).is_err());
    // SQL metacharacters are plain text.
    let found = search(&app, "' OR 1=1; --", "Name", "Contains", 50).expect("runs");
    assert_eq!(found, json!([]));
}
