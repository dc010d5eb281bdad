import { ProxyError, invalidInput } from "./http";

/** The largest request body the proxy reads. */
export const MAX_BODY_BYTES = 1024 * 1024;

function tooLarge(): ProxyError {
  return new ProxyError(413, "payloadTooLarge", "the request body is over 1 MiB");
}

/** Refuses a declared body over the limit before anything reads it. */
export function checkDeclaredLength(request: Request): void {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
}

/**
 * The body as JSON, read with a running count so that a chunked body
 * without Content-Length cannot be larger than the limit either.
 */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  checkDeclaredLength(request);
  const text = await readCapped(request);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidInput("body", "the request body is not valid JSON");
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw invalidInput("body", "the request body must be a JSON object");
  }
  return value as Record<string, unknown>;
}

async function readCapped(request: Request): Promise<string> {
  if (request.body === null) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch {
      // The caller's connection broke mid-body: its request, not the proxy, failed.
      throw invalidInput("body", "the request body could not be read completely; send it again");
    }
    const { done, value } = step;
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
