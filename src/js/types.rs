//! TypeScript declarations for the JS-only shapes: option objects holding an
//! `AbortSignal` or callbacks, and the error. The vendor's resources are
//! declared by tsify from their Rust definitions in `crate::model`.

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(typescript_custom_section)]
const JS_TYPES: &str = r#"
/** Per-call settings. */
export interface CallOptions {
  /** Cancels the call; it then rejects with kind "aborted". */
  signal?: AbortSignal;
  /** Overrides the client's per-attempt timeout, in milliseconds. */
  timeoutMs?: number;
}

/** Options of `complianceSummaryAll`. */
export interface ComplianceSummaryAllOptions {
  /** Called after each page with rows received so far and the total. */
  onProgress?: (received: number, total: number) => void;
  signal?: AbortSignal;
  /** Requests in flight at once, 1 (default) to 8. The vendor allows 2 per account. */
  concurrency?: number;
}

/** Options of `waitForReport`. */
export interface WaitForReportOptions {
  /** Statuses that end the wait; default `["Generated"]`. */
  until?: ReportStatus[];
  /** First pause between polls in ms (default 2000); grows to 30000. */
  intervalMs?: number;
  /** Give up after this long, in ms (default 600000). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called whenever the status changes, the first one included. */
  onStatus?: (status: ReportStatusResult) => void;
}

/** Options of `downloadReport`. */
export interface DownloadReportOptions {
  signal?: AbortSignal;
  /** Time allowed for the whole download, in ms. */
  timeoutMs?: number;
  /** Called after each chunk with bytes received and Content-Length, when known. */
  onProgress?: (received: number, total?: number) => void;
}

/** What went wrong, as a stable name. */
export type PciErrorKind =
  | "invalidInput"
  | "unauthorized"
  | "forbidden"
  | "notFound"
  | "conflict"
  | "rateLimited"
  | "server"
  | "http"
  | "network"
  | "timeout"
  | "aborted"
  | "decode";

/** Every rejection of this package is a PciError. */
export interface PciError extends Error {
  name: "PciError";
  kind: PciErrorKind;
  /** HTTP status, when a response arrived. */
  status?: number;
  /** How long the server asked to wait, in ms. */
  retryAfterMs?: number;
  /** The request URL, never with credentials. */
  url?: string;
  /** HTTP attempts made (0 when nothing was sent). */
  attempts: number;
  /** The error body's text, at most 4 KiB. */
  body?: string;
  /** For "invalidInput": the offending argument, e.g. "query.limit". */
  field?: string;
}
"#;

// Argument types as TypeScript names: an `Option` of one of these is an
// optional parameter in the declarations (`query?: ComplianceSummaryQuery`).
// Their values are checked where they are decoded, in `read`.
#[wasm_bindgen]
extern "C" {
    /// `PciClientOptions`.
    #[wasm_bindgen(typescript_type = "PciClientOptions")]
    pub type JsClientOptions;
    /// `ComplianceSummaryQuery`.
    #[wasm_bindgen(typescript_type = "ComplianceSummaryQuery")]
    pub type JsSummaryQuery;
    /// `CallOptions`.
    #[wasm_bindgen(typescript_type = "CallOptions")]
    pub type JsCallOptions;
    /// `ComplianceSummaryAllOptions`.
    #[wasm_bindgen(typescript_type = "ComplianceSummaryAllOptions")]
    pub type JsAllOptions;
    /// `WaitForReportOptions`.
    #[wasm_bindgen(typescript_type = "WaitForReportOptions")]
    pub type JsWaitOptions;
    /// `DownloadReportOptions`.
    #[wasm_bindgen(typescript_type = "DownloadReportOptions")]
    pub type JsDownloadOptions;
}
