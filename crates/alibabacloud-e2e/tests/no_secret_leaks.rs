//! No secret in any error, `Debug`, `Display`, source chain or log line, whatever the input.
//!
//! Every secret of a call (the AccessKey secret, the STS token, the secret parameter `Ticket`
//! of Quick BI's `QueryTicketInfo` and its secret response field `AccessTicket`) and of the
//! credentials sources (environment, aliyun CLI file, INI file, OIDC token, metadata service
//! token and answers, credentials URI query, the CloudSSO access token, the OAuth access and
//! refresh tokens, an External command's arguments and output) is pushed through every error
//! path: servers that
//! echo everything they received (query, headers, body, a string-to-sign) into every field of
//! an error body, `Success: false` bodies, undecodable and truncated bodies, non-UTF-8 bodies,
//! HTML pages, the emulator's signature mismatch, broken credential files and failing
//! credential services. Everything that can be shown of the outcome is then searched for each
//! secret as is and percent-encoded once and twice, with a TRACE-level log of it all.

#![allow(clippy::unwrap_used)]

mod common;

#[path = "../../alibabacloud-core/tests/support/raw_server.rs"]
mod raw_server;

use std::fmt::Write as _;
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use alibabacloud_core::credentials::{
    CliProfileProvider, CredentialsProviderChain, ProvideCredentials, ProviderConfig,
};
use alibabacloud_core::env::Env;
use alibabacloud_core::signing::percent_encode;
use alibabacloud_core::{Config, Credentials, RetryConfig, SignatureVersion};
use alibabacloud_quickbi_public20220101 as quickbi;
use raw_server::{RawRequest, RawServer, answer};

const AK_SECRET: &str = "AkSecret/For+Leak=Test";
const STS_TOKEN: &str = "StsToken+Leak/Check==";
const TICKET: &str = "tick et-0001*é";
const ACCESS_TICKET: &str = "ResponseAccessTicket-7777";
const ENV_SECRET: &str = "EnvSecret-Leak-0001";
const CLI_SECRET: &str = "CliSecret-Leak-0002";
const CLI_TOKEN: &str = "CliStsToken-Leak-0003";
const INI_SECRET: &str = "IniSecret-Leak-0004";
const OIDC_TOKEN: &str = "eyJOidcToken.Leak.0005";
const IMDS_TOKEN: &str = "ImdsSessionToken-Leak-0006";
const IMDS_SECRET: &str = "ImdsSecret-Leak-0007";
const URI_TOKEN: &str = "UriQueryToken-Leak-0008";
const SSO_TOKEN: &str = "SsoAccess+Token/Leak=0009";
const OAUTH_ACCESS: &str = "OAuthAccess+Token/Leak=0010";
const OAUTH_REFRESH: &str = "OAuthRefresh+Token/Leak=0011";
const EXT_SECRET: &str = "ExternalOutput-Leak-0012";
const EXT_ARG: &str = "ExternalArgument-Leak-0013";

const ALL: [&str; 17] = [
    AK_SECRET,
    STS_TOKEN,
    TICKET,
    ACCESS_TICKET,
    ENV_SECRET,
    CLI_SECRET,
    CLI_TOKEN,
    INI_SECRET,
    OIDC_TOKEN,
    IMDS_TOKEN,
    IMDS_SECRET,
    URI_TOKEN,
    SSO_TOKEN,
    OAUTH_ACCESS,
    OAUTH_REFRESH,
    EXT_SECRET,
    EXT_ARG,
];

/// Everything `tracing` writes, at every level, from every thread.
#[derive(Clone, Default)]
struct Log(Arc<Mutex<Vec<u8>>>);

