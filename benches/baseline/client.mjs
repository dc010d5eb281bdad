// What a user would write instead of the SDK: fetch and res.json(), the same
// six operations and headers, and nothing else. No validation, no retries, no
// timeouts; a non-2xx answer throws a plain Error. The benchmarks compare the
// SDK against this.

export class BaselineClient {
  constructor({ baseUrl, username, password, requestedWith = "qualys-pci/0.1.0" }) {
    this.baseUrl = baseUrl.replace(/\/$/, "");
    this.headers = {
      apiVersion: "V1",
      "X-Requested-With": requestedWith,
      Authorization: `Basic ${btoa(`${username}:${password}`)}`,
    };
  }

  async #send(method, path, body) {
    const headers = body === undefined ? this.headers : { ...this.headers, "Content-Type": "application/json" };
    const res = await fetch(this.baseUrl + path, { method, headers, body });
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status}`);
    return res;
  }

  async #data(method, path, body) {
    const res = await this.#send(method, path, body);
    return (await res.json()).data;
  }

  /** One page; `query` uses the SDK's names and is sent with the vendor's. */
  complianceSummary(query = {}) {
    const wire = { sortBy: query.sortBy, sortOrder: query.sortOrder, offset: query.offset, limit: query.limit,
      IP: query.ip, DNS: query.dns, ComplianceStatus: query.complianceStatus };
    const params = new URLSearchParams(Object.entries(wire).filter(([, v]) => v !== undefined));
    const search = params.size > 0 ? `?${params}` : "";
    return this.#data("GET", `/pci/compliance/summary${search}`);
  }

  /** Every row, one page after the other. */
  async complianceSummaryAll(query = {}) {
    const limit = query.limit ?? 1000;
    const rows = [];
    let offset = query.offset ?? 1;
    for (;;) {
      const page = await this.complianceSummary({ ...query, offset, limit });
      const list = page.complianceSummaryList;
      rows.push(...list);
      offset += list.length;
      if (list.length < limit || offset > page.totalCount) return rows;
    }
  }

  fetchReportData() {
    return this.#data("GET", "/pci/reporting/reportGeneration/fetch");
  }

  submitReport(submission) {
    return this.#data("POST", "/pci/reporting/reportGeneration/submit", JSON.stringify(submission));
  }

  reportStatus(reportId) {
    return this.#data("GET", `/pci/reporting/${reportId}/status`);
  }

  async downloadReport(reportId, reportType) {
    const res = await this.#send("GET", `/pci/reporting/download?reportId=${reportId}&reportType=${reportType}`);
    return res.blob();
  }

  requestReview(reportId) {
    return this.#data("PUT", `/pci/reporting/${reportId}/requestReview`);
  }
}
