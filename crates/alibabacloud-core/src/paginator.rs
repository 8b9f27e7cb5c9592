//! Paginators: the pages of a listing operation as a [`Stream`], and its items.
//!
//! An operation whose spec shows a paging pattern implements [`Paginated`] (the generated
//! crates write it with [`paginated!`](crate::paginated!)), and its fluent builder gets
//! `into_paginator()`:
//!
//! `client.query_account_bill().billing_cycle("2024-05").into_paginator().send()` is a
//! [`PageStream`] of responses, `.into_paginator().items().send()` an [`ItemStream`] of the
//! items of every page; both are [`Stream`]s, and also have `next()` and `try_collect()` for
//! code without a stream library. Generic code works on any paged operation:
//!
//! ```no_run
//! use alibabacloud_core::paginator::{PaginatedItems, Paginator};
//! use alibabacloud_core::{Error, RequestBuilder};
//!
//! async fn count_items<O: PaginatedItems>(
//!     request: RequestBuilder<O>,
//! ) -> Result<usize, Error<O::ErrorCode>> {
//!     let mut items = Paginator::new(request).items().send();
//!     let mut count = 0;
//!     while let Some(item) = items.next().await {
//!         let _item: O::Item = item?;
//!         count += 1;
//!     }
//!     Ok(count)
//! }
//! ```
//!
//! Two patterns are paged:
//!
//! - **token**: the request carries `NextToken` (or `Marker`), the response the token of the
//!   next page. The stream stops when a response has no token (or an empty one), and, as
//!   aws-sdk-rust's paginators do, when the service sends back a token it already sent in
//!   this stream (a service that repeats a token would otherwise be called forever): the
//!   page with the repeated token is the last one yielded, and no error is raised.
//!   [`Paginator::stop_on_duplicate_token`]`(false)` keeps going instead, for a service
//!   that legitimately repeats tokens (then stopping is the caller's business).
//! - **page number**: the request carries `PageNumber` (`PageNum`, `CurrentPage`, ...),
//!   the response a list of items and, usually, `TotalCount`. The first request is sent as
//!   the caller built it (the service's first page, or the page the caller asked for); each
//!   next one asks for the page after the one the response says it is (else the one asked
//!   for, else 1). The stream stops after an empty page, when the items seen reach the total
//!   count, after a page shorter than the page size the response states, and when the
//!   response's page number does not advance (a service that ignores the page number).
//!
//! Every request of a stream keeps the builder's parameters and its
//! [`call_options`](crate::RequestBuilder::call_options) (timeouts, retries): only the token
//! or page number changes. An error is yielded once and ends the stream (each request is
//! already retried as the call options say).

use std::collections::HashSet;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

pub use futures_core::Stream;

use crate::builder::RequestBuilder;
use crate::error::Error;
use crate::operation::OperationShape;

/// How an operation pages: the accessors of its request's and its response's paging fields.
///
/// Written by the generated code through [`paginated!`](crate::paginated!).
pub enum Paging<I, O> {
    /// The request carries a token that the response gives for the next page.
    Token(TokenPaging<I, O>),
    /// The request carries a page number.
    PageNumber(PageNumberPaging<I, O>),
}

/// The fields of a token-paged operation.
pub struct TokenPaging<I, O> {
    /// The request's token (`NextToken`, `Marker`).
    pub token: fn(&mut I) -> &mut Option<String>,
    /// The token of the next page in a response; `None` (or empty) on the last page.
    pub next_token: fn(&O) -> Option<&str>,
}

/// The fields of a page-number-paged operation.
pub struct PageNumberPaging<I, O> {
    /// The request's page number.
    pub page: fn(&I) -> Option<i64>,
    /// Sets the request's page number; `false` when the field cannot hold it.
    pub set_page: fn(&mut I, i64) -> bool,
    /// The page number the response says it is, if it says.
    pub response_page: fn(&O) -> Option<i64>,
    /// The page size the response states, if it does.
    pub page_size: fn(&O) -> Option<i64>,
    /// The total number of items, if the response says.
    pub total_count: fn(&O) -> Option<i64>,
    /// How many items the page holds.
    pub item_count: fn(&O) -> usize,
}

