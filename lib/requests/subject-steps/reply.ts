// The subject writes to the team on their case page: the answer to the team's question while it
// waits for one (Art. 12(6)), else a message, with files or without. Every message alerts the staff
// and every file takes disk space, so a signed-in subject may send only so many messages and files per
// window (the abuse limits `message_user` and `upload_user`, keyed on the account), and the files of
// one request together may not exceed `caseMaxBytes`. A refusal stores nothing and sends nothing.
import type { Tx } from "../../db/tx";
import type { CheckedUpload } from "../../attachments/check-uploads";
import { withStagedAttachments } from "../../attachments/store-attachments";
import { consumeLimits, type RateLimitContext } from "../../security/rate-limit";
import { findOwnRequest, takeSubjectStep, type SubjectContext, type SubjectStepResult } from "./subject-step";

export interface ReplyLimits {
  /** The abuse limits (lib/security/rate-limit.ts); `message_user` and `upload_user` apply here. */
  rateLimits: RateLimitContext;
  /** The most all files from the subject's side of one request may take, in bytes (ATTACHMENT_CASE_MAX_MB). */
  caseMaxBytes: number;
}

export type ReplyResult =
  | SubjectStepResult
  /** Too many messages (`message_user`) or files (`upload_user`) this window; may try again after that many seconds. */
  | { ok: false; reason: "limited"; limit: "message_user" | "upload_user"; retryAfterSeconds: number }
  /** The files would take the request's attachments over `maxBytes`. */
  | { ok: false; reason: "case_total"; maxBytes: number };

export async function replyToCase(
  context: SubjectContext,
  limits: ReplyLimits,
  reference: string,
  message: string,
  files: CheckedUpload[],
): Promise<ReplyResult> {
  const request = await findOwnRequest(context, reference);
  if (!request) return { ok: false, reason: "not_found" };
  const overCase = { ok: false, reason: "case_total", maxBytes: limits.caseMaxBytes } as const;
  const adding = files.reduce((sum, file) => sum + file.size, 0);
  // Before anything is written to disk; checked again, exactly, inside the step below.
  if (files.length > 0 && (await subjectBytes(context.db, request.id)) + adding > limits.caseMaxBytes) return overCase;

  const key = context.subject.id;
  const limited = await consumeLimits(
    context.db,
    [
      { limit: "message_user", key },
      ...(files.length > 0 ? [{ limit: "upload_user" as const, key, cost: files.length }] : []),
    ],
    limits.rateLimits,
  );
  if (!limited.ok) {
    const limit = limited.limit === "upload_user" ? "upload_user" : "message_user";
    return { ok: false, reason: "limited", limit, retryAfterSeconds: limited.retryAfterSeconds };
  }

  try {
    // The files are kept only if the message's step commits and records them.
    return await withStagedAttachments(context.db, context.settings.attachmentsDir, files, (staged) =>
      takeSubjectStep(
        context,
        request,
        (status) =>
          status === "awaiting_subject"
            ? { name: "record_subject_response", input: { message } }
            : { name: "send_message", input: { message } },
        async (tx, step) => {
          await staged.record(tx, { requestId: step.requestId, messageId: step.messageId, uploadedBy: "subject" });
          // Exact here: a concurrent step on the same request has lost the optimistic lock by now.
          if (staged.count > 0 && (await subjectBytes(tx, step.requestId)) > limits.caseMaxBytes) {
            throw new OverCaseTotal();
          }
        },
      ),
    );
  } catch (error) {
    if (error instanceof OverCaseTotal) return overCase;
    throw error;
  }
}

class OverCaseTotal extends Error {}

/** Bytes the subject's side (the subject, or an agent for them) has attached to the request so far. */
async function subjectBytes(db: Pick<Tx, "attachment">, requestId: string): Promise<number> {
  const sum = await db.attachment.aggregate({
    where: { requestId, uploadedBy: { in: ["subject", "agent"] } },
    _sum: { size: true },
  });
  return sum._sum.size ?? 0;
}
