// generated from specs/bssopenapi/2017-12-14/api-docs.json by `cargo xtask codegen`; do not edit.

//! Types of `QueryCashCoupons`: Queries the information about vouchers.

#![cfg_attr(rustfmt, rustfmt::skip)]

/// The request of `QueryCashCoupons`: Queries the information about vouchers.
///
/// Send it with `Client::query_cash_coupons` of the client crate, or build it here (e.g. in tests) with `QueryCashCouponsRequest::new()` and the `with_*` setters.
#[derive(
    ::std::clone::Clone,
    ::std::fmt::Debug,
    ::std::default::Default,
    ::std::cmp::PartialEq,
    ::serde::Serialize,
    ::serde::Deserialize,
)]
#[non_exhaustive]
pub struct QueryCashCouponsRequest {
    /// The end time of the validity period of the voucher. Specify the parameter in the yyyy-MM-ddTHH:mm:ssZ format. Example: 2018-08-01T00:00:00Z.
    ///
    /// Date-time format: `yyyy-MM-ddTHH:mm:ssZ`.
    ///
    /// Example: `2018-08-01T00:00:00Z`
    #[serde(
        rename = "ExpiryTimeEnd",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_string"
    )]
    pub expiry_time_end: ::std::option::Option<::std::string::String>,
    /// The start time of the validity period of the voucher. Specify the parameter in the yyyy-MM-ddTHH:mm:ssZ format. Example: 2018-08-01T00:00:00Z.
    ///
    /// Date-time format: `yyyy-MM-ddTHH:mm:ssZ`.
    ///
    /// Example: `2018-08-01T00:00:00Z`
    #[serde(
        rename = "ExpiryTimeStart",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_string"
    )]
    pub expiry_time_start: ::std::option::Option<::std::string::String>,
    /// Specifies whether the voucher takes effect. Valid values:
    ///
    /// *   true: The voucher takes effect.
    /// *   false: The voucher does not take effect.
    ///
    /// Example: `true`
    #[serde(
        rename = "EffectiveOrNot",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_bool"
    )]
    pub effective_or_not: ::std::option::Option<bool>,
}

impl QueryCashCouponsRequest {
    /// An empty request: no parameter set.
    pub fn new() -> Self {
        ::std::default::Default::default()
    }

    /// Sets `ExpiryTimeEnd` (the field `expiry_time_end`).
    pub fn with_expiry_time_end(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.expiry_time_end = ::std::option::Option::Some(value.into());
        self
    }

    /// Sets `ExpiryTimeStart` (the field `expiry_time_start`).
    pub fn with_expiry_time_start(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.expiry_time_start = ::std::option::Option::Some(value.into());
        self
    }

    /// Sets `EffectiveOrNot` (the field `effective_or_not`).
    pub fn with_effective_or_not(
        mut self,
        value: impl ::std::convert::Into<bool>,
    ) -> Self {
        self.effective_or_not = ::std::option::Option::Some(value.into());
        self
    }
}

/// The response of `QueryCashCoupons`.
#[derive(
    ::std::clone::Clone,
    ::std::fmt::Debug,
    ::std::default::Default,
    ::std::cmp::PartialEq,
    ::serde::Serialize,
    ::serde::Deserialize,
)]
#[non_exhaustive]
pub struct QueryCashCouponsResponse {
    /// The status code.
    ///
    /// Example: `Success`
    #[serde(
        rename = "Code",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_string"
    )]
    pub code: ::std::option::Option<::std::string::String>,
    /// The message returned.
    ///
    /// Example: `Successful`
    #[serde(
        rename = "Message",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_string"
    )]
    pub message: ::std::option::Option<::std::string::String>,
    /// The ID of the request.
    ///
    /// Example: `147B566E-DB4C-4E43-BDBB-5DB1D9D268DB`
    #[serde(
        rename = "RequestId",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_string"
    )]
    pub request_id: ::std::option::Option<::std::string::String>,
    /// Indicates whether the request is successful.
    ///
    /// Example: `true`
    #[serde(
        rename = "Success",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_bool"
    )]
    pub success: ::std::option::Option<bool>,
    /// The data returned.
    #[serde(
        rename = "Data",
        default,
        skip_serializing_if = "::alibabacloud_types::ser::is_default",
        deserialize_with = "::alibabacloud_types::de::null_as_default"
    )]
    pub data: Data,
}

impl QueryCashCouponsResponse {
    /// Sets `Code` (the field `code`).
    pub fn with_code(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.code = ::std::option::Option::Some(value.into());
        self
    }

    /// Sets `Message` (the field `message`).
    pub fn with_message(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.message = ::std::option::Option::Some(value.into());
        self
    }

