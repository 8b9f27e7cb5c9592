//! Keeping secrets out of what the SDK reports: errors, their sources and the bodies they keep.
//!
//! A server may quote what it received (the gateway's `SignatureDoesNotMatch` quotes its
//! string-to-sign, which holds the query and so the security token and secret parameters; a
//! service may say `Ticket [<ticket>] has expired.`), and a response may hold secret fields
//! (`AccessTicket` of Quick BI's `QueryTicketInfo`). Before any of it goes into an error:
//!
//! - the values of the fields named secret (the operation's `x-secret` response fields and
//!   [`ALWAYS_SECRET_FIELDS`]) are replaced by `***` wherever such a field appears in the body,
//!   even in a body that is not valid JSON (truncated, or not UTF-8);
//! - every known secret value (secret parameters, the AccessKey secret, the security token, and
//!   the values of those fields) is replaced by `***` wherever it occurs **as a whole token**:
//!   as is, percent-encoded once (a query, a canonical request) or twice (the RPC
//!   string-to-sign), or JSON-escaped. A whole token is not preceded or followed by an ASCII
//!   letter, digit or `_` (a percent-escape such as `%3D`, or a JSON escape such as `\n`, in
//!   front of it counts as a delimiter), so that the ticket `x` does not turn
//!   `Authorize3rdTicket.Expired` into `E***pired`.

use std::borrow::Cow;
use std::ops::Range;

use memchr::memmem;

use crate::credentials::Credentials;

/// What replaces a secret.
pub(crate) const REDACTED: &str = "***";

/// Fields whose values are secret in any response of any product: the credentials that STS,
/// RAM and the credential services hand out.
pub(crate) const ALWAYS_SECRET_FIELDS: &[&str] = &["AccessKeySecret", "SecurityToken"];

/// What must not leave the SDK from one attempt: the secret values the request carried and
/// the names of the secret fields of its response.
#[derive(Clone, Default)]
pub(crate) struct Secrets {
    /// The values of the secret parameters.
    params: Vec<String>,
    /// The credentials the request was signed with (their secret and token).
    credentials: Option<Credentials>,
    /// The wire names of the operation's secret response fields.
    fields: &'static [&'static str],
}

impl Secrets {
    /// The secrets of one attempt. Cheap when there are no secret parameters: the credentials
    /// are shared, not copied.
    pub(crate) fn new<'a>(
        params: impl Iterator<Item = &'a str>,
        credentials: Option<&Credentials>,
        fields: &'static [&'static str],
    ) -> Self {
        Secrets {
            params: params.map(str::to_owned).collect(),
            credentials: credentials.cloned(),
            fields,
        }
    }

    /// Secrets given as values, with the secret response fields `fields` (for tests and fuzzing).
    pub(crate) fn from_values(params: Vec<String>, fields: &'static [&'static str]) -> Self {
        Secrets {
            params,
            credentials: None,
            fields,
        }
    }

    /// How many secret values are known (for `Debug`).
    pub(crate) fn count(&self) -> usize {
        self.params.len()
            + self
                .credentials
                .as_ref()
                .map_or(0, |c| 1 + usize::from(c.security_token().is_some()))
    }

    fn values(&self) -> impl Iterator<Item = &str> {
        let credentials = self.credentials.as_ref();
        self.params
            .iter()
            .map(String::as_str)
            .chain(credentials.map(Credentials::access_key_secret))
            .chain(credentials.and_then(Credentials::security_token))
    }

    /// Whether a short identifier from a response (a request id) may be logged as it is:
    /// at most 128 letters, digits, `-`, `_` and `.` (so no percent-encoded form of anything),
    /// holding no secret value. Cheap: nothing is allocated.
    pub(crate) fn is_loggable(&self, id: &str) -> bool {
        id.len() <= 128
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
            && self.values().all(|v| v.is_empty() || !id.contains(v))
    }

    /// A scrubber for what is reported about `body`: it knows the values of the secret fields
    /// found in the body besides the secrets of the request.
    pub(crate) fn for_body(&self, body: &[u8]) -> Scrubber {
        Scrubber::new(self.values(), self.fields, body)
    }
}

/// Removes the secrets from text, bytes and JSON values (see the module docs).
#[derive(Debug, Clone, Default)]
pub(crate) struct Scrubber {
    /// Every form of every secret value, longest first.
    forms: Vec<Vec<u8>>,
    /// The secret field names.
    fields: Vec<&'static str>,
}

