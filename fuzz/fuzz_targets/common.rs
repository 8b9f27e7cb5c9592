//! What the targets share: the secrets they hand the SDK, and the check that an error shows
//! none of them as a whole token.

#![allow(dead_code)]

/// A secret parameter value and a secret response field value, as the targets use them.
pub const SECRET: &str = "FuzzSecret-0001";
pub const FIELD_SECRET: &str = "FuzzFieldSecret-0002";

/// Whether `text` holds `secret` as a whole token (not part of a longer word): what the
/// scrubber promises never to leave.
pub fn holds_whole(text: &str, secret: &str) -> bool {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    text.match_indices(secret).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + secret.len()..].chars().next();
        !before.is_some_and(word) && !after.is_some_and(word)
    })
}

/// Panics when the `Display` or `Debug` of `error` (and of its sources) holds [`SECRET`].
pub fn assert_no_secret(error: &(dyn std::error::Error + 'static)) {
    let mut current = Some(error);
    while let Some(e) = current {
        for text in [e.to_string(), format!("{e:?}")] {
            assert!(!holds_whole(&text, SECRET), "secret shown: {text}");
        }
        current = e.source();
    }
}
