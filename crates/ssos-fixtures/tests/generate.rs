use std::io::{Cursor, Read};

use ssos_fixtures::{Layout, Plan, SectionId, SheetShape, bad, docx, xlsx};

fn parts(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).expect("valid zip");
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut v = Vec::new();
            f.read_to_end(&mut v).unwrap();
            (f.name().to_string(), v)
        })
        .collect()
}

fn part<'a>(ps: &'a [(String, Vec<u8>)], name: &str) -> Option<&'a str> {
    ps.iter().find(|(n, _)| n == name).map(|(_, v)| std::str::from_utf8(v).unwrap())
}

fn well_formed(name: &str, xml: &[u8]) {
    let mut r = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut depth = 0i64;
    loop {
        match r.read_event_into(&mut buf) {
            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{name}: not well-formed: {e}"),
        }
        buf.clear();
    }
    assert_eq!(depth, 0, "{name}: unbalanced");
}

/// Text of all w:t (not w:delText) in a main part.
fn text(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<w:t") {
        rest = &rest[i + 4..];
        if !(rest.starts_with('>') || rest.starts_with(' ')) {
            continue;
        }
        let s = rest.find('>').unwrap() + 1;
        let e = rest.find("</w:t>").unwrap();
        out.push_str(&rest[s..e]);
        out.push(' ');
    }
    out
}

#[test]
fn every_layout_is_a_complete_package() {
    let plan = Plan::complete("Lowell");
    for l in Layout::ALL {
        let b = docx(&plan, l);
        let ps = parts(&b);
        for (n, v) in &ps {
            if n.ends_with(".xml") || n.ends_with(".rels") {
                well_formed(&format!("{l:?} {n}"), v);
            }
        }
        let main = l.main_part();
        let rels = format!("word/_rels/{}.rels", main.trim_start_matches("word/"));
        for need in ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/styles.xml", main, rels.as_str()]
        {
            assert!(part(&ps, need).is_some(), "{l:?}: missing {need}");
        }
        let root = part(&ps, "_rels/.rels").unwrap();
        assert!(root.contains(&format!("Target=\"{main}\"")), "{l:?}");
        let core = part(&ps, "docProps/core.xml").unwrap();
        assert!(core.contains("Lowell Public Schools"), "{l:?}");
        let t = text(part(&ps, main).unwrap());
        assert!(t.contains("Lowell Public Schools"), "{l:?}");
        assert!(t.contains("culturally and linguistically sustaining"), "{l:?}");
        assert!(t.contains("Bartlett Community Partnership School"), "{l:?}");
    }
}

#[test]
fn layout_specific_markup() {
    let plan = Plan::complete("Lynn");
    let main = |l: Layout| {
        let ps = parts(&docx(&plan, l));
        part(&ps, l.main_part()).unwrap().to_string()
    };
    assert!(main(Layout::HeadingStyles).contains("w:val=\"Heading1\""));
    assert!(!main(Layout::BoldLabels).contains("Heading1"));
    assert!(main(Layout::NumberedTyped).contains(">3. Stakeholder Engagement<"));
    let auto = main(Layout::AutoNumbered);
    assert!(auto.contains(">Stakeholder Engagement<") && auto.contains("<w:numId w:val=\"1\"/>"));
    assert!(main(Layout::TemplateTable).contains("<w:tbl>"));
    assert!(main(Layout::ContentControls).contains("<w:sdt>"));
    let tb = main(Layout::TextBoxes);
    assert!(tb.contains("<wps:txbx>") && tb.contains("<v:textbox"));
    let tc = main(Layout::TrackedChanges);
    assert!(tc.contains("<w:ins ") && tc.contains("<w:delText") && tc.contains("commentReference"));
    assert!(main(Layout::StrictOoxml).contains("http://purl.oclc.org/ooxml/wordprocessingml/main"));
    assert!(main(Layout::Paraphrased).contains(">Measures of Success<"));
    let pp = main(Layout::PerPriority);
    assert_eq!(pp.matches(">2. Analysis of Strengths and Challenges<").count(), 2);
    let ps = parts(&docx(&plan, Layout::LibreOfficeStyle));
    assert!(part(&ps, "docProps/app.xml").unwrap().contains("LibreOffice/"));
}

