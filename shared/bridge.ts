/**
 * The shape the Electron preload exposes as `window.cuelight`: one named function per contract
 * method (no generic invoke), each answering with an envelope, plus one subscription per event.
 */
import type { Envelope, Events, MethodInput, MethodName, MethodOutput } from './api';

export type BridgeMethods = { [M in MethodName]: (input?: MethodInput<M>) => Promise<Envelope<MethodOutput<M>>> };

export interface BridgeEvents {
  /** Calls back with each countdown snapshot; returns an unsubscribe function. */
  onCountdown(listener: (snapshot: Events['countdown']) => void): () => void;
  onDataChanged(listener: (change: Events['dataChanged']) => void): () => void;
  onProgress(listener: (progress: Events['progress']) => void): () => void;
  onTriggerResult(listener: (result: Events['triggerResult']) => void): () => void;
  onReadiness(listener: (board: Events['readiness']) => void): () => void;
}

export interface PrintResult {
  saved: boolean;
  path: string | null;
}

export interface BridgeShell {
  /** Saves the current page as a PDF through Electron's printToPDF (the browser prints instead). */
  printToPdf(suggestedName: string): Promise<PrintResult>;
  /** Opens (or brings forward) the full-screen stage window on the chosen display. */
  openStageDisplay(): Promise<void>;
}

export type CuelightBridge = BridgeMethods & BridgeEvents & BridgeShell;

export const PRINT_CHANNEL = 'shell:printToPdf';
export const STAGE_CHANNEL = 'shell:openStageDisplay';

/** IPC channel names: methods use their own name; events are pushed on these. */
export const EVENT_CHANNELS = { countdown: 'event:countdown', dataChanged: 'event:dataChanged', progress: 'event:progress', triggerResult: 'event:triggerResult', readiness: 'event:readiness' } as const;
