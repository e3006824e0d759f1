//! The message shown under a form field.
use helpdesk_api::CommandError;
use yew::prelude::*;

/// Props of [`FieldError`].
#[derive(Properties, PartialEq)]
pub struct FieldErrorProps {
    /// The field's name, as in [`CommandError::field`] (written to `data-field`).
    pub field: AttrValue,
    /// The message; nothing is rendered without one.
    pub message: Option<AttrValue>,
}

/// `<p class="field-error" data-field="…">`, announced to screen readers when it appears.
#[function_component]
pub fn FieldError(props: &FieldErrorProps) -> Html {
    match &props.message {
        Some(message) => html! {
            <p class="field-error" data-field={props.field.clone()} role="alert">
                { message.clone() }
            </p>
        },
        None => Html::default(),
    }
}

/// The message of the first error that belongs to `field`.
pub fn message_at(errors: &[CommandError], field: &str) -> Option<AttrValue> {
    errors
        .iter()
        .find(|error| error.field.as_deref() == Some(field))
        .map(|error| AttrValue::from(error.message.clone()))
}

/// `errors` without those that belong to `field` (the operator just changed it).
pub fn errors_besides(errors: &[CommandError], field: &str) -> Vec<CommandError> {
    errors
        .iter()
        .filter(|error| error.field.as_deref() != Some(field))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_message_of_its_field() {
        let errors = [
            CommandError::at_field("text", "Informe o que procurar."),
            CommandError::at_field("limit", "A quantidade deve ser um número inteiro."),
        ];
        assert_eq!(
            message_at(&errors, "limit").as_deref(),
            Some("A quantidade deve ser um número inteiro.")
        );
        assert_eq!(message_at(&errors, "password"), None);
    }

    #[test]
    fn drops_only_the_errors_of_its_field() {
        let errors = [
            CommandError::at_field("text", "Informe o que procurar."),
            CommandError::at_field("limit", "A quantidade deve ser um número inteiro."),
        ];
        let left = errors_besides(&errors, "text");
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].field.as_deref(), Some("limit"));
    }
}
