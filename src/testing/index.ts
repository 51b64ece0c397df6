// m2m-data-policy/testing — record factories and vitest matchers for downstream tests. Vitest is a peer of this
// subpath only, and only its types are imported; the main entry never imports from here.
export {
  anonymized,
  confidential,
  derived,
  measurement,
  providerContent,
  type RecordOverrides,
  statistical,
  userInformation,
} from './factories.js';
export { type CitationQuery, matchers, type PolicyMatchers } from './matchers.js';
