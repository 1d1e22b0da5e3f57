import { describe, expect, it } from 'vitest';
import { nodeTooOld } from './node-version';

describe('the Node version check', () => {
  it('says in one line what to install under a Node older than 22.12', () => {
    for (const version of ['20.20.2', '18.19.0', '22.11.0', '21.7.3']) {
      const said = nodeTooOld(version);
      expect(said, version).toContain('Node.js 22.12 or newer');
      expect(said).toContain(version);
      expect(said).not.toContain('\n');
    }
  });

  it('lets 22.12 and newer through', () => {
    for (const version of ['22.12.0', '22.23.5', '23.0.0', '24.1.0']) expect(nodeTooOld(version), version).toBeNull();
  });
});
