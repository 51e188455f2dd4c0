/**
 * A dependency-free progress bar on stderr (stdout stays clean for the summary). On a terminal it
 * redraws one line; in a log (CI, a pipe) it prints a line per quarter so the log stays short.
 */
export function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  const width = 30;
  let lastQuarter = new Map<string, number>();
  return {
    update(label: string, done: number, total: number) {
      const ratio = total > 0 ? Math.min(1, done / total) : 1;
      const filled = Math.round(ratio * width);
      const line = `${label.padEnd(10)} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}%  ${done}/${total}`;
      if (stream.isTTY) {
        stream.write(`\r${line}`);
        if (ratio >= 1) stream.write("\n");
        return;
      }
      const quarter = Math.floor(ratio * 4);
      if (quarter !== lastQuarter.get(label)) {
        lastQuarter.set(label, quarter);
        stream.write(`${line}\n`);
      }
    },
    reset() {
      lastQuarter = new Map();
    },
  };
}
