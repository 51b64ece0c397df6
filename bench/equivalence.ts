// Before anything is timed: both libraries must give the same answer to every request of the workload.
import type { MongoAbility } from '@casl/ability';
import type { Policy } from 'm2m-data-policy';
import { caslMixed, caslUseSubjects, mixedRequests, useQuestions } from './workload.js';

export function assertEquivalent(policy: Policy, ability: MongoAbility): { use: number; mixed: number } {
  useQuestions.forEach((q, i) => {
    const ours = policy.canUse(q.data, q.purpose, q.context);
    const theirs = ability.can('use', caslUseSubjects[i] as never);
    if (ours !== theirs)
      throw new Error(
        `canUse disagrees on question ${i}: ours ${ours}, CASL ${theirs} (${JSON.stringify(caslUseSubjects[i])})`,
      );
  });
  mixedRequests.forEach((r, i) => {
    const ours = policy.decide(r).allowed;
    const c = caslMixed[i];
    const theirs = c ? ability.can(c.action, c.subject as never) : undefined;
    if (ours !== theirs)
      throw new Error(
        `decide disagrees on request ${i}: ours ${ours}, CASL ${theirs} (${r.action} ${JSON.stringify(c?.subject)})`,
      );
  });
  return { use: useQuestions.length, mixed: mixedRequests.length };
}
