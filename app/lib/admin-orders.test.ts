import { describe, expect, it } from 'vitest';
import { actorLabel, eventTitle } from './admin-orders';

describe('the order timeline', () => {
  it('names who acted', () => {
    expect(actorLabel({ actor: 'stf_1', actorName: 'Jo Admin' })).toBe('Jo Admin');
    expect(actorLabel({ actor: 'customer', actorName: null })).toBe('Customer');
    expect(actorLabel({ actor: 'system', actorName: null })).toBe('System');
    expect(actorLabel({ actor: 'stf_gone', actorName: null })).toBe('Staff member stf_gone');
  });

  it('says what happened', () => {
    expect(eventTitle({ fromStatus: null, toStatus: 'pending' })).toBe('Order placed');
    expect(eventTitle({ fromStatus: 'pending', toStatus: 'processing' })).toBe('Pending → Processing');
    expect(eventTitle({ fromStatus: 'processing', toStatus: 'processing' })).toBe('Note');
  });
});
