/** Server-side rendering entry for Qwik City. */
import { type RenderToStreamOptions, renderToStream } from '@builder.io/qwik/server';
import Root from './root';

/**
 * Product pages turn Qwik's preloader off: in idle time it fetched every bundle the page might ever run (56 files,
 * 129 KB compressed, measured in Chromium), far over the 30 KB budget before a first interaction. Without it the
 * core and the live-stock task load once the page is idle, and the rest on the interaction that needs it.
 */
function preloaderFor(opts: RenderToStreamOptions): RenderToStreamOptions['preloader'] {
  const url = opts.serverData?.url;
  const path = typeof url === 'string' ? new URL(url).pathname : '';
  return path.startsWith('/p/') ? false : opts.preloader;
}

export default function (opts: RenderToStreamOptions) {
  return renderToStream(<Root />, {
    ...opts,
    preloader: preloaderFor(opts),
    containerAttributes: { lang: 'en', ...opts.containerAttributes },
  });
}
