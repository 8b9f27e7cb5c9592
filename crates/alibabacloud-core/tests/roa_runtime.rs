//! How the runtime shapes ROA requests (paths, host parameters, bodies, anonymous calls) and
//! reads their answers (204s, documented headers, text and binary bodies), through an
//! in-memory transport.
#![allow(clippy::unwrap_used)]

use alibabacloud_core::credentials::Credentials;
use alibabacloud_core::transport::CannedTransport;
use alibabacloud_core::{
    ApiStyle, CallOptions, Config, ConstructionError, Error, HttpMethod, Operation, OperationType,
    ParamSpec, Params, ProductEndpoints, ResponseBody, Runtime, SignatureVersion, SuccessCheck,
};
use alibabacloud_types::Blob;

static PRODUCT: ProductEndpoints = ProductEndpoints {
    product: "Demo",
    regional: &[("cn-hangzhou", "demo.cn-hangzhou.aliyuncs.com")],
    vpc: &[],
    rule: None,
};

const fn roa(method: HttpMethod, path: &'static str) -> Operation {
    Operation {
        product: "Demo",
        action: "Act",
        version: "2024-01-01",
        method,
        style: ApiStyle::Roa,
        path,
        operation_type: OperationType::Write,
        ..Operation::DEFAULT
    }
}

fn runtime(transport: &CannedTransport, endpoint: Option<&str>) -> Runtime {
    let mut builder = Config::builder()
        .region("cn-hangzhou")
        .credentials_provider(Credentials::new("id", "secret").unwrap())
        .transport(transport.clone());
    if let Some(endpoint) = endpoint {
        builder = builder.endpoint(endpoint);
    }
    Runtime::new(builder.build().unwrap(), &PRODUCT)
}

async fn sent(operation: &Operation, params: Params) -> http::Request<bytes::Bytes> {
    let transport = CannedTransport::new(200, "{}");
    runtime(&transport, None)
        .invoke_raw(operation, params, &CallOptions::new())
        .await
        .unwrap();
    transport.last_request().unwrap()
}

alibabacloud_types::model! {
    /// Path, query, form and header parameters.
    pub struct Request {
        /// .
        #[wire("Id", with_id)]
        pub id: Option<String>,
        /// .
        #[wire("Rest", with_rest)]
        pub rest: Option<String>,
        /// .
        #[wire("Page", with_page)]
        pub page: Option<i32>,
        /// .
        #[wire("Name", with_name)]
        pub name: Option<String>,
    }
}

#[tokio::test]
async fn path_parameters_are_encoded_per_segment_and_fixed_queries_kept() {
    const OP: Operation = roa(HttpMethod::Get, "/things/{Id}/{+Rest}?type=heartbeat&flag");
    const PARAMS: &[ParamSpec] = &[
        ParamSpec::path("Id"),
        ParamSpec::path("Rest"),
        ParamSpec::query("Page"),
        ParamSpec::form("Name"),
    ];
    let input = Request::new()
        .with_id("a/b c*~")
        .with_rest("/x y/z")
        .with_page(2)
        .with_name("n");
    let request = sent(&OP, Params::from_request("Act", PARAMS, &input).unwrap()).await;
    assert_eq!(request.method(), "GET");
    assert_eq!(request.uri().path(), "/things/a%2Fb%20c%2A~/x%20y/z");
    // A GET has no body: the form parameter travels in the query.
    assert_eq!(
        request.uri().query(),
        Some("Name=n&Page=2&flag=&type=heartbeat")
    );
    assert!(request.body().is_empty());
    assert_eq!(request.headers()["x-acs-action"], "Act");
}

#[tokio::test]
async fn path_parameters_are_required_and_never_empty() {
    const PARAMS: &[ParamSpec] = &[ParamSpec::path("Id")];
    let err = Params::from_request("Act", PARAMS, &Request::new()).unwrap_err();
    assert!(
        matches!(
            err,
            ConstructionError::MissingParameter {
                parameter: "Id",
                ..
            }
        ),
        "{err:?}"
    );
    let err = Params::from_request("Act", PARAMS, &Request::new().with_id("")).unwrap_err();
    assert!(err.to_string().contains("cannot be empty"), "{err}");
    // A template variable no parameter fills is named before anything is sent.
    const OP: Operation = roa(HttpMethod::Get, "/things/{Other}");
    let transport = CannedTransport::new(200, "{}");
    let err = runtime(&transport, None)
        .invoke_raw(&OP, Params::new(), &CallOptions::new())
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Construction(ConstructionError::MissingParameter {
                parameter: "Other",
                ..
            })
        ),
        "{err:?}"
    );
    assert!(transport.last_request().is_none());
}

