import { describe, it, expect, vi } from 'vitest';
import { HOST_NODE_FLAGS } from '../host/node-flags';
import { ensureMainFlags, mainFlagsDecision, RELAUNCHED_MARKER } from './v8-flags';

const ALL = HOST_NODE_FLAGS.join(' ');
const [FIRST] = HOST_NODE_FLAGS as [string, ...string[]];

function fakeApp(jsFlags: string) {
  return {
    relaunch: vi.fn(),
    exit: vi.fn(),
    commandLine: { getSwitchValue: vi.fn((name: string) => (name === 'js-flags' ? jsFlags : '')), removeSwitch: vi.fn() },
  };
}

describe("the desktop main process's V8 flags", () => {
  it('a packaged app started by the system, with no arguments, starts over once with the flags', () => {
    const decision = mainFlagsDecision(['/Applications/Cuelight.app/Contents/MacOS/Cuelight'], '');
    expect(decision).toEqual({ kind: 'relaunch', args: [`--js-flags=${ALL}`, RELAUNCHED_MARKER] });
  });

  it('keeps what it was started with: its arguments after the switches, flags someone gave merged in', () => {
    const decision = mainFlagsDecision(['C:\\Cuelight\\Cuelight.exe', '--js-flags=--max-old-space-size=512', 'show.csv'], '--max-old-space-size=512');
    expect(decision).toEqual({ kind: 'relaunch', args: [`--js-flags=--max-old-space-size=512 ${ALL}`, RELAUNCHED_MARKER, 'show.csv'] });
  });

  it('adds only the flags that are missing', () => {
    const decision = mainFlagsDecision(['electron', '.'], FIRST);
    expect(decision).toEqual({ kind: 'relaunch', args: [`--js-flags=${ALL}`, RELAUNCHED_MARKER, '.'] });
  });

  it('does nothing when started with them (npm start passes them), in any order', () => {
    expect(mainFlagsDecision(['electron', `--js-flags=${ALL}`, '.'], ALL)).toEqual({ kind: 'ready' });
    expect(mainFlagsDecision(['electron', '.'], ` ${[...HOST_NODE_FLAGS].reverse().join('  ')} `)).toEqual({ kind: 'ready' });
  });

  it('never starts over twice: a second start still without them goes on and names what is missing', () => {
    expect(mainFlagsDecision(['Cuelight', RELAUNCHED_MARKER], '')).toEqual({ kind: 'without', missing: [...HOST_NODE_FLAGS] });
  });

  it('asks Electron to start it again and exits before anything opens', () => {
    const app = fakeApp('');
    expect(ensureMainFlags(app, ['Cuelight'], {}, vi.fn())).toBe(true);
    expect(app.relaunch).toHaveBeenCalledWith({ args: [`--js-flags=${ALL}`, RELAUNCHED_MARKER] });
    expect(app.exit).toHaveBeenCalledWith(0);
  });

  it('an AppImage starts the image again, not the binary inside its mount, which goes away on exit', () => {
    const app = fakeApp('');
    expect(ensureMainFlags(app, ['/tmp/.mount_CuelightX/cuelight'], { APPIMAGE: '/home/sm/Cuelight.AppImage' }, vi.fn())).toBe(true);
    expect(app.relaunch).toHaveBeenCalledWith({ args: [`--js-flags=${ALL}`, RELAUNCHED_MARKER], execPath: '/home/sm/Cuelight.AppImage' });
  });

  it('with the flags, goes on and keeps them from the renderers', () => {
    const app = fakeApp(ALL);
    const warn = vi.fn();
    expect(ensureMainFlags(app, ['Cuelight', `--js-flags=${ALL}`], {}, warn)).toBe(false);
    expect(app.relaunch).not.toHaveBeenCalled();
    expect(app.exit).not.toHaveBeenCalled();
    expect(app.commandLine.removeSwitch).toHaveBeenCalledWith('js-flags');
    expect(warn).not.toHaveBeenCalled();
  });

  it('after a start-over that did not take, warns once and goes on', () => {
    const app = fakeApp('');
    const warn = vi.fn();
    expect(ensureMainFlags(app, ['Cuelight', RELAUNCHED_MARKER], {}, warn)).toBe(false);
    expect(app.relaunch).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain(FIRST);
  });
});
