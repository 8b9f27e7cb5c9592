//! `voucher-report`: what a user's crate on the generated Alibaba Cloud clients looks like.
//!
//! A small library with logic of its own on top of two generated clients:
//!
//! - [`usable_balance`] asks BSS OpenAPI for the account's vouchers (`QueryCashCoupons`) and
//!   sums what can still be spent: the balance of the `Available` vouchers that have not
//!   expired, how many of them expire within [`EXPIRY_WINDOW`], and how many are unusable.
//! - [`check_ticket`] asks Quick BI about an embedding ticket (`QueryTicketInfo`) and turns
//!   the documented error codes into a [`TicketStatus`].
//!
//! It depends on the generated client crates only, through their public API: `Config`,
//! `Credentials` and the error types come from the clients' re-exports, the models from
//! their `operation` modules. Its tests run this logic against the local emulator
//! (`tests/report.rs`).
//!
//! ```no_run
//! # async fn example() -> Result<(), Box<dyn std::error::Error>> {
//! use alibabacloud_bssopenapi20171214 as bss;
//! use alibabacloud_quickbi_public20220101 as quickbi;
//!
//! // One configuration serves both clients (region and credentials from the environment).
//! let config = bss::Config::load_from_env().await?;
//! let summary = voucher_report::usable_balance(
//!     &bss::Client::new(config.clone()),
//!     time::OffsetDateTime::now_utc(),
//! )
//! .await?;
//! println!("{summary}");
//! let status = voucher_report::check_ticket(&quickbi::Client::new(config), "a27a9aec-...").await?;
//! println!("{status:?}");
//! # Ok(())
//! # }
//! ```

use std::fmt;

use alibabacloud_bssopenapi20171214 as bss;
use alibabacloud_quickbi_public20220101 as quickbi;
use bss::operation::query_cash_coupons::{CashCoupon, CashCouponStatus, QueryCashCouponsErrorCode};
use quickbi::operation::query_ticket_info::{QueryTicketInfoError, QueryTicketInfoErrorCode};
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};

/// Vouchers that expire within this window from now are counted as expiring soon.
pub const EXPIRY_WINDOW: Duration = Duration::days(30);

/// An amount of money in hundredths (the vouchers' balances have two decimals).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount {
    cents: u64,
}

impl Amount {
    /// An amount of `cents` hundredths.
    pub fn from_cents(cents: u64) -> Self {
        Amount { cents }
    }

    /// The amount in hundredths.
    pub fn cents(self) -> u64 {
        self.cents
    }

    /// Parses a non-negative decimal with at most two decimals, as the service writes
    /// balances: `100.00`, `12.5`, `7`. `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let (units, decimals) = text.split_once('.').unwrap_or((text, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if units.is_empty() || !digits(units) || decimals.len() > 2 || !digits(decimals) {
            return None;
        }
        let units: u64 = units.parse().ok()?;
        let mut fraction: u64 = if decimals.is_empty() {
            0
        } else {
            decimals.parse().ok()?
        };
        if decimals.len() == 1 {
            fraction *= 10;
        }
        units
            .checked_mul(100)?
            .checked_add(fraction)
            .map(Amount::from_cents)
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02}", self.cents / 100, self.cents % 100)
    }
}

/// What the vouchers of an account are worth.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Summary {
    /// The summed balance of the usable vouchers.
    pub usable_balance: Amount,
    /// How many vouchers are usable: status `Available` and not past their expiry time.
    pub usable: usize,
    /// How many of the usable vouchers expire within [`EXPIRY_WINDOW`].
    pub expiring_soon: usize,
    /// How many vouchers are not usable: expired, cancelled, or in a status this crate does
    /// not know (the service may add some: the generated enum keeps them as `Unknown`).
    pub unusable: usize,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} usable voucher(s) worth {} ({} expiring within {} days), {} unusable",
            self.usable,
            self.usable_balance,
            self.expiring_soon,
            EXPIRY_WINDOW.whole_days(),
            self.unusable
        )
    }
}

/// Why a report could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    /// The call failed: the service refused it, or it could not be made.
    #[error("QueryCashCoupons failed: {0}")]
    Service(#[from] bss::operation::query_cash_coupons::QueryCashCouponsError),
    /// A usable voucher's balance is not an amount.
    #[error("voucher {voucher}: balance `{value}` is not an amount")]
    BadAmount {
        /// The voucher's ID.
        voucher: String,
        /// The balance as sent.
        value: String,
    },
    /// A voucher's expiry time is not an RFC 3339 time.
    #[error("voucher {voucher}: expiry time `{value}` is not an RFC 3339 time")]
    BadTime {
        /// The voucher's ID.
        voucher: String,
        /// The time as sent.
        value: String,
    },
}

impl ReportError {
    /// True when the account may not query vouchers at all (the documented codes
    /// `NotAuthorized`, `NotApplicable`, `InvalidOwner`): retrying will not help.
    pub fn is_permission_problem(&self) -> bool {
        match self {
            ReportError::Service(error) => matches!(
                error.code(),
                Some(
                    QueryCashCouponsErrorCode::NotAuthorized
                        | QueryCashCouponsErrorCode::NotApplicable
                        | QueryCashCouponsErrorCode::InvalidOwner
                )
            ),
            _ => false,
        }
    }
}