#[tokio::test]
async fn forms_go_in_the_body_of_methods_that_have_one() {
    const OP: Operation = roa(HttpMethod::Put, "/things");
    const PARAMS: &[ParamSpec] = &[
        ParamSpec::header("Id"),
        ParamSpec::query("Rest"),
        ParamSpec::query("Page"),
        ParamSpec::form("Name"),
    ];
    let input = Request::new().with_name("a b").with_id("h");
    let request = sent(&OP, Params::from_request("Act", PARAMS, &input).unwrap()).await;
    assert_eq!(request.method(), "PUT");
    assert_eq!(request.body().as_ref(), b"Name=a%20b");
    assert_eq!(
        request.headers()["content-type"],
        "application/x-www-form-urlencoded"
    );
    assert_eq!(request.headers()["id"], "h");
    // A PUT without any body says so.
    let request = sent(&OP, Params::new()).await;
    assert_eq!(request.headers()["content-length"], "0");
    assert!(request.headers().get("content-type").is_none());
}

alibabacloud_types::model! {
    /// A member of the body, a nested model.
    pub struct Spec {
        /// .
        #[wire("size", with_size)]
        pub size: Option<i64>,
        /// .
        #[wire("labels", with_labels)]
        pub labels: std::collections::BTreeMap<String, String>,
    }
}

alibabacloud_types::model! {
    /// Members of a JSON body.
    pub struct Create {
        /// .
        #[wire("Id", with_id)]
        pub id: Option<String>,
        /// .
        #[wire("name", with_name)]
        pub name: Option<String>,
        /// .
        #[wire("spec", with_spec)]
        pub spec: Spec,
        /// .
        #[wire("ratio", with_ratio)]
        pub ratio: Option<f64>,
    }
}

#[tokio::test]
async fn json_bodies_from_typed_models() {
    const OP: Operation = roa(HttpMethod::Post, "/things/{Id}");
    const PARAMS: &[ParamSpec] = &[
        ParamSpec::path("Id"),
        ParamSpec::body("name"),
        ParamSpec::body("spec"),
        ParamSpec::body("ratio"),
    ];
    let input = Create::new()
        .with_id("t")
        .with_name("say \"hi\"")
        .with_spec(Spec::new().with_labels([("k".to_owned(), "v".to_owned())].into()))
        .with_ratio(1.0);
    let request = sent(&OP, Params::from_request("Act", PARAMS, &input).unwrap()).await;
    assert_eq!(
        std::str::from_utf8(request.body()).unwrap(),
        r#"{"name":"say \"hi\"","spec":{"labels":{"k":"v"}},"ratio":1.0}"#
    );
    assert_eq!(
        request.headers()["content-type"],
        "application/json; charset=utf-8"
    );
    // No member set: still a JSON object, as the official SDKs send it.
    let request = sent(
        &OP,
        Params::from_request("Act", PARAMS, &Create::new().with_id("t")).unwrap(),
    )
    .await;
    assert_eq!(request.body().as_ref(), b"{}");
}

alibabacloud_types::model! {
    /// A request whose body is one parameter.
    pub struct Upload {
        /// .
        #[wire("body", with_body)]
        pub body: Option<Blob>,
    }
}

alibabacloud_types::model! {
    /// A request whose body is text.
    pub struct Document {
        /// .
        #[wire("body", with_body)]
        pub body: Option<String>,
    }
}

alibabacloud_types::model! {
    /// A request whose body is a list.
    pub struct Items {
        /// .
        #[wire("body", with_body)]
        pub body: Vec<i32>,
    }
}

