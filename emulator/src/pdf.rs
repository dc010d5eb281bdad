//! The Executive and Technical report PDFs.

use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream};

use crate::data::DataSet;
use crate::reports::Submission;

/// The two report kinds the download endpoint serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportType {
    /// The summary for management.
    Executive,
    /// The per-asset findings.
    Technical,
}

impl ReportType {
    /// Parses the vendor's spelling, which is exact.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "Executive" => Some(Self::Executive),
            "Technical" => Some(Self::Technical),
            _ => None,
        }
    }

    /// The vendor's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Executive => "Executive",
            Self::Technical => "Technical",
        }
    }
}

// Rows of the Technical report's table that fit on its one page.
const TECHNICAL_ROWS: usize = 30;

/// Renders a report, padded to at least `pad_to` bytes when given.
pub fn render(
    id: u64,
    kind: ReportType,
    submission: &Submission,
    data: &DataSet,
    pad_to: Option<usize>,
) -> Result<Vec<u8>, lopdf::Error> {
    let lines = match kind {
        ReportType::Executive => executive_lines(id, submission, data),
        ReportType::Technical => technical_lines(id, submission, data),
    };
    let title = format!("PCI {} Report {id}", kind.as_str());

    let unpadded = build(&title, &lines, None)?;
    let Some(target) = pad_to.filter(|&target| target > unpadded.len()) else {
        return Ok(unpadded);
    };

    // The padding stream's own dictionary and xref entry add bytes whose count
    // depends on the digits of its length, so measure and correct twice.
    let mut padding = target.saturating_sub(unpadded.len() + 64);
    let mut bytes = build(&title, &lines, Some(padding))?;
    for _ in 0..3 {
        if bytes.len() == target {
            break;
        }
        padding = (padding + target).saturating_sub(bytes.len());
        bytes = build(&title, &lines, Some(padding))?;
    }
    Ok(bytes)
}

fn executive_lines(id: u64, submission: &Submission, data: &DataSet) -> Vec<String> {
    let total = data.assets.len();
    let failing = data.fail_count();
    let overall = if failing == 0 { "Pass" } else { "Fail" };
    let mut lines = header_lines(id, "Executive", submission);
    lines.extend([
        String::new(),
        "Compliance summary".to_owned(),
        format!("Assets scanned: {total}"),
        format!("Passing assets: {}", total - failing),
        format!("Failing assets: {failing}"),
        format!("Overall PCI status: {overall}"),
        String::new(),
        format!("Special notes submitted: {}", submission.special_notes),
        format!(
            "Non-compliant assets submitted: {}",
            submission.non_compliant_assets
        ),
    ]);
    lines
}

fn technical_lines(id: u64, submission: &Submission, data: &DataSet) -> Vec<String> {
    let mut lines = header_lines(id, "Technical", submission);
    lines.extend([
        String::new(),
        format!(
            "Vulnerability detail for {} non-compliant assets",
            data.non_compliant_assets.len()
        ),
        "IP address / high / medium / low".to_owned(),
    ]);
    lines.extend(
        data.non_compliant_assets
            .iter()
            .take(TECHNICAL_ROWS)
            .map(|asset| {
                format!(
                    "{}  {} / {} / {}",
                    asset.ip, asset.vuln_high, asset.vuln_med, asset.vuln_low
                )
            }),
    );
    lines
}

fn header_lines(id: u64, kind: &str, submission: &Submission) -> Vec<String> {
    vec![
        format!("Report ID: {id}"),
        format!("Report type: {kind}"),
        format!(
            "Submission: {}",
            submission.title.as_deref().unwrap_or("(untitled)")
        ),
        format!(
            "Submitted by: {} ({})",
            submission.your_name, submission.your_title
        ),
    ]
}

fn build(title: &str, lines: &[String], padding: Option<usize>) -> Result<Vec<u8>, lopdf::Error> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let regular = doc.add_object(font("Helvetica"));
    let bold = doc.add_object(font("Helvetica-Bold"));
    let resources_id = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => regular, "F2" => bold },
    });

    let mut operations = vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F2".into(), 18.into()]),
        Operation::new("TL", vec![18.into()]),
        Operation::new("Td", vec![56.into(), 736.into()]),
        Operation::new("Tj", vec![Object::string_literal(printable(title))]),
        Operation::new("T*", vec![]),
        Operation::new("Tf", vec!["F1".into(), 11.into()]),
        Operation::new("TL", vec![15.into()]),
    ];
    for line in lines {
        operations.push(Operation::new("T*", vec![]));
        operations.push(Operation::new(
            "Tj",
            vec![Object::string_literal(printable(line))],
        ));
    }
    operations.push(Operation::new("ET", vec![]));
    let content = Content { operations };
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode()?));

    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content_id,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page_id.into()],
            "Count" => 1,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let info = doc_info(&mut doc, title);
    doc.trailer.set("Info", info);

    if let Some(size) = padding {
        // Referenced from nowhere: readers skip it, yet the file reaches the size asked for.
        let filler = Stream::new(dictionary! {}, vec![b' '; size]).with_compression(false);
        doc.add_object(filler);
    }

    let mut bytes = Vec::new();
    doc.save_to(&mut bytes)?;
    Ok(bytes)
}

fn doc_info(doc: &mut Document, title: &str) -> Object {
    let info = doc.add_object(dictionary! {
        "Title" => Object::string_literal(printable(title)),
        "Producer" => "qualys-pci-emulator",
    });
    info.into()
}

fn font(name: &str) -> lopdf::Dictionary {
    dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => name,
        "Encoding" => "WinAnsiEncoding",
    }
}

// The standard fonts have no glyphs past Latin-1, and submitted names may hold anything.
fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c
            } else {
                '?'
            }
        })
        .collect()
}
