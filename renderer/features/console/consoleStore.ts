import { create } from 'zustand';
import type { MessageKey } from '../../../shared/i18n/index';
import type { FailureReason, Take } from '../../../shared/schemas';

interface ConsoleState {
  selectedPlanId: number | null;
  rehearsal: boolean;
  /** A command waiting for its deliberate second step (show mode). */
  confirming: { messageKey: MessageKey; perform: () => Promise<void> } | null;
  helpOpen: boolean;
  /** The running or last take as last committed, and what the crew is typing about it. */
  take: Take | null;
  takeNote: string;
  failureReason: FailureReason;
}

export const useConsole = create<ConsoleState>(() => ({
  selectedPlanId: null,
  rehearsal: false,
  confirming: null,
  helpOpen: false,
  take: null,
  takeNote: '',
  failureReason: 'other',
}));

export function setTake(take: Take | null): void {
  const previous = useConsole.getState().take;
  // A new take starts with a blank note; the same take keeps what is being typed.
  if (previous?.id !== take?.id) useConsole.setState({ takeNote: '', failureReason: 'other' });
  useConsole.setState({ take });
}

export function setTakeNote(takeNote: string): void {
  useConsole.setState({ takeNote });
}

export function setFailureReason(failureReason: FailureReason): void {
  useConsole.setState({ failureReason });
}

export function selectPlanForConsole(planId: number | null): void {
  useConsole.setState({ selectedPlanId: planId });
}

export function setRehearsal(rehearsal: boolean): void {
  useConsole.setState({ rehearsal });
}

export function askToConfirm(messageKey: MessageKey, perform: () => Promise<void>): void {
  useConsole.setState({ confirming: { messageKey, perform } });
}

export function closeConfirm(): void {
  useConsole.setState({ confirming: null });
}

export function toggleHelp(open?: boolean): void {
  useConsole.setState((s) => ({ helpOpen: open ?? !s.helpOpen }));
}
