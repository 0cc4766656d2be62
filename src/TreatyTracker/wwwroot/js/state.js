// A state's page: every treaty it took part in on a date (its status there, the treaty's, the next deadline) and the
// allegations it made and faced up to that date.
"use strict";

(() => {
  const { el, badge, when, standing, beforeText, sourceLink, getJson, load, newestOnly, fillTable, asOfFromUrl, deadlineText, downloadCsv, treatyLink, stateLink, allegationsCsv, asRecorded, recordedAtFromUrl, setInUrl, isDate, isInstant, toInstant, cite } = TT;
  const name = decodeURIComponent(location.pathname.split("/").filter(Boolean)[1] ?? "");
  let asOf = asOfFromUrl();
  let view = null;
  const newest = newestOnly();

  const cell = content => el("td", {}, content ?? "—");

  const render = () => {
    document.getElementById("state-name").textContent = view.state;
    document.title = `TreatyTracker — ${view.state}`;
    const others = view.names.filter(n => n !== view.state);
    document.getElementById("state-names").textContent = others.length ? `Also recorded as ${others.join(", ")}` : "";
    fillTable(document.getElementById("treaties-table"), view.treaties.map(t => el("tr", { "data-treaty": t.treatyId },
      cell(treatyLink(t.treatyId, t.shortName, asOf)), cell(t.name === view.state ? "—" : t.name),
      cell(t.status ? [standing(t.status, t.toward), t.before ? el("small", { class: "note", text: ` (${beforeText(t.before)})` }) : ""] : "not yet"),
      cell(when(t.since, t.sinceCertainty)), cell(t.treatyStatus ? badge(t.treatyStatus) : "not signed yet"),
      cell(t.nextDeadline ? deadlineText(t.nextDeadline, asOf) : "—"))), "This state took part in no treaty.");
    // The view lists the newest allegations of each side; the caption says when there are more (the CSV has them all).
    const allegations = (id, side, other, caption, emptyText) => {
      const table = document.getElementById(id);
      table.querySelector("caption").textContent = side.count > side.newest.length
        ? `${caption}: the newest ${side.newest.length} of ${side.count.toLocaleString("en")} (Download CSV for all)` : caption;
      fillTable(table, side.newest.map(a => el("tr", {},
        cell(when(a.on, a.certainty)), cell(treatyLink(a.treatyId, a.treatyId, asOf)), cell(stateLink(a[other], asOf)), cell(a.summary), cell(sourceLink(a.source)))), emptyText);
    };
    allegations("allegations-by-table", view.allegationsBy, "accused", "Made by this state, newest first", "It made no allegation of violation up to this date.");
    allegations("allegations-against-table", view.allegationsAgainst, "accuser", "Made against this state, newest first", "No allegation of violation was made against it up to this date.");
  };

  // All of one side: the view's own list when it has them all, else every one from /api/allegations.
  const allOf = side => side.count > side.newest.length ? getJson(side.all) : Promise.resolve(side.newest);

  const loadState = () => load(document.getElementById("state-state"), "the state", async () => {
    document.getElementById("as-of-label").textContent = asOf;
    document.getElementById("back").setAttribute("href", `/?asOf=${asOf}`);
    const answer = await newest(() => getJson(asRecorded(`/api/states/${encodeURIComponent(name)}?asOf=${asOf}`)));
    if (answer === undefined) return;
    view = answer;
    cite(document.getElementById("cite"), view, { asOf, recordedAt: view.recordedThrough });
    render();
  });

  const asOfControl = TT.asOfControl(value => { asOf = value; return loadState(); });

  const downloads = {
    "download-treaties": () => view && downloadCsv(`${view.state}-on-${asOf}.csv`, [
      ["asOf", "state", "treaty", "shortName", "nameThen", "status", "since", "sinceCertainty", "toward", "before", "treatyStatus", "nextDeadlineOn", "nextDeadlineKind", "nextDeadlineParty"],
      ...view.treaties.map(t => [asOf, view.state, t.treatyId, t.shortName, t.name, t.status, t.since, t.sinceCertainty, t.toward?.join(";"), t.before ? beforeText(t.before) : "", t.treatyStatus,
        t.nextDeadline?.on, t.nextDeadline?.kind, t.nextDeadline?.party])]),
    "download-allegations": async () => {
      if (!view) return;
      const [by, against] = await Promise.all([allOf(view.allegationsBy), allOf(view.allegationsAgainst)]);
      downloadCsv(`${view.state}-allegations-to-${asOf}.csv`, allegationsCsv([...by, ...against]));
    }
  };

  for (const [button, action] of Object.entries(downloads)) document.getElementById(button).addEventListener("click", action);

  // The record's instant: empty for now, or a date (its midnight UTC) or an instant; kept in the URL like the date.
  const recordedAt = TT.dateField(document.getElementById("recorded-at"), () => {}, { instant: true, optional: true });
  recordedAt.set(recordedAtFromUrl());
  document.getElementById("recorded-form").addEventListener("submit", event => {
    event.preventDefault();
    const value = recordedAt.value();
    if (value && !isDate(value) && !isInstant(value)) return;
    setInUrl({ recordedAt: value ? toInstant(value) : "" });
    loadState();
  });
  document.getElementById("recorded-now").addEventListener("click", () => { recordedAt.set(""); setInUrl({ recordedAt: "" }); loadState(); });
  asOfControl.set(asOf);
})();
