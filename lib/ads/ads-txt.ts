/**
 * Line-by-line validation of an ads.txt file (IAB Tech Lab ads.txt 1.1). A line is blank, a
 * comment (`#` to the end of the line is always ignored), a variable `NAME=value`, or a record
 * `<ad system domain>, <seller account id>, <DIRECT|RESELLER>[, <certification authority id>]`
 * optionally followed by `;extension data`. Every problem is reported with its line number.
 */

export type AdsTxtProblem = { line: number; text: string; message: string };
export type AdsTxtResult = { ok: boolean; problems: AdsTxtProblem[]; records: number; variables: number };

export const ADS_TXT_MAX_LENGTH = 100_000;

/** Variables the specification defines; names are case-insensitive. */
const VARIABLES = ["contact", "subdomain", "ownerdomain", "managerdomain", "inventorypartnerdomain"] as const;

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i;
const ACCOUNT_ID = /^[^\s,;#=]{1,200}$/;
const CERT_ID = /^[a-z0-9]{1,64}$/i;
const COUNTRY = /^[a-z]{2}$/i;

export function isAdsTxtDomain(value: string): boolean {
  return DOMAIN.test(value);
}

function checkRecord(body: string): string | null {
  const fields = body.split(",").map((f) => f.trim());
  if (fields.length < 3) {
    return "A record needs three fields: ad system domain, account id, DIRECT or RESELLER.";
  }
  if (fields.length > 4) {
    return `A record has at most four fields (found ${fields.length}).`;
  }
  const [domain, account, relationship, cert] = fields;
  if (!domain) return "The ad system domain is missing.";
  if (!DOMAIN.test(domain)) return `"${domain}" is not a domain name (e.g. google.com).`;
  if (!account) return "The seller account id is missing.";
  if (!ACCOUNT_ID.test(account)) return `"${account}" is not a valid account id (no spaces or , ; # =).`;
  if (!relationship) return "The relationship is missing: DIRECT or RESELLER.";
  if (!/^(DIRECT|RESELLER)$/i.test(relationship)) {
    return `The relationship must be DIRECT or RESELLER, not "${relationship}".`;
  }
  if (fields.length === 4 && !CERT_ID.test(cert)) {
    return cert
      ? `"${cert}" is not a certification authority id (letters and digits only).`
      : "The certification authority id after the last comma is empty.";
  }
  return null;
}

function checkVariable(name: string, value: string): string | null {
  const key = name.trim().toLowerCase();
  if (!(VARIABLES as readonly string[]).includes(key)) {
    return `Unknown variable "${name.trim()}": use contact, subdomain, ownerdomain, managerdomain or inventorypartnerdomain.`;
  }
  const v = value.trim();
  if (!v) return `The variable ${name.trim()} has no value.`;
  switch (key) {
    case "contact":
      return null;
    case "managerdomain": {
      // MANAGERDOMAIN=domain[,country code]
      const [domain, country, ...rest] = v.split(",").map((s) => s.trim());
      if (rest.length > 0 || (country !== undefined && !COUNTRY.test(country))) {
        return "MANAGERDOMAIN takes a domain, optionally followed by a two-letter country code (e.g. example.com,US).";
      }
      return DOMAIN.test(domain) ? null : `"${domain}" is not a domain name.`;
    }
    default:
      return DOMAIN.test(v) ? null : `"${v}" is not a domain name.`;
  }
}

export function validateAdsTxt(text: string): AdsTxtResult {
  const problems: AdsTxtProblem[] = [];
  let records = 0;
  let variables = 0;
  if (text.length > ADS_TXT_MAX_LENGTH) {
    return {
      ok: false,
      problems: [{ line: 0, text: "", message: `ads.txt may be at most ${ADS_TXT_MAX_LENGTH.toLocaleString("en")} characters.` }],
      records,
      variables,
    };
  }
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const hash = raw.indexOf("#");
    const content = (hash === -1 ? raw : raw.slice(0, hash)).trim();
    if (content === "") return;
    let message: string | null;
    const variable = /^([A-Za-z][A-Za-z_-]*)\s*=(.*)$/.exec(content);
    if (variable) {
      message = checkVariable(variable[1], variable[2]);
      if (!message) variables++;
    } else {
      // Anything after ";" is extension data, which consumers ignore.
      message = checkRecord(content.split(";", 1)[0]);
      if (!message) records++;
    }
    if (message) problems.push({ line: i + 1, text: raw.trim().slice(0, 200), message });
  });
  return { ok: problems.length === 0, problems, records, variables };
}
