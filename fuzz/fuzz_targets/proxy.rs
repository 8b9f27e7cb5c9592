//! The proxy settings (`Proxy::custom`: `httpProxy`, `httpsProxy`, `noProxy`) on any input:
//! building them and matching requests against them never panics, and a password in a
//! proxy's URL never shows in what the settings, their errors or a request's outcome say.
//!
//! The input is lines: the HTTP proxy's URL, the HTTPS proxy's, `NO_PROXY`, then the
//! destinations. It is tried as it is, then with a password only this target writes put
//! into both URLs.
#![no_main]

use libfuzzer_sys::fuzz_target;

/// Never in an input this target is given (it returns first).
const PASSWORD: &str = "Pw7f3a91c2e4b8";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut lines = text.split('\n');
    let http = lines.next();
    let https = lines.next();
    let no_proxy = lines.next();
    let destinations: Vec<&str> = lines.collect();
    let _ = alibabacloud_core::fuzzing::proxy(http, https, no_proxy, &destinations);
    if text.contains(PASSWORD) {
        return;
    }
    let with_password = |url: Option<&str>| {
        url.map(|url| match url.split_once("://") {
            Some((scheme, rest)) => format!("{scheme}://user:{PASSWORD}@{rest}"),
            None => format!("user:{PASSWORD}@{url}"),
        })
    };
    let (http, https) = (with_password(http), with_password(https));
    for shown in alibabacloud_core::fuzzing::proxy(
        http.as_deref(),
        https.as_deref(),
        no_proxy,
        &destinations,
    ) {
        assert!(!shown.contains(PASSWORD), "{shown}");
    }
});