/// Queries the account's vouchers and sums what can still be spent at `now`.
///
/// # Errors
/// [`ReportError::Service`] when the call fails (after the client's own retries);
/// [`ReportError::BadAmount`] / [`ReportError::BadTime`] when a voucher's data is not
/// what the API documents.
pub async fn usable_balance(
    client: &bss::Client,
    now: OffsetDateTime,
) -> Result<Summary, ReportError> {
    let response = client.query_cash_coupons().send().await?;
    summarize(&response.data.cash_coupon, now)
}

/// The summary of these vouchers at `now` (the logic of [`usable_balance`], without I/O).
///
/// # Errors
/// As [`usable_balance`], but never [`ReportError::Service`].
pub fn summarize(coupons: &[CashCoupon], now: OffsetDateTime) -> Result<Summary, ReportError> {
    let mut summary = Summary::default();
    for coupon in coupons {
        let voucher = || {
            coupon
                .cash_coupon_id
                .map(|id| id.to_string())
                .or_else(|| coupon.cash_coupon_no.clone())
                .unwrap_or_else(|| "(no id)".to_owned())
        };
        if coupon.status != Some(CashCouponStatus::Available) {
            summary.unusable += 1;
            continue;
        }
        let expiry =
            match coupon.expiry_time.as_deref() {
                Some(text) => Some(OffsetDateTime::parse(text, &Rfc3339).map_err(|_| {
                    ReportError::BadTime {
                        voucher: voucher(),
                        value: text.to_owned(),
                    }
                })?),
                None => None,
            };
        if expiry.is_some_and(|expiry| expiry <= now) {
            summary.unusable += 1;
            continue;
        }
        let balance = coupon.balance.as_deref().unwrap_or_default();
        let amount = Amount::parse(balance).ok_or_else(|| ReportError::BadAmount {
            voucher: voucher(),
            value: balance.to_owned(),
        })?;
        summary.usable += 1;
        summary.usable_balance =
            Amount::from_cents(summary.usable_balance.cents() + amount.cents());
        if expiry.is_some_and(|expiry| expiry <= now + EXPIRY_WINDOW) {
            summary.expiring_soon += 1;
        }
    }
    Ok(summary)
}

/// What Quick BI says about an embedding ticket.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TicketStatus {
    /// The ticket can be used `uses_left` more times.
    Usable {
        /// Uses left (`MaxTicketNum - UsedTicketNum`).
        uses_left: u32,
        /// When the ticket stops working, as Quick BI writes it (`yyyy-MM-dd HH:mm:ss`).
        invalid_after: Option<String>,
    },
    /// Every use of the ticket has been spent.
    UsedUp,
    /// The ticket has expired.
    Expired,
    /// Quick BI does not know the ticket.
    NotFound,
}

/// Looks a ticket up. The documented error codes that describe the ticket become a
/// [`TicketStatus`]; anything else is an error.
///
/// # Errors
/// The client's error for other failures (permissions, network, ...).
pub async fn check_ticket(
    client: &quickbi::Client,
    ticket: &str,
) -> Result<TicketStatus, QueryTicketInfoError> {
    match client.query_ticket_info().ticket(ticket).send().await {
        Ok(response) => {
            let result = response.result;
            let used = result.used_ticket_num.unwrap_or(0).max(0);
            let uses_left = match result.max_ticket_num {
                Some(max) => u32::try_from(max.saturating_sub(used)).unwrap_or(0),
                None => u32::MAX,
            };
            Ok(if uses_left == 0 {
                TicketStatus::UsedUp
            } else {
                TicketStatus::Usable {
                    uses_left,
                    invalid_after: result.invalid_time,
                }
            })
        }
        Err(error) => match error.code() {
            Some(QueryTicketInfoErrorCode::Authorize3rdTicketExpired) => Ok(TicketStatus::Expired),
            Some(QueryTicketInfoErrorCode::Authorize3rdTicketNotExist) => {
                Ok(TicketStatus::NotFound)
            }
            Some(QueryTicketInfoErrorCode::Authorize3rdTicketNumHasNoLeft) => {
                Ok(TicketStatus::UsedUp)
            }
            _ => Err(error),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts() {
        assert_eq!(Amount::parse("100.00"), Some(Amount::from_cents(10_000)));
        assert_eq!(Amount::parse("12.5"), Some(Amount::from_cents(1_250)));
        assert_eq!(Amount::parse(" 7 "), Some(Amount::from_cents(700)));
        assert_eq!(Amount::parse("0.07"), Some(Amount::from_cents(7)));
        for bad in ["", ".5", "1.234", "-1.00", "1,000.00", "lots", "1.x"] {
            assert_eq!(Amount::parse(bad), None, "{bad}");
        }
        assert_eq!(Amount::from_cents(12_345).to_string(), "123.45");
        assert_eq!(Amount::from_cents(5).to_string(), "0.05");
    }
}
