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
    for (const child of children.flat()) node.append(child instanceof Node ? child : document.createTextNode(String(child ?? "")));
    return node;
  };

  const badge = status => el("span", { class: `badge ${status}`, text: status });

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
    if (party.successorOf) notes.push(`successor of ${party.successorOf}`);
    if (party.succeededBy?.length) notes.push(`succeeded by ${party.succeededBy.join(" and ")}`);
    if (party.before) notes.push(`was ${party.before.status} since ${when(party.before.since, party.before.sinceCertainty)}`);
    return notes.join("; ");
  };

  const sourceLink = source => {
    if (!source) return document.createTextNode("—");
    const url = safeUrl(source.url);
    return url ? el("a", { href: url, rel: "noopener noreferrer", target: "_blank", text: source.title }) : document.createTextNode(source.title);
  };

  const today = () => new Date().toISOString().slice(0, 10);
  const isDate = text => /^\d{4}-\d{2}-\d{2}$/.test(text ?? "") && !Number.isNaN(Date.parse(text));
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

  const getJson = async url => {
    const response = await fetch(url, { headers: { Accept: "application/json", ...authorization() } });
    if (response.status === 401) askForKey();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return response.json();
  };

  // The chosen date lives in the URL (?asOf=YYYY-MM-DD) so that a view can be shared.
  const asOfFromUrl = () => {
    const value = new URLSearchParams(location.search).get("asOf");
    return isDate(value) ? value : today();
  };
  const setAsOfInUrl = asOf => {
    const url = new URL(location.href);
    if (asOf === today()) url.searchParams.delete("asOf"); else url.searchParams.set("asOf", asOf);
    history.replaceState(null, "", url);
  };

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

  const deadlineText = (deadline, asOf) => {
    const days = daysBetween(asOf, deadline.on);
    const when = days === 0 ? "today" : days === 1 ? "tomorrow" : `in ${days} days`;
    return deadline.kind === "expiry"
      ? `The treaty expires ${when} (${deadline.on})`
      : `${deadline.party}'s withdrawal takes effect ${when} (${deadline.on})`;
  };

  const statuses = {
    treaty: ["not-signed", "signed", "provisionally-applied", "in-force", "terminated", "expired", "superseded"],
    party: ["signatory", "ratified", "provisionally-applying", "party", "suspended", "withdrawing", "withdrawn", "succeeded", "terminated", "expired", "superseded"]
  };

  return { escapeHtml, safeUrl, el, badge, when, isUncertain, partyNote, statuses, sourceLink, today, isDate, getJson, asOfFromUrl, setAsOfInUrl, listen, deadlineText };
})();
