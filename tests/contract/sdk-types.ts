// Check 2 of the contract: the package's TypeScript types against the types
// that openapi-typescript generates from openapi/pci-merchant.yaml.
//
// Compiled with `tsc --strict --noEmit` by sdk-types.mjs, which maps
// "qualys-pci" to the built package's .d.ts and "pci-merchant-spec" to the
// generated types. Nothing here runs: a difference is a compile error that
// names the type and the field.

import type * as Sdk from "qualys-pci";
import type { components, operations } from "pci-merchant-spec";

type Schemas = components["schemas"];

/** Compiles only when every value of From is a valid To. */
type Fits<From extends To, To> = From;
/** Compiles only when K is empty: the error names the keys left over. */
type NoKeys<K extends never> = K;
/** Compiles only when F is false. */
type False<F extends false> = F;
/** True for `any`, which would make every other check pass. */
type IsAny<T> = 0 extends 1 & T ? true : false;

type JsonOk<Op extends keyof operations> = operations[Op]["responses"] extends {
  200: { content: { "application/json": { data: infer Data } } };
}
  ? Data
  : never;
type Result<M extends keyof Sdk.PciClient> = Sdk.PciClient[M] extends (...args: never[]) => infer R
  ? Awaited<R>
  : never;
type Param<M extends keyof Sdk.PciClient, N extends number> = Sdk.PciClient[M] extends (
  ...args: infer P
) => unknown
  ? NonNullable<P[N]>
  : never;

// Responses: the same fields on both sides, and values of one side are valid
// values of the other. The SDK may not widen a field the spec documents, nor
// narrow one.

type _PageAny = False<IsAny<Sdk.ComplianceSummaryPage>>;
type _PageFromSpec = Fits<Schemas["ComplianceSummaryPage"], Sdk.ComplianceSummaryPage>;
type _PageToSpec = Fits<Sdk.ComplianceSummaryPage, Schemas["ComplianceSummaryPage"]>;
type _PageKeysSdk = NoKeys<Exclude<keyof Sdk.ComplianceSummaryPage, keyof Schemas["ComplianceSummaryPage"]>>;
type _PageKeysSpec = NoKeys<Exclude<keyof Schemas["ComplianceSummaryPage"], keyof Sdk.ComplianceSummaryPage>>;

type _EntryAny = False<IsAny<Sdk.ComplianceSummaryEntry>>;
type _EntryFromSpec = Fits<Schemas["ComplianceSummaryEntry"], Sdk.ComplianceSummaryEntry>;
type _EntryToSpec = Fits<Sdk.ComplianceSummaryEntry, Schemas["ComplianceSummaryEntry"]>;
type _EntryKeysSdk = NoKeys<Exclude<keyof Sdk.ComplianceSummaryEntry, keyof Schemas["ComplianceSummaryEntry"]>>;
type _EntryKeysSpec = NoKeys<Exclude<keyof Schemas["ComplianceSummaryEntry"], keyof Sdk.ComplianceSummaryEntry>>;

type _StatusFromSpec = Fits<Schemas["ComplianceStatus"], Sdk.ComplianceStatus>;
type _StatusToSpec = Fits<Sdk.ComplianceStatus, Schemas["ComplianceStatus"]>;

type _DataAny = False<IsAny<Sdk.ReportGenerationData>>;
type _DataFromSpec = Fits<Schemas["ReportGenerationData"], Sdk.ReportGenerationData>;
type _DataToSpec = Fits<Sdk.ReportGenerationData, Schemas["ReportGenerationData"]>;
type _DataKeysSdk = NoKeys<Exclude<keyof Sdk.ReportGenerationData, keyof Schemas["ReportGenerationData"]>>;
type _DataKeysSpec = NoKeys<Exclude<keyof Schemas["ReportGenerationData"], keyof Sdk.ReportGenerationData>>;

