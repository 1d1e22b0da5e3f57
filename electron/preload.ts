/**
 * The bridge, bundled as CommonJS for the sandbox: one named function per contract method and
 * one subscription per event. Nothing generic, so the page can reach only what is listed here.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { fromIpc } from './shell/ipc-answer';
import { EVENT_CHANNELS, PRINT_CHANNEL, STAGE_CHANNEL, type CuelightBridge } from '../shared/bridge';

/** Subscribes to one pushed event, hiding the IPC event object from the page. */
function subscribe<T>(channel: string, listener: (payload: T) => void): () => void {
  const handler = (_event: IpcRendererEvent, payload: T) => listener(payload);
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
}

const bridge = {
  getBootstrap: (input) => ipcRenderer.invoke('getBootstrap', input),
  loadDemo: (input) => ipcRenderer.invoke('loadDemo', input),
  updateSettings: (input) => ipcRenderer.invoke('updateSettings', input),
  listBackups: (input) => ipcRenderer.invoke('listBackups', input),
  backupNow: (input) => ipcRenderer.invoke('backupNow', input),
  restoreBackup: (input) => ipcRenderer.invoke('restoreBackup', input),

  listPeople: (input) => ipcRenderer.invoke('listPeople', input),
  createPerson: (input) => ipcRenderer.invoke('createPerson', input),
  updatePerson: (input) => ipcRenderer.invoke('updatePerson', input),
  listVenues: (input) => ipcRenderer.invoke('listVenues', input),
  createVenue: (input) => ipcRenderer.invoke('createVenue', input),
  updateVenue: (input) => ipcRenderer.invoke('updateVenue', input),

  listPlans: (input) => ipcRenderer.invoke('listPlans', input),
  getPlan: (input) => ipcRenderer.invoke('getPlan', input),
  createPlan: (input) => ipcRenderer.invoke('createPlan', input),
  updatePlan: (input) => ipcRenderer.invoke('updatePlan', input),
  duplicatePlan: (input) => ipcRenderer.invoke('duplicatePlan', input),
  deletePlan: (input) => ipcRenderer.invoke('deletePlan', input),
  restorePlan: (input) => ipcRenderer.invoke('restorePlan', input),
  reorderPlans: (input) => ipcRenderer.invoke('reorderPlans', input),
  exportPlans: (input) => ipcRenderer.invoke('exportPlans', input).then(fromIpc),
  importPlans: (input) => ipcRenderer.invoke('importPlans', input),

  getCountdown: (input) => ipcRenderer.invoke('getCountdown', input),
  countdownCommand: (input) => ipcRenderer.invoke('countdownCommand', input),
  setStageMessage: (input) => ipcRenderer.invoke('setStageMessage', input),

  listTakes: (input) => ipcRenderer.invoke('listTakes', input),
  queryTakes: (input) => ipcRenderer.invoke('queryTakes', input),
  takeSummary: (input) => ipcRenderer.invoke('takeSummary', input),
  getTake: (input) => ipcRenderer.invoke('getTake', input),
  getTakeHistory: (input) => ipcRenderer.invoke('getTakeHistory', input),
  setTakeOutcome: (input) => ipcRenderer.invoke('setTakeOutcome', input),
  addTakeMark: (input) => ipcRenderer.invoke('addTakeMark', input),
  updateTakeMark: (input) => ipcRenderer.invoke('updateTakeMark', input),
  deleteTakeMark: (input) => ipcRenderer.invoke('deleteTakeMark', input),
  exportTakes: (input) => ipcRenderer.invoke('exportTakes', input).then(fromIpc),

  getTriggers: (input) => ipcRenderer.invoke('getTriggers', input),
  saveTriggers: (input) => ipcRenderer.invoke('saveTriggers', input),
  testTrigger: (input) => ipcRenderer.invoke('testTrigger', input),
  getTakeTriggers: (input) => ipcRenderer.invoke('getTakeTriggers', input),

  getJoinInfo: (input) => ipcRenderer.invoke('getJoinInfo', input),
  listDevices: (input) => ipcRenderer.invoke('listDevices', input),
  renameDevice: (input) => ipcRenderer.invoke('renameDevice', input),
  identifyDevice: (input) => ipcRenderer.invoke('identifyDevice', input),
  rotateOperatorToken: (input) => ipcRenderer.invoke('rotateOperatorToken', input),

  getOscControl: (input) => ipcRenderer.invoke('getOscControl', input),
  saveOscControl: (input) => ipcRenderer.invoke('saveOscControl', input),

  getReadiness: (input) => ipcRenderer.invoke('getReadiness', input),
  saveDepartments: (input) => ipcRenderer.invoke('saveDepartments', input),
  setReadinessOptions: (input) => ipcRenderer.invoke('setReadinessOptions', input),
  listDepartmentLinks: (input) => ipcRenderer.invoke('listDepartmentLinks', input),
  rotateDepartmentLink: (input) => ipcRenderer.invoke('rotateDepartmentLink', input),
  getMyDepartment: (input) => ipcRenderer.invoke('getMyDepartment', input),
  setMyReadiness: (input) => ipcRenderer.invoke('setMyReadiness', input),
  getTakeReadiness: (input) => ipcRenderer.invoke('getTakeReadiness', input),

  onCountdown: (listener) => subscribe(EVENT_CHANNELS.countdown, listener),
  onDataChanged: (listener) => subscribe(EVENT_CHANNELS.dataChanged, listener),
  onProgress: (listener) => subscribe(EVENT_CHANNELS.progress, listener),
  onTriggerResult: (listener) => subscribe(EVENT_CHANNELS.triggerResult, listener),
  onReadiness: (listener) => subscribe(EVENT_CHANNELS.readiness, listener),

  printToPdf: (suggestedName) => ipcRenderer.invoke(PRINT_CHANNEL, suggestedName),
  openStageDisplay: () => ipcRenderer.invoke(STAGE_CHANNEL),
} satisfies CuelightBridge;

contextBridge.exposeInMainWorld('cuelight', bridge);
