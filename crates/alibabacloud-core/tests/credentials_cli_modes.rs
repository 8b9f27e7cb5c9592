//! The aliyun CLI's `CloudSSO`, `OAuth` and `External` profiles: each exchange against a
//! server on 127.0.0.1 that checks the request as the real service would (path, method,
//! headers, body), expired tokens, refresh, bad answers, the write-back into `config.json`,
//! and no secret in any error or log line.

#![allow(clippy::unwrap_used)]

#[path = "support/credentials_servers.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, UNIX_EPOCH};

use alibabacloud_core::credentials::{
    CacheSettings, CliProfileProvider, CredentialsError, CredentialsErrorKind, ProvideCredentials,
    ProviderConfig,
};
use alibabacloud_core::env::Env;
use alibabacloud_core::time_source::TimeSource;
use serde_json::{Value, json};
use support::{Answer, LogCapture, Seen, SharedClock, TestServer, eventually, iso8601, ready};

const SSO_TOKEN: &str = "SsoAccessToken-Leak-0001";
const OAUTH_REFRESH: &str = "OAuthRefresh-0";
const OAUTH_ACCESS: &str = "OAuthAccess-0";
const STS_SECRET: &str = "PortalStsSecret-0002";
const STS_TOKEN: &str = "PortalStsToken-0003";
const CN_CLIENT_ID: &str = "4038181954557748008";

/// A home directory with an aliyun CLI file, and the clock the providers and servers share.
struct Home {
    dir: tempfile::TempDir,
    clock: SharedClock,
}

