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
  let applied: { settings: string; status: OscControlStatus } | null = null;

  const apply = (settings: OscControlSettings): Promise<OscControlStatus> => {
    const next = queue.then(async (): Promise<OscControlStatus> => {
      // The same setting again changes nothing, unless it failed last time (the port may be free now).
      if (applied && applied.settings === JSON.stringify(settings) && applied.status.state !== 'failed') return applied.status;
      const status = await restart(settings);
      applied = { settings: JSON.stringify(settings), status };
      return status;
    });
    queue = next;
    return next;
  };

  const restart = async (settings: OscControlSettings): Promise<OscControlStatus> => {
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
  };

  const applyStored = () => Promise.resolve(core.api.getOscControl(undefined, { canControl: true })).then(({ settings }) => core.oscControl.apply(settings));

  const detach = core.oscControl.attach(apply);
  const failedToRead = (error: unknown) => console.error('OSC control: the stored setting could not be read:', error);
  // As stored: a host that starts with it on listens before anyone opens Settings.
  const started = applyStored();
  started.catch(failedToRead);
  // A save applies through the API, a restore through the core's reopening (services.ts).

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
