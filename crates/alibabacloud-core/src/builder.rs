//! The one request builder and send path of every operation: [`RequestBuilder<O>`], generic
//! over the operation's [`OperationShape`]. The generated fluent builders wrap it and add
//! their typed setters.

use std::fmt;

use crate::error::{ConstructionError, Error};
use crate::metadata::Response;
use crate::operation::{CallOptions, OperationShape, Params};
use crate::runtime::Runtime;

/// A request of operation `O` being built: its request model, the options of this call, and
/// the runtime that sends it.
///
/// The generated `<Action>FluentBuilder`s are thin wrappers around it with a typed setter per
/// parameter. Generic code can work on it directly:
///
/// ```no_run
/// use alibabacloud_core::{OperationShape, RequestBuilder};
///
/// async fn send_logged<O: OperationShape>(
///     request: RequestBuilder<O>,
/// ) -> Result<O::Output, alibabacloud_core::Error<O::ErrorCode>> {
///     eprintln!("sending {}", O::OPERATION.action);
///     request.send().await
/// }
/// ```
pub struct RequestBuilder<O: OperationShape> {
    runtime: Runtime,
    input: O::Input,
    options: CallOptions,
}

impl<O: OperationShape> Clone for RequestBuilder<O> {
    fn clone(&self) -> Self {
        Self {
            runtime: self.runtime.clone(),
            input: self.input.clone(),
            options: self.options.clone(),
        }
    }
}

impl<O: OperationShape> fmt::Debug for RequestBuilder<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestBuilder")
            .field("operation", &O::OPERATION.action)
            .field("input", &self.input)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl<O: OperationShape> RequestBuilder<O> {
    /// A request with no parameter set, sent through `runtime`.
    pub fn new(runtime: Runtime) -> Self {
        Self {
            runtime,
            input: O::Input::default(),
            options: CallOptions::default(),
        }
    }

    /// The request model built so far.
    pub fn input(&self) -> &O::Input {
        &self.input
    }

    /// The request model, to change it in place.
    pub fn input_mut(&mut self) -> &mut O::Input {
        &mut self.input
    }

    /// Replaces the whole request model.
    pub fn with_input(mut self, input: O::Input) -> Self {
        self.input = input;
        self
    }

    /// The options of this call.
    pub fn options(&self) -> &CallOptions {
        &self.options
    }

    /// Options of this call only (timeouts, retries), apart from the API's parameters; they
    /// override the client's configuration.
    pub fn call_options(mut self, options: CallOptions) -> Self {
        self.options = options;
        self
    }

    /// The runtime the request is sent through.
    pub fn runtime(&self) -> &Runtime {
        &self.runtime
    }

    /// The request as the flattened parameters that would be sent, after checking the
    /// required ones.
    ///
    /// # Errors
    /// [`ConstructionError::MissingParameter`] when a required parameter is not set;
    /// [`ConstructionError::InvalidParameter`] when a value cannot be sent.
    pub fn params(&self) -> Result<Params, ConstructionError> {
        Params::from_request(O::OPERATION.action, O::PARAMS, &self.input)
    }

    /// Sends the request and decodes the response.
    ///
    /// # Errors
    /// - [`Error::Construction`], before any I/O, when a required parameter is not set or a
    ///   parameter cannot be encoded;
    /// - [`Error::Credentials`] or [`Error::Endpoint`] when nothing could be sent;
    /// - [`Error::Timeout`] or [`Error::Dispatch`] when the call failed on the way;
    /// - [`Error::Response`] when the response cannot be decoded;
    /// - [`Error::Service`] when the service answered with an error, including a 2xx body
    ///   that says `"Success": false`.
    pub async fn send(self) -> Result<O::Output, Error<O::ErrorCode>> {
        let params = self.params()?;
        self.runtime
            .invoke(&O::OPERATION, params, &self.options, O::SUCCESS)
            .await
    }

    /// Sends the request like [`send`](RequestBuilder::send), and keeps what the response
    /// said besides the decoded output: its request id, HTTP status, headers and raw body
    /// (read fields the API metadata does not list with
    /// [`ResponseMetadata::json`](crate::ResponseMetadata::json)).
    ///
    /// # Errors
    /// As [`send`](RequestBuilder::send).
    pub async fn send_with_metadata(self) -> Result<Response<O::Output>, Error<O::ErrorCode>> {
        let params = self.params()?;
        self.runtime
            .invoke_with_metadata(&O::OPERATION, params, &self.options, O::SUCCESS)
            .await
    }
}
