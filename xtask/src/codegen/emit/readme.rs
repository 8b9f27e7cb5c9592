//! The `README.md` of each crate (Markdown text): what crates.io shows on the crate's page.

use super::cargo_toml::{CRATE_VERSION, REPOSITORY};
use super::client::{call_chain, title};
use crate::codegen::ir::Product;

/// `0.1` from `0.1.0`: the requirement a user writes.
fn requirement() -> String {
    let mut parts = CRATE_VERSION.split('.');
    match (parts.next(), parts.next()) {
        (Some("0"), Some(minor)) => format!("0.{minor}"),
        (Some(major), _) => major.to_owned(),
        _ => CRATE_VERSION.to_owned(),
    }
}

fn dependency_lines(crate_name: &str) -> Vec<String> {
    vec![
        "```toml".to_owned(),
        "[dependencies]".to_owned(),
        format!("{crate_name} = \"{}\"", requirement()),
        "```".to_owned(),
        String::new(),
        format!(
            "Until the crates are published on crates.io, depend on the repository instead: \
             `{crate_name} = {{ git = \"{REPOSITORY}\" }}`."
        ),
    ]
}

/// The client crate's README: what it is, how to depend on it, an example, its features.
pub fn client(product: &Product) -> String {
    let mut lines = vec![
        format!("# {}", product.client_crate),
        String::new(),
        format!(
            "{} client for Rust: typed operations on the `alibabacloud-core` runtime \
             (request signing, the default credentials chain, endpoints, retries, timeouts, \
             typed errors), generated from Alibaba Cloud's API metadata by the \
             [Alibaba Cloud SDK for Rust]({REPOSITORY}).",
            title(product)
        ),
        String::new(),
    ];
    lines.extend(dependency_lines(&product.client_crate));
    let first = product
        .operations
        .iter()
        .find(|op| !op.deprecated)
        .or(product.operations.first());
    if let Some(op) = first {
        lines.extend([
            String::new(),
            "## Example".to_owned(),
            String::new(),
            "With `tokio = { version = \"1\", features = [\"macros\", \"rt-multi-thread\"] }`; \
             the region comes from `ALIBABA_CLOUD_REGION_ID`, the credentials from the default \
             chain (`ALIBABA_CLOUD_ACCESS_KEY_ID` and `ALIBABA_CLOUD_ACCESS_KEY_SECRET`, the \
             aliyun CLI profile, the ECS RAM role, ...):"
                .to_owned(),
            String::new(),
            "```rust,no_run".to_owned(),
            format!("use {}::Client;", product.client_lib),
            String::new(),
            "#[tokio::main]".to_owned(),
            "async fn main() -> Result<(), Box<dyn std::error::Error>> {".to_owned(),
            "    let client = Client::from_env().await?;".to_owned(),
            "    let response = client".to_owned(),
        ]);
        lines.extend(call_chain(product, op, "        "));
        lines.extend([
            "        .await?;".to_owned(),
            "    println!(\"{response:?}\");".to_owned(),
            "    Ok(())".to_owned(),
            "}".to_owned(),
            "```".to_owned(),
        ]);
    }
    lines.extend([
        String::new(),
        "## What it has".to_owned(),
        String::new(),
        format!(
            "- {}, each a method of `Client` returning a fluent builder; the request and \
             response types are in `model` and `operation::<operation>`.",
            match product.operations.len() {
                1 => "1 operation".to_owned(),
                n => format!("{n} operations"),
            }
        ),
        "- The runtime's types you configure a client with and match errors on (`Config`, \
         `Credentials`, `RetryConfig`, `Error`, `ConstructionError`, `TimeoutKind`, ...) are \
         re-exported: this crate is the one dependency you need."
            .to_owned(),
        "- Features: `rustls` (on by default: TLS without OpenSSL), `native-tls` (the \
         platform's TLS; add `default-features = false` to leave rustls out) and `http2` \
         (HTTP/2 when the server offers it; HTTP/1.1 with keep-alive otherwise)."
            .to_owned(),
        format!(
            "- The types alone, without an HTTP stack: `{}`.",
            product.model_crate
        ),
        String::new(),
        format!(
            "Generated from `{}`; licensed under Apache-2.0.",
            product.spec_path
        ),
    ]);
    lines.join("\n") + "\n"
}

/// The model crate's README.
pub fn model(product: &Product) -> String {
    let mut lines = vec![
        format!("# {}", product.model_crate),
        String::new(),
        format!(
            "Request and response types of {}, without an HTTP stack: serde structs with the \
             wire names and open enums, generated from Alibaba Cloud's API metadata by the \
             [Alibaba Cloud SDK for Rust]({REPOSITORY}). To call the API, use the client \
             crate `{}`, which re-exports these types as `model`.",
            title(product),
            product.client_crate
        ),
        String::new(),
    ];
    lines.extend(dependency_lines(&product.model_crate));
    lines.extend([
        String::new(),
        format!(
            "Generated from `{}`; licensed under Apache-2.0.",
            product.spec_path
        ),
    ]);
    lines.join("\n") + "\n"
}
