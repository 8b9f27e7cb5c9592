//! The documented success example (`responseDemo`) of each spec decodes into the generated
//! response type, every field checked, and nothing is lost on the way back to JSON.

#![allow(clippy::unwrap_used)]

mod common;

use alibabacloud_bssopenapi20171214_model::query_cash_coupons::{
    CashCouponStatus, QueryCashCouponsResponse,
};
use alibabacloud_quickbi_public20220101_model::query_ticket_info::QueryTicketInfoResponse;
use serde_json::Value;

/// The JSON success example of an operation of a repository spec.
fn demo(spec: &str, operation: &str) -> String {
    let spec = common::repository_spec(spec);
    let demos = spec.apis[operation].response_demos().unwrap();
    let json = demos.iter().find(|d| d.demo_type == "json").unwrap();
    json.example.clone()
}

#[test]
fn query_cash_coupons_example() {
    let text = demo("bssopenapi/2017-12-14", "QueryCashCoupons");
    let response: QueryCashCouponsResponse = serde_json::from_str(&text).unwrap();

    assert_eq!(
        response.request_id.as_deref(),
        Some("147B566E-DB4C-4E43-BDBB-5DB1D9D268DB")
    );
    common::assert_documented_cash_coupons(&response);

    // Every field of the example has a home in the types.
    let back = serde_json::to_value(&response).unwrap();
    assert_eq!(back, serde_json::from_str::<Value>(&text).unwrap());
}

#[test]
fn query_ticket_info_example() {
    let text = demo("quickbi-public/2022-01-01", "QueryTicketInfo");
    let response: QueryTicketInfoResponse = serde_json::from_str(&text).unwrap();

    assert_eq!(
        response.request_id.as_deref(),
        Some("D787E1A3-A93C-424A-B626-C2B05DF8D885")
    );
    common::assert_documented_ticket_info(&response);

    let back = serde_json::to_value(&response).unwrap();
    assert_eq!(back, serde_json::from_str::<Value>(&text).unwrap());
}

#[test]
fn decoding_is_lenient_where_services_are() {
    // Numbers as strings, a boolean as a string, a list as null, an unknown field and an
    // undocumented enum value.
    let response: QueryCashCouponsResponse = serde_json::from_str(
        r#"{"Success": "true", "Data": {"CashCoupon": [
            {"CashCouponId": "34534253254325", "Status": "Frozen", "Extra": 1}]}}"#,
    )
    .unwrap();
    assert_eq!(response.success, Some(true));
    let coupon = &response.data.cash_coupon[0];
    assert_eq!(coupon.cash_coupon_id, Some(34534253254325));
    assert_eq!(
        coupon.status,
        Some(CashCouponStatus::Unknown("Frozen".to_owned()))
    );
    assert_eq!(
        coupon.status.as_ref().map(CashCouponStatus::as_str),
        Some("Frozen")
    );

    let empty: QueryCashCouponsResponse =
        serde_json::from_str(r#"{"Data": {"CashCoupon": null}}"#).unwrap();
    assert!(empty.data.cash_coupon.is_empty());
    let empty: QueryCashCouponsResponse = serde_json::from_str(r#"{"Data": null}"#).unwrap();
    assert!(empty.data.cash_coupon.is_empty());

    let response: QueryTicketInfoResponse =
        serde_json::from_str(r#"{"Result": {"MaxTicketNum": "9999", "UsedTicketNum": 47.0}}"#)
            .unwrap();
    assert_eq!(response.result.max_ticket_num, Some(9999));
    assert_eq!(response.result.used_ticket_num, Some(47));

    let err =
        serde_json::from_str::<QueryTicketInfoResponse>(r#"{"Result": {"MaxTicketNum": "many"}}"#)
            .unwrap_err();
    assert!(
        err.to_string().contains("expected a 32-bit integer"),
        "{err}"
    );
}
