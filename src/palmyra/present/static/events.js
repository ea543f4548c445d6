/* The events view: a zoomable timeline and a map over the packaged basemap, linked.
 *
 * Data comes from the config element named by #events-app[data-config]: either
 * URLs to fetch (web UI) or ids of embedded JSON elements (report). The map shows
 * the events of the timeline's visible range, grouped by place; a click on either
 * opens the evidence in the side panel, with links to the document and cluster.
 */
"use strict";

(() => {
  const root = document.getElementById("events-app");
  if (!root) return;
  const { el, svg, readJSON, link } = Palmyra;
  const config = readJSON(root.dataset.config);
  const DAY = 86400000;
  const REPORTED = new Set(["asserted", "attributed"]);
  const LANE = 40;
  const AXIS = 30;
  const LABEL_W = 150;
  const MAX_MARKS = 1500; // beyond this many visible events the timeline draws counts
  const KX = Math.cos((35 * Math.PI) / 180); // equirectangular, true scale at 35°N
  const ZOOMS = { year: 366, month: 31, day: 8 };
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  const state = {
    events: [], typeClass: new Map(), types: new Set(), unreported: false, follow: true,
    full: [0, 1], domain: [0, 1], selected: null, place: null, view: null, basemap: null,
  };
  const $ = (role) => root.querySelector(`[data-role="${role}"]`);

  function load(source) {
    if (source.element) return Promise.resolve(readJSON(source.element));
    return fetch(source.url, { headers: { Accept: "application/json" } }).then((r) => {
      if (!r.ok) throw new Error(`${source.url}: HTTP ${r.status}`);
      return r.json();
    });
  }

  function parseDay(iso) {
    if (!iso) return null;
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
    return m ? Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1) : null;
  }

  function fmtDay(t) {
    const d = new Date(t);
    return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  }

  // -- filters ---------------------------------------------------------------

  function filtered(range) {
    return state.events.filter((e) => state.types.has(e.type || "")
      && (state.unreported || REPORTED.has(e.modality))
      && (!range || (e.t0 !== null && e.t1 > state.domain[0] && e.t0 < state.domain[1])));
  }

  function buildChips() {
    const box = $("types");
    for (const t of config.types) {
      state.types.add(t.name);
      state.typeClass.set(t.name, t.css);
      const chip = el("button", { type: "button", class: `chip ${t.css}`, "aria-pressed": "true" },
        el("span", { class: "dot" }), t.name);
      chip.addEventListener("click", () => {
        const on = !state.types.has(t.name);
        if (on) state.types.add(t.name); else state.types.delete(t.name);
        chip.classList.toggle("off", !on);
        chip.setAttribute("aria-pressed", String(on));
        redraw();
      });
      box.append(chip);
    }
    $("unreported").addEventListener("change", (ev) => { state.unreported = ev.target.checked; redraw(); });
    $("follow").addEventListener("change", (ev) => { state.follow = ev.target.checked; drawMap(); });
  }

  function css(type) {
    return state.typeClass.get(type) || "t6";
  }

  // -- timeline --------------------------------------------------------------

  function timelineGeometry() {
    const box = $("timeline");
    const width = Math.max(box.clientWidth, 300);
    const lanes = config.types.map((t) => t.name);
    return { box, width, lanes, height: AXIS + LANE * Math.max(lanes.length, 1) + 6 };
  }

  function xOf(t, g) {
    const [d0, d1] = state.domain;
    return LABEL_W + ((t - d0) / (d1 - d0)) * (g.width - LABEL_W - 10);
  }

  function tOf(x, g) {
    const [d0, d1] = state.domain;
    return d0 + ((x - LABEL_W) / (g.width - LABEL_W - 10)) * (d1 - d0);
  }

  function ticks() {
    const [d0, d1] = state.domain;
    const days = (d1 - d0) / DAY;
    const out = [];
    const start = new Date(d0);
    let y = start.getUTCFullYear();
    if (days > 365 * 3) {
      const step = days > 365 * 30 ? 10 : days > 365 * 12 ? 5 : days > 365 * 6 ? 2 : 1;
      y -= y % step;
      for (let t = Date.UTC(y, 0, 1); t < d1; t = Date.UTC(y += step, 0, 1)) {
        out.push({ t, label: String(y), major: true });
      }
    } else if (days > 45) {
      const step = days > 900 ? 3 : 1;
      let m = start.getUTCMonth() - (start.getUTCMonth() % step);
      for (let t = Date.UTC(y, m, 1); t < d1; t = Date.UTC(y, (m += step), 1)) {
        const d = new Date(t);
        const major = d.getUTCMonth() === 0;
        out.push({ t, label: major ? String(d.getUTCFullYear()) : MONTHS[d.getUTCMonth()], major });
      }
    } else {
      const step = days > 20 ? 7 : days > 10 ? 2 : 1;
      for (let t = Math.floor(d0 / DAY) * DAY; t < d1; t += DAY) {
        const d = new Date(t);
        const major = d.getUTCDate() === 1;
        if (!major && (d.getUTCDate() - 1) % step !== 0) continue;
        out.push({ t, label: major ? `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` : String(d.getUTCDate()), major });
      }
    }
    return out;
  }

  function drawTimeline() {
    const g = timelineGeometry();
    if (g.box.clientWidth === 0) return; // hidden (report tab not shown yet)
    if (!state.events.some((e) => e.t0 !== null)) {
      g.box.replaceChildren(el("div", { class: "empty" }, state.events.length
        ? `None of the ${state.events.length} events has a date, so none can be placed in time.`
        : "No events in this store yet. They appear here once the event extractor has run over the documents (palmyra analyze)."));
      return;
    }
    const lanes = new Map(g.lanes.map((name, i) => [name, i]));
    const s = svg("svg", { viewBox: `0 0 ${g.width} ${g.height}`, height: g.height, role: "img",
      "aria-label": "Timeline of events by type" });
    g.lanes.forEach((name, i) => {
      const y = AXIS + i * LANE;
      s.append(svg("rect", { class: i % 2 ? "lane alt" : "lane", x: 0, y, width: g.width, height: LANE }));
      s.append(svg("text", { class: "lanelab", x: 6, y: y + LANE / 2 + 4, text: name }));
    });
    for (const tk of ticks()) {
      const x = xOf(tk.t, g);
      if (x < LABEL_W) continue;
      s.append(svg("g", { class: tk.major ? "tick major" : "tick" },
        svg("line", { x1: x, x2: x, y1: AXIS - 8, y2: g.height }),
        svg("text", { x: x + 3, y: AXIS - 12, text: tk.label })));
    }
    s.append(svg("defs", {}, svg("clipPath", { id: "timeline-plot" },
      svg("rect", { x: LABEL_W, y: 0, width: g.width - LABEL_W, height: g.height }))));
    const plot = svg("g", { "clip-path": "url(#timeline-plot)" });
    const visible = filtered(true);
    if (visible.length > MAX_MARKS) drawCounts(plot, g, visible, lanes);
    else drawMarks(plot, g, visible, lanes);
    s.append(plot);
    g.box.replaceChildren(s);
    const [d0, d1] = state.domain;
    $("range").textContent = `${fmtDay(d0)} – ${fmtDay(d1 - 1)} · ${visible.length} event${visible.length === 1 ? "" : "s"}`;
    bindTimelineDrag(s, g);
  }

  function drawMarks(s, g, visible, lanes) {
    const rows = new Map();
    const bars = [];
    const dots = [];
    for (const e of visible) (e.prec === "day" ? dots : bars).push(e);
    for (const e of bars) {
      const lane = lanes.get(e.type) ?? 0;
      const x0 = Math.max(xOf(e.t0, g), LABEL_W);
      const x1 = Math.min(xOf(e.t1, g), g.width);
      const y = AXIS + lane * LANE + LANE - 12;
      s.append(mark(svg("rect", { x: x0, y, width: Math.max(x1 - x0, 6), height: 8, rx: 3 }), e, "span"));
    }
    dots.sort((a, b) => a.t0 - b.t0);
    for (const e of dots) {
      const lane = lanes.get(e.type) ?? 0;
      const x = xOf((e.t0 + e.t1) / 2, g);
      const last = rows.get(lane) || [-1e9, -1e9, -1e9];
      let row = last.findIndex((lx) => x - lx > 11);
      if (row < 0) row = last.indexOf(Math.min(...last));
      last[row] = x;
      rows.set(lane, last);
      const y = AXIS + lane * LANE + 8 + row * 8;
      s.append(mark(svg("circle", { cx: x, cy: y, r: 5 }), e, "dot"));
    }
  }

  function mark(node, e, shape) {
    const reported = REPORTED.has(e.modality);
    node.setAttribute("class", `ev ${shape} ${css(e.type)}${reported ? "" : " unreported"}${state.selected === e ? " sel" : ""}`);
    node.setAttribute("data-key", e.key);
    node.setAttribute("tabindex", "0");
    node.append(svg("title", { text: `${e.date || "undated"} · ${e.type} · ${e.place || "no place"} · ${e.outlet || ""}` }));
    node.addEventListener("click", (ev) => { ev.stopPropagation(); selectEvent(e); });
    node.addEventListener("keydown", (ev) => { if (ev.key === "Enter") selectEvent(e); });
    return node;
  }

  function drawCounts(s, g, visible, lanes) {
    // fixed-width bins of about 6 px: a histogram per lane, each bar a click to zoom in
    const [d0, d1] = state.domain;
    const count = Math.max(Math.floor((g.width - LABEL_W - 10) / 6), 1);
    const width = (d1 - d0) / count;
    const bins = new Map();
    for (const e of visible) {
      const i = Math.min(Math.max(Math.floor(((e.t0 + e.t1) / 2 - d0) / width), 0), count - 1);
      const key = `${lanes.get(e.type) ?? 0}:${i}`;
      bins.set(key, (bins.get(key) || 0) + 1);
    }
    const top = Math.max(...bins.values());
    for (const [key, n] of bins) {
      const [lane, i] = key.split(":").map(Number);
      const t0 = d0 + i * width;
      const t1 = t0 + width;
      const x0 = Math.max(xOf(t0, g), LABEL_W);
      const x1 = xOf(t1, g);
      const h = Math.max(2, ((LANE - 8) * n) / top);
      const bar = svg("rect", { class: `hist ${css(g.lanes[lane])}`, x: x0 + 1, width: Math.max(x1 - x0 - 2, 1),
        y: AXIS + lane * LANE + LANE - 4 - h, height: h },
      svg("title", { text: `${g.lanes[lane]}: ${n} events (click to zoom in)` }));
      bar.addEventListener("click", () => setDomain(t0, t1));
      s.append(bar);
    }
  }

  function bindTimelineDrag(s, g) {
    let start = null;
    s.addEventListener("pointerdown", (ev) => {
      if (ev.target.closest(".ev, .hist")) return;
      start = { x: ev.clientX, domain: state.domain.slice() };
      s.setPointerCapture(ev.pointerId);
    });
    s.addEventListener("pointermove", (ev) => {
      if (!start) return;
      const scale = g.width / s.getBoundingClientRect().width;
      const dt = ((ev.clientX - start.x) * scale * (start.domain[1] - start.domain[0])) / (g.width - LABEL_W - 10);
      state.domain = [start.domain[0] - dt, start.domain[1] - dt];
      schedule(drawTimeline);
    });
    s.addEventListener("pointerup", () => { if (start) { start = null; drawMap(); } });
    s.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      const rect = s.getBoundingClientRect();
      const x = ((ev.clientX - rect.left) * g.width) / rect.width;
      const at = tOf(Math.max(x, LABEL_W), g);
      const f = Math.exp(ev.deltaY * 0.0015);
      setDomain(at - (at - state.domain[0]) * f, at + (state.domain[1] - at) * f);
    }, { passive: false });
  }

  let pending = null;
  function schedule(fn) {
    if (pending) return;
    pending = requestAnimationFrame(() => { pending = null; fn(); });
  }

  function setDomain(d0, d1) {
    const width = Math.min(Math.max(d1 - d0, 2 * DAY), (state.full[1] - state.full[0]) * 4 + 60 * DAY);
    const mid = (d0 + d1) / 2;
    state.domain = [mid - width / 2, mid + width / 2];
    drawTimeline();
    drawMap();
  }

  function zoom(kind) {
    root.querySelectorAll("[data-zoom]").forEach((b) => b.classList.toggle("on", b.dataset.zoom === kind));
    if (kind === "all") {
      const pad = Math.max((state.full[1] - state.full[0]) * 0.03, 3 * DAY);
      setDomain(state.full[0] - pad, state.full[1] + pad);
      return;
    }
    const at = state.selected && state.selected.t0 !== null
      ? (state.selected.t0 + state.selected.t1) / 2 : (state.domain[0] + state.domain[1]) / 2;
    const half = (ZOOMS[kind] * DAY) / 2;
    setDomain(at - half, at + half);
  }

  // -- map -------------------------------------------------------------------

  function project(lon, lat) {
    return [lon * KX, -lat];
  }

  function ringPath(ring) {
    return ring.map(([lon, lat], i) => {
      const [x, y] = project(lon, lat);
      return `${i ? "L" : "M"}${x.toFixed(3)},${y.toFixed(3)}`;
    }).join("");
  }

  function buildBasemap(geo) {
    const layers = { world: [], land: [], lake: [], border: [], admin1: [], country_label: [], city: [] };
    let theatre = null;
    for (const f of geo.features) {
      const layer = f.properties.layer;
      const geom = f.geometry;
      if (geom.type === "MultiPolygon") {
        const d = geom.coordinates.map((poly) => poly.map((r) => ringPath(r) + "Z").join("")).join("");
        layers[layer].push({ d, name: f.properties.name });
        if (layer === "land") theatre = bbox(geom.coordinates.flat(2));
      } else if (geom.type === "MultiLineString") {
        layers[layer].push({ d: geom.coordinates.map(ringPath).join("") });
      } else if (geom.type === "Point") {
        layers[layer].push({ p: project(...geom.coordinates), name: f.properties.name });
      }
    }
    return { layers, theatre };
  }

  function bbox(points) {
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  }

  function fitView(places) {
    const pts = places.map((p) => [p.lon, p.lat]);
    const [lo0, la0, lo1, la1] = pts.length ? bbox(pts) : state.basemap.theatre;
    const [x0, y1] = project(lo0, la0);
    const [x1, y0] = project(lo1, la1);
    const w = Math.max(x1 - x0, 4);
    const h = Math.max(y1 - y0, 3);
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    setView(cx, cy, Math.max(w, h * aspect()) * 1.25);
  }

  function aspect() {
    const box = $("map");
    return Math.max(box.clientWidth, 1) / mapHeight();
  }

  function mapHeight() {
    return Math.max(360, Math.min(620, Math.round($("map").clientWidth * 0.72)));
  }

  function setView(cx, cy, w) {
    const width = Math.min(Math.max(w, 0.3), 380);
    state.view = { cx, cy, w: width, h: width / aspect() };
    drawMap();
  }

  function placesOf(events) {
    const by = new Map();
    for (const e of events) {
      if (e.lat === null || e.lon === null || e.lat === undefined) continue;
      const key = `${e.lat.toFixed(3)},${e.lon.toFixed(3)}`;
      if (!by.has(key)) by.set(key, { key, lat: e.lat, lon: e.lon, name: e.place, events: [] });
      by.get(key).events.push(e);
    }
    for (const p of by.values()) {
      const n = new Map();
      for (const e of p.events) n.set(e.type, (n.get(e.type) || 0) + 1);
      p.type = [...n.entries()].sort((a, b) => b[1] - a[1])[0][0];
    }
    return [...by.values()].sort((a, b) => b.events.length - a.events.length);
  }

  function drawMap() {
    const box = $("map");
    if (!state.basemap || box.clientWidth === 0) return;
    const events = filtered(state.follow);
    const places = placesOf(events);
    if (!state.view) {
      const [a, b, c, d] = state.basemap.theatre;
      const near = places.filter((p) => p.lon >= a && p.lon <= c && p.lat >= b && p.lat <= d);
      fitView(near.length ? near : places); // the theatre first; "Fit" takes in the rest
      return;
    }
    const { cx, cy, w, h } = state.view;
    const height = mapHeight();
    const px = box.clientWidth / w; // screen pixels per map unit
    const s = svg("svg", { viewBox: `${cx - w / 2} ${cy - h / 2} ${w} ${h}`, height, role: "img",
      "aria-label": "Map of events" });
    const [t0, t1, t2, t3] = state.basemap.theatre;
    const [ax, ay] = project(t0, t3);
    const [bx, by] = project(t2, t1);
    const clip = svg("clipPath", { id: "outside-theatre" },
      svg("path", { "clip-rule": "evenodd", d: `M-400,-200H400V200H-400Z M${ax},${ay}H${bx}V${by}H${ax}Z` }));
    s.append(svg("defs", {}, clip));
    const layers = state.basemap.layers;
    const base = svg("g");
    base.append(svg("g", { "clip-path": "url(#outside-theatre)" },
      layers.world.map((f) => svg("path", { class: "world", d: f.d, "fill-rule": "evenodd" }))));
    for (const name of ["land", "lake", "border", "admin1"]) {
      for (const f of layers[name]) base.append(svg("path", { class: name, d: f.d, "fill-rule": "evenodd" }));
    }
    s.append(base);
    const labels = svg("g", { "font-size": 13 / px });
    for (const f of layers.country_label) labels.append(svg("text", { class: "clab", x: f.p[0], y: f.p[1], "font-size": 13 / px, text: f.name }));
    if (px > 40) {
      for (const f of layers.city) {
        labels.append(svg("g", { class: "city" }, svg("circle", { cx: f.p[0], cy: f.p[1], r: 2 / px }),
          svg("text", { x: f.p[0] + 4 / px, y: f.p[1] - 3 / px, "font-size": 11 / px, text: f.name })));
      }
    }
    s.append(labels);
    const marks = svg("g");
    const most = places.length ? places[0].events.length : 1;
    places.slice().reverse().forEach((p, i) => {
      const [x, y] = project(p.lon, p.lat);
      const r = (4 + 20 * Math.sqrt(p.events.length / most)) / px; // area grows with the count
      const c = svg("circle", { class: `place ${css(p.type)}${state.place === p.key ? " sel" : ""}`, cx: x, cy: y, r,
        "stroke-width": (state.place === p.key ? 3 : 1.5) / px, "data-key": p.key, tabindex: 0 },
      svg("title", { text: `${p.name || "unnamed place"}: ${p.events.length} event${p.events.length === 1 ? "" : "s"}` }));
      c.addEventListener("click", (ev) => { ev.stopPropagation(); selectPlace(p); });
      c.addEventListener("keydown", (ev) => { if (ev.key === "Enter") selectPlace(p); });
      marks.append(c);
      if (places.length - i <= 10) {
        marks.append(svg("text", { class: "placelab", x: x + r + 3 / px, y: y + 4 / px, "font-size": 11 / px,
          "stroke-width": 3 / px, text: p.name || "" }));
      }
    });
    s.append(marks);
    box.replaceChildren(s);
    bindMapDrag(s);
    const unplaced = events.filter((e) => e.lat === null || e.lat === undefined).length;
    $("unplaced").textContent = `${places.length} place${places.length === 1 ? "" : "s"} shown`
      + (unplaced ? ` · ${unplaced} event${unplaced === 1 ? "" : "s"} without coordinates` : "")
      + ". Natural Earth outlines (public domain); governorate seats from GeoNames (CC BY 4.0).";
    $("count").textContent = `${events.length} of ${state.events.length} events shown`;
  }

  function bindMapDrag(s) {
    let start = null;
    s.addEventListener("pointerdown", (ev) => {
      if (ev.target.closest(".place")) return;
      start = { x: ev.clientX, y: ev.clientY, view: { ...state.view } };
      s.setPointerCapture(ev.pointerId);
    });
    s.addEventListener("pointermove", (ev) => {
      if (!start) return;
      const k = start.view.w / s.getBoundingClientRect().width;
      state.view = { ...start.view, cx: start.view.cx - (ev.clientX - start.x) * k, cy: start.view.cy - (ev.clientY - start.y) * k };
      schedule(drawMap);
    });
    s.addEventListener("pointerup", () => { start = null; });
    s.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      const rect = s.getBoundingClientRect();
      const v = state.view;
      const mx = v.cx - v.w / 2 + ((ev.clientX - rect.left) / rect.width) * v.w;
      const my = v.cy - v.h / 2 + ((ev.clientY - rect.top) / rect.height) * v.h;
      const f = Math.exp(ev.deltaY * 0.0015);
      setView(mx + (v.cx - mx) * f, my + (v.cy - my) * f, v.w * f);
    }, { passive: false });
  }

  function mapButton(kind) {
    const v = state.view;
    if (kind === "in") setView(v.cx, v.cy, v.w / 1.6);
    else if (kind === "out") setView(v.cx, v.cy, v.w * 1.6);
    else if (kind === "world") setView(20 * KX, -25, 370);
    else fitView(placesOf(filtered(state.follow)));
  }

  // -- detail panel ----------------------------------------------------------

  function evidenceCard(e) {
    const docUrl = link(config.links.doc, { doc: e.doc, fact: `event-${e.seq}` });
    const rows = [
      ["Date", e.date ? (e.prec && e.prec !== "day" ? `${e.date} (${e.prec})` : e.date) : "—"],
      ["Place", [e.place, e.admin1, e.country].filter(Boolean).join(", ") || "—"],
      ["Actors", [e.actor1, e.actor2].filter(Boolean).join(" → ") || "—"],
      ["Killed", e.killed === null || e.killed === undefined ? "—" : String(e.killed)],
      ["Claim", e.by ? `${e.modality} by ${e.by}` : e.modality || "asserted"],
      ["Outlet", e.outlet || "—"],
    ];
    const others = e.cluster ? state.events.filter((x) => x.cluster === e.cluster).length - 1 : 0;
    return el("div", { class: `evcard ${css(e.type)}`, "data-key": e.key },
      el("h3", {}, `${e.type} · ${e.sub}`),
      el("p", { class: "evidence" }, "“", el("mark", {}, e.evidence), "”"),
      el("dl", {}, rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])),
      el("p", {},
        el("a", { class: "open-doc", href: docUrl }, "Open in the document →"),
        e.cluster ? " · " : null,
        e.cluster ? el("a", { class: "open-cluster", href: link(config.links.cluster, { cluster: e.cluster }) },
          others > 0 ? `Compare ${others + 1} reports →` : "Event page →") : null),
      el("p", { class: "note" }, e.title || ""));
  }

  function showDetail(title, events) {
    const panel = $("detail");
    const shown = events.slice(0, 60);
    panel.replaceChildren(el("h2", {}, title), ...shown.map(evidenceCard));
    if (events.length > shown.length) {
      panel.append(el("p", { class: "note" }, `${events.length - shown.length} more not listed: zoom the timeline to narrow them.`));
    }
    panel.scrollTop = 0;
  }

  function selectEvent(e) {
    state.selected = e;
    state.place = e.lat !== null && e.lat !== undefined ? `${e.lat.toFixed(3)},${e.lon.toFixed(3)}` : null;
    showDetail("Evidence", [e]);
    drawTimeline();
    drawMap();
  }

  function selectPlace(p) {
    state.place = p.key;
    state.selected = null;
    const events = p.events.slice().sort((a, b) => (a.t0 ?? Infinity) - (b.t0 ?? Infinity));
    showDetail(`${p.name || "Unnamed place"} · ${events.length} event${events.length === 1 ? "" : "s"}`, events);
    drawTimeline();
    drawMap();
  }

  // -- start -----------------------------------------------------------------

  function redraw() {
    drawTimeline();
    drawMap();
  }

  function start([payload, geo]) {
    state.events = (payload.data || payload).map((e) => {
      const t0 = parseDay(e.start || e.date);
      const end = parseDay(e.end || e.start || e.date);
      return { ...e, t0, t1: end === null ? null : end + DAY };
    });
    buildChips();
    state.basemap = buildBasemap(geo);
    const dated = state.events.filter((e) => e.t0 !== null);
    if (dated.length) {
      state.full = [Math.min(...dated.map((e) => e.t0)), Math.max(...dated.map((e) => e.t1))];
    } else {
      const now = Date.now();
      state.full = [now - 365 * DAY, now];
    }
    root.querySelectorAll("[data-zoom]").forEach((b) => b.addEventListener("click", () => zoom(b.dataset.zoom)));
    root.querySelectorAll("[data-pan]").forEach((b) => b.addEventListener("click", () => {
      const shift = (state.domain[1] - state.domain[0]) * 0.5 * Number(b.dataset.pan);
      setDomain(state.domain[0] + shift, state.domain[1] + shift);
    }));
    root.querySelectorAll("[data-map]").forEach((b) => b.addEventListener("click", () => mapButton(b.dataset.map)));
    zoom("all");
    new ResizeObserver(() => schedule(redraw)).observe(root);
    root.dataset.ready = "1";
  }

  Promise.all([load(config.events), load(config.basemap)]).then(start).catch((err) => {
    $("detail").replaceChildren(el("h2", {}, "Could not load the events"), el("p", {}, String(err)));
  });
})();
