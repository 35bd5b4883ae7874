// A load balancer without stickiness, for the browser tests: every request goes to the next
// upstream in turn, whatever connection or cookie it came with. Like a real one it appends the
// client address to X-Forwarded-For, and it names the upstream in an `x-upstream` response
// header so tests can see both instances served them. Node's standard library only.
//
// Usage: node round-robin.mjs <listen port> <upstream base URL>...
import http from "node:http";

const [port, ...upstreams] = process.argv.slice(2);
if (!port || upstreams.length < 2) {
  console.error("usage: node round-robin.mjs <listen port> <upstream URL> <upstream URL>...");
  process.exit(2);
}
const targets = upstreams.map((u) => new URL(u));
const agent = new http.Agent({ keepAlive: true });
let next = 0;

const server = http.createServer((req, res) => {
  const index = next;
  next = (next + 1) % targets.length;
  const target = targets[index];
  const forwarded = req.headers["x-forwarded-for"];
  const client = req.socket.remoteAddress ?? "";
  const headers = { ...req.headers, "x-forwarded-for": forwarded ? `${forwarded}, ${client}` : client };
  const upstream = http.request(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, { ...answer.headers, "x-upstream": String(index) });
      answer.pipe(res);
    },
  );
  upstream.on("error", (error) => {
    if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain", "x-upstream": String(index) });
    res.end(`upstream ${index} failed: ${error.message}`);
  });
  req.pipe(upstream);
});

server.listen(Number(port), "127.0.0.1", () => {
  console.log(`round-robin on 127.0.0.1:${port} -> ${upstreams.join(", ")}`);
});
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => process.exit(0));
