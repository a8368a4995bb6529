/**
 * The landing-page editor's one form: page fields plus each block's fields, named `b<i>-<field>` (no dots: Qwik City
 * turns dotted names into nested objects). Buttons name an operation (`op`): add, move or remove a block re-render
 * the form from what was posted without saving; `save` checks everything against `LandingPageContent` and saves.
 */

import { SlugSchema } from '@domain/catalog/slug';
import {
  BLOCK_TYPES,
  blankBlock,
  type LandingBlockType,
  LandingPageContent,
  MAX_BLOCKS,
  MAX_FAQ_ITEMS,
} from '@domain/content/landing-page';

/** One block as the form holds it: every field as text, FAQ items as pairs. */
export interface BlockFormValues {
  type: LandingBlockType;
  fields: Record<string, string>;
  items: { question: string; answer: string }[];
}

export interface LandingFormValues {
  version: string;
  title: string;
  slug: string;
  seoTitle: string;
  seoDescription: string;
  ogImageUrl: string;
  canonicalUrl: string;
  blocks: BlockFormValues[];
}

const PAGE_FIELDS = ['title', 'slug', 'seoTitle', 'seoDescription', 'ogImageUrl', 'canonicalUrl'] as const;

/** The text fields of each block type (FAQ items are separate). */
export const BLOCK_FIELDS: Record<LandingBlockType, readonly string[]> = {
  hero: ['heading', 'text', 'imageUrl', 'imageAlt', 'actionLabel', 'actionHref'],
  'rich-text': ['markdown'],
  'image-text': ['heading', 'markdown', 'imageUrl', 'imageAlt', 'imageSide'],
  'product-grid': ['heading', 'source', 'collectionId', 'categoryId', 'products', 'limit'],
  banner: ['heading', 'text', 'tone', 'actionLabel', 'actionHref'],
  faq: ['heading'],
  cta: ['heading', 'text', 'actionLabel', 'actionHref'],
};

function isBlockType(t: unknown): t is LandingBlockType {
  return BLOCK_TYPES.some((b) => b.type === t);
}

/** A field's form name. */
export const blockField = (i: number, field: string) => `b${i}-${field}`;
export const faqField = (i: number, j: number, part: 'q' | 'a') => `b${i}-${part}${j}`;

function text(raw: unknown, max = 40_000) {
  return typeof raw === 'string' ? raw.slice(0, max) : '';
}

/** A stored block as form text. */
function blockValuesOf(block: Record<string, unknown>): BlockFormValues {
  const type = block.type as LandingBlockType;
  const fields: Record<string, string> = {};
  for (const f of BLOCK_FIELDS[type]) {
    const v = block[f];
    fields[f] = Array.isArray(v) ? v.join('\n') : v === undefined || v === null ? '' : String(v);
  }
  const items = Array.isArray(block.items) ? (block.items as BlockFormValues['items']) : [];
  return { type, fields, items };
}

/** Saved content as the form shows it. */
export function landingFormOf(content: LandingPageContent, slug: string, version: number): LandingFormValues {
  return {
    version: String(version),
    title: content.title,
    slug,
    seoTitle: content.seoTitle,
    seoDescription: content.seoDescription,
    ogImageUrl: content.ogImageUrl,
    canonicalUrl: content.canonicalUrl,
    blocks: content.blocks.map((b) => blockValuesOf(b)),
  };
}

/** The posted form as values (unknown block types dropped, at most MAX_BLOCKS blocks and MAX_FAQ_ITEMS questions). */
export function readLandingForm(data: Record<string, unknown>): LandingFormValues {
  const count = Math.min(MAX_BLOCKS + 1, Math.max(0, Number.parseInt(text(data.blockCount, 4), 10) || 0));
  const blocks: BlockFormValues[] = [];
  for (let i = 0; i < count; i++) {
    const type = data[blockField(i, 'type')];
    if (!isBlockType(type)) continue;
    const fields: Record<string, string> = {};
    for (const f of BLOCK_FIELDS[type]) fields[f] = text(data[blockField(i, f)]);
    const items: BlockFormValues['items'] = [];
    if (type === 'faq')
      for (let j = 0; j <= MAX_FAQ_ITEMS; j++) {
        const question = text(data[faqField(i, j, 'q')], 2_000);
        const answer = text(data[faqField(i, j, 'a')], 4_000);
        if (question.trim() || answer.trim()) items.push({ question, answer });
      }
    blocks.push({ type, fields, items });
  }
  const values = { version: text(data.version, 12), blocks } as LandingFormValues;
  for (const f of PAGE_FIELDS) values[f] = text(data[f], 1_000);
  return values;
}

