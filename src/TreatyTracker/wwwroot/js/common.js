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

  const sourceLink = source => {
    if (!source) return document.createTextNode("—");
    const url = safeUrl(source.url);
    return url ? el("a", { href: url, rel: "noopener noreferrer", target: "_blank", text: source.title }) : document.createTextNode(source.title);
  };

  const today = () => new Date().toISOString().slice(0, 10);
  const isDate = text => /^\d{4}-\d{2}-\d{2}$/.test(text ?? "") && !Number.isNaN(Date.parse(text));
  const daysBetween = (from, to) => Math.round((Date.parse(to) - Date.parse(from)) / 86400000);

  const getJson = async url => {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
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

  // Live: the server pushes one message per commit that recorded events.
  const listen = (onChange, statusNode) => {
    const source = new EventSource("/api/changes");
    source.addEventListener("ready", () => { statusNode.textContent = "live"; });
    source.addEventListener("error", () => { statusNode.textContent = "reconnecting…"; });
    source.addEventListener("treaty-changed", message => {
      const change = JSON.parse(message.data);
      statusNode.textContent = `live — ${change.treatyId} updated`;
      onChange(change);
    });
    return source;
  };

  const deadlineText = (deadline, asOf) => {
    const days = daysBetween(asOf, deadline.on);
    const when = days === 0 ? "today" : days === 1 ? "tomorrow" : `in ${days} days`;
    return deadline.kind === "expiry"
      ? `The treaty expires ${when} (${deadline.on})`
      : `${deadline.party}'s withdrawal takes effect ${when} (${deadline.on})`;
  };

  return { escapeHtml, safeUrl, el, badge, sourceLink, today, isDate, getJson, asOfFromUrl, setAsOfInUrl, listen, deadlineText };
})();
