//! Every input rule, checked before anything is sent. Each failure is an
//! [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) naming the field.

mod address;
mod header;
mod hostname;
mod query;
mod report_id;
mod submission;

pub use address::{parse_ip_or_range, IpOrRange};
pub use header::{check_header_value, check_no_line_breaks};
pub use hostname::is_hostname;
pub use query::check_summary_query;
pub use report_id::report_id_from_f64;
pub use submission::check_submission;
