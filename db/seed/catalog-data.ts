/** Word lists the seed generator combines into a believable apparel-and-goods catalog. */

/** How one category's products are named, priced and split into variants. */
export interface CategorySpec {
  slug: string;
  name: string;
  description: string;
  /** SKU prefix, e.g. `TSH` → `TSH-0001-M-NAVY`. */
  code: string;
  /** Size option values in display order; null when the category has no sizes. */
  sizes: readonly string[] | null;
  /** How many colours a product gets; [0, 0] means a single default variant. */
  colours: readonly [number, number];
  /** Price range in whole dollars; prices end in .00 or .99 (minor units in the data). */
  price: readonly [number, number];
  weightGrams: number;
  adjectives: readonly string[];
  materials: readonly string[];
  nouns: readonly string[];
  /** A sentence about use or fit, picked per product. */
  blurbs: readonly string[];
}

/** Colour option values and the code used in SKUs. */
export const COLOURS = [
  { name: 'Navy', code: 'NAVY' },
  { name: 'Black', code: 'BLACK' },
  { name: 'White', code: 'WHITE' },
  { name: 'Heather Grey', code: 'GREY' },
  { name: 'Olive', code: 'OLIVE' },
  { name: 'Rust', code: 'RUST' },
  { name: 'Sand', code: 'SAND' },
  { name: 'Forest', code: 'FOREST' },
  { name: 'Burgundy', code: 'BURG' },
  { name: 'Sky Blue', code: 'SKY' },
  { name: 'Charcoal', code: 'CHAR' },
  { name: 'Mustard', code: 'MUST' },
] as const;

export const BRANDS = [
  'Northwind',
  'Harbor & Pine',
  'Fieldnote',
  'Kestrel',
  'Lumen Goods',
  'Atlas Workshop',
  'Ridgeline',
  'Oaken',
  'Saltmarsh',
  'Common Thread',
] as const;

const APPAREL = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const;

