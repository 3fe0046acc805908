"use server";
// The case file's two steps on a fulfilment task (plain posts; they work without JavaScript): retry, and
// not applicable with a note. Parsing here; the role, the task's state and its version are checked in
// lib/backoffice/case/task-steps.ts. Both return to the panel with what happened.
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { requireStaff } from "@/lib/backoffice/access/staff-gate";
import { markTaskNotApplicable, retryTask, TASK_NOTE_MAX, type TaskStepResult } from "@/lib/backoffice/case/task-steps";
import { db } from "@/lib/db/client";
import { text } from "@/lib/input/schemas";
import { postedForm } from "@/lib/security/posted-form";

const target = z.object({
  locale: z.enum(["de", "en"]),
  reference: text({ max: 40 }).pipe(z.string().min(1)),
  taskId: z.string().min(1).max(40),
  version: z.coerce.number().int().min(0),
});

async function posted(received: FormData) {
  const form = postedForm(received);
  const parsed = target.safeParse({
    locale: form.get("locale"),
    reference: form.get("reference"),
    taskId: form.get("taskId"),
    version: form.get("version"),
  });
  if (!parsed.success) notFound();
  const path = `/${parsed.data.locale}/backoffice/requests/${encodeURIComponent(parsed.data.reference)}`;
  const viewer = await requireStaff(parsed.data.locale, "task.act", path);
  return { ...parsed.data, form, path, viewer };
}

function back(
  path: string,
  taskId: string,
  result: TaskStepResult | { ok: false; code: "note_too_long" | "note_invalid" },
  done: string,
): never {
  const query = result.ok ? `task=${done}` : `taskError=${result.code}&taskId=${encodeURIComponent(taskId)}`;
  redirect(`${path}?${query}#case-fulfilment`);
}

/** Retry a failed or dead-lettered task now. */
export async function retryTaskAction(received: FormData): Promise<void> {
  const { path, viewer, reference, taskId, version } = await posted(received);
  back(path, taskId, await retryTask(db(), viewer, { reference, taskId, version }), "retried");
}

/** Mark an unfinished task not applicable; the note saying why is required. */
export async function markTaskNotApplicableAction(received: FormData): Promise<void> {
  const { form, path, viewer, reference, taskId, version } = await posted(received);
  const note = text({ max: TASK_NOTE_MAX, multiline: true }).safeParse(form.get("note") ?? "");
  const result = note.success
    ? await markTaskNotApplicable(db(), viewer, { reference, taskId, version, note: note.data })
    : ({ ok: false, code: note.error.issues[0]?.message === "too_long" ? "note_too_long" : "note_invalid" } as const);
  back(path, taskId, result, "not_applicable");
}
