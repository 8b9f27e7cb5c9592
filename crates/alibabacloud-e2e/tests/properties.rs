//! Property tests on stable (the response fuzz targets' counterpart in `cargo test`): the 2xx
//! decoders of both generated operations on their documented answers damaged, with a random
//! part replaced, and on random JSON. None panics; an error never shows the secret parameter
//! nor the secret response field; `Debug` of a decoded response never shows the secret field.
//! And any value of a ROA path parameter is sent encoded in its own path segment.

#![allow(clippy::unwrap_used)]

mod common;

#[path = "../../alibabacloud-core/tests/support/strategies.rs"]
mod strategies;

use alibabacloud_bssopenapi20171214_model::query_cash_coupons::QueryCashCouponsResponse;
use alibabacloud_core::{Error, SuccessCheck, fuzzing};
use alibabacloud_quickbi_public20220101_model::query_ticket_info::QueryTicketInfoResponse;
use proptest::prelude::*;
use serde_json::Value;
use strategies::{damaged, holds_whole, json_value, replace_at};

const SECRET_PARAM: &str = "PropTicket-0001";

/// The documented success answer of an operation (`responseDemo` of its spec).
fn documented(product_version: &str) -> Value {
    let spec: Value = serde_json::from_str(
        &std::fs::read_to_string(
            common::specs_dir()
                .join(product_version)
                .join("api-docs.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let api = spec["apis"].as_object().unwrap().values().next().unwrap();
    let demo: Value = serde_json::from_str(api["responseDemo"].as_str().unwrap()).unwrap();
    serde_json::from_str(demo[0]["example"].as_str().unwrap()).unwrap()
}

fn ticket_info() -> &'static Value {
    static DOC: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    DOC.get_or_init(|| documented("quickbi-public/2022-01-01"))
}

fn cash_coupons() -> &'static Value {
    static DOC: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    DOC.get_or_init(|| documented("bssopenapi/2017-12-14"))
}

/// A body for an operation: its documented answer (with `AccessTicket` set to `secret`),
/// damaged, or with a random part replaced, or random JSON.
fn body(doc: &'static Value, secret: String) -> impl Strategy<Value = Vec<u8>> {
    let mut doc = doc.clone();
    if doc["Result"].is_object() {
        doc["Result"]["AccessTicket"] = Value::from(secret);
    }
    let bytes = serde_json::to_vec(&doc).unwrap();
    prop_oneof![
        damaged(bytes),
        (prop::collection::vec(any::<usize>(), 0..6), json_value()).prop_map(
            move |(path, part)| {
                let mut changed = doc.clone();
                replace_at(&mut changed, &path, part);
                serde_json::to_vec(&changed).unwrap()
            }
        ),
        json_value().prop_map(|v| serde_json::to_vec(&v).unwrap()),
    ]
}

fn shown(error: &Error) -> String {
    let mut text = format!("{error} {error:?}");
    let mut source = std::error::Error::source(error);
    while let Some(e) = source {
        text.push_str(&format!(" | {e} {e:?}"));
        source = e.source();
    }
    text
}

proptest! {
    #![proptest_config(strategies::config())]

    #[test]
    fn query_ticket_info_answers_never_show_its_secrets(
        (secret, body) in strategies::word(8, 16)
            .prop_map(|w| format!("Tk{w}"))
            .prop_flat_map(|s| (Just(s.clone()), body(ticket_info(), s))),
    ) {
        let decoded = fuzzing::decode::<QueryTicketInfoResponse>(
            200,
            &body,
            &[SECRET_PARAM],
            &["AccessTicket"],
            SuccessCheck::Field(|r: &QueryTicketInfoResponse| r.success),
        );
        match decoded {
            Ok(response) => {
                // The secret field is redacted (damage may copy its text into another field,
                // which `Debug` shows as the server sent it).
                let debug = format!("{:?}", response.result);
                if response.result.access_ticket.is_some() {
                    prop_assert!(debug.contains("access_ticket: Some(\"** redacted **\")"), "{}", debug);
                }
                if !String::from_utf8_lossy(&body).replacen(&secret, "", 1).contains(&secret) {
                    prop_assert!(!debug.contains(&secret), "{}", debug);
                }
            }
            Err(error) => {
                let text = shown(&error);
                prop_assert!(!text.contains(SECRET_PARAM), "{}", text);
                // Removed where it is a whole token (damage may glue it to a word).
                if String::from_utf8_lossy(&body).contains(&format!("\"AccessTicket\":\"{secret}\"")) {
                    prop_assert!(!holds_whole(&text, &secret), "{}", text);
                }
            }
        }
    }

    #[test]
    fn query_cash_coupons_answers_decode_or_fail_typed(body in body(cash_coupons(), String::new())) {
        for check in [
            SuccessCheck::Field(|r: &QueryCashCouponsResponse| r.success),
            SuccessCheck::Envelope,
        ] {
            match fuzzing::decode::<QueryCashCouponsResponse>(200, &body, &[SECRET_PARAM], &[], check) {
                Ok(response) => drop(format!("{response:?}")),
                Err(error) => {
                    prop_assert!(matches!(error, Error::Service(_) | Error::Response(_)), "{:?}", error);
                    prop_assert!(!shown(&error).contains(SECRET_PARAM));
                }
            }
        }
    }
}

/// The ROA request a `cs20151215` call sends with these path parameters (answered `{}` by a
/// canned transport), or the call's error: whether it is a construction error, and its
/// `Debug`.
fn roa_request(
    cluster_id: &str,
    nodepool_id: Option<&str>,
) -> Result<http::Request<bytes::Bytes>, (bool, String)> {
    use alibabacloud_core::transport::CannedTransport;
    let transport = CannedTransport::new(200, "{}");
    let client = alibabacloud_cs20151215::Client::new(
        alibabacloud_core::Config::builder()
            .region("cn-hangzhou")
            .credentials_provider(alibabacloud_core::Credentials::new("id", "secret").unwrap())
            .transport(transport.clone())
            .build()
            .unwrap(),
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
    let failed =
        |error: &dyn std::fmt::Debug, construction: bool| (construction, format!("{error:?}"));
    match nodepool_id {
        None => runtime
            .block_on(
                client
                    .describe_cluster_detail()
                    .cluster_id(cluster_id)
                    .send(),
            )
            .map(drop)
            .map_err(|e| failed(&e, matches!(e, alibabacloud_core::Error::Construction(_))))?,
        Some(nodepool_id) => runtime
            .block_on(
                client
                    .scale_cluster_node_pool()
                    .cluster_id(cluster_id)
                    .nodepool_id(nodepool_id)
                    .send(),
            )
            .map(drop)
            .map_err(|e| failed(&e, matches!(e, alibabacloud_core::Error::Construction(_))))?,
    }
    Ok(transport.last_request().unwrap())
}

/// The segments of a request's path, percent-decoded.
fn decoded_segments(request: &http::Request<bytes::Bytes>) -> Vec<String> {
    request
        .uri()
        .path()
        .split('/')
        .map(|segment| {
            percent_encoding::percent_decode_str(segment)
                .decode_utf8()
                .unwrap()
                .into_owned()
        })
        .collect()
}

proptest! {
    #![proptest_config(strategies::config())]

    /// Any value of a ROA path parameter (`/clusters/{ClusterId}`) is sent encoded in its own
    /// segment, and decodes back to itself: a `/`, `?`, `#`, `%`, space, quote or non-ASCII
    /// character never changes the path's shape, and no value fails to make a request.
    #[test]
    fn roa_path_parameters_stay_in_their_segment(
        cluster_id in strategies::text(24),
        nodepool_id in strategies::text(12),
    ) {
        prop_assume!(!cluster_id.is_empty() && !nodepool_id.is_empty());
        let request = roa_request(&cluster_id, None);
        prop_assert!(request.is_ok(), "{:?}", request.err());
        let segments = decoded_segments(&request.unwrap());
        prop_assert_eq!(segments, vec![String::new(), "clusters".to_owned(), cluster_id.clone()]);

        let request = roa_request(&cluster_id, Some(&nodepool_id));
        prop_assert!(request.is_ok(), "{:?}", request.err());
        let segments = decoded_segments(&request.unwrap());
        prop_assert_eq!(
            segments,
            vec![String::new(), "clusters".to_owned(), cluster_id, "nodepools".to_owned(), nodepool_id]
        );
    }
}

/// An empty path parameter is a construction error that names the parameter.
#[test]
fn an_empty_roa_path_parameter_is_refused() {
    let (construction, error) = roa_request("", None).unwrap_err();
    assert!(construction, "{error}");
    assert!(error.contains("ClusterId"), "{error}");
}

#[test]
fn the_documented_answers_decode() {
    let body = serde_json::to_vec(ticket_info()).unwrap();
    let response = fuzzing::decode::<QueryTicketInfoResponse>(
        200,
        &body,
        &[],
        &["AccessTicket"],
        SuccessCheck::Field(|r: &QueryTicketInfoResponse| r.success),
    )
    .unwrap();
    assert!(response.result.access_ticket.is_some());
    let body = serde_json::to_vec(cash_coupons()).unwrap();
    let response = fuzzing::decode::<QueryCashCouponsResponse>(
        200,
        &body,
        &[],
        &[],
        SuccessCheck::Field(|r: &QueryCashCouponsResponse| r.success),
    )
    .unwrap();
    assert_eq!(response.success, Some(true));
}
