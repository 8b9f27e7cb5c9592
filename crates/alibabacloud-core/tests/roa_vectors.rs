//! The three ROA vectors of `SIGNING-VECTORS.md` (captured from the official Python SDK):
//! each signature is recomputed from its canonical request, and the runtime, given the same
//! input through typed request models, builds the same method, canonical URI, canonical
//! query and body hash, so that the vector's canonical request (with the headers the Python
//! SDK also signs) comes out byte for byte and its signature with it.
#![allow(clippy::unwrap_used)]

use std::time::{Duration, SystemTime};

use alibabacloud_core::credentials::Credentials;
use alibabacloud_core::signing::{self, PreparedRequest};
use alibabacloud_core::time_source::{FixedNonceSource, FixedTimeSource};
use alibabacloud_core::transport::CannedTransport;
use alibabacloud_core::{
    ApiStyle, CallOptions, Config, HttpMethod, Operation, OperationType, ParamSpec, Params,
    ProductEndpoints, Runtime,
};

/// 2025-01-01T00:00:00Z.
fn vector_time() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_735_689_600)
}

const NONCE: &str = "0123456789abcdef0123456789abcdef";
const HOST: &str = "127.0.0.1:18462";
const SECRET: &str = "testsecret";
const EMPTY: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
/// What the Python SDK sends and signs besides what our clients sign.
const PYTHON_USER_AGENT: &str = "AlibabaCloud (Linux; x86_64) Python/3.11.7 Core/0.4.3 TeaDSL/2";

static CS: ProductEndpoints = ProductEndpoints {
    product: "CS",
    regional: &[],
    vpc: &[],
    rule: None,
};

alibabacloud_types::model! {
    /// `DescribeClusterDetail` (with a query added, as the vector has).
    pub struct DescribeRequest {
        /// The path parameter.
        #[wire("ClusterId", with_cluster_id)]
        pub cluster_id: Option<String>,
        /// .
        #[wire("detail", with_detail)]
        pub detail: Option<bool>,
        /// .
        #[wire("name_filter", with_name_filter)]
        pub name_filter: Option<String>,
    }
}

alibabacloud_types::model! {
    /// A tag of the body.
    pub struct Tag {
        /// .
        #[wire("key", with_key)]
        pub key: Option<String>,
        /// .
        #[wire("value", with_value)]
        pub value: Option<String>,
    }
}

alibabacloud_types::model! {
    /// `CreateCluster`: three members of the JSON body (more are left unset).
    pub struct CreateRequest {
        /// .
        #[wire("name", with_name)]
        pub name: Option<String>,
        /// .
        #[wire("region_id", with_region_id)]
        pub region_id: Option<String>,
        /// .
        #[wire("cluster_type", with_cluster_type)]
        pub cluster_type: Option<String>,
        /// .
        #[wire("tags", with_tags)]
        pub tags: Vec<Tag>,
    }
}

alibabacloud_types::model! {
    /// `DeleteCluster`.
    pub struct DeleteRequest {
        /// .
        #[wire("ClusterId", with_cluster_id)]
        pub cluster_id: Option<String>,
        /// .
        #[wire("retain_all_resources", with_retain_all_resources)]
        pub retain_all_resources: Option<bool>,
        /// .
        #[wire("keep_slb", with_keep_slb)]
        pub keep_slb: Option<bool>,
    }
}

const fn cs(action: &'static str, method: HttpMethod, path: &'static str) -> Operation {
    Operation {
        product: "CS",
        action,
        version: "2015-12-15",
        method,
        style: ApiStyle::Roa,
        path,
        operation_type: OperationType::Read,
        ..Operation::DEFAULT
    }
}

