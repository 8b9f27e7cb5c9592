//! Paginators against the emulator: two operations of BSS OpenAPI written exactly as the
//! generator writes them (`xtask/tests/snapshots/fxpaging20240101__*`, from the unmodified
//! official `QueryAccountBill` and `QueryAccountTransactionDetails`), trimmed to the fields
//! the paging uses, paged through the emulator: either it serves a list page by page as
//! each request asks ([`PagedList`]), or each page is a scripted reply (for services that
//! misbehave), and the requests are checked.
//!
//! Every stop condition: the total reached, an empty page, a short page, no next token, a
//! repeated token (aws-sdk-rust's behaviour: the stream ends, no error), a page number that
//! does not advance, an error (yielded once, then the end); and the call options kept on
//! every page.

#![allow(clippy::unwrap_used, missing_docs, unreachable_pub)]

mod common;

use alibabacloud_core::__private::alibabacloud_types;
use alibabacloud_core::paginator::Stream;
use alibabacloud_core::{CallOptions, Runtime};
use alibabacloud_emulator::paging::PagedList;
use alibabacloud_emulator::{EmulatorHandle, Reply};
use serde_json::{Value, json};

mod bss {
    use super::alibabacloud_types;

    alibabacloud_types::model! {
        /// The request of `QueryAccountBill`.
        pub struct QueryAccountBillRequest {
            /// `BillingCycle`.
            #[wire("BillingCycle", with_billing_cycle)]
            pub billing_cycle: Option<String>,
            /// `PageNum`.
            #[wire("PageNum", with_page_num)]
            pub page_num: Option<i32>,
            /// `PageSize`.
            #[wire("PageSize", with_page_size)]
            pub page_size: Option<i32>,
        }
    }

    alibabacloud_types::model! {
        /// The response of `QueryAccountBill`.
        pub struct QueryAccountBillResponse {
            /// `Success`.
            #[wire("Success")]
            pub success: Option<bool>,
            /// `Data`.
            #[wire("Data")]
            pub data: Data,
        }
    }

    alibabacloud_types::model! {
        /// `Data`.
        pub struct Data {
            /// `PageNum`.
            #[wire("PageNum")]
            pub page_num: Option<i32>,
            /// `PageSize`.
            #[wire("PageSize")]
            pub page_size: Option<i32>,
            /// `TotalCount`.
            #[wire("TotalCount")]
            pub total_count: Option<i32>,
            /// `Items`.
            #[wire("Items")]
            pub items: Items,
        }
    }

    alibabacloud_types::model! {
        /// `Items`.
        pub struct Items {
            /// `Item`.
            #[wire("Item")]
            pub item: Vec<Item>,
        }
    }

    alibabacloud_types::model! {
        /// A bill.
        pub struct Item {
            /// `PipCode`.
            #[wire("PipCode")]
            pub pip_code: Option<String>,
        }
    }

    alibabacloud_core::operation! {
        /// `QueryAccountBill` as a type.
        pub struct QueryAccountBill;

        impl OperationShape for QueryAccountBill {
            type Input = QueryAccountBillRequest;
            type Output = QueryAccountBillResponse;
            type ErrorCode = String;
            const OPERATION: Operation = Operation {
                product: "BssOpenApi",
                action: "QueryAccountBill",
                version: "2017-12-14",
                method: HttpMethod::Post,
                style: ApiStyle::Rpc,
                operation_type: OperationType::Read,
                secret_response_fields: &[],
                ..Operation::DEFAULT
            };
            const PARAMS: &'static [ParamSpec] = &[
                ParamSpec::query("BillingCycle").required(),
                ParamSpec::query("PageNum"),
                ParamSpec::query("PageSize"),
            ];
            const SUCCESS: SuccessCheck<Self::Output> = SuccessCheck::Field(|out| out.success);
        }

