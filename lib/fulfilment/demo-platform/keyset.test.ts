import { describe, expect, it } from "vitest";
import { keysetRows } from "./keyset";

describe("keysetRows", () => {
  it("reads nothing until iterated, then batch by batch after the last id seen, until a short batch", async () => {
    const table = Array.from({ length: 25 }, (_, i) => ({ id: i + 1 }));
    const calls: Array<[number | undefined, number]> = [];
    const rows = keysetRows<{ id: number }, number>(async (after, take) => {
      calls.push([after, take]);
      return table.filter((row) => after === undefined || row.id > after).slice(0, take);
    }, 10);
    expect(calls).toEqual([]);
    const seen: number[] = [];
    for await (const row of rows) seen.push(row.id);
    expect(seen).toEqual(table.map((row) => row.id));
    expect(calls).toEqual([
      [undefined, 10],
      [10, 10],
      [20, 10],
    ]);
  });

  it("asks once more after an exactly full last batch, and yields nothing from an empty table", async () => {
    const calls: Array<string | undefined> = [];
    const read = async (rows: Array<{ id: string }>) => {
      const out: string[] = [];
      for await (const row of keysetRows<{ id: string }, string>(async (after, take) => {
        calls.push(after);
        return rows.filter((row) => after === undefined || row.id > after).slice(0, take);
      }, 2)) {
        out.push(row.id);
      }
      return out;
    };
    expect(await read([{ id: "a" }, { id: "b" }])).toEqual(["a", "b"]);
    expect(calls).toEqual([undefined, "b"]);
    expect(await read([])).toEqual([]);
  });
});
