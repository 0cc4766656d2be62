// A multilateral treaty's parties by status over time (GET /api/treaties/{id}/counts): stacked bars in the party
// statuses' colours, the same data as a table under it, ← → from point to point (read out), CSV and PNG.
"use strict";

TT.countsChart = (section, id) => {
  const { el, badge, colour, statuses, fillTable, load, downloadCsv, download } = TT;
  const chartNode = section.querySelector("#counts-chart");
  const announceNode = section.querySelector("#counts-announce");
  const table = section.querySelector("#counts-table");
  let chart = null;
  let counts = null;
  let current = -1;

  // Bound by the treaty on the day: a party suspending its participation, or whose withdrawal has not taken effect, still is one.
  const bound = ["party", "suspended", "withdrawing"];
  const statesParties = point => bound.reduce((sum, s) => sum + (point.parties[s] ?? 0), 0);
  const present = () => statuses.party.filter(s => counts.points.some(p => p.parties[s]));
  const describe = point => `${point.on}: ${statesParties(point)} states parties; ${present().filter(s => point.parties[s]).map(s => `${point.parties[s]} ${s}`).join(", ") || "no party"}` +
    ` (treaty ${point.treatyStatus})`;

  const renderTable = () => {
    table.tHead.rows[0].replaceChildren(el("th", { scope: "col", text: "On" }), el("th", { scope: "col", text: "Treaty" }), el("th", { scope: "col", text: "States parties" }),
      ...present().map(s => el("th", { scope: "col", "data-status": s }, badge(s, "party"))));
    fillTable(table, counts.points.map(p => el("tr", { "data-on": p.on }, el("td", { text: p.on }), el("td", {}, badge(p.treatyStatus)), el("td", { "data-status": "states-parties", text: String(statesParties(p)) }),
      ...present().map(s => el("td", { "data-status": s, text: String(p.parties[s] ?? 0) })))), "Nothing to count.");
  };

  const renderChart = () => {
    if (!window.echarts) return;
    chart ??= echarts.init(chartNode, null, { renderer: "canvas" });
    chart.setOption({
      animation: false,
      grid: { left: 40, right: 20, top: 20, bottom: 90 },
      legend: { bottom: 0, type: "scroll" },
      tooltip: { trigger: "axis", confine: true },
      xAxis: { type: "category", data: counts.points.map(p => p.on), axisLabel: { hideOverlap: true } },
      yAxis: { type: "value", minInterval: 1, name: "parties" },
      series: present().map(s => ({ type: "bar", stack: "parties", name: s, itemStyle: { color: colour(s, "party") },
        data: counts.points.map(p => p.parties[s] ?? 0) }))
    }, { replaceMerge: ["series"] });
    chart.resize();
  };

  const select = index => {
    if (!counts?.points[index]) return;
    current = index;
    chart?.dispatchAction({ type: "showTip", seriesIndex: 0, dataIndex: index });
    announceNode.textContent = describe(counts.points[index]);
  };
  chartNode.addEventListener("keydown", event => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step || !counts) return;
    event.preventDefault();
    select(Math.min(counts.points.length - 1, Math.max(0, current + step)));
  });
  window.addEventListener("resize", () => chart?.resize());

  section.querySelector("#download-counts").addEventListener("click", () => counts && downloadCsv(`${id}-parties-by-status.csv`, [
    ["on", "treatyStatus", "statesParties", ...present()], ...counts.points.map(p => [p.on, p.treatyStatus, statesParties(p), ...present().map(s => p.parties[s] ?? 0)])]));
  section.querySelector("#download-counts-chart").addEventListener("click", () => {
    const png = chart?.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#ffffff" });
    if (png) download(`${id}-parties-by-status.png`, png);
  });

  // Shown only for a treaty with more than two parties: `read` is null otherwise.
  const show = read => {
    section.hidden = !read;
    if (!read) return undefined;
    return load(section.querySelector("#counts-state"), "the counts", async () => {
      counts = await read();
      current = -1;
      renderTable();
      renderChart();
    });
  };
  return { show };
};
