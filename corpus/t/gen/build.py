#!/usr/bin/env python3
"""Build corpus T: plans/{dev,holdout}, truth/{dev,holdout}, truth/manifest.json.
usage: build.py ROOT TMPDIR"""
import json
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Ctx, SECTIONS  # noqa: E402
from voices import VOICES  # noqa: E402
from specs import SPECS, COVERS  # noqa: E402
import render  # noqa: E402


def written_heading(spec, h):
    if spec.get("layout") == "autonum":
        return re.sub(r"^\d+\.\s*", "", h)
    return h


def main():
    root, tmp = sys.argv[1], sys.argv[2]
    env = dict(os.environ, SOURCE_DATE_EPOCH="1687944600", TZ="UTC")
    manifest = {}
    pdf_html, pdf_doc = [], []
    for spec in SPECS:
        c = Ctx(spec)
        front, sections = VOICES[spec["voice"]](c)
        truth = c.truth()
        # headings: present ones as written; a missing one as the voice would have written it
        heads = {s["id"]: written_heading(spec, s["heading"]) for s in sections if s["id"]}
        for sid in SECTIONS:
            if sid not in heads:
                spec2 = dict(spec, gaps={k: v for k, v in spec["gaps"].items() if not k.startswith("missing.")})
                _, secs2 = VOICES[spec["voice"]](Ctx(spec2))
                heads[sid] = written_heading(spec, next(s["heading"] for s in secs2 if s["id"] == sid))
        stem, split, fmt, via = spec["stem"], spec["split"], spec["fmt"], spec["via"]
        pdir = os.path.join(root, "plans", split)
        out = os.path.join(pdir, f"{stem}.{fmt}")
        lay = spec.get("layout") or "h1"
        if fmt == "docx" and via == "docx":
            render.write_docx(out, front, sections, lay)
        elif fmt == "docx" and via == "pandoc":
            md = os.path.join(tmp, stem + ".md")
            open(md, "w").write(render.to_markdown(front, sections))
            subprocess.run(["pandoc", "-f", "markdown", "-t", "docx", "-o", out, md], check=True, env=env)
            render.normalize_zip(out)
        elif fmt == "pdf" and via == "docx":
            src = os.path.join(tmp, stem + ".docx")
            render.write_docx(src, front, sections, lay)
            pdf_doc.append((src, out))
        elif fmt == "pdf" and via == "odt":
            md = os.path.join(tmp, stem + ".md")
            open(md, "w").write(render.to_markdown(front, sections))
            src = os.path.join(tmp, stem + ".odt")
            subprocess.run(["pandoc", "-f", "markdown", "-t", "odt", "-o", src, md], check=True, env=env)
            pdf_doc.append((src, out))
        elif fmt == "pdf" and via == "html":
            src = os.path.join(tmp, stem + ".html")
            open(src, "w").write(render.to_html(front, sections, title=f"{spec['district']} SSoS submission",
                                                style=spec.get("html_style", "plain")))
            pdf_html.append((src, out))
        elif fmt == "pptx":
            render.write_pptx(out, front, sections, lay)
        elif fmt == "xlsx":
            render.write_xlsx(out, front, sections, lay)
        elif fmt == "eml":
            src = os.path.join(tmp, stem + ".docx")
            render.write_docx(src, front, sections, lay)
            sender, name, subject, body = COVERS[stem]
            day = 26 + int(stem[-2:]) % 4
            render.write_eml(out, sender, name, spec["district"], subject, body,
                             f"{spec['district']} SSoS District Prioritization Submission 2023-24.docx",
                             open(src, "rb").read(), f"Thu, {day} Jun 2023 16:{int(stem[-2:]):02d}:00 -0400",
                             f"<{stem}.submission@corpus-t.example.org>")
        else:
            raise SystemExit(f"bad fmt/via {fmt}/{via}")
        tdir = os.path.join(root, "truth", split)
        with open(os.path.join(tdir, f"{stem}.json"), "w") as f:
            json.dump(truth, f, indent=1)
            f.write("\n")
        manifest[stem] = dict(split=split, file=os.path.relpath(out, root), fmt=fmt, via=via, voice=spec["voice"],
                              layout=spec.get("layout"), headings=heads, sections=truth["sections"],
                              gaps=spec["gaps"], topics=spec["topics"])

    prof = f"-env:UserInstallation=file://{tmp}/profile"
    def soffice(pairs, extra):
        if not pairs:
            return
        outdir = os.path.join(tmp, "pdf")
        os.makedirs(outdir, exist_ok=True)
        cmd = ["soffice", prof, "--headless"] + extra + ["--outdir", outdir] + [s for s, _ in pairs]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        for src, dst in pairs:
            p = os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + ".pdf")
            shutil.move(p, dst)
            render.fix_pdf(dst)
    soffice(pdf_doc, ["--convert-to", "pdf:writer_pdf_Export"])
    soffice(pdf_html, ["--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export"])
    with open(os.path.join(root, "truth", "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
