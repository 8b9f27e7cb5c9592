//! Emit: pure functions from the IR to token streams (and TOML text), one module per kind
//! of output.

pub mod cargo_toml;
pub mod client;
pub mod docs;
pub mod errors;
pub mod format;
pub mod lib_rs;
pub mod model;
pub mod readme;

use proc_macro2::TokenStream;
use quote::quote;

use crate::codegen::ir::{Field, Product, Shape, Ty};
use crate::codegen::names::ident;

/// The contents of one generated file, before formatting.
#[derive(Debug, Clone)]
pub enum Contents {
    /// A Rust source file.
    Rust(TokenStream),
    /// A `Cargo.toml`, already text (without the header).
    Toml(String),
    /// A `README.md`, already text (without the header).
    Markdown(String),
}

/// One generated file: its path under the output directory (`/`-separated) and contents.
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// E.g. `bssopenapi20171214/model/src/lib.rs`.
    pub path: String,
    /// What to write.
    pub contents: Contents,
}

/// Every file of the model crate and the client crate of `product`.
pub fn product(product: &Product) -> Vec<OutputFile> {
    let mut files = Vec::new();
    let model = format!("{}/model", product.dir);
    let client = format!("{}/client", product.dir);
    files.push(OutputFile {
        path: format!("{model}/Cargo.toml"),
        contents: Contents::Toml(cargo_toml::model(product)),
    });
    files.push(OutputFile {
        path: format!("{model}/README.md"),
        contents: Contents::Markdown(readme::model(product)),
    });
    files.push(OutputFile {
        path: format!("{model}/src/lib.rs"),
        contents: Contents::Rust(lib_rs::model(product)),
    });
    if !product.shared_types.is_empty() {
        files.push(OutputFile {
            path: format!("{model}/src/types.rs"),
            contents: Contents::Rust(model::shared_types(product)),
        });
    }
    for operation in &product.operations {
        files.push(OutputFile {
            path: format!("{model}/src/{}.rs", operation.module),
            contents: Contents::Rust(model::operation(operation)),
        });
    }
    files.push(OutputFile {
        path: format!("{client}/Cargo.toml"),
        contents: Contents::Toml(cargo_toml::client(product)),
    });
    files.push(OutputFile {
        path: format!("{client}/README.md"),
        contents: Contents::Markdown(readme::client(product)),
    });
    files.push(OutputFile {
        path: format!("{client}/src/lib.rs"),
        contents: Contents::Rust(lib_rs::client(product)),
    });
    files.push(OutputFile {
        path: format!("{client}/src/client.rs"),
        contents: Contents::Rust(client::client(product)),
    });
    files.push(OutputFile {
        path: format!("{client}/src/endpoints.rs"),
        contents: Contents::Rust(client::endpoints(product)),
    });
    files.push(OutputFile {
        path: format!("{client}/src/operation/mod.rs"),
        contents: Contents::Rust(client::operation_index(product)),
    });
    for operation in &product.operations {
        files.push(OutputFile {
            path: format!("{client}/src/operation/{}.rs", operation.module),
            contents: Contents::Rust(client::operation(product, operation)),
        });
    }
    files
}

/// Where the generated types live, seen from the module being emitted.
#[derive(Debug, Clone)]
pub struct TypePaths {
    /// The prefix of `components.schemas` types (`crate::types::`).
    pub shared: TokenStream,
    /// The path of binary data: `alibabacloud_types::Blob` in a model crate, its re-export
    /// `alibabacloud_core::Blob` in a client crate (which depends on the core only).
    pub blob: TokenStream,
}

impl TypePaths {
    /// Seen from the model crate's `types` module itself.
    pub fn shared_module() -> Self {
        Self {
            shared: quote!(),
            blob: quote!(alibabacloud_types::Blob),
        }
    }

    /// Seen from a module of the model crate.
    pub fn model() -> Self {
        Self {
            shared: quote!(crate::types::),
            blob: quote!(alibabacloud_types::Blob),
        }
    }

    /// Seen from a module of the client crate (an operation module re-exports its model
    /// module, so local types need no prefix).
    pub fn client() -> Self {
        Self {
            shared: quote!(crate::model::types::),
            blob: quote!(alibabacloud_core::Blob),
        }
    }
}

/// The tokens of a type, as the macros of the hand-written crates read it: `Option`, `Vec`,
/// `Box` and `String` by their prelude names (generated types never take them), maps as
/// `std::collections::BTreeMap`, generated types by name or by path.
pub fn ty(t: &Ty, paths: &TypePaths) -> TokenStream {
    match t {
        Ty::String => quote!(String),
        Ty::I32 => quote!(i32),
        Ty::I64 => quote!(i64),
        Ty::F64 => quote!(f64),
        Ty::Bool => quote!(bool),
        Ty::Json => quote!(serde_json::Value),
        Ty::Blob => paths.blob.clone(),
        Ty::Named(r) => {
            let name = ident(&r.name);
            if r.shared {
                let prefix = &paths.shared;
                quote!(#prefix #name)
            } else {
                quote!(#name)
            }
        }
        Ty::Vec(inner) => {
            let inner = ty(inner, paths);
            quote!(Vec<#inner>)
        }
        Ty::Map(inner) => {
            let inner = ty(inner, paths);
            quote!(std::collections::BTreeMap<String, #inner>)
        }
    }
}

/// The tokens of a field's type, with its shape.
pub fn field_ty(field: &Field, paths: &TypePaths) -> TokenStream {
    let inner = ty(&field.ty, paths);
    match field.shape {
        Shape::Optional => quote!(Option<#inner>),
        Shape::OptionalBoxed => quote!(Option<Box<#inner>>),
        Shape::Defaulted => inner,
    }
}
