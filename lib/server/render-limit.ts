// At most `max` requests in Next.js at once per process; the others wait their turn, first come
// first served. Node renders on one thread: 50 pages rendered together each take 50 times as
// long and hold their memory all along, so the collector works harder and fewer pages come out
// per second. Measured on the national dataset's contract page at 50 connections: 0 (no limit)
// 51 req/s, 24 at once 51, 12 at once 59, 8 at once 58 but the empty page 13 % slower.
import type { ServerResponse } from "node:http";

export const DEFAULT_MAX_RENDERS = 12;

export type RenderLimit = {
  /** Runs `render` now, or once a running request has ended; never if the client left meanwhile. */
  admit(response: ServerResponse, render: () => void): void;
  /** Requests running and waiting, for tests. */
  readonly running: number;
  readonly waiting: number;
};

export function createRenderLimit(max: number): RenderLimit {
  let running = 0;
  const queue: Array<() => void> = [];
  const next = () => queue.shift()?.();
  return {
    admit(response, render) {
      if (max <= 0) return render();
      let admitted = false;
      const start = () => {
        // A client that left while waiting frees its place at once.
        if (response.destroyed) return next();
        admitted = true;
        running++;
        render();
      };
      // "close" comes once the response is sent or the connection is gone, whichever first.
      response.once("close", () => {
        if (!admitted) return;
        running--;
        next();
      });
      if (running < max) start();
      else queue.push(start);
    },
    get running() {
      return running;
    },
    get waiting() {
      return queue.length;
    },
  };
}
