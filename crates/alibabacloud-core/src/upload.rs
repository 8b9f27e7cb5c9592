//! File uploads streamed from the disk: a [`Blob`] made by [`Blob::from_path`] is hashed once
//! per call (the ACS3 signature covers the body's SHA-256), then opened again and streamed by
//! every attempt, its bytes checked against the hash as they go.

use std::path::Path;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};

use alibabacloud_types::Blob;
use bytes::{Bytes, BytesMut};
use sha2::{Digest, Sha256};
use tokio::io::{AsyncRead, ReadBuf};

use crate::error::UploadError;

/// How much is read at a time, to hash the file and to send it.
const CHUNK: usize = 256 * 1024;

/// A file upload of one call: its path, length and SHA-256, read once.
#[derive(Debug, Clone)]
pub(crate) struct Upload {
    path: Arc<Path>,
    len: u64,
    sha256: [u8; 32],
    sha256_hex: String,
}

impl Upload {
    /// Reads the file of `blob` once (on the blocking pool) for its SHA-256, checking that
    /// its length is still the one the blob was made with.
    pub(crate) async fn hash(blob: &Blob) -> Result<Self, UploadError> {
        let path: Arc<Path> = Arc::from(blob.path().unwrap_or(Path::new("")));
        let expected = blob.content_length();
        let for_task = path.clone();
        let hashed = tokio::task::spawn_blocking(move || hash_file(&for_task))
            .await
            .map_err(|e| UploadError::read(&path, std::io::Error::other(e.to_string())))??;
        let (len, sha256) = hashed;
        if len != expected {
            return Err(UploadError::changed(
                &path,
                format!("it had {expected} bytes when the blob was made, {len} now"),
            ));
        }
        Ok(Upload {
            path,
            len,
            sha256,
            sha256_hex: hex::encode(sha256),
        })
    }

    /// The SHA-256 in lower-case hex, for `x-acs-content-sha256`.
    pub(crate) fn sha256_hex(&self) -> &str {
        &self.sha256_hex
    }

    /// Opens the file for one attempt: its length must still be the one hashed.
    pub(crate) async fn open(&self) -> Result<FileStream, UploadError> {
        let file = tokio::fs::File::open(&self.path)
            .await
            .map_err(|e| UploadError::read(&self.path, e))?;
        let now = file
            .metadata()
            .await
            .map_err(|e| UploadError::read(&self.path, e))?
            .len();
        if now != self.len {
            return Err(UploadError::changed(
                &self.path,
                format!("it had {} bytes when hashed, {now} when sent", self.len),
            ));
        }
        Ok(FileStream {
            file,
            path: self.path.clone(),
            remaining: self.len,
            expected: self.sha256,
            hasher: Sha256::new(),
            buf: BytesMut::new(),
            done: self.len == 0,
        })
    }
}

/// The length and SHA-256 of the file at `path`, read once.
fn hash_file(path: &Path) -> Result<(u64, [u8; 32]), UploadError> {
    use std::io::Read;
    let mut file = std::fs::File::open(path).map_err(|e| UploadError::read(path, e))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; CHUNK];
    let mut len: u64 = 0;
    loop {
        let n = match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(UploadError::read(path, e)),
        };
        hasher.update(&buf[..n]);
        len += n as u64;
    }
    Ok((len, hasher.finalize().into()))
}

/// The file of one attempt, read as the transport sends it. Its bytes are hashed as they go:
/// the last chunk is only given once the whole file is known to match the hash signed, so a
/// file that changed is never sent whole (the request is cut short, with an
/// [`UploadError`] of kind `Changed` as the body's error).
pub(crate) struct FileStream {
    file: tokio::fs::File,
    path: Arc<Path>,
    remaining: u64,
    expected: [u8; 32],
    hasher: Sha256,
    buf: BytesMut,
    done: bool,
}

impl std::fmt::Debug for FileStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileStream")
            .field("path", &self.path)
            .field("remaining", &self.remaining)
            .finish_non_exhaustive()
    }
}

impl FileStream {
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
        if let Err(e) = ready!(Pin::new(&mut self.file).poll_read(cx, &mut read)) {
            self.done = true;
            return Poll::Ready(Some(Err(UploadError::read(&self.path, e))));
        }
        let n = read.filled().len();
        if n == 0 {
            self.done = true;
            return Poll::Ready(Some(Err(UploadError::changed(
                &self.path,
                format!("it ended {} bytes early when sent", self.remaining),
            ))));
        }
        self.buf.truncate(n);
        let chunk = self.buf.split().freeze();
        self.hasher.update(&chunk);
        self.remaining -= n as u64;
        if self.remaining == 0 {
            self.done = true;
            let hash: [u8; 32] = std::mem::take(&mut self.hasher).finalize().into();
            if hash != self.expected {
                return Poll::Ready(Some(Err(UploadError::changed(
                    &self.path,
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
    async fn read_all(mut stream: FileStream) -> Result<Vec<u8>, UploadError> {
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
            hex::encode(<Sha256 as Digest>::digest(&data))
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
