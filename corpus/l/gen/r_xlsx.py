"""openpyxl renderer."""
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment, PatternFill
from doc import bench_rows, split_by_prio

WRAP = Alignment(wrap_text=True, vertical="top")
BOLD = Font(bold=True)
FILL = PatternFill("solid", fgColor="D9E2F3")


def btxt(blocks):
    return "\n".join(("• " + t if k == "b" else t) for k, t, p in blocks)


def sheet_name(s, i, L):
    names = L.get("sheet_names")
    if names:
        return names[i][:31]
    h = s["heading"].replace("/", "-").replace(":", "").replace("?", "")
    return h[:31]


def render(pl, path):
    spec, L = pl["spec"], pl["L"]
    mode = L.get("mode", "sheets")
    wb = Workbook()
    ws = wb.active
    if mode == "sheets":
        ws.title = L.get("cover_sheet", "Cover")
        ws["A1"] = pl["title"]
        ws["A1"].font = Font(bold=True, size=14)
        ws["A3"] = "District:"
        ws["B3"] = pl["ctx"].dname
        ws["A4"] = "Contact:"
        ws["B4"] = L.get("contact", "Office of Teaching and Learning")
        if L.get("toc"):
            ws["A6"] = "Tabs in this workbook:"
            for i, s in enumerate(pl["secs"]):
                ws.cell(row=7 + i, column=1, value=s["heading"])
        ws.column_dimensions["A"].width = 40
        for i, s in enumerate(pl["secs"]):
            w = wb.create_sheet(sheet_name(s, i, L))
            w.column_dimensions["A"].width = 110
            w["A1"] = s["heading"]
            w["A1"].font = Font(bold=True, size=13)
            r = 2
            if L.get("prompt"):
                w.cell(row=r, column=1, value=s["prompt"]).font = Font(italic=True, color="666666")
                w.cell(row=r, column=1).alignment = WRAP
                r += 1
            r += 1
            for k, t, p in s["blocks"]:
                c = w.cell(row=r, column=1, value=("• " + t) if k == "b" else t)
                c.alignment = WRAP
                if k == "sub":
                    c.font = BOLD
                r += 1
            if s["bench"]:
                hdr, rows = bench_rows(pl, spec)
                r += 1
                for j, h in enumerate(hdr):
                    w.cell(row=r, column=1 + j, value=h).font = BOLD
                for row in rows:
                    r += 1
                    for j, v in enumerate(row):
                        w.cell(row=r, column=1 + j, value=v).alignment = WRAP
    elif mode in ("prompt_rows", "long"):
        ws.title = L.get("sheet", "Submission" if mode == "prompt_rows" else "Plan")
        ws["A1"] = pl["title"]
        ws["A1"].font = Font(bold=True, size=14)
        r = 3
        if mode == "prompt_rows":
            for j, h in enumerate(L.get("cols", ["Section", "Guidance prompt", "District response"])):
                ws.cell(row=r, column=1 + j, value=h).font = BOLD
            r += 1
        ws.column_dimensions["A"].width = 34
        ws.column_dimensions["B"].width = 60 if mode == "prompt_rows" else 120
        ws.column_dimensions["C"].width = 100
        rc = 3 if mode == "prompt_rows" else 2
        for s in pl["secs"]:
            ws.cell(row=r, column=1, value=s["heading"]).font = BOLD
            if mode == "prompt_rows":
                ws.cell(row=r, column=2, value=s["prompt"]).alignment = WRAP
            if mode == "long":
                ws.cell(row=r, column=1).fill = FILL
                if L.get("prompt"):
                    ws.cell(row=r, column=2, value=s["prompt"]).font = Font(italic=True)
                r += 1
            bl = s["blocks"] or [("p", "", None)]
            for k, t, p in bl:
                c = ws.cell(row=r, column=rc, value=(("• " + t) if k == "b" else t) or None)
                c.alignment = WRAP
                if k == "sub":
                    c.font = BOLD
                r += 1
            if s["bench"]:
                hdr, rows = bench_rows(pl, spec)
                for j, h in enumerate(hdr):
                    ws.cell(row=r, column=rc + j, value=h).font = BOLD
                for row in rows:
                    r += 1
                    for j, v in enumerate(row):
                        ws.cell(row=r, column=rc + j, value=v).alignment = WRAP
                r += 1
            r += 1 if mode == "long" else 0
    elif mode == "cols_prio":
        ws.title = L.get("sheet", "District Plan")
        ws["A1"] = pl["title"]
        ws["A1"].font = Font(bold=True, size=14)
        ws.cell(row=3, column=1, value=L.get("corner", "")).font = BOLD
        n = max(len(pl["prios"]), 1)
        for j, s in enumerate(pl["secs"]):
            c = ws.cell(row=3, column=2 + j, value=s["heading"])
            c.font = BOLD
            c.alignment = WRAP
            ws.column_dimensions[chr(66 + j)].width = 45
            for i in range(n):
                bl = split_by_prio(s["blocks"], i)
                if not bl and s["status"] == "present":
                    bl = [("p", L.get("same", "Same as Priority 1"), i)]
                txt = btxt(bl)
                if s["bench"]:
                    hdr, rows = bench_rows(pl, spec)
                    txt += "\n" + "\n".join(" | ".join(r[1:]) for r in rows if r[0] == pl["prios"][i][0].rstrip(":—").strip())
                ws.cell(row=4 + i, column=2 + j, value=txt or None).alignment = WRAP
        for i in range(n):
            ws.cell(row=4 + i, column=1, value=pl["prios"][i][0].rstrip(":—").strip()).font = BOLD
        ws.column_dimensions["A"].width = 16
    elif mode == "merged":
        ws.title = L.get("sheet", "SSoS Submission")
        ws.merge_cells("A1:F1")
        ws["A1"] = pl["title"]
        ws["A1"].font = Font(bold=True, size=14)
        for col in "ABCDEF":
            ws.column_dimensions[col].width = 28
        r = 3
        for s in pl["secs"]:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
            c = ws.cell(row=r, column=1, value=s["heading"])
            c.font = BOLD
            c.fill = FILL
            r += 1
            if L.get("prompt"):
                ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
                ws.cell(row=r, column=1, value=s["prompt"]).alignment = WRAP
                ws.cell(row=r, column=1).font = Font(italic=True, size=9)
                r += 1
            ws.merge_cells(start_row=r, start_column=1, end_row=r + 3, end_column=6)
            ws.cell(row=r, column=1, value=btxt(s["blocks"]) or None).alignment = WRAP
            r += 4
            if s["bench"]:
                hdr, rows = bench_rows(pl, spec)
                for j, h in enumerate(hdr):
                    ws.cell(row=r, column=1 + j, value=h).font = BOLD
                for row in rows:
                    r += 1
                    for j, v in enumerate(row):
                        ws.cell(row=r, column=1 + j, value=v).alignment = WRAP
                r += 1
            r += 1
    wb.save(path)