impl<I, O> fmt::Debug for Paging<I, O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Paging::Token(_) => "Paging::Token",
            Paging::PageNumber(_) => "Paging::PageNumber",
        })
    }
}

/// An operation that pages: see the [module](self).
pub trait Paginated: OperationShape {
    /// Its paging fields.
    const PAGING: Paging<Self::Input, Self::Output>;
}

/// A paged operation whose response holds one clear list of items.
pub trait PaginatedItems: Paginated {
    /// One item of a page.
    type Item: Send + 'static;

    /// Takes the items out of a page.
    fn take_items(page: &mut Self::Output) -> Vec<Self::Item>;
}

/// A paging field's value, whatever integer type (or lenient numeric string) the spec gives
/// it. Used by [`paginated!`](crate::paginated!).
#[doc(hidden)]
pub trait PageValue {
    /// The value, if set and numeric.
    fn page_value(&self) -> Option<i64>;
    /// Sets the value; `false` when the type cannot hold it.
    fn set_page_value(&mut self, value: i64) -> bool;
}

impl PageValue for Option<i32> {
    fn page_value(&self) -> Option<i64> {
        self.map(i64::from)
    }
    fn set_page_value(&mut self, value: i64) -> bool {
        i32::try_from(value).map(|v| *self = Some(v)).is_ok()
    }
}

impl PageValue for Option<i64> {
    fn page_value(&self) -> Option<i64> {
        *self
    }
    fn set_page_value(&mut self, value: i64) -> bool {
        *self = Some(value);
        true
    }
}

impl PageValue for Option<String> {
    fn page_value(&self) -> Option<i64> {
        self.as_deref().and_then(|s| s.trim().parse().ok())
    }
    fn set_page_value(&mut self, value: i64) -> bool {
        *self = Some(value.to_string());
        true
    }
}

/// Pages through an operation: [`send`](Paginator::send) gives the stream of pages,
/// [`items`](Paginator::items) a paginator of items. Get one from a fluent builder's
/// `into_paginator()`.
pub struct Paginator<O: Paginated> {
    request: RequestBuilder<O>,
    stop_on_duplicate_token: bool,
}

impl<O: Paginated> Clone for Paginator<O> {
    fn clone(&self) -> Self {
        Self {
            request: self.request.clone(),
            stop_on_duplicate_token: self.stop_on_duplicate_token,
        }
    }
}

impl<O: Paginated> fmt::Debug for Paginator<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Paginator")
            .field("request", &self.request)
            .field("stop_on_duplicate_token", &self.stop_on_duplicate_token)
            .finish()
    }
}

impl<O: Paginated> Paginator<O> {
    /// Pages through `request`, starting with it as it is.
    pub fn new(request: RequestBuilder<O>) -> Self {
        Self {
            request,
            stop_on_duplicate_token: true,
        }
    }

    /// Whether the stream ends when the service sends a token it already sent (the default,
    /// as in aws-sdk-rust). With `false` it keeps asking: only for a service that repeats
    /// tokens on purpose. Page-number operations ignore it.
    pub fn stop_on_duplicate_token(mut self, stop: bool) -> Self {
        self.stop_on_duplicate_token = stop;
        self
    }

    /// The stream of pages (responses). Nothing is sent before it is polled.
    pub fn send(self) -> PageStream<O> {
        let mut seen_tokens = HashSet::new();
        let mut request = self.request;
        if let Paging::Token(paging) = &O::PAGING
            && let Some(first) = (paging.token)(request.input_mut()).clone()
        {
            seen_tokens.insert(first);
        }
        PageStream {
            next: Some(request),
            in_flight: None,
            seen_tokens,
            items_seen: 0,
            last_page: None,
            stop_on_duplicate_token: self.stop_on_duplicate_token,
        }
    }

    /// A paginator of the items of the pages, in order.
    pub fn items(self) -> ItemPaginator<O>
    where
        O: PaginatedItems,
    {
        ItemPaginator(self)
    }
}

/// Pages through an operation's items: [`send`](ItemPaginator::send) gives the stream.
pub struct ItemPaginator<O: PaginatedItems>(Paginator<O>);

impl<O: PaginatedItems> fmt::Debug for ItemPaginator<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ItemPaginator").field(&self.0).finish()
    }
}

