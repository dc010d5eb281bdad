//! Every operation through the Rust API against the emulator, in Node and in
//! headless Chromium.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use qualys_pci::*;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
async fn a_summary_page_has_the_requested_size_and_range() {
    let q = ComplianceSummaryQuery {
        limit: Some(10),
        offset: Some(0),
        ..Default::default()
    };
    let page = client()
        .compliance_summary(&q, &call())
        .await
        .expect("summary");
    assert_eq!(page.compliance_summary_list.len(), 10, "limit 10");
    assert_eq!(page.fetch_range, "1-10", "offset 0 means the first record");
    assert!(
        page.total_count >= 10,
        "the default data set has thousands of assets"
    );
}

#[wasm_bindgen_test]
async fn filters_and_sorting_reach_the_server() {
    let c = client();
    let q = ComplianceSummaryQuery {
        compliance_status: Some(ComplianceStatus::Fail),
        sort_by: Some(SortBy::Ip),
        sort_order: Some(SortOrder::Desc),
        limit: Some(50),
        ..Default::default()
    };
    let page = c.compliance_summary(&q, &call()).await.expect("summary");
    assert!(!page.compliance_summary_list.is_empty(), "some assets fail");
    assert!(
        page.compliance_summary_list
            .iter()
            .all(|e| e.compliance_status == ComplianceStatus::Fail),
        "only Fail rows"
    );

    let one = page.compliance_summary_list[0].clone();
    let q = ComplianceSummaryQuery {
        ip: Some(one.ip.clone()),
        ..Default::default()
    };
    let by_ip = c.compliance_summary(&q, &call()).await.expect("by ip");
    assert_eq!(by_ip.total_count, 1, "one asset per address");
    assert_eq!(by_ip.compliance_summary_list[0], one);
}

#[wasm_bindgen_test]
async fn pages_walk_every_row_of_a_filtered_query() {
    let c = client();
    let q = ComplianceSummaryQuery {
        compliance_status: Some(ComplianceStatus::Fail),
        limit: Some(100),
        ..Default::default()
    };
    let mut pages = c.compliance_summary_pages(q.clone(), call());
    let (mut rows, mut total, mut count) = (0u64, 0, 0);
    while let Some(page) = pages.next_page().await {
        let page = page.expect("page");
        total = page.total_count;
        rows += page.compliance_summary_list.len() as u64;
        count += 1;
    }
    assert_eq!(rows, total, "the pages add up to totalCount");
    assert_eq!(count, total.div_ceil(100), "one request per page of 100");
}

#[wasm_bindgen_test]
async fn all_rows_arrive_in_order_with_concurrency_and_progress() {
    let c = client();
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let progress = {
        let seen = seen.clone();
        std::rc::Rc::new(move |received: u64, total: u64| seen.borrow_mut().push((received, total)))
            as std::rc::Rc<dyn Fn(u64, u64)>
    };
    let q = ComplianceSummaryQuery {
        limit: Some(500),
        ..Default::default()
    };
    let options = AllOptions {
        concurrency: Some(2),
        on_progress: Some(progress),
        call: call(),
    };
    let all = c.compliance_summary_all(&q, &options).await.expect("all");
    let first = c
        .compliance_summary(
            &ComplianceSummaryQuery {
                limit: Some(1000),
                ..Default::default()
            },
            &call(),
        )
        .await
        .expect("page");
    assert_eq!(all.len() as u64, first.total_count, "every asset once");
    assert_eq!(
        &all[..1000],
        &first.compliance_summary_list[..],
        "in the server's order"
    );
    let seen = seen.borrow();
    assert_eq!(
        seen.last().map(|p| p.0),
        Some(first.total_count),
        "progress ends at the total"
    );
    assert!(
        seen.windows(2).all(|w| w[0].0 < w[1].0),
        "progress only grows"
    );
}

#[wasm_bindgen_test]
async fn report_data_lists_notes_and_fail_assets() {
    let data = client()
        .fetch_report_data(&call())
        .await
        .expect("report data");
    assert!(!data.special_notes.is_empty(), "special notes");
    assert!(
        !data.non_compliant_assets.is_empty(),
        "non-compliant assets"
    );
    let fail = ComplianceSummaryQuery {
        ip: Some(data.non_compliant_assets[0].ip.clone()),
        ..Default::default()
    };
    let page = client()
        .compliance_summary(&fail, &call())
        .await
        .expect("summary");
    assert_eq!(
        page.compliance_summary_list[0].compliance_status,
        ComplianceStatus::Fail,
        "a non-compliant asset fails"
    );
}

