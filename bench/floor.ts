/**
 * The floor: what the machine needs for an operation with no client logic at all — raw loopback
 * HTTP with Basic auth, run as its own process like every contender. argv = mode, server URL,
 * user, password, then per mode: `upload <local> <remote>`, `download <remote> <local>`,
 * `list <remote folder>`. Remote paths are device-relative (`/Jotta/Archive/…`). Prints one
 * JSON line `{ ms, rssMb }`.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { XMLParser } from 'fast-xml-parser';

const [mode, baseUrl, username, password, ...rest] = process.argv.slice(2);
const authorization = 'Basic ' + Buffer.from(`${username}:${password}`).toString('base64');
const jfsUrl = (remote: string) =>
  `${baseUrl}/jfs/${username}${remote.split('/').map(encodeURIComponent).join('/')}`;

interface RawResponse {
  status: number;
  body: NodeJS.ReadableStream;
}

/** One request; the body is a buffer, a stream, or nothing. */
function send(
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: Buffer | NodeJS.ReadableStream,
): Promise<RawResponse> {
  return new Promise((done, fail) => {
    const req = request(url, { method, headers: { authorization, ...headers } }, (res) =>
      done({ status: res.statusCode ?? 0, body: res }),
    );
    req.on('error', fail);
    if (body === undefined || Buffer.isBuffer(body)) req.end(body);
    else body.pipe(req);
  });
}

async function text(response: RawResponse): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response.body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function upload(local: string, remote: string): Promise<void> {
  const hash = createHash('md5');
  await pipeline(createReadStream(local, { highWaterMark: 1 << 20 }), hash);
  const md5 = hash.digest('hex');
  const { size } = await stat(local);

  const allocation = JSON.parse(
    await text(
      await send(
        'POST',
        `${baseUrl}/files/v1/allocate`,
        { 'content-type': 'application/json' },
        Buffer.from(JSON.stringify({ path: `/jfs${remote}`, bytes: size, md5 })),
      ),
    ),
  ) as { state?: string; upload_url?: string };
  if (allocation.state === 'COMPLETED' || !allocation.upload_url) return;

  const sent = await send(
    'POST',
    allocation.upload_url,
    { 'content-type': 'application/octet-stream', 'content-length': String(size) },
    createReadStream(local, { highWaterMark: 1 << 20 }),
  );
  const answer = await text(sent);
  if (sent.status >= 300) throw new Error(`upload answered ${sent.status}: ${answer}`);
}

async function download(remote: string, local: string): Promise<void> {
  const response = await send('GET', `${jfsUrl(remote)}?mode=bin`, {});
  if (response.status !== 200) throw new Error(`download answered ${response.status}`);
  const hash = createHash('md5');
  const tee = new Transform({
    transform(chunk: Buffer, _encoding, next) {
      hash.update(chunk);
      next(null, chunk);
    },
  });
  await pipeline(response.body, tee, createWriteStream(local));
  hash.digest('hex');
}

async function list(remote: string): Promise<void> {
  const response = await send('GET', `${jfsUrl(remote)}?mode=list`, {});
  const xml = await text(response);
  if (response.status !== 200) throw new Error(`list answered ${response.status}`);
  // A minimal client still parses the document into objects.
  const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml) as unknown;
  if (!parsed) throw new Error('list returned nothing');
}

const started = performance.now();
if (mode === 'upload') await upload(rest[0], rest[1]);
else if (mode === 'download') await download(rest[0], rest[1]);
else if (mode === 'list') await list(rest[0]);
else throw new Error(`unknown floor mode ${mode}`);
const report = { ms: performance.now() - started, rssMb: process.resourceUsage().maxRSS / 1024 };
process.stdout.write(`${JSON.stringify(report)}\n`);
