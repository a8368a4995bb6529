/**
 * What the traffic report keeps of a user agent: whether it is a bot, a device class and a browser family. Simple,
 * documented rules instead of a UA database: the report needs "mobile vs desktop" and "Chrome vs Safari", not models
 * and versions, and a few regular expressions cost nothing on the edge. The UA string itself is never stored.
 */

/** Device classes shown in the report. */
export const DEVICE_CLASSES = ['desktop', 'mobile', 'tablet'] as const;
export type DeviceClass = (typeof DEVICE_CLASSES)[number];

/** Browser families shown in the report ('other' for the rest). */
export const BROWSER_FAMILIES = ['chrome', 'safari', 'firefox', 'edge', 'opera', 'samsung', 'other'] as const;
export type BrowserFamily = (typeof BROWSER_FAMILIES)[number];

/**
 * Crawlers, previewers, monitors, headless browsers and HTTP libraries name themselves with one of these words (the
 * same core the `isbot` package's list starts from); anything that is not a browser at all (no "Mozilla/") is
 * treated as a bot too, since every browser sends that token.
 */
const BOT_PATTERN =
  /bot\b|bot[/;_-]|crawl|spider|slurp|scrap|archiv|facebookexternalhit|embedly|preview|headless|lighthouse|pagespeed|phantom|puppeteer|playwright|selenium|monitor|uptime|pingdom|validator|checker|curl|wget|python|java\/|go-http|node-fetch|axios|okhttp|libwww|httpclient|feed|rss|mediapartners|google-read-aloud|chrome-lighthouse/i;

/** Whether a request's user agent is a bot (or missing, which no browser does). */
export function isBotUserAgent(ua: string | null | undefined): boolean {
  if (!ua || ua.length > 1000) return true;
  if (!/^(Mozilla|Opera)\//.test(ua)) return true;
  return BOT_PATTERN.test(ua);
}

/** Tablet before mobile: iPads and Android tablets (Android without "Mobile") are tablets. */
export function deviceClassOf(ua: string): DeviceClass {
  if (/iPad|Tablet|PlayBook|Silk|Android(?!.*Mobile)/i.test(ua)) return 'tablet';
  if (/Mobi|iPhone|iPod|Android|Windows Phone/i.test(ua)) return 'mobile';
  return 'desktop';
}

/** Order matters: Edge, Opera and Samsung Internet also say "Chrome", and Chrome also says "Safari". */
export function browserFamilyOf(ua: string): BrowserFamily {
  if (/Edg(e|A|iOS)?\//.test(ua)) return 'edge';
  if (/OPR\/|Opera/.test(ua)) return 'opera';
  if (/SamsungBrowser\//.test(ua)) return 'samsung';
  if (/Firefox\/|FxiOS\//.test(ua)) return 'firefox';
  if (/Chrome\/|CriOS\/|Chromium\//.test(ua)) return 'chrome';
  if (/Safari\//.test(ua) && /Version\//.test(ua)) return 'safari';
  return 'other';
}
