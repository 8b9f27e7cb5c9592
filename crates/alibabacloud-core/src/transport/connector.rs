//! How the default transport opens a connection: TCP, through the HTTP proxy the environment
//! names for the destination (a `CONNECT` tunnel for HTTPS), then TLS; the whole of it bounded
//! by the connect timeout.

use std::fmt;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use http::Uri;
use http::uri::Scheme;
use hyper_util::client::legacy::connect::proxy::Tunnel;
use hyper_util::client::legacy::connect::{Connected, Connection, HttpConnector};
use hyper_util::client::proxy::matcher::{Intercept, Matcher};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;
use tower_service::Service;

use crate::error::BoxError;

tokio::task_local! {
    /// The connect timeout of the call being sent, when it overrides the transport's: set
    /// around the request's future, read when a new connection is opened for it.
    pub(super) static CONNECT_TIMEOUT: Duration;
}

/// Opens connections for the default transport's pool.
#[derive(Clone)]
pub(super) struct Connector {
    tcp: HttpConnector,
    tls: Tls,
    proxies: Option<Arc<Proxies>>,
    connect_timeout: Duration,
}

impl Connector {
    pub(super) fn new(
        connect_timeout: Duration,
        proxies: Option<Arc<Proxies>>,
    ) -> Result<Self, BoxError> {
        let mut tcp = HttpConnector::new();
        // The scheme is the connector's business (TLS below), not the TCP connector's.
        tcp.enforce_http(false);
        // Small requests go out at once rather than waiting for an ACK (as reqwest and curl).
        tcp.set_nodelay(true);
        tcp.set_connect_timeout(Some(connect_timeout));
        Ok(Connector {
            tcp,
            tls: Tls::new()?,
            proxies,
            connect_timeout,
        })
    }

    async fn connect(self, dst: Uri, timeout: Duration) -> Result<Stream, BoxError> {
        let mut tcp = self.tcp;
        if timeout != self.connect_timeout {
            // Each address tried gets its share of the call's own timeout.
            tcp.set_connect_timeout(Some(timeout));
        }
        let https = dst.scheme() == Some(&Scheme::HTTPS);
        let proxy = match &self.proxies {
            Some(proxies) => proxies.intercept(&dst)?,
            None => None,
        };
        match (https, proxy) {
            (false, None) => Ok(Stream::Tcp {
                io: call(&mut tcp, dst).await?,
                proxied: false,
            }),
            // Plain HTTP through a proxy: the request goes to the proxy in absolute form.
            (false, Some(proxy)) => Ok(Stream::Tcp {
                io: call(&mut tcp, proxy.uri().clone()).await?,
                proxied: true,
            }),
            (true, None) => {
                let io = call(&mut tcp, dst.clone()).await?;
                self.tls.handshake(&dst, io.into_inner()).await
            }
            (true, Some(proxy)) => {
                let mut tunnel = Tunnel::new(proxy.uri().clone(), tcp);
                if let Some(auth) = proxy.basic_auth() {
                    tunnel = tunnel.with_auth(auth.clone());
                }
                let io = call(&mut tunnel, dst.clone()).await?;
                self.tls.handshake(&dst, io.into_inner()).await
            }
        }
    }
}

/// Calls a `tower` service, readiness first.
async fn call<S>(service: &mut S, uri: Uri) -> Result<S::Response, BoxError>
where
    S: Service<Uri>,
    S::Error: Into<BoxError>,
{
    std::future::poll_fn(|cx| service.poll_ready(cx))
        .await
        .map_err(Into::into)?;
    service.call(uri).await.map_err(Into::into)
}

impl fmt::Debug for Connector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Connector")
            .field("tls", &self.tls)
            .field("proxies", &self.proxies)
            .field("connect_timeout", &self.connect_timeout)
            .finish()
    }
}

impl Service<Uri> for Connector {
    type Response = Stream;
    type Error = BoxError;
    type Future = Pin<Box<dyn Future<Output = Result<Stream, BoxError>> + Send>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), BoxError>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, dst: Uri) -> Self::Future {
        // Read here, in the request's task: the connection may finish in the background.
        let timeout = CONNECT_TIMEOUT
            .try_with(|t| *t)
            .unwrap_or(self.connect_timeout);
        let this = self.clone();
        Box::pin(async move {
            match tokio::time::timeout(timeout, this.connect(dst, timeout)).await {
                Ok(result) => result,
                Err(_) => Err(ConnectTimedOut(timeout).into()),
            }
        })
    }
}