/// Sends `params` through a runtime configured as the vectors were captured; returns the
/// request it built.
async fn send(
    operation: &Operation,
    params: Params,
    credentials: Credentials,
) -> http::Request<bytes::Bytes> {
    let transport = CannedTransport::new(200, r#"{"request_id":"R"}"#);
    let config = Config::builder()
        .endpoint(format!("http://{HOST}"))
        .credentials_provider(credentials)
        .time_source(FixedTimeSource(vector_time()))
        .nonce_source(FixedNonceSource(NONCE.to_string()))
        .transport(transport.clone())
        .build()
        .unwrap();
    Runtime::new(config, &CS)
        .invoke_raw(operation, params, &CallOptions::new())
        .await
        .unwrap();
    transport.last_request().unwrap()
}

fn header<'a>(request: &'a http::Request<bytes::Bytes>, name: &str) -> &'a str {
    request.headers()[name].to_str().unwrap()
}

/// The decoded query pairs of the URI (the runtime writes the canonical query there).
fn query_pairs(request: &http::Request<bytes::Bytes>) -> Vec<(String, String)> {
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(s)
            .decode_utf8()
            .unwrap()
            .into_owned()
    };
    request
        .uri()
        .query()
        .unwrap_or_default()
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (n, v) = p.split_once('=').unwrap();
            (decode(n), decode(v))
        })
        .collect()
}

/// The canonical request of `request` as the Python SDK signs it: every header signed,
/// with `accept` and `user-agent` as it sends them and its `x-acs-credentials-provider`
/// added; and its signature. Written here from the algorithm (the core's canonical form
/// signs fewer headers).
fn as_the_python_sdk_signs(
    request: &http::Request<bytes::Bytes>,
    provider: &str,
) -> (String, String) {
    let pairs = query_pairs(request);
    let query: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let mut headers: Vec<(String, String)> = request
        .headers()
        .iter()
        .filter(|(n, _)| !matches!(n.as_str(), "accept" | "user-agent" | "authorization"))
        .map(|(n, v)| (n.as_str().to_owned(), v.to_str().unwrap().trim().to_owned()))
        .collect();
    headers.push(("accept".into(), "application/json".into()));
    headers.push(("user-agent".into(), PYTHON_USER_AGENT.into()));
    headers.push(("x-acs-credentials-provider".into(), provider.into()));
    headers.sort();
    let block: String = headers.iter().map(|(n, v)| format!("{n}:{v}\n")).collect();
    let signed: Vec<&str> = headers.iter().map(|(n, _)| n.as_str()).collect();
    let canonical = format!(
        "{}\n{}\n{}\n{block}\n{}\n{}",
        request.method(),
        request.uri().path(),
        signing::canonical_query_string(&query),
        signed.join(";"),
        header(request, "x-acs-content-sha256"),
    );
    let signature = hmac_hex(&sha256_hex(&canonical));
    (canonical, signature)
}

fn sha256_hex(text: &str) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(text.as_bytes()))
}

