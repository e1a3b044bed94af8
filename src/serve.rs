//! `ssos-lint serve`: a small synchronous web server. A page to upload a plan
//! and read the findings in plain language, and `POST /api/v1/check`, which
//! answers the JSON report of `ssos-lint check --format json`. Uploads are
//! checked in memory and dropped; nothing is written to disk.

use std::fmt::Write as _;
use std::io::Read;
use std::panic::{AssertUnwindSafe, catch_unwind};

use tiny_http::{Header, Method, Request, Response, Server};

use crate::batch;
use crate::lint::Linter;
use crate::render::{self, OutputFormat, RenderOptions};
use crate::report::{FileReport, Report, SectionState, Severity, Status};

/// Requests handled at once.
const WORKERS: usize = 4;

/// Binds `addr`, prints `Listening on http://ADDR` to stderr and serves until
/// the process is stopped. Only a failure to bind returns.
pub fn run(linter: &Linter, addr: &str) -> Result<(), String> {
    let server = Server::http(addr).map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let bound = server.server_addr().to_ip().map_or_else(|| addr.to_string(), |a| a.to_string());
    eprintln!("Listening on http://{bound}");
    let limit = linter.limits.max_file_bytes;
    std::thread::scope(|scope| {
        for _ in 0..WORKERS {
            scope.spawn(|| {
                while let Ok(request) = server.recv() {
                    // A panic in one request must not take the worker down.
                    let _ = catch_unwind(AssertUnwindSafe(|| handle(linter, limit, request)));
                }
            });
        }
    });
    Ok(())
}

