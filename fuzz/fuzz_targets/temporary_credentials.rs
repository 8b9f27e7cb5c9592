//! The credentials answers of STS, the metadata service and credentials URIs.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for nested in [false, true] {
        if let Err(error) = alibabacloud_core::fuzzing::temporary_credentials(data, nested) {
            // Errors name fields, never values: nothing of the input is quoted.
            assert!(error.len() < 200, "{error}");
        }
    }
});