impl Home {
    fn new() -> Self {
        Home {
            dir: tempfile::tempdir().unwrap(),
            clock: SharedClock::now(),
        }
    }
    fn path(&self) -> &Path {
        self.dir.path()
    }
    fn cli(&self) -> PathBuf {
        self.path().join(".aliyun/config.json")
    }
    fn write_cli(&self, config: &Value) {
        std::fs::create_dir_all(self.cli().parent().unwrap()).unwrap();
        std::fs::write(self.cli(), serde_json::to_string_pretty(config).unwrap()).unwrap();
    }
    fn read_cli(&self) -> Value {
        serde_json::from_str(&std::fs::read_to_string(self.cli()).unwrap()).unwrap()
    }
    fn profile(&self, name: &str) -> Value {
        self.read_cli()["profiles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .unwrap()
            .clone()
    }
    fn config(&self) -> ProviderConfig {
        ProviderConfig::new()
            .with_env(Env::from_pairs([(
                "HOME".to_owned(),
                self.path().display().to_string(),
            )]))
            .with_time_source(self.clock.clone())
            .with_cache_settings(CacheSettings::new().with_refresh_jitter(Duration::ZERO))
    }
    /// Unix seconds, `secs` from the clock's now.
    fn unix_in(&self, secs: i64) -> i64 {
        let now = self
            .clock
            .now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs();
        i64::try_from(now).unwrap() + secs
    }
}

/// The error of the CLI profile provider for `config`.
async fn cli_error(config: &ProviderConfig) -> CredentialsError {
    CliProfileProvider::new(config)
        .provide_credentials()
        .await
        .unwrap_err()
}

fn assert_mentions(error: &CredentialsError, parts: &[&str]) {
    let text = format!("{error} {error:?}");
    for part in parts {
        assert!(text.contains(part), "expected `{part}` in: {text}");
    }
    assert_no_secret(&text);
}

fn assert_no_secret(text: &str) {
    for secret in [
        SSO_TOKEN,
        OAUTH_REFRESH,
        OAUTH_ACCESS,
        "OAuthRefresh-1",
        "OAuthAccess-1",
        STS_SECRET,
        STS_TOKEN,
        "ExtSecret-0001",
        "ExtToken-0002",
        "StderrSecret-0003",
        "ArgToken-0004",
    ] {
        assert!(!text.contains(secret), "`{secret}` shows in: {text}");
    }
}

/// The STS credentials a portal answers, expiring an hour after `clock`'s now.
fn sts_credentials(id: &str, clock: &SharedClock) -> Value {
    json!({
        "AccessKeyId": id,
        "AccessKeySecret": STS_SECRET,
        "SecurityToken": STS_TOKEN,
        "Expiration": iso8601(clock.now() + Duration::from_secs(3600)),
    })
}

fn bad_request(why: &str) -> Answer {
    Answer::status(
        400,
        json!({"Code": "BadRequest", "Message": why}).to_string(),
    )
}

// ---------------------------------------------------------------------------------------
// CloudSSO
// ---------------------------------------------------------------------------------------

/// A CloudSSO sign-in portal that accepts the access token in `token`, and checks the request
/// as the portal does: `POST /cloud-credentials`, JSON in and out, the bearer token, the
/// account and access configuration.
async fn sso_portal(clock: &SharedClock, token: Arc<Mutex<String>>) -> TestServer {
    let clock = clock.clone();
    let issued = Arc::new(AtomicUsize::new(0));
    TestServer::start(move |request: &Seen| {
        if request.method != http::Method::POST || request.path != "/cloud-credentials" {
            return Answer::status(404, "no such page");
        }
        let expected = format!("Bearer {}", token.lock().unwrap());
        if request.header("authorization") != Some(expected.as_str()) {
            // Echoes what it got, as some services do.
            return Answer::status(
                401,
                json!({"Code": "InvalidToken", "Message": format!("token {:?} is invalid", request.header("authorization"))}).to_string(),
            );
        }
        if request.header("content-type") != Some("application/json")
            || request.header("accept") != Some("application/json")
        {
            return bad_request("content type");
        }
        let body: Value = serde_json::from_slice(&request.body).unwrap_or(Value::Null);
        if body != json!({"AccountId": "151266", "AccessConfigurationId": "ac-001"}) {
            return bad_request("body");
        }
        let n = issued.fetch_add(1, Ordering::SeqCst) + 1;
        Answer::ok(
            json!({"RequestId": "R", "CloudCredential": sts_credentials(&format!("STS.sso{n}"), &clock)})
                .to_string(),
        )
    })
    .await
}

fn sso_profile(home: &Home, portal: &TestServer, token: &str, expires_in: i64) -> Value {
    json!({
        "name": "sso",
        "mode": "CloudSSO",
        "cloud_sso_sign_in_url": format!("{}/login?from=cli", portal.url()),
        "cloud_sso_account_id": "151266",
        "cloud_sso_access_config": "ac-001",
        "access_token": token,
        "cloud_sso_access_token_expire": home.unix_in(expires_in),
        "region_id": "cn-hangzhou",
    })
}

#[tokio::test]
async fn cloud_sso_exchanges_the_access_token_as_the_portal_expects() {
    let home = Home::new();
    let token = Arc::new(Mutex::new(SSO_TOKEN.to_owned()));
    let portal = sso_portal(&home.clock, token.clone()).await;
    home.write_cli(
        &json!({"current": "sso", "profiles": [sso_profile(&home, &portal, SSO_TOKEN, 8 * 3600)]}),
    );
    let provider = CliProfileProvider::new(&home.config());
    let credentials = provider.provide_credentials().await.unwrap();
    assert_eq!(credentials.access_key_id(), "STS.sso1");
    assert_eq!(credentials.access_key_secret(), STS_SECRET);
    assert_eq!(credentials.security_token(), Some(STS_TOKEN));
    assert_eq!(credentials.provider_name(), Some("cloud_sso"));
    assert_eq!(provider.official_name(), "cli_profile/cloud_sso");
    assert!(!format!("{provider:?}").contains(SSO_TOKEN));

    let requests = portal.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(
        (request.method.as_str(), request.path.as_str()),
        ("POST", "/cloud-credentials"),
        "the sign-in URL's path and query are replaced"
    );
    assert_eq!(request.query, None);
    let body: Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(
        body,
        json!({"AccountId": "151266", "AccessConfigurationId": "ac-001"})
    );

    // Cached, then refreshed ahead of expiry (in the background).
    provider.provide_credentials().await.unwrap();
    assert_eq!(portal.requests().len(), 1);
    home.clock.advance_secs(50 * 60);
    assert_eq!(
        provider
            .provide_credentials()
            .await
            .unwrap()
            .access_key_id(),
        "STS.sso1",
        "served at once while the refresh runs"
    );
    assert!(eventually(|| portal.requests().len() == 2).await);
    let mut id = String::new();
    assert!(
        eventually(|| {
            id = ready(provider.provide_credentials())
                .access_key_id()
                .to_owned();
            id == "STS.sso2"
        })
        .await,
        "{id}"
    );
}

#[tokio::test]
async fn cloud_sso_expired_tokens_ask_to_sign_in_again_or_take_the_new_sign_in() {
    let home = Home::new();
    let token = Arc::new(Mutex::new(SSO_TOKEN.to_owned()));
    let portal = sso_portal(&home.clock, token.clone()).await;

    // Expired when the profile is read: refused, no request.
    home.write_cli(
        &json!({"current": "sso", "profiles": [sso_profile(&home, &portal, SSO_TOKEN, -60)]}),
    );
    let error = cli_error(&home.config()).await;
    assert_eq!(error.kind(), CredentialsErrorKind::InvalidConfiguration);
    assert_mentions(
        &error,
        &[
            "profile `sso` (mode CloudSSO)",
            &home.cli().display().to_string(),
            "sign in again",
            "aliyun configure --mode CloudSSO",
        ],
    );
    assert!(portal.requests().is_empty());

    // Expiring while the process runs: at the next refresh the profile is read again, and the
    // token of a new sign-in is used.
    home.write_cli(
        &json!({"current": "sso", "profiles": [sso_profile(&home, &portal, SSO_TOKEN, 30 * 60)]}),
    );
    let provider = CliProfileProvider::new(
        &home
            .config()
            .with_cache_settings(CacheSettings::new().with_background_refresh(false)),
    );
    assert_eq!(
        provider
            .provide_credentials()
            .await
            .unwrap()
            .access_key_id(),
        "STS.sso1"
    );
    home.clock.advance_secs(50 * 60);
    *token.lock().unwrap() = "SsoAccessToken-Renewed".to_owned();
    home.write_cli(&json!({"current": "sso", "profiles": [sso_profile(&home, &portal, "SsoAccessToken-Renewed", 8 * 3600)]}));
    assert_eq!(
        provider
            .provide_credentials()
            .await
            .unwrap()
            .access_key_id(),
        "STS.sso2"
    );
    assert_eq!(
        portal.requests()[1].header("authorization"),
        Some("Bearer SsoAccessToken-Renewed")
    );

    // Without a new sign-in, once the credentials have expired too: the error says what to do.
    home.clock.advance_secs(9 * 3600);
    let error = provider.provide_credentials().await.unwrap_err();
    assert_eq!(error.kind(), CredentialsErrorKind::InvalidConfiguration);
    assert_mentions(&error, &["profile `sso`", "has expired", "sign in again"]);
    assert_eq!(portal.requests().len(), 2);
}

#[tokio::test]
async fn cloud_sso_bad_answers_are_errors_without_secrets() {
    let home = Home::new();
    let mode = Arc::new(AtomicUsize::new(0));
    let answer_mode = mode.clone();
    let clock = home.clock.clone();
    let portal = TestServer::start(move |request: &Seen| {
        let echo = format!("{:?}", request.header("authorization"));
        match answer_mode.load(Ordering::SeqCst) {
            0 => Answer::status(
                401,
                json!({"Code": "InvalidToken", "Message": format!("bad {echo}"), "RequestId": "R1"}).to_string(),
            ),
            1 => Answer::ok(json!({"RequestId": "R"}).to_string()),
            2 => {
                let mut credentials = sts_credentials("STS.x", &clock);
                credentials.as_object_mut().unwrap().remove("Expiration");
                Answer::ok(json!({"CloudCredential": credentials}).to_string())
            }
            3 => Answer::ok(format!("<html>{echo} {STS_SECRET}</html>")),
            _ => Answer::status(502, format!("<html>proxy {echo}</html>")),
        }
    })
    .await;
    home.write_cli(
        &json!({"current": "sso", "profiles": [sso_profile(&home, &portal, SSO_TOKEN, 8 * 3600)]}),
    );
    let provider = CliProfileProvider::new(&home.config());
    let cases: [&[&str]; 5] = [
        &["HTTP 401", "InvalidToken", "RequestId R1", "sign in again"],
        &["no `CloudCredential` object"],
        &["field `CloudCredential.Expiration` is missing"],
        &["not JSON"],
        &["HTTP 502"],
    ];
    let (logs, guard) = LogCapture::start();
    for (i, expected) in cases.iter().enumerate() {
        mode.store(i, Ordering::SeqCst);
        let error = provider.provide_credentials().await.unwrap_err();
        assert_eq!(
            error.kind(),
            CredentialsErrorKind::ProviderFailed,
            "{error}"
        );
        let mut parts = expected.to_vec();
        parts.push("profile `sso` (mode CloudSSO)");
        assert_mentions(&error, &parts);
    }
    drop(guard);
    assert_no_secret(&logs.text());
}

// ---------------------------------------------------------------------------------------
// OAuth
// ---------------------------------------------------------------------------------------

/// The tokens the sign-in service considers valid.
#[derive(Debug)]
struct OAuthState {
    access: String,
    refresh: String,
    issued: usize,
    /// The exchange answers with camelCase names, as credentials-go's structure reads them.
    camel_case: bool,
    /// The exchange answers `{"error": ...}`.
    exchange_error: bool,
}

/// A form body, decoded.
fn form(body: &[u8]) -> Vec<(String, String)> {
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(&s.replace('+', " "))
            .decode_utf8()
            .unwrap()
            .into_owned()
    };
    std::str::from_utf8(body)
        .unwrap()
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// An OAuth sign-in service: `POST /v1/token` (refresh grant, form) rotates the tokens;
/// `POST /v1/exchange` (bearer) answers STS credentials.
async fn oauth_service(clock: &SharedClock, state: Arc<Mutex<OAuthState>>) -> TestServer {
    let clock = clock.clone();
    TestServer::start(move |request: &Seen| {
        let mut state = state.lock().unwrap();
        if request.method != http::Method::POST {
            return Answer::status(405, "POST only");
        }
        match request.path.as_str() {
            "/v1/token" => {
                if request.header("content-type") != Some("application/x-www-form-urlencoded") {
                    return bad_request("content type");
                }
                let fields = form(&request.body);
                let get = |k: &str| fields.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
                let timestamp_ok = get("Timestamp").is_some_and(|t| {
                    t.len() == 20 && t.ends_with('Z') && t.as_bytes()[10] == b'T'
                });
                if get("grant_type") != Some("refresh_token")
                    || get("client_id") != Some(CN_CLIENT_ID)
                    || !timestamp_ok
                    || fields.len() != 4
                {
                    return bad_request("form");
                }
                if get("refresh_token") != Some(state.refresh.as_str()) {
                    return Answer::status(
                        400,
                        json!({"error": "invalid_grant", "error_description": format!("refresh token {:?} is not valid", get("refresh_token"))}).to_string(),
                    );
                }
                state.issued += 1;
                state.access = format!("OAuthAccess-{}", state.issued);
                state.refresh = format!("OAuthRefresh-{}", state.issued);
                Answer::ok(
                    json!({"access_token": state.access, "refresh_token": state.refresh, "expires_in": 3600, "token_type": "Bearer"})
                        .to_string(),
                )
            }
            "/v1/exchange" => {
                if request.header("authorization") != Some(format!("Bearer {}", state.access).as_str()) {
                    return Answer::status(
                        401,
                        json!({"error": "invalid_token", "error_description": format!("{:?}", request.header("authorization"))}).to_string(),
                    );
                }
                if request.header("content-type") != Some("application/json") || !request.body.is_empty() {
                    return bad_request("exchange request");
                }
                if state.exchange_error {
                    return Answer::ok(json!({"error": "access_denied", "error_description": "no role"}).to_string());
                }
                let mut credentials = sts_credentials(&format!("STS.oauth-{}", state.issued), &clock);
                if state.camel_case {
                    let object = credentials.as_object().unwrap();
                    credentials = object
                        .iter()
                        .map(|(k, v)| {
                            let mut key = k.clone();
                            key[..1].make_ascii_lowercase();
                            (key, v.clone())
                        })
                        .collect::<serde_json::Map<_, _>>()
                        .into();
                }
                credentials["RequestId"] = "R".into();
                Answer::ok(credentials.to_string())
            }
            _ => Answer::status(404, "no such page"),
        }
    })
    .await
}

fn oauth_state() -> Arc<Mutex<OAuthState>> {
    Arc::new(Mutex::new(OAuthState {
        access: OAUTH_ACCESS.to_owned(),
        refresh: OAUTH_REFRESH.to_owned(),
        issued: 0,
        camel_case: false,
        exchange_error: false,
    }))
}

/// A file with an AK profile and unknown fields besides the OAuth profile `me`.
fn oauth_file(home: &Home, access_expires_in: i64) -> Value {
    json!({
        "current": "me",
        "profiles": [
            {"name": "other", "mode": "AK", "access_key_id": "LTAIother", "access_key_secret": "other-secret",
             "x-extra": {"nested": [1, 2], "z": null}},
            {"name": "me", "mode": "OAuth", "oauth_site_type": "cn",
             "oauth_access_token": OAUTH_ACCESS, "oauth_access_token_expire": home.unix_in(access_expires_in),
             "oauth_refresh_token": OAUTH_REFRESH, "custom_field": "keep me", "region_id": "cn-beijing"},
        ],
        "meta_path": "",
        "future_key": {"b": 2, "a": 1},
    })
}

#[tokio::test]
async fn oauth_refreshes_an_expiring_token_exchanges_it_and_writes_everything_back() {
    let home = Home::new();
    let state = oauth_state();
    let service = oauth_service(&home.clock, state.clone()).await;
    // 10 minutes left: under credentials-go's 20, so the token is refreshed first.
    let original = oauth_file(&home, 600);
    home.write_cli(&original);
    let provider = CliProfileProvider::new(&home.config().with_oauth_sign_in_url(service.url()));
    let credentials = provider.provide_credentials().await.unwrap();
    assert_eq!(credentials.access_key_id(), "STS.oauth-1");
    assert_eq!(credentials.security_token(), Some(STS_TOKEN));
    assert_eq!(credentials.provider_name(), Some("oauth"));
    assert_eq!(provider.official_name(), "cli_profile/oauth");
    assert_eq!(service.paths(), ["POST /v1/token", "POST /v1/exchange"]);
    assert_eq!(
        service.requests()[1].header("authorization"),
        Some("Bearer OAuthAccess-1")
    );

    // Written back as the official SDKs do: the tokens, their expiry, the STS credentials.
    let me = home.profile("me");
    assert_eq!(me["oauth_access_token"], "OAuthAccess-1");
    assert_eq!(me["oauth_refresh_token"], "OAuthRefresh-1");
    assert_eq!(me["oauth_access_token_expire"], home.unix_in(3600));
    assert_eq!(me["access_key_id"], "STS.oauth-1");
    assert_eq!(me["access_key_secret"], STS_SECRET);
    assert_eq!(me["sts_token"], STS_TOKEN);
    assert_eq!(me["sts_expiration"], home.unix_in(3600));
    // Nothing else changed.
    assert_eq!(me["custom_field"], "keep me");
    assert_eq!(me["region_id"], "cn-beijing");
    let file = home.read_cli();
    assert_eq!(file["profiles"][0], original["profiles"][0]);
    assert_eq!(file["future_key"], original["future_key"]);
    assert_eq!(file["current"], "me");
    let keys: Vec<&String> = file["profiles"][1].as_object().unwrap().keys().collect();
    assert_eq!(
        keys.len(),
        12,
        "8 written by hand, 4 written back: {keys:?}"
    );

    // Cached: no request on the next call.
    provider.provide_credentials().await.unwrap();
    assert_eq!(service.requests().len(), 2);
}

#[tokio::test]
async fn oauth_uses_a_valid_token_as_it_is_and_a_token_another_process_refreshed() {
    let home = Home::new();
    let state = oauth_state();
    let service = oauth_service(&home.clock, state.clone()).await;
    // Three hours left: exchanged as it is.
    home.write_cli(&oauth_file(&home, 3 * 3600));
    let config = home.config().with_oauth_sign_in_url(service.url());
    let credentials = CliProfileProvider::new(&config)
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(credentials.access_key_id(), "STS.oauth-0");
    assert_eq!(service.paths(), ["POST /v1/exchange"]);

    // Hours later the token has 10 minutes left, and another process has refreshed it (and
    // rotated the refresh token) meanwhile: the file's new token is used, no refresh is made.
    let provider = CliProfileProvider::new(&config);
    provider.provide_credentials().await.unwrap();
    let calls = service.requests().len();
    home.clock.advance_secs(2 * 3600 + 50 * 60);
    let mut file = oauth_file(&home, 2 * 3600);
    file["profiles"][1]["oauth_access_token"] = "OAuthAccess-Other".into();
    file["profiles"][1]["oauth_refresh_token"] = "OAuthRefresh-Other".into();
    home.write_cli(&file);
    {
        let mut state = state.lock().unwrap();
        state.access = "OAuthAccess-Other".to_owned();
        state.refresh = "OAuthRefresh-Other".to_owned();
        state.issued = 7;
    }
    let credentials = provider.provide_credentials().await.unwrap();
    assert_eq!(credentials.access_key_id(), "STS.oauth-7");
    assert_eq!(
        service.paths()[calls..],
        ["POST /v1/exchange"],
        "no refresh"
    );
    // Without such a token in the file, the token is refreshed with the file's (rotated)
    // refresh token.
    home.clock.advance_secs(3 * 3600);
    let credentials = provider.provide_credentials().await.unwrap();
    assert_eq!(credentials.access_key_id(), "STS.oauth-8");
    assert_eq!(
        service.paths()[calls + 1..],
        ["POST /v1/token", "POST /v1/exchange"]
    );
    assert_eq!(home.profile("me")["oauth_refresh_token"], "OAuthRefresh-8");
}

#[tokio::test]
async fn oauth_bad_answers_and_revoked_tokens() {
    let home = Home::new();
    let state = oauth_state();
    let service = oauth_service(&home.clock, state.clone()).await;
    let config = home.config().with_oauth_sign_in_url(service.url());
    let (logs, guard) = LogCapture::start();

    // A revoked refresh token: the error says so, and quotes neither token.
    state.lock().unwrap().refresh = "SomethingElse".to_owned();
    home.write_cli(&oauth_file(&home, 600));
    let error = cli_error(&config).await;
    assert_eq!(error.kind(), CredentialsErrorKind::ProviderFailed);
    assert_mentions(
        &error,
        &[
            "profile `me` (mode OAuth)",
            "POST",
            "/v1/token answered HTTP 400",
            "invalid_grant",
            "aliyun configure --mode OAuth",
        ],
    );

    // An exchange that answers `{"error": ...}`; the rotated refresh token is still written
    // back (it would be lost otherwise).
    {
        let mut state = state.lock().unwrap();
        state.refresh = OAUTH_REFRESH.to_owned();
        state.exchange_error = true;
    }
    let error = cli_error(&config).await;
    assert_mentions(&error, &["/v1/exchange answered HTTP 200", "access_denied"]);
    assert_eq!(home.profile("me")["oauth_refresh_token"], "OAuthRefresh-1");

    // camelCase names (credentials-go reads them, Go's JSON ignoring case) are accepted.
    {
        let mut state = state.lock().unwrap();
        state.exchange_error = false;
        state.camel_case = true;
    }
    let credentials = CliProfileProvider::new(&config)
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(credentials.access_key_id(), "STS.oauth-1");

    // A profile without any token, or with an unknown site.
    let mut file = oauth_file(&home, 600);
    file["profiles"][1]
        .as_object_mut()
        .unwrap()
        .retain(|k, _| !k.starts_with("oauth_access") && k != "oauth_refresh_token");
    home.write_cli(&file);
    let error = cli_error(&config).await;
    assert_eq!(error.kind(), CredentialsErrorKind::InvalidConfiguration);
    assert_mentions(
        &error,
        &["no access token and no refresh token", "profile `me`"],
    );
    file["profiles"][1]["oauth_site_type"] = "moon".into();
    home.write_cli(&file);
    let error = cli_error(&config).await;
    assert_mentions(&error, &["invalid `oauth_site_type` (expected CN or INTL)"]);
    drop(guard);
    assert_no_secret(&logs.text());
}

// ---------------------------------------------------------------------------------------
// External
// ---------------------------------------------------------------------------------------

/// An executable shell script in `dir`.
#[cfg(unix)]
fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

#[cfg(unix)]
fn external_file(command: &str) -> Value {
    json!({
        "current": "ext",
        "profiles": [
            {"name": "ext", "mode": "External", "process_command": command, "unknown": [true]},
            {"name": "ak", "mode": "AK", "access_key_id": "LTAIak", "access_key_secret": "ak-secret"},
        ],
    })
}

#[cfg(unix)]
#[tokio::test]
async fn external_runs_the_command_split_as_the_official_sdks_caches_and_writes_back() {
    let home = Home::new();
    let expiration = home.clock.now() + Duration::from_secs(3600);
    // A directory with a space, the arguments quoted and escaped.
    let dir = home.path().join("my tools");
    std::fs::create_dir_all(&dir).unwrap();
    let runs = home.path().join("runs");
    let tool = script(
        &dir,
        "cred tool",
        &format!(
            r#"echo run >> "$3"
printf '{{"mode": "StsToken", "access_key_id": "%s|%s", "access_key_secret": "ExtSecret-0001", "sts_token": "ExtToken-0002", "expiration": "{}"}}' "$1" "$2"
echo "StderrSecret-0003" >&2"#,
            iso8601(expiration)
        ),
    );
    let command = format!(
        "'{}' \"first arg\" sec\\ ond {} --token ArgToken-0004",
        tool.display(),
        runs.display()
    );
    home.write_cli(&external_file(&command));
    let (logs, guard) = LogCapture::start();
    let provider = CliProfileProvider::new(&home.config());
    let credentials = provider.provide_credentials().await.unwrap();
    drop(guard);
    assert_eq!(credentials.access_key_id(), "first arg|sec ond");
    assert_eq!(credentials.access_key_secret(), "ExtSecret-0001");
    assert_eq!(credentials.security_token(), Some("ExtToken-0002"));
    assert_eq!(credentials.expiration(), Some(expiration));
    assert_eq!(credentials.provider_name(), Some("external"));
    assert_eq!(provider.official_name(), "cli_profile/external");
    let shown = format!("{provider:?}");
    assert!(!shown.contains("ArgToken-0004"), "{shown}");
    assert_no_secret(&logs.text());

    // Cached while the expiration is far (refreshed 3 minutes before it, as the official SDKs).
    provider.provide_credentials().await.unwrap();
    assert_eq!(std::fs::read_to_string(&runs).unwrap().lines().count(), 1);

    // Written back into the profile, nothing else changed.
    let ext = home.profile("ext");
    assert_eq!(ext["access_key_id"], "first arg|sec ond");
    assert_eq!(ext["access_key_secret"], "ExtSecret-0001");
    assert_eq!(ext["sts_token"], "ExtToken-0002");
    assert_eq!(ext["sts_expiration"], home.unix_in(3600));
    assert_eq!(ext["process_command"], command.as_str());
    assert_eq!(ext["unknown"], json!([true]));
    assert_eq!(home.profile("ak"), external_file("")["profiles"][1]);
}

#[cfg(unix)]
#[tokio::test]
async fn external_credentials_without_expiration_run_the_command_for_every_call() {
    let home = Home::new();
    let runs = home.path().join("runs");
    let tool = script(
        home.path(),
        "ak",
        &format!(
            r#"echo run >> {}
echo '{{"mode": "AK", "access_key_id": "LTAIext", "access_key_secret": "ExtSecret-0001"}}'"#,
            runs.display()
        ),
    );
    home.write_cli(&external_file(&tool.display().to_string()));
    let provider = CliProfileProvider::new(&home.config());
    for _ in 0..3 {
        let credentials = provider.provide_credentials().await.unwrap();
        assert_eq!(credentials.access_key_id(), "LTAIext");
        assert_eq!(credentials.security_token(), None);
    }
    assert_eq!(std::fs::read_to_string(&runs).unwrap().lines().count(), 3);
    assert_eq!(home.profile("ext")["sts_token"], "");
}

#[cfg(unix)]
#[tokio::test]
async fn external_failures_are_typed_errors_naming_the_profile_without_secrets() {
    let home = Home::new();
    let config = home.config();
    let (logs, guard) = LogCapture::start();
    let failing = [
        (
            "echo StderrSecret-0003 >&2\necho '{\"access_key_secret\": \"ExtSecret-0001\"}'\nexit 3",
            vec!["exit status 3", "standard error are not shown"],
        ),
        (
            "echo 'ExtSecret-0001 is not json'",
            vec!["is not JSON (line 1, column 1)"],
        ),
        (
            r#"echo '{"mode": "StsToken", "access_key_id": "a", "access_key_secret": "ExtSecret-0001"}'"#,
            vec!["`sts_token` is missing"],
        ),
        (
            r#"echo '{"access_key_id": "a", "access_key_secret": ["ExtSecret-0001"]}'"#,
            vec!["`access_key_secret` that is not a string"],
        ),
        (
            "head -c 1100000 /dev/zero | tr '\\0' a",
            vec!["more than 1048576 bytes", "killed"],
        ),
    ];
    for (i, (body, expected)) in failing.into_iter().enumerate() {
        let tool = script(home.path(), &format!("tool{i}"), body);
        home.write_cli(&external_file(&format!(
            "{} --token ArgToken-0004",
            tool.display()
        )));
        let error = cli_error(&config).await;
        assert_eq!(
            error.kind(),
            CredentialsErrorKind::ProviderFailed,
            "{error}"
        );
        let program = format!("`{}`", tool.display());
        let mut parts = expected;
        parts.extend(["profile `ext` (mode External)", &program]);
        assert_mentions(&error, &parts);
    }

    // A program that does not exist; a command that cannot be split.
    home.write_cli(&external_file("/nonexistent/tool --token ArgToken-0004"));
    let error = cli_error(&config).await;
    assert_mentions(&error, &["cannot run `/nonexistent/tool`", "profile `ext`"]);
    home.write_cli(&external_file("tool 'ArgToken-0004"));
    let error = cli_error(&config).await;
    assert_eq!(error.kind(), CredentialsErrorKind::InvalidConfiguration);
    assert_mentions(
        &error,
        &[
            "invalid `process_command`",
            "quote that is not closed",
            "profile `ext`",
        ],
    );
    drop(guard);
    assert_no_secret(&logs.text());
}

#[cfg(unix)]
#[tokio::test]
async fn external_commands_that_hang_are_killed_at_the_timeout() {
    use alibabacloud_core::credentials::ExternalProvider;
    let home = Home::new();
    let pid_file = home.path().join("pid");
    let tool = script(
        home.path(),
        "hang",
        &format!("echo $$ > {}\nexec sleep 30", pid_file.display()),
    );
    let provider = ExternalProvider::new(&tool.display().to_string(), &home.config())
        .unwrap()
        .with_timeout(Duration::from_millis(300));
    let started = std::time::Instant::now();
    let error = provider.provide_credentials().await.unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    assert_mentions(&error, &["did not finish within 300 ms and was killed"]);
    // The process is gone (killed and reaped).
    let pid = std::fs::read_to_string(&pid_file).unwrap();
    let alive = std::process::Command::new("kill")
        .args(["-0", pid.trim()])
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap()
        .success();
    assert!(!alive, "process {pid} still runs");
}
