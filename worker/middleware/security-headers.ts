/**
 * Security headers on every Worker response, through Hono's maintained `hono/secure-headers` middleware; static
 * assets get the same set from public/_headers (tests/e2e/pwa.spec.ts compares both).
 *
 * Scripts: a fresh nonce per request (`c.var.secureHeadersNonce`), which worker/http/pages.ts hands to Qwik City's
 * SSR so every script tag it writes carries it (the qwikloader, its state and event scripts, modulepreload links).
 * No 'unsafe-inline': an injected inline <script> without the nonce does not run. 'strict-dynamic' lets the scripts
 * Qwik loads from a trusted one (its chunks, imported on interaction) run, and makes CSP3 browsers ignore 'self', so a
 * parser-inserted <script src> without the nonce is refused too; 'self' remains for CSP2 browsers. Styles keep
 * 'unsafe-inline' (Qwik and the error and API reference pages inline their CSS; style injection cannot run code).
 * The checkout page widens this by its payment providers' origins (payment-page-csp.ts).
 *
 * Why Hono's middleware and not our own: it sets every header we set, with the nonce generator built in. It adds a few
 * other defaults (Cross-Origin-Resource-Policy, Origin-Agent-Cluster, X-DNS-Prefetch-Control, X-Download-Options,
 * X-Permitted-Cross-Domain-Policies, X-XSS-Protection) that are switched off here to keep the set equal to
 * public/_headers; adding them is a separate decision. `overwrite: false` keeps our old rule: a header a handler set
 * itself wins.
 */
import { NONCE, secureHeaders } from 'hono/secure-headers';

/** The CSP, directive by directive (Hono's camelCase names), except script-src, which differs by where it is sent. */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  manifestSrc: ["'self'"],
  workerSrc: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  objectSrc: ["'none'"],
};

const { defaultSrc, ...otherDirectives } = CSP_DIRECTIVES;

/**
 * script-src for static assets (public/_headers): same-origin files, plus the one inline script of
 * public/offline.html by its hash (tests/e2e/pwa.spec.ts recomputes it from the served file).
 */
export const STATIC_SCRIPT_SRC = ["'self'", "'sha256-ImHsimQuCX/QWqAivRZdjvsr6l75Vc+70YXG5Hwyd0w='"];

/** The Content-Security-Policy header value for a script-src, in the order and format Hono writes it. */
export function contentSecurityPolicy(scriptSrc: string[]): string {
  return Object.entries({ defaultSrc, scriptSrc, ...otherDirectives })
    .map(([name, values]) => `${name.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`)} ${values.join(' ')}`)
    .join('; ');
}

/** The static assets' CSP, as public/_headers must carry it. */
export const STATIC_CONTENT_SECURITY_POLICY = contentSecurityPolicy(STATIC_SCRIPT_SRC);

/** Every header other than the CSP, identical on Worker responses and static assets. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains; preload',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(self)',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Sets `c.var.secureHeadersNonce` before the handler runs, and the headers on the way out. */
export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc,
    scriptSrc: [NONCE, "'strict-dynamic'", "'self'"],
    ...otherDirectives,
  },
  strictTransportSecurity: SECURITY_HEADERS['Strict-Transport-Security']!,
  xContentTypeOptions: SECURITY_HEADERS['X-Content-Type-Options']!,
  referrerPolicy: SECURITY_HEADERS['Referrer-Policy']!,
  xFrameOptions: SECURITY_HEADERS['X-Frame-Options']!,
  permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: ['self'] },
  crossOriginOpenerPolicy: SECURITY_HEADERS['Cross-Origin-Opener-Policy']!,
  crossOriginResourcePolicy: false,
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
  removePoweredBy: true,
  overwrite: false,
});
