// The OpenAPI 3.1 description of /api/v1, generated from the zod schemas of the resources
// (lib/open-data/schema.ts) with zod's own JSON Schema output (draft 2020-12, OpenAPI 3.1's
// dialect): a field added to a catalogue appears here with nothing else to write.
import { z } from "zod";
import { appUrl } from "@/lib/mail/app-url";
import { DEFAULT_API_RATE_LIMIT } from "@/lib/http/config";
import { API_BASE_PATH, CACHE_CONTROL } from "./http";
import {
  COLLECTION_NAMES,
  COLLECTIONS,
  filtersSchema,
  PARAMETER_DESCRIPTIONS,
  PAGE_LIMIT,
  resourceSchemas,
  type CollectionName,
  type FilterName,
} from "./schema";

export const OPEN_DATA_LICENCE = {
  name: "Licence Ouverte / Open Licence version 2.0",
  identifier: "etalab-2.0",
  url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
} as const;

/** The component name of a collection's resource: "budget-lines" → "BudgetLines". */
export const componentName = (name: CollectionName) =>
  name.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase());

export const problemSchema = z.object({
  type: z.string(),
  title: z.string().meta({ description: "Le problème, en quelques mots." }),
  status: z.int(),
  detail: z.string().meta({ description: "Ce qui ne va pas et comment y remédier." }),
});

/** The page of a collection, as the API returns it. */
export const pageSchema = (name: CollectionName) =>
  z.object({
    data: z.array(resourceSchemas[name]),
    next_cursor: z
      .string()
      .nullable()
      .meta({ description: "À passer en paramètre cursor pour la page suivante\u00a0; null à la dernière page." }),
    links: z.object({ next: z.url().nullable().meta({ description: "L’adresse de la page suivante\u00a0; null à la dernière page." }) }),
  });

export const itemSchema = (name: CollectionName) => z.object({ data: resourceSchemas[name] });

/** A generated schema without the $schema and $id that make it a document of its own. */
function withoutHeader(schema: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...schema };
  delete copy.$schema;
  delete copy.$id;
  return copy;
}

/** The JSON Schemas of the components, each referring to the others by $ref. */
function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  registry.add(problemSchema, { id: "Problem" });
  for (const name of COLLECTION_NAMES) {
    const component = componentName(name);
    registry.add(resourceSchemas[name], { id: component });
    registry.add(pageSchema(name), { id: `${component}Page` });
    if (COLLECTIONS[name].item) registry.add(itemSchema(name), { id: `${component}Item` });
  }
  const { schemas } = z.toJSONSchema(registry, { target: "draft-2020-12", uri: (id) => `#/components/schemas/${id}` });
  // OpenAPI names components by their key: neither their own $schema nor an $id.
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, withoutHeader(schema)]));
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const header = (description: string, type: "string" | "integer" = "string") => ({ description, schema: { type } });

const QUOTA_HEADERS = {
  "RateLimit-Limit": { $ref: "#/components/headers/RateLimit-Limit" },
  "RateLimit-Remaining": { $ref: "#/components/headers/RateLimit-Remaining" },
  "RateLimit-Reset": { $ref: "#/components/headers/RateLimit-Reset" },
};

const jsonOk = (description: string, schema: object) => ({
  description,
  headers: {
    ETag: { $ref: "#/components/headers/ETag" },
    "Cache-Control": { $ref: "#/components/headers/Cache-Control" },
    ...QUOTA_HEADERS,
  },
  content: { "application/json": { schema } },
});

/** The other answers an operation may give; every one may be refused for its quota or an outage. */
const errors = (...statuses: Array<"304" | "400" | "404">) =>
  Object.fromEntries(
    [...statuses, "429" as const, "503" as const].map((status) => [status, { $ref: `#/components/responses/${RESPONSE_NAMES[status]}` }]),
  );
