/**
 * Imported first by the host's entry points, so it runs before anything native is required:
 * an old Node gets one line saying what to install instead of a segfault.
 */
import { nodeTooOld } from './node-version';

const problem = nodeTooOld(process.versions.node);
if (problem) {
  console.error(problem);
  process.exit(1);
}
