//! The emulator's request parsing and signature checks on any request: method, URI,
//! headers and body from the input (NUL-separated).
#![no_main]

use std::sync::{Arc, OnceLock};

use alibabacloud_emulator::{CredentialStore, FixedClock, IncomingRequest, Verifier};
use libfuzzer_sys::fuzz_target;

fn verifier() -> &'static Verifier {
    static VERIFIER: OnceLock<Verifier> = OnceLock::new();
    VERIFIER.get_or_init(|| {
        let store = CredentialStore::new();
        store.add_access_key("FuzzId", "FuzzSecret");
        store.add_sts("STS.FuzzId", "FuzzStsSecret", "FuzzToken");
        let clock = FixedClock::new(time::macros::datetime!(2024-06-01 00:00:00 UTC));
        Verifier::new(store, Arc::new(clock))
    })
}

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(4, |&b| b == 0);
    let (Some(method), Some(uri), Some(headers), body) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return;
    };
    let mut builder = http::Request::builder().method(method).uri(uri);
    for line in headers.split(|&b| b == b'\n') {
        if let Some(at) = line.iter().position(|&b| b == b':') {
            builder = builder.header(&line[..at], &line[at + 1..]);
        }
    }
    let Ok(request) = builder.body(bytes::Bytes::copy_from_slice(body.unwrap_or_default())) else {
        return;
    };
    let incoming = IncomingRequest::from_http(&request);
    let _ = (
        incoming.action(),
        incoming.version(),
        incoming.host_without_port(),
    );
    let _ = alibabacloud_emulator::verify::claimed(&incoming);
    match verifier().verify(&incoming) {
        Ok(verified) => drop(format!("{verified:?}")),
        Err(error) => drop(format!("{error:?}")),
    }
});
