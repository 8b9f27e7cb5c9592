//! The model crate's modules: structs and open enums, each written inside the
//! `alibabacloud_types::model!` or `open_enum!` macro, which adds what every one of them has
//! (derives, setters, conversions, serde with the wire names).

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::quote;

use super::{TypePaths, docs, field_ty};
use crate::codegen::ir::{Docs, EnumDef, Field, Operation, Product, StructDef, Ty, TypeDef};
use crate::codegen::names::{ident, unraw};

/// The module of one operation: its request, its response and their nested types.
pub fn operation(op: &Operation) -> TokenStream {
    let mut module_docs = Docs::default();
    match op.summary.as_deref() {
        Some(summary) => module_docs.push_generated(format!(
            "Types of `{}`: {}",
            op.action,
            docs::inline(summary)
        )),
        None => module_docs.push_generated(format!("Types of `{}`.", op.action)),
    }
    let module_docs = docs::inner(&module_docs);
    let paths = TypePaths::model();
    let (local, _) = request_side(op);
    let request = struct_def(&op.request, &paths, true);
    let response = struct_def(&op.response, &paths, false);
    let types = op
        .types
        .iter()
        .map(|t| type_def(t, &paths, local.contains(t.name())));
    quote! {
        #module_docs
        #request
        #response
        #(#types)*
    }
}

/// The `types` module: the named schemas of `components.schemas`.
pub fn shared_types(product: &Product) -> TokenStream {
    let module_docs = docs::inner(&Docs::generated(
        "Types shared by several operations (the named schemas of the API metadata).",
    ));
    let paths = TypePaths::shared_module();
    let setters = shared_request_side(product);
    let types = product
        .shared_types
        .iter()
        .map(|t| type_def(t, &paths, setters.contains(t.name())));
    quote! {
        #module_docs
        #(#types)*
    }
}

/// `#[doc]` attributes of `docs`, or of `fallback` when nothing is left of them once
/// rendered (a description made only of links to the documentation site's ids, say): every
/// public item has docs.
pub fn docs_or(docs: &Docs, fallback: impl FnOnce() -> String) -> TokenStream {
    if docs::lines(docs).iter().all(|line| line.trim().is_empty()) {
        docs::outer(&Docs::generated(fallback()))
    } else {
        docs::outer(docs)
    }
}

/// A struct (with `with_*` setters when `setters`) or an enum.
pub fn type_def(def: &TypeDef, paths: &TypePaths, setters: bool) -> TokenStream {
    match def {
        TypeDef::Struct(s) => struct_def(s, paths, setters),
        TypeDef::Enum(e) => enum_def(e),
    }
}

/// The names of the types a request holds, directly or not: the operation module's own
/// (first) and those of the `types` module (second). Users build these, so they get
/// `with_*` setters; the response's types are read, and built (in tests) with `Default` and
/// their public fields.
pub fn request_side(op: &Operation) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut local = BTreeSet::new();
    let mut shared = BTreeSet::new();
    let mut pending: Vec<&Field> = op.request.fields.iter().collect();
    while let Some(field) = pending.pop() {
        let Some((name, is_shared)) = named(&field.ty) else {
            continue;
        };
        if is_shared {
            shared.insert(name.to_owned());
        } else if local.insert(name.to_owned())
            && let Some(TypeDef::Struct(s)) = op.types.iter().find(|t| t.name() == name)
        {
            pending.extend(&s.fields);
        }
    }
    (local, shared)
}

/// The types of the `types` module that some request holds, directly or not.
fn shared_request_side(product: &Product) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut pending: Vec<String> = product
        .operations
        .iter()
        .flat_map(|op| request_side(op).1)
        .collect();
    while let Some(name) = pending.pop() {
        if !found.insert(name.clone()) {
            continue;
        }
        if let Some(TypeDef::Struct(s)) = product.shared_types.iter().find(|t| t.name() == name) {
            pending.extend(
                s.fields
                    .iter()
                    .filter_map(|f| named(&f.ty))
                    .map(|(n, _)| n.to_owned()),
            );
        }
    }
    found
}

