//! Runs the `demo` binary: with `--emulator`; against an emulator started by the test, as
//! the real service (default configuration from the environment, `--endpoint`); against
//! an endpoint where nothing listens; and with bad arguments.

#![allow(clippy::unwrap_used)]

use std::process::{Command, Output};

use alibabacloud_emulator::{Emulator, Reply};

const DEMO: &str = env!("CARGO_BIN_EXE_demo");

/// The demo with these arguments and only these environment variables (no credentials
/// files, no region from the developer's machine).
fn demo(args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(DEMO)
        .args(args)
        .env_clear()
        .env("HOME", "/nonexistent-demo-home")
        .env("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true")
        .envs(env.iter().copied())
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn emulator_mode_prints_the_ticket_and_a_table_of_coupons() {
    for (args, signature) in [
        (&["--emulator"][..], "ACS3-HMAC-SHA256"),
        (
            &["--emulator", "--signature-version", "v1"][..],
            "HMAC-SHA1",
        ),
    ] {
        let output = demo(args, &[]);
        let stdout = text(&output.stdout);
        assert!(
            output.status.success(),
            "{stdout}\n{}",
            text(&output.stderr)
        );
        assert!(
            stdout.contains("Local emulator at http://127.0.0.1:"),
            "{stdout}"
        );
        assert!(stdout.contains(signature), "{stdout}");

        // The ticket info, the ticket redacted (the sent one and the returned one).
        assert!(stdout.contains("QueryTicketInfo: ticket a27a…"), "{stdout}");
        assert!(!stdout.contains("a27a9aec-****"), "{stdout}");
        for expected in [
            "974e50**********9033f46",
            "ccd3428c-****-****-a608-26bae29dffee",
            "47 of 9999",
            "2022-01-30 03:03:49",
        ] {
            assert!(stdout.contains(expected), "{expected}: {stdout}");
        }

        // The coupons, as an aligned table.
        assert!(stdout.contains("QueryCashCoupons: 1 voucher\n"), "{stdout}");
        let lines: Vec<&str> = stdout.lines().collect();
        let header = lines
            .iter()
            .position(|l| l.trim_start().starts_with("ID"))
            .unwrap();
        let (head, row) = (lines[header], lines[header + 1]);
        for (column, value) in [
            ("ID", "34534253254325"),
            ("NUMBER", "Q-b1485def8f04a"),
            ("STATUS", "Available"),
            ("BALANCE / NOMINAL", "100.00 / 100.00"),
            ("EXPIRES", "2019-01-29T15:15:50Z"),
        ] {
            assert_eq!(
                head.find(column),
                row.find(value),
                "{column}:\n{head}\n{row}"
            );
        }
        assert!(output.stderr.is_empty(), "{}", text(&output.stderr));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn real_mode_uses_the_environment_and_reports_service_errors() {
    let emulator = Emulator::new()
        .access_key("env-key-id", "env-key-secret")
        .spec_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../specs"))
        .unwrap()
        .start()
        .await
        .unwrap();
    let endpoint = emulator.endpoint();
    let env = [
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", "env-key-id"),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-key-secret"),
        ("ALIBABA_CLOUD_REGION_ID", "cn-shanghai"),
    ];
    let run = |args: Vec<String>| {
        tokio::task::spawn_blocking(move || {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            demo(&args, &env)
        })
    };

    // Success, with the credentials and region of the environment.
    let output = run(vec![
        "--endpoint".into(),
        endpoint.clone(),
        "--ticket".into(),
        "my-secret-ticket".into(),
    ])
    .await
    .unwrap();
    let stdout = text(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        text(&output.stderr)
    );
    assert!(stdout.contains("region cn-shanghai"), "{stdout}");
    assert!(stdout.contains("QueryTicketInfo: ticket my-s…"), "{stdout}");
    assert!(!stdout.contains("my-secret-ticket"), "{stdout}");
    assert!(stdout.contains("34534253254325"), "{stdout}");
    let requests = emulator.requests();
    assert_eq!(requests.len(), 2);
    assert!(requests.iter().all(|r| r.verdict.is_accepted()));
    assert_eq!(requests[0].param("Ticket"), Some("my-secret-ticket"));

    // A service error: code, message and request id on stderr, exit status 1.
    emulator.script_for("QueryCashCoupons", Reply::error("NotAuthorized"));
    let output = run(vec!["--endpoint".into(), endpoint.clone()])
        .await
        .unwrap();
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(text(&output.stdout).contains("QueryTicketInfo skipped"));
    let request_id = emulator.requests().pop().unwrap().request_id.unwrap();
    for expected in [
        "error: QueryCashCoupons failed: the service answered HTTP 400",
        "code:       NotAuthorized",
        "message:    This API is not authorized for caller.",
        &format!("request id: {request_id}"),
    ] {
        assert!(stderr.contains(expected), "{expected}: {stderr}");
    }
}

#[test]
fn nothing_listening_is_a_network_error_and_exit_status_1() {
    // A port that was free a moment ago.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let output = demo(
        &[
            "--endpoint",
            &format!("http://127.0.0.1:{port}"),
            "--ticket",
            "t",
        ],
        &[
            ("ALIBABA_CLOUD_ACCESS_KEY_ID", "id"),
            ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "secret"),
        ],
    );
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("error: QueryTicketInfo failed: could not connect"),
        "{stderr}"
    );
    // No answer, so no request id; the stdout header was printed before the failure.
    assert!(!stderr.contains("request id"), "{stderr}");
    assert!(
        text(&output.stdout)
            .starts_with("Alibaba Cloud, region (none), endpoint http://127.0.0.1:")
    );
}

#[test]
fn help_and_usage_errors() {
    let output = demo(&["--help"], &[]);
    assert!(output.status.success());
    let stdout = text(&output.stdout);
    assert!(stdout.contains("--emulator") && stdout.contains("--signature-version"));

    let output = demo(&["--frobnicate"], &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("unknown argument `--frobnicate`"));

    let output = demo(&["--emulator", "--endpoint", "http://127.0.0.1:1"], &[]);
    assert_eq!(output.status.code(), Some(2));
}
