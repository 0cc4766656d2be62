// What is new in the record: every event recorded since an instant (a date: its midnight UTC), newest first, paged,
// for every treaty or one treaty or one state.
"use strict";

(() => {
  const { el, when, getJson, load, newestOnly, fillTable, downloadCsv, fromUrl, setInUrl, isDate, isInstant, toInstant, utc, monthsAgo, treatyLink, stateLink,
    treatyAndStateFilters, serverPager, cite } = TT;
  const PAGE = 20;
  const treaty = document.getElementById("news-treaty");
  const state = document.getElementById("news-state");
  const since = TT.dateField(document.getElementById("news-since"), () => show(pager.reset()), { instant: true });
  const until = TT.dateField(document.getElementById("news-until"), () => show(pager.reset()), { instant: true, optional: true });
  const pager = serverPager(document.getElementById("news-table"), "news", "Pages of what is new", number => show(number));
  let entries = [];

  const query = (page, size) => {
    const values = { since: since.value(), until: until.value(), treaty: treaty.value, state: state.value };
    setInUrl(values);
    const params = new URLSearchParams({ since: toInstant(values.since), page, pageSize: size });
    if (values.until) params.set("until", toInstant(values.until));
    if (values.treaty) params.set("treaty", values.treaty);
    if (values.state) params.set("state", values.state);
    return `/api/record?${params}`;
  };

  const newest = newestOnly();
  const show = (page = 1) => load(document.getElementById("news-state-line"), "the record", async () => {
    if (treaty.options.length === 1) await treatyAndStateFilters(treaty, state);
    const answer = await newest(() => getJson(query(page, PAGE)));
    if (!answer) return;
    entries = answer.entries;
    cite(document.getElementById("cite"), answer, { since: since.value(), until: answer.until ?? answer.recordedThrough });
    fillTable(document.getElementById("news-table"), entries.map(e => el("tr", { "data-event": e.eventId },
      el("td", { text: utc(e.recordedAt) }), el("td", { text: e.recordedBy }), el("td", {}, treatyLink(e.treatyId, e.shortName)),
      el("td", { text: e.type }), el("td", { text: when(e.on, e.event.certainty) }),
      el("td", {}, e.states.length ? e.states.flatMap((s, i) => [i ? ", " : "", stateLink(s)]) : "—"), el("td", { text: e.event.summary ?? "—" }))),
      page > 1 ? "Nothing more was recorded in this period." : "Nothing was recorded in this period.");
    pager.show(entries.length, PAGE);
  });

  const start = async () => {
    const valid = value => isDate(value) || isInstant(value);
    since.set(valid(fromUrl("since")) ? fromUrl("since") : monthsAgo(1));
    if (valid(fromUrl("until"))) until.set(fromUrl("until"));
    document.getElementById("news-filter").addEventListener("submit", event => event.preventDefault());
    for (const select of [treaty, state]) select.addEventListener("change", () => show(pager.reset()));
    document.getElementById("download-news").addEventListener("click", async () => downloadCsv("record.csv", [
      ["recordedAt", "recordedBy", "treaty", "version", "eventId", "type", "on", "states", "summary"],
      ...(await getJson(query(1, 1000))).entries.map(e => [e.recordedAt, e.recordedBy, e.treatyId, e.version, e.eventId, e.type, e.on, e.states.join(";"), e.event.summary])]));
    await show();
  };

  start();
})();
