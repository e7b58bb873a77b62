/**
 * Code colours for REFI-QDA: a fixed palette of clearly different hues, given to codes in the
 * order they are written, so the same codebook always gets the same colours and no two of the
 * first 20 codes share one. Hash-derived colours collided (`quote` and `vérifier` both got
 * #46CF30) and QDA programs that snap colours to their own palette merged several codes.
 *
 * The colours are Sasha Trubetskoy's "20 simple, distinct colours" (2017) with beige replaced by
 * forest green (beige was too close to apricot), ordered so that the first ones are the most
 * different: any two are at least ΔE 25 apart in CIELAB (tested). After 20 codes it repeats.
 */
export const CODE_PALETTE: readonly string[] = [
  '#E6194B', // red
  '#3CB44B', // green
  '#4363D8', // blue
  '#FFE119', // yellow
  '#F58231', // orange
  '#911EB4', // purple
  '#42D4F4', // cyan
  '#F032E6', // magenta
  '#BFEF45', // lime
  '#FABED4', // pink
  '#469990', // teal
  '#DCBEFF', // lavender
  '#9A6324', // brown
  '#1B5E20', // forest green
  '#800000', // maroon
  '#AAFFC3', // mint
  '#808000', // olive
  '#FFD8B1', // apricot
  '#000075', // navy
  '#A9A9A9', // grey
];

/** The colour of the `index`-th code (0-based) in writing order. */
export function paletteColour(index: number): string {
  const n = CODE_PALETTE.length;
  return CODE_PALETTE[((Math.floor(index) % n) + n) % n];
}
