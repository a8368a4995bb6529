/** Prefixed, time-sortable ids (`prod_01J…`), minted in one place; browsers may mint them offline too. */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32, as in ULID

/** Every kind of id the platform issues, with its prefix. */
export const ID_PREFIXES = {
  category: 'cat',
  collection: 'col',
  product: 'prod',
  variant: 'var',
  image: 'img',
  review: 'rev',
  cart: 'cart',
  checkout: 'chk',
  testPayment: 'tpay',
  order: 'ord',
  orderLine: 'ordl',
  customer: 'cus',
  address: 'addr',
  staff: 'stf',
  session: 'ses',
  promotion: 'promo',
  discountCode: 'dc',
  codeBatch: 'dcb',
  promotionUse: 'pu',
  sale: 'sale',
  page: 'page',
  pageRevision: 'prv',
  media: 'med',
  post: 'post',
  banner: 'ban',
  navLink: 'nav',
  event: 'evt',
  stockMovement: 'stm',
  payment: 'pay',
  refund: 'ref',
  shipment: 'shp',
  return: 'rtn',
  request: 'req',
  audit: 'aud',
  email: 'eml',
  import: 'imp',
  taxRate: 'txr',
  shippingZone: 'shz',
  shippingMethod: 'shm',
  reportRebuild: 'rbj',
  reportExport: 'rex',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

/** Mints a new id: prefix, 10 chars of millisecond time, 16 random chars (ULID layout). */
export function newId(kind: IdKind, now: number = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let rand = '';
  for (const b of bytes) rand += ALPHABET[b % 32];
  return `${ID_PREFIXES[kind]}_${time}${rand}`;
}

/** True when `id` looks like an id of `kind` (prefix and 26 base32 chars). */
export function isId(kind: IdKind, id: string): boolean {
  return new RegExp(`^${ID_PREFIXES[kind]}_[0-9A-HJKMNP-TV-Z]{26}$`).test(id);
}
