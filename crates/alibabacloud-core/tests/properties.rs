//! Property tests on stable (the fuzz targets' counterpart in `cargo test`): the error-body
//! parser, the 2xx decoder, the scrubber, the INI and CLI configuration parsers, the
//! credentials answers and the proxy settings, on generated and damaged inputs. None panics;
//! no error shows a secret of the request as a whole token; secrets are removed only where
//! they are whole tokens.

#![allow(clippy::unwrap_used)]

#[path = "support/strategies.rs"]
mod strategies;

use alibabacloud_core::fuzzing;
use alibabacloud_core::{Error, SuccessCheck};
use proptest::prelude::*;
use serde_json::{Value, json};
use strategies::{damaged, holds_whole, json_value, text, word};

/// `Display` and `Debug` of an error and of its sources, and the parts it keeps.
fn shown(error: &Error) -> String {
    let mut text = format!("{error} {error:?}");
    let mut source = std::error::Error::source(error);
    while let Some(e) = source {
        text.push_str(&format!(" | {e} {e:?}"));
        source = e.source();
    }
    match error {
        Error::Service(service) => text.push_str(&format!(
            " {:?} {:?} {}",
            service.access_denied_detail(),
            service.recommend(),
            String::from_utf8_lossy(service.body())
        )),
        Error::Response(response) => {
            text.push_str(&String::from_utf8_lossy(response.body()));
        }
        _ => {}
    }
    text
}

/// An error document (or something close to one) holding `secret` in its fields, with
/// `field_secret` as the value of the secret response field `AccessTicket`.
fn document(secret: String, field_secret: String) -> impl Strategy<Value = Vec<u8>> {
    (json_value(), text(10), any::<bool>()).prop_flat_map(move |(extra, noise, success)| {
        let body = json!({
            "Code": format!("Echo.{secret}"),
            "Message": format!("{noise} [{secret}] {noise}"),
            "RequestId": secret,
            "HostId": format!("h/{secret}"),
            "Recommend": format!("https://r?q={secret}&x={noise}"),
            "AccessDeniedDetail": {"Echo": secret, "Nested": [extra.clone()]},
            "Result": {"AccessTicket": field_secret},
            "Success": success,
            "Extra": extra,
        });
        let bytes = serde_json::to_vec(&body).unwrap();
        prop_oneof![Just(bytes.clone()), damaged(bytes)]
    })
}

