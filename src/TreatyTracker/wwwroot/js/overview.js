// The overview: a card per treaty on the chosen date, and every treaty's status intervals on a timeline.
"use strict";

(() => {
  const { el, badge, when, isUncertain, partyNote, statuses, escapeHtml, safeUrl, getJson, today, isDate, asOfFromUrl, setAsOfInUrl, listen, deadlineText } = TT;
  const EARLIEST = "1945-01-01";
  const latest = () => `${new Date().getUTCFullYear() + 10}-12-31`;
  const DAY = 86400000;

  const input = document.getElementById("as-of");
  const slider = document.getElementById("as-of-slider");
  const cards = document.getElementById("cards");
  const label = document.getElementById("as-of-label");
  const showParties = document.getElementById("show-parties");
  const chartNode = document.getElementById("timeline");
  const legend = document.getElementById("timeline-legend");

  let asOf = asOfFromUrl();
  let treaties = [];
  const histories = new Map();
  let chart = null;

  const css = name => getComputedStyle(document.documentElement).getPropertyValue(`--${name}`).trim() || "#888";
  const dayIndex = date => Math.round((Date.parse(date) - Date.parse(EARLIEST)) / DAY);
  const dateOfIndex = index => new Date(Date.parse(EARLIEST) + index * DAY).toISOString().slice(0, 10);

  const renderCards = () => {
    cards.replaceChildren(...treaties.map(t => {
      const next = t.pendingDeadlines[0];
      const parties = t.parties.length > 8
        ? el("details", {}, el("summary", { text: `${t.parties.length} parties: ${summarise(t.parties)}` }), partyList(t.parties))
        : partyList(t.parties);
      return el("article", { class: "card", "data-treaty": t.treatyId },
        el("h3", {}, el("a", { href: `/treaties/${encodeURIComponent(t.treatyId)}?asOf=${asOf}`, title: t.name, text: t.shortName })),
        el("p", {}, badge(t.status), t.since ? el("span", { class: "since", text: ` since ${when(t.since, t.sinceCertainty)}` }) : "",
          t.supersededBy ? el("span", { class: "since", text: ` by ${t.supersededBy}` }) : ""),
        parties,
        next ? el("p", { class: "deadline", text: deadlineText(next, asOf) }) : "",
        t.expiresOn ? el("p", { class: "since", text: `Expires on ${t.expiresOn}` }) : "",
        el("p", { class: "allegations", text: `${t.allegations.length} allegation${t.allegations.length === 1 ? "" : "s"} of violation up to this date` }));
    }));
  };

  const summarise = parties => Object.entries(parties.reduce((counts, p) => ({ ...counts, [p.status]: (counts[p.status] ?? 0) + 1 }), {}))
    .map(([status, count]) => `${count} ${status}`).join(", ");

  const partyList = parties => el("ul", { class: "parties" }, parties.map(p => {
    const note = partyNote({ ...p, asOf });
    return el("li", { "data-party": p.name },
      el("span", {}, el("span", { text: p.name }), note ? el("small", { class: "note", text: ` (${note})` }) : ""),
      el("span", {}, badge(p.status), isUncertain(p.sinceCertainty) ? el("small", { class: "note", text: ` since ${when(p.since, p.sinceCertainty)}` }) : ""));
  }));

  const rows = () => treaties.flatMap(t => {
    const history = histories.get(t.treatyId);
    if (!history) return [];
    const treatyRow = { label: t.shortName, intervals: history.intervals, events: history.events };
    const partyRows = showParties.checked
      ? history.parties.map(p => ({ label: `  ${p.names ? p.names.map(n => n.name).join(" / ") : p.name}`, intervals: p.intervals, events: [] }))
      : [];
    return [treatyRow, ...partyRows];
  });

  const renderTimeline = () => {
    if (!window.echarts) return;
    chart ??= echarts.init(chartNode, null, { renderer: "canvas" });
    const all = rows();
    const bars = all.flatMap((row, index) => row.intervals.map(i => ({
      value: [index, i.from ?? EARLIEST, i.to ?? latest(), i.status],
      itemStyle: { color: i.status === "not-signed" ? "#e5e7eb" : css(i.status) }
    })));
    // Retracted: hollow, grey. A date not sure to the day: hollow with a dashed edge.
    const markers = all.flatMap((row, index) => row.events.map(e => ({
      value: [e.on, index], entry: e,
      itemStyle: e.retracted ? { color: "#ffffff", borderColor: "#6b7280", borderWidth: 2 }
        : isUncertain(e.certainty) ? { color: "#ffffff", borderColor: "#1b1f24", borderWidth: 2, borderType: "dashed" }
        : { color: "#1b1f24" }
    })));
    chartNode.style.height = `${Math.max(16, all.length * 2.2 + 8)}rem`;
    chart.resize();
    chart.setOption({
      animation: false,
      grid: { left: 170, right: 30, top: 20, bottom: 70 },
      xAxis: { type: "time", min: EARLIEST, max: latest(), axisLabel: { hideOverlap: true } },
      yAxis: { type: "category", data: all.map(r => r.label), inverse: true, axisLabel: { width: window.innerWidth < 600 ? 90 : 160, overflow: "truncate" } },
      dataZoom: [{ type: "inside", xAxisIndex: 0 }, { type: "slider", xAxisIndex: 0, bottom: 20 }],
      tooltip: { trigger: "item", enterable: true, confine: true, formatter: tooltip },
      series: [
        {
          type: "custom", name: "status", encode: { x: [1, 2], y: 0 }, data: bars,
          renderItem: (params, api) => {
            const start = api.coord([api.value(1), api.value(0)]);
            const end = api.coord([api.value(2), api.value(0)]);
            const height = api.size([0, 1])[1] * 0.55;
            const shape = echarts.graphic.clipRectByRect(
              { x: start[0], y: start[1] - height / 2, width: Math.max(1, end[0] - start[0]), height },
              { x: params.coordSys.x, y: params.coordSys.y, width: params.coordSys.width, height: params.coordSys.height });
            return shape && { type: "rect", shape, style: api.style() };
          },
          markLine: { symbol: "none", silent: true, label: { formatter: asOf }, lineStyle: { color: "#0b57d0", width: 2 }, data: [{ xAxis: asOf }] }
        },
        { type: "scatter", name: "events", symbol: "diamond", symbolSize: 11, data: markers, z: 5 }
      ]
    }, { replaceMerge: ["series"] });
    legend.replaceChildren(...[...statuses.treaty, ...statuses.party.filter(s => !statuses.treaty.includes(s))].map(badge),
      el("span", { class: "marker-key", text: "◆ event  ◇ retracted  ⬦ date not confirmed to the day (dashed)" }));
  };

  const tooltip = params => {
    if (params.seriesName === "status") {
      const [, from, to, status] = params.value;
      return `${escapeHtml(status)}<br>${escapeHtml(from)} → ${escapeHtml(to)}`;
    }
    const e = params.data.entry;
    const url = e.source && safeUrl(e.source.url);
    const source = e.source
      ? (url ? `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(e.source.title)}</a>` : escapeHtml(e.source.title))
      : "no source recorded";
    return `<strong>${escapeHtml(e.type)}</strong> — ${escapeHtml(when(e.on, e.certainty))}${e.retracted ? " <em>(retracted)</em>" : ""}<br>` +
      `<div style="max-width:24rem;white-space:normal">${escapeHtml(e.summary ?? "")}</div>Source: ${source}`;
  };

  const loadStatus = async () => {
    label.textContent = asOf;
    const page = await getJson(`/api/status?asOf=${asOf}&pageSize=1000`);
    treaties = page.treaties;
    renderCards();
  };

  const loadHistories = async ids => {
    await Promise.all(ids.map(async id => histories.set(id, await getJson(`/api/treaties/${encodeURIComponent(id)}/history`))));
    renderTimeline();
  };

  const setAsOf = async value => {
    if (!isDate(value)) return;
    asOf = value;
    input.value = asOf;
    slider.value = dayIndex(asOf);
    setAsOfInUrl(asOf);
    await loadStatus();
    renderTimeline();
  };

  const start = async () => {
    slider.min = 0;
    slider.max = dayIndex(latest());
    input.addEventListener("change", () => setAsOf(input.value));
    slider.addEventListener("input", () => { input.value = dateOfIndex(Number(slider.value)); });
    slider.addEventListener("change", () => setAsOf(dateOfIndex(Number(slider.value))));
    document.getElementById("as-of-today").addEventListener("click", () => setAsOf(today()));
    document.getElementById("as-of-form").addEventListener("submit", event => { event.preventDefault(); setAsOf(input.value); });
    showParties.addEventListener("change", renderTimeline);
    window.addEventListener("resize", () => chart?.resize());
    await setAsOf(asOf);
    await loadHistories(treaties.map(t => t.treatyId));
    listen(async change => {
      await loadStatus();
      await loadHistories([change.treatyId]);
    }, document.getElementById("live"));
  };

  start().catch(error => cards.replaceChildren(el("p", { class: "error", text: `Could not load the treaties: ${error.message}` })));
})();
