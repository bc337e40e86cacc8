#!/usr/bin/env python3
"""Draws docs/images/modules.png, the picture in docs/architecture.md, from the poms: the modules of the parent pom
and their compile and runtime dependencies on each other and on the libraries that decide an artifact's weight.
Test-scoped dependencies are left out, and so are the two modules that only tests use (jina-clip-testing and
dependency-shape). Needs Graphviz (Debian: apt-get install graphviz). Run it from anywhere after changing a
module's dependencies:

    python3 docs/images/modules.py
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "docs" / "images" / "modules.png"
NS = {"m": "http://maven.apache.org/POM/4.0.0"}
OUR_GROUP = "dev.jinaclip"

# the libraries drawn, by groupId and artifactId prefix; the first match names the node. Others (SLF4J, test
# libraries, the example app's web stack) are left out: they are not what tells the artifacts apart.
LIBRARIES = [
    ("dev.langchain4j", "langchain4j-core", "LangChain4j core", "langchain4j.version"),
    ("dev.langchain4j", "langchain4j", "LangChain4j", "langchain4j.version"),
    ("org.springframework.ai", "", "Spring AI", "spring-ai.version"),
    ("org.springframework.boot", "", "Spring Boot", "spring-boot.version"),
    ("com.squareup.okhttp3", "okhttp", "OkHttp", "okhttp.version"),
    ("com.fasterxml.jackson.core", "jackson-databind", "Jackson", "jackson.version"),
    ("com.microsoft.onnxruntime", "onnxruntime", "ONNX Runtime", "onnxruntime.version"),
    ("ai.djl.huggingface", "tokenizers", "DJL tokenizers", "djl.version"),
    ("com.twelvemonkeys.imageio", "", "TwelveMonkeys ImageIO", "twelvemonkeys.version"),
]
# the libraries drawn side by side, with a caption; the first group only the local backend and the image pipeline
# may bring
LIBRARY_GROUPS = [
    ("local backend and image pipeline only", "#ffd9cc",
     ["ONNX Runtime", "DJL tokenizers", "TwelveMonkeys ImageIO"]),
    ("HTTP and JSON", "#ffffff", ["OkHttp", "Jackson"]),
    ("frameworks", "#ffffff", ["LangChain4j core", "LangChain4j", "Spring AI", "Spring Boot"]),
]

ROLES = {
    "jina-clip-core": "engine interface, model descriptors, errors",
    "jina-clip-api": "hosted backend: JinaClipApiClient",
    "jina-clip-image": "image pipeline: ClipImagePreprocessor",
    "jina-clip-onnx": "local backend: JinaClipOnnxEngine",
    "langchain4j-jina-clip": "LangChain4j adapter (user-facing)",
    "spring-ai-jina-clip": "Spring AI adapter (user-facing)",
    "rag-example": "example application",
    "benchmarks": "workload benchmarks",
}
# modules that only tests use: no part of what a user's application resolves
TEST_ONLY_MODULES = {"jina-clip-testing", "dependency-shape"}
USER_FACING = {"langchain4j-jina-clip", "spring-ai-jina-clip"}


def text(element, path):
    value = element.findtext(path, namespaces=NS)
    return value.strip() if value else None


def properties(pom):
    found = {}
    for prop in pom.findall("m:properties/*", NS):
        found[prop.tag.split("}", 1)[1]] = (prop.text or "").strip()
    return found


def resolve(value, props):
    return re.sub(r"\$\{([^}]+)}", lambda m: props.get(m.group(1), m.group(0)), value or "")


def library(group, artifact):
    for lib_group, prefix, name, version_property in LIBRARIES:
        if group == lib_group and artifact.startswith(prefix):
            return name, version_property
    return None


def main():
    parent = ET.parse(ROOT / "pom.xml").getroot()
    parent_props = properties(parent)
    modules = [m.text.strip() for m in parent.findall("m:modules/m:module", NS)
               if m.text.strip() not in TEST_ONLY_MODULES]
    edges = {}  # (from, to) -> style
    library_versions = {}
    for module in modules:
        pom = ET.parse(ROOT / module / "pom.xml").getroot()
        props = {**parent_props, **properties(pom)}
        for dependency in pom.findall("m:dependencies/m:dependency", NS):
            group, artifact = text(dependency, "m:groupId"), text(dependency, "m:artifactId")
            scope = text(dependency, "m:scope") or "compile"
            optional = text(dependency, "m:optional") == "true"
            if group == OUR_GROUP:
                target = artifact
            else:
                found = library(group, artifact)
                if found is None:
                    continue
                target, version_property = found
                version = resolve("${" + version_property + "}", props)
                if not version.startswith("${"):
                    library_versions[target] = version
            if scope == "test" or target in TEST_ONLY_MODULES:
                continue
            style = "optional" if optional else "compile"
            # one edge per pair (TwelveMonkeys is three artifacts): a compile dependency wins over an optional one
            if edges.get((module, target)) != "compile":
                edges[(module, target)] = style

    lines = [
        "digraph modules {",
        '  graph [rankdir=TB, fontname="Helvetica", fontsize=10, nodesep=0.3, ranksep=0.6, pad=0.2];',
        '  node [fontname="Helvetica", fontsize=11];',
        '  edge [fontname="Helvetica", fontsize=9, color="#555555"];',
    ]
    for module in modules:
        fill = "#cfe3ff" if module in USER_FACING else "#eeeeee" if module in ("rag-example", "benchmarks") \
            else "#e3f2d9"
        label = f"<<b>{module}</b><br/><font point-size=\"9\">{ROLES.get(module, '')}</font>>"
        lines.append(f'  "{module}" [shape=box, style="rounded,filled", fillcolor="{fill}", label={label}];')
    drawn = {target for (_, target) in edges if target not in modules}
    for index, (caption, fill, names) in enumerate(LIBRARY_GROUPS):
        lines.append(f'  subgraph cluster_{index} {{ label="{caption}"; style="rounded,dashed"; color="#999999";')
        for name in (n for n in names if n in drawn):
            version = library_versions.get(name, "")
            lines.append(f'    "{name}" [shape=ellipse, style=filled, fillcolor="{fill}", '
                         f'label="{name}\\n{version}"];')
        lines.append("  }")
    styles = {"compile": "", "optional": ' [style=dashed, label="optional"]'}
    for (source, target), style in sorted(edges.items()):
        lines.append(f'  "{source}" -> "{target}"{styles[style]};')
    lines.append("  { rank=same; " + " ".join(f'"{m}";' for m in sorted(USER_FACING)) + " }")
    lines.append("}")
    dot = "\n".join(lines) + "\n"
    result = subprocess.run(["dot", "-Tpng", "-Gdpi=110", "-o", str(OUTPUT)], input=dot, text=True)
    if result.returncode != 0:
        sys.exit(f"dot failed with exit code {result.returncode}")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
