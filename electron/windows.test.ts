import { describe, it, expect, vi } from 'vitest';
import { methodNames } from '../shared/api';
import { EVENT_CHANNELS } from '../shared/bridge';
import {
  keepsDisplayAwake,
  mainWindowOptions,
  parseWindowState,
  pickStageDisplay,
  restoreBounds,
  stageWindowOptions,
} from './windows';

// The preload test below loads preload.ts against a fake 'electron', as no runtime exists here.
const fakeElectron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn((channel: string, input: unknown) => Promise.resolve({ ok: true, value: { channel, input } })),
  on: vi.fn(),
  removeListener: vi.fn(),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fakeElectron.exposed.set(key, api) },
  ipcRenderer: { invoke: fakeElectron.invoke, on: fakeElectron.on, removeListener: fakeElectron.removeListener },
}));

const PRELOAD = '/opt/Cuelight/resources/app.asar/dist/electron/preload.cjs';
const displays = [
  { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 25, width: 1920, height: 1055 } },
  { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 720 }, workArea: { x: 1920, y: 0, width: 1280, height: 720 } },
];

describe.each([
  ['main', mainWindowOptions({ preloadPath: PRELOAD })],
  ['stage', stageWindowOptions({ preloadPath: PRELOAD, displayBounds: displays[1]!.bounds })],
])('the %s window', (_name, options) => {
  it('isolates the page from Node and loads only our preload', () => {
    expect(options.webPreferences).toMatchObject({
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('never weakens web security, and keeps developer tools closed unless asked', () => {
    expect(options.webPreferences?.devTools).toBe(false);
    expect(options.webPreferences?.webSecurity).not.toBe(false);
    expect(options.webPreferences?.allowRunningInsecureContent).not.toBe(true);
  });
});

it('opens developer tools in the development build only when asked', () => {
  expect(mainWindowOptions({ preloadPath: PRELOAD, devTools: true }).webPreferences?.devTools).toBe(true);
  expect(stageWindowOptions({ preloadPath: PRELOAD, displayBounds: displays[0]!.bounds, devTools: true }).webPreferences?.devTools).toBe(true);
});

describe('mainWindowOptions', () => {
  it('opens hidden on a dark background so there is no white flash', () => {
    const options = mainWindowOptions({ preloadPath: PRELOAD });
    expect(options).toMatchObject({ title: 'Cuelight', show: false, backgroundColor: '#111318' });
    expect(options.minWidth).toBeGreaterThan(0);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth!);
  });

  it('uses remembered bounds when given', () => {
    const bounds = { x: 100, y: 120, width: 1000, height: 700 };
    expect(mainWindowOptions({ preloadPath: PRELOAD, bounds })).toMatchObject(bounds);
  });
});

describe('stageWindowOptions', () => {
  const options = stageWindowOptions({ preloadPath: PRELOAD, displayBounds: displays[1]!.bounds });

  it('fills the chosen display, frameless and black', () => {
    expect(options).toMatchObject({ x: 1920, y: 0, width: 1280, height: 720, fullscreen: true, frame: false, backgroundColor: '#000000' });
  });

  it('keeps painting when it is not the focused window', () => {
    expect(options.webPreferences?.backgroundThrottling).toBe(false);
  });
});

describe('restoreBounds', () => {
  it('keeps bounds that are on a display', () => {
    const onSecond = { x: 2000, y: 50, width: 800, height: 600 };
    expect(restoreBounds(onSecond, displays)).toEqual(onSecond);
  });

  it('drops bounds on a display that is no longer attached', () => {
    expect(restoreBounds({ x: 4000, y: 100, width: 800, height: 600 }, displays)).toBeUndefined();
    expect(restoreBounds({ x: 2000, y: 50, width: 800, height: 600 }, [displays[0]!])).toBeUndefined();
  });

  it('drops bounds whose title bar is above the screen', () => {
    expect(restoreBounds({ x: 100, y: -500, width: 800, height: 600 }, displays)).toBeUndefined();
  });

  it('drops bounds that show only a sliver of the window', () => {
    expect(restoreBounds({ x: -790, y: 100, width: 800, height: 600 }, displays)).toBeUndefined();
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', '0,0,800,600'],
    ['missing height', { x: 0, y: 30, width: 800 }],
    ['a string field', { x: '0', y: 30, width: 800, height: 600 }],
    ['NaN', { x: Number.NaN, y: 30, width: 800, height: 600 }],
    ['Infinity', { x: 0, y: 30, width: Number.POSITIVE_INFINITY, height: 600 }],
    ['a zero size', { x: 0, y: 30, width: 0, height: 0 }],
    ['a negative size', { x: 0, y: 30, width: -800, height: 600 }],
  ])('drops %s', (_label, saved) => {
    expect(restoreBounds(saved, displays)).toBeUndefined();
  });
});

describe('parseWindowState', () => {
  it('reads back what was saved', () => {
    const saved = { mainBounds: { x: 1, y: 30, width: 900, height: 700 }, mainMaximized: true, stageDisplayId: 2 };
    expect(parseWindowState(JSON.stringify(saved))).toEqual(saved);
  });

  it.each(['', '{', 'null', '[]', '"text"', '{"stageDisplayId":"2","mainMaximized":1,"mainBounds":{"x":1}}'])(
    'forgets a corrupt file: %j',
    (text) => {
      expect(parseWindowState(text)).toEqual({});
    },
  );
});

describe('pickStageDisplay', () => {
  it('prefers the remembered display while it is attached', () => {
    expect(pickStageDisplay(displays, 1, 1)?.id).toBe(1);
  });

  it('defaults to a display other than the primary one', () => {
    expect(pickStageDisplay(displays, 1)?.id).toBe(2);
    expect(pickStageDisplay(displays, 2)?.id).toBe(1);
  });

  it('falls back when the remembered display is gone, and uses the only display there is', () => {
    expect(pickStageDisplay(displays, 1, 99)?.id).toBe(2);
    expect(pickStageDisplay([displays[0]!], 1, 2)?.id).toBe(1);
    expect(pickStageDisplay([], 1)).toBeUndefined();
  });
});

describe('keepsDisplayAwake', () => {
  it('holds the display awake only while someone is watching the countdown', () => {
    expect(['standby', 'counting', 'paused', 'go'].every(keepsDisplayAwake)).toBe(true);
    expect(['idle', 'ended'].some(keepsDisplayAwake)).toBe(false);
  });
});

describe('preload bridge', () => {
  it('exposes one function per contract method, each invoking its own channel, and nothing else', async () => {
    await import('./preload');
    const bridge = fakeElectron.exposed.get('cuelight') as Record<string, (arg: unknown) => unknown>;
    expect(Object.keys(bridge).sort()).toEqual([...methodNames, 'onCountdown', 'onDataChanged', 'onProgress', 'onTriggerResult', 'onReadiness', 'openStageDisplay', 'printToPdf'].sort());
    for (const name of methodNames) {
      const input = { probe: name };
      await expect(bridge[name]!(input)).resolves.toEqual({ ok: true, value: { channel: name, input } });
    }
  });

  it('hands listeners the payload only, and unsubscribes', async () => {
    await import('./preload');
    const bridge = fakeElectron.exposed.get('cuelight') as Record<string, (arg: unknown) => () => void>;
    const listener = vi.fn();
    const unsubscribe = bridge.onCountdown!(listener);
    const [channel, handler] = fakeElectron.on.mock.calls.at(-1) as [string, (event: unknown, payload: unknown) => void];
    expect(channel).toBe(EVENT_CHANNELS.countdown);
    handler({ sender: 'ipc internals' }, { phase: 'counting' });
    expect(listener).toHaveBeenCalledWith({ phase: 'counting' });
    unsubscribe();
    expect(fakeElectron.removeListener).toHaveBeenCalledWith(EVENT_CHANNELS.countdown, handler);
  });
});
