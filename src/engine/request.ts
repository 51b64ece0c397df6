import { z } from 'zod';
import { PolicyInputError } from '../errors.js';
import { toPolicyIssues } from '../internal/issues.js';
import { isValidDate } from '../internal/timeOf.js';
import { isParsed } from '../internal/trusted.js';
import { type DataRecord, type DataRecordInput, dataRecord } from '../records/dataRecord.js';
import { nonBlank } from '../records/fields.js';
import { timestamp } from '../records/timestamp.js';
import {
  ACTIONS,
  ACTORS,
  type Action,
  type Actor,
  type ConsentForm,
  type LegalBasis,
  PARTIES,
  type Party,
  type Purpose,
  RECIPIENT_ACTIONS,
} from './vocabulary.js';

/**
 * The service contract a request is made under. `terminatedAt` starts the survival period of 32(5).
 *
 * @example
 * const contract: ContractInput = { id: 'C-2019-0042', formedAt: '2019-04-01T00:00:00+09:00' };
 * decide({ action: 'process', data: reading, contract, at: '2021-06-01T10:00:00+09:00' }).effect //=> 'permit'
 */
export interface ContractInput {
  readonly id: string;
  readonly formedAt: Date | string;
  readonly terminatedAt?: Date | string | undefined;
}

/**
 * Consent on file: who gave it, in what form, and when.
 *
 * @example
 * const personal = parseRecord({
 *   kind: 'derived', id: 'd-7', sources: ['m-1'], processedBy: 'provider',
 *   processedAt: '2021-04-01T00:00:00+09:00', personalData: 'possible',
 * });
 * const consent: ConsentInput = { from: 'data-subject', form: 'written', grantedAt: '2021-05-20T09:00:00+09:00' };
 * const at = '2021-06-01T10:00:00+09:00';
 * decide({ action: 'disclose', data: personal, recipient: 'third-party', consent, at }).reasons[0]?.code
 * //=> 'personal-data-with-consent'
 */
export interface ConsentInput {
  readonly from: Party;
  readonly form: ConsentForm;
  readonly grantedAt: Date | string;
}

/**
 * A question for the policy: may `actor` do `action` with `data`, now or at `at`?
 *
 * @example
 * const request: DecisionRequest = {
 *   action: 'disclose', data: reading, actor: 'provider', recipient: 'subcontractor', purpose: 'incident-response',
 *   at: new Date('2021-06-01T10:00:00+09:00'),
 * };
 */
export interface DecisionRequest {
  readonly action: Action;
  readonly data: DataRecord | DataRecordInput;
  /** Who acts; the policy's `actor` when omitted. */
  readonly actor?: Actor | undefined;
  /** Required for `use`; a contract purpose or any other non-empty string. */
  readonly purpose?: Purpose | undefined;
  /** Required for `disclose`, `transfer`, `license` and `sublicense`. */
  readonly recipient?: Party | undefined;
  /** The decision's instant; the policy's clock when omitted. Strings need an offset. */
  readonly at?: Date | string | undefined;
  readonly contract?: ContractInput | undefined;
  readonly consent?: ConsentInput | undefined;
  /** The provider's recorded determination, required for purpose 13(3)(1)ハ. */
  readonly justification?: string | undefined;
  readonly legalBasis?: LegalBasis | undefined;
  readonly priorNoticeImpossible?: boolean | undefined;
}

/**
 * A request after validation: the record parsed, every timestamp a valid `Date`.
 *
 * @example
 * // a rule condition (`when`) receives one
 * const justified = (request: ValidRequest): boolean => /\S/.test(request.justification ?? '');
 * justified({ action: 'use', data: reading, purpose: 'incidental', justification: 'Ticket OPS-1182' }) //=> true
 */
export interface ValidRequest<R extends DataRecord = DataRecord> {
  readonly action: Action;
  readonly data: R;
  readonly actor?: Actor | undefined;
  readonly purpose?: Purpose | undefined;
  readonly recipient?: Party | undefined;
  readonly at?: Date | undefined;
  readonly contract?:
    | { readonly id: string; readonly formedAt: Date; readonly terminatedAt?: Date | undefined }
    | undefined;
  readonly consent?:
    | { readonly from: Party; readonly form: ConsentForm; readonly grantedAt: Date }
    | undefined;
  readonly justification?: string | undefined;
  readonly legalBasis?: LegalBasis | undefined;
  readonly priorNoticeImpossible?: boolean | undefined;
}

const party = z.enum(PARTIES);
const RECIPIENT_ACTION_SET: ReadonlySet<unknown> = new Set(RECIPIENT_ACTIONS);

