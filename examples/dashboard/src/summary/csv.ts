import type { ComplianceSummaryEntry } from "qualys-pci";

const COLUMNS = ["ip", "dns", "complianceStatus"] as const;

/** The rows as RFC 4180 CSV with a header line. */
export function toCsv(rows: readonly ComplianceSummaryEntry[]): string {
  const lines = [COLUMNS.join(",")];
  for (const row of rows) lines.push(COLUMNS.map((column) => cell(row[column])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

function cell(value: string | null | undefined): string {
  let text = value ?? "";
  // A leading = + - @ would make a spreadsheet run the cell as a formula.
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
