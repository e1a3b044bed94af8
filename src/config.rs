//! Config: per-code severities (or `off`) and threshold overrides, from
//! `--config FILE` or an `ssos-lint.toml` in the working folder or a parent.

// Errors carry the config text so miette can point into it; parsing is a cold path.
#![allow(clippy::result_large_err)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use miette::{Diagnostic, NamedSource, SourceSpan};
use serde::Deserialize;

use crate::model::Severity;
use crate::pack::{Pack, Thresholds};

pub const FILE_NAME: &str = "ssos-lint.toml";

/// A severity a config may give a rule, or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Advice,
    Off,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Code → severity or `off`.
    #[serde(default)]
    pub rules: BTreeMap<String, Level>,
    /// Threshold overrides.
    #[serde(default)]
    pub limits: LimitOverrides,
    /// Findings silenced for some files: a glob (matched against the path
    /// as given, the path relative to the config's folder, and the file
    /// name) → the codes silenced there.
    #[serde(default, rename = "per-file-ignores")]
    pub per_file_ignores: BTreeMap<String, Vec<String>>,
    /// Where the config came from, for messages.
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitOverrides {
    pub max_priorities: Option<usize>,
    pub max_benchmarks_per_priority: Option<usize>,
    pub min_response_words: Option<usize>,
}

/// A config that cannot be used, pointing at the place in the file.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("invalid config: {message}")]
#[diagnostic(code(ssos::config::invalid))]
pub struct ConfigError {
    pub message: String,
    #[help]
    pub help: Option<String>,
    #[source_code]
    pub src: NamedSource<String>,
    #[label("here")]
    pub span: Option<SourceSpan>,
}

impl Config {
    /// The severity a rule runs at under this config (`None` = off).
    pub fn severity_of(&self, code: &str, default: Severity) -> Option<Severity> {
        match self.rules.get(code) {
            None => Some(default),
            Some(Level::Off) => None,
            Some(Level::Error) => Some(Severity::Error),
            Some(Level::Warning) => Some(Severity::Warning),
            Some(Level::Advice) => Some(Severity::Advice),
        }
    }

    pub fn thresholds(&self, pack: &Thresholds) -> Thresholds {
        Thresholds {
            max_priorities: self.limits.max_priorities.unwrap_or(pack.max_priorities),
            max_benchmarks_per_priority: self
                .limits
                .max_benchmarks_per_priority
                .unwrap_or(pack.max_benchmarks_per_priority),
            min_response_words: self.limits.min_response_words.unwrap_or(pack.min_response_words),
        }
    }

    /// Parses a config and checks every code against the pack.
    pub fn parse(name: &str, text: &str, pack: &Pack) -> Result<Config, ConfigError> {
        let src = || NamedSource::new(name, text.to_string());
        let mut config: Config = toml::from_str(text).map_err(|e| ConfigError {
            message: e.message().to_string(),
            help: Some("See the README's Configuration section for the keys a config may hold.".into()),
            src: src(),
            span: e.span().map(|s| (s.start, s.len().max(1)).into()),
        })?;
        for (glob, codes) in &config.per_file_ignores {
            if let Err(e) = globset::Glob::new(glob) {
                let offset = text.find(glob.as_str()).unwrap_or(0);
                return Err(ConfigError {
                    message: format!("`{glob}` is not a valid file pattern: {e}"),
                    help: Some("Use a glob such as \"drafts/*.docx\" or \"**/old-*.docx\".".into()),
                    src: src(),
                    span: Some((offset, glob.len().max(1)).into()),
                });
            }
            let _ = codes;
        }
        // A renamed code applies to the rule that has its meaning now.
        let renamed = |code: &String| pack.redirects.get(code).cloned().unwrap_or_else(|| code.clone());
        config.rules = std::mem::take(&mut config.rules).into_iter().map(|(k, v)| (renamed(&k), v)).collect();
        for codes in config.per_file_ignores.values_mut() {
            *codes = codes.iter().map(renamed).collect();
        }
        let ignored = config.per_file_ignores.values().flatten();
        for code in config.rules.keys().chain(ignored) {
            if pack.rule(code).is_none() {
                let nearest = pack
                    .rules
                    .iter()
                    .map(|r| (strsim::jaro_winkler(code, &r.code), &r.code))
                    .max_by(|a, b| a.0.total_cmp(&b.0))
                    .map(|(_, c)| c.clone());
                let offset = text.find(code.as_str()).unwrap_or(0);
                return Err(ConfigError {
                    message: format!("unknown rule code `{code}`"),
                    help: nearest.map(|n| format!("did you mean `{n}`? (`ssos-lint rules` lists every code)")),
                    src: src(),
                    span: Some((offset, code.len()).into()),
                });
            }
        }
        config.path = Some(PathBuf::from(name));
        Ok(config)
    }

    /// `--config FILE`, else `ssos-lint.toml` in `start` or a parent, else the default.
    pub fn discover(
        explicit: Option<&Path>,
        start: &Path,
        pack: &Pack,
    ) -> Result<Config, Box<dyn Diagnostic + Send + Sync>> {
        let path = match explicit {
            Some(p) => Some(p.to_path_buf()),
            None => start.ancestors().map(|d| d.join(FILE_NAME)).find(|p| p.is_file()),
        };
        let Some(path) = path else {
            return Ok(Config::default());
        };
        let text = std::fs::read_to_string(&path).map_err(|e| {
            Box::new(miette::MietteDiagnostic::new(format!("cannot read config {}: {e}", path.display())))
                as Box<dyn Diagnostic + Send + Sync>
        })?;
        Config::parse(&path.display().to_string(), &text, pack).map_err(|e| Box::new(e) as _)
    }
}
