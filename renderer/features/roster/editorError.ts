import { useState } from 'react';
import type { ApiCallError } from '../../api/client';
import { showToast } from '../../stores/ui';

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

/**
 * The save step both roster editors share: write, confirm with a toast naming what was saved,
 * hand it back; a refusal stays in the editor as an EditorError.
 */
export function useEditorSave<T extends { name: string }>(write: () => Promise<T>, onDone: (saved: T) => void) {
  const [error, setError] = useState<EditorError | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    try {
      const saved = await write();
      showToast('info', { key: 'roster.saved', params: { name: saved.name } });
      onDone(saved);
    } catch (e) {
      setError(editorError(e));
    } finally {
      setSaving(false);
    }
  };
  return { save, saving, error };
}
