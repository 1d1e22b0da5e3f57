import { describe, expect, it } from 'vitest';
import { allowedHostNames, refusalFor } from './origin';

const allowed = allowedHostNames({
  bound: '0.0.0.0',
  extra: ['Cuelight.Set'],
  hostname: 'stage-laptop',
  interfaces: { eth0: [{ address: '192.168.1.20', family: 'IPv4' } as never], wlan0: [{ address: 'fe80::1%wlan0', family: 'IPv6' } as never] },
});

describe('the names a host answers to', () => {
  it('are its loopback names, hostname, interface addresses and the ones allowed by flag', () => {
    for (const name of ['localhost', '127.0.0.1', '::1', 'stage-laptop', 'stage-laptop.local', '192.168.1.20', 'fe80::1', 'cuelight.set']) {
      expect(allowed.has(name), name).toBe(true);
    }
    // A wildcard bind is not a name anyone can be sent to.
    expect(allowed.has('0.0.0.0')).toBe(false);
  });

  it('include a specific bound address', () => {
    expect(allowedHostNames({ bound: '10.0.0.5', hostname: 'x', interfaces: {} }).has('10.0.0.5')).toBe(true);
  });
});

describe('a request is refused', () => {
  it('when its Host is not one of them (DNS rebinding), or missing', () => {
    expect(refusalFor({ host: 'evil.example:4173' }, allowed)).toContain('--allow-host');
    expect(refusalFor({ host: 'evil.example' }, allowed)).not.toBeNull();
    expect(refusalFor({}, allowed)).not.toBeNull();
    expect(refusalFor({ host: 'localhost:4173/../x' }, allowed)).not.toBeNull();
  });

  it('when a browser says the page came from elsewhere, or from nowhere (null)', () => {
    for (const origin of ['http://evil.example', 'null', 'http://localhost:3000', 'file://', 'chrome-extension://abc']) {
      expect(refusalFor({ host: 'localhost:4173', origin }, allowed), origin).not.toBeNull();
    }
  });
});

describe('a request is answered', () => {
  it('by any of its names, in any case, with or without a port', () => {
    for (const host of ['localhost:4173', '127.0.0.1', '[::1]:4173', 'STAGE-LAPTOP:4173', 'stage-laptop.local.:4173', '192.168.1.20:4173', 'cuelight.set']) {
      expect(refusalFor({ host }, allowed), host).toBeNull();
    }
  });

  it('from its own pages, and from tools that send no Origin', () => {
    expect(refusalFor({ host: '192.168.1.20:4173', origin: 'http://192.168.1.20:4173' }, allowed)).toBeNull();
    expect(refusalFor({ host: 'localhost:4173', origin: 'http://127.0.0.1:4173' }, allowed)).toBeNull();
    expect(refusalFor({ host: 'cuelight.set', origin: 'http://cuelight.set' }, allowed)).toBeNull();
    expect(refusalFor({ host: 'localhost:4173' }, allowed)).toBeNull();
  });
});
