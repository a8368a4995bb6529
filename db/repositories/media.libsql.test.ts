/** The media repository on libSQL (production may run it instead of D1): search and the where-used lookup. */
import { createLibsqlDb, migrateLibsqlDb } from '@db/client-node';
import { banners, landingPageRevisions, landingPages, posts } from '@db/schema';
import { newId } from '@domain/core/ids';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertMediaStatement, listMedia, type MediaRow, mediaUsesOf } from './media';

let db: ReturnType<typeof createLibsqlDb>;
const now = 1_800_000_000_000;

function row(filename: string, alt: string, at: number): MediaRow {
  const id = newId('media', at);
  return {
    id,
    key: `library/${id}.png`,
    filename,
    contentType: 'image/png',
    bytes: 10,
    width: 3,
    height: 2,
    alt,
    uploadedBy: 'content@demo.shop',
    createdAt: at,
  };
}

beforeAll(async () => {
  db = createLibsqlDb(':memory:');
  await migrateLibsqlDb(db);
});

describe('media repository on libSQL', () => {
  it('lists newest first and searches file name and alt, % and _ as plain characters, any ASCII case', async () => {
    const a = row('scarf.png', '100% wool SCARF', now);
    const b = row('scarf_detail.png', 'A scarf, close up', now + 1);
    await db.batch([insertMediaStatement(db, a), insertMediaStatement(db, b)]);
    expect((await listMedia(db, { limit: 10, offset: 0 })).items.map((m) => m.id)).toEqual([b.id, a.id]);
    const ids = async (q: string) =>
      (await listMedia(db, { q, limit: 10, offset: 0 })).items.map((m) => m.id);
    expect(await ids('Scarf')).toEqual([b.id, a.id]);
    expect(await ids('%')).toEqual([a.id]);
    expect(await ids('_')).toEqual([b.id]);
    expect((await listMedia(db, { q: 'scarf', limit: 1, offset: 1 })).total).toBe(2);
  });

  it('finds a URL in post covers and bodies, banners, page drafts and live revisions, not in old revisions', async () => {
    const url = `/media/library/${newId('media')}.webp`;
    const content = (title: string, image: string) =>
      JSON.stringify({ title, blocks: [{ type: 'image-text', imageUrl: image, imageAlt: 'Alt' }] });
    const [post, banner, draftPage, livePage, oldPage] = [
      newId('post'),
      newId('banner'),
      newId('page'),
      newId('page'),
      newId('page'),
    ];
    const [live, old] = [newId('pageRevision'), newId('pageRevision')];
    const page = (id: string, title: string, image: string) => ({
      id,
      slug: id.toLowerCase(),
      draft: content(title, image),
      createdAt: now,
      updatedAt: now,
    });
    await db.batch([
      db
        .insert(posts)
        .values({ id: post, slug: 'p', title: 'Post', bodyMarkdown: `![x](${url})`, updatedAt: now }),
      db.insert(banners).values({ id: banner, placement: 'home-hero', title: 'Banner', imageUrl: url }),
      db.insert(landingPages).values(page(draftPage, 'Draft', url)),
      db.insert(landingPages).values(page(livePage, 'Live', '/x.png')),
      db.insert(landingPages).values(page(oldPage, 'Old', '/x.png')),
      db
        .insert(landingPageRevisions)
        .values({ id: live, pageId: livePage, number: 1, content: content('Live', url), createdAt: now }),
      db
        .insert(landingPageRevisions)
        .values({ id: old, pageId: oldPage, number: 1, content: content('Old', url), createdAt: now }),
      db.update(landingPages).set({ replacedRevisionId: live }).where(eq(landingPages.id, livePage)),
    ]);
    const uses = await mediaUsesOf(db, url);
    expect(uses.map((u) => `${u.kind} ${u.title} ${u.editHref}`)).toEqual([
      `post Post /admin/content/posts/${post}`,
      `banner Banner /admin/content/banners/${banner}`,
      `page Draft /admin/content/pages/${draftPage}`,
      `page Live /admin/content/pages/${livePage}`,
    ]);
    expect(await mediaUsesOf(db, `/media/library/${newId('media')}.webp`)).toEqual([]);
  });
});
