/** The blog post editor's form: its text fields as the API's PostInput, and a saved post back as form values. */
import { slugify } from '@domain/catalog/slug';
import { PostInput, splitTags } from '@domain/content/post-input';

/** Every field of the editor, as the browser posts it (all text). */
export interface PostFormValues {
  title: string;
  slug: string;
  excerpt: string;
  authorName: string;
  tags: string;
  coverUrl: string;
  coverAlt: string;
  relatedProducts: string;
  bodyMarkdown: string;
  status: string;
  publishedAt: string;
  seoTitle: string;
  seoDescription: string;
}

export const emptyPostForm = (authorName = ''): PostFormValues => ({
  title: '',
  slug: '',
  excerpt: '',
  authorName,
  tags: '',
  coverUrl: '',
  coverAlt: '',
  relatedProducts: '',
  bodyMarkdown: '',
  status: 'draft',
  publishedAt: '',
  seoTitle: '',
  seoDescription: '',
});

/** A saved post as the editor shows it; the date as a `datetime-local` value in UTC. */
export function postFormOf(p: {
  title: string;
  slug: string;
  excerpt: string;
  authorName: string;
  tags: string[];
  coverUrl: string | null;
  coverAlt: string;
  products: { slug: string }[];
  bodyMarkdown: string;
  status: string;
  publishedAt: number | null;
  seoTitle: string;
  seoDescription: string;
}): PostFormValues {
  return {
    title: p.title,
    slug: p.slug,
    excerpt: p.excerpt,
    authorName: p.authorName,
    tags: p.tags.join(', '),
    coverUrl: p.coverUrl ?? '',
    coverAlt: p.coverAlt,
    relatedProducts: p.products.map((r) => r.slug).join(', '),
    bodyMarkdown: p.bodyMarkdown,
    status: p.status,
    publishedAt: p.publishedAt === null ? '' : new Date(p.publishedAt).toISOString().slice(0, 16),
    seoTitle: p.seoTitle,
    seoDescription: p.seoDescription,
  };
}

/** Which form field an input path belongs to (`cover.alt` → `coverAlt`, `relatedProducts.2` → `relatedProducts`). */
export function formFieldOf(path: string): keyof PostFormValues {
  if (path.startsWith('cover.url') || path === 'cover') return 'coverUrl';
  if (path.startsWith('cover.alt')) return 'coverAlt';
  return path.split('.')[0] as keyof PostFormValues;
}

/** The form as PostInput, or its errors by form field. An empty slug is made from the title. */
export function parsePostForm(
  v: PostFormValues,
):
  | { ok: true; input: PostInput }
  | { ok: false; fieldErrors: Partial<Record<keyof PostFormValues, string>> } {
  const cover = v.coverUrl.trim() || v.coverAlt.trim() ? { url: v.coverUrl, alt: v.coverAlt } : null;
  if (cover && !cover.url.trim())
    return { ok: false, fieldErrors: { coverUrl: 'Enter the cover image’s address.' } };
  const parsed = PostInput.safeParse({
    title: v.title,
    slug: v.slug.trim() || slugify(v.title),
    excerpt: v.excerpt,
    authorName: v.authorName,
    bodyMarkdown: v.bodyMarkdown,
    tags: splitTags(v.tags),
    cover,
    relatedProducts: v.relatedProducts
      .split(/[,\n]/)
      .map((r) => r.trim())
      .filter(Boolean),
    seoTitle: v.seoTitle,
    seoDescription: v.seoDescription,
    status: v.status,
    publishedAt: v.publishedAt.trim() || null,
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  const fieldErrors: Partial<Record<keyof PostFormValues, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = formFieldOf(issue.path.join('.'));
    fieldErrors[field] ??= issue.message;
  }
  return { ok: false, fieldErrors };
}
