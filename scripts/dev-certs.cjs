// The dev server's https certificates, on any machine Node runs on.
// office-addin-dev-certs generates a development CA and installs it into the system trust store;
// installing needs sudo (Linux), an admin prompt or keychain access, which containers, CI and
// IT-managed machines do not give. Then we serve https anyway with the same certificates
// (generated or reused from ~/.office-addin-dev-certs) and print one line saying how to trust
// the CA by hand: the add-in loads once the browser or Office trusts it.
const fs = require("node:fs");
const { X509Certificate } = require("node:crypto");

const DAY_MS = 24 * 60 * 60 * 1000;

/** How to trust the CA by hand, per operating system (one line). */
function trustHint(caPath, platform = process.platform) {
  switch (platform) {
    case "win32":
      return `certutil -user -addstore Root "${caPath}"`;
    case "darwin":
      return `security add-trusted-cert -d -r trustRoot -k ~/Library/Keychains/login.keychain-db "${caPath}"`;
    default:
      return `sudo cp "${caPath}" /usr/local/share/ca-certificates/office-addin-dev-ca.crt && sudo update-ca-certificates (Chromium/Edge: Settings > Privacy and security > Manage certificates > Authorities > Import)`;
  }
}

/** True when the three files exist and the localhost certificate is valid for at least a day. */
function usable(paths) {
  try {
    const cert = new X509Certificate(fs.readFileSync(paths.cert));
    fs.accessSync(paths.key, fs.constants.R_OK);
    fs.accessSync(paths.ca, fs.constants.R_OK);
    return Date.parse(cert.validTo) - Date.now() > DAY_MS;
  } catch {
    return false;
  }
}

function firstLine(error) {
  const text = error instanceof Error ? error.message : String(error);
  return (
    text
      .split("\n")
      .map((line) => line.trim())
      .find((line) => line.length > 0) ?? "unknown reason"
  );
}

/**
 * `{ ca, key, cert }` for an https server on localhost. Certificates that are still valid are kept
 * (a CA the user trusted by hand stays trusted); otherwise new ones are generated. The CA is then
 * installed into the trust store when it is not there yet; when that fails, we serve anyway.
 */
async function devHttpsOptions({ log = console.log } = {}) {
  const devCerts = require("office-addin-dev-certs");
  const defaults = require("office-addin-dev-certs/lib/defaults");
  const paths = {
    ca: defaults.caCertificatePath,
    cert: defaults.localhostCertificatePath,
    key: defaults.localhostKeyPath,
  };
  if (!usable(paths)) {
    for (const file of Object.values(paths)) fs.rmSync(file, { force: true });
    await devCerts.generateCertificates(
      paths.ca,
      paths.cert,
      paths.key,
      defaults.daysUntilCertificateExpires,
    );
  }
  try {
    if (!devCerts.verifyCertificates(paths.cert, paths.key)) await devCerts.installCaCertificate(paths.ca);
  } catch (error) {
    log(
      `dev-server: could not install the development CA (${firstLine(error)}); serving https with it untrusted. To trust it: ${trustHint(paths.ca)}`,
    );
  }
  return {
    ca: fs.readFileSync(paths.ca),
    key: fs.readFileSync(paths.key),
    cert: fs.readFileSync(paths.cert),
  };
}

module.exports = { devHttpsOptions, trustHint };
