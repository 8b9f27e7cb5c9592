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

fn package(name: &str, description: &str) -> String {
    format!(
        "[package]\n\
         name = {}\n\
         description = {}\n\
         version.workspace = true\n\
         edition.workspace = true\n\
         license.workspace = true\n\
         repository.workspace = true\n\
         publish.workspace = true\n",
        toml_string(name),
        toml_string(description)
    )
}

/// The model crate: data types with serde, on `alibabacloud-types` only.
pub fn model(product: &Product) -> String {
    let mut out = package(
        &product.model_crate,
        &format!(
            "Request and response types of {}, without an HTTP stack.",
            title(product)
        ),
    );
    out.push_str("\n[dependencies]\n");
    if product.uses_json_value {
        // `serde_json::Value` fields, read through the `json` feature.
        out.push_str(
            "alibabacloud-types = { workspace = true, features = [\"json\"] }\n\
             serde_json.workspace = true\n",
        );
    } else {
        out.push_str("alibabacloud-types.workspace = true\n");
        // For the crate docs' example.
        out.push_str("\n[dev-dependencies]\nserde_json.workspace = true\n");
    }
    out.push_str("\n[lints]\nworkspace = true\n");
    out
}

/// The client crate: the runtime and the model crate (by relative path, so that adding a
/// product needs no edit of the workspace's `Cargo.toml`).
pub fn client(product: &Product) -> String {
    let mut out = package(
        &product.client_crate,
        &format!(
            "{} client: typed operations on the alibabacloud-core runtime.",
            title(product)
        ),
    );
    out.push_str("\n[dependencies]\nalibabacloud-core.workspace = true\n");
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
        out.push_str("serde_json.workspace = true\n");
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
    use super::toml_string;

    #[test]
    fn toml_strings_are_escaped() {
        assert_eq!(toml_string("a \"b\" \\ c\n"), "\"a \\\"b\\\" \\\\ c\\n\"");
        assert_eq!(toml_string("\u{1}"), "\"\\u0001\"");
    }
}
