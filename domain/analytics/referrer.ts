/**
 * Referrers and campaigns, reduced to what the report shows: the referring site's host (never the full address, whose
 * path and query may carry someone's search or a token) and the three UTM fields as short plain text.
 */

/** Longest host kept (DNS allows 253). */
const MAX_HOST = 253;
/** Longest UTM value kept; longer values are cut, not refused (a link in a newsletter is not bad input). */
export const MAX_UTM = 64;

/**
 * The referring host, lower case without a leading `www.`, or null: for no or a malformed referrer, a non-web
 * scheme, or our own host (moving between the shop's pages is not a referral).
 */
export function referrerHostOf(referer: string | null | undefined, ownHost: string): string | null {
  if (!referer) return null;
  let url: URL;
  try {
    url = new URL(referer);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  if (!host || host.length > MAX_HOST) return null;
  if (host === ownHost.toLowerCase().replace(/^www\./, '')) return null;
  return host;
}

/** Campaign fields of a landing address, each trimmed plain text or null. */
export interface Utm {
  source: string | null;
  medium: string | null;
  campaign: string | null;
}

/** Control and format characters (and markup brackets) go, whitespace collapses, case folds, length is capped. */
function cleanUtm(value: string | null): string | null {
  if (value === null) return null;
  const cleaned = value
    .replace(/[\p{C}<>"'`]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .slice(0, MAX_UTM)
    .trim();
  return cleaned === '' ? null : cleaned;
}

/** The utm_source, utm_medium and utm_campaign of an address, cleaned. */
export function utmOf(params: URLSearchParams): Utm {
  return {
    source: cleanUtm(params.get('utm_source')),
    medium: cleanUtm(params.get('utm_medium')),
    campaign: cleanUtm(params.get('utm_campaign')),
  };
}
