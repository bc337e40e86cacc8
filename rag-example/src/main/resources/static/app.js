// The page of the jina-clip RAG example: talks to the JSON API (/api/status, /api/search, /api/search/image,
// /api/ingest) and renders one grid of passage cards and image thumbnails.
"use strict";

const $ = (id) => document.getElementById(id);
let status = null;

function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value !== null && value !== undefined) node.setAttribute(name, value);
    }
    for (const child of children) node.append(child);
    return node;
}

async function api(url, options) {
    const response = await fetch(url, options);
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.detail || body.title || `HTTP ${response.status}`);
    return body;
}

function showError(message) {
    $("error").textContent = message;
    $("error").hidden = !message;
}

function describeStatus(s) {
    const backend = s.backend === "onnx" ? "local backend (ONNX Runtime)" : "hosted Jina API";
    return `${s.model} on the ${backend} · ${s.store} store · ${s.index.passages} passages and ` +
        `${s.index.images} images from ${s.index.files} files`;
}

async function loadStatus() {
    status = await api("/api/status");
    $("status").textContent = describeStatus(status);
    const failed = status.index.failed.map((f) => `${f.source} (${f.reason})`);
    if (failed.length) showError(`Not indexed: ${failed.join("; ")}`);
    if (status.generation === "off") {
        $("notice").textContent = "Retrieval only: no chat model is configured, so the app lists the passages and " +
            "pictures that fit the query without writing an answer. Set rag.chat.model (and rag.chat.base-url for " +
            "Ollama or another OpenAI-compatible server) to get answers.";
        $("notice").hidden = false;
    }
}

// a passage as it reads: paragraphs kept, the file's hard line wraps undone
function readable(text) {
    return text.split(/\n\s*\n/).map((paragraph) => paragraph.replace(/\s*\n\s*/g, " ").trim()).join("\n\n");
}

function card(hit) {
    const image = hit.modality === "image";
    const body = image
        ? el("a", {class: "thumb", href: hit.sourceUrl, target: "_blank"}, el("img", {src: hit.thumbnailUrl, alt: hit.source, loading: "lazy"}))
        : el("p", {class: "passage"}, readable(hit.text));
    const score = el("span", {class: "score", title: "cosine similarity to the query (comparable within a modality only) · reciprocal-rank-fusion score"},
        `cos ${hit.cosine.toFixed(3)} · RRF ${hit.fusedScore.toFixed(4)}`);
    const meta = el("div", {class: "meta"},
        el("span", {class: "rank"}, `#${hit.rank}`),
        el("span", {class: `badge ${hit.modality}`}, image ? "Image" : "Passage"),
        score,
        el("a", {class: "source", href: hit.sourceUrl, target: "_blank"},
            hit.passage === null || hit.passage === undefined ? hit.source : `${hit.source} · passage ${hit.passage + 1}`));
    return el("article", {class: `card ${hit.modality}`, id: `result-${hit.rank}`, "data-modality": hit.modality}, body, meta);
}

function renderAnswer(answer) {
    $("answer").hidden = !answer;
    if (!answer) return;
    $("answer-model").textContent = `· ${answer.model}`;
    const text = $("answer-text");
    text.replaceChildren();
    if (answer.error) {
        text.append(answer.error);
        return;
    }
    // citations [n] link to the cards
    const parts = answer.text.split(/(\[\d+(?:\s*,\s*\d+)*\])/);
    for (const part of parts) {
        const numbers = part.match(/^\[(.+)\]$/);
        if (!numbers) { text.append(part); continue; }
        text.append("[");
        numbers[1].split(",").map((n) => n.trim()).forEach((n, i) => {
            if (i > 0) text.append(", ");
            text.append(el("a", {href: `#result-${n}`}, n));
        });
        text.append("]");
    }
}

function render(response, queryImage) {
    renderAnswer(response.answer);
    const images = response.results.filter((hit) => hit.modality === "image").length;
    const summary = $("summary");
    summary.replaceChildren();
    if (queryImage) summary.append(el("img", {src: queryImage, alt: "query image"}));
    summary.append(`${response.results.length} results for “${response.query}”: ` +
        `${response.results.length - images} passages, ${images} images`);
    const grid = $("results");
    grid.replaceChildren(...response.results.map(card));
    if (response.results.length === 0) grid.append(el("p", {class: "empty"}, "Nothing indexed matches. Is the corpus folder empty?"));
}

async function run(task) {
    showError("");
    document.body.setAttribute("aria-busy", "true");
    try {
        await task();
    } catch (e) {
        showError(e.message);
    } finally {
        document.body.removeAttribute("aria-busy");
    }
}

function searchText(text) {
    return run(async () => {
        const k = status ? status.defaultResults : 12;
        const response = await api(`/api/search?q=${encodeURIComponent(text)}&k=${k}`);
        history.replaceState(null, "", `?q=${encodeURIComponent(text)}`); // a search can be shared as a link
        render(response, null);
    });
}

$("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    searchText($("q").value);
});

$("image").addEventListener("change", () => {
    const file = $("image").files[0];
    if (!file) return;
    run(async () => {
        const form = new FormData();
        form.append("image", file);
        const response = await api("/api/search/image", {method: "POST", body: form});
        render(response, URL.createObjectURL(file));
    });
    $("image").value = "";
});

$("ingest-button").addEventListener("click", () => run(async () => {
    const report = await api("/api/ingest", {method: "POST"});
    await loadStatus();
    const failed = report.failed.map((f) => `${f.source}: ${f.reason}`).join("; ");
    $("summary").textContent = `Re-indexed: ${report.added} new, ${report.updated} changed, ${report.unchanged} ` +
        `unchanged, ${report.removed} removed files` + (failed ? `. Not indexed: ${failed}` : "");
}));

run(loadStatus).then(() => {
    const q = new URLSearchParams(location.search).get("q");
    if (q) {
        $("q").value = q;
        searchText(q);
    }
});
