import localFont from "next/font/local";

// Inter's Latin subset (Basic Latin and Latin-1: German and English) from the same package the
// portal used before, now through next/font: it is preloaded, and the fallback face it generates
// (Arial with Inter's metrics: size-adjust, ascent and descent overrides) takes up the same room, so
// the swap when the font arrives moves nothing (it moved the whole page: CLS 0.32 in Lighthouse).
// Letters outside that subset (ř, ł, …) show in the adjusted fallback.
export const siteFont = localFont({
  src: "../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  weight: "100 900",
  style: "normal",
  display: "swap",
  variable: "--font-inter",
  adjustFontFallback: "Arial",
});
