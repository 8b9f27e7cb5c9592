//! Paging patterns: which operations page, and how (the paginators of
//! `alibabacloud_core::paginator`).
//!
//! Read from the IR of an operation (request fields by wire name, the response's fields
//! through its nested structs), case-insensitively:
//!
//! - **token**: a request string `NextToken`, `NextPageToken` or `Marker`, and a response
//!   string with the same name, `Next<name>` (`NextMarker`) or `NextToken`;
//! - **page number**: a request integer (or numeric string) `PageNumber`, `PageNum`,
//!   `CurrentPage`, `PageNo`, `PageIndex` or `Page`, and in the response one clear list of
//!   items; optionally the total (`TotalCount`, `Total`, `TotalNum`, `TotalRecordCount`,
//!   `TotalRecords`, `TotalItems`), the page size and the page number it states.
//!
//! The item list is the only list field (not inside another list) under the struct that
//! holds the total or the token (the response itself when neither is found), else under its
//! parent, and so on up to the response; two lists at the first level that has some, or a
//! list of untyped JSON values, and there is no item list. A token operation without one still pages (its pages only);
//! a page-number operation needs it (it stops on an empty or short page).
//! When an operation has both a token and a page number, the token wins.
//!
//! [`detect`] decides for one operation; [`PagingCounts`] sums a product (reported by
//! `cargo xtask catalog-check`); [`emit`] writes the `paginated!` invocation.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use proc_macro2::TokenStream;
use quote::quote;

use super::emit::{TypePaths, ty};
use super::ir::{Field, Operation, Product, Shape, Ty, TypeDef, TypeKind};
use super::names::ident;

const TOKENS: &[&str] = &["NextToken", "NextPageToken", "Marker"];
const PAGES: &[&str] = &[
    "PageNumber",
    "PageNum",
    "CurrentPage",
    "PageNo",
    "PageIndex",
    "Page",
];
const SIZES: &[&str] = &["PageSize", "MaxResults", "Limit", "MaxItems", "Size"];
const TOTALS: &[&str] = &[
    "TotalCount",
    "Total",
    "TotalNum",
    "TotalRecordCount",
    "TotalRecords",
    "TotalItems",
];

/// How deep the response is searched (a few wrappers: `Data`, `Items`, ...).
const MAX_DEPTH: usize = 6;

/// A field of the response, reached through nested structs.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldPath {
    /// The Rust field names, outermost first.
    pub fields: Vec<String>,
}

