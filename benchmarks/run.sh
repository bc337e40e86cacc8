#!/usr/bin/env bash
# Runs the JMH benchmarks of the in-process backend against full-size random-weight models of the real
# architecture (see ../shared/bench-models or docs/benchmarks.md). Extra arguments go to JMH, e.g. a regex:
#   benchmarks/run.sh ImagePreprocessing
# Results: console and benchmarks/target/jmh-result.json.
# JINA_CLIP_BENCH_MODELS: folder with text_model.onnx and vision_model.onnx (default /tmp/bench-models).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl benchmarks -am install -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true
exec ./mvnw -B -q -pl benchmarks exec:exec \
    -Dexec.args="-cp %classpath org.openjdk.jmh.Main -rf json -rff target/jmh-result.json $*"
