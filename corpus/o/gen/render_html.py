"""HTML page layouts printed to PDF by headless Chromium."""
import html, os, subprocess, tempfile, shutil

E = html.escape

PALETTE = {"F": "#1f3b63", "D": "#37474f", "R": "#2e7d32", "U": "#6a1b9a", "C": "#00838f"}
ACCENTS = ["#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#c62828", "#00838f", "#5d4037", "#455a64"]


def blocks_html(blocks, compact_tables=False):
    out = []
    for b in blocks:
        if b[0] == "p":
            out.append(f"<p>{E(b[1])}</p>")
        elif b[0] == "lead":
            out.append(f"<p><strong>{E(b[1])}</strong> {E(b[2])}</p>")
        elif b[0] == "ul":
            out.append("<ul>" + "".join(f"<li>{E(x)}</li>" for x in b[1]) + "</ul>")
        elif b[0] == "table":
            if compact_tables:
                out.append("<ul>" + "".join("<li>" + " \u2014 ".join(E(x) for x in r) + "</li>" for r in b[2]) + "</ul>")
            else:
                out.append("<table class='t'><thead><tr>" + "".join(f"<th>{E(h)}</th>" for h in b[1]) +
                           "</tr></thead><tbody>" + "".join("<tr>" + "".join(f"<td>{E(x)}</td>" for x in r) + "</tr>"
                                                          for r in b[2]) + "</tbody></table>")
    return "\n".join(out)


BASE_CSS = """
body { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 10pt; color: #222; margin: 0; }
.t { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 4px 0; }
.t th, .t td { border: 1px solid #bbb; padding: 3px 4px; vertical-align: top; text-align: left; }
.t th { background: #eceff1; }
ul { padding-left: 16px; margin: 4px 0; } li { margin-bottom: 3px; }
p { margin: 4px 0 6px; }
.mast { padding: 10px 14px; color: white; }
.mast h1 { margin: 0; font-size: 18pt; } .mast .sub { font-size: 11pt; opacity: .9; }
.meta { font-size: 8.5pt; color: #555; margin: 6px 14px; }
"""


def masthead(p, col):
    return (f"<div class='mast' style='background:{col}'><h1>{E(p['district'])}</h1>"
            f"<div class='sub'>SSoS District Prioritization Submission \u2014 School Year 2023-2024</div></div>"
            f"<div class='meta'>Submitted by {E(p['supt'])}, Superintendent \u00b7 June 2023 \u00b7 "
            f"Contact: {p['slug']}.superintendent@{p['slug']}.k12.ma.us</div>")


