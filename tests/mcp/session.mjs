// One scripted agent session through the official MCP TypeScript SDK's client, against `verso mcp` (stdio)
// or `verso serve`'s /mcp (streamable HTTP). The person's part (approve, apply) and the referrers check go
// through the REST API, as a reviewer would. Prints one JSON summary line; any failed expectation exits 1.
//
// node session.mjs '{"transport":"stdio","command":"dotnet","args":[...],"rest":"http://…","agentToken":"…","personToken":"…"}'
// node session.mjs '{"transport":"http","url":"http://…/mcp","rest":"http://…","agentToken":"…","personToken":"…"}'
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const options = JSON.parse(process.argv[2]);
const expect = (condition, what) => {
  if (!condition) {
    throw new Error(`expected ${what}`);
  }
};

const transport = options.transport === 'stdio'
  ? new StdioClientTransport({ command: options.command, args: options.args, stderr: 'inherit' })
  : new StreamableHTTPClientTransport(new URL(options.url), {
      requestInit: { headers: { Authorization: `Bearer ${options.agentToken}` } },
    });
const client = new Client({ name: 'verso-session-test', version: '1.0.0' });
await client.connect(transport);

async function call(name, args) {
  // callTool validates structuredContent against the tool's outputSchema (Ajv) before answering.
  const result = await client.callTool({ name, arguments: args });
  if (result.isError) {
    throw new Error(`${name} failed: ${result.content?.[0]?.text}`);
  }
  return result.structuredContent;
}

async function rest(method, path, body) {
  const response = await fetch(options.rest + path, {
    method,
    headers: { Authorization: `Bearer ${options.personToken}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  expect(response.ok, `${method} ${path} to succeed, got ${response.status} ${text}`);
  return JSON.parse(text);
}

const tools = (await client.listTools()).tools.map(t => t.name).sort();
const templates = (await client.listResourceTemplates()).resourceTemplates.map(t => t.uriTemplate).sort();

// 1. The task starts: resolve alice's charter once, keep the pin.
const first = await call('resolve', { ref: 'agent/alice' });
expect(first.version === 1 && first.pin.ref === 'agent/alice@1', `alice@1 in force, got ${first.ref}`);

// 2. A decision pinned to what was resolved at the start.
const decision = await call('record_decision', {
  task: 'task-1', executor: 'alice', reviewer: 'ravi', decision: 'approved',
  started_at: first.resolved_at, pins: [first.pin], reason: 'tests cover the change',
});
expect(decision.pinned.some(p => p.ref === 'agent/alice@1' && p.hash === first.hash), 'the decision to pin alice@1');

// 3. The agent proposes a charter change; it cannot apply it.
const charter = first.content.charter + '- Flag changes to secrets handling.\n';
const proposal = await call('propose_change', {
  kind: 'agent', id: 'alice', message: 'flag secrets changes',
  patch: [{ op: 'replace', path: '/charter', value: charter }],
});
const cr = proposal.change_request.id;
expect(proposal.change_request.status === 'open', 'an open change request');
let refused = false;
try {
  await client.callTool({ name: 'apply', arguments: { cr } });
} catch {
  refused = true;
}
expect(refused, 'no apply tool');
const stillFirst = await call('resolve', { ref: 'agent/alice' });
expect(stillFirst.version === 1, 'alice unchanged by the proposal');

// 4. A person approves and applies it on the REST API.
await rest('POST', `/api/v1/change-requests/${cr}/reviews`, { verdict: 'approve', message: 'good rule' });
const applied = await rest('POST', `/api/v1/change-requests/${cr}/apply`, {});
expect(applied.ref === 'agent/alice@2', `the change applied as alice@2, got ${applied.ref}`);

// 5. The agent's next task sees the new version; the old version's referrers list the decision.
const second = await call('resolve', { ref: 'agent/alice' });
const status = await call('change_request', { cr });
const referrers = await rest('GET', '/api/v1/entities/agent/alice/referrers?version=1');
const resource = await client.readResource({ uri: 'verso://agent/alice@1' });

console.log(JSON.stringify({
  tools, templates, cr,
  decision: decision.ref, audit: decision.audit,
  first: first.ref, second: second.ref, secondHash: second.hash,
  status: status.request.status, applied_version: status.request.applied_version,
  referred_by: referrers.referred_by,
  resource: JSON.parse(resource.contents[0].text).ref,
}));
await client.close();
