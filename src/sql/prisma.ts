import { parseInstant } from 'm2m-data-policy';
import { defaultPolicy, holdsLimited, type RetentionPolicy, retentionBounds } from './bounds.js';

/**
 * The Prisma field names of the measurement model and its extensions relation (defaults `receivedAt`,
 * `retentionExtensions`, `decidedAt`, `until`); `extensions: false` when the model has no such relation.
 *
 * @example
 * const names: PrismaNames = { receivedAt: 'received', extensions: false };
 */
export interface PrismaNames {
  readonly receivedAt?: string | undefined;
  readonly extensions?: string | false | undefined;
  readonly decidedAt?: string | undefined;
  readonly until?: string | undefined;
  readonly policy?: RetentionPolicy | undefined;
}

/** A Prisma `where` input, as plain data: this package does not depend on Prisma. */
export type PrismaWhere = { readonly [field: string]: unknown };

/**
 * A Prisma `where` for the same rows as {@link expiredWhere}: measurements received before the cutoff with no
 * extension covering `at`. Pass it to `prisma.measurement.deleteMany({ where })`. Under a version without a holding
 * period it matches nothing (`{ OR: [] }`).
 *
 * @throws {PolicyInputError} for an invalid instant.
 * @example
 * prismaExpiredWhere('2022-06-01T03:00:00+09:00', { extensions: false })
 * //=> { receivedAt: { lt: 2021-06-01T00:00:00.001+09:00 } }
 */
export function prismaExpiredWhere(at: Date | string, names: PrismaNames = {}): PrismaWhere {
  const instant = parseInstant(at);
  const policy = names.policy ?? defaultPolicy();
  if (!holdsLimited(instant, policy)) return { OR: [] };
  const { receivedBefore, decidedBefore } = retentionBounds(instant, policy);
  const received = { [names.receivedAt ?? 'receivedAt']: { lt: receivedBefore } };
  const relation = names.extensions ?? 'retentionExtensions';
  if (relation === false) return received;
  const until = names.until ?? 'until';
  return {
    ...received,
    [relation]: {
      none: {
        [names.decidedAt ?? 'decidedAt']: { lt: decidedBefore },
        OR: [{ [until]: null }, { [until]: { gte: decidedBefore } }],
      },
    },
  };
}
