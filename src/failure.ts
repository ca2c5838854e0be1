import { ZodError } from 'zod';
import { InputError } from './stages/read.js';

/**
 * Why a file failed, in one line for `cnreport: FILE: reason`: the input's own problem as it is; output that
 * failed its schema by its first issue; anything else as an internal error with its message on one line (a zod
 * or engine message can run over many lines).
 */
export function failureReason(error: unknown): string {
  if (error instanceof InputError) return error.message;
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
    return `output does not validate: ${issue?.path.join('.') || '(top)'}: ${issue?.message ?? 'invalid'}${more}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `internal error: ${message.replace(/\s*[\r\n]+\s*/g, ' ').slice(0, 300)}`;
}
