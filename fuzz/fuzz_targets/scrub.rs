//! The scrubber: whatever the text and the secrets, no secret is left as a whole token (in
//! valid UTF-8 text), and scrubbing twice changes nothing more.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first line is the secret, the rest the text.
    let Some(at) = data.iter().position(|&b| b == b'\n') else {
        return;
    };
    let Ok(secret) = std::str::from_utf8(&data[..at]) else {
        return;
    };
    let text = &data[at + 1..];
    let once = alibabacloud_core::fuzzing::scrub(text, &[secret], &["AccessTicket"]);
    if secret.len() >= 3 && !secret.contains("***") && !secret.contains('*') {
        if let Ok(scrubbed) = std::str::from_utf8(&once) {
            assert!(
                !common::holds_whole(scrubbed, secret),
                "{secret:?} in {scrubbed:?}"
            );
        }
        let twice = alibabacloud_core::fuzzing::scrub(&once, &[secret], &["AccessTicket"]);
        assert_eq!(once, twice);
    }
});
