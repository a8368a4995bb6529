/**
 * The camera scanner's fallback: where the browser has no BarcodeDetector (Safari, Firefox, desktop Chromium on
 * Linux), the `barcode-detector` ponyfill (ZXing compiled to WebAssembly) stands in. Its `.wasm` comes from our own
 * origin (scripts/build-sw.mjs copies it into dist/vendor), never the package's default CDN: the warehouse pages'
 * CSP allows no other origin, and a tablet must scan offline (the service worker keeps the file once fetched).
 */
import { ZXING_WASM_PATH } from './zxing-wasm-path';

/** What the scanner needs of a detector: the API's `detect` on a video frame. */
export interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type DetectorClass = new (options?: { formats?: string[] }) => Detector;

/** Where the ponyfill finds its WebAssembly. One object: the ponyfill re-instantiates when its overrides change. */
const ZXING_OVERRIDES = {
  locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? ZXING_WASM_PATH : prefix + path),
};

/**
 * The browser's own BarcodeDetector where it has one, else the ponyfill, loaded on first use; resolves once the
 * WebAssembly is compiled, so a scanner that cannot start says so before the camera opens.
 */
export async function createDetector(): Promise<Detector> {
  const native = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (native) return new native();
  const { BarcodeDetector, prepareZXingModule } = await import('barcode-detector/ponyfill');
  await prepareZXingModule({ overrides: ZXING_OVERRIDES, fireImmediately: true });
  return new BarcodeDetector();
}
