/** The live stock socket of one SKU (GET /api/stock/{sku}/live), with reconnects; used by the product page. */

const MAX_BACKOFF_MS = 30_000;

/**
 * Watches `sku`: calls `onLevel` with each level the server pushes. Reconnects with jittered exponential backoff;
 * disconnects while the tab is hidden or offline and on pagehide (so the page may enter the back/forward cache),
 * reconnecting when it is back. Returns a function that stops watching.
 */
export function watchStock(sku: string, onLevel: (available: number) => void): () => void {
  if (typeof WebSocket === 'undefined') return () => undefined;
  let socket: WebSocket | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let stopped = false;

  function connect() {
    if (stopped || socket || document.visibilityState === 'hidden' || !navigator.onLine) return;
    const url = new URL(`/api/stock/${encodeURIComponent(sku)}/live`, location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(url);
    socket = ws;
    ws.onmessage = (e) => {
      try {
        const m = JSON.parse(String(e.data)) as { sku?: unknown; available?: unknown };
        if (m.sku === sku && typeof m.available === 'number') onLevel(m.available);
        failures = 0;
      } catch {
        // not ours; ignore
      }
    };
    ws.onclose = () => {
      if (socket === ws) socket = null;
      if (stopped) return;
      // Jittered exponential backoff, so a restart of the shop is not met by every open page at once.
      const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** failures++) * (0.5 + Math.random() / 2);
      timer = setTimeout(connect, delay);
    };
  }
  function disconnect() {
    clearTimeout(timer);
    const ws = socket;
    socket = null;
    ws?.close(1000, 'not watching');
  }
  function onVisibility() {
    if (document.visibilityState === 'hidden') disconnect();
    else connect();
  }
  function onPageHide() {
    stopped = true;
    disconnect();
  }
  function onPageShow() {
    stopped = false;
    connect();
  }
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('online', connect);
  window.addEventListener('pagehide', onPageHide);
  window.addEventListener('pageshow', onPageShow);
  connect();
  return () => {
    stopped = true;
    disconnect();
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('online', connect);
    window.removeEventListener('pagehide', onPageHide);
    window.removeEventListener('pageshow', onPageShow);
  };
}
