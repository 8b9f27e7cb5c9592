//! The default credentials chain: order, skipping, the error that lists every provider,
//! remembering the provider that worked, re-probing after a total failure, `Config::from_env`
//! integration, and secrets kept out of `Debug`, errors and logs.

#![allow(clippy::unwrap_used)]

#[path = "support/credentials_servers.rs"]
mod support;

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime};

use alibabacloud_core::Config;
use alibabacloud_core::credentials::{
    Credentials, CredentialsError, CredentialsErrorKind, CredentialsProviderChain,
    DEFAULT_CHAIN_FAILURE_MEMORY, ProvideCredentials, ProvideCredentialsFuture, ProviderConfig,
};
use alibabacloud_core::env::Env;
use alibabacloud_core::time_source::TimeSource;
use alibabacloud_emulator::{Emulator, Reply};
use serde_json::json;
use support::{Answer, LogCapture, SharedClock, TestServer, closed_url, credentials_json, iso8601};

const ENV_SECRET: &str = "EnvSecretValue0001";
const CLI_SECRET: &str = "CliSecretValue0002";
const INI_SECRET: &str = "IniSecretValue0003";
const TEMP_SECRET: &str = "TempSecretValue0004";
const TEMP_TOKEN: &str = "TempTokenValue0005";
const ALL_SECRETS: [&str; 5] = [ENV_SECRET, CLI_SECRET, INI_SECRET, TEMP_SECRET, TEMP_TOKEN];

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn write_cli(home: &Path, region: &str) {
    write(
        &home.join(".aliyun/config.json"),
        &json!({"current": "default", "profiles": [{
            "name": "default", "mode": "AK", "region_id": region,
            "access_key_id": "LTAIcli", "access_key_secret": CLI_SECRET,
        }]})
        .to_string(),
    );
}

fn write_ini(home: &Path) {
    write(
        &home.join(".alibabacloud/credentials"),
        &format!(
            "[default]\ntype = access_key\naccess_key_id = LTAIini\naccess_key_secret = {INI_SECRET}\n"
        ),
    );
}

fn env_with_home(home: &Path, extra: &[(&str, &str)]) -> Env {
    let mut pairs = vec![("HOME".to_string(), home.display().to_string())];
    pairs.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    Env::from_pairs(pairs)
}

/// A credentials URI server whose answers can be switched off; counts requests.
async fn uri_server(clock: SharedClock, up: Arc<AtomicBool>) -> TestServer {
    TestServer::start(move |_| {
        if up.load(Ordering::SeqCst) {
            Answer::ok(credentials_json(
                "STS.uri",
                TEMP_SECRET,
                TEMP_TOKEN,
                clock.now() + Duration::from_secs(3600),
            ))
        } else {
            Answer::status(503, "unavailable")
        }
    })
    .await
}

#[tokio::test]
async fn providers_are_tried_in_the_official_order() {
    let home = tempfile::tempdir().unwrap();
    let closed = closed_url().await;
    let clock = SharedClock::now();
    let uri = uri_server(clock.clone(), Arc::new(AtomicBool::new(true))).await;
    let uri_url = format!("{}/creds", uri.url());
    let chain = |extra: &[(&str, &str)]| {
        let mut pairs = extra.to_vec();
        pairs.push(("ALIBABA_CLOUD_CREDENTIALS_URI", &uri_url));
        CredentialsProviderChain::default_chain(
            &ProviderConfig::new()
                .with_env(env_with_home(home.path(), &pairs))
                .with_metadata_endpoint(closed.clone()),
        )
    };
    let names = chain(&[]).provider_names();
    assert_eq!(
        names,
        [
            "environment",
            "oidc_role_arn",
            "cli_profile",
            "ini_profile",
            "ecs_ram_role",
            "credentials_uri"
        ]
    );

    // Only the URI: everything before it is skipped or fails fast.
    let c = chain(&[]);
    assert_eq!(
        c.provide_credentials().await.unwrap().access_key_id(),
        "STS.uri"
    );
    assert_eq!(c.selected_provider().as_deref(), Some("credentials_uri"));

    write_ini(home.path());
    let c = chain(&[]);
    assert_eq!(
        c.provide_credentials().await.unwrap().access_key_id(),
        "LTAIini"
    );
    assert_eq!(c.selected_provider().as_deref(), Some("ini_profile"));

    write_cli(home.path(), "cn-beijing");
    let c = chain(&[]);
    assert_eq!(
        c.provide_credentials().await.unwrap().access_key_id(),
        "LTAIcli"
    );
    assert_eq!(c.selected_provider().as_deref(), Some("cli_profile"));

    // OIDC comes before the files.
    let emulator = Emulator::new().start().await.unwrap();
    emulator.script_for(
        "AssumeRoleWithOIDC",
        Reply::success(json!({"Credentials": {
            "AccessKeyId": "STS.oidc", "AccessKeySecret": TEMP_SECRET, "SecurityToken": TEMP_TOKEN,
            "Expiration": iso8601(SystemTime::now() + Duration::from_secs(3600))}}))
        .skip_verification(),
    );
    let token = home.path().join("oidc-token");
    write(&token, "jwt");
    let endpoint = emulator.endpoint();
    let oidc = [
        ("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::1:role/r"),
        (
            "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
            "acs:ram::1:oidc-provider/p",
        ),
        ("ALIBABA_CLOUD_OIDC_TOKEN_FILE", token.to_str().unwrap()),
        ("ALIBABA_CLOUD_STS_ENDPOINT", &endpoint),
    ];
    let c = chain(&oidc);
    assert_eq!(
        c.provide_credentials().await.unwrap().access_key_id(),
        "STS.oidc"
    );
    assert_eq!(c.selected_provider().as_deref(), Some("oidc_role_arn"));

    // The environment comes first.
    let mut with_env = oidc.to_vec();
    with_env.extend([
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenv"),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", ENV_SECRET),
    ]);
    let c = chain(&with_env);
    assert_eq!(
        c.provide_credentials().await.unwrap().access_key_id(),
        "LTAIenv"
    );
    assert_eq!(c.selected_provider().as_deref(), Some("environment"));
}

