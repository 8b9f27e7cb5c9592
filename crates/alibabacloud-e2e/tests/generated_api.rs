//! The generated clients through a recording transport: required parameters fail before
//! any I/O, parameters are encoded as documented, responses and errors are typed, secrets
//! stay out of `Debug`.

#![allow(clippy::unwrap_used)]

use std::sync::{Arc, Mutex};

use alibabacloud_bssopenapi20171214 as bss;
use alibabacloud_core::transport::{HttpRequest, HttpTransport, TransportFuture};
use alibabacloud_core::{ConstructionError, Credentials, ErrorCode, RetryConfig};
use alibabacloud_quickbi_public20220101 as quickbi;
use bss::operation::query_cash_coupons::{
    CashCouponStatus, QueryCashCouponsErrorCode, QueryCashCouponsRequest,
};
use quickbi::operation::query_ticket_info::{QueryTicketInfoErrorCode, QueryTicketInfoRequest};

const TICKET: &str = "a27a9aec-secret-ticket";

/// Answers every request with one canned response and keeps the requests.
#[derive(Debug, Clone)]
struct Recorder {
    status: u16,
    body: &'static str,
    /// The requests sent (their bodies are all in memory: no file upload here).
    requests: Arc<Mutex<Vec<http::Request<bytes::Bytes>>>>,
}

impl Recorder {
    fn new(status: u16, body: &'static str) -> Self {
        Self {
            status,
            body,
            requests: Arc::default(),
        }
    }

    fn requests(&self) -> Vec<http::Request<bytes::Bytes>> {
        self.requests.lock().unwrap().clone()
    }
}

impl HttpTransport for Recorder {
    fn send(&self, request: HttpRequest) -> TransportFuture<'_> {
        let request = request.map(|body| body.into_bytes().unwrap());
        self.requests.lock().unwrap().push(request);
        let response = http::Response::builder()
            .status(self.status)
            .header("content-type", "application/json")
            .body(bytes::Bytes::from_static(self.body.as_bytes()))
            .unwrap();
        Box::pin(async move { Ok(response) })
    }
}

fn config(recorder: &Recorder) -> alibabacloud_core::Config {
    alibabacloud_core::Config::builder()
        .region("cn-hangzhou")
        .credentials_provider(Credentials::new("test-id", "test-secret").unwrap())
        .retry(RetryConfig::disabled())
        .transport(recorder.clone())
        .build()
        .unwrap()
}

fn query(request: &http::Request<bytes::Bytes>) -> String {
    request.uri().query().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn a_missing_required_parameter_fails_before_any_io() {
    let recorder = Recorder::new(200, "{}");
    let client = quickbi::Client::new(config(&recorder));
    let err = client.query_ticket_info().send().await.unwrap_err();
    match &err {
        quickbi::Error::Construction(ConstructionError::MissingParameter {
            operation,
            parameter,
        }) => assert_eq!((*operation, *parameter), ("QueryTicketInfo", "Ticket")),
        other => panic!("{other:?}"),
    }
    assert!(
        err.to_string()
            .contains("required parameter `Ticket` of QueryTicketInfo")
    );
    assert!(recorder.requests().is_empty());
}

#[tokio::test]
async fn parameters_are_sent_and_the_response_decoded() {
    let recorder = Recorder::new(
        200,
        r#"{"RequestId": "R1", "Success": true, "Result": {"UserId": "u1", "MaxTicketNum": "5"}}"#,
    );
    let client = quickbi::Client::new(config(&recorder));
    let response = client
        .query_ticket_info()
        .ticket(TICKET)
        .send()
        .await
        .unwrap();
    assert_eq!(response.request_id.as_deref(), Some("R1"));
    assert_eq!(response.result.user_id.as_deref(), Some("u1"));
    assert_eq!(response.result.max_ticket_num, Some(5));

    let requests = recorder.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.method(), "POST");
    assert_eq!(
        request.uri().host(),
        Some("quickbi-public.cn-hangzhou.aliyuncs.com")
    );
    assert_eq!(request.headers()["x-acs-action"], "QueryTicketInfo");
    assert_eq!(request.headers()["x-acs-version"], "2022-01-01");
    assert!(
        query(request).contains(&format!("Ticket={TICKET}")),
        "{}",
        query(request)
    );
}

