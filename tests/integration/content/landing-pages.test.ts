/**
 * Landing pages on D1: drafts are invisible until published, a scheduled change keeps the live revision up until it
 * starts, stale or racing editors write nothing, renamed pages answer with a redirect, preview links open the draft
 * only while valid, revisions restore, and the sitemap lists only what is live.
 */
import { env } from 'cloudflare:test';
import { createDb } from '@db/client';
import { KEPT_REVISIONS, listRevisions } from '@db/repositories/landing-pages';
import { auditLog } from '@db/schema';
import type { SeedData } from '@db/seed/generate';
import { LandingPageContent as Content, type LandingPageContent } from '@domain/content/landing-page';
import { seedSmallStore } from '@tests/support/workerd';
import {
  createLandingPage,
  createPreviewLink,
  deleteLandingPage,
  publishLandingPage,
  restoreLandingPageRevision,
  saveLandingPageDraft,
  unpublishLandingPage,
} from '@worker/services/content/landing-pages';
import { loadLandingPage, loadPreview, sitemapLandingPages } from '@worker/services/content/landing-view';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

let data: SeedData;
const db = () => createDb(env);
const HOUR = 3_600_000;
const ctx = (now = Date.now()) => ({
  db: db(),
  actor: { id: 'stf_landingtest', email: 'editor@example.com' },
  now,
});

beforeAll(async () => {
  data = await seedSmallStore();
});

let counter = 0;
async function newPage(title = 'Summer') {
  const slug = `summer-${++counter}-${Date.now()}`;
  const made = await createLandingPage(ctx(), { title, slug });
  if (!made.ok) throw new Error(made.error.detail);
  return { id: made.value.id, slug };
}

function content(title: string, extra: Partial<LandingPageContent> = {}): LandingPageContent {
  return Content.parse({ title, blocks: [{ type: 'rich-text', markdown: `# ${title}` }], ...extra });
}

async function save(id: string, version: number, slug: string, c: LandingPageContent, now = Date.now()) {
  const saved = await saveLandingPageDraft(ctx(now), id, { version, slug, content: c });
  if (!saved.ok) throw new Error(saved.error.detail);
  return saved.value.version;
}

const shown = async (slug: string, now = Date.now()) => {
  const answer = await loadLandingPage(db(), slug, now);
  return answer.kind === 'page' ? answer.view.title : answer.kind === 'moved' ? `moved:${answer.to}` : null;
};

