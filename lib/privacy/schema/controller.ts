// content/controller.ts: who is responsible (Art. 13(1)(a)), the DPO (13(1)(b)), the authority a
// person may complain to (13(2)(d), 77), and where the controller's deadlines are counted.
import { z } from "zod";
import { regionProblem, timeZoneProblem } from "../../deadlines";
import { email, httpsUrl, localized, phone, postalAddress, text } from "./common";

export const controllerFileSchema = z.strictObject({
  controller: z.strictObject({
    name: text,
    address: postalAddress,
    email,
    phone: phone.optional(),
    website: httpsUrl.optional(),
  }),
  dpo: z.strictObject({
    name: text,
    address: postalAddress,
    phone,
    email,
  }),
  supervisoryAuthority: z.strictObject({
    name: localized,
    shortName: text,
    address: postalAddress,
    phone: phone.optional(),
    email: email.optional(),
    website: httpsUrl,
  }),
  /** IANA zone of the controller's seat: the day of receipt and a period's last day are counted in it. */
  timeZone: text.superRefine((zone, ctx) => {
    const problem = timeZoneProblem(zone);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  /** Whose public holidays end a period a day later (Reg. 1182/71 Art. 3(4)): "DE-NW" for Cologne. */
  holidayRegion: text.superRefine((region, ctx) => {
    const problem = regionProblem(region);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
});

export type ControllerFileInput = z.input<typeof controllerFileSchema>;
export type ControllerFile = z.output<typeof controllerFileSchema>;
