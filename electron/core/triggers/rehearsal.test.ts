import { describe, expect, it } from 'vitest';
import { systemClock } from '../clock';
import { rehearse } from './rehearsal';

describe("show control's rehearsal", () => {
  it('fires one trigger of each kind at its own receivers, and each is answered', async () => {
    const outcomes = await rehearse(systemClock);
    expect(outcomes.map((o) => o.status)).toEqual(['sent', 'acknowledged', 'acknowledged']);
    expect(outcomes[1]!.detail).toBe('HTTP 204 No Content');
    expect(outcomes[2]!.detail).toBe('200 ok');
    for (const outcome of outcomes) expect(outcome.sentAt).not.toBeNull();
  });
});
