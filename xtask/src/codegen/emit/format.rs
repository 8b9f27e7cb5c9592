//! Formatting a generated file: `prettyplease`, and also the bodies of the macro invocations
//! whose tokens are Rust items (`model! { pub struct ... }`, `operation! { ... }`), which
//! `prettyplease` would print as one run of tokens.

/// The text of `file`, formatted; a top-level `path! { items }` has its items formatted like
/// the rest of the file, one level in.
pub fn unparse(file: &syn::File) -> String {
    let mut file = file.clone();
    let mut bodies = Vec::new();
    for item in &mut file.items {
        let syn::Item::Macro(item_macro) = item else {
            continue;
        };
        if !matches!(item_macro.mac.delimiter, syn::MacroDelimiter::Brace(_))
            || !item_macro.attrs.is_empty()
            || item_macro.ident.is_some()
        {
            continue;
        }
        let Ok(body) = syn::parse2::<syn::File>(item_macro.mac.tokens.clone()) else {
            continue;
        };
        let path = &item_macro.mac.path;
        let head = quote::quote!(#path).to_string().replace(' ', "");
        let placeholder = placeholder(bodies.len());
        bodies.push((head, space_body(&prettyplease::unparse(&body))));
        *item = syn::parse_quote!(#placeholder!(););
    }
    let text = prettyplease::unparse(&file);
    if bodies.is_empty() {
        return text;
    }
    let mut out =
        String::with_capacity(text.len() + bodies.iter().map(|b| b.1.len()).sum::<usize>());
    for line in text.lines() {
        let body = line
            .strip_prefix(PLACEHOLDER)
            .and_then(|rest| rest.strip_suffix("!();"))
            .and_then(|index| index.parse::<usize>().ok())
            .and_then(|index| bodies.get(index));
        match body {
            Some((head, body)) => {
                // A blank line between the invocation and the item before it (the file's
                // spacing pass puts the one after inner attributes and `use`s).
                let previous = out.lines().last().unwrap_or_default();
                let after_use = previous.starts_with("use ") || previous.starts_with("pub use ");
                if previous.ends_with('}') || (previous.ends_with(';') && !after_use) {
                    out.push('\n');
                }
                out.push_str(head);
                out.push_str("! {\n");
                for body_line in body.lines() {
                    if !body_line.is_empty() {
                        out.push_str("    ");
                        out.push_str(body_line);
                    }
                    out.push('\n');
                }
                out.push_str("}\n");
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

/// A blank line between the items of a macro body (which `prettyplease` prints one after
/// the other).
fn space_body(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut previous: Option<&str> = None;
    for line in text.lines() {
        let starts_item = !line.starts_with([' ', '}', ')', ']']) && !line.is_empty();
        if let Some(previous) = previous
            && starts_item
            && (previous.ends_with('}') || previous.ends_with(';'))
            && !previous.starts_with([' ', '/', '#'])
        {
            out.push('\n');
        }
        out.push_str(line);
        out.push('\n');
        previous = Some(line);
    }
    out
}

const PLACEHOLDER: &str = "__generated_macro_body_";

fn placeholder(index: usize) -> syn::Ident {
    quote::format_ident!("{PLACEHOLDER}{index}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn macro_bodies_that_are_items_are_formatted() {
        let file: syn::File = syn::parse_quote! {
            //! Docs.
            ::a::model! {
                /// A thing.
                pub struct Thing { #[wire("X", with_x)] pub x: Option<String>, pub y: Vec<u8> }
            }
            ::a::operation! {
                pub struct A;
                impl B for A {}
                pub struct C {}
            }
            other!(not, items);
            pub struct After;
        };
        assert_eq!(
            unparse(&file),
            "//! Docs.\n::a::model! {\n    /// A thing.\n    pub struct Thing {\n        #[wire(\"X\", with_x)]\n        pub x: Option<String>,\n        pub y: Vec<u8>,\n    }\n}\n\n::a::operation! {\n    pub struct A;\n\n    impl B for A {}\n\n    pub struct C {}\n}\nother!(not, items);\npub struct After;\n"
        );
    }
}
