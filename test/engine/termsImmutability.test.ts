// SPEC §7: "Terms versions are values no caller can alter: nothing done to an exported value
// (`terms20201201.effectiveFrom.setTime(...)` included) changes a decision. A user-supplied version is validated
// whole at `createPolicy` and refused with `PolicyInputError` (every problem, its path) when a field has the wrong
// type." And a clock is input like any other: what it returns is read by its internal time value.
//
// Each mutation test works on a freshly loaded copy of the library (nothing compiled or cached before the
// mutation, as in a program that mutates first and decides later), compares its decisions with those of a copy
// nobody touched, and restores every mutation it managed to make in `finally`.
import { isDeepStrictEqual } from 'node:util';
import {
  createPolicy,
  DEFAULT_TERMS,
  decide,
  PolicyInputError,
  type PolicyIssue,
  type TermsVersion,
  terms20170401,
  terms20201201,
} from 'm2m-data-policy';
import { measurement } from 'm2m-data-policy/testing';
import { beforeAll, describe, expect, it, vi } from 'vitest';

type Library = typeof import('m2m-data-policy');

/** A copy of the library with its own module instances: its own terms values, caches and default policy. */
async function freshLibrary(): Promise<Library> {
  vi.resetModules();
  return import('m2m-data-policy');
}

const realTime = (d: Date): number => Date.prototype.getTime.call(d);

/** Tries a mutation; a frozen value throws (ES modules are strict), which is one way of refusing it. */
function attempt(mutation: () => unknown): void {
  try {
    mutation();
  } catch {
    // refused: fine
  }
}

/** A deep copy with every Date replaced by a genuine Date of its internal time value. */
function canonical(value: unknown): unknown {
  if (value instanceof Date) return new Date(realTime(value));
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
  return value;
}

function outcome(run: () => unknown): unknown {
  try {
    return { value: canonical(run()) };
  } catch (e) {
    const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
    return { error: e instanceof Error ? e.constructor.name : typeof e, code };
  }
}

// Records as JSON brings them, so that any copy of the library parses them itself.
const reading = {
  kind: 'measurement',
  id: 'm-immutability-1',
  contractId: 'C-2019-0042',
  metric: 'leakage-current',
  measuredAt: '2019-05-15T09:59:30+09:00',
  receivedAt: '2019-05-15T10:00:00+09:00',
  personalData: 'none',
} as const;
const personalReading = { ...reading, id: 'm-immutability-2', personalData: 'yes' } as const;

/** The questions every mutation test asks, of the top-level functions and of policies made before and after. */
const PROBES = {
  'the user transmits personal measurement data in 2021 (31(2))': {
    action: 'transmit',
    actor: 'user',
    data: personalReading,
    at: '2021-06-01T10:00:00+09:00',
  },
  'the provider licenses raw measurement data to a third party in 2021 (13(3)(4))': {
    action: 'license',
    data: reading,
    recipient: 'third-party',
    at: '2021-06-01T10:00:00+09:00',
  },
  'the provider uses measurement data for service analysis in 2021 (13(3)(1)イ)': {
    action: 'use',
    data: reading,
    purpose: 'service-analysis',
    at: '2021-06-01T10:00:00+09:00',
  },
  'the user transmits personal measurement data in 2019, under the 2017-04-01 terms': {
    action: 'transmit',
    actor: 'user',
    data: personalReading,
    at: '2019-06-01T10:00:00+09:00',
  },
  'the provider licenses raw measurement data in 2019 (old 13)': {
    action: 'license',
    data: reading,
    recipient: 'third-party',
    at: '2019-06-01T10:00:00+09:00',
  },
  'a request before the first terms (2016)': {
    action: 'use',
    data: reading,
    purpose: 'service-analysis',
    at: '2016-06-01T10:00:00+09:00',
  },
} as const;

