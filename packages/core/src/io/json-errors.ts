/**
 * Locates the first syntax error of a JSON text. Node's own JSON.parse messages do not always carry
 * a position, so when parsing fails we rescan with this small iterative scanner (no recursion, so
 * deeply nested input cannot overflow the stack) to tell the user the line and column.
 */
export interface JsonErrorLocation {
  offset: number;
  line: number;
  column: number;
  message: string;
}

type Expect = "value" | "value_or_close" | "key" | "key_or_close" | "colon" | "comma_or_close" | "end";

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);

/** Line and column (both 1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Returns where and why `text` is not valid JSON, or undefined when it is valid. */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  const n = text.length;
  const stack: ("{" | "[")[] = [];
  let i = 0;
  let expect: Expect = "value";
  const fail = (message: string): JsonErrorLocation => ({ offset: i, ...lineColumn(text, i), message });
  const afterValue = (): Expect => (stack.length > 0 ? "comma_or_close" : "end");

  // Scans a string starting at text[i] === '"'; returns an error or advances i past the closing quote.
  const scanString = (): JsonErrorLocation | undefined => {
    i++;
    for (;;) {
      if (i >= n) return fail("unterminated string");
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return undefined;
      }
      if (c < 32) return fail("control character inside a string (escape it)");
      if (c === 92) {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail("invalid \\u escape in string");
          i += 6;
        } else if (e !== undefined && ESCAPES.has(e)) i += 2;
        else return fail("invalid escape in string");
      } else i++;
    }
  };

  for (;;) {
    while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
    if (i >= n) return expect === "end" ? undefined : fail("unexpected end of input");
    const c = text[i];
    switch (expect) {
      case "value":
      case "value_or_close": {
        if (expect === "value_or_close" && c === "]") {
          stack.pop();
          i++;
          expect = afterValue();
        } else if (c === "{") {
          stack.push("{");
          i++;
          expect = "key_or_close";
        } else if (c === "[") {
          stack.push("[");
          i++;
          expect = "value_or_close";
        } else if (c === '"') {
          const e = scanString();
          if (e) return e;
          expect = afterValue();
        } else {
          NUMBER.lastIndex = i;
          const m = NUMBER.exec(text);
          const word = ["true", "false", "null"].find((w) => text.startsWith(w, i));
          if (m) i += m[0].length;
          else if (word) i += word.length;
          else return fail(`unexpected character ${JSON.stringify(c)}, expected a value`);
          expect = afterValue();
        }
        break;
      }
      case "key":
      case "key_or_close":
        if (expect === "key_or_close" && c === "}") {
          stack.pop();
          i++;
          expect = afterValue();
        } else if (c === '"') {
          const e = scanString();
          if (e) return e;
          expect = "colon";
        } else return fail("expected a property name in double quotes");
        break;
      case "colon":
        if (c !== ":") return fail("expected ':' after a property name");
        i++;
        expect = "value";
        break;
      case "comma_or_close": {
        const close = stack[stack.length - 1] === "{" ? "}" : "]";
        if (c === ",") {
          i++;
          expect = close === "}" ? "key" : "value";
        } else if (c === close) {
          stack.pop();
          i++;
          expect = afterValue();
        } else return fail(`expected ',' or '${close}'`);
        break;
      }
      case "end":
        return fail("unexpected text after the end of the JSON value");
    }
  }
}
