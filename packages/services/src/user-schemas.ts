/** What a user name, password and role must look like: one definition for the API, the CLI and the docs. */
import { z } from "zod";
import { roles } from "./permissions.js";

export const MIN_PASSWORD_LENGTH = 10;

export const usernameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, { message: "2–64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit" });
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { message: `at least ${MIN_PASSWORD_LENGTH} characters` })
  .max(1024, { message: "at most 1024 characters" });
export const displayNameSchema = z.string().trim().min(1).max(200);
export const roleSchema = z.enum(roles);

export const newUserSchema = z.strictObject({
  username: usernameSchema,
  displayName: displayNameSchema.optional(),
  role: roleSchema,
  password: passwordSchema,
});
export type NewUser = z.infer<typeof newUserSchema>;

export const userChangeSchema = z
  .strictObject({
    role: roleSchema.optional(),
    password: passwordSchema.optional(),
    displayName: displayNameSchema.nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    message: "change at least one of role, password, displayName, disabled",
  });
export type UserChange = z.infer<typeof userChangeSchema>;

export const tokenNameSchema = z.string().trim().min(1).max(100);
