// Test-only preload (`NODE_OPTIONS=--require …`): an HTTP request carrying `x-test-delay-ms` reaches
// the app that many milliseconds late, so a test can have a request in flight at a moment it
// chooses (for example when the server is told to shut down). Never loaded in production.
const http = require("node:http");

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, req, res) {
  const delay = event === "request" ? Number(req.headers["x-test-delay-ms"] || 0) : 0;
  if (delay > 0) {
    process.stderr.write(`delaying ${req.method} ${req.url} by ${delay} ms\n`);
    setTimeout(() => emit.call(this, event, req, res), delay);
    return true;
  }
  return emit.apply(this, arguments);
};
