//! Polling a report's status until it reaches the one the caller waits for.

use crate::model::{ReportId, ReportStatus, ReportStatusResult};
use crate::transport::sleep;
use crate::{CallOptions, Client, Error, ErrorKind};
use std::rc::Rc;

/// Called with each new status a wait sees.
pub type StatusListener = Rc<dyn Fn(&ReportStatusResult)>;

/// Options of [`Client::wait_for_report`].
#[derive(Clone)]
pub struct WaitOptions {
    /// Statuses that end the wait; `[Generated]` by default.
    pub until: Vec<ReportStatus>,
    /// First pause between polls, in ms (default 2000); it grows by half
    /// each poll up to [`WaitOptions::max_interval_ms`].
    pub interval_ms: u32,
    /// Longest pause between polls, in ms (default 30000).
    pub max_interval_ms: u32,
    /// Give up after this long, in ms (default 600000, ten minutes).
    pub timeout_ms: u64,
    /// Called with every status seen that differs from the previous one.
    pub on_status: Option<StatusListener>,
    /// Signal and per-request timeout of each poll.
    pub call: CallOptions,
}

impl Default for WaitOptions {
    fn default() -> Self {
        WaitOptions {
            until: vec![ReportStatus::Generated],
            interval_ms: 2000,
            max_interval_ms: 30_000,
            timeout_ms: 600_000,
            on_status: None,
            call: CallOptions::default(),
        }
    }
}

impl std::fmt::Debug for WaitOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WaitOptions")
            .field("until", &self.until)
            .field("interval_ms", &self.interval_ms)
            .field("timeout_ms", &self.timeout_ms)
            .finish()
    }
}

/// A status's place in the lifecycle; Attested and Rejected share a rank.
fn rank(status: &ReportStatus) -> Option<u8> {
    Some(match status {
        ReportStatus::Launched => 0,
        ReportStatus::ReportGenerating => 1,
        ReportStatus::Generated => 2,
        ReportStatus::PendingReview => 3,
        ReportStatus::Attested | ReportStatus::Rejected => 4,
        ReportStatus::Submitted => 5,
        ReportStatus::Other(_) => return None,
    })
}

/// Whether the wait is over: the status is awaited, or the report has moved
/// past every awaited status (a slow poller must not wait forever for a
/// state it missed). `Err` for a rejected report that was not awaited.
pub(crate) fn settled(
    status: &ReportStatus,
    until: &[ReportStatus],
    id: ReportId,
) -> Result<bool, Error> {
    if until.contains(status) {
        return Ok(true);
    }
    if *status == ReportStatus::Rejected {
        return Err(Error::new(
            ErrorKind::Conflict,
            format!("report {id} was rejected by the admin user; fix the justifications and submit a new report"),
        ));
    }
    let furthest = until.iter().filter_map(rank).max();
    Ok(matches!((rank(status), furthest), (Some(now), Some(goal)) if now > goal))
}

/// The pause after `polls` polls: grows by half each time, capped.
pub(crate) fn interval_after(polls: u32, first_ms: u32, max_ms: u32) -> u32 {
    let mut ms = f64::from(first_ms.max(1));
    for _ in 1..polls.min(64) {
        ms *= 1.5;
    }
    (ms as u32).min(max_ms.max(first_ms))
}

impl Client {
    /// Polls the report's status until it is one of `options.until`; fails on
    /// `Rejected`, on timeout, or when the signal fires.
    pub async fn wait_for_report(
        &self,
        report_id: ReportId,
        options: &WaitOptions,
    ) -> Result<ReportStatusResult, Error> {
        if options.until.is_empty() {
            return Err(Error::invalid("until", "must name at least one status"));
        }
        let started = js_sys::Date::now();
        let mut last: Option<ReportStatus> = None;
        let mut polls = 0;
        loop {
            polls += 1;
            let result = self.report_status(report_id, &options.call).await?;
            if last.as_ref() != Some(&result.status) {
                last = Some(result.status.clone());
                if let Some(on_status) = &options.on_status {
                    on_status(&result);
                }
            }
            if settled(&result.status, &options.until, report_id)? {
                return Ok(result);
            }
            let elapsed = (js_sys::Date::now() - started).max(0.0) as u64;
            let pause = u64::from(interval_after(
                polls,
                options.interval_ms,
                options.max_interval_ms,
            ));
            if elapsed + pause > options.timeout_ms {
                return Err(Error::new(
                    ErrorKind::Timeout,
                    format!(
                        "report {report_id} is still \"{}\" after {elapsed} ms; raise timeoutMs or check it later",
                        result.status
                    ),
                ));
            }
            sleep(pause, options.call.signal.as_ref()).await?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id() -> ReportId {
        ReportId::new(1).expect("valid")
    }

    #[test]
    fn the_wait_ends_on_an_awaited_or_later_status() {
        let until = [ReportStatus::Generated];
        assert_eq!(
            settled(&ReportStatus::ReportGenerating, &until, id()).ok(),
            Some(false)
        );
        assert_eq!(
            settled(&ReportStatus::Generated, &until, id()).ok(),
            Some(true)
        );
        assert_eq!(
            settled(&ReportStatus::PendingReview, &until, id()).ok(),
            Some(true),
            "moved past it"
        );
        assert_eq!(
            settled(&ReportStatus::Other("Archived".into()), &until, id()).ok(),
            Some(false)
        );
    }

    #[test]
    fn rejected_fails_unless_awaited() {
        let e = settled(&ReportStatus::Rejected, &[ReportStatus::Attested], id())
            .expect_err("rejected");
        assert_eq!(e.kind(), ErrorKind::Conflict);
        assert_eq!(
            settled(&ReportStatus::Rejected, &[ReportStatus::Rejected], id()).ok(),
            Some(true)
        );
    }

    #[test]
    fn the_interval_grows_by_half_up_to_the_cap() {
        assert_eq!(interval_after(1, 1000, 30_000), 1000);
        assert_eq!(interval_after(2, 1000, 30_000), 1500);
        assert_eq!(interval_after(3, 1000, 30_000), 2250);
        assert_eq!(interval_after(100, 1000, 30_000), 30_000);
        assert_eq!(interval_after(u32::MAX, 1000, 30_000), 30_000);
    }
}
