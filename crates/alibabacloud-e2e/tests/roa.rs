//! ROA operations end to end: the generated clients of `specs/cs/2015-12-15` and
//! `specs/elasticsearch/2017-06-13` (operations cut unmodified out of the official files)
//! against the emulator, which routes by method and path template, verifies every
//! signature with its own code and answers the documented example or a scripted error in
//! the ROA shape. And a V3 operation with a binary body (`specs/ocr-api/2021-07-07`).

#![allow(clippy::unwrap_used)]

mod common;

use alibabacloud_core::{Blob, CallOptions, Credentials, RetryConfig};
use alibabacloud_cs20151215 as cs;
use alibabacloud_elasticsearch20170613 as es;
use alibabacloud_emulator::{AuthScheme, EmulatorHandle, RecordedRequest, Reply, Verdict};
use common::{KEY_ID, STS_ID, STS_SECRET, STS_TOKEN};
use es::operation::get_elastictask::GetElastictaskErrorCode;
use http::StatusCode;

/// The SHA-256 of an empty body.
const EMPTY_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

fn cs_client(emulator: &EmulatorHandle) -> cs::Client {
    cs::Client::new(common::config(emulator).build().unwrap())
}

fn es_client(emulator: &EmulatorHandle) -> es::Client {
    es::Client::new(common::config(emulator).build().unwrap())
}

fn only_request(emulator: &EmulatorHandle) -> RecordedRequest {
    let mut requests = emulator.requests();
    assert_eq!(requests.len(), 1, "{requests:#?}");
    requests.remove(0)
}

fn assert_signed(request: &RecordedRequest, key_id: &str) {
    assert_eq!(request.verdict, Verdict::Accepted, "{request:?}");
    assert_eq!(request.auth_scheme, Some(AuthScheme::Acs3HmacSha256));
    assert_eq!(request.access_key_id.as_deref(), Some(key_id));
}

#[tokio::test]
async fn get_with_a_path_parameter_answers_the_documented_example() {
    let emulator = common::emulator().await;
    let client = cs_client(&emulator);

    // A value that needs percent-encoding in its segment.
    let detail = client
        .describe_cluster_detail()
        .cluster_id("c82e/6987 e2961")
        .send()
        .await
        .unwrap();

    assert_eq!(
        detail.cluster_id.as_deref(),
        Some("c82e6987e2961451182edacd74faf****")
    );
    assert_eq!(detail.cluster_type.as_deref(), Some("Kubernetes"));
    assert_eq!(detail.name.as_deref(), Some("cluster-demo"));
    assert_eq!(detail.region_id.as_deref(), Some("cn-beijing"));
    assert_eq!(detail.size, Some(5));

    let request = only_request(&emulator);
    assert_signed(&request, KEY_ID);
    assert_eq!(request.status(), Some(200));
    assert_eq!(request.method, "GET");
    assert_eq!(request.path, "/clusters/c82e%2F6987%20e2961");
    assert!(request.query.is_empty() && request.body.is_empty());
    assert_eq!(request.action.as_deref(), Some("DescribeClusterDetail"));
    assert_eq!(request.version.as_deref(), Some("2015-12-15"));
    assert_eq!(request.header("x-acs-content-sha256"), Some(EMPTY_SHA256));
    assert!(request.request_id.is_some());
}

#[tokio::test]
async fn a_missing_or_empty_path_parameter_is_refused_before_sending() {
    let emulator = common::emulator().await;
    let client = cs_client(&emulator);

    let missing = client.describe_cluster_detail().send().await.unwrap_err();
    assert!(missing.to_string().contains("ClusterId"), "{missing}");
    let empty = client
        .describe_cluster_detail()
        .cluster_id("")
        .send()
        .await
        .unwrap_err();
    assert!(empty.to_string().contains("ClusterId"), "{empty}");
    assert_eq!(emulator.request_count(), 0);
}

