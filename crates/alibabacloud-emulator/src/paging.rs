//! Listing operations: a scripted list of items that the emulator pages through, as the
//! request asks, the same way every time.
//!
//! [`EmulatorHandle::page_for`](crate::EmulatorHandle::page_for) serves `action` from a
//! [`PagedList`]: each verified request of the action (that no scripted [`Reply`] takes
//! first) gets the page its parameters ask for, by page number or by token, in a 200 body
//! shaped as the list says (`Data.Items.Item`, `Data.TotalCount`, ...).
//!
//! ```
//! use alibabacloud_emulator::paging::PagedList;
//! use serde_json::json;
//!
//! // BSS `QueryAccountBill`: `PageNum`/`PageSize`, items in `Data.Items.Item`.
//! let bills = PagedList::page_number((1..=7).map(|n| json!({"PipCode": format!("p{n}")})))
//!     .page_param("PageNum")
//!     .items_at(["Data", "Items", "Item"])
//!     .total_at(["Data", "TotalCount"])
//!     .page_at(["Data", "PageNum"])
//!     .size_at(["Data", "PageSize"]);
//! // `NextToken`/`MaxResults`, items in `Data.List`.
//! let transactions = PagedList::token((1..=5).map(|n| json!({"Id": n})))
//!     .size_param("MaxResults")
//!     .items_at(["Data", "List"])
//!     .next_token_at(["Data", "NextToken"]);
//! # let _ = (bills, transactions);
//! ```
//!
//! Tokens are `page-<n>` (the page they lead to); a token the list did not hand out gets an
//! `InvalidParameter` error, like the service. [`PagedList::repeat_token`] makes it
//! misbehave as some services do: every page hands out the same token, forever.

use serde_json::{Map, Value};

use crate::request::IncomingRequest;
use crate::script::Reply;

/// How a listing is paged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    PageNumber,
    Token,
}

/// A list of items served page by page: see the [module](self).
#[derive(Debug, Clone, PartialEq)]
pub struct PagedList {
    style: Style,
    items: Vec<Value>,
    page_param: String,
    size_param: String,
    token_param: String,
    default_size: usize,
    items_at: Vec<String>,
    total_at: Option<Vec<String>>,
    page_at: Option<Vec<String>>,
    size_at: Option<Vec<String>>,
    next_token_at: Vec<String>,
    repeat_token: bool,
}

impl PagedList {
    fn new(style: Style, items: impl IntoIterator<Item = Value>) -> Self {
        Self {
            style,
            items: items.into_iter().collect(),
            page_param: "PageNumber".to_owned(),
            size_param: "PageSize".to_owned(),
            token_param: "NextToken".to_owned(),
            default_size: 10,
            items_at: vec!["Items".to_owned()],
            total_at: None,
            page_at: None,
            size_at: None,
            next_token_at: vec!["NextToken".to_owned()],
            repeat_token: false,
        }
    }

    /// Paged by page number (1-based; `PageNumber` and `PageSize` unless renamed).
    pub fn page_number(items: impl IntoIterator<Item = Value>) -> Self {
        Self::new(Style::PageNumber, items)
    }

    /// Paged by token (`NextToken` and `PageSize` unless renamed).
    pub fn token(items: impl IntoIterator<Item = Value>) -> Self {
        Self::new(Style::Token, items)
    }

    /// The request's page number parameter.
    pub fn page_param(mut self, name: impl Into<String>) -> Self {
        self.page_param = name.into();
        self
    }

    /// The request's page size parameter (`MaxResults`, ...).
    pub fn size_param(mut self, name: impl Into<String>) -> Self {
        self.size_param = name.into();
        self
    }

    /// The request's token parameter (`Marker`, ...).
    pub fn token_param(mut self, name: impl Into<String>) -> Self {
        self.token_param = name.into();
        self
    }

    /// The page size when the request gives none (10 unless set; at least 1).
    pub fn default_page_size(mut self, size: usize) -> Self {
        self.default_size = size.max(1);
        self
    }

