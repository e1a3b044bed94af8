//! The pipeline for one file: read → map → check → report. The batch
//! driver, the CLI and any service call this; none of them re-implements it.

use std::path::Path;

use crate::budget::Budget;
use crate::check::{Engine, FileFacts, Finding, Outcome};
use crate::config::Config;
use crate::map::district::DistrictFinder;
use crate::map::{MappedSection, Mapper, Submission};
use crate::model::{Document, Location, excerpt};
use crate::pack::Pack;
use crate::read::{self, Entry, Envelope, InputError, Limits};
use crate::report::{
    Count, Diagnostic, ExtractedPart, ExtractedSection, FileReport, PromptCoverage, RulesInfo, SCHEMA_VERSION,
    SectionReport, SectionState, Severity, SourceText, Status, SubmissionMap,
};

/// Everything needed to check files under one pack and config; build once per run.
pub struct Linter {
    /// Shared with the engine (its rules and vocabulary read it in place).
    pub pack: std::sync::Arc<Pack>,
    pub limits: Limits,
    /// `[per-file-ignores]` of the config: which codes are silenced where.
    ignores: Vec<(globset::GlobMatcher, Vec<String>)>,
    /// The config's folder, for matching paths relative to it.
    config_dir: Option<std::path::PathBuf>,
    /// Built on the first document (a run over unreadable files never needs it).
    mapper: std::sync::OnceLock<Mapper>,
    engine: Engine,
    /// Built on first use (a run over unreadable files never needs it).
    districts: std::sync::OnceLock<DistrictFinder>,
    /// When set, each file on disk is checked in a worker process under a
    /// memory and time limit (see [`crate::isolate`]).
    pub isolation: Option<crate::isolate::Isolation>,
}

impl Linter {
    pub fn new(mut pack: Pack, config: &Config, limits: Limits) -> Self {
        // One set of thresholds, the config's over the pack's, for the mapper and the checks alike.
        pack.limits = config.thresholds(&pack.limits);
        let ignores = config
            .per_file_ignores
            .iter()
            .filter_map(|(glob, codes)| Some((globset::Glob::new(glob).ok()?.compile_matcher(), codes.clone())))
            .collect();
        let config_dir = config.path.as_ref().and_then(|p| p.parent()).map(|d| d.to_path_buf());
        let pack = std::sync::Arc::new(pack);
        Linter {
            ignores,
            config_dir,
            mapper: std::sync::OnceLock::new(),
            engine: Engine::new(&pack, config),
            districts: std::sync::OnceLock::new(),
            pack,
            limits,
            isolation: None,
        }
    }

    pub fn rules_info(&self) -> RulesInfo {
        RulesInfo { id: self.pack.pack.id.clone(), version: self.pack.pack.version.clone() }
    }

    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    fn mapper(&self) -> &Mapper {
        self.mapper.get_or_init(|| Mapper::new(&self.pack))
    }

    fn districts(&self) -> &DistrictFinder {
        self.districts.get_or_init(|| DistrictFinder::new(&self.pack.districts))
    }

    /// Checks a file on disk: one report per submission it holds.
    pub fn check_path(&self, path: &Path) -> Vec<FileReport> {
        if let Some(isolation) = &self.isolation {
            return isolation.check_path(self, path);
        }
        self.check_path_here(path)
    }

    /// Checks a file on disk in this process, whatever the isolation setting.
    pub fn check_path_here(&self, path: &Path) -> Vec<FileReport> {
        let shown = path.display().to_string();
        let budget = Budget::start(self.limits.time_budget);
        match read_bounded(path, &self.limits) {
            Ok(bytes) => self.check_bytes_within(&shown, &bytes, &budget),
            Err(err) => vec![self.error_report(&shown, None, &err)],
        }
    }

    /// Checks the bytes of a file (office document, email or archive).
    pub fn check_bytes(&self, path: &str, bytes: &[u8]) -> Vec<FileReport> {
        self.check_bytes_within(path, bytes, &Budget::start(self.limits.time_budget))
    }