#[test]
fn without_and_blank_change_the_output() {
    let full = Plan::complete("Chelsea");
    let base = docx(&full, Layout::HeadingStyles);
    let gone = full.clone().without(SectionId::Resources);
    assert!(!gone.has(SectionId::Resources));
    let b = docx(&gone, Layout::HeadingStyles);
    assert_ne!(base, b);
    let t = text(part(&parts(&b), "word/document.xml").unwrap());
    assert!(!t.contains("7. Resources"));
    assert!(!t.contains("Internal resources"));

    let blank = full.clone().blank(SectionId::Outcomes, "TBD");
    assert!(blank.is_blank(SectionId::Outcomes));
    let b = docx(&blank, Layout::HeadingStyles);
    assert_ne!(base, b);
    let t = text(part(&parts(&b), "word/document.xml").unwrap());
    assert!(t.contains("4. Outcomes"));
    assert!(t.contains("TBD"));
    assert!(!t.contains("Accountability targets."));

    let cc = docx(&full.clone().blank(SectionId::Outcomes, ""), Layout::ContentControls);
    let m = part(&parts(&cc), "word/document.xml").unwrap().to_string();
    assert!(m.contains("<w:showingPlcHdr/>"));
    assert!(m.contains("Click or tap here to enter text."));

    for s in SheetShape::ALL {
        assert_ne!(xlsx(&full, s), xlsx(&gone, s), "{s:?}");
    }
}

#[test]
fn priorities_and_benchmarks() {
    let p = Plan::complete("Taunton").with_priorities(3).with_benchmarks(7);
    assert_eq!(p.priorities.len(), 3);
    assert_eq!(p.benchmarks.len(), 7);
    let t = text(part(&parts(&docx(&p, Layout::HeadingStyles)), "word/document.xml").unwrap());
    assert!(t.contains("Priority 3:"));
    assert_eq!(t.matches("benchmark: ").count(), 7);
    assert!(p.benchmarks.iter().any(|b| b.level == "District"));
    assert!(p.benchmarks.iter().any(|b| b.level == "School"));
    let one = Plan::complete("Taunton").with_priorities(1);
    let t = text(part(&parts(&docx(&one, Layout::HeadingStyles)), "word/document.xml").unwrap());
    assert!(!t.contains("Priority 2:"));
    let none = Plan::complete("Taunton").with_priorities(0);
    let t = text(part(&parts(&docx(&none, Layout::PerPriority)), "word/document.xml").unwrap());
    assert!(!t.contains("Priority 1:"));
    assert_eq!(t.matches("2. Analysis of Strengths and Challenges").count(), 1);
}

#[test]
fn complete_plans_are_realistic_and_vary() {
    let mut seen = std::collections::HashSet::new();
    for d in ssos_fixtures::SSOS_DISTRICTS {
        let p = Plan::complete(d);
        let n = p.word_count();
        assert!((1200..=2500).contains(&n), "{d}: {n} words");
        assert_eq!(p.sections.len(), 8);
        seen.insert(p.paragraphs(SectionId::Analysis)[0].clone());
    }
    assert!(seen.len() > 10);
}

#[test]
fn generation_is_deterministic() {
    let p = Plan::complete("Springfield");
    for l in Layout::ALL {
        assert_eq!(docx(&p, l), docx(&p, l), "{l:?}");
    }
    for s in SheetShape::ALL {
        assert_eq!(xlsx(&p, s), xlsx(&p, s), "{s:?}");
    }
    assert_eq!(bad::encrypted_ooxml(), bad::encrypted_ooxml());
    assert_eq!(bad::legacy_doc(), bad::legacy_doc());
    let a: Vec<_> = ssos_fixtures::sample_set().into_iter().map(|s| s.bytes).collect();
    let b: Vec<_> = ssos_fixtures::sample_set().into_iter().map(|s| s.bytes).collect();
    assert_eq!(a, b);
}

