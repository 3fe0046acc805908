// The grounds a refusal may name, in the order the form lists them (the workflow's refusal schema).
import { refusalSchema } from "../../requests/workflow/commands";

export const refusalGrounds = refusalSchema.shape.grounds.element.options;