/// What a request asks for, after routing.
enum Route {
    Home,
    Health,
    CheckPage,
    CheckApi,
    NotAllowed(&'static str),
    NotFound,
}

fn route(method: &Method, path: &str) -> Route {
    match (method, path) {
        (Method::Get | Method::Head, "/") => Route::Home,
        (Method::Get | Method::Head, "/healthz") => Route::Health,
        (Method::Post, "/check") => Route::CheckPage,
        (Method::Post, "/api/v1/check") => Route::CheckApi,
        (_, "/" | "/healthz") => Route::NotAllowed("GET, HEAD"),
        (_, "/check" | "/api/v1/check") => Route::NotAllowed("POST"),
        _ => Route::NotFound,
    }
}

fn handle(linter: &Linter, limit: u64, mut request: Request) {
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let response = match route(request.method(), path) {
        Route::Home => html(200, &home_page()),
        Route::Health => text(200, "ok"),
        Route::NotFound => html(404, &message_page("Not found", "There is no page at this address.")),
        Route::NotAllowed(allow) => text(405, "method not allowed").with_header(header("Allow", allow)),
        route @ (Route::CheckPage | Route::CheckApi) => {
            let api = matches!(route, Route::CheckApi);
            match receive(&mut request, query, limit) {
                Ok(upload) => {
                    let report = check(linter, &upload);
                    if api {
                        let json = render::render(&report, OutputFormat::Json, &RenderOptions::default());
                        Response::from_string(json)
                            .with_status_code(200)
                            .with_header(header("Content-Type", "application/json"))
                    } else {
                        html(200, &report_page(&report))
                    }
                }
                Err(problem) if api => {
                    Response::from_string(serde_json::json!({ "error": problem.message }).to_string() + "\n")
                        .with_status_code(problem.status)
                        .with_header(header("Content-Type", "application/json"))
                }
                Err(problem) => html(problem.status, &message_page("The file could not be checked", &problem.message)),
            }
        }
    };
    let _ = request.respond(response.with_header(header("Cache-Control", "no-store")));
}

/// One uploaded file, in memory only.
struct Upload {
    name: String,
    bytes: Vec<u8>,
}

/// Why an upload was refused, and the HTTP status that says so.
struct Problem {
    status: u16,
    message: String,
}

impl Problem {
    fn new(status: u16, message: impl Into<String>) -> Self {
        Problem { status, message: message.into() }
    }
}

/// Reads the body (refusing it over `limit`) and takes the file out of it:
/// the raw body, or the `plan` (else first) file of a multipart form.
fn receive(request: &mut Request, query: &str, limit: u64) -> Result<Upload, Problem> {
    let too_large = || Problem::new(413, format!("The file is over the {} MB limit.", limit >> 20));
    if request.body_length().is_some_and(|n| n as u64 > limit) {
        return Err(too_large());
    }
    let content_type = header_value(request, "Content-Type").unwrap_or_default();
    let named = header_value(request, "X-Filename").or_else(|| query_value(query, "filename"));
    let mut body = Vec::new();
    // Multipart framing adds a few hundred bytes around the file.
    let allowance = limit.saturating_add(64 * 1024);
    request
        .as_reader()
        .take(allowance + 1)
        .read_to_end(&mut body)
        .map_err(|e| Problem::new(400, format!("The upload could not be received: {e}.")))?;
    if body.len() as u64 > allowance {
        return Err(too_large());
    }
    let upload = if let Some(boundary) = multipart_boundary(&content_type) {
        let (name, bytes) = multipart_file(&body, &boundary)
            .ok_or_else(|| Problem::new(400, "No file was uploaded. Choose a file and try again."))?;
        Upload { name: file_name(name.as_deref()), bytes }
    } else {
        Upload { name: file_name(named.as_deref()), bytes: body }
    };
    if upload.bytes.is_empty() {
        return Err(Problem::new(400, "No file was uploaded, or the file is empty. Choose a file and try again."));
    }
    if upload.bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(upload)
}

/// Checks one upload and assembles the report `check --format json` would give.
fn check(linter: &Linter, upload: &Upload) -> Report {
    let reports = batch::check_bytes_caught(linter, &upload.name, &upload.bytes);
    batch::assemble(linter, reports, false)
}

/// The upload's name without any folders; `upload` when there is none.
fn file_name(name: Option<&str>) -> String {
    let base = name.unwrap_or("").rsplit(['/', '\\']).next().unwrap_or("").trim();
    let clean: String = base.chars().filter(|c| !c.is_control()).collect();
    if clean.is_empty() || clean == "." || clean == ".." { "upload".to_string() } else { clean }
}

fn header_value(request: &Request, name: &str) -> Option<String> {
    request
        .headers()
        .iter()
        .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
        .map(|h| h.value.as_str().to_string())
}

fn query_value(query: &str, key: &str) -> Option<String> {
    query.split('&').filter_map(|pair| pair.split_once('=')).find(|(k, _)| *k == key).map(|(_, v)| percent_decode(v))
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"), 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 3;
                        continue;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The boundary of a `multipart/form-data` content type.
fn multipart_boundary(content_type: &str) -> Option<String> {
    let mut parts = content_type.split(';');
    if !parts.next()?.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    parts
        .filter_map(|p| p.trim().split_once('='))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("boundary"))
        .map(|(_, v)| v.trim().trim_matches('"').to_string())
}

/// The file of a multipart body: the part named `plan` with a file name, else
/// the first part with a file name. Returns its file name and bytes. Binary
/// content is taken as is: a part ends only at CRLF + `--boundary`.
fn multipart_file(body: &[u8], boundary: &str) -> Option<(Option<String>, Vec<u8>)> {
    let delimiter = format!("--{boundary}");
    let delimiter = delimiter.as_bytes();
    let mut pos = find(body, delimiter, 0)? + delimiter.len();
    let mut first: Option<(Option<String>, &[u8])> = None;
    loop {
        if body[pos..].starts_with(b"--") {
            break;
        }
        let headers_start = find(body, b"\r\n", pos)? + 2;
        let headers_end = find(body, b"\r\n\r\n", headers_start.saturating_sub(2))?;
        let headers = String::from_utf8_lossy(&body[headers_start.min(headers_end)..headers_end]).into_owned();
        let content_start = headers_end + 4;
        let mut closing = Vec::with_capacity(delimiter.len() + 2);
        closing.extend_from_slice(b"\r\n");
        closing.extend_from_slice(delimiter);
        let content_end = find(body, &closing, content_start)?;
        let content = &body[content_start..content_end];
        let disposition = headers
            .split("\r\n")
            .find_map(|line| line.split_once(':').filter(|(k, _)| k.trim().eq_ignore_ascii_case("content-disposition")))
            .map(|(_, v)| v.to_string())
            .unwrap_or_default();
        if let Some(filename) = disposition_param(&disposition, "filename") {
            if disposition_param(&disposition, "name").as_deref() == Some("plan") {
                return Some((Some(filename), content.to_vec()));
            }
            if first.is_none() {
                first = Some((Some(filename), content));
            }
        }
        pos = content_end + closing.len();
    }
    first.map(|(name, bytes)| (name, bytes.to_vec()))
}

/// A parameter of a Content-Disposition value (`name="plan"`).
fn disposition_param(value: &str, key: &str) -> Option<String> {
    let mut rest = value;
    while let Some(semi) = rest.find(';') {
        rest = rest[semi + 1..].trim_start();
        let Some((k, v)) = rest.split_once('=') else { break };
        let v = v.trim_start();
        let (text, after) = if let Some(quoted) = v.strip_prefix('"') {
            let end = quoted.find('"').unwrap_or(quoted.len());
            (quoted[..end].replace("\\\"", "\""), &quoted[end..])
        } else {
            let end = v.find(';').unwrap_or(v.len());
            (v[..end].trim().to_string(), &v[end..])
        };
        if k.trim().eq_ignore_ascii_case(key) {
            return Some(text);
        }
        rest = after;
    }
    None
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || from > hay.len() {
        return None;
    }
    let first = needle[0];
    let mut i = from;
    while i + needle.len() <= hay.len() {
        let next = hay[i..=hay.len() - needle.len()].iter().position(|&b| b == first)?;
        i += next;
        if hay[i..].starts_with(needle) {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("ASCII header")
}

fn html(status: u16, body: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_string(body).with_status_code(status).with_header(header("Content-Type", "text/html; charset=utf-8"))
}

fn text(status: u16, body: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_string(body)
        .with_status_code(status)
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;\
line-height:1.5;color:#1a1a1a}h1,h2,h3{line-height:1.25}.pass{color:#05612b}.fail,.error{color:#a4000f}\
li{margin-bottom:.5rem}.help{margin:0}button{font-size:1rem;padding:.4rem 1rem}";

fn page(title: &str, main: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} – ssos-lint</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{main}</main>\n</body>\n</html>\n",
        escape(title)
    )
}

fn upload_form() -> String {
    format!(
        "<form method=\"post\" action=\"/check\" enctype=\"multipart/form-data\">\n\
         <p><label for=\"plan\">Your plan (Word, Excel, PowerPoint, PDF, a saved email or a zip file)</label><br>\n\
         <input type=\"file\" id=\"plan\" name=\"plan\" accept=\"{}\" required></p>\n\
         <p><button type=\"submit\">Check my plan</button></p>\n</form>\n",
        crate::read::formats::accept()
    )
}

fn home_page() -> String {
    let main = format!(
        "<h1>Check a District Prioritization Submission</h1>\n\
         <p>Upload your plan to see which of the eight sections the 2023-24 guidance asks for are missing or \
         incomplete, and how to fix them; nothing uploaded is kept: files are checked in memory and discarded.</p>\n\
         {}",
        upload_form()
    );
    page("Check a plan", &main)
}

fn message_page(title: &str, message: &str) -> String {
    let main =
        format!("<h1>{}</h1>\n<p>{}</p>\n<p><a href=\"/\">Check a plan</a></p>\n", escape(title), escape(message));
    page(title, &main)
}

fn status_word(status: Status) -> &'static str {
    match status {
        Status::Pass => "Pass",
        Status::Fail => "Fail",
        Status::Error => "Could not read",
    }
}

fn state_words(state: SectionState) -> &'static str {
    match state {
        SectionState::Present => "found",
        SectionState::Empty => "found, but it has no response",
        SectionState::Missing => "not found",
    }
}

fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "Must fix",
        Severity::Warning => "Should fix",
        Severity::Advice => "Suggestion",
    }
}

/// The findings of one upload, in plain language.
fn report_page(report: &Report) -> String {
    let mut main = String::from("<h1>Results</h1>\n");
    let s = &report.summary;
    let _ = writeln!(
        main,
        "<p>{} checked: {} passed, {} failed, {} could not be read. The file was checked in memory and has not been kept.</p>",
        plural(s.files, "submission"),
        s.pass,
        s.fail,
        s.error
    );
    for file in &report.files {
        file_section(&mut main, file);
    }
    main.push_str("<h2>Check another plan</h2>\n");
    main.push_str(&upload_form());
    main.push_str("<p><a href=\"/\">Back to the start</a></p>\n");
    page("Results", &main)
}

fn plural(n: usize, word: &str) -> String {
    match (n, word.strip_suffix('x')) {
        (1, _) => format!("1 {word}"),
        (_, Some(_)) => format!("{n} {word}es"),
        _ => format!("{n} {word}s"),
    }
}

fn file_section(out: &mut String, file: &FileReport) {
    let name = match &file.attachment {
        Some(a) => format!("{a} (in {})", file.path),
        None => file.path.clone(),
    };
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", escape(&name));
    let class = file.status.as_str();
    let _ = write!(out, "<p>Result: <strong class=\"{class}\">{}</strong>", status_word(file.status));
    if let Some(d) = &file.district {
        let _ = write!(out, ". District: {}", escape(d));
    }
    if file.status != Status::Error {
        let _ = write!(
            out,
            ". {}, {}, {}",
            plural(file.count(Severity::Error), "required fix"),
            plural(file.count(Severity::Warning), "warning"),
            plural(file.count(Severity::Advice), "suggestion")
        );
    }
    out.push_str(".</p>\n");
    if let Some(by) = &file.superseded_by {
        let _ = writeln!(out, "<p>A later submission from the same district replaces this one: {}.</p>", escape(by));
    }
    let document: Vec<_> = file.diagnostics.iter().filter(|d| d.section.is_none()).collect();
    if !document.is_empty() {
        let heading = if file.status == Status::Error { "Why it could not be read" } else { "The whole document" };
        let _ = writeln!(out, "<h3>{heading}</h3>");
        findings(out, &document);
    }
    for section in &file.sections {
        let _ = writeln!(
            out,
            "<h3>{}. {}</h3>\n<p>This section was {}.</p>",
            section.number,
            escape(&section.guidance_title),
            state_words(section.state)
        );
        if let Some(companion) = file.companions.iter().find(|c| c.section == section.id) {
            let _ = writeln!(out, "<p>It is answered in {}.</p>", escape(&companion.attachment));
        }
        let found: Vec<_> = file.diagnostics.iter().filter(|d| d.section.as_deref() == Some(&section.id)).collect();
        if found.is_empty() {
            out.push_str("<p>No problems found.</p>\n");
        } else {
            findings(out, &found);
        }
    }
    out.push_str("</section>\n");
}