    /// Sets `RequestId` (the field `request_id`).
    pub fn with_request_id(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.request_id = ::std::option::Option::Some(value.into());
        self
    }

    /// Sets `Success` (the field `success`).
    pub fn with_success(mut self, value: impl ::std::convert::Into<bool>) -> Self {
        self.success = ::std::option::Option::Some(value.into());
        self
    }

    /// Sets `Data` (the field `data`).
    pub fn with_data(mut self, value: Data) -> Self {
        self.data = value;
        self
    }
}

/// The data returned.
#[derive(
    ::std::clone::Clone,
    ::std::fmt::Debug,
    ::std::default::Default,
    ::std::cmp::PartialEq,
    ::serde::Serialize,
    ::serde::Deserialize,
)]
#[non_exhaustive]
pub struct Data {
    /// The data returned.
    #[serde(
        rename = "CashCoupon",
        default,
        skip_serializing_if = "::std::vec::Vec::is_empty",
        deserialize_with = "::alibabacloud_types::de::null_as_default"
    )]
    pub cash_coupon: ::std::vec::Vec<CashCoupon>,
}

impl Data {
    /// Sets `CashCoupon` (the field `cash_coupon`).
    pub fn with_cash_coupon(mut self, value: ::std::vec::Vec<CashCoupon>) -> Self {
        self.cash_coupon = value;
        self
    }
}

/// The `CashCoupon` object.
#[derive(
    ::std::clone::Clone,
    ::std::fmt::Debug,
    ::std::default::Default,
    ::std::cmp::PartialEq,
    ::serde::Serialize,
    ::serde::Deserialize,
)]
#[non_exhaustive]
pub struct CashCoupon {
    /// The state of the voucher. Valid values:
    ///
    /// *   Available: The voucher is valid.
    /// *   Expired: The voucher has expired.
    /// *   Cancelled: The voucher is canceled.
    ///
    /// Example: `Available`
    #[serde(
        rename = "Status",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub status: ::std::option::Option<CashCouponStatus>,
    /// The time when the voucher expired.
    ///
    /// Date-time format: `yyyy-MM-ddTHH:mm:ssZ`.
    ///
    /// Example: `2019-01-29T15:15:50Z`
    #[serde(
        rename = "ExpiryTime",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_string"
    )]
    pub expiry_time: ::std::option::Option<::std::string::String>,
    /// The time when the voucher was released.
    ///
    /// Date-time format: `yyyy-MM-ddTHH:mm:ssZ`.
    ///
    /// Example: `2018-08-02T15:15:50Z`
    #[serde(
        rename = "GrantedTime",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_string"
    )]
    pub granted_time: ::std::option::Option<::std::string::String>,
    /// The denomination of the voucher.
    ///
    /// Example: `100.00`
    #[serde(
        rename = "NominalValue",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_string"
    )]
    pub nominal_value: ::std::option::Option<::std::string::String>,
    /// The time when the voucher took effect.
    ///
    /// Date-time format: `yyyy-MM-ddTHH:mm:ssZ`.
    ///
    /// Example: `2018-08-02T15:15:50Z`
    #[serde(
        rename = "EffectiveTime",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_string"
    )]
    pub effective_time: ::std::option::Option<::std::string::String>,
    /// The scenario to which the voucher is applicable.
    ///
    /// Example: `Pay for the pay-as-you-go bills of Alibaba Cloud services or purchase an instance of an Alibaba Cloud service`
    #[serde(
        rename = "ApplicableScenarios",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_string"
    )]
    pub applicable_scenarios: ::std::option::Option<::std::string::String>,
    /// The ID of the voucher.
    ///
    /// Example: `34534253254325`
    #[serde(
        rename = "CashCouponId",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_i64"
    )]
    pub cash_coupon_id: ::std::option::Option<i64>,
    /// The service to which the voucher is applicable.
    ///
    /// Example: `All Alibaba Cloud services`
    #[serde(
        rename = "ApplicableProducts",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_string"
    )]
    pub applicable_products: ::std::option::Option<::std::string::String>,
    /// The code of the voucher.
    ///
    /// Example: `Q-b1485def8f04a`
    #[serde(
        rename = "CashCouponNo",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_string"
    )]
    pub cash_coupon_no: ::std::option::Option<::std::string::String>,
    /// The remaining quota of the voucher.
    ///
    /// Example: `100.00`
    #[serde(
        rename = "Balance",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_string"
    )]
    pub balance: ::std::option::Option<::std::string::String>,
    /// The description of the voucher.
    ///
    /// Example: `This voucher is used for testing product function`
    #[serde(
        rename = "Description",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_string"
    )]
    pub description: ::std::option::Option<::std::string::String>,
}

