import type { Core } from '../../core/core';
import type { OscControlSettings, OscControlStatus } from '../../../shared/contract/osc-control';
import { OSC_CONTROL_OFF } from '../../core/control-in';
import { startOscControl, type OscControl, type OscControlOptions } from './control';

export type StartOscControl = (core: Core, options: OscControlOptions) => Promise<OscControl>;

/** Why a UDP port would not open, as the Settings screen words it. */
export function describeOscFailure(error: unknown, settings: OscControlSettings): OscControlStatus {
  const e = error as NodeJS.ErrnoException;
  const problem =
    e.code === 'EADDRINUSE' ? 'portBusy'
    : e.code === 'EADDRNOTAVAIL' ? 'noAddress'
    : e.code === 'EACCES' || e.code === 'EPERM' ? 'noPermission'
    : 'other';
  return { state: 'failed', problem, detail: e.message ?? String(error), port: settings.port, bindAddress: settings.bindAddress };
}

export interface OscControlKeeper {
  /** Stops listening and lets go of the core (quitting). */
  close(): Promise<void>;
}

/**
 * Runs OSC control in as its stored setting says, in whichever host runs the core (the headless
 * host, the desktop app): listens at start if it is on, and restarts or stops the moment Settings
 * saves a change. One change at a time, so a quick second save cannot leave two servers.
 */
export function keepOscControl(core: Core, start: StartOscControl = startOscControl): OscControlKeeper {
  let running: OscControl | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const apply = (settings: OscControlSettings): Promise<OscControlStatus> => {
    const next = queue.then(async (): Promise<OscControlStatus> => {
      await running?.close();
      running = null;
      if (!settings.enabled) return OSC_CONTROL_OFF;
      try {
        running = await start(core, { port: settings.port, host: settings.bindAddress, allow: settings.allow });
        return { state: 'listening', problem: null, detail: '', port: running.port, bindAddress: settings.bindAddress };
      } catch (error) {
        const status = describeOscFailure(error, settings);
        console.error(`OSC control could not listen on ${settings.bindAddress}:${settings.port}: ${status.detail}`);
        return status;
      }
    });
    queue = next;
    return next;
  };

  const detach = core.oscControl.attach(apply);
  // As stored: a host that starts with it on listens before anyone opens Settings.
  const started = Promise.resolve(core.api.getOscControl(undefined, { canControl: true })).then(({ settings }) => core.oscControl.apply(settings));
  started.catch((error: unknown) => console.error('OSC control: the stored setting could not be read:', error));

  return {
    async close() {
      detach();
      await started.catch(() => undefined);
      await queue;
      await running?.close();
      running = null;
    },
  };
}
