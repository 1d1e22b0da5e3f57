/**
 * The review's thread: holds the take log as columns (review/review-index.ts) and answers the
 * review's pages and summaries from them, on its own read-only connection, for as long as the
 * store is open. Reading 100,000 takes, sorting them and passing over them for every page all
 * grow with the log: here none of it is the countdown's loop's work, nor its heap's.
 */
import Database from 'better-sqlite3';
import v8 from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { CuelightError } from '../errors';
import { PostedNotes } from '../review/change-notes';
import { ReviewIndex } from '../review/review-index';
import type { ReviewAnswer, ReviewAsk } from '../review/review-thread';
import { REVIEW_PRIORITY, yieldTheCpuToTheLoop } from './background-priority';

yieldTheCpuToTheLoop(process.platform, REVIEW_PRIORITY);
const port = parentPort!;
const db = new Database((workerData as { file: string }).file, { readonly: true, fileMustExist: true });
const notes = new PostedNotes();
const index = new ReviewIndex(db, notes);

/** Bytes held: the heap and the buffers outside it, after a full collection if the collector is exposed. */
function heldBytes(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const heap = v8.getHeapStatistics();
  return heap.used_heap_size + heap.external_memory;
}

// The asks come in the order the host read its notes: each one's notes are applied before it is answered.
port.on('message', (ask: ReviewAsk) => {
  notes.add(ask.noted);
  let reply: ReviewAnswer;
  try {
    reply = { id: ask.id, ok: true, value: ask.ask === 'memory' ? heldBytes() : index.answer(ask) };
  } catch (error) {
    notes.add('everything'); // the notes it was reading are gone, and the columns may be half-changed: read afresh next time
    const refused = error instanceof CuelightError ? { code: error.code, key: error.key, params: error.params } : {};
    reply = { id: ask.id, ok: false, message: (error as Error).message, ...refused };
  }
  port.postMessage(reply);
});
