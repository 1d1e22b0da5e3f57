import { describe, expect, it } from 'vitest';
import { ClockSync } from './clockSync';

describe('clock sync', () => {
  it('takes the host offset from the fastest recent round trip', () => {
    const sync = new ClockSync();
    sync.add({ t0: 1000, hostNow: 1550, t1: 1100 }); // rtt 100: offset 500 ± 50
    sync.add({ t0: 2000, hostNow: 2501, t1: 2002 }); // rtt 2: offset 500 ± 1
    expect(sync.offset).toBe(500);
    expect(sync.uncertainty).toBe(1);
  });

  it('is not moved by a slow reply, however recent', () => {
    const sync = new ClockSync();
    sync.add({ t0: 0, hostNow: 1, t1: 2 });
    const changed = sync.add({ t0: 100, hostNow: 200, t1: 160 }); // rtt 60, would say offset +70
    expect(changed).toBe(false);
    expect(sync.offset).toBe(0);
  });

  it('forgets samples older than its window, so a drifting clock is followed', () => {
    const sync = new ClockSync(3);
    sync.add({ t0: 0, hostNow: 1, t1: 2 });
    for (let i = 1; i <= 3; i++) sync.add({ t0: i * 10_000, hostNow: i * 10_000 + 24, t1: i * 10_000 + 8 });
    expect(sync.offset).toBe(20);
    expect(sync.uncertainty).toBe(4);
  });

  it('knows nothing before the first sample', () => {
    expect(new ClockSync().offset).toBe(0);
    expect(new ClockSync().uncertainty).toBe(0);
  });
});
