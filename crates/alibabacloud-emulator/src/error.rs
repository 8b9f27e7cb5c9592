//! The errors of starting an emulator.

use std::io;

/// Why an emulator could not be configured or started.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EmulatorError {
    /// The listening socket could not be opened.
    #[error("cannot listen on 127.0.0.1:{port}: {source}")]
    Bind {
        /// The port asked for (0 for any).
        port: u16,
        /// The operating system's error.
        source: io::Error,
    },
    /// A spec could not be loaded (the error names the file and the JSON path).
    #[error("cannot load specs: {0}")]
    Spec(#[from] alibabacloud_spec::SpecError),
    /// Two loaded specs define the same operation in the same version, so requests for it
    /// could not be routed.
    #[error("operation {action} of version {version} is defined by both {first} and {second}")]
    DuplicateOperation {
        /// The action.
        action: String,
        /// The API version.
        version: String,
        /// The origin of the first spec.
        first: String,
        /// The origin of the second spec.
        second: String,
    },
}