proptest! {
    #![proptest_config(strategies::config())]

    #[test]
    fn error_bodies_never_show_a_secret(
        (secret, field_secret, body) in (word(6, 16), word(6, 16)).prop_flat_map(|(s, f)| {
            (Just(s.clone()), Just(f.clone()), document(s, f))
        }),
        status in 300u16..600,
        id_is_secret in any::<bool>(),
    ) {
        let request_id = if id_is_secret { secret.clone() } else { "REQ-1".to_owned() };
        let error = fuzzing::error_from_response(
            status,
            Some(&request_id),
            &body,
            &[&secret],
            &["AccessTicket"],
        );
        let text = shown(&error);
        prop_assert!(!holds_whole(&text, &secret), "{}", text);
        // A secret field is known by its name: when the damage spared it, its value is gone.
        let named = format!("\"AccessTicket\":\"{field_secret}\"");
        if String::from_utf8_lossy(&body).contains(&named) {
            prop_assert!(!holds_whole(&text, &field_secret), "{}", text);
        }
    }

    #[test]
    fn any_bytes_make_an_error_without_a_panic(
        body in prop::collection::vec(any::<u8>(), 0..300),
        status in 0u16..1000,
    ) {
        let error = fuzzing::error_from_response(status, None, &body, &[], &[]);
        let _ = shown(&error);
        prop_assert!(matches!(error, Error::Service(_) | Error::Response(_)));
    }

    #[test]
    fn an_object_with_a_code_is_a_service_error_with_that_code(
        code in word(1, 20),
        extra in prop::collection::vec((strategies::key(), json_value()), 0..6),
    ) {
        let mut object: serde_json::Map<String, Value> = extra.into_iter().collect();
        // Whatever else the document says, a string `Code` given first wins.
        let mut body = format!("{{\"Code\":{}", serde_json::to_string(&code).unwrap());
        for (key, value) in &object {
            body.push(',');
            body.push_str(&serde_json::to_string(key).unwrap());
            body.push(':');
            body.push_str(&value.to_string());
        }
        body.push('}');
        object.clear();
        let error = fuzzing::error_from_response(400, None, body.as_bytes(), &[], &[]);
        prop_assert_eq!(error.code().map(String::as_str), Some(code.as_str()), "{}", body);
    }

    #[test]
    fn a_json_array_is_never_an_error_document(items in prop::collection::vec(json_value(), 0..5)) {
        let body = serde_json::to_vec(&items).unwrap();
        let error = fuzzing::error_from_response(400, None, &body, &[], &[]);
        prop_assert!(matches!(error, Error::Response(_)), "{:?}", error);
    }

    #[test]
    fn decoding_2xx_bodies_never_panics_nor_shows_a_secret(
        (secret, body) in word(6, 16).prop_flat_map(|s| {
            let field = format!("{s}F");
            (Just(s.clone()), document(s, field))
        }),
    ) {
        for check in [SuccessCheck::Envelope, SuccessCheck::Field(|v: &Value| v.get("Success").and_then(Value::as_bool))] {
            match fuzzing::decode::<Value>(200, &body, &[&secret], &["AccessTicket"], check) {
                Ok(value) => {
                    // Decoded: the body was JSON and did not say `Success: false`.
                    prop_assert_ne!(value.get("Success"), Some(&Value::Bool(false)));
                }
                Err(error) => {
                    let text = shown(&error);
                    prop_assert!(!holds_whole(&text, &secret), "{}", text);
                }
            }
        }
    }

    #[test]
    fn any_json_decodes_and_success_false_is_always_the_service_error(
        value in json_value(),
        success in prop::option::of(any::<bool>()),
    ) {
        let mut value = value;
        if let (Value::Object(map), Some(success)) = (&mut value, success) {
            map.insert("Success".to_owned(), Value::Bool(success));
            map.insert("Code".to_owned(), Value::from("Biz.Failed"));
        }
        let body = serde_json::to_vec(&value).unwrap();
        let decoded = fuzzing::decode::<Value>(200, &body, &[], &[], SuccessCheck::Envelope);
        // Only the top level's `Success` (or `success`) says so: the first of them that
        // reads as a boolean (a boolean, or "true"/"false" in any case).
        let says_false = value.as_object().is_some_and(|map| {
            let flag = map
                .iter()
                .filter(|(k, _)| *k == "Success" || *k == "success")
                .find_map(|(_, v)| match v {
                    Value::Bool(b) => Some(*b),
                    Value::String(s) if s.eq_ignore_ascii_case("false") => Some(false),
                    Value::String(s) if s.eq_ignore_ascii_case("true") => Some(true),
                    _ => None,
                });
            flag == Some(false)
        });
        if says_false {
            let error = decoded.unwrap_err();
            prop_assert!(matches!(error, Error::Service(_)), "{:?}", error);
            if success == Some(false) {
                prop_assert_eq!(error.code().map(String::as_str), Some("Biz.Failed"));
            }
        } else {
            prop_assert_eq!(decoded.unwrap(), value);
        }
    }

    #[test]
    fn scrubbing_removes_whole_tokens_only_and_is_stable(
        secret in word(1, 12),
        parts in prop::collection::vec((text(8), any::<bool>()), 0..8),
    ) {
        // The text alternates random pieces with the secret, sometimes glued to a letter
        // (part of a longer word: kept) and sometimes between delimiters (removed).
        let mut input = String::new();
        let mut glued = Vec::new();
        for (piece, glue) in &parts {
            input.push_str(piece);
            if *glue {
                input.push('Z');
                input.push_str(&secret);
                input.push('Z');
                glued.push(format!("Z{secret}Z"));
            } else {
                input.push(' ');
                input.push_str(&secret);
                input.push(' ');
            }
        }
        let once = fuzzing::scrub(input.as_bytes(), &[&secret], &[]);
        let once_text = String::from_utf8(once.clone()).unwrap();
        prop_assert!(!holds_whole(&once_text, &secret), "{:?} -> {:?}", input, once_text);
        for word in &glued {
            prop_assert!(once_text.contains(word.as_str()), "{:?} lost {:?}", once_text, word);
        }
        prop_assert_eq!(fuzzing::scrub(&once, &[&secret], &[]), once);
        // Text without the secret is left as it is.
        let clean = input.replace(&secret, "");
        if !clean.contains(&secret) {
            prop_assert_eq!(fuzzing::scrub(clean.as_bytes(), &[&secret], &[]), clean.as_bytes());
        }
    }

    #[test]
    fn ini_files_never_show_their_secret(
        secret in word(8, 16).prop_map(|w| format!("Sec{w}")),
        lines in prop::collection::vec(
            prop_oneof![
                Just("[default]".to_owned()),
                Just("[other]".to_owned()),
                Just("type = access_key".to_owned()),
                Just("type = \"access_key".to_owned()),
                Just("type = 'ram_role_arn".to_owned()),
                Just("type = ecs_ram_role".to_owned()),
                Just("access_key_id = \"LTAI".to_owned()),
                Just("role_arn = acs:ram::1:role/x".to_owned()),
                Just("role_name = R".to_owned()),
                Just("# a \"comment".to_owned()),
                text(20),
            ],
            0..12,
        ),
        at in 0usize..12,
    ) {
        let mut lines = lines;
        let at = at.min(lines.len());
        lines.insert(at, format!("access_key_secret = {secret}"));
        let file = lines.join("\n");
        if let Err(error) = fuzzing::ini_credentials(&file, "default") {
            let text = format!("{error} {error:?}");
            prop_assert!(!text.contains(&secret), "{}\n---\n{}", file, text);
        }
    }

    #[test]
    fn cli_configs_never_show_their_secrets(
        secret in word(8, 16).prop_map(|w| format!("Sec{w}")),
        mode in prop_oneof![
            prop::sample::select(vec!["AK", "StsToken", "RamRoleArn", "EcsRamRole", "OIDC", "ChainableRamRoleArn", "CloudSSO", "OAuth", "External"]).prop_map(str::to_owned),
            word(1, 10),
        ],
        extra in prop::collection::vec((strategies::key(), json_value()), 0..4),
        damage in any::<bool>(),
        bytes_seed in any::<u64>(),
    ) {
        // Every secret field of every mode holds the secret: the AccessKey secret, the STS
        // token, the CloudSSO access token, the OAuth tokens, the External command.
        let mut profile = json!({"name": "default", "mode": mode, "access_key_secret": secret, "sts_token": secret,
            "access_token": secret, "oauth_access_token": secret, "oauth_refresh_token": secret,
            "process_command": format!("tool --token {secret} 'unclosed"), "oauth_site_type": "CN",
            "cloud_sso_sign_in_url": format!("https://{secret}"), "cloud_sso_access_token_expire": 1});
        for (key, value) in extra {
            profile[key] = value;
        }
        let text = json!({"current": "default", "profiles": [profile]}).to_string();
        let text = if damage {
            // Cut somewhere: the parser's error must not quote what it read.
            let cut = usize::try_from(bytes_seed % (text.len() as u64)).unwrap();
            let mut cut = cut;
            while !text.is_char_boundary(cut) { cut -= 1; }
            text[..cut].to_owned()
        } else {
            text
        };
        if let Err(error) = fuzzing::cli_config(&text, None) {
            let shown = format!("{error} {error:?}");
            prop_assert!(!shown.contains(&secret), "{}\n---\n{}", text, shown);
        }
    }

    #[test]
    fn credentials_answers_never_quote_themselves(
        value in json_value(),
        secret in word(8, 16).prop_map(|w| format!("Sec{w}")),
        nested in any::<bool>(),
    ) {
        let mut answer = json!({"AccessKeyId": "STS.x", "AccessKeySecret": secret, "SecurityToken": value, "Expiration": secret});
        if nested {
            answer = json!({"Credentials": answer});
        }
        let body = answer.to_string();
        if let Err(error) = fuzzing::temporary_credentials(body.as_bytes(), nested) {
            prop_assert!(!error.contains(&secret), "{}", error);
        }
        let _ = fuzzing::temporary_credentials(&body.as_bytes()[..body.len() / 2], nested);
    }
}

