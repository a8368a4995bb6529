/**
 * The internal request header that carries this response's CSP nonce (hono/secure-headers, c.var.secureHeadersNonce)
 * from the Worker to Qwik City, whose root layout hands it to the SSR (app/routes/layout.tsx). worker/http/pages.ts
 * always overwrites it, so a value a client sends is never used.
 */
export const CSP_NONCE_HEADER = 'X-Edgeshop-Csp-Nonce';