#[test]
fn xlsx_shapes() {
    let p = Plan::complete("Pittsfield");
    for s in SheetShape::ALL {
        let ps = parts(&xlsx(&p, s));
        assert!(part(&ps, "xl/workbook.xml").is_some());
        let strings = part(&ps, "xl/sharedStrings.xml").unwrap();
        assert!(strings.contains("Pittsfield Public Schools"), "{s:?}");
    }
    let ps = parts(&xlsx(&p, SheetShape::WithBenchmarkTable));
    assert!(part(&ps, "xl/workbook.xml").unwrap().contains("name=\"Benchmarks\""));
    assert!(part(&ps, "xl/sharedStrings.xml").unwrap().contains("Who monitors"));
    let ps = parts(&xlsx(&p, SheetShape::SheetPerSection));
    let wb = part(&ps, "xl/workbook.xml").unwrap();
    assert!(wb.contains("name=\"Stakeholder Engagement\""));
    assert!(wb.contains("name=\"Analysis of Strengths and\""));
}

#[test]
fn bad_inputs() {
    assert!(bad::empty().is_empty());
    assert!(zip::ZipArchive::new(Cursor::new(bad::truncated_docx())).is_err());
    const OLE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let enc = bad::encrypted_ooxml();
    assert_eq!(enc[..8], OLE);
    let cf = cfb::CompoundFile::open(Cursor::new(enc)).unwrap();
    assert!(cf.is_stream("/EncryptionInfo") && cf.is_stream("/EncryptedPackage"));
    let cf = cfb::CompoundFile::open(Cursor::new(bad::legacy_doc())).unwrap();
    assert!(cf.is_stream("/WordDocument"));
    let pdf = bad::pdf();
    assert!(pdf.starts_with(b"%PDF-1.4") && pdf.ends_with(b"%%EOF\n"));
    assert_eq!(bad::random_bytes(7, 1000).len(), 1000);
    assert_eq!(bad::random_bytes(7, 100), bad::random_bytes(7, 100));
    assert_ne!(bad::random_bytes(7, 100), bad::random_bytes(8, 100));
    let bl = parts(&bad::billion_laughs_docx());
    assert!(part(&bl, "word/document.xml").unwrap().contains("<!ENTITY lol9"));
    assert_eq!(&bad::docx_renamed_xlsx()[..2], b"PK");
    assert!(parts(&bad::xlsx_renamed_docx()).iter().any(|(n, _)| n == "xl/workbook.xml"));
    assert!(parts(&bad::docx_missing_document()).iter().all(|(n, _)| n != "word/document.xml"));
    assert!(parts(&bad::zip_not_ooxml()).iter().all(|(n, _)| n != "[Content_Types].xml"));
}

#[test]
fn zip_bomb_is_small_but_claims_two_gib() {
    let b = bad::zip_bomb_docx();
    assert!(b.len() < 8 << 20, "{} bytes", b.len());
    let mut z = zip::ZipArchive::new(Cursor::new(b)).unwrap();
    let mut f = z.by_name("word/document.xml").unwrap();
    assert!(f.size() >= 2 << 30);
    assert_eq!(f.size(), bad::ZIP_BOMB_INFLATED);
    // The stream really inflates: read the first megabyte.
    let mut head = vec![0u8; 1 << 20];
    f.read_exact(&mut head).unwrap();
    assert!(head.starts_with(b"<?xml"));
    assert!(String::from_utf8_lossy(&head).contains("preserve\">lol lol lol"));
}

/// Declares its full size and really inflates (the first 16 MB are read;
/// inflating all 2 GiB would take the test suite's time for nothing).
#[test]
fn zip_bomb_declares_its_size_and_inflates() {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(Cursor::new(bad::zip_bomb_docx())).unwrap();
    let f = z.by_name("word/document.xml").unwrap();
    assert_eq!(f.size(), bad::ZIP_BOMB_INFLATED);
    let n = std::io::copy(&mut f.take(16 << 20), &mut std::io::sink()).unwrap();
    assert_eq!(n, 16 << 20);
}

#[test]
fn libreoffice_fixtures_are_real_files() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/libreoffice");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        return; // not present in this checkout
    };
    let mut n = 0;
    for e in rd {
        let p = e.unwrap().path();
        let b = std::fs::read(&p).unwrap();
        let ext = p.extension().unwrap().to_str().unwrap().to_string();
        match ext.as_str() {
            "docx" | "xlsx" | "odt" | "ods" => {
                let ps = parts(&b);
                let need = match ext.as_str() {
                    "docx" => "word/document.xml",
                    "xlsx" => "xl/workbook.xml",
                    _ => "content.xml",
                };
                assert!(part(&ps, need).is_some(), "{}", p.display());
            }
            "doc" | "xls" => {
                assert!(cfb::CompoundFile::open(Cursor::new(b)).is_ok(), "{}", p.display());
            }
            "pdf" => assert!(b.starts_with(b"%PDF")),
            _ => continue,
        }
        n += 1;
    }
    assert!(n >= 10);
}

