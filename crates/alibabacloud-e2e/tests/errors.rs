//! Errors through the generated clients against the emulator: every error code the specs
//! document surfaces as its enum variant with the documented status and message, other
//! codes as `Unknown(code)`, a 200 that says `Success: false` is a service error, a
//! missing required parameter never leaves the client, and secrets (the ticket, the
//! AccessKey secret, the security token) never show in `Debug` or `Display`.

#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeSet;

use alibabacloud_bssopenapi20171214 as bss;
use alibabacloud_core::{
    ApiStyle, CallOptions, ConstructionError, Credentials, Error, HttpMethod, Operation,
    OperationType, ParamLocation, Params, RetryConfig, Runtime, SignatureVersion,
};
use alibabacloud_emulator::{Reply, Verdict};
use alibabacloud_quickbi_public20220101 as quickbi;
use bss::operation::query_cash_coupons::QueryCashCouponsErrorCode;
use common::{STS_ID, STS_SECRET, STS_TOKEN, TICKET};
use http::StatusCode;
use quickbi::operation::query_ticket_info::QueryTicketInfoErrorCode;

fn no_retry() -> CallOptions {
    CallOptions::new().retry(RetryConfig::disabled())
}

/// Every code the Quick BI spec documents for QueryTicketInfo, with its variant.
fn ticket_codes() -> Vec<(&'static str, QueryTicketInfoErrorCode)> {
    use QueryTicketInfoErrorCode as C;
    vec![
        (
            "Authorize3rdTicket.BindedWorks.Mismatch",
            C::Authorize3rdTicketBindedWorksMismatch,
        ),
        ("Authorize3rdTicket.Expired", C::Authorize3rdTicketExpired),
        (
            "Authorize3rdTicket.HasNo.LoginToken",
            C::Authorize3rdTicketHasNoLoginToken,
        ),
        ("Authorize3rdTicket.NotExist", C::Authorize3rdTicketNotExist),
        (
            "Authorize3rdTicket.Num.Exceed",
            C::Authorize3rdTicketNumExceed,
        ),
        (
            "Authorize3rdTicket.Num.HasNoLeft",
            C::Authorize3rdTicketNumHasNoLeft,
        ),
        (
            "NoPermissionTo.Operate.Object",
            C::NoPermissionToOperateObject,
        ),
    ]
}

/// Every code the BSS spec documents for QueryCashCoupons, with its variant.
fn coupon_codes() -> Vec<(&'static str, QueryCashCouponsErrorCode)> {
    use QueryCashCouponsErrorCode as C;
    vec![
        ("NotApplicable", C::NotApplicable),
        ("NotAuthorized", C::NotAuthorized),
        ("MissingParameter", C::MissingParameter),
        ("InvalidParameter", C::InvalidParameter),
        ("InvalidOwner", C::InvalidOwner),
        ("InternalError", C::InternalError),
        ("UndefinedError", C::UndefinedError),
    ]
}

/// The documented `(status, message)` of each code of an operation of a repository spec,
/// after checking that the table lists exactly the documented codes.
fn documented(
    spec: &str,
    action: &str,
    table: &[&str],
) -> std::collections::BTreeMap<String, (u16, String)> {
    let spec = common::repository_spec(spec);
    let documented: std::collections::BTreeMap<String, (u16, String)> = spec.apis[action]
        .error_codes_by_status()
        .map(|(status, e)| {
            (
                e.error_code.clone(),
                (status, e.error_message.clone().unwrap_or_default()),
            )
        })
        .collect();
    assert_eq!(
        documented
            .keys()
            .map(String::as_str)
            .collect::<BTreeSet<_>>(),
        table.iter().copied().collect::<BTreeSet<_>>(),
        "the test's table must list every code the spec documents for {action}"
    );
    documented
}

#[tokio::test]
async fn every_documented_query_ticket_info_code_is_its_variant() {
    let table = ticket_codes();
    let codes: Vec<&str> = table.iter().map(|(code, _)| *code).collect();
    let documented = documented("quickbi-public/2022-01-01", "QueryTicketInfo", &codes);
    let emulator = common::emulator().await;
    let client = common::quickbi_client(&emulator);

    for (code, variant) in table {
        emulator.script_for("QueryTicketInfo", Reply::error(code));
        let err = client
            .query_ticket_info()
            .ticket(TICKET)
            .call_options(no_retry())
            .send()
            .await
            .unwrap_err();

        let (status, message) = &documented[code];
        assert_eq!(err.code(), Some(&variant), "{code}: {err:?}");
        assert_eq!(variant.as_str(), code);
        assert_eq!(variant.documented_status(), Some(*status));
        let service = err.as_service_error().unwrap();
        assert_eq!(service.status(), *status, "{code}");
        assert_eq!(service.code_str(), code);
        assert_eq!(service.message(), Some(message.as_str()), "{code}");
        let recorded = emulator.requests().pop().unwrap();
        assert!(recorded.request_id.is_some());
        assert_eq!(service.request_id(), recorded.request_id.as_deref());
        assert!(service.host_id().is_some(), "{code}");
        assert!(
            service.recommend().is_some_and(|r| r.contains(code)),
            "{code}: {:?}",
            service.recommend()
        );
        let text = err.to_string();
        assert!(
            text.contains(code)
                && text.contains(message.as_str())
                && text.contains(recorded.request_id.as_deref().unwrap()),
            "{text}"
        );
    }
    assert_eq!(emulator.request_count(), codes.len());
}

