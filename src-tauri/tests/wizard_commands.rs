//! The commands of wizard part 1 (support messages, customer record and contacts, drafts)
//! through Tauri's real IPC path (mock runtime, the app's real config and capabilities), on
//! a real SQLite database filled by the demo data generator.
//!
//! Expected values come from the demo data as stored, read through the store's own
//! functions, never from the commands under test.
mod common;

use common::DemoApp;
use std::collections::BTreeSet;

use chrono::{DateTime, Local, NaiveDate};
use helpdesk_api::{
    Contact, CustomerRecord, ErrorCode, NewContact, SavedDraft, SupportMessage, Uuid, WizardDraft,
};
use helpdesk_core::attachment::DEFAULT_MAX_BYTES;
use helpdesk_core::customer::{
    CustomerSearch, CustomerSummary, SearchCondition, SearchField, MAX_LIMIT,
};
use helpdesk_core::date::{end_of_day, format_date};
use helpdesk_core::email::{EmailContext, EmailDraft, EmailTemplate};
use helpdesk_core::protocol::Protocol;
use helpdesk_core::support::{self, MessagePeriod, MessageQuery, MAX_DAYS, SUGGESTIONS};
use helpdesk_core::support::{ListedMessage, MessageState};
use helpdesk_core::task::{fields as task_fields, TaskForm};
use helpdesk_core::text::fold;
use helpdesk_core::ticket::{SavedTicket, TicketStatus, TicketSubmission};
use helpdesk_core::ticket_type::{Assignee, TicketType};
use helpdesk_core::wizard::{Origin, ScriptProgress, Step};
use helpdesk_demo::{DemoConfig, ADMIN, OPERATOR};
use helpdesk_store::support_messages::{self, MessageFilter};
use helpdesk_store::{customer_records, customers, now_millis, Store};
use serde_json::{json, Value};

/// A smaller demo than the app's, so every test seeds its own quickly; ten messages per
/// customer on average.
const DEMO: DemoConfig = DemoConfig {
    seed: 42,
    customers: 300,
    messages: 3_000,
};

impl DemoApp {
    fn suggest(&self, typed: &str) -> Vec<String> {
        self.call("suggest_support_emails", typed)
    }

    /// The messages found (all new: nothing takes them here).
    fn find(&self, query: &MessageQuery) -> Vec<SupportMessage> {
        let found: Vec<ListedMessage> = self.call("find_support_messages", query);
        found
            .into_iter()
            .map(|listed| {
                assert_eq!(listed.state, MessageState::New);
                listed.message
            })
            .collect()
    }

    fn load_customer(&self, id: Uuid) -> CustomerRecord {
        self.call("load_customer", id)
    }

    fn load_draft(&self) -> Option<SavedDraft> {
        self.call("load_draft", ())
    }

    fn save_draft(&self, draft: &WizardDraft) {
        self.call::<()>("save_draft", draft);
    }

    /// Every demo customer (up to the search limit), read from the store.
    async fn customers(&self) -> Vec<CustomerSummary> {
        let term = CustomerSearch {
            text: "1".into(),
            field: SearchField::Code,
            condition: SearchCondition::StartsWith,
            limit: MAX_LIMIT,
        }
        .validate()
        .expect("valid search");
        let found = customers::search(self.store(), &term)
            .await
            .expect("customers");
        assert_eq!(found.len(), self.summary.customers.min(MAX_LIMIT as usize));
        found
    }

    /// A customer's address that sent messages on at least three different days, with
    /// every message it sent (newest first), read from the store.
    async fn busy_sender(&self) -> Sender {
        let mut best: Option<Sender> = None;
        for customer in self.customers().await {
            for email in &customer.emails {
                let folded = fold(email);
                let filter = MessageFilter {
                    email: Some(&folded),
                    from: i64::MIN,
                    to: i64::MAX,
                    limit: MAX_LIMIT,
                    mail_only: false,
                    operator: Uuid::nil(),
                };
                let messages: Vec<_> = support_messages::list(self.store(), &filter)
                    .await
                    .expect("messages")
                    .into_iter()
                    .map(|listed| listed.message)
                    .collect();
                let candidate = Sender {
                    customer: customer.clone(),
                    email: email.clone(),
                    messages,
                };
                if best
                    .as_ref()
                    .is_none_or(|best| candidate.score() > best.score())
                {
                    best = Some(candidate);
                }
            }
        }
        let sender = best.expect("a sender");
        assert!(
            sender.score().0,
            "a sender writing on 3 days: {}",
            sender.email
        );
        sender
    }
}

/// A customer's address and the messages sent from it, newest first.
struct Sender {
    customer: CustomerSummary,
    email: String,
    messages: Vec<SupportMessage>,
}

