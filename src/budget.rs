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

/// A budget of processor time for the work on one file.
///
/// It counts the CPU time of the thread doing the work (one file is read,
/// mapped and checked on one thread), not the wall clock: a loaded machine
/// or a busy batch does not turn a good plan into an "over budget" error,
/// while a hostile file is stopped after the same work everywhere. Where no
/// thread clock exists, the wall clock stands in.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    started: Duration,
    wall: Instant,
    limit: Option<Duration>,
}

/// What was over budget, for the diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverBudget {
    pub limit: Duration,
}

/// CPU time used by the calling thread so far.
#[cfg(unix)]
fn thread_time(_wall: Instant) -> Duration {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes only into the timespec we pass.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } == 0;
    if !ok {
        return _wall.elapsed();
    }
    Duration::new(ts.tv_sec.max(0) as u64, ts.tv_nsec.clamp(0, 999_999_999) as u32)
}

#[cfg(not(unix))]
fn thread_time(wall: Instant) -> Duration {
    wall.elapsed()
}

impl Budget {
    /// A budget of `limit` starting now, on this thread.
    pub fn start(limit: Duration) -> Self {
        let wall = Instant::now();
        Budget { started: thread_time(wall), wall, limit: Some(limit) }
    }

    /// A budget that never runs out (tests, tools).
    pub fn unlimited() -> Self {
        let wall = Instant::now();
        Budget { started: thread_time(wall), wall, limit: None }
    }

    /// `Err` once the budget is spent. Cheap (one thread-clock read, well
    /// under a microsecond): poll it per block or per outer-loop iteration.
    #[inline]
    pub fn check(&self) -> Result<(), OverBudget> {
        match self.limit {
            Some(limit) if limit.is_zero() || self.used() > limit => Err(OverBudget { limit }),
            _ => Ok(()),
        }
    }

    /// Whether the budget is spent.
    pub fn spent(&self) -> bool {
        self.check().is_err()
    }

    /// Processor time used since the start.
    pub fn used(&self) -> Duration {
        thread_time(self.wall).saturating_sub(self.started)
    }

    /// The whole budget (`None`: unlimited).
    pub fn limit(&self) -> Option<Duration> {
        self.limit
    }

    /// Wall-clock time since the start.
    pub fn elapsed(&self) -> Duration {
        self.wall.elapsed()
    }
}

impl OverBudget {
    /// The file's error: which limit, and what to do.
    pub fn into_error(self, stage: &str) -> InputError {
        InputError::unreadable(
            format!(
                "checking the file took longer than the {} s time budget per file (processor time, while {stage}); it \
                 is far larger or more complex than a plan",
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
        // Burn a little processor time (sleeping uses none).
        let mut x = 0u64;
        while budget.used().is_zero() {
            x = x.wrapping_mul(31).wrapping_add(std::hint::black_box(7));
        }
        std::hint::black_box(x);
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
