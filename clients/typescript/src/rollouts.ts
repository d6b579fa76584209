// The rollout bucket as every Verso face computes it (the server, the CLI, the MCP tool, the Python client):
// the first 8 bytes of SHA-256 over the UTF-8 of `salt + ":" + subject`, a big-endian unsigned integer, mod 10,000.

/** A rollout has 10,000 buckets: weights are in basis points. */
export const BUCKETS = 10_000;

/** A rollout as `GET …/rollouts/{label}` answers it (the members the bucket layout needs). */
export interface RolloutLayout {
  state: string;
  control: number;
  salt: string;
  candidates: { version: number; ranges: number[][] }[];
}

/** The bucket of `subject` under a rollout's `salt` (Web Crypto: node 18+ and browsers). */
export async function rolloutBucket(salt: string, subject: string): Promise<number> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${salt}:${subject}`));
  return Number(new DataView(digest).getBigUint64(0, false) % BigInt(BUCKETS));
}

/** The version `rollout` serves `subject`: the candidate whose ranges ([start, end)) hold its bucket, else the control. */
export async function rolloutVersionFor(rollout: RolloutLayout, subject?: string): Promise<number> {
  if (rollout.state !== "active" || subject === undefined) {
    return rollout.control;
  }
  const bucket = await rolloutBucket(rollout.salt, subject);
  const candidate = rollout.candidates.find((c) => c.ranges.some(([start, end]) => start <= bucket && bucket < end));
  return candidate?.version ?? rollout.control;
}
