//! [`Blob`]: binary data in a model, the body of an upload (`format: binary` in the API
//! metadata) or of a binary response.

use std::fmt;
use std::path::Path;

use bytes::Bytes;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Serialize, Serializer};

/// Binary data held in memory: the raw body of an upload (an image for OCR, a file) or of a
/// binary response.
///
/// An upload is held whole, not streamed from its source: its SHA-256 is part of the request
/// signature (so the whole body is read before anything is sent) and a retried call sends it
/// again. The official SDKs do the same (they read the stream into memory before signing).
/// Cloning a `Blob` is cheap (the bytes are shared), so a retry never copies the data.
///
/// ```
/// use alibabacloud_types::Blob;
///
/// let image = Blob::from(vec![0xff, 0xd8, 0xff]);
/// assert_eq!(image.len(), 3);
/// let text = Blob::from("hello");
/// assert_eq!(text.as_bytes(), b"hello");
/// assert_eq!(format!("{text:?}"), "Blob(5 bytes)");
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Blob(Bytes);

impl Blob {
    /// Empty data.
    pub const fn new() -> Self {
        Self(Bytes::new())
    }

    /// Data from a `'static` slice, without copying it.
    pub const fn from_static(bytes: &'static [u8]) -> Self {
        Self(Bytes::from_static(bytes))
    }

    /// The whole content of the file at `path`, read now.
    ///
    /// # Errors
    /// The error of reading the file.
    pub fn from_file(path: impl AsRef<Path>) -> std::io::Result<Self> {
        std::fs::read(path).map(Self::from)
    }

    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The number of bytes.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there is no byte.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The bytes, shared.
    pub fn into_bytes(self) -> Bytes {
        self.0
    }
}

impl fmt::Debug for Blob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Blob({} bytes)", self.0.len())
    }
}

impl AsRef<[u8]> for Blob {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl From<Bytes> for Blob {
    fn from(bytes: Bytes) -> Self {
        Self(bytes)
    }
}

impl From<Vec<u8>> for Blob {
    fn from(bytes: Vec<u8>) -> Self {
        Self(Bytes::from(bytes))
    }
}

impl From<&'static [u8]> for Blob {
    fn from(bytes: &'static [u8]) -> Self {
        Self(Bytes::from_static(bytes))
    }
}

impl<const N: usize> From<&'static [u8; N]> for Blob {
    fn from(bytes: &'static [u8; N]) -> Self {
        Self(Bytes::from_static(bytes))
    }
}

impl From<String> for Blob {
    fn from(text: String) -> Self {
        Self(Bytes::from(text))
    }
}

impl From<&'static str> for Blob {
    fn from(text: &'static str) -> Self {
        Self(Bytes::from_static(text.as_bytes()))
    }
}

impl From<Blob> for Bytes {
    fn from(blob: Blob) -> Self {
        blob.0
    }
}

/// Written as bytes (`serialize_bytes`): a request serializer sends them as the body; JSON
/// writes a list of numbers.
impl Serialize for Blob {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&self.0)
    }
}

/// Read from bytes, from a string (its UTF-8 bytes) or from a list of numbers (what
/// `Serialize` writes as JSON).
impl<'de> serde::Deserialize<'de> for Blob {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(BlobVisitor)
    }
}

pub(crate) struct BlobVisitor;

impl<'de> Visitor<'de> for BlobVisitor {
    type Value = Blob;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("binary data")
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Blob, E> {
        Ok(Blob::from(v.to_vec()))
    }

    fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<Blob, E> {
        Ok(Blob::from(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Blob, E> {
        Ok(Blob::from(v.as_bytes().to_vec()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Blob, E> {
        Ok(Blob::from(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Blob, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 20));
        while let Some(byte) = seq.next_element::<u8>()? {
            out.push(byte);
        }
        Ok(Blob::from(out))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn conversions_and_serde() {
        let blob = Blob::from_static(b"\x00\xff");
        assert_eq!(Bytes::from(blob.clone()), Bytes::from_static(b"\x00\xff"));
        assert_eq!(serde_json::to_string(&blob).unwrap(), "[0,255]");
        let back: Blob = serde_json::from_str("[0,255]").unwrap();
        assert_eq!(back, blob);
        let text: Blob = serde_json::from_str(r#""ab""#).unwrap();
        assert_eq!(text.as_bytes(), b"ab");
        assert!(serde_json::from_str::<Blob>("[256]").is_err());
        assert!(Blob::new().is_empty());
        let file = std::env::temp_dir().join(format!("blob-test-{}", std::process::id()));
        std::fs::write(&file, b"data").unwrap();
        assert_eq!(Blob::from_file(&file).unwrap().as_bytes(), b"data");
        std::fs::remove_file(&file).unwrap();
        assert!(Blob::from_file(&file).is_err());
    }
}