impl FieldPath {
    fn tokens(&self) -> TokenStream {
        let fields = self.fields.iter().map(|f| ident(f));
        quote!(#(#fields).*)
    }

    fn parent(&self) -> &[String] {
        &self.fields[..self.fields.len() - 1]
    }
}

/// The item list of a paged response.
#[derive(Debug, Clone, PartialEq)]
pub struct Items {
    /// Where the list is.
    pub path: FieldPath,
    /// The type of one item.
    pub item: Ty,
}

/// How an operation pages.
#[derive(Debug, Clone, PartialEq)]
pub enum Plan {
    /// A token in the request and the response.
    Token {
        /// The request's token field.
        request: String,
        /// The response's next token.
        next: FieldPath,
        /// The item list, when clear.
        items: Option<Items>,
    },
    /// A page number in the request.
    PageNumber {
        /// The request's page number field.
        request: String,
        /// The page number the response states.
        response_page: Option<FieldPath>,
        /// The page size the response states.
        page_size: Option<FieldPath>,
        /// The total count.
        total_count: Option<FieldPath>,
        /// The item list.
        items: Items,
    },
}

/// What [`detect`] found for one operation.
#[derive(Debug, Clone, PartialEq)]
pub enum Detection {
    /// No paging parameter.
    None,
    /// A paging pattern (named by its request parameters, e.g. `PageNumber/PageSize`) and,
    /// when it can be paged, how; else why not.
    Pattern {
        /// `NextToken/MaxResults`, `PageNum/PageSize`, ...
        name: String,
        /// How it pages, or why it cannot.
        plan: Result<Plan, &'static str>,
    },
}

/// Whether `op` pages, and how.
pub fn detect(product: &Product, op: &Operation) -> Detection {
    let request_field = |names: &[&str], ok: fn(&Ty) -> bool| {
        op.request.fields.iter().find(|f| {
            f.shape == Shape::Optional
                && ok(&f.ty)
                && names.iter().any(|n| f.wire.eq_ignore_ascii_case(n))
        })
    };
    let token = request_field(TOKENS, |t| *t == Ty::String);
    let page = request_field(PAGES, |t| matches!(t, Ty::I32 | Ty::I64 | Ty::String));
    let size = request_field(SIZES, |_| true);
    let Some(paging) = token.or(page) else {
        return Detection::None;
    };
    let name = match size {
        Some(size) => format!("{}/{}", canonical(&paging.wire), canonical(&size.wire)),
        None => canonical(&paging.wire),
    };
    let plan = plan(product, op, token, page, size);
    Detection::Pattern { name, plan }
}

/// The name as listed in [`TOKENS`], [`PAGES`] or [`SIZES`] (so that `pageSize` and
/// `PageSize` count together).
fn canonical(wire: &str) -> String {
    TOKENS
        .iter()
        .chain(PAGES)
        .chain(SIZES)
        .find(|n| n.eq_ignore_ascii_case(wire))
        .map_or_else(|| wire.to_owned(), |n| (*n).to_owned())
}

fn plan(
    product: &Product,
    op: &Operation,
    token: Option<&Field>,
    page: Option<&Field>,
    size: Option<&Field>,
) -> Result<Plan, &'static str> {
    if op.request.fields.iter().any(|f| f.name == "into_paginator") {
        return Err("a parameter is named into_paginator");
    }
    let found = response_fields(product, op);
    let scalar = |names: &[&str], ok: fn(&Ty) -> bool| -> Option<FieldPath> {
        let matching = found.iter().filter(|(path, field)| {
            field.shape == Shape::Optional
                && ok(&field.ty)
                && names.iter().any(|n| field.wire.eq_ignore_ascii_case(n))
                && !path.fields.is_empty()
        });
        // The shallowest one; two at the same depth are ambiguous.
        let matching: Vec<&FieldPath> = matching.map(|(path, _)| path).collect();
        let depth = matching.iter().map(|p| p.fields.len()).min()?;
        let mut shallowest = matching.into_iter().filter(|p| p.fields.len() == depth);
        let first = shallowest.next()?;
        shallowest.next().is_none().then(|| first.clone())
    };
    let integer = |t: &Ty| matches!(t, Ty::I32 | Ty::I64 | Ty::String);
    if let Some(token) = token {
        let next_names = [
            token.wire.clone(),
            format!("Next{}", token.wire),
            "NextToken".to_owned(),
        ];
        let next_names: Vec<&str> = next_names.iter().map(String::as_str).collect();
        let next = scalar(&next_names, |t| *t == Ty::String)
            .ok_or("no token of the next page in the response")?;
        let items = items(&found, next.parent());
        return Ok(Plan::Token {
            request: token.name.clone(),
            next,
            items,
        });
    }
    let Some(page) = page else {
        return Err("no paging parameter");
    };
    let total_count = scalar(TOTALS, integer);
    let anchor: Vec<String> = total_count
        .as_ref()
        .map(|t| t.parent().to_vec())
        .unwrap_or_default();
    let items = items(&found, &anchor).ok_or("no single list of items in the response")?;
    let response_page = scalar(&[page.wire.as_str()], integer);
    let page_size = size.and_then(|size| scalar(&[size.wire.as_str()], integer));
    Ok(Plan::PageNumber {
        request: page.name.clone(),
        response_page,
        page_size,
        total_count,
        items,
    })
}