        /// Sets the parameters of `QueryAccountBill` and sends the request.
        pub struct QueryAccountBillFluentBuilder {
            /// `BillingCycle`.
            #[setters(set_billing_cycle, get_billing_cycle)]
            billing_cycle: Option<String>,
            /// `PageNum`.
            #[setters(set_page_num, get_page_num)]
            page_num: Option<i32>,
            /// `PageSize`.
            #[setters(set_page_size, get_page_size)]
            page_size: Option<i32>,
        }
    }

    alibabacloud_core::paginated! {
        #[page(page_num, data.page_num)]
        #[page_size(data.page_size)]
        #[total_count(data.total_count)]
        #[items(data.items.item, Item)]
        impl Paginated<QueryAccountBill> for QueryAccountBillFluentBuilder {}
    }

    alibabacloud_types::model! {
        /// The request of `QueryAccountTransactionDetails`.
        pub struct QueryAccountTransactionDetailsRequest {
            /// `NextToken`.
            #[wire("NextToken", with_next_token)]
            pub next_token: Option<String>,
            /// `MaxResults`.
            #[wire("MaxResults", with_max_results)]
            pub max_results: Option<i32>,
        }
    }

    alibabacloud_types::model! {
        /// The response of `QueryAccountTransactionDetails`.
        pub struct QueryAccountTransactionDetailsResponse {
            /// `Success`.
            #[wire("Success")]
            pub success: Option<bool>,
            /// `Data`.
            #[wire("Data")]
            pub data: TransactionsData,
        }
    }

    alibabacloud_types::model! {
        /// `Data`.
        pub struct TransactionsData {
            /// `NextToken`.
            #[wire("NextToken")]
            pub next_token: Option<String>,
            /// `AccountTransactionsList`.
            #[wire("AccountTransactionsList")]
            pub account_transactions_list: TransactionsList,
        }
    }

    alibabacloud_types::model! {
        /// `AccountTransactionsList`.
        pub struct TransactionsList {
            /// `AccountTransactionsList`.
            #[wire("AccountTransactionsList")]
            pub account_transactions_list: Vec<Transaction>,
        }
    }

    alibabacloud_types::model! {
        /// A transaction.
        pub struct Transaction {
            /// `TransactionNumber`.
            #[wire("TransactionNumber")]
            pub transaction_number: Option<String>,
        }
    }

    alibabacloud_core::operation! {
        /// `QueryAccountTransactionDetails` as a type.
        pub struct QueryAccountTransactionDetails;

        impl OperationShape for QueryAccountTransactionDetails {
            type Input = QueryAccountTransactionDetailsRequest;
            type Output = QueryAccountTransactionDetailsResponse;
            type ErrorCode = String;
            const OPERATION: Operation = Operation {
                product: "BssOpenApi",
                action: "QueryAccountTransactionDetails",
                version: "2017-12-14",
                method: HttpMethod::Post,
                style: ApiStyle::Rpc,
                operation_type: OperationType::Read,
                secret_response_fields: &[],
                ..Operation::DEFAULT
            };
            const PARAMS: &'static [ParamSpec] = &[
                ParamSpec::query("NextToken"),
                ParamSpec::query("MaxResults"),
            ];
            const SUCCESS: SuccessCheck<Self::Output> = SuccessCheck::Field(|out| out.success);
        }

        /// Sets the parameters of `QueryAccountTransactionDetails` and sends the request.
        pub struct QueryAccountTransactionDetailsFluentBuilder {
            /// `NextToken`.
            #[setters(set_next_token, get_next_token)]
            next_token: Option<String>,
            /// `MaxResults`.
            #[setters(set_max_results, get_max_results)]
            max_results: Option<i32>,
        }
    }

    alibabacloud_core::paginated! {
        #[token(next_token, data.next_token)]
        #[items(data.account_transactions_list.account_transactions_list, Transaction)]
        impl Paginated<QueryAccountTransactionDetails>
        for QueryAccountTransactionDetailsFluentBuilder {}
    }
}

use bss::{QueryAccountBillFluentBuilder, QueryAccountTransactionDetailsFluentBuilder};

fn runtime(emulator: &EmulatorHandle) -> Runtime {
    Runtime::new(
        common::config(emulator).build().unwrap(),
        &alibabacloud_bssopenapi20171214::endpoints::ENDPOINTS,
    )
}

