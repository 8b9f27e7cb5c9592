//! RAM role ARN (STS `AssumeRole`, signed) and OIDC (STS `AssumeRoleWithOIDC`, anonymous)
//! against the emulator, which verifies our HMAC-SHA1 signatures with its own code.

#![allow(clippy::unwrap_used)]

#[path = "support/credentials_servers.rs"]
mod support;

use std::time::{Duration, SystemTime};

use alibabacloud_core::credentials::{
    AssumeRoleSettings, CacheSettings, Credentials, CredentialsErrorKind, OidcRoleArnProvider,
    OidcSettings, ProvideCredentials, ProviderConfig, RamRoleArnProvider,
    SharedCredentialsProvider,
};
use alibabacloud_core::env::Env;
use alibabacloud_core::time_source::TimeSource;
use alibabacloud_emulator::{Emulator, EmulatorHandle, Reply, Verdict};
use http::StatusCode;
use serde_json::json;
use support::{LogCapture, SharedClock, iso8601};

const SOURCE_ID: &str = "LTAIsourcekeyid";
const SOURCE_SECRET: &str = "SourceSecretValue0001";
const ROLE: &str = "acs:ram::123456789012:role/reader";
const ROLE_SECRET: &str = "RoleSecretValue0002";
const ROLE_TOKEN: &str = "RoleTokenValue0003";

fn sts_reply(id: &str, expiration: SystemTime) -> Reply {
    Reply::success(json!({
        "AssumedRoleUser": {"Arn": "acs:ram::123456789012:role/reader/s", "AssumedRoleId": "1:s"},
        "Credentials": {
            "AccessKeyId": id,
            "AccessKeySecret": ROLE_SECRET,
            "SecurityToken": ROLE_TOKEN,
            "Expiration": iso8601(expiration),
        }
    }))
}

async fn emulator(clock: &SharedClock) -> EmulatorHandle {
    Emulator::new()
        .access_key(SOURCE_ID, SOURCE_SECRET)
        .sts_credential("STS.sourceid", "StsSourceSecret0004", "StsSourceToken0005")
        .clock(clock.0.clone())
        .start()
        .await
        .unwrap()
}

fn config(emulator: &EmulatorHandle, clock: &SharedClock) -> ProviderConfig {
    ProviderConfig::new()
        .with_env(Env::from_pairs::<&str, &str>([]))
        .with_sts_endpoint(emulator.endpoint())
        .with_time_source(clock.clone())
        // Each refresh in the call that finds the credentials stale: the test moves the
        // clock by hand and checks each exchange as it happens (the background refresh has
        // tests of its own).
        .with_cache_settings(
            CacheSettings::new()
                .with_refresh_jitter(Duration::ZERO)
                .with_background_refresh(false),
        )
}

