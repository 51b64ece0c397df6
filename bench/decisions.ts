// canUse and decide against CASL's can() on the same Article 13 questions, and parseRecord's throughput.
// Run: npm run bench (all benchmarks) or npx tsx bench/decisions.ts

import { createPolicy, parseRecord } from 'm2m-data-policy';
import { Bench } from 'tinybench';
import { assertEquivalent } from './equivalence.js';
import {
  AT,
  article13Ability,
  caslMixed,
  caslUseSubjects,
  makeRecords,
  mixedRequests,
  records,
  useQuestions,
} from './workload.js';

const policy = createPolicy();
const ability = article13Ability();
const checked = assertEquivalent(policy, ability);
console.log(
  `Same answers from both on ${checked.use} canUse questions and ${checked.mixed} mixed requests.\n`,
);

// JSON-shaped input for the parser: what arrives over the wire, dates as ISO strings with an offset.
// The mixed requests without their own instant, for decideMany's shared context.
const batch = mixedRequests.map(({ at: _, ...request }) => request);

const json = makeRecords(1000).map((r) => JSON.parse(JSON.stringify(r)) as unknown);

let sink = 0;
const N = 1000;
const ROUNDS = 3;
const tasks: Record<string, () => void> = {
  'canUse (m2m-data-policy)': () => {
    for (const q of useQuestions) if (policy.canUse(q.data, q.purpose, q.context)) sink++;
  },
  'can("use") (CASL)': () => {
    for (const s of caslUseSubjects) if (ability.can('use', s as never)) sink++;
  },
  'decide, full decision (m2m-data-policy)': () => {
    for (const r of mixedRequests) sink += policy.decide(r).basis.length;
  },
  'can(mixed actions) (CASL)': () => {
    for (const c of caslMixed) if (ability.can(c.action, c.subject as never)) sink++;
  },
  'decideMany, 1,000 requests sharing { at } (m2m-data-policy)': () => {
    sink += policy.decideMany(batch, { at: AT }).length;
  },
  'filterPermitted, license to a third party (m2m-data-policy)': () => {
    for (const r of policy.filterPermitted(records, { action: 'license', recipient: 'third-party', at: AT }))
      sink += r.id.length;
  },
  'parseRecord, JSON-shaped (m2m-data-policy)': () => {
    for (const r of json) sink += parseRecord(r).id.length;
  },
};

// Several rounds, each a fresh tinybench run of every task; the figure is the median of the rounds' medians,
// so a JIT decision or a GC pause in one round does not decide the comparison.
const medians: Record<string, number[]> = {};
for (let round = 0; round < ROUNDS; round++) {
  const bench = new Bench({ time: 1000, warmup: true, warmupTime: 300 });
  for (const [name, fn] of Object.entries(tasks)) bench.add(name, fn);
  await bench.run();
  for (const task of bench.tasks) {
    const p50 = task.result && 'latency' in task.result ? task.result.latency.p50 : Number.NaN;
    const samples = medians[task.name] ?? [];
    samples.push((p50 * 1e6) / N);
    medians[task.name] = samples;
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const perCallNs = (name: string) => median(medians[name] ?? []);
const rows = [
  ['canUse (m2m-data-policy)', 'can("use") (CASL)'],
  ['decide, full decision (m2m-data-policy)', 'can(mixed actions) (CASL)'],
  ['decideMany, 1,000 requests sharing { at } (m2m-data-policy)', undefined],
  ['filterPermitted, license to a third party (m2m-data-policy)', undefined],
  ['parseRecord, JSON-shaped (m2m-data-policy)', undefined],
] as const;
console.log(
  `node ${process.version}, ${process.platform}/${process.arch}; median of ${ROUNDS} rounds, each the median of ~1 s of samples of ${N} calls`,
);
console.log('| operation | median per call | calls/s | ratio to CASL can() |');
console.log('| --- | ---: | ---: | ---: |');
for (const [ours, theirs] of rows) {
  const a = perCallNs(ours);
  console.log(
    `| ${ours} | ${a.toFixed(1)} ns | ${Math.round(1e9 / a).toLocaleString('en')} | ${theirs ? `${(perCallNs(theirs) / a).toFixed(2)}×` : '—'} |`,
  );
  if (theirs) {
    const b = perCallNs(theirs);
    console.log(`| ${theirs} | ${b.toFixed(1)} ns | ${Math.round(1e9 / b).toLocaleString('en')} | 1.00× |`);
  }
}
if (sink === -1) console.log(sink);
