//! Both generated clients against the emulator, which verifies every signature with its
//! own code and answers with the documented example: every field of the answer is checked,
//! and so is what went over the wire, with both signature styles and with STS credentials
//! (given directly, and obtained from STS `AssumeRole`).

#![allow(clippy::unwrap_used)]

mod common;

use std::time::Duration;

use alibabacloud_bssopenapi20171214 as bss;
use alibabacloud_core::credentials::{
    AssumeRoleSettings, ProviderConfig, RamRoleArnProvider, SharedCredentialsProvider,
};
use alibabacloud_core::env::Env;
use alibabacloud_core::{Credentials, SignatureVersion};
use alibabacloud_emulator::{AuthScheme, EmulatorHandle, RecordedRequest, Reply, Verdict};
use alibabacloud_quickbi_public20220101 as quickbi;
use common::{KEY_ID, STS_ID, STS_SECRET, STS_TOKEN, TICKET};
use quickbi::operation::query_ticket_info::QueryTicketInfoErrorCode;

/// The SHA-256 of an empty body.
const EMPTY_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

fn only_request(emulator: &EmulatorHandle) -> RecordedRequest {
    let mut requests = emulator.requests();
    assert_eq!(requests.len(), 1, "{requests:#?}");
    requests.remove(0)
}

#[tokio::test]
async fn query_ticket_info_answers_every_documented_field() {
    let emulator = common::emulator().await;
    let client = common::quickbi_client(&emulator);

    let response = client
        .query_ticket_info()
        .ticket(TICKET)
        .send()
        .await
        .unwrap();

    let request = only_request(&emulator);
    assert!(request.request_id.is_some());
    assert_eq!(response.request_id, request.request_id);
    common::assert_documented_ticket_info(&response);

    // What went over the wire.
    assert_eq!(request.verdict, Verdict::Accepted);
    assert_eq!(request.status(), Some(200));
    assert_eq!(request.method, "POST");
    assert_eq!(request.path, "/");
    assert_eq!(request.action.as_deref(), Some("QueryTicketInfo"));
    assert_eq!(request.version.as_deref(), Some("2022-01-01"));
    assert_eq!(request.auth_scheme, Some(AuthScheme::Acs3HmacSha256));
    assert_eq!(request.access_key_id.as_deref(), Some(KEY_ID));
    assert_eq!(request.query, [("Ticket".to_owned(), TICKET.to_owned())]);
    assert!(request.form.is_empty() && request.body.is_empty());
    assert_eq!(request.header("x-acs-content-sha256"), Some(EMPTY_SHA256));
    assert_eq!(request.header("accept"), Some("application/json"));
    assert!(
        request
            .header("user-agent")
            .is_some_and(|ua| ua.starts_with("AlibabaCloud (")),
        "{request:?}"
    );
}

#[tokio::test]
async fn query_cash_coupons_answers_every_documented_field() {
    let emulator = common::emulator().await;
    let client = common::bss_client(&emulator);

    let response = client
        .query_cash_coupons()
        .effective_or_not(true)
        .expiry_time_start("2018-08-01T00:00:00Z")
        .expiry_time_end("2018-09-01T00:00:00Z")
        .send()
        .await
        .unwrap();

    let request = only_request(&emulator);
    assert_eq!(response.request_id, request.request_id);
    common::assert_documented_cash_coupons(&response);

    assert_eq!(request.verdict, Verdict::Accepted);
    assert_eq!(request.action.as_deref(), Some("QueryCashCoupons"));
    assert_eq!(request.version.as_deref(), Some("2017-12-14"));
    assert_eq!(request.param("EffectiveOrNot"), Some("true"));
    assert_eq!(
        request.param("ExpiryTimeStart"),
        Some("2018-08-01T00:00:00Z")
    );
    assert_eq!(request.param("ExpiryTimeEnd"), Some("2018-09-01T00:00:00Z"));
    assert_eq!(request.query.len(), 3, "{:?}", request.query);
}

#[tokio::test]
async fn optional_parameters_left_unset_are_not_sent() {
    let emulator = common::emulator().await;
    let response = common::bss_client(&emulator)
        .query_cash_coupons()
        .send()
        .await
        .unwrap();
    common::assert_documented_cash_coupons(&response);
    assert!(only_request(&emulator).query.is_empty());
}

