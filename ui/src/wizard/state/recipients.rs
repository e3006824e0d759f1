//! "Enviar Para" in the wizard's reducer: the addresses the step lists for the customer and
//! the selections made over them. No DOM and no IPC.
use helpdesk_api::CustomerRecord;
use helpdesk_core::email::EmailDraft;

/// An address "Enviar Para" lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedAddress {
    pub address: String,
    /// The contact's name; `None` for the customer's own address.
    pub contact: Option<String>,
}

/// The customer's addresses, then its contacts' (with their names), each once whatever its
/// case, without empty ones.
pub fn listed_addresses(record: &CustomerRecord) -> Vec<ListedAddress> {
    let own = record.emails.iter().map(|address| (address, None));
    let contacts = record
        .contacts
        .iter()
        .map(|contact| (&contact.email, Some(contact.name.clone())));
    let mut listed: Vec<ListedAddress> = Vec::new();
    for (address, contact) in own.chain(contacts) {
        let address = address.trim();
        if !address.is_empty() && !listed.iter().any(|l| same(&l.address, address)) {
            listed.push(ListedAddress {
                address: address.to_owned(),
                contact,
            });
        }
    }
    listed
}

/// Whether two addresses are the same mailbox as the operator would read them.
pub(super) fn same(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// Sets the recipients to the listed addresses `keep(address, was_checked)` keeps, in the
/// list's order, followed by the checked addresses the list does not have.
pub(super) fn select(email: &mut EmailDraft, listed: &[String], keep: impl Fn(&str, bool) -> bool) {
    let was = |address: &str| email.recipients.iter().any(|r| same(r, address));
    let mut recipients: Vec<String> = listed
        .iter()
        .filter(|address| keep(address, was(address)))
        .cloned()
        .collect();
    recipients.extend(
        email
            .recipients
            .iter()
            .filter(|r| !listed.iter().any(|l| same(l, r)))
            .cloned(),
    );
    email.recipients = recipients;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wizard::state::fixtures::record_with_contacts as record;

    #[test]
    fn the_customers_addresses_then_the_contacts_are_listed_once() {
        let listed = listed_addresses(&record());
        let shown: Vec<_> = listed
            .iter()
            .map(|l| (l.address.as_str(), l.contact.as_deref()))
            .collect();
        assert_eq!(
            shown,
            [
                ("ana@example.com", None),
                ("ana@trabalho.com.br", None),
                ("jose@example.com", Some("José")),
            ]
        );
    }
}
