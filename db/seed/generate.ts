/** Deterministic demo store generator: the same options always produce the same catalog, people and content. */

import type {
  addresses,
  banners,
  customers,
  discountCodes,
  navLinks,
  promotions,
  sales,
  scheduleMarks,
  staffRoles,
  staffUsers,
} from '@db/schema';
import { variantLabel } from '@domain/catalog/variant-label';
import { scheduleBoundaries } from '@domain/content/banners';
import { hashPassword, SCRYPT_COST, type ScryptCost } from '@domain/identity/password';
import type { StaffRole } from '@domain/identity/roles';
import { PromotionConditionsInput } from '@domain/pricing/promotions';
import { type CatalogSeed, generateCatalog } from './generate-catalog';
import { emptyOrderHistory, generateOrderHistory, type OrderHistorySeed } from './generate-orders';
import { generatePages, type PageSeed } from './generate-pages';
import { generatePosts, type PostSeed } from './generate-posts';
import { emptyTrafficHistory, generateTrafficHistory, type TrafficHistorySeed } from './generate-traffic';
import type { CatalogProduct, PromotionOffer } from './order-builder';
import { Rng } from './random';
import type { Shopper } from './shoppers';

const DAY = 86_400_000;

/** Demo back-office logins (documented in the README; change them before going live). */
export const DEMO_STAFF: readonly {
  email: string;
  password: string;
  name: string;
  roles: readonly StaffRole[];
}[] = [
  { email: 'admin@demo.shop', password: 'admin-demo-1234', name: 'Ada Admin', roles: ['admin'] },
  { email: 'content@demo.shop', password: 'content-demo-1234', name: 'Cory Content', roles: ['content'] },
  {
    email: 'warehouse@demo.shop',
    password: 'warehouse-demo-1234',
    name: 'Wren Warehouse',
    roles: ['warehouse'],
  },
  // One person may hold several roles: a shift lead who edits the blog and packs orders.
  { email: 'lead@demo.shop', password: 'lead-demo-1234', name: 'Lee Lead', roles: ['content', 'warehouse'] },
];

/** Demo shopper logins. */
export const DEMO_CUSTOMERS = [
  { email: 'jane@demo.shop', password: 'jane-demo-1234', name: 'Jane Doe', country: 'US', birthYear: 1990 },
  {
    email: 'liam@demo.shop',
    password: 'liam-demo-1234',
    name: 'Liam Murphy',
    country: 'IE',
    birthYear: 1985,
  },
] as const;

/**
 * The demo catalog sale: a share off every product of one category, live from 10 days before the seed's clock to
 * 120 days after it. The demo store is seeded at a fixed clock (scripts/seed-sql.ts), so the window is long enough
 * for the sale to still be live when someone runs `npm start` some weeks later.
 */
// Ends two years after the seed's fixed clock (scripts/seed-sql.ts), so the demo and its e2e stay live for long.
export const DEMO_SALE = { categorySlug: 'knitwear', basisPoints: 2500, fromDays: -10, toDays: 730 } as const;

/**
 * The demo accounts with order history. Jane has none on purpose: tests/e2e/account.spec.ts shows her empty order
 * list, and a first-order code must still work for her.
 */
export const HISTORY_CUSTOMER_EMAILS: readonly string[] = ['liam@demo.shop'];

/** Discount codes the demo store accepts (SPRING20 has expired, on purpose). */
export const DEMO_DISCOUNT_CODES = ['WELCOME10', 'SAVE15', 'SPRING20'] as const;

/** What generateSeed varies. */
export interface GenerateSeedOptions {
  /** The clock the whole store is built around (epoch ms); pass a fixed value for reproducible rows. */
  now: number;
  /**
   * Whether to include the live demo sale (DEMO_SALE): on by default, so `npm start` shows was/now prices; the
   * workerd tests' small store leaves it out, so their totals are the variants' own prices.
   */
  demoSale?: boolean;
  /** PRNG seed; change it for a different but equally valid store. Default 1. */
  seed?: number;
  /** Number of active products; default 240 (tests ask for ~12). */
  productCount?: number;
  /** Exactly this many variants per product (the bench's store); default: the category's full size × colour matrix. */
  variantsPerProduct?: number;
  /** ISO 4217 currency of every price. Default USD. */
  currency?: string;
  /** scrypt cost of the demo passwords; default SCRYPT_COST (tests pass TEST_SCRYPT_COST). */
  passwordCost?: ScryptCost;
  /**
   * About this many orders of history over the year before `now` (db/seed/generate-orders.ts), with the report time
   * zone set to New York. Default 0: only the demo script (scripts/seed-sql.ts) asks for it, so the tests' stores
   * stay small and their order numbers start at 1001.
   */
  orderHistory?: number;
  /** When the history ends (its "now"); default `now`. The demo script passes today, so the recent days have sales. */
  historyNow?: number;
}

