import { type ComplianceSummaryEntry, type PciClient, saveBlob } from "qualys-pci";
import { whileBusy } from "../busy";
import { byId, el, formatCount } from "../dom";
import { clearNotice, showInfo } from "../notice";
import { renderChart } from "./chart";
import { toCsv } from "./csv";
import { type TableState, filtersOf, initialState, sortedBy, toQuery, withFilters } from "./query";

/** The asset table with its filters, sort, pager, chart and export. */
export class SummaryView {
  private state: TableState = initialState;
  private total = 0;
  private chartFilters = "";
  private readonly section = byId("summary");
  private readonly rows = byId<HTMLTableElement>("assets").tBodies[0]!;
  private readonly filters = byId<HTMLFormElement>("filters");
  private readonly progress = byId<HTMLProgressElement>("export-progress");
  private readonly prev = byId<HTMLButtonElement>("prev");
  private readonly next = byId<HTMLButtonElement>("next");
  private readonly exportButton = byId<HTMLButtonElement>("export");
  private readonly sortButtons = [...this.section.querySelectorAll<HTMLButtonElement>("button[data-sort]")];

  constructor(private readonly client: () => PciClient | undefined) {
    this.filters.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.show(withFilters(this.state, this.filters));
    });
    for (const button of this.sortButtons) {
      button.addEventListener("click", () => {
        const column = button.dataset.sort as TableState["sortBy"];
        void this.show(sortedBy(this.state, column));
      });
    }
    this.prev.addEventListener("click", () =>
      void this.show({ ...this.state, offset: Math.max(1, this.state.offset - this.state.limit) }),
    );
    this.next.addEventListener("click", () => void this.show({ ...this.state, offset: this.state.offset + this.state.limit }));
    this.exportButton.addEventListener("click", () => void this.exportAll());
    this.syncPager();
  }

  /** Loads the page for `state` (and the chart when the filters changed). */
  async show(state: TableState = this.state): Promise<void> {
    const client = this.client();
    if (client === undefined) return;
    clearNotice();
    const filters = JSON.stringify(filtersOf({ ...state, complianceStatus: undefined }));
    const page = await whileBusy(this.section, this.buttons(), async () => {
      const [page] = await Promise.all([
        client.complianceSummary(toQuery(state)),
        filters === this.chartFilters ? undefined : this.loadChart(client, state, filters),
      ]);
      return page;
    });
    if (page === undefined) return;
    this.state = state;
    this.total = page.totalCount;
    this.renderRows(page.complianceSummaryList);
    this.syncPager();
    this.syncSortMarks();
  }

  private async loadChart(client: PciClient, state: TableState, filters: string): Promise<void> {
    // Two one-row pages: their total counts are the chart (the proxy caches them).
    const base = { ...filtersOf(state), limit: 1 };
    const [pass, fail] = await Promise.all([
      client.complianceSummary({ ...base, complianceStatus: "Pass" }),
      client.complianceSummary({ ...base, complianceStatus: "Fail" }),
    ]);
    renderChart(byId("chart"), pass.totalCount, fail.totalCount);
    this.chartFilters = filters;
  }

  private async exportAll(): Promise<void> {
    const client = this.client();
    if (client === undefined) return;
    clearNotice();
    this.progress.hidden = false;
    this.progress.removeAttribute("value");
    const rows = await whileBusy(this.section, this.buttons(), () =>
      client.complianceSummaryAll(filtersOf(this.state), {
        onProgress: (fetched: number, total?: number) => {
          this.progress.max = Math.max(total ?? fetched, 1);
          this.progress.value = fetched;
        },
      }),
    );
    this.progress.hidden = true;
    if (rows === undefined) return;
    saveBlob(new Blob([toCsv(rows)], { type: "text/csv" }), "pci-compliance-summary.csv");
    showInfo(`Exported ${formatCount(rows.length)} assets to pci-compliance-summary.csv.`);
  }

  private renderRows(entries: readonly ComplianceSummaryEntry[]): void {
    if (entries.length === 0) {
      const row = el("tr");
      row.append(el("td", { colspan: "3", class: "empty" }, "No asset matches these filters."));
      this.rows.replaceChildren(row);
      return;
    }
    this.rows.replaceChildren(
      ...entries.map((entry) => {
        const status = el("td");
        status.append(el("span", { class: `badge ${entry.complianceStatus.toLowerCase()}` }, entry.complianceStatus));
        const row = el("tr");
        row.append(el("td", {}, entry.ip), el("td", {}, entry.dns ?? "—"), status);
        return row;
      }),
    );
  }

  private syncPager(): void {
    const { offset, limit } = this.state;
    const last = Math.min(offset + limit - 1, this.total);
    byId("range").textContent =
      this.total === 0 ? "No assets" : `${formatCount(offset)}–${formatCount(last)} of ${formatCount(this.total)}`;
    this.prev.disabled = offset <= 1;
    this.next.disabled = offset + limit > this.total;
  }

  private syncSortMarks(): void {
    for (const button of this.sortButtons) {
      const active = button.dataset.sort === this.state.sortBy;
      button.closest("th")?.setAttribute("aria-sort", active ? (this.state.sortOrder === "ASC" ? "ascending" : "descending") : "none");
    }
  }

  private buttons(): HTMLButtonElement[] {
    return [...this.filters.querySelectorAll("button"), ...this.sortButtons, this.prev, this.next];
  }
}