proptest! {
    #![proptest_config(strategies::config())]

    #[test]
    fn external_output_errors_never_quote_the_output(
        secret in word(8, 16).prop_map(|w| format!("Sec{w}")),
        value in json_value(),
        mode in prop::sample::select(vec!["AK", "StsToken", "x"]),
        damage in any::<bool>(),
    ) {
        let output = json!({"mode": mode, "access_key_id": value, "access_key_secret": secret,
            "sts_token": secret, "expiration": secret});
        let mut bytes = serde_json::to_vec(&output).unwrap();
        if damage {
            bytes.truncate(bytes.len() / 2);
        }
        if let Err(error) = fuzzing::external_output(&bytes) {
            prop_assert!(!error.contains(&secret), "{}", error);
        }
    }

    /// Any argument list, written with POSIX single quotes, splits back into itself (and the
    /// Windows rules keep a plain double-quoted argument as it is).
    #[test]
    fn commands_split_back_into_their_arguments(
        argv in prop::collection::vec(text(12), 1..6),
    ) {
        prop_assume!(!argv[0].is_empty());
        let quoted: Vec<String> = argv
            .iter()
            .map(|a| format!("'{}'", a.replace('\'', r"'\''")))
            .collect();
        prop_assert_eq!(fuzzing::split_command(&quoted.join(" \t "), false), Some(argv.clone()));
        if argv.iter().all(|a| !a.contains('"') && !a.ends_with('\\')) {
            let quoted: Vec<String> = argv.iter().map(|a| format!("\"{a}\"")).collect();
            prop_assert_eq!(fuzzing::split_command(&quoted.join(" "), true), Some(argv));
        }
    }

    #[test]
    fn command_splitting_never_panics(command in text(40), windows in any::<bool>()) {
        if let Some(argv) = fuzzing::split_command(&command, windows) {
            prop_assert!(!argv[0].is_empty());
        }
    }
}