type _NoteAny = False<IsAny<Sdk.SpecialNote>>;
type _NoteFromSpec = Fits<Schemas["SpecialNote"], Sdk.SpecialNote>;
type _NoteToSpec = Fits<Sdk.SpecialNote, Schemas["SpecialNote"]>;
type _NoteKeysSdk = NoKeys<Exclude<keyof Sdk.SpecialNote, keyof Schemas["SpecialNote"]>>;
type _NoteKeysSpec = NoKeys<Exclude<keyof Schemas["SpecialNote"], keyof Sdk.SpecialNote>>;

type _AssetAny = False<IsAny<Sdk.NonCompliantAsset>>;
type _AssetFromSpec = Fits<Schemas["NonCompliantAsset"], Sdk.NonCompliantAsset>;
type _AssetToSpec = Fits<Sdk.NonCompliantAsset, Schemas["NonCompliantAsset"]>;
type _AssetKeysSdk = NoKeys<Exclude<keyof Sdk.NonCompliantAsset, keyof Schemas["NonCompliantAsset"]>>;
type _AssetKeysSpec = NoKeys<Exclude<keyof Schemas["NonCompliantAsset"], keyof Sdk.NonCompliantAsset>>;

type _PatchAny = False<IsAny<Sdk.Patch>>;
type _PatchFromSpec = Fits<Schemas["Patch"], Sdk.Patch>;
type _PatchToSpec = Fits<Sdk.Patch, Schemas["Patch"]>;
type _PatchKeysSdk = NoKeys<Exclude<keyof Sdk.Patch, keyof Schemas["Patch"]>>;
type _PatchKeysSpec = NoKeys<Exclude<keyof Schemas["Patch"], keyof Sdk.Patch>>;

type _RequestResultAny = False<IsAny<Sdk.ReportRequestResult>>;
type _RequestResultFromSpec = Fits<Schemas["ReportRequestResult"], Sdk.ReportRequestResult>;
type _RequestResultToSpec = Fits<Sdk.ReportRequestResult, Schemas["ReportRequestResult"]>;
type _RequestResultKeysSdk = NoKeys<Exclude<keyof Sdk.ReportRequestResult, keyof Schemas["ReportRequestResult"]>>;
type _RequestResultKeysSpec = NoKeys<Exclude<keyof Schemas["ReportRequestResult"], keyof Sdk.ReportRequestResult>>;

type _StatusResultAny = False<IsAny<Sdk.ReportStatusResult>>;
type _StatusResultFromSpec = Fits<Schemas["ReportStatusResult"], Sdk.ReportStatusResult>;
type _StatusResultToSpec = Fits<Sdk.ReportStatusResult, Schemas["ReportStatusResult"]>;
type _StatusResultKeysSdk = NoKeys<Exclude<keyof Sdk.ReportStatusResult, keyof Schemas["ReportStatusResult"]>>;
type _StatusResultKeysSpec = NoKeys<Exclude<keyof Schemas["ReportStatusResult"], keyof Sdk.ReportStatusResult>>;

type _ReportStatusFromSpec = Fits<Schemas["ReportStatus"], Sdk.ReportStatus>;
type _ReportStatusToSpec = Fits<Sdk.ReportStatus, Schemas["ReportStatus"]>;

// Each method resolves to the data of its operation's 200 response.

type _SummaryResultAny = False<IsAny<Result<"complianceSummary">>>;
type _FetchResultAny = False<IsAny<Result<"fetchReportData">>>;
type _SubmitResultAny = False<IsAny<Result<"submitReport">>>;
type _StatusOpAny = False<IsAny<Result<"reportStatus">>>;
type _ReviewResultAny = False<IsAny<Result<"requestReview">>>;

