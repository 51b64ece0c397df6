// m2m-data-policy/sql — the rules pushed down into PostgreSQL: the retention condition (13(4)) and a decision as a
// SQL condition over the records table. A subpath of its own: services that only decide never load it.
export { type RetentionBounds, type RetentionPolicy, retentionBounds } from './bounds.js';
export {
  type ExpiredWhereOptions,
  type ExtensionsTable,
  expiredWhere,
  type SqlCondition,
} from './expiredWhere.js';
export {
  type PermittedQuestion,
  type PermittedWhereOptions,
  PushdownError,
  permittedWhere,
} from './permittedWhere.js';
export { type PrismaNames, type PrismaWhere, prismaExpiredWhere } from './prisma.js';
