#!/usr/bin/env python3
"""Build all plans, truth files and the check manifest. Deterministic."""
import json, os, shutil, subprocess, sys, tempfile, glob
from email.message import EmailMessage
from email.utils import format_datetime
import datetime

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
ROOT = os.path.dirname(HERE)
from plans import PLANS
import content, render_html, render_pptx, render_docx

BUILD = os.path.join(HERE, "build")

HTML_LAYOUTS = {"cards2", "cards3own", "sidebar", "twocol", "onepage", "flexcards"}


def soffice_pdf(srcs, outdir):
    prof = tempfile.mkdtemp(prefix="o-lo-")
    try:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to", "pdf",
                        "--outdir", outdir] + srcs, check=True, capture_output=True, timeout=600)
    finally:
        shutil.rmtree(prof, ignore_errors=True)


def snippets(sec, rendered=None):
    texts = rendered or [content.block_text(b) for b in sec["blocks"]]
    out = []
    for t in texts:
        for line in t.split("\n"):
            w = line.replace("|", " ").split()
            if len(w) >= 6:
                out.append(" ".join(w[:6]))
            if len(out) >= 3:
                return out
    if not out and texts:
        out.append(" ".join(texts[0].split()[:6]))
    return out


def eml(p, attach_path, out, mime):
    m = EmailMessage()
    addr = f"{p['slug']}.superintendent@{p['slug']}.k12.ma.us"
    m["From"] = f"{p['supt']} <{addr}>"
    m["To"] = "ssos1@mass.gov"
    m["Cc"] = f"assistant.superintendent@{p['slug']}.k12.ma.us"
    m["Subject"] = f"{p['district']} - SSoS District Prioritization Submission SY23-24"
    m["Date"] = format_datetime(datetime.datetime(2023, 6, 29, 15, 42, tzinfo=datetime.timezone(datetime.timedelta(hours=-4))))
    m["Message-ID"] = f"<{p['stem']}@{p['slug']}.k12.ma.us>"
    body = {
        "D": f"Hello SSoS team,\n\nAttached is the {p['district']} district prioritization submission for SY23-24. Questions on the data to our office.\n\nThanks,\n{p['supt']}\n",
        "R": f"Hi there,\n\nHere is our plan for next year. Let me know if anything is missing or if you need it in a different format.\n\nThanks so much,\n{p['supt']}\nSuperintendent, {p['district']}\n",
        "C": f"Good afternoon,\n\nPlease find attached the {p['district']} SSoS submission deck, which our leadership team presented to the School Committee this month.\n\nBest,\n{p['supt']}\n",
        "F": f"Dear Associate Commissioner Curry and members of the SSoS team,\n\nOn behalf of the {p['district']}, I am pleased to submit our District Prioritization Submission for the 2023-2024 school year. We look forward to your feedback.\n\nSincerely,\n{p['supt']}\nSuperintendent of Schools\n",
        "U": f"Good afternoon,\n\nAttached please find the {p['district']} SY23-24 submission.\n\nRegards,\n{p['supt']}\n",
    }[p["voice"]]
    m.set_content(body)
    with open(attach_path, "rb") as f:
        data = f.read()
    maintype, subtype = mime.split("/")
    m.add_attachment(data, maintype=maintype, subtype=subtype, filename=os.path.basename(attach_path))
    m.set_boundary(f"=_o_{p['slug']}_boundary")
    with open(out, "wb") as f:
        f.write(bytes(m))


def main():
    for split in ("dev", "holdout"):
        for d in (os.path.join(ROOT, "plans", split), os.path.join(ROOT, "truth", split)):
            shutil.rmtree(d, ignore_errors=True)
            os.makedirs(d)
    shutil.rmtree(BUILD, ignore_errors=True)
    os.makedirs(BUILD)
    manifest = {}
    lo_jobs = []  # (src, final_pdf)
    for p in PLANS:
        built = content.build(p)
        pdir = os.path.join(ROOT, "plans", p["split"])
        lay = p["layout"]
        rendered = {}
        final = None
        if lay in HTML_LAYOUTS:
            final = os.path.join(pdir, p["stem"] + ".pdf")
            render_html.render(p, built["sections"], lay, final, os.path.join(BUILD, "html"))
        elif lay in ("decka", "deckb", "deckc"):
            final = os.path.join(pdir, p["stem"] + ".pptx")
            rendered = render_pptx.build(p, built, lay, final)
        elif lay in ("decka_pdf", "deckb_pdf"):
            src = os.path.join(BUILD, "lo", p["stem"] + ".pptx")
            os.makedirs(os.path.dirname(src), exist_ok=True)
            rendered = render_pptx.build(p, built, lay[:-4], src)
            final = os.path.join(pdir, p["stem"] + ".pdf")
            lo_jobs.append((src, final))
        elif lay in ("wordbold_pdf", "wordbig_pdf", "wordrule_pdf"):
            src = os.path.join(BUILD, "lo", p["stem"] + ".docx")
            os.makedirs(os.path.dirname(src), exist_ok=True)
            render_docx.build(p, built, lay[:-4], src)
            final = os.path.join(pdir, p["stem"] + ".pdf")
            lo_jobs.append((src, final))
        elif lay in ("docxplain", "docxtable"):
            final = os.path.join(pdir, p["stem"] + ".docx")
            render_docx.build(p, built, lay, final)
        elif lay == "emlpdf":
            att_dir = os.path.join(BUILD, "att", p["stem"])
            os.makedirs(att_dir, exist_ok=True)
            att = os.path.join(att_dir, f"{p['town']} SSoS Submission 2023-24.pdf")
            render_html.render(p, built["sections"], "cards2" if p["split"] == "dev" else "flexcards", att,
                               os.path.join(BUILD, "html"))
            final = os.path.join(pdir, p["stem"] + ".eml")
            eml(p, att, final, "application/pdf")
        elif lay == "emlpptx":
            att_dir = os.path.join(BUILD, "att", p["stem"])
            os.makedirs(att_dir, exist_ok=True)
            att = os.path.join(att_dir, f"{p['town']} SSoS Prioritization Deck.pptx")
            rendered = render_pptx.build(p, built, "deckb" if len(p["topics"]) > 1 else "decka", att)
            final = os.path.join(pdir, p["stem"] + ".eml")
            eml(p, att, final, "application/vnd.openxmlformats-officedocument.presentationml.presentation")
        else:
            raise ValueError(lay)
        with open(os.path.join(ROOT, "truth", p["split"], p["stem"] + ".json"), "w") as f:
            json.dump(built["truth"], f, indent=2)
            f.write("\n")
        manifest[p["stem"]] = dict(
            file=os.path.relpath(final, ROOT), split=p["split"], layout=lay, voice=p["voice"], district=p["district"],
            sections={s["id"]: dict(state=s["state"], heading=s["heading"],
                                    snippets=snippets(s, rendered.get(s["id"]) if s["state"] == "present" else None))
                      for s in built["sections"]},
            truth=built["truth"])
        print("built", p["stem"], flush=True)
    if lo_jobs:
        outdir = os.path.join(BUILD, "lo_out")
        os.makedirs(outdir, exist_ok=True)
        soffice_pdf([s for s, _ in lo_jobs], outdir)
        for src, final in lo_jobs:
            pdf = os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + ".pdf")
            shutil.move(pdf, final)
            print("converted", os.path.basename(final), flush=True)
    with open(os.path.join(BUILD, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)


if __name__ == "__main__":
    main()
