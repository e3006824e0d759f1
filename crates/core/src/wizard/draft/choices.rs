//! The operator's choices that change others: a new origin or script changes the route, a
//! new message the problem and the files, a new customer the plan; and the searches the
//! chosen message and the origin suggest.
use uuid::Uuid;

use super::{ScriptProgress, WizardDraft};
use crate::customer::{
    CustomerSearch, CustomerSummary, SearchCondition, SearchField, DEFAULT_LIMIT,
};
use crate::email::EmailDraft;
use crate::form::FieldError;
use crate::support::{MessageQuery, SupportMessage};
use crate::wizard::Origin;

impl WizardDraft {
    /// A new ticket answering `message`, as if the operator chose "Suporte Online" and that
    /// message in "Localizar Reg.": at "Localizar Cliente" (the queue's new messages).
    pub fn for_message(message: SupportMessage) -> WizardDraft {
        let mut draft = WizardDraft::default();
        draft.choose_origin(Origin::Support);
        // "Origem" and "Filtros" (its defaults) have what they need.
        let _ = draft.advance();
        let _ = draft.advance();
        draft.choose_message(message);
        let _ = draft.advance();
        draft
    }

    /// "Origem".
    pub fn choose_origin(&mut self, origin: Origin) {
        self.origin = Some(origin);
        self.reroute();
    }

    /// A message chosen in "Localizar Reg.". The problem is taken from it unless the
    /// operator has written one of their own; its files join "Anexo" (the same content,
    /// noted as the customer's), in place of those of another message chosen before (the
    /// same message chosen again leaves "Anexo" as the operator left it).
    pub fn choose_message(&mut self, message: SupportMessage) {
        let problem_is_from_message = self.problem.trim().is_empty()
            || self
                .message
                .as_ref()
                .is_some_and(|previous| previous.body == self.problem);
        if problem_is_from_message {
            self.problem = message.body.clone();
        }
        let same = self.message.as_ref().map(|previous| previous.id) == Some(message.id);
        if !same {
            if let Some(previous) = &self.message {
                self.attachments
                    .retain(|kept| !previous.attachments.iter().any(|file| file.is(kept)));
            }
            for file in &message.attachments {
                if !self.attachments.iter().any(|kept| file.is(kept)) {
                    self.attachments.push(file.to_draft());
                }
            }
        }
        self.message = Some(message);
    }

    /// What "Localizar Reg." asks for: the "Filtros", and for origin "E-mail" only the
    /// messages that came by mail; or every reason the filters are refused.
    pub fn message_query(&self) -> Result<MessageQuery, Vec<FieldError>> {
        let query = self.filters.validate()?;
        Ok(MessageQuery {
            mail_only: self.origin == Some(Origin::Email),
            ..query
        })
    }

    /// The customer chosen in "Localizar Cliente"; another customer's plan no longer applies.
    pub fn choose_customer(&mut self, customer: CustomerSummary) {
        if self.customer.as_ref().map(|c| c.id) != Some(customer.id) {
            self.plan = None;
            self.new_plan = None;
        }
        self.customer = Some(customer);
    }

    /// "Plano": one of the customer's contracts (its id); no new plan then.
    pub fn choose_contract(&mut self, contract: Uuid) {
        self.plan = Some(contract);
        self.new_plan = None;
    }

    /// "Novo plano": an active plan (its id) instead of a contract.
    pub fn choose_new_plan(&mut self, plan: Uuid) {
        self.new_plan = Some(plan);
        self.plan = None;
    }

    /// The searches that find the customer who sent the chosen message: by the CPF/CNPJ it
    /// gave, then its login, then its sender's address, each matching exactly.
    pub fn searches_for_message(&self) -> Vec<CustomerSearch> {
        let Some(message) = &self.message else {
            return Vec::new();
        };
        [
            (SearchField::Document, message.document.trim()),
            (SearchField::Login, message.login.trim()),
            (SearchField::Email, message.email.trim()),
        ]
        .into_iter()
        .filter(|(_, text)| !text.is_empty())
        .map(|(field, text)| CustomerSearch {
            text: text.to_owned(),
            field,
            condition: SearchCondition::Equals,
            limit: DEFAULT_LIMIT,
        })
        .filter(|search| search.validate().is_ok())
        .collect()
    }

