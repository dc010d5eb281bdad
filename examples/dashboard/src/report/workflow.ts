import type { PciClient, ReportGenerationData, ReportStatusResult } from "qualys-pci";
import { saveBlob } from "qualys-pci";
import { whileBusy } from "../busy";
import { byId, el } from "../dom";
import { clearNotice, showError, showInfo } from "../notice";
import { readSubmission, renderFindings } from "./form";

// Statuses from which a report can be downloaded.
const DOWNLOADABLE = new Set(["Generated", "Pending Review", "Attested", "Rejected", "Submitted"]);

/** The report workflow: fetch, justify, submit, watch, review, download. */
export class ReportWorkflow {
  private data: ReportGenerationData | undefined;
  private reportId: number | undefined;
  private status: string | undefined;
  private watching: AbortController | undefined;
  private readonly section = byId("report");
  private readonly form = byId<HTMLFormElement>("submission");
  private readonly fetchButton = byId<HTMLButtonElement>("fetch-data");
  private readonly submitButton = byId<HTMLButtonElement>("submit");
  private readonly reviewButton = byId<HTMLButtonElement>("review");
  private readonly executiveButton = byId<HTMLButtonElement>("download-executive");
  private readonly technicalButton = byId<HTMLButtonElement>("download-technical");

  constructor(private readonly client: () => PciClient | undefined) {
    this.fetchButton.addEventListener("click", () => void this.fetchData());
    this.submitButton.addEventListener("click", () => void this.submit());
    this.reviewButton.addEventListener("click", () => void this.review());
    this.executiveButton.addEventListener("click", () => void this.download("Executive"));
    this.technicalButton.addEventListener("click", () => void this.download("Technical"));
  }

  private async fetchData(): Promise<void> {
    const client = this.client();
    if (client === undefined) return;
    clearNotice();
    const data = await whileBusy(this.section, this.buttons(), () => client.fetchReportData());
    if (data === undefined) return;
    this.data = data;
    renderFindings(data);
    this.sync();
  }

  private async submit(): Promise<void> {
    const client = this.client();
    const data = this.data;
    if (client === undefined || data === undefined || !this.form.reportValidity()) return;
    clearNotice();
    const submission = readSubmission(data, this.form);
    const result = await whileBusy(this.section, this.buttons(), () => client.submitReport(submission));
    if (result === undefined) return;
    this.reportId = result.id;
    byId("timeline").replaceChildren();
    this.onStatus({ id: result.id, status: "Launched" });
    void this.watch(client, result.id);
  }

  /** Follows the report live until it is generated; the buttons follow its status. */
  private async watch(client: PciClient, id: number): Promise<void> {
    this.watching?.abort();
    const watching = new AbortController();
    this.watching = watching;
    this.section.setAttribute("aria-busy", "true");
    try {
      const final = await client.waitForReport(id, {
        intervalMs: 1000,
        timeoutMs: 10 * 60_000,
        signal: watching.signal,
        onStatus: (status: ReportStatusResult) => this.onStatus(status),
      });
      this.onStatus(final);
      showInfo(`Report ${id} is generated: request a review or download it.`);
    } catch (error) {
      if (!watching.signal.aborted) showError(error);
    } finally {
      this.section.removeAttribute("aria-busy");
    }
  }

  private async review(): Promise<void> {
    const client = this.client();
    const id = this.reportId;
    if (client === undefined || id === undefined) return;
    clearNotice();
    const status = await whileBusy(this.section, this.buttons(), async () => {
      await client.requestReview(id);
      return client.reportStatus(id);
    });
    if (status !== undefined) this.onStatus(status);
  }

  private async download(type: "Executive" | "Technical"): Promise<void> {
    const client = this.client();
    const id = this.reportId;
    if (client === undefined || id === undefined) return;
    clearNotice();
    const file = await whileBusy(this.section, this.buttons(), () => client.downloadReport(id, type));
    if (file === undefined) return;
    saveBlob(file, file.name);
    showInfo(`Saved ${file.name} (${Math.ceil(file.size / 1024)} KiB).`);
  }

  private onStatus(result: ReportStatusResult): void {
    if (result.status === this.status) return;
    this.status = result.status;
    const badge = byId("report-status");
    badge.textContent = `Report ${result.id}: ${result.status}`;
    badge.dataset.status = result.status;
    byId("timeline").append(el("li", {}, `${new Date().toLocaleTimeString()} — ${result.status}`));
    this.sync();
  }

  private sync(): void {
    const ready = this.status !== undefined && DOWNLOADABLE.has(this.status);
    this.submitButton.disabled = this.data === undefined;
    this.reviewButton.disabled = this.status !== "Generated";
    this.executiveButton.disabled = !ready;
    this.technicalButton.disabled = !ready;
  }

  private buttons(): HTMLButtonElement[] {
    return [this.fetchButton, this.submitButton, this.reviewButton, this.executiveButton, this.technicalButton];
  }
}
