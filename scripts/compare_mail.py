#!/usr/bin/env python3
"""Compare the attachment names ssos-lint reads with Python's `email` package
(and extract-msg for .msg, tnefparse for winmail.dat) over a folder of real
messages (e.g. public mail-parser / MimeKit / POI test suites fetched locally).

  cargo build --example mail_names
  python3 scripts/compare_mail.py CORPUS_DIR [--ssos target/debug/ssos-lint] [--show N]

Two measures:
  names  every named MIME part of every .eml (the top message, not messages
         inside it): ssos-lint's name (examples/mail_names) == Python's
         part.get_filename() (policy=default), both cut to the last path
         component with control characters made spaces, as ssos-lint does.
  plans  every plan attachment (a document name or office/zip/PDF bytes) of
         every .eml/.msg, as `ssos-lint check --format json` names it, against
         Python's email (winmail.dat expanded with tnefparse) / extract-msg.
"""
import argparse
import email
import email.policy
import json
import os
import subprocess
import sys
import signal
from collections import Counter


class Timeout(Exception):
    pass


def limited(fn, *args, seconds=20):
    """fn(*args), or None when a reference reader takes over `seconds` (some hang on damaged files)."""
    def alarm(*_):
        raise Timeout()
    old = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        return fn(*args)
    except Timeout:
        return None
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)

DOC_EXTS = {"doc", "docx", "docm", "dot", "dotx", "dotm", "xls", "xlsx", "xlsm", "xlsb", "xlt", "xltx", "xltm",
            "ods", "odt", "pdf", "pages", "rtf", "numbers", "wpd"}
NEVER_EXTS = {"ics", "vcf", "vcs", "p7s", "p7m", "p7c", "asc", "sig", "htm", "html", "txt", "css", "js", "dat"}
MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"%PDF")
MAIL_DIRS = ("resources/eml", "TestData/messages", "_data/emails", "fixtures/emails", "tests/mails", "test-data/hsmf",
             "SampleFiles", "example-msg-files", "tests/examples", "test-data/hmef")


def clean(name):
    if name is None:
        return None
    name = str(name).replace("\\", "/").split("/")[-1]
    name = "".join(" " if (ord(c) < 32 or 127 <= ord(c) < 160) else c for c in name).strip()
    return name[:200] or None


def ext(name):
    base = name.rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[1].lower() if "." in base.strip(".") else ""


def is_plan(name, data):
    e = ext(name or "")
    if e in NEVER_EXTS:
        return False
    return e in DOC_EXTS or (data or b"")[:8].startswith(MAGIC)


def leaf_parts(msg):
    """Non-multipart parts of the top message, not descending into attached messages."""
    stack = [msg]
    while stack:
        part = stack.pop(0)
        if part.is_multipart() and part.get_content_maintype() == "multipart":
            stack[0:0] = list(part.get_payload())
        else:
            yield part


def py_filename(part):
    try:
        name = part.get_filename()
    except Exception:
        return None
    if name and "=?" in name:
        try:
            name = str(email.header.make_header(email.header.decode_header(name)))
        except Exception:
            pass
    return clean(name)


def tnef_names(data):
    try:
        import tnefparse
        t = tnefparse.TNEF(data)
        return [(clean(a.long_filename() or a.name), a.data) for a in t.attachments]
    except Exception:
        return None


IMAGE = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8")


def py_plans(msg, depth=0):
    """Plan attachments of a message and of the messages attached to it (leaf names)."""
    out = []
    for part in leaf_parts(msg):
        if part.get_content_type() in ("message/rfc822", "message/global") and depth < 3:
            inner = part.get_payload()
            if isinstance(inner, list) and inner and hasattr(inner[0], "walk"):
                out += py_plans(inner[0], depth + 1)
                continue
        name = py_filename(part)
        try:
            data = part.get_payload(decode=True) or b""
        except Exception:
            data = b""
        if data.startswith(b"\x78\x9f\x3e\x22"):
            found = limited(tnef_names, data)
            if found is not None:
                out += [n for n, d in found if n and is_plan(n, d)]
                continue
        if name and is_plan(name, data) and not data.startswith(IMAGE):
            out.append(name)
    return out


