/**
 * The approximate matcher: `approx-string-match` (Myers' bit-parallel algorithm, the library
 * Hypothesis anchors with). It is an ES module, so it is loaded with a dynamic import and then
 * passed to the (synchronous) anchoring code. esbuild bundles it into the extension and the CLI.
 */
export interface ApproxMatch {
  readonly start: number;
  readonly end: number;
  readonly errors: number;
}

/** search(text, pattern, maxErrors): the lowest-cost approximate matches of pattern in text. */
export type ApproxSearch = (text: string, pattern: string, maxErrors: number) => ApproxMatch[];

export async function loadApproxSearch(): Promise<ApproxSearch> {
  const mod = await import('approx-string-match');
  return mod.default;
}
