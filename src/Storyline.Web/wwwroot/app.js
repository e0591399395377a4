// Storyline's web UI: hash routes over the JSON API. Every piece of report text goes into the page as a text node
// (h() below never parses markup), so a report holding HTML or script shows it as text.
"use strict";
(function () {
  const main = document.getElementById("main");
  const status = document.getElementById("status");

  // h("a", {href: "#/"}, "text", child…): an element; strings become text nodes, null/false are skipped.
  function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }

  async function api(path) {
    const response = await fetch(path, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const err = new Error(body && body.error ? body.error : `${response.status} ${response.statusText}`);
      err.status = response.status;
      throw err;
    }
    return body;
  }

  // The words for types, kinds of source and certainties come from the server (/api/labels), the same the command
  // line prints; these are only for the moment before they arrive.
  let labels = {
    entityType: { person: "Person", organization: "Organisation", location: "Place", miscellaneous: "Other" },
    sourceKind: {},
    certainty: {},
  };
  const labelsLoaded = api("/api/labels").then(l => { labels = l; }).catch(() => {});
  const typeLabel = type => labels.entityType[type] || type;
  const kindLabel = kind => labels.sourceKind[kind] || kind;
  // A claim key as a reader says it: "kim jong un|visit" is "Kim Jong Un: visit", "a+b|meet" "A and B: meet" (as the
  // command line shows it, Labels.ClaimKey).
  function claimLabel(key) {
    const bar = key.indexOf("|");
    if (bar < 0) return key;
    const who = key.slice(0, bar), what = key.slice(bar + 1).replace(/_/g, " ");
    const name = who.split("+").map(part => /^(country|place):/.test(part) ? part : part.split(" ").filter(Boolean).map(w => w[0].toUpperCase() + w.slice(1)).join(" ")).join(" and ");
    return `${name}: ${what}`;
  }

  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  function day(iso) {
    const [y, m, d] = iso.split("-").map(Number);
    return `${d} ${months[m - 1]} ${y}`;
  }
  function longDay(iso) {
    const [y, m, d] = iso.split("-").map(Number);
    return `${weekdays[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]} ${d} ${months[m - 1]} ${y}`;
  }
  const clip = (text, n) => (text.length <= n ? text : text.slice(0, n).replace(/\s+\S*$/, "") + "…");
  const time = iso => h("time", { datetime: iso }, day(iso));
  const plural = (n, one, many) => `${n} ${n === 1 ? one : (many || one + "s")}`;
  const entityHref = key => "#/entity/" + encodeURIComponent(key);
  const storyHref = id => "#/story/" + id;
  const reportHref = id => "#/report/" + encodeURIComponent(id);

  function badge(certainty) {
    const word = certainty ? (labels.certainty[certainty] || certainty) : null;
    return certainty ? h("span", { class: "badge " + certainty, title: "Certainty: " + word }, word) : null;
  }

  function entityChip(e) {
    return h("a", { class: "chip type-" + e.type, href: entityHref(e.key), title: typeLabel(e.type) }, e.name);
  }

  function section(title, id, ...children) {
    return h("section", { class: "panel", "aria-labelledby": id }, h("h2", { id }, title), ...children);
  }

  function show(title, ...children) {
    document.title = title ? `${title} · Storyline` : "Storyline";
    main.replaceChildren(...children.flat().filter(Boolean));
  }

  function markCurrentNav(route) {
    for (const a of document.querySelectorAll("header.site nav a")) {
      const target = a.getAttribute("href").slice(2).split("/")[0];
      if ((target === "" && (route === "" || route === "story")) || (target !== "" && target === route)) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    }
  }

  // ---- Story list ----
  async function storyList() {
    const stories = await api("/api/stories");
    const items = stories.map(s => h("li", { class: "story-card" },
      h("h2", {}, h("a", { href: storyHref(s.id) }, s.title)),
      h("p", { class: "counts" },
        h("span", {}, h("strong", {}, String(s.reports)), s.reports === 1 ? " report" : " reports"),
        s.sources !== s.reports ? h("span", {}, h("strong", {}, String(s.sources)), " sources") : null,
        h("span", {}, time(s.firstReport), " – ", time(s.lastReport))),
      s.keyEntities.length ? h("ul", { class: "chips", "aria-label": "Key entities" }, s.keyEntities.map(e => h("li", {}, entityChip(e)))) : null));
    show("Stories",
      h("h1", {}, "Stories"),
      h("p", { class: "meta" }, `${plural(stories.length, "story", "stories")}, latest activity first.`),
      stories.length ? h("ul", { class: "story-list" }, items)
        : h("p", { class: "empty" }, "No stories yet: ingest some reports (storyline ingest PATH, or POST /api/ingest)."));
  }

  // ---- Story page ----
  function timelineList(entries, reportsById) {
    const byDay = new Map();
    // Days in date order; within a day the order given (the most important first).
    for (const e of [...entries].sort((a, b) => a.date.localeCompare(b.date))) {
      if (!byDay.has(e.date)) byDay.set(e.date, []);
      byDay.get(e.date).push(e);
    }
    return h("ol", { class: "timeline" }, [...byDay].map(([date, list]) => h("li", { class: "day" },
      h("h3", {}, h("time", { datetime: date }, longDay(date))),
      h("ul", {}, list.map(e => h("li", { class: "entry" },
        h("p", {}, e.text, " ", badge(e.status)),
        h("p", { class: "how" },
          e.expression ? `Placed by “${e.expression}” (from ${day(e.anchor)}). ` : "Publication date. ",
          e.attribution ? `According to ${e.attribution}. ` : null,
          h("span", {}, plural(e.sources.length, "source") + ": "),
          h("ul", { class: "sources" }, e.sources.map(s => h("li", {}, sourceLabel(s, reportsById)))))))))));
  }

  // A source by its outlet and title, else the start of its lead, else its date: never its raw id. It links to the
  // report's own page.
  function sourceLabel(s, reportsById) {
    const report = reportsById && reportsById.get(s.id);
    const label = [s.outlet, s.title].filter(Boolean).join(": ") || (report && clip(report.lead, 60)) || `Report of ${day(s.published)}`;
    return h("a", { href: reportHref(s.id), title: `${label}, ${day(s.published)}` }, label, " (", time(s.published), ")");
  }

  function entitiesTable(entities) {
    if (!entities.length) return h("p", { class: "empty" }, "No entities found.");
    return h("div", { class: "table-wrap" }, h("table", {},
      h("caption", { class: "visually-hidden" }, "Entities of this story with their roles"),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Name"), h("th", { scope: "col" }, "Type"), h("th", { scope: "col" }, "Roles"), h("th", { scope: "col", class: "num" }, "Mentions"))),
      h("tbody", {}, entities.map(e => h("tr", {},
        h("td", {}, h("a", { href: entityHref(e.key) }, e.name), e.aliases.length ? h("div", { class: "how" }, "also: " + e.aliases.slice(0, 4).join(", ")) : null),
        h("td", {}, typeLabel(e.type)),
        h("td", {}, e.roles.join("; ")),
        h("td", { class: "num" }, String(e.mentions)))))));
  }

  function quoteBlock(q) {
    const words = q.kind === "direct" ? q.content : `(reported) ${q.content}`;
    return h("blockquote", {},
      h("p", {}, words),
      h("footer", {}, q.speakerName || q.source ? (q.speakerName || q.source) + " · " : "", h("a", { href: reportHref(q.report) }, time(q.published)), q.cue ? ` · “${q.cue}”` : ""));
  }

  function quotesBySpeaker(groups) {
    if (!groups.length) return h("p", { class: "empty" }, "No quotes found.");
    return groups.map((g, i) => h("details", { class: "speaker", open: i < 3 },
      h("summary", {}, g.key ? g.speaker : g.speaker, " ", h("span", { class: "badge kind" }, kindLabel(g.sourceKind)), " ",
        h("span", { class: "count" }, `(${plural(g.quotes.length, "quote")})`)),
      g.key ? h("p", { class: "how" }, h("a", { href: entityHref(g.key) }, `About ${g.speaker}`)) : null,
      g.quotes.map(quoteBlock)));
  }

  function placesSection(places) {
    if (!places.length) return section("Places", "places-h", h("p", { class: "empty" }, "No places on the map."));
    const mapBox = h("div", { class: "map-wrap", id: "story-map" }, h("p", { class: "empty" }, "Drawing the map…"));
    const note = h("p", { class: "how" });
    window.drawStoryMap(mapBox, places, "Map of the story's places: " + places.map(p => p.name).join(", "))
      .then(outside => { if (outside > 0) note.textContent = `${plural(outside, "place")} lie outside this view; all are listed below.`; })
      .catch(err => mapBox.replaceChildren(h("p", { class: "error" }, "The map could not be drawn: " + err.message)));
    return section("Places", "places-h", mapBox, note,
      h("ul", { class: "places" }, places.map(p => h("li", {},
        h("a", { href: entityHref(p.key) }, p.name), ` ${p.isCountry ? "(country)" : ""} · ${plural(p.mentions, "mention")}`))));
  }

  async function whatsNew(id, since, target) {
    target.replaceChildren(h("p", { class: "empty" }, "Loading…"));
    try {
      const w = await api(`/api/stories/${id}/whatsnew?since=${encodeURIComponent(since)}`);
      const cutoff = w.sinceDate ? day(w.sinceDate) : "that report";
      const reportsById = new Map(w.reports.map(r => [r.id, r]));
      const parts = [h("p", { class: "meta" }, `Since ${cutoff}: ${plural(w.reports.length, "new report")}, ${plural(w.facts.length, "new fact")}, ${plural(w.quotes.length, "new quote")}, ${plural(w.statusChanges.length, "change", "changes")} of status.`)];
      if (w.statusChanges.length) parts.push(h("h3", {}, "Claims that changed"), h("ul", { class: "changes" }, w.statusChanges.map(c => h("li", {},
        h("p", {}, h("strong", { title: c.key }, claimLabel(c.key)), " ", badge(c.from), " → ", badge(c.to), " (", h("a", { href: reportHref(c.report) }, time(c.published)), ")"),
        h("blockquote", {}, h("p", {}, c.evidence), c.source ? h("footer", {}, c.source) : null)))));
      if (w.facts.length) parts.push(h("h3", {}, "New facts"), timelineList(w.facts, reportsById));
      if (w.moreFacts) parts.push(h("p", { class: "meta" }, `… and ${plural(w.moreFacts, "more new fact")}.`));
      if (w.newEntities.length) parts.push(h("h3", {}, "Newly named"), h("ul", { class: "chips" }, w.newEntities.map(e => h("li", {}, entityChip(e)))));
      if (w.quotes.length) parts.push(h("details", { class: "new-quotes", open: w.quotes.length <= 5 },
        h("summary", {}, `New quotes (${w.quotes.length})`), w.quotes.map(quoteBlock)));
      target.replaceChildren(...parts);
      status.textContent = `What's new since ${cutoff} loaded.`;
    } catch (err) {
      target.replaceChildren(h("p", { class: "error", role: "alert" }, err.message));
    }
  }

  async function storyPage(id, params) {
    const [story, summary] = await Promise.all([api(`/api/stories/${encodeURIComponent(id)}`), api(`/api/stories/${encodeURIComponent(id)}/summary`)]);
    const timeline = { entries: story.timeline };
    const reportsById = new Map(story.reports.map(r => [r.id, r]));
    const originals = story.reports.filter(r => !r.copyOf).length;
    const since = params.get("since") || story.reports[Math.max(0, story.reports.length - 3)].published;
    const newBox = h("div", { id: "whatsnew-result", "aria-live": "polite" });
    const sinceInput = h("input", { type: "date", id: "since", name: "since", value: since, min: story.firstReport, max: story.lastReport, required: true });
    const form = h("form", {
      onsubmit: ev => {
        ev.preventDefault();
        history.replaceState(null, "", `#/story/${story.id}?since=${sinceInput.value}`);
        whatsNew(story.id, sinceInput.value, newBox);
      },
    }, h("label", { for: "since" }, "Reports after", sinceInput), h("button", { type: "submit" }, "Show what's new"));

    show(story.title,
      h("nav", { "aria-label": "Breadcrumb", class: "meta" }, h("a", { href: "#/" }, "Stories"), " › Story ", String(story.id)),
      h("h1", {}, story.title),
      story.keyEntities.length ? h("ul", { class: "chips", "aria-label": "Key entities" }, story.keyEntities.map(e => h("li", {}, entityChip(e)))) : null,
      story.askedFor ? h("p", { class: "meta" }, `Story ${story.askedFor} was merged into this one.`) : null,
      h("p", { class: "counts" },
        h("span", {}, h("strong", {}, String(originals)), originals === 1 ? " report" : " reports"),
        story.reports.length !== originals ? h("span", {}, h("strong", {}, String(story.reports.length - originals)), " near-copies") : null,
        h("span", {}, time(story.firstReport), " – ", time(story.lastReport)),
        h("span", {}, plural(story.entities.length, "entity", "entities"))),
      h("div", { class: "grid" },
        h("div", {},
          section("Summary", "summary-h", h("div", { class: "summary" }, summary.sentences.map(s => h("p", {}, s.text, " ",
            h("span", { class: "how", title: s.sources.map(r => [r.outlet, r.title].filter(Boolean).join(": ") || r.id).join("; ") },
              "(", time(s.published), s.sources.length > 1 ? `; ${plural(s.sources.length, "report")} say so` : "", ")"))))),
          section("What's new", "whatsnew-h", h("div", { class: "whatsnew" }, form, newBox)),
          section("Timeline", "timeline-h", timeline.entries.length ? timelineList(timeline.entries, reportsById) : h("p", { class: "empty" }, "No dated entries."))),
        h("div", {},
          placesSection(story.places),
          section("Quotes by speaker", "quotes-h", quotesBySpeaker(story.quotesBySpeaker)))),
      section("Entities", "entities-h", entitiesTable(story.entities)),
      section("Reports", "reports-h", h("ol", { class: "reports" }, story.reports.map(r => h("li", {},
        h("a", { href: reportHref(r.id) }, h("strong", {}, r.title || clip(r.lead, 90))), " ", h("span", { class: "how" }, [r.outlet, r.author && "by " + r.author, day(r.published)].filter(Boolean).join(" · "), r.copyOf ? " · near-copy" : "", r.paywalled ? " · paywalled teaser" : ""))))));
    if (params.get("since")) whatsNew(story.id, since, newBox);
  }

  // ---- Entities ----
  async function entityList(params) {
    const type = params.get("type") || "";
    const list = await api("/api/entities?limit=200" + (type ? "&type=" + encodeURIComponent(type) : ""));
    const select = h("select", { id: "type", name: "type", onchange: ev => { location.hash = "#/entities" + (ev.target.value ? "?type=" + ev.target.value : ""); } },
      [["", "All types"], ["person", "People"], ["organization", "Organisations"], ["location", "Places"], ["miscellaneous", "Other"]]
        .map(([v, l]) => h("option", { value: v, selected: v === type }, l)));
    show("Entities",
      h("h1", {}, "Entities"),
      h("p", {}, h("label", { for: "type" }, "Show "), select),
      h("div", { class: "panel table-wrap" }, h("table", {},
        h("caption", { class: "visually-hidden" }, "Entities, most mentioned first"),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Name"), h("th", { scope: "col" }, "Type"), h("th", { scope: "col", class: "num" }, "Mentions"), h("th", { scope: "col", class: "num" }, "Reports"), h("th", { scope: "col" }, "Seen"))),
        h("tbody", {}, list.map(e => h("tr", {},
          h("td", {}, h("a", { href: entityHref(e.key) }, e.name)),
          h("td", {}, typeLabel(e.type)),
          h("td", { class: "num" }, String(e.mentions)),
          h("td", { class: "num" }, String(e.reports)),
          h("td", {}, time(e.firstSeen), " – ", time(e.lastSeen))))))));
  }

  async function entityPage(key) {
    const e = await api("/api/entities/" + encodeURIComponent(key));
    const facts = [["Type", typeLabel(e.type)], ["Mentions", `${e.mentions} in ${plural(e.reports, "report")}`], ["Seen", [time(e.firstSeen), " – ", time(e.lastSeen)]]];
    if (e.aliases.length) facts.push(["Also called", e.aliases.join(", ")]);
    if (e.roles.length) facts.push(["Roles", e.roles.join("; ")]);
    if (e.place) facts.push(["Where", `${e.place.latitude.toFixed(3)}, ${e.place.longitude.toFixed(3)} · ${e.place.country}` + (e.place.population ? ` · population ${e.place.population.toLocaleString("en")}` : "")]);
    const mapBox = e.place ? h("div", { class: "map-wrap" }) : null;
    if (mapBox) window.drawStoryMap(mapBox, [e.place], "Map: " + e.name).catch(() => mapBox.remove());
    show(e.name,
      h("nav", { "aria-label": "Breadcrumb", class: "meta" }, h("a", { href: "#/entities" }, "Entities"), " › ", e.name),
      h("h1", {}, e.name),
      h("div", { class: "grid" },
        h("div", {},
          section("About", "about-h", h("dl", { class: "facts" }, facts.map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]))),
          section("Stories", "stories-h", e.stories.length ? h("ul", {}, e.stories.map(s => h("li", {},
            h("a", { href: storyHref(s.story) }, s.title), ` · ${plural(s.reports, "report")}, ${plural(s.mentions, "mention")}`))) : h("p", { class: "empty" }, "None.")),
          section("What they said", "said-h", e.quotes.length ? e.quotes.map(quoteBlock) : h("p", { class: "empty" }, "No quotes attributed."))),
        h("div", {},
          mapBox ? section("On the map", "map-h", mapBox) : null,
          section("Mentioned with", "with-h", e.coOccurring.length ? h("ul", { class: "chips" }, e.coOccurring.map(r => h("li", {}, entityChip(r)))) : h("p", { class: "empty" }, "Nobody else.")),
          e.fullerNames.length ? section("Perhaps the same as", "fuller-h", h("ul", { class: "chips" }, e.fullerNames.map(r => h("li", {}, entityChip(r))))) : null)));
  }

  // ---- Search ----
  // The API marks matches between « and »; they become <mark> elements around text nodes.
  function snippet(text) {
    const parts = [];
    const re = /«([^»]*)»/g;
    let last = 0, m;
    while ((m = re.exec(text)) !== null) {
      parts.push(text.slice(last, m.index), h("mark", {}, m[1]));
      last = re.lastIndex;
    }
    parts.push(text.slice(last));
    return parts;
  }

  async function searchPage(params) {
    const stories = await api("/api/stories?limit=500");
    const field = (label, input, wide) => h("label", { class: wide ? "wide" : null }, label, input);
    const q = h("input", { type: "search", name: "q", id: "search-q", value: params.get("q") || "", required: true });
    const from = h("input", { type: "date", name: "from", value: params.get("from") || "" });
    const to = h("input", { type: "date", name: "to", value: params.get("to") || "" });
    const entity = h("input", { type: "text", name: "entity", value: params.get("entity") || "", placeholder: "name or key", list: "entity-names" });
    const story = h("select", { name: "story" }, h("option", { value: "" }, "All stories"),
      stories.map(s => h("option", { value: s.id, selected: String(s.id) === params.get("story") }, s.title)));
    const names = h("datalist", { id: "entity-names" });
    const form = h("form", {
      class: "panel search-form", role: "search", "aria-label": "Search reports",
      onsubmit: ev => {
        ev.preventDefault();
        const next = new URLSearchParams();
        for (const [k, v] of new FormData(ev.target)) if (String(v).trim()) next.set(k, String(v).trim());
        location.hash = "#/search?" + next.toString();
      },
    }, field("Words (\"a phrase\" in quotes)", q, true), field("From", from), field("To", to), field("Entity", entity), field("Story", story), h("button", { type: "submit" }, "Search"), names);
    const results = h("div", { id: "results", "aria-live": "polite" });
    show("Search", h("h1", {}, "Search"), form, results);
    api("/api/entities?limit=300").then(list => append(names, list.map(e => h("option", { value: e.key }, e.name)))).catch(() => {});

    if (!params.get("q")) { q.focus(); return; }
    try {
      const query = new URLSearchParams(params);
      query.set("limit", "50");
      const r = await api("/api/search?" + query.toString());
      results.setAttribute("data-loaded", query.toString());
      results.replaceChildren(
        h("h2", {}, plural(r.hits.length, "result")),
        r.hits.length ? h("ol", { class: "hits" }, r.hits.map(hit => h("li", { class: "panel hit" },
          h("h3", {}, h("a", { href: reportHref(hit.report) }, hit.title || `Report of ${day(hit.published)}`)),
          h("p", { class: "how" }, time(hit.published), " · story: ", h("a", { href: storyHref(hit.story) }, hit.storyTitle)),
          h("p", {}, snippet(hit.snippet))))) : h("p", { class: "empty" }, "Nothing matches."));
      status.textContent = `${plural(r.hits.length, "result")} found.`;
    } catch (err) {
      results.replaceChildren(h("p", { class: "error", role: "alert" }, err.message));
    }
  }

  // ---- Report page ----
  // The report's text, paragraph by paragraph, with its named entities (links to their pages) and its quotes marked.
  // Offsets are UTF-16 code units into the body, as JavaScript strings count them.
  function markedText(body, mentions, quotes) {
    const marks = [];
    for (const m of mentions) marks.push({ start: m.start, end: m.start + m.length, kind: "mention", m });
    for (const q of quotes) marks.push({ start: q.start, end: q.start + q.length, kind: "quote", q });
    marks.sort((a, b) => a.start - b.start || b.end - a.end);
    // A mention inside a quote is a link inside the quote; of overlapping marks the first is kept.
    function render(from, to, list) {
      const out = [];
      let at = from;
      for (const k of list) {
        if (k.start < at || k.end > to) continue;
        out.push(body.slice(at, k.start));
        if (k.kind === "quote") {
          const inner = list.filter(x => x.kind === "mention" && x.start >= k.start && x.end <= k.end);
          const who = k.q.speaker ? `${k.q.speaker} (${kindLabel(k.q.sourceKind)})` : kindLabel(k.q.sourceKind);
          out.push(h("q", { class: "quote " + k.q.kind, title: who }, render(k.start, k.end, inner)));
        } else {
          out.push(h("a", { class: "mention mention-" + k.m.type, href: entityHref(k.m.key), title: `${k.m.name} · ${typeLabel(k.m.type)}` }, body.slice(k.start, k.end)));
        }
        at = k.end;
      }
      out.push(body.slice(at, to));
      return out;
    }
    // Paragraphs are the body's blank-line breaks, found in the text between marks.
    const paragraphs = [[]];
    for (const node of render(0, body.length, marks).flat(Infinity)) {
      if (typeof node === "string" && /\n\s*\n/.test(node)) {
        node.split(/\n\s*\n/).forEach((piece, i) => { if (i > 0) paragraphs.push([]); paragraphs[paragraphs.length - 1].push(piece); });
      } else paragraphs[paragraphs.length - 1].push(node);
    }
    return paragraphs.filter(p => p.some(n => typeof n !== "string" || n.trim())).map(p => h("p", {}, p));
  }

  async function reportPage(id) {
    const page = await api("/api/reports/" + encodeURIComponent(id));
    const r = page.report;
    const title = r.title || clip(r.lead, 90);
    const storyLink = h("a", { href: storyHref(page.story) }, page.storyTitle || `Story ${page.story}`);
    const facts = [["Published", longDay(r.published)]];
    if (r.outlet) facts.push(["Outlet", r.outlet]);
    if (r.author) facts.push(["Author", r.author]);
    if (r.dateline) facts.push(["Dateline", r.dateline]);
    if (r.paywalled) facts.push(["Paywall", "Only the free teaser could be read"]);
    // Only a web address becomes a link (never javascript: or data: from a hostile feed).
    if (r.url && /^https?:\/\//i.test(r.url)) facts.push(["Source", h("a", { href: r.url, rel: "noopener noreferrer nofollow", target: "_blank" }, r.url)]);
    else if (r.url) facts.push(["Source", r.url]);
    else if (r.origin) facts.push(["Read from", r.origin]);
    if (r.copyOf) facts.push(["Near-copy of", h("a", { href: reportHref(r.copyOf) }, "the original report")]);
    facts.push(["Story", h("a", { href: storyHref(page.story) }, page.storyTitle || `Story ${page.story}`)]);
    show(title,
      h("nav", { "aria-label": "Breadcrumb", class: "meta" }, h("a", { href: "#/" }, "Stories"), " › ", storyLink, " › Report"),
      h("h1", {}, title),
      h("div", { class: "grid" },
        h("div", {}, section("Text", "text-h", h("div", { class: "report-text" }, markedText(page.body, page.mentions, page.quotes)),
          h("p", { class: "how" }, "Names link to their entity; quotes are marked (hover for who said them)."))),
        h("div", {},
          section("About this report", "about-h", h("dl", { class: "facts" }, facts.map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]))),
          section("Named in it", "named-h", page.entities.length
            ? h("ul", { class: "chips" }, page.entities.map(e => h("li", {}, entityChip(e))))
            : h("p", { class: "empty" }, "No names found.")))));
  }

  function notFound(message) {
    show("Not found",
      h("h1", {}, "Not found"),
      h("p", { class: "error", role: "alert" }, message),
      h("p", {}, h("a", { href: "#/" }, "See the stories"), " or ", h("a", { href: "#/search" }, "search the reports"), "."));
  }

  // ---- Routing ----
  async function route(initial) {
    const hash = location.hash.replace(/^#\/?/, "");
    const [path, query] = hash.split("?");
    const params = new URLSearchParams(query || "");
    const [name, ...rest] = path.split("/");
    const arg = decodeURIComponent(rest.join("/"));
    markCurrentNav(name);
    try {
      if (name === "" || name === "stories") await storyList();
      else if (name === "story") await storyPage(arg, params);
      else if (name === "entities") await entityList(params);
      else if (name === "entity") await entityPage(arg);
      else if (name === "search") await searchPage(params);
      else if (name === "report") await reportPage(arg);
      else notFound("No such page.");
    } catch (err) {
      if (err.status === 404 || err.status === 400) notFound(err.message);
      else show("Error", h("h1", {}, "Something went wrong"), h("p", { class: "error", role: "alert" }, err.message), h("p", {}, h("a", { href: "#/" }, "Back to the stories")));
    }
    // After a move within the app, focus goes to the new page's heading (screen readers announce it); on the first
    // load it stays at the top of the document, so that the first Tab reaches the skip link.
    const heading = main.querySelector("h1");
    if (!initial && heading && document.activeElement !== document.getElementById("search-q")) {
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: false });
    }
    main.setAttribute("aria-busy", "false");
  }

  // The skip link moves focus to the content without touching the hash, which holds the route.
  document.querySelector("a.skip").addEventListener("click", ev => {
    ev.preventDefault();
    main.focus();
  });
  document.getElementById("quick-search").addEventListener("submit", ev => {
    ev.preventDefault();
    const q = document.getElementById("quick-q").value.trim();
    location.hash = "#/search" + (q ? "?q=" + encodeURIComponent(q) : "");
  });
  window.addEventListener("hashchange", () => { main.setAttribute("aria-busy", "true"); route(false); });
  labelsLoaded.then(() => route(true));
})();
