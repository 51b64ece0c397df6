import type { Bilingual } from '../../model/bilingual.js';
import { COMMON_OBLIGATIONS, COMMON_REASONS } from '../common/messages.js';
import type { TermsCodes } from '../termsVersion.js';

// The codes the 2017-04-01 version's rules give, with their messages in both languages (the project's own words).

const reasons: Readonly<Record<string, Bilingual>> = {
  'contract-ended': {
    ja: 'サービス利用契約は終了しています。契約に基づくサービス提供のための取扱いは、契約の継続中に限られます。',
    en: 'The service contract has ended: handling data to provide the service rests on the contract only while it runs.',
  },
  'user-and-person-consented': {
    ja: '利用者の承諾と、情報の本人の同意の両方があるため、第三者に提供できます。',
    en: 'Both the user and the person the information is about consented, so it may go to a third party.',
  },
  'person-consent-required': {
    ja: '利用者の承諾はありますが、第三者への提供には個人情報保護法により本人の同意も必要です（規約は法の要求を下げられません）。',
    en: 'The user consented, but giving personal data to a third party also needs the consent of the person it is about under the APPI; the terms cannot ask less than the Act.',
  },
  'outside-old-30-2': {
    ja: '利用者自身の秘密情報はサービスを通じて得た情報ではないため、旧第30条第2項は及ばず、利用者の取扱いは制限されません。',
    en: 'The user’s own confidential information was not obtained through the service, so old 30(2) does not reach it and nothing restrains the user.',
  },
  'user-consented-to-disclosure': {
    ja: '利用者の承諾があるため、利用者情報を開示できます。',
    en: 'The user consented, so the user information may be disclosed.',
  },
  'user-information-needs-user-consent': {
    ja: '旧規約では、利用者の承諾なく利用者情報を誰にも（再委託先にも）開示できません。',
    en: 'Under the old terms user information goes to no one, subcontractors included, without the user’s consent.',
  },
  'provider-consented-to-passing-on': {
    ja: '当社の事前の承諾があるため、サービスで得た情報を他に渡せます。',
    en: 'The provider consented beforehand, so what the service delivered may be passed on.',
  },
  'passing-on-needs-provider-consent': {
    ja: '旧規約では、サービスで得た情報を、方法を問わず、当社の事前の承諾なく他に渡すことはできません。',
    en: 'Under the old terms nothing obtained through the service may be passed on, by any means, without the provider’s prior consent.',
  },
  'user-uses-service-information': {
    ja: 'サービスで得た情報を利用者自身が使うことはサービスそのものです（制限されるのは他に渡すことです）。',
    en: 'The user using what the service delivers is the service itself; what the terms restrict is passing it on.',
  },
  'transmission-unrestricted': {
    ja: '2020年12月1日より前は、計測データをデータセンタに送ることを制限する定めはありませんでした。',
    en: 'Before 2020-12-01 nothing restricted sending measurement data to the data centre.',
  },
};

const obligations: Readonly<Record<string, Bilingual>> = {};

export const codes: TermsCodes = {
  reasons: { ...COMMON_REASONS, ...reasons },
  obligations: { ...COMMON_OBLIGATIONS, ...obligations },
};
