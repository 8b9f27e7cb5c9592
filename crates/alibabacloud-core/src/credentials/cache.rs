//! Caching of temporary credentials: refreshed in the background before they expire, one
//! refresh at a time, and the old credentials kept while they are still valid when a refresh
//! fails.

use std::sync::{Arc, Mutex, PoisonError, Weak};
use std::time::{Duration, SystemTime};

use tokio::sync::Notify;
use tokio::task::AbortHandle;

use super::{Credentials, CredentialsError, ProvideCredentials, ProvideCredentialsFuture};
use crate::time_source::{SharedTimeSource, TimeSource};

/// Refresh this long before expiry (as the official SDKs: 15 minutes).
pub const DEFAULT_REFRESH_MARGIN: Duration = Duration::from_secs(15 * 60);
/// Up to this much more, drawn at random per fetch, so that a fleet does not refresh in
/// lockstep.
pub const DEFAULT_REFRESH_JITTER: Duration = Duration::from_secs(3 * 60);
/// After a failed refresh with valid credentials cached, wait about this long (doubling per
/// consecutive failure, at most [`MAX_FAILURE_BACKOFF`]) before trying again.
pub const DEFAULT_FAILURE_BACKOFF: Duration = Duration::from_secs(5);
/// The longest wait between refresh attempts while serving the old credentials.
pub const MAX_FAILURE_BACKOFF: Duration = Duration::from_secs(120);

/// When cached credentials are refreshed.
///
/// Credentials become *stale* at `expiration − (margin + random(0..=jitter))`, but never later
/// than half-way through their remaining lifetime (so that short-lived credentials, such as the
/// 15-minute minimum of STS, are not refetched on every call). Stale credentials are refreshed
/// in the background (see [`CachedCredentialsProvider`]) and served meanwhile; while they have
/// not expired they are still served if the refresh fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CacheSettings {
    refresh_margin: Duration,
    refresh_jitter: Duration,
    failure_backoff: Duration,
    background_refresh: bool,
}

impl Default for CacheSettings {
    /// Margin 15 min, jitter up to 3 min, failure backoff 5 s, background refresh on.
    fn default() -> Self {
        Self {
            refresh_margin: DEFAULT_REFRESH_MARGIN,
            refresh_jitter: DEFAULT_REFRESH_JITTER,
            failure_backoff: DEFAULT_FAILURE_BACKOFF,
            background_refresh: true,
        }
    }
}

impl CacheSettings {
    /// The default settings.
    pub fn new() -> Self {
        Self::default()
    }

    /// Refresh this long before expiry.
    #[must_use]
    pub fn with_refresh_margin(mut self, margin: Duration) -> Self {
        self.refresh_margin = margin;
        self
    }

    /// Refresh up to this much earlier still, at random (zero for none).
    #[must_use]
    pub fn with_refresh_jitter(mut self, jitter: Duration) -> Self {
        self.refresh_jitter = jitter;
        self
    }

    /// After a failed refresh, wait this long (doubling per failure) before the next attempt
    /// while the old credentials are served; at most [`MAX_FAILURE_BACKOFF`] (a longer value is
    /// clamped to it).
    #[must_use]
    pub fn with_failure_backoff(mut self, backoff: Duration) -> Self {
        self.failure_backoff = backoff.min(MAX_FAILURE_BACKOFF);
        self
    }

    /// Refresh stale credentials in a background task (the default) or, with `false`, in the
    /// first call that finds them stale (that call waits for the refresh; the calls made
    /// meanwhile are still served the old credentials).
    #[must_use]
    pub fn with_background_refresh(mut self, background: bool) -> Self {
        self.background_refresh = background;
        self
    }

    /// The refresh margin.
    pub fn refresh_margin(&self) -> Duration {
        self.refresh_margin
    }

    /// The refresh jitter.
    pub fn refresh_jitter(&self) -> Duration {
        self.refresh_jitter
    }

    /// The first failure backoff.
    pub fn failure_backoff(&self) -> Duration {
        self.failure_backoff
    }

    /// Whether stale credentials are refreshed in the background.
    pub fn background_refresh(&self) -> bool {
        self.background_refresh
    }

    /// When credentials fetched at `now` and expiring at `expiration` become stale.
    fn stale_time(&self, now: SystemTime, expiration: SystemTime) -> SystemTime {
        let remaining = expiration.duration_since(now).unwrap_or_default();
        let jitter = random_up_to(self.refresh_jitter);
        let margin = self
            .refresh_margin
            .saturating_add(jitter)
            .min(remaining / 2);
        expiration.checked_sub(margin).unwrap_or(now)
    }

    /// How long to wait after the `failures`-th consecutive failure.
    fn backoff(&self, failures: u32) -> Duration {
        let doubled = self
            .failure_backoff
            .saturating_mul(1u32 << failures.saturating_sub(1).min(16));
        let capped = doubled.min(MAX_FAILURE_BACKOFF);
        // Between half and all of it, so that callers sharing a source spread out.
        capped / 2 + random_up_to(capped / 2)
    }
}

fn random_up_to(max: Duration) -> Duration {
    let max = u64::try_from(max.as_millis()).unwrap_or(u64::MAX);
    if max == 0 {
        return Duration::ZERO;
    }
    Duration::from_millis(crate::random::up_to(max))
}

/// What a provider asks of its cache beyond the [`CacheSettings`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct CachePolicy {
    /// Refresh at most this long after a fetch, however long the credentials last (the
    /// metadata service's hourly prefetch).
    pub(crate) prefetch_after: Option<Duration>,
    /// Keep credentials that have no expiration (else every call fetches anew: an external
    /// command that says nothing of expiry is run for each call, as in the official SDKs).
    pub(crate) keep_unexpiring: bool,
}

impl Default for CachePolicy {
    fn default() -> Self {
        Self {
            prefetch_after: None,
            keep_unexpiring: true,
        }
    }
}