fn findings(out: &mut String, diagnostics: &[&crate::report::Diagnostic]) {
    out.push_str("<ul>\n");
    for d in diagnostics {
        let _ = write!(out, "<li><strong>{}:</strong> {}", severity_word(d.severity), escape(&d.message));
        if let Some(p) = d.priority {
            let _ = write!(out, " (priority {p})");
        }
        if let Some(excerpt) = d.location.as_ref().and_then(|l| l.excerpt.as_deref()).filter(|e| !e.is_empty()) {
            let _ = write!(out, "<br>Where: “{}”", escape(excerpt));
        }
        let _ = writeln!(
            out,
            "<p class=\"help\">How to fix it: {}</p><small>{}</small></li>",
            escape(&d.help),
            escape(&d.code)
        );
    }
    out.push_str("</ul>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multipart_keeps_binary_bytes() {
        let file = b"PK\x03\x04\r\n--not-the-boundary\r\n\x00\xff\r\n";
        let mut body = Vec::new();
        body.extend_from_slice(b"--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n");
        body.extend_from_slice(
            b"--XyZ\r\nContent-Disposition: form-data; name=\"plan\"; filename=\"C:\\\\dir\\\\plan.docx\"\r\n",
        );
        body.extend_from_slice(b"Content-Type: application/octet-stream\r\n\r\n");
        body.extend_from_slice(file);
        body.extend_from_slice(b"\r\n--XyZ--\r\n");
        let (name, bytes) = multipart_file(&body, "XyZ").unwrap();
        assert_eq!(bytes, file);
        assert_eq!(file_name(name.as_deref()), "plan.docx");
    }

    #[test]
    fn boundary_and_names() {
        assert_eq!(multipart_boundary("multipart/form-data; boundary=\"a b\"").as_deref(), Some("a b"));
        assert_eq!(multipart_boundary("application/octet-stream"), None);
        assert_eq!(file_name(Some("../../etc/passwd")), "passwd");
        assert_eq!(file_name(None), "upload");
        assert_eq!(query_value("x=1&filename=my%20plan.docx", "filename").as_deref(), Some("my plan.docx"));
        assert_eq!(escape("<a href=\"x\">&"), "&lt;a href=&quot;x&quot;&gt;&amp;");
    }
}
