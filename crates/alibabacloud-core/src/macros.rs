//! What every generated client crate repeats, written once: the operation type with its
//! fluent builder ([`operation!`](crate::operation!)), the error code enums
//! ([`error_codes!`](crate::error_codes!)) and the `Client` ([`client!`](crate::client!)).
//!
//! Each macro takes valid Rust items (so that the generated code reads, and is formatted, as
//! Rust) and adds what is the same for every operation.

/// An operation of a generated client: its type, how it is sent, and its fluent builder.
///
/// Takes three items:
/// 1. `pub struct <Action>;`, the operation as a type (it gets `Clone`, `Copy`, `Debug` and
///    `Default`);
/// 2. its `impl OperationShape`, written with the names of this crate in scope
///    (`Operation`, `HttpMethod`, `ApiStyle`, `OperationType`, `ParamSpec`, `ParamStyle`,
///    `SuccessCheck`);
/// 3. `pub struct <Action>FluentBuilder { ... }`, one entry per parameter: the request
///    field with its type, its docs, and `#[setters(set_x, get_x)]` naming the other two
///    setters (`#[deprecated]` before it deprecates all three).
///
/// The builder wraps [`RequestBuilder<Action>`](crate::RequestBuilder) (it converts from a
/// [`Runtime`](crate::Runtime), and into the `RequestBuilder`) and gets, per parameter,
/// `x(...)` (an `Option<T>` field takes `impl Into<T>`; a `Vec<T>` field appends one item; a
/// map field inserts one entry), `set_x(...)` (replaces the value) and `get_x()`;
/// and `new(runtime)`, `call_options`, `as_input`, `send` and `send_with_metadata`.
///
/// ```
/// alibabacloud_types::model! {
///     /// The request.
///     pub struct GetThingRequest {
///         /// The thing.
///         #[wire("ThingId", with_thing_id)]
///         pub thing_id: Option<String>,
///         /// Its tags.
///         #[wire("Tag", with_tag)]
///         pub tag: Vec<String>,
///     }
/// }
///
/// alibabacloud_types::model! {
///     /// The response.
///     pub struct GetThingResponse {
///         /// Whether it worked.
///         #[wire("Success", with_success)]
///         pub success: Option<bool>,
///     }
/// }
///
/// alibabacloud_core::operation! {
///     /// `GetThing` as a type.
///     pub struct GetThing;
///
///     impl OperationShape for GetThing {
///         type Input = GetThingRequest;
///         type Output = GetThingResponse;
///         type ErrorCode = String;
///         const OPERATION: Operation = Operation {
///             product: "Thing",
///             action: "GetThing",
///             version: "2024-01-01",
///             method: HttpMethod::Post,
///             style: ApiStyle::Rpc,
///             operation_type: OperationType::Read,
///             secret_response_fields: &[],
///         };
///         const PARAMS: &'static [ParamSpec] = &[
///             ParamSpec::query("ThingId").required(),
///             ParamSpec::query("Tag"),
///         ];
///         const SUCCESS: SuccessCheck<Self::Output> = SuccessCheck::Field(|r| r.success);
///     }
///
///     /// Sets the parameters of `GetThing` and sends the request.
///     pub struct GetThingFluentBuilder {
///         /// The thing.
///         #[setters(set_thing_id, get_thing_id)]
///         thing_id: Option<String>,
///         /// Its tags.
///         #[setters(set_tag, get_tag)]
///         tag: Vec<String>,
///     }
/// }
///
/// # let config = alibabacloud_core::Config::builder().region("cn-hangzhou").build().unwrap();
/// # static ENDPOINTS: alibabacloud_core::ProductEndpoints = alibabacloud_core::ProductEndpoints {
/// #     product: "Thing", regional: &[], vpc: &[], rule: None };
/// let runtime = alibabacloud_core::Runtime::new(config, &ENDPOINTS);
/// let builder = GetThingFluentBuilder::new(runtime).thing_id("t-1").tag("a").tag("b");
/// assert_eq!(builder.get_thing_id().as_deref(), Some("t-1"));
/// assert_eq!(builder.get_tag(), ["a", "b"]);
/// ```
#[macro_export]
macro_rules! operation {
    (
        $(#[doc = $op_doc:expr])*
        pub struct $op:ident;

        impl OperationShape for $op_impl:ident {
            type Input = $input:ty;
            type Output = $output:ty;
            type ErrorCode = $code:ty;
            const OPERATION: Operation = $operation:expr;
            const PARAMS: &'static [ParamSpec] = $params:expr;
            $(const SUCCESS: SuccessCheck<Self::Output> = $success:expr;)?
        }

        $(#[doc = $builder_doc:expr])*
        pub struct $builder:ident {
            $(
                $(#[doc = $field_doc:expr])*
                $(#[deprecated $($deprecated:tt)*])?
                #[setters($set:ident, $get:ident $(,)?)]
                $field:ident : $($seg:ident)::+ $(< $($arg:ty),+ $(,)? >)?
            ),* $(,)?
        }
    ) => {
        $(#[doc = $op_doc])*
        #[derive(
            ::core::clone::Clone,
            ::core::marker::Copy,
            ::core::fmt::Debug,
            ::core::default::Default,
        )]
        pub struct $op;

        impl $crate::OperationShape for $op {
            type Input = $input;
            type Output = $output;
            type ErrorCode = $code;

            const OPERATION: $crate::Operation = {
                #[allow(unused_imports)]
                use $crate::{ApiStyle, HttpMethod, Operation, OperationType};
                $operation
            };

            const PARAMS: &'static [$crate::ParamSpec] = {
                #[allow(unused_imports)]
                use $crate::{ParamLocation, ParamSpec, ParamStyle};
                $params
            };

            $(
                const SUCCESS: $crate::SuccessCheck<$output> = {
                    use $crate::SuccessCheck;
                    $success
                };
            )?
        }

        $(#[doc = $builder_doc])*
        #[derive(::core::clone::Clone, ::core::fmt::Debug)]
        pub struct $builder($crate::RequestBuilder<$op>);

        impl $builder {
            /// A request with no parameter set, sent through `runtime` (the client's method of
            /// the operation makes one).
            pub fn new(runtime: $crate::Runtime) -> Self {
                Self($crate::RequestBuilder::new(runtime))
            }

            $(
                $crate::__fluent_setters! {
                    [$(#[doc = $field_doc])*]
                    [$(#[deprecated $($deprecated)*])?]
                    $field $set $get
                    [$($seg)::+] [$($($arg),+)?] [$($seg)::+ $(< $($arg),+ >)?]
                }
            )*

            /// Options of this call only (timeouts, retries), apart from the API's parameters;
            /// they override the client's configuration.
            pub fn call_options(self, options: $crate::CallOptions) -> Self {
                Self(self.0.call_options(options))
            }

            /// The request built so far.
            pub fn as_input(&self) -> &$input {
                self.0.input()
            }

            /// Sends the request and decodes the response.
            ///
            /// # Errors
            /// - [`Error::Construction`](alibabacloud_core::Error::Construction), before any
            ///   I/O, when a required parameter is not set or a parameter cannot be encoded;
            /// - [`Error::Credentials`](alibabacloud_core::Error::Credentials) or
            ///   [`Error::Endpoint`](alibabacloud_core::Error::Endpoint) when nothing could be
            ///   sent;
            /// - [`Error::Timeout`](alibabacloud_core::Error::Timeout) or
            ///   [`Error::Dispatch`](alibabacloud_core::Error::Dispatch) when the call failed
            ///   on the way;
            /// - [`Error::Response`](alibabacloud_core::Error::Response) when the response
            ///   cannot be decoded;
            /// - [`Error::Service`](alibabacloud_core::Error::Service) when the service
            ///   answered with an error (its code typed by the operation's error code enum),
            ///   including a 2xx body that says `"Success": false`.
            pub async fn send(self) -> ::core::result::Result<$output, $crate::Error<$code>> {
                self.0.send().await
            }

            /// Sends the request like `send()`, and keeps the response's request id, HTTP
            /// status, headers and raw body next to the decoded output (see
            /// [`Response`](alibabacloud_core::Response)).
            ///
            /// # Errors
            /// As `send()`.
            pub async fn send_with_metadata(
                self,
            ) -> ::core::result::Result<$crate::Response<$output>, $crate::Error<$code>> {
                self.0.send_with_metadata().await
            }
        }

        impl ::core::convert::From<$crate::Runtime> for $builder {
            fn from(runtime: $crate::Runtime) -> Self {
                Self::new(runtime)
            }
        }

        impl ::core::convert::From<$builder> for $crate::RequestBuilder<$op> {
            fn from(builder: $builder) -> Self {
                builder.0
            }
        }
    };
}

/// The three setters of one parameter of [`operation!`].
#[doc(hidden)]
#[macro_export]
macro_rules! __fluent_setters {
    (
        [$($doc:tt)*] [$($deprecated:tt)*] $field:ident $set:ident $get:ident
        [Option] [$inner:ty] [$($ty:tt)*]
    ) => {
        $($doc)*
        $($deprecated)*
        pub fn $field(mut self, value: impl ::core::convert::Into<$inner>) -> Self {
            self.0.input_mut().$field = ::core::option::Option::Some(value.into());
            self
        }

        #[doc = ::core::concat!("Sets or clears ", $crate::__private::alibabacloud_types::__doc_link!($field), ".")]
        $($deprecated)*
        pub fn $set(mut self, value: ::core::option::Option<$inner>) -> Self {
            self.0.input_mut().$field = value;
            self
        }

        #[doc = ::core::concat!($crate::__private::alibabacloud_types::__doc_link!($field), " as set so far.")]
        $($deprecated)*
        pub fn $get(&self) -> &::core::option::Option<$inner> {
            &self.0.input().$field
        }
    };
    (
        [$($doc:tt)*] [$($deprecated:tt)*] $field:ident $set:ident $get:ident
        [Vec] [$item:ty] [$($ty:tt)*]
    ) => {
        $($doc)*
        ///
        /// Call it once per item: each call appends one.
        $($deprecated)*
        pub fn $field(mut self, item: impl ::core::convert::Into<$item>) -> Self {
            self.0.input_mut().$field.push(item.into());
            self
        }

        #[doc = ::core::concat!("Replaces the whole list; see ", $crate::__private::alibabacloud_types::__doc_link!($field), ".")]
        $($deprecated)*
        pub fn $set(mut self, items: $($ty)*) -> Self {
            self.0.input_mut().$field = items;
            self
        }

        #[doc = ::core::concat!("The items of ", $crate::__private::alibabacloud_types::__doc_link!($field), " set so far.")]
        $($deprecated)*
        pub fn $get(&self) -> &[$item] {
            &self.0.input().$field
        }
    };
    (
        [$($doc:tt)*] [$($deprecated:tt)*] $field:ident $set:ident $get:ident
        [std::collections::BTreeMap] [$key:ty, $value:ty] [$($ty:tt)*]
    ) => {
        $($doc)*
        ///
        /// Call it once per entry: each call inserts one.
        $($deprecated)*
        pub fn $field(
            mut self,
            key: impl ::core::convert::Into<$key>,
            value: impl ::core::convert::Into<$value>,
        ) -> Self {
            self.0.input_mut().$field.insert(key.into(), value.into());
            self
        }

        #[doc = ::core::concat!("Replaces the whole map; see ", $crate::__private::alibabacloud_types::__doc_link!($field), ".")]
        $($deprecated)*
        pub fn $set(mut self, entries: $($ty)*) -> Self {
            self.0.input_mut().$field = entries;
            self
        }

        #[doc = ::core::concat!("The entries of ", $crate::__private::alibabacloud_types::__doc_link!($field), " set so far.")]
        $($deprecated)*
        pub fn $get(&self) -> &$($ty)* {
            &self.0.input().$field
        }
    };
    (
        [$($doc:tt)*] [$($deprecated:tt)*] $field:ident $set:ident $get:ident
        [$($seg:ident)::+] [$($inner:ty),*] [$($ty:tt)*]
    ) => {
        $($doc)*
        $($deprecated)*
        pub fn $field(mut self, value: $($ty)*) -> Self {
            self.0.input_mut().$field = value;
            self
        }

        #[doc = ::core::concat!("Replaces ", $crate::__private::alibabacloud_types::__doc_link!($field), ".")]
        $($deprecated)*
        pub fn $set(mut self, value: $($ty)*) -> Self {
            self.0.input_mut().$field = value;
            self
        }

        #[doc = ::core::concat!($crate::__private::alibabacloud_types::__doc_link!($field), " as set so far.")]
        $($deprecated)*
        pub fn $get(&self) -> &$($ty)* {
            &self.0.input().$field
        }
    };
}

/// The error codes documented for an operation: an open enum of the codes, each with its
/// wire code and documented HTTP status (`_` when the metadata does not give one), plus
/// `Unknown(String)`; with `as_str()`,
/// `documented_status()`, `VALUES`, `From<&str>`, `From<String>`, `FromStr`, `AsRef<str>`,
/// `Display` and [`ErrorCode`](crate::ErrorCode).
///
/// ```
/// alibabacloud_core::error_codes! {
///     /// The error codes of `GetThing`.
///     pub enum GetThingErrorCode {
///         /// The thing does not exist.
///         NotFound = ("Thing.NotFound", 404),
///     }
/// }
///
/// let code = GetThingErrorCode::from("Thing.NotFound");
/// assert_eq!(code, GetThingErrorCode::NotFound);
/// assert_eq!(code.documented_status(), Some(404));
/// let other: GetThingErrorCode = "Throttling.User".parse().unwrap();
/// assert_eq!(other.as_str(), "Throttling.User");
/// assert_eq!(other.documented_status(), None);
/// ```
#[macro_export]
macro_rules! error_codes {
    (
        $(#[$attr:meta])*
        pub enum $name:ident {
            $(
                $(#[$variant_attr:meta])*
                $variant:ident = ($code:literal, $status:tt $(,)?)
            ),* $(,)?
        }
    ) => {
        $crate::__private::alibabacloud_types::open_enum!(
            @enum [$(#[$attr])*] $name
            [" A code not documented for this operation, as sent by the service."]
            { $([$(#[$variant_attr])*] $variant = $code),* }
        );

        impl $name {
            /// The HTTP status the API metadata documents for this code (the first one, when
            /// it lists several); `None` for `Unknown`.
            pub fn documented_status(&self) -> ::core::option::Option<u16> {
                match self {
                    $(Self::$variant => $crate::__documented_status!($status),)*
                    Self::Unknown(_) => ::core::option::Option::None,
                }
            }
        }

        $crate::__private::alibabacloud_types::open_enum!(
            @conversions $name { $($variant = $code),* }
        );

        impl $crate::ErrorCode for $name {}
    };
}

/// The documented status of one code of [`error_codes!`]: `_` when the metadata files the
/// code under a key that is not an HTTP status.
#[doc(hidden)]
#[macro_export]
macro_rules! __documented_status {
    (_) => {
        ::core::option::Option::None
    };
    ($status:literal) => {
        ::core::option::Option::Some($status)
    };
}

/// The `Client` of a generated crate: the struct, `new(config)`, `from_env()` and
/// `config()`. The operations' methods are added in an `impl` of their own.
///
/// ```
/// # static ENDPOINTS: alibabacloud_core::ProductEndpoints = alibabacloud_core::ProductEndpoints {
/// #     product: "Thing", regional: &[], vpc: &[], rule: None };
/// alibabacloud_core::client! {
///     /// The client of the Thing service.
///     #[endpoints(ENDPOINTS)]
///     pub struct Client;
/// }
///
/// let config = alibabacloud_core::Config::builder().region("cn-hangzhou").build().unwrap();
/// let client = Client::new(config);
/// assert_eq!(client.config().region(), Some("cn-hangzhou"));
/// ```
#[macro_export]
macro_rules! client {
    (
        $(#[doc = $doc:expr])*
        #[endpoints($endpoints:path)]
        pub struct $name:ident;
    ) => {
        $(#[doc = $doc])*
        #[derive(::core::clone::Clone, ::core::fmt::Debug)]
        pub struct $name {
            runtime: $crate::Runtime,
        }

        impl $name {
            #[doc = ::core::concat!(
                "A client with this configuration. The endpoint is chosen now: the configured ",
                "endpoint, else the product's endpoint for the configured region (see [`",
                ::core::stringify!($endpoints), "`]); when there is none, every call fails with ",
                "[`Error::Endpoint`](alibabacloud_core::Error::Endpoint)."
            )]
            pub fn new(config: $crate::Config) -> Self {
                Self {
                    runtime: $crate::Runtime::new(config, &$endpoints),
                }
            }

            /// A client configured from the environment: the region from
            /// `ALIBABA_CLOUD_REGION_ID`, credentials from the default chain (see
            /// [`Config::load_from_env`](alibabacloud_core::Config::load_from_env)).
            ///
            /// # Errors
            /// When the environment holds an invalid region or endpoint.
            pub async fn from_env() -> ::core::result::Result<Self, $crate::ConfigError> {
                ::core::result::Result::Ok(Self::new($crate::Config::load_from_env().await?))
            }

            /// The configuration.
            pub fn config(&self) -> &$crate::Config {
                self.runtime.config()
            }
        }
    };
}
