//! The `alibabacloud-emulator` binary: arguments, the printed endpoint, serving specs with
//! the demo key.

#![allow(clippy::unwrap_used)]

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use alibabacloud_emulator::sign::SigningKey;
use alibabacloud_emulator::{DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET};
use common::{Call, send};

const BIN: &str = env!("CARGO_BIN_EXE_alibabacloud-emulator");

#[test]
fn help_and_bad_arguments() {
    let help = Command::new(BIN).arg("--help").output().unwrap();
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("--access-key ID:SECRET"));

    let bad = Command::new(BIN).arg("--port").arg("x").output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--port"));
}

/// Kills the child when the test ends, whatever happens.
struct Child(std::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn serves_specs_with_the_demo_key() {
    let specs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../specs");
    let mut child = Child(
        Command::new(BIN)
            .args(["--port", "0", "--specs"])
            .arg(&specs)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let stdout = child.0.stdout.take().unwrap();
    let lines = tokio::task::spawn_blocking(move || {
        let mut lines = Vec::new();
        for line in BufReader::new(stdout).lines() {
            let line = line.unwrap();
            let done = line.contains("Ctrl-C");
            lines.push(line);
            if done {
                break;
            }
        }
        lines
    })
    .await
    .unwrap();
    let endpoint = lines
        .iter()
        .find_map(|l| l.strip_prefix("alibabacloud-emulator listening on "))
        .unwrap_or_else(|| panic!("no endpoint in {lines:?}"))
        .to_owned();
    assert!(
        lines
            .iter()
            .any(|l| l.contains(DEMO_ACCESS_KEY_ID) && l.contains(DEMO_ACCESS_KEY_SECRET))
    );

    let key = SigningKey::new(DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET);
    let call = Call::new("QueryTicketInfo", "2022-01-01")
        .query("Ticket", "t")
        .key(key.clone());
    let answer = send(call.acs3(&endpoint)).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    assert_eq!(answer.json()["Success"], true);
    let answer = send(
        Call::new("QueryTicketInfo", "2022-01-01")
            .key(key)
            .acs3(&endpoint),
    )
    .await;
    assert_eq!(answer.code(), "MissingParameter");
}

#[tokio::test]
async fn given_keys_replace_the_demo_key_and_are_not_printed() {
    let mut child = Child(
        Command::new(BIN)
            .args([
                "--port",
                "0",
                "--access-key",
                "mine:do-not-print-me",
                "--specs",
            ])
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"))
            .stdout(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let stdout = child.0.stdout.take().unwrap();
    let lines = tokio::task::spawn_blocking(move || {
        BufReader::new(stdout)
            .lines()
            .map(Result::unwrap)
            .take_while(|l| !l.contains("Ctrl-C"))
            .collect::<Vec<_>>()
    })
    .await
    .unwrap();
    let text = lines.join("\n");
    assert!(!text.contains("do-not-print-me"), "{text}");
    assert!(text.contains("accepting AccessKeyId mine"), "{text}");
    assert!(!text.contains(DEMO_ACCESS_KEY_ID), "{text}");
    let endpoint = lines
        .iter()
        .find_map(|l| l.strip_prefix("alibabacloud-emulator listening on "))
        .unwrap()
        .to_owned();
    let demo = SigningKey::new(DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET);
    let answer = send(
        Call::new("ListWidgets", "2024-01-01")
            .key(demo)
            .acs3(&endpoint),
    )
    .await;
    assert_eq!(answer.code(), "InvalidAccessKeyId.NotFound");
    let mine = SigningKey::new("mine", "do-not-print-me");
    let answer = send(
        Call::new("ListWidgets", "2024-01-01")
            .key(mine)
            .acs3(&endpoint),
    )
    .await;
    assert_eq!(answer.status, 200);
}
