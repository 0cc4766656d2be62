// Who held a status during [from, to): the status intervals of treaties and parties that overlap the period, filtered
// by status, treaty and state (as the CLI's `treaty during`), paged.
"use strict";

(() => {
  const { el, badge, standing, when, statuses, getJson, load, newestOnly, fillTable, downloadCsv, fromUrl, setInUrl, isDate, today, monthsAgo, treatyLink, stateLink,
    fillOptions, treatyAndStateFilters, serverPager, cite } = TT;
  const PAGE = 50;
  const status = document.getElementById("during-status");
  const treaty = document.getElementById("during-treaty");
  const state = document.getElementById("during-state");
  const from = TT.dateField(document.getElementById("during-from"), () => show(pager.reset()));
  const to = TT.dateField(document.getElementById("during-to"), () => show(pager.reset()));
  const pager = serverPager(document.getElementById("during-table"), "during", "Pages of the periods", number => show(number));

  const query = (page, size) => {
    const values = { from: from.value(), to: to.value(), status: status.value, treaty: treaty.value, state: state.value };
    setInUrl(values);
    const params = new URLSearchParams({ page, pageSize: size });
    for (const [name, value] of Object.entries(values)) if (value) params.set(name, value);
    return `/api/status/during?${params}`;
  };

  const newest = newestOnly();
  const show = (page = 1) => load(document.getElementById("during-state-line"), "the periods", async () => {
    if (treaty.options.length === 1) await treatyAndStateFilters(treaty, state);
    const answer = await newest(() => getJson(query(page, PAGE)));
    if (!answer) return;
    const intervals = answer.intervals;
    cite(document.getElementById("cite"), answer, {});
    fillTable(document.getElementById("during-table"), intervals.map(i => el("tr", { "data-treaty": i.treatyId, "data-party": i.party ?? "" },
      el("td", {}, treatyLink(i.treatyId, i.shortName, i.from)), el("td", {}, i.party ? stateLink(i.party, i.from) : "the treaty"),
      el("td", {}, standing(i.status, i.toward, i.party ? "party" : "treaty")), el("td", { text: i.from ? when(i.from, i.certainty) : "…" }),
      el("td", { text: i.to ?? "…" }), el("td", { text: i.effectiveOn ?? "—" }))),
      page > 1 ? "No more intervals overlap this period." : "Nothing held such a status in this period.");
    pager.show(intervals.length, PAGE);
  });

  const start = async () => {
    fillOptions(status, [...new Set([...statuses.treaty, ...statuses.party])].sort());
    status.value = fromUrl("status");
    from.set(isDate(fromUrl("from")) ? fromUrl("from") : monthsAgo(12));
    to.set(isDate(fromUrl("to")) ? fromUrl("to") : today());
    document.getElementById("during-filter").addEventListener("submit", event => event.preventDefault());
    for (const select of [status, treaty, state]) select.addEventListener("change", () => show(pager.reset()));
    document.getElementById("download-during").addEventListener("click", async () => downloadCsv(`during-${from.value()}-to-${to.value()}.csv`, [
      ["treaty", "party", "status", "toward", "from", "certainty", "to", "effectiveOn", "causedBy"],
      ...(await getJson(query(1, 1000))).intervals.map(i => [i.treatyId, i.party, i.status, i.toward?.join(";"), i.from, i.certainty, i.to, i.effectiveOn, i.causedBy])]));
    await show();
  };

  start();
})();
