/** A new blog post: the editor, empty; saving (content:write, checked again in the action) opens the post's editor. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeAction$, routeLoader$ } from '@builder.io/qwik-city';
import { PostEditor } from '~/components/admin/post-editor/PostEditor';
import { savePostForm } from '~/lib/admin-posts';
import { useMediaChoices } from '~/lib/media-choices';
import { emptyPostForm } from '~/lib/post-form';
import { pageStaff } from '~/lib/session';

/** The library images the image field suggests (MediaPicker). */
export { useMediaChoices };

export const useAuthor = routeLoader$(async (event) => (await pageStaff(event))?.principal.name ?? '');

export const useCreatePost = routeAction$((data, event) =>
  savePostForm(data as Record<string, unknown>, event, null),
);

export default component$(() => {
  const mediaImages = useMediaChoices().value;
  const author = useAuthor();
  const create = useCreatePost();
  return (
    <>
      <div class="adm-head">
        <h1>Write a post</h1>
        <a class="adm-btn adm-btn-secondary" href="/admin/content/posts">
          All posts
        </a>
      </div>
      <PostEditor
        media={mediaImages}
        action={create}
        values={emptyPostForm(author.value)}
        submitLabel="Save post"
      />
    </>
  );
});

export const head: DocumentHead = { title: 'Write a post' };
