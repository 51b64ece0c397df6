import type { z } from 'zod';
import { readProperty } from '../internal/property.js';

type Def = {
  readonly type: string;
  readonly shape?: Readonly<Record<string, z.ZodType>>;
  readonly element?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly discriminator?: string;
  readonly values?: readonly unknown[];
};
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The option of a discriminated union whose discriminator literal is `value`. */
function optionFor(options: readonly z.ZodType[], key: string, value: unknown): z.ZodType | undefined {
  return options.find((o) => {
    const literal = defOf(o).shape?.[key];
    return literal !== undefined && (defOf(literal).values ?? []).includes(value);
  });
}

/**
 * Copies an input into plain data the schema can check: each field the schema names read once, by ordinary
 * property access (getters, inherited and non-enumerable properties included), a value inherited from
 * `Object.prototype` left out, objects rebuilt without a prototype so the parser cannot reach a polluted one.
 * What the schema does not name is dropped, as the parser would drop it.
 */
export function plainInput(schema: z.ZodType, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      // The parser reports a value of the wrong shape itself: only what has the schema's shape is copied.
      if (Array.isArray(value)) return value;
      const out: Record<string, unknown> = Object.create(null);
      const shape = def.shape ?? {};
      for (const key of Object.keys(shape)) {
        const field = readProperty(value, key);
        if (field !== undefined) out[key] = plainInput(shape[key] as z.ZodType, field);
      }
      return out;
    }
    case 'array': {
      if (!Array.isArray(value)) return value;
      const length = value.length;
      const out: unknown[] = new Array(length);
      for (let i = 0; i < length; i++)
        out[i] = plainInput(def.element as z.ZodType, readProperty(value, String(i)));
      return out;
    }
    case 'union': {
      if (def.discriminator === undefined || Array.isArray(value)) return value;
      const key = def.discriminator;
      const option = optionFor(def.options ?? [], key, readProperty(value, key));
      if (option !== undefined) return plainInput(option, value);
      const out: Record<string, unknown> = Object.create(null);
      out[key] = readProperty(value, key);
      return out;
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return plainInput(def.innerType as z.ZodType, value);
    case 'pipe':
      return plainInput(def.in as z.ZodType, value);
    default:
      return value;
  }
}
