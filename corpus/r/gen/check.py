#!/usr/bin/env python3
"""Corpus R: re-open every deck (and its PDF, if any) and verify that every present section's
heading and text is on the slides, that a missing section's text is not, that speaker-note traps
are only in the notes, and that the truth file agrees with the plan table."""
import json, os, re, subprocess, sys
import pptx
from plans import PLANS
from content import SIDS, build
from render import heading, state, section_model, tables_to_bullets


def norm(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("\u00a0", " ").replace("\x01", "")
    return re.sub(r"\s+", " ", s).strip()


def shape_texts(shapes):
    for sh in shapes:
        if sh.shape_type == 6 or hasattr(sh, "shapes") and sh.__class__.__name__ == "GroupShape":
            yield from shape_texts(sh.shapes)
            continue
        if sh.has_text_frame:
            yield sh.text_frame.text
        if getattr(sh, "has_table", False) and sh.has_table:
            for r in sh.table.rows:
                for c in r.cells:
                    yield c.text


def pptx_text(path):
    prs = pptx.Presentation(path)
    slides, notes = [], []
    for s in prs.slides:
        slides += list(shape_texts(s.shapes))
        if s.has_notes_slide:
            notes.append(s.notes_slide.notes_text_frame.text)
    return norm("\n".join(slides)), norm("\n".join(notes)), len(prs.slides)


def loose(s):
    # pdftotext joins a word hyphenated at a line end ("K-\n3" -> "K3"): compare without hyphens and spaces
    return re.sub(r"[\s\-]", "", norm(s))


def pdf_text(path):
    out = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True, check=True).stdout
    return loose(out)


def pieces(plan, sid, m):
    blocks = list(m["shared_pre"]) + [b for blk in m["per"] for b in blk] + list(m["shared_post"])
    for b in blocks:
        if b[0] in ("p", "b"):
            yield b[1]
        elif b[0] == "h" and sid == "priorities":
            yield b[1]
        elif b[0] == "table":
            for r in b[1][1:]:
                yield r[0]


def expected_truth(plan):
    from build import truth
    secs, total = build(plan)
    return truth(plan, total)


def main(root):
    bad = 0
    npdf = 0
    for plan in PLANS:
        errs = []
        base = os.path.join(root, "plans", plan["split"], plan["id"])
        tpath = os.path.join(root, "truth", plan["split"], plan["id"] + ".json")
        try:
            txt, notes, nslides = pptx_text(base + ".pptx")
            t = json.load(open(tpath))
        except Exception as e:
            print(f"FAIL {base}: {e}"); bad += 1; continue
        secs, total = build(plan)
        if t != expected_truth(plan):
            errs.append("truth file differs from plan table")
        if sorted(t["sections"]) != sorted(SIDS):
            errs.append("truth lacks a section id")
        texts = [("pptx", txt)]
        if plan["pdf"]:
            if not os.path.exists(base + ".pdf"):
                errs.append("pdf missing")
            else:
                texts.append(("pdf", pdf_text(base + ".pdf"))); npdf += 1
        for kind, tx in texts:
            cmp = loose if kind == "pdf" else norm
            for i, sid in enumerate(SIDS):
                st = state(plan, sid)
                if st == "missing":
                    for pc in pieces(plan, sid, secs[sid]):
                        if cmp(pc) in tx: errs.append(f"{kind}: missing section {sid} has text: {pc[:50]}")
                    continue
                h = heading(plan, i)
                if cmp(h) not in tx and cmp(h).upper() not in tx:
                    errs.append(f"{kind}: heading of {sid} not found: {h}")
                m = section_model(plan, secs, sid)
                for pc in pieces(plan, sid, m):
                    if cmp(pc) not in tx:
                        errs.append(f"{kind}: {sid}: text not found: {pc[:60]}")
                for nt in m.get("notes", []):
                    body = nt.split(": ", 1)[1]
                    if cmp(body) in tx: errs.append(f"{kind}: note trap text is on a slide: {body[:40]}")
                    if kind == "pptx" and norm(body) not in notes: errs.append(f"note trap not in notes: {body[:40]}")
            for k, mode in plan["gaps"].items():
                if mode == "notes" and kind == "pptx" and "Speaker note" not in notes:
                    errs.append("notes trap missing")
        if errs:
            bad += 1
            print(f"FAIL {base}")
            for e in errs[:10]: print("   ", e)
        else:
            print(f"ok   {plan['id']} {plan['family']} slides={nslides}{' +pdf' if plan['pdf'] else ''}")
    print(f"check: {len(PLANS) - bad}/{len(PLANS)} plans ok ({npdf} PDFs checked)")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
