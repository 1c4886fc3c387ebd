/**
 * `npm run dev-server` on a machine where the development CA cannot be installed (no sudo: a
 * container, CI, an IT-managed trust store): it still serves the pane over https with the
 * generated certificates, and says in one line how to trust the CA by hand. Also the plain-http
 * preview. Each run gets its own HOME (so its own certificates) and a `sudo` that refuses.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { get as httpGet } from "node:http";
import { get as httpsGet } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "../..");
jest.setTimeout(300_000);

interface DevServer {
  port: number;
  home: string;
  output: () => string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A fresh HOME with a `sudo` that refuses, as on a machine where the developer has no admin rights. */
function homeWithoutSudo(): string {
  const home = mkdtempSync(join(tmpdir(), "pmo-devserver-home-"));
  mkdirSync(join(home, "bin"));
  writeFileSync(
    join(home, "bin/sudo"),
    "#!/bin/sh\necho 'sudo: you are not allowed to run sudo' >&2\nexit 1\n",
  );
  chmodSync(join(home, "bin/sudo"), 0o755);
  return home;
}

async function startDevServer(
  env: Record<string, string> = {},
  home = homeWithoutSudo(),
): Promise<DevServer> {
  const bin = join(home, "bin");
  const port = await freePort();
  let output = "";
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(root, "node_modules/webpack/bin/webpack.js"),
      "serve",
      "--mode",
      "development",
      "--port",
      String(port),
    ],
    {
      cwd: root,
      detached: true,
      env: {
        ...process.env,
        HOME: home,
        PATH: `${bin}:${process.env.PATH ?? ""}`,
        OFFICE_ADDIN_USAGE_DATA_OPTOUT: "1",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    await exited;
  };
  // Ready when webpack has compiled (the first compile takes a while on a busy machine).
  const deadline = Date.now() + 240_000;
  while (!/compiled (successfully|with \d+ warning)/.test(output)) {
    if (child.exitCode !== null) throw new Error(`dev server exited ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`dev server not ready:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { port, home, output: () => output, stop };
}

interface Fetched {
  status: number;
  body: Buffer;
}

function fetchUrl(url: string, ca?: Buffer): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const handle = (res: import("node:http").IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    };
    const request = url.startsWith("https:") ? httpsGet(url, { ca }, handle) : httpGet(url, handle);
    request.on("error", reject);
  });
}

/** The manifest's own URLs on the dev server (https://localhost:3000/...), at the test's port. */
function manifestUrls(port: number): string[] {
  const xml = readFileSync(join(root, "manifest.xml"), "utf8");
  const urls = [...xml.matchAll(/"(https:\/\/localhost:3000\/[^"]+)"/g)].map((m) => m[1]);
  return [...new Set(urls)].map((url) => url.replace("localhost:3000", `localhost:${port}`));
}

describe("npm run dev-server", () => {
  it("serves the pane, the commands and the manifest's icons over https without installing the CA", async () => {
    const server = await startDevServer();
    try {
      const caPath = join(server.home, ".office-addin-dev-certs/ca.crt");
      expect(existsSync(caPath)).toBe(true);
      const ca = readFileSync(caPath);
      // Fetched with only our CA trusted: the certificate chain is the generated one.
      const urls = manifestUrls(server.port);
      const icons = urls.filter((url) => url.endsWith(".png"));
      expect(icons.length).toBeGreaterThanOrEqual(4);
      expect(urls.some((url) => url.endsWith("/taskpane.html"))).toBe(true);
      expect(urls.some((url) => url.endsWith("/commands.html"))).toBe(true);
      for (const url of urls) {
        const { status, body } = await fetchUrl(url, ca);
        expect({ url, status }).toEqual({ url, status: 200 });
        if (url.endsWith(".png")) expect(body.subarray(1, 4).toString()).toBe("PNG");
        if (url.endsWith(".html")) expect(body.toString()).toMatch(/<html/i);
      }
      const taskpane = await fetchUrl(`https://localhost:${server.port}/taskpane.html`, ca);
      expect(taskpane.body.toString()).toMatch(/<script[^>]+taskpane/);
      // One line, saying why and how to trust the CA by hand.
      const lines = server
        .output()
        .split("\n")
        .filter((line) => line.includes("could not install the development CA"));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/To trust it: .*update-ca-certificates/);
      expect(server.output()).not.toMatch(/^\s+at .*\.js:\d+/m); // no stack trace
    } finally {
      await server.stop();
    }
  });

  it("keeps the certificates it generated, so a CA trusted by hand stays trusted", () => {
    const home = homeWithoutSudo();
    // Each start in its own process, as `npm run dev-server` would run (the paths follow HOME).
    const start = () =>
      execFileSync(
        process.execPath,
        [
          "-e",
          `require(${JSON.stringify(join(root, "scripts/dev-certs.cjs"))}).devHttpsOptions().then((o) => console.log("CA " + o.ca.toString("base64")))`,
        ],
        {
          cwd: root,
          env: { ...process.env, HOME: home, PATH: `${join(home, "bin")}:${process.env.PATH ?? ""}` },
        },
      ).toString();
    const first = start();
    const second = start();
    const ca = (output: string) => output.match(/^CA (.+)$/m)![1];
    expect(ca(second)).toBe(ca(first));
    expect(readFileSync(join(home, ".office-addin-dev-certs/ca.crt")).toString("base64")).toBe(ca(first));
    expect(second).toMatch(/could not install the development CA/);
  });

  it("serves plain http for a browser preview when asked (PMO_DEV_HTTP=1)", async () => {
    const server = await startDevServer({ PMO_DEV_HTTP: "1" });
    try {
      const { status, body } = await fetchUrl(`http://localhost:${server.port}/taskpane.html`);
      expect(status).toBe(200);
      expect(body.toString()).toMatch(/<html/i);
      expect(existsSync(join(server.home, ".office-addin-dev-certs"))).toBe(false);
    } finally {
      await server.stop();
    }
  });
});
