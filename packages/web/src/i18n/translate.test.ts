import { describe, expect, it } from "vitest";
import { fill, formatLocale, render } from "./translate.js";

describe("translate", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(fill("{n} months late, due {due}", { n: 3, due: "Jun 2029" })).toBe("3 months late, due Jun 2029");
    expect(fill("{missing}", {})).toBe("{missing}");
  });

  it("picks the plural form by the locale's rules", () => {
    const m = { one: "{n} maand te laat", other: "{n} maanden te laat" };
    expect(render(m, "nl-NL", { n: 1 })).toBe("1 maand te laat");
    expect(render(m, "nl-NL", { n: 16 })).toBe("16 maanden te laat");
    expect(render(m, "en-GB", { n: 0 })).toBe("0 maanden te laat");
  });

  it("formats in the browser's own variant of the chosen language, else a default", () => {
    expect(formatLocale("en", ["nl-BE", "en-US"])).toBe("en-US");
    expect(formatLocale("nl", ["nl-BE", "en-US"])).toBe("nl-BE");
    expect(formatLocale("nl", ["de-DE"])).toBe("nl-NL");
    expect(formatLocale("en", [])).toBe("en-GB");
  });
});