/** Every seeded row, grouped by table, in an order that satisfies foreign keys. */
/** The menus a new store starts with (content managers edit them at /admin/content/navigation). */
const DEFAULT_NAV_LINKS: { menu: 'header' | 'footer'; label: string; href: string }[] = [
  { menu: 'header', label: 'New arrivals', href: '/search?sort=newest' },
  { menu: 'footer', label: 'Blog', href: '/blog' },
  { menu: 'footer', label: 'Search the shop', href: '/search' },
  { menu: 'footer', label: 'Your cart', href: '/cart' },
  { menu: 'footer', label: 'Developer API', href: '/api/docs' },
];

export interface SeedData extends CatalogSeed, PostSeed, PageSeed, OrderHistorySeed, TrafficHistorySeed {
  staffUsers: (typeof staffUsers.$inferSelect)[];
  staffRoles: (typeof staffRoles.$inferSelect)[];
  customers: (typeof customers.$inferSelect)[];
  addresses: (typeof addresses.$inferSelect)[];
  promotions: (typeof promotions.$inferSelect)[];
  discountCodes: (typeof discountCodes.$inferSelect)[];
  banners: (typeof banners.$inferSelect)[];
  /** The demo catalog sale (DEMO_SALE), or none. */
  sales: (typeof sales.$inferSelect)[];
  navLinks: (typeof navLinks.$inferSelect)[];
  /** The seeded banners' and sale's starts and ends, so cached pages change at them as staff-made ones do. */
  scheduleMarks: (typeof scheduleMarks.$inferSelect)[];
}

