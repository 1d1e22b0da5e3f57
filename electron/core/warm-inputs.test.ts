import { describe, it, expect, vi } from 'vitest';
import { methods } from '../../shared/api';
import { showTimeSamples, warmShowTimeInputs } from './warm-inputs';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the show-time inputs parsed after start', () => {
  it('each fits its method, so the warm-up runs the parser a real request will run', () => {
    for (const [name, input] of showTimeSamples()) expect(methods[name].input.safeParse(input).success, `${name} ${JSON.stringify(input)}`).toBe(true);
  });

  it('covers every countdown command an operator can send', () => {
    const types = showTimeSamples().flatMap(([name, input]) => (name === 'countdownCommand' ? [(input as { type: string }).type] : []));
    const options = methods.countdownCommand.input.def.options.map((o) => (o.shape.type.def.values as string[])[0]);
    expect(new Set(types)).toEqual(new Set(options));
  });

  it('parses one a turn of the loop, and stops when the core closes', async () => {
    const parse = vi.spyOn(methods.countdownCommand.input, 'safeParse');
    try {
      const first = warmShowTimeInputs();
      expect(parse).not.toHaveBeenCalled(); // nothing on the turn that started it
      await turn();
      expect(parse).toHaveBeenCalledTimes(1);
      await turn();
      expect(parse).toHaveBeenCalledTimes(2);
      first();
      parse.mockClear();
      const stop = warmShowTimeInputs();
      stop();
      for (let i = 0; i < 3; i++) await turn();
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });
});
