// Which panes show a pair of documents opened together (a cell of the overlap matrix, the first
// screen's pair): pure (no DOM), so it is tested alone.

/**
 * The panes (indices into `shown`, the documents the panes show, at least two) in which to show
 * `a` and `b` side by side: a pane that already shows one of them keeps it, and the other goes
 * next to it (`a` on the left where there is room), so that no document is shown twice; neither
 * shown, the first two panes. (A tester with Shi, Emergence and Light Blade open clicked China
 * Briefing × Light Blade and got China Briefing, Light Blade, Light Blade.)
 */
export function pairPanes(shown: readonly (string | null)[], a: string, b: string): [number, number] {
  const [i, j] = [shown.indexOf(a), shown.indexOf(b)]
  if (i >= 0 && j >= 0) return [i, j]
  if (i >= 0) return [i, i + 1 < shown.length ? i + 1 : i - 1]
  if (j >= 0) return [j > 0 ? j - 1 : j + 1, j]
  return [0, 1]
}