fn bills(emulator: &EmulatorHandle) -> QueryAccountBillFluentBuilder {
    QueryAccountBillFluentBuilder::new(runtime(emulator)).billing_cycle("2024-05")
}

fn transactions(emulator: &EmulatorHandle) -> QueryAccountTransactionDetailsFluentBuilder {
    QueryAccountTransactionDetailsFluentBuilder::new(runtime(emulator))
}

/// The page of `QueryAccountBill` the official service would give: `PageNum` of a list.
fn bill_page(page: i64, size: i64, total: i64, codes: &[&str]) -> Reply {
    let items: Vec<Value> = codes.iter().map(|c| json!({"PipCode": c})).collect();
    Reply::success(json!({
        "Code": "Success",
        "Message": "Successful!",
        "Success": true,
        "Data": {
            "PageNum": page,
            "PageSize": size,
            "TotalCount": total,
            "Items": {"Item": items},
        },
    }))
}

/// Scripts the pages of `list` (page size `size`): page `n` holds items `(n-1)*size..`.
fn script_bill_list(emulator: &EmulatorHandle, list: &[&str], size: usize) {
    let total = list.len() as i64;
    for (index, chunk) in list.chunks(size).enumerate() {
        emulator.script_for(
            "QueryAccountBill",
            bill_page(index as i64 + 1, size as i64, total, chunk),
        );
    }
}

fn transaction_page(next: Option<&str>, numbers: &[&str]) -> Reply {
    let items: Vec<Value> = numbers
        .iter()
        .map(|n| json!({"TransactionNumber": n}))
        .collect();
    let mut data = json!({"AccountTransactionsList": {"AccountTransactionsList": items}});
    if let Some(next) = next {
        data["NextToken"] = json!(next);
    }
    Reply::success(json!({"Code": "200", "Success": true, "Data": data}))
}

fn params(emulator: &EmulatorHandle, action: &str, name: &str) -> Vec<Option<String>> {
    emulator
        .requests_for(action)
        .iter()
        .map(|r| r.param(name).map(str::to_owned))
        .collect()
}

#[tokio::test]
async fn page_numbers_stop_when_the_total_is_reached() {
    let emulator = common::emulator().await;
    let list = ["a", "b", "c", "d", "e"];
    script_bill_list(&emulator, &list, 2);
    // A page the paginator must not ask for.
    emulator.script_for("QueryAccountBill", bill_page(4, 2, 5, &["x"]));
    let pages = bills(&emulator)
        .page_size(2)
        .into_paginator()
        .send()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pages.len(), 3);
    assert_eq!(pages[2].data.page_num, Some(3));
    // The first request as built (the service's first page), then pages 2 and 3.
    assert_eq!(
        params(&emulator, "QueryAccountBill", "PageNum"),
        [None, Some("2".into()), Some("3".into())]
    );
    for page_size in params(&emulator, "QueryAccountBill", "PageSize") {
        assert_eq!(page_size.as_deref(), Some("2"));
    }
    for cycle in params(&emulator, "QueryAccountBill", "BillingCycle") {
        assert_eq!(cycle.as_deref(), Some("2024-05"));
    }
}

#[tokio::test]
async fn items_come_in_order_across_pages() {
    let emulator = common::emulator().await;
    let list = ["a", "b", "c", "d", "e", "f", "g"];
    script_bill_list(&emulator, &list, 3);
    let items = bills(&emulator)
        .page_size(3)
        .into_paginator()
        .items()
        .send()
        .try_collect()
        .await
        .unwrap();
    let codes: Vec<_> = items
        .iter()
        .map(|i| i.pip_code.as_deref().unwrap())
        .collect();
    assert_eq!(codes, list);
    assert_eq!(emulator.requests_for("QueryAccountBill").len(), 3);
}

#[tokio::test]
async fn page_numbers_stop_on_an_empty_page() {
    let emulator = common::emulator().await;
    // No total: an empty page ends it.
    for (page, codes) in [(1, &["a", "b"][..]), (2, &["c", "d"][..]), (3, &[][..])] {
        emulator.script_for("QueryAccountBill", page_without_total(page, codes));
    }
    let mut pages = bills(&emulator).into_paginator().send();
    let mut seen = 0;
    while let Some(page) = pages.next().await {
        page.unwrap();
        seen += 1;
    }
    assert_eq!(seen, 3);
    assert_eq!(pages.size_hint(), (0, Some(0)));
    assert_eq!(emulator.requests_for("QueryAccountBill").len(), 3);
}

