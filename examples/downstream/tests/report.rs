//! The crate's own logic against the local emulator: the documented answers, answers
//! scripted for the case under test (three vouchers of different statuses, a malformed
//! balance) and scripted errors. Only the generated clients' public API is used, as in any
//! user's crate.

#![allow(clippy::unwrap_used)]

use std::time::Duration;

use alibabacloud_bssopenapi20171214 as bss;
use alibabacloud_emulator::{Emulator, EmulatorHandle, Reply};
use alibabacloud_quickbi_public20220101 as quickbi;
use bss::operation::query_cash_coupons::QueryCashCouponsErrorCode;
use quickbi::operation::query_ticket_info::QueryTicketInfoErrorCode;
use serde_json::json;
use time::OffsetDateTime;
use time::macros::datetime;
use voucher_report::{Amount, ReportError, Summary, TicketStatus, check_ticket, usable_balance};

const KEY_ID: &str = "test-key-id";
const KEY_SECRET: &str = "test-key-secret";

/// The emulator, serving the documented answers of the specs in `tests/specs` (copies of the
/// SDK's, checked to be the same by its tests). (Without
/// `spec_dir`, every correctly signed call answers `{"RequestId", "Success": true}`, and
/// `Reply::success(..)` scripts the body a test needs.)
async fn emulator() -> EmulatorHandle {
    Emulator::new()
        .access_key(KEY_ID, KEY_SECRET)
        .spec_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/specs"))
        .unwrap()
        .start()
        .await
        .unwrap()
}

/// The configuration a user's test would build: the clients' re-exported `Config` and
/// `Credentials`, the emulator as endpoint, fast retries.
fn config(emulator: &EmulatorHandle) -> bss::Config {
    bss::Config::builder()
        .region("cn-hangzhou")
        .endpoint(emulator.endpoint())
        .credentials_provider(bss::Credentials::new(KEY_ID, KEY_SECRET).unwrap())
        .retry(
            bss::RetryConfig::standard()
                .with_initial_backoff(Duration::from_millis(1))
                .with_max_backoff(Duration::from_millis(5)),
        )
        .build()
        .unwrap()
}

fn vouchers(emulator: &EmulatorHandle) -> bss::Client {
    bss::Client::new(config(emulator))
}

fn tickets(emulator: &EmulatorHandle) -> quickbi::Client {
    quickbi::Client::new(config(emulator))
}

/// A voucher as QueryCashCoupons sends it.
fn coupon(id: i64, status: &str, balance: &str, expiry: &str) -> serde_json::Value {
    json!({
        "CashCouponId": id,
        "CashCouponNo": format!("Q-{id}"),
        "Status": status,
        "Balance": balance,
        "NominalValue": "100.00",
        "ExpiryTime": expiry,
    })
}

fn coupons_body(coupons: Vec<serde_json::Value>) -> Reply {
    Reply::success(json!({
        "Code": "Success",
        "Message": "Successful",
        "Success": true,
        "Data": {"CashCoupon": coupons},
    }))
}

const NOW: OffsetDateTime = datetime!(2019-01-01 0:00 UTC);

#[tokio::test]
async fn the_documented_voucher_is_usable_and_expiring_soon() {
    let emulator = emulator().await;
    // The documented voucher: Available, 100.00, expires 2019-01-29 (within 30 days).
    let summary = usable_balance(&vouchers(&emulator), NOW).await.unwrap();
    assert_eq!(summary.usable_balance, Amount::from_cents(10_000));
    assert_eq!(
        (summary.usable, summary.expiring_soon, summary.unusable),
        (1, 1, 0)
    );
    assert_eq!(
        summary.to_string(),
        "1 usable voucher(s) worth 100.00 (1 expiring within 30 days), 0 unusable"
    );

    // A year later it has expired.
    let later = usable_balance(&vouchers(&emulator), datetime!(2020-01-01 0:00 UTC))
        .await
        .unwrap();
    assert_eq!(later.usable_balance, Amount::default());
    assert_eq!((later.usable, later.unusable), (0, 1));
}

