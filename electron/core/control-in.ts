import type { Db } from './db/open';
import { getSetting, setSetting } from './repos/settings';
import { OSC_CONTROL_DEFAULTS, oscControlSettings, type OscControlSettings, type OscControlStatus } from '../../shared/contract/osc-control';

const KEY = 'oscControl';

export const OSC_CONTROL_OFF: OscControlStatus = { state: 'off', problem: null, detail: '', port: null, bindAddress: null };

/** The stored OSC control setting; off (the defaults) when never saved or unreadable. */
export function readOscControlSettings(db: Db): OscControlSettings {
  let stored: string | undefined;
  try {
    stored = getSetting(db, KEY);
  } catch {
    return OSC_CONTROL_DEFAULTS; // a damaged store: control in stays off
  }
  if (stored === undefined) return OSC_CONTROL_DEFAULTS;
  const parsed = oscControlSettings.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : OSC_CONTROL_DEFAULTS;
}

export function writeOscControlSettings(db: Db, settings: OscControlSettings): void {
  setSetting(db, KEY, JSON.stringify(settings));
}

export type OscControlApplier = (settings: OscControlSettings) => Promise<OscControlStatus>;

/**
 * The OSC server is a transport, so it lives with the host that runs it (electron/host/osc); the
 * core keeps its status and the host's way to apply a saved setting at once, so the API can say
 * whether it listens. With no host attached (the core's own tests) a setting is only stored.
 */
export class OscControlLink {
  status: OscControlStatus = OSC_CONTROL_OFF;
  private applier: OscControlApplier | null = null;

  attach(applier: OscControlApplier): () => void {
    this.applier = applier;
    return () => {
      if (this.applier === applier) this.applier = null;
    };
  }

  async apply(settings: OscControlSettings): Promise<OscControlStatus> {
    if (this.applier) this.status = await this.applier(settings);
    return this.status;
  }
}
