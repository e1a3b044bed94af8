//! `ssos-lint serve`: the real binary on a loopback port, spoken to with a
//! plain HTTP/1.1 client (tests/support). Loops and counts are bounded; no
//! test asserts a duration.

mod support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::Duration;

use serde_json::{Value, json};
use support::*;

const OCTETS: (&str, &str) = ("Content-Type", "application/octet-stream");

fn assert_security_headers(reply: &Reply) {
    let csp = reply.header("Content-Security-Policy").expect("CSP on every response");
    assert!(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(!csp.contains("unsafe-inline") && !csp.contains("script-src"), "no script allowed: {csp}");
    assert_eq!(reply.header("X-Content-Type-Options"), Some("nosniff"));
    assert_eq!(reply.header("Referrer-Policy"), Some("no-referrer"));
    assert_eq!(reply.header("Cache-Control"), Some("no-store"));
}

/// An API error: JSON, the status repeated, a stable code and a message.
fn assert_api_error(reply: &Reply, status: u16, code: &str) -> Value {
    assert_eq!(reply.status, status, "{}", reply.text());
    assert_eq!(reply.header("Content-Type"), Some("application/json"), "{}", reply.text());
    assert_security_headers(reply);
    let json = reply.json();
    assert_eq!(json["error"]["status"], status);
    assert_eq!(json["error"]["code"], code, "{json}");
    assert!(!json["error"]["message"].as_str().unwrap().is_empty());
    json
}

#[test]
fn home_page_offers_the_form_and_says_nothing_is_kept() {
    let server = start();
    let reply = request(&server, "GET", "/", &[], b"");
    assert_eq!(reply.status, 200);
    assert_security_headers(&reply);
    assert!(reply.header("Content-Type").unwrap().starts_with("text/html"));
    let html = reply.text();
    assert!(html.contains("lang=\"en\""));
    assert!(html.contains(r#"<form method="post" action="/check" enctype="multipart/form-data""#), "{html}");
    assert!(html.contains(r#"name="plan""#));
    let accept = html.split(r#"accept=""#).nth(1).and_then(|rest| rest.split('"').next()).unwrap_or("");
    for ext in [".docx", ".xlsx", ".xlsm", ".xls", ".ods", ".pptx", ".pdf", ".eml", ".msg", ".zip"] {
        assert!(accept.split(',').any(|a| a == ext), "{ext} not in accept={accept}");
    }
    assert!(html.contains("<label for=\"plan-start\""));
    assert!(html.contains("Nothing uploaded is kept"), "{html}");
    // No inline script or style: the CSP would block them.
    assert!(!html.contains("<script") && !html.contains("<style") && !html.contains(" style="), "{html}");
    assert!(html.contains(r#"<link rel="stylesheet" href="/static/page.css">"#));

    let css = request(&server, "GET", "/static/page.css", &[], b"");
    assert_eq!(css.status, 200);
    assert_eq!(css.header("Content-Type"), Some("text/css; charset=utf-8"));
    assert!(css.text().contains("@media print"));
    assert_security_headers(&css);

    let health = request(&server, "GET", "/healthz", &[], b"");
    assert_eq!((health.status, health.text().as_str()), (200, "ok"));
    assert_security_headers(&health);

    // Pages outside the API answer in HTML, with the same headers.
    let missing = request(&server, "GET", "/nope", &[], b"");
    assert_eq!(missing.status, 404);
    assert!(missing.header("Content-Type").unwrap().starts_with("text/html"));
    assert_security_headers(&missing);
    let wrong = request(&server, "DELETE", "/", &[], b"");
    assert_eq!(wrong.status, 405);
    assert!(wrong.text().contains("<h1>"), "{}", wrong.text());
}

#[test]
fn api_checks_a_raw_body_like_check_does() {
    let server = start();
    let bytes = sample("taunton-incomplete.docx");
    let reply = request(&server, "POST", "/api/v1/check", &[("X-Filename", "taunton-incomplete.docx")], &bytes);
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(reply.header("Content-Type"), Some("application/json"));
    assert_security_headers(&reply);
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
    let reply = request(&server, "POST", "/api/v1/check?filename=..%2Fsecret%2Fplan.docx", &[OCTETS], &bytes);
    assert_eq!(reply.json()["files"][0]["path"], "plan.docx");
    let reply = request(&server, "POST", "/api/v1/check", &[], &bytes);
    assert_eq!(reply.json()["files"][0]["path"], "upload");

    // Compressed when the client asks; the same report.
    let mut stream = connect(&server);
    let head = head(&server, "POST", "/api/v1/check", &[("Accept-Encoding", "gzip"), OCTETS], Some(bytes.len()));
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(&bytes).unwrap();
    let gz = read_reply(&mut stream);
    assert_eq!(gz.status, 200);
    assert_eq!(gz.header("Content-Encoding"), Some("gzip"));
    assert_eq!(&gz.body[..2], b"\x1f\x8b");
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

    // A multipart body cut off before its end is a bad form, not a crash.
    let (content_type, body) = multipart("plan", "x.docx", &sample("taunton-incomplete.docx"));
    let cut = &body[..body.len() - 30];
    let reply = request(&server, "POST", "/api/v1/check", &[("Content-Type", &content_type)], cut);
    assert_eq!(reply.status, 400, "{}", reply.text());
    assert_eq!(reply.json()["error"]["status"], 400);
}

#[test]
fn unreadable_plans_are_422_with_the_report() {
    let server = start();
    let garbage = b"\x00\x01not a plan\r\n--boundary?\r\n\xff\xfe";
    let reply = request(&server, "POST", "/api/v1/check", &[("X-Filename", "junk.bin"), OCTETS], garbage);
    let json = assert_api_error(&reply, 422, "unreadable");
    assert_eq!(json["report"]["files"][0]["status"], "error");
    let code = json["report"]["files"][0]["diagnostics"][0]["code"].as_str().unwrap();
    assert!(code.starts_with("ssos::input::"), "{code}");

    // A corrupt docx (a zip cut short) is unreadable, and the server lives on.
    let cut = &sample("taunton-incomplete.docx")[..2000];
    let reply = request(&server, "POST", "/api/v1/check", &[("X-Filename", "cut.docx")], cut);
    let json = assert_api_error(&reply, 422, "unreadable");
    assert!(json["report"]["files"][0]["diagnostics"][0]["code"].as_str().unwrap().starts_with("ssos::input::"));

    // The page says so in HTML.
    let (content_type, body) = multipart("plan", "junk.docx", garbage);
    let reply = request(&server, "POST", "/check", &[("Content-Type", &content_type)], &body);
    assert_eq!(reply.status, 422);
    assert!(reply.text().contains("Why it could not be read"), "{}", reply.text());

    assert_eq!(request(&server, "GET", "/healthz", &[], b"").text(), "ok");
}

#[test]
fn every_api_error_is_json_with_its_status() {
    let server = start();
    // 400: nothing uploaded.
    assert_api_error(&request(&server, "POST", "/api/v1/check", &[], b""), 400, "no_file");
    let (content_type, body) = multipart("plan", "", b"");
    assert_api_error(
        &request(&server, "POST", "/api/v1/check", &[("Content-Type", &content_type)], &body),
        400,
        "no_file",
    );
    // 404 anywhere under /api/.
    assert_api_error(&request(&server, "GET", "/api/v1/nope", &[], b""), 404, "not_found");
    assert_api_error(&request(&server, "POST", "/api/v2/check", &[], b"x"), 404, "not_found");
    // 405, with Allow.
    let reply = request(&server, "GET", "/api/v1/check", &[], b"");
    assert_api_error(&reply, 405, "method_not_allowed");
    assert_eq!(reply.header("Allow"), Some("POST"));
    assert_api_error(&request(&server, "PUT", "/api/v1/check", &[], b"x"), 405, "method_not_allowed");
    // 415: a body that is neither a file nor a form.
    for ct in ["application/json", "text/plain", "application/x-www-form-urlencoded"] {
        assert_api_error(
            &request(&server, "POST", "/api/v1/check", &[("Content-Type", ct)], b"{}"),
            415,
            "unsupported_media_type",
        );
    }
    // 413 on the declared length, before any body is read.
    let mut stream = connect(&server);
    let big = 60 * 1024 * 1024;
    stream.write_all(head(&server, "POST", "/api/v1/check", &[OCTETS], Some(big)).as_bytes()).unwrap();
    let json = assert_api_error(&read_reply(&mut stream), 413, "too_large");
    assert!(json["error"]["message"].as_str().unwrap().contains("50 MB"), "{json}");
    // 413 while streaming a chunked body with no declared length.
    let mut stream = connect(&server);
    let head = format!(
        "POST /api/v1/check HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Type: application/octet-stream\r\n\
         Transfer-Encoding: chunked\r\n\r\n",
        server.addr
    );
    stream.write_all(head.as_bytes()).unwrap();
    let chunk = vec![b'x'; 1 << 20];
    let mut sent = 0;
    // The server answers (and stops reading) once over the limit: bounded at 60 MB.
    while sent < 60 {
        let mut frame = format!("{:x}\r\n", chunk.len()).into_bytes();
        frame.extend_from_slice(&chunk);
        frame.extend_from_slice(b"\r\n");
        if stream.write_all(&frame).is_err() {
            break;
        }
        sent += 1;
    }
    let _ = stream.write_all(b"0\r\n\r\n");
    assert_api_error(&read_reply(&mut stream), 413, "too_large");
    assert_eq!(request(&server, "GET", "/healthz", &[], b"").text(), "ok");
}

#[test]
fn form_upload_shows_what_to_fix_first_and_the_checklist() {
    let server = start();
    let (content_type, body) = multipart("plan", "<taunton>.docx", &sample("taunton-incomplete.docx"));
    let reply = request(&server, "POST", "/check", &[("Content-Type", &content_type)], &body);
    assert_eq!(reply.status, 200);
    assert_security_headers(&reply);
    assert!(reply.header("Content-Type").unwrap().starts_with("text/html"));
    let html = reply.text();
    assert!(html.contains("Fail"));
    assert!(html.contains("&lt;taunton&gt;.docx") && !html.contains("<taunton>"), "names are escaped");
    assert!(!html.contains("<script") && !html.contains(" style="));
    // What to fix first: the errors, then the warning, each linked to its section.
    let at = |s: &str| html.find(s).unwrap_or_else(|| panic!("{s} missing in {html}"));
    let first = &html[at("What to fix first")..at("Section by section")];
    let (must, should) = (first.find("Must fix").unwrap(), first.rfind("Should fix").unwrap());
    assert!(must < should, "{first}");
    assert_eq!(first.matches("<li>").count(), 4, "3 errors and 1 warning: {first}");
    assert!(first.contains("href=\"#f0-resources\""), "{first}");
    // Sections in the guidance's order, each with its checklist.
    assert!(at("1. Priority(ies)") < at("4. Outcomes") && at("4. Outcomes") < at("7. Resources"));
    assert!(html.contains("class=\"checklist\"") && html.contains("class=\"mark met\">Met<"), "{html}");
    // A missing section quotes the guidance's prompt.
    let resources = &html[at("id=\"f0-resources\"")..];
    assert!(resources.contains("Not found") && resources.contains("blockquote class=\"guidance\""), "{resources}");
    assert!(html.contains("Print"));

    // A passing plan: nothing to fix, every section found.
    let (content_type, body) = multipart("plan", "lowell.docx", &sample("lowell-heading-styles.docx"));
    let html = request(&server, "POST", "/check", &[("Content-Type", &content_type)], &body).text();
    assert!(html.contains("Result: <strong class=\"pass\">Pass</strong>"), "{html}");
    assert!(html.contains("Nothing must or should be fixed."));
    assert_eq!(html.matches("class=\"state present\"").count(), 8);

    // A form sent with no file chosen.
    let (content_type, body) = multipart("plan", "", b"");
    let reply = request(&server, "POST", "/check", &[("Content-Type", &content_type)], &body);
    assert_eq!(reply.status, 400);
    assert!(reply.header("Content-Type").unwrap().starts_with("text/html"));
    assert!(reply.text().contains("Choose a file"));
}

/// Resolves a `$ref` to the document's components into a schema the
/// validator can use on its own (the components travel with it).
fn schema_for(doc: &Value, schema: &Value) -> Value {
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "allOf": [schema],
        "components": doc["components"],
    })
}

fn assert_valid(doc: &Value, schema: &Value, instance: &Value, what: &str) {
    let validator = jsonschema::validator_for(&schema_for(doc, schema)).expect("schema compiles");
    let errors: Vec<String> =
        validator.iter_errors(instance).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{what}: {errors:?}");
}

#[test]
fn openapi_describes_the_real_responses() {
    let server = start();
    let reply = request(&server, "GET", "/api/v1/openapi.json", &[], b"");
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("Content-Type"), Some("application/json"));
    let doc = reply.json();
    assert_eq!(doc["openapi"], "3.1.0");
    let responses = &doc["paths"]["/api/v1/check"]["post"]["responses"];
    let schema =
        |status: u16| -> Value { responses[status.to_string()]["content"]["application/json"]["schema"].clone() };

    let pass = request(
        &server,
        "POST",
        "/api/v1/check",
        &[("X-Filename", "lowell.docx")],
        &sample("lowell-heading-styles.docx"),
    );
    let fail = request(&server, "POST", "/api/v1/check", &[OCTETS], &sample("taunton-incomplete.docx"));
    let (ct, body) = multipart("plan", "gateway.eml", &sample("gateway-submission.eml"));
    let email = request(&server, "POST", "/api/v1/check", &[("Content-Type", &ct)], &body);
    let unreadable = request(&server, "POST", "/api/v1/check", &[OCTETS], b"not a plan at all");
    let empty = request(&server, "POST", "/api/v1/check", &[], b"");
    let method = request(&server, "GET", "/api/v1/check", &[], b"");
    let media = request(&server, "POST", "/api/v1/check", &[("Content-Type", "application/json")], b"{}");
    let mut stream = connect(&server);
    stream.write_all(head(&server, "POST", "/api/v1/check", &[], Some(60 << 20)).as_bytes()).unwrap();
    let large = read_reply(&mut stream);
    for reply in [&pass, &fail, &email, &unreadable, &empty, &method, &media, &large] {
        let documented = schema(reply.status);
        assert!(documented.is_object(), "status {} is documented", reply.status);
        assert_valid(&doc, &documented, &reply.json(), &format!("status {}", reply.status));
    }
    assert_eq!([pass.status, fail.status, email.status], [200, 200, 200]);
    assert_eq!([unreadable.status, empty.status, method.status, media.status, large.status], [422, 400, 405, 415, 413]);

    // A response that breaks the schema is caught (the check can fail).
    let mut broken = fail.json();
    broken["files"][0]["status"] = json!("maybe");
    let validator = jsonschema::validator_for(&schema_for(&doc, &schema(200))).unwrap();
    assert!(!validator.is_valid(&broken));
    // 404 under /api/ is an ApiError too.
    let missing = request(&server, "GET", "/api/v1/nothing", &[], b"");
    assert_valid(&doc, &json!({"$ref": "#/components/schemas/ApiError"}), &missing.json(), "404");
}

/// Hundreds of uploads that stall (headers sent, a few body bytes, then
/// nothing) and connections that stall in their headers: while they are
/// held open, health checks and real plans are still answered; then the
/// stalled uploads get a 408 and the stalled headers a closed connection.
#[test]
fn stalled_clients_do_not_block_others() {
    const STALLED: usize = 300;
    let server = start_with(&["--body-idle-timeout", "3", "--header-timeout", "3", "--max-checks", "1"], None);
    let mut stalled = Vec::new();
    for i in 0..STALLED {
        let mut stream = connect(&server);
        if i % 3 == 0 {
            // Stuck in the headers.
            stream.write_all(b"POST /api/v1/check HTTP/1.1\r\nHost: x\r\nX-Fil").unwrap();
        } else {
            stream.write_all(head(&server, "POST", "/api/v1/check", &[OCTETS], Some(5 << 20)).as_bytes()).unwrap();
            stream.write_all(b"PK\x03\x04 a few bytes").unwrap();
        }
        stalled.push(stream);
    }
    // Everyone else is served meanwhile.
    let plan = sample("taunton-incomplete.docx");
    for _ in 0..5 {
        assert_eq!(request(&server, "GET", "/healthz", &[], b"").text(), "ok");
        let reply = request(&server, "POST", "/api/v1/check", &[OCTETS], &plan);
        assert_eq!(reply.status, 200, "{}", reply.text());
        assert_eq!(reply.json()["files"][0]["status"], "fail");
    }
    let (ct, body) = multipart("plan", "lowell.docx", &sample("lowell-heading-styles.docx"));
    assert_eq!(request(&server, "POST", "/check", &[("Content-Type", &ct)], &body).status, 200);
    // The stalled ones are let go: a JSON 408 for a stalled body, a closed
    // connection for stalled headers (the socket read timeout bounds the wait).
    let (mut timed_out, mut closed) = (0, 0);
    for (i, mut stream) in stalled.into_iter().enumerate() {
        let mut raw = Vec::new();
        let _ = stream.read_to_end(&mut raw);
        if i % 3 == 0 {
            let status = (!raw.is_empty()).then(|| parse(&raw).status);
            assert!(matches!(status, None | Some(408)), "stalled headers: {status:?}");
            closed += 1;
        } else {
            let reply = parse(&raw);
            assert_api_error(&reply, 408, "timeout");
            timed_out += 1;
        }
    }
    assert_eq!((timed_out, closed), (STALLED - STALLED / 3, STALLED / 3));
    assert_eq!(request(&server, "GET", "/healthz", &[], b"").text(), "ok");
}

/// The byte budget: an upload that would take the bytes in flight over it
/// is refused with a JSON 503 and Retry-After, while a stalled upload holds
/// the bytes it has sent; once that one is gone, uploads are accepted again.
#[test]
fn memory_budget_refuses_with_503_when_full() {
    let server = start_with(&["--memory-budget", "1", "--body-idle-timeout", "30"], None);
    let plan = sample("taunton-incomplete.docx");
    // A holder sends most of a 900 KB body, then stalls: the server holds
    // those bytes. It is given a moment (longer on each bounded retry) to be
    // read before another upload asks for 200 KB, which cannot fit.
    let mut refused = None;
    let mut holder = None;
    for attempt in 1..=8u64 {
        let mut stream = connect(&server);
        stream.write_all(head(&server, "POST", "/api/v1/check", &[OCTETS], Some(900 * 1024)).as_bytes()).unwrap();
        stream.write_all(&vec![b'P'; 899 * 1024]).unwrap();
        holder = Some(stream);
        std::thread::sleep(Duration::from_millis(250 * attempt));
        let reply = request(&server, "POST", "/api/v1/check", &[OCTETS], &vec![b'x'; 200 * 1024]);
        if reply.status == 503 {
            refused = Some(reply);
            break;
        }
    }
    let refused = refused.expect("a 503 while a stalled upload holds the budget");
    assert_api_error(&refused, 503, "busy");
    assert_eq!(refused.header("Retry-After"), Some("5"));
    assert_eq!(request(&server, "GET", "/healthz", &[], b"").text(), "ok");
    drop(holder);
    // The share comes back once the server notices the client has gone.
    let mut status = 0;
    for _ in 0..50 {
        status = request(&server, "POST", "/api/v1/check", &[OCTETS], &plan).status;
        if status == 200 {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(status, 200);
}

/// With one check slot and no queue, a burst of uploads is answered with
/// reports or JSON 503s, never anything else, and health stays up.
#[test]
fn full_queue_answers_503() {
    let server = start_with(&["--max-checks", "1", "--queue", "0"], None);
    let plan = sample("springfield-per-priority.docx");
    let addr = server.addr.clone();
    let threads: Vec<_> = (0..12)
        .map(|_| {
            let (plan, addr) = (plan.clone(), addr.clone());
            std::thread::spawn(move || {
                let mut stream = TcpStream::connect(&addr).unwrap();
                stream.set_read_timeout(Some(TIMEOUT)).unwrap();
                let head = format!(
                    "POST /api/v1/check HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
                     Content-Type: application/octet-stream\r\nContent-Length: {}\r\n\r\n",
                    plan.len()
                );
                stream.write_all(head.as_bytes()).unwrap();
                stream.write_all(&plan).unwrap();
                read_reply(&mut stream)
            })
        })
        .collect();
    assert_eq!(request(&server, "GET", "/healthz", &[], b"").text(), "ok");
    let replies: Vec<Reply> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    let mut ok = 0;
    for reply in &replies {
        match reply.status {
            200 => {
                assert_eq!(reply.json()["files"][0]["status"], "pass");
                ok += 1;
            }
            503 => {
                assert_api_error(reply, 503, "busy");
                assert_eq!(reply.header("Retry-After"), Some("5"));
            }
            other => panic!("unexpected {other}: {}", reply.text()),
        }
    }
    assert!(ok >= 1, "at least the first is checked");
}

/// SIGTERM: the server stops accepting, finishes the upload in flight, and exits 0.
#[cfg(unix)]
#[test]
fn graceful_shutdown_finishes_requests_in_flight() {
    let mut server = start();
    let plan = sample("taunton-incomplete.docx");
    let mut stream = connect(&server);
    stream.write_all(head(&server, "POST", "/api/v1/check", &[OCTETS], Some(plan.len())).as_bytes()).unwrap();
    stream.write_all(&plan[..1000]).unwrap();
    // Make sure the request has reached the server before signalling.
    assert_eq!(request(&server, "GET", "/healthz", &[], b"").text(), "ok");
    let pid = server.child.id().to_string();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    // Bounded wait for the server to log that it is shutting down.
    for _ in 0..100 {
        if server.log.lock().unwrap().iter().any(|l| l.contains("shutting down")) {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(server.log.lock().unwrap().iter().any(|l| l.contains("shutting down")));
    stream.write_all(&plan[1000..]).unwrap();
    let reply = read_reply(&mut stream);
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(reply.json()["files"][0]["status"], "fail");
    // The process ends by itself, successfully (bounded wait).
    let mut status = None;
    for _ in 0..200 {
        if let Some(s) = server.child.try_wait().unwrap() {
            status = Some(s);
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(status.expect("server exits after the request").success());
    assert!(TcpStream::connect(&server.addr).is_err(), "no longer listening");
}

/// Uploads are never written to disk: the server's working folder and TMPDIR
/// stay empty, it holds no regular file open while an upload is in flight,
/// and its logs carry neither the plan's words nor its name.
#[test]
fn uploads_never_touch_the_disk_or_the_logs() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_with(&[], Some(dir.path()));
    let plan = sample("taunton-incomplete.docx");
    // An upload held in flight while the server's open files are listed.
    let mut stream = connect(&server);
    stream
        .write_all(
            head(&server, "POST", "/api/v1/check?filename=Secret%20Name.docx", &[OCTETS], Some(plan.len())).as_bytes(),
        )
        .unwrap();
    stream.write_all(&plan[..plan.len() / 2]).unwrap();
    assert_eq!(request(&server, "GET", "/healthz", &[], b"").text(), "ok");
    #[cfg(target_os = "linux")]
    {
        let fds = std::fs::read_dir(format!("/proc/{}/fd", server.child.id())).unwrap();
        for fd in fds.flatten() {
            let target = std::fs::read_link(fd.path()).unwrap_or_default();
            let meta = std::fs::metadata(fd.path());
            let regular = meta.map(|m| m.is_file()).unwrap_or(false);
            assert!(!regular, "the server holds a file open: {}", target.display());
        }
    }
    stream.write_all(&plan[plan.len() / 2..]).unwrap();
    let reply = read_reply(&mut stream);
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json()["files"][0]["path"], "Secret Name.docx");
    let (ct, body) = multipart("plan", "Secret Name.docx", &plan);
    assert_eq!(request(&server, "POST", "/check", &[("Content-Type", &ct)], &body).status, 200);
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().map(|e| e.path()).collect();
    assert!(left.is_empty(), "files left behind: {left:?}");
    // Structured logs: JSON lines, one per request, with no plan content.
    // (The test drains the server's stderr on a thread: wait, bounded, for both lines.)
    let checked_lines = |log: &[String]| -> Vec<Value> {
        log.iter()
            .filter_map(|l| serde_json::from_str::<Value>(l).ok())
            .filter(|v| v["fields"]["message"] == "checked")
            .collect()
    };
    for _ in 0..100 {
        if checked_lines(&server.log.lock().unwrap()).len() >= 2 {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let log = server.log.lock().unwrap().clone();
    let checked = checked_lines(&log);
    assert_eq!(checked.len(), 2, "{log:?}");
    assert_eq!(checked[0]["fields"]["fail"], 1);
    let all = log.join("\n");
    for secret in ["Secret", "Taunton", "Resources", "filename="] {
        assert!(!all.contains(secret), "{secret} in the logs: {all}");
    }
}

/// The annotated plan: a .docx attachment with a Word comment per finding,
/// from the page's form and the API; a workbook is refused with a JSON 422.
#[test]
fn annotated_plan_downloads_as_docx_with_comments() {
    let server = start();
    let plan = sample("taunton-incomplete.docx");
    let home = request(&server, "GET", "/", &[], b"").text();
    assert!(home.contains(r#"formaction="/annotate""#), "{home}");

    let (ct, body) = multipart("plan", "Taunton plan.docx", &plan);
    let reply = request(&server, "POST", "/annotate", &[("Content-Type", &ct)], &body);
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_security_headers(&reply);
    assert_eq!(
        reply.header("Content-Type"),
        Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    );
    let disposition = reply.header("Content-Disposition").unwrap();
    assert!(disposition.starts_with("attachment; filename=\"Taunton plan.reviewed.docx\""), "{disposition}");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(reply.body.clone())).expect("a zip package");
    let mut comments = String::new();
    zip.by_name("word/comments.xml").expect("a comments part").read_to_string(&mut comments).unwrap();
    assert_eq!(comments.matches("<w:comment ").count(), 4, "one comment per finding: {comments}");

    let reply = request(&server, "POST", "/api/v1/annotate", &[("X-Filename", "t.docx"), OCTETS], &plan);
    assert_eq!(reply.status, 200);
    assert!(reply.header("Content-Disposition").unwrap().contains("t.reviewed.docx"));

    // Not a Word file: 422, JSON on the API, HTML on the page.
    let sheet = sample("worcester-form.xlsx");
    let reply = request(&server, "POST", "/api/v1/annotate", &[("X-Filename", "w.xlsx"), OCTETS], &sheet);
    assert_api_error(&reply, 422, "unreadable");
    let (ct, body) = multipart("plan", "w.xlsx", &sheet);
    let reply = request(&server, "POST", "/annotate", &[("Content-Type", &ct)], &body);
    assert_eq!(reply.status, 422);
    assert!(reply.header("Content-Type").unwrap().starts_with("text/html"));
    assert_api_error(&request(&server, "GET", "/api/v1/annotate", &[], b""), 405, "method_not_allowed");
}
