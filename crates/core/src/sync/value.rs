//! A column's value as both SQLite and PostgreSQL hold it.
use serde::{Deserialize, Serialize};

/// One field's value. Blobs (ids, mostly) travel as lower-case hex. Ordered only so that
/// merges break ties the same way everywhere.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
pub enum FieldValue {
    Null,
    Integer(i64),
    Text(String),
    Blob(#[serde(with = "hex_bytes")] Vec<u8>),
}

/// Serde for a blob as its hex text ([`crate::hex`]).
mod hex_bytes {
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&crate::hex::encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(deserializer)?;
        if !text.len().is_multiple_of(2) {
            return Err(D::Error::custom("hex of odd length"));
        }
        crate::hex::decode(&text).ok_or_else(|| D::Error::custom("not hex"))
    }
}

/// The OpenAPI schema of a [`FieldValue`] (written by hand: utoipa's derive cannot say
/// that a blob travels as hex text).
#[cfg(feature = "openapi")]
mod schema {
    use utoipa::openapi::{Object, RefOr, Schema};

    use super::FieldValue;

    impl utoipa::PartialSchema for FieldValue {
        fn schema() -> RefOr<Schema> {
            let variant = |tag: &str, value: Option<serde_json::Value>| {
                let mut properties =
                    serde_json::json!({ "t": { "type": "string", "enum": [tag] } });
                let mut required = vec!["t"];
                if let Some(value) = value {
                    properties["v"] = value;
                    required.push("v");
                }
                serde_json::json!({ "type": "object", "properties": properties, "required": required })
            };
            let schema = serde_json::json!({
                "description": "A field's value: `t` its kind, `v` the value (a blob as lower-case hex).",
                "oneOf": [
                    variant("null", None),
                    variant("integer", Some(serde_json::json!({ "type": "integer", "format": "int64" }))),
                    variant("text", Some(serde_json::json!({ "type": "string" }))),
                    variant("blob", Some(serde_json::json!({ "type": "string", "pattern": "^([0-9a-fA-F]{2})*$" }))),
                ]
            });
            serde_json::from_value(schema)
                .unwrap_or_else(|_| RefOr::T(Schema::Object(Object::new())))
        }
    }

    impl utoipa::ToSchema for FieldValue {}

    #[cfg(test)]
    mod tests {
        use utoipa::openapi::{RefOr, Schema};
        use utoipa::PartialSchema;

        use super::FieldValue;

        #[test]
        fn the_schema_is_a_choice_of_the_four_kinds() {
            let schema = FieldValue::schema();
            assert!(
                matches!(&schema, RefOr::T(Schema::OneOf(choice)) if choice.items.len() == 4),
                "{:?}",
                serde_json::to_string(&schema)
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip_through_json() {
        for value in [
            FieldValue::Null,
            FieldValue::Integer(i64::MAX),
            FieldValue::Text("Conceição".into()),
            FieldValue::Blob(vec![0, 1, 0xab, 0xff]),
        ] {
            let json = serde_json::to_string(&value).expect("json");
            assert_eq!(
                serde_json::from_str::<FieldValue>(&json).expect("back"),
                value
            );
        }
        assert_eq!(
            serde_json::to_string(&FieldValue::Blob(vec![0xab, 0x01])).expect("json"),
            r#"{"t":"blob","v":"ab01"}"#
        );
        assert!(serde_json::from_str::<FieldValue>(r#"{"t":"blob","v":"abc"}"#).is_err());
        assert!(serde_json::from_str::<FieldValue>(r#"{"t":"blob","v":"zz"}"#).is_err());
    }
}
