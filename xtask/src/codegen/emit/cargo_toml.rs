//! The `Cargo.toml` of each crate (text: TOML is not Rust tokens).

use super::client::title;
use crate::codegen::ir::{Product, Ty};

/// The version of the generated crates: the workspace's, which the generator shares.
pub const CRATE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// `text` as a TOML basic string.
fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The repository the generated crates come from (the workspace's, which the generator
/// shares): their `repository` key inherits it; their READMEs link to it.
pub const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

/// The `[package]` table: what crates.io requires (description, license) and what users
/// look for (repository, README, keywords, categories, the oldest Rust that builds it). The
/// shared keys come from the workspace.
fn package(product: &Product, name: &str, description: &str, categories: &[&str]) -> String {
    let mut keywords = vec!["alibabacloud", "aliyun", "sdk"];
    let code = product.product.to_ascii_lowercase();
    if is_keyword(&code) && !keywords.contains(&code.as_str()) {
        keywords.push(&code);
    }
    let list = |items: &[&str]| {
        items
            .iter()
            .map(|k| toml_string(k))
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        "[package]\n\
         name = {}\n\
         description = {}\n\
         version.workspace = true\n\
         edition.workspace = true\n\
         rust-version.workspace = true\n\
         license.workspace = true\n\
         repository.workspace = true\n\
         readme = \"README.md\"\n\
         keywords = [{}]\n\
         categories = [{}]\n",
        toml_string(name),
        toml_string(description),
        list(&keywords),
        list(categories),
    )
}

/// What crates.io takes as a keyword: up to 20 ASCII letters, digits, `-`, `_` or `+`,
/// starting with a letter.
fn is_keyword(text: &str) -> bool {
    text.len() <= 20
        && text.starts_with(|c: char| c.is_ascii_alphabetic())
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'+'))
}

/// The model crate: data types with serde, on `alibabacloud-types` only.
pub fn model(product: &Product) -> String {
    let mut out = package(
        product,
        &product.model_crate,
        &format!(
            "Request and response types of {}, without an HTTP stack.",
            title(product)
        ),
        &["api-bindings"],
    );
    out.push_str("\n[dependencies]\n# The serde helpers of the generated types.\n");
    if product.uses_json_value {
        // `serde_json::Value` fields, read through the `json` feature.
        out.push_str(
            "alibabacloud-types = { workspace = true, features = [\"json\"] }\n\
             # `serde_json::Value`, the type of the spec's free-form fields.\n\
             serde_json.workspace = true\n",
        );
    } else {
        out.push_str("alibabacloud-types.workspace = true\n");
        out.push_str(
            "\n[dev-dependencies]\n# For the crate docs' example.\nserde_json.workspace = true\n",
        );
    }
    out.push_str("\n[lints]\nworkspace = true\n");
    out
}

/// The client crate: the runtime and the model crate (by relative path, so that adding a
/// product needs no edit of the workspace's `Cargo.toml`, and by version, for crates.io),
/// and the runtime's TLS features, forwarded.
pub fn client(product: &Product) -> String {
    let mut out = package(
        product,
        &product.client_crate,
        &format!(
            "{} client: typed operations on the alibabacloud-core runtime.",
            title(product)
        ),
        &["api-bindings", "web-programming::http-client"],
    );
    out.push_str(
        "\n[features]\n\
         default = [\"rustls\"]\n\
         # TLS through rustls with the webpki roots, no OpenSSL; `default-features = false` leaves it out.\n\
         rustls = [\"alibabacloud-core/rustls\"]\n\
         # TLS through the platform's native stack (OpenSSL on Linux).\n\
         native-tls = [\"alibabacloud-core/native-tls\"]\n\
         # HTTP/2 when the server offers it (ALPN); HTTP/1.1 with keep-alive otherwise.\n\
         http2 = [\"alibabacloud-core/http2\"]\n",
    );
    out.push_str(
        "\n[dependencies]\n\
         # The runtime: signing, credentials, endpoints, HTTP, retries, errors (TLS from the features above).\n\
         alibabacloud-core.workspace = true\n\
         # The request and response types.\n",
    );
    out.push_str(&format!(
        "{} = {{ path = \"../model\", version = {} }}\n",
        product.model_crate,
        toml_string(CRATE_VERSION)
    ));
    let json_params = product
        .operations
        .iter()
        .flat_map(|op| &op.request.fields)
        .any(|f| holds_json(&f.ty));
    if json_params {
        out.push_str(
            "# `serde_json::Value`, the type of the spec's free-form parameters.\nserde_json.workspace = true\n",
        );
    }
    out.push_str("\n[lints]\nworkspace = true\n");
    out
}

fn holds_json(ty: &Ty) -> bool {
    match ty {
        Ty::Json => true,
        Ty::Vec(inner) | Ty::Map(inner) => holds_json(inner),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{is_keyword, toml_string};

    #[test]
    fn keywords_are_what_crates_io_takes() {
        assert!(is_keyword("bssopenapi"));
        assert!(is_keyword("quickbi-public"));
        assert!(!is_keyword("9lives"));
        assert!(!is_keyword("a-product-code-too-long"));
        assert!(!is_keyword("ecs.v2"));
    }

    #[test]
    fn toml_strings_are_escaped() {
        assert_eq!(toml_string("a \"b\" \\ c\n"), "\"a \\\"b\\\" \\\\ c\\n\"");
        assert_eq!(toml_string("\u{1}"), "\"\\u0001\"");
    }
}
