//! The life of one request: read the body (with a size limit), check the signature, take
//! a scripted reply or handle it normally, record it, answer.

use std::convert::Infallible;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use bytes::Bytes;
use http::header::CONTENT_LENGTH;
use http::{Request, Response, StatusCode};
use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper::body::Incoming;
use serde_json::json;
use tokio::sync::Notify;

use crate::catalog::{Catalog, Operation, Route};
use crate::clock::Clock;
use crate::codes;
use crate::record::{Outcome, RecordedRequest, Records, Verdict, recorded_body, recorded_form};
use crate::request::IncomingRequest;
use crate::response::{
    REQUEST_ID_HEADER, ReplyContext, ServiceError, error_response, json_response, new_request_id,
    raw_response, with_request_id,
};
use crate::script::{Reply, ReplyKind, Script};
use crate::verify::{self, Verifier};

/// Everything the running server shares between connections and with the handle.
#[derive(Debug)]
pub(crate) struct State {
    pub(crate) verifier: Verifier,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) script: Mutex<Script>,
    /// The listing operations served from a paged list, by action.
    pub(crate) paged: Mutex<std::collections::HashMap<String, crate::paging::PagedList>>,
    pub(crate) records: Mutex<Records>,
    pub(crate) catalog: Catalog,
    pub(crate) max_body_size: usize,
}

/// What to do with a request once it is decided.
enum Plan {
    Respond {
        response: Response<Full<Bytes>>,
        request_id: Option<String>,
    },
    Drop,
    Hang,
}

impl Plan {
    fn outcome(&self) -> Outcome {
        match self {
            Self::Respond { response, .. } => Outcome::Answered(response.status().as_u16()),
            Self::Drop => Outcome::Dropped,
            Self::Hang => Outcome::Hung,
        }
    }
}

/// Answers one request. Never fails: every problem is an HTTP answer (or, when scripted, a
/// closed connection).
pub(crate) async fn handle(
    state: Arc<State>,
    request: Request<Incoming>,
    kill: Arc<Notify>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let received_at = state.clock.now();
    let (parts, body) = request.into_parts();
    let declared_len = parts
        .headers
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    let too_large_declared = declared_len
        .is_some_and(|len| len > u64::try_from(state.max_body_size).unwrap_or(u64::MAX));
    let body = if too_large_declared {
        Err(BodyProblem::TooLarge)
    } else {
        match Limited::new(body, state.max_body_size).collect().await {
            Ok(collected) => Ok(collected.to_bytes()),
            Err(e) if e.downcast_ref::<LengthLimitError>().is_some() => Err(BodyProblem::TooLarge),
            Err(_) => Err(BodyProblem::Unreadable),
        }
    };
    let (incoming, body_problem) = match body {
        Ok(bytes) => (IncomingRequest::from_parts(&parts, bytes), None),
        Err(problem) => (
            IncomingRequest::from_parts(&parts, Bytes::new()),
            Some(problem),
        ),
    };

    let (plan, verdict, delay) = match body_problem {
        Some(problem) => {
            let error = match problem {
                BodyProblem::TooLarge => ServiceError::gateway(codes::REQUEST_ENTITY_TOO_LARGE),
                BodyProblem::Unreadable => ServiceError::new(
                    StatusCode::BAD_REQUEST,
                    "InvalidRequest",
                    "The request body could not be read.",
                ),
            };
            (
                error_plan(&state, &incoming, &error, &[]),
                Verdict::Unreadable,
                None,
            )
        }
        None => decide(&state, &incoming),
    };

    record(&state, &incoming, verdict, &plan, received_at);

    if let Some(delay) = delay {
        tokio::time::sleep(delay).await;
    }
    match plan {
        Plan::Respond { response, .. } => Ok(response),
        Plan::Drop => {
            kill.notify_one();
            std::future::pending().await
        }
        Plan::Hang => std::future::pending().await,
    }
}

enum BodyProblem {
    TooLarge,
    Unreadable,
}

