//! File uploads streamed from the disk (`Blob::from_path`), against the emulator, which
//! checks the body's SHA-256 against `x-acs-content-sha256` and the signature: a V3 operation
//! with a binary body (`RecognizeCarVinCode`, a read, so retried on a 5xx).

#![allow(clippy::unwrap_used)]

mod common;

use std::time::Duration;

use alibabacloud_core::{Blob, ConstructionError, Error, UploadErrorKind};
use alibabacloud_emulator::verify::acs3;
use alibabacloud_emulator::{EmulatorHandle, Reply, Verdict};
use alibabacloud_ocr_api20210707 as ocr;
use ocr::operation::recognize_car_vin_code::{
    RecognizeCarVinCodeError as VinError, RecognizeCarVinCodeResponse as VinResponse,
};

/// A few MiB that are not text, with a pattern that does not repeat at the chunk size.
fn content(len: usize) -> Vec<u8> {
    (0..len)
        .map(|i| (i.wrapping_mul(31) ^ (i >> 11)) as u8)
        .collect()
}

fn client(emulator: &EmulatorHandle) -> ocr::Client {
    ocr::Client::new(common::config(emulator).build().unwrap())
}

/// The upload error of a failed call.
fn upload_error<C: std::fmt::Debug>(error: Error<C>) -> alibabacloud_core::UploadError {
    match error {
        Error::Construction(ConstructionError::Upload(e)) => e,
        other => panic!("not an upload error: {other:?}"),
    }
}

/// The requests of an upload answered 503 then 200: both accepted (signature and content
/// hash checked by the emulator), each with the whole of `data`.
fn sent_twice_whole(
    emulator: &EmulatorHandle,
    data: &[u8],
) -> Vec<alibabacloud_emulator::RecordedRequest> {
    let requests = emulator.requests();
    let statuses: Vec<_> = requests.iter().map(|r| r.status()).collect();
    assert_eq!(statuses, [Some(503), Some(200)]);
    for request in &requests {
        assert_eq!(request.verdict, Verdict::Accepted, "{request:?}");
        assert_eq!(request.body_len, data.len());
        assert_eq!(
            request.header("x-acs-content-sha256"),
            Some(acs3::hex_sha256(data).as_str())
        );
    }
    requests
}

/// Uploads `body` with the client of [`client`].
async fn upload(emulator: &EmulatorHandle, body: Blob) -> Result<VinResponse, VinError> {
    client(emulator)
        .recognize_car_vin_code()
        .body(body)
        .send()
        .await
}

/// Uploads `body` with the client of [`client`], which must fail with an upload error.
async fn failed_upload(emulator: &EmulatorHandle, body: Blob) -> alibabacloud_core::UploadError {
    upload_error(upload(emulator, body).await.unwrap_err())
}

#[tokio::test]
async fn a_file_body_is_streamed_and_signed() {
    let emulator = common::emulator().await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vin.jpg");
    let data = content(3 * 1024 * 1024 + 17);
    std::fs::write(&path, &data).unwrap();

    let body = Blob::from_path(&path).unwrap();
    assert_eq!(body.len(), data.len());
    let response = upload(&emulator, body).await.unwrap();
    assert!(
        response
            .data
            .as_deref()
            .is_some_and(|d| d.contains("LSVNP41Z7B2731969"))
    );

    let requests = emulator.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    // The emulator hashed the body it received and checked it against the signed hash.
    assert_eq!(request.verdict, Verdict::Accepted, "{request:?}");
    assert_eq!(request.body_len, data.len());
    assert_eq!(
        request.header("x-acs-content-sha256"),
        Some(acs3::hex_sha256(&data).as_str())
    );
    // The emulator keeps the first 64 KiB.
    assert!(data.starts_with(&request.body));
    assert_eq!(
        request.header("content-type"),
        Some("application/octet-stream")
    );
    let length = data.len().to_string();
    assert_eq!(request.header("content-length"), Some(length.as_str()));
}

#[tokio::test]
async fn a_retried_upload_sends_the_file_again_signed_anew() {
    let emulator = common::emulator().await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vin.jpg");
    let data = content(2 * 1024 * 1024);
    std::fs::write(&path, &data).unwrap();

    emulator.script_for("RecognizeCarVinCode", Reply::service_unavailable());
    upload(&emulator, Blob::from_path(&path).unwrap())
        .await
        .unwrap();

    let requests = sent_twice_whole(&emulator, &data);
    assert_ne!(requests[0].nonce, requests[1].nonce, "signed anew");
}

#[tokio::test]
async fn a_reader_factory_body_is_streamed_and_retried() {
    let emulator = common::emulator().await;
    let data = std::sync::Arc::new(content(1024 * 1024 + 3));
    let opened = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let (bytes, count) = (data.clone(), opened.clone());
    let body = alibabacloud_core::blob_from_reader(data.len() as u64, move || {
        count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let bytes = bytes.clone();
        async move { Ok(std::io::Cursor::new(bytes.to_vec())) }
    });

    emulator.script_for("RecognizeCarVinCode", Reply::service_unavailable());
    upload(&emulator, body).await.unwrap();

    // Once to hash, once per attempt.
    assert_eq!(opened.load(std::sync::atomic::Ordering::SeqCst), 3);
    sent_twice_whole(&emulator, &data);
}

