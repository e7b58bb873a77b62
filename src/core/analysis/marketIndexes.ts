/**
 * A stock market index named by its publisher or exchange ("the Dow Jones industrial average",
 * "London's FTSE 100 index", "the Nikkei average"): the name before the word for an index is the
 * index's, a product of the publisher, no organisation of its own in that mention.
 */
const INDEX_AFTER = /^(?: \d+)? (?:index|indices|industrial average|industrials|average|composite index)\b/;

/** Whether the name ending at `end` is followed by a word for a market index. */
export function namesAnIndex(text: string, end: number): boolean {
  return INDEX_AFTER.test(text.slice(end, end + 24));
}
