//! The aliyun CLI configuration (`~/.aliyun/config.json`) on any text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        for profile in [None, Some("default")] {
            if let Err(error) = alibabacloud_core::fuzzing::cli_config(text, profile) {
                drop(format!("{error} {error:?}"));
            }
        }
    }
});
