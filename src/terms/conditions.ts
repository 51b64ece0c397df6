import type { ValidRequest } from '../engine/request.js';
import type { Party } from '../model/vocabulary.js';
import { timeOf } from '../internal/timeOf.js';

// Conditions rules share. Each is true only on positive evidence; an invalid date makes it false.

/** ハ needs the provider's recorded determination: a justification that says something. */
export const hasJustification = (r: ValidRequest): boolean =>
  typeof r.justification === 'string' && /\S/.test(r.justification);

/** The record is, or may be, personal information (31(2)'s wording), by its `personalData`. */
export const mayBePersonal = (r: ValidRequest): boolean =>
  'personalData' in r.data && (r.data.personalData === 'possible' || r.data.personalData === 'yes');

/** Consent from `party`, in any form, granted at or before the decision's instant. */
export const consentedBy =
  (party: Party) =>
  (r: ValidRequest, at: Date): boolean =>
    r.consent?.from === party && timeOf(r.consent.grantedAt) <= timeOf(at);

/** Consent from `party` in writing (書面: electronic consent is not written), granted at or before the instant. */
export const consentedInWritingBy =
  (party: Party) =>
  (r: ValidRequest, at: Date): boolean =>
    consentedBy(party)(r, at) && r.consent?.form === 'written';
