import type { ComplianceSummaryQuery } from "qualys-pci";

type SortBy = NonNullable<ComplianceSummaryQuery["sortBy"]>;

/** What the table shows: filters, sort and page, as the SDK's query. */
export interface TableState {
  sortBy: SortBy;
  sortOrder: "ASC" | "DESC";
  offset: number;
  limit: number;
  complianceStatus?: "Pass" | "Fail";
  ip?: string;
  dns?: string;
}

export const initialState: TableState = { sortBy: "ip", sortOrder: "ASC", offset: 1, limit: 25 };

/** The filters only (no sort or page): what an export or the chart asks for. */
export function filtersOf(state: TableState): ComplianceSummaryQuery {
  const { complianceStatus, ip, dns } = state;
  return { complianceStatus, ip, dns };
}

export function toQuery(state: TableState): ComplianceSummaryQuery {
  return { ...state };
}

/** A click on a column: sort by it, or flip the order when it is already the sort. */
export function sortedBy(state: TableState, column: SortBy): TableState {
  const sortOrder = state.sortBy === column && state.sortOrder === "ASC" ? "DESC" : "ASC";
  return { ...state, sortBy: column, sortOrder, offset: 1 };
}

/** Reads the filter form; empty fields are no filter. */
export function withFilters(state: TableState, form: HTMLFormElement): TableState {
  const data = new FormData(form);
  const text = (name: string) => {
    const value = String(data.get(name) ?? "").trim();
    return value === "" ? undefined : value;
  };
  const status = text("complianceStatus");
  return {
    ...state,
    complianceStatus: status === "Pass" || status === "Fail" ? status : undefined,
    ip: text("ip"),
    dns: text("dns"),
    limit: Number(text("limit") ?? state.limit),
    offset: 1,
  };
}
