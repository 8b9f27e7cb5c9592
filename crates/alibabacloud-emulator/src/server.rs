//! The HTTP/1.1 server: configuration ([`Emulator`]), the accept loop with one Tokio task
//! per connection, and the handle of a running emulator ([`EmulatorHandle`]).

use std::collections::HashMap;
use std::fmt;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use alibabacloud_spec::Spec;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, watch};
use tokio::task::{JoinHandle, JoinSet};

use crate::catalog::Catalog;
use crate::clock::{Clock, SystemClock};
use crate::credentials::CredentialStore;
use crate::error::EmulatorError;
use crate::handler::{State, handle};
use crate::record::{DEFAULT_MAX_RECORDED, DEFAULT_MAX_RECORDED_BYTES, RecordedRequest, Records};
use crate::script::{Reply, Script};
use crate::verify::Verifier;

/// The default limit on request bodies: 10 MiB. Larger bodies get HTTP 413.
pub const DEFAULT_MAX_BODY_SIZE: usize = 10 * 1024 * 1024;

/// The configuration of an emulator; [`Emulator::start`] runs it.
///
/// ```no_run
/// # async fn demo() -> Result<(), alibabacloud_emulator::EmulatorError> {
/// use alibabacloud_emulator::{Emulator, Reply};
///
/// let emulator = Emulator::new()
///     .access_key("testid", "testsecret")
///     .spec_dir("specs")?
///     .start()
///     .await?;
/// emulator.script(Reply::throttling());
/// let endpoint = emulator.endpoint(); // "http://127.0.0.1:PORT"
/// # let _ = endpoint;
/// emulator.shutdown().await;
/// # Ok(()) }
/// ```
pub struct Emulator {
    port: u16,
    credentials: CredentialStore,
    clock: Arc<dyn Clock>,
    specs: Vec<Spec>,
    max_body_size: usize,
    max_recorded: usize,
    max_recorded_bytes: usize,
}

impl fmt::Debug for Emulator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Emulator")
            .field("port", &self.port)
            .field("credentials", &self.credentials)
            .field("clock", &self.clock)
            .field(
                "specs",
                &self.specs.iter().map(|s| &s.origin).collect::<Vec<_>>(),
            )
            .field("max_body_size", &self.max_body_size)
            .field("max_recorded", &self.max_recorded)
            .field("max_recorded_bytes", &self.max_recorded_bytes)
            .finish()
    }
}

impl Default for Emulator {
    fn default() -> Self {
        Self::new()
    }
}

impl Emulator {
    /// An emulator on a port of the system's choosing, with no credentials, the system
    /// clock and no specs (the generic mode: every correctly signed action succeeds).
    pub fn new() -> Self {
        Self {
            port: 0,
            credentials: CredentialStore::new(),
            clock: Arc::new(SystemClock),
            specs: Vec::new(),
            max_body_size: DEFAULT_MAX_BODY_SIZE,
            max_recorded: DEFAULT_MAX_RECORDED,
            max_recorded_bytes: DEFAULT_MAX_RECORDED_BYTES,
        }
    }

    /// Listens on this port of 127.0.0.1 (0, the default, lets the system choose).
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// Accepts this permanent AccessKey pair.
    pub fn access_key(self, id: impl Into<String>, secret: impl Into<String>) -> Self {
        self.credentials.add_access_key(id, secret);
        self
    }

    /// Accepts this STS credential (requests must carry the token).
    pub fn sts_credential(
        self,
        id: impl Into<String>,
        secret: impl Into<String>,
        token: impl Into<String>,
    ) -> Self {
        self.credentials.add_sts(id, secret, token);
        self
    }

    /// Uses this credential store (shared: later changes to it are seen by the server).
    pub fn credential_store(mut self, store: CredentialStore) -> Self {
        self.credentials = store;
        self
    }

