//! `GET /pci/reporting/download`.

use lopdf::Document;

use crate::common::{error_message, start, Emu};

async fn download(emu: &Emu, id: u64, kind: &str) -> reqwest::Response {
    emu.get(&format!(
        "/pci/reporting/download?reportId={id}&reportType={kind}"
    ))
    .send()
    .await
    .unwrap()
}

fn page_text(bytes: &[u8]) -> String {
    let document = Document::load_mem(bytes).expect("the body should parse as a pdf");
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    assert!(!pages.is_empty(), "the pdf should have a page");
    document
        .extract_text(&pages)
        .expect("the page text should extract")
}

#[tokio::test]
async fn both_report_types_are_real_pdfs_naming_the_id_and_type() {
    let emu = start(&[]).await;
    let id = emu.submit().await;
    let mut texts = Vec::new();
    for kind in ["Executive", "Technical"] {
        let response = download(&emu, id, kind).await;
        assert_eq!(response.status(), 200, "a generated report downloads");
        let headers = response.headers().clone();
        assert_eq!(
            headers["content-type"], "application/pdf",
            "served as a pdf"
        );
        assert_eq!(
            headers["content-disposition"],
            format!("attachment; filename=\"PCI_{kind}_Report_{id}.pdf\""),
            "the file name tells the type and id"
        );
        let bytes = response.bytes().await.unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "a pdf header");
        let text = page_text(&bytes);
        assert!(
            text.contains(&id.to_string()),
            "the {kind} pdf shows the id: {text}"
        );
        assert!(text.contains(kind), "the {kind} pdf shows its type: {text}");
        assert!(
            text.contains("Pat Smith"),
            "the pdf shows the submitter: {text}"
        );
        texts.push(text);
    }
    assert!(
        texts[0].contains("Assets scanned: 4264"),
        "the executive pdf shows the figures"
    );
    assert!(
        texts[1].contains("non-compliant assets"),
        "the technical pdf lists findings"
    );
    assert_ne!(texts[0], texts[1], "Executive and Technical differ");
}

#[tokio::test]
async fn the_size_option_pads_a_pdf_that_still_parses() {
    let emu = start(&["--report-size-bytes", "3000000"]).await;
    let id = emu.submit().await;
    let response = download(&emu, id, "Technical").await;
    assert_eq!(
        response.content_length(),
        Some(3_000_000),
        "content-length is the padded size"
    );
    let bytes = response.bytes().await.unwrap();
    assert_eq!(
        bytes.len(),
        3_000_000,
        "the body is exactly the size asked for"
    );
    assert!(
        page_text(&bytes).contains("Technical"),
        "the padded pdf still parses"
    );
    let again = download(&emu, id, "Technical").await.bytes().await.unwrap();
    assert_eq!(again, bytes, "the same report downloads identically");
}

#[tokio::test]
async fn a_report_still_generating_answers_409() {
    let emu = start(&["--report-step-ms", "60000"]).await;
    let id = emu.submit().await;
    let message = error_message(download(&emu, id, "Executive").await, 409).await;
    assert!(
        message.contains("Launched"),
        "the message names the status: {message}"
    );
}

#[tokio::test]
async fn a_report_type_other_than_executive_or_technical_answers_400() {
    let emu = start(&[]).await;
    let id = emu.submit().await;
    for kind in ["Summary", "executive", ""] {
        let message = error_message(download(&emu, id, kind).await, 400).await;
        assert!(
            message.contains("reportType"),
            "the message for {kind:?} names reportType: {message}"
        );
    }
}

#[tokio::test]
async fn missing_malformed_and_unknown_ids_are_refused() {
    let emu = start(&[]).await;
    let missing = emu
        .get("/pci/reporting/download?reportType=Executive")
        .send()
        .await
        .unwrap();
    assert!(
        error_message(missing, 400).await.contains("reportId"),
        "a missing id is named"
    );
    let malformed = download(&emu, 0, "Executive").await;
    assert!(
        error_message(malformed, 400).await.contains("reportId"),
        "id 0 is refused"
    );
    let unknown = download(&emu, 8000, "Executive").await;
    error_message(unknown, 404).await;
    let extra = emu
        .get("/pci/reporting/download?reportId=7713&reportType=Executive&format=zip")
        .send()
        .await
        .unwrap();
    assert!(
        error_message(extra, 400).await.contains("format"),
        "an unknown parameter is named"
    );
}
