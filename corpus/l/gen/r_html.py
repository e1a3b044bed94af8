"""HTML renderer (fed to Chromium --print-to-pdf or LibreOffice) and Markdown renderer (pandoc)."""
import html
from doc import bench_rows, split_by_prio

E = html.escape


def _blocks_html(blocks):
    out = []
    ul = False
    for k, t, p in blocks:
        if k == "b":
            if not ul:
                out.append("<ul>")
                ul = True
            out.append(f"<li>{E(t)}</li>")
            continue
        if ul:
            out.append("</ul>")
            ul = False
        if k == "sub":
            out.append(f"<h3>{E(t)}</h3>")
        else:
            out.append(f"<p>{E(t)}</p>")
    if ul:
        out.append("</ul>")
    return "\n".join(out)


def _bench_html(pl, spec):
    hdr, rows = bench_rows(pl, spec)
    h = "<table class='bench'><tr>" + "".join(f"<th>{E(x)}</th>" for x in hdr) + "</tr>"
    for r in rows:
        h += "<tr>" + "".join(f"<td>{E(x)}</td>" for x in r) + "</tr>"
    return h + "</table>"


CSS = """
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10.5pt; margin: 0.6in; }
h1 { font-size: 18pt; color: #1f3864; } h2 { font-size: 13pt; color: #1f3864; border-bottom: 1px solid #999; }
h3 { font-size: 11pt; } table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #555; padding: 4px; vertical-align: top; }
.prompt { font-style: italic; color: #555; } .twocol { column-count: 2; column-gap: 0.35in; }
.twocol h2 { break-after: avoid; } .hdr { font-size: 8pt; color: #777; }
@page { size: letter; margin: 0.5in; }
"""


def render_html(pl, path):
    spec, L = pl["spec"], pl["L"]
    mode = L.get("mode", "headings")
    parts = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{E(pl['title'])}</title><style>{CSS}{L.get('css','')}</style></head><body>"]
    if L.get("header"):
        parts.append(f"<div class='hdr'>{E(L['header'])}</div>")
    parts.append(f"<h1>{E(pl['title'])}</h1>")
    if L.get("intro"):
        parts.append(f"<p>{E(L['intro'])}</p>")
    if L.get("toc"):
        parts.append("<p><b>Contents</b></p><ol>" + "".join(f"<li>{E(s['heading'])}</li>" for s in pl["secs"]) + "</ol>")
    if mode in ("headings", "twocol"):
        if mode == "twocol":
            parts.append("<div class='twocol'>")
        for s in pl["secs"]:
            parts.append(f"<h2>{E(s['heading'])}</h2>")
            if L.get("prompt"):
                parts.append(f"<p class='prompt'>{E(s['prompt'])}</p>")
            parts.append(_blocks_html(s["blocks"]))
            if s["bench"]:
                parts.append(_bench_html(pl, spec))
        if mode == "twocol":
            parts.append("</div>")
    elif mode == "table":
        parts.append(f"<table><tr><th style='width:22%'>{E(L.get('col0','Section'))}</th><th>{E(L.get('col1','Response'))}</th></tr>")
        for s in pl["secs"]:
            left = f"<b>{E(s['heading'])}</b>" + (f"<p class='prompt'>{E(s['prompt'])}</p>" if L.get("prompt") else "")
            right = _blocks_html(s["blocks"]) + (_bench_html(pl, spec) if s["bench"] else "")
            parts.append(f"<tr><td>{left}</td><td>{right}</td></tr>")
        parts.append("</table>")
    elif mode == "prio_cols":
        n = max(len(pl["prios"]), 1)
        parts.append("<table><tr><th></th>" + "".join(f"<th>{E(pl['prios'][i][0].rstrip(':—').strip())}</th>" for i in range(n)) + "</tr>")
        for s in pl["secs"]:
            cells = []
            for i in range(n):
                bl = split_by_prio(s["blocks"], i)
                if not bl and s["status"] == "present":
                    bl = [("p", L.get("same", "Same as Priority 1."), i)]
                cells.append(f"<td>{_blocks_html(bl)}</td>")
            parts.append(f"<tr><td><b>{E(s['heading'])}</b></td>{''.join(cells)}</tr>")
        parts.append("</table>")
    if L.get("appendix"):
        parts.append(f"<h2 style='page-break-before:always'>{E(L['appendix'][0])}</h2>")
        parts += [f"<p>{E(t)}</p>" for t in L["appendix"][1:]]
    if L.get("footer"):
        parts.append(f"<p class='hdr'>{E(L['footer'])}</p>")
    parts.append("</body></html>")
    open(path, "w", encoding="utf-8").write("\n".join(parts))


def render_md(pl, path):
    import copy
    pl = dict(pl)
    pl["secs"] = [dict(s, blocks=[(k, t.replace("$", "\\$"), p) for k, t, p in s["blocks"]]) for s in pl["secs"]]
    spec, L = pl["spec"], pl["L"]
    out = [f"% {pl['title']}", ""]
    if L.get("intro"):
        out += [L["intro"], ""]
    if L.get("toc"):
        out += ["**Contents**", ""] + [f"{i+1}. {s['heading']}" for i, s in enumerate(pl["secs"])] + [""]
    for s in pl["secs"]:
        out += [("# " if L.get("mode", "headings") == "headings" else "**") + s["heading"] + ("" if L.get("mode", "headings") == "headings" else "**"), ""]
        if L.get("prompt"):
            out += [f"*{s['prompt']}*", ""]
        prev = None
        for k, t, p in s["blocks"]:
            if k == "sub":
                out += [f"## {t}", ""]
            elif k == "b":
                out += [f"- {t}"]
            else:
                if prev == "b":
                    out.append("")
                out += [t, ""]
            prev = k
        out.append("")
        if s["bench"]:
            hdr, rows = bench_rows(pl, spec)
            out += ["| " + " | ".join(hdr) + " |", "|" + "---|" * len(hdr)]
            out += ["| " + " | ".join(r) + " |" for r in rows]
            out.append("")
    if L.get("appendix"):
        out += ["# " + L["appendix"][0], ""] + [t + "\n" for t in L["appendix"][1:]]
    open(path, "w", encoding="utf-8").write("\n".join(out))
