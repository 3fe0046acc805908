// What the enrolment page shows for a new secret: the QR code an authenticator app scans and the
// same key for typing by hand, for a phone whose camera cannot be used.
import QRCode from "qrcode";
import { totpUri } from "./totp";

export interface EnrolmentKey {
  /** otpauth://totp/<issuer>:<label>?secret=…&issuer=… (Key Uri Format, as authenticator apps read it). */
  uri: string;
  /** The base32 secret in groups of four, e.g. "JBSW Y3DP EHPK 3PXP …". */
  manualKey: string;
  /** The URI as a QR code: a whole <svg> element, to be put in the page as it is (no script, no external reference). */
  qrSvg: string;
}

/** The key of `secret` for the entry `issuer`: `label` (the staff member's address). */
export async function enrolmentKey(secret: string, issuer: string, label: string): Promise<EnrolmentKey> {
  const uri = totpUri(secret, issuer, label);
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { uri, manualKey: secret.match(/.{1,4}/g)!.join(" "), qrSvg };
}
