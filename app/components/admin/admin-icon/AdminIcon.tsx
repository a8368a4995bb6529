/** The back office's icons: the shop's icon set (ui/icon) under the admin's names and class. */
import { component$ } from '@builder.io/qwik';
import { Icon, type IconName } from '~/components/ui/icon/Icon';

/** Admin names → the shared set (the staff shield is the shop's `shield`). */
const NAMES = {
  home: 'home',
  orders: 'box',
  products: 'bag',
  categories: 'compass',
  collections: 'shield',
  customers: 'customers',
  staff: 'shield',
  audit: 'audit',
  logout: 'logout',
  search: 'search',
  mail: 'mail',
  lock: 'lock',
  arrow: 'arrow',
  reviews: 'star',
  posts: 'audit',
  shipping: 'truck',
  tax: 'percent',
  banners: 'star',
  media: 'image',
  navigation: 'compass',
  pages: 'layout',
  promotions: 'percent',
  reports: 'chart',
} as const satisfies Record<string, IconName>;

/** The names of the available icons. */
export type AdminIconName = keyof typeof NAMES;

/** An icon in the current text colour, hidden from assistive technology. */
export const AdminIcon = component$<{ name: AdminIconName }>(({ name }) => (
  <Icon name={NAMES[name]} class="adm-icon" />
));
