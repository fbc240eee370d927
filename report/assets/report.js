// Sitrep report: clicking any row, link or chart mark with claims shows their evidence
// sentences highlighted in the article text. All text goes in through text nodes, so the
// article text is never interpreted as HTML.
(function () {
  const data = JSON.parse(document.getElementById("sitrep-data").textContent);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function claimCard(id) {
    const claim = data.claims[id];
    if (!claim) return el("div", {class: "claim-card"}, "claim " + id + " is not in this report");
    const article = data.articles[claim.article_id] || {text: ""};
    const text = article.text || "";
    const urlNode = article.url && /^https?:\/\//.test(article.url)
      ? el("a", {href: article.url, target: "_blank", rel: "noopener"}, article.url)
      : (article.source_uri || "");
    const who = (claim.claimant || "no claimant named") + (claim.via ? " via " + claim.via : "");
    const body = el("div", {class: "article-text"},
      text.slice(0, claim.evidence_start),
      el("mark", {"data-claim": id}, text.slice(claim.evidence_start, claim.evidence_end)),
      text.slice(claim.evidence_end));
    return el("div", {class: "claim-card", "data-claim": id},
      el("div", {class: "summary"}, claim.summary),
      el("div", {class: "meta"}, claim.fact_type + " · according to " + who),
      el("div", {class: "meta"},
         (article.outlet || "unknown outlet") + " · " + (article.title || "(no title)") + " · " +
         (article.published_at || "date unknown") + " · ", urlNode),
      body);
  }

  function showClaims(ids) {
    const panel = document.getElementById("evidence-body");
    panel.replaceChildren();
    const list = ids.filter(Boolean);
    document.getElementById("evidence-count").textContent =
      list.length + " claim" + (list.length === 1 ? "" : "s");
    for (const id of list) panel.appendChild(claimCard(id));
    for (const mark of panel.querySelectorAll("mark")) {
      const box = mark.parentElement;
      box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - 40);
    }
    document.getElementById("evidence").scrollTop = 0;
  }
  window.sitrepShowClaims = showClaims;

  document.addEventListener("click", (event) => {
    const target = event.target.closest("[data-claims]");
    if (!target) return;
    document.querySelectorAll(".selected").forEach((n) => n.classList.remove("selected"));
    target.classList.add("selected");
    showClaims(target.getAttribute("data-claims").split(" "));
  });

  const filter = document.getElementById("claim-filter");
  if (filter) filter.addEventListener("input", () => {
    const needle = filter.value.toLowerCase();
    document.querySelectorAll("#all-claims tbody tr").forEach((row) => {
      row.style.display = row.textContent.toLowerCase().includes(needle) ? "" : "none";
    });
  });

  for (const [id, spec] of Object.entries(data.charts)) {
    vegaEmbed("#" + id, spec, {renderer: "svg", actions: false}).then((result) => {
      document.getElementById(id).setAttribute("data-rendered", "true");
      result.view.addEventListener("click", (event, item) => {
        const datum = item && item.datum;
        if (!datum) return;
        if (datum.claim_ids) showClaims(datum.claim_ids);
        else if (datum.claim_id) showClaims([datum.claim_id]);
      });
    }).catch((error) => {
      document.getElementById(id).textContent = "chart failed: " + error;
    });
  }
})();
