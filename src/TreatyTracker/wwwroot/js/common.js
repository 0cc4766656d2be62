// Shared by the dashboard pages. Every text from the event store goes into the page as text (textContent),
// or through escapeHtml where a chart needs HTML; links are made only from http(s) URLs.
"use strict";

const TT = (() => {
  const escapeHtml = value => String(value ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

  const safeUrl = url => {
    try { const parsed = new URL(url); return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null; }
    catch { return null; }
  };

  const el = (tag, props = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else node.setAttribute(key, value);
    }
    // Children may nest lists at any depth (a list of [separator, text, link] per item): all are flattened to nodes.
    for (const child of children.flat(Infinity)) node.append(child instanceof Node ? child : document.createTextNode(String(child ?? "")));
    return node;
  };

  // A status is a treaty's or a party's ("terminated" is both, in two colours): scope says which.
  const badge = (status, scope = "treaty") => {
    const node = el("span", { class: `badge ${scope}`, "data-status": status, text: status });
    node.style.setProperty("--swatch", `var(--${scope}-${status})`);
    return node;
  };
  const colour = (status, scope = "treaty") =>
    getComputedStyle(document.documentElement).getPropertyValue(`--${scope}-${status}`).trim() || "#888888";

  // A date as sure as the record is of it: "2002 (year only)", "2002-12 (month only)", "2005-06-01 (unconfirmed)".
  const when = (date, certainty) => !date ? "—"
    : certainty === "year" ? `${date.slice(0, 4)} (year only)`
    : certainty === "month" ? `${date.slice(0, 7)} (month only)`
    : certainty === "unconfirmed" ? `${date} (unconfirmed)`
    : date;
  const isUncertain = certainty => certainty === "year" || certainty === "month" || certainty === "unconfirmed";

  // A party's other names and successions, e.g. "formerly USSR" or "successor of Czechoslovakia".
  const partyNote = party => {
    const notes = [];
    if (party.names?.length > 1) {
      const others = party.names.filter(n => n.name !== party.name);
      notes.push(...others.map(n => n.from > (party.asOf ?? "") ? `continued as ${n.name} from ${n.from}` : `formerly ${n.name}`));
    }
    if (party.toward?.length) notes.push(`toward ${party.toward.join(", ")}`);
    if (party.successorOf) notes.push(`successor of ${party.successorOf}`);
    if (party.succeededBy?.length) notes.push(`succeeded by ${party.succeededBy.join(" and ")}`);
    if (party.before) notes.push(beforeText(party.before));
    return notes.join("; ");
  };

  // Where a party stood before, when its status does not tell how that ended: "was ratified since 2000-06-30; ratification
  // revoked", "was suspended toward Russia since 2012-03-01; lapsed when they had all left the treaty".
  const beforeText = before => `was ${before.status}${before.toward?.length ? ` toward ${before.toward.join(", ")}` : ""} since ${when(before.since, before.sinceCertainty)}`
    + (before.endedBy === "ratification-revoked" ? "; ratification revoked" : before.endedBy === "suspension-lapsed" ? "; lapsed when they had all left the treaty" : "");

  // A status, with the parties a suspension is toward when it is toward some only.
  const standing = (status, toward, scope = "party") => [badge(status, scope), toward?.length ? ` toward ${toward.join(", ")}` : ""];

  // The record's scope, when it follows only some states: said beside every answer that lists parties.
  const scopeNote = scope => scope && !scope.complete ? el("p", { class: "scope-note", role: "note", text: scope.description }) : "";

  const sourceLink = source => {
    if (!source) return document.createTextNode("—");
    const url = safeUrl(source.url);
    return url ? el("a", { href: url, rel: "noopener noreferrer", target: "_blank", text: source.title }) : document.createTextNode(source.title);
  };

  const today = () => new Date().toISOString().slice(0, 10);
  const isDate = text => /^\d{4}-\d{2}-\d{2}$/.test(text ?? "") && !Number.isNaN(Date.parse(text));
  // An instant of the record (when something was recorded): a date stands for its midnight UTC.
  const isInstant = text => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text ?? "") && !Number.isNaN(Date.parse(text));
  const toInstant = text => isDate(text) ? `${text}T00:00:00Z` : text;
  const utc = instant => new Date(instant).toISOString().replace("T", " ").slice(0, 19) + " UTC";
  const monthsAgo = months => { const d = new Date(); d.setUTCMonth(d.getUTCMonth() - months); return d.toISOString().slice(0, 10); };
  const daysBetween = (from, to) => Math.round((Date.parse(to) - Date.parse(from)) / 86400000);

  // A server may ask for an API key even to read (TreatyTracker:Access:ReadsRequireKey). The key is kept for this
  // tab only (sessionStorage) and sent as a bearer token; the dashboard itself never writes.
  const keyStorage = "treatytracker.apiKey";
  const authorization = () => {
    const key = sessionStorage.getItem(keyStorage);
    return key ? { Authorization: `Bearer ${key}` } : {};
  };

  const askForKey = () => {
    if (document.getElementById("key-form")) return;
    const refused = sessionStorage.getItem(keyStorage) !== null;
    const input = el("input", { type: "password", id: "api-key", autocomplete: "off", required: "", spellcheck: "false" });
    const form = el("form", { id: "key-form", class: "key-form" },
      el("p", { text: refused ? "The server refused this API key. Enter another one." : "This server asks for an API key to read." }),
      el("label", { for: "api-key", text: "API key" }), input, el("button", { type: "submit", text: "Use this key" }));
    form.addEventListener("submit", event => {
      event.preventDefault();
      sessionStorage.setItem(keyStorage, input.value.trim());
      location.reload();
    });
    document.querySelector("main").prepend(form);
    input.focus();
  };

  // An answer other than 2xx, with what a reader can do about it.
  class ApiError extends Error {
    constructor(status, detail) {
      super(status === 401 ? (sessionStorage.getItem(keyStorage) !== null ? "the server refused the API key" : "the server asks for an API key")
        : status === 403 ? "this API key may not read this"
        : status === 404 ? "not found"
        : `the server answered ${status}${detail ? ` (${detail})` : ""}`);
      this.status = status;
    }
  }

  const getJson = async url => {
    let response;
    try { response = await fetch(url, { headers: { Accept: "application/json", ...authorization() } }); }
    catch { throw new Error("the server cannot be reached"); }
    if (response.status === 401) askForKey();
    if (!response.ok) {
      const problem = await response.json().catch(() => null);
      throw new ApiError(response.status, problem?.title);
    }
    return response.json();
  };

  // Every section says it is loading, then shows its content, or what failed with a way to try again.
  const load = async (stateNode, what, task) => {
    stateNode.hidden = false;
    stateNode.className = "state";
    stateNode.replaceChildren(`Loading ${what}…`);
    try {
      const result = await task();
      stateNode.hidden = true;
      stateNode.replaceChildren();
      return result;
    } catch (error) {
      const retry = el("button", { type: "button", class: "retry", text: "Try again" });
      retry.addEventListener("click", () => load(stateNode, what, task));
      stateNode.className = "problem";
      stateNode.setAttribute("role", "alert");
      stateNode.replaceChildren(el("span", { text: `Could not load ${what}: ${error.message}.` }), retry);
      return undefined;
    }
  };

  // Questions asked again before their answers arrive (a filter changed twice): answers can come back out of order, so
  // only the newest question's answer or failure counts, and an older one resolves to undefined.
  const newestOnly = () => {
    let asked = 0;
    return async question => {
      const mine = ++asked;
      try {
        const answer = await question();
        return mine === asked ? answer : undefined;
      } catch (error) {
        if (mine === asked) throw error;
        return undefined;
      }
    };
  };

  // What a table shows when nothing is in it; the message is a row of its own, so the table stays a table.
  const fillTable = (table, rows, emptyText) => {
    const body = table.tBodies[0];
    const columns = table.tHead.rows[0].cells.length;
    body.replaceChildren(...(rows.length ? rows : [el("tr", { class: "empty" }, el("td", { colspan: String(columns), class: "state", text: emptyText }))]));
    hideEmptyColumns(table);
    table.tabIndex = 0; // on a narrow screen a table scrolls sideways, and the keyboard must be able to scroll it
  };

  // A column with nothing in any row ("—" or blank) is hidden, header included.
  const hideEmptyColumns = table => {
    const rows = [...table.querySelectorAll("tbody tr:not(.empty):not(.group)")];
    [...table.tHead.rows[0].cells].forEach((header, column) => {
      const empty = rows.length > 0 && rows.every(row => ["", "—"].includes(row.cells[column]?.textContent.trim() ?? ""));
      header.hidden = empty;
      rows.forEach(row => { if (row.cells[column]) row.cells[column].hidden = empty; });
    });
  };

  // Taking a view away: CSV (RFC 4180, quoted where needed) or any file, through a link the browser downloads.
  const csv = rows => rows.map(row => row.map(value => {
    const text = String(value ?? "");
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  }).join(",")).join("\r\n") + "\r\n";
  const download = (filename, href) => {
    const link = el("a", { href, download: filename, hidden: "" });
    document.body.append(link);
    link.click();
    link.remove();
  };
  const downloadCsv = (filename, rows) => {
    const url = URL.createObjectURL(new Blob([csv(rows)], { type: "text/csv;charset=utf-8" }));
    download(filename, url);
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  };

  // Allegations as CSV rows, one header for every page that downloads them.
  const allegationsCsv = allegations => [
    ["treaty", "on", "certainty", "accuser", "accused", "summary", "sourceTitle", "sourceUrl", "sourcePublishedOn"],
    ...allegations.map(a => [a.treatyId, a.on, a.certainty, a.accuser, a.accused, a.summary, a.source?.title, a.source?.url, a.source?.publishedOn])];

  // The chosen date and filters live in the URL (?asOf=YYYY-MM-DD) so that a view can be shared.
  const fromUrl = name => new URLSearchParams(location.search).get(name) ?? "";
  const asOfFromUrl = () => isDate(fromUrl("asOf")) ? fromUrl("asOf") : today();
  const setInUrl = values => {
    const url = new URL(location.href);
    for (const [name, value] of Object.entries(values)) value ? url.searchParams.set(name, value) : url.searchParams.delete(name);
    history.replaceState(null, "", url);
  };
  const setAsOfInUrl = asOf => setInUrl({ asOf });

  // The instant of the record a page is fixed at (?recordedAt=…): a dashboard permalink shows the page as it was then.
  const recordedAtFromUrl = () => isInstant(fromUrl("recordedAt")) ? fromUrl("recordedAt") : "";
  const asRecorded = path => recordedAtFromUrl() ? `${path}${path.includes("?") ? "&" : "?"}recordedAt=${encodeURIComponent(recordedAtFromUrl())}` : path;

  // "Cite this": the answer's permalink and citation. With `fixed` (the page's parameters that fix the answer, e.g. asOf
  // and recordedAt) they name this page instead of the API; the reader's day of access is today.
  const cite = (node, answer, fixed) => {
    let permalink = answer.permalink;
    if (fixed) {
      const url = new URL(location.href);
      for (const [name, value] of Object.entries(fixed)) value ? url.searchParams.set(name, value) : url.searchParams.delete(name);
      permalink = url.href;
    }
    const citation = answer.citation.replace(answer.permalink, permalink).replace(/accessed …$/, `accessed ${today()}`);
    const text = el("p", { class: "citation", text: citation });
    const copy = el("button", { type: "button", class: "copy", text: "Copy the citation" });
    const said = el("span", { class: "copied", role: "status" });
    copy.addEventListener("click", async () => {
      try { await navigator.clipboard.writeText(citation); said.textContent = "Copied."; }
      catch { getSelection().selectAllChildren(text); said.textContent = "Selected: press Ctrl+C to copy."; }
    });
    node.hidden = false;
    node.replaceChildren(el("p", { class: "cite-title", text: "Cite this" }),
      el("p", {}, "Permalink: ", el("a", { class: "permalink", href: permalink, text: permalink })), text, el("p", { class: "actions" }, copy, " ", said));
  };

  // Links to a treaty's page and to a state's, on the day shown.
  const treatyLink = (id, text, asOf) => el("a", { href: `/treaties/${encodeURIComponent(id)}${asOf ? `?asOf=${asOf}` : ""}`, text: text ?? id });
  const stateLink = (name, asOf) => el("a", { class: "state-link", href: `/states/${encodeURIComponent(name)}${asOf ? `?asOf=${asOf}` : ""}`, text: name });

  const fillOptions = (select, values) => select.replaceChildren(select.options[0],
    ...values.map(v => typeof v === "string" ? el("option", { value: v, text: v }) : el("option", { value: v.value, text: v.text })));

  // The filters by treaty and by state that the analyst's pages share, filled from the API; chosen from the URL.
  const treatyAndStateFilters = async (treatySelect, stateSelect) => {
    const [treaties, states] = await Promise.all([getJson("/api/treaties"), getJson("/api/states")]);
    fillOptions(treatySelect, treaties.map(t => ({ value: t.id, text: t.shortName })).sort((a, b) => a.text.localeCompare(b.text)));
    fillOptions(stateSelect, states.map(s => s.name));
    treatySelect.value = fromUrl(treatySelect.name);
    stateSelect.value = fromUrl(stateSelect.name);
  };

  // A pager under a table over pages the server cuts (it gives no total): another page may follow while a page is full.
  const serverPager = (table, prefix, label, onPage) => {
    const previous = el("button", { type: "button", id: `${prefix}-previous`, text: "Previous page" });
    const next = el("button", { type: "button", id: `${prefix}-next`, text: "Next page" });
    const said = el("span", { id: `${prefix}-page`, "aria-live": "polite" });
    table.after(el("nav", { class: "pager", "aria-label": label }, previous, said, next));
    let number = 1;
    previous.addEventListener("click", () => onPage(--number));
    next.addEventListener("click", () => onPage(++number));
    return {
      reset: () => (number = 1),
      show: (count, size) => {
        said.textContent = `Page ${number} (${count} row${count === 1 ? "" : "s"})`;
        previous.disabled = number === 1;
        next.disabled = count < size;
      }
    };
  };

  // The pages of the dashboard, in every page's bar.
  const pages = [["/states", "States"], ["/record", "What is new"], ["/during", "Periods"], ["/reference", "API reference"]];
  document.querySelector(".bar h1")?.after(el("nav", { class: "pages", "aria-label": "Pages" },
    pages.map(([href, text]) => el("a", { href, text, "aria-current": location.pathname === href ? "page" : null }))));

  // The Atom feed of the treaty or the state a page shows (data-feed-of: "treaties" or "states"), named as in its path.
  const shown = decodeURIComponent(location.pathname.split("/").filter(Boolean)[1] ?? "");
  for (const feed of document.querySelectorAll("[data-feed-of]"))
    feed.setAttribute("href", `/api/feeds/${feed.dataset.feedOf}/${encodeURIComponent(shown)}.atom`);

  // Live: the server pushes one Server-Sent Event per commit that recorded events. It is read with fetch rather
  // than EventSource, which cannot send an API key.
  const readEvents = async (response, onEvent) => {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value.replaceAll("\r\n", "\n");
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const lines = buffer.slice(0, end).split("\n");
        buffer = buffer.slice(end + 2);
        const field = name => lines.filter(line => line.startsWith(`${name}:`)).map(line => line.slice(name.length + 1).trimStart());
        onEvent(field("event")[0] ?? "message", field("data").join("\n"));
      }
    }
  };

  const listen = (onChange, statusNode) => {
    const connect = async () => {
      try {
        const response = await fetch("/api/changes", { headers: { Accept: "text/event-stream", ...authorization() } });
        if (response.status === 401) { statusNode.textContent = "not live: an API key is required"; return; }
        if (!response.ok) throw new Error(`/api/changes answered ${response.status}`);
        await readEvents(response, (type, data) => {
          if (type === "ready") statusNode.textContent = "live";
          if (type !== "treaty-changed") return;
          const change = JSON.parse(data);
          statusNode.textContent = `live — ${change.treatyId} updated`;
          onChange(change);
        });
      } catch { /* the connection dropped: try again below */ }
      statusNode.textContent = "reconnecting…";
      setTimeout(connect, 3000);
    };
    connect();
  };

  // A date in the tense of the day shown: "in 66 days", "today", "306 days ago".
  const relative = (date, asOf) => {
    const days = daysBetween(asOf, date);
    return days === 0 ? "today" : days === 1 ? "tomorrow" : days === -1 ? "yesterday" : days > 0 ? `in ${days} days` : `${-days} days ago`;
  };

  const deadlineText = (deadline, asOf) => deadline.kind === "expiry"
    ? `The treaty expires ${relative(deadline.on, asOf)} (${deadline.on})`
    : `${deadline.party}'s withdrawal takes effect ${relative(deadline.on, asOf)} (${deadline.on})`;

  // The expiry, unless a pending deadline already says it.
  const expiryText = (status, asOf) => !status.expiresOn || status.pendingDeadlines.some(d => d.kind === "expiry") ? ""
    : status.expiresOn <= asOf ? `Expired on ${status.expiresOn} (${relative(status.expiresOn, asOf)})`
    : `Expires on ${status.expiresOn} (${relative(status.expiresOn, asOf)})`;

  const statuses = {
    treaty: ["not-signed", "signed", "provisionally-applied", "in-force", "terminated", "expired", "superseded", "abandoned"],
    party: ["signatory", "ratified", "provisionally-applying", "party", "suspended", "withdrawing", "withdrawn", "succeeded", "terminated",
      "expired", "superseded", "renounced", "abandoned"]
  };

  // Both legends: treaty statuses and party statuses apart, each with its own colours.
  const legend = (node, scopes = ["treaty", "party"]) => node.replaceChildren(...scopes.map(scope =>
    el("ul", { class: "legend", "data-scope": scope, "aria-label": `${scope === "treaty" ? "Treaty" : "Party"} statuses` },
      el("li", { class: "legend-title", text: scope === "treaty" ? "Treaty status (■)" : "Party status (●)" }),
      statuses[scope].map(status => el("li", {}, badge(status, scope))))));

  return { escapeHtml, safeUrl, el, badge, colour, legend, when, isUncertain, partyNote, beforeText, standing, scopeNote, statuses, sourceLink, today, isDate, isInstant, toInstant, utc,
    monthsAgo, daysBetween, getJson, load, newestOnly, fillTable, hideEmptyColumns, downloadCsv, download, allegationsCsv, fromUrl, asOfFromUrl, setInUrl, setAsOfInUrl, recordedAtFromUrl, asRecorded, cite,
    treatyLink, stateLink, fillOptions, treatyAndStateFilters, serverPager, listen, deadlineText, expiryText, relative };
})();
