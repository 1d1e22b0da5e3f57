import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseWindowState, type WindowState } from './windows';

const STATE_FILE = 'window-state.json';

/** Window bounds and the chosen stage display, kept in the user-data folder between runs. */
export function readWindowState(userData: string): WindowState {
  try {
    return parseWindowState(fs.readFileSync(path.join(userData, STATE_FILE), 'utf8'));
  } catch {
    // No file yet, or unreadable: start with defaults rather than refuse to open.
    return {};
  }
}

export function writeWindowState(userData: string, state: WindowState): void {
  const file = path.join(userData, STATE_FILE);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Write then rename, so a crash mid-write never leaves half a file behind.
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(state, null, 2));
    fs.renameSync(`${file}.tmp`, file);
  } catch (error) {
    console.warn('Could not save window state:', error);
  }
}