/** What an operation button asks for; anything unrecognised is a save. */
export type LandingOp =
  | { kind: 'save' }
  | { kind: 'add'; type: LandingBlockType }
  | { kind: 'up' | 'down' | 'remove'; index: number };

export function opOf(data: Record<string, unknown>): LandingOp {
  const raw = text(data.op, 40);
  const move = /^(up|down|remove):(\d{1,3})$/.exec(raw);
  if (move) return { kind: move[1] as 'up' | 'down' | 'remove', index: Number(move[2]) };
  if (raw === 'add') {
    const type = data.addType;
    if (isBlockType(type)) return { kind: 'add', type };
  }
  return { kind: 'save' };
}

/** The form after a block operation (not saved), and what to tell the editor. */
export function applyOp(values: LandingFormValues, op: Exclude<LandingOp, { kind: 'save' }>) {
  const blocks = [...values.blocks];
  let message: string;
  if (op.kind === 'add') {
    if (blocks.length >= MAX_BLOCKS) return { values, message: `A page holds at most ${MAX_BLOCKS} blocks.` };
    blocks.push(blockValuesOf(blankBlock(op.type)));
    message = `${BLOCK_TYPES.find((b) => b.type === op.type)?.label} block added at the end.`;
  } else {
    const i = op.index;
    const j = op.kind === 'up' ? i - 1 : i + 1;
    if (i >= blocks.length) return { values, message: 'That block is no longer on the page.' };
    if (op.kind === 'remove') {
      blocks.splice(i, 1);
      message = `Block ${i + 1} removed.`;
    } else if (j < 0 || j >= blocks.length) {
      return { values, message: 'That block cannot move further.' };
    } else {
      [blocks[i], blocks[j]] = [blocks[j]!, blocks[i]!];
      message = `Block ${i + 1} moved ${op.kind} to position ${j + 1}.`;
    }
  }
  return { values: { ...values, blocks }, message: `${message} Not saved yet: save the draft to keep it.` };
}

/** A block's form text as the schema's input shape (numbers and lists parsed; the schema judges the rest). */
function blockInput(b: BlockFormValues): Record<string, unknown> {
  const out: Record<string, unknown> = { type: b.type, ...b.fields };
  if (b.type === 'product-grid') {
    const limit = (b.fields.limit ?? '').trim();
    out.products = (b.fields.products ?? '')
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter(Boolean);
    out.limit = /^\d{1,3}$/.test(limit) ? Number(limit) : limit;
  }
  if (b.type === 'faq') out.items = b.items;
  return out;
}

/** The form name an issue path points at (`blocks.2.items.0.question` → `b2-q0`). */
export function fieldNameOf(path: readonly PropertyKey[]): string {
  if (path[0] !== 'blocks' || typeof path[1] !== 'number') return String(path[0] ?? 'title');
  const i = path[1];
  if (path[2] === 'items' && typeof path[3] === 'number')
    return faqField(i, path[3], path[4] === 'answer' ? 'a' : 'q');
  if (path[2] === 'products') return blockField(i, 'products');
  return blockField(i, String(path[2] ?? 'type'));
}

export type LandingFormParse =
  | { ok: true; content: LandingPageContent; slug: string; version: number }
  | { ok: false; fieldErrors: Record<string, string> };

/** The posted form as content to save, or each problem against its field. */
export function parseLandingForm(values: LandingFormValues): LandingFormParse {
  const fieldErrors: Record<string, string> = {};
  const slug = SlugSchema.safeParse(values.slug.trim());
  if (!slug.success) fieldErrors.slug = slug.error.issues[0]?.message ?? 'Check the address.';
  const parsed = LandingPageContent.safeParse({
    title: values.title,
    seoTitle: values.seoTitle,
    seoDescription: values.seoDescription,
    ogImageUrl: values.ogImageUrl,
    canonicalUrl: values.canonicalUrl,
    blocks: values.blocks.map(blockInput),
  });
  if (!parsed.success)
    for (const issue of parsed.error.issues) fieldErrors[fieldNameOf(issue.path)] ??= issue.message;
  const version = Number.parseInt(values.version, 10);
  if (!parsed.success || !slug.success || !Number.isSafeInteger(version)) return { ok: false, fieldErrors };
  return { ok: true, content: parsed.data, slug: slug.data, version };
}
