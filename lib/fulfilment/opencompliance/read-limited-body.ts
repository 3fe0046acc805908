// Reads a request body up to a limit, for route handlers that need the raw bytes (a signature is checked
// over them) and must not hold an unbounded body in memory. Pure (web streams only).

/**
 * The body's bytes, or "too_large" as soon as more than `maxBytes` arrive (a declared Content-Length over
 * the limit is refused before reading). A body that breaks off counts as empty: its signature cannot verify.
 */
export async function readLimitedBody(request: Request, maxBytes: number): Promise<Uint8Array | "too_large"> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (Number.isFinite(declared) && declared > maxBytes) return "too_large";
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return "too_large";
      }
      chunks.push(value);
    }
  } catch {
    return new Uint8Array();
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