/** Every answer a copy of the library gives to the probes, through several doors. */
function answers(lib: Library, before: ReturnType<Library['createPolicy']>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const after = outcome(() => lib.createPolicy());
  const afterEn = outcome(() => lib.createPolicy({ locale: 'en' }));
  result['createPolicy() after the mutation'] = 'value' in (after as object) ? 'made' : after;
  result["createPolicy({ locale: 'en' }) after the mutation"] =
    'value' in (afterEn as object) ? 'made' : afterEn;
  const policies = {
    'a policy made before': () => before,
    'a policy made after': () => lib.createPolicy(),
    "an 'en' policy made after": () => lib.createPolicy({ locale: 'en' }),
  };
  for (const [name, request] of Object.entries(PROBES)) {
    result[`decide: ${name}`] = outcome(() => lib.decide(request));
    for (const [which, policy] of Object.entries(policies)) {
      const decision = outcome(() => policy().decide(request));
      result[`${which}: ${name}`] = decision;
      result[`${which}, explained in en: ${name}`] = outcome(() =>
        policy().explain(policy().decide(request), 'en'),
      );
    }
  }
  for (const at of ['2019-06-01T10:00:00+09:00', '2021-06-01T10:00:00+09:00', '2016-06-01T10:00:00+09:00'])
    result[`termsInForce(${at})`] = outcome(() => lib.termsInForce(new Date(at)).id);
  return result;
}

let pristine: Record<string, unknown>;

beforeAll(async () => {
  const lib = await freshLibrary();
  pristine = answers(lib, lib.createPolicy());
}, 20_000);

/** Mutates a fresh copy of the library, then asks that every answer be the untouched copy's. */
async function expectUnchanged(
  mutate: (lib: Library) => () => void,
  after?: (lib: Library) => void,
): Promise<void> {
  const lib = await freshLibrary();
  const before = lib.createPolicy();
  const restore = mutate(lib);
  try {
    const now = answers(lib, before);
    // The questions whose answers changed, by name; then the answers themselves.
    const changed = Object.keys(pristine).filter((k) => !isDeepStrictEqual(now[k], pristine[k]));
    expect(changed).toEqual([]);
    expect(now).toEqual(pristine);
    after?.(lib);
  } finally {
    restore();
  }
}

/** The answers the 2020-12-01 terms give, pinned outright (not only as "unchanged"). */
function expectTheAmendedTerms(lib: Library): void {
  const transmit = lib.decide(PROBES['the user transmits personal measurement data in 2021 (31(2))']);
  expect(transmit.terms).toBe('2020-12-01');
  expect(transmit).toBeDenied();
  expect(transmit).toCite({ article: 31, paragraph: 2, terms: '2020-12-01' });
  const license = lib.decide({
    action: 'license',
    data: reading,
    recipient: 'third-party',
    at: '2021-06-01T10:00:00+09:00',
  });
  expect(license).toBeDenied();
  expect(license.terms).toBe('2020-12-01');
}

/** Saves a Date's time, and gives back the function that puts it back. */
function keepTime(d: Date): () => void {
  const t = realTime(d);
  return () => {
    attempt(() => Date.prototype.setTime.call(d, t));
  };
}

