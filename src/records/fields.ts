import { z } from 'zod';

/** A non-blank string: identifiers and reasons must say something. */
export const nonBlank = z.string().regex(/\S/, { message: 'Expected a non-empty string' });

/** Personal-data status of measurement data (31(2): is, or may be, personal information). */
export const personalDataStatus = z.enum(['none', 'possible', 'yes']);

/** Ids of the records something was made from: at least one. */
export const sourceIds = z.array(nonBlank).min(1, { message: 'Expected at least one source id' });
