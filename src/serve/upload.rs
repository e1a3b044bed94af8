//! Receiving an upload: the raw body or the file of a multipart form, read in
//! memory under the size limit, a byte budget shared by every request, and an
//! idle and a total read timeout. Nothing touches the disk.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{FromRequest, Multipart, Query, Request};
use axum::http::{HeaderMap, StatusCode, header};
use http_body_util::BodyExt;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

/// Multipart framing and small form fields around the file.
pub const FORM_ALLOWANCE: u64 = 64 * 1024;

/// Why a request was refused: the status, a stable code, and words for people.
#[derive(Debug, Clone)]
pub struct Problem {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    /// Seconds to wait before trying again (503).
    pub retry_after: Option<u32>,
}

impl Problem {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Problem { status, code, message: message.into(), retry_after: None }
    }

    pub fn busy(message: impl Into<String>) -> Self {
        Problem { retry_after: Some(5), ..Problem::new(StatusCode::SERVICE_UNAVAILABLE, "busy", message) }
    }

    fn too_large(limit: u64) -> Self {
        Problem::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            format!("The file is over the {} MB limit.", limit >> 20),
        )
    }

    fn timeout() -> Self {
        Problem::new(
            StatusCode::REQUEST_TIMEOUT,
            "timeout",
            "The upload took too long or stalled. Check the connection and try again.",
        )
    }

    fn interrupted() -> Self {
        Problem::new(StatusCode::BAD_REQUEST, "bad_upload", "The upload was interrupted or malformed. Try again.")
    }

    fn empty() -> Self {
        Problem::new(
            StatusCode::BAD_REQUEST,
            "no_file",
            "No file was uploaded, or the file is empty. Choose a file and try again.",
        )
    }
}

/// One uploaded file, in memory only, with its share of the byte budget
/// (given back when the upload is dropped).
pub struct Upload {
    pub name: String,
    pub bytes: Vec<u8>,
    _budget: OwnedSemaphorePermit,
}

/// What bounds the reading of one body.
pub struct Limits {
    /// The largest file accepted.
    pub max_file: u64,
    /// Bytes in flight across all requests (one permit per byte).
    pub budget: Arc<Semaphore>,
    pub idle: Duration,
    pub total: Duration,
}

/// Media types an upload may declare: none, a file, a form, or a format of
/// `read::formats` (read, or reported as unsupported).
pub fn acceptable_type(headers: &HeaderMap) -> bool {
    let Some(value) = headers.get(header::CONTENT_TYPE) else { return true };
    let Ok(value) = value.to_str() else { return false };
    let essence = value.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    matches!(essence.as_str(), "" | "application/octet-stream" | "multipart/form-data" | "application/x-ole-storage")
        || crate::read::formats::by_mime(&essence).is_some()
        || essence.starts_with("application/vnd.openxmlformats-officedocument.")
        || essence.starts_with("application/vnd.ms-excel.")
        || essence.starts_with("application/vnd.oasis.opendocument.")
}

fn is_multipart(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().to_ascii_lowercase().starts_with("multipart/form-data"))
}

/// Takes the file out of `request`: the `plan` (else first) file of a
/// multipart form, or the raw body named by `X-Filename` or `?filename=`.
pub async fn receive(request: Request, limits: &Limits) -> Result<Upload, Problem> {
    let deadline = Instant::now() + limits.total;
    let allowance = limits.max_file.saturating_add(FORM_ALLOWANCE);
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > allowance) {
        return Err(Problem::too_large(limits.max_file));
    }
    let mut budget = Budget::new(&limits.budget)?;
    let upload = if is_multipart(request.headers()) {
        let form = Multipart::from_request(request, &()).await.map_err(|e| {
            Problem::new(StatusCode::BAD_REQUEST, "bad_form", format!("The form could not be read: {e}."))
        })?;
        read_form(form, limits, allowance, deadline, &mut budget).await?
    } else {
        let named = request
            .headers()
            .get("x-filename")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
            .or_else(|| query_filename(&request));
        let declared = declared.unwrap_or(0).min(limits.max_file) as usize;
        let bytes = read_raw(request.into_body(), limits, declared, deadline, &mut budget).await?;
        (file_name(named.as_deref()), bytes)
    };
    let (name, bytes) = upload;
    if bytes.is_empty() {
        return Err(Problem::empty());
    }
    if bytes.len() as u64 > limits.max_file {
        return Err(Problem::too_large(limits.max_file));
    }
    Ok(Upload { name, bytes, _budget: budget.permit })
}

