/**
 * Load on the local server: `clients` parallel loops, each alternating a small upload (allocate
 * + one POST of unique bytes) and a folder listing, over raw keep-alive HTTP so the figures are
 * the server's. argv = server URL, user, password, clients, operations per client. Prints
 * `{ ms, rssMb, requests, p50, p99 }` (latencies per request, ms).
 */
import { createHash, randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

const [baseUrl, username, password, clientsText, opsText] = process.argv.slice(2);
const clients = Number(clientsText);
const operations = Number(opsText);
const agent = new Agent({ keepAlive: true, maxSockets: clients });
const authorization = 'Basic ' + Buffer.from(`${username}:${password}`).toString('base64');
const latencies: number[] = [];

function send(method: string, url: string, body?: Buffer, type?: string): Promise<string> {
  const started = performance.now();
  const headers: Record<string, string> = { authorization };
  if (type) headers['content-type'] = type;
  return new Promise((done, fail) => {
    const req = request(url, { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        latencies.push(performance.now() - started);
        const text = Buffer.concat(chunks).toString('utf8');
        if ((res.statusCode ?? 500) >= 300) fail(new Error(`${method} ${url}: ${res.statusCode}`));
        else done(text);
      });
    });
    req.on('error', fail);
    req.end(body);
  });
}

async function upload(client: number, index: number): Promise<void> {
  const bytes = randomBytes(4096);
  const md5 = createHash('md5').update(bytes).digest('hex');
  const path = `/jfs/Jotta/Archive/load/c${client}/f${index}.bin`;
  const body = Buffer.from(JSON.stringify({ path, bytes: bytes.length, md5 }));
  const allocation = JSON.parse(
    await send('POST', `${baseUrl}/files/v1/allocate`, body, 'application/json'),
  ) as { upload_url?: string };
  if (allocation.upload_url) {
    await send('POST', allocation.upload_url, bytes, 'application/octet-stream');
  }
}

async function loop(client: number): Promise<void> {
  for (let index = 0; index < operations; index++) {
    if (index % 2 === 0) await upload(client, index);
    else await send('GET', `${baseUrl}/jfs/${username}/Jotta/Archive/load/c${client}`);
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: clients }, (_, client) => loop(client)));
const ms = performance.now() - started;
latencies.sort((a, b) => a - b);
const at = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)];
const report = {
  ms,
  rssMb: process.resourceUsage().maxRSS / 1024,
  requests: latencies.length,
  p50: at(0.5),
  p99: at(0.99),
};
process.stdout.write(`${JSON.stringify(report)}\n`);
