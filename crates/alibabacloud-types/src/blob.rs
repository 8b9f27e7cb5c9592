//! [`Blob`]: binary data in a model, the body of an upload (`format: binary` in the API
//! metadata) or of a binary response.

use std::any::Any;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use bytes::Bytes;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Serialize, Serializer};

/// Binary data: the raw body of an upload (an image for OCR, a file) or of a binary response,
/// held in memory or read from a file when the request is sent.
///
/// In memory (`Blob::from(bytes)`), cloning is cheap (the bytes are shared), so a retried
/// call sends the same bytes without copying them.
///
/// From a file ([`Blob::from_path`]), nothing is read when the blob is made: each call reads
/// the file once to compute its SHA-256 (the request signature covers it) and each attempt
/// opens it again and streams it, so an upload of any size takes little memory and a retried
/// call sends the file again. A file whose length or content changes between the hash and the
/// send fails the call with a typed error (nothing is sent complete); a missing file too,
/// naming the path. Data from elsewhere (an object being downloaded) streams the same way
/// from a factory of readers: `alibabacloud_core::blob_from_reader(len, open)`.
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
pub struct Blob(Repr);

#[derive(Clone)]
enum Repr {
    Bytes(Bytes),
    /// A file read when the request is sent: its path and its length when the blob was made.
    File(Arc<FileSource>),
    /// A source of streams the SDK's runtime knows (a reader factory, made by
    /// `alibabacloud_core::blob_from_reader`), and the length of what it gives.
    Source(u64, Arc<dyn Any + Send + Sync>),
}

/// Equal when they hold equal bytes, the same file, or the same source.
impl PartialEq for Repr {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Repr::Bytes(a), Repr::Bytes(b)) => a == b,
            (Repr::File(a), Repr::File(b)) => a == b,
            (Repr::Source(_, a), Repr::Source(_, b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Eq for Repr {}

impl std::hash::Hash for Repr {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        match self {
            Repr::Bytes(bytes) => bytes.hash(state),
            Repr::File(file) => file.hash(state),
            Repr::Source(len, source) => {
                len.hash(state);
                std::ptr::hash(Arc::as_ptr(source).cast::<()>(), state);
            }
        }
    }
}

impl Default for Repr {
    fn default() -> Self {
        Repr::Bytes(Bytes::new())
    }
}

#[derive(PartialEq, Eq, Hash)]
struct FileSource {
    path: PathBuf,
    len: u64,
}

impl Blob {
    /// Empty data.
    pub const fn new() -> Self {
        Self(Repr::Bytes(Bytes::new()))
    }

    /// Data from a `'static` slice, without copying it.
    pub const fn from_static(bytes: &'static [u8]) -> Self {
        Self(Repr::Bytes(Bytes::from_static(bytes)))
    }

    /// The whole content of the file at `path`, read into memory now. For an upload, prefer
    /// [`Blob::from_path`], which streams the file.
    ///
    /// # Errors
    /// The error of reading the file.
    pub fn from_file(path: impl AsRef<Path>) -> std::io::Result<Self> {
        std::fs::read(path).map(Self::from)
    }

    /// The file at `path`, streamed when the request is sent (not read into memory). Only
    /// the file's metadata is read now (its length, which an upload must announce); the
    /// content is read when a call sends it (once to hash it, once per attempt to send it).
    ///
    /// ```no_run
    /// # fn main() -> std::io::Result<()> {
    /// use alibabacloud_types::Blob;
    ///
    /// let video = Blob::from_path("/data/video.mp4")?;
    /// assert_eq!(video.path(), Some(std::path::Path::new("/data/video.mp4")));
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    /// The file cannot be read (missing, a directory, no permission): the error's message
    /// names the path, and its kind is the system's.
    pub fn from_path(path: impl AsRef<Path>) -> std::io::Result<Self> {
        let path = path.as_ref();
        let named = |e: std::io::Error| {
            std::io::Error::new(e.kind(), format!("cannot read `{}`: {e}", path.display()))
        };
        let metadata = std::fs::metadata(path).map_err(named)?;
        if !metadata.is_file() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("cannot read `{}`: not a file", path.display()),
            ));
        }
        Ok(Self(Repr::File(Arc::new(FileSource {
            path: path.to_path_buf(),
            len: metadata.len(),
        }))))
    }

    /// Whether the data is read when the request is sent (from a file or a reader).
    pub fn is_streamed(&self) -> bool {
        !self.is_in_memory()
    }

    /// The file the data is read from, for a blob made by [`Blob::from_path`].
    pub fn path(&self) -> Option<&Path> {
        match &self.0 {
            Repr::Bytes(_) | Repr::Source(..) => None,
            Repr::File(file) => Some(&file.path),
        }
    }

    /// Whether the data is held in memory (else it is read from [`Blob::path`]).
    pub fn is_in_memory(&self) -> bool {
        matches!(self.0, Repr::Bytes(_))
    }

    /// The bytes held in memory: empty for a blob read from a file ([`Blob::path`]) or a
    /// reader.
    pub fn as_bytes(&self) -> &[u8] {
        match &self.0 {
            Repr::Bytes(bytes) => bytes.as_ref(),
            Repr::File(_) | Repr::Source(..) => &[],
        }
    }

    /// The number of bytes (of a file: its length when the blob was made).
    pub fn len(&self) -> usize {
        match &self.0 {
            Repr::Bytes(bytes) => bytes.len(),
            Repr::File(file) => usize::try_from(file.len).unwrap_or(usize::MAX),
            Repr::Source(len, _) => usize::try_from(*len).unwrap_or(usize::MAX),
        }
    }

    /// The number of bytes, as `u64` (a file may be longer than `usize` on 32-bit targets).
    pub fn content_length(&self) -> u64 {
        match &self.0 {
            Repr::Bytes(bytes) => bytes.len() as u64,
            Repr::File(file) => file.len,
            Repr::Source(len, _) => *len,
        }
    }

    /// Whether there is no byte.
    pub fn is_empty(&self) -> bool {
        self.content_length() == 0
    }

    /// The bytes held in memory, shared: empty for a blob read from a file ([`Blob::path`]).
    pub fn into_bytes(self) -> Bytes {
        match self.0 {
            Repr::Bytes(bytes) => bytes,
            Repr::File(_) | Repr::Source(..) => Bytes::new(),
        }
    }
}

