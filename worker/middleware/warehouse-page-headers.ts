/**
 * The warehouse app's pages (/warehouse…) need two things no other page gets: the camera (scanning barcodes; the
 * site-wide Permissions-Policy says camera=()) and WebAssembly compilation for the ZXing scanner that stands in where
 * the browser has no BarcodeDetector (CSP `'wasm-unsafe-eval'`, which allows compiling WebAssembly and nothing like
 * eval for JavaScript). Only these pages widen the policy; securityHeaders (overwrite: false) then leaves them alone.
 */
import type { AppEnv } from '@worker/http/app-env';
import { createMiddleware } from 'hono/factory';
import { contentSecurityPolicy, SECURITY_HEADERS } from './security-headers';

/** The warehouse pages' Permissions-Policy: the site's, with the camera allowed to this origin. */
export const WAREHOUSE_PERMISSIONS_POLICY = SECURITY_HEADERS['Permissions-Policy']!.replace(
  'camera=()',
  'camera=(self)',
);

/** The warehouse pages' CSP for this response's script nonce. */
export function warehouseContentSecurityPolicy(nonce: string): string {
  return contentSecurityPolicy([`'nonce-${nonce}'`, "'strict-dynamic'", "'self'", "'wasm-unsafe-eval'"]);
}

export const warehousePageHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (!/^text\/html\b/i.test(c.res.headers.get('Content-Type') ?? '')) return;
  c.res.headers.set(
    'Content-Security-Policy',
    warehouseContentSecurityPolicy(c.get('secureHeadersNonce') ?? ''),
  );
  c.res.headers.set('Permissions-Policy', WAREHOUSE_PERMISSIONS_POLICY);
});