impl Sender {
    /// Prefers addresses that wrote on three days or more, then addresses whose first
    /// letters can take an accent, then the most messages.
    fn score(&self) -> (bool, bool, usize) {
        let days: BTreeSet<NaiveDate> = self
            .messages
            .iter()
            .map(|m| local_day(m.received_at))
            .collect();
        let accentable = self.email.chars().take(3).any(|c| "aeiouc".contains(c));
        (days.len() >= 3, accentable, self.messages.len())
    }
}

/// The desktop's local day of a Unix ms instant, as the command reads "Intervalo de Datas".
fn local_day(unix_ms: i64) -> NaiveDate {
    DateTime::from_timestamp_millis(unix_ms)
        .expect("a valid instant")
        .with_timezone(&Local)
        .date_naive()
}

/// What an operator might type for `text`: upper case, with an accent on its first vowel
/// (or a cedilla on its first "c").
fn as_typed(text: &str) -> String {
    let mut accented = false;
    text.chars()
        .map(|c| {
            let marked = match c {
                'a' => Some('Á'),
                'e' => Some('É'),
                'i' => Some('Í'),
                'o' => Some('Ô'),
                'u' => Some('Ú'),
                'c' => Some('Ç'),
                _ => None,
            };
            match marked {
                Some(marked) if !accented => {
                    accented = true;
                    marked
                }
                _ => c.to_ascii_uppercase(),
            }
        })
        .collect()
}

/// Suggestions for `typed`: at most ten, each starting with it (ignoring case and accents),
/// in alphabetical order, each address once.
fn check_suggestions(typed: &str, found: &[String]) {
    let start = fold(typed);
    assert!(found.len() <= SUGGESTIONS as usize, "{typed}: {found:?}");
    for email in found {
        assert!(email.to_lowercase().starts_with(&start), "{typed}: {email}");
    }
    let lowered: Vec<String> = found.iter().map(|e| e.to_lowercase()).collect();
    assert!(
        lowered.windows(2).all(|pair| pair[0] < pair[1]),
        "{typed}: sorted, each once: {found:?}"
    );
}

fn contact_for(customer: Uuid, name: &str, email: &str) -> NewContact {
    NewContact {
        customer_id: customer,
        name: name.into(),
        phone: "11987654321".into(),
        email: email.into(),
        relation: "Responsável financeiro".into(),
    }
}

async fn contacts_stored(app: &DemoApp, customer: Uuid) -> Vec<Contact> {
    customer_records::record(app.store(), customer)
        .await
        .expect("record")
        .expect("the customer exists")
        .contacts
}

#[tokio::test(flavor = "multi_thread")]
async fn every_new_command_needs_a_logged_in_operator() {
    let app = DemoApp::new(&DEMO).await;
    let customer = app.customers().await.remove(0);
    let contacts_before = contacts_stored(&app, customer.id).await;
    let query = MessageQuery {
        email: Some(customer.emails[0].clone()),
        period: MessagePeriod::LastDays(30),
        limit: 50,
        mail_only: false,
    };
    let requests = [
        ("suggest_support_emails", json!("a")),
        ("find_support_messages", json!(query)),
        ("load_customer", json!(customer.id)),
        (
            "add_contact",
            json!(contact_for(customer.id, "Maria", "maria@example.com")),
        ),
        ("save_draft", json!(WizardDraft::default())),
        ("load_draft", Value::Null),
        ("discard_draft", Value::Null),
        ("reserve_protocol", Value::Null),
        ("list_assignees", Value::Null),
        ("pick_attachment", Value::Null),
        (
            "save_ticket",
            json!(TicketSubmission {
                draft: WizardDraft::default(),
                resolved: false,
                email_context: None,
            }),
        ),
    ];
    // Before any log-in, and after the operator logged out.
    for logged_in_before in [false, true] {
        if logged_in_before {
            app.log_in(&OPERATOR);
            app.log_out();
        }
        for (command, request) in &requests {
            let error = app.refuse(command, request);
            assert_eq!(error.code, ErrorCode::NotAuthenticated, "{command}");
        }
    }
    // Nothing refused was written.
    assert_eq!(contacts_stored(&app, customer.id).await, contacts_before);
    app.log_in(&OPERATOR);
    assert_eq!(app.load_draft(), None);
}

