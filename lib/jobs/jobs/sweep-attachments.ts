import { sweepOrphanFiles } from "../../attachments/sweep-orphan-files";
import type { Job } from "../job";

/** Attachment files no row names, left by a crash between writing and committing (lib/attachments/sweep-orphan-files.ts). */
export const sweepAttachments: Job = {
  name: "sweep-attachments",
  everyMs: 60 * 60 * 1000,
  async run({ db, clock, settings }) {
    return sweepOrphanFiles(db, settings.attachmentsDir, clock());
  },
};