/// Signature check, script, normal handling.
fn decide(state: &State, incoming: &IncomingRequest) -> (Plan, Verdict, Option<Duration>) {
    let action = incoming.action();
    if let Some(reply) = take_script(state, action, false) {
        let delay = reply.delay;
        return (
            plan_reply(state, incoming, reply),
            Verdict::NotChecked,
            delay,
        );
    }
    if let Err(error) = state.verifier.verify(incoming) {
        tracing::debug!(code = %error.code, "request refused by the signature check");
        let verdict = Verdict::Rejected {
            code: error.code.clone(),
            message: error.message.clone(),
        };
        return (error_plan(state, incoming, &error, &[]), verdict, None);
    }
    match take_script(state, action, true) {
        Some(reply) => {
            let delay = reply.delay;
            (plan_reply(state, incoming, reply), Verdict::Accepted, delay)
        }
        None => match paged_reply(state, incoming) {
            Some(reply) => (plan_reply(state, incoming, reply), Verdict::Accepted, None),
            None => (normal(state, incoming, &[]), Verdict::Accepted, None),
        },
    }
}

/// The page of a listing served from a paged list, if `incoming`'s action has one.
fn paged_reply(state: &State, incoming: &IncomingRequest) -> Option<Reply> {
    let action = incoming.action()?;
    let paged = state.paged.lock().unwrap_or_else(PoisonError::into_inner);
    paged.get(action).map(|list| list.reply(incoming))
}

fn take_script(state: &State, action: Option<&str>, verified: bool) -> Option<Reply> {
    state
        .script
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take(action, verified)
}

fn context(incoming: &IncomingRequest, operation: Option<Operation<'_>>) -> ReplyContext {
    ReplyContext {
        request_id: new_request_id(),
        host_id: incoming.host_without_port().to_owned(),
        product: operation.map(|op| op.spec.info.product.clone()),
        roa: operation.is_some_and(|op| op.is_roa()),
    }
}

fn error_plan(
    state: &State,
    incoming: &IncomingRequest,
    error: &ServiceError,
    headers: &[(String, String)],
) -> Plan {
    let ctx = context(incoming, state.catalog.operation_of(incoming));
    Plan::Respond {
        response: error_response(error, &ctx, headers),
        request_id: Some(ctx.request_id),
    }
}

/// What a scripted reply becomes.
fn plan_reply(state: &State, incoming: &IncomingRequest, reply: Reply) -> Plan {
    let Reply { kind, headers, .. } = reply;
    match kind {
        ReplyKind::Normal => normal(state, incoming, &headers),
        ReplyKind::Error {
            code,
            status,
            message,
        } => {
            let documented = state
                .catalog
                .operation_of(incoming)
                .and_then(|op| op.documented_error(&code));
            let error = match (status, message, documented) {
                (Some(status), Some(message), _) => ServiceError::new(status, code, message),
                (status, message, Some((doc_status, doc_message))) => ServiceError::new(
                    status.unwrap_or(doc_status),
                    code,
                    message.unwrap_or(doc_message),
                ),
                (status, message, None) => {
                    let mut error = ServiceError::gateway(&code);
                    if let Some(status) = status {
                        error.status = status;
                    }
                    if let Some(message) = message {
                        error.message = message;
                    }
                    error
                }
            };
            error_plan(state, incoming, &error, &headers)
        }
        ReplyKind::Success(body) => {
            let request_id = new_request_id();
            let body = with_request_id(body, &request_id);
            Plan::Respond {
                response: json_response(StatusCode::OK, &body, &request_id, &headers),
                request_id: Some(request_id),
            }
        }
        ReplyKind::Raw { status, body } => Plan::Respond {
            response: raw_response(status, &headers, body),
            request_id: None,
        },
        ReplyKind::Drop => Plan::Drop,
        ReplyKind::Hang => Plan::Hang,
    }
}

