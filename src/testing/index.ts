// m2m-data-policy/testing — record factories and vitest matchers for downstream tests (being written).
export {};
