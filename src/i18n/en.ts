import type { LocaleMessages } from './locale.js';

/** English messages (the project's own summaries, not translations of the terms' sentences). */
export const en: LocaleMessages = {
  effect: { permit: 'Permit', deny: 'Deny' },
  reasons: {
    'use-for-service-analysis':
      'Measurement data may be used as far as needed to analyse the service and consider new services.',
    'use-for-incident-response':
      'Measurement data may be used as far as needed to deal with a fault in the service.',
    'use-for-incidental-matter':
      "Use for a matter incidental to analysis or fault handling, or that the provider judged necessary, is permitted because the provider's determination is recorded.",
    'incidental-use-needs-determination':
      "The incidental purpose (ハ) needs the provider's recorded determination (a justification).",
    'use-for-service-provision': 'Running the contracted service is what the service contract is for.',
    'purpose-not-granted': 'This purpose is not one the terms allow measurement data to be used for.',
    'processing-granted':
      'Measurement data may be processed, and the derived data used and processed, including by third parties on the provider’s behalf.',
    'disclosure-to-subcontractor-for-purpose':
      'Measurement data may be disclosed to a subcontractor for it to use within the stated purposes.',
    'disclosure-to-subcontractor-for-service':
      'The service is operated through subcontractors; disclosing data to them for that is part of the service contract.',
    'subcontractor-disclosure-needs-purpose':
      'Measurement data may go to a subcontractor only for one of the purposes the terms name.',
    'shown-to-user-under-contract': 'Showing the user its own measurement data is the service itself.',
    'raw-measurement-data-may-not-leave':
      'The provider may not disclose, transfer or license unprocessed measurement data to others; only derived data may leave.',
    'subcontractor-may-not-pass-on':
      'A subcontractor may use and process what it is given, but not disclose, transfer or license it to anyone.',
    'derived-use-granted': 'Derived data may be used and processed.',
    'derived-sharing-granted':
      'Derived data may be disclosed, transferred or licensed (sublicensing included) to third parties.',
    'personal-data-needs-consent':
      'The data is, or may be, personal information: giving it to a third party needs the data subject’s consent or a legal ground.',
    'personal-data-with-consent':
      'The data may be personal information, and the data subject consented before the provision.',
    'personal-data-required-by-law':
      'The data may be personal information, and a law requires the provision.',
    'personal-data-requested-by-authority':
      'The data may be personal information, and the provision answers a request from a public authority.',
    'personal-data-to-subcontractor':
      'The data may be personal information; entrusting it to a subcontractor is not a provision to a third party.',
    'personal-data-to-its-subject':
      'The data may be personal information, but it goes to the person it is about, who is no third party to it.',
    'user-may-use-measurement-data': 'The user may use measurement data freely.',
    'user-may-share-measurement-data':
      'The user may disclose, transfer or license measurement data to third parties.',
    'user-may-sublicense-measurement-data':
      'No exclusive right exists in measurement data, so nothing restrains the user from sublicensing it, as it may license it.',
    'user-may-process':
      'The user may process measurement data and use and process the derived data, including through third parties.',
    'user-may-share-derived-data':
      'The user may disclose, transfer or license derived data (sublicensing included) to third parties.',
    'user-holding-unrestricted':
      "The user's own holding of its data is not limited in time (guarding against its loss is the user's own responsibility).",
    'held-within-retention-period':
      'The data is within its one-year holding period from receipt and may be kept (delete it when the period ends).',
    'held-under-extension':
      'The one-year period is over, but an extension decided by then, with a reason, still covers this instant.',
    'retention-period-ended':
      'The one-year holding period from receipt is over and no extension covers this instant: the data may not be kept.',
    'not-received-data':
      'This is not data the provider received but data it made, so the one-year holding period from receipt does not apply.',
    'user-consented-to-disclosure': 'The user consented, so the user information may be disclosed.',
    'user-information-needs-user-consent':
      'Under the old terms user information goes to no one, subcontractors included, without the user’s consent.',
    'provider-consented-to-passing-on':
      'The provider consented beforehand, so what the service delivered may be passed on.',
    'passing-on-needs-provider-consent':
      'Under the old terms nothing obtained through the service may be passed on, by any means, without the provider’s prior consent.',
    'user-uses-service-information':
      'The user using what the service delivers is the service itself; what the terms restrict is passing it on.',
    'transmission-unrestricted':
      'Before 2020-12-01 nothing restricted sending measurement data to the data centre.',
    'transmission-without-personal-data':
      'The measurement data is not personal information, so nothing restricts sending it to the data centre.',
    'transmission-with-written-consent':
      'The data is or may be personal information, and the provider consented in writing before the transmission.',
    'transmission-needs-written-consent':
      'Measurement data that is or may be personal information may not be sent to the data centre without the provider’s prior written consent (electronic or oral consent is not written).',
    'user-information-within-privacy-policy':
      'The user information is handled for a purpose the privacy policy states.',
    'user-information-beyond-privacy-policy':
      'User information may not be handled beyond the purposes the privacy policy states.',
    'user-information-entrusted':
      'Entrusting user information to a subcontractor is not a provision to a third party.',
    'user-information-held-under-appi': 'User information may be held under the APPI and the privacy policy.',
    'anonymization-granted':
      'The provider may make anonymized information and statistics identifying no one from measurement data and user information.',
    'made-information-use-granted':
      'Anonymized or statistical information the provider made may be used and processed, also by others for it.',
    'made-information-sharing-granted':
      'Anonymized or statistical information the provider made may be disclosed, transferred or licensed (sublicensing included).',
    'not-confidential-information':
      'It was not designated in writing or electronically beforehand, scoped and marked, so it is not confidential information.',
    'confidentiality-exception':
      'One of the exceptions applies: already held, lawfully obtained from a third party, independently developed, or public.',
    'own-confidential-information':
      'It is the party’s own information: the duty of confidentiality binds only the receiving party.',
    'confidentiality-survival-ended':
      'Three years have run since the contract ended, so the confidentiality article no longer binds.',
    'confidential-use-for-service': 'Confidential information may be used as far as the service needs.',
    'confidential-use-with-written-consent':
      'The other party consented in writing beforehand, so it may be used beyond the service.',
    'confidential-use-beyond-service':
      'Confidential information may not be used beyond what the service needs without the other party’s written consent.',
    'confidential-to-its-discloser':
      'Giving confidential information back to the party that disclosed it is not disclosure to a third party.',
    'compelled-disclosure':
      'A law or an authority requires the disclosure to the recipient it names; the other party must be told.',
    'confidential-to-subcontractor':
      'The provider may disclose confidential information to a subcontractor as the subcontracting needs, binding it equally.',
    'confidential-disclosure-with-written-consent':
      'The other party consented in writing beforehand, so it may be disclosed to a third party.',
    'confidential-disclosure-needs-written-consent':
      'Confidential information may not be disclosed to a third party without the other party’s prior written consent.',
    'confidential-held-until-return-requested':
      'Confidential information may be held, and is returned or erased when the other party asks.',
    'provider-owns-content':
      'Rights in the content stay with the provider or its source; the provider’s own handling of it is not restricted.',
    'user-may-use-provider-content': 'The user may use the service and its content under the contract.',
    'provider-content-with-prior-consent':
      'The provider consented beforehand, so the content may be republished or copied.',
    'provider-content-needs-prior-consent':
      'The provider’s content may not be republished, copied or made public, by any means, without its prior consent.',
    'outcome-belongs-to-producer':
      'Know-how, AI models, inventions and other technical results from using or processing measurement or derived data belong to the party that did it.',
    'outcome-from-other-data':
      'The result was made from more than measurement or derived data, so this article does not settle who owns it.',
    'outcome-producer-not-a-party':
      'Neither the user nor the provider made the result, so this article does not settle who owns it.',
    'no-outcome-rule': 'This version of the terms has no rule on who owns results made from the data.',
    'not-granted': 'No article grants this, and nothing is permitted that no article grants.',
  },
  obligations: {
    'use-within-purpose': 'Use the data only as far as the stated purpose needs.',
    'bind-subcontractor-to-purpose': 'Have the subcontractor use the data only within the stated purpose.',
    'record-determination': 'Record why the provider judged the use necessary, so it can be shown later.',
    'delete-when-retention-ends': 'Delete the data when its holding period ends.',
    'notify-counterparty-before-disclosure': 'Tell the other party before disclosing.',
    'notify-counterparty-after-disclosure':
      'Prior notice was impossible: tell the other party promptly after disclosing.',
    'impose-equivalent-confidentiality':
      'Bind the subcontractor to confidentiality equal to the provider’s own.',
    'return-or-erase-on-request':
      'Return the materials and erase electronic copies when the other party asks.',
    'handle-under-appi': 'Handle the data under the APPI and the corporate privacy policy.',
    'supervise-subcontractor': 'Supervise the subcontractor as needed and appropriate.',
    'publish-anonymized-items':
      'Publish the categories of personal information the anonymized information contains.',
    'publish-provision-items-and-method':
      'Publish the categories of anonymized information provided to third parties and how it is provided.',
    'state-anonymized-to-recipient': 'Tell the recipient that the information is anonymized information.',
    'do-not-reidentify': 'Do not combine the information with other information to identify anyone.',
    'user-keeps-backup':
      'The user guards, at its own cost and risk, against losing measurement data to equipment failure.',
  },
  headings: { basis: 'Basis', reasons: 'Reasons', obligations: 'Obligations', due: 'due', terms: 'Terms' },
};
