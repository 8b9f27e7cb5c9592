//! The error-body parser: a non-2xx answer with any status, request id and body.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((head, body)) = data.split_first_chunk::<2>() else {
        return;
    };
    let status = 300 + u16::from_le_bytes(*head) % 300;
    let (request_id, body) = match body.iter().position(|&b| b == b'\n') {
        Some(at) if at < 64 => (std::str::from_utf8(&body[..at]).ok(), &body[at + 1..]),
        _ => (None, body),
    };
    let error = alibabacloud_core::fuzzing::error_from_response(
        status,
        request_id,
        body,
        &[common::SECRET],
        &["AccessTicket"],
    );
    common::assert_no_secret(&error);
    if let Some(service) = error.as_service_error() {
        let detail = format!("{:?}", service.access_denied_detail());
        assert!(!common::holds_whole(&detail, common::SECRET), "{detail}");
        assert!(!common::holds_whole(service.code_str(), common::SECRET));
    }
});