impl<O: PaginatedItems> ItemPaginator<O> {
    /// The stream of items. Nothing is sent before it is polled.
    pub fn send(self) -> ItemStream<O> {
        ItemStream {
            pages: self.0.send(),
            items: Vec::new().into_iter(),
        }
    }
}

type Page<O> = Result<<O as OperationShape>::Output, Error<<O as OperationShape>::ErrorCode>>;
type PageFuture<O> = Pin<Box<dyn Future<Output = Page<O>> + Send>>;

/// The pages of a [`Paginator`]: a [`Stream`] of `Result<Output, Error<Code>>`, also
/// readable without a stream library through [`next`](PageStream::next) and
/// [`try_collect`](PageStream::try_collect).
#[must_use = "a stream does nothing unless polled"]
pub struct PageStream<O: Paginated> {
    /// The request of the next page; `None` once the last page is known.
    next: Option<RequestBuilder<O>>,
    /// The request being sent, and its response to come.
    in_flight: Option<(RequestBuilder<O>, PageFuture<O>)>,
    seen_tokens: HashSet<String>,
    items_seen: u64,
    last_page: Option<i64>,
    stop_on_duplicate_token: bool,
}

// Nothing in it is pinned structurally: the future in flight is boxed.
impl<O: Paginated> Unpin for PageStream<O> {}

impl<O: Paginated> fmt::Debug for PageStream<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PageStream")
            .field("operation", &O::OPERATION.action)
            .field("in_flight", &self.in_flight.is_some())
            .field("done", &(self.next.is_none() && self.in_flight.is_none()))
            .finish_non_exhaustive()
    }
}

impl<O: Paginated> PageStream<O> {
    /// The next page, or `None` after the last one (or after an error).
    pub async fn next(&mut self) -> Option<Page<O>> {
        std::future::poll_fn(|cx| Pin::new(&mut *self).poll_next(cx)).await
    }

    /// Every page, or the first error.
    ///
    /// # Errors
    /// The error of the first request that failed.
    pub async fn try_collect(mut self) -> Result<Vec<O::Output>, Error<O::ErrorCode>> {
        let mut pages = Vec::new();
        while let Some(page) = self.next().await {
            pages.push(page?);
        }
        Ok(pages)
    }

    /// Decides the request of the next page from the page `output` answered to `sent`.
    fn advance(&mut self, mut sent: RequestBuilder<O>, output: &O::Output) {
        match &O::PAGING {
            Paging::Token(paging) => {
                let Some(token) = (paging.next_token)(output).filter(|t| !t.is_empty()) else {
                    return;
                };
                if !self.seen_tokens.insert(token.to_owned()) && self.stop_on_duplicate_token {
                    tracing::debug!(
                        action = O::OPERATION.action,
                        "the service repeated a pagination token: last page"
                    );
                    return;
                }
                *(paging.token)(sent.input_mut()) = Some(token.to_owned());
                self.next = Some(sent);
            }
            Paging::PageNumber(paging) => {
                let count = (paging.item_count)(output);
                if count == 0 {
                    return;
                }
                let count = u64::try_from(count).unwrap_or(u64::MAX);
                self.items_seen = self.items_seen.saturating_add(count);
                let size = (paging.page_size)(output).and_then(|s| u64::try_from(s).ok());
                let stated_page = (paging.response_page)(output);
                if let Some(total) = (paging.total_count)(output) {
                    // The items up to the end of this page: from its number and size when
                    // the response states both (the caller may have started past page 1),
                    // else the items this stream has seen.
                    let seen_before = self.items_seen.saturating_sub(count);
                    let before = match (stated_page.and_then(|p| u64::try_from(p).ok()), size) {
                        (Some(page), Some(size)) if page >= 1 => {
                            (page - 1).saturating_mul(size).max(seen_before)
                        }
                        _ => seen_before,
                    };
                    if before.saturating_add(count) >= u64::try_from(total).unwrap_or(0) {
                        return;
                    }
                }
                if size.is_some_and(|size| size > 0 && count < size) {
                    return;
                }
                let current = stated_page
                    .or_else(|| (paging.page)(sent.input()))
                    .unwrap_or(1);
                if self.last_page.is_some_and(|last| current <= last) {
                    tracing::debug!(
                        action = O::OPERATION.action,
                        page = current,
                        "the page number did not advance: last page"
                    );
                    return;
                }
                self.last_page = Some(current);
                let Some(next) = current.checked_add(1) else {
                    return;
                };
                if (paging.set_page)(sent.input_mut(), next) {
                    self.next = Some(sent);
                }
            }
        }
    }
}