    /// Uses this clock for timestamps, nonces, STS expiry and recording.
    pub fn clock(mut self, clock: impl Clock + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// Serves the operations of this spec.
    pub fn spec(mut self, spec: Spec) -> Self {
        self.specs.push(spec);
        self
    }

    /// Serves the operations of the spec in `text` (`origin` names it in errors).
    ///
    /// # Errors
    /// [`EmulatorError::Spec`] when the text is not a valid spec.
    pub fn spec_str(self, text: &str, origin: &str) -> Result<Self, EmulatorError> {
        Ok(self.spec(alibabacloud_spec::load_str(text, origin)?))
    }

    /// Serves the operations of the spec file at `path`.
    ///
    /// # Errors
    /// [`EmulatorError::Spec`] when the file cannot be read or is not a valid spec.
    pub fn spec_file(self, path: impl AsRef<Path>) -> Result<Self, EmulatorError> {
        Ok(self.spec(alibabacloud_spec::load_file(path.as_ref())?))
    }

    /// Serves every `<product>/<version>/api-docs.json` under `dir`.
    ///
    /// # Errors
    /// [`EmulatorError::Spec`] when a file cannot be read or is not a valid spec.
    pub fn spec_dir(mut self, dir: impl AsRef<Path>) -> Result<Self, EmulatorError> {
        self.specs
            .extend(alibabacloud_spec::load_dir(dir.as_ref())?);
        Ok(self)
    }

    /// Refuses request bodies larger than `bytes` with HTTP 413 (default 10 MiB).
    pub fn max_body_size(mut self, bytes: usize) -> Self {
        self.max_body_size = bytes;
        self
    }

    /// Keeps the last `n` requests for [`EmulatorHandle::requests`] (default 10 000,
    /// [`DEFAULT_MAX_RECORDED`]); older ones are dropped, oldest first. 0 keeps none (only
    /// [`EmulatorHandle::request_count`] counts them), for load tests and long runs. Each
    /// recorded body is cut to its first 64 KiB whatever `n` is (see [`RecordedRequest`]).
    pub fn max_recorded(mut self, n: usize) -> Self {
        self.max_recorded = n;
        self
    }

    /// Keeps at most `bytes` of recorded requests in all (default 64 MiB,
    /// [`DEFAULT_MAX_RECORDED_BYTES`], as [`RecordedRequest::recorded_size`] counts them);
    /// the oldest are dropped first, whatever [`Emulator::max_recorded`] allows. A request
    /// larger than the whole budget is counted, not kept.
    pub fn max_recorded_bytes(mut self, bytes: usize) -> Self {
        self.max_recorded_bytes = bytes;
        self
    }

    /// Binds 127.0.0.1 and starts serving on the current Tokio runtime.
    ///
    /// # Errors
    /// [`EmulatorError::Bind`] when the port cannot be opened;
    /// [`EmulatorError::DuplicateOperation`] when two specs define the same operation and
    /// version.
    pub async fn start(self) -> Result<EmulatorHandle, EmulatorError> {
        check_duplicates(&self.specs)?;
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, self.port))
            .await
            .map_err(|source| EmulatorError::Bind {
                port: self.port,
                source,
            })?;
        let addr = listener
            .local_addr()
            .map_err(|source| EmulatorError::Bind {
                port: self.port,
                source,
            })?;
        let state = Arc::new(State {
            verifier: Verifier::new(self.credentials.clone(), Arc::clone(&self.clock)),
            clock: self.clock,
            script: Mutex::new(Script::default()),
            paged: Mutex::default(),
            records: Mutex::new(Records::new(self.max_recorded, self.max_recorded_bytes)),
            catalog: Catalog::new(self.specs),
            max_body_size: self.max_body_size,
        });
        let (shutdown_tx, shutdown_rx) = watch::channel(false);
        let task = tokio::spawn(accept_loop(listener, Arc::clone(&state), shutdown_rx));
        tracing::info!(%addr, "emulator listening");
        Ok(EmulatorHandle {
            addr,
            state,
            credentials: self.credentials,
            shutdown: shutdown_tx,
            task: Some(task),
        })
    }
}

fn check_duplicates(specs: &[Spec]) -> Result<(), EmulatorError> {
    let mut seen: HashMap<(&str, &str), &str> = HashMap::new();
    for spec in specs {
        for action in spec.apis.keys() {
            let key = (action.as_str(), spec.info.version.as_str());
            if let Some(first) = seen.insert(key, spec.origin.as_str()) {
                return Err(EmulatorError::DuplicateOperation {
                    action: action.clone(),
                    version: spec.info.version.clone(),
                    first: first.to_owned(),
                    second: spec.origin.clone(),
                });
            }
        }
    }
    Ok(())
}