fn role_provider(source: Credentials, config: &ProviderConfig) -> RamRoleArnProvider {
    let mut settings = AssumeRoleSettings::new(ROLE);
    settings.role_session_name = Some("test-session".into());
    settings.policy = Some(r#"{"Statement":[]}"#.into());
    settings.external_id = Some("ext-1".into());
    RamRoleArnProvider::new(SharedCredentialsProvider::new(source), settings, config).unwrap()
}

#[tokio::test]
async fn assume_role_is_signed_verified_cached_and_refreshed() {
    let clock = SharedClock::now();
    let emulator = emulator(&clock).await;
    let config = config(&emulator, &clock);
    let provider = role_provider(Credentials::new(SOURCE_ID, SOURCE_SECRET), &config);
    let hour = Duration::from_secs(3600);

    emulator.script_for("AssumeRole", sts_reply("STS.first", clock.now() + hour));
    let first = provider.provide_credentials().await.unwrap();
    assert_eq!(first.access_key_id(), "STS.first");
    assert_eq!(first.access_key_secret(), ROLE_SECRET);
    assert_eq!(first.security_token(), Some(ROLE_TOKEN));
    assert_eq!(first.provider_name(), Some("ram_role_arn"));

    let requests = emulator.requests_for("AssumeRole");
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.verdict, Verdict::Accepted, "{:?}", request.verdict);
    assert_eq!(request.method, "POST");
    assert_eq!(request.access_key_id.as_deref(), Some(SOURCE_ID));
    for (name, value) in [
        ("RoleArn", ROLE),
        ("RoleSessionName", "test-session"),
        ("DurationSeconds", "3600"),
        ("Policy", r#"{"Statement":[]}"#),
        ("ExternalId", "ext-1"),
    ] {
        assert!(
            request.form.iter().any(|(k, v)| k == name && v == value),
            "{name} in the form: {:?}",
            request.form
        );
    }
    assert_eq!(request.param("Version"), Some("2015-04-01"));
    assert_eq!(request.param("SignatureMethod"), Some("HMAC-SHA1"));
    // Named as the official SDKs name a static AccessKey.
    assert_eq!(
        request.header("x-acs-credentials-provider"),
        Some("static_ak")
    );

    // Cached: no new request until the refresh margin.
    clock.advance_secs(44 * 60);
    assert_eq!(
        provider
            .provide_credentials()
            .await
            .unwrap()
            .access_key_id(),
        "STS.first"
    );
    assert_eq!(emulator.requests_for("AssumeRole").len(), 1);

    // Stale (15 minutes left): refreshed, signed anew.
    clock.advance_secs(60);
    emulator.script_for("AssumeRole", sts_reply("STS.second", clock.now() + hour));
    assert_eq!(
        provider
            .provide_credentials()
            .await
            .unwrap()
            .access_key_id(),
        "STS.second"
    );
    let requests = emulator.requests_for("AssumeRole");
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[1].verdict, Verdict::Accepted);
    assert_ne!(requests[0].nonce, requests[1].nonce);

    // A failed refresh keeps serving the still-valid credentials, with a warning.
    clock.advance_secs(46 * 60);
    emulator.script_for("AssumeRole", Reply::error("InternalError"));
    let (logs, guard) = LogCapture::start();
    assert_eq!(
        provider
            .provide_credentials()
            .await
            .unwrap()
            .access_key_id(),
        "STS.second"
    );
    drop(guard);
    let logs = logs.text();
    assert!(
        logs.contains("WARN") && logs.contains("ram_role_arn"),
        "{logs}"
    );
    assert!(logs.contains("InternalError"), "{logs}");
    for secret in [SOURCE_SECRET, ROLE_SECRET, ROLE_TOKEN] {
        assert!(!logs.contains(secret), "secret in logs: {logs}");
    }

    // Once they have expired, the error is returned.
    clock.advance_secs(15 * 60);
    emulator.script_for("AssumeRole", Reply::error("InternalError"));
    let error = provider.provide_credentials().await.unwrap_err();
    assert_eq!(error.kind(), CredentialsErrorKind::ProviderFailed);
    let text = error.to_string();
    assert!(
        text.contains("AssumeRole") && text.contains("InternalError"),
        "{text}"
    );
    assert!(text.contains(&emulator.endpoint()), "{text}");
}

#[tokio::test]
async fn sts_source_credentials_send_their_token_and_errors_never_show_it() {
    let clock = SharedClock::now();
    let emulator = emulator(&clock).await;
    let config = config(&emulator, &clock);
    let source = Credentials::new("STS.sourceid", "StsSourceSecret0004")
        .with_security_token("StsSourceToken0005");
    let provider = role_provider(source, &config);
    emulator.script_for(
        "AssumeRole",
        sts_reply("STS.x", clock.now() + Duration::from_secs(3600)),
    );
    // Everything traced at every level, by every crate, while the token travels in the query.
    let (logs, guard) = LogCapture::start();
    let credentials = provider.provide_credentials().await.unwrap();
    tracing::info!(?credentials, "obtained");
    drop(guard);
    let request = &emulator.requests_for("AssumeRole")[0];
    assert_eq!(request.verdict, Verdict::Accepted);
    assert_eq!(request.param("SecurityToken"), Some("StsSourceToken0005"));
    let logs = logs.text();
    assert!(logs.contains("calling STS"), "{logs}");
    for secret in [
        "StsSourceToken0005",
        "StsSourceSecret0004",
        ROLE_SECRET,
        ROLE_TOKEN,
    ] {
        assert!(!logs.contains(secret), "secret in logs: {logs}");
    }

    // A wrong secret: the gateway's SignatureDoesNotMatch quotes the string to sign, which
    // holds the token. Neither the token nor the secret may reach the error.
    let wrong = Credentials::new("STS.sourceid", "WrongSecretValue0006")
        .with_security_token("StsSourceToken0005");
    let provider = role_provider(wrong, &config);
    let error = provider.provide_credentials().await.unwrap_err();
    let text = format!("{error} {error:?}");
    assert!(text.contains("SignatureDoesNotMatch"), "{text}");
    for secret in [
        "StsSourceToken0005",
        "WrongSecretValue0006",
        "StsSourceSecret0004",
    ] {
        assert!(!text.contains(secret), "secret in error: {text}");
    }
    let rejected = emulator.requests_for("AssumeRole");
    assert_eq!(
        rejected.last().unwrap().verdict.rejection_code(),
        Some("SignatureDoesNotMatch")
    );
}