export const CATEGORY_SPECS: readonly CategorySpec[] = [
  {
    slug: 't-shirts',
    name: 'T-Shirts',
    description: 'Soft everyday tees in organic cotton and breathable blends.',
    code: 'TSH',
    sizes: APPAREL,
    colours: [2, 4],
    price: [18, 42],
    weightGrams: 180,
    adjectives: [
      'Everyday',
      'Classic',
      'Heavyweight',
      'Relaxed',
      'Pocket',
      'Vintage-Wash',
      'Crew',
      'Slub',
      'Boxy',
    ],
    materials: ['Organic Cotton', 'Pima Cotton', 'Hemp Blend', 'Jersey', 'Linen Blend'],
    nouns: ['Tee', 'T-Shirt', 'Henley', 'Long-Sleeve Tee'],
    blurbs: [
      'Cut for a relaxed fit that keeps its shape wash after wash.',
      'Garment-dyed for a lived-in colour from the first wear.',
      'A true staple: layer it under a jacket or wear it on its own.',
    ],
  },
  {
    slug: 'hoodies',
    name: 'Hoodies',
    description: 'Brushed-back fleece hoodies and sweatshirts for cold mornings.',
    code: 'HOD',
    sizes: APPAREL,
    colours: [2, 3],
    price: [48, 95],
    weightGrams: 620,
    adjectives: ['Cloud', 'Trail', 'Heritage', 'Loopback', 'Oversized', 'Zip-Up', 'Midweight', 'Campus'],
    materials: ['Fleece', 'French Terry', 'Recycled Cotton', 'Merino Blend'],
    nouns: ['Hoodie', 'Sweatshirt', 'Pullover', 'Quarter-Zip'],
    blurbs: [
      'Brushed inside for warmth without bulk.',
      'Ribbed cuffs and hem hold the shape all day.',
      'Roomy kangaroo pocket and a double-layer hood.',
    ],
  },
  {
    slug: 'jackets',
    name: 'Jackets',
    description: 'Shells, chore coats and insulated layers built for the weather.',
    code: 'JKT',
    sizes: ['S', 'M', 'L', 'XL'],
    colours: [1, 3],
    price: [89, 260],
    weightGrams: 900,
    adjectives: ['Coastal', 'Alpine', 'Field', 'Storm', 'Packable', 'Waxed', 'Quilted', 'Utility'],
    materials: ['Canvas', 'Ripstop', 'Down', 'Waxed Cotton', 'Wool'],
    nouns: ['Jacket', 'Chore Coat', 'Parka', 'Shell', 'Overshirt'],
    blurbs: [
      'Seam-sealed against rain and cut long enough to cover a layer.',
      'Plenty of pockets, all of them where your hands expect them.',
      'Built to soften and patina with years of use.',
    ],
  },
  {
    slug: 'trousers',
    name: 'Trousers',
    description: 'Chinos, work pants and joggers in durable, comfortable fabrics.',
    code: 'TRS',
    sizes: ['28', '30', '32', '34', '36', '38'],
    colours: [1, 3],
    price: [55, 140],
    weightGrams: 550,
    adjectives: ['Slim', 'Straight', 'Relaxed', 'Tapered', 'Carpenter', 'Travel', 'Pleated'],
    materials: ['Twill', 'Stretch Canvas', 'Corduroy', 'Denim', 'Cotton Ripstop'],
    nouns: ['Chinos', 'Work Pants', 'Trousers', 'Joggers', 'Jeans'],
    blurbs: [
      'A touch of stretch for bikes, stairs and long days.',
      'Reinforced seams where trousers usually give out first.',
      'Cut to sit at the waist with a clean line to the ankle.',
    ],
  },
  {
    slug: 'shoes',
    name: 'Shoes',
    description: 'Sneakers, boots and slip-ons made to be walked in.',
    code: 'SHO',
    sizes: ['40', '41', '42', '43', '44', '45'],
    colours: [1, 2],
    price: [65, 210],
    weightGrams: 1100,
    adjectives: ['Court', 'Trail', 'City', 'Desert', 'Canvas', 'Suede', 'Runner', 'Moc-Toe'],
    materials: ['Leather', 'Suede', 'Canvas', 'Recycled Knit'],
    nouns: ['Sneakers', 'Boots', 'Loafers', 'Slip-Ons', 'Trainers'],
    blurbs: [
      'A cushioned footbed and a grippy rubber sole.',
      'Resoleable construction, so they can outlast a decade.',
      'Light enough for travel, tough enough for trails.',
    ],
  },
  {
    slug: 'bags',
    name: 'Bags',
    description: 'Backpacks, totes and duffels for commuting and weekends away.',
    code: 'BAG',
    sizes: null,
    colours: [1, 3],
    price: [35, 180],
    weightGrams: 800,
    adjectives: ['Commuter', 'Weekender', 'Roll-Top', 'Market', 'Daypack', 'Messenger', 'Sling'],
    materials: ['Waxed Canvas', 'Recycled Nylon', 'Leather', 'Cordura'],
    nouns: ['Backpack', 'Tote', 'Duffel', 'Bag', 'Pack'],
    blurbs: [
      'A padded sleeve fits a 16-inch laptop.',
      'Water-resistant fabric and a lifetime warranty on the hardware.',
      'Packs flat when you do not need it.',
    ],
  },
  {
    slug: 'hats',
    name: 'Hats',
    description: 'Caps and beanies for sun, wind and bad hair days.',
    code: 'HAT',
    sizes: ['S/M', 'L/XL'],
    colours: [1, 3],
    price: [22, 58],
    weightGrams: 110,
    adjectives: ['Five-Panel', 'Fisherman', 'Ribbed', 'Dad', 'Bucket', 'Watch', 'Trucker'],
    materials: ['Merino', 'Cotton Twill', 'Recycled Wool', 'Corduroy'],
    nouns: ['Cap', 'Beanie', 'Bucket Hat', 'Hat'],
    blurbs: [
      'An easy fit that does not squeeze.',
      'Warm without itching, even on bare foreheads.',
      'Holds its shape in a jacket pocket.',
    ],
  },
  {
    slug: 'accessories',
    name: 'Accessories',
    description: 'Belts, wallets, socks and small things that make a difference.',
    code: 'ACC',
    sizes: null,
    colours: [0, 2],
    price: [12, 75],
    weightGrams: 90,
    adjectives: ['Everyday', 'Slim', 'Travel', 'Field', 'Classic', 'Minimal', 'Heritage'],
    materials: ['Leather', 'Merino', 'Canvas', 'Brass', 'Recycled Nylon'],
    nouns: ['Wallet', 'Belt', 'Socks', 'Card Holder', 'Key Ring', 'Scarf', 'Gloves'],
    blurbs: [
      'Small, useful and made to be carried every day.',
      'A good gift, or a quiet upgrade to something you already use.',
      'Ages beautifully with use.',
    ],
  },
  {
    slug: 'home',
    name: 'Home',
    description: 'Blankets, mugs and goods for slow weekends at home.',
    code: 'HOM',
    sizes: null,
    colours: [0, 2],
    price: [18, 160],
    weightGrams: 700,
    adjectives: ['Stoneware', 'Woven', 'Cabin', 'Waffle', 'Handmade', 'Speckled', 'Studio'],
    materials: ['Wool', 'Linen', 'Ceramic', 'Cotton', 'Oak'],
    nouns: ['Blanket', 'Mug', 'Throw', 'Candle', 'Cushion Cover', 'Tea Towel Set'],
    blurbs: [
      'Made in small batches, so each one varies a little.',
      'Machine-washable and softer with every wash.',
      'The kind of thing that makes a room feel lived in.',
    ],
  },
  {
    slug: 'knitwear',
    name: 'Knitwear',
    description: 'Jumpers and cardigans in merino, lambswool and cotton.',
    code: 'KNT',
    sizes: ['S', 'M', 'L', 'XL'],
    colours: [2, 3],
    price: [70, 180],
    weightGrams: 450,
    adjectives: ['Shetland', 'Cable', 'Fisherman', 'Fine-Gauge', 'Chunky', 'Roll-Neck', 'Shawl'],
    materials: ['Merino', 'Lambswool', 'Cotton', 'Cashmere Blend'],
    nouns: ['Jumper', 'Cardigan', 'Sweater', 'Crewneck'],
    blurbs: [
      'Knitted to be warm without overheating indoors.',
      'Naturally odour-resistant, so it needs washing less.',
      'A little slouchy, in the best way.',
    ],
  },
];

