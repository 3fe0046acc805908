// The authorisation table's promises, checked against the rules they come from, and its printed
// copy in ARCHITECTURE.md kept true. (The doors themselves are tried in e2e/authorisation-matrix.spec.ts.)
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../../requests/workflow/rules";
import { authorisationTable, doors, expectedOutcome, rolesFor, viewers } from "./surface";

describe("the back office's authorisation table", () => {
  it("an admin opens no door with subject data; an auditor runs no case command", () => {
    for (const door of doors) {
      const roles = rolesFor(door.access);
      if ("command" in door.access) {
        expect(roles, door.access.command).not.toContain("admin");
        expect(roles, door.access.command).not.toContain("auditor");
        expect(roles).toEqual([...(rules[door.access.command].who.staff ?? [])]);
      }
      if ("capability" in door.access && door.access.capability !== "staff.manage") {
        expect(roles, JSON.stringify(door)).not.toContain("admin");
      }
    }
  });

  it("the privacy team cannot refuse, partially refuse or extend (Art. 12(3)-(5) are the DPO's)", () => {
    for (const command of ["refuse", "partially_complete", "extend"] as const) {
      const door = doors.find((d) => d.kind === "action" && d.command === command)!;
      expect(expectedOutcome(door, "privacy_team")).toBe("not_found");
      expect(expectedOutcome(door, "dpo")).toBe("allowed");
    }
  });

  it("without the second factor only the TOTP page and its forms open; signed out or deactivated, none", () => {
    for (const door of doors) {
      const pending = expectedOutcome(door, "second_factor_pending");
      expect(pending).toBe("staffSession" in door.access ? "allowed" : "second_factor");
      expect(expectedOutcome(door, "signed_out")).toBe("sign_in");
      expect(expectedOutcome(door, "deactivated")).toBe("sign_in");
      expect(expectedOutcome(door, "subject")).toBe("not_found");
    }
    expect(viewers).toHaveLength(8);
  });

  it("ARCHITECTURE.md prints the table as it is (npm run -s authorisation:table)", () => {
    const architecture = fs.readFileSync(path.resolve(import.meta.dirname, "../../../ARCHITECTURE.md"), "utf8");
    expect(architecture).toContain(authorisationTable());
  });
});