    /// The e-mail "Enviar E-mail" starts with: when the ticket answers a customer's message,
    /// addressed to its sender (the reply the customer waits for), else to nobody yet.
    pub fn new_email(&self) -> EmailDraft {
        EmailDraft {
            recipients: self
                .message
                .iter()
                .map(|message| message.email.trim().to_owned())
                .filter(|address| !address.is_empty())
                .collect(),
            ..EmailDraft::default()
        }
    }

    /// Sets where the script stands; ending or skipping it decides the step after it.
    pub fn set_script(&mut self, script: ScriptProgress) {
        self.script = script;
        self.reroute();
    }
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;
    use crate::attachment::DraftAttachment;
    use crate::support_attachment::{MessageAttachment, FROM_MESSAGE_NOTE};
    use crate::wizard::draft::test_support::{at_ticket_data, customer, message};
    use crate::wizard::Step;

    #[test]
    fn a_message_from_the_queue_starts_at_localizar_cliente() {
        let draft = WizardDraft::for_message(message(3, "Sem sinal"));
        assert_eq!(draft.origin, Some(Origin::Support));
        assert_eq!(
            draft.visited(),
            [
                Step::Origin,
                Step::Filters,
                Step::FindMessage,
                Step::FindCustomer
            ]
        );
        assert_eq!(draft.current(), Step::FindCustomer);
        assert_eq!(draft.problem, "Sem sinal");
        assert_eq!(draft.message.map(|m| m.id), Some(Uuid::from_u128(3)));
    }

    #[test]
    fn a_new_origin_forgets_a_route_it_no_longer_takes() {
        let mut draft = at_ticket_data();
        draft.go_to(Step::Origin);
        draft.choose_origin(Origin::Support);
        assert_eq!(draft.visited().len(), 6);
        draft.choose_origin(Origin::Phone);
        assert_eq!(draft.visited(), [Step::Origin]);
        draft.go_to(Step::FindCustomer);
        assert_eq!(draft.current(), Step::Origin);
        assert_eq!(draft.advance(), Ok(Step::FindCustomer));
        assert!(draft.customer.is_some(), "the choice itself is kept");
    }

    #[test]
    fn the_problem_follows_the_message_until_the_operator_writes_one() {
        let mut draft = WizardDraft::default();
        draft.choose_message(message(1, "Primeira"));
        assert_eq!(draft.problem, "Primeira");
        draft.choose_message(message(2, "Segunda"));
        assert_eq!(draft.problem, "Segunda");
        draft.problem = "Do operador".into();
        draft.choose_message(message(3, "Terceira"));
        assert_eq!(draft.problem, "Do operador");
    }

    #[test]
    fn a_contract_and_a_new_plan_exclude_each_other() {
        let mut draft = WizardDraft::default();
        draft.choose_contract(Uuid::from_u128(5));
        draft.choose_new_plan(Uuid::from_u128(6));
        assert_eq!(
            (draft.plan, draft.new_plan),
            (None, Some(Uuid::from_u128(6)))
        );
        draft.choose_contract(Uuid::from_u128(5));
        assert_eq!(
            (draft.plan, draft.new_plan),
            (Some(Uuid::from_u128(5)), None)
        );
    }

    #[test]
    fn another_customer_drops_the_plan() {
        let mut draft = at_ticket_data();
        draft.plan = Some(Uuid::from_u128(5));
        draft.choose_customer(customer(1));
        assert_eq!(draft.plan, Some(Uuid::from_u128(5)));
        draft.choose_customer(customer(2));
        assert_eq!(draft.plan, None);
        draft.choose_new_plan(Uuid::from_u128(6));
        draft.choose_customer(customer(1));
        assert_eq!(
            draft.new_plan, None,
            "nor a new plan chosen for another customer"
        );
    }

