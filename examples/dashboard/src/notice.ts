import { byId } from "./dom";
import { plainWords } from "./errors";

/** Shows one sentence at the top of the page: an error, or news. */
export function showError(error: unknown): void {
  show(plainWords(error), "error");
}

export function showInfo(text: string): void {
  show(text, "info");
}

export function clearNotice(): void {
  byId("notice").hidden = true;
}

function show(text: string, kind: "error" | "info"): void {
  const notice = byId("notice");
  notice.textContent = text;
  notice.className = `notice ${kind}`;
  notice.hidden = false;
}
