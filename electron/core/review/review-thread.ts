import type { Worker } from 'node:worker_threads';
import type { Db } from '../db/open';
import type { ErrorCode } from '../../../shared/api';
import type { ParsedReviewFilter, TakeSort, TakeSummary } from '../../../shared/contract/takes';
import type { RefusalKey, RefusalParams } from '../../../shared/i18n/refusal';
import { CuelightError, refusal } from '../errors';
import type { Noted } from './change-notes';
import { ChangeNotes } from './change-notes';
import type { ReviewQuestion } from './review-index';
import { ReviewIndex } from './review-index';
import { startThread, stopThread } from '../workers/run-worker';

/** A question for the review's thread: the index's, or how much it holds (see threadBytes). */
type ThreadQuestion = ReviewQuestion | { ask: 'memory' };

/** A question with its number and what the host's connection committed since the last one. */
export type ReviewAsk = ThreadQuestion & { id: number; noted: Noted };

export type ReviewAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string; code?: ErrorCode; key?: RefusalKey; params?: RefusalParams };

/** Questions the thread may have waiting; past this, more are refused rather than queued without end. */
export const MAX_WAITING = 64;

interface Waiting {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

const reviews = new WeakMap<Db, TakeReview>();

/**
 * The review as the host's loop sees it: every page and summary is answered by the review's
 * thread (workers/review.worker.ts), which holds the take log in its own memory and reads it on its
 * own read-only connection. The loop only notes what its connection commits (ChangeNotes, a few
 * rows of a temp table) and posts those notes with each question, so the thread reads the changed
 * takes again before it answers: an answer never misses what was committed before it was asked.
 * Commits by another connection (an import's, another process's) make the thread read everything
 * again. A store in memory has no file a thread could open: it is answered here (it is small).
 */
export class TakeReview {
  private readonly notes: ChangeNotes;
  private readonly local: ReviewIndex | null;
  private thread: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private closed = false;

  /** The connection's review; it starts noting changes at once (create it outside any transaction). */
  static of(db: Db): TakeReview {
    let review = reviews.get(db);
    if (!review) reviews.set(db, (review = new TakeReview(db)));
    return review;
  }

  /** Stops the connection's review thread, if it has one, before the store closes or is swapped. */
  static async closeFor(db: Db): Promise<void> {
    await reviews.get(db)?.close();
  }

  private constructor(private readonly db: Db) {
    this.notes = new ChangeNotes(db); // before the thread's first read: nothing committed after it goes unseen
    this.local = db.memory ? new ReviewIndex(db, this.notes) : null;
  }

  /** Reads the takes ahead, so the first look at the log after start finds them read. */
  async warm(): Promise<void> {
    await this.ask({ ask: 'warm' });
  }

  /** How many takes match, and the ids of rows [offset, offset + limit) in the sort's order. */
  page(filter: ParsedReviewFilter, sort: TakeSort, direction: 'asc' | 'desc', offset: number, limit: number): Promise<{ total: number; ids: number[] }> {
    return this.ask({ ask: 'page', filter, sort, direction, offset, limit }) as Promise<{ total: number; ids: number[] }>;
  }

  summary(filter: ParsedReviewFilter): Promise<TakeSummary> {
    return this.ask({ ask: 'summary', filter }) as Promise<TakeSummary>;
  }

  /**
   * What the review's thread holds, in bytes: its heap and the buffers outside it (the columns),
   * after a full collection where V8's collector is exposed (the bench exposes it); null with no
   * thread (a store in memory). For the bench's memory figure.
   */
  async threadBytes(): Promise<number | null> {
    return (await this.ask({ ask: 'memory' })) as number | null;
  }

  /** Refuses what is still waiting and stops the thread; resolves once it has exited. */
  async close(): Promise<void> {
    this.closed = true;
    const thread = this.thread;
    this.thread = null;
    this.failWaiting(new Error('The store was closed before the review answered'));
    if (thread) await stopThread(thread);
  }

  private ask(question: ThreadQuestion): Promise<unknown> {
    if (this.closed || !this.db.open) return Promise.reject(new Error('The store is closed: the review cannot be read'));
    if (this.local) {
      const local = this.local;
      return new Promise((resolve) => resolve(question.ask === 'memory' ? null : local.answer(question)));
    }
    if (this.waiting.size >= MAX_WAITING) return Promise.reject(refusal('conflict', 'err.reviewBusy'));
    const noted = this.notes.read(); // first: if reading them throws, nothing is left waiting
    const thread = (this.thread ??= this.start());
    const id = this.nextId++;
    const asked = new Promise<unknown>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    thread.ref(); // while a question waits, its answer keeps the process alive
    thread.postMessage({ ...question, id, noted } satisfies ReviewAsk);
    return asked;
  }

  private start(): Worker {
    const thread = startThread('review', { file: this.db.name });
    thread.unref(); // idle, it never holds a quitting process open
    thread.on('message', (message: ReviewAnswer | { type: string }) => {
      if (!('id' in message)) return; // startThread's own
      const waiting = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (this.waiting.size === 0) thread.unref();
      if (!waiting) return;
      if (message.ok) waiting.resolve(message.value);
      else waiting.reject(message.code ? new CuelightError(message.code, message.message, undefined, message.key, message.params) : new Error(message.message));
    });
    // A thread that fails is let go: the next question starts another, which reads everything again.
    const lost = (why: string) => {
      if (this.thread !== thread) return;
      this.thread = null;
      void stopThread(thread);
      this.failWaiting(new Error(`The review's thread stopped (${why}); ask again to read the take log afresh`));
    };
    thread.on('error', (error) => lost(error.message));
    thread.on('exit', (code) => lost(`exit code ${code}`));
    return thread;
  }

  private failWaiting(error: Error): void {
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}
