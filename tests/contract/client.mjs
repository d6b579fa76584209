// A client that knows the API only from its served OpenAPI document: openapi-client-axios builds the
// operations at run time. Run by the contract tests through Prism's validating proxy:
//   node client.mjs DOCUMENT_URL BASE_URL TOKEN
// Exits 0 when every step answered as expected; prints the step that did not and exits 1 otherwise.
import { OpenAPIClientAxios } from 'openapi-client-axios';

const [documentUrl, baseURL, token] = process.argv.slice(2);
const api = new OpenAPIClientAxios({
  definition: documentUrl,
  axiosConfigDefaults: {
    baseURL,
    headers: { Authorization: `Bearer ${token}` },
    // Every status is checked below, 304 among them.
    validateStatus: () => true,
  },
});

function expect(step, condition, response) {
  if (!condition) {
    const body = response ? JSON.stringify(response.data) : '';
    console.error(`${step}: answered ${response?.status} ${body}`);
    process.exit(1);
  }
  console.log(`ok ${step}`);
}

const client = await api.init();
const entity = { kind: 'note', id: 'contract' };
const first = { title: 'Contract', temperature: 0.2, lines: ['answer'] };
const second = { ...first, temperature: 0.7, lines: ['answer', 'cite'] };

// 'note' is no registered kind: the first save says it creates one.
let response = await client.saveEntity({ ...entity, message: 'first', new_kind: true }, first);
expect('save v1', response.status === 201 && response.data.version === 1, response);
response = await client.saveEntity({ ...entity, message: 'unchanged' }, first);
expect('save unchanged', response.status === 200 && response.data.version === 1, response);
response = await client.saveEntity({ ...entity, message: 'second', expected_version: 1 }, second);
expect('save v2', response.status === 201 && response.data.version === 2, response);

response = await client.getHead(entity);
const etag = response.headers.etag;
expect('read head with its ETag', response.status === 200 && typeof etag === 'string' && etag.startsWith('"'), response);
response = await client.getHead({ ...entity, 'If-None-Match': etag });
expect('read head again: 304', response.status === 304, response);
response = await client.getVersion({ ...entity, ref: '1' });
expect('read v1', response.status === 200 && response.headers.etag !== etag, response);

response = await client.diff({ ...entity, from: '1', to: '2', format: 'json' });
expect('diff v1..v2', response.status === 200 && JSON.stringify(response.data).includes('temperature'), response);

response = await client.rollback({ ...entity, 'If-Match': etag }, { to: 1, reason: 'contract test', expected_version: 2 });
expect('roll back to v1', response.status === 201 && response.data.version === 3, response);

response = await client.changes({ after: 0, limit: 10, kind: 'note' });
expect('change feed as JSON', response.status === 200 && JSON.stringify(response.data).includes('contract'), response);
