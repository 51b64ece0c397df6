import type { KnownObligationCode } from '../model/codes.js';
import type { Action } from '../model/vocabulary.js';
import type { PeriodLength } from '../time/civilCodePeriod.js';
import type { ProfileAction } from './profile.js';
import type { OdrlAction } from './vocabulary.js';

/**
 * An action in the export: an ODRL 2.2 action, or one the profile adds.
 *
 * @example
 * const action: ExportedAction = 'm2m:sublicense';
 * PROFILE_TERMS.find((t) => t.term === action)?.includedIn //=> 'grantUse'
 */
export type ExportedAction = OdrlAction | ProfileAction;

/**
 * The ODRL action each of the library's actions is exported as. One action each, and no two alike: the export is
 * tried first-applicable (m2m:firstApplicable), so two of the terms' acts sharing an ODRL action would let a rule
 * for one decide a request for the other (disclosure and transmission, licensing and sublicensing are decided apart).
 *
 * @example
 * ODRL_ACTION_OF.process //=> 'derive'
 */
export const ODRL_ACTION_OF: Readonly<Record<Action, ExportedAction>> = Object.freeze({
  use: 'use',
  // 加工等 (2(1): processing, analysis, editing, integration) makes derived data (派生データ, 2(5)), a new asset
  // with its own rules. ODRL's derive is "create a new derivative Asset"; transform only converts the format, and
  // modify changes an asset without making a new one (V&E points to derive for that).
  process: 'derive',
  // Supplying the data to someone else. ODRL 2.2 deprecates share in favour of distribute.
  disclose: 'distribute',
  // 譲渡: ODRL's core transfer is the transfer of ownership.
  transfer: 'transfer',
  // ODRL 2.2 deprecates license as equivalent to grantUse.
  license: 'grantUse',
  // 再利用許諾 is a grant of use by a licensee; the terms decide it apart from licensing (13(2)(2) with 13(1)).
  sublicense: 'm2m:sublicense',
  // Holding the data (13(4), Art. 12): archive is "to store the Asset (in a non-transient form)", open to
  // temporal constraints.
  retain: 'archive',
  // Sending measurement data to the data centre is neither disclosure to others (distribute) nor a move (the user
  // keeps its copy, Art. 12); 31(2) gates it alone, so it gets its own action.
  transmit: 'm2m:transmit',
  anonymize: 'anonymize',
  // 転載・複製・出版・放送・公衆送信: every way of reproducing and republishing. reproduce ("duplicate copies in any
  // material form") carries it; distribute is taken by disclose (see above), and the terms' republish rules
  // cover broadcasting and public transmission with it.
  republish: 'reproduce',
});

/**
 * Where a rule's obligation goes in ODRL: `duty` (a precondition of the permission, ODRL IM §2.6.3), `obligation`
 * (a policy obligation that arises once the permission is exercised: SPEC §6), or `prohibition` (a restriction
 * the permission brings: the duty is to refrain from an act).
 */
export type DutyPlacement = 'duty' | 'obligation' | 'prohibition';

/** How an obligation code is exported: its action, where it goes, and what the duty is about beyond that. */
export interface DutyMapping {
  readonly action: ExportedAction;
  readonly placement: DutyPlacement;
  /** For `inform`: who is informed. */
  readonly informedParty?: 'm2m:discloser';
  /** The holding period (13(4)) a `delete` falls due after. */
  readonly afterHolding?: true;
  /** The event, besides the permission's exercise, the duty waits for. */
  readonly afterEvent?: 'm2m:returnRequested';
}

/**
 * Every obligation code's export. Typed against the closed list of codes, so a new code does not compile until
 * it is placed here.
 *
 * @example
 * OBLIGATION_EXPORT['notify-counterparty-after-disclosure']
 * //=> { action: 'inform', placement: 'obligation', informedParty: 'm2m:discloser' }
 */
export const OBLIGATION_EXPORT: Readonly<Record<KnownObligationCode, DutyMapping>> = Object.freeze({
  // Continues after the use: every later use stays within the purpose.
  'use-within-purpose': { action: 'm2m:keepWithinPurpose', placement: 'obligation' },
  // The subcontractor is bound before it receives the data: the provider passes the purposes on as its policy.
  'bind-subcontractor-to-purpose': { action: 'nextPolicy', placement: 'duty' },
  // ハ is granted only on a determination already recorded (the rule's condition asks for it).
  'record-determination': { action: 'm2m:recordDetermination', placement: 'duty' },
  'delete-when-retention-ends': { action: 'delete', placement: 'obligation', afterHolding: true },
  'notify-counterparty-before-disclosure': {
    action: 'inform',
    placement: 'duty',
    informedParty: 'm2m:discloser',
  },
  'notify-counterparty-after-disclosure': {
    action: 'inform',
    placement: 'obligation',
    informedParty: 'm2m:discloser',
  },
  // The subcontractor takes the information under the same confidentiality: the policy passed on with it.
  'impose-equivalent-confidentiality': { action: 'nextPolicy', placement: 'duty' },
  // 32(4): on request, return or erase; either way the holder keeps no copy, which is what delete asks.
  'return-or-erase-on-request': {
    action: 'delete',
    placement: 'obligation',
    afterEvent: 'm2m:returnRequested',
  },
  'handle-under-appi': { action: 'm2m:handleUnderAppi', placement: 'obligation' },
  'supervise-subcontractor': { action: 'm2m:superviseSubcontractor', placement: 'obligation' },
  // APPI 43(3): published when the anonymized information is made, that is after the act permitted.
  'publish-anonymized-items': { action: 'm2m:publishAnonymizedItems', placement: 'obligation' },
  // APPI 43(4): published beforehand, and the recipient told at the provision: both come before or with it.
  'publish-provision-items-and-method': { action: 'm2m:publishProvisionItems', placement: 'duty' },
  'state-anonymized-to-recipient': { action: 'inform', placement: 'duty' },
  // A duty to refrain is a prohibition in ODRL.
  'do-not-reidentify': { action: 'm2m:reidentify', placement: 'prohibition' },
  // Art. 12: the user keeps its own copy of what it sends, against loss; a standing duty, not a precondition.
  'user-keeps-backup': { action: 'archive', placement: 'obligation' },
});

/**
 * How an obligation code is exported. A code a version defined elsewhere introduces has no term in the profile:
 * the export refuses it rather than guess what the duty is.
 */
export function dutyMapping(code: string): DutyMapping {
  const how = (OBLIGATION_EXPORT as Readonly<Record<string, DutyMapping | undefined>>)[code];
  if (how === undefined) throw new Error(`toOdrl: the ODRL profile has no term for obligation code ${code}`);
  return how;
}

/**
 * A holding period as an xsd:duration: `{ years: 1 }` (13(4)) is `P1Y`.
 *
 * @example
 * holdingDuration({ years: 1 }) //=> 'P1Y'
 */
export function holdingDuration(p: PeriodLength): string {
  const days = (p.weeks ?? 0) * 7 + (p.days ?? 0);
  return `P${p.years ? `${p.years}Y` : ''}${p.months ? `${p.months}M` : ''}${days ? `${days}D` : ''}`;
}