export const REVIEWERS = [
  'Sam P.',
  'Alex R.',
  'Priya K.',
  'Jordan M.',
  'Chen W.',
  'Maria G.',
  'Tom H.',
  'Aisha B.',
  'Lukas F.',
  'Noor S.',
  'Ella T.',
  'Diego L.',
] as const;

/** Review titles and bodies by star rating (index 0 = 1 star). */
export const REVIEW_TEXT: readonly { titles: readonly string[]; bodies: readonly string[] }[] = [
  {
    titles: ['Not for me', 'Disappointed'],
    bodies: ['The fit was way off and the fabric felt thinner than I expected.', 'Returned it, sadly.'],
  },
  {
    titles: ['Just okay', 'Mixed feelings'],
    bodies: [
      'Nice colour but it shrank a little after the first wash.',
      'Quality is fine, sizing runs small.',
    ],
  },
  {
    titles: ['Decent', 'Does the job'],
    bodies: [
      'Good value for the price. Nothing special, nothing wrong.',
      'Solid basic, I would buy again on sale.',
    ],
  },
  {
    titles: ['Really good', 'Great quality', 'Would recommend'],
    bodies: [
      'Comfortable and well made. Took one star off because delivery was slow.',
      'Looks even better in person. Fits true to size.',
    ],
  },
  {
    titles: ['Love it', 'Perfect', 'Best purchase this year'],
    bodies: [
      'Exactly as described and it gets better with every wear.',
      'Bought a second one in another colour. Excellent.',
      'The quality is outstanding for the price. Highly recommend.',
    ],
  },
];
