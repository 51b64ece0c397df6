// Before anything is timed: both libraries must give the same answer to every request of the workload, for
// each CASL encoding, and our decide must give the same answer whether `at` is a Date or an ISO string.
import type { MongoAbility } from '@casl/ability';
import type { Policy } from 'm2m-data-policy';
import { mixedRequests, mixedRequestsIso, subjectOf, useQuestions, useRequests } from './workload.js';

export function assertEquivalent(
  policy: Policy,
  abilities: Readonly<Record<string, MongoAbility>>,
): { use: number; mixed: number } {
  const oursUse = useQuestions.map((q) => policy.canUse(q.data, q.purpose, q.context));
  const oursMixed = mixedRequests.map((r) => policy.decide(r).allowed);
  mixedRequestsIso.forEach((r, i) => {
    const iso = policy.decide(r).allowed;
    if (iso !== oursMixed[i])
      throw new Error(`decide with an ISO-string at disagrees with a Date at on request ${i}: ${iso}`);
  });
  for (const [encoding, ability] of Object.entries(abilities)) {
    useRequests.forEach((r, i) => {
      const subject = subjectOf(r);
      const theirs = ability.can('use', subject as never);
      if (oursUse[i] !== theirs)
        throw new Error(
          `canUse disagrees with CASL (${encoding}) on question ${i}: ours ${oursUse[i]}, CASL ${theirs} (${JSON.stringify(subject)})`,
        );
    });
    mixedRequests.forEach((r, i) => {
      const subject = subjectOf(r);
      const theirs = ability.can(r.action, subject as never);
      if (oursMixed[i] !== theirs)
        throw new Error(
          `decide disagrees with CASL (${encoding}) on request ${i}: ours ${oursMixed[i]}, CASL ${theirs} (${r.action} ${JSON.stringify(subject)})`,
        );
    });
  }
  return { use: useQuestions.length, mixed: mixedRequests.length };
}