/// The connection (TCP, proxy and TLS handshakes) took longer than the connect timeout.
#[derive(Debug, thiserror::Error)]
#[error("no connection within {0:?} (the connect timeout)")]
pub(super) struct ConnectTimedOut(Duration);

/// The proxies named by the environment (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`, `NO_PROXY`
/// and their lower-case forms, as curl reads them).
pub(super) struct Proxies(Matcher);

impl Proxies {
    pub(super) fn new(matcher: Matcher) -> Self {
        Proxies(matcher)
    }

    /// The proxies of the environment; `None` when it names none.
    pub(super) fn from_env() -> Option<Self> {
        const VARS: [&str; 6] = [
            "HTTPS_PROXY",
            "https_proxy",
            "HTTP_PROXY",
            "http_proxy",
            "ALL_PROXY",
            "all_proxy",
        ];
        VARS.iter()
            .any(|var| std::env::var_os(var).is_some_and(|v| !v.is_empty()))
            .then(|| Proxies(Matcher::from_env()))
    }

    /// The proxy for `dst`, if one applies; an error for a kind of proxy this transport cannot
    /// go through.
    pub(super) fn intercept(&self, dst: &Uri) -> Result<Option<Intercept>, BoxError> {
        let Some(proxy) = self.0.intercept(dst) else {
            return Ok(None);
        };
        match proxy.uri().scheme_str() {
            Some("http") => Ok(Some(proxy)),
            other => Err(UnsupportedProxy {
                scheme: other.unwrap_or("").to_owned(),
                authority: proxy
                    .uri()
                    .authority()
                    .map(|a| {
                        a.host().to_owned() + &a.port().map(|p| format!(":{p}")).unwrap_or_default()
                    })
                    .unwrap_or_default(),
            }
            .into()),
        }
    }

    /// The `Proxy-Authorization` of a plain-HTTP request sent through a proxy.
    pub(super) fn authorization(&self, dst: &Uri) -> Option<http::HeaderValue> {
        if dst.scheme() != Some(&Scheme::HTTP) {
            return None;
        }
        self.0.intercept(dst)?.basic_auth().cloned()
    }
}

/// Leaves out the proxies' addresses: they may hold a user name and password.
impl fmt::Debug for Proxies {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Proxies")
    }
}

/// A proxy of a scheme the transport cannot go through (SOCKS, or TLS to the proxy).
#[derive(Debug, thiserror::Error)]
#[error(
    "the proxy `{scheme}://{authority}` set in the environment is not supported: only `http://` proxies are (set HTTPS_PROXY/HTTP_PROXY/ALL_PROXY to one, or NO_PROXY to bypass it)"
)]
pub(super) struct UnsupportedProxy {
    scheme: String,
    authority: String,
}

/// The TLS stack the crate's features chose: the platform's (`native-tls`) when asked for,
/// else rustls (the default feature), else none (HTTPS refused).
#[derive(Clone)]
enum Tls {
    #[cfg(all(feature = "rustls", not(feature = "native-tls")))]
    Rustls(tokio_rustls::TlsConnector),
    #[cfg(feature = "native-tls")]
    Native(tokio_native_tls::TlsConnector),
    #[cfg(not(any(feature = "rustls", feature = "native-tls")))]
    None,
}

impl fmt::Debug for Tls {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            #[cfg(all(feature = "rustls", not(feature = "native-tls")))]
            Tls::Rustls(_) => "rustls",
            #[cfg(feature = "native-tls")]
            Tls::Native(_) => "native-tls",
            #[cfg(not(any(feature = "rustls", feature = "native-tls")))]
            Tls::None => "none",
        })
    }
}