/// Caches the credentials of another provider (one that fetches anew each time it is asked) and
/// refreshes them before they expire.
///
/// - Credentials without an expiration are kept for good.
/// - Stale credentials (see [`CacheSettings`]) are refreshed **ahead of need**: a background
///   task of the cache wakes when they become stale and refreshes them, so callers are served
///   the cached credentials, without waiting, for as long as they are valid. A failed
///   background refresh is logged (`tracing::warn!`, naming the provider and the error, never a
///   secret) and retried after a backoff (5 s, doubling, at most 2 min) until it succeeds or
///   the credentials expire.
/// - The background task runs on the tokio runtime of the call that fetched the credentials. It
///   holds only a weak reference to the cache and is stopped when the cache is dropped: it
///   neither keeps the cache (nor a client) alive nor outlives it, and it never keeps a runtime
///   from shutting down (if that runtime stops, the next call restarts it on its own). Outside
///   a tokio runtime nothing is spawned: the call that finds the credentials stale refreshes
///   them itself. [`CacheSettings::with_background_refresh`] turns the task off.
/// - Callers holding nothing valid (the first call, or after expiry) wait for one shared fetch
///   and get its result, success or error. The fetch runs in a task of its own: a caller that
///   gives up (a timeout, a dropped future) does not cancel it, and the callers behind it get
///   its outcome instead of starting the fetch again.
/// - Once the credentials have expired and the refresh fails, the error is returned.
///
/// ```
/// use alibabacloud_core::credentials::{CacheSettings, CachedCredentialsProvider, Credentials};
/// let provider = CachedCredentialsProvider::new(
///     Credentials::new("id", "secret")?,
///     CacheSettings::default(),
///     Default::default(),
/// );
/// # let _ = provider;
/// # Ok::<(), alibabacloud_core::CredentialsError>(())
/// ```
#[derive(Debug)]
pub struct CachedCredentialsProvider<P> {
    shared: Arc<Shared<P>>,
}

/// The cache, shared with the fetch tasks; the background task holds a weak reference.
///
/// Its machinery works on [`Erased`] (the provider behind a vtable), so that it is compiled once
/// rather than once per provider: only the constructor and thin wrappers are generic.
#[derive(Debug)]
struct Shared<P: ?Sized> {
    core: Core,
    /// Last, so that `Arc<Shared<P>>` unsizes to `Arc<Erased>`.
    inner: P,
}

/// A cache whatever its provider.
type Erased = Shared<dyn ProvideCredentials>;

/// What the cache holds beside its provider.
#[derive(Debug)]
struct Core {
    settings: CacheSettings,
    policy: CachePolicy,
    time: SharedTimeSource,
    state: Mutex<State>,
    /// Held by the refresh in progress (by its task, not by the caller that started it).
    refresh: Arc<tokio::sync::Mutex<()>>,
    /// Wakes the background task: the cached credentials changed, or a caller found them stale.
    wake: Arc<Notify>,
}

#[derive(Debug, Default)]
struct State {
    entry: Option<Entry>,
    /// Incremented at the end of every refresh, so a caller that waited knows one happened.
    generation: u64,
    /// The error of the last refresh, when it left nothing valid to serve.
    last_error: Option<CredentialsError>,
    consecutive_failures: u32,
    /// The background task, while there is one.
    refresher: Option<AbortHandle>,
    /// The cache was dropped: no task may be started any more.
    closed: bool,
}

#[derive(Debug, Clone)]
struct Entry {
    credentials: Credentials,
    /// When to refresh (callers are still served until expiry); `None`: never (no expiration).
    stale_at: Option<SystemTime>,
    /// Only for the callers that waited for the fetch that produced it (credentials without an
    /// expiration under a policy that does not keep them).
    shared_only: bool,
}

impl Entry {
    fn is_fresh(&self, now: SystemTime) -> bool {
        self.is_valid(now) && self.stale_at.is_none_or(|stale| now < stale)
    }

    fn is_valid(&self, now: SystemTime) -> bool {
        !self.shared_only && !self.credentials.is_expired_at(now)
    }
}

impl<P: ProvideCredentials + 'static> CachedCredentialsProvider<P> {
    /// Caches the credentials of `inner` with `settings`, reading the time from `time`.
    pub fn new(inner: P, settings: CacheSettings, time: SharedTimeSource) -> Self {
        Self::with_policy(inner, settings, time, CachePolicy::default())
    }

    /// [`Self::new`] with a provider's own [`CachePolicy`].
    pub(crate) fn with_policy(
        inner: P,
        settings: CacheSettings,
        time: SharedTimeSource,
        policy: CachePolicy,
    ) -> Self {
        Self {
            shared: Arc::new(Shared {
                core: Core::new(settings, policy, time),
                inner,
            }),
        }
    }

    /// The provider whose credentials are cached.
    pub fn inner(&self) -> &P {
        &self.shared.inner
    }

    /// The provider whose credentials are cached, while nothing else holds the cache (before
    /// its first use).
    pub(crate) fn inner_mut(&mut self) -> Option<&mut P> {
        Arc::get_mut(&mut self.shared).map(|shared| &mut shared.inner)
    }

    /// The cached credentials if they are fresh, else refreshed ones.
    pub async fn credentials(&self) -> Result<Credentials, CredentialsError> {
        self.erased().credentials().await
    }

    /// The cache whatever its provider (what the machinery works on).
    fn erased(&self) -> Arc<Erased> {
        self.shared.clone()
    }
}

impl<P> Drop for CachedCredentialsProvider<P> {
    /// Stops the background task.
    fn drop(&mut self) {
        self.shared.core.close();
    }
}

#[cfg(test)]
impl<P: ?Sized> Shared<P> {
    /// The state, for the tests.
    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.core.state()
    }
}