impl<O: Paginated> Stream for PageStream<O> {
    type Item = Page<O>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if let Some((_, future)) = this.in_flight.as_mut() {
                let Poll::Ready(result) = future.as_mut().poll(cx) else {
                    return Poll::Pending;
                };
                if let Some((sent, _)) = this.in_flight.take()
                    && let Ok(output) = &result
                {
                    this.advance(sent, output);
                }
                return Poll::Ready(Some(result));
            }
            let Some(request) = this.next.take() else {
                return Poll::Ready(None);
            };
            let future: PageFuture<O> = Box::pin(request.clone().send());
            this.in_flight = Some((request, future));
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.next.is_none() && self.in_flight.is_none() {
            (0, Some(0))
        } else {
            (0, None)
        }
    }
}

/// The items of an [`ItemPaginator`]: a [`Stream`] of `Result<Item, Error<Code>>`, also
/// readable through [`next`](ItemStream::next) and [`try_collect`](ItemStream::try_collect).
#[must_use = "a stream does nothing unless polled"]
pub struct ItemStream<O: PaginatedItems> {
    pages: PageStream<O>,
    items: std::vec::IntoIter<O::Item>,
}

impl<O: PaginatedItems> Unpin for ItemStream<O> {}

impl<O: PaginatedItems> fmt::Debug for ItemStream<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ItemStream")
            .field("pages", &self.pages)
            .field("buffered", &self.items.len())
            .finish()
    }
}

impl<O: PaginatedItems> ItemStream<O> {
    /// The next item, or `None` after the last one (or after an error).
    pub async fn next(&mut self) -> Option<Result<O::Item, Error<O::ErrorCode>>> {
        std::future::poll_fn(|cx| Pin::new(&mut *self).poll_next(cx)).await
    }

    /// Every item, or the first error.
    ///
    /// # Errors
    /// The error of the first request that failed.
    pub async fn try_collect(mut self) -> Result<Vec<O::Item>, Error<O::ErrorCode>> {
        let mut items = Vec::new();
        while let Some(item) = self.next().await {
            items.push(item?);
        }
        Ok(items)
    }
}

impl<O: PaginatedItems> Stream for ItemStream<O> {
    type Item = Result<O::Item, Error<O::ErrorCode>>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if let Some(item) = this.items.next() {
                return Poll::Ready(Some(Ok(item)));
            }
            match Pin::new(&mut this.pages).poll_next(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(None) => return Poll::Ready(None),
                Poll::Ready(Some(Err(error))) => return Poll::Ready(Some(Err(error))),
                Poll::Ready(Some(Ok(mut page))) => {
                    this.items = O::take_items(&mut page).into_iter();
                }
            }
        }
    }
}

