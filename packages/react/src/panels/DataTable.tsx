/** A sortable, paged table with labelled headers; cells render whatever their column returns. */
import { useMemo, useState, type ReactNode } from "react";

export interface Column<R> {
  key: string;
  label: string;
  sortValue(row: R): string | number;
  cell(row: R): ReactNode;
}

interface Props<R> {
  caption: string;
  rows: readonly R[];
  rowKey(row: R): string;
  columns: readonly Column<R>[];
  testId: string;
  isSelected?(row: R): boolean;
  pageSize?: number;
}

export function DataTable<R>({ caption, rows, rowKey, columns, testId, isSelected, pageSize = 50 }: Props<R>) {
  const [sort, setSort] = useState<{ key: string; dir: 1 | -1 }>({ key: columns[0].key, dir: 1 });
  const [page, setPage] = useState(0);
  const sorted = useMemo(() => {
    const col = columns.find((c) => c.key === sort.key) ?? columns[0];
    const keyed = rows.map((r) => [col.sortValue(r), r] as const);
    keyed.sort(([a], [b]) => (typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b))) * sort.dir);
    return keyed.map(([, r]) => r);
  }, [rows, columns, sort]);
  const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
  const p = Math.min(page, pages - 1);
  const visible = sorted.slice(p * pageSize, (p + 1) * pageSize);

  return (
    <div className="pm-table-wrap">
      <table className="pm-table" data-testid={testId}>
        <caption className="pm-sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.dir === 1 ? "ascending" : "descending") : "none"}>
                <button
                  type="button"
                  className="pm-sort"
                  data-testid={`${testId}-sort-${c.key}`}
                  aria-label={`Sort by ${c.label}`}
                  onClick={() => setSort(sort.key === c.key ? { key: c.key, dir: sort.dir === 1 ? -1 : 1 } : { key: c.key, dir: 1 })}
                >
                  {c.label}
                  <span aria-hidden="true">{sort.key === c.key ? (sort.dir === 1 ? " ▲" : " ▼") : ""}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {visible.map((r) => (
            <tr key={rowKey(r)} data-testid={`${testId}-row-${rowKey(r)}`} className={isSelected?.(r) ? "pm-row-selected" : undefined}>
              {columns.map((c) => (
                <td key={c.key}>{c.cell(r)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <nav className="pm-pager" aria-label={`${caption} pages`}>
          <button type="button" className="pm-btn pm-btn-small" disabled={p === 0} onClick={() => setPage(p - 1)} aria-label="Previous page">
            ‹
          </button>
          <span>
            Page {p + 1} of {pages} ({sorted.length} rows)
          </span>
          <button type="button" className="pm-btn pm-btn-small" disabled={p >= pages - 1} onClick={() => setPage(p + 1)} aria-label="Next page">
            ›
          </button>
        </nav>
      )}
    </div>
  );
}
