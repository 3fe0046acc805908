// A holiday region names the controller's place: a country ("DE", "AT") or a country and one of its states
// ("DE-NW"). Public holidays differ by German state, so the state matters for where a period may end
// (Reg. 1182/71 Art. 3(4)). date-holidays is the source of truth for which countries and states exist.
import Holidays from "date-holidays";

export interface Region {
  /** The region as written canonically, e.g. "DE-NW" or "AT". */
  code: string;
  country: string;
  state?: string;
}

// One catalogue instance answers "which countries / states exist"; it holds no country's rules.
const catalogue = new Holidays();

/** Why `region` is not a usable holiday region, or undefined when it is. */
export function regionProblem(region: string): string | undefined {
  const parts = region.trim().toUpperCase().split("-");
  const [country, state, ...rest] = parts;
  if (!country || rest.length > 0 || parts.some((part) => part === "")) {
    return `holiday region "${region}" must be a country code like "DE" or a country and state like "DE-NW"`;
  }
  const countries = catalogue.getCountries("en");
  if (!Object.hasOwn(countries, country)) {
    return `unknown holiday region "${region}": no country "${country}" in the holiday calendar`;
  }
  if (state === undefined) return undefined;
  const states = catalogue.getStates(country) ?? {};
  if (!Object.hasOwn(states, state)) {
    const known = Object.keys(states);
    const hint = known.length > 0 ? `; known states: ${known.join(", ")}` : "; it has no states, use the country alone";
    return `unknown holiday region "${region}": ${countries[country]} (${country}) has no state "${state}"${hint}`;
  }
  return undefined;
}

/** Splits and checks a region; throws a RangeError with a readable message when it does not exist. */
export function parseRegion(region: string): Region {
  const problem = regionProblem(region);
  if (problem) throw new RangeError(problem);
  const [country = "", state] = region.trim().toUpperCase().split("-");
  return state === undefined ? { code: country, country } : { code: `${country}-${state}`, country, state };
}