def msg_plans(path):
    import extract_msg
    try:
        m = extract_msg.openMsg(path)
    except Exception as e:
        return None
    return msg_attachment_plans(m)


def msg_attachment_plans(m, depth=0):
    out = []
    for a in m.attachments:
        raw = getattr(a, "data", None)
        if hasattr(raw, "attachments") and depth < 3:
            out += msg_attachment_plans(raw, depth + 1)
            continue
        name = clean(getattr(a, "longFilename", None) or getattr(a, "shortFilename", None) or getattr(a, "displayName", None))
        data = bytes(raw) if isinstance(raw, (bytes, bytearray)) else None
        if name and data is not None and is_plan(name, data) and not data.startswith(IMAGE):
            out.append(name)
    return out


def msg_names(path):
    import extract_msg
    try:
        m = extract_msg.openMsg(path)
    except Exception:
        return None
    out = []
    for a in m.attachments:
        data = getattr(a, "data", None)
        if hasattr(data, "subject"):  # an attached message: named by its subject, as ssos-lint does
            out.append(clean(data.subject) or clean(getattr(a, "longFilename", None)))
        else:
            out.append(clean(getattr(a, "longFilename", None) or getattr(a, "shortFilename", None)
                             or getattr(a, "displayName", None)))
    return out


def tnef_file_names(path):
    with open(path, "rb") as fh:
        found = tnef_names(fh.read())
    return None if found is None else [n for n, _ in found]


def all_files(root):
    for dirpath, _, files in os.walk(root):
        for f in files:
            yield os.path.join(dirpath, f)


def ssos_plans(ssos, path):
    out = subprocess.run([ssos, "check", path, "--format", "json"], capture_output=True)
    try:
        files = json.loads(out.stdout)["files"]
    except Exception:
        return None
    names = []
    for f in files:
        a = f.get("attachment")
        if not a:
            continue
        parts = a.split("/")
        # members of a zip are counted as the zip; attachments of attached
        # messages by their own (leaf) name
        zips = [i for i, p in enumerate(parts[:-1]) if ext(p) == "zip"]
        names.append(parts[zips[0]] if zips else parts[-1])
    return names


