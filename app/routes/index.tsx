import { component$ } from '@builder.io/qwik';
import { routeLoader$ } from '@builder.io/qwik-city';

export const useHello = routeLoader$(async ({ platform }) => {
  const row = await platform.env.DB.prepare('select 41 + 1 as n').first<{ n: number }>();
  return row?.n ?? 0;
});

export default component$(() => {
  const n = useHello();
  return <h1>Hello {n.value}</h1>;
});