#[tokio::test(flavor = "multi_thread")]
async fn suggestions_are_sender_addresses_starting_with_what_was_typed() {
    let app = DemoApp::new(&DEMO).await;
    let sender = app.busy_sender().await;
    app.log_in(&OPERATOR);
    let wanted = sender.email.to_lowercase();

    let typed = as_typed(&wanted.chars().take(3).collect::<String>());
    assert_ne!(typed.to_lowercase(), wanted[..3], "typed differently");
    let found = app.suggest(&format!(" {typed} "));
    check_suggestions(&typed, &found);
    assert!(!found.is_empty(), "{typed}");
    // The first ten in order: the sender is among them or comes after them all.
    assert!(
        found.iter().any(|e| e.to_lowercase() == wanted)
            || found.len() == SUGGESTIONS as usize
                && found
                    .last()
                    .is_some_and(|last| last.to_lowercase() < wanted),
        "{wanted} missing from {found:?}"
    );
    // Typing on, the list gets shorter than ten, and then it must hold the sender.
    let mut typed_chars = 3;
    loop {
        let typed = as_typed(&wanted.chars().take(typed_chars).collect::<String>());
        let found = app.suggest(&typed);
        check_suggestions(&typed, &found);
        if found.len() < SUGGESTIONS as usize {
            assert!(
                found.iter().any(|e| e.to_lowercase() == wanted),
                "{typed}: {wanted} missing from {found:?}"
            );
            break;
        }
        typed_chars += 1;
        assert!(
            typed_chars <= wanted.chars().count(),
            "never fewer than ten"
        );
    }
    // The whole address, as typed in any case.
    let found = app.suggest(&wanted.to_uppercase());
    assert!(
        found.iter().any(|e| e.to_lowercase() == wanted),
        "{found:?}"
    );

    for nothing in ["", "   ", "\t"] {
        assert_eq!(app.suggest(nothing), Vec::<String>::new(), "{nothing:?}");
    }
    // Wildcards of SQL are plain text.
    for typed in ["%", "_", "' OR 1=1 --"] {
        let found = app.suggest(typed);
        check_suggestions(typed, &found);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_senders_messages_come_newest_first_within_the_period_and_limit() {
    let app = DemoApp::new(&DEMO).await;
    let sender = app.busy_sender().await;
    let all = &sender.messages;
    app.log_in(&OPERATOR);
    let query = |period, limit| MessageQuery {
        email: Some(format!("  {}  ", sender.email.to_uppercase())),
        period,
        limit,
        mail_only: false,
    };
    let check = |found: &[SupportMessage], limit: u32| {
        assert!(found.len() <= limit as usize);
        for message in found {
            assert_eq!(message.email.to_lowercase(), sender.email.to_lowercase());
        }
        assert!(
            found
                .windows(2)
                .all(|pair| pair[0].received_at >= pair[1].received_at),
            "newest first"
        );
    };
    let ids = |messages: &[SupportMessage]| messages.iter().map(|m| m.id).collect::<BTreeSet<_>>();

    // Every demo message is from the last year.
    let found = app.find(&query(MessagePeriod::LastDays(MAX_DAYS), MAX_LIMIT));
    check(&found, MAX_LIMIT);
    assert_eq!(ids(&found), ids(all));
    assert_eq!(&found, all);

    // At most the limit: the newest ones.
    let found = app.find(&query(MessagePeriod::LastDays(MAX_DAYS), 2));
    check(&found, 2);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].received_at, all[0].received_at);
    assert_eq!(found[1].received_at, all[1].received_at);

    // One local day that is neither the newest nor the oldest: only that day's messages.
    let days: BTreeSet<NaiveDate> = all.iter().map(|m| local_day(m.received_at)).collect();
    let day = *days.iter().nth(1).expect("a middle day");
    let expected: Vec<&SupportMessage> = all
        .iter()
        .filter(|m| local_day(m.received_at) == day)
        .collect();
    assert!(!expected.is_empty() && expected.len() < all.len());
    let period = MessagePeriod::Between {
        start: day,
        end: day,
    };
    let found = app.find(&query(period, MAX_LIMIT));
    check(&found, MAX_LIMIT);
    assert_eq!(found.iter().collect::<Vec<_>>(), expected, "{day}");

    // From that day to the newest: that day's and every later one's.
    let period = MessagePeriod::Between {
        start: day,
        end: *days.last().expect("a day"),
    };
    let found = app.find(&query(period, MAX_LIMIT));
    check(&found, MAX_LIMIT);
    let later: Vec<&SupportMessage> = all
        .iter()
        .filter(|m| local_day(m.received_at) >= day)
        .collect();
    assert_eq!(found.iter().collect::<Vec<_>>(), later);

    // A period before the demo's messages.
    let long_ago = |d| NaiveDate::from_ymd_opt(2000, 1, d).expect("date");
    let period = MessagePeriod::Between {
        start: long_ago(1),
        end: long_ago(31),
    };
    assert_eq!(app.find(&query(period, MAX_LIMIT)), Vec::new());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_message_taken_names_its_operator_and_every_sender_is_found_without_an_email() {
    let app = DemoApp::new(&DEMO).await;
    let sender = app.busy_sender().await;
    let operator = app.log_in(&OPERATOR);
    let everyone = MessageQuery {
        email: None,
        period: MessagePeriod::LastDays(MAX_DAYS),
        limit: 20,
        mail_only: false,
    };
    let found: Vec<ListedMessage> = app.call("find_support_messages", &everyone);
    assert_eq!(found.len(), 20);
    assert!(found
        .windows(2)
        .all(|pair| pair[0].message.received_at >= pair[1].message.received_at));
    assert!(found.iter().any(|m| m.message.email != sender.email));

    let theirs = MessageQuery {
        email: Some(sender.email.clone()),
        limit: MAX_LIMIT,
        ..everyone
    };
    let taken = sender.messages[0].id;
    app.call::<()>("take_support_message", taken);
    let found: Vec<ListedMessage> = app.call("find_support_messages", &theirs);
    let last = found.last().expect("messages");
    assert_eq!(last.message.id, taken, "taken ones after the new ones");
    assert!(matches!(
        &last.state,
        MessageState::Taken { by, mine: true, .. } if *by == operator.name
    ));
    let error = app.refuse("take_support_message", Uuid::nil());
    assert_eq!(error.code, ErrorCode::NotFound);
    assert_eq!(error.field.as_deref(), Some("mensagem"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wrong_message_query_is_refused_at_its_field() {
    let app = DemoApp::new(&DEMO).await;
    let sender = app.busy_sender().await;
    app.log_in(&OPERATOR);
    let day = local_day(sender.messages[0].received_at);
    let valid = MessageQuery {
        email: Some(sender.email.clone()),
        period: MessagePeriod::Between {
            start: day,
            end: day,
        },
        limit: 50,
        mail_only: false,
    };
    assert!(!app.find(&valid).is_empty());
    let cases = [
        (
            MessageQuery {
                period: MessagePeriod::Between {
                    start: day.succ_opt().expect("next day"),
                    end: day,
                },
                ..valid.clone()
            },
            support::fields::START,
        ),
        (
            MessageQuery {
                limit: 0,
                ..valid.clone()
            },
            support::fields::LIMIT,
        ),
        (
            MessageQuery {
                limit: MAX_LIMIT + 1,
                ..valid.clone()
            },
            support::fields::LIMIT,
        ),
        (
            MessageQuery {
                period: MessagePeriod::LastDays(0),
                ..valid.clone()
            },
            support::fields::DAYS,
        ),
        (
            MessageQuery {
                email: Some("maria".into()),
                ..valid.clone()
            },
            support::fields::EMAIL,
        ),
    ];
    for (query, field) in cases {
        let error = app.refuse("find_support_messages", &query);
        assert_eq!(error.code, ErrorCode::InvalidInput, "{query:?}");
        assert_eq!(error.field.as_deref(), Some(field), "{}", error.message);
        assert!(!error.message.is_empty());
    }
    assert_eq!(support::fields::START, "inicio");
    assert_eq!(support::fields::LIMIT, "quantidade");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_customers_record_has_its_plans_and_their_routing_points() {
    let app = DemoApp::new(&DEMO).await;
    let customers = app.customers().await;
    app.log_in(&OPERATOR);

    let mut plans = 0;
    for customer in &customers {
        let record = app.load_customer(customer.id);
        assert_eq!(record.id, customer.id);
        assert_eq!(record.code, customer.code);
        assert_eq!(record.name, customer.name);
        assert_eq!(record.document, customer.document);
        assert_eq!(record.city, customer.city);
        let sorted = |list: &[String]| list.iter().cloned().collect::<BTreeSet<_>>();
        assert_eq!(sorted(&record.emails), sorted(&customer.emails));
        assert_eq!(sorted(&record.phones), sorted(&customer.phones));
        let logins: Vec<String> = record.plans.iter().map(|p| p.login.clone()).collect();
        assert_eq!(
            sorted(&logins),
            sorted(&customer.logins),
            "{}",
            customer.code
        );
        for plan in &record.plans {
            assert!(!plan.plan.trim().is_empty(), "{}", customer.code);
            assert!(!plan.technology.trim().is_empty());
            assert!(plan.download_mbps > 0 && plan.upload_mbps > 0);
            assert!(!plan.status_changed_on.is_empty());
            assert!(
                !plan.routing_point.name.trim().is_empty(),
                "{}",
                customer.code
            );
            assert!(!plan.routing_point.kind.trim().is_empty());
            assert!(!plan.routing_point.id.is_nil());
        }
        assert!(
            record
                .plans
                .windows(2)
                .all(|pair| pair[0].installed_on <= pair[1].installed_on),
            "in the order they were installed"
        );
        plans += record.plans.len();
    }
    if customers.len() == app.summary.customers {
        assert_eq!(plans, app.summary.customer_plans, "every contracted plan");
    }
    assert!(plans > 0);

    let error = app.refuse("load_customer", Uuid::from_u128(42));
    assert_eq!(error.code, ErrorCode::NotFound);
    assert!(app.invoke("load_customer", "not a uuid").is_err());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_contact_is_stored_at_once_and_a_wrong_one_is_not() {
    let app = DemoApp::new(&DEMO).await;
    let customer = app.customers().await.remove(0).id;
    app.log_in(&OPERATOR);
    let before = app.load_customer(customer).contacts;

    let added: Contact = app.call(
        "add_contact",
        contact_for(customer, "  Maria da Conceição ", " maria@exemplo.com.br "),
    );
    assert_eq!(added.name, "Maria da Conceição");
    assert_eq!(added.phone, "(11) 98765-4321");
    assert_eq!(added.email, "maria@exemplo.com.br");
    let after = app.load_customer(customer).contacts;
    assert_eq!(after.len(), before.len() + 1);
    assert_eq!(after.last(), Some(&added));

    for (contact, field) in [
        (contact_for(customer, "   ", "maria@exemplo.com.br"), "nome"),
        (contact_for(customer, "Maria", "maria@"), "email"),
        (contact_for(customer, "Maria", "não é e-mail"), "email"),
    ] {
        let error = app.refuse("add_contact", &contact);
        assert_eq!(error.code, ErrorCode::InvalidInput, "{contact:?}");
        assert_eq!(error.field.as_deref(), Some(field), "{}", error.message);
    }
    assert_eq!(
        app.load_customer(customer).contacts,
        after,
        "nothing stored"
    );
    assert_eq!(contacts_stored(&app, customer).await, after);

    // Markup is a name like any other, kept as typed.
    let markup = "<script>alert(1)</script>";
    let added: Contact = app.call("add_contact", contact_for(customer, markup, ""));
    assert_eq!(added.name, markup);
    let stored = app.load_customer(customer).contacts;
    assert_eq!(stored.last().map(|c| c.name.as_str()), Some(markup));

    // Contacts come back in the order they were added.
    let names = ["Primeiro", "Segundo", "Terceiro", "Quarto"];
    for name in names {
        app.call::<Contact>("add_contact", contact_for(customer, name, ""));
    }
    let stored = app.load_customer(customer).contacts;
    let last: Vec<&str> = stored[stored.len() - names.len()..]
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(last, names);

    let error = app.refuse(
        "add_contact",
        contact_for(Uuid::from_u128(42), "Maria", "maria@exemplo.com.br"),
    );
    assert_eq!(error.code, ErrorCode::NotFound);
}

/// A "Suporte" draft walked with the core API to "Dados Atend.", on the demo's data; each
/// change raises the revision, as the UI does. Returns the draft after each step.
async fn walked_drafts(app: &DemoApp) -> Vec<WizardDraft> {
    let sender = app.busy_sender().await;
    let mut draft = WizardDraft::default();
    let mut steps = Vec::new();
    let mut keep = |draft: &mut WizardDraft| {
        draft.revision += 1;
        steps.push(draft.clone());
    };
    draft.choose_origin(Origin::Support);
    assert_eq!(draft.advance(), Ok(Step::Filters));
    keep(&mut draft);
    draft.filters.email = sender.email.clone();
    draft.filters.days = MAX_DAYS.to_string();
    assert_eq!(draft.advance(), Ok(Step::FindMessage));
    keep(&mut draft);
    let query = draft.filters.validate().expect("valid filters");
    let message = app.find(&query).into_iter().next().expect("a message");
    draft.choose_message(message);
    assert_eq!(draft.advance(), Ok(Step::FindCustomer));
    keep(&mut draft);
    draft.choose_customer(sender.customer.clone());
    assert_eq!(draft.advance(), Ok(Step::CustomerData));
    keep(&mut draft);
    let record = app.load_customer(sender.customer.id);
    assert_eq!(draft.advance(), Ok(Step::TicketData));
    draft.plan = record.plans.first().map(|plan| plan.id);
    draft.problem.push_str(" <b>e o Wi-Fi também</b>");
    keep(&mut draft);
    steps
}

#[tokio::test(flavor = "multi_thread")]
async fn a_draft_is_kept_newest_revision_first_until_discarded() {
    let app = DemoApp::new(&DEMO).await;
    app.log_in(&OPERATOR);
    assert_eq!(app.load_draft(), None);

    let drafts = walked_drafts(&app).await;
    let newest = drafts.last().expect("a draft");
    assert_eq!(newest.current(), Step::TicketData);
    let before = now_millis();
    app.save_draft(newest);
    let saved = app.load_draft().expect("a saved draft");
    assert_eq!(&saved.draft, newest);
    assert_eq!(saved.draft.visited().len(), 6);
    assert!((before..=now_millis()).contains(&saved.saved_at));

    // A late save of an older state changes nothing.
    for older in &drafts[..drafts.len() - 1] {
        app.save_draft(older);
        assert_eq!(app.load_draft().expect("kept").draft, *newest);
    }
    // A newer one replaces it.
    let mut newer = newest.clone();
    newer.back();
    newer.revision += 1;
    app.save_draft(&newer);
    assert_eq!(app.load_draft().expect("replaced").draft, newer);

    app.call::<()>("discard_draft", ());
    assert_eq!(app.load_draft(), None);
    app.call::<()>("discard_draft", ());
    assert_eq!(app.load_draft(), None);
}

#[tokio::test(flavor = "multi_thread")]
async fn each_operator_has_a_draft_of_their_own() {
    let app = DemoApp::new(&DEMO).await;
    app.log_in(&OPERATOR);
    let anas = walked_drafts(&app).await.pop().expect("a draft");
    app.save_draft(&anas);
    app.log_out();

    let admin = app.log_in(&ADMIN);
    assert_ne!(admin.login, OPERATOR.login);
    assert_eq!(app.load_draft(), None, "not Ana's draft");
    let mut admins = WizardDraft::default();
    admins.choose_origin(Origin::Phone);
    assert_eq!(admins.advance(), Ok(Step::FindCustomer));
    admins.revision = 1;
    app.save_draft(&admins);
    assert_eq!(app.load_draft().expect("admin's").draft, admins);
    app.log_out();

    app.log_in(&OPERATOR);
    assert_eq!(app.load_draft().expect("Ana's").draft, anas);
    app.call::<()>("discard_draft", ());
    assert_eq!(app.load_draft(), None);
    app.log_out();

    app.log_in(&ADMIN);
    assert_eq!(
        app.load_draft().expect("still there").draft,
        admins,
        "Ana's discard kept the admin's draft"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn each_ticket_gets_the_next_protocol_of_the_day() {
    let app = DemoApp::new(&DEMO).await;
    let operator = app.log_in(&OPERATOR);
    let first: Protocol = app.call("reserve_protocol", ());
    let second: Protocol = app.call("reserve_protocol", ());
    assert_eq!(first.date, Local::now().date_naive());
    assert_eq!(first.desktop, 1);
    assert_eq!(second.sequence, first.sequence + 1);
    assert_eq!(second.to_string().parse::<Protocol>(), Ok(second));
    let owner = helpdesk_store::protocols::reserved_by(app.store(), &second.digits())
        .await
        .expect("read");
    assert_eq!(owner, Some(operator.id));
}

/// A draft walked by phone to "Prim. Contato" for a demo customer, with a protocol given.
async fn finished_draft(app: &DemoApp) -> WizardDraft {
    let customer = app.customers().await.remove(0);
    let record = app.load_customer(customer.id);
    let kinds: Vec<TicketType> = app.call("list_ticket_types", ());
    let mut draft = WizardDraft::default();
    draft.protocol = Some(app.call("reserve_protocol", ()));
    draft.choose_origin(Origin::Phone);
    draft.advance().expect("origin");
    draft.choose_customer(customer);
    draft.advance().expect("customer");
    draft.advance().expect("customer data");
    draft.plan = Some(record.plans[0].id);
    draft.problem = "Sem internet desde cedo.".into();
    draft.advance().expect("ticket data");
    draft.set_script(ScriptProgress::Skipped);
    draft.advance().expect("script");
    draft.first_contact = "<b>Reiniciou</b> a ONU e voltou.".into();
    draft.ticket_type = kinds.into_iter().find(|kind| kind.assignee.is_some());
    draft
}

/// The single number `sql` (a literal count query) answers.
async fn count(store: &Store, sql: &'static str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(store.pool())
        .await
        .expect("count")
}

const TICKETS: &str = "SELECT count(*) FROM tickets";
const EVENTS: &str = "SELECT count(*) FROM ticket_events";

#[tokio::test(flavor = "multi_thread")]
async fn a_ticket_is_saved_whole_once_and_its_draft_ends() {
    let app = DemoApp::new(&DEMO).await;
    let operator = app.log_in(&OPERATOR);
    let draft = finished_draft(&app).await;
    app.save_draft(&draft);

    // Incomplete: refused at its field, nothing written, the draft kept.
    let mut incomplete = draft.clone();
    incomplete.first_contact.clear();
    let error = app.refuse(
        "save_ticket",
        TicketSubmission {
            draft: incomplete,
            resolved: false,
            email_context: None,
        },
    );
    assert_eq!(error.field.as_deref(), Some("primeiro-contato"));
    assert_eq!(count(app.store(), TICKETS).await, 0);
    assert!(app.load_draft().is_some());

    let saved: SavedTicket = app.call(
        "save_ticket",
        TicketSubmission {
            draft: draft.clone(),
            resolved: true,
            email_context: None,
        },
    );
    assert_eq!(Some(saved.protocol), draft.protocol);
    assert_eq!(saved.status, TicketStatus::Resolved);
    assert_eq!(app.load_draft(), None, "the draft ends with the save");
    let (status, opened_by, assigned): (String, Uuid, Option<Uuid>) = sqlx::query_as(
        "SELECT status, opened_by, coalesce(assigned_user_id, assigned_role_id)
         FROM tickets WHERE protocol = ?1",
    )
    .bind(saved.protocol.digits())
    .fetch_one(app.store().pool())
    .await
    .expect("the ticket");
    assert_eq!(status, "Resolvido");
    assert_eq!(opened_by, operator.id);
    let expected = match draft
        .ticket_type
        .as_ref()
        .and_then(|kind| kind.assignee.clone())
    {
        Some(Assignee::User { id, .. } | Assignee::Role { id, .. }) => Some(id),
        None => None,
    };
    assert_eq!(assigned, expected);
    let kinds: Vec<String> =
        sqlx::query_scalar("SELECT kind FROM ticket_events WHERE ticket_id = ?1 ORDER BY rowid")
            .bind(saved.id)
            .fetch_all(app.store().pool())
            .await
            .expect("events");
    assert_eq!(kinds, ["opened", "first_contact", "resolved"]);

    // The same protocol again: refused, nothing more written.
    let error = app.refuse(
        "save_ticket",
        TicketSubmission {
            draft,
            resolved: false,
            email_context: None,
        },
    );
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert_eq!(count(app.store(), TICKETS).await, 1);
    assert_eq!(count(app.store(), EVENTS).await, 3);
}

#[tokio::test(flavor = "multi_thread")]
async fn attachments_and_a_task_are_saved_with_the_ticket() {
    let app = DemoApp::new(&DEMO).await;
    let operator = app.log_in(&OPERATOR);
    let mut draft = finished_draft(&app).await;
    let picked = tempfile::tempdir().expect("the operator's folder");
    let files = &app.attachments().files;
    let store_file = |name: &str, content: &[u8]| {
        let path = picked.path().join(name);
        std::fs::write(&path, content).expect("picked file");
        files.store(&path, DEFAULT_MAX_BYTES).expect("stored")
    };
    let mut report = store_file("laudo técnico.pdf", b"%PDF-1.4 laudo");
    report.notes = "Laudo da visita anterior".into();
    draft.attachments.push(report.clone());
    // A file stored when picked, then removed from the attachments folder.
    let gone = store_file("foto.jpg", b"jpeg");
    let gone_path = files.path_of(&gone.content_hash).expect("a hash");
    std::fs::remove_file(gone_path).expect("removed");
    draft.attachments.push(gone);

    draft.open_optional(Step::Task);
    let assignees: Vec<Assignee> = app.call("list_assignees", ());
    let role = assignees
        .iter()
        .find(|assignee| matches!(assignee, Assignee::Role { .. }))
        .cloned()
        .expect("the demo has roles");
    let today = Local::now().date_naive();
    draft.task = Some(TaskForm {
        title: "Retornar a ligação".into(),
        description: "Confirmar que a conexão ficou estável.".into(),
        assignee: Some(role.clone()),
        due: format_date(today.pred_opt().expect("yesterday")),
    });
    let submit = |draft: &WizardDraft| TicketSubmission {
        draft: draft.clone(),
        resolved: false,
        email_context: None,
    };
    let error = app.refuse("save_ticket", submit(&draft));
    assert_eq!(error.field.as_deref(), Some(task_fields::DUE));
    let tomorrow = today.succ_opt().expect("tomorrow");
    if let Some(task) = &mut draft.task {
        task.due = format_date(tomorrow);
    }
    let error = app.refuse("save_ticket", submit(&draft));
    assert_eq!(error.field.as_deref(), Some("anexo"));
    assert!(error.message.contains("\"foto.jpg\""), "{}", error.message);
    assert_eq!(count(app.store(), TICKETS).await, 0, "nothing written");

    draft.attachments.pop();
    let saved: SavedTicket = app.call("save_ticket", submit(&draft));
    let attachments: Vec<(String, String, i64, String, Uuid)> = sqlx::query_as(
        "SELECT file_name, content_hash, size_bytes, notes, added_by FROM attachments
         WHERE ticket_id = ?1",
    )
    .bind(saved.id)
    .fetch_all(app.store().pool())
    .await
    .expect("attachments");
    assert_eq!(
        attachments,
        [(
            report.file_name.clone(),
            report.content_hash.clone(),
            14,
            report.notes.clone(),
            operator.id
        )]
    );
    let task: (String, String, Option<Uuid>, Option<Uuid>, i64, Uuid) = sqlx::query_as(
        "SELECT title, description, assignee_user_id, assignee_role_id, due_at, created_by
         FROM tasks WHERE ticket_id = ?1",
    )
    .bind(saved.id)
    .fetch_one(app.store().pool())
    .await
    .expect("the task");
    let Assignee::Role { id: role_id, .. } = role else {
        unreachable!("a role was chosen")
    };
    let (_, offset) = helpdesk_desktop::local_time::today();
    assert_eq!(
        task,
        (
            "Retornar a ligação".to_owned(),
            "Confirmar que a conexão ficou estável.".to_owned(),
            None,
            Some(role_id),
            end_of_day(tomorrow, offset),
            operator.id
        )
    );
    let kinds: Vec<String> =
        sqlx::query_scalar("SELECT kind FROM ticket_events WHERE ticket_id = ?1 ORDER BY rowid")
            .bind(saved.id)
            .fetch_all(app.store().pool())
            .await
            .expect("events");
    assert_eq!(kinds, ["opened", "first_contact", "attachment", "task"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_email_is_queued_with_the_ticket_filled_from_it() {
    let app = DemoApp::new(&DEMO).await;
    let operator = app.log_in(&OPERATOR);
    let mut draft = finished_draft(&app).await;
    let templates: Vec<EmailTemplate> = app.call("list_email_templates", ());
    let protocol_template = templates
        .iter()
        .find(|template| template.name == "Protocolo de atendimento")
        .expect("the demo's protocol template");
    draft.open_optional(Step::SendEmail);
    draft.email = Some(EmailDraft {
        recipients: vec!["não é e-mail".into()],
        copy: true,
        template_id: Some(protocol_template.id),
        subject: protocol_template.subject.clone(),
        body: protocol_template.body.clone(),
        attachments: Vec::new(),
    });
    let context = EmailContext {
        customer: "Quem a janela disser".into(),
        protocol: "000000-000-00000".into(),
        contacted_at: Local::now().naive_local(),
        plan: "Fibra 500".into(),
        problem: String::new(),
        visit: None,
        operator: String::new(),
        ticket_type: "Sem conexão".into(),
    };
    let submit = |draft: &WizardDraft| TicketSubmission {
        draft: draft.clone(),
        resolved: false,
        email_context: Some(context.clone()),
    };

    // A bad address, then an unknown placeholder: refused at the field, nothing queued.
    let error = app.refuse("save_ticket", submit(&draft));
    assert_eq!(error.field.as_deref(), Some("email-destinatarios"));
    assert!(
        error.message.contains("não é um e-mail válido"),
        "{}",
        error.message
    );
    let customer_email = draft.customer.as_ref().expect("customer").emails[0].clone();
    if let Some(email) = &mut draft.email {
        email.recipients = vec![customer_email.clone()];
        email.subject = "Protocolo {protocolo} {sem_isso}".into();
    }
    let error = app.refuse("save_ticket", submit(&draft));
    assert_eq!(error.field.as_deref(), Some("email-assunto"));
    assert!(error.message.contains("{sem_isso}"), "{}", error.message);
    assert_eq!(count(app.store(), TICKETS).await, 0);

    if let Some(email) = &mut draft.email {
        email.subject = protocol_template.subject.clone();
    }
    let saved: SavedTicket = app.call("save_ticket", submit(&draft));
    let (to, cc, subject, body, state, created_by): (String, String, String, String, String, Uuid) =
        sqlx::query_as(
            "SELECT to_addresses, cc_addresses, subject, body, state, created_by
             FROM email_outbox WHERE ticket_id = ?1",
        )
        .bind(saved.id)
        .fetch_one(app.store().pool())
        .await
        .expect("one e-mail queued");
    assert_eq!(
        serde_json::from_str::<Vec<String>>(&to).expect("JSON"),
        [customer_email]
    );
    assert_eq!(
        serde_json::from_str::<Vec<String>>(&cc)
            .expect("JSON")
            .len(),
        1,
        "the copy"
    );
    assert_eq!(subject, format!("Protocolo {}", saved.protocol));
    let customer = &draft.customer.as_ref().expect("customer").name;
    assert!(body.contains(&format!("Olá, {customer}.")), "{body}");
    assert!(
        !body.contains("Quem a janela disser"),
        "the shell's own customer name"
    );
    assert_eq!(state, "queued");
    assert_eq!(created_by, operator.id);
    let kinds: Vec<String> =
        sqlx::query_scalar("SELECT kind FROM ticket_events WHERE ticket_id = ?1 ORDER BY rowid")
            .bind(saved.id)
            .fetch_all(app.store().pool())
            .await
            .expect("events");
    assert_eq!(kinds, ["opened", "first_contact", "email_queued"]);
}