type _SummaryResultFromSpec = Fits<JsonOk<"getComplianceSummary">, Result<"complianceSummary">>;
type _SummaryResultToSpec = Fits<Result<"complianceSummary">, JsonOk<"getComplianceSummary">>;
type _FetchResultFromSpec = Fits<JsonOk<"fetchReportGenerationData">, Result<"fetchReportData">>;
type _FetchResultToSpec = Fits<Result<"fetchReportData">, JsonOk<"fetchReportGenerationData">>;
type _SubmitResultFromSpec = Fits<JsonOk<"submitReportGeneration">, Result<"submitReport">>;
type _SubmitResultToSpec = Fits<Result<"submitReport">, JsonOk<"submitReportGeneration">>;
type _StatusOpFromSpec = Fits<JsonOk<"getReportStatus">, Result<"reportStatus">>;
type _StatusOpToSpec = Fits<Result<"reportStatus">, JsonOk<"getReportStatus">>;
type _ReviewResultFromSpec = Fits<JsonOk<"requestReportReview">, Result<"requestReview">>;
type _ReviewResultToSpec = Fits<Result<"requestReview">, JsonOk<"requestReportReview">>;

// Requests: the same fields, and whatever the SDK lets a caller send is valid
// for the spec. The JS query spells the vendor's IP, DNS and ComplianceStatus
// in camelCase.

type WireToJs = { IP: "ip"; DNS: "dns"; ComplianceStatus: "complianceStatus" };
type JsQuery<Q> = { [K in keyof Q as K extends keyof WireToJs ? WireToJs[K] : K]: Q[K] };
type SpecQuery = JsQuery<NonNullable<operations["getComplianceSummary"]["parameters"]["query"]>>;

type _QueryAny = False<IsAny<Sdk.ComplianceSummaryQuery>>;
type _QueryToSpec = Fits<Sdk.ComplianceSummaryQuery, SpecQuery>;
type _QueryFromSpec = Fits<SpecQuery, Sdk.ComplianceSummaryQuery>;
type _QueryKeysSdk = NoKeys<Exclude<keyof Sdk.ComplianceSummaryQuery, keyof SpecQuery>>;
type _QueryKeysSpec = NoKeys<Exclude<keyof SpecQuery, keyof Sdk.ComplianceSummaryQuery>>;
type _QueryParam = Fits<Param<"complianceSummary", 0>, Sdk.ComplianceSummaryQuery>;

type SpecSubmission = operations["submitReportGeneration"]["requestBody"]["content"]["application/json"];
type _SubmissionAny = False<IsAny<Sdk.ReportSubmission>>;
type _SubmissionToSpec = Fits<Sdk.ReportSubmission, SpecSubmission>;
type _SubmissionKeysSdk = NoKeys<Exclude<keyof Sdk.ReportSubmission, keyof SpecSubmission>>;
type _SubmissionKeysSpec = NoKeys<Exclude<keyof SpecSubmission, keyof Sdk.ReportSubmission>>;
type _SubmissionParam = Fits<Param<"submitReport", 0>, SpecSubmission>;

type _StatusIdToSpec = Fits<Param<"reportStatus", 0>, operations["getReportStatus"]["parameters"]["path"]["reportId"]>;
type _ReviewIdToSpec = Fits<
  Param<"requestReview", 0>,
  operations["requestReportReview"]["parameters"]["path"]["reportId"]
>;
type _ParamsAny = False<
  IsAny<
    | Param<"complianceSummary", 0>
    | Param<"submitReport", 0>
    | Param<"reportStatus", 0>
    | Param<"requestReview", 0>
    | Param<"downloadReport", 0>
    | Param<"downloadReport", 1>
  >
>;
type DownloadQuery = operations["downloadReport"]["parameters"]["query"];
type _DownloadIdToSpec = Fits<Param<"downloadReport", 0>, DownloadQuery["reportId"]>;
type _DownloadTypeToSpec = Fits<Param<"downloadReport", 1>, DownloadQuery["reportType"]>;
type _DownloadTypeFromSpec = Fits<DownloadQuery["reportType"], Param<"downloadReport", 1>>;

export {};