impl Tls {
    #[cfg(all(feature = "rustls", not(feature = "native-tls")))]
    fn new() -> Result<Self, BoxError> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let roots = rustls::RootCertStore {
            roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
        };
        let mut config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()?
            .with_root_certificates(roots)
            .with_no_client_auth();
        config.alpn_protocols = if cfg!(feature = "http2") {
            vec![b"h2".to_vec(), b"http/1.1".to_vec()]
        } else {
            vec![b"http/1.1".to_vec()]
        };
        Ok(Tls::Rustls(tokio_rustls::TlsConnector::from(Arc::new(
            config,
        ))))
    }

    #[cfg(feature = "native-tls")]
    fn new() -> Result<Self, BoxError> {
        let connector = native_tls::TlsConnector::new()?;
        Ok(Tls::Native(tokio_native_tls::TlsConnector::from(connector)))
    }

    #[cfg(not(any(feature = "rustls", feature = "native-tls")))]
    fn new() -> Result<Self, BoxError> {
        Ok(Tls::None)
    }

    async fn handshake(&self, dst: &Uri, tcp: TcpStream) -> Result<Stream, BoxError> {
        // `Uri::host` keeps the brackets of an IPv6 address.
        let host = dst
            .host()
            .unwrap_or_default()
            .trim_start_matches('[')
            .trim_end_matches(']');
        match self {
            #[cfg(all(feature = "rustls", not(feature = "native-tls")))]
            Tls::Rustls(connector) => {
                let name = rustls::pki_types::ServerName::try_from(host.to_owned())?;
                let tls = connector.connect(name, tcp).await?;
                Ok(Stream::Rustls(TokioIo::new(tls)))
            }
            #[cfg(feature = "native-tls")]
            Tls::Native(connector) => {
                let tls = connector.connect(host, tcp).await?;
                Ok(Stream::Native(TokioIo::new(tls)))
            }
            #[cfg(not(any(feature = "rustls", feature = "native-tls")))]
            Tls::None => {
                drop(tcp);
                let _ = host;
                Err(NoTls.into())
            }
        }
    }
}

/// HTTPS asked of a build without a TLS feature.
#[cfg(not(any(feature = "rustls", feature = "native-tls")))]
#[derive(Debug, thiserror::Error)]
#[error(
    "HTTPS needs a TLS feature of alibabacloud-core (`rustls`, the default, or `native-tls`), and this build has none"
)]
struct NoTls;

/// An open connection: plain TCP (maybe to a proxy) or TLS.
// One per connection, moved once into hyper's connection task: the TLS variant's size costs
// nothing a box would save.
#[allow(clippy::large_enum_variant)]
pub(super) enum Stream {
    Tcp {
        io: TokioIo<TcpStream>,
        /// To a proxy, which takes requests in absolute form.
        proxied: bool,
    },
    #[cfg(all(feature = "rustls", not(feature = "native-tls")))]
    Rustls(TokioIo<tokio_rustls::client::TlsStream<TcpStream>>),
    #[cfg(feature = "native-tls")]
    Native(TokioIo<tokio_native_tls::TlsStream<TcpStream>>),
}

/// Forwards to the inner stream, whichever it is.
macro_rules! forward {
    ($self:ident, $io:ident => $call:expr) => {
        match $self.get_mut() {
            Stream::Tcp { io: $io, .. } => $call,
            #[cfg(all(feature = "rustls", not(feature = "native-tls")))]
            Stream::Rustls($io) => $call,
            #[cfg(feature = "native-tls")]
            Stream::Native($io) => $call,
        }
    };
}

impl hyper::rt::Read for Stream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: hyper::rt::ReadBufCursor<'_>,
    ) -> Poll<io::Result<()>> {
        forward!(self, io => Pin::new(io).poll_read(cx, buf))
    }
}

impl hyper::rt::Write for Stream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        forward!(self, io => Pin::new(io).poll_write(cx, buf))
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        forward!(self, io => Pin::new(io).poll_write_vectored(cx, bufs))
    }

    fn is_write_vectored(&self) -> bool {
        match self {
            Stream::Tcp { io, .. } => io.is_write_vectored(),
            #[cfg(all(feature = "rustls", not(feature = "native-tls")))]
            Stream::Rustls(io) => io.is_write_vectored(),
            #[cfg(feature = "native-tls")]
            Stream::Native(io) => io.is_write_vectored(),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        forward!(self, io => Pin::new(io).poll_flush(cx))
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        forward!(self, io => Pin::new(io).poll_shutdown(cx))
    }
}

impl Connection for Stream {
    fn connected(&self) -> Connected {
        match self {
            Stream::Tcp { io, proxied } => io.inner().connected().proxy(*proxied),
            #[cfg(all(feature = "rustls", not(feature = "native-tls")))]
            Stream::Rustls(io) => {
                let (tcp, session) = io.inner().get_ref();
                let connected = tcp.connected();
                if session.alpn_protocol() == Some(b"h2") {
                    connected.negotiated_h2()
                } else {
                    connected
                }
            }
            #[cfg(feature = "native-tls")]
            Stream::Native(io) => io.inner().get_ref().get_ref().get_ref().connected(),
        }
    }
}
