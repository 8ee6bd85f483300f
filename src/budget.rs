//! A time budget for one analysis that works natively and in WebAssembly.
//!
//! `std::time::Instant` panics on `wasm32-unknown-unknown`, so the core never reads a clock of
//! its own there: the caller hands one in (`Date.now` in the browser, `Instant` natively, a fake
//! one in tests). Long loops count units of work with [`spend`]; every [`STRIDE`] units the clock
//! is read, so the check costs nothing measurable.
//!
//! The budget is ambient (one per thread, for the duration of one [`run`]) rather than an
//! argument threaded through every stage: any loop of any stage can check it with one line and
//! no change of signature. When it runs out, [`spend`] returns `true` from then on, the loop
//! breaks with a partial result, and the orchestrator, which checks [`out_of_time`] after each
//! stage, throws everything away and returns the error. Nothing partial reaches the person.

use std::cell::RefCell;

use crate::error::{Error, ErrorKind};

/// Milliseconds since any fixed origin; only differences are used.
pub(crate) type Clock = Box<dyn Fn() -> f64>;

/// Units of work between two readings of the clock. One unit is about one comparison of two
/// sentences or one line of text: well under a microsecond each natively, so the clock is read
/// every millisecond or so and an analysis overruns its budget by little.
pub(crate) const STRIDE: u32 = 1024;

struct State {
    clock: Clock,
    start: f64,
    limit_ms: u32,
    units: u32,
    spent: bool,
}

thread_local! {
    static CURRENT: RefCell<Option<State>> = const { RefCell::new(None) };
}

/// Runs `f` under a budget of `limit_ms` milliseconds measured by `clock` (`0` or no clock: no
/// limit), then clears it, even if `f` panics. Fails with the budget's error when `f` succeeded
/// but the budget ran out meanwhile, since its result may then be partial.
pub(crate) fn run<T>(clock: Option<Clock>, limit_ms: u32, f: impl FnOnce() -> Result<T, Error>) -> Result<T, Error> {
    struct Reset(Option<State>);
    impl Drop for Reset {
        fn drop(&mut self) {
            let outer = self.0.take();
            CURRENT.with(|c| *c.borrow_mut() = outer);
        }
    }
    let state = clock.filter(|_| limit_ms > 0).map(|clock| {
        let start = clock();
        State { clock, start, limit_ms, units: 0, spent: false }
    });
    // Saves an enclosing budget (none in practice) and restores it afterwards.
    let _reset = Reset(CURRENT.with(|c| c.replace(state)));
    let result = f()?;
    out_of_time()?;
    Ok(result)
}

/// Counts `units` of work; reads the clock when a stride is complete. Returns `true` when the
/// budget is spent: the caller should stop its loop.
pub(crate) fn spend(units: usize) -> bool {
    CURRENT.with(|c| {
        let mut c = c.borrow_mut();
        let Some(s) = c.as_mut() else { return false };
        if s.spent {
            return true;
        }
        s.units = s.units.saturating_add(u32::try_from(units).unwrap_or(u32::MAX));
        if s.units >= STRIDE {
            s.units = 0;
            let elapsed = (s.clock)() - s.start;
            // A clock that is not finite (a broken `Date.now` shim) must not stop every analysis.
            s.spent = elapsed.is_finite() && elapsed > f64::from(s.limit_ms);
        }
        s.spent
    })
}

/// Reads the clock now and fails when the budget is spent.
pub(crate) fn out_of_time() -> Result<(), Error> {
    if spend(STRIDE as usize) {
        let limit_ms = CURRENT.with(|c| c.borrow().as_ref().map_or(0, |s| s.limit_ms));
        return Err(Error::new(ErrorKind::OutOfTime { limit_ms }));
    }
    Ok(())
}

/// The clock `analyze` uses when the caller gives none: a monotonic clock natively; none in
/// WebAssembly, where reading one would panic (the browser skin passes `Date.now` instead).
pub(crate) fn default_clock() -> Option<Clock> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let origin = std::time::Instant::now();
        Some(Box::new(move || origin.elapsed().as_secs_f64() * 1000.0))
    }
    #[cfg(target_arch = "wasm32")]
    {
        None
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::rc::Rc;

    use super::*;

    /// A clock that reads `t` and counts its readings.
    fn fake(t: &Rc<Cell<f64>>, reads: &Rc<Cell<u32>>) -> Option<Clock> {
        let (t, reads) = (Rc::clone(t), Rc::clone(reads));
        Some(Box::new(move || {
            reads.set(reads.get() + 1);
            t.get()
        }))
    }

    #[test]
    fn a_budget_runs_out_only_after_its_limit() {
        let (t, reads) = (Rc::new(Cell::new(0.0)), Rc::new(Cell::new(0)));
        let r = run(fake(&t, &reads), 100, || {
            t.set(100.0);
            assert!(out_of_time().is_ok());
            t.set(100.5);
            Ok(())
        });
        let err = r.unwrap_err().to_string();
        assert!(err.contains("0.1 s"), "{err}");
    }

    #[test]
    fn spending_reads_the_clock_once_per_stride_and_stays_spent() {
        let (t, reads) = (Rc::new(Cell::new(0.0)), Rc::new(Cell::new(0)));
        let r = run(fake(&t, &reads), 1, || {
            for _ in 0..STRIDE * 3 {
                assert!(!spend(1));
            }
            // One read at the start, then one per stride.
            assert_eq!(reads.get(), 4);
            t.set(2.0);
            let stopped_at = (0..STRIDE * 2).position(|_| spend(1));
            assert_eq!(stopped_at, Some(STRIDE as usize - 1));
            assert!(spend(0), "a spent budget stays spent");
            Ok(())
        });
        assert!(r.is_err());
        // The budget is gone after the run.
        assert!(!spend(STRIDE as usize * 10));
    }

    #[test]
    fn no_limit_or_no_clock_never_runs_out() {
        let (t, reads) = (Rc::new(Cell::new(f64::MAX)), Rc::new(Cell::new(0)));
        assert!(run(fake(&t, &reads), 0, || Ok(spend(usize::MAX))) == Ok(false));
        assert_eq!(reads.get(), 0);
        assert!(run(None, 1, || Ok(spend(usize::MAX))) == Ok(false));
    }

    #[test]
    fn a_panic_inside_clears_the_budget() {
        let (t, reads) = (Rc::new(Cell::new(0.0)), Rc::new(Cell::new(0)));
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _ = run(fake(&t, &reads), 1, || -> Result<(), Error> { panic!("inside") });
        }));
        assert!(caught.is_err());
        t.set(10.0);
        assert!(!spend(STRIDE as usize));
    }
}
