/** Open Packaging part names: how zip entries, relationship targets and part names map onto each other. */

/** A zip entry name as a part name: backslashes read as slashes (Excel opens such files), no leading slash. */
export function partNameOf(entryName: string): string {
  return entryName.replace(/\\/g, "/").replace(/^\/+/, "");
}

/** Resolve a relationship target against the folder of the part that owns it ("" for the package). */
export function resolveTarget(ownerPath: string, target: string): string {
  const slashed = target.replace(/\\/g, "/");
  if (slashed.startsWith("/")) return partNameOf(slashed);
  const base = ownerPath.split("/").slice(0, -1);
  for (const seg of slashed.split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.join("/");
}

/** The relationships part of a part ("" for the package's own: _rels/.rels). */
export function relsPathFor(partPath: string): string {
  const parts = partPath.split("/");
  const file = parts.pop()!;
  return [...parts, "_rels", `${file}.rels`].join("/");
}

/** The target to write in `fromPart`'s relationships for `toPart`. */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let i = 0;
  while (i < from.length && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

/** The folder of a part, with its trailing slash ("" at the package root). */
export function folderOf(partPath: string): string {
  const at = partPath.lastIndexOf("/");
  return at < 0 ? "" : partPath.slice(0, at + 1);
}
