import { describe, expect, it } from "vitest";
import { passwordWeakness } from "./password-strength";

describe("passwordWeakness", () => {
  it.each(["aaaaaaaaaaaa", "password1234", "123456789012", "qwertyuiopas", "Password123!", "iloveyou2026"])("refuses the common or patterned %s", (pw) => {
    expect(passwordWeakness(pw)).toMatch(/too easy to guess/);
  });

  it("refuses a password built from the user's own name and email", () => {
    expect(passwordWeakness("margaret.hale2026", { email: "margaret.hale@ward.example", name: "Margaret Hale" })).toMatch(/contains your name, email/);
  });

  it("accepts long unrelated words and random strings", () => {
    expect(passwordWeakness("copper lantern drifts over quiet marsh")).toBeNull();
    expect(passwordWeakness("Xk9#mQ2vL7!pR4tz")).toBeNull();
  });

  it("refuses anything shorter than the minimum length first", () => {
    expect(passwordWeakness("Xk9#mQ2vL7")).toMatch(/at least 12 characters/);
  });
});
