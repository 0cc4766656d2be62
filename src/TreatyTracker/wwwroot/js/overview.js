// The overview: a card per treaty on the chosen date, and every treaty's status intervals on a timeline.
"use strict";

(() => {
  const { el, badge, when, isUncertain, partyNote, scopeNote, statuses, getJson, load, asOfFromUrl, listen, deadlineText,
    expiryText, downloadCsv, download, daysBetween, stateLink, treatyLink } = TT;
  const EARLIEST = "1945-01-01";
  const latest = () => `${new Date().getUTCFullYear() + 10}-12-31`;

  const slider = document.getElementById("as-of-slider");
  const cards = document.getElementById("cards");
  const label = document.getElementById("as-of-label");
  const showParties = document.getElementById("show-parties");
  const statusFilter = document.getElementById("filter-status");
  const kindFilter = document.getElementById("filter-kind");
  const timelineState = document.getElementById("timeline-state");
  const timeline = TT.timeline(document.getElementById("timeline-view"));

  let asOf = asOfFromUrl();
  let treaties = [];
  let kinds = new Map();
  const histories = new Map();

  const dateOfIndex = index => new Date(Date.parse(EARLIEST) + index * 86400000).toISOString().slice(0, 10);

  // When a treaty's record starts: its first interval that is not "not signed", else its first event.
  const startOf = id => {
    const history = histories.get(id);
    return history?.intervals.find(i => i.status !== "not-signed")?.from ?? history?.events[0]?.on ?? "9999";
  };
  const shown = () => treaties
    .filter(t => !statusFilter.value || t.status === statusFilter.value)
    .filter(t => !kindFilter.value || kinds.get(t.treatyId) === kindFilter.value)
    .sort((a, b) => startOf(a.treatyId).localeCompare(startOf(b.treatyId)) || a.shortName.localeCompare(b.shortName));

  const renderCards = () => {
    const list = shown();
    document.getElementById("filter-count").textContent = `${list.length} of ${treaties.length} treaties`;
    const wanted = list.length ? list.map(cardOf) : [el("p", { class: "state", text: treaties.length ? "No treaty matches these filters." : "No treaty is recorded." })];
    // A card already drawn for the same answer is kept (moved, if the order changed), so that nothing a reader is looking at is redrawn.
    const current = [...cards.children];
    if (wanted.length !== current.length || wanted.some((node, i) => node !== current[i])) cards.replaceChildren(...wanted);
  };

  const drawn = new WeakMap();
  const cardOf = t => {
    if (!drawn.has(t)) drawn.set(t, card(t));
    return drawn.get(t);
  };

  const card = t => {
    const next = t.pendingDeadlines[0];
    const parties = t.parties.length > 8
      ? el("details", {}, el("summary", { text: `${t.parties.length} parties: ${summarise(t.parties)}` }), partyList(t.parties))
      : partyList(t.parties);
    const expiry = expiryText(t, asOf);
    return el("article", { class: "card", "data-treaty": t.treatyId },
      el("h3", {}, el("a", { href: `/treaties/${encodeURIComponent(t.treatyId)}?asOf=${asOf}`, title: t.name, text: t.shortName })),
      el("p", {}, badge(t.status), t.since ? el("span", { class: "since", text: ` since ${when(t.since, t.sinceCertainty)}` }) : "",
        t.supersededBy ? el("span", { class: "since", text: ` by ${t.supersededBy}` }) : ""),
      links(t),
      scopeNote(t.scope),
      parties,
      next ? el("p", { class: "deadline", text: deadlineText(next, asOf) }) : "",
      expiry ? el("p", { class: "since expiry", text: expiry }) : "",
      el("p", { class: "allegations", text: `${t.allegations.length} allegation${t.allegations.length === 1 ? "" : "s"} of violation up to this date` }));
  };

  // Relations to other treaties ("superseded-by new-start"), where the answer has them.
  const links = t => t.links?.length
    ? el("p", { class: "since links" }, t.links.map((link, i) => [i ? "; " : "", `${link.relation.replaceAll("-", " ")} `,
      treatyLink(link.treaty, link.shortName ?? treaties.find(o => o.treatyId === link.treaty)?.shortName, asOf)]))
    : "";

  const summarise = parties => Object.entries(parties.reduce((counts, p) => ({ ...counts, [p.status]: (counts[p.status] ?? 0) + 1 }), {}))
    .map(([status, count]) => `${count} ${status}`).join(", ");

  const partyList = parties => el("ul", { class: "parties" }, parties.map(p => {
    const note = partyNote({ ...p, asOf });
    return el("li", { "data-party": p.name },
      el("span", {}, stateLink(p.name, asOf), note ? el("small", { class: "note", text: ` (${note})` }) : ""),
      el("span", {}, badge(p.status, "party"), isUncertain(p.sinceCertainty) ? el("small", { class: "note", text: ` since ${when(p.since, p.sinceCertainty)}` }) : ""));
  }));

  const rows = () => shown().flatMap(t => {
    const history = histories.get(t.treatyId);
    if (!history) return [];
    const treatyRow = { label: t.shortName, scope: "treaty", intervals: history.intervals, events: history.events };
    const partyRows = showParties.checked
      ? history.parties.map(p => ({ label: `  ${p.names ? p.names.map(n => n.name).join(" / ") : p.name}`, scope: "party", intervals: p.intervals, events: [] }))
      : [];
    return [treatyRow, ...partyRows];
  });

  const renderAll = () => {
    renderCards();
    if (histories.size) timeline.render(rows(), asOf);
  };

  const loadStatus = () => load(document.getElementById("cards-state"), "the treaties", async () => {
    label.textContent = asOf;
    const [page, registered] = await Promise.all([getJson(TT.asRecorded(`/api/status?asOf=${asOf}&pageSize=1000`)), kinds.size ? null : getJson("/api/treaties")]);
    if (registered) kinds = new Map(registered.map(t => [t.id, t.kind]));
    treaties = page.treaties;
    TT.cite(document.getElementById("cite"), page, { asOf, recordedAt: page.recordedThrough });
    renderAll();
    const missing = treaties.map(t => t.treatyId).filter(id => !histories.has(id));
    if (missing.length || !histories.size) loadHistories(missing);
  });

  const loadHistories = ids => load(timelineState, "the timeline", async () => {
    await Promise.all(ids.map(async id => histories.set(id, await getJson(TT.asRecorded(`/api/treaties/${encodeURIComponent(id)}/history`)))));
    renderAll();
  });

  const asOfControl = TT.asOfControl(async value => {
    asOf = value;
    slider.value = daysBetween(EARLIEST, asOf);
    slider.setAttribute("aria-valuetext", asOf);
    await loadStatus();
  });

  const downloadStatus = () => downloadCsv(`treaties-on-${asOf}.csv`, [
    ["asOf", "treaty", "shortName", "kind", "party", "status", "since", "sinceCertainty", "toward", "expiresOn", "allegations", "recordFollows"],
    ...shown().flatMap(t => [
      [asOf, t.treatyId, t.shortName, kinds.get(t.treatyId), "", t.status, t.since, t.sinceCertainty, "", t.expiresOn, t.allegations.length, t.scope?.description],
      ...t.parties.map(p => [asOf, t.treatyId, t.shortName, kinds.get(t.treatyId), p.name, p.status, p.since, p.sinceCertainty, p.toward?.join(";"), "", "", ""])])]);

  const start = async () => {
    slider.min = 0;
    slider.max = daysBetween(EARLIEST, latest());
    statusFilter.append(...statuses.treaty.map(s => el("option", { value: s, text: s })));
    slider.addEventListener("input", () => { asOfControl.field.set(dateOfIndex(Number(slider.value))); slider.setAttribute("aria-valuetext", dateOfIndex(Number(slider.value))); });
    slider.addEventListener("change", () => asOfControl.set(dateOfIndex(Number(slider.value))));
    for (const control of [showParties, statusFilter, kindFilter]) control.addEventListener("change", renderAll);
    document.getElementById("download-status").addEventListener("click", downloadStatus);
    document.getElementById("download-chart").addEventListener("click", () => { const png = timeline.png(); if (png) download(`timeline-${asOf}.png`, png); });
    await asOfControl.set(asOf);
    listen(async change => {
      await loadStatus();
      await loadHistories([change.treatyId]);
    }, document.getElementById("live"));
  };

  start();
})();
