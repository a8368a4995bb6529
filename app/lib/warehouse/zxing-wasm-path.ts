/**
 * Where the build puts the ZXing reader's WebAssembly (scripts/build-sw.mjs copies it there); the scanner loads it
 * and the service worker keeps it. Its own module so the service worker imports no DOM types.
 */
export const ZXING_WASM_PATH = '/vendor/zxing_reader.wasm';
