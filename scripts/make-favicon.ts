// Writes app/favicon.ico from app/icon.svg: browsers and tools still ask for /favicon.ico
// (a 404 there was a console error on every page). Renders the SVG in Chromium at 16, 32
// and 48 px and packs the PNGs into one ICO file (PNG entries, as every current browser reads).
// Run after changing the icon: npx tsx scripts/make-favicon.ts
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { CHROMIUM, CHROMIUM_ARGS } from "./test/chromium";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const svg = fs.readFileSync(path.join(root, "app/icon.svg"), "utf8");
const sizes = [16, 32, 48];

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const pngs: Buffer[] = [];
for (const size of sizes) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
  await page.setContent(`<body style="margin:0;background:transparent">${sized}</body>`);
  pngs.push(await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
  await page.close();
}
await browser.close();

// ICONDIR (6 bytes), one ICONDIRENTRY (16 bytes) per image, then the images.
const header = Buffer.alloc(6);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(pngs.length, 4);
let offset = 6 + 16 * pngs.length;
const entries = pngs.map((png, i) => {
  const entry = Buffer.alloc(16);
  entry.writeUInt8(sizes[i]! % 256, 0);
  entry.writeUInt8(sizes[i]! % 256, 1);
  entry.writeUInt16LE(1, 4);
  entry.writeUInt16LE(32, 6);
  entry.writeUInt32LE(png.length, 8);
  entry.writeUInt32LE(offset, 12);
  offset += png.length;
  return entry;
});
fs.writeFileSync(path.join(root, "app/favicon.ico"), Buffer.concat([header, ...entries, ...pngs]));
console.log(`app/favicon.ico: ${sizes.join(", ")} px`);