    /// Where the page's items go in the body (`["Items"]` unless set).
    pub fn items_at<S: Into<String>>(mut self, path: impl IntoIterator<Item = S>) -> Self {
        self.items_at = path.into_iter().map(Into::into).collect();
        self
    }

    /// Where the total count goes (not sent unless set).
    pub fn total_at<S: Into<String>>(mut self, path: impl IntoIterator<Item = S>) -> Self {
        self.total_at = Some(path.into_iter().map(Into::into).collect());
        self
    }

    /// Where the page number goes (not sent unless set).
    pub fn page_at<S: Into<String>>(mut self, path: impl IntoIterator<Item = S>) -> Self {
        self.page_at = Some(path.into_iter().map(Into::into).collect());
        self
    }

    /// Where the page size goes (not sent unless set).
    pub fn size_at<S: Into<String>>(mut self, path: impl IntoIterator<Item = S>) -> Self {
        self.size_at = Some(path.into_iter().map(Into::into).collect());
        self
    }

    /// Where the next token goes (`["NextToken"]` unless set); absent on the last page.
    pub fn next_token_at<S: Into<String>>(mut self, path: impl IntoIterator<Item = S>) -> Self {
        self.next_token_at = path.into_iter().map(Into::into).collect();
        self
    }

    /// Every page hands out the token `page-2`: a client that follows tokens blindly never
    /// ends.
    pub fn repeat_token(mut self) -> Self {
        self.repeat_token = true;
        self
    }

    /// The reply to `request`: its page, or an `InvalidParameter` error for a page number
    /// or token the list cannot read.
    pub(crate) fn reply(&self, request: &IncomingRequest) -> Reply {
        let size = match request.param(&self.size_param) {
            None => self.default_size,
            Some(text) => match text.parse::<usize>() {
                Ok(size) if size >= 1 => size,
                _ => return invalid(&self.size_param),
            },
        };
        let page = match self.style {
            Style::PageNumber => match request.param(&self.page_param) {
                None => 1,
                Some(text) => match text.parse::<usize>() {
                    Ok(page) if page >= 1 => page,
                    _ => return invalid(&self.page_param),
                },
            },
            Style::Token => match request.param(&self.token_param) {
                None | Some("") => 1,
                Some(token) => match token.strip_prefix("page-").map(str::parse::<usize>) {
                    Some(Ok(page)) if page >= 2 => page,
                    _ => return invalid(&self.token_param),
                },
            },
        };
        let start = (page - 1).saturating_mul(size).min(self.items.len());
        let end = start.saturating_add(size).min(self.items.len());
        let mut body = Value::Object(Map::new());
        set(
            &mut body,
            &self.items_at,
            Value::Array(self.items[start..end].to_vec()),
        );
        if let Some(path) = &self.total_at {
            set(&mut body, path, Value::from(self.items.len()));
        }
        if let Some(path) = &self.page_at {
            set(&mut body, path, Value::from(page));
        }
        if let Some(path) = &self.size_at {
            set(&mut body, path, Value::from(size));
        }
        if self.style == Style::Token {
            let next = if self.repeat_token {
                Some(2)
            } else {
                (end < self.items.len()).then_some(page + 1)
            };
            if let Some(next) = next {
                set(
                    &mut body,
                    &self.next_token_at,
                    Value::from(format!("page-{next}")),
                );
            }
        }
        set(&mut body, &["Success".to_owned()], Value::Bool(true));
        Reply::success(body)
    }
}

fn invalid(parameter: &str) -> Reply {
    Reply::error_with(
        http::StatusCode::BAD_REQUEST,
        "InvalidParameter",
        format!("The specified parameter {parameter} is not valid."),
    )
}

/// Sets `value` at `path` in `body`, making the objects on the way.
fn set(body: &mut Value, path: &[String], value: Value) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let mut at = body;
    for key in parents {
        let Value::Object(map) = at else { return };
        at = map
            .entry(key.clone())
            .or_insert_with(|| Value::Object(Map::new()));
    }
    if let Value::Object(map) = at {
        map.insert(last.clone(), value);
    }
}
