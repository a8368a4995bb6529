/** The blog editor pages' shared action: read the form, check content:write, save through the posts service. */
import type { RequestEventAction } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { statusOfError } from '@domain/core/errors';
import { createPost, updatePost } from '@worker/services/content/posts';
import type { PostEditorResult } from '~/components/admin/post-editor/PostEditor';
import { staffWith } from '~/lib/admin-session';
import { emptyPostForm, formFieldOf, type PostFormValues, parsePostForm } from '~/lib/post-form';

const FIELDS = Object.keys(emptyPostForm()) as (keyof PostFormValues)[];

/** The posted fields as text (a missing one is empty; each is capped so a huge post cannot echo back unbounded). */
function valuesOf(data: Record<string, unknown>): PostFormValues {
  const out = emptyPostForm();
  for (const f of FIELDS) {
    const raw = data[f];
    out[f] = typeof raw === 'string' ? raw.slice(0, 200_000) : '';
  }
  return out;
}

/** Creates (`id` null) or updates the post; on success redirects to its editor, else answers the form's errors. */
export async function savePostForm(
  data: Record<string, unknown>,
  event: RequestEventAction<QwikCityPlatform>,
  id: string | null,
): Promise<PostEditorResult> {
  const actor = await staffWith(event, 'content:write');
  if (!actor) return event.fail(403, { message: 'Your roles do not allow writing posts.' });
  const values = valuesOf(data);
  const parsed = parsePostForm(values);
  if (!parsed.ok)
    return event.fail(400, {
      message: 'Please check the highlighted fields.',
      fieldErrors: parsed.fieldErrors,
      values,
    });
  const ctx = {
    db: createDb(event.platform.env),
    actor,
    now: Date.now(),
    requestId: event.request.headers.get('X-Request-Id') ?? undefined,
  };
  const result = id === null ? await createPost(ctx, parsed.input) : await updatePost(ctx, id, parsed.input);
  if (!result.ok) {
    const issues = (result.error.meta?.errors ?? []) as { path: string; message: string }[];
    const fieldErrors: PostEditorResult['fieldErrors'] = {};
    for (const issue of issues) fieldErrors[formFieldOf(issue.path)] ??= issue.message;
    return event.fail(statusOfError(result.error.code), {
      message: result.error.detail,
      fieldErrors,
      values,
    });
  }
  throw event.redirect(303, `/admin/content/posts/${result.value.id}?saved=1`);
}
