//! Which operations page, and how: the detection of `xtask::codegen::paging` on the whole
//! official BSS OpenAPI file (unmodified, from the parse layer's fixtures), whose 96
//! operations include both patterns, and on the generator's `paging` fixture.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use xtask::codegen::ir::{self, Product};
use xtask::codegen::paging::{self, Detection, PagingCounts, PatternCount, Plan};

fn official_bss() -> Product {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../crates/alibabacloud-spec/tests/fixtures/official/bssopenapi-2017-12-14.full.api-docs.json");
    let spec = alibabacloud_spec::load_file(&path).unwrap();
    ir::lower(&spec, "bssopenapi-2017-12-14.full.api-docs.json").unwrap()
}

fn detect(product: &Product, action: &str) -> Detection {
    let op = product
        .operations
        .iter()
        .find(|op| op.action == action)
        .unwrap();
    paging::detect(product, op)
}

fn path(p: &paging::FieldPath) -> String {
    p.fields.join(".")
}

#[test]
fn the_official_bss_counts() {
    // The figure: 32 of BSS's 96 operations page; all get a paginator, all but one
    // (QueryUserOmsData, whose items are untyped JSON) an item stream.
    let counts = PagingCounts::of(&official_bss());
    let count = |operations, paginated, items| PatternCount {
        operations,
        paginated,
        items,
    };
    let table: Vec<(&str, PatternCount)> = counts
        .patterns
        .iter()
        .map(|(name, c)| (name.as_str(), *c))
        .collect();
    assert_eq!(
        table,
        [
            ("Marker/PageSize", count(1, 1, 0)),
            ("NextPageToken/PageSize", count(1, 1, 1)),
            ("NextToken/MaxResults", count(11, 11, 11)),
            ("PageNum/PageSize", count(19, 19, 19)),
        ]
    );
    assert!(counts.not_paged.is_empty());
    let all = counts
        .table()
        .lines()
        .find(|l| l.starts_with("all "))
        .unwrap()
        .to_owned();
    assert_eq!(
        all.split_whitespace().collect::<Vec<_>>(),
        ["all", "32", "32", "31"]
    );
}

#[test]
fn a_page_number_operation_with_its_total_and_items() {
    let bss = official_bss();
    let Detection::Pattern { name, plan } = detect(&bss, "QueryInstanceBill") else {
        panic!("QueryInstanceBill pages");
    };
    assert_eq!(name, "PageNum/PageSize");
    let Ok(Plan::PageNumber {
        request,
        response_page,
        page_size,
        total_count,
        items,
    }) = plan
    else {
        panic!("a page number plan: {plan:?}");
    };
    assert_eq!(request, "page_num");
    assert_eq!(
        response_page.as_ref().map(path).as_deref(),
        Some("data.page_num")
    );
    assert_eq!(
        page_size.as_ref().map(path).as_deref(),
        Some("data.page_size")
    );
    assert_eq!(
        total_count.as_ref().map(path).as_deref(),
        Some("data.total_count")
    );
    assert_eq!(path(&items.path), "data.items.item");
}

#[test]
fn a_token_operation_with_its_items() {
    let bss = official_bss();
    let Detection::Pattern { name, plan } = detect(&bss, "DescribeInstanceBill") else {
        panic!("DescribeInstanceBill pages");
    };
    assert_eq!(name, "NextToken/MaxResults");
    let Ok(Plan::Token {
        request,
        next,
        items,
    }) = plan
    else {
        panic!("a token plan: {plan:?}");
    };
    assert_eq!(request, "next_token");
    assert_eq!(path(&next), "data.next_token");
    assert_eq!(path(&items.unwrap().path), "data.items");
}

#[test]
fn a_marker_operation_whose_items_are_untyped_pages_without_items() {
    let bss = official_bss();
    let Detection::Pattern { name, plan } = detect(&bss, "QueryUserOmsData") else {
        panic!("QueryUserOmsData pages");
    };
    assert_eq!(name, "Marker/PageSize");
    let Ok(Plan::Token { next, items, .. }) = plan else {
        panic!("a token plan: {plan:?}");
    };
    assert_eq!(path(&next), "data.marker");
    assert_eq!(items, None);
}

#[test]
fn operations_that_do_not_page() {
    let bss = official_bss();
    assert_eq!(detect(&bss, "QueryCashCoupons"), Detection::None);
    assert_eq!(detect(&bss, "QueryAccountBalance"), Detection::None);
}

#[test]
fn the_fixture_emits_one_invocation_per_paged_operation() {
    let bill = common::fixture_file("paging", "client/src/operation/query_account_bill.rs");
    assert!(
        bill.contains(
            "::alibabacloud_core::paginated! {\n    #[page(page_num, data.page_num)]\n    \
         #[page_size(data.page_size)]\n    #[total_count(data.total_count)]\n    \
         #[items(data.items.item, Item)]\n    \
         impl Paginated<QueryAccountBill> for QueryAccountBillFluentBuilder {}\n}"
        ),
        "{bill}"
    );
    let details = common::fixture_file(
        "paging",
        "client/src/operation/query_account_transaction_details.rs",
    );
    assert!(
        details.contains("#[token(next_token, data.next_token)]"),
        "{details}"
    );
}
