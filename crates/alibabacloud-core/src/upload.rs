//! Uploads streamed from a file or a reader: a [`Blob`] made by [`Blob::from_path`] or
//! [`blob_from_reader`] is read once per call for its SHA-256 (the ACS3 signature covers the
//! body's hash), then opened again and streamed by every attempt, its bytes checked against
//! the hash as they go.

use std::any::Any;
use std::future::Future;
use std::path::Path;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};

use alibabacloud_types::Blob;
use bytes::{Bytes, BytesMut};
use ring::digest;
use tokio::io::{AsyncRead, AsyncReadExt, ReadBuf};

use crate::error::UploadError;

/// How much is read at a time, to hash the body and to send it.
const CHUNK: usize = 256 * 1024;

/// A reader of an upload's bytes.
type Reader = Box<dyn AsyncRead + Send + Sync + Unpin>;
/// What a reader factory returns.
type OpenFuture = Pin<Box<dyn Future<Output = std::io::Result<Reader>> + Send>>;

/// A factory of readers, each giving the same bytes.
struct ReaderSource {
    open: Box<dyn Fn() -> OpenFuture + Send + Sync>,
}

/// A body of `len` bytes read from the readers that `open` makes, streamed when the request
/// is sent: for data that is neither in memory nor in a file (an object being downloaded, a
/// generated archive).
///
/// `open` is called once per call to hash the bytes (the signature covers their SHA-256),
/// then once per attempt to send them, so a retried call sends them again: every reader must
/// give the same `len` bytes. One that gives other bytes or another length fails the call
/// with an [`UploadError`] of kind [`Changed`](crate::UploadErrorKind::Changed) (never sent
/// whole). A stream that can be read only once cannot be hashed and then sent without
/// holding it whole: read it into a `Blob::from(bytes)` (or a file) instead.
///
/// ```
/// use alibabacloud_core::blob_from_reader;
///
/// let data: &'static [u8] = b"generated content";
/// let body = blob_from_reader(data.len() as u64, move || async move {
///     Ok(std::io::Cursor::new(data))
/// });
/// assert_eq!(body.len(), 17);
/// assert!(body.is_streamed());
/// ```
pub fn blob_from_reader<F, Fut, R>(len: u64, open: F) -> Blob
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = std::io::Result<R>> + Send + 'static,
    R: AsyncRead + Send + Sync + Unpin + 'static,
{
    let source = ReaderSource {
        open: Box::new(move || {
            let opening = open();
            Box::pin(async move { opening.await.map(|reader| Box::new(reader) as Reader) })
        }),
    };
    alibabacloud_types::blob_private::from_source(len, Arc::new(source))
}

/// Where an upload's bytes come from.
#[derive(Clone)]
enum Origin {
    File(Arc<Path>),
    Reader(Arc<ReaderSource>),
}

impl std::fmt::Debug for Upload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Upload")
            .field("path", &self.origin.path())
            .field("len", &self.len)
            .finish_non_exhaustive()
    }
}

impl Origin {
    fn path(&self) -> Option<&Path> {
        match self {
            Origin::File(path) => Some(path),
            Origin::Reader(_) => None,
        }
    }
}

/// An upload of one call: where it comes from, its length and SHA-256, read once.
#[derive(Clone)]
pub(crate) struct Upload {
    origin: Origin,
    len: u64,
    sha256: [u8; 32],
    sha256_hex: String,
}

