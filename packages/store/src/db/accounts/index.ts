export { publicToken, type Accounts, publicUser } from "./accounts.js";
export type { PublicToken, PublicUser, SessionRecord, TokenRecord, UserChangeCheck, UserPatch, UserRecord } from "./types.js";
