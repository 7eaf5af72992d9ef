/**
 * The number validators every document schema uses (the format's own and
 * the proposed mechanism fields), each with a message that states the range.
 */
import { z } from 'zod';

/** A number from `min` to `max` (inclusive); `what` names it in the message. */
export const num = (min: number, max: number, what = 'a number') =>
  z
    .number()
    .min(min, { error: `must be ${what} from ${min} to ${max}` })
    .max(max, { error: `must be ${what} from ${min} to ${max}` });

/** A number greater than 0 and at most `max`. */
export const positive = (max: number) =>
  z
    .number()
    .gt(0, { error: `must be greater than 0 and at most ${max}` })
    .max(max, { error: `must be greater than 0 and at most ${max}` });

/** A whole number from `min` to `max` (inclusive). */
export const int = (min: number, max: number) =>
  z
    .number()
    .int({ error: `must be a whole number from ${min} to ${max}` })
    .min(min, { error: `must be a whole number from ${min} to ${max}` })
    .max(max, { error: `must be a whole number from ${min} to ${max}` });
