import { test } from "vitest";
import { importCsv, exportCsv } from "../../src/io/formats/csv.ts";
import { importGraphology, exportGraphology } from "../../src/io/formats/graphology.ts";
test("smoke", () => {
  const actors = '\uFEFFName;Type;Stance;Tags;Notes;Ward\r\n"Local 418";union;2;labor, ally;"multi\nline; with ""quote""";3\r\nJane Doe;politician;-1;;=HYPERLINK("x");\r\nBad;spaceship;7;;;\r\n';
  const rels = 'Actor 1,Actor 2,Relationship,Amount,Source\nLocal 418,Jane Doe,donated to,"$1,200",https://example.org/a\nJane Doe,Nobody,friend,,javascript:alert(1)\n';
  const r = importCsv({ actors, relationships: rels });
  console.log(JSON.stringify(r, null, 1));
  console.log(exportCsv(r.document));
  const g = importGraphology(JSON.stringify(exportGraphology(r.document)));
  console.log(JSON.stringify(g.report));
});
