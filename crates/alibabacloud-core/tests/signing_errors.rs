//! Invalid input gives a typed error (never a panic), and errors never carry secrets.
#![allow(clippy::unwrap_used)]

use std::time::{Duration, UNIX_EPOCH};

use alibabacloud_core::credentials::Credentials;
use alibabacloud_core::signing::acs3::EMPTY_BODY_SHA256 as E;
use alibabacloud_core::signing::{
    PreparedRequest, SignableBody, SignableRequest, SigningError, SigningParams, sign_acs3,
    sign_rpc_v1,
};

fn sign_with(
    headers: &[(&str, &str)],
    body: SignableBody<'_>,
    credentials: &Credentials,
    nonce: &str,
) -> Result<(), SigningError> {
    let params = SigningParams::new(credentials, UNIX_EPOCH + Duration::from_secs(1), nonce);
    let request = SignableRequest {
        method: "POST",
        path: "/",
        query: &[("a", "b")],
        headers,
        body,
    };
    sign_acs3(&request, &params).map(|_| ())
}

fn plain() -> Credentials {
    Credentials::new("id", "secret").unwrap()
}

#[test]
fn invalid_header_names() {
    for name in ["", "x acs", "x-acs:a", "x-acs-é", "hé", "a\nb"] {
        let err = sign_with(&[(name, "v")], SignableBody::Empty, &plain(), "n").unwrap_err();
        assert_eq!(
            err,
            SigningError::InvalidHeaderName {
                name: name.to_owned()
            }
        );
    }
}

#[test]
fn invalid_header_values_do_not_leak_the_value() {
    for value in ["a\nb", "a\rb", "a\0b", "\u{7f}"] {
        let err = sign_with(
            &[("X-Acs-Secret", value)],
            SignableBody::Empty,
            &plain(),
            "n",
        )
        .unwrap_err();
        assert_eq!(
            err,
            SigningError::InvalidHeaderValue {
                name: "x-acs-secret".to_owned()
            }
        );
        assert!(!err.to_string().contains(value));
    }
    // Tabs and non-ASCII text are allowed in values.
    sign_with(&[("x-acs-a", "a\tb é")], SignableBody::Empty, &plain(), "n").unwrap();
}

#[test]
fn headers_the_signer_adds_are_reserved() {
    for name in [
        "x-acs-date",
        "X-Acs-Signature-Nonce",
        "x-acs-content-sha256",
        "x-acs-security-token",
        "x-acs-accesskey-id",
        "Authorization",
    ] {
        let err = sign_with(&[(name, "v")], SignableBody::Empty, &plain(), "n").unwrap_err();
        assert_eq!(
            err,
            SigningError::ReservedHeader {
                name: name.to_owned()
            }
        );
    }
}

#[test]
fn precomputed_body_hash_must_be_lower_case_hex() {
    for hash in [
        "",
        "abc",
        &E.to_uppercase(),
        &format!("{E}0"),
        &E.replace('e', "g"),
    ] {
        let err = sign_with(&[], SignableBody::Precomputed(hash), &plain(), "n").unwrap_err();
        assert_eq!(err, SigningError::InvalidContentSha256);
    }
    sign_with(&[], SignableBody::Precomputed(E), &plain(), "n").unwrap();
}

#[test]
fn bad_nonce_and_credentials() {
    let err = sign_with(&[], SignableBody::Empty, &plain(), "a\r\nb").unwrap_err();
    assert_eq!(
        err,
        SigningError::InvalidHeaderValue {
            name: "x-acs-signature-nonce".to_owned()
        }
    );
    let bad_id = Credentials::new("id\n", "secret").unwrap();
    let err = sign_with(&[], SignableBody::Empty, &bad_id, "n").unwrap_err();
    assert_eq!(
        err,
        SigningError::InvalidCredential {
            field: "AccessKeyId"
        }
    );
    let bad_token = plain().with_security_token("secret-token\n");
    let err = sign_with(&[], SignableBody::Empty, &bad_token, "n").unwrap_err();
    assert_eq!(
        err,
        SigningError::InvalidCredential {
            field: "SecurityToken"
        }
    );
    assert!(!format!("{err} {err:?}").contains("secret-token"));
}

#[test]
fn bad_method_path_and_time() {
    let credentials = plain();
    let ok_time = UNIX_EPOCH + Duration::from_secs(1);
    let sign = |method, path, time| {
        let params = SigningParams::new(&credentials, time, "n");
        let request = SignableRequest {
            method,
            path,
            query: &[],
            headers: &[],
            body: SignableBody::Empty,
        };
        sign_acs3(&request, &params).map(|_| ())
    };
    assert_eq!(sign("GE T", "/", ok_time), Err(SigningError::InvalidMethod));
    assert_eq!(
        sign("GET\n", "/", ok_time),
        Err(SigningError::InvalidMethod)
    );
    assert_eq!(sign("GET", "/a b", ok_time), Err(SigningError::InvalidPath));
    assert_eq!(
        sign("GET", "/a\nb", ok_time),
        Err(SigningError::InvalidPath)
    );
    // Year 10000 does not fit `yyyy`.
    let far = UNIX_EPOCH + Duration::from_secs(253_402_300_800);
    assert_eq!(sign("GET", "/", far), Err(SigningError::TimeOutOfRange));
    let last = UNIX_EPOCH + Duration::from_secs(253_402_300_799);
    assert_eq!(sign("GET", "/", last), Ok(()));

    let prepared = PreparedRequest {
        method: "GET",
        path: "/",
        query: &[],
        headers: &[("x-acs-a", "1\n2")],
        content_sha256: E,
    };
    assert!(matches!(
        prepared.canonical_request(),
        Err(SigningError::InvalidHeaderValue { .. })
    ));
}

#[test]
fn rpc_reserved_parameters() {
    let credentials = plain();
    let params = SigningParams::new(&credentials, UNIX_EPOCH, "n");
    for name in [
        "AccessKeyId",
        "Format",
        "SignatureMethod",
        "SignatureNonce",
        "SignatureVersion",
        "Timestamp",
        "SecurityToken",
        "Signature",
    ] {
        let err = sign_rpc_v1("GET", &[("Action", "A"), (name, "x")], &params).unwrap_err();
        assert_eq!(
            err,
            SigningError::ReservedParameter {
                name: name.to_owned()
            }
        );
    }
    assert_eq!(
        sign_rpc_v1("G\nET", &[], &params).unwrap_err(),
        SigningError::InvalidMethod
    );
}