fn page_without_total(page: i64, codes: &[&str]) -> Reply {
    let items: Vec<Value> = codes.iter().map(|c| json!({"PipCode": c})).collect();
    Reply::success(json!({
        "Success": true,
        "Data": {"PageNum": page, "Items": {"Item": items}},
    }))
}

#[tokio::test]
async fn page_numbers_stop_on_a_short_page() {
    let emulator = common::emulator().await;
    // No total, a page size stated: a page shorter than it is the last.
    emulator.script_for(
        "QueryAccountBill",
        Reply::success(json!({
            "Success": true,
            "Data": {"PageNum": 1, "PageSize": 2, "Items": {"Item": [{"PipCode": "a"}, {"PipCode": "b"}]}},
        })),
    );
    emulator.script_for(
        "QueryAccountBill",
        Reply::success(json!({
            "Success": true,
            "Data": {"PageNum": 2, "PageSize": 2, "Items": {"Item": [{"PipCode": "c"}]}},
        })),
    );
    let items = bills(&emulator)
        .into_paginator()
        .items()
        .send()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(emulator.requests_for("QueryAccountBill").len(), 2);
}

#[tokio::test]
async fn a_page_number_that_does_not_advance_ends_the_stream() {
    let emulator = common::emulator().await;
    // A service that ignores PageNum: always page 1, no total, no page size.
    for _ in 0..5 {
        emulator.script_for("QueryAccountBill", page_without_total(1, &["a"]));
    }
    let pages = bills(&emulator)
        .into_paginator()
        .send()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pages.len(), 2);
}

#[tokio::test]
async fn paging_starts_from_the_page_the_caller_asked_for() {
    let emulator = common::emulator().await;
    emulator.script_for("QueryAccountBill", bill_page(3, 2, 6, &["e", "f"]));
    let pages = bills(&emulator)
        .page_num(3)
        .page_size(2)
        .into_paginator()
        .send()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pages.len(), 1);
    assert_eq!(
        params(&emulator, "QueryAccountBill", "PageNum"),
        [Some("3".into())]
    );
}

#[tokio::test]
async fn tokens_are_followed_until_there_is_none() {
    let emulator = common::emulator().await;
    emulator.script_for(
        "QueryAccountTransactionDetails",
        transaction_page(Some("t1"), &["1", "2"]),
    );
    emulator.script_for(
        "QueryAccountTransactionDetails",
        transaction_page(Some("t2"), &[]),
    );
    emulator.script_for(
        "QueryAccountTransactionDetails",
        transaction_page(Some(""), &["3"]),
    );
    let items = transactions(&emulator)
        .max_results(2)
        .into_paginator()
        .items()
        .send()
        .try_collect()
        .await
        .unwrap();
    let numbers: Vec<_> = items
        .iter()
        .map(|t| t.transaction_number.as_deref().unwrap())
        .collect();
    // An empty page with a token does not end it; an empty token does.
    assert_eq!(numbers, ["1", "2", "3"]);
    assert_eq!(
        params(&emulator, "QueryAccountTransactionDetails", "NextToken"),
        [None, Some("t1".into()), Some("t2".into())]
    );
    for max in params(&emulator, "QueryAccountTransactionDetails", "MaxResults") {
        assert_eq!(max.as_deref(), Some("2"));
    }
}

#[tokio::test]
async fn a_repeated_token_ends_the_stream_without_error() {
    let emulator = common::emulator().await;
    // t1, t2, then t1 again: it would cycle forever.
    for token in ["t1", "t2", "t1", "t2", "t1"] {
        emulator.script_for(
            "QueryAccountTransactionDetails",
            transaction_page(Some(token), &["x"]),
        );
    }
    let pages = transactions(&emulator)
        .into_paginator()
        .send()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pages.len(), 3);
    assert_eq!(
        emulator
            .requests_for("QueryAccountTransactionDetails")
            .len(),
        3
    );
}

