//! The aliyun CLI's External mode on any input: the `process_command` splitter (both rule
//! sets) never panics and never yields an empty program, and the reader of the command's
//! output never quotes a value in its errors.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        for windows in [false, true] {
            if let Some(argv) = alibabacloud_core::fuzzing::split_command(text, windows) {
                assert!(!argv.is_empty() && !argv[0].is_empty(), "{argv:?}");
            }
        }
    }
    if let Err(error) = alibabacloud_core::fuzzing::external_output(data) {
        // Every error names a field or a position: none quotes the output.
        if let Ok(text) = std::str::from_utf8(data) {
            for word in text.split(|c: char| !c.is_ascii_alphanumeric()) {
                if word.len() >= 12 {
                    assert!(!error.contains(word), "{error}");
                }
            }
        }
    }
});