#[tokio::test]
async fn an_exhausted_chain_says_why_each_provider_failed_without_secrets() {
    let home = tempfile::tempdir().unwrap();
    // A half-configured environment and a broken CLI file: reported, and the chain goes on.
    write(
        &home.path().join(".aliyun/config.json"),
        &json!({"profiles": [{"name": "default", "mode": "AK", "access_key_secret": CLI_SECRET}]})
            .to_string(),
    );
    let env = env_with_home(home.path(), &[("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIhalf")]);
    let config = ProviderConfig::new()
        .with_env(env)
        .with_metadata_endpoint(closed_url().await);
    let chain = CredentialsProviderChain::default_chain(&config);
    let (logs, guard) = LogCapture::start();
    let error = chain.provide_credentials().await.unwrap_err();
    drop(guard);
    assert_eq!(error.kind(), CredentialsErrorKind::ChainExhausted);
    let providers: Vec<_> = error
        .attempts()
        .iter()
        .map(|a| a.provider().to_string())
        .collect();
    assert_eq!(
        providers,
        [
            "environment",
            "oidc_role_arn",
            "cli_profile",
            "ini_profile",
            "ecs_ram_role",
            "credentials_uri"
        ]
    );
    let kinds: Vec<_> = error.attempts().iter().map(|a| a.kind()).collect();
    assert_eq!(
        kinds,
        [
            CredentialsErrorKind::InvalidConfiguration,
            CredentialsErrorKind::NotConfigured,
            CredentialsErrorKind::InvalidConfiguration,
            CredentialsErrorKind::NotConfigured,
            CredentialsErrorKind::ProviderFailed,
            CredentialsErrorKind::NotConfigured,
        ]
    );
    let text = error.to_string();
    for expected in [
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
        "ALIBABA_CLOUD_ROLE_ARN",
        "missing field `access_key_id` in profile `default`",
        ".alibabacloud/credentials` does not exist",
        "metadata service",
        "ALIBABA_CLOUD_CREDENTIALS_URI is not set",
    ] {
        assert!(text.contains(expected), "expected `{expected}` in: {text}");
    }
    assert!(chain.selected_provider().is_none());
    let logs = logs.text();
    assert!(logs.contains("cli_profile"), "{logs}");
    for secret in ALL_SECRETS {
        assert!(
            !text.contains(secret) && !logs.contains(secret),
            "secret leaked: {text}\n{logs}"
        );
    }
}

