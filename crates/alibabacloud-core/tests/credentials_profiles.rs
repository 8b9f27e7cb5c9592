//! The aliyun CLI profile (`~/.aliyun/config.json`) and the INI credentials file
//! (`~/.alibabacloud/credentials`) providers, on temporary files; their role modes against
//! the emulator (STS) and a local metadata service.

#![allow(clippy::unwrap_used)]

#[path = "support/credentials_servers.rs"]
mod support;

use std::path::Path;
use std::time::{Duration, SystemTime};

use alibabacloud_core::credentials::{
    CliProfileProvider, CredentialsError, CredentialsErrorKind, IniProfileProvider,
    OidcRoleArnProvider, OidcSettings, ProvideCredentials, ProviderConfig,
};
use alibabacloud_core::env::Env;
use alibabacloud_emulator::{Emulator, EmulatorHandle, Reply, Verdict};
use serde_json::json;
use support::{Answer, TestServer, closed_url, credentials_json, iso8601};

const SECRET: &str = "ProfileSecretValue0001";
const ROLE_SECRET: &str = "RoleSecretValue0002";
const ROLE_TOKEN: &str = "RoleTokenValue0003";

/// A temporary home directory.
struct Home(tempfile::TempDir);

impl Home {
    fn new() -> Self {
        Home(tempfile::tempdir().unwrap())
    }
    fn path(&self) -> &Path {
        self.0.path()
    }
    fn cli(&self) -> String {
        self.path()
            .join(".aliyun/config.json")
            .display()
            .to_string()
    }
    fn ini(&self) -> String {
        self.path()
            .join(".alibabacloud/credentials")
            .display()
            .to_string()
    }
    fn write(&self, relative: &str, text: &str) {
        let path = self.path().join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    fn write_cli(&self, config: serde_json::Value) {
        self.write(".aliyun/config.json", &config.to_string());
    }
    fn config(&self, extra: &[(&str, &str)]) -> ProviderConfig {
        let home = self.path().display().to_string();
        let mut env: Vec<(String, String)> = vec![("HOME".into(), home)];
        env.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        ProviderConfig::new().with_env(Env::from_pairs(env))
    }
}

async fn cli_error(config: &ProviderConfig) -> CredentialsError {
    CliProfileProvider::new(config)
        .provide_credentials()
        .await
        .unwrap_err()
}

async fn ini_error(config: &ProviderConfig) -> CredentialsError {
    IniProfileProvider::new(config)
        .provide_credentials()
        .await
        .unwrap_err()
}

fn assert_mentions(error: &CredentialsError, parts: &[&str]) {
    let text = format!("{error} {error:?}");
    for part in parts {
        assert!(text.contains(part), "expected `{part}` in: {text}");
    }
    assert!(!text.contains(SECRET), "secret in error: {text}");
}

fn sts_reply(id: &str) -> Reply {
    Reply::success(json!({"Credentials": {
        "AccessKeyId": id,
        "AccessKeySecret": ROLE_SECRET,
        "SecurityToken": ROLE_TOKEN,
        "Expiration": iso8601(SystemTime::now() + Duration::from_secs(3600)),
    }}))
}

async fn sts() -> EmulatorHandle {
    Emulator::new()
        .access_key("LTAIprofile", SECRET)
        .sts_credential("STS.first", ROLE_SECRET, ROLE_TOKEN)
        .start()
        .await
        .unwrap()
}

#[tokio::test]
async fn cli_access_key_and_sts_token_profiles_selected_by_current_or_variable() {
    let home = Home::new();
    home.write_cli(json!({
        "current": "dev",
        "profiles": [
            {"name": "default", "mode": "AK", "access_key_id": "LTAIdefault", "access_key_secret": SECRET},
            {"name": "dev", "mode": "StsToken", "access_key_id": "STS.dev", "access_key_secret": SECRET,
             "sts_token": "dev-token", "region_id": "cn-beijing", "expired_seconds": null, "unknown_key": [1]},
        ],
        "meta_path": ""
    }));
    let credentials = CliProfileProvider::new(&home.config(&[]))
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(credentials.access_key_id(), "STS.dev");
    assert_eq!(credentials.security_token(), Some("dev-token"));
    assert_eq!(credentials.provider_name(), Some("cli_profile"));

    let by_variable = home.config(&[("ALIBABA_CLOUD_PROFILE", "default")]);
    let credentials = CliProfileProvider::new(&by_variable)
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(credentials.access_key_id(), "LTAIdefault");
    assert_eq!(credentials.access_key_secret(), SECRET);
    assert_eq!(credentials.security_token(), None);

    // ALIBABA_CLOUD_CONFIG_FILE points elsewhere.
    let other = Home::new();
    other.write_cli(json!({"profiles": [
        {"name": "default", "mode": "AK", "access_key_id": "LTAIother", "access_key_secret": SECRET}
    ]}));
    let config = home.config(&[("ALIBABA_CLOUD_CONFIG_FILE", &other.cli())]);
    let credentials = CliProfileProvider::new(&config)
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(
        credentials.access_key_id(),
        "LTAIother",
        "no `current`: `default`"
    );
}

#[tokio::test]
async fn cli_ram_role_and_chainable_role_go_through_sts() {
    let emulator = sts().await;
    let home = Home::new();
    home.write_cli(json!({
        "current": "chained",
        "profiles": [
            {"name": "base", "mode": "RamRoleArn", "access_key_id": "LTAIprofile", "access_key_secret": SECRET,
             "ram_role_arn": "acs:ram::1:role/base", "ram_session_name": "base-session", "expired_seconds": 900},
            {"name": "chained", "mode": "ChainableRamRoleArn", "source_profile": "base",
             "ram_role_arn": "acs:ram::1:role/target", "ram_session_name": "chained-session",
             "expired_seconds": "1800", "external_id": "ext"},
        ]
    }));
    // The STS endpoint from ALIBABA_CLOUD_STS_ENDPOINT (as ACK RRSA and the CLI set it).
    let config = home.config(&[("ALIBABA_CLOUD_STS_ENDPOINT", &emulator.endpoint())]);
    emulator.script_for("AssumeRole", sts_reply("STS.first"));
    emulator.script_for("AssumeRole", sts_reply("STS.second"));
    let credentials = CliProfileProvider::new(&config)
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(credentials.access_key_id(), "STS.second");
    assert_eq!(credentials.provider_name(), Some("ram_role_arn"));

    let requests = emulator.requests_for("AssumeRole");
    assert_eq!(requests.len(), 2);
    assert!(
        requests.iter().all(|r| r.verdict == Verdict::Accepted),
        "{requests:?}"
    );
    assert_eq!(requests[0].access_key_id.as_deref(), Some("LTAIprofile"));
    assert_eq!(requests[0].param("RoleArn"), Some("acs:ram::1:role/base"));
    assert_eq!(requests[0].param("RoleSessionName"), Some("base-session"));
    assert_eq!(requests[0].param("DurationSeconds"), Some("900"));
    assert_eq!(requests[1].access_key_id.as_deref(), Some("STS.first"));
    assert_eq!(requests[1].param("SecurityToken"), Some(ROLE_TOKEN));
    assert_eq!(requests[1].param("RoleArn"), Some("acs:ram::1:role/target"));
    assert_eq!(requests[1].param("DurationSeconds"), Some("1800"));
    assert_eq!(requests[1].param("ExternalId"), Some("ext"));
    // `x-acs-credentials-provider` names the source as the official SDKs do.
    assert_eq!(
        requests[0].header("x-acs-credentials-provider"),
        Some("static_ak")
    );
    assert_eq!(
        requests[1].header("x-acs-credentials-provider"),
        Some("ram_role_arn/static_ak")
    );

    // An STS failure names the profile and the file.
    let config = home.config(&[
        ("ALIBABA_CLOUD_STS_ENDPOINT", &emulator.endpoint()),
        ("ALIBABA_CLOUD_PROFILE", "base"),
    ]);
    emulator.script_for("AssumeRole", Reply::error("NoPermission"));
    let error = cli_error(&config).await;
    assert_eq!(error.kind(), CredentialsErrorKind::ProviderFailed);
    assert_mentions(
        &error,
        &[
            "profile `base` (mode RamRoleArn)",
            &home.cli(),
            "NoPermission",
        ],
    );
}

#[tokio::test]
async fn cli_ecs_and_oidc_profiles() {
    let imds = TestServer::start(|request| match request.path.as_str() {
        "/latest/api/token" => Answer::ok("t"),
        "/latest/meta-data/ram/security-credentials/ProfileRole" => Answer::ok(credentials_json(
            "STS.ecs",
            ROLE_SECRET,
            ROLE_TOKEN,
            SystemTime::now() + Duration::from_secs(3600),
        )),
        _ => Answer::status(404, "no"),
    })
    .await;
    let emulator = sts().await;
    let home = Home::new();
    home.write("token", "profile-oidc-token");
    let token = home.path().join("token").display().to_string();
    home.write_cli(json!({"current": "ecs", "profiles": [
        {"name": "ecs", "mode": "EcsRamRole", "ram_role_name": "ProfileRole"},
        {"name": "oidc", "mode": "OIDC", "ram_role_arn": "acs:ram::1:role/pod",
         "oidc_provider_arn": "acs:ram::1:oidc-provider/ack", "oidc_token_file": token,
         "ram_session_name": "oidc-session"},
    ]}));
    let config = home
        .config(&[])
        .with_metadata_endpoint(imds.url())
        .with_sts_endpoint(emulator.endpoint());
    let credentials = CliProfileProvider::new(&config)
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(credentials.access_key_id(), "STS.ecs");
    assert_eq!(credentials.provider_name(), Some("ecs_ram_role"));

    emulator.script_for(
        "AssumeRoleWithOIDC",
        sts_reply("STS.oidc").skip_verification(),
    );
    let credentials = CliProfileProvider::new(&config)
        .with_profile("oidc")
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(credentials.access_key_id(), "STS.oidc");
    let request = &emulator.requests_for("AssumeRoleWithOIDC")[0];
    assert_eq!(request.param("OIDCToken"), Some("profile-oidc-token"));
    assert_eq!(request.param("RoleSessionName"), Some("oidc-session"));

    // EcsRamRole while the metadata service is disabled: a configuration error of the profile.
    let disabled = home.config(&[("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true")]);
    let error = cli_error(&disabled).await;
    assert_eq!(error.kind(), CredentialsErrorKind::InvalidConfiguration);
    assert_mentions(
        &error,
        &["profile `ecs`", "ALIBABA_CLOUD_ECS_METADATA_DISABLED"],
    );
}

#[tokio::test]
async fn cli_file_errors_name_the_file_profile_and_field() {
    let home = Home::new();
    // No file at the default path: not configured. Given by variable: invalid.
    let error = cli_error(&home.config(&[])).await;
    assert_eq!(error.kind(), CredentialsErrorKind::NotConfigured);
    assert_mentions(&error, &[&home.cli(), "does not exist"]);
    let missing = home.path().join("nope.json").display().to_string();
    let error = cli_error(&home.config(&[("ALIBABA_CLOUD_CONFIG_FILE", &missing)])).await;
    assert_eq!(error.kind(), CredentialsErrorKind::InvalidConfiguration);
    assert_mentions(&error, &[&missing, "cannot read"]);
    let error = cli_error(&ProviderConfig::new().with_env(Env::from_pairs::<&str, &str>([]))).await;
    assert_mentions(&error, &["HOME"]);

    let cases: Vec<(String, Vec<&str>)> = vec![
        (
            format!(r#"{{"profiles": [{{"name": "default", "access_key_secret": "{SECRET}""#),
            vec!["malformed", "not valid JSON (line 1"],
        ),
        (
            format!(r#"{{"profiles": [{{"name": "default", "mode": "AK", "access_key_id": 7, "access_key_secret": "{SECRET}"}}]}}"#),
            vec!["`profiles[0].access_key_id` has an unexpected type"],
        ),
        (
            r#"{"profiles": [{"name": "default", "mode": "AK", "access_key_secret": 98765}]}"#.into(),
            vec!["`profiles[0].access_key_secret`"],
        ),
        (
            r#"{"current": "dev", "profiles": [{"name": "dev", "mode": "AK", "access_key_id": "LTAI"}]}"#.into(),
            vec!["missing field `access_key_secret` in profile `dev`"],
        ),
        (
            r#"{"current": "prod", "profiles": [{"name": "dev"}, {"name": "test"}]}"#.into(),
            vec!["no profile `prod`", "profiles: dev, test"],
        ),
        (
            r#"{"profiles": [{"name": "default", "mode": "CloudSSO"}]}"#.into(),
            vec!["missing field `cloud_sso_sign_in_url`", "profile `default`"],
        ),
        (
            r#"{"profiles": [{"name": "default", "mode": "Bearer"}]}"#.into(),
            vec!["unsupported mode `Bearer`", "CloudSSO, OAuth, External"],
        ),
        (
            r#"{"profiles": [{"name": "default", "mode": "OAuth", "oauth_site_type": "CN", "oauth_access_token_expire": "soon"}]}"#.into(),
            vec!["`profiles[0].oauth_access_token_expire` has an unexpected type or value"],
        ),
        (
            r#"{"profiles": [{"name": "default"}]}"#.into(),
            vec!["missing field `mode` in profile `default`"],
        ),
        // A secret pasted into the mode is not quoted back.
        (
            format!(r#"{{"profiles": [{{"name": "default", "mode": "{SECRET}", "access_key_secret": "{SECRET}"}}]}}"#),
            vec!["unsupported mode `***`", "profile `default`"],
        ),
        (
            r#"{"profiles": [
                {"name": "default", "mode": "ChainableRamRoleArn", "source_profile": "b", "ram_role_arn": "r"},
                {"name": "b", "mode": "ChainableRamRoleArn", "source_profile": "default", "ram_role_arn": "r"}]}"#.into(),
            vec!["default -> b -> default", "loops"],
        ),
        (
            format!(r#"{{"profiles": [{{"name": "default", "mode": "RamRoleArn", "access_key_id": "LTAI", "access_key_secret": "{SECRET}", "ram_role_arn": "r", "expired_seconds": 60}}]}}"#),
            vec!["profile `default` (mode RamRoleArn)", "at least 900"],
        ),
        // The STS region becomes part of the host: anything but a region ID is refused.
        (
            format!(r#"{{"profiles": [{{"name": "default", "mode": "RamRoleArn", "access_key_id": "LTAI", "access_key_secret": "{SECRET}", "ram_role_arn": "r", "sts_region": "x@evil.com?"}}]}}"#),
            vec!["profile `default` (mode RamRoleArn)", "invalid STS region `x@evil.com?` in `sts_region`"],
        ),
        (
            r#"{"profiles": [{"name": "default", "mode": "OIDC", "ram_role_arn": "r", "oidc_provider_arn": "p", "oidc_token_file": "/t", "sts_region": "evil.com/"}]}"#.into(),
            vec!["profile `default` (mode OIDC)", "invalid STS region `evil.com/` in `sts_region`"],
        ),
    ];
    for (text, expected) in cases {
        home.write(".aliyun/config.json", &text);
        let error = cli_error(&home.config(&[])).await;
        assert_eq!(
            error.kind(),
            CredentialsErrorKind::InvalidConfiguration,
            "{error}"
        );
        let mut parts = expected.clone();
        let path = home.cli();
        parts.push(&path);
        assert_mentions(&error, &parts);
        let shown = format!("{error} {error:?}");
        assert!(
            !shown.contains("98765") && !shown.contains(SECRET),
            "a value was quoted: {shown}"
        );
    }

    home.write_cli(json!({"profiles": [
        {"name": "default", "mode": "AK", "access_key_id": "LTAI", "access_key_secret": SECRET}]}));
    let error = cli_error(&home.config(&[("ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "true")])).await;
    assert_eq!(error.kind(), CredentialsErrorKind::NotConfigured);
}

#[tokio::test]
async fn ini_access_key_sections_comments_and_quotes() {
    let home = Home::new();
    home.write(
        ".alibabacloud/credentials",
        &format!(
            "; a comment\n[default]\nenable = true\ntype = access_key # inline comment\naccess_key_id = LTAIini\naccess_key_secret = \"{SECRET}\"\n\n[project]\ntype=access_key\naccess_key_id=LTAIproject\naccess_key_secret={SECRET}\n"
        ),
    );
    let credentials = IniProfileProvider::new(&home.config(&[]))
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(credentials.access_key_id(), "LTAIini");
    assert_eq!(credentials.access_key_secret(), SECRET);
    assert_eq!(credentials.provider_name(), Some("ini_profile"));

    let credentials =
        IniProfileProvider::new(&home.config(&[("ALIBABA_CLOUD_PROFILE", "project")]))
            .provide_credentials()
            .await
            .unwrap();
    assert_eq!(credentials.access_key_id(), "LTAIproject");

    let other = Home::new();
    other.write(
        "creds.ini",
        &format!(
            "[default]\ntype=access_key\naccess_key_id=LTAIfile\naccess_key_secret={SECRET}\n"
        ),
    );
    let file = other.path().join("creds.ini").display().to_string();
    let credentials =
        IniProfileProvider::new(&home.config(&[("ALIBABA_CLOUD_CREDENTIALS_FILE", &file)]))
            .provide_credentials()
            .await
            .unwrap();
    assert_eq!(credentials.access_key_id(), "LTAIfile");
}

#[tokio::test]
async fn ini_role_types_use_sts_and_the_metadata_service() {
    let emulator = sts().await;
    let imds = TestServer::start(|request| match request.path.as_str() {
        "/latest/api/token" => Answer::ok("t"),
        "/latest/meta-data/ram/security-credentials/IniRole" => Answer::ok(credentials_json(
            "STS.iniecs",
            ROLE_SECRET,
            ROLE_TOKEN,
            SystemTime::now() + Duration::from_secs(3600),
        )),
        _ => Answer::status(404, "no"),
    })
    .await;
    let home = Home::new();
    home.write(
        ".alibabacloud/credentials",
        &format!(
            "[default]\ntype = ram_role_arn\naccess_key_id = LTAIprofile\naccess_key_secret = {SECRET}\nrole_arn = acs:ram::1:role/ini\nrole_session_name = ini-session\n\n[ecs]\ntype = ecs_ram_role\nrole_name = IniRole\n"
        ),
    );
    let config = home
        .config(&[])
        .with_sts_endpoint(emulator.endpoint())
        .with_metadata_endpoint(imds.url());
    emulator.script_for("AssumeRole", sts_reply("STS.ini"));
    let credentials = IniProfileProvider::new(&config)
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(credentials.access_key_id(), "STS.ini");
    let request = &emulator.requests_for("AssumeRole")[0];
    assert_eq!(request.verdict, Verdict::Accepted);
    assert_eq!(request.param("RoleSessionName"), Some("ini-session"));
    assert_eq!(request.param("DurationSeconds"), Some("3600"));

    let credentials = IniProfileProvider::new(&config)
        .with_profile("ecs")
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(credentials.access_key_id(), "STS.iniecs");
}

#[tokio::test]
async fn ini_oidc_role_arn_reads_its_token_file_and_falls_back_to_the_variables() {
    let emulator = sts().await;
    let home = Home::new();
    let token = home.path().join("oidc-token");
    std::fs::write(&token, "ini-oidc-token\n").unwrap();
    home.write(
        ".alibabacloud/credentials",
        &format!(
            "[default]\ntype = oidc_role_arn\nrole_arn = acs:ram::1:role/oidc\noidc_provider_arn = acs:ram::1:oidc-provider/ack\noidc_token_file_path = {}\nrole_session_name = ini-oidc\npolicy = {{\"Statement\": []}}\n\n[env]\ntype = oidc_role_arn\nrole_session_name = from-env\n",
            token.display()
        ),
    );
    let config = home.config(&[]).with_sts_endpoint(emulator.endpoint());
    emulator.script_for(
        "AssumeRoleWithOIDC",
        sts_reply("STS.inioidc").skip_verification(),
    );
    let provider = IniProfileProvider::new(&config);
    let credentials = provider.provide_credentials().await.unwrap();
    assert_eq!(credentials.access_key_id(), "STS.inioidc");
    assert_eq!(provider.official_name(), "profile/oidc_role_arn");
    let request = &emulator.requests_for("AssumeRoleWithOIDC")[0];
    assert_eq!(request.param("RoleArn"), Some("acs:ram::1:role/oidc"));
    assert_eq!(
        request.param("OIDCProviderArn"),
        Some("acs:ram::1:oidc-provider/ack")
    );
    assert_eq!(request.param("OIDCToken"), Some("ini-oidc-token"));
    assert_eq!(request.param("RoleSessionName"), Some("ini-oidc"));
    assert_eq!(request.param("Policy"), Some(r#"{"Statement": []}"#));
    assert_eq!(request.param("Signature"), None, "anonymous");

    // Keys left out are read from the variables, as the official SDKs do.
    let token = token.display().to_string();
    let config = home
        .config(&[
            ("ALIBABA_CLOUD_PROFILE", "env"),
            ("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::1:role/env"),
            (
                "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
                "acs:ram::1:oidc-provider/env",
            ),
            ("ALIBABA_CLOUD_OIDC_TOKEN_FILE", &token),
        ])
        .with_sts_endpoint(emulator.endpoint());
    emulator.script_for(
        "AssumeRoleWithOIDC",
        sts_reply("STS.envoidc").skip_verification(),
    );
    let credentials = IniProfileProvider::new(&config)
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(credentials.access_key_id(), "STS.envoidc");
    let request = &emulator.requests_for("AssumeRoleWithOIDC")[1];
    assert_eq!(request.param("RoleArn"), Some("acs:ram::1:role/env"));
    assert_eq!(request.param("RoleSessionName"), Some("from-env"));

    // Without them, the key is named (and the variable).
    let error = ini_error(&home.config(&[("ALIBABA_CLOUD_PROFILE", "env")])).await;
    assert_eq!(error.kind(), CredentialsErrorKind::InvalidConfiguration);
    assert_mentions(
        &error,
        &[
            "missing key `role_arn` (and ALIBABA_CLOUD_ROLE_ARN is not set)",
            "section `[env]`",
        ],
    );
}

#[tokio::test]
async fn ini_values_quotes_comments_and_the_retired_rsa_key_pair() {
    let home = Home::new();
    home.write(
        ".alibabacloud/credentials",
        &format!(
            "# leading comment\n[default]\ntype = access_key ; trailing comment\naccess_key_id: 'LTAI#with;marks'\naccess_key_secret = \"{SECRET} #kept\" # dropped\n\n[Upper]\ntype = access_key\naccess_key_id = LTAIupper\naccess_key_secret = a#b;c\n\n[rsa]\ntype = rsa_key_pair\npublic_key_id = pk\nprivate_key_file = /tmp/pk\n"
        ),
    );
    let credentials = IniProfileProvider::new(&home.config(&[]))
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(credentials.access_key_id(), "LTAI#with;marks");
    assert_eq!(credentials.access_key_secret(), format!("{SECRET} #kept"));
    // Sections are case-sensitive; a `#` or `;` without whitespace before it is no comment.
    let credentials = IniProfileProvider::new(&home.config(&[("ALIBABA_CLOUD_PROFILE", "Upper")]))
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(credentials.access_key_secret(), "a#b;c");
    let error = ini_error(&home.config(&[("ALIBABA_CLOUD_PROFILE", "upper")])).await;
    assert_mentions(&error, &["no section `[upper]`"]);

    let error = ini_error(&home.config(&[("ALIBABA_CLOUD_PROFILE", "rsa")])).await;
    assert_eq!(error.kind(), CredentialsErrorKind::InvalidConfiguration);
    assert_mentions(
        &error,
        &[
            "unsupported type `rsa_key_pair`",
            "retired",
            "section `[rsa]`",
        ],
    );
}

#[tokio::test]
async fn ini_errors_name_the_file_section_and_key() {
    let home = Home::new();
    let error = ini_error(&home.config(&[])).await;
    assert_eq!(error.kind(), CredentialsErrorKind::NotConfigured);
    assert_mentions(&error, &[&home.ini(), "does not exist"]);

    let cases: [(&str, &[&str]); 6] = [
        ("[other]\ntype=access_key\n", &["no section `[default]`"]),
        (
            "[default]\naccess_key_id=LTAI\n",
            &["missing key `type` in section `[default]`"],
        ),
        (
            "[default]\ntype=access_key\naccess_key_id=LTAI\n",
            &["missing key `access_key_secret` in section `[default]`"],
        ),
        (
            "[default]\ntype=rsa_key_pair\n",
            &["unsupported type `rsa_key_pair`"],
        ),
        (
            "[default]\ntype=ecs_ram_role\n",
            &["missing key `role_name`"],
        ),
        (
            "[default\ntype=access_key\n",
            &["malformed", "not valid INI (line"],
        ),
    ];
    for (text, expected) in cases {
        home.write(".alibabacloud/credentials", text);
        let error = ini_error(&home.config(&[])).await;
        assert_eq!(
            error.kind(),
            CredentialsErrorKind::InvalidConfiguration,
            "{error}"
        );
        let path = home.ini();
        let mut parts = expected.to_vec();
        parts.push(&path);
        assert_mentions(&error, &parts);
    }

    let missing = home.path().join("missing.ini").display().to_string();
    let error = ini_error(&home.config(&[("ALIBABA_CLOUD_CREDENTIALS_FILE", &missing)])).await;
    assert_eq!(error.kind(), CredentialsErrorKind::InvalidConfiguration);
    assert_mentions(&error, &[&missing]);
}

/// Runs `call` on this (single-threaded) runtime while the file it reads is a FIFO whose
/// writer waits for the runtime to make progress: a read that blocks the runtime's thread
/// stalls this test's timer until the writer gives up waiting (3 s), a read on the blocking
/// pool does not.
#[cfg(unix)]
async fn assert_read_off_the_runtime<T: Send + 'static>(
    fifo: &Path,
    contents: &str,
    call: impl std::future::Future<Output = T> + Send + 'static,
) -> T {
    let status = std::process::Command::new("mkfifo")
        .arg(fifo)
        .status()
        .unwrap();
    assert!(status.success());
    let (go, wait) = std::sync::mpsc::channel::<()>();
    let (path, contents) = (fifo.to_path_buf(), contents.to_string());
    std::thread::spawn(move || {
        let _ = wait.recv_timeout(Duration::from_secs(3));
        std::fs::write(path, contents).unwrap();
    });
    let task = tokio::spawn(call);
    let started = std::time::Instant::now();
    tokio::time::sleep(Duration::from_millis(50)).await;
    let ticked = started.elapsed();
    let _ = go.send(()); // the writer may have given up waiting already
    let result = task.await.unwrap();
    assert!(
        ticked < Duration::from_secs(1),
        "the runtime was blocked for {ticked:?} by a file read"
    );
    result
}

#[cfg(unix)]
#[tokio::test]
async fn files_are_read_without_blocking_the_runtime() {
    // The CLI file.
    let home = Home::new();
    let cli = home.path().join("cli.json");
    let config = home.config(&[("ALIBABA_CLOUD_CONFIG_FILE", cli.to_str().unwrap())]);
    let provider = CliProfileProvider::new(&config);
    let text = json!({"profiles": [
        {"name": "default", "mode": "AK", "access_key_id": "LTAIfifo", "access_key_secret": SECRET}]})
    .to_string();
    let credentials =
        assert_read_off_the_runtime(
            &cli,
            &text,
            async move { provider.provide_credentials().await },
        )
        .await
        .unwrap();
    assert_eq!(credentials.access_key_id(), "LTAIfifo");

    // The INI file.
    let ini = home.path().join("credentials.ini");
    let config = home.config(&[("ALIBABA_CLOUD_CREDENTIALS_FILE", ini.to_str().unwrap())]);
    let provider = IniProfileProvider::new(&config);
    let text = format!(
        "[default]\ntype = access_key\naccess_key_id = LTAIini\naccess_key_secret = {SECRET}\n"
    );
    let credentials =
        assert_read_off_the_runtime(
            &ini,
            &text,
            async move { provider.provide_credentials().await },
        )
        .await
        .unwrap();
    assert_eq!(credentials.access_key_id(), "LTAIini");

    // The OIDC token file, read on every refresh (here STS is not reachable: the error shows
    // that the token was read).
    let token = home.path().join("oidc-token");
    let config = home.config(&[]).with_sts_endpoint(closed_url().await);
    let settings = OidcSettings::new("acs:ram::1:role/r", "acs:ram::1:oidc-provider/p", &token);
    let provider = OidcRoleArnProvider::new(settings, &config).unwrap();
    let error = assert_read_off_the_runtime(&token, "jwt", async move {
        provider.provide_credentials().await
    })
    .await
    .unwrap_err();
    assert!(
        error.to_string().contains("STS AssumeRoleWithOIDC"),
        "{error}"
    );
}
