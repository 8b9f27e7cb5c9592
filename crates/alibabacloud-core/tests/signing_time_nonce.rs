//! Signing time formatting and nonce generation.
#![allow(clippy::unwrap_used)]

use std::collections::HashSet;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use alibabacloud_core::credentials::Credentials;
use alibabacloud_core::signing::{
    SignableBody, SignableRequest, SigningError, SigningParams, format_timestamp, new_nonce,
    sign_acs3,
};

#[test]
fn timestamps_are_utc_whole_seconds() {
    let at = |secs: u64, nanos: u32| UNIX_EPOCH + Duration::new(secs, nanos);
    assert_eq!(format_timestamp(at(0, 0)).unwrap(), "1970-01-01T00:00:00Z");
    assert_eq!(
        format_timestamp(at(1_704_067_200, 999_999_999)).unwrap(),
        "2024-01-01T00:00:00Z"
    );
    assert_eq!(
        format_timestamp(at(1_698_315_752, 0)).unwrap(),
        "2023-10-26T10:22:32Z"
    );
    // Leap day, end of a leap year.
    assert_eq!(
        format_timestamp(at(951_782_400, 0)).unwrap(),
        "2000-02-29T00:00:00Z"
    );
    assert_eq!(
        format_timestamp(at(1_735_689_599, 0)).unwrap(),
        "2024-12-31T23:59:59Z"
    );
    // The last second of year 9999; then year 10000, which `yyyy` cannot write.
    assert_eq!(
        format_timestamp(at(253_402_300_799, 999_999_999)).unwrap(),
        "9999-12-31T23:59:59Z"
    );
    assert_eq!(
        format_timestamp(at(253_402_300_800, 0)),
        Err(SigningError::TimeOutOfRange)
    );
    // Before the epoch: a clock that is not set, which no server would accept.
    let before = |secs: u64, nanos: u32| UNIX_EPOCH - Duration::new(secs, nanos);
    for time in [before(0, 1), before(1, 0), before(62_167_219_200, 0)] {
        assert_eq!(format_timestamp(time), Err(SigningError::TimeOutOfRange));
    }
}

#[test]
fn timestamp_matches_the_time_crate() {
    let format =
        time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    let now = SystemTime::now();
    for offset in [
        0u64,
        1,
        59,
        3_600,
        86_399,
        86_400,
        31_536_000,
        1_000_000_007,
    ] {
        let t = now + Duration::from_secs(offset);
        let expected = time::OffsetDateTime::from(t).format(&format).unwrap();
        assert_eq!(format_timestamp(t).unwrap(), expected);
    }
}

#[test]
fn nonces_are_32_lower_case_hex_and_unique() {
    let mut seen = HashSet::new();
    for _ in 0..1_000 {
        let nonce = new_nonce();
        assert_eq!(nonce.len(), 32);
        assert!(
            nonce
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)),
            "{nonce}"
        );
        assert!(seen.insert(nonce));
    }
}

#[test]
fn the_signer_uses_the_given_time_and_nonce_only() {
    let credentials = Credentials::new("id", "secret").unwrap();
    let time = UNIX_EPOCH + Duration::from_secs(1_704_067_200);
    let params = SigningParams::new(&credentials, time, "fixed-nonce");
    let request = SignableRequest {
        method: "POST",
        path: "/",
        query: &[],
        headers: &[("host", "example.com")],
        body: SignableBody::Bytes(b"test"),
    };
    let first = sign_acs3(&request, &params).unwrap();
    let second = sign_acs3(&request, &params).unwrap();
    assert_eq!(first.to_vec(), second.to_vec());
    assert_eq!(first.get("x-acs-date"), Some("2024-01-01T00:00:00Z"));
    assert_eq!(first.get("x-acs-signature-nonce"), Some("fixed-nonce"));
    // The body hash of "test".
    assert_eq!(
        first.get("x-acs-content-sha256"),
        Some("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
    );

    let nonce = new_nonce();
    let fresh = SigningParams::now(&credentials, &nonce);
    let output = sign_acs3(&request, &fresh).unwrap();
    assert_eq!(output.get("x-acs-signature-nonce"), Some(nonce.as_str()));
}
