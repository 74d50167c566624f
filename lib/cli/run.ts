// Runs a command-line entry point: an expected failure (StartupError) prints one line, not a stack.
import { StartupError } from "@/lib/config/startup-error";

export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof StartupError) {
      console.error(`opencls: ${error.message}`);
    } else {
      console.error(`opencls: unexpected error: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      if (process.env.OPENCLS_DEBUG) console.error(error);
    }
    process.exit(1);
  });
}
