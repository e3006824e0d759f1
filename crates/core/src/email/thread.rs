//! An e-mail from a ticket answers the customer's message in its thread: In-Reply-To and
//! References (RFC 5322 §3.6.4) tie it to that message, and the subject names the protocol.

/// The threading headers of an e-mail; empty when it answers no message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Thread {
    /// In-Reply-To: the answered message's Message-ID.
    pub in_reply_to: String,
    /// References: the answered message's references, then its Message-ID, space-separated.
    pub references: String,
}

impl Thread {
    /// The headers of a reply to a message whose Message-ID and References are these (as
    /// stored: ids in angle brackets, space-separated); none when it had no Message-ID.
    pub fn replying_to(message_id: &str, references: &str) -> Thread {
        let message_id = message_id.trim();
        if message_id.is_empty() {
            return Thread::default();
        }
        let mut ids: Vec<&str> = references
            .split_whitespace()
            .filter(|id| *id != message_id)
            .collect();
        ids.push(message_id);
        Thread {
            in_reply_to: message_id.to_owned(),
            references: ids.join(" "),
        }
    }
}

/// `subject` naming `protocol` ("AAMMDD-DDD-SSSSS"): as it is when it already does (or there
/// is no protocol), else followed by "[Protocolo …]".
pub fn with_protocol(subject: &str, protocol: &str) -> String {
    let protocol = protocol.trim();
    if protocol.is_empty() || subject.contains(protocol) {
        subject.to_owned()
    } else {
        format!("{subject} [Protocolo {protocol}]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reply_names_the_message_and_its_references() {
        let thread = Thread::replying_to("<b@cliente>", "<a@cliente>  <x@provedor>");
        assert_eq!(thread.in_reply_to, "<b@cliente>");
        assert_eq!(thread.references, "<a@cliente> <x@provedor> <b@cliente>");
        assert_eq!(
            Thread::replying_to("<a@cliente>", "").references,
            "<a@cliente>"
        );
        assert_eq!(
            Thread::replying_to("<a@cliente>", "<a@cliente>").references,
            "<a@cliente>",
            "the id is not repeated"
        );
        assert_eq!(Thread::replying_to(" ", "<a@cliente>"), Thread::default());
    }

    #[test]
    fn the_subject_names_the_protocol_once() {
        let protocol = "261128-001-00001";
        assert_eq!(
            with_protocol("Sem conexão", protocol),
            "Sem conexão [Protocolo 261128-001-00001]"
        );
        assert_eq!(
            with_protocol("Protocolo 261128-001-00001", protocol),
            "Protocolo 261128-001-00001"
        );
        assert_eq!(with_protocol("Aviso", ""), "Aviso");
    }
}
