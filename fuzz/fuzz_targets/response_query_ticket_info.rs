//! The 2xx decoder of Quick BI's `QueryTicketInfo` (a secret parameter, a secret response
//! field), as its generated client runs it.
#![no_main]

#[path = "common.rs"]
mod common;

use alibabacloud_core::SuccessCheck;
use alibabacloud_quickbi_public20220101_model::query_ticket_info::QueryTicketInfoResponse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &[u8]| {
    let decoded = alibabacloud_core::fuzzing::decode::<QueryTicketInfoResponse>(
        200,
        body,
        &[common::SECRET],
        &["AccessTicket"],
        SuccessCheck::Field(|r: &QueryTicketInfoResponse| r.success),
    );
    match decoded {
        Ok(response) => {
            // The secret field never shows in `Debug`: it is redacted (the same text may
            // still appear in another field the server filled with it).
            if response.result.access_ticket.is_some() {
                let debug = format!("{:?}", response.result);
                assert!(
                    debug.contains("access_ticket: Some(\"** redacted **\")"),
                    "{debug}"
                );
            }
        }
        Err(error) => common::assert_no_secret(&error),
    }
});
