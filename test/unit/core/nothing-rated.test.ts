import { messages } from "../../../src/core/messages";
import { whyNothingRated } from "../../../src/core/nothing-rated";

// When every indicator is Grey because the table has nothing its rules compare with, the user gets
// one sentence naming the columns that would work (docs/methods.md#nothing-rated).

const none = { preset: "tolerance", target: false, benchmark: false, median: false } as const;

describe("whyNothingRated", () => {
  it("names Target and Benchmark columns when the table has no target, no benchmark and no median", () => {
    expect(whyNothingRated(["Grey", "Grey", "Grey"], none)).toBe(
      "Nothing could be rated: the table has no Target column, no England or benchmark rows and no median. Add a Target column, or a Benchmark column, to rate against.",
    );
  });

  it("says the Benchmark rules need a benchmark when the table has targets but no benchmark", () => {
    expect(whyNothingRated(["Grey"], { ...none, preset: "benchmark", target: true })).toBe(messages.nothingRatedNoBenchmark);
  });

  it("says target-based rules need a Target column when the table only has a benchmark", () => {
    expect(whyNothingRated(["Grey"], { ...none, benchmark: true })).toBe(messages.nothingRatedNoTarget);
  });

  it("says nothing when one indicator has a status, when the table has what its rules need, or when a median rates it", () => {
    expect(whyNothingRated(["Grey", "Green"], none)).toBeNull();
    expect(whyNothingRated(["Grey"], { ...none, target: true })).toBeNull(); // each row's reason says what is missing
    expect(whyNothingRated(["Grey"], { ...none, preset: "benchmark", benchmark: true })).toBeNull();
    expect(whyNothingRated(["Grey"], { ...none, median: true })).toBeNull();
    expect(whyNothingRated([], none)).toBeNull();
    // The SPC rule needs no Target column (a special cause improvement is Green): each row's reason says why it is Grey.
    expect(whyNothingRated(["Grey"], { ...none, preset: "spc" })).toBeNull();
  });
});