#[tokio::test]
async fn malformed_sts_answers_name_what_is_wrong_without_quoting_it() {
    let clock = SharedClock::now();
    let emulator = emulator(&clock).await;
    let config = config(&emulator, &clock);
    let provider = role_provider(Credentials::new(SOURCE_ID, SOURCE_SECRET), &config);
    let cases = [
        (Reply::raw(StatusCode::OK, "not json {"), "is not JSON"),
        (
            Reply::success(json!({"RequestId": "r"})),
            "no `Credentials` object",
        ),
        (
            Reply::success(json!({"Credentials": {
                "AccessKeyId": "STS.x", "SecurityToken": ROLE_TOKEN,
                "Expiration": "2099-01-01T00:00:00Z"}})),
            "`Credentials.AccessKeySecret` is missing",
        ),
        (
            Reply::success(json!({"Credentials": {
                "AccessKeyId": "STS.x", "AccessKeySecret": ROLE_SECRET,
                "SecurityToken": ROLE_TOKEN, "Expiration": "tomorrow"}})),
            "`Credentials.Expiration`",
        ),
        (
            Reply::error_with(
                StatusCode::FORBIDDEN,
                "NoPermission",
                "You are not authorized.",
            ),
            "HTTP 403: NoPermission: You are not authorized. (RequestId ",
        ),
        (
            Reply::html(StatusCode::BAD_GATEWAY, "<html>502 Bad Gateway</html>"),
            "HTTP 502: <html>502 Bad Gateway</html>",
        ),
    ];
    for (reply, expected) in cases {
        emulator.script_for("AssumeRole", reply);
        let error = provider.provide_credentials().await.unwrap_err();
        let text = error.to_string();
        assert!(text.contains(expected), "expected `{expected}` in: {text}");
        assert!(
            !text.contains(ROLE_SECRET) && !text.contains(ROLE_TOKEN),
            "{text}"
        );
    }
}

#[tokio::test]
async fn oidc_reads_the_token_file_on_every_refresh_and_is_not_signed() {
    let clock = SharedClock::now();
    let emulator = emulator(&clock).await;
    let dir = tempfile::tempdir().unwrap();
    let token_file = dir.path().join("token");
    std::fs::write(&token_file, "oidc-token-one\n").unwrap();
    let env = Env::from_pairs([
        ("ALIBABA_CLOUD_ROLE_ARN", ROLE),
        (
            "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
            "acs:ram::123456789012:oidc-provider/ack",
        ),
        (
            "ALIBABA_CLOUD_OIDC_TOKEN_FILE",
            token_file.to_str().unwrap(),
        ),
        ("ALIBABA_CLOUD_ROLE_SESSION_NAME", "pod-session"),
    ]);
    let config = config(&emulator, &clock).with_env(env);
    let provider = OidcRoleArnProvider::from_env(&config).unwrap();
    let hour = Duration::from_secs(3600);

    emulator.script_for(
        "AssumeRoleWithOIDC",
        sts_reply("STS.oidc1", clock.now() + hour).skip_verification(),
    );
    let credentials = provider.provide_credentials().await.unwrap();
    assert_eq!(credentials.access_key_id(), "STS.oidc1");
    assert_eq!(credentials.provider_name(), Some("oidc_role_arn"));

    std::fs::write(&token_file, "oidc-token-two").unwrap();
    clock.advance_secs(50 * 60);
    emulator.script_for(
        "AssumeRoleWithOIDC",
        sts_reply("STS.oidc2", clock.now() + hour).skip_verification(),
    );
    assert_eq!(
        provider
            .provide_credentials()
            .await
            .unwrap()
            .access_key_id(),
        "STS.oidc2"
    );

    let requests = emulator.requests_for("AssumeRoleWithOIDC");
    assert_eq!(requests.len(), 2);
    let tokens: Vec<_> = requests
        .iter()
        .map(|r| r.param("OIDCToken").unwrap().to_string())
        .collect();
    assert_eq!(tokens, ["oidc-token-one", "oidc-token-two"]);
    let first = &requests[0];
    assert_eq!(first.method, "POST");
    assert_eq!(first.param("Signature"), None, "anonymous");
    assert_eq!(first.param("AccessKeyId"), None);
    assert_eq!(first.param("RoleSessionName"), Some("pod-session"));
    assert_eq!(
        first.param("OIDCProviderArn"),
        Some("acs:ram::123456789012:oidc-provider/ack")
    );
    assert!(
        first.form.iter().any(|(k, _)| k == "OIDCToken"),
        "the token travels in the body"
    );
    assert!(first.param("Timestamp").is_some());

    // A missing token file is named.
    std::fs::remove_file(&token_file).unwrap();
    clock.advance_secs(2 * 3600);
    let error = provider.provide_credentials().await.unwrap_err();
    assert_eq!(error.kind(), CredentialsErrorKind::InvalidConfiguration);
    assert!(
        error.to_string().contains(token_file.to_str().unwrap()),
        "{error}"
    );
}

