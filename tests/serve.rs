//! `ssos-lint serve`: the real binary on a loopback port, spoken to with a
//! plain HTTP/1.1 client. Every read is bounded by a timeout and the server
//! is killed when the test ends, panicking or not.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::Value;

const TIMEOUT: Duration = Duration::from_secs(60);

/// The server process; killed on drop.
struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start() -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ssos-lint"))
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("server starts");
    let stderr = child.stderr.take().expect("stderr piped");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        // Keep draining stderr so the server never blocks on a full pipe.
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(addr) = line.strip_prefix("Listening on http://") {
                let _ = tx.send(addr.trim().to_string());
            }
        }
    });
    let mut server = Server { child, addr: String::new() };
    server.addr = rx.recv_timeout(Duration::from_secs(30)).expect("server prints its address");
    server
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.text()))
    }
}

fn request(server: &Server, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let mut stream = TcpStream::connect(&server.addr).expect("connects");
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    stream.set_write_timeout(Some(TIMEOUT)).unwrap();
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n", server.addr);
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if method == "POST" {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(body).unwrap();
    stream.flush().unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("reads the response in time");
    parse(&raw)
}

fn parse(raw: &[u8]) -> Reply {
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("response head");
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
    let headers: Vec<(String, String)> =
        lines.filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim().to_string(), v.trim().to_string())).collect();
    let rest = &raw[end + 4..];
    let chunked = headers.iter().any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    let body = if chunked { dechunk(rest) } else { rest.to_vec() };
    Reply { status, headers, body }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let line_end = data.windows(2).position(|w| w == b"\r\n").expect("chunk size line");
        let size_text = String::from_utf8_lossy(&data[..line_end]).into_owned();
        let size = usize::from_str_radix(size_text.split(';').next().unwrap().trim(), 16).expect("chunk size");
        if size == 0 {
            return out;
        }
        let start = line_end + 2;
        out.extend_from_slice(&data[start..start + size]);
        data = &data[start + size + 2..];
    }
}

fn sample(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples").join(name);
    std::fs::read(path).expect("sample")
}

