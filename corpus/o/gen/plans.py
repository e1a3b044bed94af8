"""The 36 plans: stem, layout, voice, district, schools, topics, headings, gaps."""
import random

SCHOOL_POOL = ["Lincoln Elementary School", "Harbor Middle School", "Center School", "Maple Street School",
               "Riverside Elementary", "Oak Hill Middle School", "Washington Park School", "Memorial High School",
               "Eastbrook Elementary", "J.F. Kennedy School", "Hillcrest Elementary", "Pleasant Valley School",
               "North Street Elementary", "Bayview Middle School", "Regional High School", "Whittier Elementary"]
IDENT = ["federal designation: targeted support", "lowest 10th percentile statewide",
         "underperforming under M.G.L. c.69 \u00a71J", "federal designation: comprehensive support"]


def schools(seed, n, n_ident, n_more):
    r = random.Random(seed)
    names = r.sample(SCHOOL_POOL, n)
    out = []
    for i, nm in enumerate(names):
        out.append(dict(name=nm, ident=IDENT[r.randrange(len(IDENT))] if i < n_ident else None,
                        more=(n_ident <= i < n_ident + n_more)))
    return out


def P(split, num, layout, voice, town, kind, topics, headings, gaps=None, nsch=(5, 2, 1), supt=None):
    d = f"{town} {kind}"
    slug = town.lower().replace(" ", "")
    return dict(stem=f"o_{split}_{num:02d}_{layout}_{slug}", split=split, layout=layout, voice=voice,
                town=town, district=d, schools=schools(f"{split}{num}{town}", *nsch), topics=topics,
                headings=headings, gaps=gaps or {}, supt=supt or "Superintendent", slug=slug)


