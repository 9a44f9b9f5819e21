/**
 * Creates a user on any database, e.g. the first admin in production. Applies migrations and
 * the settings row first; creates no demo content.
 *
 *   npm run user:create -- --email chief@example.com --role admin --name "Chief Editor"
 *
 * The password is read from NEW_USER_PASSWORD when set, otherwise asked for (twice, not echoed)
 * on a terminal.
 */
import "./load-env";
import readline from "node:readline";
import { parseArgs } from "node:util";
import { closeDb, runMigrations, transaction } from "@/db";
import { EmailTakenError } from "@/db/queries/users";
import { ensureSettings } from "@/db/seed";
import { createUser } from "@/lib/auth/user-admin";
import { env } from "@/lib/env";
import { userCreateSchema } from "@/lib/validation/user";

const USAGE = 'Usage: npm run user:create -- --email EMAIL --role admin|editor --name "NAME"\n' +
  "The password comes from NEW_USER_PASSWORD, or is asked for on a terminal.";

function askHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // Echo the question, not the keystrokes.
    const internal = rl as unknown as { _writeToOutput: (s: string) => void };
    let asked = false;
    internal._writeToOutput = (s: string) => {
      if (!asked) {
        asked = true;
        process.stdout.write(s);
      } else if (s.includes("\n") || s.includes("\r")) process.stdout.write("\n");
    };
    rl.question(question, (answer) => {
      rl.close();
      resolve(answer);
    });
    rl.on("SIGINT", () => {
      rl.close();
      reject(new Error("cancelled"));
    });
  });
}

async function readPassword(): Promise<string> {
  if (process.env.NEW_USER_PASSWORD) return process.env.NEW_USER_PASSWORD;
  if (!process.stdin.isTTY) {
    throw new Error("No password: set NEW_USER_PASSWORD or run this in a terminal to be asked for one.");
  }
  const first = await askHidden("Password: ");
  const second = await askHidden("Repeat the password: ");
  if (first !== second) throw new Error("The two passwords differ.");
  return first;
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        email: { type: "string" },
        role: { type: "string", default: "editor" },
        name: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const email = args.email ?? "";
  const name = args.name ?? email.split("@")[0] ?? "";
  const preliminary = userCreateSchema.omit({ password: true }).safeParse({ email, name, role: args.role });
  if (!preliminary.success) {
    console.error(preliminary.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n") + `\n${USAGE}`);
    return 2;
  }

  const parsed = userCreateSchema.safeParse({ ...preliminary.data, password: await readPassword() });
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
    return 2;
  }

  runMigrations();
  transaction((tx) => ensureSettings(tx, env.SITE_URL));
  try {
    const user = await createUser(parsed.data, { actor: null, actorLabel: "command line" });
    console.log(`Created ${user.role} ${user.email} (id ${user.id}) in ${env.DATABASE_PATH}`);
    return 0;
  } catch (error) {
    if (error instanceof EmailTakenError) {
      console.error(`${parsed.data.email}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

main()
  .then((code) => {
    closeDb();
    process.exit(code);
  })
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    closeDb();
    process.exit(1);
  });
