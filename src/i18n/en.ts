import type { LocaleMessages } from './locale.js';

/** English messages (the project's own summaries, not translations of the terms' sentences). */
export const en: LocaleMessages = {
  effect: { permit: 'Permit', deny: 'Deny' },
  reasons: {
    'outcome-belongs-to-producer':
      'Know-how, AI models, inventions and other technical results from using or processing measurement or derived data belong to the party that did it.',
    'outcome-from-other-data':
      'The result was made from more than measurement or derived data, so this article does not settle who owns it.',
    'outcome-producer-not-a-party':
      'Neither the user nor the provider made the result, so this article does not settle who owns it.',
    'no-outcome-rule': 'This version of the terms has no rule on who owns results made from the data.',
    'not-granted': 'No article grants this, and nothing is permitted that no article grants.',
  },
  headings: { basis: 'Basis', reasons: 'Reasons', obligations: 'Obligations', due: 'due', terms: 'Terms' },
};