/// The one list field under `anchor` (else under its parent, and so on up to the
/// response: a `PageInfo` struct may hold the total next to the list), not inside another
/// list; `None` when the first level with lists under it has several.
fn items(found: &[(FieldPath, &Field)], anchor: &[String]) -> Option<Items> {
    let (path, field) = (0..=anchor.len()).rev().find_map(|depth| {
        let under = &anchor[..depth];
        let mut lists = found.iter().filter(|(path, field)| {
            matches!(field.ty, Ty::Vec(_)) && path.fields.starts_with(under)
        });
        let first = lists.next()?;
        Some(lists.next().is_none().then_some(first))
    })??;
    let Ty::Vec(item) = &field.ty else {
        return None;
    };
    // Untyped JSON values are no clear items (and the client crate may not name the type).
    let mut inner = &**item;
    while let Ty::Vec(next) | Ty::Map(next) = inner {
        inner = &**next;
    }
    if *inner == Ty::Json {
        return None;
    }
    Some(Items {
        path: path.clone(),
        item: (**item).clone(),
    })
}

/// Every field of the response reachable through nested structs (held by value), breadth
/// first: shallower fields first.
fn response_fields<'a>(product: &'a Product, op: &'a Operation) -> Vec<(FieldPath, &'a Field)> {
    let mut out = Vec::new();
    let mut queue: Vec<(Vec<String>, &super::ir::StructDef)> = vec![(Vec::new(), &op.response)];
    let mut visited = BTreeSet::new();
    let mut next = Vec::new();
    let mut depth = 0;
    while !queue.is_empty() && depth < MAX_DEPTH {
        for (prefix, def) in queue.drain(..) {
            if def.transparent {
                continue;
            }
            for field in &def.fields {
                let mut fields = prefix.clone();
                fields.push(field.name.clone());
                if let (Ty::Named(named), Shape::Defaulted) = (&field.ty, field.shape)
                    && named.kind == TypeKind::Struct
                    && visited.insert((named.shared, named.name.clone()))
                {
                    let types = if named.shared {
                        &product.shared_types
                    } else {
                        &op.types
                    };
                    let found = types.iter().find_map(|t| match t {
                        TypeDef::Struct(s) if s.name == named.name => Some(s),
                        _ => None,
                    });
                    if let Some(found) = found {
                        next.push((fields.clone(), found));
                    }
                }
                out.push((FieldPath { fields }, field));
            }
        }
        std::mem::swap(&mut queue, &mut next);
        depth += 1;
    }
    out
}

/// The `alibabacloud_core::paginated!` invocation of a paged operation (nothing otherwise).
pub fn emit(product: &Product, op: &Operation) -> TokenStream {
    let Detection::Pattern { plan: Ok(plan), .. } = detect(product, op) else {
        return quote!();
    };
    let shape = ident(&op.shape);
    let builder = ident(&op.builder);
    let paths = TypePaths::client();
    let items_attr = |items: &Items| {
        let path = items.path.tokens();
        let item = ty(&items.item, &paths);
        quote!(#[items(#path, #item)])
    };
    let attrs = match &plan {
        Plan::Token {
            request,
            next,
            items,
        } => {
            let request = ident(request);
            let next = next.tokens();
            let items = items.as_ref().map(items_attr);
            quote! {
                #[token(#request, #next)]
                #items
            }
        }
        Plan::PageNumber {
            request,
            response_page,
            page_size,
            total_count,
            items,
        } => {
            let request = ident(request);
            let response_page = response_page.as_ref().map(|p| {
                let p = p.tokens();
                quote!(, #p)
            });
            let page_size = page_size.as_ref().map(|p| {
                let p = p.tokens();
                quote!(#[page_size(#p)])
            });
            let total_count = total_count.as_ref().map(|p| {
                let p = p.tokens();
                quote!(#[total_count(#p)])
            });
            let items = items_attr(items);
            quote! {
                #[page(#request #response_page)]
                #page_size
                #total_count
                #items
            }
        }
    };
    quote! {
        ::alibabacloud_core::paginated! {
            #attrs
            impl Paginated<#shape> for #builder {}
        }
    }
}

/// The docs' paragraph and example of a paged operation: how to page through it (nothing
/// otherwise).
pub fn example(product: &Product, op: &Operation) -> Option<String> {
    let Detection::Pattern {
        name,
        plan: Ok(plan),
    } = detect(product, op)
    else {
        return None;
    };
    let items = match &plan {
        Plan::Token { items, .. } => items.as_ref(),
        Plan::PageNumber { items, .. } => Some(items),
    };
    let text = format!(
        "It pages (`{name}`): `into_paginator()` pages through it with this request's \
         parameters and call options; its `send()` is a stream of the responses{}. See \
         [`Paginator`](alibabacloud_core::paginator::Paginator) for when it stops.",
        if items.is_some() {
            ", `items().send()` a stream of the items of every page"
        } else {
            ""
        }
    );
    let mut lines = wrap(&text, 90);
    lines.push(String::new());
    let what = if items.is_some() { "items" } else { "pages" };
    let mut body = vec![format!("let mut {what} = client")];
    let mut chain = super::emit::client::call_chain(product, op, "    ");
    chain.pop();
    body.extend(chain);
    body.push("    .into_paginator()".to_owned());
    if items.is_some() {
        body.push("    .items()".to_owned());
    }
    body.push("    .send();".to_owned());
    let one = if items.is_some() { "item" } else { "page" };
    body.push(format!("while let Some({one}) = {what}.next().await {{"));
    body.push(format!("    println!(\"{{:?}}\", {one}?);"));
    body.push("}".to_owned());
    lines.push(super::emit::client::doc_test(product, op, body));
    Some(lines.join("\n"))
}

/// `text` in lines of at most `width` characters (a longer word gets a line of its own).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let line = lines
            .last_mut()
            .filter(|l| l.is_empty() || l.len() + 1 + word.len() <= width);
        match line {
            Some(line) => {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
            }
            None => lines.push(word.to_owned()),
        }
    }
    lines
}

/// How many operations of a generation show each paging pattern.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PagingCounts {
    /// Pattern name -> counts.
    pub patterns: BTreeMap<String, PatternCount>,
    /// Why operations with a pattern get no paginator -> how many.
    pub not_paged: BTreeMap<&'static str, usize>,
}

/// The operations of one pattern.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PatternCount {
    /// Operations with the pattern's request parameters.
    pub operations: usize,
    /// Those that get a paginator.
    pub paginated: usize,
    /// Those whose paginator also streams items.
    pub items: usize,
}