#[tokio::test]
async fn every_documented_query_cash_coupons_code_is_its_variant() {
    let table = coupon_codes();
    let codes: Vec<&str> = table.iter().map(|(code, _)| *code).collect();
    let documented = documented("bssopenapi/2017-12-14", "QueryCashCoupons", &codes);
    let emulator = common::emulator().await;
    let client = common::bss_client(&emulator);

    for (code, variant) in table {
        emulator.script_for("QueryCashCoupons", Reply::error(code));
        let err = client
            .query_cash_coupons()
            .call_options(no_retry())
            .send()
            .await
            .unwrap_err();
        let (status, message) = &documented[code];
        assert_eq!(err.code(), Some(&variant), "{code}: {err:?}");
        assert_eq!(variant.documented_status(), Some(*status));
        let service = err.as_service_error().unwrap();
        assert_eq!(service.status(), *status, "{code}");
        assert_eq!(service.message(), Some(message.as_str()), "{code}");
        assert_eq!(
            service.request_id(),
            emulator.requests().pop().unwrap().request_id.as_deref()
        );
    }
    // UndefinedError is documented with HTTP 500: without the per-call `no_retry` it would
    // have been retried.
    assert_eq!(emulator.request_count(), codes.len());
}

#[tokio::test]
async fn an_undocumented_code_is_unknown_with_the_code_as_sent() {
    let emulator = common::emulator().await;
    emulator.script_for(
        "QueryCashCoupons",
        Reply::error_with(
            StatusCode::FORBIDDEN,
            "Forbidden.RAM",
            "User not authorized to operate on the specified resource.",
        ),
    );
    let err = common::bss_client(&emulator)
        .query_cash_coupons()
        .send()
        .await
        .unwrap_err();
    let unknown = QueryCashCouponsErrorCode::Unknown("Forbidden.RAM".to_owned());
    assert_eq!(err.code(), Some(&unknown));
    assert_eq!(unknown.as_str(), "Forbidden.RAM");
    assert_eq!(unknown.documented_status(), None);
    let service = err.as_service_error().unwrap();
    assert_eq!(service.status(), 403);
    assert_eq!(
        service.message(),
        Some("User not authorized to operate on the specified resource.")
    );
    assert_eq!(emulator.request_count(), 1, "a 403 is not retried");
}

#[tokio::test]
async fn success_false_on_a_200_is_a_service_error() {
    let emulator = common::emulator().await;
    emulator.script_for(
        "QueryTicketInfo",
        Reply::unsuccessful("Authorize3rdTicket.Expired", "Ticket [xyz] has expired."),
    );
    let err = common::quickbi_client(&emulator)
        .query_ticket_info()
        .ticket(TICKET)
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        err.code(),
        Some(&QueryTicketInfoErrorCode::Authorize3rdTicketExpired)
    );
    let service = err.as_service_error().unwrap();
    assert_eq!(service.status(), 200);
    assert_eq!(service.message(), Some("Ticket [xyz] has expired."));
    let recorded = emulator.requests().pop().unwrap();
    assert_eq!(recorded.status(), Some(200));
    assert_eq!(service.request_id(), recorded.request_id.as_deref());
    assert_eq!(emulator.request_count(), 1, "not retried");

    // The same for BSS, with a code it does not document.
    emulator.script_for(
        "QueryCashCoupons",
        Reply::unsuccessful("Biz.Failed", "Something failed."),
    );
    let err = common::bss_client(&emulator)
        .query_cash_coupons()
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        err.code(),
        Some(&QueryCashCouponsErrorCode::Unknown("Biz.Failed".to_owned()))
    );
}

#[tokio::test]
async fn a_missing_required_parameter_never_leaves_the_client() {
    let emulator = common::emulator().await;
    let err = common::quickbi_client(&emulator)
        .query_ticket_info()
        .send()
        .await
        .unwrap_err();
    match &err {
        Error::Construction(ConstructionError::MissingParameter {
            operation,
            parameter,
        }) => assert_eq!((*operation, *parameter), ("QueryTicketInfo", "Ticket")),
        other => panic!("{other:?}"),
    }
    assert_eq!(err.code(), None);
    assert_eq!(emulator.request_count(), 0, "the emulator saw no request");
}

/// QueryTicketInfo as the generated client describes it to the runtime.
const QUERY_TICKET_INFO: Operation = Operation {
    product: "quickbi-public",
    action: "QueryTicketInfo",
    version: "2022-01-01",
    method: HttpMethod::Post,
    style: ApiStyle::Rpc,
    operation_type: OperationType::Read,
    secret_response_fields: &[],
};

