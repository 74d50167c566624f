// PostgreSQL's COPY protocol over node-postgres, streamed both ways, without a dependency:
// node-postgres hands the COPY messages of the active query to these submittables (the
// mechanism pg-copy-streams uses). COPY TO STDOUT sends CopyData messages, then
// CommandComplete ("COPY <rows>") and ReadyForQuery; COPY FROM STDIN answers CopyInResponse,
// after which the client sends CopyData messages and CopyDone.
import { once } from "node:events";
import type { Writable } from "node:stream";
import type pg from "pg";

type Connection = pg.Connection & {
  sendCopyFromChunk: (chunk: Buffer) => boolean | undefined;
  endCopyFrom: () => void;
  sendCopyFail: (message: string) => void;
};

abstract class CopySubmittable implements pg.Submittable {
  private rows = 0;
  private settle!: { resolve: (rows: number) => void; reject: (error: Error) => void };
  private failure: Error | undefined;
  /** Resolves with the number of rows copied, once the server is ready for the next query. */
  readonly done = new Promise<number>((resolve, reject) => (this.settle = { resolve, reject }));

  constructor(private readonly sql: string) {}

  submit(connection: pg.Connection): void {
    connection.query(this.sql);
  }

  protected fail(error: Error): void {
    this.failure ??= error;
  }

  handleCommandComplete(message: { text: string }): void {
    this.rows = Number(message.text.split(" ").at(-1));
  }

  handleReadyForQuery(): void {
    if (this.failure) this.settle.reject(this.failure);
    else this.settle.resolve(this.rows);
  }

  // After an error the client hands ReadyForQuery to the next query, not to this one.
  handleError(error: Error): void {
    this.settle.reject(this.failure ?? error);
  }

  handleCopyInResponse(connection: pg.Connection): void {
    (connection as Connection).sendCopyFail("unexpected COPY FROM");
  }

  // Overridden by CopyOut; COPY FROM gets no data.
  handleCopyData(message: { chunk: Buffer }, connection: pg.Connection): void;
  handleCopyData(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
}

/** `COPY … TO STDOUT`: every chunk goes to `sink`; the socket pauses while the sink is full. */
export class CopyOut extends CopySubmittable {
  constructor(
    sql: string,
    private readonly sink: (chunk: Buffer) => boolean,
    private readonly drained: () => Promise<void>,
  ) {
    super(sql);
  }

  handleCopyData(message: { chunk: Buffer }, connection: pg.Connection): void {
    // Copied: the protocol parser may reuse the memory behind the message.
    if (this.sink(Buffer.from(message.chunk))) return;
    connection.stream.pause();
    this.drained().then(
      () => connection.stream.resume(),
      (error: Error) => {
        this.fail(error);
        connection.stream.resume();
      },
    );
  }
}

/** `COPY … FROM STDIN` fed from `source`; a failing source aborts the COPY with its error. */
export class CopyIn extends CopySubmittable {
  constructor(
    sql: string,
    private readonly source: AsyncIterable<Buffer>,
  ) {
    super(sql);
  }

  handleCopyInResponse(pgConnection: pg.Connection): void {
    const connection = pgConnection as Connection;
    void (async () => {
      try {
        for await (const chunk of this.source) {
          if (connection.sendCopyFromChunk(chunk) === false) await once(connection.stream, "drain");
        }
        connection.endCopyFrom();
      } catch (error) {
        this.fail(error as Error);
        connection.sendCopyFail((error as Error).message);
      }
    })();
  }
}

/** Runs a CopyOut or CopyIn on `client`; resolves with the number of rows copied. */
export async function runCopy(client: pg.Client | pg.PoolClient, copy: CopyOut | CopyIn): Promise<number> {
  client.query(copy);
  return copy.done;
}

/** A Writable's `write`, and a promise for its next "drain", for CopyOut. */
export function intoWritable(writable: Writable): [(chunk: Buffer) => boolean, () => Promise<void>] {
  return [(chunk) => writable.write(chunk), () => once(writable, "drain").then(() => {})];
}