#[tokio::test]
async fn whole_bodies_binary_text_and_json() {
    const OP: Operation = roa(HttpMethod::Post, "/upload");
    const PARAMS: &[ParamSpec] = &[ParamSpec::payload("body")];
    let image = Upload::new().with_body(vec![0xffu8, 0xd8, 0x00]);
    let request = sent(&OP, Params::from_request("Act", PARAMS, &image).unwrap()).await;
    assert_eq!(request.body().as_ref(), b"\xff\xd8\x00");
    assert_eq!(
        request.headers()["content-type"],
        "application/octet-stream"
    );
    let expected = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(b"\xff\xd8\x00"));
    assert_eq!(request.headers()["x-acs-content-sha256"], expected.as_str());

    let text = Document::new().with_body(r#"{"query": {"match_all": {}}}"#);
    let request = sent(&OP, Params::from_request("Act", PARAMS, &text).unwrap()).await;
    assert_eq!(request.body().as_ref(), br#"{"query": {"match_all": {}}}"#);
    assert_eq!(
        request.headers()["content-type"],
        "application/json; charset=utf-8"
    );

    let list = Items::new().with_body(vec![1, 2]);
    let request = sent(&OP, Params::from_request("Act", PARAMS, &list).unwrap()).await;
    assert_eq!(request.body().as_ref(), b"[1,2]");

    let request = sent(
        &OP,
        Params::from_request("Act", PARAMS, &Upload::new()).unwrap(),
    )
    .await;
    assert!(request.body().is_empty());
    assert!(request.headers().get("content-type").is_none());
}

#[tokio::test]
async fn a_file_body_is_streamed_to_a_custom_transport_and_an_in_memory_one_is_not_copied() {
    const OP: Operation = roa(HttpMethod::Post, "/upload");
    const PARAMS: &[ParamSpec] = &[ParamSpec::payload("body")];
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("upload.bin");
    let data: Vec<u8> = (0..700_000u32).map(|i| (i % 253) as u8).collect();
    std::fs::write(&path, &data).unwrap();

    let file = Upload::new().with_body(Blob::from_path(&path).unwrap());
    let params = Params::from_request("Act", PARAMS, &file).unwrap();
    assert!(format!("{params:?}").contains("upload.bin"));
    // CannedTransport reads the stream whole (as a custom transport reads an `HttpBody`).
    let request = sent(&OP, params).await;
    assert!(request.body().as_ref() == data.as_slice());
    let length = data.len().to_string();
    assert_eq!(request.headers()["content-length"], length.as_str());
    assert_eq!(
        request.headers()["content-type"],
        "application/octet-stream"
    );
    let expected = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&data));
    assert_eq!(request.headers()["x-acs-content-sha256"], expected.as_str());

    // In memory, the parameters share the blob's bytes.
    let bytes = bytes::Bytes::from(data);
    let memory = Upload::new().with_body(Blob::from(bytes.clone()));
    let params = Params::from_request("Act", PARAMS, &memory).unwrap();
    let body = params.body().unwrap().bytes().unwrap();
    assert_eq!(body.as_ptr(), bytes.as_ptr());
}

alibabacloud_types::model! {
    /// A host parameter.
    pub struct Hosted {
        /// .
        #[wire("project", with_project)]
        pub project: Option<String>,
    }
}

#[tokio::test]
async fn host_parameters_prefix_domain_names_only() {
    const OP: Operation = roa(HttpMethod::Get, "/logstores");
    const PARAMS: &[ParamSpec] = &[ParamSpec::host("project")];
    let input = Hosted::new().with_project("my-project");
    let request = sent(&OP, Params::from_request("Act", PARAMS, &input).unwrap()).await;
    assert_eq!(
        request.uri().to_string(),
        "https://my-project.demo.cn-hangzhou.aliyuncs.com/logstores"
    );
    assert_eq!(
        request.headers()["host"],
        "my-project.demo.cn-hangzhou.aliyuncs.com"
    );
    let transport = CannedTransport::new(200, "{}");
    runtime(&transport, Some("http://127.0.0.1:8080"))
        .invoke_raw(
            &OP,
            Params::from_request("Act", PARAMS, &input).unwrap(),
            &CallOptions::new(),
        )
        .await
        .unwrap();
    let request = transport.last_request().unwrap();
    assert_eq!(request.headers()["host"], "127.0.0.1:8080");
}

#[derive(Debug)]
struct NoCredentials;

impl alibabacloud_core::ProvideCredentials for NoCredentials {
    fn provide_credentials(&self) -> alibabacloud_core::credentials::ProvideCredentialsFuture<'_> {
        Box::pin(async {
            Err(alibabacloud_core::CredentialsError::not_configured(
                "test",
                "no credentials here",
            ))
        })
    }

    fn name(&self) -> &'static str {
        "none"
    }
}

#[tokio::test]
async fn anonymous_operations_are_not_signed() {
    const OP: Operation = Operation {
        anonymous: true,
        ..roa(HttpMethod::Get, "/me")
    };
    let transport = CannedTransport::new(200, "{}");
    let config = Config::builder()
        .region("cn-hangzhou")
        .credentials_provider(NoCredentials)
        .transport(transport.clone())
        .build()
        .unwrap();
    Runtime::new(config, &PRODUCT)
        .invoke_raw(&OP, Params::new(), &CallOptions::new())
        .await
        .unwrap();
    let request = transport.last_request().unwrap();
    assert!(request.headers().get("authorization").is_none());
    assert_eq!(request.headers()["x-acs-action"], "Act");
}

