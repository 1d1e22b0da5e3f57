import os from 'node:os';
import path from 'node:path';

/** The platform's per-user data folder (XDG data home on Linux) for the headless host. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Cuelight');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Cuelight');
  return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'cuelight');
}
