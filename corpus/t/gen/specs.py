"""The 40 plans of corpus T.

fmt/via: docx (python-docx, layout h1|numbered|bold|tablecell|autonum), docx via pandoc (md),
pdf via docx|html|odt (LibreOffice), pptx (K1 placeholders | K2 text boxes), xlsx (L1 one
sheet | L2 sheet per section), eml (cover email + docx attachment).
gaps: see common.GAP_CODES; values absent|negated|future|other|template|blankrow.
"""

S = []


def plan(stem, fmt, via, voice, vocab, district, schools, topics, gaps=None, layout=None, **kw):
    S.append(dict(stem=stem, split="dev" if stem[2] == "d" else "holdout", fmt=fmt, via=via, voice=voice, vocab=vocab,
                  district=district, schools=schools, topics=topics, gaps=gaps or {}, layout=layout, **kw))


# ---------------------------------------------------------------- dev
plan("t_d01", "docx", "docx", "F", "letter", "Greenfield", "small", ["lit"], layout="bold", signer="Superintendent of Schools, Greenfield Public Schools")
plan("t_d02", "docx", "docx", "B", "urban", "Springfield", "urban", ["math", "dilt"], layout="h1")
plan("t_d03", "docx", "docx", "A", "rural", "Athol-Royalston", "rural", ["lit"], layout="h1",
     gaps={"stake.families": "negated", "res.equity": "absent"})
plan("t_d04", "pptx", "pptx", "K", "deck", "Fitchburg", "mid", ["ml", "belong"], layout="K1")
plan("t_d05", "pdf", "docx", "B", "urban", "Brockton", "urban", ["lit", "math", "belong"], layout="h1", nbm=[2, 2, 1],
     gaps={"mon.work": "absent"})
plan("t_d06", "docx", "docx", "H", "synonym", "Chicopee", "mid", ["ml"], layout="tablecell")
plan("t_d07", "docx", "pandoc", "I", "plain", "Lowell", "urban", ["lit", "dilt"],
     gaps={"stake.community": "template", "stake.idschool": "template"})
plan("t_d08", "docx", "docx", "C", "voc", "Greater Lowell Regional Vocational Technical School District", "voc", ["cvte"], layout="numbered")
plan("t_d09", "pptx", "pptx", "K", "deck", "Taunton", "mid", ["math"], layout="K2",
     gaps={"out.groups": "future", "diff.schools": "other"})
plan("t_d10", "pdf", "html", "J", "essay", "Webster", "small", ["incl"])
plan("t_d11", "eml", "docx", "F", "letter", "North Adams", "small", ["math"], layout="bold",
     gaps={"anal.stakeholder_perspectives": "negated", "anal.work": "other"}, signer="Superintendent, North Adams Public Schools")
plan("t_d12", "pdf", "html", "A", "rural", "Winchendon", "rural", ["math"], html_style="boldp")
plan("t_d13", "xlsx", "xlsx", "L", "plain", "Gateway Regional", "rural", ["lit"], layout="L2",
     gaps={"roles.teachers": "blankrow", "mon.owner": "absent"})
plan("t_d14", "docx", "pandoc", "D", "network", "Chelsea", "network", ["ml", "dilt"])
plan("t_d15", "docx", "docx", "G", "data", "Pittsfield", "mid", ["math"], layout="h1",
     gaps={"missing.differentiation": "absent", "res.external": "absent"})
plan("t_d16", "pdf", "docx", "G", "data", "New Bedford", "urban", ["lit", "belong"], layout="h1")
plan("t_d17", "pptx", "pptx", "K", "deck", "Northampton", "small", ["writing"], layout="K2")
plan("t_d18", "docx", "docx", "E", "consult", "Framingham", "mid", ["lit"], layout="numbered",
     gaps={"mon.toomany": "absent", "mon.freq": "absent"})
plan("t_d19", "eml", "docx", "I", "plain", "Orange", "rural", ["math"], layout="h1")
plan("t_d20", "xlsx", "xlsx", "L", "plain", "Everett", "mid", ["ml", "dilt"], layout="L1")

# ---------------------------------------------------------------- holdout
plan("t_h01", "docx", "docx", "A", "rural", "Hoosac Valley Regional", "rural", ["lit", "dilt"], layout="bold")
plan("t_h02", "docx", "docx", "H", "synonym", "Lynn", "urban", ["math"], layout="h1",
     gaps={"stake.ongoing": "absent", "prio.equity": "other"})
