// generated from specs/cs/2015-12-15/api-docs.json by `cargo xtask codegen`; do not edit.

//! Types shared by several operations (the named schemas of the API metadata).

#![cfg_attr(rustfmt, rustfmt::skip)]

::alibabacloud_types::model! {
    /// The `InstanceMetadataOptions` schema.
    pub struct InstanceMetadataOptions {
        /// No description in the API metadata.
        ///
        /// Default: `optional`.
        ///
        /// Example: `optional`
        #[wire("http_tokens")]
        pub http_tokens: Option<InstanceMetadataOptionsHttpTokens>,
    }
}

::alibabacloud_types::open_enum! {
    /// The values of `http_tokens`.
    pub enum InstanceMetadataOptionsHttpTokens {
        /// The value `optional`.
        Optional = "optional",
        /// The value `required`.
        Required = "required",
    }
}

::alibabacloud_types::model! {
    /// The configurations of the cluster maintenance window.
    pub struct MaintenanceWindow {
        /// Specifies whether to enable the cluster maintenance window. Valid values:
        ///
        /// *   `true`: enables the cluster maintenance window.
        /// *   `false`: disables the cluster maintenance window.
        ///
        /// Default value: `false`.
        ///
        /// Example: `false`
        #[wire("enable")]
        pub enable: Option<bool>,
        /// The start time of the cluster maintenance window. The value follows a standard time format in Golang. Example: 15:04:05Z.
        ///
        /// Example: `03:00:00Z`
        #[wire("maintenance_time")]
        pub maintenance_time: Option<String>,
        /// The duration of the cluster maintenance window.
        ///
        /// Valid values: 1 to 24.
        ///
        /// Unit: hours.
        ///
        /// Default value: 3.
        ///
        /// Example: `3h`
        #[wire("duration")]
        pub duration: Option<String>,
        /// The day of the week when maintenance is performed. Separate multiple days with commas (,).
        ///
        /// Valid values: Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, and Sunday.
        ///
        /// Default value: `Thursday`.
        ///
        /// Example: `Monday,Thursday`
        #[wire("weekly_period")]
        pub weekly_period: Option<String>,
        /// Defines a maintenance window recurrence rule by using the RFC5545 recurrence rule. Currently, only FREQ=WEEKLY is supported, and you cannot specify COUNT or UNTIL.
        ///
        /// Example: `FREQ=WEEKLY;INTERVAL=4;BYDAY=MO,TU`
        #[wire("recurrence")]
        pub recurrence: Option<String>,
    }
}

::alibabacloud_types::model! {
    /// The configuration of the label.
    pub struct Tag {
        /// The `key` of the label.
        ///
        /// Example: `env`
        #[wire("key")]
        pub key: Option<String>,
        /// The `value` of the label.
        ///
        /// Example: `prod`
        #[wire("value")]
        pub value: Option<String>,
    }
}
