//! The router, its layers, and the handlers.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Request, State as Extract};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tokio::sync::Semaphore;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

use super::Options;
use super::openapi::{ApiError, ErrorBody};
use super::upload::{self, FORM_ALLOWANCE, Problem, Upload};
use crate::batch;
use crate::lint::Linter;
use crate::render::page::{self, Forms, Guide};
use crate::render::{self, OutputFormat, RenderOptions};
use crate::report::{Report, Status};

/// The Content-Security-Policy of every response: no script at all, styles
/// only from the service's own stylesheet, forms only to itself, no framing.
pub const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; \
                       frame-ancestors 'none'; base-uri 'none'";

/// What every request shares: the linter and the limits on work.
pub struct State {
    linter: Arc<Linter>,
    guide: Guide,
    forms: Forms,
    openapi: String,
    /// Checks running at once.
    checks: Arc<Semaphore>,
    /// Checks running or waiting: beyond these the answer is 503.
    admitted: Arc<Semaphore>,
    queue_wait: Duration,
    check_timeout: Duration,
    limits: upload::Limits,
}

impl State {
    pub fn new(linter: Linter, options: &Options) -> Arc<Self> {
        let checks = options.max_checks.max(1);
        let limits = upload::Limits {
            max_file: linter.limits.max_file_bytes,
            budget: Arc::new(Semaphore::new(options.memory_budget.min(Semaphore::MAX_PERMITS as u64) as usize)),
            idle: options.body_idle_timeout,
            total: options.body_timeout,
        };
        Arc::new(State {
            guide: Guide::of(&linter.pack),
            forms: Forms { annotate: true },
            openapi: super::openapi().to_string(),
            linter: Arc::new(linter),
            checks: Arc::new(Semaphore::new(checks)),
            admitted: Arc::new(Semaphore::new(checks + options.queue)),
            queue_wait: options.queue_wait,
            check_timeout: options.check_timeout,
            limits,
        })
    }
}

pub fn router(state: Arc<State>, options: &Options) -> Router {
    let max_body = state.limits.max_file.saturating_add(FORM_ALLOWANCE);
    let state_limit = state.limits.max_file;
    let request_timeout = options.body_timeout + options.queue_wait + options.check_timeout + Duration::from_secs(5);
    let security = [
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::CACHE_CONTROL, "no-store"),
        (HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
        (HeaderName::from_static("cross-origin-resource-policy"), "same-origin"),
        (HeaderName::from_static("permissions-policy"), "camera=(), microphone=(), geolocation=()"),
    ];
    let mut router = Router::new()
        .route("/", get(home))
        .route("/healthz", get(health))
        .route(page::STYLESHEET_PATH, get(stylesheet))
        .route("/check", post(check_page))
        .route("/api/v1/check", post(check_api))
        .route("/annotate", post(annotate_page))
        .route("/api/v1/annotate", post(annotate_api))
        .route("/api/v1/openapi.json", get(openapi))
        .fallback(not_found)
        .with_state(state)
        .layer(DefaultBodyLimit::disable())
        .layer(RequestBodyLimitLayer::new(usize::try_from(max_body).unwrap_or(usize::MAX)))
        .layer(CatchPanicLayer::new())
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, request_timeout))
        .layer(middleware::from_fn_with_state(state_limit, errors_by_path))
        .layer(CompressionLayer::new());
    for (name, value) in security {
        router = router.layer(SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value)));
    }
    router.layer(
        TraceLayer::new_for_http()
            // The path only: the query may carry a file name.
            .make_span_with(|r: &Request| tracing::info_span!("request", method = %r.method(), path = %r.uri().path()))
            .on_response(DefaultOnResponse::new().level(Level::INFO)),
    )
}

async fn home(Extract(state): Extract<Arc<State>>) -> Response {
    html(StatusCode::OK, page::home(&state.guide, state.forms))
}

async fn health() -> Response {
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], "ok").into_response()
}

async fn stylesheet() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], page::STYLESHEET).into_response()
}

async fn openapi(Extract(state): Extract<Arc<State>>) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], state.openapi.clone()).into_response()
}

async fn not_found(request: Request) -> Response {
    let problem = Problem::new(StatusCode::NOT_FOUND, "not_found", "There is nothing at this address.");
    if is_api(request.uri().path()) { api_error(&problem, None) } else { page_error(&problem) }
}

