// Whether a server action's arguments, as the browser encodes them, will decode. React encodes them as
// "reply rows": JSON texts in form fields, where a string starting with "$" is a reference or a special
// value (react-server-dom-*/server: parseModelString). Its decoder throws on a broken row, a missing
// reference or path, a reference to a row not yet streamed in, a bad BigInt, an over-long array, too
// many arguments…, and Next.js answers every such throw with 500. These checks accept what the portal's
// forms send (plain JSON state, the form itself as "$K…", references between rows and into the row
// being decoded) and refuse the rest, so the gate can answer 400. Stricter than React on purpose: a
// kind of value the portal never sends is refused, not decoded.

/** React's default limit on the slots of one array tree (arraySizeLimit). */
const ARRAY_SLOTS_LIMIT = 1_000_000;
/** Next.js's limit on an action's arguments, and React's on bound arguments. */
const ARGUMENTS_LIMIT = 1_000;
/** Far deeper than any form state; React's recursive decoder would overflow the stack long before JSON.parse. */
const DEPTH_LIMIT = 200;
/** React refuses longer BigInt literals. */
const BIGINT_DIGITS_LIMIT = 300;

class Malformed extends Error {}

/** The texts of reply row `id` (several when the field repeats: every one must be sound). */
type ReplyRows = (id: number) => string[];

interface Walk {
  rows: ReplyRows;
  /** Where each row arrived, when the body is decoded while it streams in: a row may refer only to rows before it. */
  arrival?: Map<number, number>;
  /** Row id → its parsed value and the array slots it brings where it is referenced. */
  done: Map<number, { value: unknown; slots: number }>;
  /** Rows being checked, innermost last, with their parsed value. */
  open: number[];
  parsed: Map<number, unknown>;
}

interface ArrayTree {
  slots: number;
}

function bump(tree: ArrayTree | null, slots: number): void {
  if (!tree) return;
  tree.slots += slots;
  if (tree.slots > ARRAY_SLOTS_LIMIT) throw new Malformed();
}

function checkRow(walk: Walk, id: number): { value: unknown; slots: number } {
  const known = walk.done.get(id);
  if (known) return known;
  if (walk.open.includes(id)) throw new Malformed();
  const from = walk.open.at(-1);
  // React resolves a streamed row as it arrives: a reference to a row still to come is "Invalid forward reference".
  if (walk.arrival && from !== undefined && !(walk.arrival.get(id)! < walk.arrival.get(from)!)) throw new Malformed();
  const texts = walk.rows(id);
  if (texts.length === 0) throw new Malformed();
  walk.open.push(id);
  let result = { value: undefined as unknown, slots: 0 };
  for (const text of texts) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new Malformed();
    }
    const tree: ArrayTree = { slots: 0 };
    walk.parsed.set(id, value);
    checkValue(walk, value, Array.isArray(value) ? tree : null, 0);
    result = { value, slots: Math.max(result.slots, typeof value === "string" ? value.length : tree.slots) };
  }
  walk.open.pop();
  walk.done.set(id, result);
  return result;
}

function checkValue(walk: Walk, value: unknown, tree: ArrayTree | null, depth: number): void {
  if (depth > DEPTH_LIMIT) throw new Malformed();
  if (typeof value === "string") return checkString(walk, value, tree);
  if (Array.isArray(value)) {
    bump(tree, value.length + 1);
    for (const item of value) checkValue(walk, item, tree, depth + 1);
  } else if (value !== null && typeof value === "object") {
    // An object starts a new array tree for what it holds, as React counts.
    for (const item of Object.values(value))
      checkValue(walk, item, Array.isArray(item) ? { slots: 0 } : null, depth + 1);
  }
}

const OUTLINED = /^\$([0-9a-f]+)((?::[^:]+)*)$/;