#[test]
fn mail_wrappers() {
    use ssos_fixtures::mail;
    let plan = Plan::complete("Lowell");
    let e = mail::submission_eml(&plan, Layout::HeadingStyles);
    assert_eq!(e, mail::submission_eml(&plan, Layout::HeadingStyles));
    let s = String::from_utf8(e).unwrap();
    assert!(s.contains("To: SSoS <ssos1@mass.gov>"));
    assert!(s.contains("filename=\"Lowell SSoS District Prioritization Submission SY23-24.docx\""));

    let m = mail::submission_msg(&plan, Layout::HeadingStyles);
    assert_eq!(m, mail::submission_msg(&plan, Layout::HeadingStyles));
    let mut cf = cfb::CompoundFile::open(Cursor::new(m)).unwrap();
    let mut data = Vec::new();
    cf.open_stream("/__attach_version1.0_#00000000/__substg1.0_37010102").unwrap().read_to_end(&mut data).unwrap();
    assert_eq!(data, docx(&plan, Layout::HeadingStyles));
    let mut name = Vec::new();
    cf.open_stream("/__attach_version1.0_#00000000/__substg1.0_3707001F").unwrap().read_to_end(&mut name).unwrap();
    let name: Vec<u16> = name.chunks(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
    assert!(String::from_utf16(&name).unwrap().ends_with(".docx"));

    let z = mail::zip_archive(&[("a.docx", &docx(&plan, Layout::BoldLabels)), ("b.txt", b"x")]);
    assert_eq!(parts(&z).len(), 2);
}

#[test]
fn anonymous_plan_names_no_district() {
    let p = Plan::complete("");
    assert!(p.district_long_name().is_empty());
    for l in Layout::ALL {
        let ps = parts(&docx(&p, l));
        for (n, v) in &ps {
            let s = String::from_utf8_lossy(v);
            assert!(!s.contains("Public Schools"), "{l:?} {n}");
        }
        assert!(
            text(part(&ps, l.main_part()).unwrap()).contains("1. Priority(ies)")
                || l == Layout::AutoNumbered
                || l == Layout::BoldLabels
                || l == Layout::Paraphrased
        );
    }
    for s in SheetShape::ALL {
        let ps = parts(&xlsx(&p, s));
        assert!(ps.iter().all(|(_, v)| !String::from_utf8_lossy(v).contains("Public Schools")));
    }
}

#[test]
fn picture_responses() {
    let p = Plan::complete("Fitchburg").as_picture(SectionId::Analysis);
    for l in Layout::ALL {
        let ps = parts(&docx(&p, l));
        let png = ps.iter().find(|(n, _)| n == "word/media/image1.png").expect("image part");
        assert!(png.1.starts_with(b"\x89PNG\r\n\x1a\n"));
        let main = part(&ps, l.main_part()).unwrap();
        assert!(main.contains("r:embed=\"rIdImg1\""), "{l:?}");
        assert!(!text(main).contains("MCAS"), "{l:?}");
        assert!(
            text(main).contains("Analysis of Strengths")
                || l == Layout::Paraphrased
                || l == Layout::BoldLabels
                || l == Layout::AutoNumbered,
            "{l:?}"
        );
        let ct = part(&ps, "[Content_Types].xml").unwrap();
        assert!(ct.contains("image/png"));
    }
    for s in SheetShape::ALL {
        let ps = parts(&xlsx(&p, s));
        assert!(ps.iter().any(|(n, _)| n.starts_with("xl/media/")), "{s:?}");
    }
}

#[test]
fn bad_catalog_and_write_samples() {
    let cat = bad::catalog();
    assert!(cat.len() >= 12);
    let mut names: Vec<_> = cat.iter().map(|b| b.name).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), cat.len());
    let dir = std::env::temp_dir().join(format!("ssos-fixtures-test-{}", std::process::id()));
    ssos_fixtures::write_samples(&dir, &ssos_fixtures::sample_set()).unwrap();
    assert!(dir.join("lowell-heading-styles.docx").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}
