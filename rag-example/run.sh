#!/usr/bin/env bash
# Builds and starts the jina-clip RAG example on the demo corpus (rag-example/corpus/), then open the URL it prints.
#
#   ./rag-example/run.sh                        local backend: downloads jinaai/jina-clip-v1 (about 900 MB) once
#   ./rag-example/run.sh --model-dir=PATH       local backend on a folder that already holds the model
#   ./rag-example/run.sh --backend=api          hosted Jina API; needs JINA_API_KEY
#
# Any other argument goes to Spring Boot, for example --server.port=9090, --rag.corpus-dir=/my/docs or
# --rag.chat.model=llama3.2 --rag.chat.base-url=http://localhost:11434/v1 (the app runs in rag-example/, so
# relative paths there are relative to it). Needs JDK 17 or later; the Maven wrapper downloads Maven and the
# dependencies on the first run.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
app="$root/rag-example"
args=()
for arg in "$@"; do
    case "$arg" in
        --model-dir=*)
            dir="${arg#--model-dir=}"
            [[ "$dir" = /* ]] || dir="$PWD/$dir"
            if [[ ! -d "$dir" ]]; then
                echo "run.sh: --model-dir=$dir is not a folder" >&2
                exit 2
            fi
            args+=("--spring.ai.jina-clip.onnx.model-directory=$dir")
            ;;
        --backend=*)
            backend="${arg#--backend=}"
            if [[ "$backend" = api && -z "${JINA_API_KEY:-}" ]]; then
                echo "run.sh: --backend=api needs a Jina API key in JINA_API_KEY (https://jina.ai/embeddings)" >&2
                exit 2
            fi
            args+=("--spring.ai.jina-clip.backend=$backend")
            ;;
        -h|--help)
            sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            args+=("$arg")
            ;;
    esac
done

echo "Building rag-example (the first build downloads Maven and the dependencies; later ones take seconds)..."
"$root/mvnw" -B -q -f "$root/pom.xml" -pl rag-example -am package -DskipTests -Dmaven.javadoc.skip=true \
    -Dmaven.source.skip=true

cd "$app"
jar="$(ls target/rag-example-*.jar | grep -v -e '-sources' -e '-javadoc' | head -n 1)"
# ${args[@]+...}: an empty array is "unbound" to bash before 4.4 (macOS ships 3.2)
exec java -jar "$jar" ${args[@]+"${args[@]}"}
