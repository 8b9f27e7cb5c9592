//! Entry points for the fuzz targets (`fuzz/` at the root of the repository) and the property
//! tests: the parsers and decoders the SDK runs on untrusted input, reachable without a network
//! or a file. **Not part of the API**: hidden from the docs, and may change at any time.

use bytes::Bytes;
use serde::de::DeserializeOwned;

use crate::credentials::{CredentialsError, ProviderConfig};
use crate::env::Env;
use crate::error::Error;
use crate::response::{self, RawResponse, SuccessCheck};
use crate::scrub::{Scrubber, Secrets};

fn headers(request_id: Option<&str>) -> http::HeaderMap {
    let mut headers = http::HeaderMap::new();
    if let Some(value) = request_id.and_then(|id| http::HeaderValue::from_str(id).ok()) {
        headers.insert(response::REQUEST_ID_HEADER, value);
    }
    headers
}

fn secrets(values: &[&str], secret_fields: &'static [&'static str]) -> Secrets {
    Secrets::from_values(
        values.iter().map(|v| (*v).to_owned()).collect(),
        secret_fields,
    )
}

/// The error that a non-2xx response with this status, request id and body describes, as the
/// runtime builds it: `values` are the secret values of the request, `secret_fields` the
/// names of the response's secret fields.
pub fn error_from_response(
    status: u16,
    request_id: Option<&str>,
    body: &[u8],
    values: &[&str],
    secret_fields: &'static [&'static str],
) -> Error {
    response::error_from_response(
        status,
        &headers(request_id),
        &Bytes::copy_from_slice(body),
        &secrets(values, secret_fields),
    )
}

/// A 2xx body decoded into `T` as the runtime decodes it for the generated clients.
pub fn decode<T: DeserializeOwned>(
    status: u16,
    body: &[u8],
    values: &[&str],
    secret_fields: &'static [&'static str],
    check: SuccessCheck<T>,
) -> Result<T, Error> {
    RawResponse::new(
        status,
        headers(None),
        Bytes::copy_from_slice(body),
        secrets(values, secret_fields),
    )
    .decode(check)
}

/// `text` with the secrets removed as the runtime removes them from what it reports: the
/// values of the fields `secret_fields` (and of `AccessKeySecret` and `SecurityToken`) and
/// every whole-token occurrence of `values` and of those fields' values.
pub fn scrub(text: &[u8], values: &[&str], secret_fields: &[&'static str]) -> Vec<u8> {
    let scrubber = Scrubber::new(values.iter().copied(), secret_fields, text);
    scrubber.bytes(text).unwrap_or_else(|| text.to_vec())
}

/// A configuration of the providers that reads no real environment variable.
fn isolated() -> ProviderConfig {
    ProviderConfig::new().with_env(Env::from_pairs::<&str, &str>([]))
}

/// Section `section` of an INI credentials file (`~/.alibabacloud/credentials`) with this
/// text, as the INI provider reads it (no request is made).
pub fn ini_credentials(text: &str, section: &str) -> Result<(), CredentialsError> {
    crate::credentials::ini_parse(text, section, "credentials", &isolated()).map(drop)
}

/// Profile `profile` (else the file's `current`) of an aliyun CLI configuration
/// (`~/.aliyun/config.json`) with this text, as the CLI profile provider reads it (no request
/// is made).
pub fn cli_config(text: &str, profile: Option<&str>) -> Result<(), CredentialsError> {
    crate::credentials::cli_resolve_text(text, profile, &isolated()).map(drop)
}

/// Temporary credentials from a JSON answer of STS (`{"Credentials": {...}}`, with
/// `nested`) or of the metadata service or a credentials URI, as the providers read them.
pub fn temporary_credentials(body: &[u8], nested: bool) -> Result<(), String> {
    crate::credentials::read_temporary_credentials(body, nested).map(drop)
}

/// The credentials an External command printed (the aliyun CLI's `process_command`), as the
/// External provider reads them.
pub fn external_output(out: &[u8]) -> Result<(), String> {
    crate::credentials::read_external_output(out)
}

/// A `process_command` split into a program and its arguments, as the External provider
/// splits it (`windows`: by the Windows rules).
pub fn split_command(command: &str, windows: bool) -> Option<Vec<String>> {
    crate::credentials::split_external_command(command, windows)
}

/// What a proxy of these settings ([`Proxy::custom`](crate::transport::Proxy::custom): the
/// official SDKs' `httpProxy`, `httpsProxy` and `noProxy`) shows of itself and makes of a
/// request to each of `destinations` that is a URI: its `Debug` forms, then the build error's
/// message, or per destination `direct`, `proxied`, `proxied+auth` or the error's message.
/// Every string a user could see of a proxy setting, to check that none holds its password.
pub fn proxy(
    http: Option<&str>,
    https: Option<&str>,
    no_proxy: Option<&str>,
    destinations: &[&str],
) -> Vec<String> {
    let mut builder = crate::transport::Proxy::custom();
    if let Some(url) = http {
        builder = builder.http(url);
    }
    if let Some(url) = https {
        builder = builder.https(url);
    }
    if let Some(hosts) = no_proxy {
        builder = builder.no_proxy(hosts);
    }
    let destinations: Vec<http::Uri> = destinations
        .iter()
        .filter_map(|destination| destination.parse().ok())
        .collect();
    crate::transport::proxy_outcomes(builder, &destinations)
}
