//! The 2xx decoder of BSS OpenAPI's `QueryCashCoupons`, as its generated client runs it.
#![no_main]

#[path = "common.rs"]
mod common;

use alibabacloud_bssopenapi20171214_model::query_cash_coupons::QueryCashCouponsResponse;
use alibabacloud_core::SuccessCheck;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &[u8]| {
    let check = SuccessCheck::Field(|r: &QueryCashCouponsResponse| r.success);
    for check in [check, SuccessCheck::Envelope] {
        let decoded = alibabacloud_core::fuzzing::decode::<QueryCashCouponsResponse>(
            200,
            body,
            &[common::SECRET],
            &[],
            check,
        );
        match decoded {
            Ok(response) => drop(format!("{response:?}")),
            Err(error) => common::assert_no_secret(&error),
        }
    }
});