function checkString(walk: Walk, text: string, tree: ArrayTree | null): void {
  if (text[0] !== "$") return bump(tree, text.length);
  const kind = text[1];
  // "$$…" an escaped dollar; undefined, Infinity, NaN, -0/-Infinity, a hole, a date: values, nothing to resolve.
  if (kind === "$") return bump(tree, text.length - 1);
  if (kind !== undefined && "uIN-HD".includes(kind)) return;
  // The form itself (its fields travel beside the rows): never throws.
  if (kind === "K") return;
  if (kind === "n") {
    if (!new RegExp(`^-?\\d{1,${BIGINT_DIGITS_LIMIT}}$`).test(text.slice(2))) throw new Malformed();
    return bump(tree, text.length - 2);
  }
  if (kind === "@") {
    if (!/^[0-9a-f]+$/.test(text.slice(2))) throw new Malformed();
    checkRow(walk, parseInt(text.slice(2), 16));
    return;
  }
  const outlined = OUTLINED.exec(text);
  // Server references, temporary references, Maps, Sets, typed arrays, blobs, streams, iterators: the
  // portal's forms send none of them.
  if (!outlined) throw new Malformed();
  const id = parseInt(outlined[1]!, 16);
  // A reference into a row being decoded ("$0:0:values": React's client writes one for an object it has
  // already sent) is resolved once that row is done; a reference to another row, at once.
  const open = walk.open.includes(id);
  let target = open ? walk.parsed.get(id) : checkRow(walk, id).value;
  for (const key of outlined[2]!.split(":").slice(1)) {
    // The path runs through the values as decoded: plain objects and arrays, own keys, no special values.
    if (target === null || typeof target !== "object" || key === "__proto__" || !Object.hasOwn(target, key)) {
      throw new Malformed();
    }
    target = (target as Record<string, unknown>)[key];
    if (typeof target === "string" && target.startsWith("$")) throw new Malformed();
  }
  bump(tree, open ? (JSON.stringify(target)?.length ?? 0) : checkRow(walk, id).slots);
}

function sound(check: () => void): boolean {
  try {
    check();
    return true;
  } catch (error) {
    if (error instanceof Malformed || error instanceof RangeError) return false;
    throw error;
  }
}

function walkOver(rows: ReplyRows, arrival?: Map<number, number>): Walk {
  return { rows, arrival, done: new Map(), open: [], parsed: new Map() };
}

/** A field name React's streaming decoder would read as a row (resolveField: `+name`, or `+rest` after "S"). */
function readsAsRow(name: string): boolean {
  if (name === "S") return false;
  const id = +(name.startsWith("S") ? name.slice(1) : name);
  return Number.isSafeInteger(id) && id >= 0;
}

/**
 * A fetch action's arguments (a `Next-Action` post), from the body's fields in the order they arrive
 * (text, or null for a file; a text body is the one field "0"). Row 0 must be an array of at most
 * 1,000 arguments whose references all resolve to rows sent before the row referring to them (React
 * decodes the rows as they stream in). A field React would read as a row must be one, exactly once:
 * "00", "", "S1" or a repeated "1" make its decoder throw.
 */
export function isSoundFetchReply(fields: [string, string | null][]): boolean {
  const texts = new Map<number, string>();
  const arrival = new Map<number, number>();
  for (const [index, [name, value]] of fields.entries()) {
    if (!readsAsRow(name)) continue;
    const id = Number(name);
    if (String(id) !== name || arrival.has(id)) return false;
    arrival.set(id, index);
    if (value !== null) texts.set(id, value);
  }
  return sound(() => {
    const walk = walkOver((id) => (texts.has(id) ? [texts.get(id)!] : []), arrival);
    const root = checkRow(walk, 0).value;
    if (!Array.isArray(root) || root.length > ARGUMENTS_LIMIT) throw new Malformed();
  });
}

/**
 * A plain form post's action (no JavaScript): for every `$ACTION_REF_<p>` field, `$ACTION_<p>:0` must be
 * `{"id": "…", "bound": null | "$@<row>"}` with the bound arguments an array of at most 1,000, and every
 * row it references sound. Posts without such fields are not bound actions and pass (Next.js judges the rest).
 */
export function isSoundFormAction(entries: Iterable<[string, FormDataEntryValue]>): boolean {
  const texts = new Map<string, string[]>();
  const prefixes: string[] = [];
  for (const [name, value] of entries) {
    if (name.startsWith("$ACTION_REF_")) prefixes.push(`$ACTION_${name.slice("$ACTION_REF_".length)}:`);
    // A file where a row should be is no row at all (React looks rows up among the text fields).
    if (typeof value === "string") texts.set(name, [...(texts.get(name) ?? []), value]);
  }
  return prefixes.every((prefix) =>
    sound(() => {
      const walk = walkOver((id) => texts.get(`${prefix}${id}`) ?? []);
      const root = checkRow(walk, 0).value;
      if (root === null || typeof root !== "object" || Array.isArray(root)) throw new Malformed();
      const { id, bound } = root as { id?: unknown; bound?: unknown };
      if (typeof id !== "string") throw new Malformed();
      if (bound === null) return;
      if (typeof bound !== "string" || !bound.startsWith("$@")) throw new Malformed();
      const args = checkRow(walk, parseInt(bound.slice(2), 16)).value;
      if (!Array.isArray(args) || args.length > ARGUMENTS_LIMIT) throw new Malformed();
    }),
  );
}