const requestSchema = z
  .object({
    action: z.enum(ACTIONS),
    data: dataRecord,
    actor: z.enum(ACTORS).optional(),
    purpose: nonBlank.optional(),
    recipient: party.optional(),
    at: timestamp.optional(),
    contract: z
      .object({ id: nonBlank, formedAt: timestamp, terminatedAt: timestamp.optional() })
      .check((ctx) => {
        const { formedAt, terminatedAt } = ctx.value;
        if (terminatedAt !== undefined && terminatedAt.getTime() < formedAt.getTime()) {
          ctx.issues.push({
            code: 'custom',
            input: terminatedAt,
            path: ['terminatedAt'],
            message: 'A contract cannot end before it is formed',
            params: { code: 'contract-ends-before-formed' },
          });
        }
      })
      .optional(),
    consent: z
      .object({ from: party, form: z.enum(['written', 'electronic', 'oral']), grantedAt: timestamp })
      .optional(),
    justification: z.string().optional(),
    legalBasis: z.enum(['law', 'authority-request']).optional(),
    priorNoticeImpossible: z.boolean().optional(),
  })
  // Runs even when other fields failed, so a malformed record and a missing recipient are reported together.
  .superRefine(
    (value, ctx) => {
      const { action, recipient, purpose } = value as {
        action?: unknown;
        recipient?: unknown;
        purpose?: unknown;
      };
      if (RECIPIENT_ACTION_SET.has(action) && recipient === undefined) {
        ctx.addIssue({
          code: 'custom',
          input: recipient,
          path: ['recipient'],
          message: `A recipient is required to ${String(action)}`,
          params: { code: 'recipient-required' },
        });
      }
      if (action === 'use' && purpose === undefined) {
        ctx.addIssue({
          code: 'custom',
          input: purpose,
          path: ['purpose'],
          message: 'A purpose is required to use data',
          params: { code: 'purpose-required' },
        });
      }
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

const ACTION_SET: ReadonlySet<unknown> = new Set(ACTIONS);
const ACTOR_SET: ReadonlySet<unknown> = new Set(ACTORS);
const PARTY_SET: ReadonlySet<unknown> = new Set(PARTIES);
const FORMS: ReadonlySet<unknown> = new Set(['written', 'electronic', 'oral']);
const BASES: ReadonlySet<unknown> = new Set(['law', 'authority-request']);
const KNOWN_PURPOSES: ReadonlySet<unknown> = new Set([
  'service-provision',
  'service-analysis',
  'incident-response',
  'incidental',
]);

const isNonBlank = (v: unknown): boolean => typeof v === 'string' && (KNOWN_PURPOSES.has(v) || /\S/.test(v));

// The hot path: a request built in code with a parsed record and Date objects passes these checks without any
// allocation. Anything else goes to the zod schema, which is the definition of valid; this check must accept
// nothing the schema refuses (a property test holds it to that).
function isValidFast(r: Record<string, unknown>): boolean {
  const { action, purpose, recipient, at, contract, consent } = r;
  if (!ACTION_SET.has(action) || !isParsed(r.data)) return false;
  if (r.actor !== undefined && !ACTOR_SET.has(r.actor)) return false;
  if (purpose === undefined ? action === 'use' : !isNonBlank(purpose)) return false;
  if (recipient === undefined ? RECIPIENT_ACTION_SET.has(action) : !PARTY_SET.has(recipient)) return false;
  if (at !== undefined && !isValidDate(at)) return false;
  if (r.justification !== undefined && typeof r.justification !== 'string') return false;
  if (r.legalBasis !== undefined && !BASES.has(r.legalBasis)) return false;
  if (r.priorNoticeImpossible !== undefined && typeof r.priorNoticeImpossible !== 'boolean') return false;
  if (consent !== undefined) {
    if (typeof consent !== 'object' || consent === null) return false;
    const c = consent as Record<string, unknown>;
    if (!PARTY_SET.has(c.from) || !FORMS.has(c.form) || !isValidDate(c.grantedAt)) return false;
  }
  if (contract !== undefined) {
    if (typeof contract !== 'object' || contract === null) return false;
    const c = contract as Record<string, unknown>;
    if (!isNonBlank(c.id) || !isValidDate(c.formedAt)) return false;
    if (c.terminatedAt !== undefined && !(isValidDate(c.terminatedAt) && c.terminatedAt >= c.formedAt))
      return false;
  }
  return true;
}

/**
 * Validates a request, returning it or throwing {@link PolicyInputError} with every problem and its path from
 * the request's root. A request with a parsed record and `Date`s is returned as it is, without allocating;
 * anything else is read through the schema.
 */
export function toValidRequest(input: unknown): ValidRequest {
  if (typeof input === 'object' && input !== null && isValidFast(input as Record<string, unknown>)) {
    return input as ValidRequest;
  }
  const result = requestSchema.safeParse(input);
  if (!result.success) throw new PolicyInputError(toPolicyIssues(result.error.issues), 'request');
  return result.data as ValidRequest;
}

/** Whether the request passes the allocation-free check (exported for the property test that pins it to the schema). */
export const isValidRequestFast = (input: unknown): boolean =>
  typeof input === 'object' && input !== null && isValidFast(input as Record<string, unknown>);

/** The schema that defines a valid request. */
export const decisionRequestSchema = requestSchema;
