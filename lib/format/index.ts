// Everything the portal shows as a date, time, number or size goes through here: pages, client
// components, mails and the demo mailbox. Pure (Intl only), so it runs in the browser, in React
// Server Components and in the worker that renders mails. Pages take `portalFormat(locale)`
// (portal-format.ts), which adds the controller's time zone.
export { intlLocale } from "./conventions";
export { formatDate, formatDateTime, formatDay, formatMonth } from "./dates";
export { displayFormat, type DisplayFormat } from "./display-format";
export { maskedAddress } from "./masked-address";
export { formatEuro, formatFileSize, formatNumber, formatPercent } from "./numbers";