impl Scrubber {
    /// A scrubber for `values`, the fields `fields` (with [`ALWAYS_SECRET_FIELDS`]), and the
    /// values those fields have in `body`.
    pub(crate) fn new<'a>(
        values: impl Iterator<Item = &'a str>,
        fields: &[&'static str],
        body: &[u8],
    ) -> Self {
        let mut forms = Vec::new();
        for value in values {
            push_forms(value.as_bytes(), &mut forms);
        }
        Self::with_forms(forms, fields, body)
    }

    /// [`Scrubber::new`] once the forms of the given values are known (not generic: the scan
    /// of the body and the sorts are compiled once, not once per kind of value iterator).
    fn with_forms(mut forms: Vec<Vec<u8>>, fields: &[&'static str], body: &[u8]) -> Self {
        let mut names: Vec<&'static str> = ALWAYS_SECRET_FIELDS.to_vec();
        names.extend(fields.iter().copied().filter(|f| !f.is_empty()));
        names.sort_unstable();
        names.dedup();
        for range in field_values(body, &names) {
            let raw = &body[range];
            // `null`, `true` and `false` say nothing secret; strings are unescaped.
            if matches!(raw, b"null" | b"true" | b"false") {
                continue;
            }
            match unescape(raw) {
                Some(value) => push_forms(value.as_bytes(), &mut forms),
                None => push_forms(raw, &mut forms),
            }
        }
        forms.sort_unstable_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        forms.dedup();
        Scrubber {
            forms,
            fields: names,
        }
    }

    /// A scrubber of plain values only (no field names beyond [`ALWAYS_SECRET_FIELDS`]).
    pub(crate) fn of_values<'a>(values: impl IntoIterator<Item = &'a str>) -> Self {
        Self::new(values.into_iter(), &[], b"")
    }