impl Core {
    fn new(settings: CacheSettings, policy: CachePolicy, time: SharedTimeSource) -> Self {
        Self {
            settings,
            policy,
            time,
            state: Mutex::new(State::default()),
            refresh: Arc::new(tokio::sync::Mutex::new(())),
            wake: Arc::new(Notify::new()),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The cached credentials if they are fresh (not yet due for a refresh), without waiting.
    fn fresh_credentials(&self) -> Option<Credentials> {
        let now = self.time.now();
        let state = self.state();
        state
            .entry
            .as_ref()
            .filter(|entry| entry.is_fresh(now))
            .map(|entry| entry.credentials.clone())
    }

    /// How long until the cached credentials are due for a background refresh (zero: now);
    /// `None` when there is nothing to refresh in the background (nothing cached, credentials
    /// that never go stale, or credentials that have expired: the next call fetches them).
    fn due_in(&self, now: SystemTime) -> Option<Duration> {
        let state = self.state();
        let entry = state.entry.as_ref().filter(|e| e.is_valid(now))?;
        let stale_at = entry.stale_at?;
        Some(stale_at.duration_since(now).unwrap_or_default())
    }

    /// Stops the background task for good (the cache is being dropped).
    fn close(&self) {
        let mut state = self.state();
        state.closed = true;
        if let Some(task) = state.refresher.take() {
            task.abort();
        }
    }
}

impl Erased {
    /// [`CachedCredentialsProvider::credentials`].
    async fn credentials(self: Arc<Self>) -> Result<Credentials, CredentialsError> {
        let core = &self.core;
        let now = core.time.now();
        let (generation, cached) = {
            let state = core.state();
            (state.generation, state.entry.clone())
        };
        if let Some(entry) = &cached
            && entry.is_fresh(now)
        {
            return Ok(entry.credentials.clone());
        }
        let still_valid = cached.filter(|entry| entry.is_valid(now));
        if let Some(entry) = &still_valid
            && core.settings.background_refresh
            && self.wake_refresher()
        {
            // Stale but valid: served at once, refreshed by the background task.
            return Ok(entry.credentials.clone());
        }
        let guard = match &still_valid {
            // Someone else is refreshing: serve what is still valid instead of waiting.
            Some(entry) => match Arc::clone(&core.refresh).try_lock_owned() {
                Ok(guard) => guard,
                Err(_) => return Ok(entry.credentials.clone()),
            },
            None => Arc::clone(&core.refresh).lock_owned().await,
        };
        {
            let now = core.time.now();
            let state = core.state();
            if state.generation != generation {
                // A refresh finished while this caller waited: share its outcome.
                if let Some(entry) = &state.entry
                    && !entry.credentials.is_expired_at(now)
                {
                    return Ok(entry.credentials.clone());
                }
                if let Some(error) = &state.last_error {
                    return Err(error.duplicate());
                }
            }
        }
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            // Outside tokio (a caller polling by hand): refresh in place.
            let _guard = guard;
            return self.refresh_now().await;
        };
        let task = {
            let shared = Arc::clone(&self);
            runtime.spawn(async move {
                // The lock goes with the task: callers that come meanwhile wait for it and
                // share its outcome, even if the caller that started it is gone.
                let _guard = guard;
                shared.refresh_now().await
            })
        };
        match task.await {
            Ok(result) => result,
            Err(e) => Err(CredentialsError::provider_failed(
                self.inner.name(),
                "the credentials refresh did not complete",
            )
            .with_source(e)),
        }
    }

    /// Asks the background task to look at the cached credentials again, starting it on the
    /// current runtime if it is not running. `false` when it cannot run (no tokio runtime here,
    /// or the cache is being dropped).
    fn wake_refresher(self: &Arc<Self>) -> bool {
        let mut state = self.core.state();
        if !self.ensure_refresher(&mut state) {
            return false;
        }
        drop(state);
        self.core.wake.notify_one();
        true
    }

    /// Starts the background task unless it runs; the state lock is held (so that two callers
    /// do not start two). `false` when it cannot run.
    fn ensure_refresher(self: &Arc<Self>, state: &mut State) -> bool {
        if state.closed {
            return false;
        }
        if state
            .refresher
            .as_ref()
            .is_some_and(|task| !task.is_finished())
        {
            return true;
        }
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return false;
        };
        let task = runtime.spawn(run_refresher(
            Arc::downgrade(self),
            Arc::clone(&self.core.wake),
        ));
        state.refresher = Some(task.abort_handle());
        tracing::trace!(
            provider = self.inner.name(),
            "started the background credentials refresh"
        );
        true
    }

