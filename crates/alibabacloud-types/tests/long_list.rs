//! A long list read with the estimate of its length that `long_list_estimate` makes from the
//! text: straight into a vector of its length when the estimate is right (a page of items
//! that look alike, ending the document), and every item, in order, whatever the estimate.

#![allow(clippy::unwrap_used, missing_docs)]

use alibabacloud_types::model::{LongList, long_list_estimate, with_long_list_estimate};
use proptest::prelude::*;

alibabacloud_types::model! {
    /// An item of a page.
    pub struct Item {
        /// Its name.
        #[wire("Name", with_name)]
        pub name: Option<String>,
        /// Its tags.
        #[wire("Tags", with_tags)]
        pub tags: Vec<String>,
    }
}

alibabacloud_types::model! {
    /// A page of items.
    pub struct Page {
        /// The request id.
        #[wire("RequestId", with_request_id)]
        pub request_id: Option<String>,
        /// The items.
        #[wire("Items", with_items)]
        pub items: Vec<Item>,
        /// What comes after the items.
        #[wire("Next", with_next)]
        pub next: Option<String>,
    }
}

/// A page of `names`, each item with `tags` tags, and `after` as its `Next`.
fn page(names: &[String], tags: usize, after: &str) -> String {
    let tags: Vec<String> = (0..tags).map(|t| format!("\"t{t}\"")).collect();
    let items: Vec<String> = names
        .iter()
        .map(|n| format!(r#"{{"Name":"{n}","Tags":[{}]}}"#, tags.join(",")))
        .collect();
    format!(
        r#"{{"RequestId":"r-1","Items":[{}],"Next":"{after}"}}"#,
        items.join(",")
    )
}

fn estimate(text: &str) -> Option<LongList> {
    long_list_estimate(&mut serde_json::Deserializer::from_str(text), text)
}

fn decode(text: &str) -> (Page, Option<LongList>) {
    let estimate = estimate(text);
    let page = with_long_list_estimate(estimate, || serde_json::from_str::<Page>(text)).unwrap();
    (page, estimate)
}

fn names(n: usize, width: impl Fn(usize) -> usize) -> Vec<String> {
    (0..n).map(|i| format!("{i:0w$}", w = width(i))).collect()
}

#[test]
fn a_page_of_like_items_that_ends_the_document_is_estimated_exactly() {
    for n in [64, 65, 300, 5_000] {
        let names = names(n, |_| 8);
        let text = page(&names, 0, "");
        let (page, estimate) = decode(&text);
        assert_eq!(estimate.map(|e| e.items()), Some(n), "{n} items");
        assert_eq!(page.items.len(), n);
        assert_eq!(page.items.capacity(), n, "read into a vector of its length");
        assert!(
            page.items
                .iter()
                .zip(&names)
                .all(|(item, name)| item.name.as_ref() == Some(name))
        );
    }
}

#[test]
fn no_estimate_without_a_long_list_near_the_beginning() {
    // Short lists only.
    assert_eq!(estimate(&page(&names(63, |_| 4), 3, "")), None);
    // The long list starts after 256 KiB of text.
    let text = format!(
        r#"{{"RequestId":"{}","Items":[{}]}}"#,
        "x".repeat(300 * 1024),
        vec![r#"{"Name":"a"}"#; 100].join(",")
    );
    assert_eq!(estimate(&text), None);
    // Items with no string to place them by.
    let numbers: Vec<String> = (0..100).map(|i| i.to_string()).collect();
    assert_eq!(estimate(&format!("[{}]", numbers.join(","))), None);
    // Not well formed.
    assert_eq!(estimate(r#"{"Items":[{"Name":"a"},"#), None);
    assert_eq!(estimate(""), None);
}

#[test]
fn the_first_list_to_reach_64_items_takes_the_estimate_and_every_list_reads_whole() {
    // The tags of the first item reach 64 first: the estimate (made for the rest of the text)
    // is too large for them; they give the room back, and the items read whole.
    let names = names(200, |_| 6);
    let text = page(&names, 80, "");
    let (page, estimate) = decode(&text);
    assert!(estimate.unwrap().items() > 80);
    assert_eq!(page.items.len(), 200);
    for item in &page.items {
        assert_eq!(item.tags.len(), 80);
        assert!(item.tags.capacity() <= 80 + 80 / 8);
    }
}

#[test]
fn a_wrong_estimate_costs_room_never_items() {
    // Short items first, then long ones: too many estimated, the spare room given back.
    let names = names(2_000, |i| if i < 64 { 1 } else { 40 });
    let (page, estimate) = decode(&page_of(&names, ""));
    assert!(estimate.unwrap().items() > 2_000);
    assert_eq!(page.items.len(), 2_000);
    assert!(page.items.capacity() <= 2_000 + 2_000 / 8);
    // Long items first: too few estimated, the rest read in blocks, the whole moved into a
    // vector of its length.
    let names = self::names(2_000, |i| if i < 64 { 40 } else { 1 });
    let (page, estimate) = decode(&page_of(&names, ""));
    assert!(estimate.unwrap().items() < 2_000);
    assert_eq!(page.items.len(), 2_000);
    assert_eq!(page.items.capacity(), 2_000);
    // A long text after the list: too many estimated.
    let (page, _) = decode(&page_of(&self::names(500, |_| 5), &"z".repeat(100_000)));
    assert_eq!(page.items.len(), 500);
    assert!(page.items.capacity() <= 500 + 500 / 8);
    for (item, name) in page.items.iter().zip(self::names(500, |_| 5)) {
        assert_eq!(item.name.as_ref(), Some(&name));
    }
}

/// A page of `names` without tags, and `after` as its `Next`.
fn page_of(names: &[String], after: &str) -> String {
    page(names, 0, after)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_item_in_order_whatever_the_estimate(
        widths in proptest::collection::vec(0usize..60, 0..1_500),
        tags in 0usize..100,
        after in 0usize..20_000,
    ) {
        let names: Vec<String> =
            widths.iter().enumerate().map(|(i, w)| format!("{i}{}", "n".repeat(*w))).collect();
        let text = page(&names, tags, &"a".repeat(after));
        let (page, _) = decode(&text);
        prop_assert_eq!(page.items.len(), names.len());
        for (item, name) in page.items.iter().zip(&names) {
            prop_assert_eq!(item.name.as_ref(), Some(name));
            prop_assert_eq!(item.tags.len(), tags);
        }
        prop_assert_eq!(page.next.map(|n| n.len()).unwrap_or(0), after);
    }
}