    /// `text` with the values of the secret fields and every secret replaced.
    pub(crate) fn text<'t>(&self, text: &'t str) -> Cow<'t, str> {
        match self.bytes(text.as_bytes()) {
            None => Cow::Borrowed(text),
            // Whole UTF-8 sequences were replaced by ASCII: still UTF-8.
            Some(bytes) => Cow::Owned(
                String::from_utf8(bytes)
                    .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
            ),
        }
    }

    /// `body` (JSON or not, UTF-8 or not) with the values of the secret fields and every
    /// secret replaced.
    pub(crate) fn bytes(&self, body: &[u8]) -> Option<Vec<u8>> {
        let ranges = field_values(body, &self.fields);
        let redacted = if ranges.is_empty() {
            None
        } else {
            let mut out = Vec::with_capacity(body.len());
            let mut at = 0;
            for range in ranges {
                if range.start < at {
                    continue;
                }
                out.extend_from_slice(&body[at..range.start]);
                out.extend_from_slice(REDACTED.as_bytes());
                at = range.end;
            }
            out.extend_from_slice(&body[at..]);
            Some(out)
        };
        match redacted {
            Some(out) => Some(self.replace_values(&out).unwrap_or(out)),
            None => self.replace_values(body),
        }
    }

    /// A JSON value with every secret string replaced, and the values of secret fields too.
    pub(crate) fn json(&self, value: serde_json::Value) -> serde_json::Value {
        use serde_json::Value;
        match value {
            Value::String(s) => match self.text(&s) {
                Cow::Borrowed(_) => Value::String(s),
                Cow::Owned(s) => Value::String(s),
            },
            Value::Array(items) => Value::Array(items.into_iter().map(|v| self.json(v)).collect()),
            Value::Object(map) => Value::Object(
                map.into_iter()
                    .map(|(key, value)| {
                        let value = if self.is_secret_field(&key) && !value.is_null() {
                            Value::String(REDACTED.to_owned())
                        } else {
                            self.json(value)
                        };
                        (self.text(&key).into_owned(), value)
                    })
                    .collect(),
            ),
            other @ (Value::Null | Value::Bool(_) | Value::Number(_)) => {
                let text = other.to_string();
                match self.text(&text) {
                    Cow::Borrowed(_) => other,
                    Cow::Owned(s) => Value::String(s),
                }
            }
        }
    }

    fn is_secret_field(&self, name: &str) -> bool {
        self.fields.iter().any(|f| same_field_name(f, name))
    }

    /// Replaces every whole-token occurrence of every form; `None` when nothing was found.
    /// A replacement can turn the end of a neighbouring occurrence into a delimiter (`***`),
    /// so the passes go on until one changes nothing (a few at most).
    fn replace_values(&self, text: &[u8]) -> Option<Vec<u8>> {
        let mut current: Option<Vec<u8>> = None;
        for _ in 0..8 {
            let mut changed = false;
            for form in &self.forms {
                let source = current.as_deref().unwrap_or(text);
                if let Some(replaced) = replace_whole(source, form) {
                    current = Some(replaced);
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        current
    }
}

/// Adds the forms `value` may take in an echo: as is, percent-encoded once and twice, and
/// JSON-escaped (with and without `\/`).
fn push_forms(value: &[u8], forms: &mut Vec<Vec<u8>>) {
    // Nothing but `*` is a value already masked (and would match the `***` put in place of
    // every other secret, again and again): nothing to hide.
    if value.iter().all(|&b| b == b'*') {
        return;
    }
    forms.push(value.to_vec());
    let Ok(text) = std::str::from_utf8(value) else {
        return;
    };
    let once = crate::signing::percent_encode(text);
    if once != text {
        let twice = crate::signing::percent_encode(&once).into_owned();
        forms.push(once.as_bytes().to_vec());
        forms.push(twice.into_bytes());
    }
    if let Ok(quoted) = serde_json::to_string(text) {
        let escaped = &quoted[1..quoted.len() - 1];
        if escaped != text {
            forms.push(escaped.as_bytes().to_vec());
        }
        if escaped.contains('/') {
            forms.push(escaped.replace('/', "\\/").into_bytes());
        }
    }
}

/// A letter, digit or `_`: what continues a word.
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether a match starting at `start` is not the end of a longer word. An escape (`%XX`,
/// `\n`, `\uXXXX`) right before it is a delimiter.
fn clean_start(text: &[u8], start: usize) -> bool {
    let Some(&prev) = start.checked_sub(1).and_then(|i| text.get(i)) else {
        return true;
    };
    if !is_word(prev) {
        return true;
    }
    let before = &text[..start];
    let percent = before.len() >= 3
        && before[before.len() - 3] == b'%'
        && before[before.len() - 2..].iter().all(u8::is_ascii_hexdigit);
    let short_escape = before.len() >= 2 && before[before.len() - 2] == b'\\';
    let unicode_escape = before.len() >= 6
        && before[before.len() - 6..before.len() - 4] == *b"\\u"
        && before[before.len() - 4..].iter().all(u8::is_ascii_hexdigit);
    percent || short_escape || unicode_escape
}

/// Replaces the whole-token occurrences of `form` in `text`; `None` when there are none.
fn replace_whole(text: &[u8], form: &[u8]) -> Option<Vec<u8>> {
    let (Some(&first), Some(&last)) = (form.first(), form.last()) else {
        return None;
    };
    let finder = memmem::Finder::new(form);
    let mut out: Option<Vec<u8>> = None;
    let mut copied = 0;
    let mut from = 0;
    while let Some(found) = finder.find(&text[from..]) {
        let start = from + found;
        let end = start + form.len();
        let starts_ok = !is_word(first) || clean_start(text, start);
        let ends_ok = !is_word(last) || text.get(end).is_none_or(|&b| !is_word(b));
        if starts_ok && ends_ok {
            let buffer = out.get_or_insert_with(|| Vec::with_capacity(text.len()));
            buffer.extend_from_slice(&text[copied..start]);
            buffer.extend_from_slice(REDACTED.as_bytes());
            copied = end;
            from = end;
        } else {
            from = start + 1;
        }
    }
    let mut out = out?;
    out.extend_from_slice(&text[copied..]);
    Some(out)
}

/// Field names match as written or with the first letter's case changed (`AccessTicket`,
/// `accessTicket`).
fn same_field_name(name: &str, candidate: &str) -> bool {
    name == candidate
        || (name.len() == candidate.len()
            && name.get(1..) == candidate.get(1..)
            && name
                .get(..1)
                .zip(candidate.get(..1))
                .is_some_and(|(a, b)| a.eq_ignore_ascii_case(b)))
}

/// The byte ranges of the values of the fields `names` in `body`, in order: the content of a
/// string value (without its quotes, to the end of the body when it is not closed), or a
/// scalar token. Works on any bytes, so truncated or non-UTF-8 JSON is covered too.
fn field_values(body: &[u8], names: &[&str]) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    for name in names {
        let mut spellings = vec![name.to_string()];
        let mut chars = name.chars();
        if let Some(first) = chars.next() {
            let flipped: String = if first.is_ascii_uppercase() {
                first.to_ascii_lowercase().to_string()
            } else {
                first.to_ascii_uppercase().to_string()
            } + chars.as_str();
            if flipped != *name {
                spellings.push(flipped);
            }
        }
        for spelling in spellings {
            let key = format!("\"{spelling}\"");
            for at in memmem::find_iter(body, key.as_bytes()) {
                // An empty value hides nothing; one of `*` only is masked already.
                if let Some(range) = value_after_key(body, at + key.len())
                    && !body[range.clone()].iter().all(|&b| b == b'*')
                {
                    ranges.push(range);
                }
            }
        }
    }
    ranges.sort_by_key(|r| (r.start, r.end));
    ranges
}

/// The value after a key ending at `at`: `\s*:\s*` then a string or a scalar.
fn value_after_key(body: &[u8], at: usize) -> Option<Range<usize>> {
    let skip_ws = |mut i: usize| {
        while body.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        i
    };
    let colon = skip_ws(at);
    if body.get(colon) != Some(&b':') {
        return None;
    }
    let start = skip_ws(colon + 1);
    match body.get(start)? {
        b'"' => {
            let mut i = start + 1;
            while i < body.len() {
                match body[i] {
                    b'\\' => i += 2,
                    b'"' => break,
                    _ => i += 1,
                }
            }
            Some(start + 1..i.min(body.len()))
        }
        b'{' | b'[' => None,
        _ => {
            let end = body[start..]
                .iter()
                .position(|&b| matches!(b, b',' | b'}' | b']' | b'"') || b.is_ascii_whitespace())
                .map_or(body.len(), |n| start + n);
            (end > start).then_some(start..end)
        }
    }
}

/// The value of the content of a JSON string, when it unescapes.
fn unescape(raw: &[u8]) -> Option<String> {
    if !raw.contains(&b'\\') {
        return std::str::from_utf8(raw).ok().map(str::to_owned);
    }
    let mut quoted = Vec::with_capacity(raw.len() + 2);
    quoted.push(b'"');
    quoted.extend_from_slice(raw);
    quoted.push(b'"');
    serde_json::from_slice(&quoted).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scrub(text: &str, secrets: &[&str]) -> String {
        Scrubber::of_values(secrets.iter().copied())
            .text(text)
            .into_owned()
    }

    #[test]
    fn whole_tokens_only() {
        // The ticket `x` is not part of `Expired`, nor of `x_y` or `ax`; it is a whole token
        // between brackets, spaces, quotes or at the ends.
        let secrets = ["x"];
        assert_eq!(
            scrub("Authorize3rdTicket.Expired", &secrets),
            "Authorize3rdTicket.Expired"
        );
        assert_eq!(
            scrub("Ticket [x] has expired.", &secrets),
            "Ticket [***] has expired."
        );
        assert_eq!(scrub("x", &secrets), "***");
        assert_eq!(scrub("x_y ax xa x1", &secrets), "x_y ax xa x1");
        assert_eq!(scrub("\"x\",x;x", &secrets), "\"***\",***;***");
        // Overlapping candidates: the second one is whole.
        assert_eq!(scrub("xx x", &secrets), "xx ***");
    }

    #[test]
    fn encoded_forms_and_escape_delimiters() {
        let secrets = ["a b*c"];
        assert_eq!(scrub("x a b*c y", &secrets), "x *** y");
        assert_eq!(scrub("Ticket=a%20b%2Ac&", &secrets), "Ticket=***&");
        assert_eq!(
            scrub("Ticket%3Da%2520b%252Ac%26", &secrets),
            "Ticket%3D***%26"
        );
        // A secret starting with a letter right after a percent-escape or a JSON escape.
        let secrets = ["tok3n"];
        assert_eq!(
            scrub("SecurityToken%3Dtok3n%26", &secrets),
            "SecurityToken%3D***%26"
        );
        assert_eq!(scrub("line\\ntok3n", &secrets), "line\\n***");
        assert_eq!(scrub("\\u00e9tok3n", &secrets), "\\u00e9***");
        assert_eq!(scrub("票据tok3n已过期", &secrets), "票据***已过期");
        assert_eq!(scrub("Dtok3n tok3nD", &secrets), "Dtok3n tok3nD");
        // A replacement that makes a neighbour whole: scrubbed too, in the same call.
        assert_eq!(scrub("a%2Fa/", &["a/"]), "******");
        // Edges that are not word characters need no delimiter.
        let secrets = ["+abc="];
        assert_eq!(scrub("x+abc=y", &secrets), "x***y");
        // JSON-escaped.
        let secrets = ["a\"b/c"];
        assert_eq!(
            scrub(r#"{"m":"a\"b/c a\"b\/c"}"#, &secrets),
            r#"{"m":"*** ***"}"#
        );
    }

    #[test]
    fn masked_values_are_not_secrets_to_replace() {
        // Two keys, the first with a scalar that runs to the second, the second with an
        // empty value at the very end: one `***`, and scrubbing again changes nothing.
        let body = br#"x "AccessTicket":ket.Ee":(A "AccessTicket":""#;
        let scrubber = Scrubber::new(std::iter::empty(), &["AccessTicket"], body);
        let once = scrubber.bytes(body).unwrap();
        assert_eq!(
            once,
            br#"x "AccessTicket":***":(A "AccessTicket":""#.to_vec()
        );
        let again = Scrubber::new(std::iter::empty(), &["AccessTicket"], &once);
        assert_eq!(again.bytes(&once), None);
        // A secret field whose value is `*` (or `***`): replacing every `*` by `***` would
        // grow the text at every pass.
        for body in [
            &br#"{"AccessTicket":"*","M":"a *** b"}"#[..],
            br#"{"AccessTicket":"***","M":"a *** b"}"#,
        ] {
            let scrubber = Scrubber::new(["**"].into_iter(), &["AccessTicket"], body);
            assert_eq!(scrubber.bytes(body), None, "nothing to hide");
        }
    }

    #[test]
    fn unchanged_text_is_borrowed() {
        let scrubber = Scrubber::of_values(["secret"]);
        assert!(matches!(scrubber.text("nothing here"), Cow::Borrowed(_)));
        assert!(matches!(
            Scrubber::default().text("secret"),
            Cow::Borrowed(_)
        ));
        assert!(Scrubber::of_values([""]).forms.is_empty());
    }

    #[test]
    fn secret_fields_are_redacted_even_in_broken_json() {
        let body = br#"{"Result":{"AccessTicket":"t-1\"x","CmptId":"c"},"accessTicket": 42, "SecurityToken" : "tok"#;
        let scrubber = Scrubber::new(std::iter::empty(), &["AccessTicket"], body);
        let out = String::from_utf8(scrubber.bytes(body).unwrap()).unwrap();
        assert_eq!(
            out,
            r#"{"Result":{"AccessTicket":"***","CmptId":"c"},"accessTicket": ***, "SecurityToken" : "***"#
        );
        // The values found are scrubbed elsewhere too, unescaped or not.
        assert_eq!(
            scrubber.text("ticket t-1\"x and 42 and tok."),
            "ticket *** and *** and ***."
        );
        assert_eq!(scrubber.text("t-1\\\"x"), "***");
    }

    #[test]
    fn non_utf8_bodies_are_scrubbed_as_bytes() {
        let mut body = b"\xff\xfe ticket s3cret \xc3".to_vec();
        body.extend_from_slice(br#" "AccessKeySecret":"k""#);
        let scrubber = Scrubber::new(["s3cret"].into_iter(), &[], &body);
        let out = scrubber.bytes(&body).unwrap();
        assert_eq!(
            out,
            b"\xff\xfe ticket *** \xc3 \"AccessKeySecret\":\"***\"".to_vec()
        );
    }

    #[test]
    fn json_values_are_scrubbed_deeply() {
        let scrubber = Scrubber::new(["s3cret"].into_iter(), &["AccessTicket"], b"");
        let value = serde_json::json!({
            "AuthAction": "s3cret",
            "List": [{"AccessTicket": "other"}, "a s3cret b", 7],
            "s3cret": true,
        });
        assert_eq!(
            scrubber.json(value),
            serde_json::json!({
                "AuthAction": "***",
                "List": [{"AccessTicket": "***"}, "a *** b", 7],
                "***": true,
            })
        );
    }

    #[test]
    fn only_plain_ids_without_secrets_are_loggable() {
        let secrets = Secrets::from_values(vec!["s3cr3t".to_owned()], &[]);
        assert!(secrets.is_loggable("9C5F0A3E-7B2D-4C1E-8F6A-0D3B2A1C9E8F"));
        assert!(!secrets.is_loggable("id-s3cr3t-1"));
        assert!(!secrets.is_loggable("tick%20et"));
        assert!(!secrets.is_loggable("a b"));
        assert!(!secrets.is_loggable(&"a".repeat(129)));
    }

    #[test]
    fn field_names_match_with_either_first_letter_case() {
        assert!(same_field_name("AccessTicket", "accessTicket"));
        assert!(same_field_name("AccessTicket", "AccessTicket"));
        assert!(!same_field_name("AccessTicket", "accessticket"));
        assert!(!same_field_name("AccessTicket", "AccessTickets"));
    }
}
