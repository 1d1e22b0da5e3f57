import { describe, it, expect, vi, afterEach } from 'vitest';
import type { MouseEvent } from 'react';
import { openStageFromLink } from './stage';

const click = () => ({ preventDefault: vi.fn() }) as unknown as MouseEvent<HTMLAnchorElement> & { preventDefault: ReturnType<typeof vi.fn> };

afterEach(() => vi.unstubAllGlobals());

describe('Open stage display', () => {
  it('asks the main process for the stage window in the desktop app, instead of a new window it would deny', () => {
    const openStageDisplay = vi.fn(async () => undefined);
    vi.stubGlobal('window', { cuelight: { openStageDisplay } });
    const event = click();
    openStageFromLink(event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(openStageDisplay).toHaveBeenCalledOnce();
  });

  it('leaves the link to open /stage in a new tab in a browser', () => {
    vi.stubGlobal('window', {});
    const event = click();
    openStageFromLink(event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });
});
