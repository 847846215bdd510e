import type { SchemaRegistryConfig } from '@clawback/config';
import { COMPATIBILITY, SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { basicAuthHeader } from './basic-auth';
import type { AvroRecordSchema } from './schema-files';
import { subjectFor } from './schema-files';
import { toSchemaRegistryError } from './schema-registry-error';
import { WireEncoder, isWireType, wireBody, wireSchemaId, type WireType } from './wire-format';

/** Options for {@link AvroRegistry}. */
export interface AvroRegistryOptions {
  /** Attempts per HTTP call inside the client library (mappersmith retry). Default 3. */
  readonly retries?: number;
}

/**
 * Avro values in the Confluent wire format, with schemas in a Confluent-compatible registry
 * (subjects by topic name: `<topic>-value`). Schema ids are cached per topic after the
 * first registration or lookup; the library caches schemas by id for decoding. Once a schema is
 * known, values are encoded and decoded with its avsc type directly (same bytes, without the
 * library's per-value allocations and awaits); the library still handles everything else.
 */
export class AvroRegistry {
  private readonly client: SchemaRegistry;
  private readonly ids = new Map<string, number>();
  /** avsc types by schema id, filled on first use of each id. */
  private readonly types = new Map<number, WireType>();
  private readonly encoder = new WireEncoder();

  constructor(
    private readonly config: SchemaRegistryConfig,
    options: AvroRegistryOptions = {},
  ) {
    this.client = new SchemaRegistry({
      host: config.url,
      ...(config.auth && { auth: config.auth }),
      retry: { retries: options.retries ?? 3 },
    });
  }

  /**
   * Registers `schema` as the value schema of `topic` under BACKWARD compatibility and
   * returns its id; registering the same schema again returns the same id.
   *
   * @throws SchemaRegistryError `schema_incompatible` when existing readers could not read
   *   data written with the new schema's predecessor.
   */
  async register(topic: string, schema: AvroRecordSchema): Promise<number> {
    const subject = subjectFor(topic);
    await this.setBackwardCompatibility(subject);
    try {
      const { id } = await this.client.register(
        // The whole JSON, so docs and logical types reach the registry as written.
        { type: SchemaType.AVRO, schema: JSON.stringify(schema) },
        { subject, compatibility: COMPATIBILITY.BACKWARD },
      );
      this.ids.set(topic, id);
      return id;
    } catch (error) {
      throw toSchemaRegistryError(error, `registering ${subject}`);
    }
  }

  /** Encodes `value` with the topic's latest registered schema. */
  async encode(topic: string, value: unknown): Promise<Buffer> {
    const id = await this.latestId(topic);
    const type = this.types.get(id) ?? (await this.typeOf(id));
    if (type !== undefined) {
      try {
        return this.encoder.encode(id, type, value);
      } catch {
        // The library's encode names the invalid paths: let it say why.
      }
    }
    try {
      return await this.client.encode(id, value);
    } catch (error) {
      throw toSchemaRegistryError(error, `encoding a value for ${topic}`);
    }
  }

  /** Decodes a Confluent-framed Avro buffer with the schema its id names. */
  async decode<T = unknown>(buffer: Buffer): Promise<T> {
    const id = wireSchemaId(buffer);
    const type = id === undefined ? undefined : this.types.get(id);
    try {
      if (type !== undefined) return type.fromBuffer(wireBody(buffer)) as T;
      const decoded = (await this.client.decode(buffer)) as T;
      if (id !== undefined) await this.typeOf(id);
      return decoded;
    } catch (error) {
      throw toSchemaRegistryError(error, 'decoding a value');
    }
  }

  /** The avsc type of schema `id` (cached), `undefined` when it is not an Avro schema. */
  private async typeOf(id: number): Promise<WireType | undefined> {
    const schema: unknown = await this.client.getSchema(id).catch(() => undefined);
    if (!isWireType(schema)) return undefined;
    this.types.set(id, schema);
    return schema;
  }

  /** The id of the topic's latest value schema, cached. */
  async latestId(topic: string): Promise<number> {
    const cached = this.ids.get(topic);
    if (cached !== undefined) return cached;
    try {
      const id = await this.client.getLatestSchemaId(subjectFor(topic));
      this.ids.set(topic, id);
      return id;
    } catch (error) {
      throw toSchemaRegistryError(error, `looking up the schema of ${topic}`);
    }
  }

  /**
   * Sets the subject's compatibility explicitly before registering. Apicurio answers
   * `GET /config/{subject}` for an existing subject without its own rule with the global
   * default (NONE) instead of 404, and the client library then refuses to register
   * ("Compatibility does not match"). Apicurio and Confluent both accept this PUT before the
   * subject exists.
   */
  private async setBackwardCompatibility(subject: string): Promise<void> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/vnd.schemaregistry.v1+json',
    };
    const { auth } = this.config;
    if (auth) {
      headers.Authorization = basicAuthHeader(auth);
    }
    const put = async (): Promise<Response> => {
      try {
        return await fetch(`${this.config.url}/config/${encodeURIComponent(subject)}`, {
          method: 'PUT',
          headers,
          body: JSON.stringify({ compatibility: COMPATIBILITY.BACKWARD }),
        });
      } catch (error) {
        throw toSchemaRegistryError(error, `setting compatibility of ${subject}`);
      }
    };
    let response = await put();
    // Two instances starting together race to create the subject's rule: Apicurio answers the
    // loser 409 ("A rule named 'COMPATIBILITY' already exists"). The rule exists by then, so
    // the same PUT again updates it.
    for (let attempt = 0; response.status === 409 && attempt < 3; attempt += 1) {
      await response.text();
      response = await put();
    }
    if (!response.ok) {
      const body = await response.text();
      throw toSchemaRegistryError(
        Object.assign(new Error(`status ${response.status}: ${body}`), { status: response.status }),
        `setting compatibility of ${subject}`,
      );
    }
  }
}

/** Registers each schema file under its (possibly prefixed) topic; returns ids by topic. */
export async function registerSchemaFiles(
  registry: AvroRegistry,
  files: readonly { readonly topic: string; readonly schema: AvroRecordSchema }[],
  topicFor: (contractTopic: string) => string = (topic) => topic,
  onRegistered?: (topic: string, id: number) => void,
): Promise<ReadonlyMap<string, number>> {
  const ids = new Map<string, number>();
  for (const file of files) {
    const topic = topicFor(file.topic);
    const id = await registry.register(topic, file.schema);
    ids.set(topic, id);
    onRegistered?.(topic, id);
  }
  return ids;
}