describe('landing pages', () => {
  it('stays out of the shop until published, then shows the published revision with its grid filled', async () => {
    const { id, slug } = await newPage();
    const collection = data.collections[0]!;
    const grid = Content.parse({
      title: 'Grid page',
      blocks: [
        { type: 'hero', heading: 'Big news' },
        {
          type: 'product-grid',
          heading: 'Picks',
          source: 'collection',
          collectionId: collection.id,
          limit: 3,
        },
        { type: 'rich-text', markdown: 'Hello <script>alert(1)</script> **there**' },
      ],
    });
    const v2 = await save(id, 1, slug, grid);
    expect(await shown(slug)).toBeNull();

    expect(
      (await publishLandingPage(ctx(), id, { version: v2, publishAt: null, unpublishAt: null })).ok,
    ).toBe(true);
    const answer = await loadLandingPage(db(), slug, Date.now());
    expect(answer.kind).toBe('page');
    if (answer.kind !== 'page') return;
    expect(answer.view.title).toBe('Grid page');
    const gridView = answer.view.blocks.find((b) => b.type === 'product-grid');
    expect(gridView && gridView.type === 'product-grid' && gridView.products.length).toBeGreaterThan(0);
    const text = answer.view.blocks.find((b) => b.type === 'rich-text');
    expect(text && text.type === 'rich-text' && text.html).toContain('<strong>there</strong>');
    expect(text && text.type === 'rich-text' && text.html).not.toContain('<script');
    expect((await sitemapLandingPages(db(), Date.now())).map((p) => p.path)).toContain(`/pages/${slug}`);
  });

  it('keeps the live revision up until a scheduled change starts, and takes the page down on time', async () => {
    const { id, slug } = await newPage();
    const now = Date.now();
    let v = await save(id, 1, slug, content('Version one'), now);
    const first = await publishLandingPage(ctx(now), id, { version: v, publishAt: null, unpublishAt: null });
    v = first.ok ? first.value.version : -1;
    v = await save(id, v, slug, content('Version two'), now);
    const start = now + 2 * HOUR;
    const end = now + 5 * HOUR;
    const second = await publishLandingPage(ctx(now), id, { version: v, publishAt: start, unpublishAt: end });
    expect(second.ok).toBe(true);

    expect(await shown(slug, now + HOUR)).toBe('Version one');
    expect(await shown(slug, start)).toBe('Version two');
    expect(await shown(slug, end)).toBeNull();
    // Before it starts, the scheduled page is not in the sitemap as new; the old one is, as it is live.
    expect((await sitemapLandingPages(db(), end + 1)).map((p) => p.path)).not.toContain(`/pages/${slug}`);
  });

  it('refuses a stale editor and lets exactly one of two racing saves win, writing nothing for the loser', async () => {
    const { id, slug } = await newPage();
    const stale = await saveLandingPageDraft(ctx(), id, { version: 7, slug, content: content('Stale') });
    expect(stale.ok ? null : stale.error.code).toBe('CONFLICT');

    const results = await Promise.all(
      ['Racer A', 'Racer B'].map((t) =>
        saveLandingPageDraft(ctx(), id, { version: 1, slug, content: content(t) }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)?.ok === false && results.find((r) => !r.ok)).toMatchObject({
      error: { code: 'CONFLICT' },
    });
    // One creation revision and one saved revision; one audit entry per successful write.
    expect(await listRevisions(db(), id)).toHaveLength(2);
    const audits = await db().select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audits.map((a) => a.action).sort()).toEqual(['landing_page.create', 'landing_page.save']);
  });

  it('answers a renamed page with a redirect to its new address, without chains, and frees a reused address', async () => {
    const { id, slug } = await newPage('Moving');
    let v = await save(id, 1, slug, content('Moving'));
    const pub = await publishLandingPage(ctx(), id, { version: v, publishAt: null, unpublishAt: null });
    v = pub.ok ? pub.value.version : -1;
    v = await save(id, v, `${slug}-b`, content('Moving'));
    v = await save(id, v, `${slug}-c`, content('Moving'));
    expect(await shown(slug)).toBe(`moved:/pages/${slug}-c`);
    expect(await shown(`${slug}-b`)).toBe(`moved:/pages/${slug}-c`);
    expect(await shown(`${slug}-c`)).toBe('Moving');

    // Another page taking the old address is served itself, not redirected away.
    const other = await createLandingPage(ctx(), { title: 'Reuse', slug: `${slug}-z` });
    expect(other.ok).toBe(true);
    if (!other.ok) return;
    const ov = await save(other.value.id, 1, `${slug}-z`, content('Reused'));
    const renamed = await saveLandingPageDraft(ctx(), other.value.id, {
      version: ov,
      slug,
      content: content('Reused'),
    });
    expect(renamed.ok).toBe(true);
    await publishLandingPage(ctx(), other.value.id, {
      version: renamed.ok ? renamed.value.version : -1,
      publishAt: null,
      unpublishAt: null,
    });
    expect(await shown(slug)).toBe('Reused');

    // A taken address is refused, nothing written.
    const clash = await saveLandingPageDraft(ctx(), id, { version: v, slug, content: content('Moving') });
    expect(clash.ok ? null : clash.error.code).toBe('CONFLICT');
  });

  it('opens the draft through a preview link only while it is valid; guessed and malformed tokens get nothing', async () => {
    const { id, slug } = await newPage();
    await save(id, 1, slug, content('Secret draft'));
    const link = await createPreviewLink(ctx(), id, 1);
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    const token = link.value.path.split('/').at(-1)!;
    expect((await loadPreview(db(), token, Date.now()))?.view.title).toBe('Secret draft');
    expect(await loadPreview(db(), token, link.value.expiresAt)).toBeNull();
    expect(
      await loadPreview(db(), `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, Date.now()),
    ).toBeNull();
    expect(await loadPreview(db(), '../../etc', Date.now())).toBeNull();
    expect((await createPreviewLink(ctx(), id, 5)).ok).toBe(false);
  });

  it('restores an earlier revision as a new one, and unpublishing and deleting take the page out', async () => {
    const { id, slug } = await newPage();
    let v = await save(id, 1, slug, content('First words'));
    v = await save(id, v, slug, content('Second words'));
    const revisions = await listRevisions(db(), id);
    const firstWords = revisions.find((r) => r.number === 2)!;
    const restored = await restoreLandingPageRevision(ctx(), id, { version: v, number: firstWords.number });
    expect(restored.ok).toBe(true);
    v = restored.ok ? restored.value.version : -1;
    expect(await listRevisions(db(), id)).toHaveLength(revisions.length + 1);
    const pub = await publishLandingPage(ctx(), id, { version: v, publishAt: null, unpublishAt: null });
    expect(await shown(slug)).toBe('First words');

    v = pub.ok ? pub.value.version : -1;
    const down = await unpublishLandingPage(ctx(), id, { version: v });
    expect(await shown(slug)).toBeNull();
    const gone = await deleteLandingPage(ctx(), id, { version: down.ok ? down.value.version : -1 });
    expect(gone.ok).toBe(true);
    expect((await restoreLandingPageRevision(ctx(), id, { version: 1, number: 1 })).ok).toBe(false);
  });

  it('keeps the newest revisions and the published one when the history grows long', async () => {
    const { id, slug } = await newPage();
    let v = await save(id, 1, slug, content('Published one'));
    const pub = await publishLandingPage(ctx(), id, { version: v, publishAt: null, unpublishAt: null });
    v = pub.ok ? pub.value.version : -1;
    for (let i = 0; i < KEPT_REVISIONS + 5; i++) v = await save(id, v, slug, content(`Edit ${i}`));
    const kept = await listRevisions(db(), id);
    expect(kept.length).toBeLessThanOrEqual(KEPT_REVISIONS + 2);
    expect(kept.some((r) => r.number === 2)).toBe(true); // the published revision survives pruning
    expect(await shown(slug)).toBe('Published one');
  });
});
