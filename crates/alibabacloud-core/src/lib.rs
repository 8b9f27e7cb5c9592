//! Runtime shared by the generated Alibaba Cloud clients.
//!
//! The generated client crates stay thin: everything every operation shares lives here once.
//!
//! - [`signing`]: pure request signers (ACS3-HMAC-SHA256 and the legacy HMAC-SHA1 RPC signature)
//!   and the RPC parameter flattening rules. No I/O.
//! - [`credentials`]: the credentials type (secrets never show in `Debug`) and providers.
//! - [`config`]: region, endpoint, credentials, signature style, timeouts, retries, user agent,
//!   transport; [`Config::from_env`] reads the environment like the official SDKs.
//! - [`endpoint`]: explicit endpoint, then the product's region table, then its documented rule.
//! - [`runtime`]: the one entry point that sends a request ([`Runtime::invoke`]).
//! - [`OperationShape`] and [`RequestBuilder`]: an operation as a type, and the one generic
//!   request builder and send path of every operation; [`params`]: how a request model
//!   becomes flattened parameters, driven by the operation's table of [`ParamSpec`]s.
//! - [`operation!`], [`error_codes!`], [`client!`]: what every generated client crate
//!   repeats (the operation's type and fluent builder, its error code enum, the `Client`).
//! - [`error`]: the one error type of a call ([`Error<C>`]) and its parts; [`metadata`]: what
//!   every call tells besides its typed answer, the same for every operation (the request id,
//!   status, headers and raw body of a success: [`Response`]; the code, message, request id and
//!   retry class of a failure: [`ProvideErrorMetadata`], [`CommonErrorCode`]).
//! - [`paginator`]: the pages and items of a listing operation as a `Stream`
//!   (`into_paginator()` on the fluent builders of operations that page).
//! - [`retry`], [`transport`], [`response`].
//! - [`exports`]: what every generated client crate re-exports, so that a user's crate needs
//!   no direct dependency on this one.
//!
//! Using a generated client:
//!
//! ```no_run
//! # async fn example() -> Result<(), Box<dyn std::error::Error>> {
//! use alibabacloud_core::{Config, Credentials};
//!
//! let config = Config::builder()
//!     .region("cn-hangzhou")
//!     .credentials_provider(Credentials::new("my-access-key-id", "my-access-key-secret")?)
//!     .build()?;
//! // let client = alibabacloud_bssopenapi20171214::Client::new(config);
//! # let _ = config;
//! # Ok(())
//! # }
//! ```

mod builder;
mod macros;

pub mod config;
pub mod credentials;
pub mod endpoint;
pub mod env;
pub mod error;
pub mod exports;
#[doc(hidden)]
pub mod fuzzing;
pub mod metadata;
pub mod operation;
pub mod paginator;
pub mod params;
mod random;
pub mod response;
pub mod retry;
pub mod runtime;
mod scrub;
pub mod signing;
pub mod time_source;
pub mod transport;
mod upload;

pub use builder::RequestBuilder;
pub use config::{Config, ConfigBuilder, ConfigError, SignatureVersion, TimeoutConfig};
pub use credentials::{
    Credentials, CredentialsError, ProvideCredentials, SharedCredentialsProvider,
};
pub use endpoint::{Endpoint, EndpointError, EndpointRule, Network, ProductEndpoints};
pub use error::{
    BoxError, ConstructionError, DispatchError, DispatchErrorKind, Error, ErrorCode, ResponseError,
    ResponseErrorKind, ServiceError, TimeoutError, TimeoutKind, UploadError, UploadErrorKind,
};
pub use metadata::{
    CommonErrorCode, ProvideErrorMetadata, ProvideRequestId, Response, ResponseMetadata,
};
pub use operation::{
    ApiStyle, CallOptions, HttpMethod, Operation, OperationShape, OperationType, Param,
    ParamLocation, ParamSpec, Params, RequestBody, ResponseBody,
};
pub use paginator::{Paginated, Paginator};
pub use response::{RawResponse, SuccessCheck};
pub use retry::RetryConfig;
pub use runtime::Runtime;
pub use signing::flatten::ParamStyle;
pub use upload::blob_from_reader;

/// Binary data (an upload body, a binary response), as the models hold it.
pub use alibabacloud_types::Blob;

/// What the macros' expansions name through `$crate`.
#[doc(hidden)]
pub mod __private {
    pub use alibabacloud_types;
    pub use std::string::String;
}
