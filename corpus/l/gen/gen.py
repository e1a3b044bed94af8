#!/usr/bin/env python3
"""Rebuild the whole author-L corpus from scratch: python3 gen/gen.py [dev|holdout] [name...]"""
import json, os, shutil, subprocess, sys, tempfile
from email.message import EmailMessage
from email.utils import formatdate

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from doc import build_doc, snippets  # noqa
import r_docx, r_html, r_ooxml, r_pptx, r_xlsx  # noqa
from specs import DEV, HOLDOUT  # noqa

ROOT = os.path.dirname(HERE)
TMP = tempfile.mkdtemp(prefix="corpusl-")
LO_PROFILE = "file://" + os.path.join(TMP, "lo-profile")

EXT = {"docx-py": "docx", "docx-pandoc": "docx", "docx-npm": "docx", "docx-lo": "docx", "docx-ooxml": "docx",
       "pptx": "pptx", "xlsx": "xlsx", "pdf-docx": "pdf", "pdf-pptx": "pdf", "pdf-chrome": "pdf",
       "pdf-lo-html": "pdf", "eml-docx": "eml"}


def soffice(src, fmt, outdir, infilter=None):
    cmd = ["soffice", f"-env:UserInstallation={LO_PROFILE}", "--headless"]
    if infilter:
        cmd.append(f"--infilter={infilter}")
    cmd += ["--convert-to", fmt, "--outdir", outdir, src]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    base = os.path.splitext(os.path.basename(src))[0]
    return os.path.join(outdir, base + "." + fmt.split(":")[0])


def chromium_pdf(html, out):
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={out}", "file://" + html], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)


def render(pl, fmt, out):
    stem = os.path.splitext(os.path.basename(out))[0]
    work = os.path.join(TMP, stem)
    os.makedirs(work, exist_ok=True)
    if fmt == "docx-py":
        r_docx.render(pl, out)
    elif fmt == "docx-ooxml":
        r_ooxml.render(pl, out)
    elif fmt == "docx-pandoc":
        md = os.path.join(work, stem + ".md")
        r_html.render_md(pl, md)
        subprocess.run(["pandoc", md, "-f", "markdown", "-o", out], check=True)
    elif fmt == "docx-npm":
        m = dict(title=pl["title"], secs=[dict(heading=s["heading"], prompt=s["prompt"], blocks=[[k, t] for k, t, p in s["blocks"]],
                                                bench=bool(s["bench"])) for s in pl["secs"]],
                 prompt=pl["L"].get("prompt", False), header=pl["L"].get("header"), footer=pl["L"].get("footer"),
                 appendix=pl["L"].get("appendix"), intro=pl["L"].get("intro"))
        from doc import bench_rows
        m["bench_hdr"], m["bench_rows"] = bench_rows(pl, pl["spec"])
        js = os.path.join(work, stem + ".json")
        json.dump(m, open(js, "w"))
        subprocess.run(["node", os.path.join(HERE, "r_npm.js"), js, out], check=True, cwd=HERE)
    elif fmt == "docx-lo":
        h = os.path.join(work, stem + ".html")
        r_html.render_html(pl, h)
        res = soffice(h, "docx:MS Word 2007 XML", work, "HTML (StarWriter)")
        shutil.copy(res, out)
    elif fmt == "pptx":
        r_pptx.render(pl, out)
    elif fmt == "xlsx":
        r_xlsx.render(pl, out)
    elif fmt == "pdf-docx":
        d = os.path.join(work, stem + ".docx")
        r_docx.render(pl, d)
        shutil.copy(soffice(d, "pdf", work), out)
    elif fmt == "pdf-pptx":
        d = os.path.join(work, stem + ".pptx")
        r_pptx.render(pl, d)
        shutil.copy(soffice(d, "pdf", work), out)
    elif fmt == "pdf-chrome":
        h = os.path.join(work, stem + ".html")
        r_html.render_html(pl, h)
        chromium_pdf(h, out)
    elif fmt == "pdf-lo-html":
        h = os.path.join(work, stem + ".html")
        r_html.render_html(pl, h)
        shutil.copy(soffice(h, "pdf:writer_pdf_Export", work, "HTML (StarWriter)"), out)
    elif fmt == "eml-docx":
        d = os.path.join(work, f"{pl['ctx'].district} SSoS District Submission SY23-24.docx")
        r_docx.render(pl, d)
        msg = EmailMessage()
        msg["From"] = f"Office of Teaching and Learning <curriculum@{pl['ctx'].district.lower().replace(' ', '')}.k12.ma.us>"
        msg["To"] = "ssos1@mass.gov"
        msg["Subject"] = f"{pl['ctx'].dname} - District Prioritization Submission SY23-24"
        msg["Date"] = formatdate(1687968000)
        msg.set_content("Good afternoon,\n\nAttached please find our district prioritization submission for SY23-24. "
                        "Our committee of teachers and coaches put this together over the spring. Let us know if you need anything else.\n\n"
                        f"Thank you,\nCurriculum Office\n{pl['ctx'].dname}\n")
        data = open(d, "rb").read()
        msg.add_attachment(data, maintype="application",
                           subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                           filename=os.path.basename(d))
        open(out, "wb").write(bytes(msg))
    else:
        raise ValueError(fmt)


def main():
    args = sys.argv[1:]
    splits = [a for a in args if a in ("dev", "holdout")] or ["dev", "holdout"]
    only = [a for a in args if a not in ("dev", "holdout")]
    manifest_path = os.path.join(HERE, "manifest.json")
    manifest = json.load(open(manifest_path)) if (only and os.path.exists(manifest_path)) else {}
    for split in splits:
        specs = DEV if split == "dev" else HOLDOUT
        pdir = os.path.join(ROOT, "plans", split)
        tdir = os.path.join(ROOT, "truth", split)
        if not only:
            shutil.rmtree(pdir, ignore_errors=True)
            shutil.rmtree(tdir, ignore_errors=True)
        os.makedirs(pdir, exist_ok=True)
        os.makedirs(tdir, exist_ok=True)
        for spec in specs:
            if only and spec["name"] not in only:
                continue
            pl = build_doc(spec)
            fname = spec["name"] + "." + EXT[spec["fmt"]]
            out = os.path.join(pdir, fname)
            render(pl, spec["fmt"], out)
            t = pl["truth"]
            truth = {"file": fname, "district": t["district"], "sections": t["sections"], "status": t["status"],
                     "priorities": t["priorities"], "benchmarks": t["benchmarks"], "findings": t["findings"],
                     "notes": spec.get("notes", "") + f"; generator: {spec['fmt']}"}
            json.dump(truth, open(os.path.join(tdir, spec["name"] + ".json"), "w"), indent=2, ensure_ascii=False)
            manifest[f"{split}/{fname}"] = dict(snippets=snippets(pl), district=t["district"],
                                                 heads={s["id"]: s["heading"] for s in pl["secs"]})
            print(split, fname, truth["status"], truth["priorities"], truth["benchmarks"],
                  [(f["code"].split("::", 1)[1], f["items"]) for f in truth["findings"]])
    json.dump(manifest, open(manifest_path, "w"), indent=1, ensure_ascii=False)
    shutil.rmtree(TMP, ignore_errors=True)


if __name__ == "__main__":
    main()