/// Makes a generated operation paged: implements [`Paginated`] (and [`PaginatedItems`] when
/// the item list is given) and adds `into_paginator()` to its fluent builder.
///
/// Its input is one `impl` item (so that the generated code reads, and is formatted, as
/// Rust) whose attributes name the paging fields: the request's field, then dotted paths
/// into the response. For a token:
///
/// ```ignore
/// alibabacloud_core::paginated! {
///     #[token(next_token, data.next_token)]
///     #[items(data.things, Thing)]
///     impl Paginated<DescribeThings> for DescribeThingsFluentBuilder {}
/// }
/// ```
///
/// For a page number (the second path is the page number the response states, if it does;
/// `page_size` and `total_count` may be left out; `items` is required):
///
/// ```ignore
/// alibabacloud_core::paginated! {
///     #[page(page_number, data.page_number)]
///     #[page_size(data.page_size)]
///     #[total_count(data.total_count)]
///     #[items(data.things.thing, Thing)]
///     impl Paginated<ListThings> for ListThingsFluentBuilder {}
/// }
/// ```
///
/// The end-to-end tests (`alibabacloud-e2e`, `tests/paginators.rs`) page such operations
/// through the emulator.
#[macro_export]
macro_rules! paginated {
    (
        #[token($token:ident, $($next:ident).+)]
        $(#[items($($items:ident).+, $item:ty)])?
        impl Paginated<$op:ident> for $builder:ident {}
    ) => {
        impl $crate::paginator::Paginated for $op {
            const PAGING: $crate::paginator::Paging<Self::Input, Self::Output> =
                $crate::paginator::Paging::Token($crate::paginator::TokenPaging {
                    token: |input| &mut input.$token,
                    next_token: |output| output.$($next).+.as_deref(),
                });
        }
        $($crate::__paginated_items!($op, $($items).+ => $item);)?
        $crate::__into_paginator!($builder => $op);
    };
    (
        #[page($page:ident $(, $($response_page:ident).+)?)]
        $(#[page_size($($page_size:ident).+)])?
        $(#[total_count($($total:ident).+)])?
        #[items($($items:ident).+, $item:ty)]
        impl Paginated<$op:ident> for $builder:ident {}
    ) => {
        impl $crate::paginator::Paginated for $op {
            const PAGING: $crate::paginator::Paging<Self::Input, Self::Output> = {
                use $crate::paginator::PageValue as _;
                $crate::paginator::Paging::PageNumber($crate::paginator::PageNumberPaging {
                    page: |input| input.$page.page_value(),
                    set_page: |input, page| input.$page.set_page_value(page),
                    response_page: |_output| {
                        $crate::__page_field!(_output $($(.$response_page)+)?)
                    },
                    page_size: |_output| $crate::__page_field!(_output $($(.$page_size)+)?),
                    total_count: |_output| $crate::__page_field!(_output $($(.$total)+)?),
                    item_count: |output| output.$($items).+.len(),
                })
            };
        }
        $crate::__paginated_items!($op, $($items).+ => $item);
        $crate::__into_paginator!($builder => $op);
    };
}

/// A response's paging field of [`paginated!`], or `None` when the response has none.
#[doc(hidden)]
#[macro_export]
macro_rules! __page_field {
    ($output:ident) => {
        ::core::option::Option::None
    };
    ($output:ident $(.$field:ident)+) => {
        $crate::paginator::PageValue::page_value(&$output$(.$field)+)
    };
}

/// The [`PaginatedItems`] of [`paginated!`].
#[doc(hidden)]
#[macro_export]
macro_rules! __paginated_items {
    ($op:ident, $($items:ident).+ => $item:ty) => {
        impl $crate::paginator::PaginatedItems for $op {
            type Item = $item;

            fn take_items(page: &mut Self::Output) -> ::std::vec::Vec<$item> {
                ::core::mem::take(&mut page.$($items).+)
            }
        }
    };
}

/// The `into_paginator()` of [`paginated!`].
#[doc(hidden)]
#[macro_export]
macro_rules! __into_paginator {
    ($builder:ident => $op:ident) => {
        impl $builder {
            /// Pages through the results, with this request's parameters and call options:
            /// `.send()` gives a stream of pages, `.items().send()` (when the response has
            /// one clear list) a stream of items. See
            /// [`Paginator`](alibabacloud_core::paginator::Paginator) for when it stops.
            pub fn into_paginator(self) -> $crate::paginator::Paginator<$op> {
                $crate::paginator::Paginator::new(self.into())
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::PageValue;

    #[test]
    fn page_values_of_every_field_type() {
        assert_eq!(Some(3_i32).page_value(), Some(3));
        assert_eq!(Some(3_i64).page_value(), Some(3));
        assert_eq!(Some(" 42 ".to_owned()).page_value(), Some(42));
        assert_eq!(Some("12.5".to_owned()).page_value(), None);
        assert_eq!(None::<i32>.page_value(), None);
    }

    #[test]
    fn a_page_number_an_i32_cannot_hold_is_refused() {
        let mut page = Some(1_i32);
        assert!(!page.set_page_value(i64::from(i32::MAX) + 1));
        assert_eq!(page, Some(1));
        assert!(page.set_page_value(7));
        assert_eq!(page, Some(7));
        let mut text = None::<String>;
        assert!(text.set_page_value(2));
        assert_eq!(text.as_deref(), Some("2"));
    }
}
