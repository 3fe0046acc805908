// Whether a server action's arguments, as the browser encodes them, will decode. React encodes them as
// "reply rows": JSON texts in form fields, where a string starting with "$" is a reference or a special
// value (react-server-dom-*/server: parseModelString). Its decoder throws on a broken row, a missing
// or circular reference, a bad BigInt, an over-long array, too many arguments…, and Next.js answers
// every such throw with 500. These checks accept what the portal's forms send (plain JSON state, the
// form itself as "$K…", references between rows) and refuse the rest, so the gate can answer 400.
// Stricter than React on purpose: a kind of reference the portal never sends is refused, not decoded.

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
export type ReplyRows = (id: number) => string[];

interface Walk {
  rows: ReplyRows;
  /** Row id → its parsed value and the array slots it brings where it is referenced. */
  done: Map<number, { value: unknown; slots: number }>;
  /** Rows being checked: a reference back to one of them is a cycle. */
  open: Set<number>;
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
  if (walk.open.has(id)) throw new Malformed();
  const texts = walk.rows(id);
  if (texts.length === 0) throw new Malformed();
  walk.open.add(id);
  let result = { value: undefined as unknown, slots: 0 };
  for (const text of texts) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new Malformed();
    }
    const tree: ArrayTree = { slots: 0 };
    checkValue(walk, value, Array.isArray(value) ? tree : null, 0);
    result = { value, slots: Math.max(result.slots, typeof value === "string" ? value.length : tree.slots) };
  }
  walk.open.delete(id);
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
  const row = checkRow(walk, parseInt(outlined[1]!, 16));
  let target = row.value;
  for (const key of outlined[2]!.split(":").slice(1)) {
    if (target === null || typeof target !== "object" || !Object.hasOwn(target, key)) throw new Malformed();
    target = (target as Record<string, unknown>)[key];
  }
  bump(tree, row.slots);
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

function walkOver(rows: ReplyRows): Walk {
  return { rows, done: new Map(), open: new Set() };
}

/**
 * A fetch action's arguments (a `Next-Action` post): row 0 must be an array of at most 1,000
 * arguments whose references all resolve. `rows(id)` gives the texts of row `id`: the form fields
 * named `id` of a multipart body, or the whole body (row 0) of a text one.
 */
export function isSoundFetchReply(rows: ReplyRows): boolean {
  return sound(() => {
    const walk = walkOver(rows);
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
