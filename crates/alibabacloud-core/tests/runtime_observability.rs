//! Tracing: spans per call and per attempt with the useful fields, and never a secret, a token,
//! a signature or a secret parameter at any level.
#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use alibabacloud_core::credentials::Credentials;
use alibabacloud_core::{
    ApiStyle, CallOptions, Config, HttpMethod, Operation, OperationType, ParamLocation, Params,
    ProductEndpoints, RetryConfig, Runtime, SignatureVersion,
};
use alibabacloud_emulator::{Emulator, Reply};
use http::StatusCode;
use tracing_subscriber::fmt::format::FmtSpan;

const STS_ID: &str = "STS.ObservedKeyId";
const STS_SECRET: &str = "ObservedSecret-9f8e7d";
const STS_TOKEN: &str = "ObservedToken-1a2b3c";
const TICKET: &str = "a27a9aec-1111-2222-bd40-1a21ea41d7c5";

static PRODUCT: ProductEndpoints = ProductEndpoints {
    product: "quickbi-public",
    regional: &[],
    vpc: &[],
    rule: None,
};

const OP: Operation = Operation {
    product: "quickbi-public",
    action: "QueryTicketInfo",
    version: "2022-01-01",
    method: HttpMethod::Post,
    style: ApiStyle::Rpc,
    operation_type: OperationType::Read,
    secret_response_fields: &[],
};

/// A writer into a shared buffer, for capturing log output.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Capture {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

#[tokio::test]
async fn logs_have_spans_with_fields_and_no_secrets() {
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(FmtSpan::FULL)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let server = Emulator::new()
        .sts_credential(STS_ID, STS_SECRET, STS_TOKEN)
        .start()
        .await
        .unwrap();
    // A throttled first attempt (retried), then an error whose message echoes the ticket, as
    // Quick BI's `Authorize3rdTicket.Expired` ("Ticket [%s] has expired.") does.
    server.script_all([
        Reply::throttling().retry_after(Duration::from_millis(5)),
        Reply::error_with(
            StatusCode::BAD_REQUEST,
            "Authorize3rdTicket.Expired",
            format!("Ticket [{TICKET}] has expired."),
        ),
    ]);
    let mut errors = Vec::new();
    for style in [SignatureVersion::Acs3HmacSha256, SignatureVersion::HmacSha1] {
        let rt = Runtime::new(
            Config::builder()
                .endpoint(server.endpoint())
                .signature_version(style)
                .credentials_provider(
                    Credentials::new(STS_ID, STS_SECRET)
                        .unwrap()
                        .with_security_token(STS_TOKEN),
                )
                .retry(RetryConfig::default().with_initial_backoff(Duration::from_millis(1)))
                .build()
                .unwrap(),
            &PRODUCT,
        );
        let mut params = Params::new();
        params.push_secret(ParamLocation::Query, "Ticket", TICKET);
        let result = rt.invoke_raw(&OP, params, &CallOptions::new()).await;
        if let Err(e) = result {
            errors.push(format!("{e} | {e:?}"));
        }
        // A signature mismatch (wrong secret) makes the gateway echo its string-to-sign, which
        // holds the ticket percent-encoded: it must be scrubbed too.
        let wrong = Runtime::new(
            rt.config()
                .to_builder()
                .credentials_provider(
                    Credentials::new(STS_ID, "wrong")
                        .unwrap()
                        .with_security_token(STS_TOKEN),
                )
                .build()
                .unwrap(),
            &PRODUCT,
        );
        let mut params = Params::new();
        params.push_secret(ParamLocation::Query, "Ticket", TICKET);
        let e = wrong
            .invoke_raw(&OP, params, &CallOptions::new())
            .await
            .unwrap_err();
        assert_eq!(
            e.as_service_error().unwrap().code_str(),
            "SignatureDoesNotMatch"
        );
        errors.push(format!(
            "{e} | {e:?} | {}",
            String::from_utf8_lossy(e.as_service_error().unwrap().body())
        ));
    }
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert!(errors[0].contains("Authorize3rdTicket.Expired"));
    assert!(
        errors[0].contains("Ticket [***] has expired."),
        "{}",
        errors[0]
    );

    let signatures: Vec<String> = server
        .requests()
        .iter()
        .filter_map(|r| {
            r.header("authorization")
                .and_then(|a| a.rsplit("Signature=").next())
                .or_else(|| r.param("Signature"))
                .map(str::to_string)
        })
        .collect();
    assert!(signatures.len() >= 5, "{signatures:?}");

    drop(_guard);
    let logs = capture.text();
    // The useful fields are there.
    for needle in [
        "alibabacloud.call",
        "alibabacloud.attempt",
        "product=\"quickbi-public\"",
        "action=\"QueryTicketInfo\"",
        "attempt=1",
        "attempt=2",
        "status=400",
        "request_id=",
        "elapsed_ms=",
        "retrying",
    ] {
        assert!(logs.contains(needle), "missing {needle:?} in logs:\n{logs}");
    }
    // The secrets are not, at any level, nor in the errors.
    let encoded_ticket = TICKET.replace('-', "%2D");
    for secret in [STS_SECRET, STS_TOKEN, TICKET, &encoded_ticket, "wrong"] {
        assert!(!logs.contains(secret), "{secret:?} leaked into the logs");
        for e in &errors {
            assert!(!e.contains(secret), "{secret:?} leaked into an error: {e}");
        }
    }
    for signature in &signatures {
        assert!(
            !logs.contains(signature.as_str()),
            "a signature leaked into the logs"
        );
    }
}
