// A timeline (Gantt) of status intervals, a row per treaty or party, with the as-of line and the dated events as
// markers; under it the same data as a table, and the keyboard moves through the markers (← →), zooms (+ −) and
// pans ([ ]). Used by the overview and by a treaty's page.
"use strict";

TT.timeline = container => {
  const { el, badge, colour, when, isUncertain, escapeHtml, safeUrl, fillTable, legend } = TT;
  const chartNode = el("div", { id: "timeline", class: "timeline", role: "group", "aria-roledescription": "chart",
    "aria-label": container.dataset.label, "aria-describedby": container.dataset.hint });
  const announceNode = el("p", { id: "timeline-announce", class: "sr-only", "aria-live": "polite" });
  const legends = el("div", { id: "timeline-legend", class: "legends" });
  const tableNode = el("table", { id: "timeline-table" }, el("caption", { text: "Status intervals [from, to) and dated events" }),
    el("thead", {}, el("tr", {}, ["Who", "Status or event", "From / on", "To"].map(h => el("th", { scope: "col", text: h })))), el("tbody"));
  container.replaceChildren(chartNode, announceNode, legends,
    el("p", { class: "marker-key", text: "◆ event, ◇ retracted (grey edge), ◇ date not confirmed to the day (dashed edge)" }),
    el("details", { id: "timeline-data" }, el("summary", { text: "The chart as a table" }), tableNode));
  legend(legends);
  const EARLIEST = "1945-01-01";
  const latest = () => `${new Date().getUTCFullYear() + 10}-12-31`;
  let chart = null;
  let markers = [];
  let current = -1;
  let zoom = { start: 0, end: 100 };

  const tooltip = params => {
    if (params.seriesName === "status") {
      const [, from, to, status, , certainty] = params.value;
      return `${escapeHtml(status)}<br>${escapeHtml(when(from, certainty))} → ${escapeHtml(to)}`;
    }
    const e = params.data.entry;
    const url = e.source && safeUrl(e.source.url);
    const source = e.source
      ? (url ? `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(e.source.title)}</a>` : escapeHtml(e.source.title))
      : "no source recorded";
    return `<strong>${escapeHtml(e.type)}</strong> — ${escapeHtml(when(e.on, e.certainty))}${e.retracted ? " <em>(retracted)</em>" : ""}<br>` +
      `<div style="max-width:24rem;white-space:normal">${escapeHtml(e.summary ?? "")}</div>Source: ${source}`;
  };

  // A bar carries its status's name where it is wide enough, so the colour never speaks alone; a start not sure to
  // the day is drawn with a dashed edge.
  const renderItem = (params, api) => {
    const start = api.coord([api.value(1), api.value(0)]);
    const end = api.coord([api.value(2), api.value(0)]);
    const party = api.value(4) === "party";
    const height = api.size([0, 1])[1] * (party ? 0.4 : 0.6);
    const shape = echarts.graphic.clipRectByRect(
      { x: start[0], y: start[1] - height / 2, width: Math.max(1, end[0] - start[0]), height },
      { x: params.coordSys.x, y: params.coordSys.y, width: params.coordSys.width, height: params.coordSys.height });
    if (!shape) return null;
    const uncertain = isUncertain(api.value(5));
    const rect = { type: "rect", shape, style: { ...api.style(), stroke: uncertain ? "#1b1f24" : null, lineWidth: uncertain ? 1.5 : 0, lineDash: uncertain ? [4, 3] : null } };
    const text = String(api.value(3));
    return shape.width > text.length * 7 + 8
      ? { type: "group", children: [rect, { type: "text", silent: true, style: { text, x: shape.x + 4, y: shape.y + shape.height / 2, verticalAlign: "middle",
          fill: "#1b1f24", backgroundColor: "rgba(255,255,255,.8)", padding: [1, 3], fontSize: 11 } }] }
      : rect;
  };

  const describe = marker => `${marker.row}: ${marker.entry.type} on ${when(marker.entry.on, marker.entry.certainty)}${marker.entry.retracted ? " (retracted)" : ""}` +
    (marker.entry.summary ? ` — ${marker.entry.summary}` : "");

  const onKey = event => {
    if (!chart) return;
    const handled = {
      ArrowRight: () => select(Math.min(markers.length - 1, current + 1)),
      ArrowLeft: () => select(Math.max(0, current - 1)),
      "+": () => zoomBy(0.5), "=": () => zoomBy(0.5), "-": () => zoomBy(2),
      "]": () => pan(0.2), "[": () => pan(-0.2),
      Escape: () => chart.dispatchAction({ type: "hideTip" })
    }[event.key];
    if (!handled) return;
    event.preventDefault();
    handled();
  };
  const select = index => {
    if (index < 0 || !markers[index]) return;
    current = index;
    chart.dispatchAction({ type: "showTip", seriesIndex: 1, dataIndex: index });
    announceNode.textContent = `Event ${index + 1} of ${markers.length}: ${describe(markers[index])}`;
  };
  const setZoom = (start, end) => {
    zoom = { start: Math.max(0, start), end: Math.min(100, end) };
    chart.dispatchAction({ type: "dataZoom", start: zoom.start, end: zoom.end });
  };
  const zoomBy = factor => {
    const middle = (zoom.start + zoom.end) / 2;
    const half = Math.min(50, Math.max(0.5, (zoom.end - zoom.start) * factor / 2));
    setZoom(middle - half, middle + half);
  };
  const pan = share => {
    const width = zoom.end - zoom.start;
    const start = Math.min(100 - width, Math.max(0, zoom.start + width * share));
    setZoom(start, start + width);
  };
  chartNode.tabIndex = 0;
  chartNode.addEventListener("keydown", onKey);

  const renderTable = rows => fillTable(tableNode, rows.flatMap(row => [
    ...row.intervals.map(i => el("tr", {}, el("td", { text: row.label.trim() }), el("td", {}, badge(i.status, row.scope)),
      el("td", { text: i.from ? when(i.from, i.certainty) : "…" }), el("td", { text: i.to ?? "…" }))),
    ...row.events.map(e => el("tr", { class: e.retracted ? "retracted" : "" }, el("td", { text: row.label.trim() }),
      el("td", { text: `◆ ${e.type}${e.retracted ? " (retracted)" : ""}` }), el("td", { text: when(e.on, e.certainty) }), el("td", { text: "" })))
  ]), "Nothing to show.");

  // rows: [{ label, scope: "treaty" | "party", intervals, events }]
  const render = (rows, asOf) => {
    renderTable(rows);
    if (!window.echarts) return;
    if (!chart) {
      chart = echarts.init(chartNode, null, { renderer: "canvas" });
      window.addEventListener("resize", () => chart.resize());
      chart.on("dataZoom", () => { const option = chart.getOption().dataZoom[0]; zoom = { start: option.start, end: option.end }; });
    }
    const bars = rows.flatMap((row, index) => row.intervals.map(i => ({
      value: [index, i.from ?? EARLIEST, i.to ?? latest(), i.status, row.scope, i.from ? i.certainty : null],
      itemStyle: { color: colour(i.status, row.scope), opacity: i.status === "not-signed" ? 0.45 : 1 }
    })));
    // Retracted: hollow, grey. A date not sure to the day: hollow with a dashed edge.
    markers = rows.flatMap(row => row.events.map(e => ({ row: row.label.trim(), entry: e })));
    const markerData = rows.flatMap((row, index) => row.events.map(e => ({
      value: [e.on, index], entry: e,
      itemStyle: e.retracted ? { color: "#ffffff", borderColor: "#6b7280", borderWidth: 2 }
        : isUncertain(e.certainty) ? { color: "#ffffff", borderColor: "#1b1f24", borderWidth: 2, borderType: "dashed" }
        : { color: "#1b1f24" }
    })));
    current = -1;
    chartNode.style.height = `${Math.max(16, rows.length * 2.2 + 9)}rem`;
    chart.resize();
    chart.setOption({
      animation: false,
      grid: { left: window.innerWidth < 600 ? 100 : 170, right: 30, top: 34, bottom: 70 },
      xAxis: { type: "time", min: EARLIEST, max: latest(), axisLabel: { hideOverlap: true } },
      yAxis: { type: "category", data: rows.map(r => r.label), inverse: true, axisLabel: { width: window.innerWidth < 600 ? 90 : 160, overflow: "truncate" } },
      dataZoom: [{ type: "inside", xAxisIndex: 0, start: zoom.start, end: zoom.end }, { type: "slider", xAxisIndex: 0, bottom: 20, start: zoom.start, end: zoom.end }],
      tooltip: { trigger: "item", enterable: true, confine: true, formatter: tooltip },
      series: [
        {
          type: "custom", name: "status", encode: { x: [1, 2], y: 0 }, data: bars, renderItem,
          // The as-of date is written above the chart's top edge (the line starts there: the y axis is inverted), clear
          // of the axis's own year labels.
          markLine: { symbol: "none", silent: true, label: { formatter: asOf, position: "start", distance: 6, color: "#0b57d0", fontWeight: "bold" },
            lineStyle: { color: "#0b57d0", width: 2, type: "solid" }, data: [{ xAxis: asOf }] }
        },
        { type: "scatter", name: "events", symbol: "diamond", symbolSize: 11, data: markerData, z: 5 }
      ]
    }, { replaceMerge: ["series"] });
  };

  const png = () => chart?.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#ffffff" });

  return { render, png };
};