#[tokio::test]
async fn both_signature_styles_are_accepted_by_both_clients() {
    let emulator = common::emulator().await;
    for (style, scheme) in [
        (SignatureVersion::Acs3HmacSha256, AuthScheme::Acs3HmacSha256),
        (SignatureVersion::HmacSha1, AuthScheme::RpcHmacSha1),
    ] {
        emulator.clear_requests();
        let config = common::config(&emulator)
            .signature_version(style)
            .build()
            .unwrap();

        let tickets = quickbi::Client::new(config.clone())
            .query_ticket_info()
            .ticket(TICKET)
            .send()
            .await
            .unwrap();
        common::assert_documented_ticket_info(&tickets);
        let coupons = bss::Client::new(config)
            .query_cash_coupons()
            .effective_or_not(false)
            .expiry_time_end("2018-09-01T00:00:00Z")
            .send()
            .await
            .unwrap();
        common::assert_documented_cash_coupons(&coupons);

        let requests = emulator.requests();
        assert_eq!(requests.len(), 2, "{style:?}");
        for request in &requests {
            assert_eq!(request.verdict, Verdict::Accepted, "{style:?} {request:?}");
            assert_eq!(request.auth_scheme, Some(scheme));
            assert_eq!(request.access_key_id.as_deref(), Some(KEY_ID));
        }
        assert_eq!(requests[0].param("Ticket"), Some(TICKET));
        assert_eq!(requests[1].param("EffectiveOrNot"), Some("false"));
        assert_eq!(
            requests[1].param("ExpiryTimeEnd"),
            Some("2018-09-01T00:00:00Z")
        );
        match style {
            SignatureVersion::HmacSha1 => {
                // The legacy signature: action, version and the common parameters in the
                // query, no Authorization header.
                let request = &requests[1];
                assert_eq!(request.param("Action"), Some("QueryCashCoupons"));
                assert_eq!(request.param("Version"), Some("2017-12-14"));
                assert_eq!(request.param("SignatureMethod"), Some("HMAC-SHA1"));
                assert_eq!(request.param("SignatureVersion"), Some("1.0"));
                assert_eq!(request.param("AccessKeyId"), Some(KEY_ID));
                assert!(request.param("Signature").is_some());
                assert_eq!(request.header("authorization"), None);
            }
            _ => {
                let authorization = requests[1].header("authorization").unwrap();
                assert!(
                    authorization.starts_with(&format!(
                        "ACS3-HMAC-SHA256 Credential={KEY_ID},SignedHeaders="
                    )),
                    "{authorization}"
                );
                assert_eq!(requests[1].param("Signature"), None);
            }
        }
    }
}

#[tokio::test]
async fn sts_credentials_send_their_token_with_both_signature_styles() {
    let emulator = common::emulator().await;
    for style in [SignatureVersion::Acs3HmacSha256, SignatureVersion::HmacSha1] {
        emulator.clear_requests();
        let config = common::config(&emulator)
            .credentials_provider(
                Credentials::new(STS_ID, STS_SECRET)
                    .unwrap()
                    .with_security_token(STS_TOKEN),
            )
            .signature_version(style)
            .build()
            .unwrap();
        let response = quickbi::Client::new(config)
            .query_ticket_info()
            .ticket(TICKET)
            .send()
            .await
            .unwrap();
        common::assert_documented_ticket_info(&response);

        let request = only_request(&emulator);
        assert_eq!(request.verdict, Verdict::Accepted, "{style:?}");
        assert_eq!(request.access_key_id.as_deref(), Some(STS_ID));
        match style {
            SignatureVersion::HmacSha1 => {
                assert_eq!(request.param("SecurityToken"), Some(STS_TOKEN));
            }
            _ => {
                assert_eq!(request.header("x-acs-security-token"), Some(STS_TOKEN));
                assert_eq!(request.header("x-acs-accesskey-id"), Some(STS_ID));
            }
        }
    }
}

#[tokio::test]
async fn sts_credentials_without_or_with_a_wrong_token_are_refused() {
    let emulator = common::emulator().await;
    let cases = [
        (
            Credentials::new(STS_ID, STS_SECRET).unwrap(),
            "MissingSecurityToken",
        ),
        (
            Credentials::new(STS_ID, STS_SECRET)
                .unwrap()
                .with_security_token("NotTheToken"),
            "InvalidSecurityToken.MismatchWithAccessKey",
        ),
    ];
    for (credentials, code) in cases {
        let config = common::config(&emulator)
            .credentials_provider(credentials)
            .build()
            .unwrap();
        let err = quickbi::Client::new(config)
            .query_ticket_info()
            .ticket(TICKET)
            .send()
            .await
            .unwrap_err();
        // A gateway code the operation does not document.
        assert_eq!(
            err.code(),
            Some(&QueryTicketInfoErrorCode::Unknown(code.to_owned())),
            "{err:?}"
        );
        assert_eq!(err.as_service_error().unwrap().status(), 400);
        let shown = format!("{err:?} {err}");
        assert!(!shown.contains(STS_SECRET) && !shown.contains("NotTheToken"));
    }
}

