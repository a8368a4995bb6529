/** The real TRAFFIC queue from wrangler.toml: a message sent to it reaches the Worker's queue() handler and D1. */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { event, traffic, visitorId } from './traffic-support';

describe('the TRAFFIC queue', () => {
  it('delivers a sent event to the consumer, which counts it', async () => {
    const path = `/queue-test/${crypto.randomUUID()}`;
    const sent = event(Date.now(), { visitor: visitorId(), path });
    await env.TRAFFIC.send(sent, { contentType: 'json' });
    const day = new Date(sent.at).toISOString().slice(0, 10); // no report zone set: UTC
    // The consumer runs when the batch fills or after max_batch_timeout (5 s).
    const deadline = Date.now() + 20_000;
    let counted = await traffic(day, 'page', path);
    while (counted.views === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      counted = await traffic(day, 'page', path);
    }
    expect(counted).toEqual({ views: 1, visitors: 1 });
  }, 30_000);
});
