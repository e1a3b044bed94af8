// Shared by the targets (included with `#[path]`): limits small enough that
// libFuzzer's memory and time limits catch only real bugs, not big inputs.
#![allow(dead_code)]

use std::sync::OnceLock;
use std::time::Duration;

use ssos_lint::read::Limits;

pub fn limits() -> Limits {
    Limits {
        max_file_bytes: 8 << 20,
        max_part_bytes: 32 << 20,
        max_total_inflated: 64 << 20,
        time_budget: Duration::from_secs(5),
        ..Limits::default()
    }
}

pub fn linter() -> &'static ssos_lint::lint::Linter {
    static LINTER: OnceLock<ssos_lint::lint::Linter> = OnceLock::new();
    LINTER.get_or_init(|| {
        ssos_lint::lint::Linter::new(ssos_lint::pack::builtin(), &ssos_lint::config::Config::default(), limits())
    })
}