fn query_filename(request: &Request) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Params {
        filename: Option<String>,
    }
    Query::<Params>::try_from_uri(request.uri()).ok().and_then(|q| q.0.filename)
}

/// Permits for the bytes one request holds, taken as they arrive.
struct Budget {
    pool: Arc<Semaphore>,
    permit: OwnedSemaphorePermit,
}

impl Budget {
    fn new(pool: &Arc<Semaphore>) -> Result<Self, Problem> {
        let permit = pool.clone().try_acquire_many_owned(0).map_err(|_| Problem::busy("The service is stopping."))?;
        Ok(Budget { pool: pool.clone(), permit })
    }

    /// Takes `n` more bytes of the shared budget, or refuses with 503.
    fn take(&mut self, n: usize) -> Result<(), Problem> {
        let n = u32::try_from(n).map_err(|_| Problem::busy("The upload chunk is too large."))?;
        match self.pool.clone().try_acquire_many_owned(n) {
            Ok(more) => {
                self.permit.merge(more);
                Ok(())
            }
            Err(_) => {
                Err(Problem::busy("The service is receiving too many uploads at once. Try again in a few seconds."))
            }
        }
    }
}

/// Waits for `fut` until the next idle timeout or the total deadline.
async fn timed<T>(limits: &Limits, deadline: Instant, fut: impl Future<Output = T>) -> Result<T, Problem> {
    let until = (Instant::now() + limits.idle).min(deadline);
    tokio::time::timeout_at(until, fut).await.map_err(|_| Problem::timeout())
}