#[tokio::test]
async fn the_emulator_refuses_a_raw_request_without_the_required_parameter() {
    let emulator = common::emulator().await;
    // The runtime under the generated client, without the client's check.
    let runtime = Runtime::new(
        common::config(&emulator).build().unwrap(),
        &quickbi::endpoints::ENDPOINTS,
    );
    let err = runtime
        .invoke_raw(&QUERY_TICKET_INFO, Params::new(), &CallOptions::new())
        .await
        .unwrap_err();
    let service = err.as_service_error().unwrap();
    assert_eq!(service.code_str(), "MissingParameter");
    assert_eq!(service.status(), 400);
    assert_eq!(
        service.message(),
        Some(
            "The input parameter \"Ticket\" that is mandatory for processing this request is not supplied."
        )
    );
    let recorded = emulator.requests().pop().unwrap();
    assert_eq!(recorded.verdict, Verdict::Accepted, "well signed, refused");
    assert_eq!(emulator.request_count(), 1, "a 400 is not retried");

    // As the generated client would type it: QueryTicketInfo does not document the code.
    let typed = err.map_code::<QueryTicketInfoErrorCode>();
    assert_eq!(
        typed.code(),
        Some(&QueryTicketInfoErrorCode::Unknown(
            "MissingParameter".to_owned()
        ))
    );
}

#[tokio::test]
async fn the_emulators_parameter_checks_map_to_documented_variants() {
    let emulator = common::emulator().await;
    let runtime = Runtime::new(
        common::config(&emulator).build().unwrap(),
        &bss::endpoints::ENDPOINTS,
    );
    let operation = Operation {
        product: "BssOpenApi",
        action: "QueryCashCoupons",
        version: "2017-12-14",
        ..QUERY_TICKET_INFO
    };
    let mut params = Params::new();
    params.push(ParamLocation::Query, "EffectiveOrNot", "maybe");
    let err = runtime
        .invoke_raw(&operation, params, &CallOptions::new())
        .await
        .unwrap_err()
        .map_code::<QueryCashCouponsErrorCode>();
    assert_eq!(
        err.code(),
        Some(&QueryCashCouponsErrorCode::InvalidParameter)
    );
    assert_eq!(
        err.as_service_error().unwrap().message(),
        Some("The specified value of parameter \"EffectiveOrNot\" is not valid.")
    );
}

#[tokio::test]
async fn errors_never_show_the_ticket_the_secret_or_the_token() {
    let emulator = common::emulator().await;

    // A service that quotes the ticket back.
    emulator.script_for(
        "QueryTicketInfo",
        Reply::error_with(
            StatusCode::BAD_REQUEST,
            "Authorize3rdTicket.NotExist",
            format!("Ticket {TICKET} does not exist."),
        ),
    );
    let err = common::quickbi_client(&emulator)
        .query_ticket_info()
        .ticket(TICKET)
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        err.code(),
        Some(&QueryTicketInfoErrorCode::Authorize3rdTicketNotExist)
    );
    assert_eq!(
        err.as_service_error().unwrap().message(),
        Some("Ticket *** does not exist.")
    );
    assert_no_secret(&format!("{err:?} {err}"), &[TICKET]);

    // A signature mismatch: the gateway's answer quotes the string to sign and the
    // canonical request, which hold the ticket (and, for STS, the token).
    for style in [SignatureVersion::Acs3HmacSha256, SignatureVersion::HmacSha1] {
        let config = common::config(&emulator)
            .credentials_provider(
                Credentials::new(STS_ID, "NotTheStsSecret")
                    .unwrap()
                    .with_security_token(STS_TOKEN),
            )
            .signature_version(style)
            .build()
            .unwrap();
        let client = quickbi::Client::new(config);
        let builder = client.query_ticket_info().ticket(TICKET);
        assert_no_secret(
            &format!("{client:?} {builder:?}"),
            &[TICKET, STS_TOKEN, "NotTheStsSecret"],
        );
        let err = builder.send().await.unwrap_err();
        let service = err.as_service_error().unwrap();
        assert_eq!(service.code_str(), "SignatureDoesNotMatch", "{style:?}");
        let body = String::from_utf8_lossy(service.body()).into_owned();
        assert!(
            body.contains("***"),
            "{style:?}: the answer quoted secrets: {body}"
        );
        assert_no_secret(
            &format!("{err:?} {err} {body}"),
            &[TICKET, STS_TOKEN, STS_SECRET, "NotTheStsSecret"],
        );
    }

    // The documented answer holds the ticket as `AccessTicket`, a secret field.
    let response = common::quickbi_client(&emulator)
        .query_ticket_info()
        .ticket(TICKET)
        .send()
        .await
        .unwrap();
    assert_eq!(response.result.access_ticket.as_deref(), Some(TICKET));
    assert_no_secret(&format!("{response:?}"), &[TICKET]);
}

/// Fails if `text` holds any of `secrets`, as is or percent-encoded (once or twice, as a
/// string to sign holds them).
fn assert_no_secret(text: &str, secrets: &[&str]) {
    for secret in secrets {
        let once = secret.replace('*', "%2A");
        let twice = once.replace('%', "%25");
        for form in [secret.to_string(), once, twice] {
            assert!(!text.contains(&form), "`{form}` shows in: {text}");
        }
    }
}
