// A treaty's page: its status on a date, what changed between two dates, its history, allegations and raw record.
"use strict";

(() => {
  const { el, badge, when, partyNote, standing, scopeNote, sourceLink, getJson, load, fillTable, isDate, asOfFromUrl, listen, deadlineText,
    expiryText, statuses, downloadCsv, download, allegationsCsv, fillOptions, stateLink, treatyLink, isInstant, toInstant, utc, monthsAgo, asRecorded, recordedAtFromUrl, cite } = TT;
  const id = decodeURIComponent(location.pathname.split("/").filter(Boolean)[1] ?? "");
  const api = path => `/api/treaties/${encodeURIComponent(id)}${path}`;
  const PAGE = 20;
  let asOf = asOfFromUrl();
  let status = null;
  let history = null;
  let allegations = [];
  let events = [];
  let diff = null;
  let links = [];
  let sort = { key: "status", direction: 1 };
  let page = 0;

  const cell = content => el("td", {}, content ?? "—");
  const nameOf = p => p.names ? p.names.map(n => n.name).join(" / ") : p.name;
  const inEffect = (interval, date) => (interval.from ?? "") <= date && (!interval.to || date < interval.to);
  const timeline = TT.timeline(document.getElementById("timeline-view"));
  const counts = TT.countsChart(document.getElementById("counts"), id);
  const fromField = TT.dateField(document.getElementById("diff-from"), () => {});
  const toField = TT.dateField(document.getElementById("diff-to"), () => {});
  const recordedAt = TT.dateField(document.getElementById("recorded-at"), () => {}, { instant: true });

  // The parties: grouped by status (in the order of the statuses) unless asked not to, sorted by the chosen column.
  const renderParties = () => {
    const table = document.getElementById("parties-table");
    const order = p => sort.key === "status" ? String(statuses.party.indexOf(p.status)).padStart(2, "0") + p.name : sort.key === "since" ? (p.since ?? "") + p.name : p.name;
    const sorted = [...status.parties].sort((a, b) => order(a).localeCompare(order(b)) * sort.direction);
    const row = p => el("tr", { "data-party": p.name }, cell(stateLink(p.name, asOf)), cell(badge(p.status, "party")), cell(when(p.since, p.sinceCertainty)), cell(p.effectiveOn),
      cell(partyNote({ ...p, asOf }) || "—"));
    const grouped = document.getElementById("group-parties").checked;
    const rows = grouped
      ? statuses.party.flatMap(s => {
          const members = sorted.filter(p => p.status === s).sort((a, b) => (sort.key === "status" ? a.name.localeCompare(b.name) : order(a).localeCompare(order(b)) * sort.direction));
          return members.length ? [el("tr", { class: "group" }, el("th", { colspan: "5", scope: "colgroup" }, badge(s, "party"), ` ${members.length}`)), ...members.map(row)] : [];
        })
      : sorted.map(row);
    fillTable(table, rows, "No party is recorded on this date.");
    for (const header of table.tHead.rows[0].cells)
      if (header.dataset.sort) header.setAttribute("aria-sort", header.dataset.sort === sort.key ? (sort.direction > 0 ? "ascending" : "descending") : "none");
  };

  const renderStatus = () => {
    document.getElementById("treaty-name").textContent = status.name;
    document.title = `TreatyTracker — ${status.name}`;
    const next = status.pendingDeadlines[0];
    document.getElementById("treaty-status").replaceChildren(
      badge(status.status), status.since ? ` since ${when(status.since, status.sinceCertainty)}` : "",
      status.supersededBy ? ` by ${status.supersededBy}` : "",
      next ? el("span", { class: "deadline", text: ` — ${deadlineText(next, asOf)}` }) : "");
    document.getElementById("treaty-expiry").textContent = expiryText(status, asOf);
    document.getElementById("treaty-scope").replaceChildren(scopeNote(status.scope));
    document.getElementById("treaty-links").replaceChildren(...links.flatMap((link, i) => [i ? "; " : "",
      `${link.relation.replaceAll("-", " ")} `, treatyLink(link.treaty, link.shortName, asOf)]));
    renderParties();
  };

  // The sources of the events that put the treaty and each party where they stand on the date.
  const renderSources = () => {
    const node = document.getElementById("status-sources");
    if (!history) return;
    const causes = new Set([history.intervals, ...history.parties.map(p => p.intervals)].flatMap(list => list.filter(i => inEffect(i, asOf)).map(i => i.causedBy)));
    const items = history.events.filter(e => causes.has(e.id) && e.source)
      .map(e => el("li", {}, `${e.type} of ${when(e.on, e.certainty)}: `, sourceLink(e.source)));
    node.replaceChildren(...(items.length ? items : [el("li", { class: "state", text: "No source is recorded for this status." })]));
  };

  const renderHistory = () => {
    const rows = [{ label: "the treaty", scope: "treaty", intervals: history.intervals, events: history.events },
      ...[...history.parties].sort((a, b) => nameOf(a).localeCompare(nameOf(b))).map(p => ({ label: nameOf(p), scope: "party", intervals: p.intervals, events: [] }))];
    timeline.render(rows, asOf);
    const cause = i => history.events.find(e => e.id === i.causedBy);
    document.getElementById("history").replaceChildren(...rows.map(row => {
      const now = row.intervals.find(i => inEffect(i, asOf));
      const table = el("table", {}, el("caption", { class: "sr-only", text: `Status intervals of ${row.label}` }),
        el("thead", {}, el("tr", {}, ["Status", "From", "To", "Caused by"].map(h => el("th", { scope: "col", text: h })))), el("tbody"));
      fillTable(table, row.intervals.map(i => el("tr", {}, cell(badge(i.status, row.scope)), cell(i.from ? when(i.from, i.certainty) : "…"), cell(i.to ?? "…"),
        cell(cause(i) ? `${cause(i).type} of ${when(cause(i).on, cause(i).certainty)}` : "—"))), "No interval is recorded.");
      return el("details", { class: "who", "data-who": row.label, ...(row.scope === "treaty" ? { open: "" } : {}) },
        el("summary", {}, el("strong", { text: row.label }), ` — ${row.intervals.length} interval${row.intervals.length === 1 ? "" : "s"}`, now ? [`; on ${asOf}: `, badge(now.status, row.scope)] : ""),
        table);
    }));
    renderSources();
  };

  const renderAllegations = () => fillTable(document.getElementById("allegations-table"),
    allegations.map(a => el("tr", {}, cell(when(a.on, a.certainty)), cell(stateLink(a.accuser, asOf)), cell(stateLink(a.accused, asOf)), cell(a.summary), cell(sourceLink(a.source)))),
    "No allegation of violation is recorded for this treaty.");

  // Who an event names, for the record's party filter.
  const namesIn = e => [e.event.party, e.event.by, e.event.accuser, e.event.accused, e.event.successor, e.event.predecessor,
    ...(e.event.parties ?? []), ...(e.event.toward ?? [])].filter(Boolean);

  const renderEvents = () => {
    const search = document.getElementById("events-search").value.trim().toLowerCase();
    const type = document.getElementById("events-type").value;
    const party = document.getElementById("events-party").value;
    const numbered = events.map((e, index) => ({ e, number: index + 1 }));
    const matching = numbered.filter(({ e }) => (!type || e.type === type) && (!party || namesIn(e).includes(party)) &&
      (!search || [e.type, e.event.summary, e.event.source?.title, e.recordedBy, e.on, ...namesIn(e)].some(text => String(text ?? "").toLowerCase().includes(search))));
    const pages = Math.max(1, Math.ceil(matching.length / PAGE));
    page = Math.min(page, pages - 1);
    fillTable(document.getElementById("events-table"), matching.slice(page * PAGE, (page + 1) * PAGE).map(({ e, number }) => el("tr", { class: e.retracted ? "retracted" : "" },
      cell(String(number)), cell(e.type + (e.retracted ? " (retracted)" : "")), cell(when(e.on, e.certainty)), cell(e.event.summary),
      cell(sourceLink(e.event.source)), cell(utc(e.recordedAt)), cell(e.recordedBy))),
      events.length ? "No recorded event matches." : "Nothing is recorded yet.");
    document.getElementById("events-page").textContent = `Page ${page + 1} of ${pages} (${matching.length} of ${events.length} events)`;
    document.getElementById("events-previous").disabled = page === 0;
    document.getElementById("events-next").disabled = page >= pages - 1;
  };

  const loadStatus = () => load(document.getElementById("status-state"), "the status", async () => {
    document.getElementById("as-of-label").textContent = asOf;
    document.getElementById("back").setAttribute("href", `/?asOf=${asOf}`);
    // Links in both directions (those other treaties state about this one too); a server without them has none.
    [status, links] = await Promise.all([getJson(asRecorded(api(`/status?asOf=${asOf}`))), getJson(api(`/links?asOf=${asOf}`)).catch(() => [])]);
    cite(document.getElementById("cite"), status, { asOf, recordedAt: status.recordedThrough });
    renderStatus();
    counts.show(status.parties.length > 2 ? () => getJson(asRecorded(api("/counts?step=P1Y"))) : null);
    renderSources();
    if (history) renderHistory();
  });

  const loadHistory = () => load(document.getElementById("history-state"), "the history", async () => {
    history = await getJson(asRecorded(api("/history")));
    renderHistory();
  });

  const loadAllegations = () => load(document.getElementById("allegations-state"), "the allegations", async () => {
    allegations = await getJson(`/api/allegations?treaty=${encodeURIComponent(id)}`);
    renderAllegations();
  });

  const loadEvents = () => load(document.getElementById("events-state"), "the record", async () => {
    // A page fixed at an instant of the record shows the events recorded by then.
    const fixedAt = recordedAtFromUrl() ? Date.parse(recordedAtFromUrl()) : Infinity;
    events = (await getJson(api("/events"))).filter(e => Date.parse(e.recordedAt) <= fixedAt);
    fillOptions(document.getElementById("events-type"), [...new Set(events.map(e => e.type))].sort());
    fillOptions(document.getElementById("events-party"), [...new Set(events.flatMap(namesIn))].sort());
    renderEvents();
  });

  let comparisons = 0;
  const compare = (from, to) => load(document.getElementById("diff-state"), "the changes", async () => {
    const asked = ++comparisons;
    const answer = await getJson(asRecorded(api(`/diff?from=${from}&to=${to}`)));
    if (asked !== comparisons) return; // a later comparison was asked for meanwhile: its answer is the one to show
    diff = answer;
    document.getElementById("diff-summary").textContent = diff.transitions.length
      ? `On ${from} the treaty was ${diff.statusOnFrom}; on ${to} it was ${diff.statusOnTo}. ${diff.transitions.length} change${diff.transitions.length === 1 ? "" : "s"}:`
      : `Nothing changed between ${from} and ${to}: the treaty was ${diff.statusOnTo} throughout.`;
    const scope = t => t.party ? "party" : "treaty";
    fillTable(document.getElementById("diff-table"), diff.transitions.map(t => el("tr", {}, cell(t.on), cell(t.party ?? "the treaty"),
      cell(t.from ? standing(t.from, t.fromToward, scope(t)) : "—"),
      cell([standing(t.to, t.toward, scope(t)), t.previousEndedBy ? ` (${t.previousEndedBy.replaceAll("-", " ")})` : ""]),
      cell(t.cause ? `${t.cause.type} of ${t.cause.on}` : "—"))), `Nothing changed between ${from} and ${to}.`);
    document.getElementById("download-diff").disabled = false;
  });

  // The same day as an earlier instant of the record answered it, against now: what the record says differently.
  let recorded = null;
  const compareRecord = at => load(document.getElementById("recorded-state"), "the comparison", async () => {
    const answer = await getJson(api(`/status/compare?asOf=${asOf}&recordedAt=${encodeURIComponent(toInstant(at))}`));
    recorded = answer;
    cite(document.getElementById("recorded-cite"), answer);
    const standing = (status, scope) => status ? badge(status, scope) : "—";
    document.getElementById("recorded-summary").textContent = !answer.then
      ? `Nothing was recorded about this treaty by ${utc(answer.recordedAt)}.`
      : answer.changes.length ? `${answer.changes.length} standing${answer.changes.length === 1 ? "" : "s"} on ${asOf} read differently now than at ${utc(answer.recordedAt)}:`
      : `The record at ${utc(answer.recordedAt)} said the same about ${asOf} as it does now.`;
    fillTable(document.getElementById("recorded-table"), answer.changes.map(c => el("tr", { "data-party": c.party ?? "" },
      cell(c.party ? stateLink(c.party, asOf) : "the treaty"), cell(standing(c.then, c.party ? "party" : "treaty")), cell(c.sinceThen),
      cell(standing(c.now, c.party ? "party" : "treaty")), cell(c.sinceNow))), "No standing differs.");
    document.getElementById("download-recorded").disabled = false;
  });

  const asOfControl = TT.asOfControl(value => { asOf = value; return loadStatus(); });

  const downloads = {
    "download-status": () => downloadCsv(`${id}-on-${asOf}.csv`, [
      ["asOf", "treaty", "party", "status", "since", "sinceCertainty", "effectiveOn", "toward", "notes"],
      [asOf, id, "", status?.status, status?.since, status?.sinceCertainty, "", "", status?.scope?.description],
      ...(status?.parties ?? []).map(p => [asOf, id, p.name, p.status, p.since, p.sinceCertainty, p.effectiveOn, p.toward?.join(";"), partyNote({ ...p, asOf })])]),
    "download-diff": () => diff && downloadCsv(`${id}-changes-${diff.from}-to-${diff.to}.csv`, [
      ["treaty", "on", "party", "from", "fromToward", "to", "toward", "previousEndedBy", "effectiveOn", "causeType", "causeOn", "causeSummary", "sourceTitle", "sourceUrl"],
      ...diff.transitions.map(t => [id, t.on, t.party, t.from, t.fromToward?.join(";"), t.to, t.toward?.join(";"), t.previousEndedBy, t.effectiveOn,
        t.cause?.type, t.cause?.on, t.cause?.summary, t.cause?.source?.title, t.cause?.source?.url])]),
    "download-allegations": () => downloadCsv(`${id}-allegations.csv`, allegationsCsv(allegations)),
    "download-recorded": () => recorded && downloadCsv(`${id}-on-${asOf}-as-recorded-${recorded.recordedAt.slice(0, 19).replaceAll(":", "")}.csv`, [
      ["treaty", "asOf", "recordedAt", "comparedWith", "party", "then", "sinceThen", "now", "sinceNow"],
      ...recorded.changes.map(c => [id, asOf, recorded.recordedAt, recorded.comparedWith, c.party, c.then, c.sinceThen, c.now, c.sinceNow])]),
    "download-chart": () => { const png = timeline.png(); if (png) download(`${id}-timeline.png`, png); }
  };

  const start = async () => {
    for (const [button, action] of Object.entries(downloads)) document.getElementById(button).addEventListener("click", action);
    document.getElementById("group-parties").addEventListener("change", () => status && renderParties());
    for (const header of document.querySelectorAll("#parties-table th[data-sort]"))
      header.querySelector("button").addEventListener("click", () => {
        sort = { key: header.dataset.sort, direction: sort.key === header.dataset.sort ? -sort.direction : 1 };
        if (status) renderParties();
      });
    for (const control of ["events-search", "events-type", "events-party"])
      document.getElementById(control).addEventListener("input", () => { page = 0; renderEvents(); });
    document.getElementById("events-filter").addEventListener("submit", event => event.preventDefault());
    document.getElementById("events-previous").addEventListener("click", () => { page--; renderEvents(); });
    document.getElementById("events-next").addEventListener("click", () => { page++; renderEvents(); });
    const from = document.getElementById("diff-from");
    const to = document.getElementById("diff-to");
    document.getElementById("diff-form").addEventListener("submit", event => {
      event.preventDefault();
      if (isDate(from.value) && isDate(to.value)) compare(from.value, to.value);
    });
    document.getElementById("recorded-form").addEventListener("submit", event => {
      event.preventDefault();
      if (isDate(recordedAt.value()) || isInstant(recordedAt.value())) compareRecord(recordedAt.value());
    });
    recordedAt.set(monthsAgo(1));
    toField.set(asOf);
    fromField.set(`${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4)}`.replace(/-02-29$/, "-02-28"));
    await Promise.all([asOfControl.set(asOf), loadHistory(), loadAllegations(), loadEvents(), compare(fromField.value(), toField.value())]);
    listen(async change => {
      if (change.treatyId !== id) return;
      await Promise.all([loadStatus(), loadHistory(), loadAllegations(), loadEvents()]);
    }, document.getElementById("live"));
  };

  start();
})();
