//! `ssos-lint serve`: the self-check page and the JSON API as a web service.
//!
//! - `GET /`: the upload page; `POST /check`: the results page (HTML, no
//!   JavaScript, rendered by [`crate::render::page`]).
//! - `POST /api/v1/check`: the JSON report of `ssos-lint check --format json`
//!   (raw body with `X-Filename`, or a multipart `plan` field);
//!   `GET /api/v1/openapi.json`: the API's OpenAPI description.
//! - `GET /healthz`: `ok` while the service accepts work, even while every
//!   check slot is busy.
//!
//! Hyper serves HTTP/1.1 with a header read timeout; the axum router sits
//! behind tower-http layers (tracing, security headers, compression, a
//! request timeout, a streaming body limit). Uploads are read in memory under
//! a byte budget shared by all requests, with an idle and a total read
//! timeout, so stalled clients hold neither a check slot nor much memory.
//! Checks run on the blocking pool, a few at a time, with a bounded queue;
//! beyond it the answer is a JSON 503. Nothing is written to disk and nothing
//! is kept between requests.

mod app;
mod openapi;
mod upload;

use std::sync::Arc;
use std::time::Duration;

use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

use crate::lint::Linter;

pub use openapi::openapi;

/// How the service is bounded. [`Options::default`] suits one small container.
#[derive(Debug, Clone)]
pub struct Options {
    /// Address to listen on (port 0 picks a free port).
    pub addr: String,
    /// Checks that run at once (each on a blocking thread).
    pub max_checks: usize,
    /// Uploads that may wait for a check slot; beyond them the answer is 503.
    pub queue: usize,
    /// How long an upload may wait in the queue before a 503.
    pub queue_wait: Duration,
    /// Upload bytes held in memory across all requests at once; an upload
    /// that would go over it is refused with 503.
    pub memory_budget: u64,
    /// Time to receive a request's headers.
    pub header_timeout: Duration,
    /// Longest pause while receiving a body.
    pub body_idle_timeout: Duration,
    /// Longest time to receive a whole body.
    pub body_timeout: Duration,
    /// Longest time one check may take before the answer is 503.
    pub check_timeout: Duration,
    /// Open connections at once; further ones wait to be accepted.
    pub max_connections: usize,
    /// How long shutdown waits for requests in flight.
    pub grace: Duration,
}

impl Default for Options {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Options {
            addr: "127.0.0.1:8080".to_string(),
            max_checks: cores.clamp(1, 8),
            queue: 16,
            queue_wait: Duration::from_secs(30),
            memory_budget: 256 << 20,
            header_timeout: Duration::from_secs(10),
            body_idle_timeout: Duration::from_secs(15),
            body_timeout: Duration::from_secs(120),
            check_timeout: Duration::from_secs(60),
            max_connections: 1024,
            grace: Duration::from_secs(30),
        }
    }
}

/// Binds `options.addr`, prints `Listening on http://ADDR` to stderr and
/// serves until SIGINT or SIGTERM, then stops accepting, lets requests in
/// flight finish (up to `options.grace`) and returns. Only a failure to bind
/// or to start returns an error.
pub fn run(linter: Linter, options: Options) -> Result<(), String> {
    init_logs();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(options.max_checks.max(1) + 2)
        .thread_name("ssos-serve")
        .build()
        .map_err(|e| format!("cannot start the server runtime: {e}"))?;
    runtime.block_on(serve(linter, options))
}

/// JSON lines on stderr; `RUST_LOG` picks the level (default `info`).
fn init_logs() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .json()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_current_span(false)
        .try_init();
}

async fn serve(linter: Linter, options: Options) -> Result<(), String> {
    let listener =
        TcpListener::bind(&options.addr).await.map_err(|e| format!("cannot listen on {}: {e}", options.addr))?;
    let bound = listener.local_addr().map_or_else(|_| options.addr.clone(), |a| a.to_string());
    let state = app::State::new(linter, &options);
    let router = app::router(state, &options);
    eprintln!("Listening on http://{bound}");
    tracing::info!(addr = %bound, max_checks = options.max_checks, queue = options.queue, "listening");

    let graceful = GracefulShutdown::new();
    let connections = Arc::new(Semaphore::new(options.max_connections.max(1)));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(options.header_timeout).keep_alive(true);
    let shutdown = shutdown_signal();
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            permit = connections.clone().acquire_owned() => match permit {
                Ok(p) => p,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let (stream, _peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(err) => {
                    // Out of file descriptors and the like: back off, go on.
                    tracing::warn!(error = %err, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(router.clone());
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            let _ = connection.await;
            drop(permit);
        });
    }
    drop(listener);
    tracing::info!("shutting down: finishing requests in flight");
    tokio::select! {
        () = graceful.shutdown() => tracing::info!("stopped"),
        () = tokio::time::sleep(options.grace) => tracing::warn!("stopped with requests still in flight"),
    }
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