#[tokio::test]
async fn roa_is_signed_with_acs3_even_when_hmac_sha1_is_configured() {
    const OP: Operation = roa(HttpMethod::Get, "/me");
    let transport = CannedTransport::new(200, "{}");
    let config = Config::builder()
        .region("cn-hangzhou")
        .credentials_provider(Credentials::new("id", "secret").unwrap())
        .signature_version(SignatureVersion::HmacSha1)
        .transport(transport.clone())
        .build()
        .unwrap();
    Runtime::new(config, &PRODUCT)
        .invoke_raw(&OP, Params::new(), &CallOptions::new())
        .await
        .unwrap();
    let request = transport.last_request().unwrap();
    let authorization = request.headers()["authorization"].to_str().unwrap();
    assert!(
        authorization.starts_with("ACS3-HMAC-SHA256 "),
        "{authorization}"
    );
    assert!(request.uri().query().is_none());
}

#[test]
fn retries_follow_the_operation_type_then_the_method_for_roa() {
    let roa_get = roa(HttpMethod::Get, "/");
    assert!(!roa_get.is_idempotent(), "write wins over the method");
    for (method, idempotent) in [
        (HttpMethod::Get, true),
        (HttpMethod::Head, true),
        (HttpMethod::Put, true),
        (HttpMethod::Delete, true),
        (HttpMethod::Post, false),
        (HttpMethod::Patch, false),
    ] {
        let op = Operation {
            operation_type: OperationType::Unspecified,
            ..roa(method, "/")
        };
        assert_eq!(op.is_idempotent(), idempotent, "{method:?}");
        let rpc = Operation {
            style: ApiStyle::Rpc,
            ..op
        };
        assert!(!rpc.is_idempotent(), "an RPC method says nothing");
    }
    let read = Operation {
        operation_type: OperationType::Read,
        ..roa(HttpMethod::Post, "/")
    };
    assert!(read.is_idempotent());
}

alibabacloud_types::model! {
    /// A response: a body member and a documented header.
    pub struct Answer {
        /// .
        #[wire("task_id")]
        pub task_id: Option<String>,
        /// .
        #[wire("x-acs-cloudcontrol-timeout")]
        pub timeout: Option<String>,
    }
}

alibabacloud_types::model! {
    /// A text response.
    #[transparent]
    pub struct Text {
        /// .
        #[wire("body")]
        pub body: Option<String>,
    }
}

#[tokio::test]
async fn responses_204_headers_and_text() {
    const OP: Operation = Operation {
        response_headers: &["x-acs-cloudcontrol-timeout"],
        ..roa(HttpMethod::Delete, "/things")
    };
    let transport = CannedTransport::new(204, "").with_header("x-acs-cloudcontrol-timeout", "30s");
    let answer: Answer = runtime(&transport, None)
        .invoke::<Answer, String>(
            &OP,
            Params::new(),
            &CallOptions::new(),
            SuccessCheck::Envelope,
        )
        .await
        .unwrap();
    assert_eq!(answer.task_id, None);
    assert_eq!(answer.timeout.as_deref(), Some("30s"));

    let transport = CannedTransport::new(200, r#"{"task_id":"T-1"}"#)
        .with_header("x-acs-cloudcontrol-timeout", "5s");
    let answer: Answer = runtime(&transport, None)
        .invoke::<Answer, String>(
            &OP,
            Params::new(),
            &CallOptions::new(),
            SuccessCheck::Envelope,
        )
        .await
        .unwrap();
    assert_eq!(answer.task_id.as_deref(), Some("T-1"));
    assert_eq!(answer.timeout.as_deref(), Some("5s"));

    const SCRIPT: Operation = Operation {
        response: ResponseBody::Text,
        ..roa(HttpMethod::Post, "/script")
    };
    let transport = CannedTransport::new(200, "#!/bin/sh\n\"Success\": false");
    let text: Text = runtime(&transport, None)
        .invoke::<Text, String>(
            &SCRIPT,
            Params::new(),
            &CallOptions::new(),
            SuccessCheck::Envelope,
        )
        .await
        .unwrap();
    assert_eq!(text.body.as_deref(), Some("#!/bin/sh\n\"Success\": false"));
}

#[tokio::test]
async fn roa_errors_in_lower_camel_case() {
    const OP: Operation = roa(HttpMethod::Get, "/things");
    let transport = CannedTransport::new(
        404,
        r#"{"code":"ErrorClusterNotFound","message":"cluster not found","requestId":"R-1","data":{"x":1}}"#,
    );
    let err = runtime(&transport, None)
        .invoke::<Answer, String>(
            &OP,
            Params::new(),
            &CallOptions::new(),
            SuccessCheck::Envelope,
        )
        .await
        .unwrap_err();
    let service = err.as_service_error().unwrap();
    assert_eq!(service.code_str(), "ErrorClusterNotFound");
    assert_eq!(service.message(), Some("cluster not found"));
    assert_eq!(service.request_id(), Some("R-1"));
    assert_eq!(service.status(), 404);
    assert!(String::from_utf8_lossy(service.body()).contains("\"data\""));
}
