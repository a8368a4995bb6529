/** The landing editor's form: posted fields become content, problems land on their fields, block operations move text. */
import { describe, expect, it } from 'vitest';
import { applyOp, opOf, parseLandingForm, readLandingForm } from './landing-form';

const posted = {
  version: '3',
  title: 'Winter',
  slug: 'winter',
  blockCount: '3',
  'b0-type': 'hero',
  'b0-heading': 'Warm up',
  'b1-type': 'product-grid',
  'b1-source': 'products',
  'b1-products': 'tee-1\nSKU-2, tee-3',
  'b1-limit': '6',
  'b2-type': 'faq',
  'b2-q0': 'Sizes?',
  'b2-a0': 'S to XL.',
  'b2-q1': '',
  'b2-a1': '',
};

describe('landing form', () => {
  it('reads the posted blocks as content', () => {
    const parsed = parseLandingForm(readLandingForm(posted));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.version).toBe(3);
    expect(parsed.content.blocks.map((b) => b.type)).toEqual(['hero', 'product-grid', 'faq']);
    expect(parsed.content.blocks[1]).toMatchObject({ products: ['tee-1', 'SKU-2', 'tee-3'], limit: 6 });
    expect(parsed.content.blocks[2]).toMatchObject({ items: [{ question: 'Sizes?', answer: 'S to XL.' }] });
  });

  it('puts each problem on its own field and drops unknown block types', () => {
    const values = readLandingForm({
      ...posted,
      slug: 'Not A Slug',
      'b0-heading': '<b>Loud</b>',
      'b1-limit': 'lots',
      'b2-q0': '',
      'b2-a0': 'An answer without a question',
      blockCount: '4',
      'b3-type': 'script',
    });
    expect(values.blocks).toHaveLength(3);
    const parsed = parseLandingForm(values);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.fieldErrors).sort()).toEqual(['b0-heading', 'b1-limit', 'b2-q0', 'slug']);
  });

  it('adds, moves and removes blocks without losing what was typed', () => {
    const values = readLandingForm(posted);
    const added = applyOp(values, { kind: 'add', type: 'cta' });
    expect(added.values.blocks.map((b) => b.type)).toEqual(['hero', 'product-grid', 'faq', 'cta']);
    const moved = applyOp(added.values, opOf({ op: 'up:1' }) as { kind: 'up'; index: number });
    expect(moved.values.blocks.map((b) => b.type)).toEqual(['product-grid', 'hero', 'faq', 'cta']);
    expect(moved.values.blocks[1]?.fields.heading).toBe('Warm up');
    const removed = applyOp(moved.values, { kind: 'remove', index: 0 });
    expect(removed.values.blocks.map((b) => b.type)).toEqual(['hero', 'faq', 'cta']);
    expect(applyOp(values, { kind: 'up', index: 0 }).message).toMatch(/cannot move/);
    expect(opOf({ op: 'drop table' })).toEqual({ kind: 'save' });
  });
});
