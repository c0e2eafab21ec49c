import { FailedPreconditionError } from '@ecommerce/common/errors';
import { describe, expect, it } from 'vitest';
import { assertMoveKeepsTree, buildTree } from '../src/rules/category-tree.js';

// root -> shoes -> running -> trail ; root -> hats
const parentOf = new Map<string, string | null>([
  ['root', null],
  ['shoes', 'root'],
  ['running', 'shoes'],
  ['trail', 'running'],
  ['hats', 'root'],
]);

describe('assertMoveKeepsTree', () => {
  it('allows moving a category under an unrelated branch', () => {
    expect(() => assertMoveKeepsTree('running', 'hats', parentOf)).not.toThrow();
  });

  it('allows moving a category to the top level', () => {
    expect(() => assertMoveKeepsTree('trail', null, parentOf)).not.toThrow();
  });

  it('allows moving a category under its own ancestor', () => {
    expect(() => assertMoveKeepsTree('trail', 'root', parentOf)).not.toThrow();
  });

  it('refuses making a category its own parent', () => {
    expect(() => assertMoveKeepsTree('shoes', 'shoes', parentOf)).toThrowError(FailedPreconditionError);
    expect(() => assertMoveKeepsTree('shoes', 'shoes', parentOf)).toThrowError(/own parent/);
  });

  it('refuses moving a category under its direct child', () => {
    expect(() => assertMoveKeepsTree('shoes', 'running', parentOf)).toThrowError(/own descendants/);
  });

  it('refuses moving a category under a deeper descendant', () => {
    expect(() => assertMoveKeepsTree('root', 'trail', parentOf)).toThrowError(/own descendants/);
  });

  it('names parentId in the refusal details', () => {
    try {
      assertMoveKeepsTree('shoes', 'trail', parentOf);
      expect.unreachable('the move should have been refused');
    } catch (err) {
      expect((err as FailedPreconditionError).details).toEqual([{ field: 'parentId', message: 'is a descendant of the category' }]);
    }
  });

  it('stops with an error instead of looping when the stored tree already has a cycle', () => {
    const broken = new Map<string, string | null>([['a', 'b'], ['b', 'a']]);
    expect(() => assertMoveKeepsTree('x', 'a', broken)).toThrowError(/already contains a cycle/);
  });
});

describe('buildTree', () => {
  it('nests children under their parents in the given order', () => {
    const flat = [
      { id: 'root', parentId: null },
      { id: 'hats', parentId: 'root' },
      { id: 'shoes', parentId: 'root' },
      { id: 'running', parentId: 'shoes' },
    ];
    const tree = buildTree(flat);
    expect(tree.map((n) => n.id)).toEqual(['root']);
    expect(tree[0]!.children.map((n) => n.id)).toEqual(['hats', 'shoes']);
    expect(tree[0]!.children[1]!.children.map((n) => n.id)).toEqual(['running']);
  });
});
