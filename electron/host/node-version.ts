/** better-sqlite3 13's prebuilt binaries need Node 22.12; under Node 20 they segfault without a word. */
export const MIN_NODE = { major: 22, minor: 12 } as const;

/** One line saying what to install when `version` (like process.versions.node) is too old; null when fine. */
export function nodeTooOld(version: string): string | null {
  const [major = 0, minor = 0] = version.split('.').map((part) => Number.parseInt(part, 10));
  if (major > MIN_NODE.major || (major === MIN_NODE.major && minor >= MIN_NODE.minor)) return null;
  return (
    `Cuelight needs Node.js ${MIN_NODE.major}.${MIN_NODE.minor} or newer, but this is Node.js ${version}: ` +
    `install Node.js ${MIN_NODE.major} LTS (https://nodejs.org, or \`nvm install ${MIN_NODE.major}\`), then run the command again.`
  );
}
