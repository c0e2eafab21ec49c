// The rule that keeps categories a tree: a category may not become a child of itself or of its descendants.
import { FailedPreconditionError } from '@ecommerce/common/errors';

/** parent id of each category (null for a root), enough of the tree to walk up from the new parent. */
export type ParentLookup = ReadonlyMap<string, string | null>;

/**
 * Throws FailedPreconditionError (422) when moving `categoryId` under `newParentId` would make a cycle,
 * i.e. when the new parent is the category itself or one of its descendants. A null parent (root) is
 * always allowed.
 */
export function assertMoveKeepsTree(categoryId: string, newParentId: string | null, parentOf: ParentLookup): void {
  if (newParentId === null) return;
  if (newParentId === categoryId) {
    throw new FailedPreconditionError('a category cannot be its own parent', [
      { field: 'parentId', message: 'is the category itself' },
    ]);
  }
  const seen = new Set<string>();
  let cursor: string | null | undefined = newParentId;
  while (cursor) {
    if (cursor === categoryId) {
      throw new FailedPreconditionError('a category cannot be moved under one of its own descendants', [
        { field: 'parentId', message: 'is a descendant of the category' },
      ]);
    }
    // A loop already in the data would otherwise spin forever; treat it as the cycle it is.
    if (seen.has(cursor)) throw new FailedPreconditionError('the category tree already contains a cycle');
    seen.add(cursor);
    cursor = parentOf.get(cursor);
  }
}

export type TreeNode<T> = T & { children: TreeNode<T>[] };

/** Nests a flat list (ordered as it should be shown) into a forest of roots with `children`. */
export function buildTree<T extends { id: string; parentId: string | null }>(items: readonly T[]): TreeNode<T>[] {
  const nodes = new Map<string, TreeNode<T>>();
  for (const item of items) nodes.set(item.id, { ...item, children: [] });
  const roots: TreeNode<T>[] = [];
  for (const item of items) {
    const node = nodes.get(item.id)!;
    const parent = item.parentId === null ? undefined : nodes.get(item.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