PLANS = [
    # ------------------------------------------------------------ dev
    P("dev", 1, "cards2", "F", "Brockfield", "Public Schools", ["lit"], "guide", supt="Dr. Helen M. Castellano"),
    P("dev", 2, "cards3own", "R", "Ashby Hollow", "Regional School District", ["lit"], "own",
      {"stake_omit": ["families"]}, nsch=(3, 1, 1), supt="Tom Kearney"),
    P("dev", 3, "sidebar", "U", "Port Danvers", "Public Schools", ["ml"], "roman", nsch=(8, 3, 2), supt="Dr. Marisol Reyes-Whitman"),
    P("dev", 4, "twocol", "D", "Westmere", "Public Schools", ["math"], "data", {"mon_no_owner": True}, supt="Alan Pruitt"),
    P("dev", 5, "onepage", "D", "Cobb River", "Public Schools", ["lit", "belong"], "data", supt="Renee Osei"),
    P("dev", 6, "flexcards", "C", "Ellery", "Regional School District", ["math"], "deck", {"missing": ["resources"]},
      supt="Kevin Doucette"),
    P("dev", 7, "decka", "C", "Marlow", "Public Schools", ["lit"], "deck", supt="Dr. Priya Natarajan"),
    P("dev", 8, "decka_pdf", "C", "Marlow", "Public Schools", ["lit"], "deck", supt="Dr. Priya Natarajan"),
    P("dev", 9, "deckb", "U", "Salt Harbor", "Public Schools", ["math", "belong"], "roman", nsch=(9, 3, 2), supt="Dr. James Okafor"),
    P("dev", 10, "deckb_pdf", "U", "Salt Harbor", "Public Schools", ["math", "belong"], "roman", nsch=(9, 3, 2), supt="Dr. James Okafor"),
    P("dev", 11, "deckc", "R", "Quabbin Hills", "Regional School District", ["math"], "rural",
      {"empty": {"differentiation": "TBD"}}, nsch=(3, 1, 0), supt="Linda Szymanski"),
    P("dev", 12, "wordbold_pdf", "F", "Northbury", "Public Schools", ["math"], "formal", supt="Dr. Robert A. Finnegan"),
    P("dev", 13, "wordbig_pdf", "U", "Fall Mill", "Public Schools", ["lit"], "roman", {"extra_priorities": 2},
      nsch=(8, 3, 1), supt="Dr. Ana Carvalho"),
    P("dev", 14, "wordrule_pdf", "C", "Lenox Crossing", "Public Schools", ["ml"], "deck", {"mon_no_freq": True},
      supt="Sean Whitcomb"),
    P("dev", 15, "docxplain", "R", "Hatfield Corners", "Public Schools", ["lit"], "rural", nsch=(2, 1, 0), supt="Mary Ellen Boyd"),
    P("dev", 16, "docxtable", "F", "Granby Falls", "Public Schools", ["ml"], "guide", {"diff_no_schools": True},
      supt="Dr. Charles Whitfield"),
    P("dev", 17, "emlpdf", "D", "Stoughby", "Public Schools", ["ml"], "data", supt="Nadia Haddad"),
    P("dev", 18, "emlpptx", "C", "Meriden Bay", "Public Schools", ["lit"], "deck", {"mon_count": 8}, supt="Paul Ferreira"),
    # ------------------------------------------------------------ holdout
    P("holdout", 1, "cards2", "U", "Haverleigh", "Public Schools", ["math"], "roman", nsch=(9, 3, 2), supt="Dr. Denise Baptiste"),
    P("holdout", 2, "cards3own", "F", "Bradstone", "Public Schools", ["lit"], "own", {"analysis_no_groups": True},
      supt="Dr. William T. Hargrove"),
    P("holdout", 3, "sidebar", "R", "Tolland Hill", "Regional School District", ["math"], "rural",
      {"missing": ["role_clarity"]}, nsch=(3, 1, 1), supt="Gary Lindqvist"),
    P("holdout", 4, "twocol", "C", "Sudbridge", "Public Schools", ["lit", "belong"], "deck", supt="Monica Albrecht"),
    P("holdout", 5, "onepage", "F", "Kingsfield", "Public Schools", ["math"], "formal", {"no_ongoing": True},
      supt="Dr. Elizabeth Crane"),
    P("holdout", 6, "flexcards", "D", "Amesford", "Public Schools", ["ml"], "data", supt="Victor Nguyen"),
    P("holdout", 7, "decka", "U", "Revere Point", "Public Schools", ["lit"], "guide", nsch=(8, 3, 1), supt="Dr. Carmen Ortiz"),
    P("holdout", 8, "decka_pdf", "U", "Revere Point", "Public Schools", ["lit"], "guide", nsch=(8, 3, 1), supt="Dr. Carmen Ortiz"),
    P("holdout", 9, "deckb", "D", "Pembury", "Public Schools", ["ml", "belong"], "data", {"res_no_equity": True},
      supt="Jordan Ellis"),
    P("holdout", 10, "deckb_pdf", "D", "Pembury", "Public Schools", ["ml", "belong"], "data", {"res_no_equity": True},
      supt="Jordan Ellis"),
    P("holdout", 11, "deckc", "C", "Westvale", "Public Schools", ["math"], "deck", {"roles_omit": ["teachers"]},
      supt="Dr. Hannah Brooks"),
    P("holdout", 12, "wordbold_pdf", "R", "Harwich Plains", "Regional School District", ["math"], "rural",
      nsch=(3, 1, 1), supt="Dale Pomeroy"),
    P("holdout", 13, "wordbig_pdf", "D", "Medway Falls", "Public Schools", ["lit"], "data",
      {"empty": {"outcomes": "[Insert response here]"}}, supt="Tanya Roberts"),
    P("holdout", 14, "wordrule_pdf", "F", "Chelmsbury", "Public Schools", ["lit"], "formal", {"extra_priorities": 3},
      supt="Dr. Margaret O'Neill"),
    P("holdout", 15, "docxplain", "U", "Easton Heights", "Public Schools", ["ml"], "roman", {"mon_omit_level": "school"},
      nsch=(8, 3, 1), supt="Dr. Luis Fonseca"),
    P("holdout", 16, "docxtable", "C", "Oakham Ridge", "Public Schools", ["math"], "guide", supt="Brian Kowalski"),
    P("holdout", 17, "emlpdf", "R", "Belcher Falls", "Regional School District", ["lit"], "rural",
      {"outcomes_no_groups": True}, nsch=(3, 1, 0), supt="Sandra Tilton"),
    P("holdout", 18, "emlpptx", "F", "Framhurst", "Public Schools", ["math", "belong"], "formal", supt="Dr. Steven Marsh"),
]