impl CashCoupon {
    /// Sets `Status` (the field `status`).
    pub fn with_status(
        mut self,
        value: impl ::std::convert::Into<CashCouponStatus>,
    ) -> Self {
        self.status = ::std::option::Option::Some(value.into());
        self
    }

    /// Sets `ExpiryTime` (the field `expiry_time`).
    pub fn with_expiry_time(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.expiry_time = ::std::option::Option::Some(value.into());
        self
    }

    /// Sets `GrantedTime` (the field `granted_time`).
    pub fn with_granted_time(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.granted_time = ::std::option::Option::Some(value.into());
        self
    }

    /// Sets `NominalValue` (the field `nominal_value`).
    pub fn with_nominal_value(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.nominal_value = ::std::option::Option::Some(value.into());
        self
    }

    /// Sets `EffectiveTime` (the field `effective_time`).
    pub fn with_effective_time(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.effective_time = ::std::option::Option::Some(value.into());
        self
    }

    /// Sets `ApplicableScenarios` (the field `applicable_scenarios`).
    pub fn with_applicable_scenarios(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.applicable_scenarios = ::std::option::Option::Some(value.into());
        self
    }

    /// Sets `CashCouponId` (the field `cash_coupon_id`).
    pub fn with_cash_coupon_id(mut self, value: impl ::std::convert::Into<i64>) -> Self {
        self.cash_coupon_id = ::std::option::Option::Some(value.into());
        self
    }

    /// Sets `ApplicableProducts` (the field `applicable_products`).
    pub fn with_applicable_products(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.applicable_products = ::std::option::Option::Some(value.into());
        self
    }

    /// Sets `CashCouponNo` (the field `cash_coupon_no`).
    pub fn with_cash_coupon_no(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.cash_coupon_no = ::std::option::Option::Some(value.into());
        self
    }

    /// Sets `Balance` (the field `balance`).
    pub fn with_balance(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.balance = ::std::option::Option::Some(value.into());
        self
    }

    /// Sets `Description` (the field `description`).
    pub fn with_description(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.description = ::std::option::Option::Some(value.into());
        self
    }
}

/// The state of the voucher. Valid values:
///
/// *   Available: The voucher is valid.
/// *   Expired: The voucher has expired.
/// *   Cancelled: The voucher is canceled.
#[derive(
    ::std::clone::Clone,
    ::std::fmt::Debug,
    ::std::cmp::PartialEq,
    ::std::cmp::Eq,
    ::std::hash::Hash,
)]
#[non_exhaustive]
pub enum CashCouponStatus {
    /// `Available`: The voucher is valid.
    Available,
    /// `Expired`: The voucher has expired.
    Expired,
    /// `Cancelled`: The voucher is canceled.
    Cancelled,
    /// A value that the API metadata this crate was generated from does not
    /// document, kept as received.
    Unknown(::std::string::String),
}

impl CashCouponStatus {
    /// The documented values, in the order of the API metadata.
    pub const VALUES: &'static [&'static str] = &["Available", "Expired", "Cancelled"];
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Available => "Available",
            Self::Expired => "Expired",
            Self::Cancelled => "Cancelled",
            Self::Unknown(value) => value,
        }
    }

    fn known(value: &str) -> ::std::option::Option<Self> {
        match value {
            "Available" => ::std::option::Option::Some(Self::Available),
            "Expired" => ::std::option::Option::Some(Self::Expired),
            "Cancelled" => ::std::option::Option::Some(Self::Cancelled),
            _ => ::std::option::Option::None,
        }
    }
}

impl ::std::convert::From<&str> for CashCouponStatus {
    fn from(value: &str) -> Self {
        match Self::known(value) {
            ::std::option::Option::Some(known) => known,
            ::std::option::Option::None => Self::Unknown(value.to_owned()),
        }
    }
}

impl ::std::convert::From<::std::string::String> for CashCouponStatus {
    fn from(value: ::std::string::String) -> Self {
        match Self::known(&value) {
            ::std::option::Option::Some(known) => known,
            ::std::option::Option::None => Self::Unknown(value),
        }
    }
}

impl ::std::str::FromStr for CashCouponStatus {
    type Err = ::std::convert::Infallible;
    fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
        ::std::result::Result::Ok(Self::from(value))
    }
}

impl ::std::convert::AsRef<str> for CashCouponStatus {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl ::std::fmt::Display for CashCouponStatus {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::serde::Serialize for CashCouponStatus {
    fn serialize<S: ::serde::Serializer>(
        &self,
        serializer: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> ::serde::Deserialize<'de> for CashCouponStatus {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<Self, D::Error> {
        ::alibabacloud_types::de::string(deserializer).map(Self::from)
    }
}