#[tokio::test]
async fn the_caller_s_own_token_counts_as_seen() {
    let emulator = common::emulator().await;
    emulator.script_for(
        "QueryAccountTransactionDetails",
        transaction_page(Some("t0"), &["x"]),
    );
    let pages = transactions(&emulator)
        .next_token("t0")
        .into_paginator()
        .send()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pages.len(), 1);
}

#[tokio::test]
async fn a_repeated_token_is_followed_when_asked() {
    let emulator = common::emulator().await;
    for token in [Some("t1"), Some("t1"), None] {
        emulator.script_for(
            "QueryAccountTransactionDetails",
            transaction_page(token, &["x"]),
        );
    }
    let pages = transactions(&emulator)
        .into_paginator()
        .stop_on_duplicate_token(false)
        .send()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pages.len(), 3);
}

#[tokio::test]
async fn an_error_is_yielded_once_and_ends_the_stream() {
    let emulator = common::emulator().await;
    emulator.script_for(
        "QueryAccountTransactionDetails",
        transaction_page(Some("t1"), &["x"]),
    );
    emulator.script_for(
        "QueryAccountTransactionDetails",
        Reply::error("InvalidParameter"),
    );
    let mut pages = transactions(&emulator).into_paginator().send();
    assert!(pages.next().await.unwrap().is_ok());
    let error = pages.next().await.unwrap().unwrap_err();
    assert_eq!(error.code().map(String::as_str), Some("InvalidParameter"));
    assert!(pages.next().await.is_none());
    assert_eq!(
        emulator
            .requests_for("QueryAccountTransactionDetails")
            .len(),
        2
    );
}

#[tokio::test]
async fn call_options_are_kept_on_every_page() {
    let emulator = common::emulator().await;
    // Page 2 is throttled twice: the call options allow 3 attempts, the client's config 1.
    emulator.script_for(
        "QueryAccountTransactionDetails",
        transaction_page(Some("t1"), &["1"]),
    );
    emulator.script_for("QueryAccountTransactionDetails", Reply::throttling());
    emulator.script_for("QueryAccountTransactionDetails", Reply::throttling());
    emulator.script_for(
        "QueryAccountTransactionDetails",
        transaction_page(None, &["2"]),
    );
    let runtime = Runtime::new(
        common::config(&emulator)
            .retry(alibabacloud_core::RetryConfig::disabled())
            .build()
            .unwrap(),
        &alibabacloud_bssopenapi20171214::endpoints::ENDPOINTS,
    );
    let items = QueryAccountTransactionDetailsFluentBuilder::new(runtime)
        .call_options(CallOptions::new().retry(common::fast_retry()))
        .into_paginator()
        .items()
        .send()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(
        emulator
            .requests_for("QueryAccountTransactionDetails")
            .len(),
        4
    );
}

#[tokio::test]
async fn nothing_is_sent_before_the_stream_is_polled() {
    let emulator = common::emulator().await;
    let pages = transactions(&emulator).into_paginator().send();
    drop(pages);
    assert!(emulator.requests().is_empty());
}

/// The bills of `n` items, served by the emulator page by page as asked.
fn serve_bills(emulator: &EmulatorHandle, n: usize) {
    emulator.page_for(
        "QueryAccountBill",
        PagedList::page_number((0..n).map(|i| json!({"PipCode": format!("p{i}")})))
            .page_param("PageNum")
            .items_at(["Data", "Items", "Item"])
            .total_at(["Data", "TotalCount"])
            .page_at(["Data", "PageNum"])
            .size_at(["Data", "PageSize"]),
    );
}

fn serve_transactions(emulator: &EmulatorHandle, list: PagedList) {
    emulator.page_for(
        "QueryAccountTransactionDetails",
        list.size_param("MaxResults")
            .items_at(["Data", "AccountTransactionsList", "AccountTransactionsList"])
            .next_token_at(["Data", "NextToken"]),
    );
}