    /// Checks the bytes of a file within one file's budget (read, map and
    /// check of every submission it holds).
    pub fn check_bytes_within(&self, path: &str, bytes: &[u8], budget: &Budget) -> Vec<FileReport> {
        read::expand(path, bytes, &self.limits.within(budget))
            .into_iter()
            .map(|entry| self.check_entry_within(entry, budget))
            .collect()
    }

    pub fn check_entry(&self, entry: Entry) -> FileReport {
        self.check_entry_within(entry, &Budget::start(self.limits.time_budget))
    }

    /// Maps and checks one entry, unless the file's budget is spent: then
    /// (and when it runs out during mapping or checking) the entry's report
    /// is the `ssos::input::unreadable` error naming the limit.
    pub fn check_entry_within(&self, entry: Entry, budget: &Budget) -> FileReport {
        let mut report = match entry.result {
            Ok(doc) => match budget.check() {
                Ok(()) => {
                    let report =
                        self.check_document(&entry.path, entry.attachment.clone(), &doc, entry.envelope.as_ref());
                    match budget.check() {
                        Ok(()) => report,
                        Err(over) => self.error_report(
                            &entry.path,
                            entry.attachment,
                            &over.into_error("mapping and checking its sections"),
                        ),
                    }
                }
                Err(over) => self.error_report(&entry.path, entry.attachment, &over.into_error("reading it")),
            },
            Err(err) => self.error_report(&entry.path, entry.attachment, &err),
        };
        report.package = entry.package;
        self.apply_ignores(&mut report);
        report
    }

