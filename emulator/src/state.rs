//! The state shared by every request.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use bytes::Bytes;

use crate::config::Config;
use crate::data::DataSet;
use crate::gate::faults::FaultQueue;
use crate::gate::journal::Journal;
use crate::gate::limits::Limiter;
use crate::pdf::ReportType;
use crate::reports::ReportStore;

/// Shared state behind every handler; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

/// The parts of the state; each mutable part has its own lock.
pub struct Inner {
    pub config: Config,
    pub local_addr: SocketAddr,
    pub data: DataSet,
    pub reports: Mutex<ReportStore>,
    pub faults: Mutex<FaultQueue>,
    pub journal: Mutex<Journal>,
    pub limiter: Mutex<Limiter>,
    pub pdfs: Mutex<HashMap<(u64, ReportType), Bytes>>,
}

impl AppState {
    /// Generates the data set and starts with no reports, faults or counters.
    pub fn new(config: Config, local_addr: SocketAddr) -> Self {
        let data = DataSet::generate(&config);
        let reports = ReportStore::new(config.report_step());
        let limiter = Limiter::new(config.rate_limit, config.concurrency_limit);
        Self {
            inner: Arc::new(Inner {
                local_addr,
                data,
                reports: Mutex::new(reports),
                faults: Mutex::new(FaultQueue::default()),
                journal: Mutex::new(Journal::default()),
                limiter: Mutex::new(limiter),
                pdfs: Mutex::new(HashMap::new()),
                config,
            }),
        }
    }

    /// Forgets reports, faults, counters and rate windows; the data set stays.
    pub fn reset(&self) {
        lock(&self.reports).clear();
        lock(&self.faults).clear();
        lock(&self.journal).clear();
        lock(&self.limiter).clear();
        lock(&self.pdfs).clear();
    }
}

impl std::ops::Deref for AppState {
    type Target = Inner;

    fn deref(&self) -> &Inner {
        &self.inner
    }
}

/// Locks a mutex; a panic elsewhere cannot leave these structures half-updated
/// in a way that matters to an emulator, so a poisoned lock is simply taken.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
