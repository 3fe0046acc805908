// A statement has one effective date, kept in content/versions.ts. Texts tend to repeat it
// ("Stand: Juli 2023", "Last updated June 2023") and then drift, as the seed statement did; this
// finds every such claim so the content check can hold it against the version's date.

export interface DateMention {
  /** The words as written, e.g. "Stand: Juli 2023". */
  text: string;
  /** Where in the searched string the mention starts. */
  offset: number;
  /** undefined when the keyword is followed by something that is not a readable date. */
  date?: { year: number; month: number; day?: number };
}

const MONTHS: Record<string, number> = {};
const monthNames = [
  ["januar", "jänner", "january", "jan"],
  ["februar", "february", "feb"],
  ["märz", "maerz", "march", "mar"],
  ["april", "apr"],
  ["mai", "may"],
  ["juni", "june", "jun"],
  ["juli", "july", "jul"],
  ["august", "aug"],
  ["september", "sept", "sep"],
  ["oktober", "october", "okt", "oct"],
  ["november", "nov"],
  ["dezember", "december", "dez", "dec"],
];
monthNames.forEach((names, index) => names.forEach((name) => (MONTHS[name] = index + 1)));
const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|")})\\.?`;

// "Stand" also starts "Stand der Technik", so it counts only with a colon or a date straight after it.
const KEYWORDS = [
  "stand",
  "zuletzt (?:geändert|aktualisiert|überarbeitet)(?: am)?",
  "gültig ab",
  "in kraft seit",
  "last (?:updated|changed|revised)(?: on)?",
  "effective (?:from|as of|since|on)",
  "in effect (?:from|since)",
].join("|");
const KEYWORD = new RegExp(`\\b(${KEYWORDS})\\b(\\s*:)?\\s*`, "giu");

const DATE_FORMS: { pattern: RegExp; read: (m: RegExpExecArray) => DateMention["date"] }[] = [
  { pattern: /^(\d{4})-(\d{2})-(\d{2})\b/, read: (m) => ({ year: +m[1]!, month: +m[2]!, day: +m[3]! }) },
  { pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{4})\b/, read: (m) => ({ year: +m[3]!, month: +m[2]!, day: +m[1]! }) },
  {
    pattern: new RegExp(`^(\\d{1,2})\\.?\\s+${MONTH}\\s+(\\d{4})\\b`, "iu"),
    read: (m) => ({ year: +m[3]!, month: MONTHS[m[2]!.toLowerCase()]!, day: +m[1]! }),
  },
  {
    pattern: new RegExp(`^${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, "iu"),
    read: (m) => ({ year: +m[3]!, month: MONTHS[m[1]!.toLowerCase()]!, day: +m[2]! }),
  },
  {
    pattern: new RegExp(`^${MONTH}\\s+(\\d{4})\\b`, "iu"),
    read: (m) => ({ year: +m[2]!, month: MONTHS[m[1]!.toLowerCase()]! }),
  },
  { pattern: /^(\d{1,2})\/(\d{4})\b/, read: (m) => ({ year: +m[2]!, month: +m[1]! }) },
];

export function findDateMentions(text: string): DateMention[] {
  const mentions: DateMention[] = [];
  for (const keyword of text.matchAll(KEYWORD)) {
    const rest = text.slice(keyword.index + keyword[0].length);
    let date: DateMention["date"];
    let length = 0;
    for (const form of DATE_FORMS) {
      const m = form.pattern.exec(rest);
      if (m) {
        date = form.read(m);
        length = m[0].length;
        break;
      }
    }
    const hasColon = Boolean(keyword[2]);
    if (!date && !hasColon) continue;
    const shown = date ? keyword[0] + rest.slice(0, length) : keyword[0] + rest.split(/[.\n]/)[0];
    mentions.push({ text: shown.trim(), offset: keyword.index, date });
  }
  return mentions;
}

/** Why `mention` contradicts `effective` ("2023-07-01"), or undefined when it agrees at the precision written. */
export function dateMentionProblem(mention: DateMention, effective: string): string | undefined {
  if (!mention.date) return `"${mention.text}" names no readable date; write it like "Stand: Juli 2023"`;
  const [year, month, day] = effective.split("-").map(Number);
  const { date } = mention;
  const agrees = date.year === year && date.month === month && (date.day === undefined || date.day === day);
  if (agrees) return undefined;
  return `"${mention.text}" contradicts the version's effective date ${effective} (versions.ts)`;
}