#[tokio::test]
async fn a_typo_in_the_ini_file_never_puts_its_secret_in_the_log_or_the_error() {
    // A quote opened and not closed on its line: the parser reads the next lines (the
    // secret among them) into `type`, up to the next quote.
    let typos = [
        format!(
            "[default]\ntype = \"access_key\naccess_key_id = LTAIini\naccess_key_secret = {INI_SECRET}\n\n[other]\ntype = \"access_key\"\n"
        ),
        format!(
            "[default]\ntype = access_key\naccess_key_id = 'LTAIini\naccess_key_secret = {INI_SECRET}\n# it's\n"
        ),
        // Not closed at all: a syntax error.
        format!(
            "[default]\ntype = \"access_key\naccess_key_id = LTAIini\naccess_key_secret = {INI_SECRET}\n"
        ),
        // The secret pasted into `type`.
        format!("[default]\ntype = {INI_SECRET}\naccess_key_secret = {INI_SECRET}\n"),
    ];
    for (i, typo) in typos.iter().enumerate() {
        let home = tempfile::tempdir().unwrap();
        write(&home.path().join(".alibabacloud/credentials"), typo);
        let config = ProviderConfig::new()
            .with_env(env_with_home(home.path(), &[]))
            .with_metadata_endpoint(closed_url().await);
        let chain = CredentialsProviderChain::default_chain(&config);
        let (logs, guard) = LogCapture::start();
        let error = chain.provide_credentials().await.unwrap_err();
        drop(guard);
        let text = format!("{error} {error:?}");
        let logs = logs.text();
        assert!(
            logs.contains("ini_profile") && logs.contains("WARN"),
            "{i}: the typo is reported: {logs}"
        );
        assert!(
            !text.contains(INI_SECRET) && !logs.contains(INI_SECRET),
            "{i}: secret leaked: {text}\n{logs}"
        );
        let ini = &error.attempts()[3];
        assert_eq!(
            ini.kind(),
            CredentialsErrorKind::InvalidConfiguration,
            "{i}: {ini}"
        );
        if i < 2 {
            let shown = ini.to_string();
            assert!(
                shown.contains("opens a quote that is not closed on its line"),
                "{i}: {shown}"
            );
            assert!(
                shown.contains("(line 2)") || shown.contains("(line 3)"),
                "{i}: {shown}"
            );
        }
    }
}

#[tokio::test]
async fn after_a_total_failure_the_whole_chain_is_tried_again() {
    let home = tempfile::tempdir().unwrap();
    let clock = SharedClock::now();
    let up = Arc::new(AtomicBool::new(false));
    let uri = uri_server(clock.clone(), up.clone()).await;
    let url = format!("{}/creds", uri.url());
    let config = ProviderConfig::new()
        .with_env(env_with_home(
            home.path(),
            &[("ALIBABA_CLOUD_CREDENTIALS_URI", &url)],
        ))
        .with_metadata_endpoint(closed_url().await)
        .with_time_source(clock.clone());
    let chain = CredentialsProviderChain::default_chain(&config);
    assert!(chain.provide_credentials().await.is_err());
    // Not just the last provider (the URI): an earlier one that now applies wins, once the
    // failure is no longer remembered.
    write_ini(home.path());
    up.store(true, Ordering::SeqCst);
    clock.advance_secs(DEFAULT_CHAIN_FAILURE_MEMORY.as_secs() as i64);
    assert_eq!(
        chain.provide_credentials().await.unwrap().access_key_id(),
        "LTAIini"
    );
    assert_eq!(chain.selected_provider().as_deref(), Some("ini_profile"));
    assert_eq!(uri.requests().len(), 1);
}

/// Concurrent first calls on a machine that is not an ECS instance (the metadata service never
/// answers): one probe costs about a second; the callers that waited for it share its error
/// instead of probing once each, one after another.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_calls_share_a_failed_probe_and_a_burst_does_not_reprobe() {
    let home = tempfile::tempdir().unwrap();
    let clock = SharedClock::now();
    let imds = TestServer::start(|_| Answer::Hang).await;
    let config = ProviderConfig::new()
        .with_env(env_with_home(home.path(), &[]))
        .with_metadata_endpoint(imds.url())
        .with_time_source(clock.clone());
    let chain = Arc::new(CredentialsProviderChain::default_chain(&config));

    let started = Instant::now();
    let tasks: Vec<_> = (0..6)
        .map(|_| {
            let chain = chain.clone();
            tokio::spawn(async move { chain.provide_credentials().await.unwrap_err() })
        })
        .collect();
    for task in tasks {
        let error = task.await.unwrap();
        assert_eq!(error.kind(), CredentialsErrorKind::ChainExhausted);
        assert_eq!(error.attempts().len(), 6, "{error}");
        assert!(error.to_string().contains("metadata service"), "{error}");
    }
    let elapsed = started.elapsed();
    assert_eq!(
        imds.requests().len(),
        1,
        "one probe of the metadata service"
    );
    assert!(elapsed < Duration::from_secs(3), "took {elapsed:?}");

    // Calls right after the failure get it at once, without a new probe.
    let started = Instant::now();
    let error = chain.provide_credentials().await.unwrap_err();
    assert_eq!(error.kind(), CredentialsErrorKind::ChainExhausted);
    assert!(started.elapsed() < Duration::from_millis(500));
    assert_eq!(imds.requests().len(), 1);

    // Once it is no longer remembered, the chain is probed again.
    clock.advance_secs(DEFAULT_CHAIN_FAILURE_MEMORY.as_secs() as i64);
    assert!(chain.provide_credentials().await.is_err());
    assert_eq!(imds.requests().len(), 2);
}