    #[test]
    fn the_message_finds_its_customer_by_document_then_login_then_email() {
        let mut draft = WizardDraft::default();
        assert!(draft.searches_for_message().is_empty());
        draft.choose_message(message(1, "x"));
        let searches = draft.searches_for_message();
        let fields: Vec<_> = searches.iter().map(|s| s.field).collect();
        assert_eq!(fields, [SearchField::Login, SearchField::Email]);
        assert!(searches
            .iter()
            .all(|s| s.condition == SearchCondition::Equals));
        draft.message = Some(SupportMessage {
            login: " ".into(),
            ..message(2, "x")
        });
        assert_eq!(draft.searches_for_message().len(), 1);
        for document in ["529.982.247-25", "52998224725"] {
            draft.message = Some(SupportMessage {
                document: document.into(),
                ..message(3, "x")
            });
            let searches = draft.searches_for_message();
            let fields: Vec<_> = searches.iter().map(|s| s.field).collect();
            assert_eq!(
                fields,
                [
                    SearchField::Document,
                    SearchField::Login,
                    SearchField::Email
                ]
            );
            assert_eq!(searches[0].text, document, "masked or bare, as given");
        }
    }

    fn with_files(n: u128, names: &[&str]) -> SupportMessage {
        SupportMessage {
            attachments: names
                .iter()
                .enumerate()
                .map(|(i, name)| MessageAttachment {
                    id: Uuid::from_u128(n * 100 + i as u128),
                    file_name: (*name).into(),
                    content_hash: format!("{:064x}", n * 100 + i as u128),
                    size_bytes: 10,
                })
                .collect(),
            ..message(n, "x")
        }
    }

    #[test]
    fn the_messages_files_join_the_ticket_and_follow_another_choice() {
        let mut draft = WizardDraft::default();
        let own = DraftAttachment {
            content_hash: "f".repeat(64),
            file_name: "do-operador.pdf".into(),
            size_bytes: 1,
            notes: String::new(),
        };
        draft.attachments.push(own.clone());
        draft.choose_message(with_files(1, &["foto.jpg", "laudo.pdf"]));
        let names: Vec<_> = draft
            .attachments
            .iter()
            .map(|a| a.file_name.as_str())
            .collect();
        assert_eq!(names, ["do-operador.pdf", "foto.jpg", "laudo.pdf"]);
        assert_eq!(draft.attachments[1].notes, FROM_MESSAGE_NOTE);
        // The operator removes one; choosing the same message again leaves it removed.
        draft.attachments.remove(2);
        draft.choose_message(with_files(1, &["foto.jpg", "laudo.pdf"]));
        let names: Vec<_> = draft
            .attachments
            .iter()
            .map(|a| a.file_name.as_str())
            .collect();
        assert_eq!(names, ["do-operador.pdf", "foto.jpg"]);
        // Another message: the first one's files go, the operator's own stay.
        draft.choose_message(with_files(2, &["print.png"]));
        let names: Vec<_> = draft
            .attachments
            .iter()
            .map(|a| a.file_name.as_str())
            .collect();
        assert_eq!(names, ["do-operador.pdf", "print.png"]);
        assert_eq!(draft.attachments[0], own);
    }

    #[test]
    fn origin_email_reads_only_mail() {
        let mut draft = WizardDraft::default();
        draft.choose_origin(Origin::Support);
        assert!(!draft.message_query().expect("valid").mail_only);
        draft.choose_origin(Origin::Email);
        assert!(draft.message_query().expect("valid").mail_only);
        draft.filters.days = "0".into();
        assert!(
            draft.message_query().is_err(),
            "the filters are still checked"
        );
    }

    #[test]
    fn an_email_answering_a_message_starts_addressed_to_its_sender() {
        assert_eq!(
            at_ticket_data().new_email().recipients,
            ["maria@example.com"]
        );
        let mut phoned = WizardDraft::default();
        phoned.choose_origin(Origin::Phone);
        assert_eq!(phoned.new_email(), EmailDraft::default());
    }
}
