/**
 * Scanning with the tablet's camera: the browser's BarcodeDetector where it has one (Chromium on Android and
 * ChromeOS), else the ZXing ponyfill loaded on first use (app/lib/warehouse/scanner-wasm.ts). Offered wherever the
 * browser can open a camera; the typed / hardware-scanner field beside it does the same job everywhere.
 */
import {
  $,
  component$,
  type NoSerialize,
  noSerialize,
  type QRL,
  useSignal,
  useVisibleTask$,
} from '@builder.io/qwik';
import { createDetector, type Detector } from '~/lib/warehouse/scanner-wasm';

export const CameraScanner = component$<{ onCode$: QRL<(code: string) => void> }>(({ onCode$ }) => {
  const supported = useSignal(false);
  const scanning = useSignal(false);
  const message = useSignal('');
  const video = useSignal<HTMLVideoElement>();
  /** The running scan's stop function (camera tracks, detect loop); browser-only, never serialised. */
  const running = useSignal<NoSerialize<{ stop: () => void }>>();

  // Feature detection needs the browser's window; the cleanup turns the camera off when the scanner leaves the page.
  // biome-ignore lint/correctness/noQwikUseVisibleTask: both exist only in the browser.
  useVisibleTask$(({ cleanup }) => {
    supported.value = !!navigator.mediaDevices?.getUserMedia;
    cleanup(() => running.value?.stop());
  });

  // The scan starts in the click handler itself, not in a task tracking `scanning`: such a task sometimes never ran
  // again after the click (the camera view opened and stayed blank; seen in 3 of 10 e2e runs).
  const start = $(async (el: HTMLVideoElement) => {
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const stop = () => {
      stopped = true;
      clearInterval(timer);
      for (const t of stream?.getTracks() ?? []) t.stop();
      el.srcObject = null;
    };
    running.value = noSerialize({ stop });
    const fail = (text: string) => {
      stop();
      message.value = text;
      scanning.value = false;
    };
    let detector: Detector;
    try {
      // First the decoder (the ponyfill compiles its WebAssembly here), so a scanner that cannot start never opens
      // the camera for nothing.
      detector = await createDetector();
    } catch {
      return fail('The scanner could not start. Type or scan the code into the field instead.');
    }
    if (stopped) return;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      // Stopped while the camera was opening: stop() ran before the stream existed, so stop it now.
      if (stopped) return stop();
      el.srcObject = stream;
      await el.play();
      let last = '';
      timer = setInterval(async () => {
        const [hit] = await detector.detect(el).catch(() => []);
        if (hit && hit.rawValue !== last) {
          last = hit.rawValue;
          await onCode$(hit.rawValue);
          setTimeout(() => {
            last = '';
          }, 1500);
        }
      }, 250);
    } catch {
      fail('The camera could not be opened. Type or scan the code into the field instead.');
    }
  });

  if (!supported.value) return null;
  return (
    <div class="wh-camera">
      <button
        type="button"
        class="wh-btn wh-btn-secondary"
        aria-pressed={scanning.value}
        onClick$={async () => {
          message.value = '';
          running.value?.stop();
          running.value = undefined;
          scanning.value = !scanning.value;
          if (scanning.value && video.value) await start(video.value);
        }}
      >
        {scanning.value ? 'Stop camera' : 'Scan with camera'}
      </button>
      <video
        ref={video}
        class="wh-video"
        hidden={!scanning.value}
        muted
        playsInline
        aria-label="Camera view"
      />
      {message.value && <p role="alert">{message.value}</p>}
    </div>
  );
});