/// Uploads the file at `path`, whose first attempt the emulator answers 503, and rewrites the
/// file with `data` while the client waits before its retry (long enough for that): the
/// upload error the call fails with.
async fn upload_changed_before_the_retry(
    emulator: &EmulatorHandle,
    path: &std::path::Path,
    data: Vec<u8>,
) -> alibabacloud_core::UploadError {
    emulator.script_for("RecognizeCarVinCode", Reply::service_unavailable());
    let retry = alibabacloud_core::RetryConfig::standard()
        .with_max_attempts(2)
        .with_initial_backoff(Duration::from_millis(300))
        .with_max_backoff(Duration::from_millis(300));
    let client = ocr::Client::new(common::config(emulator).retry(retry).build().unwrap());
    let rewrite = async {
        while emulator.requests().is_empty() {
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        std::fs::write(path, data).unwrap();
    };
    let upload = client
        .recognize_car_vin_code()
        .body(Blob::from_path(path).unwrap())
        .send();
    let (result, ()) = tokio::join!(upload, rewrite);
    upload_error(result.unwrap_err())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_whose_content_changes_after_the_hash_is_a_typed_error_never_sent_whole() {
    let emulator = common::emulator().await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vin.jpg");
    let data = content(1024 * 1024);
    std::fs::write(&path, &data).unwrap();

    // The first attempt is answered 503; before the retry, the file gets other content of
    // the same length: the retry streams it, finds that it is not what was signed, and cuts
    // the request short.
    let mut other = data.clone();
    other[data.len() - 1] ^= 0xff;
    let upload = upload_changed_before_the_retry(&emulator, &path, other).await;
    let message = upload.to_string();
    assert_eq!(upload.kind(), UploadErrorKind::Changed);
    assert_eq!(upload.path(), Some(path.as_path()));
    assert!(message.contains("vin.jpg"), "{message}");
    // The service never received the changed file whole: no second request was accepted.
    tokio::time::sleep(Duration::from_millis(50)).await;
    let requests = emulator.requests();
    assert!(
        requests
            .iter()
            .skip(1)
            .all(|r| r.body_len < data.len() && r.verdict != Verdict::Accepted),
        "{requests:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_whose_length_changes_is_a_typed_error() {
    let emulator = common::emulator().await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vin.jpg");
    std::fs::write(&path, content(4096)).unwrap();

    // Between the blob and the call: found when the call hashes the file; nothing is sent.
    let body = Blob::from_path(&path).unwrap();
    std::fs::write(&path, content(4000)).unwrap();
    let upload = failed_upload(&emulator, body).await;
    assert_eq!(upload.kind(), UploadErrorKind::Changed);
    assert!(upload.to_string().contains("4096 bytes"), "{upload}");
    assert!(emulator.requests().is_empty());

    // Between two attempts: found when the retry opens the file; it is not sent.
    let upload = upload_changed_before_the_retry(&emulator, &path, content(5000)).await;
    assert_eq!(upload.kind(), UploadErrorKind::Changed);
    assert!(upload.to_string().contains("5000 when sent"), "{upload}");
    assert_eq!(emulator.requests().len(), 1);
}

#[tokio::test]
async fn a_missing_file_is_a_typed_error_naming_the_path() {
    let emulator = common::emulator().await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gone.jpg");

    // When the blob is made.
    let error = Blob::from_path(&path).unwrap_err();
    assert_eq!(error.kind(), std::io::ErrorKind::NotFound);
    assert!(error.to_string().contains("gone.jpg"), "{error}");

    // When the call reads it (removed after the blob was made): nothing is sent.
    std::fs::write(&path, b"data").unwrap();
    let body = Blob::from_path(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    let upload = failed_upload(&emulator, body).await;
    assert_eq!(upload.kind(), UploadErrorKind::Read);
    assert_eq!(upload.io_kind(), Some(std::io::ErrorKind::NotFound));
    assert!(upload.to_string().contains("gone.jpg"), "{upload}");
    assert!(emulator.requests().is_empty());
}

#[tokio::test]
async fn empty_bodies_are_signed_without_a_content_type() {
    let emulator = common::emulator().await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.jpg");
    std::fs::write(&path, b"").unwrap();
    upload(&emulator, Blob::from_path(&path).unwrap())
        .await
        .unwrap();
    // The same for an empty blob in memory.
    upload(&emulator, Blob::new()).await.unwrap();
    let requests = emulator.requests();
    assert_eq!(requests.len(), 2);
    for request in &requests {
        assert_eq!(request.verdict, Verdict::Accepted, "{request:?}");
        assert_eq!(request.body_len, 0);
        assert_eq!(request.header("content-type"), None);
    }
}
