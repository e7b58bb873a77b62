import { UserError } from '../core/fileSystem';

export interface FetchLimits {
  /** Largest body, in bytes. */
  readonly maxBytes: number;
  /** The whole fetch, redirects included, in milliseconds. */
  readonly timeoutMs: number;
  readonly maxRedirects: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { maxBytes: 20 * 1024 * 1024, timeoutMs: 30_000, maxRedirects: 5 };

export interface FetchedPage {
  readonly bytes: Uint8Array;
  /** The address after redirects. */
  readonly url: string;
  readonly contentType?: string;
}

/**
 * Fetch a page once with Node's fetch, for Import Source from a URL: http and https only (also
 * after each redirect), redirects followed by hand up to a limit with loops named as such, the
 * body read up to a size limit (the download is cancelled past it), and one deadline for the
 * whole exchange. Every failure is a UserError that names the address and says what happened.
 * `signal` cancels (the editor's Cancel button).
 */
export async function fetchPage(address: string, limits: FetchLimits = DEFAULT_FETCH_LIMITS, signal?: AbortSignal): Promise<FetchedPage> {
  let url = checkedUrl(address, address);
  const deadline = AbortSignal.timeout(limits.timeoutMs);
  const abort = signal ? AbortSignal.any([deadline, signal]) : deadline;
  const seen = new Set<string>([url.href]);
  try {
    for (let redirects = 0; ; redirects++) {
      const res = await fetch(url, {
        redirect: 'manual',
        signal: abort,
        headers: { accept: 'text/html,application/xhtml+xml,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document;q=0.9,*/*;q=0.5', 'user-agent': 'source-annotator (Import Source)' },
      });
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        await res.body?.cancel();
        const location = res.headers.get('location');
        if (!location) throw new UserError(`${address}: the server answered ${res.status} without a Location`);
        const next = checkedUrl(new URL(location, url).href, address);
        if (seen.has(next.href)) throw new UserError(`${address}: redirect loop (${next.href} again after ${redirects + 1} redirect(s)); nothing was imported`);
        if (redirects + 1 > limits.maxRedirects) throw new UserError(`${address}: more than ${limits.maxRedirects} redirects; nothing was imported`);
        seen.add(next.href);
        url = next;
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new UserError(`${address}: the server answered ${res.status} ${res.statusText}`.trimEnd());
      }
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (declared > limits.maxBytes) {
        await res.body?.cancel();
        throw new UserError(`${address}: the page is too large (${declared} bytes; the limit is ${limits.maxBytes})`);
      }
      const bytes = await readBounded(res, limits.maxBytes, address);
      return { bytes, url: url.href, contentType: res.headers.get('content-type') ?? undefined };
    }
  } catch (err) {
    if (err instanceof UserError) throw err;
    if (signal?.aborted) throw new UserError(`${address}: cancelled`);
    if (deadline.aborted) throw new UserError(`${address}: no answer within ${Math.round(limits.timeoutMs / 1000)} s`);
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new UserError(`${address}: could not be reached (${cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err))})`);
  }
}

function checkedUrl(value: string, original: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UserError(`${original}: not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UserError(`${original}: only http and https addresses are fetched (got ${url.protocol})`);
  if (url.username || url.password) throw new UserError(`${original}: addresses with a user name or password are not fetched`);
  url.hash = '';
  return url;
}

async function readBounded(res: Response, max: number, address: string): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw new UserError(`${address}: the page is too large (more than ${max} bytes)`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The file name a fetched address suggests: its last path segment, else the host. */
export function urlFileName(address: string): string {
  try {
    const u = new URL(address);
    const seg = decodeURIComponent(u.pathname.split('/').filter((s) => s.length > 0).pop() ?? '');
    return seg.replace(/[\\/\0]/g, '_') || u.hostname || 'page';
  } catch {
    return 'page';
  }
}
