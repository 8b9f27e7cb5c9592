// generated from specs/cs/2015-12-15/api-docs.json by `cargo xtask codegen`; do not edit.

//! Types of `DeleteTemplate`: Deletes the orchestration templates that you no longer need.

#![cfg_attr(rustfmt, rustfmt::skip)]

::alibabacloud_types::model! {
    /// The request of `DeleteTemplate`: Deletes the orchestration templates that you no longer need.
    ///
    /// Send it with `Client::delete_template` of the client crate, or build it here (e.g. in tests) with `DeleteTemplateRequest::new()` and the `with_*` setters.
    pub struct DeleteTemplateRequest {
        /// The orchestration template ID.
        ///
        /// Required: `send()` fails with `ConstructionError::MissingParameter` when it is not set.
        ///
        /// Example: `20663627-81ee-4cfe-9b69-c96fcb84a674`
        #[wire("TemplateId", with_template_id)]
        pub template_id: Option<String>,
    }
}

::alibabacloud_types::model! {
    /// The response of `DeleteTemplate`.
    ///
    /// The API metadata documents no response body.
    pub struct DeleteTemplateResponse {}
}
