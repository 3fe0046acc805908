// Which tasks each request type gets, in which connector, with which input. Pure.
import { describe, expect, it } from "vitest";
import { planTasks, type PlanConnector } from "./plan-tasks";

const connector = (key: string, registerEntries: string[], over: Partial<PlanConnector> = {}): PlanConnector => ({
  id: `id-${key}`,
  key,
  name: key,
  registerEntries,
  required: true,
  enabled: true,
  ...over,
});

// registration: access, rectification, erasure, restriction, portability; app-use: + objection;
// app-permissions: + consent_withdrawal (content/register.ts).
const platform = connector("platform", ["registration", "app-use", "app-permissions", "support-contact"]);
const analytics = connector("analytics", ["app-use"], { required: false });
const store = connector("store", ["app-store-download"]);
const off = connector("off", ["registration"], { enabled: false });
const all = [platform, analytics, store, off];

const steps = (plan: ReturnType<typeof planTasks>) => plan.map((t) => `${t.system}:${t.step}`);

describe("planning a request's fulfilment tasks", () => {
  it.each([
    ["access", { scope: "all", copy: true }, "export"],
    ["portability", { format: "json" }, "export"],
    ["erasure", { scope: "all" }, "erase"],
    ["restriction", { ground: "a" }, "restrict"],
  ] as const)("%s (%j): a %s task per enabled connector holding an entry the right concerns", (type, details, step) => {
    const plan = planTasks({ type, details }, all);
    // The store's only entry allows no request at all; a disabled connector gets nothing.
    const expected = type === "portability" ? ["platform"] : ["platform", "analytics"];
    expect(steps(plan)).toEqual(expected.map((key) => `${key}:${step}`));
    expect(plan.find((t) => t.system === "analytics")?.required ?? false).toBe(false);
    expect(plan.every((t) => t.input === null)).toBe(true);
  });

  it("rectification waits for approved corrections, then carries them and the supplementary statement", () => {
    const request = {
      type: "rectification" as const,
      details: { items: [{ data: "Name", correctValue: "Anna Beispiel" }], supplementaryStatement: "I moved." },
    };
    expect(planTasks(request, all)).toEqual([]);
    expect(planTasks(request, all, { approvedCorrections: [] })).toEqual([]);
    const plan = planTasks(request, all, { approvedCorrections: [{ field: "user.name", value: "Anna Beispiel" }] });
    expect(steps(plan)).toEqual(["platform:rectify", "analytics:rectify"]);
    expect(plan[0]!.input).toEqual({
      corrections: [{ field: "user.name", value: "Anna Beispiel" }],
      supplementaryStatement: "I moved.",
    });
  });

  it("an objection to named processing goes only where that processing's data are", () => {
    const plan = planTasks(
      {
        type: "objection",
        details: { target: "processing", processingIds: ["app-use", "support-chat"], grounds: "x" },
      },
      all,
    );
    expect(steps(plan)).toEqual(["platform:stop_processing", "analytics:stop_processing"]);
    expect(plan[0]!.input).toEqual({ kind: "objection", registerEntryIds: ["app-use"] });
  });

  it("an objection to direct marketing reaches every enabled connector (Art. 21(3))", () => {
    const plan = planTasks({ type: "objection", details: { target: "direct_marketing" } }, all);
    expect(steps(plan)).toEqual(["platform:stop_processing", "analytics:stop_processing", "store:stop_processing"]);
    expect(plan[2]!.input).toEqual({ kind: "objection", registerEntryIds: ["direct_marketing"] });
  });

  it("a withdrawn consent stops its processing where it runs, and nowhere else", () => {
    const plan = planTasks({ type: "consent_withdrawal", details: { consentIds: ["app-permissions"] } }, all);
    expect(steps(plan)).toEqual(["platform:stop_processing"]);
    expect(plan[0]!.input).toEqual({ kind: "consent_withdrawal", registerEntryIds: ["app-permissions"] });
    expect(planTasks({ type: "consent_withdrawal", details: { consentIds: ["unknown"] } }, all)).toEqual([]);
  });
});
