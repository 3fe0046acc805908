// What our sessions carry beyond next-auth's defaults: the user's id, language and staff role
// (null for a data subject).
import type { DefaultSession } from "next-auth";

type StaffRole = "dpo" | "privacy_team" | "admin" | "auditor";

declare module "next-auth" {
  interface User {
    role?: StaffRole | null;
    locale?: string;
  }

  interface Session {
    user: {
      id: string;
      email: string;
      locale: "de" | "en";
      role: StaffRole | null;
    } & Omit<NonNullable<DefaultSession["user"]>, "email">;
  }
}