fn body_error(err: &(dyn std::error::Error + 'static), max_file: u64) -> Problem {
    let mut source = Some(err);
    while let Some(e) = source {
        if e.downcast_ref::<http_body_util::LengthLimitError>().is_some() {
            return Problem::too_large(max_file);
        }
        source = e.source();
    }
    Problem::interrupted()
}

async fn read_raw(
    mut body: Body,
    limits: &Limits,
    declared: usize,
    deadline: Instant,
    budget: &mut Budget,
) -> Result<Vec<u8>, Problem> {
    let mut buffer = Buffer::new(declared);
    loop {
        let frame = match timed(limits, deadline, body.frame()).await? {
            None => break,
            Some(Ok(frame)) => frame,
            Some(Err(err)) => return Err(body_error(&err, limits.max_file)),
        };
        let Ok(data) = frame.into_data() else { continue };
        buffer.push(&data, budget, limits.max_file)?;
    }
    Ok(buffer.data)
}

/// The bytes of one file as they arrive. The budget is charged for the
/// buffer's capacity, not its length, so it counts the memory really held;
/// nothing is reserved for bytes a client only promised to send.
struct Buffer {
    data: Vec<u8>,
    declared: usize,
}

impl Buffer {
    fn new(declared: usize) -> Self {
        Buffer { data: Vec::new(), declared }
    }

    fn push(&mut self, chunk: &[u8], budget: &mut Budget, max_file: u64) -> Result<(), Problem> {
        let needed = self.data.len() + chunk.len();
        if needed as u64 > max_file {
            return Err(Problem::too_large(max_file));
        }
        if needed > self.data.capacity() {
            // Grow by doubling, but never past the declared length when it fits.
            let doubled = (self.data.capacity() * 2).max(64 * 1024);
            let target = if self.declared >= needed { doubled.min(self.declared) } else { doubled };
            let target = target.max(needed).min(max_file as usize);
            budget.take(target - self.data.capacity())?;
            self.data.reserve_exact(target - self.data.len());
        }
        self.data.extend_from_slice(chunk);
        Ok(())
    }
}

async fn read_form(
    mut form: Multipart,
    limits: &Limits,
    allowance: u64,
    deadline: Instant,
    budget: &mut Budget,
) -> Result<(String, Vec<u8>), Problem> {
    let mut chosen: Option<(String, Vec<u8>)> = None;
    let mut chosen_is_plan = false;
    let mut seen: u64 = 0;
    let form_error = |e: axum::extract::multipart::MultipartError| match e.status() {
        StatusCode::PAYLOAD_TOO_LARGE => Problem::too_large(limits.max_file),
        StatusCode::BAD_REQUEST => {
            Problem::new(StatusCode::BAD_REQUEST, "bad_form", format!("The form could not be read: {}.", e.body_text()))
        }
        _ => Problem::interrupted(),
    };
    while let Some(mut field) = timed(limits, deadline, form.next_field()).await?.map_err(form_error)? {
        let file_name = field.file_name().map(str::to_string);
        let is_plan = field.name() == Some("plan") && file_name.is_some();
        // Keep the `plan` file, else the first file; drain the other parts.
        let keep = file_name.is_some() && !chosen_is_plan && (is_plan || chosen.is_none());
        let mut data = Buffer::new(0);
        while let Some(chunk) = timed(limits, deadline, field.chunk()).await?.map_err(form_error)? {
            seen += chunk.len() as u64;
            if seen > allowance {
                return Err(Problem::too_large(limits.max_file));
            }
            if keep {
                data.push(&chunk, budget, limits.max_file)?;
            }
        }
        if keep {
            chosen = Some((file_name.unwrap_or_default(), data.data));
            chosen_is_plan = is_plan;
        }
    }
    let (name, bytes) = chosen.ok_or_else(|| {
        Problem::new(StatusCode::BAD_REQUEST, "no_file", "No file was uploaded. Choose a file and try again.")
    })?;
    Ok((file_name(Some(&name)), bytes))
}

/// The upload's name without any folders; `upload` when there is none.
pub fn file_name(name: Option<&str>) -> String {
    let base = name.unwrap_or("").rsplit(['/', '\\']).next().unwrap_or("").trim();
    let clean: String = base.chars().filter(|c| !c.is_control()).take(255).collect();
    if clean.is_empty() || clean == "." || clean == ".." { "upload".to_string() } else { clean }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_folders_and_control_characters() {
        assert_eq!(file_name(Some("../../etc/passwd")), "passwd");
        assert_eq!(file_name(Some("C:\\dir\\plan.docx")), "plan.docx");
        assert_eq!(file_name(Some("a\u{0}b\r\n.docx")), "ab.docx");
        assert_eq!(file_name(Some("..")), "upload");
        assert_eq!(file_name(None), "upload");
    }

    #[test]
    fn media_types() {
        let with = |v: &str| {
            let mut h = HeaderMap::new();
            h.insert(header::CONTENT_TYPE, v.parse().unwrap());
            acceptable_type(&h)
        };
        assert!(acceptable_type(&HeaderMap::new()));
        assert!(with("multipart/form-data; boundary=x"));
        assert!(with("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        assert!(with("Application/Octet-Stream"));
        assert!(with("application/pdf") && with("message/rfc822") && with("application/vnd.ms-outlook"));
        assert!(with("application/vnd.ms-powerpoint.presentation.macroEnabled.12"));
        assert!(!with("application/json"));
        assert!(!with("text/plain; charset=utf-8"));
        assert!(!with("application/x-www-form-urlencoded"));
    }

    #[test]
    fn budget_refuses_beyond_the_pool_and_gives_back_on_drop() {
        let pool = Arc::new(Semaphore::new(100));
        let mut a = Budget::new(&pool).unwrap();
        a.take(60).unwrap();
        let mut b = Budget::new(&pool).unwrap();
        assert_eq!(b.take(50).unwrap_err().status, StatusCode::SERVICE_UNAVAILABLE);
        drop(a);
        b.take(50).unwrap();
        assert_eq!(pool.available_permits(), 50);
    }
}
