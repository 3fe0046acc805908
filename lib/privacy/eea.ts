// The European Economic Area: the EU member states plus Iceland, Liechtenstein and Norway. A transfer
// to any other country needs a safeguard under Chapter V GDPR (Art. 44-49).
const EEA = new Set(
  "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK"
    .split(" ")
    .concat(["IS", "LI", "NO"]),
);

export function isThirdCountry(country: string): boolean {
  return !EEA.has(country);
}
