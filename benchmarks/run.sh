#!/usr/bin/env bash
# The benchmark suite of the in-process and hosted backends (see benchmarks/README.md).
#   benchmarks/run.sh <workload>|all [--runs N] [options]   one fresh JVM per workload, under /usr/bin/time -v
#   benchmarks/run.sh chart | table                          chart.png / markdown from the result files
#   benchmarks/run.sh list | verify-models
# server-texts, server-images, server-burst start jina-clip-server (its packaged jar) on a free 127.0.0.1 port.
# Results: benchmarks/target/results/<workload>.json (peak RSS added from /usr/bin/time), chart.png.
# JINA_CLIP_BENCH_MODELS: folder with text_model.onnx and vision_model.onnx (default /tmp/bench-models).
# JAVA_OPTS: options of every workload JVM (default none). JINA_CLIP_BENCH_RESULTS: results folder.
set -euo pipefail
cd "$(dirname "$0")/.."
results=${JINA_CLIP_BENCH_RESULTS:-benchmarks/target/results}
classpath_file=benchmarks/target/classpath.txt

if [[ $# -lt 1 ]]; then
    sed -n '2,9p' "$0" >&2
    exit 2
fi
command=$1
shift

# build once: the engine module from this checkout (not from ~/.m2), the class path of its jars, and the server's
# jar that the server-* workloads start as a process of its own
./mvnw -B -q -pl benchmarks,jina-clip-server -am package dependency:build-classpath -DskipTests -Dmaven.javadoc.skip=true \
    -Dmaven.source.skip=true -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
classpath="benchmarks/target/classes:$(cat "$classpath_file")"

bench() {
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    java ${JAVA_OPTS:-} -cp "$classpath" dev.jinaclip.benchmarks.BenchMain "$@"
}

# runs BenchMain under /usr/bin/time -v and prints the peak RSS in kB; its output goes to the terminal
timed() {
    local log status=0
    log=$(mktemp)
    # shellcheck disable=SC2086
    /usr/bin/time -v -o "$log" java ${JAVA_OPTS:-} -cp "$classpath" dev.jinaclip.benchmarks.BenchMain "$@" >&2 \
        || status=$?
    sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$log"
    rm -f "$log"
    return $status
}

run_workload() {
    local workload=$1 kind=$2
    shift 2
    echo "== $workload" >&2
    local rss
    rss=$(timed "$workload" --results "$results" "$@")
    bench record-rss "$results/$workload.json" processBytes "$rss"
    if [[ $kind == local ]]; then
        echo "== $workload, engine only (peak RSS)" >&2
        rss=$(timed "$workload" --results "$results" --engine-only "$@")
        bench record-rss "$results/$workload.engine-only.json" processBytes "$rss"
        bench record-rss "$results/$workload.json" engineOnlyBytes "$rss"
    fi
}

case $command in
    chart | table) bench "$command" --results "$results" "$@" ;;
    list) bench list ;;
    verify-models) java -cp "$classpath" dev.jinaclip.benchmarks.VerifyBenchModels ;;
    all)
        mapfile -t workloads < <(bench list)
        for line in "${workloads[@]}"; do
            read -r workload kind <<<"$line"
            run_workload "$workload" "${kind:-}" "$@"
        done
        bench chart --results "$results"
        ;;
    *)
        line=$(bench list | grep -E "^$command( local)?\$" || true)
        if [[ -z $line ]]; then
            bench "$command" # unknown: prints the usage and fails
        fi
        read -r workload kind <<<"$line"
        run_workload "$workload" "${kind:-}" "$@"
        ;;
esac
