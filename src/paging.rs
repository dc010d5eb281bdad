//! Walking the compliance summary page by page, or all at once with a bounded
//! number of requests in flight.

use crate::client::Client;
use crate::model::{ComplianceSummaryEntry, ComplianceSummaryPage, ComplianceSummaryQuery};
use crate::{CallOptions, Error};
use futures_util::stream::{self, StreamExt, TryStreamExt};
use std::future::Future;
use std::rc::Rc;

/// The vendor's page size limit, used when the query sets none.
pub const MAX_PAGE: u32 = 1000;

/// How one page is fetched and decoded: into Rust values for the Rust API,
/// or as the checked JS object for the JS layer. The walk is the same.
pub(crate) trait PageDecoder {
    type Page;
    fn fetch(
        &self,
        client: &Client,
        query: &ComplianceSummaryQuery,
        call: &CallOptions,
    ) -> impl Future<Output = Result<Self::Page, Error>>;
    /// Rows on this page and `totalCount`.
    fn counts(page: &Self::Page) -> (u64, u64);
}

/// Pages as [`ComplianceSummaryPage`] values.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RustPages;

impl PageDecoder for RustPages {
    type Page = ComplianceSummaryPage;
    async fn fetch(
        &self,
        client: &Client,
        query: &ComplianceSummaryQuery,
        call: &CallOptions,
    ) -> Result<Self::Page, Error> {
        client.compliance_summary(query, call).await
    }
    fn counts(page: &Self::Page) -> (u64, u64) {
        (page.compliance_summary_list.len() as u64, page.total_count)
    }
}

/// A walk over the pages of one query, fetched one at a time on demand.
#[derive(Debug)]
pub(crate) struct Pager<D> {
    decoder: D,
    client: Client,
    query: ComplianceSummaryQuery,
    call: CallOptions,
    next_offset: Option<u32>,
}

impl<D: PageDecoder> Pager<D> {
    pub fn new(
        decoder: D,
        client: Client,
        query: ComplianceSummaryQuery,
        call: CallOptions,
    ) -> Pager<D> {
        let start = query.offset.unwrap_or(1).max(1);
        Pager {
            decoder,
            client,
            query,
            call,
            next_offset: Some(start),
        }
    }

    /// The next page, or `None` after the last. After an error the walk ends.
    pub async fn next(&mut self) -> Option<Result<D::Page, Error>> {
        let offset = self.next_offset.take()?;
        let limit = self.query.limit.unwrap_or(MAX_PAGE);
        let query = ComplianceSummaryQuery {
            offset: Some(offset),
            limit: Some(limit),
            ..self.query.clone()
        };
        let result = self.decoder.fetch(&self.client, &query, &self.call).await;
        if let Ok(page) = &result {
            let (rows, total) = D::counts(page);
            self.next_offset = next_offset(offset, limit, rows, total);
        }
        Some(result)
    }
}

/// The pages of one summary query, in order, fetched one at a time on demand.
#[derive(Debug)]
pub struct SummaryPages {
    pager: Pager<RustPages>,
}

impl SummaryPages {
    /// The next page, or `None` after the last. After an error the walk ends.
    pub async fn next_page(&mut self) -> Option<Result<ComplianceSummaryPage, Error>> {
        self.pager.next().await
    }
}

/// Where the page after one starting at `offset` starts, or `None` when it was
/// the last: a short or empty page, or the end of `totalCount`.
fn next_offset(offset: u32, limit: u32, rows: u64, total: u64) -> Option<u32> {
    let end = u64::from(offset) + rows.saturating_sub(1);
    (rows > 0 && rows >= u64::from(limit) && end < total)
        .then(|| offset.saturating_add(rows as u32))
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
        f.debug_struct("AllOptions")
            .field("concurrency", &self.concurrency)
            .field("call", &self.call)
            .finish()
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

/// Every page of `query`, in order: the first gives the total, the rest are
/// fetched with up to `concurrency` requests in flight and decoded as they
/// arrive.
pub(crate) async fn all_pages<D: PageDecoder>(
    client: &Client,
    decoder: &D,
    query: &ComplianceSummaryQuery,
    options: &AllOptions,
) -> Result<Vec<D::Page>, Error> {
    let concurrency = options.concurrency.unwrap_or(1);
    if !(1..=8).contains(&concurrency) {
        return Err(Error::invalid(
            "concurrency",
            format_args!("must be 1 to 8, got {concurrency}"),
        ));
    }
    crate::validate::check_summary_query(query)?;
    let first_offset = query.offset.unwrap_or(1).max(1);
    let limit = query.limit.unwrap_or(MAX_PAGE);
    let page_query = |offset: u32| ComplianceSummaryQuery {
        offset: Some(offset),
        limit: Some(limit),
        ..query.clone()
    };

    let first = decoder
        .fetch(client, &page_query(first_offset), &options.call)
        .await?;
    let (mut received, total) = D::counts(&first);
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
            async move { decoder.fetch(client, &q, &options.call).await }
        })
        .buffered(concurrency as usize);
    while let Some(page) = rest.try_next().await? {
        received += D::counts(&page).0;
        report(received);
        pages.push(page);
    }
    Ok(pages)
}

impl Client {
    /// Every page of `query`, starting at its offset.
    pub fn compliance_summary_pages(
        &self,
        query: ComplianceSummaryQuery,
        call: CallOptions,
    ) -> SummaryPages {
        SummaryPages {
            pager: Pager::new(RustPages, self.clone(), query, call),
        }
    }

    /// Every row of `query`, in order: the first page gives the total, the
    /// rest are fetched with up to `concurrency` requests in flight.
    pub async fn compliance_summary_all(
        &self,
        query: &ComplianceSummaryQuery,
        options: &AllOptions,
    ) -> Result<Vec<ComplianceSummaryEntry>, Error> {
        let pages = all_pages(self, &RustPages, query, options).await?;
        Ok(pages
            .into_iter()
            .flat_map(|p| p.compliance_summary_list)
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_walk_stops_at_a_short_page_an_empty_page_or_the_total() {
        assert_eq!(next_offset(1, 10, 10, 25), Some(11));
        assert_eq!(next_offset(21, 10, 5, 25), None, "short last page");
        assert_eq!(next_offset(1, 10, 10, 10), None, "exactly one full page");
        assert_eq!(next_offset(1, 10, 0, 0), None, "no rows");
    }

    #[test]
    fn remaining_offsets_cover_the_total_once() {
        assert_eq!(
            remaining_offsets(1, 1000, 1000, 4264),
            vec![1001, 2001, 3001, 4001]
        );
        assert_eq!(remaining_offsets(1, 10, 10, 10), Vec::<u32>::new());
        assert_eq!(remaining_offsets(1, 10, 7, 7), Vec::<u32>::new());
        assert_eq!(remaining_offsets(5, 10, 10, 30), vec![15, 25]);
    }
}