fn is_api(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

async fn check_api(Extract(state): Extract<Arc<State>>, request: Request) -> Response {
    match receive_and_check(&state, request).await {
        Ok(report) => {
            let json = render::render(&report, OutputFormat::Json, &RenderOptions::default());
            if unreadable(&report) {
                let problem = Problem::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "unreadable",
                    first_message(&report).unwrap_or_else(|| "The file could not be read as a plan.".to_string()),
                );
                return api_error(&problem, Some(report));
            }
            (StatusCode::OK, [(header::CONTENT_TYPE, "application/json")], json).into_response()
        }
        Err(problem) => api_error(&problem, None),
    }
}

async fn check_page(Extract(state): Extract<Arc<State>>, request: Request) -> Response {
    match receive_and_check(&state, request).await {
        Ok(report) => {
            let status = if unreadable(&report) { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
            html(status, page::results(&report, &state.guide, state.forms))
        }
        Err(problem) => page_error(&problem),
    }
}

/// Every submission of the upload could not be read.
fn unreadable(report: &Report) -> bool {
    !report.files.is_empty() && report.files.iter().all(|f| f.status == Status::Error)
}

fn first_message(report: &Report) -> Option<String> {
    report.files.iter().flat_map(|f| &f.diagnostics).next().map(|d| d.message.clone())
}

/// Receives the upload (no check slot is held meanwhile, so slow uploads
/// never block checks), waits in the bounded queue for a slot, and runs
/// `work` on it on the blocking pool within the deadline.
async fn receive_and_run<T: Send + 'static>(
    state: &Arc<State>,
    request: Request,
    work: fn(&Linter, Upload) -> T,
) -> Result<T, Problem> {
    if !upload::acceptable_type(request.headers()) {
        return Err(Problem::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "Send the file as the raw body with Content-Type application/octet-stream (or none), or as a \
             multipart/form-data field named plan. With curl: --data-binary @plan.docx -H \
             'Content-Type: application/octet-stream', or -F plan=@plan.docx.",
        ));
    }
    let upload = upload::receive(request, &state.limits).await?;
    let admitted = state
        .admitted
        .clone()
        .try_acquire_owned()
        .map_err(|_| Problem::busy("Too many plans are waiting to be checked. Try again in a few seconds."))?;
    let slot = tokio::time::timeout(state.queue_wait, state.checks.clone().acquire_owned())
        .await
        .map_err(|_| Problem::busy("Every checker stayed busy for too long. Try again in a few seconds."))?
        .map_err(|_| Problem::busy("The service is stopping."))?;
    let linter = state.linter.clone();
    let task = tokio::task::spawn_blocking(move || {
        // The slot, the queue place and the upload's memory are given back
        // when the work ends, even if the client has gone.
        let _held = (admitted, slot);
        work(&linter, upload)
    });
    match tokio::time::timeout(state.check_timeout, task).await {
        Ok(Ok(done)) => Ok(done),
        Ok(Err(_)) => {
            Err(Problem::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "The check failed unexpectedly."))
        }
        Err(_) => {
            tracing::warn!("check over its deadline");
            Err(Problem::busy("Checking this file took too long."))
        }
    }
}

async fn receive_and_check(state: &Arc<State>, request: Request) -> Result<Report, Problem> {
    let started = std::time::Instant::now();
    let report = receive_and_run(state, request, check).await?;
    let s = &report.summary;
    tracing::info!(
        millis = started.elapsed().as_millis() as u64,
        submissions = s.files,
        pass = s.pass,
        fail = s.fail,
        unreadable = s.error,
        "checked"
    );
    Ok(report)
}

/// The annotated copy of an uploaded .docx, or why there is none.
struct Annotation {
    name: String,
    result: Result<crate::annotate::Annotated, crate::read::InputError>,
}

fn annotate(linter: &Linter, upload: Upload) -> Annotation {
    let author = crate::annotate::Author::now();
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        crate::annotate::annotate_file(linter, &upload.name, &upload.bytes, &author).map(|(a, _)| a)
    }));
    let result = caught.unwrap_or_else(|_| {
        Err(crate::read::InputError::unreadable(
            "ssos-lint hit an internal error while annotating this file",
            "Please report this file to the ssos-lint maintainers.",
        ))
    });
    Annotation { name: upload.name.clone(), result }
}