impl Upload {
    /// Reads the body of `blob` once for its SHA-256 (a file on the blocking pool), checking
    /// that its length is the one the blob announces.
    pub(crate) async fn hash(blob: &Blob) -> Result<Self, UploadError> {
        let expected = blob.content_length();
        let (origin, (len, sha256)) = match blob.path() {
            Some(path) => {
                let path: Arc<Path> = Arc::from(path);
                let for_task = path.clone();
                let hashed = tokio::task::spawn_blocking(move || hash_file(&for_task))
                    .await
                    .map_err(|e| {
                        UploadError::read(Some(&path), std::io::Error::other(e.to_string()))
                    })??;
                (Origin::File(path), hashed)
            }
            None => {
                let source = alibabacloud_types::blob_private::source(blob)
                    .cloned()
                    .and_then(|source| {
                        Arc::downcast::<ReaderSource>(source as Arc<dyn Any + Send + Sync>).ok()
                    })
                    .ok_or_else(|| {
                        UploadError::read(
                            None,
                            std::io::Error::other("the blob's source is not a reader factory"),
                        )
                    })?;
                let reader = (source.open)()
                    .await
                    .map_err(|e| UploadError::read(None, e))?;
                let hashed = hash_reader(reader).await?;
                (Origin::Reader(source), hashed)
            }
        };
        if len != expected {
            return Err(UploadError::changed(
                origin.path(),
                format!("it announced {expected} bytes, {len} were read"),
            ));
        }
        Ok(Upload {
            origin,
            len,
            sha256,
            sha256_hex: hex::encode(sha256),
        })
    }

    /// The SHA-256 in lower-case hex, for `x-acs-content-sha256`.
    pub(crate) fn sha256_hex(&self) -> &str {
        &self.sha256_hex
    }

    /// Opens the body again for one attempt: a file's length must still be the one hashed.
    pub(crate) async fn open(&self) -> Result<UploadStream, UploadError> {
        let reader: Reader = match &self.origin {
            Origin::File(path) => {
                let file = tokio::fs::File::open(path)
                    .await
                    .map_err(|e| UploadError::read(Some(path), e))?;
                let now = file
                    .metadata()
                    .await
                    .map_err(|e| UploadError::read(Some(path), e))?
                    .len();
                if now != self.len {
                    return Err(UploadError::changed(
                        Some(path),
                        format!("it had {} bytes when hashed, {now} when sent", self.len),
                    ));
                }
                Box::new(file)
            }
            Origin::Reader(source) => (source.open)()
                .await
                .map_err(|e| UploadError::read(None, e))?,
        };
        Ok(UploadStream {
            reader,
            origin: self.origin.clone(),
            remaining: self.len,
            expected: self.sha256,
            hasher: digest::Context::new(&digest::SHA256),
            buf: BytesMut::new(),
            done: self.len == 0,
        })
    }
}

/// The length and SHA-256 of what `reader` gives, read once.
async fn hash_reader(mut reader: Reader) -> Result<(u64, [u8; 32]), UploadError> {
    let mut hasher = digest::Context::new(&digest::SHA256);
    let mut buf = vec![0u8; CHUNK];
    let mut len: u64 = 0;
    loop {
        let n = reader
            .read(&mut buf)
            .await
            .map_err(|e| UploadError::read(None, e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        len += n as u64;
    }
    Ok((len, crate::signing::digest_bytes(hasher.finish().as_ref())))
}

/// The length and SHA-256 of the file at `path`, read once.
fn hash_file(path: &Path) -> Result<(u64, [u8; 32]), UploadError> {
    use std::io::Read;
    let mut file = std::fs::File::open(path).map_err(|e| UploadError::read(Some(path), e))?;
    let mut hasher = digest::Context::new(&digest::SHA256);
    let mut buf = vec![0u8; CHUNK];
    let mut len: u64 = 0;
    loop {
        let n = match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(UploadError::read(Some(path), e)),
        };
        hasher.update(&buf[..n]);
        len += n as u64;
    }
    Ok((len, crate::signing::digest_bytes(hasher.finish().as_ref())))
}

/// The body of one attempt, read as the transport sends it. Its bytes are hashed as they go:
/// the last chunk is only given once the whole body is known to match the hash signed, so a
/// body that changed is never sent whole (the request is cut short, with an
/// [`UploadError`] of kind `Changed` as the body's error).
pub(crate) struct UploadStream {
    reader: Reader,
    origin: Origin,
    remaining: u64,
    expected: [u8; 32],
    hasher: digest::Context,
    buf: BytesMut,
    done: bool,
}

impl std::fmt::Debug for UploadStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UploadStream")
            .field("path", &self.origin.path())
            .field("remaining", &self.remaining)
            .finish_non_exhaustive()
    }
}

