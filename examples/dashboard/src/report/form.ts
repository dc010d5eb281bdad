import type { ReportGenerationData, ReportSubmission } from "qualys-pci";
import { byId, el } from "../dom";

/** Renders the findings to justify: one comment box per special note and per asset. */
export function renderFindings(data: ReportGenerationData): void {
  byId("notes").replaceChildren(
    fillAll("notes"),
    ...data.specialNotes.map((note, i) =>
      finding(
        `note-${i}`,
        `${note.specialNote} on ${note.ip} — QID ${String(note.qid)}: ${note.title}`,
        note.comment ?? "",
      ),
    ),
  );
  byId("noncompliant").replaceChildren(
    fillAll("noncompliant"),
    ...data.nonCompliantAssets.map((asset, i) =>
      finding(
        `asset-${i}`,
        `${asset.ip}${asset.dns ? ` (${asset.dns})` : ""} — high ${asset.vulnHigh}, medium ${asset.vulnMed}, low ${asset.vulnLow}`,
        asset.merchantComment ?? "",
      ),
    ),
  );
  byId("submission").hidden = false;
}

/** The submission: the fetched findings with the comments as edited, plus who submits. */
export function readSubmission(data: ReportGenerationData, form: HTMLFormElement): ReportSubmission {
  const fields = new FormData(form);
  const text = (name: string) => String(fields.get(name) ?? "").trim();
  const optional = (name: string) => text(name) || undefined;
  return {
    specialNotes: data.specialNotes.map((note, i) => ({ ...note, comment: text(`note-${i}`) })),
    nonCompliantAssets: data.nonCompliantAssets.map((asset, i) => ({ ...asset, merchantComment: text(`asset-${i}`) })),
    yourName: text("yourName"),
    yourTitle: text("yourTitle"),
    notActiveIps: optional("notActiveIps"),
    submissionTitle: optional("submissionTitle"),
  };
}

function finding(name: string, label: string, comment: string): HTMLElement {
  const wrapper = el("label", { class: "finding" });
  wrapper.append(el("span", {}, label), el("textarea", { name, rows: "2" }, comment));
  return wrapper;
}

// Dozens of findings often share one justification; this fills the empty boxes.
function fillAll(group: string): HTMLElement {
  const row = el("div", { class: "fill-all" });
  const input = el("input", { placeholder: "One comment for every empty box", "aria-label": `Comment for all ${group}` });
  const button = el("button", { type: "button" }, "Fill empty");
  button.addEventListener("click", () => {
    for (const box of byId(group).querySelectorAll("textarea")) {
      if (box.value.trim() === "") box.value = input.value;
    }
  });
  row.append(input, button);
  return row;
}
