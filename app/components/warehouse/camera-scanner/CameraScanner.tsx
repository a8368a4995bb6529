/**
 * Scanning with the tablet's camera: the browser's BarcodeDetector where it has one (Chromium on Android and
 * ChromeOS), else the ZXing ponyfill loaded on first use (app/lib/warehouse/scanner-wasm.ts). Offered wherever the
 * browser can open a camera; the typed / hardware-scanner field beside it does the same job everywhere.
 */
import { component$, type QRL, useSignal, useVisibleTask$ } from '@builder.io/qwik';
import { createDetector, type Detector } from '~/lib/warehouse/scanner-wasm';

export const CameraScanner = component$<{ onCode$: QRL<(code: string) => void> }>(({ onCode$ }) => {
  const supported = useSignal(false);
  const scanning = useSignal(false);
  const message = useSignal('');
  const video = useSignal<HTMLVideoElement>();

  // biome-ignore lint/correctness/noQwikUseVisibleTask: feature detection needs the browser's window.
  useVisibleTask$(() => {
    supported.value = !!navigator.mediaDevices?.getUserMedia;
  });

  // Runs while scanning: the camera stream, a detect loop every 250 ms, and everything stopped on the way out.
  // biome-ignore lint/correctness/noQwikUseVisibleTask: the camera and BarcodeDetector exist only in the browser.
  useVisibleTask$(async ({ track, cleanup }) => {
    track(() => scanning.value);
    // The <video> appears only once scanning is on: wait for it (the task may run before it is rendered).
    const el = track(() => video.value);
    if (!scanning.value || !el) return;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    cleanup(() => {
      stopped = true;
      clearInterval(timer);
      for (const t of stream?.getTracks() ?? []) t.stop();
    });
    let detector: Detector;
    try {
      // First the decoder (the ponyfill compiles its WebAssembly here), so a scanner that cannot start never opens
      // the camera for nothing.
      detector = await createDetector();
    } catch {
      message.value = 'The scanner could not start. Type or scan the code into the field instead.';
      scanning.value = false;
      return;
    }
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      // Stopped while the camera was opening: the cleanup has run already, so the stream is stopped here.
      if (stopped) {
        for (const t of stream.getTracks()) t.stop();
        return;
      }
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
      message.value = 'The camera could not be opened. Type or scan the code into the field instead.';
      scanning.value = false;
    }
  });

  if (!supported.value) return null;
  return (
    <div class="wh-camera">
      <button
        type="button"
        class="wh-btn wh-btn-secondary"
        aria-pressed={scanning.value}
        onClick$={() => {
          message.value = '';
          scanning.value = !scanning.value;
        }}
      >
        {scanning.value ? 'Stop camera' : 'Scan with camera'}
      </button>
      {scanning.value && <video ref={video} class="wh-video" muted playsInline aria-label="Camera view" />}
      {message.value && <p role="alert">{message.value}</p>}
    </div>
  );
});
