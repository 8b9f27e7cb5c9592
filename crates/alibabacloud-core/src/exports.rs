//! What every generated client crate re-exports at its root (`pub use
//! alibabacloud_core::exports::*;`): the types a user names when configuring a client, handling
//! its errors or writing generic code over operations, so that the client crate is the one
//! dependency a user's crate needs. The list is kept here, once for all the client crates.

// Configuring a client.
pub use crate::config::{Config, ConfigBuilder, ConfigError, SignatureVersion, TimeoutConfig};
pub use crate::endpoint::{Endpoint, Network};
pub use crate::operation::CallOptions;
pub use crate::retry::RetryConfig;
pub use crate::transport::Proxy;

// Credentials: the static type, the provider trait, and (in the module) every provider of the
// default chain, to build a chain of one's own.
pub use crate::credentials::{
    self, Credentials, CredentialsError, CredentialsErrorKind, ProvideCredentials,
    SharedCredentialsProvider,
};

// Errors, to match on.
pub use crate::endpoint::EndpointError;
pub use crate::error::{
    BoxError, ConstructionError, DispatchError, DispatchErrorKind, Error, ErrorCode, ResponseError,
    ResponseErrorKind, ServiceError, TimeoutError, TimeoutKind, UploadError, UploadErrorKind,
};

// What a call tells besides its typed answer, the same for every operation: the request id,
// status, headers and raw body of a success; the code, message and retry class of a failure.
pub use crate::metadata::{
    CommonErrorCode, ProvideErrorMetadata, ProvideRequestId, Response, ResponseMetadata,
};

// Generic code over the operations.
pub use crate::builder::RequestBuilder;
pub use crate::operation::OperationShape;
// The pages and items of a listing operation (`into_paginator()`), and their stream types.
pub use crate::paginator::{self, Paginated, Paginator};

// Binary request and response bodies (uploads of ROA and V3 operations).
pub use alibabacloud_types::Blob;
// A streamed body read from a reader factory.
pub use crate::upload::blob_from_reader;

// A transport of one's own (`ConfigBuilder::transport`), and fixed clocks and nonces for tests
// (`ConfigBuilder::time_source`, `ConfigBuilder::nonce_source`).
pub use crate::{time_source, transport};