impl UploadStream {
    /// The bytes left to send.
    pub(crate) fn remaining(&self) -> u64 {
        self.remaining
    }

    /// The next chunk, `None` at the end.
    pub(crate) fn poll_chunk(
        &mut self,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Bytes, UploadError>>> {
        if self.done {
            return Poll::Ready(None);
        }
        let want = usize::try_from(self.remaining).map_or(CHUNK, |n| n.min(CHUNK));
        if self.buf.len() < want {
            self.buf.resize(want, 0);
        }
        let mut read = ReadBuf::new(&mut self.buf[..want]);
        if let Err(e) = ready!(Pin::new(&mut self.reader).poll_read(cx, &mut read)) {
            self.done = true;
            return Poll::Ready(Some(Err(UploadError::read(self.origin.path(), e))));
        }
        let n = read.filled().len();
        if n == 0 {
            self.done = true;
            return Poll::Ready(Some(Err(UploadError::changed(
                self.origin.path(),
                format!("it ended {} bytes early when sent", self.remaining),
            ))));
        }
        self.buf.truncate(n);
        let chunk = self.buf.split().freeze();
        self.hasher.update(&chunk);
        self.remaining -= n as u64;
        if self.remaining == 0 {
            self.done = true;
            let hasher = std::mem::replace(&mut self.hasher, digest::Context::new(&digest::SHA256));
            let hash = crate::signing::digest_bytes(hasher.finish().as_ref());
            if hash != self.expected {
                return Poll::Ready(Some(Err(UploadError::changed(
                    self.origin.path(),
                    "its content when sent is not the content hashed".to_owned(),
                ))));
            }
        }
        Poll::Ready(Some(Ok(chunk)))
    }

    /// Whether everything was given.
    pub(crate) fn is_done(&self) -> bool {
        self.done
    }
}

/// The [`UploadError`] in the cause chain of a transport error, if the body failed.
pub(crate) fn find_upload_error(error: &(dyn std::error::Error + 'static)) -> Option<UploadError> {
    let mut current = Some(error);
    while let Some(e) = current {
        if let Some(found) = e.downcast_ref::<UploadError>() {
            return Some(found.clone());
        }
        current = e.source();
    }
    None
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::error::UploadErrorKind;

    /// Reads a stream to its end: the bytes, or the error that ended it.
    async fn read_all(mut stream: UploadStream) -> Result<Vec<u8>, UploadError> {
        let mut out = Vec::new();
        while let Some(chunk) = std::future::poll_fn(|cx| stream.poll_chunk(cx)).await {
            out.extend_from_slice(&chunk?);
        }
        Ok(out)
    }

    #[tokio::test]
    async fn a_file_is_hashed_once_and_streamed_by_each_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("body.bin");
        let data: Vec<u8> = (0..(2 * CHUNK + 5)).map(|i| (i % 241) as u8).collect();
        std::fs::write(&path, &data).unwrap();
        let upload = Upload::hash(&Blob::from_path(&path).unwrap())
            .await
            .unwrap();
        assert_eq!(
            upload.sha256_hex(),
            hex::encode(digest::digest(&digest::SHA256, &data))
        );
        for _ in 0..2 {
            assert_eq!(read_all(upload.open().await.unwrap()).await.unwrap(), data);
        }

        // An empty file: no chunk at all.
        std::fs::write(&path, b"").unwrap();
        let empty = Upload::hash(&Blob::from_path(&path).unwrap())
            .await
            .unwrap();
        assert!(
            read_all(empty.open().await.unwrap())
                .await
                .unwrap()
                .is_empty()
        );
    }

    #[tokio::test]
    async fn a_reader_factory_is_called_once_to_hash_and_once_per_open() {
        use std::sync::atomic::{AtomicUsize, Ordering};

        let data: Arc<Vec<u8>> = Arc::new((0..(CHUNK + 9)).map(|i| (i % 239) as u8).collect());
        let opened = Arc::new(AtomicUsize::new(0));
        let (bytes, count) = (data.clone(), opened.clone());
        let blob = blob_from_reader(data.len() as u64, move || {
            count.fetch_add(1, Ordering::SeqCst);
            let bytes = bytes.clone();
            async move { Ok(std::io::Cursor::new(bytes.to_vec())) }
        });
        assert_eq!(
            format!("{blob:?}"),
            format!("Blob(stream, {} bytes)", data.len())
        );
        let upload = Upload::hash(&blob).await.unwrap();
        assert_eq!(
            upload.sha256_hex(),
            hex::encode(digest::digest(&digest::SHA256, data.as_slice()))
        );
        for _ in 0..2 {
            assert_eq!(read_all(upload.open().await.unwrap()).await.unwrap(), *data);
        }
        assert_eq!(opened.load(Ordering::SeqCst), 3);

        // A length other than announced; readers that give other bytes each time.
        let short = blob_from_reader(10, || async { Ok(std::io::Cursor::new(vec![1u8; 9])) });
        let error = Upload::hash(&short).await.unwrap_err();
        assert_eq!(error.kind(), UploadErrorKind::Changed);
        assert_eq!(error.path(), None);
        assert!(error.to_string().contains("reader"), "{error}");
        let calls = Arc::new(AtomicUsize::new(0));
        let changing = blob_from_reader(4, move || {
            let n = calls.fetch_add(1, Ordering::SeqCst) as u8;
            async move { Ok(std::io::Cursor::new(vec![n; 4])) }
        });
        let upload = Upload::hash(&changing).await.unwrap();
        let error = read_all(upload.open().await.unwrap()).await.unwrap_err();
        assert_eq!(error.kind(), UploadErrorKind::Changed);
        // A factory that fails.
        let failing = blob_from_reader(1, || async {
            Err::<std::io::Cursor<Vec<u8>>, _>(std::io::Error::other("no source"))
        });
        let error = Upload::hash(&failing).await.unwrap_err();
        assert_eq!(error.kind(), UploadErrorKind::Read);
        assert!(error.to_string().contains("no source"), "{error}");
    }

    #[tokio::test]
    async fn a_file_cut_or_rewritten_while_it_is_sent_ends_the_stream_with_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("body.bin");
        let data: Vec<u8> = (0..(2 * CHUNK + 5)).map(|i| (i % 241) as u8).collect();
        std::fs::write(&path, &data).unwrap();
        let upload = Upload::hash(&Blob::from_path(&path).unwrap())
            .await
            .unwrap();

        // Cut after it was opened: the stream ends early.
        let stream = upload.open().await.unwrap();
        std::fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .unwrap()
            .set_len(CHUNK as u64)
            .unwrap();
        let error = read_all(stream).await.unwrap_err();
        assert_eq!(error.kind(), UploadErrorKind::Changed);
        assert!(error.to_string().contains("early"), "{error}");

        // Same length, another last byte: the last chunk is withheld, an error instead.
        let mut other = data.clone();
        *other.last_mut().unwrap() ^= 1;
        std::fs::write(&path, &other).unwrap();
        let mut stream = upload.open().await.unwrap();
        let mut sent = 0;
        let error = loop {
            match std::future::poll_fn(|cx| stream.poll_chunk(cx)).await {
                Some(Ok(chunk)) => sent += chunk.len(),
                Some(Err(error)) => break error,
                None => panic!("the changed file was streamed whole"),
            }
        };
        assert!(sent < data.len());
        assert_eq!(error.kind(), UploadErrorKind::Changed);
        assert!(error.to_string().contains("body.bin"), "{error}");
    }
}
