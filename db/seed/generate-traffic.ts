/**
 * A year of demo traffic rollups beside the demo order history (issue 11), so the traffic report has something to
 * show: `report_traffic_daily` per dimension and `report_funnel_daily` per step, for every local day from the first
 * demo order to the seed's clock. Rollups only, never raw events (those are kept 90 days; the report reads rollups).
 *
 * Consistent with the orders: each day's "order placed" visitors are that day's demo orders; checkout started is
 * about 2×, add to cart 3–4× and product views about 10× a smoothed demand (so a day without orders still has
 * visitors), product views go to the products that sold, countries follow the orders' destinations, and the
 * busier weekends and the November/December peak come through the orders. Drawn from the seed's Rng.
 */
import type { reportFunnelDaily, reportTrafficDaily } from '@db/schema';
import type { FunnelStep } from '@domain/analytics/traffic-event';
import { addDays, localDay, type ZoneOffset } from '@domain/reports/time-zone';
import type { Rng } from './random';

export interface TrafficHistorySeed {
  trafficDaily: (typeof reportTrafficDaily.$inferSelect)[];
  funnelDaily: (typeof reportFunnelDaily.$inferSelect)[];
}

export interface TrafficHistoryInput {
  offsets: readonly ZoneOffset[];
  /** The history's clock: the last day with traffic is its local day. */
  now: number;
  /** The demo orders: when, and where they shipped. */
  orders: readonly { id: string; placedAt: number; shippingAddress: string }[];
  /** Their lines, for which products sold (and so were looked at). */
  orderLines: readonly { orderId: string; sku: string }[];
  /** Active products: id and slug. */
  products: readonly { id: string; slug: string; status: string }[];
  variants: readonly { sku: string; productId: string }[];
  categorySlugs: readonly string[];
}

/** No traffic: a store without order history has none either. */
export function emptyTrafficHistory(): TrafficHistorySeed {
  return { trafficDaily: [], funnelDaily: [] };
}

type Weighted = readonly (readonly [value: string, weight: number])[];

const DEVICES: Weighted = [
  ['mobile', 0.55],
  ['desktop', 0.38],
  ['tablet', 0.07],
];
const BROWSERS: Weighted = [
  ['chrome', 0.48],
  ['safari', 0.32],
  ['edge', 0.07],
  ['firefox', 0.06],
  ['samsung', 0.04],
  ['other', 0.02],
  ['opera', 0.01],
];
/** Hosts of the visits that came from a link (about 45% of visitors; the rest typed the address or have none). */
const REFERRERS: Weighted = [
  ['google.com', 0.22],
  ['instagram.com', 0.06],
  ['l.facebook.com', 0.05],
  ['bing.com', 0.03],
  ['pinterest.com', 0.03],
  ['duckduckgo.com', 0.02],
  ['t.co', 0.01],
  ['news.ycombinator.com', 0.005],
];
/** Weekday (0 = Sunday) factor on browsing beyond what the orders already carry: people browse on Sunday evenings. */
const WEEKDAY: readonly number[] = [1.12, 0.97, 0.95, 0.96, 0.97, 1.0, 1.08];

/** The campaigns running on a day (`MM-DD` inside each window): a newsletter every week, seasonal pushes. */
const CAMPAIGNS: readonly {
  name: string;
  source: string;
  medium: string;
  from: string;
  to: string;
  share: number;
}[] = [
  {
    name: 'weekly-newsletter',
    source: 'newsletter',
    medium: 'email',
    from: '01-01',
    to: '12-31',
    share: 0.04,
  },
  {
    name: 'spring-collection',
    source: 'instagram',
    medium: 'social',
    from: '03-01',
    to: '05-15',
    share: 0.05,
  },
  { name: 'summer-sale', source: 'facebook', medium: 'social', from: '06-15', to: '07-31', share: 0.04 },
  { name: 'black-friday', source: 'google', medium: 'cpc', from: '11-20', to: '12-01', share: 0.09 },
  { name: 'holiday-gifts', source: 'newsletter', medium: 'email', from: '12-02', to: '12-24', share: 0.06 },
];