const RESPONSE_NAMES = {
  "304": "NotModified",
  "400": "BadRequest",
  "404": "NotFound",
  "429": "TooManyRequests",
  "503": "ServiceUnavailable",
} as const;

const parameter = (name: keyof typeof PARAMETER_DESCRIPTIONS, schema: object) => ({
  name,
  in: "query",
  required: false,
  description: PARAMETER_DESCRIPTIONS[name],
  schema,
});

/** A filter's zod rule as the JSON Schema of its parameter (codes, enumerations, patterns). */
function filterSchema(filter: FilterName): object {
  return withoutHeader(z.toJSONSchema(filtersSchema.shape[filter].unwrap(), { target: "draft-2020-12", io: "input" }));
}

/** The query parameters a collection takes: its filters, and the paging ones for JSON. */
function parametersOf(name: CollectionName, { paging }: { paging: boolean }) {
  return [
    ...COLLECTIONS[name].filters.map((filter) => parameter(filter, filterSchema(filter))),
    ...(paging
      ? [
          parameter("limit", { type: "integer", minimum: 1, maximum: PAGE_LIMIT.max, default: PAGE_LIMIT.default }),
          parameter("cursor", { type: "string" }),
        ]
      : []),
  ];
}

/** The whole document. */
export function openApiDocument() {
  const paths: Record<string, object> = {};
  for (const name of COLLECTION_NAMES) {
    const collection = COLLECTIONS[name];
    const component = componentName(name);
    paths[`/${name}`] = {
      get: {
        operationId: `list${component}`,
        summary: collection.title,
        description: `${collection.description} Pagination par curseur\u00a0: suivez links.next jusqu’à ce qu’il vaille null (une page peut compter moins de lignes que limit).`,
        tags: [collection.title],
        parameters: parametersOf(name, { paging: true }),
        responses: { "200": jsonOk(`Une page de la collection ${name}.`, ref(`${component}Page`)), ...errors("304", "400") },
      },
    };
    paths[`/${name}.csv`] = {
      get: {
        operationId: `download${component}Csv`,
        summary: `${collection.title} (CSV)`,
        description: `Toute la collection, ses filtres appliqués, en un fichier CSV (UTF-8 sans BOM, virgules, dates ISO 8601), décrit par /${name}.schema.json.`,
        tags: [collection.title],
        parameters: parametersOf(name, { paging: false }),
        responses: {
          "200": {
            description: "Le fichier CSV, envoyé au fur et à mesure de sa lecture.",
            headers: { "Cache-Control": { $ref: "#/components/headers/Cache-Control" }, ...QUOTA_HEADERS },
            content: { "text/csv": { schema: { type: "string" } } },
          },
          ...errors("400"),
        },
      },
    };
    paths[`/${name}.schema.json`] = {
      get: {
        operationId: `describe${component}Csv`,
        summary: `${collection.title} (schéma du CSV)`,
        description:
          "Le schéma des colonnes du fichier CSV, au format Table Schema (Frictionless Data), comme schema.data.gouv.fr les publie.",
        tags: [collection.title],
        responses: {
          "200": jsonOk("Le Table Schema du fichier CSV.", {
            type: "object",
            externalDocs: { url: "https://specs.frictionlessdata.io/table-schema/" },
          }),
          ...errors("304"),
        },
      },
    };
    if (collection.item)
      paths[`/${name}/{id}`] = {
        get: {
          operationId: `get${component}`,
          summary: `${collection.title}\u00a0: une ligne`,
          tags: [collection.title],
          parameters: [
            {
              name: "id",
              in: "path",
              required: true,
              description: `La clé de la ligne (${collection.primaryKey[0]}).`,
              schema: { type: "string" },
            },
          ],
          responses: { "200": jsonOk("La ligne.", ref(`${component}Item`)), ...errors("304", "404") },
        },
      };
  }
  paths["/openapi.json"] = {
    get: {
      operationId: "describeApi",
      summary: "Ce document",
      responses: { "200": jsonOk("Le document OpenAPI 3.1 de l’API.", { type: "object" }), ...errors("304") },
    },
  };

  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "OpenCLS – API de données ouvertes",
      version: "1.0.0",
      description: [
        "Les données publiques des contrats locaux de santé\u00a0: territoires, contrats publiés, axes, signataires et partenaires, fiches actions publiées, objectifs, engagements, indicateurs et mesures, lignes de budget.",
        "Lecture seule, sans compte ni cookie. Seules les données publiées y figurent\u00a0: ni les contrats en brouillon, ni les fiches confidentielles, ni les champs que la coordination d’un contrat retient (budget, contact du pilote).",
        `Chaque adresse IP peut faire ${DEFAULT_API_RATE_LIMIT} requêtes par minute par défaut (en-têtes RateLimit-*). Les réponses peuvent être gardées ${CACHE_CONTROL.replace(/.*max-age=(\d+).*/, "$1")} secondes.`,
        "Chaque collection se télécharge aussi en CSV, avec son schéma Table Schema.",
      ].join("\n\n"),
      license: { name: OPEN_DATA_LICENCE.name, identifier: OPEN_DATA_LICENCE.identifier },
    },
    servers: [{ url: appUrl(API_BASE_PATH), description: "Cette instance d’OpenCLS" }],
    externalDocs: { description: "Présentation des données ouvertes", url: appUrl("/donnees") },
    paths,
    components: {
      schemas: componentSchemas(),
      headers: {
        ETag: header("Empreinte de la réponse, à renvoyer dans If-None-Match."),
        "Cache-Control": header(`${CACHE_CONTROL}.`),
        "RateLimit-Limit": header("Requêtes permises par minute à cette adresse.", "integer"),
        "RateLimit-Remaining": header("Requêtes qui restent dans la minute en cours.", "integer"),
        "RateLimit-Reset": header("Secondes avant que le compte ne reparte de zéro.", "integer"),
        "Retry-After": header("Secondes à attendre avant de réessayer.", "integer"),
      },
      responses: {
        NotModified: {
          description: "La réponse n’a pas changé depuis celle dont l’ETag est donné dans If-None-Match.",
          headers: { ETag: { $ref: "#/components/headers/ETag" } },
        },
        BadRequest: { description: "Un paramètre est invalide.", content: { "application/problem+json": { schema: ref("Problem") } } },
        NotFound: {
          description: "Aucune donnée publique à cette adresse.",
          content: { "application/problem+json": { schema: ref("Problem") } },
        },
        ServiceUnavailable: {
          description: "Les données ne peuvent pas être lues pour le moment\u00a0: réessayer après le nombre de secondes de Retry-After.",
          headers: { "Retry-After": { $ref: "#/components/headers/Retry-After" } },
          content: { "application/problem+json": { schema: ref("Problem") } },
        },
        TooManyRequests: {
          description: "Trop de requêtes depuis cette adresse\u00a0: attendre le nombre de secondes de Retry-After.",
          headers: { "Retry-After": { $ref: "#/components/headers/Retry-After" }, ...QUOTA_HEADERS },
          content: { "application/problem+json": { schema: ref("Problem") } },
        },
      },
    },
  };
}

/** What /api/v1 answers: each collection with its addresses, and this document's. */
export function openDataIndex() {
  return {
    title: "OpenCLS – API de données ouvertes",
    licence: OPEN_DATA_LICENCE,
    openapi: appUrl(`${API_BASE_PATH}/openapi.json`),
    documentation: appUrl("/donnees"),
    collections: COLLECTION_NAMES.map((name) => ({
      name,
      title: COLLECTIONS[name].title,
      description: COLLECTIONS[name].description,
      links: {
        json: appUrl(`${API_BASE_PATH}/${name}`),
        csv: appUrl(`${API_BASE_PATH}/${name}.csv`),
        schema: appUrl(`${API_BASE_PATH}/${name}.schema.json`),
      },
    })),
  };
}
