// Every state any treaty names, each linking to its page.
"use strict";

(() => {
  const { el, getJson, load, fillTable, downloadCsv, stateLink } = TT;
  let states = [];
  const search = document.getElementById("states-search");

  const shown = () => states.filter(s => s.names.some(n => n.toLowerCase().includes(search.value.trim().toLowerCase())));

  const render = () => {
    const list = shown();
    document.getElementById("states-count").textContent = `${list.length} of ${states.length} states`;
    fillTable(document.getElementById("states-table"), list.map(s => el("tr", { "data-state": s.name },
      el("td", {}, stateLink(s.name)), el("td", { text: s.names.filter(n => n !== s.name).join(", ") || "—" }),
      el("td", { text: s.treaties }), el("td", { text: s.allegationsBy }), el("td", { text: s.allegationsAgainst }))),
      states.length ? "No state matches." : "No treaty names a state yet.");
  };

  document.getElementById("states-filter").addEventListener("submit", event => event.preventDefault());
  search.addEventListener("input", render);
  document.getElementById("download-states").addEventListener("click", () => downloadCsv("states.csv", [
    ["state", "names", "treaties", "allegationsBy", "allegationsAgainst"],
    ...shown().map(s => [s.name, s.names.join(";"), s.treaties, s.allegationsBy, s.allegationsAgainst])]));
  load(document.getElementById("states-state"), "the states", async () => {
    states = await getJson("/api/states");
    render();
  });
})();
