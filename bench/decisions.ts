// canUse and decide against CASL's can() on the same Article 13 questions, and parseRecord's throughput.
// Run: npm run bench (all benchmarks) or
//   npm run build && TSX_TSCONFIG_PATH=bench/tsconfig.json npx tsx bench/decisions.ts   (ROUNDS=7 for more)
//
// CASL is measured on two encodings of the same rules, in the same run as ours: the smallest rule set that
// gives the same answers (`minimalAbility`, 4 rules) and the fuller one (`article13Ability`, 9 rules). In the
// headline rows CASL's subject is built per call from the request, as a service would build it from what it
// receives; the rows "subject precomputed" (built once, outside the loop) are shown apart, for information.

import { createPolicy, parseRecord } from 'm2m-data-policy';
import { Bench } from 'tinybench';
import { assertEquivalent } from './equivalence.js';
import {
  AT,
  AT_ISO,
  article13Ability,
  caslMixed,
  caslUseSubjects,
  makeRecords,
  minimalAbility,
  mixedRequests,
  mixedRequestsIso,
  records,
  subjectOf,
  useQuestions,
  useRequests,
} from './workload.js';

const policy = createPolicy();
const encodings = { minimal: minimalAbility(), fuller: article13Ability() } as const;
type Encoding = keyof typeof encodings;
const checked = assertEquivalent(policy, encodings);
console.log(
  `Same answers from us and from both CASL encodings (minimal, fuller) on ${checked.use} canUse questions and ${checked.mixed} mixed requests; the same from decide with at as a Date and as '${AT_ISO}'.\n`,
);

// The mixed requests without their own instant, for decideMany's shared context.
const batch = mixedRequests.map(({ at: _, ...request }) => request);
// JSON-shaped input for the parser: what arrives over the wire, dates as ISO strings with an offset.
const json = makeRecords(1000).map((r) => JSON.parse(JSON.stringify(r)) as unknown);

let sink = 0;
const N = 1000; // calls per task iteration: every loop below runs over 1,000 questions, requests or records
const ROUNDS = Math.max(5, Number(process.env.ROUNDS ?? 5) || 5);

const OURS = {
  canUse: 'canUse (m2m-data-policy)',
  decide: 'decide, full decision, at a Date (m2m-data-policy)',
  decideIso: `decide, full decision, at an ISO string (m2m-data-policy)`,
} as const;
const casl = (question: 'use' | 'mixed', encoding: Encoding, precomputed = false) =>
  `can(${question === 'use' ? '"use"' : 'mixed actions'}), subject ${precomputed ? 'precomputed' : 'built per call'} (CASL, ${encoding})`;

const tasks: Record<string, () => void> = {
  [OURS.canUse]: () => {
    for (const q of useQuestions) if (policy.canUse(q.data, q.purpose, q.context)) sink++;
  },
  [OURS.decide]: () => {
    for (const r of mixedRequests) sink += policy.decide(r).basis.length;
  },
  [OURS.decideIso]: () => {
    for (const r of mixedRequestsIso) sink += policy.decide(r).basis.length;
  },
};
for (const [encoding, ability] of Object.entries(encodings) as [Encoding, (typeof encodings)[Encoding]][]) {
  tasks[casl('use', encoding)] = () => {
    for (const r of useRequests) if (ability.can('use', subjectOf(r) as never)) sink++;
  };
  tasks[casl('mixed', encoding)] = () => {
    for (const r of mixedRequests) if (ability.can(r.action, subjectOf(r) as never)) sink++;
  };
  tasks[casl('use', encoding, true)] = () => {
    for (const s of caslUseSubjects) if (ability.can('use', s as never)) sink++;
  };
  tasks[casl('mixed', encoding, true)] = () => {
    for (const c of caslMixed) if (ability.can(c.action, c.subject as never)) sink++;
  };
}
const OTHERS = [
  'decideMany, 1,000 requests sharing { at } (m2m-data-policy)',
  'filterPermitted, license to a third party (m2m-data-policy)',
  'parseRecord, JSON-shaped (m2m-data-policy)',
] as const;
tasks[OTHERS[0]] = () => {
  sink += policy.decideMany(batch, { at: AT }).length;
};
tasks[OTHERS[1]] = () => {
  for (const r of policy.filterPermitted(records, { action: 'license', recipient: 'third-party', at: AT }))
    sink += r.id.length;
};
tasks[OTHERS[2]] = () => {
  for (const r of json) sink += parseRecord(r).id.length;
};

