import { describe, expect, it } from "vitest";
import { namesOf } from "./names.js";

describe("namesOf", () => {
  const names = namesOf({
    items: [{ id: "nc", name: "Nitrocellulose", kind: "material", unit: "kg", unitValue: 1 }],
    consumers: [{ id: "ua", name: "Ukraine", country: "UA", priority: 1 }],
    sites: [],
    companies: [{ id: "acme", name: "Acme", country: "NL", base: [], owners: [], clearance: "granted" }],
    countries: [{ code: "CN", name: "China", eu: false, nato: false, concern: true }],
  });

  it("names ids of every kind and shows an unknown id as itself", () => {
    expect(names.item("nc")).toBe("Nitrocellulose");
    expect(names.consumer("ua")).toBe("Ukraine");
    expect(names.any("acme")).toBe("Acme");
    expect(names.any("CN")).toBe("China");
    expect(names.any("zz-unknown")).toBe("zz-unknown");
    expect(names.isItem("nc")).toBe(true);
    expect(names.isItem("acme")).toBe(false);
    expect(names.bloc("CN")).toBe("concern");
    expect(names.bloc("XX")).toBe("other");
  });

  it("works before the dataset has loaded", () => {
    expect(namesOf(undefined).item("nc")).toBe("nc");
  });
});
