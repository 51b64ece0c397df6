// Registers the policy matchers of m2m-data-policy/testing (toBePermitted, toBeDenied, toCite, toOblige) for every
// test file, as the README suggests a user do in vitest's setupFiles: the suite asserts decisions the way its users do.
import { matchers } from 'm2m-data-policy/testing';
import { expect } from 'vitest';

expect.extend(matchers);
