// What a data subject may attach to a request or a message. Pure: the byte limit comes
// from the configuration (ATTACHMENT_MAX_MB) through uploadLimitsFromConfig.
import type { AppConfig } from "../config/app-config";

export const ALLOWED_CONTENT_TYPES = ["application/pdf", "image/png", "image/jpeg"] as const;
export type AttachmentContentType = (typeof ALLOWED_CONTENT_TYPES)[number];

/** Files per form submission: enough for an ID card's two sides and a few documents. */
export const MAX_FILES_PER_SUBMISSION = 5;
/** Longest file name kept (after sanitising), in characters. */
export const MAX_FILE_NAME_LENGTH = 200;

export interface UploadLimits {
  maxBytesPerFile: number;
  maxFiles: number;
}

export function uploadLimitsFromConfig(config: Pick<AppConfig, "attachmentMaxBytes">): UploadLimits {
  return { maxBytesPerFile: config.attachmentMaxBytes, maxFiles: MAX_FILES_PER_SUBMISSION };
}