def candidates(root):
    for dirpath, _, files in os.walk(root):
        rel = dirpath.replace(os.sep, "/")
        for f in sorted(files):
            e = ext(f)
            if e in ("eml", "msg") or (any(d in rel for d in MAIL_DIRS) and e in ("txt", "mime", "mail", "")):
                yield os.path.join(dirpath, f)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("--ssos", default="target/debug/ssos-lint")
    ap.add_argument("--names", default="target/debug/examples/mail_names")
    ap.add_argument("--show", type=int, default=20)
    args = ap.parse_args()
    paths = list(candidates(args.root))
    emls, msgs = [], []
    for p in paths:
        with open(p, "rb") as fh:
            head = fh.read(8)
        (msgs if head.startswith(MAGIC[1]) else emls).append(p)

    # names: every named part of every .eml
    listed = {}
    for i in range(0, len(emls), 200):
        out = subprocess.run([args.names, *emls[i:i + 200]], capture_output=True, text=True).stdout
        for line in out.splitlines():
            j = json.loads(line)
            listed[j["path"]] = j["names"]
    total = agree = not_mail = 0
    diffs = []
    for p in emls:
        with open(p, "rb") as fh:
            msg = email.message_from_binary_file(fh, policy=email.policy.default)
        if not any(msg.get(h) for h in ("From", "To", "Subject", "Date", "Message-ID", "Content-Type")):
            not_mail += 1
            continue
        py = Counter(n for n in (py_filename(part) for part in leaf_parts(msg)) if n)
        ours = listed.get(p)
        ss = Counter(n for n in (ours or []) if n)
        for name, count in py.items():
            total += count
            ok = min(count, ss.get(name, 0))
            agree += ok
            if ok < count:
                diffs.append((p, name, sorted(ss - py)))
    print(f"names: {len(emls) - not_mail} messages, {total} named parts (Python), ssos-lint agrees on {agree} "
          f"({100.0 * agree / max(total, 1):.1f}%)")
    for p, name, ours in diffs[: args.show]:
        print(f"   {p}\n      python: {name!r}\n      ssos:   {ours!r}")

    # names of every .msg attachment (extract-msg) and every winmail.dat attachment (tnefparse)
    tnefs = []
    for p in all_files(args.root):
        with open(p, "rb") as fh:
            if fh.read(4) == b"\x78\x9f\x3e\x22":
                tnefs.append(p)
    listed = {}
    for batch in (msgs, tnefs):
        for i in range(0, len(batch), 200):
            out = subprocess.run([args.names, *batch[i:i + 200]], capture_output=True, text=True).stdout
            for line in out.splitlines():
                j = json.loads(line)
                listed[j["path"]] = j["names"]
    for label, files, reference in (("msg", msgs, msg_names), ("tnef", tnefs, tnef_file_names)):
        total = agree = skipped = 0
        diffs = []
        for p in files:
            ref = limited(reference, p)
            if ref is None:
                skipped += 1
                continue
            ref_c = Counter(n for n in ref if n)
            ss_c = Counter(n for n in (listed.get(p) or []) if n)
            for name, count in ref_c.items():
                total += count
                agree += min(count, ss_c.get(name, 0))
            if ref_c - ss_c:
                diffs.append((p, sorted(ref_c - ss_c), sorted(ss_c - ref_c)))
        ref_name = "extract-msg" if label == "msg" else "tnefparse"
        print(f"{label} names: {len(files) - skipped} files ({skipped} the reference cannot open), {total} named "
              f"attachments ({ref_name}), ssos-lint agrees on {agree} ({100.0 * agree / max(total, 1):.1f}%)")
        for p, ref, ours in diffs[: args.show]:
            print(f"   {p}\n      {ref_name}: {ref!r}\n      ssos:   {ours!r}")

    # plans: plan attachments through the CLI
    total = agree = extra = 0
    pdiffs = []
    for p in emls + msgs:
        if p in msgs:
            py = limited(msg_plans, p)
        else:
            with open(p, "rb") as fh:
                msg = email.message_from_binary_file(fh, policy=email.policy.default)
            py = py_plans(msg)
        if py is None:
            continue
        ss = ssos_plans(args.ssos, p)
        if ss is None:
            pdiffs.append((p, py, "CRASH/no JSON"))
            continue
        py_c, ss_c = Counter(py), Counter(ss)
        # a zip counts once however many members it has
        ss_c = Counter({n: (min(c, py_c.get(n, 1)) if ext(n) == "zip" else c) for n, c in ss_c.items()})
        for name, count in py_c.items():
            total += count
            ok = min(count, ss_c.get(name, 0))
            agree += ok
        extra += sum((ss_c - py_c).values())
        if py_c != ss_c:
            pdiffs.append((p, sorted(py_c), sorted(ss_c)))
    print(f"plans: {len(emls)} .eml + {len(msgs)} .msg, {total} plan attachments (reference), ssos-lint names "
          f"{agree} of them exactly ({100.0 * agree / max(total, 1):.1f}%); {extra} entries only ssos-lint has; "
          f"{len(pdiffs)} files differ in any way")
    for d in pdiffs[: args.show]:
        print(f"   {d[0]}\n      reference: {d[1]!r}\n      ssos:      {d[2]!r}")


if __name__ == "__main__":
    main()
