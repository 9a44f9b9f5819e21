"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { EmailTakenError } from "@/db/queries/users";
import { fieldErrors, type ActionState } from "@/lib/actions";
import { requestIp } from "@/lib/audit";
import { withRole } from "@/lib/auth/guards";
import {
  createUser,
  LastAdminError,
  resetUserPassword,
  setUserActive,
  updateUserDetails,
} from "@/lib/auth/user-admin";
import { passwordResetSchema, userCreateSchema, userDetailsSchema, userStatusSchema } from "@/lib/validation/user";

export type UserFormState = ActionState<{ email: string; name: string; role: string; password: string }>;
export type PasswordResetState = ActionState<{ password: string }>;
export type UserStatusState = ActionState<{ active: string }>;

const CHECK_FIELDS = "Check the highlighted fields.";
const NO_SUCH_USER = "This user no longer exists.";

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

export const createUserAction = withRole(
  "admin",
  async (admin, _prev: UserFormState, formData: FormData): Promise<UserFormState> => {
    const values = { email: text(formData, "email"), name: text(formData, "name"), role: text(formData, "role") };
    const parsed = userCreateSchema.safeParse({ ...values, password: text(formData, "password") });
    if (!parsed.success) return { message: CHECK_FIELDS, errors: fieldErrors(parsed.error), values };
    let id: number;
    try {
      ({ id } = await createUser(parsed.data, { actor: admin, ip: await requestIp() }));
    } catch (error) {
      if (error instanceof EmailTakenError) {
        return { message: CHECK_FIELDS, errors: { email: [error.message] }, values };
      }
      throw error;
    }
    revalidatePath("/admin/users", "layout");
    redirect(`/admin/users?created=${id}`);
  },
);

export const updateUserDetailsAction = withRole(
  "admin",
  async (admin, userId: number, _prev: UserFormState, formData: FormData): Promise<UserFormState> => {
    const values = { name: text(formData, "name"), role: text(formData, "role") };
    const parsed = userDetailsSchema.safeParse(values);
    if (!parsed.success) return { message: CHECK_FIELDS, errors: fieldErrors(parsed.error), values };
    try {
      const user = await updateUserDetails(Number(userId), parsed.data, { actor: admin, ip: await requestIp() });
      if (!user) return { message: NO_SUCH_USER, values };
    } catch (error) {
      if (error instanceof LastAdminError) return { message: error.message, errors: { role: [error.message] }, values };
      throw error;
    }
    revalidatePath("/admin/users", "layout");
    return { ok: true, message: "Saved.", values };
  },
);

export const resetUserPasswordAction = withRole(
  "admin",
  async (admin, userId: number, _prev: PasswordResetState, formData: FormData): Promise<PasswordResetState> => {
    if (Number(userId) === admin.id) {
      return { message: "Change your own password under Your account, where it keeps you signed in." };
    }
    const parsed = passwordResetSchema.safeParse({ password: text(formData, "password") });
    if (!parsed.success) return { message: CHECK_FIELDS, errors: fieldErrors(parsed.error) };
    const user = await resetUserPassword(Number(userId), parsed.data.password, { actor: admin, ip: await requestIp() });
    if (!user) return { message: NO_SUCH_USER };
    revalidatePath("/admin/users", "layout");
    return { ok: true, message: `Password reset. ${user.name} has been signed out everywhere.` };
  },
);

export const setUserActiveAction = withRole(
  "admin",
  async (admin, userId: number, _prev: UserStatusState, formData: FormData): Promise<UserStatusState> => {
    const parsed = userStatusSchema.safeParse({ active: text(formData, "active") });
    if (!parsed.success) return { message: CHECK_FIELDS, errors: fieldErrors(parsed.error) };
    let name: string;
    try {
      const user = await setUserActive(Number(userId), parsed.data.active, { actor: admin, ip: await requestIp() });
      if (!user) return { message: NO_SUCH_USER };
      name = user.name;
    } catch (error) {
      if (error instanceof LastAdminError) return { message: error.message };
      throw error;
    }
    revalidatePath("/admin/users", "layout");
    return {
      ok: true,
      message: parsed.data.active ? `${name} can sign in again.` : `${name} is deactivated and has been signed out.`,
    };
  },
);