    /// Drops the findings the config silences for this file.
    fn apply_ignores(&self, report: &mut FileReport) {
        if self.ignores.is_empty() || report.status == Status::Error {
            return;
        }
        let path = Path::new(&report.path);
        let mut candidates = vec![path.to_path_buf()];
        if let Some(dir) = &self.config_dir {
            let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
            let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.clone());
            if let Ok(rel) = absolute.strip_prefix(&dir) {
                candidates.push(rel.to_path_buf());
            }
        }
        if let Some(name) = path.file_name() {
            candidates.push(name.into());
        }
        if let Some(a) = &report.attachment {
            candidates.push(a.into());
        }
        let silenced: Vec<&String> = self
            .ignores
            .iter()
            .filter(|(m, _)| candidates.iter().any(|c| m.is_match(c)))
            .flat_map(|(_, codes)| codes)
            .collect();
        if silenced.is_empty() {
            return;
        }
        report.diagnostics.retain(|d| !silenced.contains(&&d.code));
        report.status = status_of(&report.diagnostics);
    }

    /// Maps and checks one read document.
    pub fn check_document(
        &self,
        path: &str,
        attachment: Option<String>,
        doc: &Document,
        envelope: Option<&Envelope>,
    ) -> FileReport {
        let submission = self.mapper().map(doc);
        let name = attachment.as_deref().unwrap_or(path);
        let named = self.districts().find(Some(doc), name, envelope);
        // The e-mail's own district (subject, sender, body) stays the
        // submission's district; a plan naming another one is a finding.
        let sender = envelope.and_then(|e| self.districts().find(None, "", Some(e)));
        let (district, other) = match (named, sender) {
            (Some(n), Some(s)) if n != s => (Some(s), Some(n)),
            (named, sender) => (named.or(sender), None),
        };
        let mut outcome = self.engine.run(doc, &submission, &FileFacts { district: district.clone() });
        if let (Some(other), Some(sender)) = (&other, &district) {
            outcome.findings.extend(self.mismatch_finding(other, sender));
        }
        let source = SourceMap::new(doc, name);
        let sections = self.section_reports(doc, &submission, &outcome);
        let diagnostics = self.diagnostics(doc, &source, outcome.findings);
        FileReport {
            path: path.to_string(),
            attachment,
            format: Some(doc.format.as_str().to_string()),
            district,
            status: status_of(&diagnostics),
            sections,
            priorities: Count { count: submission.priority_count() },
            benchmarks: Count { count: submission.benchmark_count() },
            diagnostics,
            companions: Vec::new(),
            superseded_by: None,
            source: Some(source.text),
            package: None,
            received: envelope.and_then(|e| e.date.clone()),
            sender: envelope.and_then(|e| e.from.clone()),
        }
    }

    /// The finding of every active `district-mismatch` rule.
    fn mismatch_finding(&self, named: &str, sender: &str) -> Vec<Finding> {
        self.engine
            .rules
            .iter()
            .filter(|r| matches!(r.def.check, crate::pack::Check::DistrictMismatch))
            .filter_map(|r| {
                let severity = r.severity?;
                let message =
                    crate::check::Message::new(&r.def.message).items(&[named.to_string()]).reason(sender).finish();
                Some(Finding {
                    code: r.def.code.clone(),
                    severity,
                    section: None,
                    items: Vec::new(),
                    priority: None,
                    message,
                    help: r.def.help.clone(),
                    block: None,
                })
            })
            .collect()
    }

    /// The report of a file that could not be read.
    pub fn error_report(&self, path: &str, attachment: Option<String>, err: &InputError) -> FileReport {
        let finding = self.engine.input_finding(err.code(), &err.reason, &err.help);
        let name = attachment.as_deref().unwrap_or(path);
        FileReport {
            path: path.to_string(),
            attachment: attachment.clone(),
            format: None,
            district: self.districts().find(None, name, None),
            status: Status::Error,
            sections: Vec::new(),
            priorities: Count::default(),
            benchmarks: Count::default(),
            diagnostics: vec![self.diagnostic(None, None, finding)],
            companions: Vec::new(),
            superseded_by: None,
            source: None,
            package: None,
            received: None,
            sender: None,
        }
    }

    /// The section map of one document, for `ssos-lint extract`.
    pub fn extract(&self, path: &str, doc: &Document) -> SubmissionMap {
        let submission = self.mapper().map(doc);
        let sections = submission
            .sections
            .iter()
            .zip(&self.pack.sections)
            .map(|(mapped, def)| ExtractedSection {
                id: def.id.clone(),
                found: mapped.found(),
                state: mapped.state,
                heading: mapped.first_heading().map(|b| doc.blocks[b].display_text()),
                location: mapped.first_heading().and_then(|b| crate::map::location_of(doc, b)),
                text: mapped.parts.iter().map(|p| p.text()).collect::<Vec<_>>().join("\n"),
                parts: mapped
                    .parts
                    .iter()
                    .map(|p| ExtractedPart {
                        priority: p.priority,
                        heading: p.heading.map(|b| doc.blocks[b].display_text()),
                        location: p.heading.and_then(|b| crate::map::location_of(doc, b)),
                        text: p.text(),
                    })
                    .collect(),
            })
            .collect();
        SubmissionMap {
            schema_version: SCHEMA_VERSION,
            path: path.to_string(),
            format: doc.format.as_str().to_string(),
            district: self.districts().find(Some(doc), path, None),
            sections,
        }
    }

    fn section_reports(&self, doc: &Document, submission: &Submission, outcome: &Outcome) -> Vec<SectionReport> {
        submission
            .sections
            .iter()
            .zip(&self.pack.sections)
            .map(|(mapped, def)| SectionReport {
                id: def.id.clone(),
                number: def.number,
                guidance_title: def.title.clone(),
                found: mapped.found(),
                state: mapped.state,
                title: heading_text(doc, mapped).unwrap_or_else(|| format!("{}. {}", def.number, def.title)),
                location: mapped.first_heading().map(|b| doc.blocks[b].location.clone()),
                words: mapped.words(),
                excerpt: first_words(mapped),
                priorities: mapped.priorities(),
                prompts: outcome
                    .coverage
                    .iter()
                    .filter(|c| c.section == mapped.index)
                    .map(|c| PromptCoverage {
                        id: c.prompt.clone(),
                        ask: c.ask.clone(),
                        status: c.status,
                        evidence: c.evidence.iter().map(|(e, _)| e.clone()).collect(),
                    })
                    .collect(),
                judgement: if mapped.state == SectionState::Present { def.judgement.clone() } else { Vec::new() },
            })
            .collect()
    }

    fn diagnostics(&self, doc: &Document, source: &SourceMap, mut findings: Vec<Finding>) -> Vec<Diagnostic> {
        findings.sort_by_key(|f| (f.section.map_or(usize::MAX, |s| s), std::cmp::Reverse(f.severity)));
        findings
            .into_iter()
            .map(|f| {
                let location =
                    f.block.and_then(|b| doc.blocks.get(b)).map(|b| b.location.with_excerpt(&b.display_text()));
                let span = f.block.and_then(|b| source.span(b));
                self.diagnostic(location, span, f)
            })
            .collect()
    }

    fn diagnostic(&self, location: Option<Location>, span: Option<(usize, usize)>, f: Finding) -> Diagnostic {
        Diagnostic {
            code: f.code,
            severity: f.severity,
            section: f.section.and_then(|s| self.pack.sections.get(s)).map(|s| s.id.clone()),
            items: f.items,
            priority: f.priority,
            message: f.message,
            help: f.help,
            location,
            span,
        }
    }
}

