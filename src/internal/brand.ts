// Returning an object from a base constructor makes `super()` hand that object to the subclass, which then
// installs its private fields on it: the object keeps its own prototype and gains only the brand. A private field
// cannot be forged, copied by spreading or inherited through a prototype, and checking it is a property load.

/** The base of a brand: its constructor returns the object given, for the subclass to stamp. */
export class ReturnsGivenObject {
  constructor(target: object) {
    // biome-ignore lint/correctness/noConstructorReturn: the stamping pattern above depends on it
    return target;
  }
}
