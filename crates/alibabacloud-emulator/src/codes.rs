//! The gateway's own error codes, with the HTTP status and message the real gateway uses.
//!
//! Sources (public reports of real responses and official error tables):
//! - `SignatureDoesNotMatch`, 400, "Specified signature is not matched with our calculation.
//!   server string to sign is:..." — real response quoted in NewFuture/DDNS#57; the 400
//!   status (for it and for `IncompleteSignature`) in aliyun/aliyun-openapi-net-sdk#178.
//! - `IncompleteSignature`, 400, "The request signature does not conform to Aliyun
//!   standards." — fog/fog-aliyun#32 (400 Bad Request), aliyun-UED/aliyun-sdk-js#37.
//! - `InvalidAccessKeyId.NotFound`, 404, "Specified access key is not found." —
//!   XWJR-Ops/zabbix-RDS-monitor#9 ("HTTP Status: 404"); the PolarDB "Client error codes"
//!   page also lists 404.
//! - `InvalidTimeStamp.Expired`, 400, "Specified time stamp or date value is expired." —
//!   developer.aliyun.com/ask/11111 (real body), developer.aliyun.com/ask/468189 (400); the
//!   15-minute window: developer.aliyun.com/ask/9487.
//! - `InvalidTimeStamp.Format`, 400, "Specified time stamp or date value is not well
//!   formatted." — the public error-center code list (terraform-provider-alicloud
//!   `common_errors.go`); the message as quoted in client code.
//! - `SignatureNonceUsed`, 400, "Specified signature nonce was used already." —
//!   aliyun/alibaba-cloud-sdk-go#39 ("SDK.ServerError 400 Bad Request"), acme.sh#1639.
//! - `MissingSecurityToken`, `InvalidSecurityToken.MismatchWithAccessKey`,
//!   `InvalidSecurityToken.Malformed`, `InvalidSecurityToken.Expired` — the public
//!   error-center code list (terraform-provider-alicloud `common_errors.go`, SDK retry code
//!   lists); "Specified SecurityToken is expired." as quoted in client tests. The statuses
//!   (400) and the other messages are not documented: chosen here.
//! - `InvalidAction.NotFound`, 404, "Specified api is not found, please check your url and
//!   method." — SDK test expecting `NewServerError(404, ...)`, official C++ SDK tests, real
//!   bodies quoted in client code.
//! - `InvalidVersion`, "Specified parameter Version is not valid." —
//!   aliyun/aliyun-openapi-java-sdk#23, aliyun/openapi-sdk-php#175; status 400 (chosen:
//!   not stated in the reports).
//! - `UnsupportedHTTPMethod`, "This http method is not supported." — real body quoted at
//!   developer.aliyun.com/ask/618788; status 403 from the PolarDB "Client error codes" page.
//! - `MissingParameter`, 400, "The input parameter \"X\" that is mandatory for processing this
//!   request is not supplied." — aliyun/aliyun-openapi-python-sdk#124 ("HTTP Status: 400"),
//!   teamssix/cf#211. Missing common parameters of the gateway use the `Missing{Name}` form of
//!   the error-center list (e.g. `MissingTimestamp`) with the same message.
//! - `InvalidParameter`, 400, "The specified value of parameter \"X\" is not valid." — Auto
//!   Scaling "Client errors" page.
//! - `Throttling.User`, 400, "Request was denied due to user flow control." and
//!   `ServiceUnavailable`, 503 — error-center list; `InternalError`, 500, "The request
//!   processing has failed due to some unknown error, exception or failure." — the
//!   QueryCashCoupons seed page.
//! - `Recommend` is `https://api.aliyun.com/troubleshoot?q=<Code>&product=<product>&requestId=<id>`
//!   as in current real bodies (developer.aliyun.com/ask/618788).

use http::StatusCode;

/// `SignatureDoesNotMatch`.
pub const SIGNATURE_DOES_NOT_MATCH: &str = "SignatureDoesNotMatch";
/// `IncompleteSignature`.
pub const INCOMPLETE_SIGNATURE: &str = "IncompleteSignature";
/// `InvalidAccessKeyId.NotFound`.
pub const INVALID_ACCESS_KEY_ID_NOT_FOUND: &str = "InvalidAccessKeyId.NotFound";
/// `InvalidTimeStamp.Expired`.
pub const INVALID_TIMESTAMP_EXPIRED: &str = "InvalidTimeStamp.Expired";
/// `InvalidTimeStamp.Format`.
pub const INVALID_TIMESTAMP_FORMAT: &str = "InvalidTimeStamp.Format";
/// `SignatureNonceUsed`.
pub const SIGNATURE_NONCE_USED: &str = "SignatureNonceUsed";
/// `InvalidSignatureMethod`.
pub const INVALID_SIGNATURE_METHOD: &str = "InvalidSignatureMethod";
/// `MissingSecurityToken`.
pub const MISSING_SECURITY_TOKEN: &str = "MissingSecurityToken";
/// `InvalidSecurityToken.MismatchWithAccessKey`.
pub const INVALID_SECURITY_TOKEN_MISMATCH: &str = "InvalidSecurityToken.MismatchWithAccessKey";
/// `InvalidSecurityToken.Malformed`.
pub const INVALID_SECURITY_TOKEN_MALFORMED: &str = "InvalidSecurityToken.Malformed";
/// `InvalidSecurityToken.Expired`.
pub const INVALID_SECURITY_TOKEN_EXPIRED: &str = "InvalidSecurityToken.Expired";
/// `InvalidAction.NotFound`.
pub const INVALID_ACTION_NOT_FOUND: &str = "InvalidAction.NotFound";
/// `InvalidVersion`.
pub const INVALID_VERSION: &str = "InvalidVersion";
/// `UnsupportedHTTPMethod`.
pub const UNSUPPORTED_HTTP_METHOD: &str = "UnsupportedHTTPMethod";
/// `MissingParameter`.
pub const MISSING_PARAMETER: &str = "MissingParameter";
/// `InvalidParameter`.
pub const INVALID_PARAMETER: &str = "InvalidParameter";
/// `Throttling.User`.
pub const THROTTLING_USER: &str = "Throttling.User";
/// `ServiceUnavailable`.
pub const SERVICE_UNAVAILABLE: &str = "ServiceUnavailable";
/// `InternalError`.
pub const INTERNAL_ERROR: &str = "InternalError";
/// `RequestEntityTooLarge`: the emulator's own code for a body over the size limit.
pub const REQUEST_ENTITY_TOO_LARGE: &str = "RequestEntityTooLarge";

