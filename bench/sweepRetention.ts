// sweepRetention over 1,000,000 measurement records: time and memory, sync and async-iterable.
// Run: npm run bench:sweep   (N=200000 npm run bench:sweep for a quicker run)
import { type DataRecord, parseRecord, sweepRetention } from 'm2m-data-policy';

const N = Number(process.env.N ?? 1_000_000);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const at = new Date('2022-06-01T00:00:00+09:00');
const start = Date.parse('2021-01-01T00:00:00+09:00');
const step = Math.floor((Date.parse('2022-06-01T00:00:00+09:00') - start) / N); // receipts spread over 17 months

function record(i: number): DataRecord {
  const receivedAt = new Date(start + i * step);
  return parseRecord({
    kind: 'measurement',
    id: `sensor-${i % 5000}/${i}`,
    contractId: `C-${i % 300}`,
    metric: 'leakage-current',
    measuredAt: receivedAt,
    receivedAt,
    personalData: 'none',
    value: i % 97,
    // One record in fifty was kept on past its year for an investigation.
    ...(i % 50 === 0 && {
      retentionExtensions: [
        { decidedAt: new Date(start + i * step + 300 * 86_400_000), reason: 'fault investigation' },
      ],
    }),
  });
}

console.log(
  `sweepRetention over ${N.toLocaleString('en')} records (node ${process.version}, ${process.platform}/${process.arch})`,
);
const t = performance.now();
const records: DataRecord[] = Array.from({ length: N }, (_, i) => record(i));
console.log(
  `setup: parsed ${N.toLocaleString('en')} records in ${((performance.now() - t) / 1000).toFixed(2)} s (not part of the sweep)`,
);

type Sweep = { keep: unknown[]; extended: unknown[]; expired: unknown[] };
async function measure(label: string, run: () => Sweep | Promise<Sweep>): Promise<number> {
  gc();
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const result = await run();
  const ms = performance.now() - t0;
  gc();
  const retained = process.memoryUsage().heapUsed - before;
  console.log(
    `${label.padEnd(26)} ${ms.toFixed(0).padStart(6)} ms  ${(N / (ms / 1000) / 1e6).toFixed(2)} M records/s  ` +
      `keep ${result.keep.length}  extended ${result.extended.length}  expired ${result.expired.length}  result holds ${mb(retained)}`,
  );
  return ms;
}

async function* fromArray(items: readonly DataRecord[]) {
  yield* items;
}

const sync: number[] = [];
const asyncTimes: number[] = [];
for (let round = 1; round <= 3; round++) {
  sync.push(await measure(`sync array, round ${round}`, () => sweepRetention(records, at)));
  asyncTimes.push(
    await measure(`async iterable, round ${round}`, () => sweepRetention(fromArray(records), at)),
  );
}
// What iterating an async generator costs by itself, so the sweep's own share of the async figure shows.
const bare: number[] = [];
for (let round = 1; round <= 3; round++) {
  gc();
  const t0 = performance.now();
  let n = 0;
  for await (const _ of fromArray(records)) n++;
  bare.push(performance.now() - t0);
  if (n !== N) throw new Error('lost records');
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
console.log(
  `median: sync ${median(sync).toFixed(0)} ms, async ${median(asyncTimes).toFixed(0)} ms ` +
    `(of which ${median(bare).toFixed(0)} ms is iterating the async generator itself, with no work done)`,
);

// Memory bounded by the result: from a lazy source (records made one at a time, as from a database cursor) only
// the result stays behind. The input array is dropped first so it does not count.
records.length = 0;
gc();
const base = process.memoryUsage().heapUsed;
let peak = base;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().heapUsed);
}, 5);
const lazy = await sweepRetention(
  (async function* () {
    for (let i = 0; i < N; i++) {
      yield record(i);
      if (i % 10_000 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  })(),
  at,
);
clearInterval(sampler);
gc();
const entries = lazy.keep.length + lazy.extended.length + lazy.expired.length;
console.log(
  `lazy source: peak heap +${mb(peak - base)} (sampled every 5 ms), result holds ${mb(process.memoryUsage().heapUsed - base)} ` +
    `for ${entries.toLocaleString('en')} entries; max RSS of the process ${mb(process.resourceUsage().maxRSS * 1024)}`,
);
