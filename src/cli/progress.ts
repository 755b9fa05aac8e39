/** A one-line progress bar on a terminal; silent when output is piped (CI, files). */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): {
  update(label: string, done: number, total: number): void;
  done(): void;
} {
  const tty = Boolean(stream.isTTY);
  let last = 0;
  return {
    update(label, done, total) {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const width = 28;
      const filled = total > 0 ? Math.round((done / total) * width) : 0;
      stream.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${label.padEnd(34).slice(0, 34)}`);
    },
    done() {
      if (tty) stream.write(`\r${" ".repeat(70)}\r`);
    },
  };
}