#[tokio::test]
async fn configuration_errors_are_reported_before_any_request() {
    let empty = ProviderConfig::new().with_env(Env::from_pairs::<&str, &str>([]));
    let error = OidcRoleArnProvider::from_env(&empty).unwrap_err();
    assert_eq!(error.kind(), CredentialsErrorKind::NotConfigured);
    assert!(
        error.to_string().contains("ALIBABA_CLOUD_OIDC_TOKEN_FILE"),
        "{error}"
    );

    let mut settings = AssumeRoleSettings::new(ROLE);
    settings.duration_seconds = Some(600);
    let source = SharedCredentialsProvider::new(Credentials::new("id", "secret"));
    let error = RamRoleArnProvider::new(source.clone(), settings, &empty).unwrap_err();
    assert!(error.to_string().contains("at least 900"), "{error}");

    let error =
        RamRoleArnProvider::new(source.clone(), AssumeRoleSettings::new(" "), &empty).unwrap_err();
    assert_eq!(error.kind(), CredentialsErrorKind::InvalidConfiguration);

    // The endpoint rule, from the environment.
    let env = Env::from_pairs([
        ("ALIBABA_CLOUD_STS_REGION", "cn-shanghai"),
        ("ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED", "true"),
    ]);
    let config = ProviderConfig::new().with_env(env);
    let provider =
        RamRoleArnProvider::new(source.clone(), AssumeRoleSettings::new(ROLE), &config).unwrap();
    assert_eq!(
        provider.sts_endpoint(),
        "https://sts-vpc.cn-shanghai.aliyuncs.com"
    );

    // The region becomes part of the host: anything but a region ID is refused, naming the
    // variable (or the field).
    let evil = ProviderConfig::new().with_env(Env::from_pairs([
        ("ALIBABA_CLOUD_STS_REGION", "x@evil.com?"),
        ("ALIBABA_CLOUD_ROLE_ARN", ROLE),
        (
            "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
            "acs:ram::1:oidc-provider/x",
        ),
        ("ALIBABA_CLOUD_OIDC_TOKEN_FILE", "/nonexistent"),
    ]));
    let error =
        RamRoleArnProvider::new(source.clone(), AssumeRoleSettings::new(ROLE), &evil).unwrap_err();
    assert_eq!(error.kind(), CredentialsErrorKind::InvalidConfiguration);
    assert!(
        error
            .to_string()
            .contains("invalid STS region `x@evil.com?` in ALIBABA_CLOUD_STS_REGION"),
        "{error}"
    );
    let error = OidcRoleArnProvider::from_env(&evil).unwrap_err();
    assert_eq!(error.kind(), CredentialsErrorKind::InvalidConfiguration);
    assert!(
        error.to_string().contains("ALIBABA_CLOUD_STS_REGION"),
        "{error}"
    );
    let mut settings = AssumeRoleSettings::new(ROLE);
    settings.sts_region = Some("cn-hangzhou.evil.com#".into());
    let error = RamRoleArnProvider::new(source.clone(), settings, &empty).unwrap_err();
    assert!(error.to_string().contains("`sts_region`"), "{error}");

    let mut settings = OidcSettings::new(ROLE, "acs:ram::1:oidc-provider/x", "/nonexistent");
    settings.sts_region = Some("cn-beijing".into());
    let provider = OidcRoleArnProvider::new(settings, &empty).unwrap();
    assert_eq!(
        provider.sts_endpoint(),
        "https://sts.cn-beijing.aliyuncs.com"
    );
}
