// A real S3-compatible server for tests: s3rver (S3's HTTP API in Node, objects on disk, access
// keys checked), on a free port of 127.0.0.1, with the buckets asked for; and the OPENCLS_S3_*
// environment that points the app at one of them.
import { rm } from "node:fs/promises";
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { freePort } from "./ports";
import { makeTempDir } from "./temp-dir";

/** s3rver's one pair of credentials. */
const CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export type S3TestServer = Awaited<ReturnType<typeof startS3Server>>;

export async function startS3Server(buckets: string[]) {
  const directory = await makeTempDir("opencls-s3");
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const server = new S3rver({
    address: "127.0.0.1",
    port,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name, configs: [] })),
  });
  await server.run();
  const client = new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials: CREDENTIALS });
  return {
    endpoint,
    /** The app's environment for this bucket. */
    env: (bucket: string) => ({
      OPENCLS_S3_BUCKET: bucket,
      OPENCLS_S3_REGION: "us-east-1",
      OPENCLS_S3_ENDPOINT: endpoint,
      OPENCLS_S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      OPENCLS_S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    }),
    /** The keys of the bucket's objects, sorted. */
    async keys(bucket: string): Promise<string[]> {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
      return (listed.Contents ?? []).map((object) => object.Key!).sort();
    },
    /** An object's bytes, or null when there is none. */
    async read(bucket: string, key: string): Promise<Buffer | null> {
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key })).catch(() => null);
      return object ? Buffer.from(await object.Body!.transformToByteArray()) : null;
    },
    write: (bucket: string, key: string, bytes: Buffer) => client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes })),
    delete: (bucket: string, key: string) => client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })),
    async stop(): Promise<void> {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
