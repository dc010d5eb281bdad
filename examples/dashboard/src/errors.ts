import type { PciError } from "qualys-pci";

/** The proxy's error body: `{error: {kind, message, field?, source?, detail?}}`. */
interface ProxyErrorBody {
  kind?: string;
  message?: string;
  field?: string;
  source?: "proxy" | "api";
  detail?: string;
}

function isPciError(error: unknown): error is PciError {
  return error instanceof Error && error.name === "PciError";
}

function proxyBody(error: PciError): ProxyErrorBody {
  try {
    const parsed = JSON.parse(error.body ?? "") as { error?: ProxyErrorBody };
    return parsed.error ?? {};
  } catch {
    return {};
  }
}

/** One sentence a person understands, for any failure of a call. */
export function plainWords(error: unknown): string {
  if (!isPciError(error)) {
    return `Something went wrong in the page: ${error instanceof Error ? error.message : String(error)}.`;
  }
  const body = proxyBody(error);
  const detail = body.detail ? ` (${body.detail})` : "";

  switch (error.kind) {
    case "unauthorized":
      return body.source === "api"
        ? "The API refused the proxy's credentials: the proxy's operator should check QUALYS_USERNAME and QUALYS_PASSWORD."
        : "The proxy refused the request: check PROXY_TOKEN (the token field above).";
    case "forbidden":
      return "The API refused access to this account.";
    case "invalidInput":
      // Checked by the SDK in this page, or by the proxy: both name the field.
      return `Please check the form: ${body.message ?? error.message}.`;
    case "notFound":
      return "That report does not exist (any more).";
    case "conflict":
      return `The report is not ready for that step yet${detail}.`;
    case "rateLimited": {
      const seconds = Math.ceil((error.retryAfterMs ?? 60_000) / 1000);
      return `The account's API calls are used up for now: try again in ${seconds} seconds.`;
    }
    case "server":
      return `The API failed (${error.status ?? "no status"}): try again in a minute.`;
    case "network":
      return "The proxy cannot be reached: check the proxy address above and that the proxy is running.";
    case "timeout":
      return "The proxy did not answer in time: try again.";
    case "aborted":
      return "The call was cancelled.";
    case "decode":
      return "The proxy answered with something this page cannot read: check the proxy address.";
    default:
      return `The call failed: ${body.message ?? error.message}.`;
  }
}
