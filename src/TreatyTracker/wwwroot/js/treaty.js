// A treaty's page: its status on a date, what changed between two dates, its history, allegations and raw record.
"use strict";

(() => {
  const { el, badge, when, partyNote, sourceLink, getJson, today, isDate, asOfFromUrl, setAsOfInUrl, listen, deadlineText } = TT;
  const id = decodeURIComponent(location.pathname.split("/").filter(Boolean)[1] ?? "");
  const api = path => `/api/treaties/${encodeURIComponent(id)}${path}`;
  const input = document.getElementById("as-of");
  let asOf = asOfFromUrl();

  const fill = (tableId, rows) => document.querySelector(`#${tableId} tbody`).replaceChildren(...rows);
  const cell = content => el("td", {}, content ?? "—");

  const loadStatus = async () => {
    document.getElementById("as-of-label").textContent = asOf;
    document.getElementById("back").setAttribute("href", `/?asOf=${asOf}`);
    const status = await getJson(api(`/status?asOf=${asOf}`));
    document.getElementById("treaty-name").textContent = status.name;
    document.title = `TreatyTracker — ${status.name}`;
    const next = status.pendingDeadlines[0];
    document.getElementById("treaty-status").replaceChildren(
      badge(status.status), status.since ? ` since ${when(status.since, status.sinceCertainty)}` : "",
      status.supersededBy ? ` by ${status.supersededBy}` : "",
      next ? el("span", { class: "deadline", text: ` — ${deadlineText(next, asOf)}` }) : "");
    fill("parties-table", status.parties.map(p => el("tr", {}, cell(p.name), cell(badge(p.status)), cell(when(p.since, p.sinceCertainty)), cell(p.effectiveOn),
      cell(partyNote({ ...p, asOf }) || "—"))));
  };

  const loadRecord = async () => {
    const [history, allegations, events] = await Promise.all([
      getJson(api("/history")), getJson(`/api/allegations?treaty=${encodeURIComponent(id)}`), getJson(api("/events"))]);
    const intervals = [
      ...history.intervals.map(i => ({ who: "the treaty", ...i })),
      ...history.parties.flatMap(p => p.intervals.map(i => ({ who: p.names ? p.names.map(n => n.name).join(" / ") : p.name, ...i })))];
    fill("history-table", intervals.map(i => el("tr", {}, cell(i.who), cell(badge(i.status)), cell(i.from ? when(i.from, i.certainty) : "…"), cell(i.to ?? "…"))));
    fill("allegations-table", allegations.map(a => el("tr", {}, cell(when(a.on, a.certainty)), cell(a.accuser), cell(a.accused), cell(a.summary), cell(sourceLink(a.source)))));
    fill("events-table", events.map(e => el("tr", { class: e.retracted ? "retracted" : "" },
      cell(String(e.version)), cell(e.type + (e.retracted ? " (retracted)" : "")), cell(when(e.on, e.certainty)), cell(e.event.summary),
      cell(sourceLink(e.event.source)), cell(new Date(e.recordedAt).toISOString().replace("T", " ").slice(0, 19) + " UTC"), cell(e.recordedBy))));
  };

  const compare = async (from, to) => {
    const summary = document.getElementById("diff-summary");
    try {
      const diff = await getJson(api(`/diff?from=${from}&to=${to}`));
      summary.textContent = `On ${from} the treaty was ${diff.statusOnFrom}; on ${to} it was ${diff.statusOnTo}. ${diff.transitions.length} change(s):`;
      fill("diff-table", diff.transitions.map(t => el("tr", {}, cell(t.on), cell(t.party ?? "the treaty"), cell(t.from ?? "—"), cell(t.to),
        cell(t.cause ? `${t.cause.type} of ${t.cause.on}` : "—"))));
    } catch (error) {
      summary.textContent = `Cannot compare: ${error.message}`;
    }
  };

  const setAsOf = async value => {
    if (!isDate(value)) return;
    asOf = value;
    input.value = asOf;
    setAsOfInUrl(asOf);
    await loadStatus();
  };

  const start = async () => {
    input.addEventListener("change", () => setAsOf(input.value));
    document.getElementById("as-of-form").addEventListener("submit", event => { event.preventDefault(); setAsOf(input.value); });
    document.getElementById("as-of-today").addEventListener("click", () => setAsOf(today()));
    const from = document.getElementById("diff-from");
    const to = document.getElementById("diff-to");
    document.getElementById("diff-form").addEventListener("submit", event => { event.preventDefault(); compare(from.value, to.value); });
    to.value = asOf;
    from.value = `${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4)}`.replace(/-02-29$/, "-02-28");
    await setAsOf(asOf);
    await loadRecord();
    listen(async change => {
      if (change.treatyId !== id) return;
      await loadStatus();
      await loadRecord();
    }, document.getElementById("live"));
  };

  start().catch(error => document.getElementById("treaty-name").replaceChildren(el("span", { class: "error", text: `Could not load treaty '${id}': ${error.message}` })));
})();
