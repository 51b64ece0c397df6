import { z } from 'zod';

/** A non-blank string: identifiers and reasons must say something. */
export const nonBlank = z.string().check((ctx) => {
  if (!/\S/.test(ctx.value)) {
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      message: 'Expected a non-empty string',
      params: { code: 'blank-string' },
    });
  }
});

/** Personal-data status of measurement data (31(2): is, or may be, personal information). */
export const personalDataStatus = z.enum(['none', 'possible', 'yes']);

/** Ids of the records something was made from: at least one. */
export const sourceIds = z.array(nonBlank).min(1, { message: 'Expected at least one source id' });
