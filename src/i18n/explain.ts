import { PolicyInputError, type PolicyIssue } from '../errors.js';
import { APPI_RENUMBERED_AT_MS } from '../internal/appi.js';
import type { Citation, Decision } from '../model/decision.js';
import type { TermsVersion } from '../terms/termsVersion.js';
import { formatJst } from '../time/jst.js';
import { citationLabel, unreachable } from './citationLabel.js';
import { APPI_TITLES, CIVIL_CODE_TITLES } from './lawTitles.js';
import { isLocale, type Locale } from './locale.js';
import { codeMessage, messagesFor } from './messages.js';

function title(c: Citation, at: Date, versions: readonly TermsVersion[], locale: Locale): string | undefined {
  const article = c.article;
  if (article === undefined) return undefined;
  switch (c.source) {
    case 'terms':
      return versions.find((v) => v.id === c.terms)?.articles[article]?.title[locale];
    case 'appi':
      return (at.getTime() < APPI_RENUMBERED_AT_MS ? APPI_TITLES.before2022 : APPI_TITLES.current)[article]?.[
        locale
      ];
    case 'civil-code':
      return CIVIL_CODE_TITLES[article]?.[locale];
    case 'contract':
      return undefined;
    default:
      return unreachable(c.source);
  }
}

/**
 * Renders a decision as a short account in a locale: the effect, the terms version and instant, each article
 * with its title, the reasons, and the obligations with their due dates. Messages are looked up by code, so a
 * decision made in one locale can be explained in the other.
 */
export function explainDecision(
  decision: Decision,
  locale: Locale,
  versions: readonly TermsVersion[],
): string {
  // Fail closed on what cannot be explained: a locale the library has no messages in, or no decision at all.
  const issues: PolicyIssue[] = [];
  if (!isLocale(locale))
    issues.push({ path: ['locale'], code: 'invalid-value', message: "locale must be 'ja' or 'en'" });
  const d = decision as Partial<Decision> | null;
  if (
    typeof d !== 'object' ||
    d === null ||
    (d.effect !== 'permit' && d.effect !== 'deny') ||
    !(d.at instanceof Date) ||
    !Array.isArray(d.basis) ||
    !Array.isArray(d.reasons) ||
    !Array.isArray(d.obligations)
  )
    issues.push({
      path: ['decision'],
      code: 'invalid-type',
      message: 'Expected a decision made by the policy',
    });
  if (issues.length) throw new PolicyInputError(issues, 'explanation');
  const m = messagesFor(locale);
  const codes = versions.find((v) => v.id === decision.terms)?.codes;
  const ja = locale === 'ja';
  const cite = (c: Citation) => {
    const label = citationLabel(c, locale);
    const t = title(c, decision.at, versions, locale);
    return t ? (ja ? `${label}「${t}」` : `${label} (${t})`) : label;
  };
  const lines = [
    ja
      ? `${m.effect[decision.effect]} — 規約(${decision.terms})による判断、${formatJst(decision.at)}`
      : `${m.effect[decision.effect]} — decided under the ${decision.terms} terms at ${formatJst(decision.at)}`,
    `${m.headings.basis}:`,
    ...decision.basis.map((c) => `  - ${cite(c)}`),
    `${m.headings.reasons}:`,
    ...decision.reasons.map((r) => `  - ${codeMessage(codes, 'reasons', r.code, locale)} [${r.code}]`),
  ];
  if (decision.obligations.length) {
    lines.push(`${m.headings.obligations}:`);
    for (const o of decision.obligations) {
      const due = o.dueAt
        ? ja
          ? `（${m.headings.due} ${formatJst(o.dueAt)}）`
          : ` (${m.headings.due} ${formatJst(o.dueAt)})`
        : '';
      lines.push(
        `  - ${codeMessage(codes, 'obligations', o.code, locale)}${due} [${o.code}; ${citationLabel(o.basis, locale)}]`,
      );
    }
  }
  return lines.join('\n');
}
