import { PciClient } from "qualys-pci";

export interface Connection {
  proxyUrl: string;
  token: string;
}

const STORAGE_KEY = "qualys-pci-dashboard.connection";

/**
 * Where the proxy is and its token: from the link (`#proxy=...&token=...`,
 * as `make demo` prints it), else from this tab's session, else the build's
 * VITE_PROXY_URL with the token left for the user to type.
 */
export function initialConnection(): Connection {
  const fromLink = new URLSearchParams(location.hash.slice(1));
  const proxyUrl = fromLink.get("proxy");
  const token = fromLink.get("token");
  if (proxyUrl && token) {
    // The token should not stay in the address bar or the history.
    history.replaceState(null, "", location.pathname + location.search);
    saveConnection({ proxyUrl, token });
    return { proxyUrl, token };
  }
  const saved = sessionStorage.getItem(STORAGE_KEY);
  if (saved) {
    try {
      return JSON.parse(saved) as Connection;
    } catch {
      sessionStorage.removeItem(STORAGE_KEY);
    }
  }
  return { proxyUrl: import.meta.env.VITE_PROXY_URL ?? "", token: "" };
}

export function saveConnection(connection: Connection): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(connection));
}

/**
 * A client that talks to the proxy: no API credentials in the browser, only
 * the proxy's token. Long rate-limit waits are reported rather than waited out.
 */
export function clientFor(connection: Connection): PciClient {
  return new PciClient({
    baseUrl: connection.proxyUrl,
    headers: { Authorization: `Bearer ${connection.token}` },
    maxRetryDelayMs: 3000,
    timeoutMs: 30_000,
  });
}
