//! Submitted reports and their lifecycle.

use std::collections::HashMap;
use std::time::{Duration, Instant};

/// The seven statuses the vendor documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportStatus {
    /// The request was accepted.
    Launched,
    /// The report is being built.
    ReportGenerating,
    /// The report can be downloaded.
    Generated,
    /// A review was requested.
    PendingReview,
    /// The reviewer approved it.
    Attested,
    /// The reviewer rejected it.
    Rejected,
    /// It went to the bank.
    Submitted,
}

impl ReportStatus {
    /// The vendor's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Launched => "Launched",
            Self::ReportGenerating => "Report Generating",
            Self::Generated => "Generated",
            Self::PendingReview => "Pending Review",
            Self::Attested => "Attested",
            Self::Rejected => "Rejected",
            Self::Submitted => "Submitted",
        }
    }

    /// Whether the PDF exists in this status.
    pub fn is_downloadable(self) -> bool {
        !matches!(self, Self::Launched | Self::ReportGenerating)
    }
}

/// What the submitter sent, kept for the PDF.
#[derive(Debug, Clone, Default)]
pub struct Submission {
    /// The report's title, if one was given.
    pub title: Option<String>,
    /// Who submitted it.
    pub your_name: String,
    /// Their title.
    pub your_title: String,
    /// How many special notes were sent.
    pub special_notes: usize,
    /// How many non-compliant assets were sent.
    pub non_compliant_assets: usize,
}

#[derive(Debug)]
struct Report {
    launched: Instant,
    // Set once the report leaves the timed part of its lifecycle.
    settled: Option<ReportStatus>,
    submission: Submission,
}

impl Report {
    fn status(&self, step: Duration) -> ReportStatus {
        if let Some(status) = self.settled {
            return status;
        }
        if step.is_zero() {
            return ReportStatus::Generated;
        }
        match self.launched.elapsed().as_nanos() / step.as_nanos() {
            0 => ReportStatus::Launched,
            1 => ReportStatus::ReportGenerating,
            _ => ReportStatus::Generated,
        }
    }
}

/// Why a transition did not happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransitionError {
    /// No report has that id.
    NotFound,
    /// The report is in another status.
    WrongState(ReportStatus),
}

/// The first id handed out, as in the vendor's sample.
pub const FIRST_REPORT_ID: u64 = 7713;

/// All reports submitted since the start or the last reset.
#[derive(Debug)]
pub struct ReportStore {
    step: Duration,
    next_id: u64,
    reports: HashMap<u64, Report>,
}

impl ReportStore {
    /// An empty store whose reports advance one step per `step`.
    pub fn new(step: Duration) -> Self {
        Self {
            step,
            next_id: FIRST_REPORT_ID,
            reports: HashMap::new(),
        }
    }

    /// Records a submission and returns its new id.
    pub fn submit(&mut self, submission: Submission) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        let report = Report {
            launched: Instant::now(),
            settled: None,
            submission,
        };
        self.reports.insert(id, report);
        id
    }

    /// The current status of a report.
    pub fn status(&self, id: u64) -> Option<ReportStatus> {
        self.reports.get(&id).map(|report| report.status(self.step))
    }

    /// What was submitted for a report.
    pub fn submission(&self, id: u64) -> Option<&Submission> {
        self.reports.get(&id).map(|report| &report.submission)
    }

    /// Moves a report to `to` if it is in one of `from`.
    pub fn transition(
        &mut self,
        id: u64,
        from: &[ReportStatus],
        to: ReportStatus,
    ) -> Result<ReportStatus, TransitionError> {
        let step = self.step;
        let report = self.reports.get_mut(&id).ok_or(TransitionError::NotFound)?;
        let current = report.status(step);
        if !from.contains(&current) {
            return Err(TransitionError::WrongState(current));
        }
        report.settled = Some(to);
        Ok(to)
    }

    /// Forgets every report and restarts the ids.
    pub fn clear(&mut self) {
        self.next_id = FIRST_REPORT_ID;
        self.reports.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zero_step_generates_at_once() {
        let mut store = ReportStore::new(Duration::ZERO);
        let id = store.submit(Submission::default());
        assert_eq!(id, FIRST_REPORT_ID);
        assert_eq!(store.status(id), Some(ReportStatus::Generated));
    }

    #[test]
    fn a_long_step_stays_launched_and_refuses_review() {
        let mut store = ReportStore::new(Duration::from_secs(3600));
        let id = store.submit(Submission::default());
        assert_eq!(store.status(id), Some(ReportStatus::Launched));
        let review = store.transition(id, &[ReportStatus::Generated], ReportStatus::PendingReview);
        assert_eq!(
            review,
            Err(TransitionError::WrongState(ReportStatus::Launched))
        );
    }
}