fn status_of(diagnostics: &[Diagnostic]) -> Status {
    if diagnostics.iter().any(|d| d.severity == Severity::Error) { Status::Fail } else { Status::Pass }
}

fn heading_text(doc: &Document, mapped: &MappedSection) -> Option<String> {
    mapped.first_heading().map(|b| excerpt(&doc.blocks[b].display_text(), 120))
}

fn first_words(mapped: &MappedSection) -> Option<String> {
    if mapped.state != SectionState::Present {
        return None;
    }
    mapped.parts.iter().flat_map(|p| &p.pieces).next().map(|p| excerpt(&p.text, 160))
}

/// Reads a file, refusing it by its size on disk before reading it.
pub fn read_bounded(path: &Path, limits: &Limits) -> Result<Vec<u8>, InputError> {
    let meta = std::fs::metadata(path).map_err(|e| {
        InputError::unreadable(format!("the file cannot be opened: {e}"), "Check the path and permissions.")
    })?;
    if !meta.is_file() {
        // A pipe, socket or device: reading it could block for ever.
        return Err(InputError::unreadable(
            "this is not a regular file (a pipe, socket or device)",
            "Check the path: give the plan file itself.",
        ));
    }
    if meta.len() > limits.max_file_bytes {
        return Err(InputError::unreadable(
            format!("the file is {} MB, over the {} MB limit", meta.len() >> 20, limits.max_file_bytes >> 20),
            "Remove large pictures or embedded files and save it again.",
        ));
    }
    std::fs::read(path).map_err(|e| match e.kind() {
        // Under a worker's address-space limit the file itself may not fit.
        std::io::ErrorKind::OutOfMemory => InputError::unreadable(
            "the file needs more memory than the memory limit per file allows",
            "Remove large pictures or embedded files and save it again.",
        ),
        _ => InputError::unreadable(format!("the file cannot be read: {e}"), "Check the path and permissions."),
    })
}

/// The document's text as one string (a line per block) and where each block sits in it.
struct SourceMap {
    text: SourceText,
    spans: Vec<(usize, usize)>,
}

impl SourceMap {
    fn new(doc: &Document, name: &str) -> Self {
        let mut text = String::new();
        let mut spans = Vec::with_capacity(doc.blocks.len());
        for block in &doc.blocks {
            let line = block.display_text().replace('\n', " ");
            let start = text.len();
            text.push_str(&line);
            spans.push((start, start + line.len()));
            text.push('\n');
        }
        SourceMap { text: SourceText { name: name.to_string(), text }, spans }
    }

    fn span(&self, block: usize) -> Option<(usize, usize)> {
        self.spans.get(block).copied()
    }
}
