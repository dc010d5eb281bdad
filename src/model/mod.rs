//! The vendor's resources, one file each. Each type is the single definition
//! used by the client, by serde (wire names) and by the TypeScript
//! declarations (tsify).

mod envelope;
mod report;
mod report_data;
pub mod shape;
mod submission;
mod summary;

pub use envelope::Envelope;
pub use report::{ReportId, ReportRequestResult, ReportStatus, ReportStatusResult, ReportType};
pub use report_data::{
    NonCompliantAsset, Patch, ReportGenerationData, SpecialNote, TextOrBool, TextOrNumber,
};
pub use submission::ReportSubmission;
pub use summary::{
    ComplianceStatus, ComplianceSummaryEntry, ComplianceSummaryPage, ComplianceSummaryQuery,
    SortBy, SortOrder,
};
