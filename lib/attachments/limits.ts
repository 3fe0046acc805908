// What a data subject may attach to a request or a message. Pure: the byte limit comes
// from the configuration (ATTACHMENT_MAX_MB) through uploadLimitsFromConfig.
import type { AppConfig } from "../config/app-config";

export const ALLOWED_CONTENT_TYPES = ["application/pdf", "image/png", "image/jpeg"] as const;
export type AttachmentContentType = (typeof ALLOWED_CONTENT_TYPES)[number];

/** Files per form submission: enough for an ID card's two sides and a few documents. */
export const MAX_FILES_PER_SUBMISSION = 5;
/** Longest file name kept (after sanitising), in characters. */
export const MAX_FILE_NAME_LENGTH = 200;

/**
 * The largest request body the portal accepts (a form with up to five files and its fields). The
 * same number is in next.config.js (server actions, the proxy's buffer), which cannot import it.
 * Over it, the gate in front of Next.js (lib/request-gate/) answers 413 before any form is parsed.
 */
export const MAX_REQUEST_BODY_BYTES = 25 * 1024 * 1024;

export interface UploadLimits {
  maxBytesPerFile: number;
  maxFiles: number;
}

export function uploadLimitsFromConfig(config: Pick<AppConfig, "attachmentMaxBytes">): UploadLimits {
  return { maxBytesPerFile: config.attachmentMaxBytes, maxFiles: MAX_FILES_PER_SUBMISSION };
}

/** The limits as the forms state them: files per post and whole megabytes per file. */
export function shownUploadLimits(limits: UploadLimits): { files: number; megabytes: number } {
  return { files: limits.maxFiles, megabytes: Math.floor(limits.maxBytesPerFile / (1024 * 1024)) };
}
