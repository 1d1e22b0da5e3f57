import { z } from 'zod';

/**
 * Who may call a method. 'read': anyone who can open the host (a stage link); 'control': only the
 * operator's token, also for reads that reveal links or addresses; 'department': a department's
 * own link, whose scoped token travels in the input and is checked by the method itself.
 */
export type MethodAccess = 'read' | 'control' | 'department';

/** Declares one method: input and output schemas, and whether it changes data or the countdown. */
export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates: boolean, access: MethodAccess = mutates ? 'control' : 'read') {
  return { input, output, mutates, access };
}

/** Whether a caller without the operator's token is refused before the method runs. */
export function needsControl(spec: { access: MethodAccess }): boolean {
  return spec.access === 'control';
}

/** Methods that take nothing still accept `{}` (HTTP bodies) or no argument (IPC). */
export const none = z.strictObject({}).optional();
export const ok = z.object({ ok: z.literal(true) });

/** A file the user saves: exports come back as text with a suggested name and type. */
export const fileExport = z.object({ filename: z.string(), mime: z.string(), content: z.string() });
export type FileExport = z.infer<typeof fileExport>;

export const exportFormat = z.enum(['csv', 'json']);
