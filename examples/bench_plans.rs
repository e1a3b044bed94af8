//! Writes the plans `scripts/bench.sh` times: `typical.docx` (a complete
//! plan, heading styles) and `large.docx` (every response repeated 48 times,
//! about 80,000 words) into the folder given.

use ssos_fixtures::{Layout, Plan, SectionId, docx};

fn repeated(times: usize) -> Plan {
    let mut plan = Plan::complete("Springfield");
    for s in SectionId::ALL {
        let paragraphs: Vec<String> =
            plan.paragraphs(s).iter().cycle().take(plan.paragraphs(s).len() * times).cloned().collect();
        plan = plan.replace(s, paragraphs);
    }
    plan
}

fn main() -> std::io::Result<()> {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join("typical.docx"), docx(&Plan::complete("Lowell"), Layout::HeadingStyles))?;
    std::fs::write(dir.join("large.docx"), docx(&repeated(48), Layout::HeadingStyles))?;
    Ok(())
}