describe('exported terms versions cannot be altered by callers (SPEC §7, §8)', () => {
  it('pristine copies answer the probes as the terms say (31(2), 13(3)(4), Art. 3)', async () => {
    const lib = await freshLibrary();
    expectTheAmendedTerms(lib);
    expect(
      lib.decide(PROBES['the user transmits personal measurement data in 2019, under the 2017-04-01 terms']),
    ).toMatchObject({ terms: '2017-04-01', effect: 'permit' });
  });

  it("terms20201201.effectiveFrom.setFullYear(2099) changes no decision: 2021 is still under '2020-12-01' (Art. 3)", async () => {
    await expectUnchanged((lib) => {
      const d = lib.terms20201201.effectiveFrom;
      const restore = keepTime(d);
      attempt(() => d.setFullYear(2099));
      return restore;
    }, expectTheAmendedTerms);
  });

  it('terms20201201.effectiveFrom.setTime(0) changes no decision: 2019 is still under the 2017-04-01 terms', async () => {
    await expectUnchanged((lib) => {
      const d = lib.terms20201201.effectiveFrom;
      const restore = keepTime(d);
      attempt(() => d.setTime(0));
      return restore;
    }, expectTheAmendedTerms);
  });

  it('terms20170401.effectiveFrom.setTime(2099) changes no decision: 2019 is still under the 2017-04-01 terms', async () => {
    await expectUnchanged((lib) => {
      const d = lib.terms20170401.effectiveFrom;
      const restore = keepTime(d);
      attempt(() => d.setTime(Date.parse('2099-01-01T00:00:00+09:00')));
      return restore;
    });
  });

  it('Date.prototype.setTime.call on terms20201201.noticeGivenAt (after its effective date) does not make createPolicy() refuse the default terms (Art. 3)', async () => {
    await expectUnchanged((lib) => {
      const d = lib.terms20201201.noticeGivenAt;
      if (d === undefined) return () => {};
      const restore = keepTime(d);
      attempt(() => Date.prototype.setTime.call(d, Date.parse('2021-01-01T00:00:00+09:00')));
      return restore;
    });
  });

  it('pushing to, assigning or emptying terms20201201.rules changes no decision', async () => {
    await expectUnchanged((lib) => {
      const version = lib.terms20201201 as unknown as { rules: unknown[] };
      const rules = version.rules;
      const saved = [...rules];
      const permitAll = {
        id: 'mallory/permit-all',
        kinds: ['measurement'],
        actors: ['user', 'provider', 'subcontractor'],
        actions: ['license', 'transmit', 'use'],
        effect: 'permit',
        reason: 'processing-granted',
        basis: [{ source: 'terms', article: 13 }],
      };
      attempt(() => rules.unshift(permitAll));
      attempt(() => rules.push(permitAll));
      attempt(() => {
        rules[0] = permitAll;
      });
      attempt(() => {
        version.rules = [permitAll];
      });
      attempt(() => {
        rules.length = 0;
      });
      return () => {
        attempt(() => {
          version.rules = rules;
        });
        attempt(() => rules.splice(0, rules.length, ...saved));
      };
    }, expectTheAmendedTerms);
  });

  it("mutating rules' actions and kinds arrays, or assigning a rule's effect or when, changes no decision (13(3)(4), 31(2))", async () => {
    await expectUnchanged((lib) => {
      const restores: (() => void)[] = [];
      const everyVersion = [lib.terms20170401, lib.terms20201201];
      for (const version of everyVersion) {
        for (const rule of version.rules as unknown as Record<string, unknown>[]) {
          for (const key of ['actions', 'kinds'] as const) {
            const list = rule[key] as unknown[];
            const saved = [...list];
            restores.push(() => attempt(() => list.splice(0, list.length, ...saved)));
          }
          const actions = rule.actions as unknown[];
          const kinds = rule.kinds as unknown[];
          if (rule.effect === 'permit') {
            // A permit that now also answers licensing and transmission, of measurement data too.
            attempt(() => actions.push('license', 'transmit', 'use'));
            attempt(() => kinds.push('measurement'));
          } else {
            // A deny that now answers nothing.
            attempt(() => actions.splice(0, actions.length));
          }
          const { effect, when } = rule;
          attempt(() => {
            rule.effect = 'permit';
          });
          attempt(() => {
            rule.when = () => true;
          });
          restores.push(() => {
            attempt(() => {
              rule.effect = effect;
            });
            attempt(() => {
              rule.when = when;
            });
          });
        }
      }
      return () => {
        for (const restore of restores) restore();
      };
    }, expectTheAmendedTerms);
  });

  it("mutating an article's title changes neither decisions nor their explanations (§8: a version owns its articles)", async () => {
    await expectUnchanged((lib) => {
      const restores: (() => void)[] = [];
      for (const version of [lib.terms20170401, lib.terms20201201]) {
        for (const article of Object.values(version.articles)) {
          const title = article.title as { ja: string; en: string };
          const { ja, en } = title;
          attempt(() => {
            title.en = 'Hacked';
          });
          attempt(() => {
            title.ja = '改ざん';
          });
          restores.push(() =>
            attempt(() => {
              title.en = en;
              title.ja = ja;
            }),
          );
        }
        const articles = version.articles as Record<number, unknown>;
        const saved = articles[31];
        attempt(() => {
          delete articles[31];
        });
        restores.push(() =>
          attempt(() => {
            if (saved !== undefined && articles[31] === undefined) articles[31] = saved;
          }),
        );
      }
      return () => {
        for (const restore of restores) restore();
      };
    });
  });

  it('mutating DEFAULT_TERMS (push, pop, reverse, index assignment) changes no decision', async () => {
    await expectUnchanged((lib) => {
      const list = lib.DEFAULT_TERMS as TermsVersion[];
      const saved = [...list];
      const impostor: TermsVersion = {
        ...lib.terms20201201,
        id: '2021-01-01',
        effectiveFrom: new Date('2021-01-01T00:00:00+09:00'),
        noticeGivenAt: new Date('2020-11-01T00:00:00+09:00'),
        rules: [],
      };
      attempt(() => list.push(impostor));
      attempt(() => list.pop());
      attempt(() => list.reverse());
      attempt(() => {
        list[1] = lib.terms20170401;
      });
      return () => attempt(() => list.splice(0, list.length, ...saved));
    }, expectTheAmendedTerms);
  });

  it('the statically imported values answer as ever after all of the above (no mutation leaked)', () => {
    expect(DEFAULT_TERMS.map((t) => t.id)).toEqual(['2017-04-01', '2020-12-01']);
    expect(realTime(terms20201201.effectiveFrom)).toBe(Date.parse('2020-12-01T00:00:00+09:00'));
    expect(realTime(terms20170401.effectiveFrom)).toBe(Date.parse('2017-04-01T00:00:00+09:00'));
    expect(
      decide({
        action: 'license',
        data: measurement(),
        recipient: 'third-party',
        at: '2021-06-01T10:00:00+09:00',
      }),
    ).toBeDenied();
  });
});

