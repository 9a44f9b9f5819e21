import { z } from "zod";
import { USER_ROLES } from "@/db/schema";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/policy";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter an email address.")
  .max(254, "Use at most 254 characters.")
  .pipe(z.email("Enter a valid email address."));

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(1024, "Use at most 1,024 characters.");

/** A user as an admin enters them; the other forms take parts of it. */
export const userSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "Enter a name.").max(120, "Use at most 120 characters."),
  role: z.enum(USER_ROLES, "Choose a role."),
  password: passwordSchema,
});

export const userCreateSchema = userSchema;
export const userDetailsSchema = userSchema.pick({ name: true, role: true });
export const passwordResetSchema = userSchema.pick({ password: true });
export const userStatusSchema = z.object({
  active: z.enum(["true", "false"], "Choose active or deactivated.").transform((v) => v === "true"),
});

/** Changing one's own password: the current one proves it is really them. */
export const passwordChangeSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(1024),
    newPassword: passwordSchema,
    confirmPassword: z.string().max(1024),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords differ.",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one.",
  });

export type UserCreateInput = z.infer<typeof userCreateSchema>;
