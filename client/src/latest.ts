// Requests of which only the latest one's answer counts. The status bar asks the server for a folder's summary on
// every editor switch and save, and the answers may come back in any order: a slow answer about the folder left
// behind must not replace the one about the folder now active.

export class LatestRequest {
  private started = 0;

  /** Runs `request` and hands its answer to `use`, unless another request was started meanwhile. */
  async run<T>(request: () => Promise<T>, use: (answer: T) => void): Promise<void> {
    const serial = ++this.started;
    const answer = await request();
    if (serial === this.started) use(answer);
  }
}
