// generated from specs/bssopenapi/2017-12-14/api-docs.json by `cargo xtask codegen`; do not edit.

//! Types of `QueryCashCoupons`: Queries the information about vouchers.

#![cfg_attr(rustfmt, rustfmt::skip)]

::alibabacloud_types::model! {
    /// The request of `QueryCashCoupons`: Queries the information about vouchers.
    ///
    /// Send it with `Client::query_cash_coupons` of the client crate, or build it here (e.g. in tests) with `QueryCashCouponsRequest::new()` and the `with_*` setters.
    pub struct QueryCashCouponsRequest {
        /// The end time of the validity period of the voucher. Specify the parameter in the yyyy-MM-ddTHH:mm:ssZ format. Example: 2018-08-01T00:00:00Z.
        ///
        /// Date-time format: `yyyy-MM-ddTHH:mm:ssZ`.
        ///
        /// Example: `2018-08-01T00:00:00Z`
        #[wire("ExpiryTimeEnd", with_expiry_time_end)]
        pub expiry_time_end: Option<String>,
        /// The start time of the validity period of the voucher. Specify the parameter in the yyyy-MM-ddTHH:mm:ssZ format. Example: 2018-08-01T00:00:00Z.
        ///
        /// Date-time format: `yyyy-MM-ddTHH:mm:ssZ`.
        ///
        /// Example: `2018-08-01T00:00:00Z`
        #[wire("ExpiryTimeStart", with_expiry_time_start)]
        pub expiry_time_start: Option<String>,
        /// Specifies whether the voucher takes effect. Valid values:
        ///
        /// *   true: The voucher takes effect.
        /// *   false: The voucher does not take effect.
        ///
        /// Example: `true`
        #[wire("EffectiveOrNot", with_effective_or_not)]
        pub effective_or_not: Option<bool>,
    }
}

::alibabacloud_types::model! {
    /// The response of `QueryCashCoupons`.
    pub struct QueryCashCouponsResponse {
        /// The status code.
        ///
        /// Example: `Success`
        #[wire("Code")]
        pub code: Option<String>,
        /// The message returned.
        ///
        /// Example: `Successful`
        #[wire("Message")]
        pub message: Option<String>,
        /// The ID of the request.
        ///
        /// Example: `147B566E-DB4C-4E43-BDBB-5DB1D9D268DB`
        #[wire("RequestId")]
        pub request_id: Option<String>,
        /// Indicates whether the request is successful.
        ///
        /// Example: `true`
        #[wire("Success")]
        pub success: Option<bool>,
        /// The data returned.
        #[wire("Data")]
        pub data: Data,
    }
}

::alibabacloud_types::model! {
    /// The data returned.
    pub struct Data {
        /// The data returned.
        #[wire("CashCoupon")]
        pub cash_coupon: Vec<CashCoupon>,
    }
}

::alibabacloud_types::model! {
    /// The `CashCoupon` object.
    pub struct CashCoupon {
        /// The state of the voucher. Valid values:
        ///
        /// *   Available: The voucher is valid.
        /// *   Expired: The voucher has expired.
        /// *   Cancelled: The voucher is canceled.
        ///
        /// Example: `Available`
        #[wire("Status")]
        pub status: Option<CashCouponStatus>,
        /// The time when the voucher expired.
        ///
        /// Date-time format: `yyyy-MM-ddTHH:mm:ssZ`.
        ///
        /// Example: `2019-01-29T15:15:50Z`
        #[wire("ExpiryTime")]
        pub expiry_time: Option<String>,
        /// The time when the voucher was released.
        ///
        /// Date-time format: `yyyy-MM-ddTHH:mm:ssZ`.
        ///
        /// Example: `2018-08-02T15:15:50Z`
        #[wire("GrantedTime")]
        pub granted_time: Option<String>,
        /// The denomination of the voucher.
        ///
        /// Example: `100.00`
        #[wire("NominalValue")]
        pub nominal_value: Option<String>,
        /// The time when the voucher took effect.
        ///
        /// Date-time format: `yyyy-MM-ddTHH:mm:ssZ`.
        ///
        /// Example: `2018-08-02T15:15:50Z`
        #[wire("EffectiveTime")]
        pub effective_time: Option<String>,
        /// The scenario to which the voucher is applicable.
        ///
        /// Example: `Pay for the pay-as-you-go bills of Alibaba Cloud services or purchase an instance of an Alibaba Cloud service`
        #[wire("ApplicableScenarios")]
        pub applicable_scenarios: Option<String>,
        /// The ID of the voucher.
        ///
        /// Example: `34534253254325`
        #[wire("CashCouponId")]
        pub cash_coupon_id: Option<i64>,
        /// The service to which the voucher is applicable.
        ///
        /// Example: `All Alibaba Cloud services`
        #[wire("ApplicableProducts")]
        pub applicable_products: Option<String>,
        /// The code of the voucher.
        ///
        /// Example: `Q-b1485def8f04a`
        #[wire("CashCouponNo")]
        pub cash_coupon_no: Option<String>,
        /// The remaining quota of the voucher.
        ///
        /// Example: `100.00`
        #[wire("Balance")]
        pub balance: Option<String>,
        /// The description of the voucher.
        ///
        /// Example: `This voucher is used for testing product function`
        #[wire("Description")]
        pub description: Option<String>,
    }
}

::alibabacloud_types::open_enum! {
    /// The state of the voucher. Valid values:
    ///
    /// *   Available: The voucher is valid.
    /// *   Expired: The voucher has expired.
    /// *   Cancelled: The voucher is canceled.
    pub enum CashCouponStatus {
        /// `Available`: The voucher is valid.
        Available = "Available",
        /// `Expired`: The voucher has expired.
        Expired = "Expired",
        /// `Cancelled`: The voucher is canceled.
        Cancelled = "Cancelled",
    }
}
