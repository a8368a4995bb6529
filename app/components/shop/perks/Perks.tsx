/** The shop's service promises shown under the hero. */
import { component$ } from '@builder.io/qwik';
import { Icon, type IconName } from '~/components/ui/icon/Icon';

const PERKS: { icon: IconName; title: string; text: string }[] = [
  { icon: 'truck', title: 'Free shipping over $75', text: 'Fast, tracked delivery' },
  { icon: 'return', title: '30-day returns', text: 'Free and easy, no questions' },
  { icon: 'shield', title: 'Secure checkout', text: 'Your details stay private' },
];

/** Three short reassurances. */
export const Perks = component$(() => (
  <ul class="perks" aria-label="Why shop with us">
    {PERKS.map((p) => (
      <li class="perk" key={p.title}>
        <Icon name={p.icon} />
        <span>
          <strong>{p.title}</strong>
          {p.text}
        </span>
      </li>
    ))}
  </ul>
));
