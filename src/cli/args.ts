/**
 * Command-line arguments: parsed with Node's util.parseArgs (no dependency), then checked. A usage
 * problem is a value ({ ok: false, message }), so runCli can print it and exit 2 before touching files.
 */
import { parseArgs } from "node:util";
import { usage } from "./messages";

/** The runner's commands: Rate RAG and the three scorecard commands. */
export type Command = "rate" | "scorecard" | "refresh" | "snapshot";

/** The commands in the order --help lists them. */
export const COMMANDS: readonly Command[] = ["rate", "scorecard", "refresh", "snapshot"];

/** What the command line asks for, before patterns are expanded. */
export interface CliArgs {
  readonly command: Command;
  readonly patterns: readonly string[];
  readonly out: string | null;
  readonly inPlace: boolean;
  readonly rules: string | null;
  readonly asAt: string | null;
  readonly report: string | null;
  readonly force: boolean;
  readonly quiet: boolean;
}

/** Parsed arguments, a request for help, or a usage problem. */
export type ParsedArgs = { readonly kind: "help" } | { readonly kind: "run"; readonly args: CliArgs } | { readonly kind: "usage"; readonly message: string };


/**
 * Parses argv (without node and the script).
 * @example parseCliArgs(["rate", "a.xlsx", "--out", "out"]).kind // => "run"
 * @example parseCliArgs(["--help"]).kind // => "help"
 */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: "string", short: "o" },
        "in-place": { type: "boolean" },
        rules: { type: "string" },
        "as-at": { type: "string" },
        report: { type: "string" },
        force: { type: "boolean" },
        quiet: { type: "boolean", short: "q" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    return { kind: "usage", message: usage.badOption((e as Error).message) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  const [command, ...patterns] = positionals;
  if (!command) return { kind: "usage", message: usage.noCommand };
  if (!(COMMANDS as readonly string[]).includes(command)) return { kind: "usage", message: usage.unknownCommand(command) };
  if (patterns.length === 0) return { kind: "usage", message: usage.noFiles };
  const out = values.out ?? null;
  const inPlace = values["in-place"] ?? false;
  if (out !== null && inPlace) return { kind: "usage", message: usage.bothDestinations };
  if (out === null && !inPlace) return { kind: "usage", message: usage.noDestination };
  return {
    kind: "run",
    args: {
      command: command as Command,
      patterns,
      out,
      inPlace,
      rules: values.rules ?? null,
      asAt: values["as-at"] ?? null,
      report: values.report ?? null,
      force: values.force ?? false,
      quiet: values.quiet ?? false,
    },
  };
}