fn transaction_list(n: usize) -> PagedList {
    PagedList::token((0..n).map(|i| json!({"TransactionNumber": i.to_string()})))
}

#[tokio::test]
async fn every_item_of_a_served_list_comes_once_whatever_the_page_size() {
    let emulator = common::emulator().await;
    for (n, size) in [(0, 3), (1, 3), (3, 3), (7, 3), (25, 10), (10, 1)] {
        serve_bills(&emulator, n);
        let before = emulator.requests_for("QueryAccountBill").len();
        let items = bills(&emulator)
            .page_size(size)
            .into_paginator()
            .items()
            .send()
            .try_collect()
            .await
            .unwrap();
        let codes: Vec<String> = items.into_iter().map(|i| i.pip_code.unwrap()).collect();
        let expected: Vec<String> = (0..n).map(|i| format!("p{i}")).collect();
        assert_eq!(codes, expected, "{n} items by {size}");
        // One request per page; an empty list takes one request.
        let pages = n.div_ceil(size as usize).max(1);
        let requests = emulator.requests_for("QueryAccountBill").len() - before;
        assert_eq!(requests, pages, "{n} items by {size}");
    }
}

#[tokio::test]
async fn every_item_of_a_served_token_list_comes_once() {
    let emulator = common::emulator().await;
    for (n, size) in [(0, 4), (4, 4), (9, 4), (5, 1)] {
        serve_transactions(&emulator, transaction_list(n));
        let before = emulator
            .requests_for("QueryAccountTransactionDetails")
            .len();
        let items = transactions(&emulator)
            .max_results(size)
            .into_paginator()
            .items()
            .send()
            .try_collect()
            .await
            .unwrap();
        let numbers: Vec<String> = items
            .into_iter()
            .map(|t| t.transaction_number.unwrap())
            .collect();
        let expected: Vec<String> = (0..n).map(|i| i.to_string()).collect();
        assert_eq!(numbers, expected, "{n} items by {size}");
        let pages = n.div_ceil(size as usize).max(1);
        let requests = emulator
            .requests_for("QueryAccountTransactionDetails")
            .len()
            - before;
        assert_eq!(requests, pages, "{n} items by {size}");
    }
}

#[tokio::test]
async fn a_service_that_always_sends_the_same_token_is_not_called_forever() {
    let emulator = common::emulator().await;
    serve_transactions(&emulator, transaction_list(100).repeat_token());
    let pages = transactions(&emulator)
        .max_results(10)
        .into_paginator()
        .send()
        .try_collect()
        .await
        .unwrap();
    // Page 1 hands out `page-2`, page 2 hands it out again: the end.
    assert_eq!(pages.len(), 2);
    assert_eq!(
        params(&emulator, "QueryAccountTransactionDetails", "NextToken"),
        [None, Some("page-2".into())]
    );
}

#[tokio::test]
async fn the_emulator_refuses_a_token_it_did_not_hand_out() {
    let emulator = common::emulator().await;
    serve_transactions(&emulator, transaction_list(3));
    let error = transactions(&emulator)
        .next_token("forged")
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.code().map(String::as_str), Some("InvalidParameter"));
}

#[tokio::test]
async fn a_throttled_page_of_a_served_list_is_retried_with_the_call_options() {
    let emulator = common::emulator().await;
    serve_bills(&emulator, 5);
    // The first request is throttled (a scripted reply comes before the list); the client's
    // configuration does not retry, the call options do.
    emulator.script_for("QueryAccountBill", Reply::throttling());
    let runtime = Runtime::new(
        common::config(&emulator)
            .retry(alibabacloud_core::RetryConfig::disabled())
            .build()
            .unwrap(),
        &alibabacloud_bssopenapi20171214::endpoints::ENDPOINTS,
    );
    let items = QueryAccountBillFluentBuilder::new(runtime)
        .billing_cycle("2024-05")
        .page_size(2)
        .call_options(CallOptions::new().retry(common::fast_retry()))
        .into_paginator()
        .items()
        .send()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items.len(), 5);
    assert_eq!(
        params(&emulator, "QueryAccountBill", "PageNum"),
        [None, None, Some("2".into()), Some("3".into())]
    );
}