    /// Fetches from the inner provider and records the outcome; the refresh lock is held.
    async fn refresh_now(self: &Arc<Self>) -> Result<Credentials, CredentialsError> {
        let name = self.inner.name();
        let core = &self.core;
        tracing::debug!(provider = name, "fetching credentials");
        let fetched = self.inner.provide_credentials().await;
        let now = core.time.now();
        let fetched = fetched.and_then(|credentials| {
            if credentials.is_expired_at(now) {
                Err(CredentialsError::provider_failed(
                    name,
                    "the fetched credentials have already expired (is the clock right?)",
                ))
            } else {
                Ok(credentials)
            }
        });
        let mut state = core.state();
        state.generation = state.generation.wrapping_add(1);
        let result = match fetched {
            Ok(credentials) => {
                let mut stale_at = credentials
                    .expiration()
                    .map(|expiration| core.settings.stale_time(now, expiration));
                if let (Some(stale), Some(after)) = (stale_at, core.policy.prefetch_after) {
                    stale_at = Some(now.checked_add(after).map_or(stale, |p| p.min(stale)));
                }
                state.entry = Some(Entry {
                    credentials: credentials.clone(),
                    stale_at,
                    shared_only: credentials.expiration().is_none() && !core.policy.keep_unexpiring,
                });
                state.last_error = None;
                state.consecutive_failures = 0;
                Ok(credentials)
            }
            Err(error) => {
                state.consecutive_failures = state.consecutive_failures.saturating_add(1);
                let backoff = core.settings.backoff(state.consecutive_failures);
                let failures = state.consecutive_failures;
                match state.entry.as_mut() {
                    Some(entry) if entry.is_valid(now) => {
                        // Checked: the clock (or a test's) may sit near the end of `SystemTime`.
                        let retry_at = now.checked_add(backoff);
                        entry.stale_at = match (retry_at, entry.credentials.expiration()) {
                            (Some(retry_at), Some(expiration)) => Some(retry_at.min(expiration)),
                            (None, Some(expiration)) => Some(expiration),
                            // Without an expiration the credentials are never stale again.
                            (retry_at, None) => retry_at,
                        };
                        let expires_in = entry
                            .credentials
                            .expiration()
                            .and_then(|e| e.duration_since(now).ok())
                            .map(|d| d.as_secs());
                        tracing::warn!(
                            provider = name,
                            error = %error,
                            failures,
                            expires_in_secs = expires_in,
                            retry_in_ms = u64::try_from(backoff.as_millis()).unwrap_or(u64::MAX),
                            "refreshing credentials failed; serving the cached credentials until they expire"
                        );
                        let credentials = entry.credentials.clone();
                        state.last_error = None;
                        Ok(credentials)
                    }
                    _ => {
                        state.entry = None;
                        state.last_error = Some(error.duplicate());
                        Err(error)
                    }
                }
            }
        };
        // The background task sleeps until the new stale time (or the retry).
        let schedule = core.settings.background_refresh
            && state
                .entry
                .as_ref()
                .is_some_and(|e| e.stale_at.is_some() && e.is_valid(now));
        if schedule && self.ensure_refresher(&mut state) {
            drop(state);
            core.wake.notify_one();
        }
        result
    }
}

/// The shortest wait between two background refreshes.
const MIN_BACKGROUND_GAP: Duration = Duration::from_secs(1);

/// The background task of a cache: sleeps until the cached credentials are due, refreshes
/// them, and again. It holds the cache only weakly (and only between two sleeps), and ends
/// when the cache is gone.
async fn run_refresher(cache: Weak<Erased>, wake: Arc<Notify>) {
    loop {
        let due_in = {
            let Some(shared) = cache.upgrade() else {
                return;
            };
            shared.core.due_in(shared.core.time.now())
        };
        match due_in {
            None => wake.notified().await,
            Some(wait) if !wait.is_zero() => {
                // Until the refresh is due or a caller wakes the task, whichever comes first.
                let _ = tokio::time::timeout(wait, wake.notified()).await;
            }
            Some(_) => {
                let Some(shared) = cache.upgrade() else {
                    return;
                };
                let core = &shared.core;
                let guard = Arc::clone(&core.refresh).lock_owned().await;
                // Another refresh may have finished while this one waited for the lock.
                if core.due_in(core.time.now()) == Some(Duration::ZERO) {
                    tracing::debug!(
                        provider = shared.inner.name(),
                        "refreshing credentials ahead of expiry"
                    );
                    let _ = shared.refresh_now().await;
                }
                // Credentials that are due again at once (they last a few milliseconds) must
                // not make this loop spin.
                if core.due_in(core.time.now()) == Some(Duration::ZERO) {
                    drop(guard);
                    drop(shared);
                    tokio::time::sleep(MIN_BACKGROUND_GAP).await;
                }
            }
        }
    }
}

impl<P: ProvideCredentials + 'static> ProvideCredentials for CachedCredentialsProvider<P> {
    fn provide_credentials(&self) -> ProvideCredentialsFuture<'_> {
        // The future of the erased cache, not `Self::credentials`: one future type (and one
        // copy of its code) for every provider.
        Box::pin(self.erased().credentials())
    }

    fn credentials_now(&self) -> Option<Credentials> {
        self.shared.core.fresh_credentials()
    }

    fn name(&self) -> &'static str {
        self.shared.inner.name()
    }

    fn official_name(&self) -> std::borrow::Cow<'static, str> {
        self.shared.inner.official_name()
    }
}

#[cfg(test)]
mod tests {
    use std::future::Future;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::UNIX_EPOCH;

    use super::*;
    use crate::credentials::CredentialsErrorKind;

    /// A clock the test moves by hand.
    #[derive(Debug, Clone)]
    struct ManualClock(Arc<Mutex<SystemTime>>);

    impl ManualClock {
        fn new() -> Self {
            Self(Arc::new(Mutex::new(
                UNIX_EPOCH + Duration::from_secs(1_700_000_000),
            )))
        }
        fn advance(&self, by: Duration) {
            *self.0.lock().unwrap() += by;
        }
    }

    impl TimeSource for ManualClock {
        fn now(&self) -> SystemTime {
            *self.0.lock().unwrap()
        }
    }

    /// Returns credentials valid for `lifetime` from the clock's now (or with no expiration),
    /// or fails when told to; counts fetches and can be slowed down.
    #[derive(Debug, Clone)]
    struct Source {
        clock: SharedTimeSource,
        lifetime: Duration,
        fetches: Arc<AtomicUsize>,
        failing: Arc<std::sync::atomic::AtomicBool>,
        delay: Duration,
        expiring: bool,
    }

    impl Source {
        fn new(clock: &(impl TimeSource + Clone + 'static), lifetime: Duration) -> Self {
            Self {
                clock: SharedTimeSource::new(clock.clone()),
                lifetime,
                fetches: Arc::default(),
                failing: Arc::default(),
                delay: Duration::ZERO,
                expiring: true,
            }
        }
        fn fetches(&self) -> usize {
            self.fetches.load(Ordering::SeqCst)
        }
        fn fail(&self, fail: bool) {
            self.failing.store(fail, Ordering::SeqCst);
        }
    }