/// Normal handling of a verified request: route, check, answer the documented success.
fn normal(state: &State, incoming: &IncomingRequest, headers: &[(String, String)]) -> Plan {
    match normal_body(state, incoming) {
        Ok(Success::Rpc(body)) => {
            let request_id = new_request_id();
            let body = with_request_id(body, &request_id);
            Plan::Respond {
                response: json_response(StatusCode::OK, &body, &request_id, headers),
                request_id: Some(request_id),
            }
        }
        Ok(Success::Roa(status, body)) => {
            // The request id goes in the header only: a ROA body is the service's own.
            let request_id = new_request_id();
            let response = match body {
                Some(body) => json_response(status, &body, &request_id, headers),
                None => {
                    let mut headers = headers.to_vec();
                    headers.push((REQUEST_ID_HEADER.to_owned(), request_id.clone()));
                    raw_response(status, &headers, Bytes::new())
                }
            };
            Plan::Respond {
                response,
                request_id: Some(request_id),
            }
        }
        Err(error) => error_plan(state, incoming, &error, headers),
    }
}

/// A documented success: an RPC body (its `RequestId` set by the caller), or a ROA status
/// and body.
enum Success {
    Rpc(serde_json::Value),
    Roa(StatusCode, Option<serde_json::Value>),
}

fn normal_body(state: &State, incoming: &IncomingRequest) -> Result<Success, ServiceError> {
    match state.catalog.route_path(incoming) {
        Some(Ok(op)) => {
            op.check_parameters(incoming)?;
            let (status, body) = op.roa_success();
            return Ok(Success::Roa(status, body));
        }
        Some(Err(_)) => return Err(ServiceError::gateway(codes::UNSUPPORTED_HTTP_METHOD)),
        None => {}
    }
    let action = incoming
        .action()
        .ok_or_else(|| ServiceError::missing("MissingAction", "Action"))?;
    let version = incoming
        .version()
        .ok_or_else(|| ServiceError::missing("MissingVersion", "Version"))?;
    if state.catalog.is_empty() {
        return Ok(Success::Rpc(json!({"Success": true})));
    }
    match state.catalog.route(action, version) {
        Route::UnknownVersion => Err(ServiceError::gateway(codes::INVALID_VERSION)),
        Route::UnknownAction => Err(ServiceError::gateway(codes::INVALID_ACTION_NOT_FOUND)),
        // A ROA operation whose path did not match.
        Route::Found(op) if op.is_roa() => {
            Err(ServiceError::gateway(codes::INVALID_ACTION_NOT_FOUND))
        }
        Route::Found(op) => {
            op.check_method(&incoming.method)?;
            op.check_parameters(incoming)?;
            // RequestId is replaced by the caller.
            Ok(Success::Rpc(op.success_body("")))
        }
    }
}

fn record(
    state: &State,
    incoming: &IncomingRequest,
    verdict: Verdict,
    plan: &Plan,
    received_at: time::OffsetDateTime,
) {
    let claimed = verify::claimed(incoming);
    let request_id = match plan {
        Plan::Respond { request_id, .. } => request_id.clone(),
        Plan::Drop | Plan::Hang => None,
    };
    let body = recorded_body(&incoming.body);
    let body_len = incoming.body.len();
    let recorded = RecordedRequest {
        method: incoming.method.clone(),
        path: incoming.path.clone(),
        query: incoming.query.clone(),
        form: recorded_form(&incoming.form, body_len > body.len()),
        headers: incoming.headers.clone(),
        body,
        body_len,
        action: incoming.action().map(str::to_owned),
        version: incoming.version().map(str::to_owned),
        auth_scheme: claimed.scheme,
        access_key_id: claimed.access_key_id,
        nonce: claimed.nonce,
        verdict,
        outcome: plan.outcome(),
        request_id,
        received_at,
    };
    tracing::debug!(
        method = %recorded.method,
        action = recorded.action.as_deref().unwrap_or("-"),
        outcome = ?recorded.outcome,
        "emulator request"
    );
    state
        .records
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(recorded);
}
