"""District contexts for corpus S: names, schools, partners, local words.
Schools and partners are plausible stand-ins, not a record of any district's real plan."""

D = {
 "Lowell": dict(ident=["Bartlett Community Partnership School", "Murkland Elementary School", "Robinson Middle School"],
                more=["Greenhalge Elementary School"], ext="Teaching Lab", comm="the Lowell Community Health Center",
                univ="UMass Lowell", assess="i-Ready", early="DIBELS 8", ela="EL Education", math="Illustrative Mathematics",
                cao="Chief Academic Officer"),
 "Fall River": dict(ident=["Henry Lord Community School", "Doran Community School", "Matthew J. Kuss Middle School"],
                more=["Viveiros Elementary School"], ext="TNTP", comm="People Incorporated", univ="Bristol Community College",
                assess="STAR", early="Acadience", ela="Wit & Wisdom", math="Eureka Math Squared", cao="Deputy Superintendent"),
 "Chelsea": dict(ident=["Hooks Elementary School", "Browne Middle School"], more=["Clark Avenue School"],
                ext="the Education Development Center", comm="La Colaborativa", univ="Bunker Hill Community College",
                assess="i-Ready", early="DIBELS 8", ela="EL Education", math="Illustrative Mathematics",
                cao="Assistant Superintendent for Teaching and Learning"),
 "Springfield": dict(ident=["Brightwood Elementary School", "Van Sickle Middle School", "Chestnut Middle School"],
                more=["Lincoln Elementary School"], ext="the Collaborative for Educational Services", comm="Square One",
                univ="Springfield Technical Community College", assess="i-Ready", early="DIBELS 8", ela="Into Reading",
                math="Illustrative Mathematics", cao="Chief Instructional Officer"),
 "Taunton": dict(ident=["Parker Middle School", "Walker Elementary School"], more=["Mulcahey Elementary School"],
                ext="Mass Literacy", comm="the Taunton Public Library", univ="Bridgewater State University",
                assess="STAR", early="DIBELS 8", ela="Wit & Wisdom", math="Eureka Math Squared",
                cao="Assistant Superintendent"),
 "Brockton": dict(ident=["Arnone School", "Kennedy Elementary School", "East Middle School"], more=["Huntington Elementary School"],
                ext="WestEd", comm="Brockton Area Multi-Services", univ="Bridgewater State University",
                assess="i-Ready", early="Acadience", ela="EL Education", math="Illustrative Mathematics",
                cao="Chief of Teaching and Learning"),
 "Webster": dict(ident=["Park Avenue Elementary School", "Webster Middle School"], more=["Bartlett High School"],
                ext="the Center for Collaborative Education", comm="the Webster-Dudley Boys & Girls Club",
                univ="Nichols College", assess="STAR", early="DIBELS 8", ela="CKLA", math="Illustrative Mathematics",
                cao="Director of Curriculum"),
 "Worcester": dict(ident=["Burncoat Middle School", "Chandler Elementary Community School", "Elm Park Community School"],
                more=["Norrback Avenue School"], ext="Teaching Lab", comm="the Worcester Community Action Council",
                univ="Worcester State University", assess="i-Ready", early="DIBELS 8", ela="EL Education",
                math="Illustrative Mathematics", cao="Chief Academic Officer"),
 "Gateway": dict(ident=["Gateway Regional Middle School", "Littleville Elementary School"], more=["Chester Elementary School"],
                ext="the Collaborative for Educational Services", comm="the Hilltown Community Health Center",
                univ="Westfield State University", assess="STAR", early="Acadience", ela="Wit & Wisdom",
                math="Eureka Math Squared", cao="Director of Teaching and Learning"),
 "North Adams": dict(ident=["Brayton Elementary School", "Colegrove Park Elementary School"], more=["Drury High School"],
                ext="Mass Literacy", comm="the Northern Berkshire Community Coalition", univ="MCLA",
                assess="i-Ready", early="DIBELS 8", ela="CKLA", math="Illustrative Mathematics",
                cao="Assistant Superintendent"),
 "Pittsfield": dict(ident=["Morningside Community School", "Conte Community School"], more=["Reid Middle School"],
                ext="TNTP", comm="Berkshire United Way", univ="Berkshire Community College", assess="i-Ready",
                early="DIBELS 8", ela="Into Reading", math="Illustrative Mathematics", cao="Deputy Superintendent"),
 "Lynn": dict(ident=["Harrington Elementary School", "Connery Elementary School", "Pickering Middle School"],
                more=["Lynn English High School"], ext="the Education Development Center", comm="Raw Art Works",
                univ="Salem State University", assess="STAR", early="DIBELS 8", ela="EL Education",
                math="Illustrative Mathematics", cao="Assistant Superintendent for Curriculum"),
 "Athol-Royalston": dict(ident=["Athol Community Elementary School", "Athol-Royalston Middle School"],
                more=["Royalston Community School"], ext="the Collaborative for Educational Services",
                comm="the Athol Public Library", univ="Mount Wachusett Community College", assess="STAR",
                early="Acadience", ela="CKLA", math="Eureka Math Squared", cao="Director of Curriculum and Instruction"),
 "Framingham": dict(ident=["Barbieri Elementary School", "Fuller Middle School"], more=["Brophy Elementary School"],
                ext="WestEd", comm="the Brazilian American Center", univ="Framingham State University",
                assess="i-Ready", early="DIBELS 8", ela="EL Education", math="Illustrative Mathematics",
                cao="Chief Academic Officer"),
 "Greenfield": dict(ident=["Greenfield Middle School", "Federal Street School"], more=["Newton School"],
                ext="the Collaborative for Educational Services", comm="Community Action Pioneer Valley",
                univ="Greenfield Community College", assess="STAR", early="DIBELS 8", ela="Wit & Wisdom",
                math="Illustrative Mathematics", cao="Director of Teaching and Learning"),
 "Orange": dict(ident=["Dexter Park Innovation School", "Fisher Hill Elementary School"], more=[],
                ext="the Collaborative for Educational Services", comm="the North Quabbin Community Coalition",
                univ="Mount Wachusett Community College", assess="STAR", early="Acadience", ela="CKLA",
                math="Eureka Math Squared", cao="Director of Curriculum"),
 "New Bedford": dict(ident=["Carney Academy", "Keith Middle School", "Roosevelt Middle School"], more=["Gomes Elementary School"],
                ext="TNTP", comm="PACE Inc.", univ="UMass Dartmouth", assess="i-Ready", early="DIBELS 8",
                ela="Into Reading", math="Illustrative Mathematics", cao="Deputy Superintendent"),
 "Chicopee": dict(ident=["Bowe Elementary School", "Chicopee Academy"], more=["Lambert-Lavoie Elementary School"],
                ext="the Collaborative for Educational Services", comm="the Chicopee Boys & Girls Club",
                univ="Elms College", assess="i-Ready", early="DIBELS 8", ela="EL Education", math="Illustrative Mathematics",
                cao="Assistant Superintendent"),
 "Northampton": dict(ident=["JFK Middle School"], more=["Bridge Street School", "Jackson Street School"],
                ext="Teaching Lab", comm="the Northampton Education Foundation", univ="Smith College",
                assess="STAR", early="DIBELS 8", ela="Wit & Wisdom", math="Illustrative Mathematics",
                cao="Assistant Superintendent"),
 "Winchendon": dict(ident=["Memorial Elementary School", "Murdock Middle/High School"], more=["Toy Town Elementary School"],
                ext="the Center for Collaborative Education", comm="the Beals Memorial Library",
                univ="Mount Wachusett Community College", assess="STAR", early="Acadience", ela="CKLA",
                math="Eureka Math Squared", cao="Director of Curriculum"),
 "Boston": dict(ident=["Dever Elementary School", "Burke High School", "Madison Park Technical Vocational High School"],
                more=["Mattahunt Elementary School"], ext="the Education Development Center", comm="the Boston Opportunity Agenda",
                univ="UMass Boston", assess="i-Ready", early="DIBELS 8", ela="EL Education", math="Illustrative Mathematics",
                cao="Chief of Schools"),
 "Fitchburg": dict(ident=["Memorial Middle School", "South Street Elementary School"], more=["Crocker Elementary School"],
                ext="WestEd", comm="the Fitchburg Public Library", univ="Fitchburg State University",
                assess="i-Ready", early="DIBELS 8", ela="Into Reading", math="Illustrative Mathematics",
                cao="Assistant Superintendent"),
}


def listing(xs, conj="and"):
    xs = list(xs)
    if not xs:
        return ""
    if len(xs) == 1:
        return xs[0]
    if len(xs) == 2:
        return f"{xs[0]} {conj} {xs[1]}"
    return ", ".join(xs[:-1]) + f", {conj} " + xs[-1]


def short(school):
    for suf in (" Elementary Community School", " Community Partnership School", " Community School", " Elementary School",
                " Middle School", " High School", " School"):
        if school.endswith(suf):
            return school[: -len(suf)]
    return school