/** The daily rollups from the first order's local day to the clock's, or none without orders. */
export function generateTrafficHistory(rng: Rng, input: TrafficHistoryInput): TrafficHistorySeed {
  const out = emptyTrafficHistory();
  if (input.orders.length === 0) return out;
  const { offsets } = input;
  const placed = new Map<string, number>();
  const countries = new Map<string, number>();
  for (const o of input.orders) {
    const day = localDay(offsets, o.placedAt);
    placed.set(day, (placed.get(day) ?? 0) + 1);
    const country = String(JSON.parse(o.shippingAddress).country ?? 'US');
    countries.set(country, (countries.get(country) ?? 0) + 1);
  }
  const first = localDay(offsets, input.orders[0]!.placedAt);
  const last = localDay(offsets, input.now);
  const days: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) days.push(d);

  // Products are viewed in proportion to what they sold, plus a floor so every product is seen now and then.
  const productOf = new Map(input.variants.map((v) => [v.sku, v.productId]));
  const sold = new Map<string, number>();
  for (const l of input.orderLines) {
    const id = productOf.get(l.sku);
    if (id) sold.set(id, (sold.get(id) ?? 0) + 1);
  }
  const active = input.products.filter((p) => p.status === 'active');
  const productWeights: Weighted = active.map((p) => [p.id, (sold.get(p.id) ?? 0) + 2]);
  const slugOf = new Map(active.map((p) => [p.id, p.slug]));
  const countryWeights: Weighted = [...countries].sort(([a], [b]) => (a < b ? -1 : 1));

  const lastOrderDay = localDay(offsets, input.orders.at(-1)!.placedAt);
  const meanOf = (list: readonly string[]) =>
    list.reduce((t, d) => t + (placed.get(d) ?? 0), 0) / Math.max(1, list.length);
  // The history stops a few days before the clock (generate-orders.ts); the shop's visitors do not.
  const tailMean = meanOf(days.filter((d) => d <= lastOrderDay).slice(-7));

  days.forEach((day, i) => {
    // Demand: half the day's orders, half the week around it, so a day with no orders still has shoppers.
    const orders = placed.get(day) ?? 0;
    const demand = Math.max(
      1,
      day > lastOrderDay ? tailMean : 0.5 * orders + 0.5 * meanOf(days.slice(Math.max(0, i - 3), i + 4)),
    );
    const weekday = WEEKDAY[new Date(`${day}T12:00:00Z`).getUTCDay()]!;

    const placedVisitors = orders;
    const checkout = Math.max(placedVisitors, Math.round(demand * between(rng, 1.8, 2.3)));
    const cart = Math.max(checkout, Math.round(demand * between(rng, 3, 4)));
    const viewers = Math.max(cart, Math.round(demand * between(rng, 9, 11) * weekday));
    const visitors = Math.max(viewers, Math.round(viewers * between(rng, 1.35, 1.6)));
    const steps: [FunnelStep, number, number][] = [
      ['product_view', viewers, Math.round(viewers * between(rng, 1.9, 2.6))],
      ['add_to_cart', cart, Math.round(cart * between(rng, 1.15, 1.45))],
      ['checkout_started', checkout, Math.round(checkout * between(rng, 1.05, 1.2))],
      ['order_placed', placedVisitors, orders],
    ];
    for (const [step, v, events] of steps) out.funnelDaily.push({ day, step, visitors: v, events });

    const row = (dimension: string, value: string, views: number, uniques: number) => {
      if (views > 0)
        out.trafficDaily.push({ day, dimension, value, views, visitors: Math.min(views, uniques) });
    };
    // Pages: product pages are the product views; the rest in proportion to visitors.
    const productViews = steps[0]![2];
    const pages: [string, number][] = [
      ['/', Math.round(visitors * between(rng, 0.55, 0.7))],
      ['/search', Math.round(visitors * between(rng, 0.15, 0.25))],
      ['/cart', Math.round(steps[1]![2] * between(rng, 1.2, 1.5))],
      ['/checkout', steps[2]![2]],
      ['/blog', Math.round(visitors * between(rng, 0.04, 0.08))],
      ['/account', Math.round(visitors * between(rng, 0.03, 0.05))],
      ...split(
        rng,
        Math.round(visitors * between(rng, 0.7, 0.9)),
        input.categorySlugs.map((s) => [`/c/${s}`, 1] as const),
      ),
    ];
    // A day's product views go to a couple of dozen products drawn by what sells (a small shop's long tail is thin;
    // it also keeps the seed to ~70 rows a day).
    const browsed = sampleWeighted(
      rng,
      productWeights,
      Math.min(BROWSED_PER_DAY, Math.ceil(productViews / 4)),
    );
    const byProduct = split(rng, productViews, browsed);
    let views = 0;
    for (const [path, n] of pages) {
      row('page', path, n, Math.round(n / between(rng, 1.1, 1.4)));
      views += n;
    }
    for (const [id, n] of byProduct) {
      const uniques = Math.round(n / between(rng, 1.1, 1.6));
      row('page', `/p/${slugOf.get(id)}`, n, uniques);
      row('product', id, n, uniques);
      views += n;
    }
    row('total', '', views, visitors);

    // Per visitor: device, browser, country (every view carries one of each).
    for (const [dimension, weights] of [
      ['device', DEVICES],
      ['browser', BROWSERS],
      ['country', countryWeights],
    ] as const) {
      const people = new Map(split(rng, visitors, weights));
      for (const [value, n] of split(rng, views, weights)) row(dimension, value, n, people.get(value) ?? 1);
    }
    // A link or a campaign brings a visitor's first view only.
    for (const [host, n] of split(rng, visitors, REFERRERS, 1)) row('referrer', host, n, n);
    const mmdd = day.slice(5);
    for (const c of CAMPAIGNS.filter((c) => c.from <= mmdd && mmdd <= c.to)) {
      const n = Math.round(visitors * c.share * between(rng, 0.7, 1.3));
      const landed = Math.round(n * between(rng, 1.0, 1.15));
      row('utm_campaign', c.name, landed, n);
      row('utm_source', c.source, landed, n);
      row('utm_medium', c.medium, landed, n);
    }
  });
  // Campaigns sharing a source or medium on a day add up into one row each.
  out.trafficDaily = mergeRows(out.trafficDaily);
  return out;
}