#[tokio::test]
async fn post_with_a_json_body() {
    let emulator = common::emulator().await;
    let client = cs_client(&emulator);

    let response = client
        .scale_cluster_node_pool()
        .cluster_id("c23421cfa74454bc8b37163fd19af****")
        .nodepool_id("np31da1b38983f4511b490fc62108a****")
        .count(2)
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.task_id.as_deref(),
        Some("T-5faa48fb31b6b8078d00****")
    );

    let request = only_request(&emulator);
    assert_signed(&request, KEY_ID);
    assert_eq!(request.method, "POST");
    assert_eq!(
        request.path,
        "/clusters/c23421cfa74454bc8b37163fd19af%2A%2A%2A%2A/nodepools/np31da1b38983f4511b490fc62108a%2A%2A%2A%2A"
    );
    assert_eq!(
        request.header("content-type"),
        Some("application/json; charset=utf-8")
    );
    let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(body, serde_json::json!({"count": 2}));
    let hash = request.header("x-acs-content-sha256").unwrap();
    assert_ne!(hash, EMPTY_SHA256);
}

#[tokio::test]
async fn an_array_response_is_the_body() {
    let emulator = common::emulator().await;
    let logs = cs_client(&emulator)
        .describe_cluster_logs()
        .cluster_id("c1")
        .send()
        .await
        .unwrap();
    assert_eq!(logs.body.len(), 1);
    let log = &logs.body[0];
    assert_eq!(
        log.cluster_id.as_deref(),
        Some("c23421cfa74454bc8b37163fd19af***")
    );
    assert_eq!(
        log.cluster_log.as_deref(),
        Some("start to update cluster status to CREATE_COMPLETE")
    );
}

#[tokio::test]
async fn delete_with_the_documented_answer_and_with_a_204() {
    let emulator = common::emulator().await;
    let client = cs_client(&emulator);

    client
        .delete_template()
        .template_id("t-1")
        .send()
        .await
        .unwrap();
    let request = only_request(&emulator);
    assert_signed(&request, KEY_ID);
    assert_eq!(request.method, "DELETE");
    assert_eq!(request.path, "/templates/t-1");
    assert_eq!(request.status(), Some(200));

    emulator.clear_requests();
    emulator.script_for(
        "DeleteTemplate",
        Reply::raw(StatusCode::NO_CONTENT, bytes::Bytes::new()),
    );
    client
        .delete_template()
        .template_id("t-2")
        .send()
        .await
        .unwrap();
    assert_eq!(only_request(&emulator).status(), Some(204));
}

#[tokio::test]
async fn a_documented_error_code_is_its_variant_in_the_roa_shape() {
    let emulator = common::emulator().await;
    let client = es_client(&emulator);
    emulator.script_for("GetElastictask", Reply::error("InstanceNotFound"));

    let err = client
        .get_elastictask()
        .instance_id("es-cn-1")
        .call_options(CallOptions::new().retry(RetryConfig::disabled()))
        .send()
        .await
        .unwrap_err();

    assert_eq!(err.code(), Some(&GetElastictaskErrorCode::InstanceNotFound));
    let service = err.as_service_error().unwrap();
    assert_eq!(service.status(), 404);
    assert_eq!(
        service.message(),
        Some("The specified cluster does not exist. Check the cluster status and try again.")
    );
    let request = only_request(&emulator);
    assert_eq!(request.path, "/openapi/instances/es-cn-1/elastic-task");
    assert_eq!(service.request_id(), request.request_id.as_deref());
    // The emulator answered in the ROA shape (lower camel case keys).
    let body: serde_json::Value = serde_json::from_slice(service.body()).unwrap();
    assert_eq!(body["code"], "InstanceNotFound");
    assert!(body.get("Code").is_none(), "{body}");
    assert!(service.host_id().is_some());

    // A code the spec does not document is `Unknown`, with the code as sent.
    emulator.script_for("GetElastictask", Reply::error("Forbidden.RAM"));
    let err = client
        .get_elastictask()
        .instance_id("es-cn-1")
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.as_service_error().unwrap().code_str(), "Forbidden.RAM");
}