/// The generated type a field type holds (through lists and maps), and whether it is in the
/// `types` module.
fn named(ty: &Ty) -> Option<(&str, bool)> {
    match ty {
        Ty::Named(r) => Some((&r.name, r.shared)),
        Ty::Vec(inner) | Ty::Map(inner) => named(inner),
        _ => None,
    }
}

/// `model! { pub struct Name { ... } }`: each field with its docs, its wire name (and its
/// setter's name when `setters`: `#[wire("Wire", with_field)]`), `#[secret]` for a field
/// `Debug` must not show, and `#[deprecated]` when its setter is.
pub fn struct_def(s: &StructDef, paths: &TypePaths, setters: bool) -> TokenStream {
    let name = ident(&s.name);
    let docs = docs_or(&s.docs, || format!("The `{}` object.", s.name));
    let fields = s.fields.iter().map(|f| {
        let field_docs = docs_or(&f.docs, || format!("`{}`.", f.wire.replace('`', "'")));
        let field_name = ident(&f.name);
        let field_type = field_ty(f, paths);
        let wire = &f.wire;
        let (setter, deprecated) = if setters {
            let setter = ident(&format!("with_{}", unraw(&f.name)));
            (quote!(, #setter), deprecated_attr(f.deprecated))
        } else {
            (quote!(), quote!())
        };
        let secret = if f.secret {
            quote!(#[secret])
        } else {
            quote!()
        };
        quote! {
            #field_docs
            #deprecated
            #[wire(#wire #setter)]
            #secret
            pub #field_name: #field_type,
        }
    });
    // A whole body that is not a JSON object (a list, a string): the struct is its one field.
    let transparent = if s.transparent {
        quote!(#[transparent])
    } else {
        quote!()
    };
    quote! {
        ::alibabacloud_types::model! {
            #docs
            #transparent
            pub struct #name {
                #(#fields)*
            }
        }
    }
}

/// `#[deprecated]` for the methods of a deprecated field.
pub fn deprecated_attr(deprecated: bool) -> TokenStream {
    if deprecated {
        quote!(#[deprecated(note = "deprecated in the API metadata")])
    } else {
        quote!()
    }
}

/// `open_enum! { pub enum Name { Variant = "value", ... } }`: the documented values; the
/// macro adds `Unknown(String)`, `as_str()`, the conversions from strings, `Display` and
/// serde as a string.
pub fn enum_def(e: &EnumDef) -> TokenStream {
    let name = ident(&e.name);
    let docs = docs_or(&e.docs, || format!("The values of `{}`.", e.name));
    let variants = e.variants.iter().map(|v| {
        let v_docs = docs_or(&v.docs, || {
            format!("The value `{}`.", v.value.replace('`', "'"))
        });
        let v_name = ident(&v.name);
        let value = &v.value;
        quote! {
            #v_docs
            #v_name = #value,
        }
    });
    quote! {
        ::alibabacloud_types::open_enum! {
            #docs
            pub enum #name {
                #(#variants)*
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codegen::ir::DocBlock;

    #[test]
    fn items_whose_docs_render_to_nothing_get_a_fallback() {
        let empty = Docs {
            blocks: vec![DocBlock::Spec("[](~~93693~~)[](~~187206~~)\n".to_owned())],
        };
        let tokens = docs_or(&empty, || "The `X` object.".to_owned()).to_string();
        assert!(tokens.contains("The `X` object."), "{tokens}");
        let some = Docs::generated("Kept.");
        let tokens = docs_or(&some, || "unused".to_owned()).to_string();
        assert!(
            tokens.contains("Kept.") && !tokens.contains("unused"),
            "{tokens}"
        );
    }
}
