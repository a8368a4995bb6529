/**
 * The library images an editor's image field suggests, as a route loader: a page that renders MediaPicker re-exports
 * it (`export { useMediaChoices } from '~/lib/media-choices'`; Qwik City runs only loaders its route file exports).
 */
import { routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { listMediaChoices } from '@worker/services/content/media';

export const useMediaChoices = routeLoader$(async (event) => listMediaChoices(createDb(event.platform.env)));
