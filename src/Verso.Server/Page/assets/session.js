// Who is signed in, from GET /api/v1/caller; the views offer only the actions the token may take.

/** The caller: {name, role: reader|writer|admin, kinds, act_as}, or null before sign-in. */
export const session = { caller: null };

/** True when the caller may write entities of kind (the API refuses the rest anyway). */
export function mayWrite(kind) {
  const caller = session.caller;
  if (!caller || caller.role === 'reader') return false;
  return caller.kinds.length === 0 || caller.kinds.includes(kind);
}