#[tokio::test]
async fn sts_credentials_from_assume_role_sign_the_calls() {
    const ROLE_ID: &str = "STS.e2eRoleKeyId";
    const ROLE_SECRET: &str = "E2eRoleSecretValue";
    const ROLE_TOKEN: &str = "E2eRoleSecurityToken";

    let emulator = common::emulator().await;
    // The emulator plays STS too: AssumeRole answers these credentials, which the service
    // then accepts.
    emulator
        .credentials()
        .add_sts(ROLE_ID, ROLE_SECRET, ROLE_TOKEN);
    let expiration = time::OffsetDateTime::now_utc() + Duration::from_secs(3600);
    emulator.script_for(
        "AssumeRole",
        Reply::success(serde_json::json!({
            "AssumedRoleUser": {"Arn": "acs:ram::123456789012:role/reader/e2e", "AssumedRoleId": "1:e2e"},
            "Credentials": {
                "AccessKeyId": ROLE_ID,
                "AccessKeySecret": ROLE_SECRET,
                "SecurityToken": ROLE_TOKEN,
                "Expiration": alibabacloud_emulator::sign::format_timestamp(expiration),
            }
        })),
    );
    let providers = ProviderConfig::new()
        .with_env(Env::from_pairs::<&str, &str>([]))
        .with_sts_endpoint(emulator.endpoint());
    let mut settings = AssumeRoleSettings::new("acs:ram::123456789012:role/reader");
    settings.role_session_name = Some("e2e".into());
    let role = RamRoleArnProvider::new(
        SharedCredentialsProvider::new(Credentials::new(KEY_ID, common::KEY_SECRET).unwrap()),
        settings,
        &providers,
    )
    .unwrap();
    let client = bss::Client::new(
        common::config(&emulator)
            .credentials_provider(role)
            .build()
            .unwrap(),
    );

    for _ in 0..2 {
        let response = client.query_cash_coupons().send().await.unwrap();
        common::assert_documented_cash_coupons(&response);
    }

    // One AssumeRole (signed with the AccessKey pair), then both calls with the role's
    // cached credentials.
    let assume = emulator.requests_for("AssumeRole");
    assert_eq!(assume.len(), 1);
    assert_eq!(assume[0].verdict, Verdict::Accepted);
    assert_eq!(assume[0].access_key_id.as_deref(), Some(KEY_ID));
    let calls = emulator.requests_for("QueryCashCoupons");
    assert_eq!(calls.len(), 2);
    for call in &calls {
        assert_eq!(call.verdict, Verdict::Accepted);
        assert_eq!(call.access_key_id.as_deref(), Some(ROLE_ID));
        assert_eq!(call.header("x-acs-security-token"), Some(ROLE_TOKEN));
    }
}

/// A large answer (a page of 2,000 vouchers, about 460 KB, so its list's length is estimated
/// from the body before it is decoded) is decoded whole and in order, into a list without spare
/// room, with `send()` and with `send_with_metadata()`. (What the estimate saves, the second
/// copy of the list, shows in the peak memory: `examples/large_body_memory.rs`.)
#[tokio::test]
async fn a_large_page_is_decoded_whole_into_a_list_of_its_length() {
    let coupon = |n: usize| {
        format!(
            r#"{{"Status":"Available","ExpiryTime":"2019-01-29T15:15:50Z","NominalValue":"100.00","CashCouponId":{},"CashCouponNo":"Q-{n:013x}","Balance":"100.00","Description":"This voucher is used for testing product function"}}"#,
            34_534_253_254_325 + n
        )
    };
    let coupons: Vec<String> = (0..2_000).map(coupon).collect();
    let body = format!(
        r#"{{"Code":"Success","RequestId":"R-1","Success":true,"Data":{{"CashCoupon":[{}]}}}}"#,
        coupons.join(",")
    );
    assert!(body.len() > 400 * 1024);
    let client = bss::Client::new(
        alibabacloud_core::Config::builder()
            .region("cn-hangzhou")
            .credentials_provider(Credentials::new("id", "secret").unwrap())
            .transport(alibabacloud_core::transport::CannedTransport::new(
                200, body,
            ))
            .build()
            .unwrap(),
    );
    let check = |list: &Vec<bss::model::query_cash_coupons::CashCoupon>| {
        assert_eq!(list.len(), 2_000);
        assert_eq!(list.capacity(), 2_000, "no spare room");
        for (n, coupon) in list.iter().enumerate() {
            assert_eq!(coupon.cash_coupon_id, Some(34_534_253_254_325 + n as i64));
            assert_eq!(coupon.cash_coupon_no, Some(format!("Q-{n:013x}")));
        }
    };
    let out = client.query_cash_coupons().send().await.unwrap();
    check(&out.data.cash_coupon);
    let with_metadata = client
        .query_cash_coupons()
        .send_with_metadata()
        .await
        .unwrap();
    assert_eq!(with_metadata.request_id(), Some("R-1"));
    check(&with_metadata.into_output().data.cash_coupon);
}
