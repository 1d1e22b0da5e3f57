import { z } from 'zod';

/** Declares one method: input and output schemas, and whether it changes data or the countdown. */
export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates: boolean) {
  return { input, output, mutates };
}

/** Methods that take nothing still accept `{}` (HTTP bodies) or no argument (IPC). */
export const none = z.strictObject({}).optional();
export const ok = z.object({ ok: z.literal(true) });

/** A file the user saves: exports come back as text with a suggested name and type. */
export const fileExport = z.object({ filename: z.string(), mime: z.string(), content: z.string() });
export type FileExport = z.infer<typeof fileExport>;

export const exportFormat = z.enum(['csv', 'json']);
