//! Caching of temporary credentials: refreshed before they expire, one refresh at a time, and
//! the old credentials kept while they are still valid when a refresh fails.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime};

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
/// 15-minute minimum of STS, are not refetched on every call). A stale value is refreshed on the
/// next call; while it has not expired it is still served if the refresh fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CacheSettings {
    refresh_margin: Duration,
    refresh_jitter: Duration,
    failure_backoff: Duration,
}

impl Default for CacheSettings {
    /// Margin 15 min, jitter up to 3 min, failure backoff 5 s.
    fn default() -> Self {
        Self {
            refresh_margin: DEFAULT_REFRESH_MARGIN,
            refresh_jitter: DEFAULT_REFRESH_JITTER,
            failure_backoff: DEFAULT_FAILURE_BACKOFF,
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

/// Caches the credentials of another provider (one that fetches anew each time it is asked) and
/// refreshes them before they expire.
///
/// - Credentials without an expiration are kept for good.
/// - Concurrent callers share one refresh: while it runs, callers holding nothing valid wait for
///   it (and get its result, success or error); callers for whom the cached credentials are
///   stale but still valid are served those at once.
/// - The refresh runs in a task of its own (on the current tokio runtime): a caller that gives
///   up (a timeout, a dropped future) does not cancel it, and the callers behind it get its
///   outcome instead of starting the fetch again.
/// - A refresh that fails while the cached credentials are still valid keeps serving them (with
///   a `tracing` warning naming the provider and the error, never a secret) and is retried after
///   a backoff; once they have expired, the error is returned.
///
/// ```
/// use alibabacloud_core::credentials::{CacheSettings, CachedCredentialsProvider, Credentials};
/// let provider = CachedCredentialsProvider::new(
///     Credentials::new("id", "secret"),
///     CacheSettings::default(),
///     Default::default(),
/// );
/// # let _ = provider;
/// ```
#[derive(Debug)]
pub struct CachedCredentialsProvider<P> {
    shared: Arc<Shared<P>>,
}

/// The cache, shared with the refresh task.
#[derive(Debug)]
struct Shared<P> {
    inner: P,
    settings: CacheSettings,
    time: SharedTimeSource,
    state: Mutex<State>,
    /// Held by the refresh in progress (by its task, not by the caller that started it).
    refresh: Arc<tokio::sync::Mutex<()>>,
}

#[derive(Debug, Default)]
struct State {
    entry: Option<Entry>,
    /// Incremented at the end of every refresh, so a caller that waited knows one happened.
    generation: u64,
    /// The error of the last refresh, when it left nothing valid to serve.
    last_error: Option<CredentialsError>,
    consecutive_failures: u32,
}

#[derive(Debug, Clone)]
struct Entry {
    credentials: Credentials,
    /// `None`: never stale (no expiration).
    stale_at: Option<SystemTime>,
}

impl Entry {
    fn is_fresh(&self, now: SystemTime) -> bool {
        self.stale_at.is_none_or(|stale| now < stale) && !self.credentials.is_expired_at(now)
    }

    fn is_valid(&self, now: SystemTime) -> bool {
        !self.credentials.is_expired_at(now)
    }
}

impl<P: ProvideCredentials + 'static> CachedCredentialsProvider<P> {
    /// Caches the credentials of `inner` with `settings`, reading the time from `time`.
    pub fn new(inner: P, settings: CacheSettings, time: SharedTimeSource) -> Self {
        Self {
            shared: Arc::new(Shared {
                inner,
                settings,
                time,
                state: Mutex::new(State::default()),
                refresh: Arc::new(tokio::sync::Mutex::new(())),
            }),
        }
    }

    /// The provider whose credentials are cached.
    pub fn inner(&self) -> &P {
        &self.shared.inner
    }

    /// The cached credentials if they are fresh, else refreshed ones.
    pub async fn credentials(&self) -> Result<Credentials, CredentialsError> {
        let shared = &self.shared;
        let now = shared.time.now();
        let (generation, cached) = {
            let state = shared.state();
            (state.generation, state.entry.clone())
        };
        if let Some(entry) = &cached
            && entry.is_fresh(now)
        {
            return Ok(entry.credentials.clone());
        }
        let still_valid = cached.filter(|entry| entry.is_valid(now));
        let guard = match &still_valid {
            // Someone else is refreshing: serve what is still valid instead of waiting.
            Some(entry) => match Arc::clone(&shared.refresh).try_lock_owned() {
                Ok(guard) => guard,
                Err(_) => return Ok(entry.credentials.clone()),
            },
            None => Arc::clone(&shared.refresh).lock_owned().await,
        };
        {
            let now = shared.time.now();
            let state = shared.state();
            if state.generation != generation {
                // A refresh finished while this caller waited: share its outcome.
                if let Some(entry) = &state.entry
                    && entry.is_valid(now)
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
            return shared.refresh_now().await;
        };
        let task = {
            let shared = Arc::clone(shared);
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
                shared.inner.name(),
                "the credentials refresh did not complete",
            )
            .with_source(e)),
        }
    }
}

impl<P: ProvideCredentials> Shared<P> {
    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Fetches from the inner provider and records the outcome; the refresh lock is held.
    async fn refresh_now(&self) -> Result<Credentials, CredentialsError> {
        let name = self.inner.name();
        tracing::debug!(provider = name, "fetching credentials");
        let fetched = self.inner.provide_credentials().await;
        let now = self.time.now();
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
        let mut state = self.state();
        state.generation = state.generation.wrapping_add(1);
        match fetched {
            Ok(credentials) => {
                let stale_at = credentials
                    .expiration()
                    .map(|expiration| self.settings.stale_time(now, expiration));
                state.entry = Some(Entry {
                    credentials: credentials.clone(),
                    stale_at,
                });
                state.last_error = None;
                state.consecutive_failures = 0;
                Ok(credentials)
            }
            Err(error) => {
                state.consecutive_failures = state.consecutive_failures.saturating_add(1);
                let backoff = self.settings.backoff(state.consecutive_failures);
                let failures = state.consecutive_failures;
                if let Some(entry) = state.entry.as_mut()
                    && entry.is_valid(now)
                {
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
                    return Ok(credentials);
                }
                state.entry = None;
                state.last_error = Some(error.duplicate());
                Err(error)
            }
        }
    }
}

impl<P: ProvideCredentials + 'static> ProvideCredentials for CachedCredentialsProvider<P> {
    fn provide_credentials(&self) -> ProvideCredentialsFuture<'_> {
        Box::pin(self.credentials())
    }

    fn name(&self) -> &'static str {
        self.shared.inner.name()
    }
}

#[cfg(test)]
mod tests {
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

    /// Returns credentials valid for `lifetime` from the clock's now, or fails when told to;
    /// counts fetches and can be slowed down.
    #[derive(Debug, Clone)]
    struct Source {
        clock: ManualClock,
        lifetime: Duration,
        fetches: Arc<AtomicUsize>,
        failing: Arc<std::sync::atomic::AtomicBool>,
        delay: Duration,
    }

    impl Source {
        fn new(clock: &ManualClock, lifetime: Duration) -> Self {
            Self {
                clock: clock.clone(),
                lifetime,
                fetches: Arc::default(),
                failing: Arc::default(),
                delay: Duration::ZERO,
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
                Ok(Credentials::new(format!("id-{n}"), "secret")
                    .with_security_token("token")
                    .with_expiration(self.clock.now() + self.lifetime))
            })
        }

        fn name(&self) -> &'static str {
            "test"
        }
    }

    fn no_jitter() -> CacheSettings {
        CacheSettings::default()
            .with_refresh_jitter(Duration::ZERO)
            .with_failure_backoff(Duration::from_secs(10))
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
                .with_failure_backoff(Duration::MAX),
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
            Credentials::new("id", "secret"),
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
}
