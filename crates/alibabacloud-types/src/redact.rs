//! `Debug` stand-ins for secret fields.
//!
//! A generated struct with a secret field (`x-secret` in the spec, e.g. a login ticket) gets
//! a hand-written `Debug` that prints the other fields as usual and the secret through one of
//! these helpers, so that logging a request or a response never shows the secret:
//!
//! ```
//! use alibabacloud_types::redact;
//!
//! let ticket = Some("a27a9aec-1234".to_owned());
//! assert_eq!(format!("{:?}", redact::option(&ticket)), r#"Some("** redacted **")"#);
//! assert_eq!(format!("{:?}", redact::option::<String>(&None)), "None");
//! assert_eq!(format!("{:?}", redact::value(&vec![1, 2])), r#""** redacted **""#);
//! ```

use std::fmt;

/// What a redacted value prints as.
pub const REDACTED: &str = "** redacted **";

/// Prints `Some("** redacted **")` for a present value and `None` for an absent one: whether
/// a secret was set is useful when debugging; its value never is.
pub fn option<T>(value: &Option<T>) -> impl fmt::Debug + '_ {
    RedactedOption(value.is_some())
}

/// Prints `"** redacted **"` whatever the value (lists, maps and structs that are secret as
/// a whole).
pub fn value<T: ?Sized>(value: &T) -> impl fmt::Debug + '_ {
    let _ = value;
    Redacted
}

struct RedactedOption(bool);

impl fmt::Debug for RedactedOption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 {
            f.debug_tuple("Some").field(&REDACTED).finish()
        } else {
            f.write_str("None")
        }
    }
}

struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(REDACTED, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_hides_the_value_but_not_its_presence() {
        let secret = Some("top-secret".to_owned());
        let shown = format!("{:?}", option(&secret));
        assert_eq!(shown, "Some(\"** redacted **\")");
        assert!(!shown.contains("top-secret"));
        assert_eq!(format!("{:?}", option::<String>(&None)), "None");
        // Pretty printing keeps the shape.
        assert_eq!(
            format!("{:#?}", option(&secret)),
            "Some(\n    \"** redacted **\",\n)"
        );
    }

    #[test]
    fn value_hides_everything() {
        let shown = format!("{:?}", value(&vec!["top-secret"]));
        assert_eq!(shown, "\"** redacted **\"");
        assert_eq!(format!("{:?}", value("x")), "\"** redacted **\"");
    }
}
