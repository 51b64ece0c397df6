// The m2m-data-policy command line (being written).
export {};