#[wasm_bindgen_test]
async fn a_report_goes_through_its_whole_lifecycle() {
    let c = client();
    let data = c.fetch_report_data(&call()).await.expect("data");
    let mut s = submission();
    s.special_notes = Some(data.special_notes);
    s.non_compliant_assets = Some(data.non_compliant_assets);
    let submitted = c.submit_report(&s, &call()).await.expect("submit");
    assert_eq!(
        submitted.status,
        "Successfully submitted Report Generation request"
    );

    let statuses = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let on_status = {
        let statuses = statuses.clone();
        std::rc::Rc::new(move |r: &ReportStatusResult| statuses.borrow_mut().push(r.status.clone()))
            as std::rc::Rc<dyn Fn(&ReportStatusResult)>
    };
    let wait = WaitOptions {
        interval_ms: 20,
        on_status: Some(on_status),
        timeout_ms: 30_000,
        ..Default::default()
    };
    let done = c
        .wait_for_report(submitted.id, &wait)
        .await
        .expect("generated");
    assert_eq!(done.status, ReportStatus::Generated);
    assert_eq!(
        statuses.borrow().last(),
        Some(&ReportStatus::Generated),
        "onStatus saw the end"
    );

    let review = c
        .request_review(submitted.id, &call())
        .await
        .expect("review");
    assert_eq!(
        review.status,
        format!(
            "Attestation request successful for reportId {}",
            submitted.id
        )
    );
    assert_eq!(
        c.report_status(submitted.id, &call())
            .await
            .expect("status")
            .status,
        ReportStatus::PendingReview
    );

    report_action(submitted.id, "attest").await;
    let until = WaitOptions {
        until: vec![ReportStatus::Attested],
        interval_ms: 20,
        ..Default::default()
    };
    assert_eq!(
        c.wait_for_report(submitted.id, &until)
            .await
            .expect("attested")
            .status,
        ReportStatus::Attested
    );
    report_action(submitted.id, "submit").await;
    assert_eq!(
        c.report_status(submitted.id, &call())
            .await
            .expect("status")
            .status,
        ReportStatus::Submitted
    );
}

#[wasm_bindgen_test]
async fn waiting_fails_when_the_report_is_rejected() {
    let c = client();
    let id = generated_report(&c).await;
    c.request_review(id, &call()).await.expect("review");
    report_action(id, "reject").await;
    let until = WaitOptions {
        until: vec![ReportStatus::Attested],
        interval_ms: 20,
        ..Default::default()
    };
    let e = c.wait_for_report(id, &until).await.expect_err("rejected");
    assert_eq!(e.kind(), ErrorKind::Conflict, "{e}");
    assert!(e.message().contains("rejected"), "{e}");
}

#[wasm_bindgen_test]
async fn a_downloaded_pdf_is_byte_for_byte_the_emulators() {
    let c = client();
    let id = generated_report(&c).await;
    for (report_type, name) in [
        (ReportType::Executive, "Executive"),
        (ReportType::Technical, "Technical"),
    ] {
        let file = c
            .download_report(id, report_type, &DownloadOptions::default())
            .await
            .expect("download");
        let bytes = blob_bytes(&file).await;
        assert_eq!(bytes, raw_download(id, name).await, "{name} PDF identical");
        assert!(bytes.starts_with(b"%PDF"), "a PDF");
        assert_eq!(file.type_(), "application/pdf");
        assert_eq!(
            file.name(),
            format!("PCI_{name}_Report_{id}.pdf"),
            "name from Content-Disposition"
        );
    }
}

#[wasm_bindgen_test]
async fn a_download_with_progress_reports_every_byte() {
    let c = client();
    let id = generated_report(&c).await;
    let seen = std::rc::Rc::new(std::cell::Cell::new((0u64, None)));
    let progress = {
        let seen = seen.clone();
        std::rc::Rc::new(move |received: u64, total: Option<u64>| seen.set((received, total)))
            as std::rc::Rc<dyn Fn(u64, Option<u64>)>
    };
    let options = DownloadOptions {
        on_progress: Some(progress),
        ..Default::default()
    };
    let file = c
        .download_report(id, ReportType::Technical, &options)
        .await
        .expect("download");
    let bytes = blob_bytes(&file).await;
    assert_eq!(
        bytes,
        raw_download(id, "Technical").await,
        "identical with progress too"
    );
    assert_eq!(
        seen.get().0,
        bytes.len() as u64,
        "progress reached the size"
    );
}

async fn blob_bytes(blob: &web_sys::Blob) -> Vec<u8> {
    let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
        .await
        .expect("arrayBuffer");
    js_sys::Uint8Array::new(&buffer).to_vec()
}
