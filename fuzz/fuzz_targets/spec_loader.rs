//! The spec loader (`api-docs.json`) on any text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        match alibabacloud_spec::load_str(text, "fuzz.json") {
            Ok(spec) => drop(format!("{:?}", spec.info)),
            Err(error) => drop(error.to_string()),
        }
    }
});