#[tokio::test]
async fn reads_are_retried_on_5xx_and_writes_are_not() {
    let emulator = common::emulator().await;
    let client = cs_client(&emulator);

    // `DescribeClusterDetail` is a read: two 5xx, then the documented answer.
    emulator.script_for("DescribeClusterDetail", Reply::internal_error());
    emulator.script_for("DescribeClusterDetail", Reply::service_unavailable());
    let detail = client
        .describe_cluster_detail()
        .cluster_id("c1")
        .send()
        .await
        .unwrap();
    assert_eq!(detail.name.as_deref(), Some("cluster-demo"));
    let statuses: Vec<_> = emulator
        .requests()
        .iter()
        .map(RecordedRequest::status)
        .collect();
    assert_eq!(statuses, [Some(500), Some(503), Some(200)]);
    let nonces: std::collections::HashSet<_> =
        emulator.requests().into_iter().map(|r| r.nonce).collect();
    assert_eq!(nonces.len(), 3, "every attempt is signed anew");

    // `ScaleClusterNodePool` is a write (POST): one attempt.
    emulator.clear_requests();
    emulator.script_for("ScaleClusterNodePool", Reply::internal_error());
    let err = client
        .scale_cluster_node_pool()
        .cluster_id("c1")
        .nodepool_id("np1")
        .count(1)
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.as_service_error().unwrap().status(), 500);
    assert_eq!(emulator.request_count(), 1);
}

#[tokio::test]
async fn sts_credentials_sign_roa_requests() {
    let emulator = common::emulator().await;
    let config = common::config(&emulator)
        .credentials_provider(
            Credentials::new(STS_ID, STS_SECRET)
                .unwrap()
                .with_security_token(STS_TOKEN),
        )
        .build()
        .unwrap();
    let client = cs::Client::new(config);

    client
        .delete_template()
        .template_id("t-1")
        .send()
        .await
        .unwrap();

    let request = only_request(&emulator);
    assert_signed(&request, STS_ID);
    assert_eq!(request.header("x-acs-security-token"), Some(STS_TOKEN));
    assert!(
        request
            .header("authorization")
            .is_some_and(|a| a.contains("x-acs-security-token")),
        "the token is signed: {request:?}"
    );
}

#[tokio::test]
async fn a_wrong_signature_is_refused_in_the_roa_shape() {
    let emulator = common::emulator().await;
    let config = common::config(&emulator)
        .credentials_provider(Credentials::new(KEY_ID, "NotTheSecret").unwrap())
        .build()
        .unwrap();
    let err = cs::Client::new(config)
        .describe_cluster_detail()
        .cluster_id("c1")
        .send()
        .await
        .unwrap_err();
    let service = err.as_service_error().unwrap();
    assert_eq!(service.code_str(), "SignatureDoesNotMatch");
    let body: serde_json::Value = serde_json::from_slice(service.body()).unwrap();
    assert_eq!(body["code"], "SignatureDoesNotMatch", "{body}");
    assert!(matches!(
        only_request(&emulator).verdict,
        Verdict::Rejected { .. }
    ));
}

#[tokio::test]
async fn a_v3_binary_body_is_sent_as_bytes_and_signed() {
    let emulator = common::emulator().await;
    let client =
        alibabacloud_ocr_api20210707::Client::new(common::config(&emulator).build().unwrap());
    // Not UTF-8, with bytes that a text body would mangle.
    let image: Vec<u8> = (0..=255u8).cycle().take(3000).collect();

    let response = client
        .recognize_car_vin_code()
        .body(Blob::from(image.clone()))
        .send()
        .await
        .unwrap();
    assert!(
        response
            .data
            .as_deref()
            .is_some_and(|d| d.contains("LSVNP41Z7B2731969"))
    );

    let request = only_request(&emulator);
    // The emulator checked the body's hash against `x-acs-content-sha256` and the signature.
    assert_signed(&request, KEY_ID);
    assert_eq!(request.method, "POST");
    assert_eq!(request.path, "/");
    assert_eq!(request.action.as_deref(), Some("RecognizeCarVinCode"));
    assert_eq!(
        request.header("content-type"),
        Some("application/octet-stream")
    );
    assert_eq!(request.body_len, image.len());
    assert_eq!(request.body.as_ref(), image.as_slice());
    assert_ne!(request.header("x-acs-content-sha256"), Some(EMPTY_SHA256));
}