/// A provider that fails slowly, counting its calls.
#[derive(Debug, Clone, Default)]
struct SlowFailure(Arc<AtomicUsize>);

impl ProvideCredentials for SlowFailure {
    fn provide_credentials(&self) -> ProvideCredentialsFuture<'_> {
        Box::pin(async move {
            self.0.fetch_add(1, Ordering::SeqCst);
            tokio::time::sleep(Duration::from_millis(200)).await;
            Err::<Credentials, _>(CredentialsError::provider_failed("slow", "down"))
        })
    }

    fn name(&self) -> &'static str {
        "slow"
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn without_failure_memory_waiters_still_share_the_failed_probe() {
    let slow = SlowFailure::default();
    let chain = Arc::new(
        CredentialsProviderChain::new()
            .or_else(slow.clone())
            .with_failure_memory(Duration::ZERO),
    );
    let started = Instant::now();
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let chain = chain.clone();
            tokio::spawn(async move { chain.provide_credentials().await.unwrap_err() })
        })
        .collect();
    for task in tasks {
        let error = task.await.unwrap();
        assert_eq!(error.attempts()[0].message(), "down");
    }
    assert_eq!(slow.0.load(Ordering::SeqCst), 1);
    assert!(started.elapsed() < Duration::from_millis(800));
    // A later call probes again.
    assert!(chain.provide_credentials().await.is_err());
    assert_eq!(slow.0.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn the_provider_that_worked_is_asked_alone_and_its_errors_are_returned() {
    let home = tempfile::tempdir().unwrap();
    let clock = SharedClock::now();
    let up = Arc::new(AtomicBool::new(true));
    let uri = uri_server(clock.clone(), up.clone()).await;
    let imds_requests = Arc::new(AtomicUsize::new(0));
    let counter = imds_requests.clone();
    let imds = TestServer::start(move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
        Answer::status(404, "no role")
    })
    .await;
    let url = format!("{}/creds", uri.url());
    let config = ProviderConfig::new()
        .with_env(env_with_home(
            home.path(),
            &[("ALIBABA_CLOUD_CREDENTIALS_URI", &url)],
        ))
        .with_metadata_endpoint(imds.url())
        .with_time_source(clock.clone());
    let chain = Arc::new(CredentialsProviderChain::default_chain(&config));

    // Concurrent first calls share one probe.
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let chain = chain.clone();
            tokio::spawn(async move { chain.provide_credentials().await.unwrap() })
        })
        .collect();
    for task in tasks {
        assert_eq!(task.await.unwrap().access_key_id(), "STS.uri");
    }
    // One probe: the token PUT (404) and the IMDSv1 role GET (404).
    let probed = imds_requests.load(Ordering::SeqCst);
    assert_eq!(probed, 2);
    assert_eq!(uri.requests().len(), 1);

    // Later calls go to the URI provider alone, even when an earlier provider now applies.
    write_ini(home.path());
    clock.advance_secs(50 * 60);
    assert_eq!(
        chain.provide_credentials().await.unwrap().access_key_id(),
        "STS.uri"
    );
    // Served at once, refreshed in the background.
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while uri.requests().len() < 2 && std::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    assert_eq!(uri.requests().len(), 2, "refreshed");
    assert_eq!(imds_requests.load(Ordering::SeqCst), probed, "no re-probe");

    // When it fails for good, its error is returned (no silent switch of identity).
    up.store(false, Ordering::SeqCst);
    clock.advance_secs(2 * 3600);
    let error = chain.provide_credentials().await.unwrap_err();
    assert_eq!(error.provider(), "credentials_uri");
    assert!(error.to_string().contains("HTTP 503"), "{error}");
    assert_eq!(
        chain.selected_provider().as_deref(),
        Some("credentials_uri")
    );
}

