//! The estimate of a document's first long list (`long_list_estimate`), made before the
//! document is decoded: any text gives an estimate or none without panicking, and decoding
//! with the estimate gives exactly what decoding without it gives (an estimate costs memory,
//! never items). QueryCashCoupons' answer is the model: its vouchers are the long list.
#![no_main]

use alibabacloud_bssopenapi20171214_model::query_cash_coupons::QueryCashCouponsResponse;
use alibabacloud_types::model::{long_list_estimate, with_long_list_estimate};
use libfuzzer_sys::fuzz_target;

fn decode(text: &str) -> String {
    match serde_json::from_str::<QueryCashCouponsResponse>(text) {
        Ok(response) => format!("{response:?}"),
        Err(error) => format!("error: {error}"),
    }
}

fuzz_target!(|body: &[u8]| {
    let Ok(text) = std::str::from_utf8(body) else {
        return;
    };
    let estimate = long_list_estimate(&mut serde_json::Deserializer::from_str(text), text);
    let with = with_long_list_estimate(estimate, || decode(text));
    assert_eq!(with, decode(text), "estimate {estimate:?}");
});
