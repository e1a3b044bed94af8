//! The per-file budget: one deadline for read, map and check of one file.
//!
//! A [`Budget`] is made when a file's check starts ([`Budget::start`]) and
//! is handed down by reference. Long loops poll it with [`Budget::check`],
//! which costs one clock read (tens of nanoseconds): call it once per block,
//! per table row or per outer-loop iteration, never per byte. A spent budget
//! is an [`OverBudget`] value that converts into the file's
//! `ssos::input::unreadable` error naming the limit, so the run goes on.
//!
//! In-process, a stage that does not poll cannot be interrupted; the worker
//! process of [`crate::isolate`] is the backstop: it is killed once the
//! budget (plus a grace period) has passed.

use std::time::{Duration, Instant};

use crate::read::InputError;

/// A deadline for the work on one file.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    started: Instant,
    deadline: Option<Instant>,
    limit: Duration,
}

/// What was over budget, for the diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverBudget {
    pub limit: Duration,
}

impl Budget {
    /// A budget of `limit` starting now.
    pub fn start(limit: Duration) -> Self {
        let started = Instant::now();
        Budget { started, deadline: started.checked_add(limit), limit }
    }

    /// A budget that never runs out (tests, tools).
    pub fn unlimited() -> Self {
        Budget { started: Instant::now(), deadline: None, limit: Duration::MAX }
    }

    /// `Err` once the deadline has passed. Cheap: one monotonic clock read.
    #[inline]
    pub fn check(&self) -> Result<(), OverBudget> {
        match self.deadline {
            Some(deadline) if Instant::now() > deadline => Err(OverBudget { limit: self.limit }),
            _ => Ok(()),
        }
    }

    /// Whether the deadline has passed.
    pub fn spent(&self) -> bool {
        self.check().is_err()
    }

    /// The deadline, when there is one.
    pub fn deadline(&self) -> Option<Instant> {
        self.deadline
    }

    /// The whole budget.
    pub fn limit(&self) -> Duration {
        self.limit
    }

    /// Time used so far.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }
}

impl OverBudget {
    /// The file's error: which limit, and what to do.
    pub fn into_error(self, stage: &str) -> InputError {
        InputError::unreadable(
            format!(
                "checking the file took longer than the {} s time budget per file (while {stage}); it is far larger or \
                 more complex than a plan",
                seconds(self.limit)
            ),
            "Save the plan again from Word or Excel and send only the plan; split off appendices and data sheets.",
        )
    }
}

impl From<OverBudget> for InputError {
    fn from(over: OverBudget) -> Self {
        over.into_error("reading it")
    }
}

/// A duration in whole seconds, or with one decimal below ten seconds.
pub(crate) fn seconds(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 10.0 || s.fract() == 0.0 { format!("{}", s.round() as u64) } else { format!("{s:.1}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zero_budget_is_spent_and_names_the_limit() {
        let budget = Budget::start(Duration::ZERO);
        std::thread::sleep(Duration::from_millis(2));
        let over = budget.check().unwrap_err();
        let err = over.into_error("mapping sections");
        assert_eq!(err.code(), "ssos::input::unreadable");
        assert!(err.reason.contains("0 s time budget"), "{}", err.reason);
        assert!(err.reason.contains("mapping sections"));
    }

    #[test]
    fn a_long_budget_is_not_spent() {
        let budget = Budget::start(Duration::from_secs(3600));
        assert!(budget.check().is_ok());
        assert!(!budget.spent());
        assert!(Budget::unlimited().check().is_ok());
        assert_eq!(seconds(Duration::from_millis(2500)), "2.5");
        assert_eq!(seconds(Duration::from_secs(20)), "20");
    }
}
