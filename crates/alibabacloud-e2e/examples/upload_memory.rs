//! The memory of a large file upload: writes a file of N MiB (200 by default) to the temporary
//! directory, uploads it with `RecognizeCarVinCode` (a V3 operation with a binary body) to a
//! local server that reads and counts the body without keeping it, prints the peak memory of
//! the process (`VmHWM`), and removes the file.
//!
//! ```sh
//! cargo build --release -p alibabacloud-e2e --example upload_memory
//! /usr/bin/time -v target/release/examples/upload_memory 200          # Blob::from_path (streamed)
//! /usr/bin/time -v target/release/examples/upload_memory 200 memory   # Blob::from_file (in memory)
//! ```

#![allow(clippy::unwrap_used, clippy::print_stdout, missing_docs)]

use std::io::Write;

use alibabacloud_core::{Blob, Config, Credentials};
use alibabacloud_ocr_api20210707 as ocr;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// The answer of the server: a `RecognizeCarVinCode` response.
const ANSWER: &str = r#"{"RequestId":"upload-memory","Data":"{}"}"#;

/// Accepts one connection, reads one request (its body counted, not kept) and answers it;
/// returns the number of body bytes read.
async fn serve_one(listener: TcpListener) -> u64 {
    let (stream, _) = listener.accept().await.unwrap();
    let mut reader = BufReader::new(stream);
    let mut length: u64 = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).await.unwrap();
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap();
        }
    }
    let mut buf = vec![0u8; 256 * 1024];
    let mut received: u64 = 0;
    while received < length {
        let n = reader.read(&mut buf).await.unwrap();
        assert!(n > 0, "the body ended early");
        received += n as u64;
    }
    let response = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nx-acs-request-id: upload-memory\r\n\r\n{ANSWER}",
        ANSWER.len()
    );
    reader
        .get_mut()
        .write_all(response.as_bytes())
        .await
        .unwrap();
    received
}

/// The peak resident memory of this process, from `/proc/self/status` (Linux).
fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l["VmHWM:".len()..].trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

fn main() {
    let mib: u64 = std::env::args()
        .nth(1)
        .map_or(200, |n| n.parse().expect("a size in MiB"));
    let in_memory = match std::env::args().nth(2).as_deref() {
        None | Some("stream") => false,
        Some("memory") => true,
        Some(other) => panic!("expected `stream` or `memory`, not `{other}`"),
    };
    let path = std::env::temp_dir().join(format!("upload-memory-{}.bin", std::process::id()));
    {
        let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        let chunk: Vec<u8> = (0..1024 * 1024).map(|i: u32| (i % 251) as u8).collect();
        for _ in 0..mib {
            file.write_all(&chunk).unwrap();
        }
        file.flush().unwrap();
    }

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let result = runtime.block_on(async {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let endpoint = format!("http://{}", listener.local_addr().unwrap());
        let server = tokio::spawn(serve_one(listener));
        let config = Config::builder()
            .region("cn-hangzhou")
            .endpoint(endpoint)
            .credentials_provider(Credentials::new("upload-id", "upload-secret").unwrap())
            .operation_timeout(std::time::Duration::from_secs(600))
            .attempt_timeout(std::time::Duration::from_secs(600))
            .build()
            .unwrap();
        let body = if in_memory {
            Blob::from_file(&path).unwrap()
        } else {
            Blob::from_path(&path).unwrap()
        };
        let started = std::time::Instant::now();
        let response = ocr::Client::new(config)
            .recognize_car_vin_code()
            .body(body)
            .send()
            .await;
        let elapsed = started.elapsed();
        (response, server.await.unwrap(), elapsed)
    });
    std::fs::remove_file(&path).unwrap();
    let (response, received, elapsed) = result;
    response.unwrap();
    assert_eq!(received, mib * 1024 * 1024);
    println!(
        "uploaded {mib} MiB ({}) in {elapsed:.2?}; the server read {received} bytes; peak RSS {}",
        if in_memory {
            "Blob::from_file, in memory"
        } else {
            "Blob::from_path, streamed"
        },
        peak_rss()
    );
}
