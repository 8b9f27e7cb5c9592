//! Loader for Alibaba Cloud OpenAPI metadata (`api-docs.json`): the parse layer of the
//! generator (`xtask`) and of the emulator.
//!
//! The structs mirror the official metadata format and are tolerant: keys this crate does
//! not know are ignored (an unmodified official file always loads), values whose type varies
//! between files are accepted in each form (`"true"` for `true`, `"100"` for `100`, string or
//! number examples and enum values), and absent lists, maps and flags are empty or false.
//! Objects keep their file order ([`indexmap::IndexMap`]). Our own `x-` keys
//! (`x-secret`, `x-json-string`, `x-time-format`, `x-endpoint-rule`,
//! `x-ram-authorization`, documented in `specs/README.md`) have typed fields; any other `x-`
//! key is kept in an [`Extensions`] map.
//!
//! Loading is tolerant of what real metadata has, and strict about the rest. A first cheap
//! look at `info` ([`preview_str`]) refuses a style other than `RPC`, `V3` and `ROA`
//! ([`SpecErrorKind::UnsupportedStyle`]) before anything else is read. Then what a file says
//! that cannot be taken as it is gets a documented, deterministic fallback and a [`Warning`]
//! in [`Spec::warnings`], naming the file, the operation and the JSON path: a value of the
//! wrong type is ignored; a parameter listed twice is merged (the first listing wins when
//! they differ); a `$ref` to a missing schema, an `array` without `items` and a scalar with
//! `items` become any JSON value; `enumValueTitles` outside `enum` are ignored; `errorCodes`
//! keys that are not HTTP statuses keep their codes with an unknown status; unknown methods,
//! parameters without a name, and bad endpoints are left out. Every class is listed on
//! [`WarningKind`]. Only a file that is not JSON or not the metadata's shape (`info`,
//! `apis`, `components.schemas`, `endpoints` of the wrong type; no `info.style`,
//! `info.product` or `info.version`), and mistakes in our own `x-` keys, are errors.
//!
//! Every failure is a [`SpecError`] naming the file and the JSON path, e.g.
//! `specs/x/api-docs.json: $.apis.QueryFoo.parameters[2]: invalid JSON at line 7 column 37`.
//!
//! # Example
//!
//! ```
//! use alibabacloud_spec::{ParameterLocation, load_str};
//!
//! let spec = load_str(
//!     r#"{
//!         "info": {"style": "RPC", "product": "Demo", "version": "2024-01-01"},
//!         "apis": {
//!             "QueryThing": {
//!                 "methods": ["post"],
//!                 "operationType": "read",
//!                 "parameters": [
//!                     {"name": "Id", "in": "query",
//!                      "schema": {"type": "string", "required": true, "x-secret": true}}
//!                 ],
//!                 "responses": {"200": {"schema": {"type": "object",
//!                     "properties": {"RequestId": {"type": "string"}}}}},
//!                 "errorCodes": {"400": [{"errorCode": "Thing.NotFound",
//!                                         "errorMessage": "No such thing."}]}
//!             }
//!         },
//!         "endpoints": [{"regionId": "cn-hangzhou", "endpoint": "demo.cn-hangzhou.aliyuncs.com"}],
//!         "x-endpoint-rule": {"default": "demo.{region}.aliyuncs.com"}
//!     }"#,
//!     "inline.json",
//! )?;
//!
//! let api = &spec.apis["QueryThing"];
//! let id = &api.parameters[0];
//! assert_eq!(id.location, Some(ParameterLocation::Query));
//! assert!(id.is_required() && id.schema.as_ref().is_some_and(|s| s.secret));
//! assert!(api.is_read_only());
//! let (status, error) = api.error_codes_by_status().next().expect("one error");
//! assert_eq!((status, error.error_code.as_str()), (400, "Thing.NotFound"));
//! assert_eq!(
//!     spec.endpoint_for_region("eu-central-1").as_deref(),
//!     Some("demo.eu-central-1.aliyuncs.com")
//! );
//! # Ok::<(), alibabacloud_spec::SpecError>(())
//! ```
//!
//! Loading every spec of the repository, as the generator does:
//!
//! ```no_run
//! let specs = alibabacloud_spec::load_dir(std::path::Path::new("specs"))?;
//! for spec in &specs {
//!     println!("{} {} {}: {} operations", spec.origin, spec.info.product, spec.info.version,
//!         spec.apis.len());
//! }
//! # Ok::<(), alibabacloud_spec::SpecError>(())
//! ```

mod api;
mod error;
mod extensions;
mod lenient;
mod load;
mod path;
mod schema;
mod spec;
mod tree;
mod validate;
mod warning;

pub use api::{
    Api, ErrorCode, HttpMethod, OperationType, Parameter, ParameterLocation, ParameterStyle,
    RamAction, RamActionEntry, RamAuthorization, RamResource, Response, ResponseDemo,
    ResponseHeader,
};
pub use error::{SpecError, SpecErrorKind};
pub use extensions::Extensions;
pub use load::{
    Preview, SPEC_FILE_NAME, check_place, load_dir, load_file, load_str, preview_str, spec_files,
};
pub use path::JsonPath;
pub use schema::{AdditionalProperties, Schema, SchemaType};
pub use spec::{
    ApiStyle, Components, Endpoint, EndpointRule, EndpointRuleEntry, Info, REGION_PLACEHOLDER, Spec,
};
pub use warning::{Warning, WarningKind};