    impl ProvideCredentials for Source {
        fn provide_credentials(&self) -> ProvideCredentialsFuture<'_> {
            Box::pin(async move {
                let n = self.fetches.fetch_add(1, Ordering::SeqCst) + 1;
                if !self.delay.is_zero() {
                    tokio::time::sleep(self.delay).await;
                }
                if self.failing.load(Ordering::SeqCst) {
                    return Err(CredentialsError::provider_failed("test", "source down"));
                }
                let credentials =
                    Credentials::new(format!("id-{n}"), "secret")?.with_security_token("token");
                Ok(if self.expiring {
                    credentials.with_expiration(self.clock.now() + self.lifetime)
                } else {
                    credentials
                })
            })
        }

        fn name(&self) -> &'static str {
            "test"
        }
    }

    /// Refreshes in the calls that find the credentials stale (no background task): the
    /// tests that move a [`ManualClock`] by hand see each refresh at once.
    fn no_jitter() -> CacheSettings {
        CacheSettings::default()
            .with_refresh_jitter(Duration::ZERO)
            .with_failure_backoff(Duration::from_secs(10))
            .with_background_refresh(false)
    }

    fn cached(source: &Source, clock: &ManualClock) -> CachedCredentialsProvider<Source> {
        CachedCredentialsProvider::new(
            source.clone(),
            no_jitter(),
            SharedTimeSource::new(clock.clone()),
        )
    }

    const HOUR: Duration = Duration::from_secs(3600);
    const MINUTE: Duration = Duration::from_secs(60);

    #[tokio::test]
    async fn serves_from_cache_until_the_margin_then_refreshes() {
        let clock = ManualClock::new();
        let source = Source::new(&clock, HOUR);
        let cache = cached(&source, &clock);
        assert_eq!(cache.credentials().await.unwrap().access_key_id(), "id-1");
        clock.advance(44 * MINUTE);
        assert_eq!(cache.credentials().await.unwrap().access_key_id(), "id-1");
        assert_eq!(source.fetches(), 1);
        clock.advance(MINUTE); // 15 minutes left: stale
        assert_eq!(cache.credentials().await.unwrap().access_key_id(), "id-2");
        assert_eq!(source.fetches(), 2);
    }

    #[tokio::test]
    async fn credentials_now_hands_out_only_fresh_credentials() {
        let clock = ManualClock::new();
        let source = Source::new(&clock, HOUR);
        let cache = cached(&source, &clock);
        assert!(cache.credentials_now().is_none(), "nothing cached yet");
        assert_eq!(source.fetches(), 0, "asking now never fetches");
        cache.credentials().await.unwrap();
        clock.advance(44 * MINUTE);
        let now = cache.credentials_now().unwrap();
        assert_eq!(now.access_key_id(), "id-1");
        assert_eq!(source.fetches(), 1);
        clock.advance(MINUTE); // stale: the refresh is the slow path's business
        assert!(cache.credentials_now().is_none());
        assert_eq!(cache.credentials().await.unwrap().access_key_id(), "id-2");
        assert_eq!(cache.credentials_now().unwrap().access_key_id(), "id-2");
        clock.advance(2 * HOUR); // expired
        assert!(cache.credentials_now().is_none());
    }

    #[tokio::test]
    async fn short_lived_credentials_refresh_half_way() {
        let clock = ManualClock::new();
        let source = Source::new(&clock, 15 * MINUTE);
        let cache = cached(&source, &clock);
        cache.credentials().await.unwrap();
        clock.advance(7 * MINUTE);
        cache.credentials().await.unwrap();
        assert_eq!(source.fetches(), 1, "not refetched on every call");
        clock.advance(MINUTE);
        cache.credentials().await.unwrap();
        assert_eq!(source.fetches(), 2);
    }

    #[test]
    fn jitter_moves_the_stale_time_earlier_within_bounds() {
        let settings = CacheSettings::default();
        let now = UNIX_EPOCH + Duration::from_secs(1_000_000);
        let expiration = now + 6 * HOUR;
        for _ in 0..100 {
            let stale = settings.stale_time(now, expiration);
            assert!(stale <= expiration - DEFAULT_REFRESH_MARGIN);
            assert!(stale >= expiration - DEFAULT_REFRESH_MARGIN - DEFAULT_REFRESH_JITTER);
        }
        for failures in 1..40 {
            let b = settings.backoff(failures);
            assert!(
                b >= DEFAULT_FAILURE_BACKOFF / 2 && b <= MAX_FAILURE_BACKOFF,
                "{b:?}"
            );
        }
    }

    #[test]
    fn huge_settings_saturate_instead_of_overflowing() {
        let settings = CacheSettings::default()
            .with_refresh_margin(Duration::MAX)
            .with_refresh_jitter(Duration::MAX)
            .with_failure_backoff(Duration::MAX);
        assert_eq!(settings.failure_backoff(), MAX_FAILURE_BACKOFF, "clamped");
        let now = UNIX_EPOCH + Duration::from_secs(1_000_000);
        let expiration = now + HOUR;
        for _ in 0..100 {
            // The margin saturates, then is bounded by half the lifetime.
            assert_eq!(settings.stale_time(now, expiration), now + HOUR / 2);
        }
        for failures in [1, 2, 16, 17, u32::MAX] {
            assert!(settings.backoff(failures) <= MAX_FAILURE_BACKOFF);
        }
    }

    #[tokio::test]
    async fn a_huge_failure_backoff_does_not_overflow_the_clock() {
        let clock = ManualClock::new();
        let source = Source::new(&clock, HOUR);
        let cache = CachedCredentialsProvider::new(
            source.clone(),
            CacheSettings::default()
                .with_refresh_margin(Duration::MAX)
                .with_failure_backoff(Duration::MAX)
                .with_background_refresh(false),
            SharedTimeSource::new(clock.clone()),
        );
        cache.credentials().await.unwrap();
        clock.advance(31 * MINUTE); // past half-way: stale, still valid
        source.fail(true);
        // The failed refresh schedules the next attempt without overflowing `SystemTime`.
        assert_eq!(cache.credentials().await.unwrap().access_key_id(), "id-1");
        assert_eq!(source.fetches(), 2);
        clock.advance(MAX_FAILURE_BACKOFF);
        assert_eq!(cache.credentials().await.unwrap().access_key_id(), "id-1");
        assert_eq!(source.fetches(), 3, "retried within the clamped backoff");
    }

    #[tokio::test]
    async fn failed_refresh_keeps_serving_valid_credentials_then_errors_after_expiry() {
        let clock = ManualClock::new();
        let source = Source::new(&clock, HOUR);
        let cache = cached(&source, &clock);
        cache.credentials().await.unwrap();
        clock.advance(50 * MINUTE); // stale, 10 minutes left
        source.fail(true);
        assert_eq!(cache.credentials().await.unwrap().access_key_id(), "id-1");
        assert_eq!(source.fetches(), 2);
        // Backoff: no new attempt on the next calls.
        cache.credentials().await.unwrap();
        assert_eq!(source.fetches(), 2);
        clock.advance(MINUTE);
        assert_eq!(cache.credentials().await.unwrap().access_key_id(), "id-1");
        assert_eq!(source.fetches(), 3);
        clock.advance(10 * MINUTE); // expired
        let e = cache.credentials().await.unwrap_err();
        assert_eq!(e.kind(), CredentialsErrorKind::ProviderFailed);
        source.fail(false);
        assert_eq!(cache.credentials().await.unwrap().access_key_id(), "id-5");
    }

    #[tokio::test]
    async fn credentials_without_expiration_are_kept() {
        let clock = ManualClock::new();
        let cache = CachedCredentialsProvider::new(
            Credentials::new("id", "secret").unwrap(),
            no_jitter(),
            SharedTimeSource::new(clock.clone()),
        );
        assert_eq!(cache.credentials().await.unwrap().access_key_id(), "id");
        clock.advance(1000 * HOUR);
        assert_eq!(cache.credentials().await.unwrap().access_key_id(), "id");
        assert_eq!(cache.name(), "static");
    }

    #[tokio::test]
    async fn already_expired_fetch_is_an_error() {
        let clock = ManualClock::new();
        let source = Source::new(&clock, Duration::ZERO);
        let e = cached(&source, &clock).credentials().await.unwrap_err();
        assert!(e.to_string().contains("already expired"), "{e}");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn concurrent_callers_share_one_refresh_and_one_failure() {
        let clock = ManualClock::new();
        let mut source = Source::new(&clock, HOUR);
        source.delay = Duration::from_millis(100);
        let cache = Arc::new(cached(&source, &clock));
        let tasks: Vec<_> = (0..16)
            .map(|_| {
                let cache = cache.clone();
                tokio::spawn(async move {
                    cache
                        .credentials()
                        .await
                        .map(|c| c.access_key_id().to_string())
                })
            })
            .collect();
        for task in tasks {
            assert_eq!(task.await.unwrap().unwrap(), "id-1");
        }
        assert_eq!(source.fetches(), 1);

        // With nothing valid cached, a failure is shared too.
        clock.advance(2 * HOUR);
        source.fail(true);
        let tasks: Vec<_> = (0..16)
            .map(|_| {
                let cache = cache.clone();
                tokio::spawn(async move { cache.credentials().await.map(|_| ()) })
            })
            .collect();
        for task in tasks {
            assert!(task.await.unwrap().is_err());
        }
        assert_eq!(source.fetches(), 2);
    }

    #[tokio::test]
    async fn a_cancelled_caller_does_not_cancel_the_refresh_others_wait_for() {
        let clock = ManualClock::new();
        let mut source = Source::new(&clock, HOUR);
        source.delay = Duration::from_millis(300);
        let cache = Arc::new(cached(&source, &clock));
        // The first caller gives up long before the fetch ends.
        let gave_up = tokio::time::timeout(Duration::from_millis(50), cache.credentials()).await;
        assert!(gave_up.is_err());
        // The next caller waits for the fetch already running instead of starting another.
        assert_eq!(cache.credentials().await.unwrap().access_key_id(), "id-1");
        assert_eq!(source.fetches(), 1);

        // The same when the refresh fails: the waiter gets its error, no second fetch.
        clock.advance(2 * HOUR);
        source.fail(true);
        let gave_up = tokio::time::timeout(Duration::from_millis(50), cache.credentials()).await;
        assert!(gave_up.is_err());
        let error = cache.credentials().await.unwrap_err();
        assert!(error.to_string().contains("source down"), "{error}");
        assert_eq!(source.fetches(), 2);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn stale_but_valid_credentials_are_served_during_a_refresh() {
        let clock = ManualClock::new();
        let mut source = Source::new(&clock, HOUR);
        source.delay = Duration::from_millis(200);
        let cache = Arc::new(cached(&source, &clock));
        cache.credentials().await.unwrap();
        clock.advance(50 * MINUTE);
        let refreshing = {
            let cache = cache.clone();
            tokio::spawn(async move { cache.credentials().await.unwrap() })
        };
        tokio::time::sleep(Duration::from_millis(50)).await;
        // The refresh is in flight; this caller does not wait for it.
        let started = std::time::Instant::now();
        assert_eq!(cache.credentials().await.unwrap().access_key_id(), "id-1");
        assert!(started.elapsed() < Duration::from_millis(150));
        assert_eq!(refreshing.await.unwrap().access_key_id(), "id-2");
    }

    /// The system time as tokio's clock moves it: with paused time, sleeping tasks and the
    /// cache's notion of "now" advance together.
    #[derive(Debug, Clone)]
    struct TokioClock {
        base: SystemTime,
        start: tokio::time::Instant,
    }

    impl TokioClock {
        /// Must be created inside the runtime.
        fn new() -> Self {
            Self {
                base: UNIX_EPOCH + Duration::from_secs(1_700_000_000),
                start: tokio::time::Instant::now(),
            }
        }
    }

    impl TimeSource for TokioClock {
        fn now(&self) -> SystemTime {
            self.base + self.start.elapsed()
        }
    }

    fn background(source: &Source, policy: CachePolicy) -> CachedCredentialsProvider<Source> {
        CachedCredentialsProvider::with_policy(
            source.clone(),
            CacheSettings::default()
                .with_refresh_jitter(Duration::ZERO)
                .with_failure_backoff(Duration::from_secs(10)),
            source.clock.clone(),
            policy,
        )
    }

    /// Moves tokio's (paused) clock by `by`, then lets every ready task run.
    async fn pass(by: Duration) {
        tokio::time::sleep(by).await;
        settle().await;
    }

    /// Lets the runtime run every task that is ready (with paused time, without moving the
    /// clock past the next timer).
    async fn settle() {
        for _ in 0..20 {
            tokio::task::yield_now().await;
        }
    }

    #[tokio::test(start_paused = true)]
    async fn credentials_are_refreshed_in_the_background_before_they_go_stale() {
        let clock = TokioClock::new();
        let source = Source::new(&clock, HOUR);
        let cache = background(&source, CachePolicy::default());
        assert_eq!(cache.credentials().await.unwrap().access_key_id(), "id-1");
        // Nobody calls: the background task refreshes at the margin (15 minutes before expiry).
        pass(44 * MINUTE).await;
        assert_eq!(source.fetches(), 1);
        pass(MINUTE + Duration::from_secs(1)).await;
        assert_eq!(source.fetches(), 2, "refreshed ahead of need");
        let started = tokio::time::Instant::now();
        assert_eq!(cache.credentials().await.unwrap().access_key_id(), "id-2");
        assert_eq!(started.elapsed(), Duration::ZERO);
        // And again an hour later, with no call in between.
        pass(HOUR).await;
        assert_eq!(source.fetches(), 3);
    }

    #[tokio::test(start_paused = true)]
    async fn callers_never_wait_for_a_refresh_while_the_old_credentials_are_valid() {
        let clock = TokioClock::new();
        let mut source = Source::new(&clock, HOUR);
        source.delay = 30 * MINUTE / 60; // 30 s per fetch
        let cache = Arc::new(background(&source, CachePolicy::default()));
        cache.credentials().await.unwrap();
        tokio::time::sleep(45 * MINUTE + Duration::from_secs(5)).await;
        // The background refresh is in flight (it takes 30 s): calls are served at once.
        assert_eq!(source.fetches(), 2);
        for _ in 0..10 {
            let started = tokio::time::Instant::now();
            assert_eq!(cache.credentials().await.unwrap().access_key_id(), "id-1");
            assert_eq!(started.elapsed(), Duration::ZERO);
        }
        pass(Duration::from_secs(30)).await;
        assert_eq!(cache.credentials().await.unwrap().access_key_id(), "id-2");
        assert_eq!(source.fetches(), 2, "one refresh, shared");
    }

    #[tokio::test(start_paused = true)]
    async fn a_failed_background_refresh_is_retried_with_backoff_until_it_succeeds() {
        let clock = TokioClock::new();
        let source = Source::new(&clock, HOUR);
        let cache = background(&source, CachePolicy::default());
        cache.credentials().await.unwrap();
        source.fail(true);
        pass(45 * MINUTE + Duration::from_secs(1)).await;
        assert_eq!(source.fetches(), 2, "first attempt at the margin");
        // Backoff 10 s (5 to 10 s), then 20 s (10 to 20 s), ...: a few more attempts.
        pass(Duration::from_secs(60)).await;
        let attempts = source.fetches();
        assert!(
            (4..=8).contains(&attempts),
            "{attempts} attempts in a minute"
        );
        // The old credentials are served meanwhile, at once.
        assert_eq!(cache.credentials().await.unwrap().access_key_id(), "id-1");
        source.fail(false);
        pass(MAX_FAILURE_BACKOFF).await;
        let id = cache
            .credentials()
            .await
            .unwrap()
            .access_key_id()
            .to_owned();
        assert_ne!(id, "id-1", "a retry succeeded");
        let after = source.fetches();
        pass(10 * MINUTE).await;
        assert_eq!(source.fetches(), after, "no retry after the success");
    }

    #[tokio::test(start_paused = true)]
    async fn background_retries_stop_at_expiry_and_the_next_call_fetches() {
        let clock = TokioClock::new();
        let source = Source::new(&clock, HOUR);
        let cache = background(&source, CachePolicy::default());
        cache.credentials().await.unwrap();
        source.fail(true);
        pass(HOUR + MINUTE).await;
        let attempts = source.fetches();
        // Expired: no more background attempts.
        pass(HOUR).await;
        assert_eq!(source.fetches(), attempts);
        let error = cache.credentials().await.unwrap_err();
        assert!(error.to_string().contains("source down"), "{error}");
        source.fail(false);
        assert!(cache.credentials().await.is_ok());
    }

    #[tokio::test(start_paused = true)]
    async fn the_prefetch_policy_refreshes_long_before_the_margin() {
        // The metadata service's credentials last 6 hours; they are refetched every hour.
        let clock = TokioClock::new();
        let source = Source::new(&clock, 6 * HOUR);
        let cache = background(
            &source,
            CachePolicy {
                prefetch_after: Some(HOUR),
                ..CachePolicy::default()
            },
        );
        cache.credentials().await.unwrap();
        pass(HOUR - MINUTE).await;
        assert_eq!(source.fetches(), 1);
        pass(2 * MINUTE).await;
        assert_eq!(source.fetches(), 2);
        pass(HOUR).await;
        assert_eq!(source.fetches(), 3);
    }

    #[tokio::test(start_paused = true)]
    async fn unexpiring_credentials_are_kept_or_refetched_as_the_policy_says() {
        let clock = TokioClock::new();
        let mut source = Source::new(&clock, HOUR);
        source.expiring = false;
        let kept = background(&source, CachePolicy::default());
        kept.credentials().await.unwrap();
        kept.credentials().await.unwrap();
        tokio::time::sleep(100 * HOUR).await;
        assert_eq!(kept.credentials().await.unwrap().access_key_id(), "id-1");
        assert_eq!(source.fetches(), 1);

        let mut source = Source::new(&clock, HOUR);
        source.expiring = false;
        source.delay = Duration::from_secs(1);
        let refetched = Arc::new(background(
            &source,
            CachePolicy {
                keep_unexpiring: false,
                ..CachePolicy::default()
            },
        ));
        assert_eq!(
            refetched.credentials().await.unwrap().access_key_id(),
            "id-1"
        );
        assert_eq!(
            refetched.credentials().await.unwrap().access_key_id(),
            "id-2"
        );
        // Concurrent callers still share one fetch.
        let calls: Vec<_> = (0..8)
            .map(|_| {
                let cache = refetched.clone();
                tokio::spawn(async move { cache.credentials().await.unwrap() })
            })
            .collect();
        for call in calls {
            assert_eq!(call.await.unwrap().access_key_id(), "id-3");
        }
        assert_eq!(source.fetches(), 3);
    }

    #[tokio::test(start_paused = true)]
    async fn dropping_the_cache_stops_its_background_task() {
        let clock = TokioClock::new();
        let source = Source::new(&clock, HOUR);
        let cache = background(&source, CachePolicy::default());
        cache.credentials().await.unwrap();
        let task = cache.shared.state().refresher.clone().unwrap();
        assert!(!task.is_finished());
        // The task holds no strong reference while it sleeps.
        assert_eq!(Arc::strong_count(&cache.shared), 1);
        drop(cache);
        settle().await;
        assert!(task.is_finished());
        // Only the test's handle on the counter is left: the cache and its fetcher are gone.
        assert_eq!(Arc::strong_count(&source.fetches), 1);
        tokio::time::sleep(10 * HOUR).await;
        assert_eq!(source.fetches(), 1);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn background_refresh_on_a_multi_thread_runtime() {
        let clock = ManualClock::new();
        let source = Source::new(&clock, HOUR);
        let cache = CachedCredentialsProvider::new(
            source.clone(),
            CacheSettings::default().with_refresh_jitter(Duration::ZERO),
            SharedTimeSource::new(clock.clone()),
        );
        assert_eq!(cache.credentials().await.unwrap().access_key_id(), "id-1");
        clock.advance(50 * MINUTE);
        // Stale: served at once, refreshed by the background task.
        assert_eq!(cache.credentials().await.unwrap().access_key_id(), "id-1");
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        while source.fetches() < 2 && std::time::Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        assert_eq!(source.fetches(), 2);
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        let mut id = String::new();
        while id != "id-2" && std::time::Instant::now() < deadline {
            id = cache
                .credentials()
                .await
                .unwrap()
                .access_key_id()
                .to_owned();
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        assert_eq!(id, "id-2");
    }

    #[test]
    fn a_background_task_survives_neither_its_runtime_nor_the_cache() {
        let clock = ManualClock::new();
        let source = Source::new(&clock, HOUR);
        let cache = CachedCredentialsProvider::new(
            source.clone(),
            CacheSettings::default().with_refresh_jitter(Duration::ZERO),
            SharedTimeSource::new(clock.clone()),
        );
        let first = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        first.block_on(cache.credentials()).unwrap();
        let task = cache.shared.state().refresher.clone().unwrap();
        drop(first);
        assert!(task.is_finished(), "ended with its runtime");
        // A later call on another runtime starts it again there.
        clock.advance(50 * MINUTE);
        let second = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        second.block_on(async {
            assert_eq!(cache.credentials().await.unwrap().access_key_id(), "id-1");
            tokio::time::sleep(Duration::from_millis(20)).await;
            assert_eq!(cache.credentials().await.unwrap().access_key_id(), "id-2");
        });
        let task = cache.shared.state().refresher.clone().unwrap();
        assert!(!task.is_finished());
        drop(cache);
        second.block_on(tokio::task::yield_now());
        assert!(task.is_finished());
    }

    #[test]
    fn outside_a_runtime_nothing_is_spawned_and_calls_refresh_in_place() {
        let clock = ManualClock::new();
        let source = Source::new(&clock, HOUR);
        let cache = CachedCredentialsProvider::new(
            source.clone(),
            CacheSettings::default().with_refresh_jitter(Duration::ZERO),
            SharedTimeSource::new(clock.clone()),
        );
        let poll = |cache: &CachedCredentialsProvider<Source>| {
            let mut future = std::pin::pin!(cache.credentials());
            let mut context = std::task::Context::from_waker(std::task::Waker::noop());
            match future.as_mut().poll(&mut context) {
                std::task::Poll::Ready(result) => result.unwrap(),
                std::task::Poll::Pending => panic!("the fetch is ready at once"),
            }
        };
        assert_eq!(poll(&cache).access_key_id(), "id-1");
        clock.advance(50 * MINUTE);
        assert_eq!(
            poll(&cache).access_key_id(),
            "id-2",
            "refreshed by the call"
        );
        assert!(cache.shared.state().refresher.is_none());
    }
}
