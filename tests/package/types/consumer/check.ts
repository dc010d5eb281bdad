// Compiles only if every result has its precise type. `Equal` is false when
// either side is `any`, so a declaration that degrades to `any` fails here.
import {
  PciClient,
  saveBlob,
  type ComplianceSummaryEntry,
  type ComplianceSummaryPage,
  type ReportRequestResult,
  type ReportStatus,
  type ReportStatusResult,
} from 'qualys-pci';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function same<A, B>(proof: Equal<A, B>): void {
  void proof;
}

export async function results(client: PciClient): Promise<void> {
  const page = await client.complianceSummary({ sortBy: 'ip', sortOrder: 'DESC', complianceStatus: 'Fail' });
  same<typeof page, ComplianceSummaryPage>(true);
  same<typeof page.totalCount, number>(true);
  same<typeof page.fetchRange, string>(true);
  same<typeof page.complianceSummaryList, ComplianceSummaryEntry[]>(true);
  same<ComplianceSummaryEntry['ip'], string>(true);
  same<ComplianceSummaryEntry['complianceStatus'], 'Pass' | 'Fail'>(true);

  for await (const each of client.complianceSummaryPages({ limit: 100 })) {
    same<typeof each, ComplianceSummaryPage>(true);
  }
  const all = await client.complianceSummaryAll({}, { concurrency: 2, onProgress: () => {} });
  same<typeof all, ComplianceSummaryEntry[]>(true);

  const data = await client.fetchReportData();
  const submitted = await client.submitReport({ ...data, yourName: 'Ada Lovelace', yourTitle: 'Ms.' });
  same<typeof submitted, ReportRequestResult>(true);
  same<typeof submitted.id, number>(true);

  const status = await client.reportStatus(submitted.id, { timeoutMs: 5000 });
  same<typeof status, ReportStatusResult>(true);
  same<typeof status.status, ReportStatus>(true);
  const generated: ReportStatus = 'Generated';
  void generated;

  const done = await client.waitForReport(submitted.id, { until: ['Generated'], intervalMs: 500 });
  same<typeof done, ReportStatusResult>(true);

  const pdf = await client.downloadReport(submitted.id, 'Executive', { onProgress: () => {} });
  same<typeof pdf, File>(true);

  const review = await client.requestReview(submitted.id);
  same<typeof review, ReportRequestResult>(true);

  saveBlob(pdf, pdf.name);
}

export async function mistakes(client: PciClient): Promise<void> {
  // @ts-expect-error sortBy is 'ip', 'dns' or 'complianceStatus'
  await client.complianceSummary({ sortBy: 'hostname' });
  // @ts-expect-error sortOrder is upper case
  await client.complianceSummary({ sortOrder: 'asc' });
  // @ts-expect-error complianceStatus is 'Pass' or 'Fail'
  await client.complianceSummary({ complianceStatus: 'PASS' });
  // @ts-expect-error yourName is required
  await client.submitReport({ yourTitle: 'Ms.' });
  // @ts-expect-error a report id is a number
  await client.reportStatus('42');
  // @ts-expect-error a report id is a number
  await client.downloadReport('42', 'Executive');
  // @ts-expect-error the report type is 'Executive' or 'Technical'
  await client.downloadReport(42, 'Summary');
  // @ts-expect-error waitForReport waits for statuses, not arbitrary strings
  await client.waitForReport(42, { until: ['Done'] });
}
