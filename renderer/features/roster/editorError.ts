import type { ApiCallError } from '../../api/client';

/** A refusal as the editor shows it: which field, and whether it is a name already taken. */
export interface EditorError {
  field: string;
  taken: boolean;
  message: string;
}

export function editorError(error: unknown): EditorError {
  const e = (error as ApiCallError).error ?? { code: 'internal', message: (error as Error).message };
  const field = (e.field ?? '').replace(/^(person|venue)\./, '');
  return { field, taken: e.code === 'conflict', message: e.message.replace(/^[\w.]+: /, '') };
}
