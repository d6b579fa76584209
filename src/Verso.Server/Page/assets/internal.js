// Verso's own bookkeeping: change requests and checks (they have their own views) and a host's verso-… records.
// The overview, recent changes and a version's decisions show configuration only.

/** Whether records of kind are internal rather than configuration. */
export function isInternal(kind) {
  return kind === 'change-request' || kind === 'check' || String(kind).startsWith('verso-');
}