impl fmt::Debug for Blob {
    /// The length (and the path of a file), never the content.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Bytes(bytes) => write!(f, "Blob({} bytes)", bytes.len()),
            Repr::File(file) => write!(f, "Blob({:?}, {} bytes)", file.path, file.len),
            Repr::Source(len, _) => write!(f, "Blob(stream, {len} bytes)"),
        }
    }
}

/// The bytes held in memory: empty for a blob read from a file.
impl AsRef<[u8]> for Blob {
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl From<Bytes> for Blob {
    fn from(bytes: Bytes) -> Self {
        Self(Repr::Bytes(bytes))
    }
}

impl From<Vec<u8>> for Blob {
    fn from(bytes: Vec<u8>) -> Self {
        Self(Repr::Bytes(Bytes::from(bytes)))
    }
}

impl From<&'static [u8]> for Blob {
    fn from(bytes: &'static [u8]) -> Self {
        Self(Repr::Bytes(Bytes::from_static(bytes)))
    }
}

impl<const N: usize> From<&'static [u8; N]> for Blob {
    fn from(bytes: &'static [u8; N]) -> Self {
        Self(Repr::Bytes(Bytes::from_static(bytes)))
    }
}

impl From<String> for Blob {
    fn from(text: String) -> Self {
        Self(Repr::Bytes(Bytes::from(text)))
    }
}

impl From<&'static str> for Blob {
    fn from(text: &'static str) -> Self {
        Self(Repr::Bytes(Bytes::from_static(text.as_bytes())))
    }
}

/// The bytes held in memory: empty for a blob read from a file.
impl From<Blob> for Bytes {
    fn from(blob: Blob) -> Self {
        blob.into_bytes()
    }
}

/// Written as bytes (`serialize_bytes`, in a newtype struct): JSON writes a list of numbers
/// (none for a file). The SDK's request serializer recognizes the newtype's name and takes
/// the blob itself (shared bytes without a copy, or the file to stream).
impl Serialize for Blob {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Content<'a>(&'a [u8]);
        impl Serialize for Content<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_bytes(self.0)
            }
        }
        __private::SERIALIZED.with(|slot| *slot.borrow_mut() = Some(self.clone()));
        let result =
            serializer.serialize_newtype_struct(__private::TOKEN, &Content(self.as_bytes()));
        __private::SERIALIZED.with(|slot| slot.borrow_mut().take());
        result
    }
}

/// What the SDK's request serializer uses to take a [`Blob`] whole. Not a public API.
#[doc(hidden)]
pub mod __private {
    use std::any::Any;
    use std::cell::RefCell;
    use std::sync::Arc;

    use super::Blob;

    /// The name of the newtype struct a `Blob` serializes as.
    pub const TOKEN: &str = "$alibabacloud_types::private::Blob";

    std::thread_local! {
        /// The blob being serialized, while its `serialize_newtype_struct` runs.
        pub(super) static SERIALIZED: RefCell<Option<Blob>> = const { RefCell::new(None) };
    }

    /// The blob being serialized: for a serializer's `serialize_newtype_struct` called with
    /// [`TOKEN`] (it returns it once).
    pub fn take_serialized() -> Option<Blob> {
        SERIALIZED.with(|slot| slot.borrow_mut().take())
    }

    /// A blob of `len` bytes that a runtime reads from `source` (which it knows the type of).
    pub fn from_source(len: u64, source: Arc<dyn Any + Send + Sync>) -> Blob {
        Blob(super::Repr::Source(len, source))
    }

    /// The source of a blob made by [`from_source`].
    pub fn source(blob: &Blob) -> Option<&Arc<dyn Any + Send + Sync>> {
        match &blob.0 {
            super::Repr::Source(_, source) => Some(source),
            _ => None,
        }
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

    #[test]
    fn from_path_reads_only_the_metadata_and_names_a_missing_file() {
        let dir = std::env::temp_dir().join(format!("blob-path-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("upload.bin");
        std::fs::write(&file, b"secret content").unwrap();
        let blob = Blob::from_path(&file).unwrap();
        assert_eq!(blob.path(), Some(file.as_path()));
        assert!(!blob.is_in_memory());
        assert_eq!((blob.len(), blob.content_length()), (14, 14));
        assert!(blob.as_bytes().is_empty());
        let debug = format!("{blob:?}");
        assert!(
            debug.contains("upload.bin") && debug.contains("14 bytes"),
            "{debug}"
        );
        assert!(!debug.contains("secret"));
        // JSON (or any other serializer) gets no content from a file.
        assert_eq!(serde_json::to_string(&blob).unwrap(), "[]");
        assert_eq!(blob, blob.clone());
        assert!(Blob::from(vec![1]).is_in_memory());

        let missing = Blob::from_path(dir.join("missing.bin")).unwrap_err();
        assert_eq!(missing.kind(), std::io::ErrorKind::NotFound);
        assert!(missing.to_string().contains("missing.bin"), "{missing}");
        let directory = Blob::from_path(&dir).unwrap_err();
        assert!(directory.to_string().contains("not a file"), "{directory}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