/** Builds the whole demo store. Only the password hashes differ between runs (their salts are random). */
export async function generateSeed(options: GenerateSeedOptions): Promise<SeedData> {
  const { now } = options;
  const rng = new Rng(options.seed ?? 1);
  const currency = options.currency ?? 'USD';
  const cost = options.passwordCost ?? SCRYPT_COST;
  const catalog = generateCatalog(
    rng,
    now,
    options.productCount ?? 240,
    currency,
    options.variantsPerProduct,
  );

  const staffRows: SeedData['staffUsers'] = [];
  const staffRoleRows: SeedData['staffRoles'] = [];
  for (const s of DEMO_STAFF) {
    const createdAt = now - 400 * DAY;
    staffRows.push({
      id: rng.id('staff', createdAt),
      email: s.email,
      passwordHash: await hashPassword(s.password, { cost }),
      name: s.name,
      createdAt,
      updatedAt: createdAt,
      disabledAt: null,
    });
    for (const role of s.roles) staffRoleRows.push({ staffId: staffRows.at(-1)!.id, role });
  }

  const customerRows: SeedData['customers'] = [];
  const addressRows: SeedData['addresses'] = [];
  for (const c of DEMO_CUSTOMERS) {
    const createdAt = now - rng.int(30, 300) * DAY;
    const id = rng.id('customer', createdAt);
    customerRows.push({
      id,
      email: c.email,
      passwordHash: await hashPassword(c.password, { cost }),
      name: c.name,
      birthYear: c.birthYear,
      country: c.country,
      createdAt,
      updatedAt: createdAt,
      emailVerifiedAt: createdAt,
      deletedAt: null,
    });
    const us = c.country === 'US';
    addressRows.push({
      id: rng.id('address', createdAt),
      customerId: id,
      name: c.name,
      company: null,
      line1: us ? '350 Fifth Avenue' : '12 Grafton Street',
      line2: us ? 'Apt 21B' : null,
      city: us ? 'New York' : 'Dublin',
      region: us ? 'NY' : 'Dublin',
      postalCode: us ? '10118' : 'D02 VF65',
      country: c.country,
      phone: us ? '+1 212 555 0100' : '+353 1 555 0100',
      isDefaultShipping: true,
      isDefaultBilling: true,
      createdAt,
    });
  }

  const conditions = PromotionConditionsInput.parse({});
  const promoRows: SeedData['promotions'] = [
    {
      id: rng.id('promotion', now - 60 * DAY),
      name: 'Welcome: 10% off your first order',
      triggerKind: 'code',
      rules: {
        benefit: { kind: 'order_percentage', basisPoints: 1000 },
        conditions: { ...conditions, firstOrderOnly: true },
        stackable: false,
        priority: 0,
      },
      currency: null,
      startsAt: null,
      endsAt: null,
      usageLimit: null,
      perCustomerLimit: 1,
      active: true,
      createdAt: now - 60 * DAY,
      updatedAt: now - 60 * DAY,
    },
    {
      id: rng.id('promotion', now - 30 * DAY),
      name:
        currency === 'USD' ? '$15 off orders over $100' : `${currency} 15 off orders over ${currency} 100`,
      triggerKind: 'code',
      rules: {
        benefit: { kind: 'order_fixed', amount: { amount: 1500, currency } },
        conditions: { ...conditions, minSubtotal: { amount: 10_000, currency } },
        stackable: false,
        priority: 0,
      },
      currency,
      startsAt: now - 30 * DAY,
      // Two years past the seed's fixed clock (scripts/seed-sql.ts): it was 60 days, which ended on 31 Dec 2026.
      endsAt: now + 730 * DAY,
      usageLimit: 500,
      perCustomerLimit: null,
      active: true,
      createdAt: now - 30 * DAY,
      updatedAt: now - 30 * DAY,
    },
    {
      id: rng.id('promotion', now - 120 * DAY),
      name: 'Spring sale: 20% off (ended)',
      triggerKind: 'code',
      rules: {
        benefit: { kind: 'order_percentage', basisPoints: 2000 },
        conditions,
        stackable: false,
        priority: 0,
      },
      currency: null,
      startsAt: now - 120 * DAY,
      endsAt: now - 90 * DAY,
      usageLimit: null,
      perCustomerLimit: null,
      active: true,
      createdAt: now - 120 * DAY,
      updatedAt: now - 120 * DAY,
    },
  ];
  // Each code is as old as its promotion: SPRING20 existed while its sale ran (the order history uses it then).
  const codeRows: SeedData['discountCodes'] = DEMO_DISCOUNT_CODES.map((code, i) => ({
    code,
    promotionId: (promoRows[i] as SeedData['promotions'][number]).id,
    batchId: null,
    maxUses: null,
    active: true,
    createdAt: (promoRows[i] as SeedData['promotions'][number]).createdAt,
  }));

  const bannerRows: SeedData['banners'] = [
    {
      id: rng.id('banner', now - 10 * DAY),
      title: 'New season knitwear',
      body: 'Merino and lambswool jumpers, knitted to last.',
      linkUrl: '/c/knitwear',
      placement: 'home-hero',
      categoryId: null,
      audience: 'everyone',
      imageUrl: null,
      imageAlt: '',
      startsAt: now - 10 * DAY,
      endsAt: now + 50 * DAY,
      active: true,
      priority: 0,
      createdAt: now - 10 * DAY,
      updatedAt: now - 10 * DAY,
    },
    {
      id: rng.id('banner', now - 5 * DAY),
      title: '10% off your first order',
      body: 'Use code WELCOME10 at checkout.',
      linkUrl: '/search',
      placement: 'announcement',
      categoryId: null,
      audience: 'everyone',
      imageUrl: null,
      imageAlt: '',
      startsAt: null,
      endsAt: null,
      active: true,
      priority: 0,
      createdAt: now - 5 * DAY,
      updatedAt: now - 5 * DAY,
    },
  ];

  const navLinkRows = DEFAULT_NAV_LINKS.map((link, i) => ({
    id: rng.id('navLink', now - 300 * DAY),
    ...link,
    position: i,
  }));
  const pages = generatePages(rng, now, catalog);
  const posts = generatePosts(rng, now, catalog);
  // Ids drawn last, so the rows before keep the ids they had before the demo sale existed.
  const saleCategory = catalog.categories.find((c) => c.slug === DEMO_SALE.categorySlug);
  const saleRows: SeedData['sales'] =
    options.demoSale === false || !saleCategory
      ? []
      : [
          {
            id: rng.id('sale', now + DEMO_SALE.fromDays * DAY),
            name: `${saleCategory.name} sale`,
            basisPoints: DEMO_SALE.basisPoints,
            productIds: [],
            categoryIds: [saleCategory.id],
            startsAt: now + DEMO_SALE.fromDays * DAY,
            endsAt: now + DEMO_SALE.toDays * DAY,
            active: true,
            createdAt: now + DEMO_SALE.fromDays * DAY,
            updatedAt: now + DEMO_SALE.fromDays * DAY,
          },
        ];

  // Drawn after everything else, so a store with history keeps every other row (and id) of one without.
  const history = options.orderHistory
    ? generateOrderHistory(rng, options.historyNow ?? now, options.orderHistory, {
        catalog: popularityOrder(rng, catalog),
        returning: customerRows
          .filter((c) => HISTORY_CUSTOMER_EMAILS.includes(c.email))
          .map((c) => shopperOf(c, addressRows)),
        offers: offersOf(promoRows, codeRows),
        warehouseStaffId: staffIdOf(staffRows, 'warehouse@demo.shop'),
        adminStaffId: staffIdOf(staffRows, 'admin@demo.shop'),
        currency,
      })
    : emptyOrderHistory();

  // Drawn last of all, for the same reason; no history, no traffic.
  const traffic = options.orderHistory
    ? generateTrafficHistory(rng, {
        offsets: history.reportZoneOffsets,
        now: options.historyNow ?? now,
        orders: history.orders,
        orderLines: history.orderLines,
        products: catalog.products,
        variants: catalog.variants,
        categorySlugs: catalog.categories.map((c) => c.slug),
      })
    : emptyTrafficHistory();

  return {
    ...catalog,
    ...history,
    ...traffic,
    staffUsers: staffRows,
    staffRoles: staffRoleRows,
    customers: customerRows,
    addresses: addressRows,
    promotions: promoRows,
    discountCodes: codeRows,
    banners: bannerRows,
    sales: saleRows,
    scheduleMarks: [
      ...bannerRows.flatMap((b) => scheduleBoundaries(b).map((at) => ({ ownerId: b.id, at }))),
      ...saleRows.flatMap((s) => [s.startsAt, s.endsAt].map((at) => ({ ownerId: s.id, at }))),
    ],
    navLinks: navLinkRows,
    ...pages,
    ...posts,
  };
}

