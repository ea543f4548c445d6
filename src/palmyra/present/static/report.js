/* The single-file report's router: one view at a time, chosen by the URL fragment.
 *
 * #overview, #documents, #events, #clusters, #naming, #citations name the views;
 * #doc/ID[/FACT] opens a document (and selects a fact), #cluster/ID a cluster.
 * Ids are looked up with getElementById, never put into a selector or markup.
 */
"use strict";

(() => {
  const views = Array.from(document.querySelectorAll("section.view"));
  const nav = Array.from(document.querySelectorAll("header.top nav a"));

  function target(hash) {
    const parts = hash.split("/").map((p) => decodeURIComponent(p));
    const [name, id, fact] = parts;
    if ((name === "doc" || name === "cluster") && id) {
      const view = document.getElementById(`view-${name}/${id}`);
      return { view: view || document.getElementById("view-missing"), fact, tab: name === "doc" ? "documents" : "clusters" };
    }
    return { view: document.getElementById(`view-${name}`) || views[0], fact: null, tab: name || "overview" };
  }

  function route() {
    const { view, fact, tab } = target(location.hash.slice(1) || "overview");
    for (const v of views) v.classList.toggle("on", v === view);
    for (const a of nav) a.classList.toggle("active", a.getAttribute("href") === `#${tab}`);
    const doc = view.querySelector(".docpage");
    if (doc) Palmyra.initDocument(doc);
    if (doc && fact) Palmyra.selectFact(doc, fact, true);
    else window.scrollTo(0, 0);
  }

  window.addEventListener("hashchange", route);
  route();
})();
