// A date field that reads and writes ISO dates (YYYY-MM-DD) whatever the browser's locale: a text input with a
// pattern, and a calendar that works from the keyboard (arrows: a day or a week; Page Up/Down: a month, with Shift
// a year; Home/End: the week's ends; Enter: choose; Escape: close). <input type=date> shows the locale's format.
// With { instant: true } it also takes an instant of the record (2026-11-01T12:00:00Z); with { optional: true }, nothing.
"use strict";

TT.dateField = (input, onChange, { instant = false, optional = false } = {}) => {
  const { el, isDate, isInstant } = TT;
  const valid = value => isDate(value) || (instant && isInstant(value)) || (optional && value === "");
  const format = instant ? "YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ" : "YYYY-MM-DD";
  const DAY = 86400000;
  const iso = time => new Date(time).toISOString().slice(0, 10);
  const addMonths = (date, months) => {
    const [y, m, d] = date.split("-").map(Number);
    const first = Date.UTC(y, m - 1 + months, 1);
    const last = new Date(Date.UTC(y, m + months, 0)).getUTCDate();
    return iso(first + (Math.min(d, last) - 1) * DAY);
  };

  input.type = "text";
  input.inputMode = "numeric";
  if (!instant) input.pattern = "\\d{4}-\\d{2}-\\d{2}";
  input.placeholder = instant ? "YYYY-MM-DD[THH:MM:SSZ]" : "YYYY-MM-DD";
  if (instant) input.classList.add("instant");
  input.autocomplete = "off";
  input.spellcheck = false;
  const errorId = `${input.id}-error`;
  const error = el("p", { id: errorId, class: "date-error", hidden: "" });
  const hintId = `${input.id}-format`;
  const button = el("button", { type: "button", class: "open-calendar", "aria-haspopup": "dialog", "aria-expanded": "false",
    "aria-label": `Choose ${input.labels?.[0]?.textContent.trim() || "the date"} from a calendar` }, "Calendar");
  const field = el("span", { class: "date-field" });
  input.replaceWith(field);
  field.append(input, button, el("span", { id: hintId, class: "note", hidden: "", text: format }), error);
  input.setAttribute("aria-describedby", `${hintId} ${errorId}`);

  const accept = value => {
    const ok = valid(value);
    input.setAttribute("aria-invalid", String(!ok));
    error.hidden = ok;
    error.textContent = ok ? "" : `"${value}" is not a date: write it as ${format}, e.g. 2019-05-01.`;
    if (ok) { input.value = value; onChange(value); }
    return ok;
  };
  input.addEventListener("change", () => accept(input.value.trim()));
  input.addEventListener("keydown", event => { if (event.key === "Enter") { event.preventDefault(); accept(input.value.trim()); } });

  let calendar = null;
  let focused = null;

  const close = (refocus = true) => {
    calendar?.remove();
    calendar = null;
    button.setAttribute("aria-expanded", "false");
    document.removeEventListener("pointerdown", outside);
    if (refocus) button.focus();
  };
  const outside = event => { if (!field.contains(event.target)) close(false); };

  const render = () => {
    const [y, m] = focused.split("-").map(Number);
    const first = Date.UTC(y, m - 1, 1);
    const start = first - ((new Date(first).getUTCDay() + 6) % 7) * DAY; // weeks start on Monday (ISO 8601)
    const month = focused.slice(0, 7);
    const rows = [];
    for (let week = 0; week < 6; week++) {
      const cells = [];
      for (let day = 0; day < 7; day++) {
        const date = iso(start + (week * 7 + day) * DAY);
        const dayButton = el("button", { type: "button", "data-date": date, tabindex: date === focused ? "0" : "-1", class: date.startsWith(month) ? "" : "outside" },
          String(Number(date.slice(8))), el("span", { class: "sr-only", text: ` (${date})` }));
        dayButton.addEventListener("click", () => { if (accept(date)) close(); });
        cells.push(el("td", { "aria-selected": String(date === input.value) }, dayButton));
      }
      rows.push(el("tr", {}, cells));
    }
    const step = (label, months) => {
      const b = el("button", { type: "button", "aria-label": label, text: months < 0 ? (months === -12 ? "«" : "‹") : (months === 12 ? "»" : "›") });
      b.addEventListener("click", () => { focused = addMonths(focused, months); render(); });
      return b;
    };
    calendar.replaceChildren(
      el("div", { class: "calendar-head" }, step("Previous year", -12), step("Previous month", -1),
        el("strong", { "aria-live": "polite", text: month }), step("Next month", 1), step("Next year", 12)),
      el("table", { role: "grid", "aria-label": month },
        el("thead", {}, el("tr", {}, ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"].map(d => el("th", { scope: "col", abbr: d, text: d })))),
        el("tbody", {}, rows)));
    calendar.querySelector(`[data-date="${focused}"]`)?.focus();
  };

  const keys = {
    ArrowLeft: d => iso(Date.parse(d) - DAY), ArrowRight: d => iso(Date.parse(d) + DAY),
    ArrowUp: d => iso(Date.parse(d) - 7 * DAY), ArrowDown: d => iso(Date.parse(d) + 7 * DAY),
    PageUp: (d, shift) => addMonths(d, shift ? -12 : -1), PageDown: (d, shift) => addMonths(d, shift ? 12 : 1),
    Home: d => iso(Date.parse(d) - ((new Date(d).getUTCDay() + 6) % 7) * DAY),
    End: d => iso(Date.parse(d) + (6 - (new Date(d).getUTCDay() + 6) % 7) * DAY)
  };

  const open = () => {
    focused = isDate(input.value.slice(0, 10)) ? input.value.slice(0, 10) : new Date().toISOString().slice(0, 10);
    calendar = el("div", { class: "calendar", role: "dialog", "aria-modal": "false", "aria-label": "Calendar: arrows move, Enter chooses, Escape closes" });
    calendar.addEventListener("keydown", event => {
      if (event.key === "Escape") { event.preventDefault(); close(); return; }
      const move = keys[event.key];
      if (!move || !event.target.dataset.date) return;
      event.preventDefault();
      focused = move(focused, event.shiftKey);
      render();
    });
    field.append(calendar);
    button.setAttribute("aria-expanded", "true");
    document.addEventListener("pointerdown", outside);
    render();
  };
  button.addEventListener("click", () => (calendar ? close() : open()));

  return { value: () => input.value, set: value => { input.value = value; input.setAttribute("aria-invalid", "false"); error.hidden = true; } };
};

// The page's date ("As of"): its field, "Today" and the URL; onDate(asOf) redraws the page.
TT.asOfControl = onDate => {
  const field = TT.dateField(document.getElementById("as-of"), value => set(value));
  const set = async value => {
    if (!TT.isDate(value)) return;
    field.set(value);
    TT.setAsOfInUrl(value);
    await onDate(value);
  };
  document.getElementById("as-of-form").addEventListener("submit", event => event.preventDefault());
  document.getElementById("as-of-today").addEventListener("click", () => set(TT.today()));
  return { set, field };
};
