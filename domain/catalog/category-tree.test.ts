import { describe, expect, it } from 'vitest';
import { treeLabel, treeOrder } from './category-tree';

const cat = (id: string, parentId: string | null) => ({ id, parentId, name: id });

describe('treeOrder', () => {
  it('puts each category before its children, keeping the given sibling order', () => {
    const all = [
      cat('shoes', null),
      cat('bags', null),
      cat('trail', 'shoes'),
      cat('road', 'shoes'),
      cat('tote', 'bags'),
    ];
    expect(treeOrder(all).map((c) => `${c.depth}:${c.id}`)).toEqual([
      '0:shoes',
      '1:trail',
      '1:road',
      '0:bags',
      '1:tote',
    ]);
  });

  it('leaves out categories whose parent is missing or that sit in a loop', () => {
    expect(treeOrder([cat('a', null), cat('lost', 'gone')]).map((c) => c.id)).toEqual(['a']);
    const loop = [cat('root', null), cat('x', 'root'), cat('y', 'x')];
    loop[1]!.parentId = 'y'; // x → y → x: unreachable from the root, so not listed
    expect(treeOrder(loop).map((c) => c.id)).toEqual(['root']);
  });

  it('labels a category with a dash per level above it', () => {
    expect(treeLabel({ name: 'Trail', depth: 2 })).toBe('— — Trail');
    expect(treeLabel({ name: 'Shoes', depth: 0 })).toBe('Shoes');
  });
});
