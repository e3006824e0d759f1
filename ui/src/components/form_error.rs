//! The message of an error that belongs to no field of the form.
use helpdesk_api::CommandError;
use yew::prelude::*;

/// Props of [`FormError`].
#[derive(Properties, PartialEq)]
pub struct FormErrorProps {
    /// The message; nothing is rendered without one.
    pub message: Option<AttrValue>,
}

/// `<p class="form-error">`, announced to screen readers when it appears.
#[function_component]
pub fn FormError(props: &FormErrorProps) -> Html {
    match &props.message {
        Some(message) => html! {
            <p class="form-error" role="alert">{ message.clone() }</p>
        },
        None => Html::default(),
    }
}

/// The message of the first error that none of the form's `fields` can show.
pub fn unplaced_message(errors: &[CommandError], fields: &[&str]) -> Option<AttrValue> {
    errors
        .iter()
        .find(|error| {
            error
                .field
                .as_deref()
                .is_none_or(|field| !fields.contains(&field))
        })
        .map(|error| AttrValue::from(error.message.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_errors_without_a_known_field() {
        let placed = CommandError::at_field("text", "Informe o que procurar.");
        assert_eq!(
            unplaced_message(std::slice::from_ref(&placed), &["text", "limit"]),
            None
        );

        let internal = CommandError::internal();
        let message = unplaced_message(&[placed, internal.clone()], &["text", "limit"]);
        assert_eq!(message.as_deref(), Some(internal.message.as_str()));

        let elsewhere = CommandError::at_field("other", "Outro campo.");
        assert_eq!(
            unplaced_message(&[elsewhere], &["text"]).as_deref(),
            Some("Outro campo.")
        );
    }
}
