// Keeping a report: JSON (the report itself, each input's text included so its offsets can be
// read back), Markdown (a brief an editor can paste into a memo) and CSV (quotes, actors,
// discrepancies). Pure functions over the report; no DOM, so Node can test them too.
import { ACTOR_LABEL, QUOTE_LABEL, actorIndex, groupIndex, kindLabel, nameIds, quoteShown, short } from "./render.js";

/** The report with every input's text filled in, and each article's display name. */
export function toJSON(report, names, pastes) {
  const inputs = report.inputs.map((inp, i) => ({ ...inp, text: inp.text ?? pastes[i] ?? "" }));
  const articles = report.articles.map((a) => ({ ...a, name: names.get(a.id) }));
  return `${JSON.stringify({ ...report, inputs, articles }, null, 2)}\n`;
}

const esc = (s) => String(s).replace(/([\\`*_[\]<>#|])/g, "\\$1").replace(/\s+/g, " ").trim();

/** A readable brief: per article who said what, then where the articles disagree. */
export function toMarkdown(report, names, { date = new Date() } = {}) {
  const out = [];
  const actors = actorIndex(report);
  const groups = groupIndex(report);
  const n = report.articles.length;
  out.push(`# Brief: ${n} article${n === 1 ? "" : "s"} compared`, "");
  out.push(`*Prepared with newslens on ${date.toISOString().slice(0, 10)}. Speakers and discrepancies are found automatically: check them against the articles before quoting.*`, "");
  out.push("## Articles", "");
  report.articles.forEach((a, i) => {
    const meta = [a.outlet, a.date, a.byline].filter(Boolean).map(esc).join(", ");
    out.push(`${i + 1}. **${esc(names.get(a.id))}**${meta ? ` (${meta})` : ""}: ${a.actors.length} actors, ${a.quotes.length} quotes`);
  });
  out.push("");
  if (report.discrepancies.length) {
    out.push("## Where the articles differ", "");
    const kinds = [...new Set(report.discrepancies.map((d) => d.kind))];
    for (const k of kinds) {
      out.push(`### ${kindLabel(k)}`, "");
      for (const d of report.discrepancies.filter((x) => x.kind === k)) {
        out.push(`- ${esc(nameIds(d.summary, names, short))}`);
        for (const it of d.items) out.push(`  - *${esc(short(names.get(it.article) ?? it.article))}*: “${esc(it.text)}”`);
      }
      out.push("");
    }
  } else if (n > 1) {
    out.push("## Where the articles differ", "", "No disagreements were found.", "");
  }
  const shared = (report.actors ?? []).filter((g) => new Set(g.members.map((m) => m.split(":")[0])).size > 1);
  if (shared.length) {
    out.push("## Actors in several articles", "");
    for (const g of shared) {
      const arts = [...new Set(g.members.map((m) => m.split(":")[0]))].map((id) => names.get(id) ?? id);
      const roles = [...new Set(g.members.flatMap((m) => actors.get(m)?.roles ?? []))];
      out.push(`- **${esc(g.name)}** (${ACTOR_LABEL[g.type] ?? g.type}${roles.length ? `; ${roles.map(esc).join("; ")}` : ""}): ${arts.map(esc).join(", ")}`);
    }
    out.push("");
  }
  out.push("## Who said what", "");
  for (const a of report.articles) {
    const quotes = a.quotes.filter((q) => q.kind !== "term");
    out.push(`### ${esc(names.get(a.id))}`, "");
    if (!quotes.length) out.push("No quotes found.");
    for (const q of quotes) {
      const who = q.speaker ? actors.get(q.speaker) : null;
      const group = q.speaker ? groups.get(q.speaker) : null;
      const via = q.via.map((v) => actors.get(v)?.name ?? v);
      const name = who ? group?.name ?? who.name : "Unattributed";
      out.push(`- **${esc(name)}** (${(QUOTE_LABEL[q.kind] ?? q.kind).toLowerCase()}${via.length ? `, via ${via.map(esc).join(" → ")}` : ""}): ${esc(quoteShown(q))}`);
    }
    out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/** One CSV cell: quoted when needed; a leading =, +, @ or tab is defused for spreadsheets. */
function cell(v) {
  let s = v === null || v === undefined ? "" : String(v);
  if (/^[=+@\t\r]/.test(s) || /^-[^\d\s]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
const csv = (rows) => `${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;

export function quotesCSV(report, names) {
  const actors = actorIndex(report);
  const groups = groupIndex(report);
  const rows = [["article", "article_id", "speaker", "speaker_type", "speaker_group", "kind", "text", "cue", "via", "start", "end"]];
  for (const a of report.articles) {
    for (const q of a.quotes) {
      const who = q.speaker ? actors.get(q.speaker) : null;
      rows.push([
        names.get(a.id),
        a.id,
        who?.name ?? "",
        who?.type ?? "",
        (q.speaker && groups.get(q.speaker)?.id) ?? "",
        q.kind,
        q.text,
        q.cue?.text ?? "",
        q.via.map((v) => actors.get(v)?.name ?? v).join(" > "),
        q.start,
        q.end,
      ]);
    }
  }
  return csv(rows);
}

export function actorsCSV(report, names) {
  const groups = groupIndex(report);
  const rows = [["article", "article_id", "actor_id", "group", "name", "type", "roles", "aliases", "mentions"]];
  for (const a of report.articles) {
    for (const x of a.actors) {
      rows.push([names.get(a.id), a.id, x.id, groups.get(x.id)?.id ?? "", x.name, x.type, x.roles.join("; "), x.aliases.join("; "), x.mentions.length]);
    }
  }
  return csv(rows);
}

export function discrepanciesCSV(report, names) {
  const rows = [["n", "kind", "summary", "article", "article_id", "text", "value", "start", "end"]];
  report.discrepancies.forEach((d, i) => {
    for (const it of d.items) rows.push([i + 1, d.kind, nameIds(d.summary, names), names.get(it.article) ?? it.article, it.article, it.text, it.value, it.start, it.end]);
  });
  return csv(rows);
}