plan("t_h03", "docx", "pandoc", "E", "consult", "Haverhill", "mid", ["ml"])
plan("t_h04", "xlsx", "xlsx", "L", "plain", "Wareham", "small", ["math"], layout="L1",
     gaps={"empty.resources": "absent", "out.acct": "negated"})
plan("t_h05", "pdf", "odt", "D", "network", "Salem", "network", ["lit"])
plan("t_h06", "pdf", "html", "J", "essay", "Waltham", "mid", ["attend", "dilt"],
     gaps={"prio.noclsp": "absent", "anal.groups": "absent"})
plan("t_h07", "pptx", "pptx", "K", "deck", "Worcester", "urban", ["lit", "dilt"], layout="K2")
plan("t_h08", "pptx", "pptx", "K", "deck", "Fall River", "urban", ["lit"], layout="K1",
     gaps={"stake.students": "future", "mon.school": "absent"})
plan("t_h09", "docx", "docx", "G", "data", "Malden", "mid", ["math", "belong"], layout="autonum")
plan("t_h10", "docx", "docx", "I", "plain", "Randolph", "small", ["lit"], layout="tablecell",
     gaps={"roles.central_office": "template", "res.internal": "absent"})
plan("t_h11", "docx", "docx", "E", "consult", "Amherst-Pelham Regional", "small", ["writing"], layout="h1")
plan("t_h12", "eml", "docx", "C", "voc", "Montachusett Regional Vocational Technical School District", "voc", ["cvte"], layout="numbered",
     gaps={"anal.instruction": "future", "anal.systems_structures": "absent", "mon.work": "negated"})
plan("t_h13", "docx", "docx", "J", "essay", "Gardner", "small", ["math"], layout="bold")
plan("t_h14", "docx", "pandoc", "D", "network", "Westfield", "network", ["math", "belong"],
     gaps={"diff.schools": "absent", "stake.idschool": "negated"})
plan("t_h15", "pptx", "pptx", "K", "deck", "Beverly", "small", ["incl"], layout="K1")
plan("t_h16", "pdf", "docx", "F", "letter", "Easthampton", "small", ["ml"], layout="bold", signer="Superintendent of Schools, Easthampton")
plan("t_h17", "pdf", "docx", "B", "urban", "Boston", "urban", ["ml", "dilt"], layout="h1",
     gaps={"prio.experience": "absent", "res.equity": "negated"})
plan("t_h18", "xlsx", "xlsx", "L", "plain", "Gloucester", "small", ["lit"], layout="L2")
plan("t_h19", "docx", "docx", "C", "voc", "Southeastern Regional Vocational Technical School District", "voc", ["cvte"], layout="h1")
plan("t_h20", "eml", "docx", "H", "synonym", "Attleboro", "mid", ["lit", "belong"], layout="h1")

SPECS = S

# cover emails for the .eml plans (sender, name, subject, body)
COVERS = {
    "t_d11": ("superintendent@nasd.example.org", "North Adams Office of the Superintendent",
              "North Adams - SSoS District Prioritization Submission SY23-24",
              "Good afternoon,\n\nAttached please find North Adams Public Schools' district prioritization submission for the 2023-24 school year. We wrote it as a letter to the team; the eight parts of the guidance are all in it.\n\nPlease let us know if anything else is needed before our next regional meeting.\n\nThank you,\nOffice of the Superintendent\n"),
    "t_d19": ("curriculum@orange.example.org", "Orange Curriculum Office",
              "Orange submission - district prioritization (SSoS)",
              "Hello SSoS team,\n\nOur submission is attached, completed in the template. The superintendent has reviewed it.\n\nBest,\nCurriculum Office\n"),
    "t_h12": ("sdirector@montytech.example.org", "Superintendent-Director",
              "District Prioritization Submission - Montachusett RVTSD",
              "Dear SSoS colleagues,\n\nPlease find attached our district prioritization submission for SY2023-2024. As a single-school vocational district we have organized support by program and grade.\n\nRespectfully,\nSuperintendent-Director\n"),
    "t_h20": ("deputy@attleboro.example.org", "Attleboro Deputy Superintendent",
              "FW: Attleboro SSoS plan 2023-24 (final)",
              "Hi all,\n\nForwarding our final plan for 2023-24 (attached, Word). Happy to walk through it at the June check-in.\n\nThanks,\nDeputy Superintendent\n"),
}
