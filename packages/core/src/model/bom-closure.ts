/** An item and everything below it in the bill of materials, from the dataset's rows (no index needed: the web app calls it). */
import type { BomLine } from "./schema.js";

export function bomClosure(bom: readonly Pick<BomLine, "parent" | "child">[], root: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const b of bom) {
    const list = children.get(b.parent);
    if (list === undefined) children.set(b.parent, [b.child]);
    else list.push(b.child);
  }
  const seen = new Set<string>([root]);
  const stack = [root];
  while (stack.length > 0) {
    for (const c of children.get(stack.pop()!) ?? [])
      if (!seen.has(c)) {
        seen.add(c);
        stack.push(c);
      }
  }
  return seen;
}