proptest! {
    #![proptest_config(strategies::config())]

    /// A proxy's password never shows: not in the settings' `Debug`, not in an error about a
    /// setting or a request, whatever the URL and `NO_PROXY` hold. A well-formed `http://`
    /// proxy goes with its password (`Proxy-Authorization`) on the plain-HTTP requests it
    /// takes, and tunnels HTTPS ones.
    #[test]
    fn proxy_settings_never_show_their_password(
        password in word(8, 16).prop_map(|w| format!("Pw{w}")),
        user in word(1, 8),
        scheme in prop::sample::select(vec!["http", "https", "socks5", "socks5h", "HTTP", ""]),
        named_host in any::<bool>(),
        host in prop_oneof![
            word(1, 12),
            Just("127.0.0.1".to_owned()),
            Just("[::1]".to_owned()),
            text(12),
        ],
        port in prop::option::of(any::<u16>()),
        no_proxy in prop::option::of(prop_oneof![
            text(24),
            Just("*".to_owned()),
            Just(".internal, 10.0.0.0/8,::1".to_owned()),
            Just("business.aliyuncs.com".to_owned()),
        ]),
        more in prop::collection::vec(prop_oneof![
            Just("http://10.1.2.3:8080/x".to_owned()),
            Just("https://a.internal/".to_owned()),
            Just("http://[::1]/".to_owned()),
            text(24),
        ], 0..3),
        which in 0..3u8,
    ) {
        let host = if named_host { "proxy.internal".to_owned() } else { host };
        let authority = match port {
            Some(port) => format!("{host}:{port}"),
            None => host.clone(),
        };
        let url = format!("{scheme}://{user}:{password}@{authority}");
        let (http, https) = match which {
            0 => (Some(url.as_str()), None),
            1 => (None, Some(url.as_str())),
            _ => (Some(url.as_str()), Some(url.as_str())),
        };
        let mut destinations = vec!["http://business.aliyuncs.com/", "https://business.aliyuncs.com/"];
        destinations.extend(more.iter().map(String::as_str));
        let shown = fuzzing::proxy(http, https, no_proxy.as_deref(), &destinations);
        for text in &shown {
            prop_assert!(!text.contains(&password), "{}", text);
        }
        // The builder's `Debug`, the proxy's, then the two known destinations.
        if scheme == "http" && named_host && port.is_none_or(|port| port > 0) && no_proxy.is_none() {
            prop_assert_eq!(&shown[1], "Proxy(custom)");
            let plain = if which == 1 { "direct" } else { "proxied+auth" };
            let tls = if which == 0 { "direct" } else { "proxied" };
            prop_assert_eq!(&shown[2], plain);
            prop_assert_eq!(&shown[3], tls);
        }
    }
}

/// Inputs the fuzzers found, kept as cases.
#[test]
fn fuzz_findings_stay_fixed() {
    // A `[` not closed on its line: the section name ran over the next lines, the secret
    // among them, and the error quoted it (with rust-ini); so did a key run over lines by a
    // quote. The parser now reads line by line and names the line.
    let file = "[defa:\0\0\0\\d\naccess_key_secret = SecrelutVae01\n[x]ult]\nt\0\0\\= \"acce= \"access_key\na\x0c\0\0\0\0\0\0\ntype = \"a\"\n";
    let error = fuzzing::ini_credentials(file, "default").unwrap_err();
    let shown = format!("{error} {error:?}");
    assert!(!shown.contains("SecrelutVae01"), "{shown}");
    assert!(
        shown.contains("line 1: a section header without its closing `]`"),
        "{shown}"
    );
    // A secret field whose value is `*`: each pass replaced every `*` of the text by `***`.
    let text = b"{\"Code\":\"Authoe\":\"Aukeckethas expired.\",\"AccessTicket\":\r\"*\"}";
    let once = fuzzing::scrub(text, &["x\0\0\0\0\x05x"], &["AccessTicket"]);
    assert!(
        once.len() <= text.len() + 3,
        "{}",
        String::from_utf8_lossy(&once)
    );
    assert_eq!(
        fuzzing::scrub(&once, &["x\0\0\0\0\x05x"], &["AccessTicket"]),
        once
    );
    for file in [
        "[default]\nkey \"with\nsecret = SecrelutVae02\"\n = 1\n",
        "[default\naccess_key_secret = SecrelutVae03\n]\ntype = x\n",
    ] {
        if let Err(error) = fuzzing::ini_credentials(file, "default") {
            let shown = format!("{error} {error:?}");
            assert!(!shown.contains("SecrelutVae0"), "{file:?}: {shown}");
        }
    }
}