/** Most products with views on one day. */
const BROWSED_PER_DAY = 24;

/** `n` distinct values drawn by weight (without replacement), with their weights. */
function sampleWeighted(rng: Rng, weights: Weighted, n: number): Weighted {
  const left = [...weights];
  const out: (readonly [string, number])[] = [];
  let sum = left.reduce((t, [, w]) => t + w, 0);
  while (out.length < n && left.length > 0) {
    let at = rng.next() * sum;
    let i = 0;
    while (i < left.length - 1 && at >= left[i]![1]) at -= left[i++]![1];
    const [chosen] = left.splice(i, 1);
    out.push(chosen!);
    sum -= chosen![1];
  }
  return out;
}

function between(rng: Rng, lo: number, hi: number): number {
  return lo + rng.next() * (hi - lo);
}

/**
 * `total` shared among the values by weight with some day-to-day noise (`total` is `sum` of the result unless
 * `scale` < 1 is given: then the weights are absolute shares of `total`); values that get none are left out.
 */
function split(rng: Rng, total: number, weights: Weighted, scale?: number): [string, number][] {
  const noisy = weights.map(([v, w]) => [v, w * between(rng, 0.75, 1.25)] as const);
  const sum = scale ?? noisy.reduce((t, [, w]) => t + w, 0);
  const out: [string, number][] = [];
  for (const [value, w] of noisy) {
    // Rounding a fraction up with its own probability keeps small shares (0.3 of a view) honest on average.
    const exact = (total * w) / sum;
    const n = Math.floor(exact) + (rng.next() < exact - Math.floor(exact) ? 1 : 0);
    if (n > 0) out.push([value, n]);
  }
  return out;
}

function mergeRows(rows: TrafficHistorySeed['trafficDaily']): TrafficHistorySeed['trafficDaily'] {
  const byKey = new Map<string, TrafficHistorySeed['trafficDaily'][number]>();
  for (const r of rows) {
    const key = `${r.day}|${r.dimension}|${r.value}`;
    const seen = byKey.get(key);
    if (seen) {
      seen.views += r.views;
      seen.visitors += r.visitors;
    } else byKey.set(key, { ...r });
  }
  return [...byKey.values()];
}
