import { describe, expect, it } from 'vitest';
import { ReadQueue } from './read-queue';

const busyFor = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // a read's work on the loop
  }
};

describe('reads taking turns', () => {
  it('answer a second client before a greedy client’s queued reads', async () => {
    const queue = new ReadQueue();
    const order: string[] = [];
    const greedy = {};
    const other = {};
    const all: Promise<void>[] = [];
    const read = (connection: object, name: string) =>
      all.push(new Promise<void>((done) => queue.add(connection, async () => void (order.push(name), done()))));
    for (let i = 1; i <= 5; i++) read(greedy, `greedy ${i}`);
    read(other, 'other');
    await Promise.all(all);
    expect(order).toEqual(['greedy 1', 'other', 'greedy 2', 'greedy 3', 'greedy 4', 'greedy 5']);
  });

  it('give the loop back between turns, so a timer (GO) is not held behind a pile of reads', async () => {
    const queue = new ReadQueue(4);
    let answered = 0;
    const all: Promise<void>[] = [];
    for (let i = 0; i < 20; i++) {
      all.push(new Promise<void>((done) => queue.add({}, async () => (busyFor(2), answered++, done()))));
    }
    // A timer due now fires at the next turn of the loop: after one turn of reads (4 ms: two of them), not after all 40 ms.
    const answeredWhenTheTimerFired = await new Promise<number>((resolve) => setTimeout(() => resolve(answered), 0));
    expect(answeredWhenTheTimerFired).toBeLessThanOrEqual(3);
    await Promise.all(all);
    expect(answered).toBe(20);
  });

  it('skip nothing when a read fails or waits on a worker', async () => {
    const queue = new ReadQueue();
    const order: string[] = [];
    await new Promise<void>((done) => {
      queue.add({}, async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push('slow');
      });
      queue.add({}, async () => {
        order.push('failing');
        throw new Error('refused');
      });
      queue.add({}, async () => {
        order.push('last');
        done();
      });
    });
    expect(order).toEqual(['failing', 'last']);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(order).toEqual(['failing', 'last', 'slow']);
  });
});
