/**
 * The operator's token: whoever presents it controls the countdown and sees every link. It is kept
 * in the database (or fixed for this run by --token), checked in constant time, and replaced from
 * the console: the old one stops at once, and the host hears of it to close the sockets that
 * presented it. The desktop app's own window never uses it (IPC is trusted by its sender check).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/open';
import { getSetting, setSetting } from '../repos/settings';
import { refusal } from '../errors';

const TOKEN_KEY = 'controlToken';

/** 16 random bytes, url-safe: unguessable, and short enough to read out of a QR code. */
const newToken = (): string => randomBytes(16).toString('base64url');

export class OperatorLink {
  private token: string | null = null;
  /** Given on the command line: this run's token, not the console's to change. */
  private fixed = false;
  private readonly rotated = new Set<() => void>();

  constructor(
    private db: () => Db,
    /** Before a write of its own: an import writing on another connection gives way at once. */
    private beforeWrite: () => void = () => {},
  ) {}

  /** Uses this token for this run (--token); the console cannot rotate it. */
  fixTo(token: string): void {
    this.token = token;
    this.fixed = true;
  }

  /** The token operator links carry now: the kept one, or a new one kept from now on. */
  current(): string {
    if (this.token !== null) return this.token;
    try {
      this.token = getSetting(this.db(), TOKEN_KEY) ?? null;
    } catch {
      // a damaged store may not even read: this run gets a fresh token
    }
    if (this.token === null) {
      const token = newToken();
      try {
        this.beforeWrite();
        setSetting(this.db(), TOKEN_KEY, token);
      } catch {
        // a read-only store cannot keep it: the link works until the next start
      }
      this.token = token;
    }
    return this.token;
  }

  /** Whether `given` is the operator's token now, compared in constant time. */
  matches(given: string): boolean {
    const a = Buffer.from(given);
    const b = Buffer.from(this.current());
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** A new token, kept before it is used: every link and socket with the old one stops at once. */
  rotate(): string {
    this.current();
    if (this.fixed) throw refusal('conflict', 'err.operatorTokenFixed');
    const token = newToken();
    this.beforeWrite();
    setSetting(this.db(), TOKEN_KEY, token);
    this.token = token;
    this.rotated.forEach((fn) => fn());
    return token;
  }

  /**
   * A store was opened in place of the last (a restored backup): it keeps the token in force now,
   * not the one it was saved with, so a link replaced since the backup cannot come back at the next start.
   */
  storeReplaced(): void {
    if (this.token === null || this.fixed) return;
    try {
      if (getSetting(this.db(), TOKEN_KEY) === this.token) return;
      this.beforeWrite();
      setSetting(this.db(), TOKEN_KEY, this.token);
    } catch (error) {
      console.error(`The operator token could not be kept in the restored store: ${(error as Error).message}`);
    }
  }

  /** Calls back after each rotation (the host closes the operator sockets with the old token). */
  onRotate(fn: () => void): () => void {
    this.rotated.add(fn);
    return () => this.rotated.delete(fn);
  }
}
