//! Reading credentials out of a JSON answer (STS, the metadata service, a credentials URI)
//! without ever quoting it: errors name the field that is missing or malformed, never a value.

use std::time::SystemTime;

use serde_json::{Map, Value};

use super::Credentials;

/// Parses a JSON object. Syntax errors name a line and column, never content.
pub(crate) fn parse_object(body: &[u8]) -> Result<Map<String, Value>, String> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err("the response is JSON but not an object".to_string()),
        Err(e) => Err(format!(
            "the response is not JSON (line {}, column {})",
            e.line(),
            e.column()
        )),
    }
}

/// The non-empty string field `name` of `object`; `path` prefixes the name in errors
/// (`Credentials.`).
pub(crate) fn string_field(
    object: &Map<String, Value>,
    path: &str,
    name: &str,
) -> Result<String, String> {
    match object.get(name) {
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.trim().to_string()),
        Some(Value::String(_)) => Err(format!("field `{path}{name}` is empty")),
        Some(Value::Null) | None => Err(format!("field `{path}{name}` is missing")),
        Some(_) => Err(format!("field `{path}{name}` is not a string")),
    }
}

/// The optional string field `name` of `object` (`None` when absent, null or not a string).
pub(crate) fn optional_string(object: &Map<String, Value>, name: &str) -> Option<String> {
    object
        .get(name)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Parses an expiration such as `2006-01-02T15:04:05Z`: RFC 3339 in UTC (`Z` or `+00:00`),
/// with or without fractions of a second, as STS, the metadata service and the CLI write it.
pub(crate) fn parse_expiration(text: &str) -> Result<SystemTime, String> {
    humantime::parse_rfc3339(text.trim())
        .map_err(|_| "not an RFC 3339 time in UTC such as 2006-01-02T15:04:05Z".to_owned())
}

/// Temporary credentials from an object with `AccessKeyId`, `AccessKeySecret`, `SecurityToken`
/// and `Expiration` (all required), as STS, the metadata service and credentials URIs answer.
pub(crate) fn temporary_credentials(
    object: &Map<String, Value>,
    path: &str,
    provider_name: &'static str,
) -> Result<Credentials, String> {
    let id = string_field(object, path, "AccessKeyId")?;
    let secret = string_field(object, path, "AccessKeySecret")?;
    let token = string_field(object, path, "SecurityToken")?;
    let expiration = string_field(object, path, "Expiration")?;
    let expiration =
        parse_expiration(&expiration).map_err(|e| format!("field `{path}Expiration`: {e}"))?;
    Ok(Credentials::from_provider(id, secret, provider_name)
        .map_err(|e| e.message().to_owned())?
        .with_security_token(token)
        .with_expiration(expiration)
        .with_provider_name(provider_name))
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, UNIX_EPOCH};

    use super::*;

    #[test]
    fn parses_the_official_expiration_format() {
        assert_eq!(
            parse_expiration("2006-01-02T15:04:05Z").unwrap(),
            UNIX_EPOCH + Duration::from_secs(1_136_214_245)
        );
        assert_eq!(
            parse_expiration(" 2006-01-02T15:04:05.250Z\n").unwrap(),
            UNIX_EPOCH + Duration::new(1_136_214_245, 250_000_000)
        );
        assert_eq!(
            parse_expiration("2006-01-02T15:04:05+00:00").unwrap(),
            UNIX_EPOCH + Duration::from_secs(1_136_214_245)
        );
        for bad in [
            "2006-01-02 15:04:05",
            "2006-01-02T15:04:05",
            "2006-01-02T15:04:05+08:00",
            "2006-02-30T15:04:05Z",
            "1969-12-31T23:59:59Z",
            "2006-01-02T15:04:05.1x2Z",
            "2006-01-02T15:04:05Z\u{e9}",
            "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}",
            "",
        ] {
            assert!(parse_expiration(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn field_errors_name_the_field_not_the_value() {
        let object = parse_object(
            br#"{"AccessKeyId":"id","AccessKeySecret":12345,"SecurityToken":"","Expiration":"x"}"#,
        )
        .unwrap();
        let e = temporary_credentials(&object, "Credentials.", "t").unwrap_err();
        assert_eq!(e, "field `Credentials.AccessKeySecret` is not a string");
        assert!(!e.contains("12345"));
        let e = parse_object(b"{\"AccessKeySecret\": \"secret\"").unwrap_err();
        assert!(!e.contains("secret"), "{e}");
        assert!(parse_object(b"[1]").is_err());
    }
}
