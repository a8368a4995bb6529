/** The category tree in reading order, for lists and pickers that show it flat. */

/** What the tree needs of a category. */
export interface TreeNode {
  id: string;
  parentId: string | null;
}

/** Deeper than this is not shown (the catalog service refuses loops; this only bounds a damaged tree). */
const MAX_DEPTH = 10;

/**
 * Depth-first: each category followed by its children, siblings in the order given (callers pass position, then
 * name). Categories whose parent is missing are left out, like those below MAX_DEPTH.
 */
export function treeOrder<C extends TreeNode>(
  all: readonly C[],
  parentId: string | null = null,
  depth = 0,
): (C & { depth: number })[] {
  if (depth > MAX_DEPTH) return [];
  return all
    .filter((c) => c.parentId === parentId)
    .flatMap((c) => [{ ...c, depth }, ...treeOrder(all, c.id, depth + 1)]);
}

/** How a picker shows a category: a dash per level above it, then its name ("— — Running shoes"). */
export function treeLabel(c: { name: string; depth: number }): string {
  return `${'— '.repeat(c.depth)}${c.name}`;
}
