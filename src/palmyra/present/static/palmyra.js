/* Palmyra page scripts shared by the web UI and the report.
 *
 * Article text is hostile input: these scripts never build HTML from strings.
 * Every element is made with createElement / createElementNS and every piece of
 * data goes in through textContent or setAttribute, which the browser never
 * parses as markup.
 */
"use strict";

const Palmyra = (() => {
  const SVG_NS = "http://www.w3.org/2000/svg";
  const FACT_ID = /^(event|quote|citation|frame|technique|mention)-\d+$/;

  /** An HTML element with attributes and children (strings become text nodes). */
  function el(tag, attrs, ...children) {
    return fill(document.createElement(tag), attrs, children);
  }

  /** An SVG element with attributes and children. */
  function svg(tag, attrs, ...children) {
    return fill(document.createElementNS(SVG_NS, tag), attrs, children);
  }

  function fill(node, attrs, children) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") node.textContent = String(v);
      else if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, String(v));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === "string" || typeof child === "number" ? String(child) : child);
    }
    return node;
  }

  /** Parse the JSON data block (a script element of type application/json) with this id. */
  function readJSON(id) {
    const node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  /** Fill a URL template's {holes}, each value URI-encoded. */
  function link(template, values) {
    return template.replace(/\{(\w+)\}/g, (_, key) => encodeURIComponent(String(values[key] ?? "")));
  }

  // -- document view ----------------------------------------------------------

  function kindOf(fact) {
    return fact.split("-")[0];
  }

  function visible(root, kind) {
    if (kind === "mention") return root.classList.contains("show-mention");
    return !root.classList.contains("hide-" + kind);
  }

  /** Select one fact: mark all its runs and its card; optionally scroll to it. */
  function selectFact(root, fact, scroll) {
    if (!FACT_ID.test(fact)) return false;
    const kind = kindOf(fact);
    if (!visible(root, kind)) setKind(root, kind, true);
    root.querySelectorAll(".sel").forEach((n) => n.classList.remove("sel"));
    const runs = root.querySelectorAll(`.r[data-f~="${fact}"]`);
    runs.forEach((n) => n.classList.add("sel"));
    const card = root.querySelector(`#card-${fact}`);
    if (card) {
      card.classList.add("sel");
      card.scrollIntoView({ block: "nearest" });
    }
    if (scroll && runs.length) runs[0].scrollIntoView({ block: "center" });
    return runs.length > 0 || card !== null;
  }

  function setKind(root, kind, on) {
    if (kind === "mention") root.classList.toggle("show-mention", on);
    else root.classList.toggle("hide-" + kind, !on);
    const box = root.querySelector(`.toggles input[data-kind="${kind}"]`);
    if (box) box.checked = on;
  }

  /** Wire a document view: highlight toggles, clicks on runs and cards. */
  function initDocument(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "1";
    root.querySelectorAll(".toggles input[data-kind]").forEach((box) => {
      box.addEventListener("change", () => setKind(root, box.dataset.kind, box.checked));
    });
    root.addEventListener("click", (ev) => {
      const card = ev.target.closest(".card");
      if (card && !ev.target.closest("a")) {
        selectFact(root, card.dataset.f, true);
        return;
      }
      const run = ev.target.closest(".r[data-f]");
      if (!run) return;
      const fact = run.dataset.f.split(" ").find((f) => visible(root, kindOf(f)));
      if (fact) selectFact(root, fact, false);
    });
    root.addEventListener("keydown", (ev) => {
      const card = ev.target.closest(".card");
      if (card && (ev.key === "Enter" || ev.key === " ")) {
        ev.preventDefault();
        selectFact(root, card.dataset.f, true);
      }
    });
  }

  function initDocumentPage() {
    if (document.body.classList.contains("report-shell")) return; // the report routes itself
    const root = document.querySelector("main .docpage");
    if (!root) return;
    initDocument(root);
    const fromHash = () => {
      const fact = decodeURIComponent(location.hash.slice(1));
      if (FACT_ID.test(fact)) selectFact(root, fact, true);
    };
    window.addEventListener("hashchange", fromHash);
    fromHash();
  }

  document.addEventListener("DOMContentLoaded", initDocumentPage);

  return { el, svg, readJSON, link, initDocument, selectFact };
})();