#[tokio::test]
async fn optional_parameters_are_encoded_by_type() {
    let recorder = Recorder::new(200, r#"{"Success": true, "Data": {"CashCoupon": []}}"#);
    let client = bss::Client::new(config(&recorder));
    let builder = client
        .query_cash_coupons()
        .effective_or_not(true)
        .expiry_time_start("2018-08-01T00:00:00Z");
    assert_eq!(builder.get_effective_or_not(), &Some(true));
    assert_eq!(builder.as_input().expiry_time_end, None);
    let response = builder.send().await.unwrap();
    assert!(response.data.cash_coupon.is_empty());
    let requests = recorder.requests();
    let query = query(&requests[0]);
    assert!(query.contains("EffectiveOrNot=true"), "{query}");
    assert!(
        query.contains("ExpiryTimeStart=2018-08-01T00%3A00%3A00Z"),
        "{query}"
    );
    assert!(!query.contains("ExpiryTimeEnd"), "{query}");
    assert_eq!(requests[0].uri().host(), Some("business.aliyuncs.com"));
}

#[tokio::test]
async fn success_false_is_a_typed_service_error() {
    let recorder = Recorder::new(
        200,
        r#"{"Success": false, "Code": "Authorize3rdTicket.Expired", "Message": "Ticket [x] has expired.", "RequestId": "R2"}"#,
    );
    let client = quickbi::Client::new(config(&recorder));
    let err = client
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
    assert_eq!(service.request_id(), Some("R2"));
    assert_eq!(service.code().documented_status(), Some(400));
    let text = err.to_string();
    assert!(
        text.contains("Authorize3rdTicket.Expired") && text.contains("R2"),
        "{text}"
    );
}

#[tokio::test]
async fn an_error_status_is_a_typed_service_error() {
    let recorder = Recorder::new(
        400,
        r#"{"Code": "InvalidOwner", "Message": "The specified owner doesn't belong to caller", "RequestId": "R3"}"#,
    );
    let client = bss::Client::new(config(&recorder));
    let err = client.query_cash_coupons().send().await.unwrap_err();
    assert_eq!(err.code(), Some(&QueryCashCouponsErrorCode::InvalidOwner));
    assert_eq!(err.as_service_error().unwrap().status(), 400);

    let recorder = Recorder::new(400, r#"{"Code": "Throttling.User", "RequestId": "R4"}"#);
    let client = bss::Client::new(config(&recorder));
    let err = client.query_cash_coupons().send().await.unwrap_err();
    assert_eq!(
        err.code(),
        Some(&QueryCashCouponsErrorCode::Unknown(
            "Throttling.User".to_owned()
        ))
    );
}

#[test]
fn error_codes_convert_both_ways() {
    fn is_error_code<C: ErrorCode>() {}
    is_error_code::<QueryTicketInfoErrorCode>();
    is_error_code::<QueryCashCouponsErrorCode>();

    let code = QueryTicketInfoErrorCode::from("Authorize3rdTicket.Num.Exceed");
    assert_eq!(code, QueryTicketInfoErrorCode::Authorize3rdTicketNumExceed);
    assert_eq!(code.as_str(), "Authorize3rdTicket.Num.Exceed");
    assert_eq!(code.to_string(), "Authorize3rdTicket.Num.Exceed");
    assert_eq!(code.documented_status(), Some(400));
    let unknown: QueryTicketInfoErrorCode = "Nope".parse().unwrap();
    assert_eq!(
        unknown,
        QueryTicketInfoErrorCode::Unknown("Nope".to_owned())
    );
    assert_eq!(unknown.as_ref(), "Nope");
    assert_eq!(unknown.documented_status(), None);
    assert_eq!(
        QueryCashCouponsErrorCode::from(String::from("UndefinedError")).documented_status(),
        Some(500)
    );
}

#[test]
fn open_enums() {
    assert_eq!(CashCouponStatus::from("Expired"), CashCouponStatus::Expired);
    assert_eq!(CashCouponStatus::Cancelled.as_str(), "Cancelled");
    assert_eq!(
        CashCouponStatus::VALUES,
        ["Available", "Expired", "Cancelled"]
    );
    let other = CashCouponStatus::from("Frozen".to_owned());
    assert_eq!(other.to_string(), "Frozen");
    assert_eq!(serde_json::to_string(&other).unwrap(), "\"Frozen\"");
    assert_eq!(
        serde_json::from_str::<CashCouponStatus>("\"Available\"").unwrap(),
        CashCouponStatus::Available
    );
}

#[test]
fn secrets_are_redacted_in_debug() {
    let request = QueryTicketInfoRequest::new().with_ticket(TICKET);
    let shown = format!("{request:?}");
    assert!(!shown.contains(TICKET), "{shown}");
    assert!(
        shown.contains("ticket: Some(\"** redacted **\")"),
        "{shown}"
    );

    let recorder = Recorder::new(200, "{}");
    let client = quickbi::Client::new(config(&recorder));
    let builder = client.query_ticket_info().ticket(TICKET);
    let shown = format!("{builder:?}");
    assert!(!shown.contains(TICKET), "{shown}");

    let response: quickbi::operation::query_ticket_info::QueryTicketInfoResponse =
        serde_json::from_str(r#"{"Result": {"AccessTicket": "tok-123", "UserId": "u"}}"#).unwrap();
    let shown = format!("{response:?}");
    assert!(
        !shown.contains("tok-123") && shown.contains("\"u\""),
        "{shown}"
    );
}

#[test]
fn models_are_built_in_user_code() {
    let request = QueryCashCouponsRequest::new()
        .with_effective_or_not(true)
        .with_expiry_time_end("2018-08-01T00:00:00Z");
    let mut same = QueryCashCouponsRequest::default();
    same.effective_or_not = Some(true);
    same.expiry_time_end = Some("2018-08-01T00:00:00Z".to_owned());
    assert_eq!(request, same);
    assert_eq!(
        serde_json::to_value(&request).unwrap(),
        serde_json::json!({"EffectiveOrNot": true, "ExpiryTimeEnd": "2018-08-01T00:00:00Z"})
    );
}
