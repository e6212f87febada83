// Explicit named exports of the io topic.
// — Format (helper "model"): parse, serialize, migrations, JSON Schema.
export type { ParseResult, ParseOptions } from "./parse.ts";
export { parse } from "./parse.ts";
export { serialize } from "./serialize.ts";
export type { Migration } from "./migrate.ts";
export { migrate, MIGRATIONS } from "./migrate.ts";
export { powermapJsonSchema, JSON_SCHEMA_ID } from "./json-schema.ts";
export { MAX_DEPTH } from "./sanitize.ts";

// — Formats (helpers "interop-a" / "interop-b"): add the exports of ./formats/* below this line. —
// interop-b: format registry and CSV / graphology / GEXF / GraphML / Neo4j.
export type { FormatId, FormatInfo, ImportOptions } from "./formats/index.ts";
export { FORMATS, importData, exportData } from "./formats/index.ts";
export { detectFormat, formatFromFilename, FORMAT_IDS } from "./formats/detect.ts";
export type { CsvHeaderOptions, CsvSheets } from "./formats/csv.ts";
export { importCsv, exportCsv } from "./formats/csv.ts";
export { detectCsvMapping } from "./formats/csv-mapping.ts";
export type { SerializedGraphology } from "./formats/graphology.ts";
export { importGraphology, exportGraphology, exportGraphologyJson } from "./formats/graphology.ts";
export { importGexf, exportGexf } from "./formats/gexf.ts";
export { importGraphml, exportGraphml } from "./formats/graphml.ts";
export { exportNeo4j, exportNeo4jAdminCsv, exportCypher, cypherString } from "./formats/neo4j.ts";
// interop-a: import report types, LittleSis, Oligrapher, Kumu, FollowTheMoney.
export type { ImportNote, ImportReport, ImportResult } from "./formats/report.ts";
export { importLittleSis, detectLittleSis, LITTLESIS_CATEGORY_KINDS } from "./formats/littlesis.ts";
export { importOligrapher, exportOligrapher, detectOligrapher } from "./formats/oligrapher.ts";
export { importKumu, exportKumu, detectKumu } from "./formats/kumu.ts";
export { importFtm, importFtmStream, exportFtm, detectFtm } from "./formats/ftm.ts";
