import type { z } from 'zod';
import type { PolicyIssue } from '../errors.js';

/**
 * Turns zod's issues into the library's: kebab-case codes (a custom issue's own `params.code` where it has one),
 * paths prefixed with where the checked value sits in the caller's input.
 */
export function toPolicyIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly (string | number)[] = [],
): PolicyIssue[] {
  return issues.map((issue) => {
    const own =
      issue.code === 'custom'
        ? (issue.params as { code?: unknown } | undefined)?.code
        : issue.code === 'invalid_union' && 'discriminator' in issue
          ? 'unknown-kind'
          : undefined;
    return {
      path: [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
      code: typeof own === 'string' ? own : issue.code.replaceAll('_', '-'),
      message: issue.message,
    };
  });
}
