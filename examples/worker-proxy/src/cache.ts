/**
 * JSON answers kept in the Workers Cache API. Keys live under the proxy's own
 * host (a zone's cache only holds its own URLs) on a path no route answers, and
 * never include the caller's token: every caller shares one merchant account.
 */
export class ResponseCache {
  constructor(
    private readonly cache: Cache,
    private readonly origin: string,
  ) {}

  key(name: string, query = ""): Request {
    const url = new URL(`/__proxy-cache/v1/${name}`, this.origin);
    url.search = query;
    return new Request(url.toString(), { method: "GET" });
  }

  async get(key: Request): Promise<string | undefined> {
    const hit = await this.cache.match(key);
    return hit === undefined ? undefined : hit.text();
  }

  async put(key: Request, body: string, ttlSec: number): Promise<void> {
    if (ttlSec <= 0) return;
    const response = new Response(body, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Cache-Control": `max-age=${ttlSec}`,
      },
    });
    await this.cache.put(key, response);
  }

  async delete(key: Request): Promise<void> {
    await this.cache.delete(key);
  }
}