#[tokio::test]
async fn only_available_unexpired_vouchers_count() {
    let emulator = emulator().await;
    emulator.script_for(
        "QueryCashCoupons",
        coupons_body(vec![
            coupon(1, "Available", "40.50", "2019-06-01T00:00:00Z"),
            coupon(2, "Expired", "99.00", "2018-06-01T00:00:00Z"),
            coupon(3, "Cancelled", "10.00", "2019-06-01T00:00:00Z"),
            coupon(4, "Available", "9.5", "2019-01-10T00:00:00Z"),
            // A status added after the client was generated: kept, and not usable.
            coupon(5, "Frozen", "1000.00", "2019-06-01T00:00:00Z"),
        ]),
    );
    let summary: Summary = usable_balance(&vouchers(&emulator), NOW).await.unwrap();
    assert_eq!(summary.usable_balance.to_string(), "50.00");
    assert_eq!(summary.usable, 2);
    assert_eq!(summary.expiring_soon, 1);
    assert_eq!(summary.unusable, 3);
}

#[tokio::test]
async fn a_malformed_balance_is_reported_with_the_voucher() {
    let emulator = emulator().await;
    emulator.script_for(
        "QueryCashCoupons",
        coupons_body(vec![coupon(7, "Available", "lots", "2019-06-01T00:00:00Z")]),
    );
    let err = usable_balance(&vouchers(&emulator), NOW).await.unwrap_err();
    assert!(
        matches!(&err, ReportError::BadAmount { voucher, value } if voucher == "7" && value == "lots"),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_refusal_is_a_typed_error() {
    let emulator = emulator().await;
    emulator.script_for("QueryCashCoupons", Reply::error("NotAuthorized"));
    let err = usable_balance(&vouchers(&emulator), NOW).await.unwrap_err();
    assert!(err.is_permission_problem(), "{err:?}");
    match &err {
        ReportError::Service(service) => {
            assert_eq!(
                service.code(),
                Some(&QueryCashCouponsErrorCode::NotAuthorized)
            );
            assert!(service.request_id().is_some());
        }
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("NotAuthorized"), "{err}");
}

#[tokio::test]
async fn throttling_is_absorbed_by_the_clients_retries() {
    let emulator = emulator().await;
    emulator.script_for(
        "QueryCashCoupons",
        Reply::throttling().retry_after(Duration::from_millis(5)),
    );
    let summary = usable_balance(&vouchers(&emulator), NOW).await.unwrap();
    assert_eq!(summary.usable, 1);
    assert_eq!(emulator.requests_for("QueryCashCoupons").len(), 2);
}

#[tokio::test]
async fn tickets_are_checked() {
    let emulator = emulator().await;
    let client = tickets(&emulator);

    // The documented answer: 47 of 9999 uses spent.
    assert_eq!(
        check_ticket(&client, "a27a9aec-ticket").await.unwrap(),
        TicketStatus::Usable {
            uses_left: 9952,
            invalid_after: Some("2022-01-30 03:03:49".to_owned()),
        }
    );
    assert_eq!(
        emulator.requests_for("QueryTicketInfo")[0].param("Ticket"),
        Some("a27a9aec-ticket")
    );

    // Documented error codes that describe the ticket.
    for (code, status) in [
        ("Authorize3rdTicket.Expired", TicketStatus::Expired),
        ("Authorize3rdTicket.NotExist", TicketStatus::NotFound),
        ("Authorize3rdTicket.Num.HasNoLeft", TicketStatus::UsedUp),
    ] {
        emulator.script_for("QueryTicketInfo", Reply::error(code));
        assert_eq!(check_ticket(&client, "t").await.unwrap(), status, "{code}");
    }

    // The same code in a 200 that says `Success: false`.
    emulator.script_for(
        "QueryTicketInfo",
        Reply::unsuccessful("Authorize3rdTicket.Expired", "Ticket [t] has expired."),
    );
    assert_eq!(
        check_ticket(&client, "t").await.unwrap(),
        TicketStatus::Expired
    );

    // Every use spent.
    emulator.script_for(
        "QueryTicketInfo",
        Reply::success(json!({"Success": true, "Result": {"MaxTicketNum": 5, "UsedTicketNum": 5}})),
    );
    assert_eq!(
        check_ticket(&client, "t").await.unwrap(),
        TicketStatus::UsedUp
    );

    // Anything else is the caller's problem.
    emulator.script_for(
        "QueryTicketInfo",
        Reply::error("NoPermissionTo.Operate.Object"),
    );
    let err = check_ticket(&client, "t").await.unwrap_err();
    assert_eq!(
        err.code(),
        Some(&QueryTicketInfoErrorCode::NoPermissionToOperateObject)
    );
}
