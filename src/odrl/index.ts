// m2m-data-policy/odrl — the ODRL 2.2 export of terms versions, with the project's profile. A subpath of its own,
// so the main entry does not load it: services that decide never pay for the export.
export type { ExportedAction } from './mapping.js';
export {
  PROFILE_CONVENTIONS,
  PROFILE_IRI,
  PROFILE_NAMESPACE,
  PROFILE_TERMS,
  type ProfileAction,
  type ProfileTerm,
  type ProfileTermType,
} from './profile.js';
export { type ToOdrlOptions, toOdrl } from './toOdrl.js';
export type {
  OdrlCitation,
  OdrlConstraint,
  OdrlDecisionRule,
  OdrlDuty,
  OdrlObligation,
  OdrlPermission,
  OdrlPolicy,
  OdrlProhibition,
  OdrlRef,
  OdrlRestriction,
  OdrlText,
  OdrlTypedLiteral,
  OneOrMore,
} from './types.js';
export { ODRL_ACTIONS, type OdrlAction } from './vocabulary.js';
