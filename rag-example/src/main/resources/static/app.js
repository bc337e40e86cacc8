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
    if (!response.ok) throw new Error(body.detail || body.title || `HTTP ${response.status} ${response.statusText}`);
    return body;
}

// one error at a time, labelled with what failed
function showError(message) {
    $("error").textContent = message;
    $("error").hidden = !message;
}

// with nothing newer to report, the error box says why the last indexing failed, if it did
function showIndexError() {
    showError(status && status.indexing.state === "failed" ? `Indexing failed: ${status.indexing.error}` : "");
}

function count(n, noun) {
    return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

// "3 of 18 files done (cats/cats.txt)"
function progress(run) {
    if (run.filesTotal === 0) return "listing the files";
    return `${run.filesDone} of ${run.filesTotal} files done` + (run.currentFile ? ` (${run.currentFile})` : "");
}

function describeStatus(s) {
    const backend = s.backend === "onnx" ? "local backend (ONNX Runtime)" : "hosted Jina API";
    const setUp = `${s.model} on the ${backend} · ${s.store} store`;
    if (s.indexing.state === "indexing") return `${setUp} · indexing the corpus: ${progress(s.indexing)}…`;
    if (s.indexing.state === "failed") return `${setUp} · indexing failed`;
    return `${setUp} · ${s.index.passages} passages and ${s.index.images} images from ${s.index.files} files`;
}

// what embedding the indexed corpus costs on the hosted API (docs/cost.md)
function describeCost(cost) {
    if (!cost) return "The corpus's cost on the hosted API is counted on the next indexing run.";
    const tokens = (n) => n.toLocaleString("en-US");
    const texts = cost.exactText ? "counted with the model's tokenizer" : "estimated at 1.1 tokens per word";
    return `This corpus costs ${tokens(cost.tokens)} tokens on the hosted API: ${tokens(cost.textTokens)} for ` +
        `passages (${texts}), ${tokens(cost.imageTokens)} for images (by tiles).`;
}

function renderFailures(failed) {
    $("failures-list").replaceChildren(...failed.map((f) => el("li", {}, el("code", {}, f.source), `: ${f.reason}`)));
    $("failures").hidden = failed.length === 0;
}

// while a run is under way the page asks again every second, and refreshes the header when it ends
let polling = null;
let reindexing = false;

function pollWhileIndexing() {
    if (polling || !(reindexing || status.indexing.state === "indexing")) return;
    polling = setTimeout(() => {
        polling = null;
        loadStatus().catch((e) => {
            showError(`Cannot reach the app: ${e.message}`);
            pollWhileIndexing(); // a poll that failed (a restart, a dropped connection) is tried again
        });
    }, 1000);
}

async function loadStatus() {
    const before = status && status.indexing.state;
    status = await api("/api/status");
    const run = status.indexing;
    $("status").textContent = describeStatus(status);
    $("cost").textContent = describeCost(status.index.hostedCost);
    $("cost").hidden = status.index.files === 0;
    renderFailures(status.index.failed);
    if (run.state !== before && (run.state === "failed" || before === "failed")) showIndexError();
    if (before === "indexing" && run.state !== "indexing" && !$("partial").hidden) {
        $("partial").textContent = run.state === "failed" ? "Indexing failed after this search (see above)."
            : "Indexing has finished since this search: search again for results from the whole corpus.";
    }
    if (status.generation === "off") {
        $("notice").textContent = "Retrieval only: no chat model is configured, so the app lists the passages and " +
            "pictures that fit the query without writing an answer. Set rag.chat.model (and rag.chat.base-url for " +
            "Ollama or another OpenAI-compatible server) to get answers.";
        $("notice").hidden = false;
    }
    updateControls();
    pollWhileIndexing();
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

function partialNotice(run) {
    if (run.state === "indexing") {
        return `Indexing is under way, ${progress(run)}: these results come only from the files indexed so far.`;
    }
    if (run.state === "failed") return "Indexing failed (see above): these results come from what was indexed before.";
    return "";
}

function emptyMessage(run) {
    if (run.state === "indexing") return "Nothing indexed so far matches: indexing is under way.";
    if (run.state === "failed") return "Nothing to show: indexing failed (see above).";
    if (status && status.index.files === 0) {
        return "The corpus folder holds no files to index (.md, .txt, .jpg, .png, .webp or .gif).";
    }
    return "Nothing indexed matches.";
}

// what a new search, error or re-index makes obsolete
function clearResults() {
    renderAnswer(null);
    $("summary").replaceChildren();
    $("results").replaceChildren();
    $("partial").hidden = true;
    $("report").hidden = true;
}

function render(response, queryImage) {
    clearResults();
    renderAnswer(response.answer);
    const notice = partialNotice(response.indexing);
    $("partial").textContent = notice;
    $("partial").hidden = !notice;
    const images = response.results.filter((hit) => hit.modality === "image").length;
    const summary = $("summary");
    if (queryImage) summary.append(el("img", {src: queryImage, alt: "query image"}));
    summary.append(`${count(response.results.length, "result")} for “${response.query}”: ` +
        `${count(response.results.length - images, "passage")}, ${count(images, "image")}`);
    const grid = $("results");
    grid.replaceChildren(...response.results.map(card));
    if (response.results.length === 0) grid.append(el("p", {class: "empty"}, emptyMessage(response.indexing)));
}

// one task at a time: a busy indicator, aria-busy on the results, and the buttons off until it is done
let busy = false;

function updateControls() {
    $("search-button").disabled = busy;
    $("image").disabled = busy;
    $("ingest-button").disabled = busy || (status !== null && status.indexing.state === "indexing");
}

function setBusy(text) {
    busy = !!text;
    $("busy-text").textContent = text || "";
    $("busy").hidden = !busy;
    if (busy) $("results").setAttribute("aria-busy", "true");
    else $("results").removeAttribute("aria-busy");
    updateControls();
}

async function run(doing, failed, task) {
    if (busy) return;
    setBusy(doing);
    try {
        await task();
        showIndexError();
    } catch (e) {
        clearResults();
        showError(`${failed}: ${e.message}`);
    } finally {
        setBusy(null);
    }
}

function searchText(text) {
    return run("Searching…", "Search failed", async () => {
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
    $("q").value = ""; // the text query no longer applies, in the box or in the URL
    history.replaceState(null, "", location.pathname);
    run("Searching by image…", "Image search failed", async () => {
        const form = new FormData();
        form.append("image", file);
        const response = await api("/api/search/image", {method: "POST", body: form});
        render(response, URL.createObjectURL(file));
    });
    $("image").value = "";
});

$("ingest-button").addEventListener("click", () => run("Re-indexing…", "Re-index failed", async () => {
    reindexing = true;
    pollWhileIndexing();
    let report;
    try {
        report = await api("/api/ingest", {method: "POST"});
    } finally {
        reindexing = false;
        await loadStatus().catch(() => {}); // the header and the list of files not indexed, before the outcome
    }
    clearResults(); // the results may have changed with the index
    const failed = report.failed.length;
    $("report-text").textContent = `Re-indexed in ${report.millis} ms: ${report.added} new, ${report.updated} ` +
        `changed, ${report.unchanged} unchanged, ${report.removed} removed files` +
        (failed ? `; ${failed} not indexed (listed above).` : ".");
    $("report").hidden = false;
}));

loadStatus().catch((e) => showError(`Cannot reach the app: ${e.message}`)).then(() => {
    const q = new URLSearchParams(location.search).get("q");
    if (q) {
        $("q").value = q;
        searchText(q);
    }
});
