//! The INI credentials file (`~/.alibabacloud/credentials`) on any text: an error never
//! shows the `access_key_secret` of the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(error) = alibabacloud_core::fuzzing::ini_credentials(text, "default") {
        let shown = format!("{error} {error:?}");
        // Where the text sets a secret on a line of its own, it must not come back, unless
        // the same characters are also on another line: then a field that is no secret (a
        // `type` the error names) may hold them.
        let secret_lines = |line: &&str| line.trim().starts_with("access_key_secret = ");
        for line in text.lines().filter(secret_lines) {
            if let Some(secret) = line.trim().strip_prefix("access_key_secret = ")
                && secret.len() >= 8
                && secret.bytes().all(|b| b.is_ascii_alphanumeric())
                && !text
                    .lines()
                    .filter(|l| !secret_lines(l))
                    .any(|l| l.contains(secret))
            {
                assert!(!shown.contains(secret), "{shown}");
            }
        }
    }
});