impl Write for Log {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The text of an error: `Display`, `Debug`, and both for each source, down the chain.
fn describe(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = format!("{error}\n{error:?}\n");
    let mut source = error.source();
    while let Some(e) = source {
        let _ = writeln!(text, "source: {e}\n{e:?}");
        source = e.source();
    }
    text
}

/// Fails if `text` holds a secret, as is or percent-encoded once or twice.
fn assert_clean(what: &str, text: &str) {
    for secret in ALL {
        let once = percent_encode(secret).into_owned();
        let twice = percent_encode(&once).into_owned();
        for form in [secret, &once, &twice] {
            assert!(!text.contains(form), "{what}: `{form}` shows in:\n{text}");
        }
    }
}

/// What an echoing server saw, in the forms a gateway quotes a request: the request line
/// and headers, the body, and the query as a string-to-sign (encoded once more).
fn echo_request(request: &RawRequest) -> String {
    let query = request
        .request_line()
        .split_once('?')
        .and_then(|(_, rest)| rest.split_once(' '))
        .map_or("", |(query, _)| query);
    format!(
        "{}\n{}\nstring to sign: POST&%2F&{}",
        request.head,
        String::from_utf8_lossy(&request.body),
        percent_encode(query)
    )
}

/// [`echo_request`], and the call's secrets in plain text (even the AccessKey secret, which
/// no server should know): whatever a server says, the call's errors do not repeat them.
fn echo(request: &RawRequest) -> String {
    format!(
        "{}\nkey: {AK_SECRET} ticket: {TICKET}",
        echo_request(request)
    )
}

/// An HTTP answer with `status`, `body` and the ticket (encoded) as request id.
fn http(status: u16, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut answer = format!(
        "HTTP/1.1 {status} X\r\ncontent-type: {content_type}\r\nx-acs-request-id: {}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        percent_encode(TICKET),
        body.len()
    )
    .into_bytes();
    answer.extend_from_slice(body);
    answer
}

/// The ways a server can answer with what it saw.
#[derive(Clone, Copy, Debug)]
enum Echo {
    /// A 400 error document with the echo in every field.
    ErrorDocument,
    /// The same as a 503 (retried, then reported).
    ServerError,
    /// A 200 saying `"Success": false`, the echo in every field.
    SuccessFalse,
    /// A 200 in the documented shape with the secret response field and a wrongly typed one.
    WrongType,
    /// A 200 cut in the middle, after the secret response field.
    Truncated,
    /// A 200 and a 500 whose bodies are not UTF-8.
    NotUtf8,
    NotUtf8Error,
    /// A proxy's HTML page.
    Html,
}

fn reply(kind: Echo, request: &RawRequest) -> Vec<u8> {
    let echo = echo(request);
    let fields = serde_json::json!({
        "Code": format!("Echo.{TICKET}"),
        "Message": echo,
        "RequestId": TICKET,
        "HostId": echo,
        "Recommend": format!("https://r?q={}", percent_encode(&echo)),
        "AccessDeniedDetail": {"Echo": echo, "AccessTicket": ACCESS_TICKET},
        "Result": {"AccessTicket": ACCESS_TICKET},
    });
    match kind {
        Echo::ErrorDocument => http(400, "application/json", fields.to_string().as_bytes()),
        Echo::ServerError => http(503, "application/json", fields.to_string().as_bytes()),
        Echo::SuccessFalse => {
            let mut body = fields;
            body["Success"] = false.into();
            http(200, "application/json", body.to_string().as_bytes())
        }
        Echo::WrongType => {
            let body = serde_json::json!({
                "RequestId": "R",
                "Success": true,
                "Result": {"AccessTicket": ACCESS_TICKET, "UserId": {"echo": echo}, "MaxTicketNum": echo},
            });
            http(200, "application/json", body.to_string().as_bytes())
        }
        Echo::Truncated => {
            let body = format!(
                "{{\"Result\":{{\"AccessTicket\":\"{ACCESS_TICKET}\",\"Echo\":{}",
                serde_json::to_string(&echo).unwrap()
            );
            http(200, "application/json", &body.as_bytes()[..body.len() - 3])
        }
        Echo::NotUtf8 | Echo::NotUtf8Error => {
            let mut body = b"\xff\xfe\x00".to_vec();
            body.extend_from_slice(echo.as_bytes());
            body.extend_from_slice(format!(" \"AccessTicket\": \"{ACCESS_TICKET}\" ").as_bytes());
            body.extend_from_slice(b"\xc3");
            let status = if matches!(kind, Echo::NotUtf8) {
                200
            } else {
                500
            };
            http(status, "application/json", &body)
        }
        Echo::Html => http(
            502,
            "text/html",
            format!("<html><body><pre>{echo}</pre></body></html>").as_bytes(),
        ),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_secret_in_any_error_debug_display_source_or_log() {
    let log = Log::default();
    let writer = log.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::FULL)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    tracing::subscriber::set_global_default(subscriber).unwrap();

    let mut shown = String::new();
    calls_to_echoing_servers(&mut shown).await;
    signature_mismatch_at_the_emulator(&mut shown).await;
    credentials_sources_that_fail(&mut shown).await;
    cli_sign_ins_and_commands_that_fail(&mut shown).await;

    assert!(
        shown.contains("***"),
        "the secrets were scrubbed, not absent: {shown}"
    );
    assert_clean("errors", &shown);
    let log = String::from_utf8_lossy(&log.0.lock().unwrap()).into_owned();
    assert!(
        log.contains("alibabacloud.call") && log.contains("retrying"),
        "{log}"
    );
    assert!(log.contains("ini_profile") && log.contains("WARN"), "{log}");
    assert_clean("the TRACE log", &log);
}

async fn calls_to_echoing_servers(shown: &mut String) {
    let kinds = [
        Echo::ErrorDocument,
        Echo::ServerError,
        Echo::SuccessFalse,
        Echo::WrongType,
        Echo::Truncated,
        Echo::NotUtf8,
        Echo::NotUtf8Error,
        Echo::Html,
    ];
    for kind in kinds {
        let server = RawServer::start(move |stream, request| async move {
            answer(stream, &reply(kind, &request)).await;
        })
        .await;
        for style in [SignatureVersion::Acs3HmacSha256, SignatureVersion::HmacSha1] {
            let config = Config::builder()
                .endpoint(server.endpoint())
                .credentials_provider(
                    Credentials::new("STS.LeakTestId", AK_SECRET).with_security_token(STS_TOKEN),
                )
                .signature_version(style)
                .retry(RetryConfig::default().with_initial_backoff(Duration::from_millis(1)))
                .build()
                .unwrap();
            let client = quickbi::Client::new(config);
            let builder = client.query_ticket_info().ticket(TICKET);
            let _ = writeln!(shown, "{client:?}\n{builder:?}\n{:?}", client.config());
            let err = builder.send().await.unwrap_err();
            let _ = writeln!(shown, "{kind:?} {style:?}: {}", describe(&err));
            match &err {
                quickbi::Error::Service(service) => {
                    let _ = writeln!(
                        shown,
                        "{:?} {:?} {:?} {:?} {:?} {}",
                        service.code(),
                        service.request_id(),
                        service.host_id(),
                        service.recommend(),
                        service.access_denied_detail(),
                        String::from_utf8_lossy(service.body())
                    );
                }
                quickbi::Error::Response(response) => {
                    let _ = writeln!(
                        shown,
                        "{:?} {}",
                        response.request_id(),
                        String::from_utf8_lossy(response.body())
                    );
                }
                other => panic!("{kind:?} {style:?}: {other:?}"),
            }
        }
        // The echo reached the server: the checks above were not vacuous.
        let seen = server.requests();
        assert!(
            seen.iter()
                .any(|r| echo(r).contains(TICKET) || r.head.contains(&*percent_encode(TICKET)))
        );
    }

    // The documented answer: the secret field decodes, and `Debug` hides it.
    let server = RawServer::start(|stream, _| async move {
        let body = serde_json::json!({"RequestId": "R", "Success": true, "Result": {"AccessTicket": ACCESS_TICKET}});
        answer(stream, &http(200, "application/json", body.to_string().as_bytes())).await;
    })
    .await;
    let client = quickbi::Client::new(
        Config::builder()
            .endpoint(server.endpoint())
            .credentials_provider(Credentials::new("id", AK_SECRET))
            .build()
            .unwrap(),
    );
    let response = client
        .query_ticket_info()
        .ticket(TICKET)
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.result.access_ticket.as_deref(),
        Some(ACCESS_TICKET)
    );
    let _ = writeln!(shown, "{response:?} {response:#?}");
}

async fn signature_mismatch_at_the_emulator(shown: &mut String) {
    // The emulator quotes its string-to-sign (and canonical request) like the gateway.
    let emulator = alibabacloud_emulator::Emulator::new()
        .sts_credential("STS.LeakTestId", "TheRealSecret", STS_TOKEN)
        .start()
        .await
        .unwrap();
    for style in [SignatureVersion::Acs3HmacSha256, SignatureVersion::HmacSha1] {
        let client = quickbi::Client::new(
            Config::builder()
                .endpoint(emulator.endpoint())
                .credentials_provider(
                    Credentials::new("STS.LeakTestId", AK_SECRET).with_security_token(STS_TOKEN),
                )
                .signature_version(style)
                .build()
                .unwrap(),
        );
        let err = client
            .query_ticket_info()
            .ticket(TICKET)
            .send()
            .await
            .unwrap_err();
        let service = err.as_service_error().unwrap();
        assert_eq!(service.code_str(), "SignatureDoesNotMatch");
        let _ = writeln!(
            shown,
            "{}\n{}",
            describe(&err),
            String::from_utf8_lossy(service.body())
        );
    }
}

async fn credentials_sources_that_fail(shown: &mut String) {
    let home = tempfile::tempdir().unwrap();
    let write = |relative: &str, text: &str| {
        let path = home.path().join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    };
    // A CLI profile without its AccessKey id; an INI file with a quote left open.
    write(
        ".aliyun/config.json",
        &serde_json::json!({"current": "default", "profiles": [
            {"name": "default", "mode": "StsToken", "access_key_secret": CLI_SECRET, "sts_token": CLI_TOKEN},
        ]})
        .to_string(),
    );
    write(
        ".alibabacloud/credentials",
        &format!(
            "[default]\ntype = \"access_key\naccess_key_id = LTAIleak\naccess_key_secret = {INI_SECRET}\n\n[x]\ntype = \"access_key\"\n"
        ),
    );
    let oidc = write("oidc-token", OIDC_TOKEN);
    // STS, the metadata service and a credentials URI that echo what they receive.
    let sts = RawServer::start(|stream, request| async move {
        let body = serde_json::json!({
            "Code": "InvalidParameter.OIDCToken",
            "Message": echo_request(&request),
            "RequestId": "R",
        });
        answer(
            stream,
            &http(400, "application/json", body.to_string().as_bytes()),
        )
        .await;
    })
    .await;
    let imds = RawServer::start(|stream, request| async move {
        if request.request_line().starts_with("PUT") {
            answer(stream, &http(200, "text/plain", IMDS_TOKEN.as_bytes())).await;
        } else {
            let body = format!(
                "{}\n{{\"AccessKeySecret\":\"{IMDS_SECRET}\",\"SecurityToken\":\"{IMDS_TOKEN}\"}}",
                echo_request(&request)
            );
            answer(stream, &http(500, "text/plain", body.as_bytes())).await;
        }
    })
    .await;
    let uri = RawServer::start(|stream, request| async move {
        let body = format!(
            "{}\n{{\"AccessKeySecret\":\"{IMDS_SECRET}\",\"SecurityToken\":\"{IMDS_TOKEN}\"}}",
            echo_request(&request)
        );
        answer(stream, &http(503, "text/plain", body.as_bytes())).await;
    })
    .await;
    let env = Env::from_pairs([
        ("HOME".to_owned(), home.path().display().to_string()),
        (
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET".to_owned(),
            ENV_SECRET.to_owned(),
        ),
        (
            "ALIBABA_CLOUD_ROLE_ARN".to_owned(),
            "acs:ram::1:role/leak".to_owned(),
        ),
        (
            "ALIBABA_CLOUD_OIDC_PROVIDER_ARN".to_owned(),
            "acs:ram::1:oidc-provider/leak".to_owned(),
        ),
        (
            "ALIBABA_CLOUD_OIDC_TOKEN_FILE".to_owned(),
            oidc.display().to_string(),
        ),
        (
            "ALIBABA_CLOUD_CREDENTIALS_URI".to_owned(),
            format!("{}/credentials?token={URI_TOKEN}", uri.endpoint()),
        ),
    ]);
    let config = ProviderConfig::new()
        .with_env(env.clone())
        .with_sts_endpoint(sts.endpoint())
        .with_metadata_endpoint(imds.endpoint());
    let _ = writeln!(shown, "{env:?} {config:?}");
    let chain = CredentialsProviderChain::default_chain(&config);
    let _ = writeln!(shown, "{chain:?}");
    let error = chain.provide_credentials().await.unwrap_err();
    let _ = writeln!(shown, "{}", describe(&error));
    for attempt in error.attempts() {
        let _ = writeln!(shown, "{}", describe(attempt));
    }
    assert_eq!(error.attempts().len(), 6, "{error}");
    // Each source was reached, so each echo was offered to the errors.
    assert!(!sts.requests().is_empty() && !uri.requests().is_empty());
    assert!(imds.requests().len() >= 2);
    assert!(imds.requests().iter().any(|r| r.head.contains(IMDS_TOKEN)));

    // The same chain behind a client: the call fails with the chain's error.
    let client = quickbi::Client::new(
        Config::builder()
            .endpoint(sts.endpoint())
            .credentials_provider(chain)
            .build()
            .unwrap(),
    );
    let err = client
        .query_ticket_info()
        .ticket(TICKET)
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, quickbi::Error::Credentials(_)), "{err:?}");
    let _ = writeln!(shown, "{}", describe(&err));
}