impl PagingCounts {
    /// The counts of one product's operations.
    pub fn of(product: &Product) -> Self {
        let mut counts = Self::default();
        for op in &product.operations {
            let Detection::Pattern { name, plan } = detect(product, op) else {
                continue;
            };
            let entry = counts.patterns.entry(name).or_default();
            entry.operations += 1;
            if let Err(reason) = &plan {
                *counts.not_paged.entry(reason).or_default() += 1;
            }
            if let Ok(plan) = plan {
                entry.paginated += 1;
                let has_items = match plan {
                    Plan::Token { items, .. } => items.is_some(),
                    Plan::PageNumber { .. } => true,
                };
                entry.items += usize::from(has_items);
            }
        }
        counts
    }

    /// Adds another product's counts.
    pub fn add(&mut self, other: &Self) {
        for (name, count) in &other.patterns {
            let entry = self.patterns.entry(name.clone()).or_default();
            entry.operations += count.operations;
            entry.paginated += count.paginated;
            entry.items += count.items;
        }
        for (reason, count) in &other.not_paged {
            *self.not_paged.entry(reason).or_default() += count;
        }
    }

    /// A table, most frequent pattern first, with a total line.
    pub fn table(&self) -> String {
        let mut rows: Vec<_> = self.patterns.iter().collect();
        rows.sort_by(|a, b| b.1.operations.cmp(&a.1.operations).then(a.0.cmp(b.0)));
        let mut out = format!(
            "{:<32} {:>10} {:>10} {:>10}\n",
            "paging pattern", "operations", "paginator", "items"
        );
        let mut total = PatternCount::default();
        for (name, count) in rows {
            let _ = writeln!(
                out,
                "{name:<32} {:>10} {:>10} {:>10}",
                count.operations, count.paginated, count.items
            );
            total.operations += count.operations;
            total.paginated += count.paginated;
            total.items += count.items;
        }
        let _ = writeln!(
            out,
            "{:<32} {:>10} {:>10} {:>10}",
            "all", total.operations, total.paginated, total.items
        );
        for (reason, count) in &self.not_paged {
            let _ = writeln!(out, "no paginator, {reason}: {count}");
        }
        out
    }
}