/// The signature of a string to sign whose hash is `hash`.
fn hmac_hex(hash: &str) -> String {
    use hmac::Mac;
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(SECRET.as_bytes()).unwrap();
    mac.update(format!("ACS3-HMAC-SHA256\n{hash}").as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// Our own signature verifies over the headers we sign.
fn check_own_signature(request: &http::Request<bytes::Bytes>) {
    let pairs = query_pairs(request);
    let query: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let headers: Vec<(&str, &str)> = request
        .headers()
        .iter()
        .filter(|(n, _)| n.as_str() != "authorization")
        .map(|(n, v)| (n.as_str(), v.to_str().unwrap()))
        .collect();
    let prepared = PreparedRequest {
        method: request.method().as_str(),
        path: request.uri().path(),
        query: &query,
        headers: &headers,
        content_sha256: header(request, "x-acs-content-sha256"),
    };
    let signature = prepared.signature(SECRET).unwrap();
    assert!(
        header(request, "authorization").ends_with(&format!(",Signature={signature}")),
        "{}",
        header(request, "authorization")
    );
}

/// SHA-256 and HMAC of a vector's canonical request, recomputed from its text.
fn recompute(canonical: &str, hash: &str, signature: &str) {
    assert_eq!(sha256_hex(canonical), hash);
    assert_eq!(hmac_hex(hash), signature);
}

const ROA_1: &str = "GET
/clusters/c82e6987e2961451182edacd74faf%2A%2A%2A%2A
detail=true&name_filter=a%20b%2A~
accept:application/json
host:127.0.0.1:18462
user-agent:AlibabaCloud (Linux; x86_64) Python/3.11.7 Core/0.4.3 TeaDSL/2
x-acs-action:DescribeClusterDetail
x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
x-acs-credentials-provider:static_ak
x-acs-date:2025-01-01T00:00:00Z
x-acs-signature-nonce:0123456789abcdef0123456789abcdef
x-acs-version:2015-12-15

accept;host;user-agent;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version
e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

const ROA_2: &str = "POST
/clusters

accept:application/json
content-type:application/json; charset=utf-8
host:127.0.0.1:18462
user-agent:AlibabaCloud (Linux; x86_64) Python/3.11.7 Core/0.4.3 TeaDSL/2
x-acs-action:CreateCluster
x-acs-content-sha256:fd26d198408640093b0e189bd6fc32d3cdd6a89a295478b27077593d1cd0c529
x-acs-credentials-provider:static_ak
x-acs-date:2025-01-01T00:00:00Z
x-acs-signature-nonce:0123456789abcdef0123456789abcdef
x-acs-version:2015-12-15

accept;content-type;host;user-agent;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version
fd26d198408640093b0e189bd6fc32d3cdd6a89a295478b27077593d1cd0c529";

const ROA_3: &str = "DELETE
/clusters/c82e6987e2961451182edacd74faf0000
retain_all_resources=true
accept:application/json
host:127.0.0.1:18462
user-agent:AlibabaCloud (Linux; x86_64) Python/3.11.7 Core/0.4.3 TeaDSL/2
x-acs-accesskey-id:testid
x-acs-action:DeleteCluster
x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
x-acs-credentials-provider:static_sts
x-acs-date:2025-01-01T00:00:00Z
x-acs-security-token:CAIStest+sts/token==
x-acs-signature-nonce:0123456789abcdef0123456789abcdef
x-acs-version:2015-12-15

accept;host;user-agent;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version
e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

#[test]
fn signatures_recomputed_from_the_canonical_requests() {
    recompute(
        ROA_1,
        "a8eb2de26d38fe3649bee78d4f7b75baa67a8ed4fabe2c404530fb6aa97b6938",
        "b2f4beba85f787a9950d5ffae24411d4e1d6a271ef9d0e410eb7ea15cbb0ecca",
    );
    recompute(
        ROA_2,
        "0dba44243f26b3d518d6b6a44d8bf40c1d9393ef4cba132f2bf8173acefd84e5",
        "7eb879d227d840b7ad0acc6369ad60adac4d3abf331d422efeb7eddfca25fed7",
    );
    recompute(
        ROA_3,
        "68a4ea88436ef93e32a7c038919db74615ac0942ea986eb19f5ff592279226e1",
        "039e44c0c1a2f064b5ce4df13d414b071f6084fa468b4d620e5bc50c47bd1617",
    );
}

#[tokio::test]
async fn roa_1_get_with_a_path_parameter_and_query() {
    const OP: Operation = cs(
        "DescribeClusterDetail",
        HttpMethod::Get,
        "/clusters/{ClusterId}",
    );
    const PARAMS: &[ParamSpec] = &[
        ParamSpec::path("ClusterId"),
        ParamSpec::query("detail"),
        ParamSpec::query("name_filter"),
    ];
    let input = DescribeRequest::new()
        .with_cluster_id("c82e6987e2961451182edacd74faf****")
        .with_detail(true)
        .with_name_filter("a b*~");
    let params = Params::from_request(OP.action, PARAMS, &input).unwrap();
    let request = send(&OP, params, Credentials::new("testid", SECRET).unwrap()).await;
    assert_eq!(request.method(), "GET");
    assert_eq!(
        request.uri().path(),
        "/clusters/c82e6987e2961451182edacd74faf%2A%2A%2A%2A"
    );
    assert_eq!(
        request.uri().query(),
        Some("detail=true&name_filter=a%20b%2A~")
    );
    assert_eq!(header(&request, "x-acs-content-sha256"), EMPTY);
    assert!(request.body().is_empty());
    let (canonical, signature) = as_the_python_sdk_signs(&request, "static_ak");
    assert_eq!(canonical, ROA_1);
    assert_eq!(
        signature,
        "b2f4beba85f787a9950d5ffae24411d4e1d6a271ef9d0e410eb7ea15cbb0ecca"
    );
    check_own_signature(&request);
}

#[tokio::test]
async fn roa_2_post_with_a_json_body() {
    const OP: Operation = cs("CreateCluster", HttpMethod::Post, "/clusters");
    const PARAMS: &[ParamSpec] = &[
        ParamSpec::body("name"),
        ParamSpec::body("region_id"),
        ParamSpec::body("cluster_type"),
        ParamSpec::body("tags"),
    ];
    let input = CreateRequest::new()
        .with_name("my cluster")
        .with_region_id("cn-beijing")
        .with_tags(vec![Tag::new().with_key("env").with_value("生产")]);
    let params = Params::from_request(OP.action, PARAMS, &input).unwrap();
    let request = send(&OP, params, Credentials::new("testid", SECRET).unwrap()).await;
    assert_eq!(request.method(), "POST");
    assert_eq!(request.uri().path(), "/clusters");
    assert_eq!(request.uri().query(), None);
    assert_eq!(
        std::str::from_utf8(request.body()).unwrap(),
        r#"{"name":"my cluster","region_id":"cn-beijing","tags":[{"key":"env","value":"生产"}]}"#
    );
    assert_eq!(
        header(&request, "content-type"),
        "application/json; charset=utf-8"
    );
    assert_eq!(
        header(&request, "x-acs-content-sha256"),
        "fd26d198408640093b0e189bd6fc32d3cdd6a89a295478b27077593d1cd0c529"
    );
    let (canonical, signature) = as_the_python_sdk_signs(&request, "static_ak");
    assert_eq!(canonical, ROA_2);
    assert_eq!(
        signature,
        "7eb879d227d840b7ad0acc6369ad60adac4d3abf331d422efeb7eddfca25fed7"
    );
    check_own_signature(&request);
}

#[tokio::test]
async fn roa_3_delete_with_query_and_sts() {
    const OP: Operation = cs("DeleteCluster", HttpMethod::Delete, "/clusters/{ClusterId}");
    const PARAMS: &[ParamSpec] = &[
        ParamSpec::path("ClusterId"),
        ParamSpec::query("retain_all_resources"),
        ParamSpec::query("keep_slb"),
    ];
    let input = DeleteRequest::new()
        .with_cluster_id("c82e6987e2961451182edacd74faf0000")
        .with_retain_all_resources(true);
    let params = Params::from_request(OP.action, PARAMS, &input).unwrap();
    let credentials = Credentials::new("testid", SECRET)
        .unwrap()
        .with_security_token("CAIStest+sts/token==");
    let request = send(&OP, params, credentials).await;
    assert_eq!(request.method(), "DELETE");
    assert_eq!(
        request.uri().path(),
        "/clusters/c82e6987e2961451182edacd74faf0000"
    );
    assert_eq!(request.uri().query(), Some("retain_all_resources=true"));
    assert_eq!(header(&request, "x-acs-content-sha256"), EMPTY);
    assert_eq!(
        header(&request, "x-acs-security-token"),
        "CAIStest+sts/token=="
    );
    assert!(request.headers().get("content-length").is_none());
    let (canonical, signature) = as_the_python_sdk_signs(&request, "static_sts");
    assert_eq!(canonical, ROA_3);
    assert_eq!(
        signature,
        "039e44c0c1a2f064b5ce4df13d414b071f6084fa468b4d620e5bc50c47bd1617"
    );
    check_own_signature(&request);
}
