//! A small hand-written client for the emulator's tests: signs with the emulator's own
//! signer (`alibabacloud_emulator::sign`) and sends with reqwest, or speaks raw TCP.

#![allow(clippy::unwrap_used, dead_code, unreachable_pub)]

use std::time::Duration;

use alibabacloud_emulator::sign::{SigningKey, encode_params, random_nonce, sign_acs3, sign_rpc};
use bytes::Bytes;
use serde_json::Value;
use time::OffsetDateTime;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

pub const ID: &str = "testid";
pub const SECRET: &str = "testsecret";

/// What came back.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub text: String,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }

    pub fn code(&self) -> String {
        self.json()["Code"].as_str().unwrap_or_default().to_owned()
    }

    pub fn message(&self) -> String {
        self.json()["Message"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    }
}

/// A request to build and sign.
#[derive(Debug, Clone)]
pub struct Call {
    pub method: String,
    pub action: String,
    pub version: String,
    pub query: Vec<(String, String)>,
    pub form: Vec<(String, String)>,
    pub key: SigningKey,
    pub at: OffsetDateTime,
    pub nonce: String,
}

impl Call {
    pub fn new(action: &str, version: &str) -> Self {
        Self {
            method: "POST".into(),
            action: action.into(),
            version: version.into(),
            query: Vec::new(),
            form: Vec::new(),
            key: SigningKey::new(ID, SECRET),
            at: OffsetDateTime::now_utc(),
            nonce: random_nonce(),
        }
    }

    pub fn method(mut self, method: &str) -> Self {
        self.method = method.into();
        self
    }

    pub fn query(mut self, name: &str, value: &str) -> Self {
        self.query.push((name.into(), value.into()));
        self
    }

    pub fn form(mut self, name: &str, value: &str) -> Self {
        self.form.push((name.into(), value.into()));
        self
    }

    pub fn key(mut self, key: SigningKey) -> Self {
        self.key = key;
        self
    }

    pub fn at(mut self, at: OffsetDateTime) -> Self {
        self.at = at;
        self
    }

    pub fn nonce(mut self, nonce: &str) -> Self {
        self.nonce = nonce.into();
        self
    }

    /// An ACS3-signed request to `endpoint`.
    pub fn acs3(&self, endpoint: &str) -> http::Request<Bytes> {
        let mut uri = format!("{endpoint}/");
        if !self.query.is_empty() {
            uri.push('?');
            uri.push_str(&encode_params(&self.query));
        }
        let mut builder = http::Request::builder()
            .method(self.method.as_str())
            .uri(uri)
            .header("x-acs-action", &self.action)
            .header("x-acs-version", &self.version);
        let body = if self.form.is_empty() {
            Bytes::new()
        } else {
            builder = builder.header("content-type", "application/x-www-form-urlencoded");
            Bytes::from(encode_params(&self.form))
        };
        let mut request = builder.body(body).unwrap();
        sign_acs3(&mut request, &self.key, self.at, &self.nonce);
        request
    }

    /// An HMAC-SHA1 RPC request to `endpoint`: the signed parameters go in the query, or
    /// in a form body when `in_body`.
    pub fn rpc(&self, endpoint: &str, in_body: bool) -> http::Request<Bytes> {
        let mut params = vec![
            ("Action".to_owned(), self.action.clone()),
            ("Version".to_owned(), self.version.clone()),
        ];
        params.extend(self.query.iter().cloned());
        params.extend(self.form.iter().cloned());
        let signed = sign_rpc(&self.method, &params, &self.key, self.at, &self.nonce);
        let encoded = encode_params(&signed);
        let builder = http::Request::builder().method(self.method.as_str());
        if in_body {
            builder
                .uri(format!("{endpoint}/"))
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Bytes::from(encoded))
                .unwrap()
        } else {
            builder
                .uri(format!("{endpoint}/?{encoded}"))
                .body(Bytes::new())
                .unwrap()
        }
    }
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

/// Sends a request and reads the whole answer.
pub async fn send(request: http::Request<Bytes>) -> Answer {
    try_send(&client(), request).await.unwrap()
}

pub async fn try_send(
    client: &reqwest::Client,
    request: http::Request<Bytes>,
) -> Result<Answer, reqwest::Error> {
    let request = reqwest::Request::try_from(request).unwrap();
    let response = client.execute(request).await?;
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let text = response.text().await?;
    Ok(Answer {
        status,
        headers,
        text,
    })
}

/// Writes `raw` on a fresh connection and reads until the server closes it (or `wait`
/// passes); returns what was read.
pub async fn raw_exchange(addr: std::net::SocketAddr, raw: &[u8], wait: Duration) -> Vec<u8> {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(raw).await.unwrap();
    let mut out = Vec::new();
    let _ = tokio::time::timeout(wait, stream.read_to_end(&mut out)).await;
    out
}