/** The active products with their variants, shuffled: the history sells the first ones most. */
function popularityOrder(rng: Rng, catalog: CatalogSeed): CatalogProduct[] {
  const variantsOf = new Map<string, CatalogSeed['variants']>();
  for (const v of catalog.variants) variantsOf.set(v.productId, [...(variantsOf.get(v.productId) ?? []), v]);
  const list: CatalogProduct[] = catalog.products
    .filter((p) => p.status === 'active' && variantsOf.has(p.id))
    .map((p) => ({
      name: p.name,
      taxCategory: p.taxCategory,
      variants: (variantsOf.get(p.id) ?? []).map((v) => ({
        sku: v.sku,
        label: variantLabel(v),
        priceAmount: v.priceAmount,
        weightGrams: v.weightGrams,
      })),
    }));
  for (let i = list.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [list[i], list[j]] = [list[j] as CatalogProduct, list[i] as CatalogProduct];
  }
  return list;
}

/** A seeded account as its orders name it: its id, email and default shipping address. */
function shopperOf(c: SeedData['customers'][number], addresses: SeedData['addresses']): Shopper {
  const a = addresses.find((x) => x.customerId === c.id && x.isDefaultShipping);
  if (!a) throw new Error(`seeded customer ${c.email} has no address`);
  const fields = {
    name: a.name,
    company: a.company,
    line1: a.line1,
    line2: a.line2,
    city: a.city,
    region: a.region,
  };
  const more = { postalCode: a.postalCode, country: a.country, phone: a.phone };
  const address = Object.fromEntries(Object.entries({ ...fields, ...more }).filter(([, v]) => v)) as Record<
    string,
    string
  >;
  return { customerId: c.id, email: c.email, address };
}

/** The seeded codes whose benefit is an amount or share off the order, with the window and limits they had. */
function offersOf(promos: SeedData['promotions'], codes: SeedData['discountCodes']): PromotionOffer[] {
  return codes.flatMap((code) => {
    const p = promos.find((x) => x.id === code.promotionId);
    const b = p?.rules.benefit;
    if (!p?.active || !code.active || !b) return [];
    const benefit: PromotionOffer['benefit'] | null =
      b.kind === 'order_percentage'
        ? { kind: 'percentage', basisPoints: b.basisPoints }
        : b.kind === 'order_fixed'
          ? { kind: 'fixed', amount: b.amount.amount }
          : null;
    if (!benefit) return [];
    return [
      {
        promotionId: p.id,
        code: code.code,
        benefit,
        // Usable once it existed and had started: a code created 60 days ago has no uses from last winter.
        from: Math.max(p.createdAt, code.createdAt, p.startsAt ?? 0),
        to: p.endsAt,
        minSubtotal: p.rules.conditions.minSubtotal?.amount ?? 0,
        firstOrderOnly: p.rules.conditions.firstOrderOnly ?? false,
        usageLimit: p.usageLimit,
        perCustomerLimit: p.perCustomerLimit,
      },
    ];
  });
}

function staffIdOf(staff: SeedData['staffUsers'], email: string): string {
  const found = staff.find((s) => s.email === email);
  if (!found) throw new Error(`no demo staff ${email}`);
  return found.id;
}
