//! What a signer returns: the headers (ACS3) or parameters (RPC) to add to the request.

use std::fmt;

use bytes::Bytes;

/// Most entries a signer adds: the eight RPC common parameters including `Signature`.
const MAX_ENTRIES: usize = 8;

/// The names and values a signer adds to a request, in a fixed order.
///
/// All values share one string buffer, so a signature costs one allocation for its output.
/// Names are `'static`: lower-case header names for ACS3 (`x-acs-date`, ..., `authorization`),
/// parameter names for RPC (`AccessKeyId`, ..., `Signature`).
///
/// `Debug` shows every name but redacts the security token.
#[derive(Clone)]
pub struct SigningOutput {
    buf: String,
    /// Name and end offset of each value; a value starts where the previous one ends.
    /// Offsets are `u32` to keep the struct small (it is returned by value on the hot path).
    entries: [(Name, u32); MAX_ENTRIES],
    len: usize,
}

/// Every name a signer adds, so an entry stores a byte instead of a `&'static str`.
#[derive(Clone, Copy)]
pub(crate) struct Name(u8);

/// The names behind [`Name`] (lower-case ACS3 headers, then RPC parameters).
static NAMES: [&str; 14] = [
    "x-acs-date",
    "x-acs-signature-nonce",
    "x-acs-content-sha256",
    "x-acs-accesskey-id",
    "x-acs-security-token",
    "authorization",
    "AccessKeyId",
    "Format",
    "SignatureMethod",
    "SignatureNonce",
    "SignatureVersion",
    "Timestamp",
    "SecurityToken",
    "Signature",
];

impl Name {
    /// The [`Name`] of `name`, one of [`NAMES`]; use it in constants only, so that a name
    /// missing from the table fails the build instead of a call.
    pub(crate) const fn of(name: &'static str) -> Self {
        let mut i = 0;
        while i < NAMES.len() {
            if const_eq(NAMES[i], name) {
                return Name(i as u8);
            }
            i += 1;
        }
        panic!("not a signer output name");
    }

    /// The name itself.
    pub(crate) fn as_str(self) -> &'static str {
        NAMES.get(usize::from(self.0)).copied().unwrap_or("")
    }
}

const fn const_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

impl SigningOutput {
    /// An empty output whose values will take about `capacity` bytes.
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        Self {
            buf: String::with_capacity(capacity),
            entries: [(Name(0), 0); MAX_ENTRIES],
            len: 0,
        }
    }

    /// Adds `name: value`.
    pub(crate) fn push(&mut self, name: Name, value: &str) {
        self.push_with(name, |buf| buf.push_str(value));
    }

    /// Adds an entry whose value `write` appends to the shared buffer.
    pub(crate) fn push_with(&mut self, name: Name, write: impl FnOnce(&mut String)) {
        debug_assert!(
            self.len < MAX_ENTRIES,
            "a signer adds at most {MAX_ENTRIES} entries"
        );
        write(&mut self.buf);
        // A buffer beyond 4 GiB cannot be a header; its offsets would just read as empty.
        let end = u32::try_from(self.buf.len()).unwrap_or(u32::MAX);
        if let Some(slot) = self.entries.get_mut(self.len) {
            *slot = (name, end);
            self.len += 1;
        }
    }

    /// The entries as `(name, value)` pairs, in the order the signer added them.
    pub fn iter(&self) -> SigningOutputIter<'_> {
        SigningOutputIter {
            output: self,
            next: 0,
            start: 0,
        }
    }

    /// The value of `name` (compared ASCII case-insensitively), if the signer added it.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there is no entry (never the case for a successful signature).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The entries as owned pairs.
    pub fn to_vec(&self) -> Vec<(&'static str, String)> {
        self.iter().map(|(n, v)| (n, v.to_owned())).collect()
    }

    /// The entries with each value a slice of the output's own buffer, which becomes one
    /// shared [`Bytes`] (not copied): what the runtime makes its header values of.
    pub(crate) fn into_shared(self) -> impl Iterator<Item = (&'static str, Bytes)> {
        let Self { buf, entries, len } = self;
        let bytes = Bytes::from(buf);
        let mut start = 0;
        entries.into_iter().take(len).map(move |(name, end)| {
            // Ends only grow and stay within the buffer (one beyond 4 GiB reads as empty).
            let end = (end as usize).clamp(start, bytes.len());
            let value = bytes.slice(start..end);
            start = end;
            (name.as_str(), value)
        })
    }
}