fn multipart(field: &str, filename: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    let boundary = "----ssosTestBoundary7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n").as_bytes(),
    );
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{filename}\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[test]
fn home_page_offers_the_form_and_says_nothing_is_kept() {
    let server = start();
    let reply = request(&server, "GET", "/", &[], b"");
    assert_eq!(reply.status, 200);
    assert!(reply.header("Content-Type").unwrap().starts_with("text/html"));
    let html = reply.text();
    assert!(html.contains("lang=\"en\""));
    assert!(html.contains(r#"<form method="post" action="/check" enctype="multipart/form-data">"#), "{html}");
    assert!(html.contains(r#"name="plan""#));
    let accept = html.split(r#"accept=""#).nth(1).and_then(|rest| rest.split('"').next()).unwrap_or("");
    for ext in [".docx", ".xlsx", ".xlsm", ".xls", ".ods", ".pptx", ".pdf", ".eml", ".msg", ".zip"] {
        assert!(accept.split(',').any(|a| a == ext), "{ext} not in accept={accept}");
    }
    assert!(html.contains("<label for=\"plan\""));
    assert!(html.contains("nothing uploaded is kept"), "{html}");
    assert!(!html.contains("<script"));

    let health = request(&server, "GET", "/healthz", &[], b"");
    assert_eq!((health.status, health.text().as_str()), (200, "ok"));
    assert_eq!(request(&server, "GET", "/nope", &[], b"").status, 404);
    assert_eq!(request(&server, "GET", "/api/v1/check", &[], b"").status, 405);
}

#[test]
fn api_checks_a_raw_body_like_check_does() {
    let server = start();
    let bytes = sample("taunton-incomplete.docx");
    let reply = request(&server, "POST", "/api/v1/check", &[("X-Filename", "taunton-incomplete.docx")], &bytes);
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(reply.header("Content-Type"), Some("application/json"));
    let json = reply.json();
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["files"][0]["path"], "taunton-incomplete.docx");
    assert_eq!(json["files"][0]["status"], "fail");
    assert_eq!(json["files"][0]["sections"].as_array().unwrap().len(), 8);
    assert_eq!(json["summary"]["fail"], 1);

    // The same bytes through `check --format json`, run where the file is named alike.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("taunton-incomplete.docx"), &bytes).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_ssos-lint"))
        .args(["check", "taunton-incomplete.docx", "--format", "json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let cli: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(cli, json);

    // The name may come from the query instead; folders are dropped.
    let reply = request(&server, "POST", "/api/v1/check?filename=..%2Fsecret%2Fplan.docx", &[], &bytes);
    assert_eq!(reply.json()["files"][0]["path"], "plan.docx");
    let reply = request(&server, "POST", "/api/v1/check", &[], &bytes);
    assert_eq!(reply.json()["files"][0]["path"], "upload");
}

#[test]
fn api_accepts_multipart_with_binary_content() {
    let server = start();
    let (content_type, body) = multipart("plan", "Taunton plan.docx", &sample("taunton-incomplete.docx"));
    let reply = request(&server, "POST", "/api/v1/check", &[("Content-Type", &content_type)], &body);
    assert_eq!(reply.status, 200, "{}", reply.text());
    let json = reply.json();
    assert_eq!(json["files"][0]["path"], "Taunton plan.docx");
    assert_eq!(json["files"][0]["status"], "fail");
    assert_eq!(json["files"][0]["sections"].as_array().unwrap().len(), 8);

    // An archive under another field name: the first file part is taken.
    let (content_type, body) = multipart("file", "orange.zip", &sample("orange-submission.zip"));
    let json = request(&server, "POST", "/api/v1/check", &[("Content-Type", &content_type)], &body).json();
    assert_eq!(json["files"][0]["path"], "orange.zip");
    assert!(json["files"][0]["attachment"].as_str().unwrap().ends_with(".docx"));
}

#[test]
fn garbage_is_reported_not_fatal() {
    let server = start();
    let garbage = b"\x00\x01not a plan\r\n--boundary?\r\n\xff\xfe";
    let reply = request(&server, "POST", "/api/v1/check", &[("X-Filename", "junk.bin")], garbage);
    assert_eq!(reply.status, 200);
    let json = reply.json();
    assert_eq!(json["files"][0]["status"], "error");
    let code = json["files"][0]["diagnostics"][0]["code"].as_str().unwrap();
    assert!(code.starts_with("ssos::input::"), "{code}");

    // A corrupt docx (a zip cut short) is unreadable, and the server lives on.
    let cut = &sample("taunton-incomplete.docx")[..2000];
    let json = request(&server, "POST", "/api/v1/check", &[("X-Filename", "cut.docx")], cut).json();
    assert!(json["files"][0]["diagnostics"][0]["code"].as_str().unwrap().starts_with("ssos::input::"));

    // Empty bodies and oversize declarations are refused up front.
    assert_eq!(request(&server, "POST", "/api/v1/check", &[], b"").status, 400);
    let mut stream = TcpStream::connect(&server.addr).unwrap();
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    let head = format!(
        "POST /api/v1/check HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
        server.addr,
        60 * 1024 * 1024
    );
    stream.write_all(head.as_bytes()).unwrap();
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    assert_eq!(parse(&raw).status, 413);

    assert_eq!(request(&server, "GET", "/healthz", &[], b"").text(), "ok");
}

#[test]
fn form_upload_shows_findings_in_plain_html() {
    let server = start();
    let (content_type, body) = multipart("plan", "<taunton>.docx", &sample("taunton-incomplete.docx"));
    let reply = request(&server, "POST", "/check", &[("Content-Type", &content_type)], &body);
    assert_eq!(reply.status, 200);
    assert!(reply.header("Content-Type").unwrap().starts_with("text/html"));
    let html = reply.text();
    assert!(html.contains("Resources"), "{html}");
    assert!(html.contains("Fail"));
    assert!(html.contains("&lt;taunton&gt;.docx") && !html.contains("<taunton>"), "names are escaped");
    assert!(html.contains("How to fix it"));
    assert!(html.contains("href=\"/\""));
    // Sections in the guidance's order.
    let at = |s: &str| html.find(s).unwrap_or_else(|| panic!("{s} missing"));
    assert!(at("1. Priority(ies)") < at("4. Outcomes") && at("4. Outcomes") < at("7. Resources"));

    // A form sent with no file chosen.
    let (content_type, body) = multipart("plan", "", b"");
    let reply = request(&server, "POST", "/check", &[("Content-Type", &content_type)], &body);
    assert_eq!(reply.status, 400);
    assert!(reply.text().contains("Choose a file"));
}
