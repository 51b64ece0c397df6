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
} from '../model/vocabulary.js';

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

const requestFields = z.object({
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
});

const requestSchema = requestFields
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

// Whether a string has a non-space character, as /\S/ decides. Nearly every real value starts with a printable
// ASCII character, which settles it without running the expression.
const isNonBlank = (v: unknown): boolean => {
  if (typeof v !== 'string') return false;
  const c = v.charCodeAt(0);
  return (c > 32 && c < 127) || KNOWN_PURPOSES.has(v) || /\S/.test(v);
};

function isValidConsent(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  return PARTY_SET.has(c.from) && FORMS.has(c.form) && isValidDate(c.grantedAt);
}

function isValidContract(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  if (!isNonBlank(c.id) || !isValidDate(c.formedAt)) return false;
  return c.terminatedAt === undefined || (isValidDate(c.terminatedAt) && c.terminatedAt >= c.formedAt);
}

/** A request's fields in one fixed shape: the engine keeps one per policy and refills it on every call. */
export type RequestSlots = { -readonly [K in keyof ValidRequest]-?: ValidRequest[K] | undefined };

/** Empty slots. */
export function createSlots(): RequestSlots {
  return {
    action: undefined,
    data: undefined,
    actor: undefined,
    purpose: undefined,
    recipient: undefined,
    at: undefined,
    contract: undefined,
    consent: undefined,
    justification: undefined,
    legalBasis: undefined,
    priorNoticeImpossible: undefined,
  };
}

function clear(s: RequestSlots): void {
  s.action = s.actor = s.purpose = s.recipient = s.justification = s.legalBasis = undefined;
  s.data = s.at = s.contract = s.consent = s.priorNoticeImpossible = undefined;
}

// The hot path. It reads only the keys a request has (for…in), never asks an object for a property it lacks —
// V8 answers such a miss slowly on objects built by spreading ({ ...base, action }), a common way to write
// requests — and copies each checked value into the fixed-shape slots, so every later read is monomorphic.
// Anything it is unsure of goes to the zod schema, which is the definition of valid: this path must accept
// nothing the schema refuses (a property test holds it to that).
function readFields(s: RequestSlots, r: object): boolean {
  for (const key in r) {
    const v: unknown = (r as Record<string, unknown>)[key];
    if (v === undefined) continue;
    switch (key) {
      case 'action':
        if (!ACTION_SET.has(v)) return false;
        s.action = v as Action;
        break;
      case 'data':
        if (!isParsed(v)) return false;
        s.data = v;
        break;
      case 'actor':
        if (!ACTOR_SET.has(v)) return false;
        s.actor = v as Actor;
        break;
      case 'purpose':
        if (!isNonBlank(v)) return false;
        s.purpose = v as Purpose;
        break;
      case 'recipient':
        if (!PARTY_SET.has(v)) return false;
        s.recipient = v as Party;
        break;
      case 'at':
        if (!isValidDate(v)) return false;
        s.at = v;
        break;
      case 'justification':
        if (typeof v !== 'string') return false;
        s.justification = v;
        break;
      case 'legalBasis':
        if (!BASES.has(v)) return false;
        s.legalBasis = v as LegalBasis;
        break;
      case 'priorNoticeImpossible':
        if (typeof v !== 'boolean') return false;
        s.priorNoticeImpossible = v;
        break;
      case 'consent':
        if (!isValidConsent(v)) return false;
        s.consent = v as ValidRequest['consent'];
        break;
      case 'contract':
        if (!isValidContract(v)) return false;
        s.contract = v as ValidRequest['contract'];
        break;
      default:
      // Unknown keys are ignored, as the schema drops them.
    }
  }
  return true;
}

/** Whether filled slots hold everything the action needs. */
export function complete(s: RequestSlots): boolean {
  if (s.action === undefined || s.data === undefined) return false;
  if (s.purpose === undefined && s.action === 'use') return false;
  return !(s.recipient === undefined && RECIPIENT_ACTION_SET.has(s.action));
}

/**
 * Fills the slots from shared fields and then a request's own (the request's win); false when the fast path
 * cannot vouch for them. `complete` is left to the caller, which may add the record first.
 */
export function fillMerged(s: RequestSlots, shared: object | undefined, own: object): boolean {
  clear(s);
  if (shared !== undefined && (typeof shared !== 'object' || shared === null || !readFields(s, shared)))
    return false;
  return typeof own === 'object' && own !== null && readFields(s, own);
}

/** Fills the slots from a request; false when the fast path cannot vouch for it. */
export function fillSlots(s: RequestSlots, input: unknown): boolean {
  clear(s);
  return typeof input === 'object' && input !== null && readFields(s, input) && complete(s);
}

/** Fills the slots for `canUse` without building a request object; false when the fast path cannot vouch for it. */
export function fillUseSlots(
  s: RequestSlots,
  data: unknown,
  purpose: unknown,
  context: object | undefined,
): boolean {
  clear(s);
  if (context !== undefined && (typeof context !== 'object' || context === null || !readFields(s, context)))
    return false;
  if (!isParsed(data) || !isNonBlank(purpose)) return false;
  // Action, record and purpose are all there, which is everything complete() would ask of a use.
  s.action = 'use';
  s.data = data;
  s.purpose = purpose as Purpose;
  return true;
}

const sharedSchema = requestFields.omit({ action: true, data: true });

/** Reads the fields a batch shares (everything but action and data), reporting every problem with its path. */
export function parseShared(input: unknown): object {
  const result = sharedSchema.safeParse(input ?? {});
  if (!result.success)
    throw new PolicyInputError(toPolicyIssues(result.error.issues), 'shared request fields');
  return result.data;
}

/** Reads a request the fast path could not vouch for through the schema: every problem, with its path. */
export function parseRequest(input: unknown): ValidRequest {
  const result = requestSchema.safeParse(input);
  if (!result.success) throw new PolicyInputError(toPolicyIssues(result.error.issues), 'request');
  return result.data as ValidRequest;
}

const probe = createSlots();

/** Whether the request passes the fast path (exported for the property test that pins it to the schema). */
export const isValidRequestFast = (input: unknown): boolean => fillSlots(probe, input);

/** The schema that defines a valid request. */
export const decisionRequestSchema = requestSchema;
