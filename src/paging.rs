//! Walking the compliance summary page by page, or all at once with a bounded
//! number of requests in flight.

use crate::client::{Client, Json};
use crate::model::{ComplianceSummaryEntry, ComplianceSummaryPage, ComplianceSummaryQuery};
use crate::{CallOptions, Error};
use futures_util::stream::{self, StreamExt, TryStreamExt};
use std::rc::Rc;

/// The vendor's page size limit, used when the query sets none.
pub const MAX_PAGE: u32 = 1000;

/// The pages of one summary query, in order, fetched one at a time on demand.
#[derive(Debug)]
pub struct SummaryPages {
    client: Client,
    query: ComplianceSummaryQuery,
    call: CallOptions,
    next_offset: Option<u32>,
}

impl SummaryPages {
    /// Pages of `query`, starting at its offset (the first record by default).
    pub fn new(client: Client, query: ComplianceSummaryQuery, call: CallOptions) -> SummaryPages {
        let start = query.offset.unwrap_or(1).max(1);
        SummaryPages { client, query, call, next_offset: Some(start) }
    }

    /// The next page, or `None` after the last. After an error the walk ends.
    pub async fn next_page(&mut self) -> Option<Result<ComplianceSummaryPage, Error>> {
        Some(self.next_json().await?.map(|json| json.value))
    }

    pub(crate) async fn next_json(&mut self) -> Option<Result<Json<ComplianceSummaryPage>, Error>> {
        let offset = self.next_offset.take()?;
        let limit = self.query.limit.unwrap_or(MAX_PAGE);
        let query = ComplianceSummaryQuery { offset: Some(offset), limit: Some(limit), ..self.query.clone() };
        let result = self.client.compliance_summary_json(&query, &self.call).await;
        if let Ok(json) = &result {
            self.next_offset = next_offset(offset, limit, &json.value);
        }
        Some(result)
    }
}

/// Where the page after one starting at `offset` starts, or `None` when it was
/// the last: a short or empty page, or the end of `totalCount`.
fn next_offset(offset: u32, limit: u32, page: &ComplianceSummaryPage) -> Option<u32> {
    let rows = page.compliance_summary_list.len() as u64;
    let end = u64::from(offset) + rows - 1;
    (rows > 0 && rows >= u64::from(limit) && end < page.total_count).then(|| offset.saturating_add(rows as u32))
}

/// Called with rows received so far and the total.
pub type PageProgress = Rc<dyn Fn(u64, u64)>;

/// Options of [`Client::compliance_summary_all`].
#[derive(Clone, Default)]
pub struct AllOptions {
    /// Requests in flight at once; 1 (the default) to 8. The vendor's
    /// standard tier allows 2 concurrent calls per account.
    pub concurrency: Option<u32>,
    /// Called after each page with rows received so far and the total.
    pub on_progress: Option<PageProgress>,
    /// Signal and timeout of each request.
    pub call: CallOptions,
}

impl std::fmt::Debug for AllOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AllOptions").field("concurrency", &self.concurrency).field("call", &self.call).finish()
    }
}

/// Offsets of the pages after the first, for `total` rows in pages of `limit`
/// starting at `first`.
pub(crate) fn remaining_offsets(first: u32, limit: u32, first_rows: u64, total: u64) -> Vec<u32> {
    let mut offsets = Vec::new();
    let mut next = u64::from(first) + first_rows;
    if first_rows < u64::from(limit) {
        return offsets;
    }
    while next <= total && next <= u64::from(u32::MAX) {
        offsets.push(next as u32);
        next += u64::from(limit);
    }
    offsets
}

impl Client {
    /// Every page of `query`, starting at its offset.
    pub fn compliance_summary_pages(&self, query: ComplianceSummaryQuery, call: CallOptions) -> SummaryPages {
        SummaryPages::new(self.clone(), query, call)
    }

    /// Every row of `query`, in order: the first page gives the total, the
    /// rest are fetched with up to `concurrency` requests in flight.
    pub async fn compliance_summary_all(
        &self,
        query: &ComplianceSummaryQuery,
        options: &AllOptions,
    ) -> Result<Vec<ComplianceSummaryEntry>, Error> {
        let pages = self.compliance_summary_all_json(query, options).await?;
        Ok(pages.into_iter().flat_map(|p| p.value.compliance_summary_list).collect())
    }

    pub(crate) async fn compliance_summary_all_json(
        &self,
        query: &ComplianceSummaryQuery,
        options: &AllOptions,
    ) -> Result<Vec<Json<ComplianceSummaryPage>>, Error> {
        let concurrency = options.concurrency.unwrap_or(1);
        if !(1..=8).contains(&concurrency) {
            return Err(Error::invalid("concurrency", format_args!("must be 1 to 8, got {concurrency}")));
        }
        let first_offset = query.offset.unwrap_or(1).max(1);
        let limit = query.limit.unwrap_or(MAX_PAGE);
        let page_query = |offset: u32| ComplianceSummaryQuery { offset: Some(offset), limit: Some(limit), ..query.clone() };

        let first = self.compliance_summary_json(&page_query(first_offset), &options.call).await?;
        let total = first.value.total_count;
        let mut received = first.value.compliance_summary_list.len() as u64;
        let offsets = remaining_offsets(first_offset, limit, received, total);
        let report = |received: u64| {
            if let Some(progress) = &options.on_progress {
                progress(received, total);
            }
        };
        report(received);

        let mut pages = Vec::with_capacity(offsets.len() + 1);
        pages.push(first);
        let mut rest = stream::iter(offsets)
            .map(|offset| {
                let q = page_query(offset);
                async move { self.compliance_summary_json(&q, &options.call).await }
            })
            .buffered(concurrency as usize);
        while let Some(page) = rest.try_next().await? {
            received += page.value.compliance_summary_list.len() as u64;
            report(received);
            pages.push(page);
        }
        Ok(pages)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ComplianceStatus;

    fn page(total: u64, rows: usize) -> ComplianceSummaryPage {
        let entry = ComplianceSummaryEntry { ip: "10.0.0.1".into(), dns: None, compliance_status: ComplianceStatus::Pass };
        ComplianceSummaryPage { total_count: total, fetch_range: String::new(), compliance_summary_list: vec![entry; rows] }
    }

    #[test]
    fn the_walk_stops_at_a_short_page_an_empty_page_or_the_total() {
        assert_eq!(next_offset(1, 10, &page(25, 10)), Some(11));
        assert_eq!(next_offset(21, 10, &page(25, 5)), None, "short last page");
        assert_eq!(next_offset(1, 10, &page(10, 10)), None, "exactly one full page");
        assert_eq!(next_offset(1, 10, &page(0, 0)), None, "no rows");
    }

    #[test]
    fn remaining_offsets_cover_the_total_once() {
        assert_eq!(remaining_offsets(1, 1000, 1000, 4264), vec![1001, 2001, 3001, 4001]);
        assert_eq!(remaining_offsets(1, 10, 10, 10), Vec::<u32>::new());
        assert_eq!(remaining_offsets(1, 10, 7, 7), Vec::<u32>::new());
        assert_eq!(remaining_offsets(5, 10, 10, 30), vec![15, 25]);
    }
}