// ---------------------------------------------------------------------------------------------------------

/** The issues of the PolicyInputError `run` throws; fails the test on anything else (a TypeError above all). */
function inputIssues(run: () => unknown): readonly PolicyIssue[] {
  let thrown: unknown;
  try {
    run();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(PolicyInputError);
  expect((thrown as PolicyInputError).code).toBe('invalid-input');
  return (thrown as PolicyInputError).issues;
}

const startsWith = (path: readonly (string | number)[], prefix: readonly (string | number)[]) =>
  prefix.every((p, i) => path[i] === p);

/** A copy of a shipped rule with one field replaced by a value of the wrong type. */
function ruleWith(index: number, field: string, value: unknown): unknown {
  return { ...terms20201201.rules[index], [field]: value };
}

function versionWith(
  rules: readonly unknown[],
  id = '2030-04-01',
  effectiveFrom = '2030-04-01T00:00:00+09:00',
): TermsVersion {
  return {
    ...terms20201201,
    id,
    effectiveFrom: new Date(effectiveFrom),
    noticeGivenAt: new Date(Date.parse(effectiveFrom) - 90 * 86_400_000),
    rules: rules as TermsVersion['rules'],
  };
}

describe('createPolicy validates a user-supplied terms version whole (SPEC §7)', () => {
  it("refuses a rule whose when is 'yes', not a function, at ['terms', 0, 'rules', 0, 'when']", () => {
    const issues = inputIssues(() => createPolicy({ terms: [versionWith([ruleWith(0, 'when', 'yes')])] }));
    expect(issues.map((i) => i.path)).toContainEqual(['terms', 0, 'rules', 0, 'when']);
  });

  it("refuses a rule whose basis is [null], not a list of citations, at ['terms', 0, 'rules', 0, 'basis', …]", () => {
    const issues = inputIssues(() => createPolicy({ terms: [versionWith([ruleWith(0, 'basis', [null])])] }));
    expect(issues.some((i) => startsWith(i.path, ['terms', 0, 'rules', 0, 'basis']))).toBe(true);
  });

  it("refuses a rule whose recipients is 'third-party', not an array, at ['terms', 0, 'rules', 0, 'recipients']", () => {
    const issues = inputIssues(() =>
      createPolicy({ terms: [versionWith([ruleWith(0, 'recipients', 'third-party')])] }),
    );
    expect(issues.map((i) => i.path)).toContainEqual(['terms', 0, 'rules', 0, 'recipients']);
  });

  it('reports every problem at once, each with its path, in whichever version it is', () => {
    const bad = versionWith([
      ruleWith(0, 'when', 'yes'),
      ruleWith(1, 'basis', [null]),
      ruleWith(2, 'recipients', 'third-party'),
    ]);
    const issues = inputIssues(() => createPolicy({ terms: [terms20170401, terms20201201, bad] }));
    const paths = issues.map((i) => i.path);
    expect(paths).toContainEqual(['terms', 2, 'rules', 0, 'when']);
    expect(paths.some((p) => startsWith(p, ['terms', 2, 'rules', 1, 'basis']))).toBe(true);
    expect(paths).toContainEqual(['terms', 2, 'rules', 2, 'recipients']);
  });

  it('accepts a version built from the shipped rules alone (the refusals above are for the wrong types only)', () => {
    const policy = createPolicy({
      terms: [versionWith(terms20201201.rules, 'user-2020-12-01', '2020-12-01T00:00:00+09:00')],
    });
    expect(
      policy.decide(PROBES['the provider licenses raw measurement data to a third party in 2021 (13(3)(4))']),
    ).toBeDenied();
  });
});

// ---------------------------------------------------------------------------------------------------------

/** A Date subclass whose methods all report another instant than its internal time value. */
class LyingDate extends Date {
  lie = 0;
}
for (const name of [
  'getTime',
  'valueOf',
  'toISOString',
  'toJSON',
  'getFullYear',
  Symbol.toPrimitive,
] as const) {
  const honest = Reflect.get(Date.prototype, name) as (...args: unknown[]) => unknown;
  Object.defineProperty(LyingDate.prototype, name, {
    value(this: LyingDate, ...args: unknown[]) {
      return Reflect.apply(honest, new Date(this.lie), args);
    },
  });
}

const NOW = '2021-06-01T10:00:00+09:00';
const USE = { action: 'use', data: reading, purpose: 'service-analysis' } as const;

describe("a policy's clock is read by its internal time value (SPEC §7)", () => {
  const fakes: readonly (readonly [string, () => Date])[] = [
    ['Object.create(Date.prototype)', () => Object.create(Date.prototype) as Date],
    ['an invalid Date', () => new Date(Number.NaN)],
    ['a number', () => Date.parse(NOW) as unknown as Date],
    ['null', () => null as unknown as Date],
  ];

  describe.each(fakes)('a clock returning %s', (_what, clock) => {
    const policy = createPolicy({ clock });
    const entryPoints: readonly (readonly [string, () => unknown])[] = [
      ['decide', () => policy.decide(USE)],
      ['canUse', () => policy.canUse(reading, 'service-analysis')],
      ['canTransmit', () => policy.canTransmit(reading)],
      ['decideMany', () => policy.decideMany([USE])],
      [
        'filterPermitted',
        () => [...policy.filterPermitted([reading], { action: 'use', purpose: 'incidental' })],
      ],
      ['assertPermitted', () => policy.assertPermitted(USE)],
      ['termsInForce', () => policy.termsInForce()],
    ];
    it.each(entryPoints)(
      "makes %s throw PolicyInputError ('invalid-input'), never a TypeError",
      (_name, run) => {
        inputIssues(run);
      },
    );
  });

  it('decides by the real time of a clock returning a Date subclass that lies in getTime (2021 reported as 2019)', () => {
    const lying = () => {
      const d = new LyingDate(Date.parse(NOW));
      d.lie = Date.parse('2019-06-01T10:00:00+09:00');
      return d;
    };
    const honest = createPolicy({ clock: () => new Date(NOW) });
    const policy = createPolicy({ clock: lying });
    const decision = policy.decide(PROBES['the user transmits personal measurement data in 2021 (31(2))']);
    const { at: _at, ...withoutAt } = PROBES['the user transmits personal measurement data in 2021 (31(2))'];
    const fromClock = policy.decide(withoutAt);
    expect(canonical(fromClock)).toEqual(canonical(honest.decide(withoutAt)));
    expect(fromClock.terms).toBe('2020-12-01');
    expect(realTime(fromClock.at)).toBe(Date.parse(NOW));
    expect(fromClock).toBeDenied();
    expect(decision.terms).toBe('2020-12-01');
    expect(policy.termsInForce().id).toBe('2020-12-01');
    expect(policy.canTransmit(personalReading)).toBe(false);
  });
});