/// The aliyun CLI's CloudSSO and OAuth sign-in services echoing what they receive (the bearer
/// token in the headers, the refresh token in the form), and External commands that print
/// secrets where they should not.
async fn cli_sign_ins_and_commands_that_fail(shown: &mut String) {
    let home = tempfile::tempdir().unwrap();
    let portal = RawServer::start(|stream, request| async move {
        let body = serde_json::json!({
            "Code": "InvalidToken",
            "Message": echo_request(&request),
            "error": "invalid_grant",
            "error_description": echo_request(&request),
            "RequestId": "R",
        });
        answer(
            stream,
            &http(401, "application/json", body.to_string().as_bytes()),
        )
        .await;
    })
    .await;
    let far = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        + 8 * 3600;
    let mut profiles = vec![
        serde_json::json!({"name": "sso", "mode": "CloudSSO", "access_token": SSO_TOKEN,
            "cloud_sso_sign_in_url": format!("{}/login", portal.endpoint()), "cloud_sso_account_id": "1",
            "cloud_sso_access_config": "ac", "cloud_sso_access_token_expire": far}),
        // The refresh: the refresh token in the form, echoed.
        serde_json::json!({"name": "refresh", "mode": "OAuth", "oauth_site_type": "INTL",
            "oauth_access_token": OAUTH_ACCESS, "oauth_access_token_expire": 1,
            "oauth_refresh_token": OAUTH_REFRESH}),
        // The exchange: the access token in the header, echoed.
        serde_json::json!({"name": "exchange", "mode": "OAuth", "oauth_site_type": "CN",
            "oauth_access_token": OAUTH_ACCESS, "oauth_access_token_expire": far,
            "oauth_refresh_token": OAUTH_REFRESH}),
    ];
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let commands = [
            format!("echo {EXT_SECRET} >&2; echo {EXT_SECRET}; exit 2"),
            format!(
                "echo '{{\"access_key_id\": [\"{EXT_SECRET}\"], \"access_key_secret\": \"{EXT_SECRET}\"}}'"
            ),
            format!("echo 'not json {EXT_SECRET}'"),
        ];
        for (i, body) in commands.iter().enumerate() {
            let path = home.path().join(format!("tool{i}"));
            std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
            profiles.push(
                serde_json::json!({"name": format!("ext{i}"), "mode": "External",
                "process_command": format!("{} --token {EXT_ARG}", path.display())}),
            );
        }
        profiles.push(serde_json::json!({"name": "badcommand", "mode": "External",
            "process_command": format!("tool --token '{EXT_ARG}")}));
    }
    let names: Vec<String> = profiles
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_owned())
        .collect();
    std::fs::create_dir_all(home.path().join(".aliyun")).unwrap();
    std::fs::write(
        home.path().join(".aliyun/config.json"),
        serde_json::json!({"current": "sso", "profiles": profiles}).to_string(),
    )
    .unwrap();
    let config = ProviderConfig::new()
        .with_env(Env::from_pairs([(
            "HOME".to_owned(),
            home.path().display().to_string(),
        )]))
        .with_oauth_sign_in_url(portal.endpoint());
    let expected = [
        "HTTP 401: InvalidToken",
        "/v1/token answered HTTP 401",
        "/v1/exchange answered HTTP 401",
        "exit status 2",
        "not a string",
        "not JSON",
        "invalid `process_command`",
    ];
    for (name, expected) in names.iter().zip(expected) {
        let provider = CliProfileProvider::new(&config).with_profile(name.as_str());
        let error = provider.provide_credentials().await.unwrap_err();
        let text = describe(&error);
        assert!(text.contains(expected), "{name}: {text}");
        let _ = writeln!(shown, "{provider:?}\n{text}");
    }
    // Each service was reached with the secret it echoes.
    let seen: Vec<String> = portal.requests().iter().map(echo_request).collect();
    assert!(seen.iter().any(|r| r.contains(SSO_TOKEN)));
    assert!(seen.iter().any(|r| r.contains(OAUTH_ACCESS)));
    assert!(
        seen.iter()
            .any(|r| r.contains(&*percent_encode(OAUTH_REFRESH)))
    );
}