// Several rounds, each a fresh tinybench run of every task (the order rotated from round to round); the figure
// is the median of the rounds' medians, so a JIT decision or a GC pause in one round does not decide the
// comparison, and ours and CASL's are measured in the same process, the same run.
const names = Object.keys(tasks);
const medians: Record<string, number[]> = {};
for (let round = 0; round < ROUNDS; round++) {
  const bench = new Bench({ time: 1000, warmup: true, warmupTime: 300 });
  const shift = round % names.length;
  for (const name of [...names.slice(shift), ...names.slice(0, shift)])
    bench.add(name, tasks[name] as () => void);
  await bench.run();
  for (const task of bench.tasks) {
    const p50 = task.result && 'latency' in task.result ? task.result.latency.p50 : Number.NaN;
    const samples = medians[task.name] ?? [];
    samples.push((p50 * 1e6) / N);
    medians[task.name] = samples;
  }
  process.stderr.write(`round ${round + 1}/${ROUNDS} done\n`);
}
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length === 0
    ? Number.NaN
    : s.length % 2
      ? (s[mid] as number)
      : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const perCallNs = (name: string) => median(medians[name] ?? []);
const spread = (name: string) => {
  const xs = medians[name] ?? [];
  return `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;
};
const ns = (x: number) => `${x.toFixed(1)} ns`;
const perSecond = (x: number) => Math.round(1e9 / x).toLocaleString('en');

console.log(
  `node ${process.version}, ${process.platform}/${process.arch}; median of ${ROUNDS} rounds, each the median of ~1 s of samples of ${N} calls`,
);
console.log(
  "Ratio = CASL can()'s time per call / ours (> 1 means ours is faster); CASL's subject built per call from the request.\n",
);
const headline = [
  { ours: OURS.canUse, question: 'use', target: 2 },
  { ours: OURS.decide, question: 'mixed', target: 1 },
  { ours: OURS.decideIso, question: 'mixed', target: 0.5 },
] as const;
console.log(
  '| operation | median per call (spread of rounds) | calls/s | vs CASL can(), minimal | vs CASL can(), fuller | target | minimal | fuller |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | :---: | :---: |');
for (const { ours, question, target } of headline) {
  const a = perCallNs(ours);
  const ratio = (encoding: Encoding) => perCallNs(casl(question, encoding)) / a;
  const verdict = (encoding: Encoding) => (ratio(encoding) >= target ? 'PASS' : 'FAIL');
  console.log(
    `| ${ours} | ${ns(a)} (${spread(ours)}) | ${perSecond(a)} | ${ratio('minimal').toFixed(2)}× | ${ratio('fuller').toFixed(2)}× | ≥ ${target}× | ${verdict('minimal')} | ${verdict('fuller')} |`,
  );
}

console.log('\n| CASL task | median per call (spread of rounds) | calls/s |');
console.log('| --- | ---: | ---: |');
for (const precomputed of [false, true])
  for (const encoding of Object.keys(encodings) as Encoding[])
    for (const question of ['use', 'mixed'] as const) {
      const name = casl(question, encoding, precomputed);
      const b = perCallNs(name);
      console.log(
        `| ${name}${precomputed ? ' — not the headline' : ''} | ${ns(b)} (${spread(name)}) | ${perSecond(b)} |`,
      );
    }

console.log('\n| other operations | median per request or record (spread of rounds) | per second |');
console.log('| --- | ---: | ---: |');
for (const name of OTHERS) {
  const a = perCallNs(name);
  console.log(`| ${name} | ${ns(a)} (${spread(name)}) | ${perSecond(a)} |`);
}
console.log('\nTargets are informational: a FAIL does not change the exit code.');
if (sink === -1) console.log(sink);