impl<'a> IntoIterator for &'a SigningOutput {
    type Item = (&'static str, &'a str);
    type IntoIter = SigningOutputIter<'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// Iterator over the `(name, value)` entries of a [`SigningOutput`].
#[derive(Debug, Clone)]
pub struct SigningOutputIter<'a> {
    output: &'a SigningOutput,
    next: usize,
    start: usize,
}

impl<'a> Iterator for SigningOutputIter<'a> {
    type Item = (&'static str, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let entries = self.output.entries.get(..self.output.len)?;
        let &(name, end) = entries.get(self.next)?;
        let end = end as usize;
        let value = self.output.buf.get(self.start..end).unwrap_or("");
        self.next += 1;
        self.start = end;
        Some((name.as_str(), value))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.output.len.saturating_sub(self.next);
        (left, Some(left))
    }
}

impl ExactSizeIterator for SigningOutputIter<'_> {}

/// Whether an output entry must not be shown: the security token, and the signature (alone
/// or inside `authorization`), which would let anyone replay the request.
pub(crate) fn is_sensitive(name: &str) -> bool {
    matches!(
        name,
        "x-acs-security-token" | "SecurityToken" | "authorization" | "Signature"
    )
}

impl fmt::Debug for SigningOutput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        for (name, value) in self.iter() {
            if is_sensitive(name) {
                map.entry(&name, &"** redacted **");
            } else {
                map.entry(&name, &value);
            }
        }
        map.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::{Name, SigningOutput};

    #[test]
    fn entries_share_one_buffer_and_keep_their_order() {
        let mut out = SigningOutput::with_capacity(8);
        assert!(out.is_empty());
        out.push(Name::of("x-acs-date"), "d");
        out.push(Name::of("x-acs-security-token"), "");
        out.push_with(Name::of("authorization"), |buf| buf.push_str("auth"));
        assert_eq!(out.len(), 3);
        assert_eq!(out.iter().len(), 3);
        assert_eq!(
            out.to_vec(),
            [
                ("x-acs-date", "d".to_owned()),
                ("x-acs-security-token", String::new()),
                ("authorization", "auth".to_owned())
            ]
        );
        assert_eq!(out.get("Authorization"), Some("auth"));
        assert_eq!(out.get("x-acs-nope"), None);
        let names: Vec<&str> = (&out).into_iter().map(|(n, _)| n).collect();
        assert_eq!(
            names,
            ["x-acs-date", "x-acs-security-token", "authorization"]
        );
        let shared: Vec<(&str, bytes::Bytes)> = out.into_shared().collect();
        assert_eq!(
            shared,
            [
                ("x-acs-date", bytes::Bytes::from_static(b"d")),
                ("x-acs-security-token", bytes::Bytes::new()),
                ("authorization", bytes::Bytes::from_static(b"auth"))
            ]
        );
    }

    #[test]
    fn debug_redacts_security_tokens_and_signatures() {
        let mut out = SigningOutput::with_capacity(8);
        out.push(Name::of("x-acs-date"), "2024-01-01T00:00:00Z");
        out.push(Name::of("x-acs-security-token"), "very-secret");
        out.push(Name::of("SecurityToken"), "very-secret");
        out.push(Name::of("Signature"), "sig-value");
        out.push(
            Name::of("authorization"),
            "ACS3-HMAC-SHA256 Signature=sig-value",
        );
        let shown = format!("{out:?}{out:#?}");
        assert!(!shown.contains("very-secret"), "{shown}");
        assert!(!shown.contains("sig-value"), "{shown}");
        assert!(shown.contains("2024-01-01T00:00:00Z"), "{shown}");
    }
}
