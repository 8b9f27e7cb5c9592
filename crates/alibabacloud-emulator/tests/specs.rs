//! Spec-driven operations over HTTP, with the repository's specs (`specs/`) and a fixture
//! spec that has every parameter type (`tests/fixtures/demo/2024-01-01/api-docs.json`).

#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use alibabacloud_emulator::{Emulator, EmulatorError, EmulatorHandle, Reply};
use common::{Call, ID, SECRET, send};
use serde_json::Value;

fn repo_specs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../specs")
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

async fn emulator() -> EmulatorHandle {
    Emulator::new()
        .access_key(ID, SECRET)
        .spec_dir(repo_specs())
        .unwrap()
        .spec_dir(fixtures())
        .unwrap()
        .start()
        .await
        .unwrap()
}

fn ticket() -> Call {
    Call::new("QueryTicketInfo", "2022-01-01")
        .query("Ticket", "a27a9aec-****-****-bd40-1a21ea41d7c5")
}

fn coupons() -> Call {
    Call::new("QueryCashCoupons", "2017-12-14")
}

/// The documented success example of an operation of the repository's specs.
fn documented_example(product_dir: &str, version: &str, action: &str) -> Value {
    let spec = alibabacloud_spec::load_file(
        &repo_specs()
            .join(product_dir)
            .join(version)
            .join("api-docs.json"),
    )
    .unwrap();
    let demos = spec.apis[action].response_demos().unwrap();
    let json = demos.iter().find(|d| d.demo_type == "json").unwrap();
    serde_json::from_str(&json.example).unwrap()
}

#[tokio::test]
async fn answers_the_documented_example() {
    let emu = emulator().await;
    let answer = send(ticket().acs3(&emu.endpoint())).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    let mut body = answer.json();
    let request_id = body["RequestId"].as_str().unwrap().to_owned();
    assert_ne!(request_id, "D787E1A3-A93C-424A-B626-C2B05DF8D885");
    assert_eq!(answer.header("x-acs-request-id"), Some(request_id));
    assert!(
        body["Result"]["GlobalParam"]
            .as_str()
            .unwrap()
            .starts_with("[{\"paramKey\":\"price\"")
    );
    body["RequestId"] = "D787E1A3-A93C-424A-B626-C2B05DF8D885".into();
    assert_eq!(
        body,
        documented_example("quickbi-public", "2022-01-01", "QueryTicketInfo")
    );

    for (method, in_body) in [("GET", false), ("POST", false), ("POST", true)] {
        let answer = send(
            coupons()
                .method(method)
                .query("EffectiveOrNot", "true")
                .rpc(&emu.endpoint(), in_body),
        )
        .await;
        assert_eq!(answer.status, 200, "{method} {}", answer.text);
        let body = answer.json();
        assert_eq!(
            body["Data"]["CashCoupon"][0]["CashCouponId"],
            34534253254325_i64
        );
        assert_eq!(body["Code"], "Success");
    }
}