/// `plan.docx` → `plan.reviewed.docx`, as an attachment.
fn download(annotation: Annotation) -> Result<Response, Problem> {
    match annotation.result {
        Ok(annotated) => {
            tracing::info!(comments = annotated.added, "annotated");
            let stem = annotation.name.strip_suffix(".docx").unwrap_or(&annotation.name);
            let name = format!("{stem}.reviewed.docx");
            let ascii: String = name
                .chars()
                .map(|c| if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' { c } else { '_' })
                .collect();
            let encoded: String = name
                .bytes()
                .map(|b| {
                    if b.is_ascii_alphanumeric() || b"-._".contains(&b) {
                        (b as char).to_string()
                    } else {
                        format!("%{b:02X}")
                    }
                })
                .collect();
            let disposition = format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}");
            let mut response = (
                StatusCode::OK,
                [(header::CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")],
                annotated.bytes,
            )
                .into_response();
            if let Ok(value) = HeaderValue::from_str(&disposition) {
                response.headers_mut().insert(header::CONTENT_DISPOSITION, value);
            }
            Ok(response)
        }
        Err(err) => Err(Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "unreadable",
            format!("{} {}", crate::render::page::sentence_case(&err.reason), err.help).trim().to_string(),
        )),
    }
}

async fn annotate_api(Extract(state): Extract<Arc<State>>, request: Request) -> Response {
    match receive_and_run(&state, request, annotate).await.and_then(download) {
        Ok(response) => response,
        Err(problem) => api_error(&problem, None),
    }
}

async fn annotate_page(Extract(state): Extract<Arc<State>>, request: Request) -> Response {
    match receive_and_run(&state, request, annotate).await.and_then(download) {
        Ok(response) => response,
        Err(problem) => page_error(&problem),
    }
}

/// Checks one upload and assembles the report `check --format json` would give.
fn check(linter: &Linter, upload: Upload) -> Report {
    let reports = batch::check_bytes_caught(linter, &upload.name, &upload.bytes);
    drop(upload);
    batch::assemble(linter, reports, None)
}

fn html(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response()
}

fn page_error(problem: &Problem) -> Response {
    let title = match problem.status {
        StatusCode::NOT_FOUND => "Not found",
        StatusCode::SERVICE_UNAVAILABLE => "Busy",
        _ => "The file could not be checked",
    };
    let mut response = html(problem.status, page::message(title, &problem.message));
    retry_after(&mut response, problem);
    response
}

pub fn api_error(problem: &Problem, report: Option<Report>) -> Response {
    let body = ApiError {
        error: ErrorBody {
            status: problem.status.as_u16(),
            code: problem.code.to_string(),
            message: problem.message.clone(),
        },
        report,
    };
    let json = serde_json::to_string_pretty(&body).unwrap_or_default() + "\n";
    let mut response = (problem.status, [(header::CONTENT_TYPE, "application/json")], json).into_response();
    retry_after(&mut response, problem);
    response
}

fn retry_after(response: &mut Response, problem: &Problem) {
    if let Some(secs) = problem.retry_after {
        response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
}

/// Errors made by the framework and layers (405, 413, a timeout, a panic)
/// come without a body of ours: give them one, JSON under `/api/`, HTML
/// elsewhere, keeping their headers (`Allow`).
async fn errors_by_path(Extract(max_file): Extract<u64>, request: Request, next: Next) -> Response {
    let api = is_api(request.uri().path());
    let head = request.method() == Method::HEAD;
    let response = next.run(request).await;
    let status = response.status();
    let ours = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json") || v.starts_with("text/html"));
    if !(status.is_client_error() || status.is_server_error()) || ours {
        return response;
    }
    let too_large = format!("The file is over the {} MB limit.", max_file >> 20);
    let (code, message) = match status {
        StatusCode::METHOD_NOT_ALLOWED => ("method_not_allowed", "This address does not accept that method."),
        StatusCode::PAYLOAD_TOO_LARGE => ("too_large", too_large.as_str()),
        StatusCode::REQUEST_TIMEOUT => ("timeout", "The request took too long."),
        StatusCode::SERVICE_UNAVAILABLE => ("busy", "The service is busy or the request took too long. Try again."),
        StatusCode::NOT_FOUND => ("not_found", "There is nothing at this address."),
        s if s.is_server_error() => ("internal", "The service hit an internal error."),
        _ => ("bad_request", "The request could not be handled."),
    };
    let mut problem = Problem::new(status, code, message);
    if status == StatusCode::SERVICE_UNAVAILABLE {
        problem.retry_after = Some(5);
    }
    let (mut parts, _) = response.into_parts();
    let fresh = if api { api_error(&problem, None) } else { page_error(&problem) };
    let (fresh_parts, body) = fresh.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    for (name, value) in &fresh_parts.headers {
        parts.headers.insert(name, value.clone());
    }
    let body = if head { Body::empty() } else { body };
    Response::from_parts(parts, body)
}