/// The base message of `IncompleteSignature`.
pub const INCOMPLETE_SIGNATURE_MESSAGE: &str =
    "The request signature does not conform to Aliyun standards.";
/// The message of `SignatureDoesNotMatch` before the server's string to sign.
pub const SIGNATURE_DOES_NOT_MATCH_PREFIX: &str =
    "Specified signature is not matched with our calculation. server string to sign is:";

/// The HTTP status and message the gateway uses for one of its own codes, or `None` for a
/// code it does not produce (an operation's error code).
pub fn gateway_default(code: &str) -> Option<(StatusCode, &'static str)> {
    let found = match code {
        SIGNATURE_DOES_NOT_MATCH => (
            StatusCode::BAD_REQUEST,
            "Specified signature is not matched with our calculation.",
        ),
        INCOMPLETE_SIGNATURE => (StatusCode::BAD_REQUEST, INCOMPLETE_SIGNATURE_MESSAGE),
        INVALID_ACCESS_KEY_ID_NOT_FOUND => {
            (StatusCode::NOT_FOUND, "Specified access key is not found.")
        }
        "InvalidAccessKeyId.Inactive" => {
            (StatusCode::BAD_REQUEST, "Specified access key is disabled.")
        }
        INVALID_TIMESTAMP_EXPIRED => (
            StatusCode::BAD_REQUEST,
            "Specified time stamp or date value is expired.",
        ),
        INVALID_TIMESTAMP_FORMAT => (
            StatusCode::BAD_REQUEST,
            "Specified time stamp or date value is not well formatted.",
        ),
        SIGNATURE_NONCE_USED => (
            StatusCode::BAD_REQUEST,
            "Specified signature nonce was used already.",
        ),
        INVALID_SIGNATURE_METHOD => (
            StatusCode::BAD_REQUEST,
            "Specified signature method is not supported.",
        ),
        MISSING_SECURITY_TOKEN => (
            StatusCode::BAD_REQUEST,
            "The input parameter \"SecurityToken\" that is mandatory for processing this request is not supplied.",
        ),
        INVALID_SECURITY_TOKEN_MISMATCH => (
            StatusCode::BAD_REQUEST,
            "Specified SecurityToken mismatch with the AccessKey.",
        ),
        INVALID_SECURITY_TOKEN_MALFORMED => (
            StatusCode::BAD_REQUEST,
            "Specified SecurityToken is malformed.",
        ),
        INVALID_SECURITY_TOKEN_EXPIRED => (
            StatusCode::BAD_REQUEST,
            "Specified SecurityToken is expired.",
        ),
        INVALID_ACTION_NOT_FOUND => (
            StatusCode::NOT_FOUND,
            "Specified api is not found, please check your url and method.",
        ),
        INVALID_VERSION => (
            StatusCode::BAD_REQUEST,
            "Specified parameter Version is not valid.",
        ),
        UNSUPPORTED_HTTP_METHOD => (StatusCode::FORBIDDEN, "This http method is not supported."),
        MISSING_PARAMETER => (
            StatusCode::BAD_REQUEST,
            "Some parameters are mandatory for this request.",
        ),
        INVALID_PARAMETER => (StatusCode::BAD_REQUEST, "Some parameters are not valid."),
        THROTTLING_USER => (
            StatusCode::BAD_REQUEST,
            "Request was denied due to user flow control.",
        ),
        "Throttling" | "Throttling.Api" => (
            StatusCode::BAD_REQUEST,
            "Request was denied due to request throttling.",
        ),
        SERVICE_UNAVAILABLE => (
            StatusCode::SERVICE_UNAVAILABLE,
            "The request has failed due to a temporary failure of the server.",
        ),
        INTERNAL_ERROR => (
            StatusCode::INTERNAL_SERVER_ERROR,
            "The request processing has failed due to some unknown error, exception or failure.",
        ),
        REQUEST_ENTITY_TOO_LARGE => (
            StatusCode::PAYLOAD_TOO_LARGE,
            "The request body is larger than the emulator accepts.",
        ),
        _ => return None,
    };
    Some(found)
}

/// The message of `MissingParameter` / `Missing{Name}` for parameter `name`.
pub fn missing_parameter_message(name: &str) -> String {
    format!(
        "The input parameter \"{name}\" that is mandatory for processing this request is not supplied."
    )
}

/// The message of `InvalidParameter` for parameter `name`.
pub fn invalid_parameter_message(name: &str) -> String {
    format!("The specified value of parameter \"{name}\" is not valid.")
}