def page(p, secs, layout):
    col = PALETTE[p["voice"]]
    css = BASE_CSS
    body = ""
    if layout == "cards2":
        css += """
@page { size: letter; margin: 0.5in; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; margin: 10px 4px; }
.card { border: 1px solid #cfd8dc; border-radius: 6px; overflow: hidden; background: #fafafa; }
.card h2 { margin: 0; padding: 6px 10px; font-size: 11.5pt; color: white; }
.card .bd { padding: 6px 10px; }
"""
        cards = "".join(f"<section class='card'><h2 style='background:{ACCENTS[i % 8]}'>{E(s['heading'])}</h2>"
                        f"<div class='bd'>{blocks_html(s['blocks'])}</div></section>" for i, s in enumerate(secs))
        body = masthead(p, col) + f"<div class='grid'>{cards}</div>"
    elif layout == "cards3own":
        css += """
@page { size: letter; margin: 0.45in; }
body { font-size: 8.6pt; }
.grid { display: grid; grid-template-columns: repeat(3, 1fr); gap: 10px; margin: 10px 2px; }
.card { border-top: 5px solid; border-radius: 4px; box-shadow: 0 0 0 1px #ddd; padding: 4px 8px; }
.card h2 { font-size: 10.5pt; margin: 4px 0 6px; }
.t { font-size: 7.5pt; }
"""
        cards = "".join(f"<div class='card' style='border-top-color:{ACCENTS[i % 8]}'><h2>{E(s['heading'])}</h2>"
                        f"{blocks_html(s['blocks'])}</div>" for i, s in enumerate(secs))
        body = masthead(p, col) + f"<div class='grid'>{cards}</div>"
    elif layout == "sidebar":
        css += """
@page { size: letter; margin: 0.5in; }
.wrap { display: grid; grid-template-columns: 1.9in 1fr; gap: 16px; margin-top: 10px; }
aside { background: #eef3f7; padding: 10px; font-size: 8.5pt; border-radius: 4px; align-self: start; }
aside h4 { margin: 4px 0; font-size: 9pt; text-transform: uppercase; color: #555; }
aside ol { padding-left: 14px; }
main h2 { font-size: 13pt; border-bottom: 2px solid; padding-bottom: 2px; margin: 14px 0 6px; }
"""
        ident = [s for s in p["schools"] if s["ident"]]
        nav = "".join(f"<li>{E(s['heading'])}</li>" for s in secs)
        side = (f"<aside><h4>District at a glance</h4><p>{len(p['schools'])} schools<br>"
                f"{len(ident)} identified for assistance</p><h4>In this plan</h4><ol>{nav}</ol>"
                f"<h4>Contact</h4><p>{E(p['supt'])}<br>Office of the Superintendent</p></aside>")
        main = "".join(f"<section><h2 style='border-color:{col};color:{col}'>{E(s['heading'])}</h2>"
                       f"{blocks_html(s['blocks'])}</section>" for s in secs)
        body = masthead(p, col) + f"<div class='wrap'>{side}<main>{main}</main></div>"
    elif layout == "twocol":
        css += """
@page { size: letter; margin: 0.6in 0.55in; }
body { font-family: 'Liberation Serif', 'Times New Roman', serif; font-size: 10pt; }
.cols { column-count: 2; column-gap: 0.3in; column-rule: 1px solid #ccc; margin: 10px 4px; text-align: justify; }
.cols h3 { font-variant: small-caps; font-size: 11.5pt; margin: 10px 0 4px; break-after: avoid; }
.t { font-size: 7.5pt; }
"""
        main = "".join(f"<h3>{E(s['heading'])}</h3>{blocks_html(s['blocks'])}" for s in secs)
        body = masthead(p, col) + f"<div class='cols'>{main}</div>"
    elif layout == "onepage":
        css += """
@page { size: legal landscape; margin: 0.3in; }
body { font-size: 6.4pt; }
.mast h1 { font-size: 13pt; } .mast { padding: 5px 10px; }
table.pop { border-collapse: collapse; width: 100%; table-layout: fixed; margin-top: 4px; }
table.pop th { color: white; font-size: 7.6pt; padding: 4px; text-align: left; vertical-align: top; }
table.pop td { border: 1px solid #999; vertical-align: top; padding: 3px; }
table.pop ul { padding-left: 9px; }
"""
        ths = "".join(f"<th style='background:{ACCENTS[i % 8]}'>{E(s['heading'])}</th>" for i, s in enumerate(secs))
        tds = "".join(f"<td>{blocks_html(s['blocks'], compact_tables=True)}</td>" for s in secs)
        body = (masthead(p, col).replace("School Year 2023-2024", "School Year 2023-2024 \u00b7 Plan on a Page") +
                f"<table class='pop'><thead><tr>{ths}</tr></thead><tbody><tr>{tds}</tr></tbody></table>")
    elif layout == "flexcards":
        css += """
@page { size: letter; margin: 0.5in; }
.flex { display: flex; flex-wrap: wrap; gap: 10px; margin: 10px 2px; }
.card { flex: 1 1 46%; border-left: 6px solid; background: #f7f9fb; padding: 6px 10px; box-sizing: border-box; }
.card .hd { display: flex; align-items: center; gap: 8px; margin-bottom: 4px; }
.card .num { width: 22px; height: 22px; border-radius: 11px; color: white; font-weight: bold; text-align: center; line-height: 22px; }
.card .ttl { font-size: 11pt; font-weight: bold; }
"""
        cards = ""
        for i, s in enumerate(secs):
            h = s["heading"]
            num, ttl = h.split(None, 1) if h[:1].isdigit() else (str(i + 1), h)
            cards += (f"<div class='card' style='border-color:{ACCENTS[i % 8]}'><div class='hd'>"
                      f"<div class='num' style='background:{ACCENTS[i % 8]}'>{E(num.rstrip('.').lstrip('0'))}</div>"
                      f"<div class='ttl'>{E(ttl.strip())}</div></div>{blocks_html(s['blocks'])}</div>")
        body = masthead(p, col) + f"<div class='flex'>{cards}</div>"
    else:
        raise ValueError(layout)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{E(p['district'])} SSoS Submission</title>"
            f"<style>{css}</style></head><body>{body}</body></html>")


def print_pdf(html_path, pdf_path):
    ud = tempfile.mkdtemp(prefix="o-chrome-")
    try:
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={ud}",
                        f"--print-to-pdf={pdf_path}", html_path], check=True, capture_output=True, timeout=180)
    finally:
        shutil.rmtree(ud, ignore_errors=True)
    if not os.path.exists(pdf_path):
        raise RuntimeError("chromium produced no pdf for " + html_path)


def render(p, secs, layout, pdf_path, workdir):
    os.makedirs(workdir, exist_ok=True)
    hp = os.path.join(workdir, p["stem"] + ".html")
    with open(hp, "w") as f:
        f.write(page(p, secs, layout))
    print_pdf(os.path.abspath(hp), os.path.abspath(pdf_path))
