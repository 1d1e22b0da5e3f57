import { describe, expect, it } from 'vitest';
import type os from 'node:os';
import { isLoopback, joinAddresses } from './mdns';

const iface = (address: string, internal = false, family: 'IPv4' | 'IPv6' = 'IPv4') =>
  ({ address, internal, family, netmask: '', mac: '', cidr: null }) as os.NetworkInterfaceInfo;
const interfaces = { lo: [iface('127.0.0.1', true)], eth0: [iface('192.168.1.20'), iface('fe80::1', false, 'IPv6')], wlan0: [iface('10.0.0.7')] };

describe('joining addresses', () => {
  it('offers nothing on loopback: the host is this machine alone, and mDNS stays off', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(joinAddresses('127.0.0.1', 4173, interfaces)).toEqual([]);
  });

  it('offers the one bound set-network address, and nothing else', () => {
    expect(isLoopback('192.168.1.20')).toBe(false);
    expect(joinAddresses('192.168.1.20', 4173, interfaces)).toEqual(['http://192.168.1.20:4173']);
  });

  it('offers every external IPv4 address when bound to all', () => {
    expect(joinAddresses('0.0.0.0', 4173, interfaces)).toEqual(['http://192.168.1.20:4173', 'http://10.0.0.7:4173']);
  });
});
