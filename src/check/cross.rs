//! Cross-file checks: what one submission means next to the others of the
//! same run. A companion file of the same e-mail or archive answers the
//! sections another lacks; a later submission from a district supersedes an
//! earlier one; expected districts with no submission are listed. The
//! batch driver, the web service and the watcher all call these through
//! `batch::assemble`.

use std::collections::{BTreeMap, HashSet};

use crate::pack::{Check, Pack};
use crate::report::{Companion, FileReport, SectionState, Severity, Status};

/// The findings a companion file can answer, by the pack's check kinds (so a
/// pack that renames its codes still works).
pub struct Answerable {
    /// Codes of "section missing" and "section empty" findings.
    pub sections: Vec<String>,
    /// Codes of "no priority" findings.
    pub priorities: Vec<String>,
}

impl Answerable {
    pub fn of(pack: &Pack) -> Self {
        let codes =
            |kind: fn(&Check) -> bool| pack.rules.iter().filter(|r| kind(&r.check)).map(|r| r.code.clone()).collect();
        Answerable {
            sections: codes(|c| matches!(c, Check::SectionMissing | Check::SectionEmpty)),
            priorities: codes(|c| matches!(c, Check::PrioritiesNone)),
        }
    }
}

/// Within one email or archive, a section one file lacks but another answers
/// is not missing: the finding is dropped and the companion named.
pub fn credit_companions(reports: &mut [FileReport], answerable: &Answerable) {
    let mut packages: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, r) in reports.iter().enumerate() {
        // One archive on a shared drive may hold several districts' files:
        // only files of one package *and* one district answer for each other.
        if let Some(p) = &r.package
            && r.status != Status::Error
        {
            let key = format!("{p}\u{0}{}", r.district.as_deref().unwrap_or(""));
            packages.entry(key).or_default().push(i);
        }
    }
    for members in packages.values().filter(|m| m.len() > 1) {
        for &i in members {
            let credits: Vec<Companion> = reports[i]
                .sections
                .iter()
                .filter(|s| s.state != SectionState::Present)
                .filter_map(|s| {
                    members.iter().filter(|&&j| j != i).find_map(|&j| {
                        let other = &reports[j];
                        other.section(&s.id).filter(|o| o.state == SectionState::Present).map(|_| Companion {
                            section: s.id.clone(),
                            attachment: other.attachment.clone().unwrap_or_else(|| other.path.clone()),
                        })
                    })
                })
                .collect();
            let companion_priorities = members.iter().any(|&j| j != i && reports[j].priorities.count > 0);
            apply_credits(&mut reports[i], credits, companion_priorities, answerable);
        }
    }
}

fn apply_credits(
    report: &mut FileReport,
    credits: Vec<Companion>,
    companion_priorities: bool,
    answerable: &Answerable,
) {
    if credits.is_empty() {
        return;
    }
    let credited: HashSet<&str> = credits.iter().map(|c| c.section.as_str()).collect();
    report.diagnostics.retain(|d| {
        let section_level = answerable.sections.contains(&d.code);
        let answered = section_level && d.section.as_deref().is_some_and(|s| credited.contains(s));
        let priorities_elsewhere = companion_priorities && answerable.priorities.contains(&d.code);
        !(answered || priorities_elsewhere)
    });
    if report.status == Status::Fail && !report.diagnostics.iter().any(|d| d.severity == Severity::Error) {
        report.status = Status::Pass;
    }
    report.companions = credits;
}

/// Two submissions from one district: the later one counts. "Later" is the
/// email's date when both have one, else the order of their paths.
pub fn mark_superseded(reports: &mut [FileReport]) {
    let mut by_district: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, r) in reports.iter().enumerate() {
        if let Some(d) = &r.district
            && r.status != Status::Error
        {
            by_district.entry(d.clone()).or_default().push(i);
        }
    }
    for indices in by_district.values() {
        let packages: HashSet<String> =
            indices.iter().map(|&i| reports[i].package.clone().unwrap_or_else(|| reports[i].path.clone())).collect();
        if packages.len() < 2 {
            continue;
        }
        let Some(&latest) = indices
            .iter()
            // Dates are RFC 3339 UTC text, so they order as times; undated first.
            .max_by_key(|&&i| (reports[i].received.as_deref(), reports[i].path.as_str()))
        else {
            continue;
        };
        let latest_package = reports[latest].package.clone().unwrap_or_else(|| reports[latest].path.clone());
        let latest_name = name_of(&reports[latest]);
        for &i in indices {
            let package = reports[i].package.clone().unwrap_or_else(|| reports[i].path.clone());
            if package != latest_package {
                reports[i].superseded_by = Some(latest_name.clone());
            }
        }
    }
}

fn name_of(report: &FileReport) -> String {
    match &report.attachment {
        Some(a) => format!("{} ({a})", report.path),
        None => report.path.clone(),
    }
}

/// Districts of the registry's list `list` with no submission in the run
/// (none for a list the pack does not have: the command line checks the name).
pub fn missing_districts(pack: &Pack, reports: &[FileReport], list: &str) -> Vec<String> {
    let seen: HashSet<&str> = reports.iter().filter_map(|r| r.district.as_deref()).collect();
    let members = pack.districts.lists.get(list).map(|l| l.districts.as_slice()).unwrap_or_default();
    members.iter().filter(|d| !seen.contains(d.as_str())).cloned().collect()
}