#[tokio::test]
async fn config_from_env_installs_the_chain_and_takes_the_region_from_the_cli_profile() {
    let home = tempfile::tempdir().unwrap();
    write_cli(home.path(), "cn-qingdao");
    let env = env_with_home(
        home.path(),
        &[("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true")],
    );

    let config = Config::builder_from_env(&env).unwrap().build().unwrap();
    let credentials = config
        .credentials_provider()
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(credentials.access_key_id(), "LTAIcli");
    assert_eq!(
        config.region(),
        None,
        "builder_from_env reads variables only"
    );

    let config = Config::load_from(&env).await.unwrap();
    assert_eq!(config.region(), Some("cn-qingdao"));

    let with_region = env_with_home(home.path(), &[("ALIBABA_CLOUD_REGION_ID", "cn-shenzhen")]);
    let config = Config::load_from(&with_region).await.unwrap();
    assert_eq!(config.region(), Some("cn-shenzhen"), "the variable wins");

    write_cli(home.path(), "Not A Region");
    let error = Config::load_from(&env).await.unwrap_err().to_string();
    assert!(error.contains("region_id of profile `default`"), "{error}");

    // No file, no region: fine.
    let empty = tempfile::tempdir().unwrap();
    let config = Config::load_from(&env_with_home(empty.path(), &[]))
        .await
        .unwrap();
    assert_eq!(config.region(), None);
}

#[tokio::test]
async fn debug_output_never_shows_secrets() {
    let home = tempfile::tempdir().unwrap();
    write_cli(home.path(), "cn-hangzhou");
    let env = env_with_home(
        home.path(),
        &[
            ("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenv"),
            ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", ENV_SECRET),
            ("ALIBABA_CLOUD_SECURITY_TOKEN", TEMP_TOKEN),
            (
                "ALIBABA_CLOUD_CREDENTIALS_URI",
                "http://127.0.0.1:1/creds?auth=QueryToken0006",
            ),
        ],
    );
    let config = Config::builder_from_env(&env).unwrap().build().unwrap();
    let (logs, guard) = LogCapture::start();
    let credentials = config
        .credentials_provider()
        .provide_credentials()
        .await
        .unwrap();
    drop(guard);
    let shown = format!(
        "{config:?} {config:#?} {credentials:?} {:?}",
        ProviderConfig::new().with_env(env.clone())
    );
    assert!(
        shown.contains("LTAIenv") || shown.contains("CredentialsProviderChain"),
        "{shown}"
    );
    for secret in [ENV_SECRET, TEMP_TOKEN, CLI_SECRET, "QueryToken0006"] {
        assert!(!shown.contains(secret), "secret in Debug: {shown}");
        assert!(!logs.text().contains(secret), "secret in logs");
    }
}

#[tokio::test]
async fn credentials_now_answers_from_the_selected_provider_only() {
    let home = tempfile::tempdir().unwrap();
    let closed = closed_url().await;
    let env = env_with_home(
        home.path(),
        &[
            ("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenv"),
            ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", ENV_SECRET),
        ],
    );
    let chain = CredentialsProviderChain::default_chain(
        &ProviderConfig::new()
            .with_env(env)
            .with_metadata_endpoint(closed),
    );
    // Nothing selected yet: the chain must be probed through the future.
    assert!(chain.credentials_now().is_none());
    let probed = chain.provide_credentials().await.unwrap();
    let now = chain.credentials_now().unwrap();
    assert_eq!(now.access_key_id(), "LTAIenv");
    assert_eq!(now.access_key_secret(), ENV_SECRET);
    assert_eq!(now.provider_name(), probed.provider_name());
    // The same credentials each time: what the future gives too.
    let again = chain.provide_credentials().await.unwrap();
    assert_eq!(again.access_key_id(), now.access_key_id());

    // A chain whose selected provider has nothing at hand answers None and the future is used.
    let home = tempfile::tempdir().unwrap();
    let clock = SharedClock::now();
    let up = Arc::new(AtomicBool::new(true));
    let uri = uri_server(clock.clone(), up.clone()).await;
    let url = format!("{}/creds", uri.url());
    let chain = CredentialsProviderChain::default_chain(
        &ProviderConfig::new()
            .with_env(env_with_home(
                home.path(),
                &[("ALIBABA_CLOUD_CREDENTIALS_URI", &url)],
            ))
            .with_metadata_endpoint(closed_url().await)
            .with_time_source(clock.clone()),
    );
    assert!(chain.credentials_now().is_none());
    chain.provide_credentials().await.unwrap();
    // The URI provider caches its temporary credentials: fresh ones are at hand.
    assert_eq!(chain.credentials_now().unwrap().access_key_id(), "STS.uri");
    // Expired: none at hand, and the future refreshes them.
    clock.advance_secs(2 * 3600);
    assert!(chain.credentials_now().is_none());
    assert_eq!(
        chain.provide_credentials().await.unwrap().access_key_id(),
        "STS.uri"
    );
    assert_eq!(uri.requests().len(), 2);
}
