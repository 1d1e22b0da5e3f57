/** The Bitfocus Companion module: Cuelight's console commands on a Stream Deck, and its state on the keys. */
import { InstanceBase, InstanceStatus, type SomeCompanionConfigField } from '@companion-module/base';
import { HostConnection } from './connection';
import { ConfirmGate, VARIABLES, actionDefinitions, feedbackDefinitions, variableValues } from './definitions';

interface Config {
  url: string;
  token: string;
  [key: string]: string;
}

export default class CuelightInstance extends InstanceBase {
  private host: HostConnection | null = null;
  private ticker: ReturnType<typeof setInterval> | null = null;

  async init(config: Config): Promise<void> {
    this.start(config);
  }

  async configUpdated(config: Config): Promise<void> {
    this.stop();
    this.start(config);
  }

  async destroy(): Promise<void> {
    this.stop();
  }

  getConfigFields(): SomeCompanionConfigField[] {
    return [
      { id: 'url', type: 'textinput', label: 'Cuelight host (as printed at start, e.g. http://192.168.1.20:4173)', width: 12, default: 'http://127.0.0.1:4173' },
      { id: 'token', type: 'textinput', label: 'Control token (the token= part of the operator link)', width: 12, default: '' },
    ];
  }

  private start(config: Config): void {
    this.updateStatus(InstanceStatus.Connecting);
    const host = new HostConnection({ url: config.url, token: config.token }, () => this.refresh());
    this.host = host;
    this.setActionDefinitions(actionDefinitions(host, new ConfirmGate(), (message) => this.log('warn', message)));
    this.setFeedbackDefinitions(feedbackDefinitions(host));
    this.setVariableDefinitions(VARIABLES);
    host.connect();
    // The remaining time moves without events: recompute it a few times a second.
    this.ticker = setInterval(() => this.setVariableValues(variableValues(host)), 200);
  }

  private refresh(): void {
    if (!this.host) return;
    this.updateStatus(this.host.connected ? InstanceStatus.Ok : InstanceStatus.Disconnected);
    this.setVariableValues(variableValues(this.host));
    this.checkAllFeedbacks();
  }

  private stop(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.host?.close();
    this.host = null;
  }
}
