//! Reading configuration and token files without blocking the async runtime.

use std::io;
use std::path::Path;

/// The contents of `path`, read on tokio's blocking pool (a file on a slow or network disk, or
/// a FIFO, must not stall the runtime's worker thread and the requests it drives). Outside a
/// tokio runtime the file is read in place.
pub(crate) async fn read_to_string(path: &Path) -> io::Result<String> {
    let Ok(runtime) = tokio::runtime::Handle::try_current() else {
        return std::fs::read_to_string(path);
    };
    let owned = path.to_path_buf();
    runtime
        .spawn_blocking(move || std::fs::read_to_string(owned))
        .await
        .unwrap_or_else(|e| Err(io::Error::other(format!("the read did not complete: {e}"))))
}