/// Accepts connections until shutdown, one task per connection. When it returns, the
/// connection tasks are aborted (dropping the `JoinSet`), so nothing outlives the server.
async fn accept_loop(
    listener: TcpListener,
    state: Arc<State>,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            changed = shutdown.changed() => {
                if changed.is_err() || *shutdown.borrow() {
                    break;
                }
            }
            accepted = listener.accept() => match accepted {
                Ok((stream, _peer)) => {
                    connections.spawn(serve_connection(stream, Arc::clone(&state)));
                }
                Err(error) => {
                    // Out of file descriptors and the like: wait a little, keep serving.
                    tracing::warn!(%error, "emulator accept failed");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                }
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    connections.shutdown().await;
    tracing::info!("emulator stopped");
}

/// Serves one connection until the client closes it, a scripted reply drops it, or the
/// task is aborted at shutdown.
async fn serve_connection(stream: TcpStream, state: Arc<State>) {
    let kill = Arc::new(Notify::new());
    let service_kill = Arc::clone(&kill);
    let service =
        service_fn(move |request| handle(Arc::clone(&state), request, Arc::clone(&service_kill)));
    // With a timer, hyper closes connections that send no complete head within 30 s
    // (its default header read timeout); scripted hangs are not affected.
    let connection = http1::Builder::new()
        .timer(TokioTimer::new())
        .serve_connection(TokioIo::new(stream), service);
    tokio::select! {
        result = connection => {
            if let Err(error) = result {
                tracing::debug!(%error, "emulator connection ended with an error");
            }
        }
        () = kill.notified() => {
            tracing::debug!("emulator dropped a connection (scripted)");
        }
    }
}

/// A running emulator. Dropping it stops the server (in-flight requests are cut); call
/// [`EmulatorHandle::shutdown`] to wait until it has stopped.
pub struct EmulatorHandle {
    addr: SocketAddr,
    state: Arc<State>,
    credentials: CredentialStore,
    shutdown: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
}

impl fmt::Debug for EmulatorHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EmulatorHandle")
            .field("addr", &self.addr)
            .field("credentials", &self.credentials)
            .finish_non_exhaustive()
    }
}

impl EmulatorHandle {
    /// The base URL of the emulator: `http://127.0.0.1:PORT`.
    pub fn endpoint(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The host and port, `127.0.0.1:PORT`, for clients that take a host rather than a URL.
    pub fn host(&self) -> String {
        self.addr.to_string()
    }

    /// The socket address the emulator listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// The credentials the emulator accepts; add or remove some while it runs.
    pub fn credentials(&self) -> &CredentialStore {
        &self.credentials
    }

    /// Queues `reply` for the next matching request of any action (see [`Reply`] and the
    /// [`script`](crate::script) module for how scripting and verification interact).
    pub fn script(&self, reply: Reply) {
        self.lock_script().push(None, reply);
    }

    /// Serves `action` from `list` from now on: each verified request of it that no
    /// scripted reply takes gets the page it asks for (see [`paging`](crate::paging)).
    pub fn page_for(&self, action: impl Into<String>, list: crate::paging::PagedList) {
        self.state
            .paged
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(action.into(), list);
    }

    /// Queues `reply` for the next request of `action`.
    pub fn script_for(&self, action: impl Into<String>, reply: Reply) {
        self.lock_script().push(Some(action.into()), reply);
    }

    /// Queues several replies for any action, in order.
    pub fn script_all(&self, replies: impl IntoIterator<Item = Reply>) {
        let mut script = self.lock_script();
        for reply in replies {
            script.push(None, reply);
        }
    }

    /// How many scripted replies are still queued.
    pub fn pending_replies(&self) -> usize {
        self.lock_script().len()
    }

    /// Forgets every queued reply.
    pub fn clear_script(&self) {
        self.lock_script().clear();
    }

    /// The requests kept in the record, oldest first: every request received since the start
    /// (or the last [`EmulatorHandle::clear_requests`]), up to the last
    /// [`Emulator::max_recorded`] of them (10 000 by default).
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.lock_records().iter().cloned().collect()
    }

    /// The requests kept in the record for `action`, oldest first.
    pub fn requests_for(&self, action: &str) -> Vec<RecordedRequest> {
        self.lock_records()
            .iter()
            .filter(|r| r.action.as_deref() == Some(action))
            .cloned()
            .collect()
    }

    /// How many requests were received since the start or the last
    /// [`EmulatorHandle::clear_requests`], counting those the record no longer keeps (or never
    /// kept) because of [`Emulator::max_recorded`]. It equals `requests().len()` until the
    /// limit is reached.
    pub fn request_count(&self) -> usize {
        self.lock_records().received()
    }

    /// The memory the kept requests hold, as the byte budget counts it (the sum of their
    /// [`RecordedRequest::recorded_size`]); at most [`Emulator::max_recorded_bytes`].
    pub fn recorded_bytes(&self) -> usize {
        self.lock_records().bytes()
    }

    /// Forgets the recorded requests and resets [`EmulatorHandle::request_count`] to 0.
    pub fn clear_requests(&self) {
        self.lock_records().clear();
    }

    /// Stops accepting connections, cuts the open ones and waits until the server task
    /// has ended.
    pub async fn shutdown(mut self) {
        let _ = self.shutdown.send(true);
        if let Some(task) = self.task.take()
            && let Err(error) = task.await
        {
            tracing::warn!(%error, "emulator task ended abnormally");
        }
    }

    fn lock_script(&self) -> std::sync::MutexGuard<'_, Script> {
        self.state
            .script
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    fn lock_records(&self) -> std::sync::MutexGuard<'_, Records> {
        self.state
            .records
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for EmulatorHandle {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
        if let Some(task) = self.task.take() {
            // Aborting the accept loop drops its JoinSet, which aborts every connection.
            task.abort();
        }
    }
}