#[tokio::test]
async fn missing_and_invalid_parameters() {
    let emu = emulator().await;
    let endpoint = emu.endpoint();
    let answer = send(Call::new("QueryTicketInfo", "2022-01-01").acs3(&endpoint)).await;
    assert_eq!(
        (answer.status, answer.code()),
        (400, "MissingParameter".into())
    );
    assert_eq!(
        answer.message(),
        "The input parameter \"Ticket\" that is mandatory for processing this request is not supplied."
    );
    assert_eq!(
        answer.json()["Recommend"],
        format!(
            "https://api.aliyun.com/troubleshoot?q=MissingParameter&product=quickbi-public&requestId={}",
            answer.json()["RequestId"].as_str().unwrap()
        )
    );
    // An empty value is not a value.
    let answer = send(
        Call::new("QueryTicketInfo", "2022-01-01")
            .query("Ticket", "")
            .acs3(&endpoint),
    )
    .await;
    assert_eq!(answer.code(), "MissingParameter");

    let answer = send(coupons().query("EffectiveOrNot", "maybe").acs3(&endpoint)).await;
    assert_eq!(
        (answer.status, answer.code()),
        (400, "InvalidParameter".into())
    );
    assert_eq!(
        answer.message(),
        "The specified value of parameter \"EffectiveOrNot\" is not valid."
    );
    assert_eq!(
        send(coupons().query("EffectiveOrNot", "FALSE").acs3(&endpoint))
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn methods_actions_and_versions() {
    let emu = emulator().await;
    let endpoint = emu.endpoint();
    let answer = send(ticket().method("GET").acs3(&endpoint)).await;
    assert_eq!(
        (answer.status, answer.code()),
        (403, "UnsupportedHTTPMethod".into())
    );
    assert_eq!(answer.message(), "This http method is not supported.");
    let answer = send(ticket().method("GET").rpc(&endpoint, false)).await;
    assert_eq!(answer.code(), "UnsupportedHTTPMethod");
    assert_eq!(
        send(coupons().method("GET").acs3(&endpoint)).await.status,
        200
    );

    let answer = send(Call::new("QueryNothing", "2022-01-01").acs3(&endpoint)).await;
    assert_eq!(
        (answer.status, answer.code()),
        (404, "InvalidAction.NotFound".into())
    );
    assert_eq!(
        answer.message(),
        "Specified api is not found, please check your url and method."
    );
    // An action of another product's version.
    let answer = send(Call::new("QueryCashCoupons", "2022-01-01").acs3(&endpoint)).await;
    assert_eq!(answer.code(), "InvalidAction.NotFound");

    let answer = send(
        Call::new("QueryTicketInfo", "2099-01-01")
            .query("Ticket", "t")
            .acs3(&endpoint),
    )
    .await;
    assert_eq!(
        (answer.status, answer.code()),
        (400, "InvalidVersion".into())
    );
    assert_eq!(
        answer.message(),
        "Specified parameter Version is not valid."
    );

    // The signature is checked before routing.
    let bad = Call::new("QueryNothing", "2099-01-01")
        .key(alibabacloud_emulator::sign::SigningKey::new(ID, "x"));
    assert_eq!(
        send(bad.acs3(&endpoint)).await.code(),
        "SignatureDoesNotMatch"
    );
}

#[tokio::test]
async fn scripted_errors_take_the_documented_status_and_message() {
    let emu = emulator().await;
    let endpoint = emu.endpoint();
    emu.script_for(
        "QueryTicketInfo",
        Reply::error("Authorize3rdTicket.Expired"),
    );
    emu.script_for("QueryCashCoupons", Reply::error("UndefinedError"));
    emu.script_for("QueryCashCoupons", Reply::error("InternalError"));
    emu.script_for("QueryCashCoupons", Reply::internal_error());
    emu.script_for("QueryCashCoupons", Reply::error("NotApplicable"));

    let answer = send(ticket().acs3(&endpoint)).await;
    assert_eq!(
        (answer.status, answer.code(), answer.message()),
        (
            400,
            "Authorize3rdTicket.Expired".into(),
            "Ticket [%s] has expired.".into()
        )
    );
    assert!(
        answer.json()["Recommend"]
            .as_str()
            .unwrap()
            .contains("&product=quickbi-public&")
    );

    let answer = send(coupons().acs3(&endpoint)).await;
    assert_eq!(
        (answer.status, answer.code()),
        (500, "UndefinedError".into())
    );
    // The page documents InternalError with HTTP 400 for this operation...
    let answer = send(coupons().acs3(&endpoint)).await;
    assert_eq!(
        (answer.status, answer.code()),
        (400, "InternalError".into())
    );
    // ...Reply::internal_error() is always a 500.
    let answer = send(coupons().acs3(&endpoint)).await;
    assert_eq!(answer.status, 500);
    let answer = send(coupons().acs3(&endpoint)).await;
    assert_eq!(answer.message(), "This API is not applicable for caller.");
}

#[tokio::test]
async fn parameter_types_of_the_fixture() {
    let emu = emulator().await;
    let endpoint = emu.endpoint();
    let create = || {
        Call::new("CreateWidget", "2024-01-01")
            .query("Name", "w")
            .query("Labels", "{\"a\":\"b\"}")
            .form("Enabled", "true")
    };

    let answer = send(
        create()
            .query("Count", "3")
            .query("Size", "9007199254740993")
            .query("Tags.1", "x")
            .query("Ids.1", "1")
            .query("Ids.2", "2")
            .form("Ratio", "0.25")
            .acs3(&endpoint),
    )
    .await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    // No responseDemo: a minimal body from the schema's examples ($ref resolved).
    let body = answer.json();
    assert_eq!(body["Widget"]["WidgetId"], 1234567890123_i64);
    assert_eq!(body["Widget"]["Name"], "my-widget");
    assert_eq!(body["Widget"]["Weight"], 2.5);
    assert_eq!(body["Widget"]["Enabled"], true);
    assert_eq!(body["Success"], true);
    assert_ne!(body["RequestId"], "1A2B");

    for (extra, bad) in [
        (("Count", "three"), "Count"),
        (("Count", "2147483648"), "Count"),
        (("Size", "1.5"), "Size"),
        (("Ids.2", "x"), "Ids.2"),
    ] {
        let answer = send(create().query(extra.0, extra.1).acs3(&endpoint)).await;
        assert_eq!(answer.code(), "InvalidParameter", "{extra:?}");
        assert!(
            answer.message().contains(&format!("\"{bad}\"")),
            "{}",
            answer.message()
        );
    }
    let answer = send(create().form("Ratio", "1e999").rpc(&endpoint, true)).await;
    assert_eq!(answer.code(), "InvalidParameter");
    let answer = send(
        Call::new("CreateWidget", "2024-01-01")
            .query("Name", "w")
            .query("Labels", "{}")
            .form("Enabled", "yes")
            .acs3(&endpoint),
    )
    .await;
    assert_eq!(answer.code(), "InvalidParameter");

    // A required formData parameter sent nowhere.
    let answer = send(
        Call::new("CreateWidget", "2024-01-01")
            .query("Name", "w")
            .query("Labels", "{}")
            .acs3(&endpoint),
    )
    .await;
    assert_eq!(answer.code(), "MissingParameter");
    assert!(answer.message().contains("\"Enabled\""));

    // A documented error of the fixture.
    emu.script(Reply::error("Widget.NotFound"));
    let answer = send(create().acs3(&endpoint)).await;
    assert_eq!(
        (answer.status, answer.message()),
        (404, "The widget %s does not exist.".into())
    );

    // A responseDemo that is not valid JSON falls back to the schema (itemNode list).
    let answer = send(
        Call::new("ListWidgets", "2024-01-01")
            .method("GET")
            .acs3(&endpoint),
    )
    .await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    let body = answer.json();
    assert_eq!(body["TotalCount"], 1);
    assert_eq!(body["Widgets"]["Widget"][0]["Name"], "my-widget");
}

#[tokio::test]
async fn loading_errors() {
    let error = Emulator::new()
        .spec_str("{not json", "inline.json")
        .unwrap_err();
    assert!(matches!(error, EmulatorError::Spec(_)));
    assert!(error.to_string().contains("inline.json"), "{error}");

    let error = Emulator::new()
        .spec_file("/nonexistent/api-docs.json")
        .unwrap_err();
    assert!(
        error.to_string().contains("/nonexistent/api-docs.json"),
        "{error}"
    );

    let path = fixtures().join("demo/2024-01-01/api-docs.json");
    let error = Emulator::new()
        .spec_file(&path)
        .unwrap()
        .spec_file(&path)
        .unwrap()
        .start()
        .await
        .unwrap_err();
    assert!(
        matches!(error, EmulatorError::DuplicateOperation { .. }),
        "{error}"
    );

    // A single spec from a string.
    let text = std::fs::read_to_string(&path).unwrap();
    let emu = Emulator::new()
        .access_key(ID, SECRET)
        .spec_str(&text, "demo")
        .unwrap()
        .start()
        .await
        .unwrap();
    let answer = send(Call::new("ListWidgets", "2024-01-01").acs3(&emu.endpoint())).await;
    assert_eq!(answer.status, 200);
}
